"""Sentence embeddings for steps and queries (sentence-transformers).

The model loads lazily on first use, from the bundled package by default, and
never from the network. Vectors are L2-normalised float32, so cosine
similarity is a dot product.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from indexing.embedders.base import TextEmbedder
from indexing.errors import EmbeddingError
from indexing.models_registry import force_offline, missing_local_path, resolve_embed_model

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

_CACHE: dict[tuple[str, str], TextEmbedder] = {}
_CACHE_LOCK = threading.Lock()


class Embedder(TextEmbedder):
    """A loaded sentence-transformers model.

    Args:
        model: Setting value: "all-MiniLM-L6-v2" (bundled), a folder, or a cached name.
        device: "cpu", "cuda" or "auto".

    Raises:
        EmbeddingError: The model cannot be found locally or fails to load.
    """

    def __init__(self, model: str = "all-MiniLM-L6-v2", device: str = "cpu") -> None:
        self.name = model
        self.path = resolve_embed_model(model)
        force_offline()
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - dependency missing
            raise EmbeddingError(f"sentence-transformers is not installed: {exc}") from None
        if missing_local_path(self.path):
            raise EmbeddingError(f"embedding model path {self.path} does not exist")
        try:
            kwargs: dict[str, Any] = {"local_files_only": True}
            if device != "auto":
                kwargs["device"] = device
            self._model = SentenceTransformer(self.path, **kwargs)
        except Exception as exc:  # noqa: BLE001 - any load failure is a user-facing error
            raise EmbeddingError(
                f"cannot load embedding model {model!r} offline ({type(exc).__name__}): "
                "give a local folder or install its package"
            ) from None
        get_dim = getattr(self._model, "get_embedding_dimension", None) or \
            self._model.get_sentence_embedding_dimension
        dim = get_dim()
        if not dim:
            raise EmbeddingError(f"embedding model {model!r} does not say its vector size")
        self.dim = int(dim)
        self._lock = threading.Lock()

    @property
    def model_id(self) -> str:
        """A short id naming the model and dimension (used for the vector collection)."""
        base = Path(self.name).name if Path(self.name).exists() else self.name
        return f"{base}-{self.dim}"

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Embed texts into an (n, dim) float32 array of unit vectors."""
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        import torch

        with self._lock:
            # A query on an idle 2-core machine: 12 ms on torch's 2 threads, 18 ms on one.
            # On a busy machine (an ingest running beside a search) the threads fight:
            # p95 950 ms on 2 threads vs 19 ms on one. So short encodes go single-threaded
            # only while the machine is busy.
            threads = torch.get_num_threads()
            if len(texts) <= 8 and threads != 1 and _busy():
                torch.set_num_threads(1)
            try:
                vecs = self._model.encode(
                    list(texts),
                    batch_size=batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
            finally:
                if torch.get_num_threads() != threads:
                    torch.set_num_threads(threads)
        return np.asarray(vecs, dtype=np.float32)


def _busy() -> bool:
    """Whether the recent load average is close to the number of cores."""
    try:
        return os.getloadavg()[0] > (os.cpu_count() or 1) - 0.5
    except OSError:
        return False


def get_embedder(model: str = "all-MiniLM-L6-v2", device: str = "cpu") -> TextEmbedder:
    """A process-wide cached embedder (loading takes seconds; do it once).

    Models with a runtime of their own (`indexing.embedders.RUNTIMES`, e.g. the
    multilingual ones shipped in packages) load through it; the default
    all-MiniLM-L6-v2 runs on ONNX Runtime (`indexing.embedders.onnx_minilm`, same
    vectors, no torch import); any other name or folder is a sentence-transformers model.
    """
    from indexing.embedders import runtime_for
    from indexing.embedders.onnx_minilm import OnnxEmbedder, wants_lean

    key = (model, device)
    with _CACHE_LOCK:
        if key not in _CACHE:
            runtime = runtime_for(model)
            if runtime is not None:
                _CACHE[key] = runtime(model, device)
            elif wants_lean(model, device):
                _CACHE[key] = OnnxEmbedder(model)
            else:
                _CACHE[key] = Embedder(model, device)
        return _CACHE[key]
