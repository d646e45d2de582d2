"""Reading procedures and steps from the catalog."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from indexing.errors import NotFoundError
from indexing.library import rows as _rows
from indexing.library.sessions import SessionsMixin
from indexing.models import Step


class StepsReadMixin(SessionsMixin):
    """Steps as `Step` objects, and raw step rows for the review core."""

    step_id = staticmethod(_rows.step_id)

    _STEP_SELECT = (
        "SELECT steps.*, procedures.title AS procedure_title FROM steps "
        "LEFT JOIN procedures ON procedures.procedure_id = steps.procedure_id "
    )

    def _step_from_row(self, r: dict[str, Any]) -> Step:
        keyframe = self.absolute(r["keyframe"])
        return Step(
            step_id=r["step_id"],
            session_id=r["session_id"],
            procedure=r.get("procedure_title") or "",
            procedure_index=r["procedure_idx"],
            index=r["idx"],
            start=r["start"],
            end=r["end"],
            title=r["title"] or "",
            text=r["text"] or "",
            category=r["category"] or "",
            tools=tuple(_rows.loads(r["tools"])),
            tips=tuple(_rows.loads(r["tips"])),
            warnings=tuple(_rows.loads(r["warnings"])),
            keyframe=str(keyframe) if keyframe else None,
            status=r["status"] or "proposed",
            boundary_confidence=r["boundary_confidence"] if r["boundary_confidence"] is not None else 1.0,
            reason=r.get("reason") or "",
        )

    def steps(self, session_id: str) -> list[Step]:
        """Steps of a session in order.

        Raises:
            NotFoundError: Unknown session.
        """
        self.session_row(session_id)
        rows = self.db.query(
            self._STEP_SELECT + "WHERE steps.session_id=? ORDER BY steps.procedure_idx, steps.idx",
            [session_id],
        )
        return [self._step_from_row(r) for r in rows]

    def all_steps(self) -> list[Step]:
        rows = self.db.query(
            self._STEP_SELECT + "ORDER BY steps.session_id, steps.procedure_idx, steps.idx"
        )
        return [self._step_from_row(r) for r in rows]

    def step(self, step_id: str) -> Step:
        rows = list(self.db.query(self._STEP_SELECT + "WHERE steps.step_id=?", [step_id]))
        if not rows:
            raise NotFoundError(f"unknown step {step_id!r}")
        return self._step_from_row(rows[0])

    def steps_by_ids(self, step_ids: Sequence[str]) -> dict[str, Step]:
        out: dict[str, Step] = {}
        ids = list(step_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.db.query(self._STEP_SELECT + f"WHERE steps.step_id IN ({marks})", chunk):
                out[r["step_id"]] = self._step_from_row(r)
        return out

    # -- raw rows (the review core edits these and hands them back) ----------------
    def step_row(self, step_id: str) -> dict[str, Any]:
        """Every stored field of one step.

        Raises:
            NotFoundError: Unknown step.
        """
        rows = list(self.db.query("SELECT * FROM steps WHERE step_id=?", [step_id]))
        if not rows:
            raise NotFoundError(f"unknown step {step_id!r}")
        return rows[0]

    def step_rows(self, session_id: str, procedure_idx: int | None = None) -> list[dict[str, Any]]:
        """Every stored field of a session's steps (or one procedure's), in order."""
        if procedure_idx is None:
            return list(self.db.query(
                "SELECT * FROM steps WHERE session_id=? ORDER BY procedure_idx, idx", [session_id]))
        return list(self.db.query(
            "SELECT * FROM steps WHERE session_id=? AND procedure_idx=? ORDER BY idx",
            [session_id, procedure_idx]))

    def has_procedure(self, session_id: str, procedure_idx: int) -> bool:
        return bool(list(self.db.query("SELECT 1 FROM procedures WHERE procedure_id=?",
                                       [_rows.procedure_id(session_id, procedure_idx)])))

    def approval(self, session_id: str, procedure_idx: int) -> tuple[str, list[str]]:
        """When a procedure's steps were last approved, and by whom (latest approver first).

        Returns:
            The latest approval time ("" if no step is approved) and the distinct approvers.
        """
        rows = list(self.db.query(
            "SELECT approved_by, max(approved_at) AS at FROM steps "
            "WHERE session_id=? AND procedure_idx=? AND status='approved' AND approved_at != '' "
            "GROUP BY approved_by ORDER BY at DESC, approved_by", [session_id, procedure_idx]))
        at = str(rows[0]["at"]) if rows else ""
        return at, [str(r["approved_by"]) for r in rows if r["approved_by"]]
