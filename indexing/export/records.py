"""Choosing the steps to export and turning each into one flat record."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from indexing.export.anonymize import Pseudonymizer, Redactor, library_id, plant
from indexing.export.options import STATUS_FILTERS, ExportOptions
from indexing.library import Library
from indexing.library.rows import procedure_id, step_id
from indexing.models import Step

# Every record has exactly these keys, in this order (the card documents each).
FIELDS: dict[str, str] = {
    "id": "step id (pseudonymized with --anonymize)",
    "session_id": "recording session id (pseudonymized with --anonymize)",
    "procedure_id": "procedure id within the session",
    "procedure_index": "0-based procedure number in the session",
    "procedure_title": "procedure title",
    "step_index": "0-based step number in the procedure",
    "title": "step title",
    "category": "one of setup, safety, operation, inspection, adjustment, troubleshooting, cleanup",
    "tools": "tools and parts named in the step (list of strings)",
    "tips": "expert tips (list of strings)",
    "warnings": "safety warnings (list of strings)",
    "text": "the expert's narration during the step",
    "words": "timed words: word, start, end (session seconds), probability (recogniser confidence)",
    "start": "step start, seconds from the start of the recording",
    "end": "step end, seconds from the start of the recording",
    "duration": "end - start, seconds",
    "start_frame": "first video frame of the step (round(start * fps))",
    "end_frame": "video frame at the step end (round(end * fps))",
    "fps": "video frame rate of the recording (0 for audio only)",
    "language": "narration language code",
    "workstation": "workstation where it was recorded",
    "process": "manufacturing process",
    "expert": "expert (a keyed-hash pseudonym with --anonymize)",
    "status": "review status: proposed, reviewed or approved",
    "consent": "whether the expert's recording consent is on file",
    "consent_ref": "reference of the consent record",
    "licence": "licence of the record",
    "asr_model": "speech recognition model that made the transcript",
    "embed_model": "sentence embedding model used by the library",
    "boundary_confidence": "segmenter confidence in the step's boundaries (1.0 = marker or reviewed)",
    "recorded_on": "recording date (YYYY-MM-DD)",
    "source_library": "id of the library the session was recorded in",
    "plant": "plant of that library",
    "split": "train, validation or test",
    "clip": "path of the step's clip in this export ('' without clips)",
    "clip_start": "session time of the clip's first frame (clips start at a key frame unless re-encoded)",
    "clip_end": "session time where the clip ends",
    "keyframes": "paths of the step's keyframe images in this export",
}


@dataclass
class Item:
    """One selected step: its record plus what the exporter needs to cut media."""

    record: dict[str, Any]
    session_id: str
    media_path: str
    keyframe_src: str | None
    keyframe_t: float | None
    group: str
    has_video: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _wanted(value: str, allowed: tuple[str, ...]) -> bool:
    return not allowed or value.casefold() in {a.casefold() for a in allowed}


def select_steps(library: Library, options: ExportOptions) -> list[tuple[Step, dict[str, Any]]]:
    """Steps passing the options' filters with their session rows, in library order."""
    statuses = STATUS_FILTERS[options.status]
    rows = {r["session_id"]: r for r in library.db.query("SELECT * FROM sessions")}
    out: list[tuple[Step, dict[str, Any]]] = []
    for step in library.all_steps():
        row = rows.get(step.session_id)
        if row is None or step.status not in statuses:
            continue
        day = (row.get("created_at") or "")[:10]
        if options.date_from and day < options.date_from[:10]:
            continue
        if options.date_to and day > options.date_to[:10]:
            continue
        if not (_wanted(row.get("workstation") or "", options.workstations)
                and _wanted(row.get("process") or "", options.processes)
                and _wanted(row.get("expert") or "", options.experts)
                and _wanted(step.category, options.categories)
                and (not options.sessions or step.session_id in options.sessions)):
            continue
        out.append((step, row))
    return out


def session_words(library: Library, session_id: str) -> list[dict[str, Any]]:
    return [
        {"word": w["word"], "start": round(w["start"], 3), "end": round(w["end"], 3),
         "probability": round(w["probability"] if w["probability"] is not None else 1.0, 4)}
        for w in library.db.query(
            "SELECT word, start, end, probability FROM words WHERE session_id=? "
            "ORDER BY segment_idx, idx", [session_id])
    ]


def build_items(
    library: Library,
    options: ExportOptions,
    pseudo: Pseudonymizer | None,
    redactor: Redactor | None,
) -> list[Item]:
    """One `Item` per selected step, with anonymization applied to its record."""
    selected = select_steps(library, options)
    words_cache: dict[str, list[dict[str, Any]]] = {}
    src_lib, src_plant = library_id(library), plant(library)
    red = redactor.text if redactor else (lambda s: s)
    items: list[Item] = []
    for step, row in selected:
        sid = step.session_id
        if sid not in words_cache:
            words_cache[sid] = session_words(library, sid)
        words = [w for w in words_cache[sid]
                 if step.start <= (w["start"] + w["end"]) / 2 < step.end]
        if redactor:
            words = redactor.words(words)
        fps = float(row.get("fps") or 0.0)
        out_sid = pseudo.session(sid) if pseudo else sid
        expert = row.get("expert") or ""
        record: dict[str, Any] = {
            "id": step_id(out_sid, step.procedure_index, step.index),
            "session_id": out_sid,
            "procedure_id": procedure_id(out_sid, step.procedure_index),
            "procedure_index": step.procedure_index,
            "procedure_title": red(step.procedure),
            "step_index": step.index,
            "title": red(step.title),
            "category": step.category,
            "tools": [red(t) for t in step.tools],
            "tips": [red(t) for t in step.tips],
            "warnings": [red(t) for t in step.warnings],
            "text": red(step.text),
            "words": words,
            "start": round(step.start, 3),
            "end": round(step.end, 3),
            "duration": round(step.end - step.start, 3),
            "start_frame": int(round(step.start * fps)),
            "end_frame": int(round(step.end * fps)),
            "fps": fps,
            "language": row.get("language") or "",
            "workstation": red(row.get("workstation") or ""),
            "process": red(row.get("process") or ""),
            "expert": pseudo.expert(expert) if pseudo else expert,
            "status": step.status,
            "consent": bool(row.get("consent")),
            "consent_ref": red(row.get("consent_ref") or ""),
            "licence": options.licence or row.get("licence") or "",
            "asr_model": row.get("asr_model") or "",
            "embed_model": row.get("embed_model") or library.setting("embed_model"),
            "boundary_confidence": float(step.boundary_confidence),
            "recorded_on": (row.get("created_at") or "")[:10],
            "source_library": row.get("source_library") or src_lib,
            "plant": red(row.get("plant") or src_plant),
            "split": "",
            "clip": "",
            "clip_start": None,
            "clip_end": None,
            "keyframes": [],
        }
        kf_t = next((r["keyframe_t"] for r in library.db.query(
            "SELECT keyframe_t FROM steps WHERE step_id=?", [step.step_id])), None)
        group = sid if options.split_by == "session" else (" ".join(expert.split()).casefold() or sid)
        items.append(Item(record, sid, str(library.absolute(row.get("media_path")) or ""),
                          step.keyframe, kf_t, group, bool(row.get("has_video"))))
    return items


def group_sizes(items: list[Item]) -> dict[str, int]:
    sizes: dict[str, int] = defaultdict(int)
    for it in items:
        sizes[it.group] += 1
    return dict(sizes)
