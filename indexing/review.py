"""A reviewer's structural edits: split, merge, move a boundary, approve a procedure.

Field edits (title, tools, …) go through `Library.update_step`; the edits here
change which steps exist or where they start and end, so they renumber step ids
inside a procedure. Each one runs under the library's writer lock in one
catalog transaction, re-derives the narration text of the touched steps from
the transcript's timed words, and then re-indexes them (`reindex=False` skips
that, e.g. when a caller batches several edits).

`snapshot_steps` / `restore_steps` capture and put back a session's steps
exactly, which is what the app's undo uses.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from indexing.errors import SettingError
from indexing.library import Library
from indexing.library.edits import check_status, union_json
from indexing.library.rows import now
from indexing.models import Word

log = logging.getLogger(__name__)

MIN_STEP_SECONDS = 0.5
"""Shortest step a split or a dragged boundary may leave behind."""


def _text_between(words: Sequence[Word], start: float, end: float) -> str:
    """The narration of the words whose middle lies in [start, end)."""
    picked = [w.word for w in words if start <= (w.start + w.end) / 2 < end]
    return " ".join(" ".join(p.strip() for p in picked).split())


def _split_text(text: str, fraction: float) -> tuple[str, str]:
    """Split text without word timings at the same share of its words as of its time."""
    tokens = text.split()
    cut = round(len(tokens) * max(0.0, min(1.0, fraction)))
    return " ".join(tokens[:cut]), " ".join(tokens[cut:])


def _words(library: Library, session_id: str) -> list[Word]:
    return library.transcript(session_id).words


def _finish(library: Library, old_ids: Sequence[str], new_ids: Sequence[str],
            touched: Sequence[str], reindex: bool) -> list[str]:
    if reindex:
        library.sync_vectors(list(touched), [i for i in old_ids if i not in set(new_ids)])
    return list(touched)


def split_step(library: Library, step_id: str, t: float, *, reindex: bool = True) -> list[str]:
    """Cut a step in two at time `t`.

    The first part keeps the title, tips and warnings; the second gets the same
    category and tools and the title "<title> (continued)". Later steps of the
    procedure move up by one index (and so get new ids).

    Args:
        library: The library.
        step_id: The step to split.
        t: Cut time in seconds; must leave at least `MIN_STEP_SECONDS` on each side.
        reindex: Re-embed the changed steps afterwards.

    Returns:
        The ids of every step whose id or content changed, in order (the two parts first).

    Raises:
        NotFoundError: Unknown step.
        SettingError: `t` is outside the step or too close to its edges.
    """
    if reindex:
        library.warm_vectors(steps=[step_id])
    with library.writing("review split"):
        row = library.step_row(step_id)
        start, end = float(row["start"]), float(row["end"])
        if not (start + MIN_STEP_SECONDS <= t <= end - MIN_STEP_SECONDS):
            raise SettingError(
                f"cannot split at {t:.1f} s: choose a time at least {MIN_STEP_SECONDS} s inside "
                f"the step ({start:.1f}–{end:.1f} s)"
            )
        session_id, proc = row["session_id"], row["procedure_idx"]
        words = _words(library, session_id)
        if any(start <= (w.start + w.end) / 2 < end for w in words):
            first_text, second_text = _text_between(words, start, t), _text_between(words, t, end)
        else:
            first_text, second_text = _split_text(row["text"] or "", (t - start) / (end - start))
        rows = library.step_rows(session_id, proc)
        old_ids = [r["step_id"] for r in rows]
        pos = old_ids.index(step_id)
        first = dict(row, end=t, text=first_text, edited=1, updated_at=now())
        second = dict(row, start=t, text=second_text, edited=1, updated_at=now(),
                      title=f"{row['title']} (continued)" if row["title"] else "",
                      tips="[]", warnings="[]", boundary_confidence=1.0)
        kt = row["keyframe_t"]
        if kt is not None and kt >= t:
            first.update(keyframe=None, keyframe_t=None)
        else:
            second.update(keyframe=None, keyframe_t=None)
        new_rows = rows[:pos] + [first, second] + rows[pos + 1:]
        new_ids = library.renumber_procedure(session_id, proc, new_rows, action="split",
                                             detail={"step_id": step_id, "t": round(t, 3)})
        return _finish(library, old_ids, new_ids, new_ids[pos:], reindex)


def merge_steps(library: Library, step_id: str, *, reindex: bool = True) -> list[str]:
    """Merge a step with the next step of the same procedure.

    The merged step keeps the first step's title, category and keyframe; its
    tools, tips and warnings are the union of both in order.

    Returns:
        The ids of every step whose id or content changed, the merged step first.

    Raises:
        NotFoundError: Unknown step.
        SettingError: The step is the last of its procedure.
    """
    if reindex:
        library.warm_vectors(steps=[step_id])
    with library.writing("review merge"):
        row = library.step_row(step_id)
        session_id, proc = row["session_id"], row["procedure_idx"]
        rows = library.step_rows(session_id, proc)
        old_ids = [r["step_id"] for r in rows]
        pos = old_ids.index(step_id)
        if pos + 1 >= len(rows):
            raise SettingError("this is the last step of its procedure: there is no next step to merge with")
        nxt = rows[pos + 1]

        def union(key: str) -> str:
            return union_json(row[key], nxt[key])

        text = " ".join(x for x in ((row["text"] or "").strip(), (nxt["text"] or "").strip()) if x)
        merged = dict(row, end=nxt["end"], text=text, tools=union("tools"), tips=union("tips"),
                      warnings=union("warnings"), edited=1, updated_at=now())
        if merged["keyframe"] is None:
            merged.update(keyframe=nxt["keyframe"], keyframe_t=nxt["keyframe_t"])
        new_rows = rows[:pos] + [merged] + rows[pos + 2:]
        new_ids = library.renumber_procedure(session_id, proc, new_rows, action="merge",
                                             detail={"step_id": step_id})
        return _finish(library, old_ids, new_ids, new_ids[pos:], reindex)


def move_boundary(library: Library, step_id: str, start: float | None = None,
                  end: float | None = None, *, reindex: bool = True) -> list[str]:
    """Drag a step's start and/or end; the neighbour that shares the edge follows.

    Returns:
        The ids of the changed steps (the neighbours that moved, and the step), in order.

    Raises:
        NotFoundError: Unknown step.
        SettingError: The new edges would leave a step shorter than `MIN_STEP_SECONDS`.
    """
    if reindex:
        library.warm_vectors(steps=[step_id])
    with library.writing("review move"):
        row = library.step_row(step_id)
        session_id, proc = row["session_id"], row["procedure_idx"]
        rows = library.step_rows(session_id, proc)
        pos = [r["step_id"] for r in rows].index(step_id)
        prev = rows[pos - 1] if pos > 0 else None
        nxt = rows[pos + 1] if pos + 1 < len(rows) else None
        new_start = float(row["start"]) if start is None else float(start)
        new_end = float(row["end"]) if end is None else float(end)
        if new_end - new_start < MIN_STEP_SECONDS:
            raise SettingError(f"a step must last at least {MIN_STEP_SECONDS} s")
        changes: dict[str, dict[str, Any]] = {step_id: {"start": new_start, "end": new_end}}
        if start is not None and prev is not None and abs(float(prev["end"]) - float(row["start"])) < 1e-3:
            if new_start - float(prev["start"]) < MIN_STEP_SECONDS:
                raise SettingError("the previous step would become too short")
            changes[prev["step_id"]] = {"end": new_start}
        if end is not None and nxt is not None and abs(float(nxt["start"]) - float(row["end"])) < 1e-3:
            if float(nxt["end"]) - new_end < MIN_STEP_SECONDS:
                raise SettingError("the next step would become too short")
            changes[nxt["step_id"]] = {"start": new_end}
        words = _words(library, session_id)
        touched = [r["step_id"] for r in rows if r["step_id"] in changes]
        records: dict[str, dict[str, Any]] = {}
        for r in rows:
            if r["step_id"] not in changes:
                continue
            rec = dict(changes[r["step_id"]])
            s, e = float(rec.get("start", r["start"])), float(rec.get("end", r["end"]))
            if words:
                rec["text"] = _text_between(words, s, e)
            rec.update(start=round(s, 3), end=round(e, 3), edited=1, updated_at=now())
            records[r["step_id"]] = rec
        library.update_step_fields(records, action="move",
                                   detail={"step_id": step_id, "start": start, "end": end})
        return _finish(library, [], touched, touched, reindex)


def set_procedure_status(library: Library, session_id: str, procedure_index: int, status: str,
                         *, reindex: bool = True) -> list[str]:
    """Mark a whole procedure (and all its steps) proposed, reviewed or approved.

    Returns:
        The ids of the procedure's steps.

    Raises:
        NotFoundError: Unknown session or procedure.
        SettingError: Unknown status.
    """
    check_status(status)
    if reindex:
        library.warm_vectors(sessions=[session_id])
    with library.writing("review status"):
        ids = library.set_procedure_status(session_id, procedure_index, status)
        return _finish(library, [], ids, ids, reindex)


def snapshot_steps(library: Library, session_id: str) -> list[dict[str, Any]]:
    """Every stored field of a session's steps, for `restore_steps` (undo)."""
    library.session_row(session_id)
    return [dict(r) for r in library.step_rows(session_id)]


def restore_steps(library: Library, session_id: str, snapshot: Sequence[dict[str, Any]],
                  *, reindex: bool = True) -> list[str]:
    """Put a session's steps back exactly as `snapshot_steps` captured them.

    Returns:
        The restored step ids.
    """
    if reindex:
        library.warm_vectors(sessions=[session_id])
    with library.writing("review restore"):
        old_ids = [r["step_id"] for r in library.step_rows(session_id)]
        new_ids = library.restore_step_rows(session_id, snapshot)
        return _finish(library, old_ids, new_ids, new_ids, reindex)
