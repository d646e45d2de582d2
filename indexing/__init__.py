"""Know-how Capture's headless core: library, ingest pipeline, search and export.

The names below load lazily, so `import indexing` is cheap and pulls in no
model or database library until one is used. This package never imports Qt.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "Library": "indexing.library",
    "ingest": "indexing.pipeline",
    "reindex": "indexing.pipeline",
    "reindex_steps": "indexing.pipeline",
    "search": "indexing.search",
    "probe": "indexing.media",
    "CancelToken": "indexing.progress",
    "Progress": "indexing.progress",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'indexing' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
