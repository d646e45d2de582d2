"""Step vectors in the catalog (table `step_vectors`, migration 7) and an in-memory matrix of them.

Chroma's HNSW index answers an unfiltered query in a few milliseconds, but a
narrow metadata filter (one workstation among hundreds) makes it scan every
record's metadata: 30-120 ms at 100,000 steps. Keeping each step's vector in
the catalog as well lets search take a filter's candidates from the catalog
and compute exact similarities over just those vectors (a few hundred
microseconds for thousands of rows). It also lets a search of a small library
run without importing chromadb at all (seconds saved on a cold start), and a
lost vector store be rebuilt without embedding again.

This module owns the table; rows go when their step goes (a trigger), and
`indexing.store.index` writes them next to the store's.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from indexing.library.catalog import Library
    from indexing.store.base import VectorStore

FILTER_KEYS = ("workstation", "expert", "category", "status")


# Every change that can alter a matrix (its vectors, the steps, the sessions' filter fields) bumps
# one counter, so a search checks that its cached matrix is current with a one-row read instead
# of counting 100,000 rows (tens of milliseconds) each time.
_BUMP = "UPDATE step_vectors_version SET n = n + 1;"
_BUMPERS = {
    "sv_ins": "AFTER INSERT ON step_vectors", "sv_del": "AFTER DELETE ON step_vectors",
    "st_ins": "AFTER INSERT ON steps", "st_del": "AFTER DELETE ON steps",
    "st_upd": "AFTER UPDATE OF category, status, session_id ON steps",
    "se_upd": "AFTER UPDATE OF workstation, expert ON sessions", "se_del": "AFTER DELETE ON sessions",
}


def create_table(db: Any) -> None:
    """Migration 7: the table, a change counter, and the trigger that forgets a deleted step's vectors."""
    db.execute(
        "CREATE TABLE step_vectors (model_id TEXT NOT NULL, step_id TEXT NOT NULL, "
        "vector BLOB NOT NULL, PRIMARY KEY (model_id, step_id))"
    )
    db.execute(
        "CREATE TRIGGER step_vectors_forget AFTER DELETE ON steps BEGIN "
        "DELETE FROM step_vectors WHERE step_id = old.step_id; END"
    )
    db.execute("CREATE TABLE step_vectors_version (n INTEGER NOT NULL)")
    db.execute("INSERT INTO step_vectors_version (n) VALUES (0)")
    for name, when in _BUMPERS.items():
        db.execute(f"CREATE TRIGGER step_vectors_bump_{name} {when} BEGIN {_BUMP} END")


def put_vectors(library: Library, model_id: str, ids: Sequence[str], vectors: np.ndarray) -> None:
    """Store (replace) the vectors of steps for one model (call inside `library.writing`)."""

    with library.transaction() as db:
        write_rows(db, model_id, ids, vectors)


def write_rows(db: Any, model_id: str, ids: Sequence[str], vectors: np.ndarray) -> None:
    """Write step vectors inside the caller's open transaction (the session commit's)."""
    import numpy as np

    vecs = np.ascontiguousarray(vectors, dtype=np.float32)
    rows = [(model_id, i, vecs[n].tobytes()) for n, i in enumerate(ids)]
    # REPLACE gives the row a new rowid: the matrix cache's stamp sees the change.
    db.conn.executemany("INSERT OR REPLACE INTO step_vectors (model_id, step_id, vector) VALUES (?, ?, ?)",
                        rows)


def drop_vectors(library: Library, model_id: str) -> None:
    """Forget every vector of one model (before a rebuild)."""
    with library.transaction() as db:
        db.execute("DELETE FROM step_vectors WHERE model_id = ?", [model_id])


def backfill_from_store(library: Library, store: VectorStore, model_id: str, page: int = 5000) -> int:
    """Copy a store's vectors of catalog steps into the catalog (libraries made before migration 7).

    Returns:
        How many vectors were copied.
    """
    import numpy as np

    known = {r[0] for r in library.db.execute("SELECT step_id FROM steps")}
    ids = [i for i in store.get_ids() if i in known]
    collection = getattr(store, "collection", None)
    if collection is None:
        return 0
    done = 0
    with library.writing("copy vectors into the catalog"):
        for lo in range(0, len(ids), page):
            chunk = ids[lo : lo + page]
            res = collection.get(ids=chunk, include=["embeddings"])
            put_vectors(library, model_id, list(res["ids"]), np.asarray(res["embeddings"], dtype=np.float32))
            done += len(res["ids"])
    return done


