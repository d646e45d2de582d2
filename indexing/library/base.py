"""The library's plumbing: folder, catalog connection, writer lock, settings, audit.

The subject modules (`terms`, `sessions`, `steps`, `index`, `commit`) build on
this class; `indexing.library.catalog.Library` gathers them into the one facade.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils

from indexing import paths
from indexing.errors import LibraryError, SettingError
from indexing.library.lock import WriterLock
from indexing.library.rows import now
from indexing.library.schema import migrate
from indexing.settings import SETTINGS, get_setting, resolve_all

log = logging.getLogger(__name__)

CATALOG = "catalog.db"
MEDIA = "media"
VECTORS = "vectors"
WORK = ".work"


def default_actor() -> str:
    """Who this process acts as when it approves steps: `$KNOWHOW_REVIEWER`, else the login name."""
    name = os.environ.get("KNOWHOW_REVIEWER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers): approvals record no one
        return ""


class CatalogBase:
    """A knowledge library folder (plumbing only; use `Library`).

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
        self.actor = default_actor()  # recorded as the approver of steps this library approves
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
        self.lock = WriterLock(self.root / ".writer.lock", get_setting("lock_wait", None, self.overrides))
        try:
            db = self.db
            if not catalog.exists() or "migrations" not in db.table_names() or self._needs_migration():
                with self.writing("migrate"):
                    migrate(db)
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"cannot open catalog {catalog}: {exc}") from None
        self.lock.wait = float(self.setting("lock_wait"))

    def _needs_migration(self) -> bool:
        from indexing.library.schema import MIGRATIONS

        # Every version, not only the latest: a catalog can miss one below its newest.
        done = {r[0] for r in self.db.execute("SELECT version FROM migrations").fetchall()}
        return any(v not in done for v, _, _ in MIGRATIONS)

    # -- plumbing -----------------------------------------------------------------
    @property
    def db(self) -> sqlite_utils.Database:
        """This thread's connection to the catalog (read with it; write through the library)."""
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
    def writing(self, what: str = "write") -> Iterator[Any]:
        """Hold the cross-process writer lock for the block (waits briefly for another writer).

        Raises:
            LibraryBusyError: Another writer kept the lock longer than the `lock_wait` setting.
        """
        self.lock.acquire(what)
        try:
            yield self
        finally:
            self.lock.release()

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One atomic catalog transaction (call inside `writing`); nested ones are savepoints.

        It must be sqlite-utils' own `atomic()`: each sqlite-utils write opens its own
        transaction unless one is open already, so a plain `with conn:` here (which opens
        none) let every insert commit on its own and a failure left half a session behind.
        """
        with self.db.atomic():
            yield self.db

    def media_dir(self, session_id: str) -> Path:
        return self.root / MEDIA / session_id

    def work_dir(self, session_id: str) -> Path:
        """Where an ingest caches its stage results until the commit (removed after it)."""
        return self.media_dir(session_id) / WORK

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
        from indexing.library.stamp import cached_read

        # Every search resolves the settings: one cached read, not four statements each time.
        return dict(cached_read(self, "settings", self._read_settings))

    def _read_settings(self) -> dict[str, str]:
        try:
            return {k: v for k, v in self.db.execute("SELECT key, value FROM settings").fetchall()}
        except sqlite3.OperationalError:  # no settings table yet (before the first migration)
            return {}

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
        if name == "lock_wait":
            self.lock.wait = float(parsed)

    # -- audit --------------------------------------------------------------------
    def audit(self, action: str, detail: dict[str, Any], db: sqlite_utils.Database | None = None) -> None:
        """Append to the audit log (inside `db`'s transaction when given)."""
        target = db or self.db
        target.table("audit").insert({"at": now(), "action": action,
                                      "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True)})
        if db is None:
            target.conn.commit()

    def audit_action(self, action: str, detail: dict[str, Any]) -> None:
        """Append one audit entry under the writer lock (for actions that write nothing else)."""
        with self.writing(action):
            self.audit(action, detail)

    def audit_log(self, action: str | None = None) -> list[dict[str, Any]]:
        """Audit entries, oldest first (`detail` decoded)."""
        sql = "SELECT at, action, detail FROM audit" + (" WHERE action=?" if action else "") + " ORDER BY id"
        return [{"at": r["at"], "action": r["action"], "detail": json.loads(r["detail"] or "{}")}
                for r in self.db.query(sql, [action] if action else [])]
