"""One writer at a time per library, across processes, held only for short commits.

SQLite's WAL lets readers and one writer share the catalog, but the vector
store and the media folder are not safe against two writers, so every write
path takes this advisory lock on `<library>/.writer.lock` first. Writers hold
it for a commit (milliseconds to seconds: computing happens before), so a
second writer waits its turn, up to `wait` seconds, and only then fails with
a clear "library is busy" message. The lock dies with its process (kill -9
included).
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from pathlib import Path
from types import TracebackType

from indexing.errors import LibraryBusyError

DEFAULT_WAIT = 30.0
_POLL = 0.02


class WriterLock:
    """A re-entrant (per process) exclusive lock on a library, with a bounded wait.

    Args:
        path: The lock file.
        wait: Seconds `acquire` waits for another holder before raising.

    Attributes:
        held_s: Total seconds this process held the lock (outermost holds), for benchmarks.
        waited_s: Total seconds this process waited for it.
    """

    def __init__(self, path: Path, wait: float = DEFAULT_WAIT) -> None:
        self._path = path
        self.wait = wait
        self._fd: int | None = None
        self._depth = 0
        self._mutex = threading.RLock()
        self._since = 0.0
        self.held_s = 0.0
        self.waited_s = 0.0

    def _busy(self, fd: int | None) -> LibraryBusyError:
        holder = ""
        if fd is not None:
            try:
                holder = os.pread(fd, 200, 0).decode(errors="replace").strip()
            except OSError:
                holder = ""
        detail = f" ({holder})" if holder else ""
        return LibraryBusyError(
            f"library is busy: another writer has held {self._path.parent} for over "
            f"{self.wait:g} s{detail}; try again when it has finished"
        )

    def acquire(self, what: str = "write", wait: float | None = None) -> None:
        """Take the lock, waiting up to `wait` (default `self.wait`) seconds.

        Raises:
            LibraryBusyError: Another process or thread kept it longer than the wait.
        """
        budget = self.wait if wait is None else wait
        start = time.monotonic()
        if not self._mutex.acquire(timeout=max(budget, 0.0)):
            raise self._busy(None)
        try:
            if self._depth == 0:
                fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o644)
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() - start >= budget:
                            err = self._busy(fd)
                            os.close(fd)
                            raise err from None
                        time.sleep(_POLL)
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"pid {os.getpid()}: {what}".encode(), 0)
                self._fd = fd
                self._since = time.monotonic()
                self.waited_s += self._since - start
            self._depth += 1
        except BaseException:
            self._mutex.release()
            raise

    def release(self) -> None:
        try:
            self._depth -= 1
            if self._depth == 0 and self._fd is not None:
                self.held_s += time.monotonic() - self._since
                os.ftruncate(self._fd, 0)
                fcntl.flock(self._fd, fcntl.LOCK_UN)
                os.close(self._fd)
                self._fd = None
        finally:
            self._mutex.release()

    @property
    def held(self) -> bool:
        """Whether this process holds the lock now."""
        return self._depth > 0

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
