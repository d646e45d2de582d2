"""Keyframe choice and extraction on small videos generated with PyAV."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from indexing.errors import CancelledError, MediaError
from indexing.keyframe import choose_time, extract_keyframes
from indexing.progress import CancelToken
from indexing.visual import VisualChanges, analyze_video
from tests.mediafactory import write_h264

W, H, FPS = 320, 180, 30


def write_video(path: Path, seconds: float, frame_at: Callable[[int], np.ndarray], *, gop: int) -> Path:
    """Encode `seconds` of `frame_at(i)` (RGB) as H.264 without B-frames, a keyframe every `gop` frames."""
    return write_h264(path, seconds, frame_at, gop=gop, fps=FPS, size=(W, H))


def checkerboard() -> np.ndarray:
    yy, xx = np.mgrid[0:H, 0:W]
    grey = (((yy // 10 + xx // 10) % 2) * 200 + 30).astype(np.uint8)
    return np.repeat(grey[:, :, None], 3, axis=2)


SHARP = checkerboard()


def blur_then_sharp(i: int) -> np.ndarray:
    """A checkerboard out of focus for 4 s, then in focus for 4 s."""
    import cv2

    if i < 4 * FPS:
        return cv2.GaussianBlur(SHARP, (0, 0), 4)
    return SHARP


COLOURS = [(220, 30, 30), (30, 200, 30), (30, 30, 220)]


def three_colours(i: int) -> np.ndarray:
    """Red, green and blue for 2 s each."""
    img = np.empty((H, W, 3), np.uint8)
    img[:] = COLOURS[min(i // (2 * FPS), 2)]
    return img


def mean_rgb(path: str) -> np.ndarray:
    import cv2

    bgr = cv2.imread(path)
    assert bgr is not None
    return bgr.reshape(-1, 3).mean(axis=0)[::-1]


@pytest.mark.parametrize("gop", [15, 600], ids=["keyframes-every-0.5s", "one-keyframe"])
def test_sharp_part_chosen_with_visual_analysis(tmp_path: Path, gop: int) -> None:
    path = write_video(tmp_path / "focus.mp4", 8.0, blur_then_sharp, gop=gop)
    vis = analyze_video(path)

    [(jpg, t)] = extract_keyframes(path, [(0.0, 8.0)], tmp_path / "kf", visual=vis)

    # Inner part 1.2..6.8 s; the change into focus at 4.0 s counts against that sample,
    # so the sharp, stable sample closest to the middle wins.
    assert t == 4.5
    assert jpg == str(tmp_path / "kf" / "step_000.jpg")
    assert Path(jpg).stat().st_size > 1000


@pytest.mark.parametrize("suffix", ["mp4", "ts"])
def test_sharp_part_chosen_without_visual_analysis(tmp_path: Path, suffix: str) -> None:
    path = write_video(tmp_path / f"focus.{suffix}", 8.0, blur_then_sharp, gop=15)

    [(jpg, t)] = extract_keyframes(path, [(0.0, 8.0)], tmp_path / "kf")

    # Candidates are five keyframes spread over 1.2..6.8 s: 1.5, 2.5, 4.0, 5.5, 6.5.
    assert t is not None and 4.0 <= t <= 6.5
    assert t in (4.0, 5.5, 6.5)
    assert jpg is not None and Path(jpg).exists()


@pytest.mark.parametrize("suffix", ["mp4", "mkv", "ts"])
@pytest.mark.parametrize("use_visual", [False, True])
def test_each_span_gets_its_own_frame(tmp_path: Path, use_visual: bool, suffix: str) -> None:
    import cv2

    path = write_video(tmp_path / f"rgb.{suffix}", 6.0, three_colours, gop=600)
    vis = analyze_video(path) if use_visual else None
    spans = [(4.0, 6.0), (0.0, 2.0), (2.0, 4.0)]  # not in time order on purpose

    out = extract_keyframes(path, spans, tmp_path / "kf", visual=vis, names=["b.jpg", "r.jpg", "g.jpg"],
                            max_width=160)

    assert [Path(p).name for p, _ in out if p] == ["b.jpg", "r.jpg", "g.jpg"]
    times = [t for _, t in out]
    assert times == [5.0, 1.0, 3.0]
    for (jpg, _), colour in zip(out, [COLOURS[2], COLOURS[0], COLOURS[1]], strict=True):
        assert jpg is not None
        assert np.abs(mean_rgb(jpg) - colour).max() < 12
        assert cv2.imread(jpg).shape == (90, 160, 3)


def test_span_past_the_end_uses_the_last_frame(tmp_path: Path) -> None:
    path = write_video(tmp_path / "rgb.mp4", 6.0, three_colours, gop=15)

    out = extract_keyframes(path, [(1.0, 1.5), (7.0, 20.0)], tmp_path / "kf")

    assert out[0][1] == 1.2333  # the middle of a short span: 1.25 s, the frame at or after it
    t = out[1][1]
    assert t is not None and 5.9 <= t < 6.0
    assert np.abs(mean_rgb(str(out[1][0])) - COLOURS[2]).max() < 12


def test_audio_only_gives_no_keyframes(tmp_path: Path) -> None:
    import av

    path = tmp_path / "voice.wav"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("pcm_s16le", rate=16000, layout="mono")
        frame = av.AudioFrame.from_ndarray(np.zeros((1, 16000), np.int16), format="s16", layout="mono")
        frame.sample_rate = 16000
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)

    assert extract_keyframes(path, [(0.0, 0.5), (0.5, 1.0)], tmp_path / "kf") == [(None, None), (None, None)]
    assert not (tmp_path / "kf").exists()


def test_bad_input(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.mp4"
    garbage.write_bytes(b"not a video at all" * 500)
    with pytest.raises(MediaError):
        extract_keyframes(garbage, [(0.0, 1.0)], tmp_path / "kf")

    path = write_video(tmp_path / "rgb.mp4", 1.0, three_colours, gop=15)
    with pytest.raises(ValueError):
        extract_keyframes(path, [(0.0, 1.0)], tmp_path / "kf", names=["a.jpg", "b.jpg"])
    assert extract_keyframes(path, [], tmp_path / "kf") == []

    token = CancelToken()
    token.cancel()
    with pytest.raises(CancelledError):
        extract_keyframes(path, [(0.0, 1.0)], tmp_path / "kf", cancel=token)


def test_choose_time_prefers_sharp_stable_central_samples() -> None:
    vis = VisualChanges(
        times=(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0),
        scores=(0.0, 0.0, 0.0, 0.0, 0.0, 0.6, 0.0, 0.0, 0.0, 0.0, 0.0),
        cuts=(4.5,),
        sharpness=(900, 900, 100, 100, 500, 500, 500, 480, 500, 900, 900),
    )
    # Inner part of 0..10 is 1.5..8.5: samples 2..8. 4 and 5 touch the change, 2 and 3 are blurred,
    # 6 and 8 are equally sharp and stable; 6 is closer to the middle.
    assert choose_time((0.0, 10.0), vis) == 6.0
    # Decoding cost decides between equals: 8.0 is a keyframe, 6.0 is 4 s past one.
    assert choose_time((0.0, 10.0), vis, keys=[0.0, 2.0, 8.0]) == 8.0
    assert choose_time((0.0, 1.0), vis) is None  # no sample inside 0.15..0.85
    assert choose_time((0.0, 10.0), None) is None
