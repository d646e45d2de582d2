"""Sessions, their stages, markers and transcripts in the catalog."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from indexing.errors import NotFoundError, SettingError
from indexing.library.rows import marker_rows, now, segment_rows, word_rows
from indexing.library.terms import TermsMixin
from indexing.models import SESSION_STATUSES, Marker, Segment, Session, Transcript, Word, session_status

STAGES: tuple[str, ...] = ("import", "transcribe", "segment", "keyframes", "embed")

# Tables holding one session's rows, children first (foreign keys point at `sessions`).
SESSION_TABLES = ("steps", "procedures", "words", "segments", "markers", "stages", "imports",
                  "document_revisions", "document_prints")


class SessionsMixin(TermsMixin):
    """Reading sessions and the rows that hang off them."""

    # Sessions with their step and procedure counts, in one query.
    _SESSION_SELECT = (
        "SELECT sessions.*, "
        "(SELECT count(*) FROM steps WHERE steps.session_id = sessions.session_id) AS step_count, "
        "(SELECT count(*) FROM procedures WHERE procedures.session_id = sessions.session_id) "
        "AS procedure_count FROM sessions "
    )

    def _session_from_row(self, row: dict[str, Any]) -> Session:
        return Session(
            session_id=row["session_id"],
            title=row["title"] or "",
            expert=row["expert"] or "",
            workstation=row["workstation"] or "",
            process=row["process"] or "",
            language=row["language"] or "",
            consent=bool(row["consent"]),
            media_path=str(self.absolute(row["media_path"]) or ""),
            sha256=row["sha256"],
            duration=row["duration"] or 0.0,
            has_video=bool(row["has_video"]),
            fps=row["fps"] or 0.0,
            status=row["status"] or "",
            created_at=row["created_at"] or "",
            step_count=row["step_count"],
            procedure_count=row["procedure_count"],
        )

    def sessions(self) -> list[Session]:
        rows = self.db.query(self._SESSION_SELECT + "ORDER BY created_at, session_id")
        return [self._session_from_row(r) for r in rows]

    def session_row(self, session_id: str) -> dict[str, Any]:
        rows = list(self.db.query("SELECT * FROM sessions WHERE session_id=?", [session_id]))
        if not rows:
            raise NotFoundError(f"unknown session {session_id!r}")
        return rows[0]

    def session(self, session_id: str) -> Session:
        rows = list(self.db.query(self._SESSION_SELECT + "WHERE session_id=?", [session_id]))
        if not rows:
            raise NotFoundError(f"unknown session {session_id!r}")
        return self._session_from_row(rows[0])

    def session_by_hash(self, sha256: str) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM sessions WHERE sha256=?", [sha256]))
        return rows[0] if rows else None

    def has_session(self, session_id: str) -> bool:
        return bool(list(self.db.query("SELECT 1 FROM sessions WHERE session_id=?", [session_id])))

    def is_complete(self, row: dict[str, Any]) -> bool:
        """Whether a session row was committed whole (older libraries kept half-made ones)."""
        stages = self.stage_status(row["session_id"])
        return row["status"] in SESSION_STATUSES + ("ready",) and all(
            stages.get(s) == "done" for s in ("transcribe", "segment", "keyframes")
        )

    def set_session_status(self, session_id: str, status: str) -> None:
        """Set a session's status (one of `SESSION_STATUSES`); normally `refresh_status` does it.

        Raises:
            SettingError: Not a declared session status.
        """
        if status not in SESSION_STATUSES:
            raise SettingError(f"unknown session status {status!r} (one of {', '.join(SESSION_STATUSES)})")
        with self.writing("session status"), self.transaction() as db:
            db.table("sessions").update(session_id, {"status": status, "updated_at": now()})

    def refresh_status(self, session_id: str, db: Any = None) -> str:
        """Move a session's status to what its steps' statuses say (inside `db`'s transaction)."""
        target = db or self.db
        statuses = [r[0] for r in target.execute(
            "SELECT status FROM steps WHERE session_id=?", [session_id]).fetchall()]
        status = session_status(statuses)
        target.execute("UPDATE sessions SET status=?, updated_at=? WHERE session_id=? AND status IS NOT ?",
                       [status, now(), session_id, status])
        if db is None:
            target.conn.commit()
        return status

    def _delete_rows(self, db: Any, session_id: str) -> None:
        for table in SESSION_TABLES:
            db.execute(f"DELETE FROM {table} WHERE session_id=?", [session_id])
        db.execute("DELETE FROM sessions WHERE session_id=?", [session_id])

    # -- stages -------------------------------------------------------------------
    def stage_status(self, session_id: str) -> dict[str, str]:
        rows = self.db.query("SELECT stage, status FROM stages WHERE session_id=?", [session_id])
        return {r["stage"]: r["status"] for r in rows}

    def set_stage(self, session_id: str, stage: str, status: str, detail: str = "") -> None:
        record: dict[str, Any] = {"session_id": session_id, "stage": stage, "status": status,
                                  "detail": detail}
        record["started_at" if status == "running" else "finished_at"] = now()
        with self.writing("stage"), self.transaction() as db:
            db.table("stages").upsert(record, pk=("session_id", "stage"))

    # -- markers and transcript ---------------------------------------------------
    def markers(self, session_id: str) -> list[Marker]:
        rows = self.db.query(
            "SELECT t, kind, note FROM markers WHERE session_id=? ORDER BY t", [session_id]
        )
        return [Marker(r["t"], r["kind"], r["note"] or "") for r in rows]

    def replace_markers(self, session_id: str, markers: Sequence[Marker]) -> None:
        with self.writing("markers"), self.transaction() as db:
            db.execute("DELETE FROM markers WHERE session_id=?", [session_id])
            db.table("markers").insert_all(marker_rows(session_id, markers))

    def save_transcript(self, session_id: str, transcript: Transcript) -> None:
        with self.writing("transcript"), self.transaction() as db:
            self._write_transcript(db, session_id, transcript)

    @staticmethod
    def _write_transcript(db: Any, session_id: str, transcript: Transcript) -> None:
        db.execute("DELETE FROM words WHERE session_id=?", [session_id])
        db.execute("DELETE FROM segments WHERE session_id=?", [session_id])
        db.table("segments").insert_all(segment_rows(session_id, transcript))
        db.table("words").insert_all(word_rows(session_id, transcript))
        db.table("sessions").update(
            session_id, {"language": transcript.language, "asr_model": transcript.model}
        )

    def transcript(self, session_id: str) -> Transcript:
        row = self.session_row(session_id)
        words: dict[int, list[Word]] = {}
        for w in self.db.query(
            "SELECT * FROM words WHERE session_id=? ORDER BY segment_idx, idx", [session_id]
        ):
            words.setdefault(w["segment_idx"], []).append(
                Word(w["start"], w["end"], w["word"], w["probability"])
            )
        segments = tuple(
            Segment(s["start"], s["end"], s["text"], tuple(words.get(s["idx"], [])),
                    s["avg_logprob"] or 0.0, s["no_speech_prob"] or 0.0)
            for s in self.db.query(
                "SELECT * FROM segments WHERE session_id=? ORDER BY idx", [session_id]
            )
        )
        return Transcript(row["language"] or "", row["duration"] or 0.0, segments,
                          row["asr_model"] or "")
