"""The session form shown before recording (Qt widget; the rest of this package is Qt-free).

Title, expert, workstation, line/process, language, the capture devices and
picture format, and the explicit consent checkbox. The last values are
remembered, and the devices per workstation, in `capture_app.prefs`.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QFrame, QLabel, QLineEdit

from capture_app.i18n import QT_TRANSLATE_NOOP
from capture_app.recording.sources import GENERATED, RESOLUTIONS
from capture_app.widgets.common import TARGET_PX, set_role

log = logging.getLogger(__name__)

LANGUAGES = ("en", "ko", "de", "es", "fr", "ja", "zh", "pt", "pl", "tr")
FIELDS = (
    ("title", QT_TRANSLATE_NOOP("SessionForm", "Title"), QT_TRANSLATE_NOOP("SessionForm", "e.g. Die change, press 4")),
    ("expert", QT_TRANSLATE_NOOP("SessionForm", "Expert"), QT_TRANSLATE_NOOP("SessionForm", "Name of the person recording")),
    ("workstation", QT_TRANSLATE_NOOP("SessionForm", "Workstation"), QT_TRANSLATE_NOOP("SessionForm", "e.g. P4")),
    ("process", QT_TRANSLATE_NOOP("SessionForm", "Line / process"), QT_TRANSLATE_NOOP("SessionForm", "e.g. Stamping line 2")),
)


class SessionForm(QFrame):
    """The form of one recording session.

    Args:
        source_spec: The view's capture source (None = camera), to label the device boxes.
        parent: Parent widget.

    Signals:
        devices_changed(): the camera, microphone or picture format was changed by the user.
    """

    devices_changed = Signal()

    def __init__(self, source_spec: str | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.source_spec = source_spec
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(set_role(QLabel(self.tr("New recording")), "heading"))
        self.fields: dict[str, QLineEdit] = {}
        for key, label, hint in FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr(hint))
            self.fields[key] = edit
            form.addRow(self.tr(label), edit)
        self.fields["workstation"].editingFinished.connect(self._on_workstation_changed)
        self.language = QComboBox()
        self.language.setEditable(True)
        self.language.addItems(LANGUAGES)
        form.addRow(self.tr("Language"), self.language)
        self.camera_box, self.mic_box, self.format_box = QComboBox(), QComboBox(), QComboBox()
        self.format_box.addItems(list(RESOLUTIONS))
        form.addRow(self.tr("Camera"), self.camera_box)
        form.addRow(self.tr("Microphone"), self.mic_box)
        form.addRow(self.tr("Picture"), self.format_box)
        self.format_box.activated.connect(self._on_devices_activated)
        self.camera_box.activated.connect(self._on_devices_activated)
        self.mic_box.activated.connect(self._on_devices_activated)
        self.consent = QCheckBox(self.tr("The expert agrees to be recorded"))
        self.consent.setStyleSheet("QCheckBox { font-weight: bold; spacing: 12px; }"
                                   " QCheckBox::indicator { width: 36px; height: 36px; }")
        form.addRow(self.consent)
        hint = set_role(QLabel(self.tr("Recording cannot start without consent.")), "hint")
        hint.setWordWrap(True)
        form.addRow(hint)
        # touch targets even without the app's style sheet (gloves: nothing smaller than 48 px)
        for w in (*self.fields.values(), self.language, self.camera_box, self.mic_box, self.format_box,
                  self.consent):
            w.setMinimumHeight(TARGET_PX)
        self.setMaximumWidth(420)
        self._prefs = self._load_prefs()
        self.restore()

    # -- values -----------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The form as entered: the five text fields and consent (bool)."""
        values: dict[str, Any] = {k: e.text().strip() for k, e in self.fields.items()}
        values["language"] = self.language.currentText().strip()
        values["consent"] = self.consent.isChecked()
        return values

    def device_choice(self) -> dict[str, str]:
        """The chosen camera id, microphone id and picture format."""
        return {"camera": str(self.camera_box.currentData() or ""),
                "microphone": str(self.mic_box.currentData() or ""),
                "format": self.format_box.currentText()}

    def camera_id(self) -> str | None:
        return self.camera_box.currentData() or None

    def microphone_id(self) -> str | None:
        return self.mic_box.currentData() or None

    def set_editable(self, editable: bool) -> None:
        """Lock the form while recording."""
        for w in (*self.fields.values(), self.language, self.consent, self.format_box):
            w.setEnabled(editable)
        for box in (self.camera_box, self.mic_box):  # a choice only when real devices were found
            box.setEnabled(editable and box.currentData() is not None)

    # -- devices ------------------------------------------------------------------------------
    def fill_devices(self) -> None:
        """List the cameras and microphones Qt finds (none for a file or generated source)."""
        self.camera_box.clear()
        self.mic_box.clear()
        cameras: list[tuple[str, str]] = []
        mics: list[tuple[str, str]] = []
        if self.source_spec is None:
            from capture_app.recording.camera import list_cameras, list_microphones

            cameras, mics = list_cameras(), list_microphones()
        for box, devices in ((self.camera_box, cameras), (self.mic_box, mics)):
            for device_id, name in devices:
                box.addItem(name, device_id)
        if not cameras:
            self.camera_box.addItem(self.tr("No camera: generated source")
                                    if self.source_spec in (None, GENERATED) else self.tr("Media file as camera"))
        if not mics:
            self.mic_box.addItem(self.tr("Sound of the source"))
        self._on_workstation_changed()

    # -- preferences ----------------------------------------------------------------------------
    def _load_prefs(self) -> Any:
        try:
            from capture_app.prefs import Prefs
        except ImportError:
            return None
        return Prefs()

    def restore(self) -> None:
        """Fill in the last values used (consent is never remembered).

        The narration language defaults to the app's language: a Korean app records Korean.
        """
        from capture_app.i18n import current_language

        self.language.setCurrentText(current_language())
        if self._prefs is None:
            return
        values = self._prefs.form_values()
        for key, edit in self.fields.items():
            edit.setText(values.get(key, ""))
        if values.get("language"):
            self.language.setCurrentText(values["language"])
        self._on_workstation_changed()

    def remember(self) -> None:
        """Store these values, and the devices for this workstation, for next time."""
        if self._prefs is None:
            return
        values = self.values()
        self._prefs.set_form_values(values)
        if values["workstation"]:
            self._prefs.set_devices_for(values["workstation"], self.device_choice())

    def _on_workstation_changed(self) -> None:
        if self._prefs is None:
            return
        chosen = self._prefs.devices_for(self.fields["workstation"].text().strip())
        if chosen.get("format") in RESOLUTIONS:
            self.format_box.setCurrentText(chosen["format"])
        for box, key in ((self.camera_box, "camera"), (self.mic_box, "microphone")):
            index = box.findData(chosen.get(key))
            if index >= 0:
                box.setCurrentIndex(index)

    def _on_devices_activated(self, _index: int) -> None:
        self.devices_changed.emit()
