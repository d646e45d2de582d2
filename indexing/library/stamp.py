"""Per-connection caches of catalog reads that stay valid until any catalog row changes.

Search reads a few things that almost never change (the sessions' languages) on every query; at
100,000 steps such a scan costs milliseconds. `catalog_stamp` changes whenever any row of the
catalog changes, through this connection (`total_changes`, which counts trigger changes too) or
another one (`PRAGMA data_version`), so a value cached with it is never stale. Caches are kept
per connection object (weakly: a closed library's entries go with its connection).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from indexing.library.base import CatalogBase as Library

T = TypeVar("T")

_CACHES: weakref.WeakKeyDictionary[Any, dict[str, tuple[tuple[int, int], Any]]] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def catalog_stamp(library: Library) -> tuple[int, int]:
    """A value that differs after any committed or pending change to the catalog (this thread's connection)."""
    conn = library.db.conn
    return (int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes)


def cached_read(library: Library, name: str, read: Callable[[], T]) -> T:
    """`read()`, computed once per connection and kept until the catalog changes.

    Args:
        library: The library (its current thread's connection keys the cache).
        name: What is cached (one entry per name).
        read: Reads the value from the catalog; its result must not be mutated by callers.
    """
    db = library.db
    stamp = catalog_stamp(library)
    with _LOCK:
        entries = _CACHES.setdefault(db, {})
        hit = entries.get(name)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    value = read()
    with _LOCK:
        entries[name] = (stamp, value)
    return value
