"""Fail-closed anonymization: an independent detector checks every exported still and clip.

Real faces (scikit-image's astronaut photograph and an LFW face) at several sizes and positions in a
640x360 frame, still and moving. A blurrer that misses a face must not let it leave: the check finds
it and blurs harder, or the export stops with `FaceLeakError` and leaves nothing behind.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from indexing.export import ExportOptions, clips, export, facecheck
from indexing.export.facecheck import ClipCheck, FaceCheck, FaceLeakError, secure_still
from indexing.export.faces import FaceBlurrer
from tests.mediafactory import write_bgr_mp4

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))
from bench_face_leak import detectors, frames_for, hits  # noqa: E402  (the benchmark's scenes and checks)

try:
    from tests.test_export_data import add_session
except ImportError:  # tests/ is not a package: pytest puts it on sys.path
    from test_export_data import add_session

W, H, FPS = 640, 360, 15
Box = tuple[int, int, int, int]


class Blind(FaceBlurrer):
    """A blurrer that finds nothing: the worst case the check must catch."""

    def detect(self, image: np.ndarray, full: bool = True) -> list[Box]:
        return []


class Useless(FaceBlurrer):
    """Blurs nothing."""

    def blur_yuv420(self, frame: np.ndarray, boxes: list[Box]) -> np.ndarray:
        return frame


class Hopeless(Blind):
    """A blind blurrer whose harder pass blurs nothing either: nothing can clean its clips."""

    def hardened(self) -> FaceBlurrer:
        return Useless()


def _write(path: Path, frames: list[np.ndarray]) -> None:
    write_bgr_mp4(path, frames, FPS, crf=14)


def _decoded(path: Path) -> list[np.ndarray]:
    import av

    with av.open(str(path)) as c:
        return [f.to_ndarray(format="bgr24") for f in c.decode(video=0)]


def _overlaps(found: list[Box], region: tuple[int, int, int, int]) -> bool:
    x0, y0, x1, y1 = region
    return any(bx < x1 and bx + bw > x0 and by < y1 and by + bh > y0 for bx, by, bw, bh in found)


STILLS = [
    ("astronaut", 300, 190, 30),  # a ~200 px face in the middle, as in the issue
    ("astronaut", 210, 400, 100),
    ("astronaut", 130, 500, 220),  # ~90 px, in a corner
    ("lfw0", 170, 240, 90),
]


@pytest.mark.parametrize(("kind", "height", "x", "y"), STILLS, ids=lambda v: str(v))
def test_a_missed_face_in_a_still_is_found_and_blurred(kind: str, height: int, x: int, y: int) -> None:
    import cv2

    frames, boxes = frames_for(("s", kind, height, x, y, 0))
    assert _overlaps(FaceCheck().find(frames[0]), boxes[0])  # the check really sees this face
    blind = Blind()
    data = secure_still(frames[0].copy(), blind)
    out = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert FaceCheck().find(out) == []
    assert hits(detectors(), out, boxes[0]) == {"haar_default": False, "lbp": False}
    assert blind.faces_found >= 1


def test_a_still_that_cannot_be_cleaned_stops_the_export(monkeypatch: pytest.MonkeyPatch) -> None:
    frames, _ = frames_for(("s", "astronaut", 300, 190, 30, 0))
    monkeypatch.setattr(facecheck, "fill_boxes", lambda image, boxes, grow=0.0: None)
    with pytest.raises(FaceLeakError, match="still detectable in keyframe x.jpg"):
        secure_still(frames[0], Blind(), what="keyframe x.jpg")


def test_save_still_writes_what_was_checked(tmp_path: Path) -> None:
    frames, _ = frames_for(("s", "astronaut", 300, 10, 40, 0))
    clips.save_still(frames[0], tmp_path / "k.jpg", FaceBlurrer())
    out = clips.read_image(tmp_path / "k.jpg")
    assert out is not None and FaceCheck().find(out) == []


def _yuv(bgr: np.ndarray) -> np.ndarray:
    import cv2

    return cv2.cvtColor(bgr, cv2.COLOR_BGR2YUV_I420)


def test_clip_check_searches_some_frames_where_they_changed_and_fills_a_brief_face() -> None:
    frames, boxes = frames_for(("c", "astronaut", 210, 250, 80, 0, 20, 24))  # shown for 5 frames (0.33 s)
    check = ClipCheck(FPS, FaceBlurrer().hardened())
    assert check.every == 3  # 15 fps: one frame in 0.2 s
    searched: list[tuple[int, ...]] = []
    real = check.check.detect

    def spy(gray: np.ndarray, min_size: int = 24, max_size: int = 0) -> list[Box]:
        searched.append((*gray.shape[:2], min_size, max_size))
        return real(gray, min_size, max_size)

    check.check.detect = spy  # type: ignore[method-assign]
    out = []
    for i in range(20):  # the background only: searched once in full, then skipped (unchanged)
        out += check.push(_yuv(frames[i]), i / FPS)
    assert check.looked == 7 and searched == [(H, W, 24, 0)] and check.found == 0
    for i in range(20, len(frames)):
        out += check.push(_yuv(frames[i]), i / FPS)
    out += check.flush()
    assert [t for _, t in out] == [i / FPS for i in range(len(frames))]
    # The face changed the picture: small faces were searched in its region (grown by 48), the
    # middle sizes in it grown by 112, and only faces of 112 or more in the whole picture.
    assert searched[1][2:] == (24, 48) and searched[1][0] * searched[1][1] < 0.8 * H * W
    assert searched[2][2:] == (48, 112) and searched[3] == (H, W, 112, 0)
    assert check.found >= 2 and check.repaired >= 5
    det = detectors()
    import cv2

    shown = [cv2.cvtColor(f, cv2.COLOR_YUV2BGR_I420) for f, _ in out[20:25]]
    assert [i for i, f in enumerate(shown) if any(hits(det, f, boxes[20 + i]).values())] == []


@pytest.mark.parametrize(("kind", "height", "x", "y", "speed"), [
    ("astronaut", 300, 190, 30, 0),  # still, ~200 px
    ("astronaut", 180, 40, 120, 10),  # ~110 px, moving 10 px per frame
], ids=["still-200", "moving-110"])
def test_a_face_the_blurrer_misses_in_a_clip_is_blurred_by_the_second_pass(
        tmp_path: Path, kind: str, height: int, x: int, y: int, speed: int) -> None:
    frames, boxes = frames_for(("c", kind, height, x, y, speed))
    frames, boxes = frames[:12], boxes[:12]
    src = tmp_path / "src.mp4"
    _write(src, frames)
    dst = tmp_path / "out.mp4"
    blind = Blind()
    info = clips.cut_clip(src, 0.0, 5.0, dst, blurrer=blind)
    assert info.reencoded and dst.is_file()
    out = _decoded(dst)
    assert len(out) == 12
    det = detectors()
    assert [i for i, (f, b) in enumerate(zip(out, boxes, strict=True)) if any(hits(det, f, b).values())] == []
    assert blind.faces_found >= 6 and blind.frames_blurred == 0  # all the check's work


def test_a_clip_that_cannot_be_cleaned_is_deleted_and_stops(tmp_path: Path) -> None:
    frames, _ = frames_for(("c", "astronaut", 300, 190, 30, 0))
    src = tmp_path / "src.mp4"
    _write(src, frames[:6])
    with pytest.raises(FaceLeakError, match=r"at 0\.0 s in the clip 0\.0-5\.0 s of src.mp4 after 3 extra"):
        clips.cut_clip(src, 0.0, 5.0, tmp_path / "out.mp4", blurrer=Hopeless())
    assert not (tmp_path / "out.mp4").exists()


def test_an_export_that_would_leak_a_face_stops_and_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from indexing.library import Library

    lib = Library(tmp_path / "library")
    add_session(lib, "sess-a", "Hans Becker", day="2024-03-01", face=True)
    monkeypatch.setattr("indexing.export.exporter._blurrer", lambda options: Hopeless())
    out = tmp_path / "exports" / "ds"
    with pytest.raises(FaceLeakError, match="in the clip .* export stopped"):
        export(lib, ExportOptions(out=str(out), status="any", anonymize=True))
    assert list((tmp_path / "exports").iterdir()) == []


SAMPLE = Path(__file__).resolve().parents[1] / "assets" / "sample" / "die_change.mp4"


@pytest.mark.parametrize("t", [18.93, 28.67])
def test_the_samples_drawings_are_no_faces(t: float) -> None:
    import cv2

    image = clips.frame_at(SAMPLE, t)
    assert image is not None
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    small, _ = FaceCheck().small(gray)
    haar = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")
    assert len(haar.detectMultiScale(small, 1.1, 3, minSize=(24, 24))) >= 1  # the standard cascade is fooled
    check = FaceCheck()
    assert check.find(image) == [] and check.drawn >= 1
    before = image.copy()
    secure_still(image, FaceBlurrer())
    assert np.array_equal(image, before)  # no patch over the drawing


@pytest.mark.parametrize("contrast", [1.0, 0.25, 0.1])
@pytest.mark.parametrize("kind", ["astronaut", "lfw3", "lfw40"])
def test_a_photographed_face_is_never_taken_for_a_drawing(kind: str, contrast: float) -> None:
    import cv2

    frames, boxes = frames_for(("s", kind, 300 if kind == "astronaut" else 170, 200, 40, 0))
    gray = cv2.cvtColor(frames[0], cv2.COLOR_BGR2GRAY).astype(np.float32)
    gray = np.clip(128 + (gray - 128) * contrast, 0, 255).astype(np.uint8)
    gray = cv2.imdecode(cv2.imencode(".jpg", gray, [cv2.IMWRITE_JPEG_QUALITY, 60])[1], cv2.IMREAD_GRAYSCALE)
    check = FaceCheck()
    assert _overlaps(check.find(gray), boxes[0]) and check.drawn == 0


@pytest.mark.parametrize("grey", [True, False], ids=["pdf-grey", "html-colour"])
def test_a_sheet_photo_goes_through_the_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, grey: bool) -> None:
    import cv2

    from indexing.document import photos

    frames, boxes = frames_for(("s", "astronaut", 300, 190, 30, 0))
    path = tmp_path / "key.jpg"
    cv2.imwrite(str(path), frames[0])
    f = photos.MAX_SIDE / W  # sheet photos are downsized
    boxes = [(int(b[0] * f), int(b[1] * f), int(b[2] * f), int(b[3] * f)) for b in boxes]
    plain = cv2.imdecode(np.frombuffer(photos.photo_jpeg(str(path), grey=grey) or b"", np.uint8), cv2.IMREAD_COLOR)
    assert any(hits(detectors(), plain, boxes[0]).values())  # the photo shows the face
    blind = Blind()
    monkeypatch.setattr(photos, "_blurrer", lambda: blind)  # a blurrer that misses the face
    data = photos.photo_jpeg(str(path), grey=grey, anonymize=True)
    out = cv2.imdecode(np.frombuffer(data or b"", np.uint8), cv2.IMREAD_COLOR)
    assert out.shape[:2] == plain.shape[:2] and (out.ndim == 3)
    assert hits(detectors(), out, boxes[0]) == {"haar_default": False, "lbp": False} and blind.faces_found >= 1
    monkeypatch.setattr(facecheck, "fill_boxes", lambda image, boxes, grow=0.0: None)
    with pytest.raises(FaceLeakError, match="in the sheet photo key.jpg"):
        photos.photo_jpeg(str(path), grey=grey, anonymize=True)
