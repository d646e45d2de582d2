"""The crash-safe recording writer: exact content, sync, and survival of kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from capture_app.recording.recovery import playable_duration
from capture_app.recording.sources import GeneratedSource
from capture_app.recording.writer import FragmentedMp4Writer

W, H, FPS, SR = 320, 240, 30.0, 48000


def _write_clip(path: Path, seconds: float, *, audio_gap: tuple[float, float] | None = None) -> FragmentedMp4Writer:
    src = GeneratedSource(W, H, FPS, SR, audio_chunk=1600)
    writer = FragmentedMp4Writer(path, width=W, height=H, fps=FPS, sample_rate=SR)
    n_frames = round(seconds * FPS)
    for i in range(n_frames):
        t = i / FPS
        if audio_gap is None or not (audio_gap[0] <= t < audio_gap[1]):
            writer.write_audio(src.tone(i * 1600, 1600), t)  # 1600 samples = one frame at 30 fps
        while writer.queued_frames >= 30:
            time.sleep(0.01)  # let the encoder catch up instead of dropping: the test wants every frame
        assert writer.write_video(src.render(i), t)
    writer.close()
    return writer


def _streams(path: Path) -> dict[str, tuple[int, float, int]]:
    """Per stream type: decoded frame count, end time of the last frame, keyframe packets."""
    out: dict[str, tuple[int, float, int]] = {}
    with av.open(str(path)) as c:
        for stream in c.streams:
            keys = 0
            for packet in c.demux(stream):
                if packet.size and packet.is_keyframe and stream.type == "video":
                    keys += 1
            c.seek(0)
            frames, end = 0, 0.0
            for frame in c.decode(stream):
                frames += 1
                dur = (1 / FPS) if stream.type == "video" else frame.samples / frame.sample_rate
                end = max(end, float(frame.time) + dur)
            c.seek(0)
            out[stream.type] = (frames, end, keys)
    return out


def test_writer_writes_every_frame_with_a_keyframe_each_second(tmp_path: Path) -> None:
    path = tmp_path / "clip.mp4"
    writer = _write_clip(path, 3.0)
    assert writer.stats.frames_written == 90
    assert writer.stats.frames_dropped == 0
    assert writer.stats.audio_samples == 3 * SR
    info = _streams(path)
    frames, vend, keys = info["video"]
    assert frames == 90
    assert vend == pytest.approx(3.0, abs=0.001)
    assert keys == 3  # t = 0, 1, 2
    _, aend, _ = info["audio"]
    assert aend == pytest.approx(3.0, abs=0.05)
    with av.open(str(path)) as c:
        assert c.streams.video[0].codec_context.name == "h264"
        assert c.streams.audio[0].codec_context.name == "aac"
        assert (c.streams.video[0].width, c.streams.video[0].height) == (W, H)
        assert c.duration / 1e6 == pytest.approx(3.0, abs=0.05)


def test_writer_pads_audio_holes_with_silence_to_stay_in_sync(tmp_path: Path) -> None:
    path = tmp_path / "gap.mp4"
    writer = _write_clip(path, 2.0, audio_gap=(0.5, 1.0))
    assert writer.stats.audio_padded == SR // 2
    assert writer.stats.audio_samples == 2 * SR
    with av.open(str(path)) as c:
        samples = np.concatenate([f.to_ndarray()[0] for f in c.decode(audio=0)])
    # the beep at t=1.0 s (880 Hz) must still start at 1.0 s, not 0.5 s: sync survived the hole
    rms = [float(np.sqrt(np.mean(samples[i : i + 480] ** 2))) for i in range(0, len(samples) - 480, 480)]
    hole = rms[int(0.6 * 100) : int(0.9 * 100)]
    assert max(hole) < 0.01
    assert rms[int(1.02 * 100)] > 0.15


def test_writer_rejects_out_of_order_frames(tmp_path: Path) -> None:
    writer = FragmentedMp4Writer(tmp_path / "o.mp4", width=W, height=H, fps=FPS, sample_rate=0)
    frame = np.zeros((H, W, 3), np.uint8)
    writer.write_video(frame, 0.0)
    writer.write_video(frame, 0.1)
    writer.write_video(frame, 0.05)  # late frame: dropped, not a muxer error
    stats = writer.close()
    assert (stats.frames_written, stats.frames_dropped) == (2, 1)
    with av.open(str(tmp_path / "o.mp4")) as c:
        assert len(c.streams.audio) == 0
        assert sum(1 for _ in c.decode(video=0)) == 2


KILL_SCRIPT = textwrap.dedent(
    """
    import sys, threading
    from capture_app.recording.sources import GeneratedSource
    from capture_app.recording.writer import FragmentedMp4Writer

    src = GeneratedSource(640, 360, 30.0, 48000)
    writer = FragmentedMp4Writer(sys.argv[1], width=640, height=360, fps=30.0, sample_rate=48000)

    def on_video(frame, t):
        if writer.write_video(frame, t):
            print(f"{t:.3f}", flush=True)

    src.start(on_video, writer.write_audio)
    print("ready", flush=True)
    threading.Event().wait()
    """
)


def test_kill_9_while_writing_leaves_a_playable_file(tmp_path: Path) -> None:
    script = tmp_path / "rec.py"
    script.write_text(KILL_SCRIPT)
    media = tmp_path / "killed.mp4"
    proc = subprocess.Popen([sys.executable, str(script), str(media)], stdout=subprocess.PIPE, text=True)
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.strip() == "ready":
                ready.set()
            else:
                lines.append(line.strip())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert ready.wait(60), "the writer script did not start"
        time.sleep(4.0)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    reader.join(10)
    submitted = float(lines[-1])  # newest frame handed to the writer before the kill
    assert submitted > 3.0
    end = playable_duration(media)
    assert end >= submitted - 2.0
    assert end <= submitted + 0.1
    info = _streams(media)
    frames, vend, _ = info["video"]
    assert vend >= submitted - 2.0
    assert frames >= int((submitted - 2.0) * 30)
    _, aend, _ = info["audio"]
    assert aend >= submitted - 2.0
    with av.open(str(media)) as c:
        assert c.streams.video[0].time_base == Fraction(1, 90000)
