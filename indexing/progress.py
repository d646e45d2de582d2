"""Progress reporting and cancellation for slow work.

Slow functions in the core take an optional `progress` callback and an
optional `cancel` token. The command line draws a bar from the callback; the
app forwards it from a worker thread as a Qt signal. Neither the callback nor
the token knows about the other's world.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from indexing.errors import CancelledError


@dataclass(frozen=True)
class Progress:
    """One progress report.

    Attributes:
        stage: Pipeline stage name ("probe", "transcribe", …).
        fraction: 0..1 within the stage.
        message: Short human-readable detail.
    """

    stage: str
    fraction: float
    message: str = ""


ProgressCallback = Callable[[Progress], None]


class CancelToken:
    """A thread-safe stop flag checked by long-running loops."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise `CancelledError` when cancellation was requested."""
        if self._event.is_set():
            raise CancelledError("cancelled by the user")


def report(progress: ProgressCallback | None, stage: str, fraction: float, message: str = "") -> None:
    """Call `progress` if given, clamping the fraction into 0..1."""
    if progress is not None:
        progress(Progress(stage, max(0.0, min(1.0, fraction)), message))


def check(cancel: CancelToken | None) -> None:
    """Raise `CancelledError` if `cancel` is set."""
    if cancel is not None:
        cancel.check()
