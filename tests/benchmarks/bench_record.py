"""Recording at 720p30: dropped-frame rate and the encoder's real-time factor.

Runs the generated source twice for the same time: alone (frames produced, nothing
encoded: the baseline the machine allows) and through the real recording path
(Recorder -> FragmentedMp4Writer -> fragmented MP4). Prints one JSON document.

    python tests/benchmarks/bench_record.py [--seconds 20] [--resolution 720p30]

Dropped frames = frames the nominal rate calls for minus frames in the file
(skipped by the source when it fell behind, plus dropped by the writer when the
encoder fell behind). Real-time factor = encoder busy time / media time
(below 1.0 the encoder keeps up with one thread of headroom to spare).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from pathlib import Path

import av

from capture_app.recording.session import Recorder
from capture_app.recording.sources import RESOLUTIONS, GeneratedSource


def source_only(seconds: float, width: int, height: int, fps: float) -> dict[str, float]:
    """Run the generated source alone for `seconds`; frames are produced and thrown away."""
    src = GeneratedSource(width, height, fps)
    frames = 0

    def on_video(_frame, _t) -> None:
        nonlocal frames
        frames += 1

    src.start(on_video, lambda _s, _t: None)
    time.sleep(seconds)
    src.stop()
    expected = int(seconds * fps)
    return {"frames": frames, "expected": expected, "skipped": src.frames_skipped,
            "drop_rate": max(0, expected - frames) / expected}


def record(seconds: float, width: int, height: int, fps: float, library: Path) -> dict[str, float]:
    """Record `seconds` from the generated source through the real recording path."""
    rec = Recorder(library, GeneratedSource(width, height, fps))
    rec.start({"title": "benchmark", "consent": True})
    started = time.perf_counter()
    while rec.media_time() < seconds:
        time.sleep(0.05)
    result = rec.stop()
    stop_s = time.perf_counter() - started - seconds
    rec.detach()
    with av.open(str(result.media_path)) as c:
        frames = sum(1 for _ in c.decode(video=0))
        duration = c.duration / 1e6
    expected = int(result.duration * fps)
    stats = result.stats
    return {
        "media_seconds": round(result.duration, 3),
        "file_seconds": round(duration, 3),
        "frames_in_file": frames,
        "expected": expected,
        "source_skipped": rec.source.frames_skipped,
        "writer_dropped": stats.frames_dropped,
        "drop_rate": max(0, expected - frames) / expected,
        "encode_busy_s": round(stats.encode_seconds, 3),
        "realtime_factor": round(stats.encode_seconds / result.duration, 3),
        "finish_after_stop_s": round(stop_s, 3),
        "bytes_per_second": round(result.media_path.stat().st_size / result.duration),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--resolution", default="720p30", choices=sorted(RESOLUTIONS))
    args = parser.parse_args(argv)
    width, height, fps = RESOLUTIONS[args.resolution]
    baseline = source_only(args.seconds, width, height, fps)
    with tempfile.TemporaryDirectory(prefix="bench-record-") as tmp:
        recorded = record(args.seconds, width, height, fps, Path(tmp))
    report = {
        "resolution": args.resolution, "seconds": args.seconds, "machine": platform.machine(),
        "python": sys.version.split()[0], "pyav": av.__version__,
        "source_only": baseline, "recording": recorded,
        "drop_rate_added_by_recording": round(recorded["drop_rate"] - baseline["drop_rate"], 4),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
