"""Face blurring for anonymized keyframes and clips.

OpenCV's Haar cascades (shipped with opencv-python under `cv2.data.haarcascades`)
find frontal faces and profiles looking either way. Detection runs on a grey copy
of the frame scaled so its longest side is at most `DETECT_SIDE` pixels; every
box is grown generously and pixelated so coarsely that no detector finds a face
in it afterwards. Stills are checked again after blurring, and every exported still and
clip is then searched by an independent detector (`indexing.export.facecheck`), which
blurs harder (`FaceBlurrer.hardened`) or stops the export. Video goes through a
`FaceTrack` (see `indexing.export.tracking`): the detector runs on every
`every`-th frame and on scene changes, every `full_every`-th look with all its
passes and the others with the quick frontal one, and each frame is blurred with
the boxes found on both sides of it.

The smallest face searched for is `MIN_FACE` pixels at detection scale, so at
1280x720 (detected at 640x360) faces under about 40 pixels high are not looked
for; below 640 pixels on the longest side the frame is searched at full size.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from concurrent.futures import Executor
from typing import Any

import numpy as np

from indexing.export.tracking import Box, FaceTrack

log = logging.getLogger(__name__)

DETECT_SIDE = 640  # longest side of the picture the detector sees
MIN_FACE = 20  # smallest face searched for, in detection pixels (the cascades' own window is 20-24)
GROW = 0.45  # each side of a face box grows by this fraction of its size
CELL = 24  # pixelation cell, in pixels of the blurred region's shorter side
EVERY = 5  # video: detect on every 5th frame (and on scene changes)
FULL_EVERY = 3  # video: every 3rd look runs every pass, the others only the quick one
HARD_GROW = 0.8  # the harder pass after the face check found a face: boxes grow this much, and are filled
CASCADES = (
    "haarcascade_frontalface_default.xml",
    "haarcascade_frontalface_alt2.xml",
    "haarcascade_profileface.xml",
)
# Detector passes: (cascade, pyramid step, mirrored). The quick look is the frontal cascade that
# finds the most faces per millisecond (alt2 keeps its recall at a coarse step); a full look adds
# the default frontal cascade and the profile cascade looking either way, at a fine step.
QUICK = (("haarcascade_frontalface_alt2.xml", 1.2, False),)
FULL = QUICK + (
    ("haarcascade_frontalface_default.xml", 1.1, False),
    ("haarcascade_profileface.xml", 1.1, False),
    ("haarcascade_profileface.xml", 1.1, True),
)

_CASCADES: dict[str, Any] = {}


def _load_cascades() -> dict[str, Any]:
    """The cascades by file name, loaded once per process (each load parses a large XML file)."""
    import cv2

    if not _CASCADES:
        folder = cv2.data.haarcascades  # type: ignore[attr-defined]  # missing from OpenCV's stubs
        for name in CASCADES:
            c = cv2.CascadeClassifier(folder + name)
            if c.empty():
                from indexing.errors import ExportError

                raise ExportError(f"OpenCV face model {name} is missing from {folder}: "
                                  "reinstall opencv-python-headless 4.x")
            _CASCADES[name] = c
    return _CASCADES


@contextlib.contextmanager
def cv2_threads(n: int) -> Iterator[None]:
    """Run the block with OpenCV's own thread pool at `n` threads, then restore it.

    The setting is process-wide. Video blurring runs the detector on a worker thread
    beside decoding and encoding; OpenCV's pool on top of that only oversubscribes
    the cores.
    """
    import cv2

    before = cv2.getNumThreads()
    cv2.setNumThreads(n)
    try:
        yield
    finally:
        cv2.setNumThreads(before)


def grey_at_most(image: np.ndarray, side: int) -> tuple[np.ndarray, float]:
    """`image` (BGR or grey) as grey, shrunk so its longest side is at most `side`, and the scale used."""
    import cv2

    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    h, w = gray.shape[:2]
    scale = min(1.0, side / float(max(w, h)))
    if scale < 1.0:
        gray = cv2.resize(gray, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(gray), scale


def blur_region(plane: np.ndarray, x0: int, y0: int, x1: int, y1: int, fill: bool = False) -> None:
    """Pixelate and smooth `plane[y0:y1, x0:x1]` in place (grey, colour or one YUV plane).

    The region shrinks to a grid of cells about `CELL` pixels wide, is smoothed at that
    size and stretched back: no eye, nose or mouth survives, and the work is done on a
    few dozen pixels instead of the whole region. With `fill` the region takes its mean
    colour instead (the harder pass, after the face check still found a face).
    """
    import cv2

    roi = plane[y0:y1, x0:x1]
    h, w = roi.shape[:2]
    if h < 2 or w < 2:
        return
    if fill:
        roi[...] = roi.reshape(-1, *roi.shape[2:]).mean(axis=0).astype(plane.dtype)
        return
    cells = max(2, min(h, w) // CELL)
    tiny = cv2.resize(roi, (cells, cells), interpolation=cv2.INTER_AREA)
    tiny = cv2.GaussianBlur(tiny, (3, 3), 0)
    roi[...] = cv2.resize(tiny, (w, h), interpolation=cv2.INTER_LINEAR)


def grown(box: Box, width: int, height: int, grow: float = GROW) -> tuple[int, int, int, int]:
    """`box` grown by `grow` on each side and clipped to the frame, as (x0, y0, x1, y1)."""
    x, y, bw, bh = box
    gx, gy = int(bw * grow), int(bh * grow)
    return max(0, x - gx), max(0, y - gy), min(width, x + bw + gx), min(height, y + bh + gy)


def merged(rects: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Overlapping (x0, y0, x1, y1) rectangles joined into their hulls until none overlap.

    A frame is blurred with the boxes of several looks, mostly around the same face;
    blurring each hull once is cheaper than blurring every box, and covers at least as much.
    """
    out = list(dict.fromkeys(rects))
    joined = True
    while joined:
        joined = False
        for i in range(len(out)):
            for j in range(i + 1, len(out)):
                a, b = out[i], out[j]
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                    out[i] = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                    del out[j]
                    joined = True
                    break
            if joined:
                break
    return out


