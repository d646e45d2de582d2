"""Timing of visual analysis and keyframe extraction against a bare decode (run on demand).

Generates 1280x720 30 fps H.264 videos (FFmpeg's moving `testsrc2` pattern)
with a keyframe every 2 s and every 10 s, then times, per video:

* a bare PyAV decode of every frame (threads on), the reference;
* `analyze_video` (2 samples/s), and with `max_key_gap=inf` (keyframes only);
* `extract_keyframes` for 8 steps, with the analysis given and without it.

Usage:
    python tests/benchmarks/bench_visual.py [--seconds 120] [--dir DIR] [--repeat 3]

Videos are kept in DIR (default: a temporary folder) and reused when present.
Not collected by pytest (tests/benchmarks is excluded and the name has no test_ prefix).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from indexing.keyframe import extract_keyframes
from indexing.visual import analyze_video

W, H, FPS = 1280, 720, 30


def generate(path: Path, seconds: int, gop_seconds: int) -> Path:
    """Encode `seconds` of testsrc2 with a keyframe exactly every `gop_seconds`."""
    import av
    from av.video.frame import PictureType

    if path.exists():
        return path
    gop = gop_seconds * FPS
    src = av.open(f"testsrc2=size={W}x{H}:rate={FPS}:duration={seconds}", format="lavfi")
    tmp = path.with_suffix(".part.mp4")
    with av.open(str(tmp), "w") as out:
        stream = out.add_stream(
            "libx264",
            rate=FPS,
            options={"g": str(gop), "keyint_min": str(gop), "sc_threshold": "0", "preset": "veryfast", "crf": "23"},
        )
        stream.width, stream.height, stream.pix_fmt = W, H, "yuv420p"
        for frame in src.decode(video=0):
            frame = frame.reformat(format="yuv420p")
            frame.pts = None
            frame.pict_type = PictureType.NONE  # testsrc2 marks every frame as I: would force all-keyframes
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    src.close()
    tmp.rename(path)
    return path


def bare_decode(path: Path) -> int:
    import av

    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        return sum(1 for _ in container.decode(stream))


def timed(fn, repeat: int) -> tuple[float, object]:
    """Median wall time of `repeat` runs and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="bench_visual_"))
    folder.mkdir(parents=True, exist_ok=True)
    spans = [(args.seconds * k / 8, args.seconds * (k + 1) / 8) for k in range(8)]
    rows = []
    for gop_seconds in (2, 10):
        t0 = time.perf_counter()
        path = generate(folder / f"testsrc2_{args.seconds}s_gop{gop_seconds}s.mp4", args.seconds, gop_seconds)
        made = time.perf_counter() - t0
        bare, frames = timed(lambda p=path: bare_decode(p), args.repeat)
        analysis, vis = timed(lambda p=path: analyze_video(p), args.repeat)
        keys_only, _ = timed(lambda p=path: analyze_video(p, max_key_gap=float("inf")), args.repeat)
        kf_vis, _ = timed(lambda p=path, v=vis: extract_keyframes(p, spans, folder / "kf", visual=v), args.repeat)
        kf_none, _ = timed(lambda p=path: extract_keyframes(p, spans, folder / "kf"), args.repeat)
        row = {
            "video": path.name,
            "generated_s": round(made, 2),
            "frames": frames,
            "samples": len(vis.times),  # type: ignore[attr-defined]
            "bare_decode_s": round(bare, 3),
            "analyze_s": round(analysis, 3),
            "analyze_keyframes_only_s": round(keys_only, 3),
            "keyframes_with_visual_s": round(kf_vis, 3),
            "keyframes_without_visual_s": round(kf_none, 3),
            "analyze_plus_keyframes_vs_bare": round((analysis + kf_vis) / bare, 3),
        }
        rows.append(row)
        print(json.dumps(row))
    print(f"videos in {folder}")


if __name__ == "__main__":
    main()
