"""A banner offering recordings that were cut off or never imported (no dialog, touch-sized).

The banner shows one recording at a time ("2 unfinished recording(s) found:
Die change, 3:05") with "Recover" (interrupted recordings) or "Import" (finished
but never ingested) and "Discard". Discarding takes a second tap within a few
seconds instead of a confirmation dialog. The banner only emits what the user
chose; the main window does the work.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from capture_app.i18n import QT_TRANSLATE_NOOP
from capture_app.widgets.common import TARGET_PX, fmt_time, set_role

if TYPE_CHECKING:
    from capture_app.recording.recovery import Recovered

log = logging.getLogger(__name__)

CONFIRM_MS = 4000
"""How long "Tap again to discard" waits for the second tap."""

DISCARD_TEXT = QT_TRANSLATE_NOOP("RecoveryBanner", "Discard")
CONFIRM_TEXT = QT_TRANSLATE_NOOP("RecoveryBanner", "Tap again to discard")


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecoveryBanner", text)


class RecoveryBanner(QFrame):
    """Offers unfinished recordings one at a time; hidden when there are none.

    Signals:
        recover_requested(Recovered): "Recover" on an interrupted recording.
        import_requested(Recovered): "Import" on a finished recording that was never ingested.
        discard_requested(Recovered): "Discard", tapped twice.
    """

    recover_requested = Signal(object)
    import_requested = Signal(object)
    discard_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryBanner")
        self.setStyleSheet("#recoveryBanner { background: #fff4d6; border: 2px solid #d89614;"
                           " border-radius: 8px; }")
        self.items: list[Recovered] = []
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.action_button = set_role(QPushButton(self.tr("Recover")), "primary")
        self.discard_button = QPushButton(_tr(DISCARD_TEXT))
        for button in (self.action_button, self.discard_button):
            button.setMinimumHeight(TARGET_PX)
            button.setMinimumWidth(2 * TARGET_PX)
        self.action_button.clicked.connect(self._on_action_clicked)
        self.discard_button.clicked.connect(self._on_discard_clicked)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 6, 12, 6)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.action_button)
        lay.addWidget(self.discard_button)
        self._confirm = QTimer(self)
        self._confirm.setObjectName("recovery-banner-confirm")
        self._confirm.setSingleShot(True)
        self._confirm.setInterval(CONFIRM_MS)
        self._confirm.timeout.connect(self._disarm)
        self._armed = False
        self._busy = False
        self._suspended = False
        self.hide()

    # -- API ------------------------------------------------------------------
    def set_items(self, items: list[Recovered]) -> None:
        """Offer these recordings (replacing any on offer); hide when empty."""
        self.items = list(items)
        self._busy = False
        self._refresh()

    def current(self) -> Recovered | None:
        """The recording the buttons act on."""
        return self.items[0] if self.items else None

    def remove(self, rec: Recovered) -> None:
        """Stop offering a recording (recovered, imported or discarded)."""
        self.items = [r for r in self.items if r.folder != rec.folder]
        self._busy = False
        self._refresh()

    def set_busy(self, busy: bool, text: str = "") -> None:
        """Disable the buttons while the main window works on the current recording."""
        self._busy = busy
        self._refresh()
        if busy and text:
            self.label.setText(text)

    def set_suspended(self, suspended: bool) -> None:
        """Stay out of the way while a take is being recorded (its line and buttons cost the Record
        view the height it needs on a 1280x800 tablet); offer the recordings again afterwards."""
        if suspended != self._suspended:
            self._suspended = suspended
            self._refresh()

    @property
    def armed(self) -> bool:
        """Whether the next tap on Discard discards."""
        return self._armed

    def stop(self) -> None:
        """Stop the confirmation timer (on close)."""
        self._disarm()

    def banner_text(self, items: list[Recovered]) -> str:
        """The banner's line for the recordings on offer (the first one is named)."""
        rec = items[0]
        # self.tr with a count: lupdate 6.11 marks only this form as plural (numerus), not
        # QCoreApplication.translate with a count.
        text = self.tr("%n unfinished recording(s) found: {title}, {duration}", "", len(items)).format(
            title=rec.title, duration=fmt_time(rec.duration))
        if rec.kind == "not_ingested":
            text += self.tr(" (saved, not imported yet)")
        return text

    # -- internals ------------------------------------------------------------
    def _refresh(self) -> None:
        self._disarm()
        rec = self.current()
        if rec is None or self._suspended:
            self.hide()
            return
        self.label.setText(self.banner_text(self.items))
        self.action_button.setText(self.tr("Import") if rec.kind == "not_ingested" else self.tr("Recover"))
        self.action_button.setEnabled(not self._busy)
        self.discard_button.setEnabled(not self._busy)
        self.show()

    def _on_action_clicked(self) -> None:
        rec = self.current()
        if rec is None or self._busy:
            return
        self._disarm()
        if rec.kind == "not_ingested":
            self.import_requested.emit(rec)
        else:
            self.recover_requested.emit(rec)

    def _on_discard_clicked(self) -> None:
        rec = self.current()
        if rec is None or self._busy:
            return
        if not self._armed:
            self._armed = True
            self.discard_button.setText(_tr(CONFIRM_TEXT))
            self._restyle(self.discard_button, "danger")
            self._confirm.start()
            return
        self._disarm()
        self.discard_requested.emit(rec)

    def _disarm(self) -> None:
        self._confirm.stop()
        if self._armed:
            self._armed = False
            self.discard_button.setText(_tr(DISCARD_TEXT))
            self._restyle(self.discard_button, "")

    @staticmethod
    def _restyle(widget: QWidget, role: str) -> None:
        set_role(widget, role)
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self._disarm()  # another tab came to the front: the first tap no longer counts
        super().hideEvent(event)
