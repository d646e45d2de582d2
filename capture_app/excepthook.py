"""Unexpected errors are logged and shown, never silently lost.

`install()` sets `sys.excepthook` and `threading.excepthook` once at start-up.
Errors the core raises on purpose (`IndexingError`) are shown as their own
one-line message; anything else is a bug: its traceback goes to the log file
and the user sees a short message saying where.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from capture_app import messages
from capture_app.i18n import translate

log = logging.getLogger(__name__)

_installed = False


def describe(exc: BaseException) -> str:
    """The one line a user sees for an exception."""
    from indexing.errors import IndexingError

    if isinstance(exc, IndexingError):
        return str(exc)
    from indexing import paths

    return translate("excepthook", "Unexpected error ({kind}: {error}). "
                     "Details were written to the log in {folder}.").format(
        kind=type(exc).__name__, error=exc, folder=paths.log_dir())


def _handle(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.error("unhandled exception", exc_info=(exc_type, exc, tb))
    messages.error(describe(exc))


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None:
        return
    _handle(args.exc_type, args.exc_value, args.exc_traceback)


def install() -> None:
    """Install both hooks (idempotent)."""
    global _installed
    if _installed:
        return
    sys.excepthook = _handle
    threading.excepthook = _thread_hook
    _installed = True
