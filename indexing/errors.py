"""The core's own exception tree.

The command line and the app catch `IndexingError` at their edge and show its
message as one line; anything else is a bug and is logged with its traceback.
"""

from __future__ import annotations


class IndexingError(Exception):
    """Base of every error the core raises on purpose. Its message is user-facing."""


class LibraryError(IndexingError):
    """The library folder cannot be opened, created or read."""


class LibraryBusyError(LibraryError):
    """Another process is writing to the library."""


class SettingError(IndexingError):
    """A setting has an unknown name or a value of the wrong type."""


class MediaError(IndexingError):
    """A file is not usable media: not media, empty, truncated, no audio track."""


class NoSpeechError(MediaError):
    """The recording holds no speech (silence or machine noise only)."""


class TranscriptionError(IndexingError):
    """Speech recognition failed or its model could not be loaded."""


class EmbeddingError(IndexingError):
    """The embedding model could not be loaded or run."""


class StoreError(IndexingError):
    """The vector store cannot be reached or is inconsistent."""


class NotFoundError(IndexingError):
    """An unknown session or step id."""


class CancelledError(IndexingError):
    """The user cancelled a long-running operation."""


class ExportError(IndexingError):
    """An export or a bundle could not be written or read."""
