"""Recognise and analyse the held-out set once, and keep the results for tuning runs.

Segmentation only needs a recording's transcript, its visual changes and its duration, so fitting
the segmenter (fit_segmenter.py) and comparing decoding settings (decoding_bench.py) read these
caches instead of running speech recognition again on a shared machine. Each decoding
configuration gets its own folder under `<data>/cache/<key>/`:

    <name>.json   {"name", "part", "camera", "duration", "transcript": {...}, "visual": {...} | null,
                   "asr_s": seconds of recognition, "media_s": seconds of audio}

    python tests/heldout/cache_inputs.py [--data tests/.heldout] [--key default] [--set KEY=VALUE ...]
                                         [--part tune|test] [--subset D] [--voice-prefix festival:] [--no-visual]

The recordings are those of `manifest.json` (parts A-C) and of any later part's `manifest_<set>.json`
(part D: `make_heldout.py --set D`, part E: `--set E`, part F: `--set F`, part G: `--set G`, part H: `--set H`,
part I: `--set I`); `--subset I` caches only that part. A recording already in the cache folder is skipped, so adding a part computes only its own.

`--set` takes `AsrConfig` fields (beam_size=1, glossary_mode=off). (Branch i9's `decode.KEY=VALUE`
faster-whisper options need a `decode_options` argument that `indexing.transcribe` on main does
not have; they are refused here.)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent / ".heldout"


def transcript_from_dict(d: dict[str, Any]) -> Any:
    """Rebuild an `indexing.models.Transcript` from `dataclasses.asdict` output."""
    from indexing.models import Segment, Transcript, Word

    segs = tuple(
        Segment(s["start"], s["end"], s["text"], tuple(Word(**w) for w in s["words"]), s["avg_logprob"],
                s["no_speech_prob"])
        for s in d["segments"]
    )
    return Transcript(language=d["language"], duration=d["duration"], segments=segs, model=d.get("model", ""))


def visual_from_dict(d: dict[str, Any] | None) -> Any:
    """Rebuild `indexing.visual.VisualChanges` (or None for audio-only media)."""
    if d is None:
        return None
    from indexing.visual import VisualChanges

    return VisualChanges(**{k: tuple(v) for k, v in d.items()})


def _value(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def parse_sets(items: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split `KEY=VALUE` items into AsrConfig fields and faster-whisper decode options."""
    config: dict[str, Any] = {}
    decode: dict[str, Any] = {}
    for item in items:
        key, _, raw = item.partition("=")
        if key.startswith("decode."):
            decode[key[len("decode."):]] = _value(raw)
        else:
            config[key] = _value(raw)
    return config, decode


def read_manifest(data: Path) -> list[dict[str, Any]]:
    """The entries of `manifest.json` followed by those of each later part's `manifest_<set>.json`."""
    out: list[dict[str, Any]] = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    for path in sorted(data.glob("manifest_*.json")):
        out.extend(json.loads(path.read_text(encoding="utf-8")))
    return out


def load_cache(data: Path, key: str) -> list[dict[str, Any]]:
    """All cached recordings of one configuration, with their truth documents attached."""
    folder = data / "cache" / key
    out = []
    for e in read_manifest(data):
        if e["decoy"]:
            continue
        path = folder / f"{e['name']}.json"
        if not path.exists():
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["truth_doc"] = json.loads((data / e["truth"]).read_text(encoding="utf-8"))
        out.append(doc)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--key", default="default", help="cache folder name for this configuration")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--part", choices=("tune", "test"), help="only this part of the set")
    parser.add_argument("--subset", help="only this later part (D, E, F, G, H, I)")
    parser.add_argument("--no-visual", action="store_true", help="skip video analysis (decoding runs)")
    parser.add_argument("--voice-prefix", default="", help="only recordings whose voice starts with this")
    args = parser.parse_args(argv)

    from indexing.media import decode_audio
    from indexing.transcribe import SAMPLE_RATE, AsrConfig, load_model, transcribe
    from indexing.visual import analyze_video

    fields, decode = parse_sets(args.set)
    if decode:
        parser.error("decode.* options need transcribe(decode_options=...), which this checkout lacks")
    config = replace(AsrConfig(), **fields)
    load_model(config)
    folder = args.data / "cache" / args.key
    folder.mkdir(parents=True, exist_ok=True)
    for e in read_manifest(args.data):
        if e["decoy"] or (args.part and e.get("part") != args.part) or (args.subset and e.get("set") != args.subset):
            continue
        out = folder / f"{e['name']}.json"
        if out.exists():
            continue
        truth = json.loads((args.data / e["truth"]).read_text(encoding="utf-8"))
        if not str(truth.get("voice", "")).startswith(args.voice_prefix):
            continue
        media = args.data / e["media"]
        audio = decode_audio(media)
        t0 = time.perf_counter()
        tx = transcribe(audio, config, language="en")
        asr_s = time.perf_counter() - t0
        visual = None
        if truth.get("camera") in ("steps", "fixed") and not args.no_visual:
            visual = asdict(analyze_video(media, fps=2.0, max_key_gap=5.0))
        doc = {"name": e["name"], "part": e.get("part", ""), "camera": truth.get("camera", ""),
               "duration": truth["duration"], "transcript": asdict(tx), "visual": visual,
               "asr_s": round(asr_s, 2), "media_s": round(audio.size / SAMPLE_RATE, 2),
               "config": {**asdict(config), "decode": decode}}
        out.write_text(json.dumps(doc) + "\n", encoding="utf-8")
        print(f"{e['name']:22s} asr {asr_s:5.1f} s for {doc['media_s']:5.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
