"""The library folder: catalog, media and writer lock."""

from indexing.library.catalog import STAGES, Library

__all__ = ["STAGES", "Library"]
