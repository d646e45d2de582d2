"""Word error rate and speed of speech models and decoding settings for English, on the held-out recordings.

    python tests/benchmarks/bench_asr_models.py --data DIR [--part tune|test|all] [--models tiny.en,base]
        [--config NAME:FIELD=VALUE,...]... [--voice-prefix festival:] [--json OUT]

DIR holds the held-out set (`tests/heldout/make_heldout.py` output: media plus `*.truth.json`;
decoys are skipped). Nothing is written into DIR. Every recording is decoded once and recognised
by each configuration in turn, in the same process and the same run, so speed ratios share the
machine's load. A configuration is `AsrConfig` defaults (beam 5, int8 on CPU, glossary "correct",
the hallucination guard) with the fields given, and the session language "en":

    --config default:                      the product's English default (tiny.en)
    --config beam1:beam_size=1
    --config base:model=base               the bundled multilingual Whisper base, language "en"
    --config prompt-own:glossary_mode=prompt,glossary=own

`glossary=` picks the glossary passed as `hotwords` (the library glossary; the held-out truths
carry none, so without it every glossary mode is a no-op): `none` (default, what evaluate.py's
fresh library has), `own` (the recording's own tool names: the best case, an expert who typed
exactly this session's vocabulary) or `domain` (the tool names of every recording of the same
domain across the whole set, in a fixed shuffled order: a plant-wide glossary with distractors).
Without `--config`, `--models` gives one default configuration per model (the old behaviour).

Reported per configuration: mean WER against the script (`tests/heldout/scoring.wer`), split by
natural (festival) and espeak-ng voices and per voice, recognition seconds per second of audio,
and both as ratios to the first configuration's figures in the same run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import sys
import time
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

GLOSSARIES = ("none", "own", "domain")


def _scoring() -> Any:
    spec = importlib.util.spec_from_file_location("heldout_scoring", ROOT / "tests" / "heldout" / "scoring.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def parse_config(spec: str) -> tuple[str, dict[str, Any], str]:
    """`NAME:FIELD=VALUE,...` as (name, AsrConfig field overrides, glossary source)."""
    from indexing.transcribe import AsrConfig

    name, _, rest = spec.partition(":")
    known = {f.name: f.type for f in fields(AsrConfig)}
    overrides: dict[str, Any] = {}
    glossary = "none"
    for item in filter(None, (x.strip() for x in rest.split(","))):
        key, _, raw = item.partition("=")
        if key == "glossary":
            if raw not in GLOSSARIES:
                raise SystemExit(f"glossary={raw!r}: choose one of {', '.join(GLOSSARIES)}")
            glossary = raw
        elif key not in known:
            raise SystemExit(f"{key!r} is not an AsrConfig field ({', '.join(known)})")
        else:
            overrides[key] = int(raw) if key in ("beam_size", "threads") else raw
    return name or "default", overrides, glossary


def glossaries(all_truths: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Per domain, the tool names of all its recordings, deduplicated, in a fixed shuffled order."""
    out: dict[str, list[str]] = {}
    for t in all_truths:
        out.setdefault(t.get("domain", ""), []).extend(t.get("tools", []))
    rng = random.Random(19)
    for domain, terms in out.items():
        unique = list(dict.fromkeys(terms))
        rng.shuffle(unique)
        out[domain] = unique
    return out


def summarize(rows: list[dict[str, Any]], sc: Any) -> dict[str, Any]:
    """Mean WER overall, natural/espeak-ng and per voice; recognition seconds per audio second."""
    natural = [x["wer"] for x in rows if str(x["voice"]).startswith("festival:")]
    espeak = [x["wer"] for x in rows if not str(x["voice"]).startswith("festival:")]
    voices: dict[str, list[float]] = {}
    for x in rows:
        voices.setdefault(str(x["voice"]), []).append(x["wer"])
    return {
        "wer": round(sc.mean([x["wer"] for x in rows]), 4),
        "wer_natural": round(sc.mean(natural), 4) if natural else None,
        "wer_espeak": round(sc.mean(espeak), 4) if espeak else None,
        "wer_by_voice": {v: round(sc.mean(w), 4) for v, w in sorted(voices.items())},
        "x_realtime": round(sum(x["asr_s"] for x in rows) / max(1e-9, sum(x["media_s"] for x in rows)), 4),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--part", choices=("tune", "test", "all"), default="test")
    ap.add_argument("--models", default="tiny.en,base")
    ap.add_argument("--config", action="append", default=[], metavar="NAME:FIELD=VALUE,...")
    ap.add_argument("--voice-prefix", default="", help="only recordings whose voice starts with this")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from indexing.media import decode_audio
    from indexing.models_registry import force_offline
    from indexing.transcribe import AsrConfig, load_model, transcribe

    force_offline()
    sc = _scoring()
    specs = args.config or [f"{m}:model={m}" for m in args.models.split(",")]
    configs = []
    for spec in specs:
        name, overrides, glossary = parse_config(spec)
        configs.append((name, replace(AsrConfig(), **overrides), glossary))
    if len({c[0] for c in configs}) != len(configs):
        raise SystemExit("configuration names must differ")
    all_truths = [json.loads(f.read_text()) for f in sorted(args.data.glob("*.truth.json"))]
    all_truths = [t for t in all_truths if not t.get("decoy")]
    by_domain = glossaries(all_truths)
    truths = [t for t in all_truths if (args.part == "all" or t.get("part") == args.part)
              and str(t.get("voice", "")).startswith(args.voice_prefix)]
    for _, config, _ in configs:
        load_model(config)  # loading is not part of the per-recording speed
    rows: dict[str, list[dict[str, Any]]] = {c[0]: [] for c in configs}
    for t in truths:
        audio = decode_audio(args.data / t["media"], expected_duration=t["duration"])
        script = " ".join(s["text"] for s in t["steps"])
        terms = {"none": [], "own": list(t.get("tools", [])), "domain": by_domain.get(t.get("domain", ""), [])}
        for name, config, glossary in configs:
            t0 = time.perf_counter()
            tx = transcribe(audio, config, language="en", hotwords=terms[glossary])
            secs = time.perf_counter() - t0
            text = " ".join(s.text for s in tx.segments)
            rows[name].append({"name": t["media"], "voice": t.get("voice", ""), "set": t.get("set") or "ABC",
                               "wer": sc.wer(script, text), "asr_s": secs, "media_s": t["duration"],
                               "text": text})
        print(t["media"], " ".join(f"{n}={rows[n][-1]['wer']:.3f}/{rows[n][-1]['asr_s']:.1f}s" for n in rows),
              flush=True)
    out: dict[str, Any] = {"part": args.part, "voice_prefix": args.voice_prefix, "recordings": len(truths),
                           "load_avg": os.getloadavg()[0], "configs": {}}
    first: dict[str, Any] | None = None
    for name, config, glossary in configs:
        s = summarize(rows[name], sc)
        first = first or s
        out["configs"][name] = {
            "model": config.model, "beam_size": config.beam_size, "glossary_mode": config.glossary_mode,
            "glossary": glossary, **s,
            "wer_ratio_to_first": round(s["wer"] / first["wer"], 3) if first["wer"] else None,
            "speed_ratio_to_first": round(s["x_realtime"] / first["x_realtime"], 2),
        }
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps({**out, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
