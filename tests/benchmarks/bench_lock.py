"""Writers wait milliseconds, not minutes, while a long recording is ingested.

Usage: python tests/benchmarks/bench_lock.py [--minutes 10] [--json OUT]

In the same run:
  baseline  `knowhow terms add` in a new process, and a review edit the way the app
            makes it (`Library.update_step`, which re-indexes the
            step), with the library idle;
  during    the same two while `knowhow ingest` of a `minutes`-long recording (the
            sample's scenes concatenated) runs in another process, repeated every few
            seconds from the start of its transcription to its commit: once with the
            ingest at normal priority (`KNOWHOW_INGEST_NICE=0`, the baseline) and once at
            the background priority it runs at by default.
Reports each operation's wall time (median and worst) against the baseline; the
target is under 2 s each. Machine load matters: say so with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _seed_session(lib: object) -> str:
    """One small committed session with real vectors to edit."""
    from indexing.models import MediaInfo, ProcedureDraft, SessionResult, StepDraft, Transcript
    from indexing.store.index import embedder_for, step_document

    steps = [StepDraft(0, i, 5.0 * i, 5.0 * i + 5, f"Step {i} of the seeded session.", title=f"Step {i}")
             for i in range(3)]
    emb = embedder_for(lib)  # type: ignore[arg-type]
    docs = [step_document(s) for s in steps]
    r = SessionResult("sseed", "f" * 64, "", MediaInfo("", 15.0, True, False), {"title": "seed"}, (),
                      Transcript("en", 15.0), [ProcedureDraft(0, "seed", 0.0, 15.0)], steps,
                      vectors=emb.encode(docs), documents=docs, embed_model_id=emb.model_id)
    return lib.commit_session(r).session_id  # type: ignore[attr-defined]


def _terms_add(lib_dir: Path, env: dict[str, str], i: int) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "indexing.cli", "--library", str(lib_dir), "terms", "add", f"term{i}"],
                   check=True, env=env, capture_output=True)
    return time.perf_counter() - t0


def _edit(lib: Any, step_id: str, i: int) -> float:
    t0 = time.perf_counter()
    lib.update_step(step_id, title=f"Edited title {i}")  # the app's edit: the core re-indexes the step
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=int, default=10)
    ap.add_argument("--every", type=float, default=5.0, help="seconds between probes during the ingest")
    ap.add_argument("--json", metavar="OUT")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from indexing.library import Library
    from tests.benchmarks.bench_ingest import long_recording

    tmp = Path(tempfile.mkdtemp(prefix="bench-lock-"))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KNOWHOW_LOG_DIR": str(tmp / "log")}
    # An installed product has its byte code: without it every `knowhow` start recompiles ours.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    long = long_recording(tmp / "long.mp4", args.minutes)
    lib = Library(tmp / "lib")
    sid = _seed_session(lib)
    step_id = lib.steps(sid)[0].step_id
    base_terms = [_terms_add(lib.root, env, i) for i in range(3)]
    base_edit = [_edit(lib, step_id, i) for i in range(3)]
    def stats(xs: list[float]) -> dict[str, float]:
        return {"n": len(xs), "median_s": round(statistics.median(xs), 3), "max_s": round(max(xs), 3)}

    row: dict[str, Any] = {"recording_min": args.minutes, "cpus": os.cpu_count(), "target_s": 2.0,
                           "terms_add_idle": stats(base_terms), "review_edit_idle": stats(base_edit)}
    # The ingest at normal priority (the baseline) and at the background priority it now runs at.
    for mode, nice in (("ingest at normal priority", "0"), ("ingest at background priority", "")):
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "indexing.cli", "--library", str(lib.root), "ingest",
                                 str(long), "--quiet", "--json"], env={**env, "KNOWHOW_INGEST_NICE": nice},
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        during_terms, during_edit = [], []
        i = 100
        while proc.poll() is None:
            time.sleep(args.every)
            if proc.poll() is not None:
                break
            during_terms.append(_terms_add(lib.root, env, i))
            during_edit.append(_edit(lib, step_id, i))
            i += 1
        out, err = proc.communicate()
        if proc.returncode != 0:
            raise SystemExit(f"ingest failed: {err[-2000:]}")
        row[mode] = {"ingest_s": round(time.perf_counter() - t0, 1), "load_avg": os.getloadavg()[0],
                     "steps": json.loads(out)["steps"], "terms_add": stats(during_terms),
                     "review_edit": stats(during_edit)}
        lib.delete_session(json.loads(out)["session_id"])  # so the next mode ingests it again
    print(json.dumps(row, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(row, indent=2))


if __name__ == "__main__":
    main()
