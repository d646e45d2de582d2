"""The library facade: one folder with the catalog (SQLite), media and vectors.

`Library` is the only object that writes `catalog.db`. Reads may happen from
any thread (each thread gets its own connection); writes hold the
cross-process writer lock for a short commit. Its methods come from one module
per subject:

- `base`: folder, connection, lock, settings, audit
- `terms`: glossary, people, identity
- `sessions`: sessions, stages, markers, transcripts, statuses
- `steps`: reading steps; `edits`: writing them (reviews, statuses, keyframes)
- `vectors`: keeping the vector store consistent; `commit`: committing and deleting sessions
- `erase`: compaction after a delete
- `documents`: sheet revisions and prints, retirement dates
"""

from __future__ import annotations

from indexing.library.base import CATALOG, MEDIA, VECTORS
from indexing.library.commit import CommitMixin, Committed, link_or_copy
from indexing.library.documents import DocumentsMixin
from indexing.library.rows import loads as _loads
from indexing.library.rows import now
from indexing.library.sessions import STAGES


class Library(CommitMixin, DocumentsMixin):
    """A knowledge library folder.

    Args:
        root: The library folder.
        create: Create the folder and catalog when missing.
        overrides: Setting values that win over the environment and the catalog.

    Raises:
        LibraryError: The folder cannot be created or is not a library.
    """


__all__ = ["CATALOG", "MEDIA", "STAGES", "VECTORS", "Committed", "Library", "_loads", "link_or_copy", "now"]
