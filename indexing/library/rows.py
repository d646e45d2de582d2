"""How catalog rows are built: the one place that knows ids and column layouts.

Session, procedure, step, segment and word rows are made here and nowhere
else, so an ingest, a bundle import and a review edit all write the same shape.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

from indexing.models import Marker, ProcedureDraft, StepDraft, Transcript


def now() -> str:
    """The current UTC time as stored in the catalog."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def loads(value: str | None) -> list[str]:
    """A JSON list column as a list of strings (a bare string becomes one item)."""
    if not value:
        return []
    try:
        out = json.loads(value)
    except json.JSONDecodeError:
        return [value]
    return [str(x) for x in out] if isinstance(out, list) else [str(out)]


def dumps(values: Sequence[Any]) -> str:
    """A list of strings as a JSON list column."""
    return json.dumps([str(v) for v in values], ensure_ascii=False)


def procedure_id(session_id: str, procedure_index: int) -> str:
    """The id of a session's procedure (index from 0)."""
    return f"{session_id}-p{procedure_index + 1}"


def step_id(session_id: str, procedure_index: int, index: int) -> str:
    """The id of a step (indices from 0): `<session>-p<N>s<NN>`."""
    return f"{procedure_id(session_id, procedure_index)}s{index + 1:02d}"


SESSION_FIELDS = ("title", "expert", "workstation", "process", "language", "consent_ref", "licence",
                  "source_library", "plant")


def session_record(session_id: str, sha256: str, meta: Mapping[str, Any], media: Mapping[str, Any],
                   status: str, stamp: str | None = None) -> dict[str, Any]:
    """A `sessions` row.

    Args:
        session_id: The session id.
        sha256: The source media's SHA-256.
        meta: Session metadata (`SESSION_FIELDS`, `consent`, `created_at`, `asr_model`, `embed_model`).
        media: `source_path`, `media_path`, `duration`, `has_video`, `fps`, `width`, `height`.
        status: One of `indexing.models.SESSION_STATUSES`.
        stamp: Creation and update time (default: now).
    """
    stamp = stamp or now()
    row: dict[str, Any] = {"session_id": session_id, "sha256": sha256}
    row.update({k: str(meta.get(k) or "") for k in SESSION_FIELDS})
    row.update(
        consent=int(bool(meta.get("consent", True))),
        source_path=str(media.get("source_path") or ""),
        media_path=str(media.get("media_path") or ""),
        duration=round(float(media.get("duration") or 0.0), 3),
        has_video=int(bool(media.get("has_video"))),
        fps=float(media.get("fps") or 0.0),
        width=int(media.get("width") or 0),
        height=int(media.get("height") or 0),
        status=status,
        created_at=str(meta.get("created_at") or stamp),
        updated_at=stamp,
        asr_model=str(meta.get("asr_model") or ""),
        embed_model=str(meta.get("embed_model") or ""),
    )
    return row


def marker_rows(session_id: str, markers: Sequence[Marker]) -> list[dict[str, Any]]:
    return [{"session_id": session_id, "t": m.t, "kind": m.kind, "note": m.note} for m in markers]


def segment_rows(session_id: str, transcript: Transcript) -> list[dict[str, Any]]:
    return [
        {"session_id": session_id, "idx": i, "start": s.start, "end": s.end, "text": s.text,
         "avg_logprob": s.avg_logprob, "no_speech_prob": s.no_speech_prob}
        for i, s in enumerate(transcript.segments)
    ]


def word_rows(session_id: str, transcript: Transcript) -> list[dict[str, Any]]:
    return [
        {"session_id": session_id, "segment_idx": i, "idx": j, "start": w.start, "end": w.end,
         "word": w.word, "probability": w.probability}
        for i, s in enumerate(transcript.segments)
        for j, w in enumerate(s.words)
    ]


def procedure_record(session_id: str, p: ProcedureDraft, status: str = "proposed") -> dict[str, Any]:
    return {"procedure_id": procedure_id(session_id, p.index), "session_id": session_id,
            "idx": p.index, "title": p.title, "start": p.start, "end": p.end, "status": status}


def step_record(session_id: str, s: StepDraft, stamp: str, *, keyframe: str | None = None,
                status: str = "proposed") -> dict[str, Any]:
    """A `steps` row from a draft (`keyframe` is the library-relative picture path)."""
    return {
        "step_id": step_id(session_id, s.procedure_index, s.index),
        "session_id": session_id,
        "procedure_id": procedure_id(session_id, s.procedure_index),
        "procedure_idx": s.procedure_index,
        "idx": s.index,
        "start": round(s.start, 3),
        "end": round(s.end, 3),
        "title": s.title,
        "text": s.text,
        "category": s.category,
        "tools": json.dumps(list(s.tools), ensure_ascii=False),
        "tips": json.dumps(list(s.tips), ensure_ascii=False),
        "warnings": json.dumps(list(s.warnings), ensure_ascii=False),
        "keyframe": keyframe,
        "keyframe_t": s.keyframe_t,
        "status": status,
        "boundary_confidence": round(s.boundary_confidence, 3),
        "edited": 0,
        "updated_at": stamp,
        "reason": s.reason,
    }
