"""Blurring faces in a video while running the face detector on only some frames.

Detecting faces is far more expensive than decoding, blurring or encoding a
frame, and a face cannot jump far in a fifth of a second. `FaceTrack` therefore
runs the detector on every `every`-th frame (and at once when the picture has
changed a lot since the last look, as after a cut), and holds the frames in
between until the next detection is known. Each frame is then blurred with the
boxes of the detection frames on both sides of it, plus, for a face seen on
both sides, the box spanning both positions, so a face moving between two looks
stays covered. A detection frame takes the boxes of the frames on both sides of
it too: one missed look does not let a face through.

Looks may be quick (one cheap detector) or full (every detector): every
`full_every`-th look is full, and each frame also takes the boxes of the full
looks on both sides of it, so a face only the full detectors find (a profile)
stays covered between them.

The detector may run on a worker thread (OpenCV releases the GIL while it
detects) so that it overlaps with decoding and encoding; results are the same
either way, because a frame is only released once the detections it depends on
are known.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

Box = tuple[int, int, int, int]  # x, y, w, h

THUMB = (32, 18)  # size of the picture summary compared for scene changes
CHANGE = 24.0  # mean absolute grey difference (0-255) of the summaries that counts as a new scene


def hull(a: Box, b: Box) -> Box:
    """The smallest box holding both `a` and `b`."""
    x0, y0 = min(a[0], b[0]), min(a[1], b[1])
    x1, y1 = max(a[0] + a[2], b[0] + b[2]), max(a[1] + a[3], b[1] + b[3])
    return (x0, y0, x1 - x0, y1 - y0)


def bridge(before: list[Box], after: list[Box]) -> list[Box]:
    """Boxes covering a face on its way from a box in `before` to one in `after`.

    Each box in `before` is paired with the nearest box in `after` (by centre) when the
    centres are at most three face sizes apart; the pair is covered by its hull.

    Args:
        before: Boxes found at the earlier detection frame.
        after: Boxes found at the later detection frame.

    Returns:
        One hull per pair (possibly empty).
    """
    out: list[Box] = []
    for a in before:
        ca = (a[0] + a[2] / 2, a[1] + a[3] / 2)
        best: tuple[float, Box] | None = None
        for b in after:
            d = float(np.hypot(b[0] + b[2] / 2 - ca[0], b[1] + b[3] / 2 - ca[1]))
            if d <= 3 * max(a[2], a[3], b[2], b[3]) and (best is None or d < best[0]):
                best = (d, b)
        if best is not None:
            out.append(hull(a, best[1]))
    return out


class _Look:
    """One detection frame: its index, whether every cascade ran, and its (possibly pending) boxes."""

    def __init__(self, index: int, full: bool, boxes: list[Box] | Future[list[Box]]) -> None:
        self.index = index
        self.full = full
        self._boxes = boxes

    @property
    def boxes(self) -> list[Box]:
        if isinstance(self._boxes, Future):
            self._boxes = self._boxes.result()
        return self._boxes


class FaceTrack:
    """Blur faces in a stream of frames, detecting on some frames only.

    Push frames in order with `push`; it returns the frames that are final (blurred,
    in order, each with its payload). Call `flush` after the last frame for the rest.
    Frames are blurred in place.

    Args:
        detect: `detect(grey, full)` returns face boxes (x, y, w, h) in a grey frame; `full`
            asks for every detector, otherwise a quick one is enough.
        blur: Blurs the given boxes of a frame in place.
        every: Detect on every `every`-th frame (1 detects on all).
        full_every: Every `full_every`-th look is a full one (so are the last look and looks
            on a scene change); the frames between two full looks also get both full looks'
            boxes, so what only the full detectors see stays covered.
        executor: Runs `detect` off the calling thread when given (one worker is enough).
        scene_change: Also detect when the grey picture differs this much (mean absolute
            difference of small summaries, 0-255) from the last detection frame; None never does.
    """

    def __init__(self, detect: Callable[[np.ndarray, bool], list[Box]],
                 blur: Callable[[Any, list[Box]], object], *, every: int = 5, full_every: int = 1,
                 executor: Executor | None = None, scene_change: float | None = CHANGE) -> None:
        self._detect = detect
        self._blur = blur
        self.every = max(1, every)
        self.full_every = max(1, full_every)
        self._executor = executor
        self._scene_change = scene_change
        self._pending: deque[tuple[int, np.ndarray, Any, Any]] = deque()  # index, grey, frame, payload
        self._looks: list[_Look] = []
        self._fulls: list[_Look] = []
        self._thumb: np.ndarray | None = None
        self._n = 0
        self.looked_at: list[tuple[int, bool]] = []  # (frame index, full look) for every look
        self.frames_blurred = 0  # frames where at least one box was blurred

    def push(self, gray: np.ndarray, frame: Any, payload: Any = None) -> list[tuple[Any, Any]]:
        """Add the next frame.

        Args:
            gray: The frame's grey picture (what the detector sees); box coordinates refer to it.
            frame: What gets blurred (the same array, or e.g. a YUV frame holding `gray`).
            payload: Carried along unchanged (e.g. the frame's time).

        Returns:
            The frames now final, as (frame, payload), oldest first.
        """
        i = self._n
        self._n += 1
        last = self._looks[-1].index if self._looks else None
        if last is None or i - last >= self.every:
            self._look(i, gray, len(self.looked_at) % self.full_every == 0)
        elif self._changed(gray):
            self._look(i, gray, True)
        self._pending.append((i, gray, frame, payload))
        # A frame needs the looks (and the full looks) on both sides of it. Waiting one look
        # more lets the newest detection run on the worker while earlier frames are encoded.
        if len(self._looks) < 2:
            return []
        return self._release(min(self._looks[-2].index, self._fulls[-1].index))

    def flush(self) -> list[tuple[Any, Any]]:
        """Finish the stream: look at the last frame if not yet done and release every frame."""
        if self._pending and self._pending[-1][0] != self._looks[-1].index:
            i, gray, _, _ = self._pending[-1]
            self._look(i, gray, True)
        return self._release(self._n)


    def _changed(self, gray: np.ndarray) -> bool:
        if self._scene_change is None or self._thumb is None:
            return False
        return float(np.mean(np.abs(_thumb(gray) - self._thumb))) > self._scene_change

    def _look(self, i: int, gray: np.ndarray, full: bool) -> None:
        if self._scene_change is not None:
            self._thumb = _thumb(gray)
        if self._executor is not None:
            boxes: list[Box] | Future[list[Box]] = self._executor.submit(self._detect, gray, full)
        else:
            boxes = self._detect(gray, full)
        look = _Look(i, full, boxes)
        self._looks.append(look)
        if full:
            self._fulls.append(look)
        self.looked_at.append((i, full))

    def _boxes_for(self, i: int) -> list[Box]:
        """Boxes for frame `i`: from every interval between consecutive looks (and between
        consecutive full looks) that holds it."""
        out: list[Box] = []
        for looks in (self._looks, self._fulls):
            for a, b in zip(looks, looks[1:], strict=False):
                if a.index <= i <= b.index:
                    out += a.boxes + b.boxes + bridge(a.boxes, b.boxes)
                elif a.index > i:
                    break
        if len(self._looks) == 1 and self._looks[0].index == i:
            out += self._looks[0].boxes
        return list(dict.fromkeys(out))

    def _release(self, before: int) -> list[tuple[Any, Any]]:
        ready = []
        while self._pending and self._pending[0][0] < before:
            i, _, frame, payload = self._pending.popleft()
            boxes = self._boxes_for(i)
            if boxes:
                self._blur(frame, boxes)
                self.frames_blurred += 1
            ready.append((frame, payload))
        # Looks before the one that opens the oldest pending frame's interval are no longer needed.
        oldest = self._pending[0][0] if self._pending else self._n
        for looks in (self._looks, self._fulls):
            while len(looks) > 2 and looks[1].index < oldest:
                looks.pop(0)
        return ready


def _thumb(gray: np.ndarray) -> np.ndarray:
    import cv2

    return cv2.resize(gray, THUMB, interpolation=cv2.INTER_AREA).astype(np.float32)
