"""Catalog tables of work-instruction sheets and knowledge coverage.

This module owns three tables (migration 5):

- `retirements`: an expert's planned retirement date (people records: never exported or bundled).
- `document_revisions`: one row per revision of a procedure's sheet; a new revision is made
  whenever the content hash of the procedure's approved steps changes.
- `document_prints`: which revision of which sheet was printed or saved when (the audit log
  gets a line too).

`Library` exposes these functions as methods; they take the library as their first argument.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from indexing.errors import SettingError

if TYPE_CHECKING:
    from indexing.library.catalog import Library


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def parse_date(value: str) -> str:
    """An ISO date (YYYY-MM-DD) checked and normalised.

    Raises:
        SettingError: Not a date.
    """
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise SettingError(f"not a date: {value!r} (use YYYY-MM-DD)") from None


# -- retirements ------------------------------------------------------------------------
def set_retirement(library: Library, expert: str, retires_on: str | None, note: str = "") -> str | None:
    """Set (or with `retires_on=None` clear) an expert's planned retirement date.

    Returns:
        The stored date, or None when cleared.

    Raises:
        SettingError: Empty name or a bad date.
    """
    name = expert.strip()
    if not name:
        raise SettingError("an expert's name is needed")
    date = parse_date(retires_on) if retires_on else None
    with library.writing("people retirement"), library.transaction() as db:
        if date is None:
            db.execute("DELETE FROM retirements WHERE expert=?", [name])
        else:
            db.table("retirements").upsert(
                {"expert": name, "retires_on": date, "note": note, "updated_at": _now()}, pk="expert"
            )
        # The audit line names no one: the audit log may travel, people records never do.
        library.audit("people retirement", {"set": date is not None}, db=db)
    return date


def retirements(library: Library) -> dict[str, str]:
    """Planned retirement dates by expert name."""
    return {r["expert"]: r["retires_on"]
            for r in library.db.query("SELECT expert, retires_on FROM retirements ORDER BY expert")}


# -- sheet revisions --------------------------------------------------------------------
def latest_revision(library: Library, session_id: str, procedure_idx: int) -> dict[str, Any] | None:
    """The newest revision row of a procedure's sheet, or None before its first approval."""
    rows = list(library.db.query(
        "SELECT * FROM document_revisions WHERE session_id=? AND procedure_idx=? "
        "ORDER BY revision DESC LIMIT 1", [session_id, procedure_idx]))
    return rows[0] if rows else None


def sheet_revision(library: Library, session_id: str, procedure_idx: int, content_hash: str) -> int:
    """The revision number for a procedure's approved content, making a new one when it changed.

    Args:
        library: The library.
        session_id: The session.
        procedure_idx: The procedure (0-based).
        content_hash: Hash of the procedure's approved steps.

    Returns:
        The revision (1, 2, …) whose content hash is `content_hash`.
    """
    last = latest_revision(library, session_id, procedure_idx)
    if last is not None and last["content_hash"] == content_hash:
        return int(last["revision"])
    with library.writing("document revision"), library.transaction() as db:
        # Re-read under the lock: another process may have made this revision meanwhile.
        row = db.execute(
            "SELECT revision, content_hash FROM document_revisions WHERE session_id=? AND procedure_idx=? "
            "ORDER BY revision DESC LIMIT 1", [session_id, procedure_idx]).fetchone()
        if row is not None and row[1] == content_hash:
            return int(row[0])
        revision = (int(row[0]) if row else 0) + 1
        db.table("document_revisions").insert(
            {"session_id": session_id, "procedure_idx": procedure_idx, "revision": revision,
             "content_hash": content_hash, "created_at": _now()})
        library.audit("document revision", {"session_id": session_id, "procedure": procedure_idx + 1,
                                            "revision": revision, "content_hash": content_hash}, db=db)
    return revision


def record_print(library: Library, session_id: str, procedure_idx: int, revision: int, fmt: str,
                 path: str, *, anonymized: bool) -> None:
    """Log that a sheet revision was printed or saved (table row and audit line)."""
    stamp = _now()
    with library.writing("document print"), library.transaction() as db:
        db.table("document_prints").insert(
            {"session_id": session_id, "procedure_idx": procedure_idx, "revision": revision,
             "format": fmt, "anonymized": int(anonymized), "path": path, "printed_at": stamp})
        library.audit("document print", {"session_id": session_id, "procedure": procedure_idx + 1,
                                         "revision": revision, "format": fmt, "anonymized": anonymized},
                      db=db)


def prints(library: Library, session_id: str | None = None) -> list[dict[str, Any]]:
    """The print log, oldest first (optionally of one session)."""
    where, params = ("WHERE session_id=? ", [session_id]) if session_id else ("", [])
    return [dict(r) for r in library.db.query(
        f"SELECT session_id, procedure_idx, revision, format, anonymized, path, printed_at "
        f"FROM document_prints {where}ORDER BY id", params)]



class DocumentsMixin:
    """`Library` methods for sheets and people records (the functions above)."""

    def set_retirement(self, expert: str, retires_on: str | None, note: str = "") -> str | None:
        """An expert's planned retirement date (None clears it); see `set_retirement`."""
        return set_retirement(self, expert, retires_on, note)  # type: ignore[arg-type]

    def retirements(self) -> dict[str, str]:
        return retirements(self)  # type: ignore[arg-type]

    def sheet_revision(self, session_id: str, procedure_idx: int, content_hash: str) -> int:
        """The sheet revision of this approved content (a new one when it changed)."""
        return sheet_revision(self, session_id, procedure_idx, content_hash)  # type: ignore[arg-type]

    def record_print(self, session_id: str, procedure_idx: int, revision: int, fmt: str, path: str,
                     *, anonymized: bool = False) -> None:
        record_print(self, session_id, procedure_idx, revision, fmt, path,  # type: ignore[arg-type]
                     anonymized=anonymized)

    def prints(self, session_id: str | None = None) -> list[dict[str, Any]]:
        return prints(self, session_id)  # type: ignore[arg-type]
