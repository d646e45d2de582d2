"""The vector-store interface every backend implements.

A store keeps one vector per step, keyed by step id, with a little metadata
for filtering (see `METADATA_KEYS`). It never computes embeddings: callers
always pass vectors in, so a store cannot download a model behind our back.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

METADATA_KEYS: tuple[str, ...] = ("session_id", "workstation", "expert", "category", "status", "process")
"""Metadata stored with every step vector; `query(where=...)` may filter on any of them."""

Metadata = Mapping[str, str]


def collection_name(model_id: str) -> str:
    """A Chroma collection name for an embedding model id.

    Chroma names must be 3-512 characters of ``[A-Za-z0-9._-]``, start and end
    with a letter or digit, and hold no ``..``. The name starts with ``steps-``
    so one server can hold several libraries' collections side by side with
    other data, and it changes with the model, so a new model means a new
    collection (and the old vectors are never mixed with new ones).

    Args:
        model_id: `Embedder.model_id`, e.g. "all-MiniLM-L6-v2-384".

    Returns:
        The sanitised collection name, e.g. "steps-all-MiniLM-L6-v2-384".
    """
    clean = re.sub(r"[^A-Za-z0-9._-]+", "-", model_id)
    clean = re.sub(r"\.{2,}", ".", re.sub(r"-{2,}", "-", clean)).strip("._-")
    name = f"steps-{clean}" if clean else "steps"
    return name[:512].rstrip("._-")


class VectorStore(ABC):
    """A collection of step vectors with cosine distance and metadata filters.

    Attributes:
        name: The collection name (derived from the embedding model id).
        location: Where the vectors live (a folder or a URL), for messages.
    """

    name: str
    location: str

    @abstractmethod
    def upsert(
        self,
        ids: Sequence[str],
        embeddings: np.ndarray | Sequence[Sequence[float]],
        metadatas: Sequence[Metadata],
        documents: Sequence[str],
    ) -> None:
        """Insert or replace vectors.

        Args:
            ids: Step ids.
            embeddings: One unit vector per id.
            metadatas: One metadata mapping per id (keys from `METADATA_KEYS`).
            documents: The embedded text per id (kept for inspection only).

        Raises:
            StoreError: The store cannot be reached or rejects the data.
        """

    @abstractmethod
    def delete(self, ids: Sequence[str]) -> None:
        """Remove vectors by step id (unknown ids are ignored)."""

    @abstractmethod
    def delete_where(self, session_id: str) -> None:
        """Remove every vector of one session."""

    @abstractmethod
    def query(
        self, embedding: np.ndarray | Sequence[float], k: int, where: Mapping[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        """The nearest vectors.

        Args:
            embedding: The query vector.
            k: How many neighbours at most.
            where: Exact-match filters, ``{metadata key: value}``; all must hold.

        Returns:
            ``(step id, cosine distance)`` pairs, nearest first.
        """

    @abstractmethod
    def count(self) -> int:
        """How many vectors the collection holds."""

    @abstractmethod
    def get_ids(self, session_id: str | None = None) -> list[str]:
        """Stored step ids, all or one session's, sorted."""

    @abstractmethod
    def reset(self) -> None:
        """Drop every vector of this collection (other collections are untouched)."""

    def close(self) -> None:  # noqa: B027 - optional hook, most backends hold nothing to close
        """Release what the store holds (optional)."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r} at {self.location})"
