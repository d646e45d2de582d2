"""Writing steps: the segmenter's proposal, a reviewer's edits, statuses and keyframes.

Every method here runs in one catalog transaction under the writer lock,
writes its audit entry in that transaction, moves the session status to what
the steps now say, and re-indexes what changed (`reindex=False` skips that).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from indexing.errors import NotFoundError, SettingError
from indexing.library import rows as _rows
from indexing.library.rows import now
from indexing.library.vectors import VectorsMixin
from indexing.models import CATEGORIES, STEP_STATUSES, ProcedureDraft, Step, StepDraft


def check_status(status: str) -> None:
    """Raise `SettingError` for anything but a declared step status."""
    if status not in STEP_STATUSES:
        raise SettingError(f"unknown status {status!r} (one of {', '.join(STEP_STATUSES)})")


def approval_fields(status: str, by: str, stamp: str) -> dict[str, str]:
    """The approval columns a status change writes: who and when for "approved", else cleared."""
    approved = status == "approved"
    return {"approved_by": by if approved else "", "approved_at": stamp if approved else ""}


class StepsWriteMixin(VectorsMixin):
    """Step writes, each one consistent across catalog, status and vectors."""

    EDITABLE = ("title", "text", "category", "tools", "tips", "warnings", "start", "end", "status",
                "reason")

    @staticmethod
    def _step_record(session_id: str, step_id: str, s: StepDraft, stamp: str) -> dict[str, Any]:
        return _rows.step_record(session_id, s, stamp, status=s.status)

    def replace_steps(
        self, session_id: str, procedures: Sequence[ProcedureDraft], steps: Sequence[StepDraft]
    ) -> list[str]:
        """Store procedures and steps, replacing earlier ones (vectors follow when the library has them).

        Returns:
            The new step ids in order.
        """
        stamp = now()
        self.warm_vectors(sessions=[session_id])
        with self.writing("replace steps"):
            old = [r["step_id"] for r in self.step_rows(session_id)]
            with self.transaction() as db:
                db.execute("DELETE FROM steps WHERE session_id=?", [session_id])
                db.execute("DELETE FROM procedures WHERE session_id=?", [session_id])
                db.table("procedures").insert_all(
                    [_rows.procedure_record(session_id, p) for p in procedures])
                records = [{**_rows.step_record(session_id, s, stamp, status=s.status),
                            **approval_fields(s.status, self.actor, stamp)} for s in steps]
                db.table("steps").insert_all(records)
                self.refresh_status(session_id, db)
            ids = [r["step_id"] for r in records]
            if old:  # a first proposal is indexed by the ingest commit, not here
                self.sync_vectors(ids, old)
        return ids

    def update_step(self, step_id: str, *, reindex: bool = True, **fields: Any) -> Step:
        """Change a step's fields (a reviewer's edit); its vector and session status follow.

        Raises:
            NotFoundError: Unknown step.
            SettingError: A field that cannot be edited or a bad value.
        """
        self.step(step_id)
        record: dict[str, Any] = {}
        for key, value in fields.items():
            if key not in self.EDITABLE:
                raise SettingError(f"step field {key!r} cannot be edited")
            if key in ("tools", "tips", "warnings"):
                value = _rows.dumps(value)
            elif key == "category" and value not in CATEGORIES:
                raise SettingError(f"unknown category {value!r} (one of {', '.join(CATEGORIES)})")
            elif key == "status":
                check_status(value)
            record[key] = value
        record["updated_at"] = now()
        if "status" in fields:
            record.update(approval_fields(fields["status"], self.actor, record["updated_at"]))
        else:
            record["edited"] = 1
        if reindex:
            self.warm_vectors(steps=[step_id])
        with self.writing("review edit"):
            row = self.step_row(step_id)
            with self.transaction() as db:
                db.table("steps").update(step_id, record)
                self.refresh_status(row["session_id"], db)
                detail: dict[str, Any] = {"step_id": step_id, "fields": sorted(fields)}
                if "status" in fields:
                    detail.update(status=fields["status"], by=self.actor)
                self.audit("review edit", detail, db=db)
            if reindex:
                self.sync_vectors([step_id])
        return self.step(step_id)

    def set_keyframe(self, step_id: str, path: str | None, t: float | None) -> None:
        with self.writing("keyframe"), self.transaction() as db:
            db.table("steps").update(step_id, {"keyframe": self.relative(path) if path else None,
                                               "keyframe_t": t})

    # -- the review core's structural edits ----------------------------------------
    def renumber_procedure(self, session_id: str, procedure_idx: int, rows: Sequence[Mapping[str, Any]],
                           *, action: str, detail: dict[str, Any]) -> list[str]:
        """Rewrite one procedure's steps from `rows` (in order), giving them fresh ids.

        Returns:
            The new step ids in order.
        """
        stamp = now()
        out = []
        for i, r in enumerate(rows):
            rec = dict(r)
            rec.pop("procedure_title", None)
            rec["idx"] = i
            rec["step_id"] = _rows.step_id(session_id, procedure_idx, i)
            rec["start"] = round(float(rec["start"]), 3)
            rec["end"] = round(float(rec["end"]), 3)
            rec.setdefault("updated_at", stamp)
            out.append(rec)
        with self.writing(f"review {action}"), self.transaction() as db:
            db.execute("DELETE FROM steps WHERE session_id=? AND procedure_idx=?", [session_id, procedure_idx])
            if out:
                db.table("steps").insert_all(out)
            self.refresh_status(session_id, db)
            self.audit(f"review {action}", detail, db=db)
        return [r["step_id"] for r in out]

    def update_step_fields(self, changes: Mapping[str, Mapping[str, Any]], *, action: str,
                           detail: dict[str, Any]) -> None:
        """Write raw field changes to several steps at once (e.g. a moved boundary)."""
        sessions = set()
        with self.writing(f"review {action}"), self.transaction() as db:
            for step_id, rec in changes.items():
                row = self.step_row(step_id)
                sessions.add(row["session_id"])
                db.table("steps").update(step_id, dict(rec))
            for sid in sessions:
                self.refresh_status(sid, db)
            self.audit(f"review {action}", detail, db=db)

    def set_procedure_status(self, session_id: str, procedure_idx: int, status: str) -> list[str]:
        """Mark a procedure and all its steps proposed, reviewed or approved.

        Returns:
            The ids of the procedure's steps.

        Raises:
            NotFoundError: Unknown session or procedure.
            SettingError: Unknown status.
        """
        check_status(status)
        self.session_row(session_id)
        procedure_id = _rows.procedure_id(session_id, procedure_idx)
        with self.writing("review status"):
            if not self.has_procedure(session_id, procedure_idx):
                raise NotFoundError(f"unknown procedure {procedure_idx + 1} in session {session_id!r}")
            ids = [r["step_id"] for r in self.step_rows(session_id, procedure_idx)]
            with self.transaction() as db:
                db.table("procedures").update(procedure_id, {"status": status})
                stamp = now()
                who = approval_fields(status, self.actor, stamp)
                db.execute("UPDATE steps SET status=?, updated_at=?, approved_by=?, approved_at=? "
                           "WHERE session_id=? AND procedure_idx=?",
                           [status, stamp, who["approved_by"], who["approved_at"], session_id, procedure_idx])
                self.refresh_status(session_id, db)
                self.audit("review status", {"procedure_id": procedure_id, "status": status, "by": self.actor},
                           db=db)
        return ids

    def set_steps_status(self, step_ids: Sequence[str], status: str, *, action: str = "approve",
                         reindex: bool = True) -> list[str]:
        """Set the status of some steps (e.g. `knowhow approve SESSION --step N`).

        Raises:
            NotFoundError: An unknown step id.
            SettingError: Unknown status.
        """
        check_status(status)
        if reindex:
            self.warm_vectors(steps=step_ids)
        with self.writing(action):
            found = self.steps_by_ids(step_ids)
            missing = [i for i in step_ids if i not in found]
            if missing:
                raise NotFoundError(f"unknown step {missing[0]!r}")
            sessions = sorted({s.session_id for s in found.values()})
            with self.transaction() as db:
                stamp = now()
                who = approval_fields(status, self.actor, stamp)
                for i in step_ids:
                    db.execute("UPDATE steps SET status=?, updated_at=?, approved_by=?, approved_at=? "
                               "WHERE step_id=?", [status, stamp, who["approved_by"], who["approved_at"], i])
                for sid in sessions:
                    self.refresh_status(sid, db)
                self.audit(action, {"steps": list(step_ids), "status": status, "sessions": sessions,
                                    "by": self.actor}, db=db)
            if reindex:
                self.sync_vectors(list(step_ids))
        return list(step_ids)

    def restore_step_rows(self, session_id: str, rows: Sequence[Mapping[str, Any]]) -> list[str]:
        """Put a session's steps back exactly as `step_rows` returned them (undo).

        Returns:
            The restored step ids.
        """
        with self.writing("review restore"), self.transaction() as db:
            db.execute("DELETE FROM steps WHERE session_id=?", [session_id])
            if rows:
                db.table("steps").insert_all([dict(r) for r in rows])
            self.refresh_status(session_id, db)
            self.audit("review restore", {"session_id": session_id, "steps": len(rows)}, db=db)
        return [r["step_id"] for r in rows]


def union_json(a: str | None, b: str | None) -> str:
    """Two JSON list columns joined, duplicates dropped, order kept."""
    return json.dumps(list(dict.fromkeys([*json.loads(a or "[]"), *json.loads(b or "[]")])),
                      ensure_ascii=False)
