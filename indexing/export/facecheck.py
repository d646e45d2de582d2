"""Fail-closed face check of anonymized media: an independent detector pass after blurring.

Blurring (`indexing.export.faces`) uses OpenCV's Haar cascades on a histogram-equalised picture,
and in video only looks at some frames. Whatever it misses must not leave with the export, so
every exported still and the frames of every exported clip are searched again after blurring, by
detectors that do not share its blind spots:

- OpenCV's LBP frontal-face cascade (`data/lbpcascade_frontalface.xml`: other features, trained
  separately), and
- OpenCV's standard frontal Haar cascade as anyone would run it: the plain grey frame,
  scaleFactor 1.1, minNeighbors 3 (the check that found faces in exports before).

A still that still shows a face is blurred again, harder (a larger box filled with its mean
colour), up to `ROUNDS` times, and the check runs on the JPEG bytes that are written. A clip is
checked on its blurred frames on their way to the encoder (`ClipCheck`): one frame in every
`SPACING` seconds at most, so a face visible for 0.2 s is searched, one for 0.4 s twice, and
in each of those frames only where the picture changed since it was last searched (a face cannot
appear without changing the picture; `TIERS`). What it finds is filled, in that frame and in the frames
around it, and each frame filled is searched again in full; a face still found after `ROUNDS`
fills deletes the clip (`clips.cut_clip`) and `FaceLeakError` stops the export, which then
leaves nothing behind. Nothing is cut twice: frames the check finds nothing in cost one
(partial) search in every few frames.

A detection that is a flat drawing (a few flat grey tones cover the box: `drawn`) is not a face:
the Haar cascade fires on drawn graphics (the bundled sample's hand over a green circle), and
filling them would spoil the export for nothing. A photographed face has a spread of tones even
at a tenth of normal contrast, so this never exempts one (see `DRAWN`).

Faces are searched at `CHECK_SIDE` pixels on the longest side (the blurrer's own detection size),
down to `MIN_FACE` pixels there: at 640x360 every face of 24 pixels or more; at 1280x720, of 48.
"""

from __future__ import annotations

import logging
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

import numpy as np

from indexing.errors import ExportError
from indexing.export.faces import grey_at_most, grown, merged
from indexing.export.tracking import Box, FaceTrack

log = logging.getLogger(__name__)

LBP_MODEL = Path(__file__).resolve().parent / "data" / "lbpcascade_frontalface.xml"
HAAR_MODEL = "haarcascade_frontalface_default.xml"
CHECK_SIDE = 640  # pictures are searched at most this large (the blurrer detects at this size too)
MIN_FACE = 24  # smallest face searched for, in check pixels (both cascades' own window is 24)
STEP = 1.1  # pyramid step of both check detectors
NEIGHBOURS = 3
ROUNDS = 3  # stills: blur-and-check rounds before the export stops
STRONG_GROW = 0.8  # each side of a box still showing a face grows by this fraction before refilling
JPEG_QUALITY = 90
SPACING = 0.2  # clips: seconds between checked frames at most (a 0.2 s face is seen, a 0.4 s one twice)
CELL = 8  # clips: the picture is compared with what was searched in cells of this many pixels
CHANGE = 4.0  # ... and a cell whose mean grey level moved by more than this is searched again
# Clips: face sizes searched in tiers. A face of size s that appeared or moved overlaps a changed
# cell, so it lies inside the changed region grown by s: each tier's sizes are searched in the
# changed regions grown by the tier's largest size; the last tier in the whole picture (few windows).
TIERS = ((MIN_FACE, 48), (48, 112), (112, 0))
# A flat drawing is no face: graphics (circles, hands and boxes drawn in flat colour) fool the Haar
# cascade, while a photographed face, even at a tenth of normal contrast, has a spread of grey levels.
# A box is a drawing when its `TONES` commonest grey levels (each with +-1 level, for codec noise)
# cover more than `DRAWN` of its pixels: sample-video graphics 0.68-0.93, real faces (astronaut and
# LFW photographs, JPEG q60, contrast 1.0 to 0.1) at most 0.76.
TONES = 3
DRAWN = 0.8

_MODELS: dict[str, Any] = {}


class FaceLeakError(ExportError):
    """A face is still detectable in exported media after every blurring pass."""


def _models() -> dict[str, Any]:
    import cv2

    if not _MODELS:
        for name, path in (("lbp", str(LBP_MODEL)), ("haar", cv2.data.haarcascades + HAAR_MODEL)):  # type: ignore[attr-defined]
            c = cv2.CascadeClassifier(path)
            if c.empty():
                raise ExportError(f"face check model {path} is missing or unreadable: reinstall knowhow-capture")
            _MODELS[name] = c
    return _MODELS


