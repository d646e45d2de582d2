"""Sessions whose step vectors must be embedded again (migration 10): this module owns `reembed_sessions`.

A migration changes the catalog, not the vector store: loading an embedding model inside a
schema migration would make every library open slow and fail where no model is installed. So
a migration that changes what a step's vector is made of (`indexing.store.index.step_document`)
lists the sessions here, and the library re-embeds them on its next open that can
(`VectorsMixin.reembed_pending`), session by session, through `index_session`. A session
leaves the list once its vectors are rebuilt (or by `knowhow reindex`, which rebuilds all).
"""

from __future__ import annotations

import sqlite3

TABLE = "reembed_sessions"


def create(conn: sqlite3.Connection) -> None:
    """Create the list (empty)."""
    conn.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (session_id TEXT PRIMARY KEY)")


def add_all(conn: sqlite3.Connection) -> None:
    """List every session of the catalog."""
    create(conn)
    conn.execute(f"INSERT OR IGNORE INTO {TABLE} (session_id) SELECT session_id FROM sessions")


def pending(conn: sqlite3.Connection) -> list[str]:
    """The listed sessions that still exist, in id order ([] when the list is missing)."""
    try:
        rows = conn.execute(
            f"SELECT r.session_id FROM {TABLE} r JOIN sessions s ON s.session_id = r.session_id "
            "ORDER BY r.session_id").fetchall()
    except sqlite3.OperationalError:  # a catalog without the table (not yet migrated)
        return []
    return [r[0] for r in rows]


def done(conn: sqlite3.Connection, session_ids: list[str] | None = None) -> None:
    """Take sessions off the list (all when `session_ids` is None)."""
    create(conn)
    if session_ids is None:
        conn.execute(f"DELETE FROM {TABLE}")
    else:
        conn.executemany(f"DELETE FROM {TABLE} WHERE session_id = ?", [(i,) for i in session_ids])
