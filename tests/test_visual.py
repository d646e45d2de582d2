"""Visual change analysis on small videos generated with PyAV."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from indexing.errors import CancelledError, MediaError
from indexing.progress import CancelToken
from indexing.visual import (
    VisualChanges,
    _Features,
    analysis_size,
    analyze_video,
    change_score,
    detect_cuts,
)
from tests.mediafactory import write_h264

W, H, FPS = 320, 180, 30


def write_video(path: Path, seconds: float, frame_at: Callable[[int], np.ndarray], *, gop: int) -> Path:
    """Encode `seconds` of `frame_at(i)` (RGB) as H.264 without B-frames, a keyframe every `gop` frames."""
    return write_h264(path, seconds, frame_at, gop=gop, fps=FPS, size=(W, H))


def write_wav(path: Path, seconds: float = 1.0) -> Path:
    import av

    rate = 16000
    with av.open(str(path), "w") as out:
        stream = out.add_stream("pcm_s16le", rate=rate, layout="mono")
        t = np.arange(int(seconds * rate)) / rate
        samples = (np.sin(2 * np.pi * 440 * t) * 8000).astype(np.int16).reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(samples, format="s16", layout="mono")
        frame.sample_rate = rate
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


def solid(rgb: tuple[int, int, int]) -> np.ndarray:
    img = np.empty((H, W, 3), np.uint8)
    img[:] = rgb
    return img


def cut_frame(i: int) -> np.ndarray:
    """Blue for 3 s, then orange with a white square moving 4 pixels a frame."""
    if i < 3 * FPS:
        return solid((30, 40, 160))
    img = solid((220, 120, 30))
    x = (4 * (i - 3 * FPS)) % (W - 30)
    img[70:100, x : x + 30] = 255
    return img


def still_frame(_: int) -> np.ndarray:
    yy, xx = np.mgrid[0:H, 0:W]
    grey = (((yy // 20 + xx // 20) % 2) * 150 + xx * 100 // W).astype(np.uint8)
    return np.repeat(grey[:, :, None], 3, axis=2)


HALF_SECONDS = tuple(k * 0.5 for k in range(12))


@pytest.mark.parametrize("gop", [15, 600], ids=["keyframes-every-0.5s", "one-keyframe"])
def test_one_cut_found_at_its_place(tmp_path: Path, gop: int) -> None:
    path = write_video(tmp_path / "cut.mp4", 6.0, cut_frame, gop=gop)

    vis = analyze_video(path, fps=2.0)

    assert vis.times == HALF_SECONDS
    assert len(vis.scores) == len(vis.sharpness) == 12
    assert vis.scores[0] == 0.0
    assert vis.cuts == (2.75,)  # between the samples at 2.5 s and 3.0 s
    assert abs(vis.cuts[0] - 3.0) <= 0.5
    assert vis.scores[6] > 0.5
    assert max(vis.scores[:6] + vis.scores[7:]) < 0.1


def test_static_video_has_no_cuts(tmp_path: Path) -> None:
    path = write_video(tmp_path / "still.mp4", 4.0, still_frame, gop=15)

    vis = analyze_video(path)

    assert vis.times == HALF_SECONDS[:8]
    assert vis.cuts == ()
    assert max(vis.scores) < 0.05  # the first keyframe is coded a little differently
    assert min(vis.sharpness) > 100.0


def test_lower_sample_rate(tmp_path: Path) -> None:
    path = write_video(tmp_path / "cut.mp4", 6.0, cut_frame, gop=600)

    vis = analyze_video(path, fps=1.0)

    assert vis.times == (0.0, 1.0, 2.0, 3.0, 4.0, 5.0)
    assert vis.cuts == (2.5,)


def test_audio_only_file_gives_empty_result(tmp_path: Path) -> None:
    vis = analyze_video(write_wav(tmp_path / "voice.wav"))

    assert vis == VisualChanges()
    assert len(vis) == 0


def test_garbage_file_raises_media_error(tmp_path: Path) -> None:
    path = tmp_path / "garbage.mp4"
    path.write_bytes(np.random.default_rng(0).integers(0, 256, 20_000, dtype=np.uint8).tobytes())

    with pytest.raises(MediaError) as err:
        analyze_video(path)
    assert "garbage.mp4" in str(err.value)
    assert "\n" not in str(err.value)


def test_truncated_file_raises_media_error(tmp_path: Path) -> None:
    whole = write_video(tmp_path / "whole.mp4", 2.0, cut_frame, gop=15).read_bytes()
    path = tmp_path / "truncated.mp4"
    path.write_bytes(whole[: len(whole) // 2])  # the index (moov) is at the end and gets lost

    with pytest.raises(MediaError):
        analyze_video(path)


def test_missing_file_raises_media_error(tmp_path: Path) -> None:
    with pytest.raises(MediaError):
        analyze_video(tmp_path / "nothing-here.mp4")


def test_progress_and_cancel(tmp_path: Path) -> None:
    path = write_video(tmp_path / "cut.mp4", 6.0, cut_frame, gop=600)
    seen = []

    analyze_video(path, progress=seen.append)

    assert {p.stage for p in seen} == {"visual"}
    fractions = [p.fraction for p in seen]
    assert fractions == sorted(fractions)
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert len(seen) > 10

    token = CancelToken()
    token.cancel()
    with pytest.raises(CancelledError):
        analyze_video(path, cancel=token)


def test_detect_cuts_is_adaptive() -> None:
    times = [float(t) for t in range(12)]
    # A hard cut at sample 3, steady motion around samples 6..9 with no cut in it,
    # a second cut at sample 11.
    scores = [0.0, 0.02, 0.02, 0.9, 0.03, 0.02, 0.35, 0.4, 0.38, 0.36, 0.02, 0.6]

    assert detect_cuts(times, scores) == [2.5, 10.5]
    # Two strong changes closer than the minimum gap: the stronger one stays.
    assert detect_cuts([0.0, 0.5, 1.0, 1.5, 2.0, 2.5], [0.0, 0.0, 0.5, 0.8, 0.0, 0.0]) == [1.25]
    assert detect_cuts([], []) == []
    assert detect_cuts([0.0], [0.0]) == []


def test_change_score_extremes() -> None:
    def feats(level: int) -> _Features:
        planes = np.zeros((3, 8, 8), np.int16)
        planes[0] = level
        planes[1:] = 128
        hist = np.zeros(32)
        hist[level >> 3] = 1.0
        return _Features(planes=planes, hist=hist, sharpness=0.0)

    assert change_score(feats(0), feats(0)) == 0.0
    assert change_score(feats(0), feats(255)) == 1.0


def test_analysis_size_keeps_aspect() -> None:
    assert analysis_size(1280, 720) == (320, 180)
    assert analysis_size(720, 1280) == (180, 320)
    assert analysis_size(160, 120) == (160, 120)


def test_truncated_file_with_index_up_front_gives_what_it_has(tmp_path: Path) -> None:
    import av

    path = tmp_path / "faststart.mp4"
    with av.open(str(path), "w", options={"movflags": "faststart"}) as out:
        stream = out.add_stream("libx264", rate=FPS, options={"g": "15", "bf": "0", "sc_threshold": "0"})
        stream.width, stream.height, stream.pix_fmt = W, H, "yuv420p"
        for i in range(6 * FPS):
            for packet in stream.encode(av.VideoFrame.from_ndarray(cut_frame(i), format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    data = path.read_bytes()
    cut = tmp_path / "cut-short.mp4"
    cut.write_bytes(data[: len(data) * 6 // 10])  # the recording device died

    vis = analyze_video(cut)

    assert 1.0 <= len(vis.times) < 12
    assert vis.times == HALF_SECONDS[: len(vis.times)]


def test_keyframes_only_when_asked(tmp_path: Path) -> None:
    path = write_video(tmp_path / "cut.mp4", 6.0, cut_frame, gop=30)  # a keyframe every second

    assert analyze_video(path, max_key_gap=0.5).times == HALF_SECONDS  # gaps > 0.5 s: decode them
    vis = analyze_video(path, max_key_gap=float("inf"))

    assert vis.times == (0.0, 1.0, 2.0, 3.0, 4.0, 5.0)
    assert vis.cuts == (2.5,)


@pytest.mark.parametrize("suffix", ["mkv", "ts"])
def test_other_containers_give_the_same_times(tmp_path: Path, suffix: str) -> None:
    path = write_video(tmp_path / f"cut.{suffix}", 6.0, cut_frame, gop=600)  # MPEG-TS starts at 1.4 s

    vis = analyze_video(path)

    assert vis.times == HALF_SECONDS
    assert vis.cuts == (2.75,)
