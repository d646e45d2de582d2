"""Face blurring on real pictures: the astronaut photograph, still and moving across a clip."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from indexing.export.clips import cut_clip
from indexing.export.faces import FaceBlurrer, cv2_threads
from tests.mediafactory import write_bgr_mp4

try:
    from tests.test_export_data import face_image
except ImportError:  # tests/ is not a package: pytest puts it on sys.path
    from test_export_data import face_image

W, H, FPS, FRAMES, STEP = 320, 240, 10, 23, 6  # the photograph moves 6 px right per frame
FACE_Y = 40


def _face_x(i: int) -> int:
    return 20 + STEP * i


def _frames() -> list[np.ndarray]:
    face = face_image()
    bg = np.clip(np.linspace(70, 140, W)[None, :, None] + np.zeros((H, 1, 3)), 0, 255).astype(np.uint8)
    out = []
    for i in range(FRAMES):
        f = bg.copy()
        f[FACE_Y : FACE_Y + face.shape[0], _face_x(i) : _face_x(i) + face.shape[1]] = face
        out.append(f)
    return out


def _write(path: Path, frames: list[np.ndarray]) -> None:
    write_bgr_mp4(path, frames, FPS, crf=12)


def _faces(img: np.ndarray) -> list[tuple[int, int, int, int]]:
    """What the anonymization test looks for: every cascade, both ways, at full size."""
    import cv2

    gray = cv2.equalizeHist(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY))
    hits = []
    for name in ("haarcascade_frontalface_default.xml", "haarcascade_frontalface_alt2.xml",
                 "haarcascade_profileface.xml"):
        c = cv2.CascadeClassifier(cv2.data.haarcascades + name)
        for flipped, g in ((False, gray), (True, cv2.flip(gray, 1))):
            for x, y, w, h in c.detectMultiScale(g, 1.1, 4, minSize=(24, 24)):
                hits.append((int(g.shape[1] - x - w if flipped else x), int(y), int(w), int(h)))
    return hits


def _sharpness(img: np.ndarray, i: int) -> float:
    """Laplacian variance of the head (upper half of the photograph) in frame i."""
    import cv2

    head = img[FACE_Y + 15 : FACE_Y + 60, _face_x(i) + 30 : _face_x(i) + 75]
    return float(cv2.Laplacian(cv2.cvtColor(head, cv2.COLOR_BGR2GRAY), cv2.CV_64F).var())


class Counting(FaceBlurrer):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[bool] = []

    def detect(self, image: np.ndarray, full: bool = True) -> list[tuple[int, int, int, int]]:
        self.calls.append(full)
        return super().detect(image, full)


def test_moving_face_is_blurred_in_every_frame(tmp_path: Path) -> None:
    import av

    frames = _frames()
    assert all(len(_faces(f)) >= 1 for f in frames[::5])  # the face is really there to find
    src = tmp_path / "moving.mp4"
    _write(src, frames)
    blurrer = Counting()
    info = cut_clip(src, 0.0, 10.0, tmp_path / "out.mp4", blurrer=blurrer)
    assert info.reencoded and info.start == 0.0 and info.end == 2.3
    # Looks at frames 0, 5, 10, 15, 20 and the last (22); every third look is a full one.
    assert blurrer.calls == [True, False, False, True, False, True]
    with av.open(str(tmp_path / "out.mp4")) as c:
        out = [f.to_ndarray(format="bgr24") for f in c.decode(video=0)]
    assert len(out) == FRAMES and blurrer.frames_blurred == FRAMES
    assert [i for i, img in enumerate(out) if _faces(img)] == []
    for i, (before, after) in enumerate(zip(frames, out, strict=True)):
        assert _sharpness(after, i) < 0.1 * _sharpness(before, i), f"frame {i} is not blurred"


def test_still_image_is_blurred_until_no_face_is_left() -> None:
    frame = _frames()[0]
    sharp = _sharpness(frame, 0)
    blurrer = FaceBlurrer()
    assert len(blurrer.detect(frame)) >= 1
    blurrer.blur_image(frame)
    assert _faces(frame) == [] and blurrer.faces_found >= 1
    assert _sharpness(frame, 0) < 0.01 * sharp


def test_yuv_blur_changes_only_the_grown_boxes() -> None:
    rng = np.random.default_rng(1)
    frame = rng.integers(0, 255, (H * 3 // 2, W), dtype=np.uint8)
    before = frame.copy()
    FaceBlurrer().blur_yuv420(frame, [(100, 60, 40, 40)])  # grows by 18 px: x 82-158, y 42-118
    y, u = frame[:H], frame[H : H + H // 4].reshape(H // 2, W // 2)
    changed = np.argwhere(y != before[:H])
    assert changed.min(axis=0).tolist() >= [42, 82] and changed.max(axis=0).tolist() <= [117, 157]
    assert (y[42:118, 82:158] != before[:H][42:118, 82:158]).mean() > 0.9
    uc = np.argwhere(u != before[H : H + H // 4].reshape(H // 2, W // 2))
    assert uc.min(axis=0).tolist() >= [21, 41] and uc.max(axis=0).tolist() <= [58, 78]
    assert len(uc) > 0


def test_cv2_threads_is_restored() -> None:
    import cv2

    before = cv2.getNumThreads()
    with cv2_threads(1):
        assert cv2.getNumThreads() == 1
    assert cv2.getNumThreads() == before
