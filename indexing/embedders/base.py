"""What every embedding runtime offers: documents and queries in, unit vectors out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


class TextEmbedder(ABC):
    """A loaded sentence-embedding model.

    Attributes:
        name: The setting value that chose it (a model name or a folder).
        dim: The vector size.
    """

    name: str
    dim: int

    @abstractmethod
    def __init__(self, model: str, device: str = "cpu") -> None:
        """Load the model named by a setting value, from local files only.

        Raises:
            EmbeddingError: The model (or its package) is missing or fails to load.
        """

    @property
    def model_id(self) -> str:
        """A short id naming the model and dimension (it names the vector collection)."""
        base = Path(self.name).name if Path(self.name).exists() else self.name
        return f"{base}-{self.dim}"

    @abstractmethod
    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Embed documents (step texts) into an (n, dim) float32 array of unit vectors."""

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed search queries; models trained with query/passage roles override this."""
        return self.encode(texts)
