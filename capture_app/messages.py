"""The one channel for user-facing messages.

Code anywhere (any thread) calls `messages.error/warning/info(text)`. This
module alone turns them into dialogs or status-bar text: errors and warnings
open a non-blocking message box, information goes to the status bar. With
`KNOWHOW_NO_DIALOGS=1` (tests, CI) nothing opens: messages are logged and
shown in the status bar only. Only this module creates QMessageBoxes.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from dataclasses import dataclass
from typing import Any

from capture_app.i18n import translate

log = logging.getLogger(__name__)

ENV_NO_DIALOGS = "KNOWHOW_NO_DIALOGS"
LEVELS = ("error", "warning", "info")


@dataclass(frozen=True)
class Message:
    """One message as the user saw it."""

    level: str
    text: str


_history: deque[Message] = deque(maxlen=200)
_history_lock = threading.Lock()
_bridge: Any = None  # the _Bridge QObject living in the GUI thread, once `install` ran


def dialogs_enabled() -> bool:
    """Whether messages open dialogs (False when KNOWHOW_NO_DIALOGS is set)."""
    return os.environ.get(ENV_NO_DIALOGS, "").strip().lower() not in ("1", "true", "yes", "on")


def history() -> list[Message]:
    """Messages posted so far (newest last), e.g. for tests and the log view."""
    with _history_lock:
        return list(_history)


def clear_history() -> None:
    with _history_lock:
        _history.clear()


def _post(level: str, text: str) -> None:
    text = str(text).strip() or translate("messages", "(no details)")
    with _history_lock:
        _history.append(Message(level, text))
    {"error": log.error, "warning": log.warning, "info": log.info}[level]("%s", text)
    if _bridge is not None:
        # A queued signal: safe from any thread, delivered in the GUI thread.
        _bridge.posted.emit(level, text)


def error(text: str) -> None:
    """Tell the user something failed."""
    _post("error", text)


def warning(text: str) -> None:
    """Tell the user something needs attention."""
    _post("warning", text)


def info(text: str) -> None:
    """Tell the user something finished or changed (status bar)."""
    _post("info", text)


def install(window: Any) -> None:
    """Route messages to `window` (a QMainWindow): status bar and, if enabled, dialogs.

    Call once from the GUI thread after the window exists.
    """
    global _bridge
    from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
    from PySide6.QtWidgets import QMessageBox

    class _Bridge(QObject):
        posted = Signal(str, str)

        def __init__(self) -> None:
            super().__init__()
            self.window = window
            self.boxes: list[QMessageBox] = []
            self.posted.connect(self._on_posted, Qt.ConnectionType.QueuedConnection)

        @Slot(str, str)
        def _on_posted(self, level: str, text: str) -> None:
            win = self.window
            try:
                bar = win.statusBar()
            except RuntimeError:  # the window was deleted
                return
            bar.showMessage(("⚠ " if level != "info" else "") + text, 15000 if level == "info" else 0)
            if level == "info" or not dialogs_enabled():
                return
            icon = QMessageBox.Icon.Critical if level == "error" else QMessageBox.Icon.Warning
            box = QMessageBox(icon, QCoreApplication.translate("messages", "Know-how Capture"), text,
                              QMessageBox.StandardButton.Ok, win)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.finished.connect(lambda _r, b=box: self.boxes.remove(b) if b in self.boxes else None)
            self.boxes.append(box)
            box.open()

    if _bridge is not None:
        _bridge.window = window
        return
    _bridge = _Bridge()


def uninstall() -> None:
    """Stop routing messages to a window (they are still logged and kept in history)."""
    global _bridge
    if _bridge is not None:
        _bridge.deleteLater()
    _bridge = None
