"""Erase: after a delete, rewrite the library's files so none of the session's content remains.

SQLite keeps deleted rows in free pages, in the WAL and in FTS segments until
they are overwritten; Chroma keeps documents in its own SQLite file and its
write log. `compact` rebuilds the full-text indexes, VACUUMs the catalog and
truncates its WAL, and rewrites the embedded vector store from what remains
(a fresh folder, the old one removed). A Chroma server's files are the
server's: there only the delete happens, and the caller is told.
"""

from __future__ import annotations

import logging
import shutil
import uuid
from typing import TYPE_CHECKING, Any

from indexing.errors import StoreError

if TYPE_CHECKING:
    from indexing.library.base import CatalogBase

log = logging.getLogger(__name__)

_BATCH = 1000


def compact(library: CatalogBase, session_id: str = "") -> dict[str, Any]:
    """Compact the catalog and the embedded vector store (call under the writer lock).

    Returns:
        What was done: ``{"catalog": True, "vectors": "rewritten"|"none"|"server"}``.

    Raises:
        StoreError: The vector store could not be rewritten (the old one is kept).
    """
    compact_catalog(library)
    if str(library.setting("chroma_url") or "").strip():
        log.warning("vectors of %s were deleted from the Chroma server; compacting the server's "
                    "files is up to the server's operator", session_id or "the session")
        return {"catalog": True, "vectors": "server"}
    if not library.vectors_dir.exists():
        return {"catalog": True, "vectors": "none"}
    rewrite_embedded(library)
    return {"catalog": True, "vectors": "rewritten"}


def compact_catalog(library: CatalogBase) -> None:
    """Rebuild every FTS5 index, VACUUM and truncate the WAL of `catalog.db`."""
    conn = library.db.conn
    conn.commit()
    fts = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND lower(sql) LIKE '%using fts5%'")]
    for name in fts:
        for command in ("rebuild", "optimize"):
            try:
                conn.execute(f"INSERT INTO [{name}]([{name}]) VALUES(?)", [command])
            except Exception:  # noqa: BLE001 - contentless tables refuse 'rebuild'; optimize still runs
                log.debug("fts %s %s skipped", name, command, exc_info=True)
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _release_clients() -> None:
    from chromadb.api.client import SharedSystemClient

    from indexing.store import close_stores

    close_stores()
    SharedSystemClient.clear_system_cache()


def rewrite_embedded(library: CatalogBase) -> None:
    """Copy every collection of the embedded store into a fresh folder and drop the old one.

    The fresh store is written by a new process (multiprocessing, spawn) that only ever holds what
    is kept: the vector index's files can carry uninitialised memory (a CI run found four words of
    an erased narration in a rewritten `length.bin`), and this process's heap has held the erased
    session's text.
    """
    import multiprocessing
    import pickle

    import chromadb

    from indexing.store.chroma import chroma_settings

    path = library.vectors_dir
    _release_clients()
    client = chromadb.PersistentClient(path=str(path), settings=chroma_settings())
    saved = []
    for col in client.list_collections():
        c = client.get_collection(col.name, embedding_function=None)
        got: Any = c.get(include=["embeddings", "metadatas", "documents"])
        saved.append((col.name, c.metadata, c.configuration_json, got))
    del client
    _release_clients()
    old = path.with_name(f"{path.name}.erasing-{uuid.uuid4().hex[:8]}")
    kept = path.with_name(f"{path.name}.kept-{uuid.uuid4().hex[:8]}.pickle")
    path.rename(old)
    try:
        with kept.open("wb") as f:
            pickle.dump(saved, f)
        child = multiprocessing.get_context("spawn").Process(target=build_store, args=(str(path), str(kept)))
        child.start()
        child.join()
        if child.exitcode != 0:
            raise RuntimeError(f"the rebuilding process exited with status {child.exitcode}")
    except Exception as exc:
        shutil.rmtree(path, ignore_errors=True)
        old.rename(path)
        raise StoreError(f"could not rewrite the vector store at {path}: {exc}") from None
    finally:
        kept.unlink(missing_ok=True)
    shutil.rmtree(old)
    log.info("rewrote the vector store at %s (%d collections)", path, len(saved))


def build_store(path: str, kept: str) -> None:
    """Write a fresh embedded store at `path` from the collections pickled in `kept` (the spawned child)."""
    import pickle

    import chromadb

    from indexing.store.chroma import chroma_settings

    with open(kept, "rb") as f:
        saved = pickle.load(f)
    client = chromadb.PersistentClient(path=path, settings=chroma_settings())
    for name, metadata, config, got in saved:
        hnsw = (config or {}).get("hnsw") or {}
        configuration = {"hnsw": {k: hnsw[k] for k in ("space", "ef_construction", "ef_search",
                                                       "max_neighbors") if k in hnsw}}
        c = client.create_collection(name, metadata=metadata or None, embedding_function=None,
                                     configuration=configuration)  # type: ignore[arg-type]
        ids = list(got["ids"])
        for i in range(0, len(ids), _BATCH):
            c.add(ids=ids[i:i + _BATCH], embeddings=got["embeddings"][i:i + _BATCH],
                  metadatas=got["metadatas"][i:i + _BATCH], documents=got["documents"][i:i + _BATCH])
    del client
    _release_clients()
