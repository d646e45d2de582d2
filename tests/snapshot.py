"""A comparable picture of a library folder: every catalog row and every file."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

SKIP_FILES = {".writer.lock", "catalog.db", "catalog.db-wal", "catalog.db-shm"}


def snapshot(root: Path) -> dict[str, Any]:
    conn = sqlite3.connect(root / "catalog.db")
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'steps_fts%' ORDER BY name")]
    rows = {t: sorted(map(repr, conn.execute(f"SELECT * FROM [{t}]").fetchall())) for t in tables}
    conn.close()
    files = {}
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.name not in SKIP_FILES and "vectors" not in p.relative_to(root).parts:
            files[p.relative_to(root).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    vectors = sorted(p.relative_to(root).as_posix() for p in (root / "vectors").rglob("*")) \
        if (root / "vectors").exists() else []
    return {"rows": rows, "files": files, "vector_files": vectors}
