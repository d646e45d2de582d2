"""What the Chroma backends share: one collection, cosine space, no embedding function.

The embedded and the server backends differ only in how they build the
client (`_connect`); everything done with the collection lives here. Chroma
is imported lazily, inside functions.
"""

from __future__ import annotations

import logging
import threading
from abc import abstractmethod
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from indexing.errors import StoreError
from indexing.store.base import METADATA_KEYS, Metadata, VectorStore, collection_name

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

T = TypeVar("T")

# Chroma's add/upsert takes at most `client.get_max_batch_size()` records per call.
_FALLBACK_BATCH = 5000

HNSW_CONFIG: dict[str, Any] = {
    "space": "cosine",
    # Chroma's defaults (ef_construction 100, ef_search 100, M 16) give > 0.95
    # recall@50 on 100k MiniLM vectors (tests/benchmarks/bench_search.py);
    # they are kept explicit here so a Chroma upgrade cannot change them silently.
    "ef_construction": 100,
    "ef_search": 100,
    "max_neighbors": 16,
}


def chroma_settings() -> Any:
    """Client settings: telemetry off, no reset from clients."""
    from chromadb.config import Settings

    return Settings(anonymized_telemetry=False, allow_reset=False)


def where_clause(where: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """Turn ``{key: value}`` exact-match filters into a Chroma `where` document.

    Args:
        where: Filters on `METADATA_KEYS`; None values are ignored.

    Returns:
        None without filters, ``{key: {"$eq": value}}`` for one, an ``$and`` for several.

    Raises:
        StoreError: A key that is not stored as metadata.
    """
    if not where:
        return None
    terms = []
    for key, value in where.items():
        if value is None:
            continue
        if key not in METADATA_KEYS:
            raise StoreError(f"cannot filter on {key!r}: not one of {', '.join(METADATA_KEYS)}")
        terms.append({key: {"$eq": value}})
    if not terms:
        return None
    return terms[0] if len(terms) == 1 else {"$and": terms}


class ChromaStore(VectorStore):
    """A `VectorStore` over one Chroma collection; subclasses supply the client.

    Args:
        model_id: The embedding model id; names the collection.
        location: A folder or URL, used in messages.
    """

    def __init__(self, model_id: str, location: str) -> None:
        self.model_id = model_id
        self.name = collection_name(model_id)
        self.location = location
        self._lock = threading.RLock()
        self._client: Any = None
        self._collection: Any = None

    # -- subclass hooks -----------------------------------------------------------
    @abstractmethod
    def _connect(self) -> Any:
        """Build the Chroma client (called once, lazily)."""

    def _translate(self, exc: Exception) -> StoreError:
        """Turn a Chroma or transport error into one clear `StoreError`."""
        return StoreError(f"vector store {self.location} failed: {type(exc).__name__}: {exc}")

    # -- plumbing -----------------------------------------------------------------
    def client(self) -> Any:
        """The Chroma client (connected once, lazily)."""
        with self._lock:
            if self._client is None:
                self._client = self._connect()
            return self._client

    def forget_everywhere(self, session_id: str | None = None, ids: Sequence[str] = ()) -> list[str]:
        """Remove a session's vectors, or the vectors of some steps, from every step collection.

        Needs no embedding model: collections are found by their `steps` prefix.

        Returns:
            The collection names that were searched.
        """
        try:
            client = self.client()
            names = [c if isinstance(c, str) else c.name for c in client.list_collections()]
            names = [n for n in names if n == "steps" or n.startswith("steps-")]
            for name in names:
                collection = client.get_collection(name, embedding_function=None)
                if session_id is not None:
                    collection.delete(where={"session_id": {"$eq": session_id}})
                if ids:
                    collection.delete(ids=list(ids))
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001 - every backend failure becomes a StoreError
            raise self._translate(exc) from None
        with self._lock:
            self._collection = None  # another handle may have changed it
        return names

    @property
    def collection(self) -> Any:
        """The collection handle, opened (or created) once and cached."""
        with self._lock:
            if self._collection is None:
                if self._client is None:
                    self._client = self._connect()
                self._collection = self._client.get_or_create_collection(
                    self.name,
                    configuration={"hnsw": dict(HNSW_CONFIG)},
                    metadata={"model_id": self.model_id},
                    # Never Chroma's own default function: it downloads a model.
                    embedding_function=None,
                )
                log.debug("opened collection %s at %s", self.name, self.location)
            return self._collection

    def _call(self, fn: Callable[[Any], T]) -> T:
        """Run `fn(collection)`, translating errors; reopen once if the collection vanished."""
        from chromadb.errors import NotFoundError as ChromaNotFound

        for attempt in (1, 2):
            try:
                return fn(self.collection)
            except StoreError:
                raise
            except ChromaNotFound as exc:
                # Another process reset the collection: our cached handle is stale.
                with self._lock:
                    self._collection = None
                if attempt == 2:
                    raise self._translate(exc) from None
            except Exception as exc:  # noqa: BLE001 - every backend failure becomes a StoreError
                raise self._translate(exc) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def _batch_size(self) -> int:
        try:
            return int(self._client.get_max_batch_size()) if self._client is not None else _FALLBACK_BATCH
        except Exception:  # noqa: BLE001 - old clients lack it; the fallback is safe
            return _FALLBACK_BATCH

    # -- VectorStore --------------------------------------------------------------
    def upsert(
        self,
        ids: Sequence[str],
        embeddings: np.ndarray | Sequence[Sequence[float]],
        metadatas: Sequence[Metadata],
        documents: Sequence[str],
    ) -> None:
        import numpy as np

        if not (len(ids) == len(embeddings) == len(metadatas) == len(documents)):
            raise StoreError(
                f"upsert needs one embedding, metadata and document per id "
                f"({len(ids)} ids, {len(embeddings)} embeddings, {len(metadatas)} metadatas, "
                f"{len(documents)} documents)"
            )
        if not ids:
            return
        vecs = np.asarray(embeddings, dtype=np.float32)
        metas = [{k: str(m.get(k) or "") for k in METADATA_KEYS} for m in metadatas]
        self.collection  # noqa: B018 - connect first so the batch size is known
        step = self._batch_size()
        for i in range(0, len(ids), step):
            j = i + step

            def write(c: Any, i: int = i, j: int = j) -> None:
                c.upsert(ids=list(ids[i:j]), embeddings=vecs[i:j], metadatas=metas[i:j],
                         documents=list(documents[i:j]))

            self._call(write)

    def delete(self, ids: Sequence[str]) -> None:
        if ids:
            self._call(lambda c: c.delete(ids=list(ids)))

    def delete_where(self, session_id: str) -> None:
        self._call(lambda c: c.delete(where={"session_id": {"$eq": session_id}}))

    def query(
        self, embedding: np.ndarray | Sequence[float], k: int, where: Mapping[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        import numpy as np

        if k <= 0:
            return []
        vec = np.asarray(embedding, dtype=np.float32).reshape(1, -1)
        clause = where_clause(where)
        res = self._call(
            lambda c: c.query(query_embeddings=vec, n_results=k, where=clause, include=["distances"])
        )
        ids = res["ids"][0] if res["ids"] else []
        dists = res["distances"][0] if res.get("distances") else [0.0] * len(ids)
        return [(str(i), float(d)) for i, d in zip(ids, dists, strict=True)]

    def count(self) -> int:
        return int(self._call(lambda c: c.count()))

    def get_ids(self, session_id: str | None = None) -> list[str]:
        where = {"session_id": {"$eq": session_id}} if session_id is not None else None
        res = self._call(lambda c: c.get(where=where, include=[]))
        return sorted(str(i) for i in res["ids"])

    def reset(self) -> None:
        def drop(_: Any) -> None:
            try:
                self._client.delete_collection(self.name)
            except Exception as exc:  # noqa: BLE001
                from chromadb.errors import NotFoundError as ChromaNotFound

                if not isinstance(exc, ChromaNotFound):
                    raise

        with self._lock:
            self._call(drop)
            self._collection = None
        log.info("reset collection %s at %s", self.name, self.location)

    def close(self) -> None:
        with self._lock:
            self._collection = None
            self._client = None
