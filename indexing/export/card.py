"""The dataset card: README.md at the export's root.

Its YAML header is the Hugging Face card metadata; its `configs` block tells
`datasets.load_dataset(<folder>)` where each split's data files are, so the
export opens in one line without any loader script.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from indexing.export.formats.base import Records
from indexing.export.options import ExportOptions
from indexing.export.records import FIELDS

HF_LICENCES = {"apache-2.0", "mit", "cc-by-4.0", "cc-by-sa-4.0", "cc-by-nc-4.0", "cc0-1.0",
               "cc-by-nc-sa-4.0", "openrail", "other"}


def _yaml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # JSON strings are valid YAML scalars


def render_card(
    records: Records,
    options: ExportOptions,
    data_files: dict[str, str],
    anonymization: dict[str, Any],
    created_at: str,
    tool_version: str,
) -> str:
    """The card's Markdown (with YAML front matter)."""
    all_recs = [r for recs in records.values() for r in recs]
    licences = sorted({r["licence"] for r in all_recs if r["licence"]})
    lic = licences[0].lower() if len(licences) == 1 else ""
    head = ["---", f"license: {lic if lic in HF_LICENCES else 'other'}"]
    if licences and lic not in HF_LICENCES:
        head.append(f"license_name: {_yaml_str(', '.join(licences))}")
    head += ["pretty_name: Know-how Capture procedure steps", "task_categories:",
             "- video-classification", "- automatic-speech-recognition", "- text-classification",
             "language:"]
    head += [f"- {lang}" for lang in sorted({r["language"] for r in all_recs if r["language"]})] or ["- en"]
    if data_files:
        head += ["configs:", "- config_name: default", "  data_files:"]
        for split, path in data_files.items():
            head += [f"  - split: {split}", f"    path: {_yaml_str(path)}"]
    head.append("---")

    sessions = {r["session_id"] for r in all_recs}
    experts = {r["expert"] for r in all_recs if r["expert"]}
    hours = sum(r["duration"] for r in all_recs) / 3600.0
    cats = Counter(r["category"] for r in all_recs)
    stations = Counter(r["workstation"] for r in all_recs if r["workstation"])
    consent = sum(1 for r in all_recs if r["consent"])
    lines = head + [
        "",
        "# Know-how Capture: procedure steps",
        "",
        "Narrated recordings of manufacturing experts at their workstations, cut into procedures and",
        "steps, labelled, reviewed and exported by Know-how Capture. One record is one step.",
        "",
        "## What it holds",
        "",
        f"- steps: {len(all_recs)}",
        f"- sessions (recordings): {len(sessions)}",
        f"- experts: {len(experts)}",
        f"- step media: {hours:.3f} hours",
        "- splits: " + ", ".join(f"{s} {len(v)}" for s, v in records.items()),
        "- categories: " + (", ".join(f"{c} {n}" for c, n in sorted(cats.items())) or "none"),
        "- workstations: " + (", ".join(f"{c} {n}" for c, n in sorted(stations.items())) or "none"),
        "",
        "## Load it",
        "",
    ]
    if data_files:
        lines += ["```python", "from datasets import load_dataset", 'ds = load_dataset("path/to/this/folder")',
                  "```", ""]
    lines += [
        "Files: " + ", ".join(
            f"`{p}`" for p in ("data/<split>.jsonl" if "jsonl" in options.formats else "",
                               "data/<split>.parquet" if {"parquet", "hf"} & set(options.formats) else "",
                               "webdataset/<split>-NNNNNN.tar" if "webdataset" in options.formats else "",
                               "clips/", "keyframes/", "views/coin.json", "views/crosstask/",
                               "manifest.json") if p),
        "",
        "WebDataset samples share a basename: `<id>.json` (record), `<id>.txt` (narration),",
        "`<id>.mp4` (clip), `<id>.jpg` (keyframe). `views/coin.json` follows COIN/ActivityNet",
        "(`database` → `annotation` segments) and `views/crosstask/` follows CrossTask",
        "(`tasks.txt`, `annotations/<task>_<video>.csv` with `step,start,end`).",
        "",
        "## How it was made",
        "",
        f"Exported on {created_at} by knowhow {tool_version}. Speech was transcribed by the model in",
        "`asr_model`; steps were proposed by the segmenter from the expert's markers, pauses and",
        "narration cues, labelled, then reviewed by people. Selection: "
        f"status {options.status}"
        + "".join(f"; {k} {', '.join(v)}" for k, v in (("workstation", options.workstations),
                                                        ("process", options.processes),
                                                        ("category", options.categories)) if v)
        + (f"; recorded from {options.date_from}" if options.date_from else "")
        + (f"; recorded until {options.date_to}" if options.date_to else "") + ".",
        f"Splits are grouped by {options.split_by} (no {options.split_by} appears in two splits), "
        f"target ratios {'/'.join(f'{r:g}' for r in options.ratios)}, seed {options.seed}, assigned",
        "deterministically by hashing the group key.",
        f"Media: {options.media}"
        + ("; clips are stream copies starting at the key frame before the step (see `clip_start`)"
           if options.media == "clips" and not options.faces else "")
        + ("; clips are re-encoded (H.264) and start at the step" if options.media == "clips"
           and options.faces else "")
        + (". Audio was dropped." if options.drop_audio else "."),
        "",
        "## Schema",
        "",
        "| field | meaning |",
        "| --- | --- |",
    ]
    lines += [f"| `{k}` | {v} |" for k, v in FIELDS.items()]
    lines += [
        "",
        "## Licence and consent",
        "",
        f"Licence: {', '.join(licences) or 'not stated; ask the data owner before use'}.",
        f"{consent} of {len(all_recs)} steps come from recordings whose expert consent is on file",
        "(`consent`, `consent_ref`).",
        "",
        "## Anonymization",
        "",
    ]
    if anonymization.get("enabled"):
        lines += [
            "- Experts are named by pseudonyms `expert-<12 hex>`: HMAC-SHA256 of the name under a secret",
            "  key that stays in the source library; the same expert keeps the same pseudonym across",
            "  exports of that library, and nobody without the key can test a guessed name.",
            "- Session and step ids are keyed-hash pseudonyms too.",
            f"- {anonymization.get('people', 0)} names of known people (and their parts) were replaced by "
            "`[PERSON]` and",
            f"  {anonymization.get('terms', 0)} confidential terms by `[REDACTED]` in titles, narration, "
            "timed words and labels",
            f"  (whole words, any case, multiword terms across spaces): {anonymization.get('redactions', 0)} "
            "replacements.",
            ("- Faces were blurred in keyframes and clips (OpenCV Haar cascades, frontal and profile, "
             f"boxes grown by 45%): {anonymization.get('faces', 0)} detections."
             if options.faces else "- Faces were NOT blurred."),
            "- Audio was removed from clips." if options.drop_audio else
            "- Audio was kept: voices, and names spoken aloud, remain in the clips' sound.",
        ]
    else:
        lines += ["This export is NOT anonymized: expert names, people and confidential terms appear as",
                  "recorded. Do not let it leave the plant."]
    lines += [
        "",
        "## Known limits",
        "",
        "- Transcripts come from automatic speech recognition; `words[].probability` is its confidence.",
        "- Step boundaries outside reviewed steps are proposals (`boundary_confidence`).",
        "- Redaction only knows the names and terms registered in the library; anything else said or",
        "  shown (badges, screens, labels on parts) is not detected. Face detection can miss faces",
        "  that are small, turned away or partly covered.",
        "",
    ]
    return "\n".join(lines)
