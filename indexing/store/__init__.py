"""Vector stores for step embeddings: embedded (in the library) or a Chroma server.

`open_store` picks the backend from the library's `chroma_url` setting and
caches the opened store, so repeated searches reuse one collection handle.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from indexing.store.base import METADATA_KEYS, VectorStore, collection_name

if TYPE_CHECKING:
    from indexing.library import Library

log = logging.getLogger(__name__)

_STORES: dict[tuple[str, str, str], VectorStore] = {}
_STORES_LOCK = threading.Lock()


def open_store(library: Library, model_id: str) -> VectorStore:
    """The vector store of a library for one embedding model (cached per process).

    Args:
        library: The library; its `chroma_url` setting selects a server, empty means embedded.
        model_id: `Embedder.model_id`; it names the collection.

    Returns:
        A `ServerStore` when `chroma_url` is set, else an `EmbeddedStore` in `library.vectors_dir`.
        Nothing is contacted until the store is first used.

    Raises:
        StoreError: `chroma_url` is not a valid URL.
    """
    url = str(library.setting("chroma_url") or "").strip()
    key = ("server", url, model_id) if url else ("embedded", str(library.vectors_dir), model_id)
    with _STORES_LOCK:
        store = _STORES.get(key)
        if store is None:
            if url:
                from indexing.store.server import ServerStore

                store = ServerStore(url, model_id)
            else:
                from indexing.store.embedded import EmbeddedStore

                store = EmbeddedStore(library.vectors_dir, model_id)
            _STORES[key] = store
            log.debug("opened %r", store)
        return store


def close_stores() -> None:
    """Forget every cached store (tests, or after a library folder was removed)."""
    with _STORES_LOCK:
        for store in _STORES.values():
            store.close()
        _STORES.clear()


__all__ = ["METADATA_KEYS", "VectorStore", "close_stores", "collection_name", "open_store"]
