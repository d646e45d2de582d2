"""Small real media files for tests, written with PyAV and numpy."""

from __future__ import annotations

import wave
from collections.abc import Callable
from pathlib import Path

import numpy as np


def write_wav(path: Path, samples: np.ndarray, rate: int = 16000) -> Path:
    data = np.clip(samples, -1, 1)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((data * 32767).astype("<i2").tobytes())
    return path


def silence_wav(path: Path, seconds: float = 20.0) -> Path:
    return write_wav(path, np.zeros(int(16000 * seconds), dtype=np.float32))


def noise_wav(path: Path, seconds: float = 20.0, seed: int = 1) -> Path:
    """Machine-like noise: a hum with harmonics, a rumble and broadband hiss."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(16000 * seconds)) / 16000
    hum = sum(0.08 / k * np.sin(2 * np.pi * 50 * k * t) for k in range(1, 6))
    hiss = 0.05 * rng.standard_normal(t.size)
    clank = (np.sin(2 * np.pi * 1.3 * t) > 0.995) * 0.3 * rng.standard_normal(t.size)
    return write_wav(path, (hum + hiss + clank).astype(np.float32))


def video_only(path: Path, seconds: float = 3.0, fps: int = 10) -> Path:
    import av

    with av.open(str(path), "w") as c:
        s = c.add_stream("libx264", rate=fps)
        s.width, s.height, s.pix_fmt = 160, 96, "yuv420p"
        for i in range(int(seconds * fps)):
            img = np.full((96, 160, 3), (i * 8) % 255, dtype=np.uint8)
            for p in s.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                c.mux(p)
        for p in s.encode():
            c.mux(p)
    return path


def truncate_copy(src: Path, dst: Path, fraction: float = 0.5) -> Path:
    data = src.read_bytes()
    dst.write_bytes(data[: int(len(data) * fraction)])
    return dst


def write_h264(path: Path, seconds: float, frame_at: Callable[[int], np.ndarray], *, gop: int,
               fps: int = 30, size: tuple[int, int] = (320, 180)) -> Path:
    """Encode `seconds` of `frame_at(i)` (RGB) as H.264 without B-frames, a keyframe every `gop` frames."""
    import av

    with av.open(str(path), "w") as out:
        stream = out.add_stream(
            "libx264",
            rate=fps,
            options={"g": str(gop), "keyint_min": str(gop), "sc_threshold": "0", "bf": "0",
                     "preset": "veryfast", "crf": "18"},
        )
        stream.width, stream.height, stream.pix_fmt = size[0], size[1], "yuv420p"
        for i in range(round(seconds * fps)):
            frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(frame_at(i)), format="rgb24")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


def write_bgr_mp4(path: Path, frames: list[np.ndarray], fps: int, *, crf: int = 14) -> Path:
    """Encode BGR frames (all one size) as H.264 in MP4, a keyframe every second."""
    from fractions import Fraction

    import av

    h, w = frames[0].shape[:2]
    with av.open(str(path), "w", format="mp4") as out:
        vs = out.add_stream("libx264", rate=fps)
        vs.width, vs.height, vs.pix_fmt = w, h, "yuv420p"
        vs.options = {"g": str(fps), "preset": "ultrafast", "crf": str(crf)}
        for i, f in enumerate(frames):
            vf = av.VideoFrame.from_ndarray(f, format="bgr24")
            vf.pts, vf.time_base = i, Fraction(1, fps)
            out.mux(vs.encode(vf))
        out.mux(vs.encode(None))
    return path