class FaceBlurrer:
    """Finds and blurs faces in stills (BGR or grey) and video (BGR or YUV 4:2:0).

    Args:
        min_neighbors: Cascade strictness (lower finds more, including false faces; here a
            false face only costs a blurred patch).
        every: Video: run the detector on every n-th frame (and on scene changes).
        full_every: Video: every n-th look runs all passes (`FULL`), the others `QUICK`.
        grow: Each side of a face box grows by this fraction of its size before blurring.
        fill: Fill face regions with their mean colour instead of pixelating them.
    """

    def __init__(self, min_neighbors: int = 3, every: int = EVERY, full_every: int = FULL_EVERY, *,
                 grow: float = GROW, fill: bool = False) -> None:
        import cv2

        self._cv2 = cv2
        self._cascades = _load_cascades()
        self.min_neighbors = min_neighbors
        self.every = max(1, every)
        self.full_every = max(1, full_every)
        self.grow = grow
        self.fill = fill
        self.faces_found = 0
        self.frames_blurred = 0

    def hardened(self) -> FaceBlurrer:
        """The blurrer for what the face check still finds after this one: larger boxes, filled.

        Returns:
            A blurrer whose boxes grow by `HARD_GROW` and are filled with their mean colour.
        """
        return FaceBlurrer(self.min_neighbors, every=self.every, full_every=self.full_every,
                           grow=max(self.grow, HARD_GROW), fill=True)

    def reset(self) -> None:
        """Nothing is held between clips (each clip gets its own track); counters keep adding up."""

    def detect(self, image: np.ndarray, full: bool = True) -> list[Box]:
        """Face boxes (x, y, w, h) in `image` coordinates.

        Args:
            image: BGR, or grey.
            full: Run every pass (`FULL`); otherwise only the quick frontal one (`QUICK`).
        """
        cv2 = self._cv2
        gray, scale = grey_at_most(image, DETECT_SIDE)
        small = cv2.equalizeHist(gray)
        boxes: list[Box] = []
        mirrored = None
        for name, step, flipped in FULL if full else QUICK:
            img = small
            if flipped:
                mirrored = cv2.flip(small, 1) if mirrored is None else mirrored
                img = mirrored
            found = self._cascades[name].detectMultiScale(img, scaleFactor=step, minNeighbors=self.min_neighbors,
                                                          minSize=(MIN_FACE, MIN_FACE))
            for x, y, bw, bh in (found if len(found) else []):
                if flipped:
                    x = img.shape[1] - x - bw
                boxes.append((int(x / scale), int(y / scale), int(bw / scale), int(bh / scale)))
        return boxes

    def blur_boxes(self, image: np.ndarray, boxes: list[Box]) -> np.ndarray:
        """Blur each grown box of a BGR or grey image in place (and return the image)."""
        h, w = image.shape[:2]
        for rect in merged([grown(box, w, h, self.grow) for box in boxes]):
            blur_region(image, *rect, fill=self.fill)
        return image

    def blur_yuv420(self, frame: np.ndarray, boxes: list[Box]) -> np.ndarray:
        """Blur each grown box of a planar YUV 4:2:0 frame in place (and return it).

        Args:
            frame: PyAV's `yuv420p` array: shape (height * 3 / 2, width), Y rows then U then V,
                width and height even; `boxes` are in Y coordinates.
            boxes: Face boxes to blur.
        """
        h, w = frame.shape[0] * 2 // 3, frame.shape[1]
        y_plane = frame[:h]
        u_plane = frame[h : h + h // 4].reshape(h // 2, w // 2)
        v_plane = frame[h + h // 4 :].reshape(h // 2, w // 2)
        for x0, y0, x1, y1 in merged([grown(box, w, h, self.grow) for box in boxes]):
            blur_region(y_plane, x0, y0, x1, y1, fill=self.fill)
            for plane in (u_plane, v_plane):
                blur_region(plane, x0 // 2, y0 // 2, (x1 + 1) // 2, (y1 + 1) // 2, fill=self.fill)
        return frame

    def blur_image(self, image: np.ndarray) -> np.ndarray:
        """Detect and blur faces in a still image (repeats until nothing is found, at most 3 passes)."""
        for _ in range(3):
            boxes = self.detect(image)
            if not boxes:
                break
            self.faces_found += len(boxes)
            self.blur_boxes(image, boxes)
        return image

    def track(self, *, yuv420: bool = False, executor: Executor | None = None) -> FaceTrack:
        """A `FaceTrack` for one clip, blurring with this blurrer and adding to its counters.

        Args:
            yuv420: Frames pushed are PyAV `yuv420p` arrays (push their first `height` rows as
                the grey picture); otherwise BGR or grey arrays.
            executor: Runs the detector off the calling thread when given.
        """

        def detect(gray: np.ndarray, full: bool) -> list[Box]:
            boxes = self.detect(gray, full)
            self.faces_found += len(boxes)
            return boxes

        def blur(frame: np.ndarray, boxes: list[Box]) -> None:
            self.frames_blurred += 1
            if yuv420:
                self.blur_yuv420(frame, boxes)
            else:
                self.blur_boxes(frame, boxes)

        return FaceTrack(detect, blur, every=self.every, full_every=self.full_every, executor=executor)

    def stats(self) -> dict[str, Any]:
        return {"faces_found": self.faces_found, "frames_blurred": self.frames_blurred}
