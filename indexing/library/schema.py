"""Catalog schema, built and changed only through numbered migrations.

Each migration runs once, inside a transaction, and is recorded in the
`migrations` table. Never edit a released migration: add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import sqlite_utils


def _m001_initial(db: sqlite_utils.Database) -> None:
    db.table("settings").create({"key": str, "value": str}, pk="key")
    db.table("sessions").create(
        {
            "session_id": str,
            "title": str,
            "expert": str,
            "workstation": str,
            "process": str,
            "language": str,
            "consent": int,
            "consent_ref": str,
            "source_path": str,
            "media_path": str,
            "sha256": str,
            "duration": float,
            "has_video": int,
            "fps": float,
            "width": int,
            "height": int,
            "status": str,
            "created_at": str,
            "updated_at": str,
            "asr_model": str,
            "embed_model": str,
            "source_library": str,
            "plant": str,
            "licence": str,
        },
        pk="session_id",
        not_null={"session_id", "sha256"},
        defaults={"status": "queued", "consent": 0, "has_video": 0, "fps": 0.0},
    )
    db.table("sessions").create_index(["sha256"], unique=True)
    db.table("stages").create(
        {"session_id": str, "stage": str, "status": str, "started_at": str,
         "finished_at": str, "detail": str},
        pk=("session_id", "stage"),
        foreign_keys=[("session_id", "sessions", "session_id")],
    )
    db.table("markers").create(
        {"id": int, "session_id": str, "t": float, "kind": str, "note": str},
        pk="id",
        foreign_keys=[("session_id", "sessions", "session_id")],
    )
    db.table("markers").create_index(["session_id", "t"])
    db.table("segments").create(
        {"id": int, "session_id": str, "idx": int, "start": float, "end": float,
         "text": str, "avg_logprob": float, "no_speech_prob": float},
        pk="id",
        foreign_keys=[("session_id", "sessions", "session_id")],
    )
    db.table("segments").create_index(["session_id", "idx"], unique=True)
    db.table("words").create(
        {"id": int, "session_id": str, "segment_idx": int, "idx": int, "start": float,
         "end": float, "word": str, "probability": float},
        pk="id",
        foreign_keys=[("session_id", "sessions", "session_id")],
    )
    db.table("words").create_index(["session_id", "start"])
    db.table("procedures").create(
        {"procedure_id": str, "session_id": str, "idx": int, "title": str,
         "start": float, "end": float, "status": str},
        pk="procedure_id",
        foreign_keys=[("session_id", "sessions", "session_id")],
        defaults={"status": "proposed"},
    )
    db.table("steps").create(
        {
            "step_id": str,
            "session_id": str,
            "procedure_id": str,
            "procedure_idx": int,
            "idx": int,
            "start": float,
            "end": float,
            "title": str,
            "text": str,
            "category": str,
            "tools": str,
            "tips": str,
            "warnings": str,
            "keyframe": str,
            "keyframe_t": float,
            "status": str,
            "boundary_confidence": float,
            "edited": int,
            "updated_at": str,
        },
        pk="step_id",
        foreign_keys=[("session_id", "sessions", "session_id"),
                      ("procedure_id", "procedures", "procedure_id")],
        defaults={"status": "proposed", "edited": 0},
    )
    db.table("steps").create_index(["session_id", "procedure_idx", "idx"])
    db.table("steps").enable_fts(
        ["title", "text", "tools", "tips", "warnings"],
        create_triggers=True,
        tokenize="porter unicode61",
    )
    db.table("terms").create(
        {"term": str, "confidential": int, "kind": str, "added_at": str},
        pk="term",
        defaults={"confidential": 0, "kind": "term"},
    )
    db.table("audit").create(
        {"id": int, "at": str, "action": str, "detail": str},
        pk="id",
    )


def _m002_export_identity(db: sqlite_utils.Database) -> None:
    """Tables for export and bundles: library identity and keys, people names, imports."""
    # This library's identity: its id and plant (public, travel as provenance) and, with
    # secret=1, keys that never leave it (the pseudonym key): never exported, never bundled.
    db.table("identity").create({"name": str, "value": str, "secret": int, "created_at": str},
                          pk="name", defaults={"secret": 0})
    # Names of people known to the library besides session experts (colleagues named in
    # narration, supervisors): redacted from every anonymized export.
    db.table("people").create({"name": str, "added_at": str}, pk="name")
    # One row per merged bundle session: where it came from.
    db.table("imports").create(
        {"id": int, "session_id": str, "bundle_sha256": str, "source_library": str,
         "plant": str, "imported_at": str},
        pk="id",
    )


def _m003_session_statuses(db: sqlite_utils.Database) -> None:
    """Session statuses from the declared set, derived from the steps' statuses.

    Complete sessions of older libraries said "ready" or "needs review" whatever their
    steps said; half-made ones keep their stage name, and the next ingest replaces them.
    """
    from indexing.models import session_status

    done = {r[0] for r in db.execute(
        "SELECT session_id FROM stages WHERE stage='keyframes' AND status='done'").fetchall()}
    for (sid,) in db.execute("SELECT session_id FROM sessions").fetchall():
        if sid not in done:
            continue
        statuses = [r[0] for r in db.execute("SELECT status FROM steps WHERE session_id=?", [sid])]
        db.execute("UPDATE sessions SET status=? WHERE session_id=?", [session_status(statuses), sid])


def _m005_documents(db: sqlite_utils.Database) -> None:
    """Step reasons, work-instruction sheet revisions and prints, people's retirement dates."""
    # Why a step is done this way ("so that…", "otherwise…"): a TWI job breakdown column.
    db.table("steps").add_column("reason", str, not_null_default="")
    # Planned retirement dates of experts (knowledge at risk); never exported or bundled.
    db.table("retirements").create(
        {"expert": str, "retires_on": str, "note": str, "updated_at": str}, pk="expert"
    )
    # One row per revision of a procedure's sheet: a new one whenever its approved steps change.
    db.table("document_revisions").create(
        {"id": int, "session_id": str, "procedure_idx": int, "revision": int,
         "content_hash": str, "created_at": str},
        pk="id",
    )
    db.table("document_revisions").create_index(["session_id", "procedure_idx", "revision"], unique=True)
    # Which revision was printed (or saved) when, in which format.
    db.table("document_prints").create(
        {"id": int, "session_id": str, "procedure_idx": int, "revision": int, "format": str,
         "anonymized": int, "path": str, "printed_at": str},
        pk="id",
    )


