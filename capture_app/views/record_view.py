"""Record view: the expert's screen at the workstation (tablet, gloves, noise).

The form, the live preview with its sound meter, start/pause/stop and the three
big marker buttons (their look and the small helpers are in record_parts.py). All capture and encoding run in the recorder's threads; this
widget only polls the recorder a few times a second to refresh the preview, the
clock and the disk indicator. Stopping finishes the file in a background thread
and then emits `session_recorded(media_path, session_dict)` for the ingest queue.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from capture_app.recording.form_widget import SessionForm
from capture_app.recording.session import Recorder, RecordingError, RecordingResult
from capture_app.recording.sources import (
    DEFAULT_RESOLUTION,
    GENERATED,
    CaptureError,
    CaptureSource,
    open_source,
)
from capture_app.views.record_parts import (
    MARKER_BUTTONS,
    NOTE_HIDE_MS,
    frame_pixmap,
    marker_button,
    marker_label,
    notify,
    style_controls,
)
from capture_app.views.record_watch import RecordingWatch
from capture_app.widgets.common import TARGET_PX, fmt_time, set_role
from capture_app.widgets.recovery_banner import RecoveryBanner
from indexing.models import Marker

log = logging.getLogger(__name__)

class RecordView(QWidget):
    """Record a session with markers.

    Args:
        library: The `Library` (or its folder) recordings are written into.
        source: None for the camera (falling back to the generated source when there
            is none), "generated", or the path of a media file played as a camera.
        parent: Parent widget.

    Signals:
        session_recorded(str, object): after stop: the media path and the dict
            {"title","expert","workstation","process","language","consent","markers"}.
    """

    session_recorded = Signal(str, object)
    _stopped = Signal(object)  # RecordingResult or an exception, from the stop thread

    def __init__(self, library: Any, source: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # a Library, or its folder (careful: a Path has a `.root` too, which is "/")
        self.library_root = Path(library) if isinstance(library, (str, os.PathLike)) else Path(library.root)
        self.source_spec = source
        self.recorder: Recorder | None = None
        self._stop_thread: threading.Thread | None = None
        self._last_frame: np.ndarray | None = None
        self._last_marker: tuple[int, Marker] | None = None
        self._ticks = 0
        self._build()
        self._watch = RecordingWatch(self.disk_label, self._on_stop_clicked)
        self._timer = QTimer(self)
        self._timer.setInterval(66)
        self._timer.timeout.connect(self._on_tick)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_HIDE_MS)
        self._note_timer.timeout.connect(self._on_note_timeout)
        self._stopped.connect(self._on_stopped)
        self._update_controls()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.form_panel = SessionForm(self.source_spec)
        self.fields, self.language, self.consent = self.form_panel.fields, self.form_panel.language, self.form_panel.consent
        self.consent.toggled.connect(self._update_controls)
        self.form_panel.devices_changed.connect(self._on_device_changed)

        self.preview = QLabel(self.tr("Starting camera…"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(320, 180)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setStyleSheet("background: #111; color: #ddd; border-radius: 8px;")
        self.level = QProgressBar()
        self.level.setRange(0, 60)
        self.level.setTextVisible(False)
        self.level.setFixedHeight(20)
        self.level.setToolTip(self.tr("Sound level"))
        self.source_label = set_role(QLabel(""), "hint")
        self.summary = QLabel("")
        self.summary.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.summary.hide()
        centre = QVBoxLayout()
        centre.addWidget(self.summary)
        centre.addWidget(self.preview, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Sound")))
        row.addWidget(self.level, 1)
        centre.addLayout(row)
        centre.addWidget(self.source_label)

        markers = QVBoxLayout()
        self.marker_buttons: dict[str, QPushButton] = {}
        for kind, label, keys, colour in MARKER_BUTTONS:
            button = marker_button(f"{self.tr(label)}\n[{keys[0]}]", colour)
            button.clicked.connect(lambda _=False, k=kind: self.add_marker(k))
            for key in keys:
                self._shortcut(key, lambda k=kind: self._on_marker_key(k))
            self.marker_buttons[kind] = button
            markers.addWidget(button)
        self._shortcut("Space", lambda: self._on_marker_key("step"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Optional note, then Enter"))
        self.note.returnPressed.connect(self._on_note_entered)
        self.note.hide()
        markers.addWidget(self.note)
        self.marker_list = QListWidget()
        self.marker_list.setMinimumHeight(88)  # three rows: with the note field the column fits 800 px
        self.marker_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.marker_list.setStyleSheet("font-size: 15pt;")
        markers.addWidget(self.marker_list, 1)
        self.undo_button = QPushButton(self.tr("Undo marker"))
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.undo_button.clicked.connect(self._on_undo_marker)
        markers.addWidget(self.undo_button)

        self.record_button = set_role(QPushButton(self.tr("● Start recording")), "danger")
        self.pause_button = QPushButton(self.tr("Pause"))
        self.stop_button = set_role(QPushButton(self.tr("■ Stop")), "primary")
        self.fullscreen_button = QPushButton(self.tr("Full screen"))
        style_controls(self.record_button, (self.pause_button, self.stop_button, self.fullscreen_button))
        self.record_button.clicked.connect(self._on_record_clicked)
        self.pause_button.clicked.connect(self._on_pause_clicked)
        self.stop_button.clicked.connect(self._on_stop_clicked)
        self.fullscreen_button.clicked.connect(self.toggle_fullscreen)
        self._shortcut("F11", self.toggle_fullscreen)
        self.elapsed = QLabel("0:00")
        self.elapsed.setStyleSheet("font-size: 28pt; font-weight: bold; font-family: monospace;")
        self.state_label = QLabel(self.tr("Ready"))
        self.state_label.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.disk_label = QLabel("")
        self.disk_label.setStyleSheet("font-size: 13pt;")
        bar = QHBoxLayout()
        for w in (self.record_button, self.pause_button, self.stop_button):
            bar.addWidget(w)
        bar.addSpacing(16)
        status = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.state_label)
        top.addWidget(self.elapsed)
        top.addStretch(1)
        status.addLayout(top)
        status.addWidget(self.disk_label)
        bar.addLayout(status, 1)
        bar.addWidget(self.fullscreen_button)

        # touch targets even without the app's style sheet (gloves: nothing smaller than 48 px)
        for w in (self.note, self.undo_button):
            w.setMinimumHeight(TARGET_PX)

        # The form scrolls rather than setting the view's height: with it, the view fits a
        # 1280x800 tablet (it is hidden while recording anyway).
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidget(self.form_panel)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_scroll.setMinimumWidth(self.form_panel.sizeHint().width() + 24)
        QScroller.grabGesture(self.form_scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        body = QHBoxLayout()
        body.addWidget(self.form_scroll)
        body.addLayout(centre, 1)
        body.addLayout(markers)
        root = QVBoxLayout(self)
        root.addLayout(body, 1)
        root.addLayout(bar)

    def _shortcut(self, key: str, slot: Any) -> QShortcut:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.activated.connect(slot)
        return shortcut

    def form_values(self) -> dict[str, Any]:
        """The session form as entered (consent included)."""
        return self.form_panel.values()

    # -- source ------------------------------------------------------------------------------
    def _open_source(self) -> CaptureSource:
        fmt = self.form_panel.format_box.currentText() or DEFAULT_RESOLUTION
        spec = self.source_spec
        try:
            return open_source(spec, resolution=fmt, camera_id=self.form_panel.camera_id(),
                               microphone_id=self.form_panel.microphone_id())
        except CaptureError as exc:
            fallback = open_source(GENERATED, resolution=fmt)
            what = self.tr("No camera found") if spec is None else str(exc)
            notify("warning" if spec is None else "error",
                     self.tr("{problem}: recording from the generated test source instead.").format(problem=what))
            return fallback

    def start_preview(self) -> None:
        """Open the capture source and show its live picture and sound level."""
        if self.recorder is not None and self.recorder.source.running:
            return
        if self.recorder is None or self.recorder.state == "idle":
            if self.form_panel.camera_box.count() == 0:
                self.form_panel.fill_devices()
            self.recorder = Recorder(self.library_root, self._open_source())
        self.recorder.attach()
        source = self.recorder.source
        self.source_label.setText(self.tr("Source: {name} · {width}×{height} @ {fps} fps").format(
            name=source.name, width=source.width, height=source.height, fps=f"{source.fps:g}"))
        self._timer.start()
        self._update_disk()
        self._update_controls()

    def preview_shown(self) -> bool:
        """The preview shows a picture from the source (not its "Starting camera…" text)."""
        pixmap = self.preview.pixmap()
        return pixmap is not None and not pixmap.isNull()

    def stop_preview(self) -> None:
        """Close the source (only when not recording)."""
        if self._recording:
            return
        self._timer.stop()
        if self.recorder is not None:
            self.recorder.source.stop()

    def shutdown(self) -> None:
        """Finish any recording and stop every timer and thread (window closing, tests)."""
        self._timer.stop()
        self._note_timer.stop()
        if self._stop_thread is not None:
            self._stop_thread.join(60)
        if self.recorder is not None:
            if self._recording:
                self._finish(self.recorder, emit=True)
            self.recorder.source.stop()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.start_preview()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        if not self.window().isMinimized():
            self.stop_preview()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)

    def _on_device_changed(self, *_args: Any) -> None:
        if self.recorder is None or self._recording:
            return
        running = self.recorder.source.running
        self.recorder.source.stop()
        self.recorder = None
        if running:
            self.start_preview()

    # -- recording ---------------------------------------------------------------------------
    @property
    def _recording(self) -> bool:
        return self.recorder is not None and self.recorder.state in ("recording", "paused", "stopping")

    def _on_record_clicked(self) -> None:
        values = self.form_values()
        if not values["consent"]:
            notify("warning", self.tr("Tick the consent box first: the expert must agree to be recorded."))
            return
        self.start_preview()
        assert self.recorder is not None
        try:
            self.recorder.start(values)
        except RecordingError as exc:
            notify("error", str(exc))
            return
        self.form_panel.remember()
        self.marker_list.clear()
        self._last_marker = None
        self._watch.new_recording()
        self._update_controls()

    def _on_pause_clicked(self) -> None:
        if self.recorder is None:
            return
        if self.recorder.state == "recording":
            self.recorder.pause()
        elif self.recorder.state == "paused":
            self.recorder.resume()
        self._update_controls()

    def _on_stop_clicked(self) -> None:
        recorder = self.recorder
        if recorder is None or recorder.state not in ("recording", "paused"):
            return
        self._hide_note()
        self.state_label.setText(self.tr("Saving…"))
        self._stop_thread = threading.Thread(target=self._finish, args=(recorder, False),
                                             name="recording-stop", daemon=True)
        self._stop_thread.start()
        self._update_controls()

    def _finish(self, recorder: Recorder, emit: bool) -> None:
        try:
            result: Any = recorder.stop()
        except RecordingError as exc:
            result = exc
        if emit:
            self._on_stopped(result)
        else:
            self._stopped.emit(result)

    def _on_stopped(self, result: Any) -> None:
        self._stop_thread = None
        self._update_controls()
        if isinstance(result, BaseException):
            notify("error", self.tr("The recording could not be finished: {error}").format(error=result))
            return
        assert isinstance(result, RecordingResult)
        self.state_label.setText(self.tr("Saved"))
        notify("info", self.tr("Recording saved ({duration}, %n marker(s)); queued for processing.", "",
                                 len(result.meta["markers"])).format(duration=fmt_time(result.duration)))
        self.session_recorded.emit(os.fspath(result.media_path), result.meta)

    # -- markers -----------------------------------------------------------------------------
    def add_marker(self, kind: str) -> Marker | None:
        """Store a marker of `kind` at the current media time (while recording or paused)."""
        if self.recorder is None or self.recorder.state not in ("recording", "paused"):
            return None
        try:
            marker_id, marker = self.recorder.mark(kind)
        except RecordingError as exc:
            notify("error", str(exc))
            return None
        self._last_marker = (marker_id, marker)
        label = marker_label(kind)
        self.marker_list.insertItem(0, f"{fmt_time(marker.t)}  {label}")
        self.note.clear()
        self.note.setPlaceholderText(self.tr("Note for {marker} {time}…").format(marker=label,
                                                                                 time=fmt_time(marker.t)))
        self.note.show()
        self._note_timer.start()
        self._update_controls()
        return marker

    def _on_marker_key(self, kind: str) -> None:
        if self.isVisible():
            self.add_marker(kind)

    def _on_note_entered(self) -> None:
        text = self.note.text().strip()
        if text and self._last_marker is not None and self.recorder is not None:
            marker_id, marker = self._last_marker
            try:
                updated = self.recorder.set_note(marker_id, marker, text)
            except RecordingError as exc:
                notify("error", str(exc))
            else:
                self._last_marker = (marker_id, updated)
                item = self.marker_list.item(0)
                if item is not None:
                    item.setText(f"{item.text()}: {text}")
        self._hide_note()

    def _on_note_timeout(self) -> None:
        if not self.note.hasFocus() and not self.note.text().strip():
            self._hide_note()
        elif self.note.isVisible():
            self._note_timer.start()

    def _hide_note(self) -> None:
        self._note_timer.stop()
        self.note.clear()
        self.note.hide()

    def _on_undo_marker(self) -> None:
        if self._last_marker is None or self.recorder is None:
            return
        try:
            self.recorder.remove_marker(self._last_marker[0])
        except RecordingError as exc:
            notify("error", str(exc))
            return
        self._last_marker = None
        self.marker_list.takeItem(0)
        self._hide_note()
        self._update_controls()

    # -- display -----------------------------------------------------------------------------
    def toggle_fullscreen(self) -> None:
        """Recording mode: hide the form and fill the screen (again to go back)."""
        window = self.window()
        if window.isFullScreen():
            window.showNormal()
            self.form_scroll.setVisible(not self._recording)
            self.fullscreen_button.setText(self.tr("Full screen"))
        else:
            self.form_scroll.hide()
            window.showFullScreen()
            self.fullscreen_button.setText(self.tr("Exit full screen"))

    def _update_controls(self) -> None:
        state = self.recorder.state if self.recorder else "idle"
        active = state in ("recording", "paused")
        self.record_button.setEnabled(state == "idle" and self.consent.isChecked() and self._stop_thread is None)
        # one big obvious action at a time: Start when idle, Pause/Stop while recording
        self.record_button.setVisible(state == "idle")
        self.pause_button.setVisible(state != "idle")
        self.stop_button.setVisible(state != "idle")
        if not self.window().isFullScreen():
            self.form_scroll.setVisible(state == "idle")
        for banner in self.findChildren(RecoveryBanner):  # the main window puts it at the top of this view
            banner.set_suspended(state != "idle")
        values = self.form_values()
        self.summary.setText(" · ".join(v for v in (values["title"], values["expert"], values["workstation"]) if v))
        self.summary.setVisible(state != "idle")
        self.pause_button.setEnabled(active)
        self.pause_button.setText(self.tr("Resume") if state == "paused" else self.tr("Pause"))
        self.stop_button.setEnabled(active)
        for button in self.marker_buttons.values():
            button.setEnabled(active)
        self.undo_button.setEnabled(active and self._last_marker is not None)
        self.form_panel.set_editable(state == "idle")
        text, colour = {"recording": (self.tr("● REC"), "#c23b3b"), "paused": (self.tr("❚❚ Paused"), "#d0661a"),
                        "stopping": (self.tr("Saving…"), "#1f5fbf")}.get(state, (self.tr("Ready"), "#2e9d57"))
        self.state_label.setText(text)
        self.state_label.setStyleSheet(f"font-size: 16pt; font-weight: bold; color: {colour};")

    def _on_tick(self) -> None:
        recorder = self.recorder
        if recorder is None:
            return
        frame = recorder.latest_frame
        if frame is not None and frame is not self._last_frame:
            self._last_frame = frame
            self._show_frame(frame)
        level = recorder.audio_level
        db = 20 * np.log10(max(level, 1e-6))
        self.level.setValue(int(max(0.0, min(60.0, db + 60))))
        if recorder.state in ("recording", "paused"):
            self.elapsed.setText(fmt_time(recorder.media_time()))
        self._ticks += 1
        if self._ticks % 30 == 0:
            self._update_disk()
            self._watch.check_sound(recorder)
        error = getattr(recorder.source, "error", None)
        if error is not None:
            recorder.source.error = None  # type: ignore[attr-defined]
            notify("error", self.tr("The capture source stopped: {error}").format(error=error))
            if recorder.state in ("recording", "paused"):
                self._on_stop_clicked()

    def _show_frame(self, frame: np.ndarray) -> None:
        self.preview.setPixmap(frame_pixmap(frame, self.preview.size()))

    def _update_disk(self) -> None:
        if self.recorder is not None:
            self._watch.check_disk(self.recorder)
