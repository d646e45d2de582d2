"""The reviewer's name: recorded with each approval and printed on sheets ("approved by")."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

log = logging.getLogger(__name__)



class ReviewerField(QLineEdit):
    """A name field that sets `library.actor` and is remembered per computer.

    Empty means the login name (`indexing.library.base.default_actor`), shown as
    the placeholder.
    """

    def __init__(self, library: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setMaximumWidth(220)
        self.setToolTip(QCoreApplication.translate(
            "ReviewView", "Your name, recorded with each approval and printed on sheets"))
        self.editingFinished.connect(self._on_changed)
        self._restore()

    def _restore(self) -> None:
        from indexing.library.base import default_actor

        login = default_actor()
        self.setPlaceholderText(login or QCoreApplication.translate("ReviewView", "your name"))
        try:
            from capture_app.prefs import Prefs

            name = str(Prefs().setting("reviewer")).strip()
        except Exception as exc:  # noqa: BLE001 - unreadable preferences: the login name stands
            log.warning("cannot read the reviewer name: %s", exc)
            name = ""
        self.setText(name)
        self.library.actor = name or login

    def _on_changed(self) -> None:
        """Approvals from now on are recorded under the typed name (remembered for next time)."""
        from indexing.library.base import default_actor

        name = self.text().strip()
        self.library.actor = name or default_actor()
        try:
            from capture_app.prefs import Prefs

            Prefs().set("reviewer", name)
        except OSError as exc:
            log.warning("cannot remember the reviewer name: %s", exc)
