"""The library: one folder with the catalog (SQLite), media and vectors.

`Library` is the only object that touches `catalog.db`. Reads may happen from
any thread (each thread gets its own connection); writes happen inside
`library.writing()`, which holds the cross-process writer lock.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from indexing import paths
from indexing.errors import LibraryError, NotFoundError, SettingError
from indexing.library.lock import WriterLock
from indexing.library.schema import migrate
from indexing.models import (
    CATEGORIES,
    STEP_STATUSES,
    Marker,
    ProcedureDraft,
    Segment,
    Session,
    Step,
    StepDraft,
    Transcript,
    Word,
)
from indexing.settings import SETTINGS, resolve_all

log = logging.getLogger(__name__)

CATALOG = "catalog.db"
MEDIA = "media"
VECTORS = "vectors"

STAGES: tuple[str, ...] = ("import", "transcribe", "segment", "keyframes", "embed")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _loads(value: str | None) -> list[str]:
    if not value:
        return []
    try:
        out = json.loads(value)
    except json.JSONDecodeError:
        return [value]
    return [str(x) for x in out] if isinstance(out, list) else [str(out)]


class Library:
    """A knowledge library folder.

    Args:
        root: The library folder.
        create: Create the folder and catalog when missing.
        overrides: Setting values that win over the environment and the catalog.

    Raises:
        LibraryError: The folder cannot be created or is not a library.
    """

    def __init__(
        self,
        root: str | os.PathLike[str] | None = None,
        *,
        create: bool = True,
        overrides: dict[str, Any] | None = None,
    ) -> None:
        self.root = paths.library_dir(root).absolute()
        self.overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
        self._local = threading.local()
        catalog = self.root / CATALOG
        if not catalog.exists():
            if not create:
                raise LibraryError(f"no library at {self.root} (no {CATALOG})")
            try:
                (self.root / MEDIA).mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(f"cannot create library at {self.root}: {exc.strerror}") from None
        if not os.access(self.root, os.R_OK | os.W_OK | os.X_OK):
            raise LibraryError(f"library folder {self.root} is not readable and writable")
        self.lock = WriterLock(self.root / ".writer.lock")
        try:
            db = self.db
            if not catalog.exists() or "migrations" not in db.table_names() or self._needs_migration():
                with self.writing("migrate"):
                    migrate(db)
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"cannot open catalog {catalog}: {exc}") from None

    def _needs_migration(self) -> bool:
        from indexing.library.schema import LATEST

        row = self.db.execute("SELECT max(version) FROM migrations").fetchone()
        return not row or row[0] is None or row[0] < LATEST

    # -- plumbing -----------------------------------------------------------------
    @property
    def db(self) -> sqlite_utils.Database:
        """This thread's connection to the catalog."""
        db = getattr(self._local, "db", None)
        if db is None:
            conn = sqlite3.connect(self.root / CATALOG, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
            from indexing.library.search_terms import register

            register(conn)  # the keyword index's triggers call these (migration 4)
            db = sqlite_utils.Database(conn)
            self._local.db = db
        return db

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.conn.close()
            self._local.db = None

    @contextmanager
    def writing(self, what: str = "write") -> Iterator[Library]:
        """Hold the cross-process writer lock for the block."""
        self.lock.acquire(what)
        try:
            yield self
        finally:
            self.lock.release()

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One atomic catalog transaction (call inside `writing`)."""
        conn = self.db.conn
        with conn:
            yield self.db

    def media_dir(self, session_id: str) -> Path:
        return self.root / MEDIA / session_id

    @property
    def vectors_dir(self) -> Path:
        return self.root / VECTORS

    def relative(self, path: str | os.PathLike[str]) -> str:
        """A path inside the library as stored in the catalog (relative to the root)."""
        p = Path(path)
        try:
            return p.absolute().relative_to(self.root).as_posix()
        except ValueError:
            return str(p)

    def absolute(self, stored: str | None) -> Path | None:
        if not stored:
            return None
        p = Path(stored)
        return p if p.is_absolute() else self.root / p

    # -- settings -----------------------------------------------------------------
    def stored_settings(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self.db["settings"].rows}

    def settings(self) -> dict[str, Any]:
        """Every setting resolved (overrides > environment > library > default)."""
        return resolve_all(self.stored_settings(), self.overrides)

    def setting(self, name: str) -> Any:
        return self.settings()[name] if name in SETTINGS else resolve_all()[name]

    def set_setting(self, name: str, value: Any) -> None:
        if name not in SETTINGS:
            raise SettingError(f"unknown setting {name!r}")
        parsed = SETTINGS[name].parse(value)
        with self.writing("settings"), self.transaction() as db:
            db.table("settings").upsert({"key": name, "value": str(parsed)}, pk="key")

    # -- sessions -----------------------------------------------------------------
    # Sessions with their step and procedure counts, in one query.
    _SESSION_SELECT = (
        "SELECT sessions.*, "
        "(SELECT count(*) FROM steps WHERE steps.session_id = sessions.session_id) AS step_count, "
        "(SELECT count(*) FROM procedures WHERE procedures.session_id = sessions.session_id) "
        "AS procedure_count FROM sessions "
    )

    def _session_from_row(self, row: dict[str, Any]) -> Session:
        sid = row["session_id"]
        return Session(
            session_id=sid,
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

    def set_session_status(self, session_id: str, status: str) -> None:
        with self.transaction() as db:
            db.table("sessions").update(session_id, {"status": status, "updated_at": now()})

    def delete_session(self, session_id: str, *, remove_media: bool = True) -> None:
        """Remove a session and everything derived from it (catalog and media)."""
        self.session_row(session_id)
        with self.transaction() as db:
            for table in ("steps", "procedures", "words", "segments", "markers", "stages"):
                db.execute(f"DELETE FROM {table} WHERE session_id=?", [session_id])
            db.execute("DELETE FROM sessions WHERE session_id=?", [session_id])
        if remove_media:
            shutil.rmtree(self.media_dir(session_id), ignore_errors=True)

    # -- stages -------------------------------------------------------------------
    def stage_status(self, session_id: str) -> dict[str, str]:
        rows = self.db.query("SELECT stage, status FROM stages WHERE session_id=?", [session_id])
        return {r["stage"]: r["status"] for r in rows}

    def set_stage(self, session_id: str, stage: str, status: str, detail: str = "") -> None:
        record: dict[str, Any] = {"session_id": session_id, "stage": stage, "status": status,
                                  "detail": detail}
        record["started_at" if status == "running" else "finished_at"] = now()
        with self.transaction() as db:
            db.table("stages").upsert(record, pk=("session_id", "stage"))

    # -- markers and transcript ---------------------------------------------------
    def markers(self, session_id: str) -> list[Marker]:
        rows = self.db.query(
            "SELECT t, kind, note FROM markers WHERE session_id=? ORDER BY t", [session_id]
        )
        return [Marker(r["t"], r["kind"], r["note"] or "") for r in rows]

    def replace_markers(self, session_id: str, markers: Sequence[Marker]) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM markers WHERE session_id=?", [session_id])
            db.table("markers").insert_all(
                [{"session_id": session_id, "t": m.t, "kind": m.kind, "note": m.note} for m in markers]
            )

    def save_transcript(self, session_id: str, transcript: Transcript) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM words WHERE session_id=?", [session_id])
            db.execute("DELETE FROM segments WHERE session_id=?", [session_id])
            db.table("segments").insert_all(
                [
                    {"session_id": session_id, "idx": i, "start": s.start, "end": s.end,
                     "text": s.text, "avg_logprob": s.avg_logprob,
                     "no_speech_prob": s.no_speech_prob}
                    for i, s in enumerate(transcript.segments)
                ]
            )
            db.table("words").insert_all(
                [
                    {"session_id": session_id, "segment_idx": i, "idx": j, "start": w.start,
                     "end": w.end, "word": w.word, "probability": w.probability}
                    for i, s in enumerate(transcript.segments)
                    for j, w in enumerate(s.words)
                ]
            )
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

    # -- procedures and steps -----------------------------------------------------
    @staticmethod
    def step_id(session_id: str, procedure_index: int, index: int) -> str:
        return f"{session_id}-p{procedure_index + 1}s{index + 1:02d}"

    def replace_steps(
        self, session_id: str, procedures: Sequence[ProcedureDraft], steps: Sequence[StepDraft]
    ) -> list[str]:
        """Store the segmenter's procedures and steps, replacing earlier ones.

        Returns:
            The new step ids in order.
        """
        ids: list[str] = []
        stamp = now()
        with self.transaction() as db:
            db.execute("DELETE FROM steps WHERE session_id=?", [session_id])
            db.execute("DELETE FROM procedures WHERE session_id=?", [session_id])
            for p in procedures:
                db.table("procedures").insert(
                    {"procedure_id": f"{session_id}-p{p.index + 1}", "session_id": session_id,
                     "idx": p.index, "title": p.title, "start": p.start, "end": p.end,
                     "status": "proposed"}
                )
            rows = []
            for s in steps:
                sid = self.step_id(session_id, s.procedure_index, s.index)
                ids.append(sid)
                rows.append(self._step_record(session_id, sid, s, stamp))
            db.table("steps").insert_all(rows)
        return ids

    @staticmethod
    def _step_record(session_id: str, step_id: str, s: StepDraft, stamp: str) -> dict[str, Any]:
        return {
            "step_id": step_id,
            "session_id": session_id,
            "procedure_id": f"{session_id}-p{s.procedure_index + 1}",
            "procedure_idx": s.procedure_index,
            "idx": s.index,
            "start": round(s.start, 3),
            "end": round(s.end, 3),
            "title": s.title,
            "text": s.text,
            "category": s.category,
            "tools": json.dumps(s.tools, ensure_ascii=False),
            "tips": json.dumps(s.tips, ensure_ascii=False),
            "warnings": json.dumps(s.warnings, ensure_ascii=False),
            "keyframe": None,
            "keyframe_t": s.keyframe_t,
            "status": "proposed",
            "boundary_confidence": round(s.boundary_confidence, 3),
            "edited": 0,
            "updated_at": stamp,
        }

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
            tools=tuple(_loads(r["tools"])),
            tips=tuple(_loads(r["tips"])),
            warnings=tuple(_loads(r["warnings"])),
            keyframe=str(keyframe) if keyframe else None,
            status=r["status"] or "proposed",
            boundary_confidence=r["boundary_confidence"] if r["boundary_confidence"] is not None else 1.0,
        )

    _STEP_SELECT = (
        "SELECT steps.*, procedures.title AS procedure_title FROM steps "
        "LEFT JOIN procedures ON procedures.procedure_id = steps.procedure_id "
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

    EDITABLE = ("title", "text", "category", "tools", "tips", "warnings", "start", "end", "status")

    def update_step(self, step_id: str, **fields: Any) -> Step:
        """Change a step's fields (a reviewer's edit). Call `reindex_steps` afterwards.

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
                value = json.dumps([str(v) for v in value], ensure_ascii=False)
            elif key == "category" and value not in CATEGORIES:
                raise SettingError(f"unknown category {value!r} (one of {', '.join(CATEGORIES)})")
            elif key == "status" and value not in STEP_STATUSES:
                raise SettingError(f"unknown status {value!r} (one of {', '.join(STEP_STATUSES)})")
            record[key] = value
        if "status" not in fields:
            record["edited"] = 1
        record["updated_at"] = now()
        with self.transaction() as db:
            db.table("steps").update(step_id, record)
        return self.step(step_id)

    def set_keyframe(self, step_id: str, path: str | None, t: float | None) -> None:
        with self.transaction() as db:
            db.table("steps").update(step_id, {"keyframe": self.relative(path) if path else None,
                                         "keyframe_t": t})

    # -- terms --------------------------------------------------------------------
    def add_terms(self, terms: Sequence[str], *, confidential: bool = False) -> int:
        clean = [t.strip() for t in terms if t and t.strip()]
        with self.writing("terms"), self.transaction() as db:
            db.table("terms").upsert_all(
                [{"term": t, "confidential": int(confidential), "kind": "term", "added_at": now()}
                 for t in clean],
                pk="term",
            )
            self.audit("terms add", {"count": len(clean), "confidential": confidential}, db=db)
        return len(clean)

    def terms(self) -> list[dict[str, Any]]:
        return [
            {"term": r["term"], "confidential": bool(r["confidential"])}
            for r in self.db.query("SELECT term, confidential FROM terms ORDER BY term COLLATE NOCASE")
        ]

    def glossary(self) -> list[str]:
        """All plant terms (confidential ones too: they still help recognition and labels)."""
        return [t["term"] for t in self.terms()]

    def confidential_terms(self) -> list[str]:
        return [t["term"] for t in self.terms() if t["confidential"]]

    # -- audit --------------------------------------------------------------------
    def audit(self, action: str, detail: dict[str, Any], db: sqlite_utils.Database | None = None) -> None:
        target = db or self.db
        target.table("audit").insert({"at": now(), "action": action,
                                "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True)})
        if db is None:
            target.conn.commit()
