"""Word error rate and speed of the speech models for English, on the held-out recordings (on demand).

    python tests/benchmarks/bench_asr_models.py --data DIR [--part test] [--models tiny.en,base] [--json OUT]

DIR holds the held-out set (`tests/heldout/make_heldout.py` output: media plus `*.truth.json`;
decoys are skipped). Every recording is decoded once and recognised by each model in turn, in
the same process and the same run, with the product's settings (`AsrConfig` defaults: beam 5,
int8 on CPU, the hallucination guard) and the session language "en". Reported per model: mean
WER against the script (`tests/heldout/scoring.wer`), split by natural (festival) and espeak-ng
voices, and recognition seconds per second of audio (ratio to the first model's, same run).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))


def _scoring():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("heldout_scoring", ROOT / "tests" / "heldout" / "scoring.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--part", choices=("tune", "test", "all"), default="test")
    ap.add_argument("--models", default="tiny.en,base")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from indexing.media import decode_audio
    from indexing.models_registry import force_offline
    from indexing.transcribe import AsrConfig, load_model, transcribe

    force_offline()
    sc = _scoring()
    models = args.models.split(",")
    truths = []
    for f in sorted(args.data.glob("*.truth.json")):
        t = json.loads(f.read_text())
        if t.get("decoy") or (args.part != "all" and t.get("part") != args.part):
            continue
        truths.append(t)
    for m in models:
        load_model(AsrConfig(model=m))  # loading is not part of the per-recording speed
    rows: dict[str, list[dict]] = {m: [] for m in models}
    for t in truths:
        audio = decode_audio(args.data / t["media"], expected_duration=t["duration"])
        script = " ".join(s["text"] for s in t["steps"])
        for m in models:
            t0 = time.perf_counter()
            tx = transcribe(audio, AsrConfig(model=m), language="en")
            secs = time.perf_counter() - t0
            text = " ".join(s.text for s in tx.segments)
            rows[m].append({"name": t["media"], "voice": t.get("voice", ""), "wer": sc.wer(script, text),
                            "asr_s": secs, "media_s": t["duration"]})
        print(t["media"], " ".join(f"{m}={rows[m][-1]['wer']:.3f}/{rows[m][-1]['asr_s']:.1f}s" for m in models),
              flush=True)
    out = {"part": args.part, "recordings": len(truths), "load_avg": os.getloadavg()[0], "models": {}}
    base_rtf = None
    for m in models:
        r = rows[m]
        natural = [x["wer"] for x in r if str(x["voice"]).startswith("festival:")]
        espeak = [x["wer"] for x in r if not str(x["voice"]).startswith("festival:")]
        rtf = sum(x["asr_s"] for x in r) / max(1e-9, sum(x["media_s"] for x in r))
        base_rtf = base_rtf or rtf
        out["models"][m] = {"wer": round(sc.mean([x["wer"] for x in r]), 4),
                            "wer_natural": round(sc.mean(natural), 4) if natural else None,
                            "wer_espeak": round(sc.mean(espeak), 4) if espeak else None,
                            "x_realtime": round(rtf, 3), "speed_ratio_to_first": round(rtf / base_rtf, 2)}
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps({**out, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