@dataclass
class VectorMatrix:
    """Every catalog vector of one model, with the filterable fields of each step, dictionary-coded.

    Attributes:
        ids: Step ids, one per row.
        vectors: (rows, dim) float32 unit vectors.
        codes: Per filter key, one int32 code per row; `values[key][code]` is the normalised value.
        complete: Every catalog step has a row (otherwise search must ask the store).
    """

    ids: list[str]
    vectors: np.ndarray
    codes: dict[str, np.ndarray]
    values: dict[str, dict[str, int]]
    complete: bool
    stamp: tuple[int, ...] = field(default=())
    _row_of: dict[str, int] | None = field(default=None, repr=False, compare=False)
    _filtered: OrderedDict[tuple[tuple[str, str], ...], tuple[np.ndarray, np.ndarray | None]] = field(
        default_factory=OrderedDict, repr=False, compare=False)

    def rows(self, filters: Mapping[str, str]) -> np.ndarray | None:
        """Row numbers passing every (normalised) filter; None without filters (all rows).

        The same filters give the same (read-only) array while the matrix keeps them.
        """
        if not filters:
            return None
        key = tuple(sorted(filters.items()))
        with _FILTER_LOCK:
            kept = self._filtered.get(key)
            if kept is not None:
                self._filtered.move_to_end(key)
                return kept[0]
        rows = self._select(filters)
        rows.flags.writeable = False
        with _FILTER_LOCK:
            self._filtered[key] = (rows, None)
            self._trim()
        return rows

    def _select(self, filters: Mapping[str, str]) -> np.ndarray:
        import numpy as np

        mask = None
        for key, value in filters.items():
            code = self.values.get(key, {}).get(value)
            if code is None:
                return np.zeros(0, dtype=np.int64)
            hit = self.codes[key] == code
            mask = hit if mask is None else mask & hit
        assert mask is not None
        return np.flatnonzero(mask)

    def passing(self, ids: Sequence[str], filters: Mapping[str, str]) -> set[str]:
        """The ids among `ids` whose step passes every (normalised) filter; ids without a row fail.

        The same answer as checking the catalog rows (the matrix is current: its stamp), without
        reading hundreds of rows per search.
        """
        import numpy as np

        if self._row_of is None:
            self._row_of = {i: r for r, i in enumerate(self.ids)}
        wanted = []
        for key, value in filters.items():
            code = self.values.get(key, {}).get(value)
            if code is None:
                return set()
            wanted.append((self.codes[key], code))
        found = [(i, r) for i in ids if (r := self._row_of.get(i)) is not None]
        if not found:
            return set()
        at = np.fromiter((r for _, r in found), dtype=np.int64, count=len(found))
        ok = np.ones(len(found), dtype=bool)
        for col, code in wanted:  # one vectorised check per filter, not one per id and filter
            ok &= col[at] == code
        return {found[j][0] for j in np.flatnonzero(ok)}

    def nearest(self, query: np.ndarray, n: int, rows: np.ndarray | None = None) -> list[tuple[str, float]]:
        """Exact top-`n` by cosine over `rows` (all when None): ``(step id, cosine distance)``."""
        import numpy as np

        vecs = self.vectors if rows is None else self._subset(rows)
        if len(vecs) == 0 or n <= 0:
            return []
        sims = vecs @ np.asarray(query, dtype=np.float32)
        top = np.argpartition(-sims, n - 1)[:n] if n < len(sims) else np.arange(len(sims))
        top = top[np.argsort(-sims[top], kind="stable")]
        picked = top if rows is None else rows[top]
        return [(self.ids[int(r)], float(1.0 - sims[int(t)])) for r, t in zip(picked, top, strict=True)]

    def _subset(self, rows: np.ndarray) -> np.ndarray:
        """The vectors of `rows` as one contiguous block, kept while `rows` is a cached filter's.

        Gathering 20,000 of 100,000 rows costs more than the dot product over them (about 15 ms
        against 8 ms on a busy 2-core machine: memory bound), and a user searching with a filter
        tends to keep it, so the blocks of the last few filters are kept (at most half the matrix
        in all). A block holds the same floats as ``vectors[rows]``: the similarities are identical.
        """
        with _FILTER_LOCK:
            for key, (cached_rows, block) in self._filtered.items():
                if cached_rows is rows:
                    if block is None:
                        block = self.vectors[rows]
                        self._filtered[key] = (rows, block)
                        self._trim()
                    return block
        return self.vectors[rows]

    def _trim(self) -> None:
        """Forget the oldest filters' blocks (then rows) beyond the budget."""
        budget = max(len(self.ids) // 2, 1)
        held = sum(len(b) for _, b in self._filtered.values() if b is not None)
        for key, (_, block) in list(self._filtered.items()):
            if held <= budget and len(self._filtered) <= _FILTERS_KEPT:
                break
            if block is not None:
                held -= len(block)
            del self._filtered[key]


_FILTERS_KEPT = 8
"""How many filters' rows (and vector blocks) a matrix keeps."""
_FILTER_LOCK = threading.RLock()


_CACHE: dict[tuple[str, str], VectorMatrix] = {}
_LOCK = threading.Lock()


def _stamp(library: Library) -> tuple[int, ...]:
    row = library.db.execute("SELECT n FROM step_vectors_version").fetchone()
    return (int(row[0]) if row else -1,)


def matrix(library: Library, model_id: str) -> VectorMatrix | None:
    """The cached matrix of a library's vectors for one model, reloaded when the catalog changed.

    Returns:
        None when the catalog holds no vectors of that model.
    """
    import numpy as np

    from indexing.store.index import normalise

    stamp = _stamp(library)
    key = (str(library.root), model_id)
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is not None and cached.stamp == stamp:
            return None if cached.vectors.shape[0] == 0 else cached
        steps = library.db.execute("SELECT count(*) FROM steps").fetchone()[0]
        rows = library.db.execute(
            "SELECT v.step_id, v.vector, sessions.workstation, sessions.expert, steps.category, steps.status "
            "FROM step_vectors AS v JOIN steps ON steps.step_id = v.step_id "
            "JOIN sessions ON sessions.session_id = steps.session_id WHERE v.model_id = ?",
            [model_id]).fetchall()
        ids = [r[0] for r in rows]
        vectors = (np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), -1)
                   if rows else np.zeros((0, 0), dtype=np.float32))
        values: dict[str, dict[str, int]] = {k: {} for k in FILTER_KEYS}
        codes: dict[str, np.ndarray] = {}
        for col, name in enumerate(FILTER_KEYS, start=2):
            table = values[name]
            codes[name] = np.fromiter((table.setdefault(normalise(r[col]), len(table)) for r in rows),
                                     dtype=np.int32, count=len(rows))
        built = VectorMatrix(ids, vectors, codes, values, complete=len(rows) == steps, stamp=stamp)
        _CACHE[key] = built
        return None if not rows else built
