"""Errors of work-instruction sheets and coverage (user-facing, one line)."""

from __future__ import annotations

from indexing.errors import IndexingError


class DocumentError(IndexingError):
    """A sheet or a coverage report cannot be made or written (bad format, path, CSV)."""


class FontError(DocumentError):
    """No font with Hangul glyphs is installed."""
