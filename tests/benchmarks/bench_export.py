"""Export throughput, with and without face blur, and clip cutting vs `ffmpeg -c copy`.

Run: `python tests/benchmarks/bench_export.py [--sessions 3] [--seconds 60] [--step 6]`.
Builds a library of generated recordings (a real face photograph on a workshop
background, H.264 + AAC, key frame every second) cut into fixed-length approved
steps, then measures, in the same run:

- export of every step with clips + keyframes, no blur (stream copy),
- the same with face blur (decode, detect, blur, re-encode),
- PyAV stream-copy clip cutting alone vs `ffmpeg -ss S -t D -i src -c copy` per step.

Prints one JSON document with steps/s and media hours per hour for each.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from test_export_data import make_recording  # noqa: E402

from indexing.export import ExportOptions, export  # noqa: E402
from indexing.export.clips import cut_clip  # noqa: E402
from indexing.library import Library  # noqa: E402
from indexing.models import ProcedureDraft, StepDraft  # noqa: E402


def build(root: Path, sessions: int, seconds: float, step: float) -> Library:
    import hashlib

    lib = Library(root)
    for i in range(sessions):
        sid = f"bench-{i}"
        media = lib.media_dir(sid) / "recording.mp4"
        media.parent.mkdir(parents=True, exist_ok=True)
        make_recording(media, duration=seconds, seed=100 + i, metadata_name="Bench Expert")
        sha = hashlib.sha256(media.read_bytes()).hexdigest()
        with lib.writing("bench"), lib.transaction() as db:
            db["sessions"].insert({"session_id": sid, "title": "bench", "expert": f"Expert {i % 2}",
                                   "workstation": "Press 4", "language": "en", "consent": 1,
                                   "media_path": lib.relative(media), "sha256": sha, "duration": seconds,
                                   "has_video": 1, "fps": 10.0, "status": "approved",
                                   "created_at": "2024-01-01T00:00:00+00:00"})
        n = int(seconds // step)
        drafts = [StepDraft(0, k, k * step, (k + 1) * step, f"step {k}", title=f"Step {k}") for k in range(n)]
        lib.replace_steps(sid, [ProcedureDraft(0, "bench", 0.0, seconds)], drafts)
        with lib.transaction() as db:
            db.execute("UPDATE steps SET status='approved' WHERE session_id=?", [sid])
    return lib


def timed_export(lib: Library, out: Path, blur: bool) -> dict:
    t = time.perf_counter()
    r = export(lib, ExportOptions(out=str(out), formats=("jsonl", "hf"), anonymize=blur, blur_faces=blur),
               audit=False)
    dt = time.perf_counter() - t
    return {"steps": r.steps, "seconds": round(dt, 2), "steps_per_s": round(r.steps / dt, 2),
            "media_hours_per_hour": round(r.media_seconds / dt, 1), "faces_blurred": r.faces_blurred}


def cutting(lib: Library, work: Path) -> dict:
    steps = lib.all_steps()
    media = {s.session_id: lib.session(s.session_id).media_path for s in steps}
    work.mkdir()
    t = time.perf_counter()
    for s in steps:
        cut_clip(media[s.session_id], s.start, s.end, work / f"{s.step_id}.mp4")
    pyav = time.perf_counter() - t
    t = time.perf_counter()
    for s in steps:
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-ss", f"{s.start:.3f}", "-t", f"{s.end - s.start:.3f}",
                        "-i", media[s.session_id], "-c", "copy", str(work / f"ff-{s.step_id}.mp4")],
                       check=True)
    ff = time.perf_counter() - t
    media_s = sum(s.end - s.start for s in steps)
    return {"clips": len(steps),
            "pyav_copy": {"seconds": round(pyav, 2), "clips_per_s": round(len(steps) / pyav, 1),
                          "media_hours_per_hour": round(media_s / pyav, 1)},
            "ffmpeg_c_copy": {"seconds": round(ff, 2), "clips_per_s": round(len(steps) / ff, 1),
                              "media_hours_per_hour": round(media_s / ff, 1)}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sessions", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--step", type=float, default=6.0)
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-export-"))
    try:
        lib = build(tmp / "lib", a.sessions, a.seconds, a.step)
        result = {
            "library": {"sessions": a.sessions, "seconds_each": a.seconds, "step_seconds": a.step,
                        "video": "320x240 10 fps H.264 + AAC"},
            "export_no_blur": timed_export(lib, tmp / "plain", blur=False),
            "export_face_blur": timed_export(lib, tmp / "blur", blur=True),
            "clip_cutting": cutting(lib, tmp / "cut"),
        }
        print(json.dumps(result, indent=2))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
