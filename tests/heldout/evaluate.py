"""Evaluate the real pipeline on the held-out set: segmentation, transcription, labels, retrieval, decoys.

Every recording is ingested (no markers) into one fresh temporary library through the core API,
then scored against its truth file:
    boundaries  step-start precision/recall/F1 at ±2 s (the first start of each side is ignored)
    steps       predicted minus true step count
    WER         word error rate of the stored transcript against the script
    tools       precision/recall of the union of step tool labels against the truth's tools
    retrieval   each step's trainee-written description is searched (k=5) across the whole library;
                a hit is the right session and a step overlapping the true span (top-1, top-5)
    decoys      silence / machine noise must raise NoSpeechError and leave the library unchanged

    python tests/heldout/evaluate.py [--data tests/.heldout] [--only NAME] [--json OUT]
                                     [--library DIR] [--set SETTING=VALUE ...]

The set is generated first (make_heldout.py) when its manifest is missing. Only `manifest.json`'s
recordings (parts A-C and the decoys) are evaluated; the later parts D-F (`manifest_<set>.json`) are
scored from the recognition cache by fit_boundaries.py and the benchmarks, E and F as blind parts.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent / ".heldout"
TOLERANCE = 2.0
K = 5

log = logging.getLogger("heldout.evaluate")


def _load_scoring() -> Any:
    # Loaded by path so that neither pytest nor this script depends on tests/ being a package.
    spec = importlib.util.spec_from_file_location("heldout_scoring", HERE / "scoring.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


sc = _load_scoring()


def load_manifest(data: Path) -> list[dict[str, Any]]:
    """The list of recordings with their truth documents (generates the set when missing)."""
    manifest = data / "manifest.json"
    if not manifest.exists():
        log.warning("no held-out set at %s; generating it", data)
        sys.path.insert(0, str(HERE))
        import make_heldout

        make_heldout.main(["--out", str(data)])
    entries = json.loads(manifest.read_text(encoding="utf-8"))
    for e in entries:
        e["truth_doc"] = json.loads((data / e["truth"]).read_text(encoding="utf-8"))
        e["path"] = data / e["media"]
    return entries


def _snapshot(library: Any) -> dict[str, Any]:
    media_root = library.root / "media"
    return {
        "sessions": sorted(s.session_id for s in library.sessions()),
        "steps": len(library.all_steps()),
        "media": sorted(p.relative_to(media_root).as_posix() for p in media_root.rglob("*")) if media_root.exists() else [],
    }


def score_recording(library: Any, entry: dict[str, Any], session_id: str) -> dict[str, Any]:
    """Segmentation, transcript and label scores of one ingested recording."""
    truth = entry["truth_doc"]
    steps = library.steps(session_id)
    pred_starts = [s.start for s in steps]
    true_starts = [s["start"] for s in truth["steps"]]
    prf = sc.boundary_prf(pred_starts, true_starts, TOLERANCE)
    transcript = library.transcript(session_id)
    script = " ".join(s["text"] for s in truth["steps"])
    tools = sc.label_prf([t for s in steps for t in s.tools], truth["tools"])
    return {
        "name": entry["name"],
        "media": entry["media"],
        "session_id": session_id,
        "camera": truth.get("camera", ""),
        "noise": truth.get("noise_rms", 0.0),
        "true_steps": len(true_starts),
        "pred_steps": len(pred_starts),
        "step_count_error": len(pred_starts) - len(true_starts),
        "boundary": {"tp": prf.tp, "n_pred": prf.n_pred, "n_true": prf.n_true,
                     "precision": prf.precision, "recall": prf.recall, "f1": prf.f1},
        "wer": sc.wer(script, transcript.text),
        "tools": {"tp": tools.tp, "n_pred": tools.n_pred, "n_true": tools.n_true,
                  "precision": tools.precision, "recall": tools.recall,
                  "predicted": sorted({t for s in steps for t in s.tools})},
        "pred_starts": [round(t, 2) for t in pred_starts],
        "true_starts": true_starts,
    }


def score_retrieval(library: Any, entries: list[dict[str, Any]], sessions: dict[str, str]) -> list[dict[str, Any]]:
    """Search every trainee description across the library; rank of the right step (None if not in top K)."""
    from indexing.search import search

    out = []
    for e in entries:
        sid = sessions.get(e["name"])
        if sid is None:
            continue
        for step in e["truth_doc"]["steps"]:
            hits = search(library, step["description"], k=K)
            rank = sc.hit_rank([(h.session_id, h.start, h.end) for h in hits], sid, step["start"], step["end"])
            out.append({"name": e["name"], "step": step["index"], "query": step["description"], "rank": rank})
    return out


def check_decoy(library: Any, entry: dict[str, Any]) -> dict[str, Any]:
    """Ingest a no-speech decoy: it must raise NoSpeechError and change nothing."""
    from indexing.errors import NoSpeechError
    from indexing.pipeline import ingest

    before = _snapshot(library)
    raised = ""
    message = ""
    try:
        ingest(library, entry["path"])
    except NoSpeechError as exc:
        raised, message = "NoSpeechError", str(exc)
    except Exception as exc:  # noqa: BLE001 - any other outcome is a failure worth reporting
        raised, message = type(exc).__name__, str(exc)
    after = _snapshot(library)
    return {"name": entry["name"], "raised": raised, "message": message, "unchanged": before == after,
            "ok": raised == "NoSpeechError" and before == after}


def summarize(recs: list[dict[str, Any]], retrieval: list[dict[str, Any]], decoys: list[dict[str, Any]],
              timing: dict[str, float]) -> dict[str, Any]:
    """Micro-averaged boundary and tool scores, mean WER and step-count error, hit rates, decoy results."""
    b = sum((sc.PRF(r["boundary"]["tp"], r["boundary"]["n_pred"], r["boundary"]["n_true"]) for r in recs),
            sc.PRF(0, 0, 0))
    t = sum((sc.PRF(r["tools"]["tp"], r["tools"]["n_pred"], r["tools"]["n_true"]) for r in recs), sc.PRF(0, 0, 0))
    ranks = [q["rank"] for q in retrieval]
    return {
        "recordings": len(recs),
        "boundary_tolerance_s": TOLERANCE,
        "boundary": {"precision": b.precision, "recall": b.recall, "f1": b.f1, "tp": b.tp, "n_pred": b.n_pred,
                     "n_true": b.n_true},
        "boundary_f1_fixed_camera": sc.mean([r["boundary"]["f1"] for r in recs if r["camera"] == "fixed"]),
        "boundary_f1_scene_per_step": sc.mean([r["boundary"]["f1"] for r in recs if r["camera"] == "steps"]),
        "boundary_f1_audio_only": sc.mean([r["boundary"]["f1"] for r in recs if r["camera"] == "none"]),
        "step_count_error_mean_abs": sc.mean([abs(r["step_count_error"]) for r in recs]),
        "step_count_error_mean": sc.mean([r["step_count_error"] for r in recs]),
        "wer_mean": sc.mean([r["wer"] for r in recs]),
        "wer_noisy_mean": sc.mean([r["wer"] for r in recs if r["noise"]]),
        "wer_clean_mean": sc.mean([r["wer"] for r in recs if not r["noise"]]),
        "tools": {"precision": t.precision, "recall": t.recall, "f1": t.f1},
        "retrieval": {"queries": len(ranks), "top1": sc.mean([1.0 if r == 1 else 0.0 for r in ranks]),
                      "top5": sc.mean([1.0 if r is not None else 0.0 for r in ranks])},
        "decoys": {d["name"]: d["ok"] for d in decoys},
        "decoys_ok": all(d["ok"] for d in decoys),
        "timing": timing,
    }


def print_table(recs: list[dict[str, Any]], retrieval: list[dict[str, Any]], decoys: list[dict[str, Any]],
                summary: dict[str, Any]) -> None:
    """Human-readable table on stdout."""
    per_rec: dict[str, list[int | None]] = {}
    for q in retrieval:
        per_rec.setdefault(q["name"], []).append(q["rank"])
    head = f"{'recording':20s} {'camera':6s} {'noise':>5s} {'steps':>7s} {'P':>5s} {'R':>5s} {'F1':>5s} " \
           f"{'WER':>5s} {'toolP':>5s} {'toolR':>5s} {'top1':>5s} {'top5':>5s} {'secs':>5s}"
    print(head)
    print("-" * len(head))
    for r in recs:
        ranks = per_rec.get(r["name"], [])
        top1 = sc.mean([1.0 if x == 1 else 0.0 for x in ranks])
        top5 = sc.mean([1.0 if x is not None else 0.0 for x in ranks])
        b, t = r["boundary"], r["tools"]
        print(f"{r['name']:20s} {r['camera']:6s} {r['noise']:5.2f} {r['pred_steps']:>3d}/{r['true_steps']:<3d} "
              f"{b['precision']:5.2f} {b['recall']:5.2f} {b['f1']:5.2f} {r['wer']:5.2f} {t['precision']:5.2f} "
              f"{t['recall']:5.2f} {top1:5.2f} {top5:5.2f} {r.get('ingest_s', 0.0):5.1f}")
    s = summary
    print("-" * len(head))
    print(f"boundaries ±{TOLERANCE:g}s  P={s['boundary']['precision']:.2f} R={s['boundary']['recall']:.2f} "
          f"F1={s['boundary']['f1']:.2f}  (fixed camera F1 {s['boundary_f1_fixed_camera']:.2f}, scene per step "
          f"{s['boundary_f1_scene_per_step']:.2f}, audio only {s['boundary_f1_audio_only']:.2f})")
    print(f"step count error  mean |e|={s['step_count_error_mean_abs']:.2f}  mean e={s['step_count_error_mean']:+.2f}")
    print(f"WER  mean={s['wer_mean']:.3f}  clean={s['wer_clean_mean']:.3f}  noisy={s['wer_noisy_mean']:.3f}")
    print(f"tools  P={s['tools']['precision']:.2f} R={s['tools']['recall']:.2f} F1={s['tools']['f1']:.2f}")
    print(f"retrieval  {s['retrieval']['queries']} queries  top1={s['retrieval']['top1']:.2f} "
          f"top5={s['retrieval']['top5']:.2f}")
    for d in decoys:
        print(f"decoy {d['name']:24s} raised={d['raised'] or '-':16s} unchanged={d['unchanged']}  "
              f"{'OK' if d['ok'] else 'FAIL'}  {d['message'][:60]}")
    print(f"time  ingest {s['timing']['ingest_s']:.1f} s for {s['timing']['media_s']:.1f} s of media "
          f"(x{s['timing']['realtime_factor']:.2f} real time), retrieval {s['timing']['retrieval_s']:.1f} s")


def evaluate(data: Path, library_dir: Path, *, only: str | None = None,
             overrides: dict[str, str] | None = None) -> dict[str, Any]:
    """Run the whole evaluation into `library_dir`; return per-recording scores, queries, decoys and summary."""
    from indexing.library import Library
    from indexing.pipeline import ingest

    entries = [e for e in load_manifest(data) if not only or e["name"] == only]
    if not entries:
        raise SystemExit(f"no held-out recording named {only!r} in {data}")
    library = Library(library_dir, create=True, overrides=overrides or {})
    recs: list[dict[str, Any]] = []
    sessions: dict[str, str] = {}
    ingest_s = media_s = 0.0
    for e in entries:
        if e["decoy"]:
            continue
        t0 = time.perf_counter()
        result = ingest(library, e["path"])
        took = time.perf_counter() - t0
        ingest_s += took
        media_s += result.duration
        sessions[e["name"]] = result.session_id
        rec = score_recording(library, e, result.session_id)
        rec["ingest_s"] = round(took, 2)
        recs.append(rec)
        log.info("%s: %d/%d steps, F1 %.2f, WER %.3f, %.1f s", e["name"], rec["pred_steps"], rec["true_steps"],
                 rec["boundary"]["f1"], rec["wer"], took)
    t0 = time.perf_counter()
    retrieval = score_retrieval(library, [e for e in entries if not e["decoy"]], sessions)
    retrieval_s = time.perf_counter() - t0
    decoys = [check_decoy(library, e) for e in entries if e["decoy"]]
    timing = {"ingest_s": round(ingest_s, 1), "media_s": round(media_s, 1),
              "realtime_factor": round(ingest_s / media_s, 3) if media_s else 0.0,
              "retrieval_s": round(retrieval_s, 1)}
    summary = summarize(recs, retrieval, decoys, timing)
    library.close()
    return {"summary": summary, "recordings": recs, "retrieval": retrieval, "decoys": decoys}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="held-out set folder")
    parser.add_argument("--only", help="evaluate one recording (file stem, e.g. pump_seal or decoy_silence)")
    parser.add_argument("--json", type=Path, help="also write the full results as JSON here")
    parser.add_argument("--library", type=Path, help="library folder (default: a fresh temporary one)")
    parser.add_argument("--set", action="append", default=[], metavar="SETTING=VALUE",
                        help="library setting override, e.g. asr_beam_size=1 (repeatable)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    overrides = dict(kv.split("=", 1) for kv in args.set)
    if args.library:
        results = evaluate(args.data, args.library, only=args.only, overrides=overrides)
    else:
        with tempfile.TemporaryDirectory(prefix="heldout-lib-") as tmp:
            results = evaluate(args.data, Path(tmp) / "library", only=args.only, overrides=overrides)
    print_table(results["recordings"], results["retrieval"], results["decoys"], results["summary"])
    print(json.dumps(results["summary"], indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