class FaceCheck:
    """The independent detector pass. `find` returns face boxes in the image's own coordinates."""

    def __init__(self) -> None:
        import cv2

        self._cv2 = cv2
        self._models = _models()
        self.checked = 0
        self.drawn = 0  # detections dropped as flat drawings

    def small(self, image: np.ndarray) -> tuple[np.ndarray, float]:
        """The grey picture the check searches (at most `CHECK_SIDE` long) and its scale."""
        return grey_at_most(image, CHECK_SIDE)

    def detect(self, gray: np.ndarray, min_size: int = MIN_FACE, max_size: int = 0) -> list[Box]:
        """Faces either detector finds in a grey picture at check scale, in its coordinates."""
        boxes: list[Box] = []
        for model in self._models.values():
            found = model.detectMultiScale(gray, scaleFactor=STEP, minNeighbors=NEIGHBOURS,
                                           minSize=(min_size, min_size), maxSize=(max_size, max_size))
            for x, y, bw, bh in (found if len(found) else []):
                if drawn(gray[y:y + bh, x:x + bw]):
                    self.drawn += 1
                    continue
                boxes.append((int(x), int(y), int(bw), int(bh)))
        return boxes

    def find(self, image: np.ndarray) -> list[Box]:
        """Faces either check detector finds in a BGR or grey image (or a YUV frame's Y plane)."""
        gray, scale = self.small(image)
        self.checked += 1
        return [_scaled(b, 1.0 / scale) for b in self.detect(gray)]


def drawn(crop: np.ndarray) -> bool:
    """Whether a grey crop is a flat drawing (a few flat tones), not a photographed face."""
    values = crop.astype(np.int32).ravel()
    if values.size == 0:
        return False
    covered = np.zeros(values.size, dtype=bool)
    for _ in range(TONES):
        rest = values[~covered]
        if rest.size == 0:
            break
        covered |= np.abs(values - int(np.bincount(rest, minlength=256).argmax())) <= 1
    return bool(covered.mean() > DRAWN)


def _scaled(box: Box, f: float) -> Box:
    return (int(box[0] * f), int(box[1] * f), int(box[2] * f), int(box[3] * f))


