"""One writer at a time per library, across processes.

SQLite's WAL lets readers and one writer share the catalog, but the vector
store and the media folder are not safe against two writers, so every write
path takes this advisory lock on `<library>/.writer.lock` first. A second
writer fails at once with a clear "library is busy" message instead of waiting
or corrupting anything. The lock dies with its process (kill -9 included).
"""

from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path
from types import TracebackType

from indexing.errors import LibraryBusyError


class WriterLock:
    """A re-entrant (per process) exclusive lock on a library."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._fd: int | None = None
        self._depth = 0
        self._mutex = threading.RLock()

    def acquire(self, what: str = "write") -> None:
        """Take the lock or raise `LibraryBusyError`."""
        self._mutex.acquire()
        try:
            if self._depth == 0:
                fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o644)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    holder = os.read(fd, 200).decode(errors="replace").strip()
                    os.close(fd)
                    detail = f" ({holder})" if holder else ""
                    raise LibraryBusyError(
                        f"library is busy: another process is writing to {self._path.parent}{detail}; "
                        "try again when it has finished"
                    ) from None
                os.ftruncate(fd, 0)
                os.write(fd, f"pid {os.getpid()}: {what}".encode())
                self._fd = fd
            self._depth += 1
        except BaseException:
            self._mutex.release()
            raise

    def release(self) -> None:
        try:
            self._depth -= 1
            if self._depth == 0 and self._fd is not None:
                os.ftruncate(self._fd, 0)
                fcntl.flock(self._fd, fcntl.LOCK_UN)
                os.close(self._fd)
                self._fd = None
        finally:
            self._mutex.release()

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