def _m007_step_vectors(db: sqlite_utils.Database) -> None:
    """Step vectors kept in the catalog too: exact filtered search, search without the store."""
    from indexing.library.step_vectors import create_table

    create_table(db)


def _m004_language_keywords(db: sqlite_utils.Database) -> None:
    """Keyword search for every language: analyser tokens (Korean morphemes) and procedure names."""
    from indexing.library.search_terms import create

    create(db.conn)


def _m009_keyword_synonyms(db: sqlite_utils.Database) -> None:
    """Keyword rows re-derived: Korean words now also index their synonym group's head word."""
    from indexing.library.search_terms import refill

    refill(db.conn)


def _m008_approvals(db: sqlite_utils.Database) -> None:
    """Who approved a step and when (a sheet's "approved by … on …"); cleared when it is unapproved."""
    db.table("steps").add_column("approved_by", str, not_null_default="")
    db.table("steps").add_column("approved_at", str, not_null_default="")


def _m010_step_documents(db: sqlite_utils.Database) -> None:
    """Step documents without their note lines (`step_document`): every session's vectors are rebuilt."""
    from indexing.library.reembed import add_all

    add_all(db.conn)


MIGRATIONS: list[tuple[int, str, Callable[[sqlite_utils.Database], None]]] = [
    (1, "initial catalog", _m001_initial),
    (2, "export secrets, people and imports", _m002_export_identity),
    (3, "session statuses from the declared set", _m003_session_statuses),
    (4, "language-aware keyword index and procedure names", _m004_language_keywords),
    (5, "step reasons, sheet revisions and prints, retirement dates", _m005_documents),
    (7, "step vectors in the catalog", _m007_step_vectors),
    (8, "who approved each step and when", _m008_approvals),
    (9, "keyword rows with Korean synonym heads", _m009_keyword_synonyms),
    (10, "step vectors rebuilt from step documents without note lines", _m010_step_documents),
]

LATEST = MIGRATIONS[-1][0]


def migrate(db: sqlite_utils.Database) -> int:
    """Bring `db` up to the latest schema.

    Returns:
        The schema version after migrating.
    """
    conn: sqlite3.Connection = db.conn
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
    )
    done = {row[0] for row in conn.execute("SELECT version FROM migrations")}
    for version, name, fn in MIGRATIONS:
        if version in done:
            continue
        with conn:
            fn(db)
            conn.execute(
                "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, datetime('now'))",
                (version, name),
            )
    return max(done | {v for v, _, _ in MIGRATIONS})