class ClipCheck:
    """The check of one clip, between the blurrer and the encoder: it searches the blurred frames,
    fills what it finds, and raises when a filled frame still shows a face.

    Frames go through a `FaceTrack` of their own: one frame in `every` is searched (only where the
    picture changed since it was last searched), the frames in between are held until the next
    search, and each frame gets the boxes found on both sides of it (and between them, for a face
    on the move), filled by `repair`. Every frame filled is searched again in full, and filled
    again, up to `ROUNDS` times.

    Args:
        fps: The clip's frame rate (sets how many frames lie between two searched ones).
        repair: Fills boxes of a YUV 4:2:0 frame in place (`FaceBlurrer.hardened()`).
        check: The detectors (a new `FaceCheck` when None).
        executor: Runs the searches off the calling thread when given.
        what: Names the clip in the error message.
    """

    def __init__(self, fps: float, repair: Any, check: FaceCheck | None = None, *,
                 executor: Executor | None = None, what: str = "clip") -> None:
        self.check = check or FaceCheck()
        self.every = max(1, int(SPACING * max(fps, 1.0) + 1e-6))
        self.looked = 0  # frames searched (in whole or in part)
        self.found = 0  # faces the check found after blurring
        self.repaired = 0  # frames filled because of them
        self._repair = repair
        self._what = what
        self._cells: np.ndarray | None = None  # cell means of what has been searched
        self._last: list[Box] = []  # what the last search found (check scale): unchanged parts keep it
        self._track = FaceTrack(lambda gray, full: self.search(gray), self._fill, every=self.every,
                                full_every=1, executor=executor, scene_change=None)

    def push(self, frame: np.ndarray, t: float) -> list[tuple[np.ndarray, float]]:
        """Add the next blurred YUV 4:2:0 frame (and its time); returns the frames now checked, in order.

        Raises:
            FaceLeakError: A frame still shows a face after `ROUNDS` fills.
        """
        height = frame.shape[0] * 2 // 3
        return [(item[0], item[1]) for item, _ in self._track.push(frame[:height], (frame, t))]

    def flush(self) -> list[tuple[np.ndarray, float]]:
        """The remaining frames, checked (call after the last `push`)."""
        return [(item[0], item[1]) for item, _ in self._track.flush()]

    def _fill(self, item: tuple[np.ndarray, float], boxes: list[Box]) -> None:
        frame, t = item
        gray = frame[: frame.shape[0] * 2 // 3]
        self.repaired += 1
        for _ in range(ROUNDS):
            self._repair.blur_yuv420(frame, boxes)
            boxes = self.check.find(gray)
            if not boxes:
                return
        raise FaceLeakError(f"a face is still detectable at {t:.1f} s in {self._what} after {ROUNDS} "
                            "extra blurring passes; export stopped so that no face leaves it")

    def search(self, gray: np.ndarray) -> list[Box]:
        """Faces in a frame's grey picture (full size), searched only where it changed since the last search."""
        small, scale = self.check.small(gray)
        self.looked += 1
        self._last = self._search(small)
        boxes = [_scaled(b, 1.0 / scale) for b in self._last]
        self.found += len(boxes)
        return boxes

    def _search(self, small: np.ndarray) -> list[Box]:
        cv2 = self.check._cv2
        h, w = small.shape
        ch, cw = max(1, h // CELL), max(1, w // CELL)
        cells = cv2.resize(small, (cw, ch), interpolation=cv2.INTER_AREA).astype(np.float32)
        if self._cells is None or self._cells.shape != cells.shape:
            self._cells = cells
            return self.check.detect(small)
        moved = (np.abs(cells - self._cells) > CHANGE).astype(np.uint8)
        if not moved.any():
            return list(self._last)  # the same picture as was searched: the same answer
        n, _, stats, _ = cv2.connectedComponentsWithStats(moved, connectivity=8)
        sx, sy = w / cw, h / ch
        changed = []
        for cx, cy, cwid, chei, _area in stats[1:n]:
            self._cells[cy:cy + chei, cx:cx + cwid] = cells[cy:cy + chei, cx:cx + cwid]
            changed.append((int(cx * sx), int(cy * sy), int((cx + cwid) * sx), int((cy + chei) * sy)))
        boxes: list[Box] = []
        searched: list[tuple[int, int, list[tuple[int, int, int, int]]]] = []
        for low, high in TIERS:
            if not high:
                searched.append((low, high, [(0, 0, w, h)]))
                boxes += self.check.detect(small, min_size=low)
                continue
            rects = merged([(max(0, x0 - high), max(0, y0 - high), min(w, x1 + high), min(h, y1 + high))
                            for x0, y0, x1, y1 in changed])
            searched.append((low, high, rects))
            for x0, y0, x1, y1 in rects:
                if x1 - x0 >= low and y1 - y0 >= low:
                    boxes += [(x + x0, y + y0, bw, bh) for x, y, bw, bh in
                              self.check.detect(small[y0:y1, x0:x1], min_size=low, max_size=high)]
        # A face found before stays found unless its place was searched again at its size.
        for b in self._last:
            size = max(b[2], b[3])
            if not any(low <= size and (not high or size <= high) and any(
                    x0 <= b[0] and y0 <= b[1] and b[0] + b[2] <= x1 and b[1] + b[3] <= y1 for x0, y0, x1, y1 in rects)
                    for low, high, rects in searched):
                boxes.append(b)
        return boxes


def fill_boxes(image: np.ndarray, boxes: list[Box], grow: float = STRONG_GROW) -> None:
    """Fill each box, grown by `grow` on every side, with its mean colour (in place): nothing is left to find."""
    h, w = image.shape[:2]
    for x0, y0, x1, y1 in (grown(b, w, h, grow) for b in boxes):
        if x1 > x0 and y1 > y0:
            roi = image[y0:y1, x0:x1]
            roi[...] = roi.reshape(-1, *roi.shape[2:]).mean(axis=0).astype(image.dtype)


def secure_still(image: np.ndarray, blurrer: Any, check: FaceCheck | None = None, *,
                 what: str = "image", quality: int = JPEG_QUALITY) -> bytes:
    """Blur faces in a still, check the JPEG that will be written, and blur harder until none is found.

    Args:
        image: BGR or grey image (changed in place).
        blurrer: The export's `FaceBlurrer`.
        check: The independent detector pass (a new one when None).
        what: Names the image in the error message.
        quality: JPEG quality of the bytes returned.

    Returns:
        The JPEG bytes to write (the check ran on exactly these bytes, decoded).

    Raises:
        FaceLeakError: A face is still found after `ROUNDS` rounds.
    """
    import cv2

    check = check or FaceCheck()
    blurrer.blur_image(image)
    for attempt in range(ROUNDS + 1):
        ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
        decoded = cv2.imdecode(buf, cv2.IMREAD_UNCHANGED) if ok else None
        if decoded is None:
            raise ExportError(f"cannot encode {what}")
        boxes = check.find(decoded)
        if not boxes:
            return bytes(buf.tobytes())
        if attempt == ROUNDS:
            break
        log.info("%s: face check found %d face(s) after blurring; blurring harder", what, len(boxes))
        blurrer.faces_found += len(boxes)
        fill_boxes(image, boxes)
    raise FaceLeakError(f"a face is still detectable in {what} after {ROUNDS} extra blurring passes; "
                        "export stopped so that no face leaves it")


def clip_faces(path: str | Path, check: FaceCheck | None = None) -> list[tuple[int, float, list[Box]]]:
    """Every frame of a written clip in which the check finds a face: (frame index, time, boxes).

    Searches every frame in full (slow; for tests and benchmarks, not used by the export).
    """
    import av

    check = check or FaceCheck()
    out = []
    with av.open(str(path)) as c:
        if not c.streams.video:
            return []
        for i, frame in enumerate(c.decode(video=0)):
            boxes = check.find(frame.to_ndarray(format="gray"))
            if boxes:
                out.append((i, float(frame.time or 0.0), boxes))
    return out
