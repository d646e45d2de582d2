"""Face blurring for anonymized keyframes and clips.

OpenCV's Haar cascades (shipped with opencv-python under `cv2.data.haarcascades`)
find frontal faces and profiles looking either way. Detection runs on a copy of
the frame scaled to at most `DETECT_WIDTH` pixels; every box is grown generously
and blurred so heavily that no detector finds a face in it afterwards. In video,
detections are held for a few frames so a missed frame still stays blurred.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

DETECT_WIDTH = 640
GROW = 0.45  # each side of a face box grows by this fraction of its size
CASCADES = (
    "haarcascade_frontalface_default.xml",
    "haarcascade_frontalface_alt2.xml",
    "haarcascade_profileface.xml",
)

Box = tuple[int, int, int, int]

_CASCADES: list[tuple[str, Any]] = []


def _load_cascades() -> list[tuple[str, Any]]:
    """The cascades, loaded once per process (each load parses a large XML file)."""
    import cv2

    if not _CASCADES:
        for name in CASCADES:
            c = cv2.CascadeClassifier(cv2.data.haarcascades + name)
            if c.empty():
                raise RuntimeError(f"OpenCV face model {name} is missing from cv2.data.haarcascades")
            _CASCADES.append((name, c))
    return _CASCADES


class FaceBlurrer:
    """Finds and blurs faces in BGR or RGB uint8 frames.

    Args:
        min_neighbors: Cascade strictness (lower finds more, including false faces; here a
            false face only costs a blurred patch).
        hold: How many following frames keep a detection's boxes (video only).
        detect_every: Run the detector on every n-th video frame; boxes are held in between.
    """

    def __init__(self, min_neighbors: int = 3, hold: int = 6, detect_every: int = 2) -> None:
        import cv2

        self._cv2 = cv2
        self._cascades = _load_cascades()
        self.min_neighbors = min_neighbors
        self.hold = hold
        self.detect_every = max(1, detect_every)
        self.faces_found = 0
        self.frames_blurred = 0
        self.reset()

    def reset(self) -> None:
        """Forget held detections (call between clips; counters keep adding up)."""
        self._recent: list[tuple[int, list[Box]]] = []
        self._frame_no = 0

    def detect(self, image: np.ndarray) -> list[Box]:
        """Face boxes (x, y, w, h) in `image` coordinates."""
        cv2 = self._cv2
        gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        h, w = gray.shape[:2]
        scale = min(1.0, DETECT_WIDTH / float(w))
        small = cv2.resize(gray, (int(w * scale), int(h * scale))) if scale < 1.0 else gray
        small = cv2.equalizeHist(small)
        min_size = max(20, int(min(small.shape[:2]) * 0.06))
        boxes: list[Box] = []
        for name, cascade in self._cascades:
            variants = [(small, False)]
            if "profile" in name:
                variants.append((cv2.flip(small, 1), True))
            for img, flipped in variants:
                found = cascade.detectMultiScale(
                    img, scaleFactor=1.1, minNeighbors=self.min_neighbors, minSize=(min_size, min_size)
                )
                for x, y, bw, bh in (found if len(found) else []):
                    if flipped:
                        x = img.shape[1] - x - bw
                    boxes.append(
                        (int(x / scale), int(y / scale), int(bw / scale), int(bh / scale))
                    )
        return boxes

    def blur_boxes(self, image: np.ndarray, boxes: list[Box]) -> np.ndarray:
        """Blur each grown box in place (and return the image)."""
        cv2 = self._cv2
        h, w = image.shape[:2]
        for x, y, bw, bh in boxes:
            gx, gy = int(bw * GROW), int(bh * GROW)
            x0, y0 = max(0, x - gx), max(0, y - gy)
            x1, y1 = min(w, x + bw + gx), min(h, y + bh + gy)
            if x1 <= x0 or y1 <= y0:
                continue
            roi = image[y0:y1, x0:x1]
            # Pixelate then blur: removes the structure Haar features and people rely on.
            cells = max(2, min(roi.shape[0], roi.shape[1]) // 24)
            tiny = cv2.resize(roi, (cells, cells), interpolation=cv2.INTER_AREA)
            coarse = cv2.resize(tiny, (roi.shape[1], roi.shape[0]), interpolation=cv2.INTER_LINEAR)
            k = max(3, (min(roi.shape[0], roi.shape[1]) // 4) | 1)
            image[y0:y1, x0:x1] = cv2.GaussianBlur(coarse, (k, k), 0)
        return image

    def blur_image(self, image: np.ndarray) -> np.ndarray:
        """Detect and blur faces in a still image (repeats until nothing is found, at most 3 passes)."""
        for _ in range(3):
            boxes = self.detect(image)
            if not boxes:
                break
            self.faces_found += len(boxes)
            self.blur_boxes(image, boxes)
        return image

    def blur_frame(self, image: np.ndarray) -> np.ndarray:
        """Blur faces in one video frame, holding recent detections across frames."""
        if self._frame_no % self.detect_every == 0:
            boxes = self.detect(image)
            self.faces_found += len(boxes)
            self._recent.append((self._frame_no, boxes))
        self._recent = [(n, b) for n, b in self._recent if self._frame_no - n <= self.hold]
        self._frame_no += 1
        held = [b for _, bs in self._recent for b in bs]
        if held:
            self.frames_blurred += 1
            self.blur_boxes(image, held)
        return image

    def stats(self) -> dict[str, Any]:
        return {"faces_found": self.faces_found, "frames_blurred": self.frames_blurred}
