"""Batch ingest on Ray vs one-by-one in one process, and the committer's share of the lock.

Usage: python tests/benchmarks/bench_batch.py [--n 12] [--seconds 40] [--workers 2] [--json OUT]

Makes `n` distinct recordings of `seconds` each, cut (re-encoded) from the
bundled sample at different offsets, then in the same run:
  baseline  `ingest()` of each file in turn, in this process (models loaded once)
  batch     `batch_ingest()` with a local Ray runtime of `workers` CPUs (start-up included)
Reports both wall times, their ratio, and the share of the batch's wall time the
committer held the writer lock. Timings depend heavily on machine load: say so.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "assets" / "sample" / "die_change.mp4"
sys.path.insert(0, str(ROOT))


def make_recordings(dst: Path, n: int, seconds: float) -> list[Path]:
    """`n` distinct clips of the sample (re-encoded, so each has its own content hash)."""
    out = []
    span = 118.0 - seconds
    for i in range(n):
        start = (i * span / max(1, n - 1)) if n > 1 else 0.0
        f = dst / f"rec{i:02d}.mp4"
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-ss", f"{start:.2f}", "-t", str(seconds), "-i", str(SAMPLE),
                        "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", str(f)], check=True)
        out.append(f)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=12)
    ap.add_argument("--seconds", type=float, default=40.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", metavar="OUT")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from indexing.batch import batch_ingest
    from indexing.library import Library
    from indexing.pipeline import ingest

    tmp = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    files = make_recordings(tmp, args.n, args.seconds)
    seq_lib = Library(tmp / "lib-seq")
    t0 = time.perf_counter()
    for f in files:
        ingest(seq_lib, f, title=f.stem)
    seq = time.perf_counter() - t0
    seq_lock = seq_lib.lock.held_s
    batch_lib = Library(tmp / "lib-batch")
    result = batch_ingest(batch_lib, files, workers=args.workers)
    failed = [f for f in result.files if f.status != "added"]
    row = {"files": args.n, "seconds_each": args.seconds, "workers": args.workers, "cpus": os.cpu_count(),
           "load_avg": os.getloadavg()[0], "one_by_one_s": round(seq, 1), "batch_s": round(result.wall_s, 1),
           "speedup": round(seq / result.wall_s, 2), "batch_lock_s": round(result.lock_s, 2),
           "batch_lock_share": round(result.lock_s / result.wall_s, 4),
           "one_by_one_lock_share": round(seq_lock / seq, 4), "not_added": [f.path for f in failed],
           "sessions": [len(seq_lib.sessions()), len(batch_lib.sessions())]}
    print(json.dumps(row, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(row, indent=2))


if __name__ == "__main__":
    main()
