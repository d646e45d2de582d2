"""The embedded vector store: Chroma's `PersistentClient` in the library's `vectors/` folder."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from indexing.errors import StoreError
from indexing.store.chroma import ChromaStore, chroma_settings

log = logging.getLogger(__name__)


class EmbeddedStore(ChromaStore):
    """Vectors kept inside the library folder, for one workstation or tablet.

    Args:
        path: The folder Chroma persists to (normally `library.vectors_dir`).
        model_id: The embedding model id; names the collection.
    """

    def __init__(self, path: str | Path, model_id: str) -> None:
        self.path = Path(path)
        super().__init__(model_id, str(self.path))

    def _connect(self) -> Any:
        try:
            import chromadb
        except ImportError as exc:  # pragma: no cover - dependency missing
            raise StoreError(f"chromadb is not installed: {exc}") from None
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            return chromadb.PersistentClient(path=str(self.path), settings=chroma_settings())
        except Exception as exc:  # noqa: BLE001 - a broken folder is a user-facing error
            raise StoreError(f"cannot open the vector store at {self.path}: {exc}") from None

    def _translate(self, exc: Exception) -> StoreError:
        return StoreError(f"vector store at {self.path} failed ({type(exc).__name__}): {exc}")
