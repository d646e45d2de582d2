"""Export: a data team picks steps and writes an anonymized, verifiable training set.

The view only turns its controls into `indexing.export.ExportOptions` and runs
`indexing.export.export` (or `write_bundle`) plus `verify_export` in a worker
task. The preview of what will be exported is `select_steps` over the catalog,
a quick read.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from capture_app import messages, workers
from capture_app.i18n import QT_TRANSLATE_NOOP
from capture_app.views.export_parts import (
    ANY,
    BUNDLE_SUFFIX,
    DEFAULT_FORMATS,
    FILTER_ANY,
    FORMAT_LABELS,
    LOCAL_STYLE,
    MEDIA_LABELS,
    RATIOS,
    SPLIT_NAMES,
    STATUSES,
    check_box,
    checked_key,
    fill_box,
    group_box,
    radio_group,
    scrolling,
    suggest_export_folder,
    tr_export,
    wrapped_label,
)
from capture_app.widgets.common import category_text, fmt_time, set_role
from indexing.errors import ExportError
from indexing.export.options import ExportOptions, ExportResult
from indexing.models import CATEGORIES
from indexing.progress import CancelToken

log = logging.getLogger(__name__)


class ExportView(QWidget):
    """Selection, formats, privacy, splits and destination of an export, with preview and result.

    Args:
        library: The open `indexing.library.Library`.
        parent: Parent widget.

    Signals:
        exported(result): An export finished (an `ExportResult`); `verify` holds its check.
        export_ended(outcome): "done", "failed" or "cancelled", once the worker stopped.
    """

    exported = Signal(object)
    export_ended = Signal(str)

    def __init__(self, library: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.task: workers.Task | None = None
        self.result: ExportResult | None = None
        self.verify: Any = None  # the `VerifyResult` of the last folder export
        self.preview: dict[str, Any] = {"steps": 0, "sessions": 0, "seconds": 0.0}
        self.setStyleSheet(LOCAL_STYLE)

        options = QWidget()
        grid = QGridLayout(options)
        grid.setContentsMargins(0, 0, 8, 0)
        grid.addWidget(self._build_selection(), 0, 0, 1, 3)
        for col, box in enumerate((self._build_formats(), self._build_media(), self._build_privacy())):
            grid.addWidget(box, 1, col)
            grid.setColumnStretch(col, 1)
        grid.addWidget(self._build_split(), 2, 0, 1, 3)
        grid.setRowStretch(3, 1)
        side = QWidget()
        fill_box(QVBoxLayout(side), self._build_preview(), self._build_destination(), self._build_run(),
             self._build_result(), None).setContentsMargins(0, 0, 8, 0)
        self.side_scroll = scrolling(side)
        self.side_scroll.setFixedWidth(420)
        lay = QHBoxLayout(self)
        self.options_scroll = scrolling(options)
        lay.addWidget(self.options_scroll, 1)
        lay.addWidget(self.side_scroll)
        self.refresh()

    # -- building -------------------------------------------------------------
    def _build_selection(self) -> QGroupBox:
        self.status_buttons = radio_group(self, STATUSES, "approved")
        self.filter_boxes = {key: QComboBox() for key in ("workstation", "process", "expert", "category")}
        self.from_check, self.to_check = QCheckBox(self.tr("Recorded from")), QCheckBox(self.tr("to"))
        self.from_date, self.to_date = QDateEdit(), QDateEdit()
        g = QGridLayout()
        g.addLayout(fill_box(QHBoxLayout(), QLabel(self.tr("Status")), *self.status_buttons.values(), None),
                    0, 0, 1, 4)
        # Each list's first entry ("Any workstation", …) names it: no labels needed.
        for i, box in enumerate(self.filter_boxes.values()):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(6)
            box.currentIndexChanged.connect(self._on_selection_changed)
            g.addWidget(box, 1, i)
            g.setColumnStretch(i, 1)
        g.addLayout(fill_box(QHBoxLayout(), self.from_check, self.from_date, 16, self.to_check, self.to_date),
                    2, 0, 1, 4)
        for b in self.status_buttons.values():
            b.toggled.connect(self._on_selection_changed)
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self._on_selection_changed)
            check.toggled.connect(self._on_date_toggled)
        return group_box(self.tr("Which steps"), g)

    def _build_formats(self) -> QGroupBox:
        self.format_boxes = {key: check_box(label, key in DEFAULT_FORMATS) for key, label in FORMAT_LABELS}
        return group_box(self.tr("Formats"), fill_box(QVBoxLayout(), *self.format_boxes.values(),
                                               wrapped_label(self.tr("Plus a dataset card, a manifest, COIN and "
                                                              "CrossTask views."), "hint"), None))

    def _build_media(self) -> QGroupBox:
        self.media_buttons = radio_group(self, MEDIA_LABELS, "clips")
        self.licence_edit = QLineEdit()
        self.licence_edit.setPlaceholderText(self.tr("Licence (optional)"))
        return group_box(self.tr("Media"), fill_box(QVBoxLayout(), *self.media_buttons.values(), self.licence_edit, None))

    def _build_privacy(self) -> QGroupBox:
        self.anonymize_box = check_box(self.tr("Anonymize"), True)
        self.blur_box = check_box(self.tr("Blur faces"), True)
        self.drop_audio_box = check_box(self.tr("Drop audio"))
        hint = wrapped_label(self.tr("Pseudonyms for experts; names and confidential terms redacted."), "hint")
        return group_box(self.tr("Privacy"), fill_box(QVBoxLayout(), self.anonymize_box, hint, self.blur_box,
                                      self.drop_audio_box, None))

    def _build_split(self) -> QGroupBox:
        self.split_box = QComboBox()
        self.split_box.addItem(self.tr("By session"), "session")
        self.split_box.addItem(self.tr("By expert"), "expert")
        self.ratio_boxes: dict[str, QSpinBox] = {}
        for name, value in RATIOS:
            spin = self.ratio_boxes[name] = QSpinBox()
            spin.setRange(0, 100)
            spin.setPrefix(f"{tr_export(SPLIT_NAMES[name])} ")
            spin.setSuffix(" %")
            spin.setValue(value)
        self.split_grid = QGridLayout()
        self._split_rows = 0
        self._lay_out_split(rows=1)
        return group_box(self.tr("Splits (a session or an expert never straddles two)"), self.split_grid)

    def _lay_out_split(self, rows: int) -> None:
        """The split kind beside the three ratios (one row), or above them (two rows) where one row is
        wider than the options pane (English at 1280x800: "validation 10 %"); the pane never scrolls sideways."""
        if rows == self._split_rows:
            return
        self._split_rows = rows
        self.split_grid.addWidget(self.split_box, 0, 0)
        for i, spin in enumerate(self.ratio_boxes.values()):
            self.split_grid.addWidget(spin, rows - 1, i + (1 if rows == 1 else 0))
        for col in range(4):  # the ratios share the width; the kind keeps its own in one row
            self.split_grid.setColumnStretch(col, 1 if (col > 0 if rows == 1 else col < 3) else 0)

    def _fit_split(self) -> None:
        """Choose the split layout that fits the options pane's width."""
        area, options = self.options_scroll, self.options_scroll.widget()
        if options is None:
            return
        self._lay_out_split(rows=1)
        need = options.minimumSizeHint()
        bar = area.verticalScrollBar().sizeHint().width() if options.sizeHint().height() > area.height() else 0
        if need.width() > area.width() - bar:
            self._lay_out_split(rows=2)

    def _build_preview(self) -> QFrame:
        frame = set_role(QFrame(), "panel")
        self.preview_label = wrapped_label()
        fill_box(QVBoxLayout(frame), wrapped_label(self.tr("Will be exported"), "heading"), self.preview_label)
        return frame

    def _build_destination(self) -> QGroupBox:
        self.dest_buttons = radio_group(self, (("folder", QT_TRANSLATE_NOOP("ExportView", "Folder")), ("bundle", QT_TRANSLATE_NOOP("ExportView", "Encrypted bundle"))),
                                    "folder")
        self.out_edit = QLineEdit()
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.overwrite_box = check_box(self.tr("Replace it if it exists"))
        self.key_buttons = radio_group(self, (("passphrase", QT_TRANSLATE_NOOP("ExportView", "Passphrase")),
                                          ("recipient", QT_TRANSLATE_NOOP("ExportView", "Recipient key"))), "passphrase")
        self.pass_edit, self.pass2_edit, self.recipient_edit = QLineEdit(), QLineEdit(), QLineEdit()
        for edit, hint in ((self.pass_edit, self.tr("Passphrase")), (self.pass2_edit, self.tr("Passphrase again"))):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setPlaceholderText(hint)
        self.recipient_edit.setPlaceholderText(self.tr("khb-pub-… or a key file"))
        self.key_file_button = QPushButton(self.tr("Key file…"))
        self.bundle_panel = QWidget()
        fill_box(QVBoxLayout(self.bundle_panel), fill_box(QHBoxLayout(), *self.key_buttons.values(), None),
             self.pass_edit, self.pass2_edit,
             fill_box(QHBoxLayout(), self.recipient_edit, self.key_file_button)).setContentsMargins(0, 0, 0, 0)
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.key_file_button.clicked.connect(self._on_key_file_clicked)
        self.dest_buttons["bundle"].toggled.connect(self._on_destination_toggled)
        self.key_buttons["recipient"].toggled.connect(self._on_destination_toggled)
        self._on_destination_toggled()
        return group_box(self.tr("Destination"), fill_box(QVBoxLayout(), fill_box(QHBoxLayout(), *self.dest_buttons.values(), None),
                                          fill_box(QHBoxLayout(), self.out_edit, self.choose_button),
                                          self.overwrite_box, self.bundle_panel))

    def _build_run(self) -> QBoxLayout:
        self.export_button = set_role(QPushButton(self.tr("Export")), "primary")
        self.cancel_button = set_role(QPushButton(self.tr("Cancel")), "danger")
        for button in (self.export_button, self.cancel_button):
            button.setMinimumHeight(56)
        self.cancel_button.setEnabled(False)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        self.progress_label = wrapped_label(self.tr("Ready."), "hint")
        self.export_button.clicked.connect(self._on_export_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button, 2)
        buttons.addWidget(self.cancel_button, 1)
        return fill_box(QVBoxLayout(), buttons, self.progress_bar, self.progress_label)

    def _build_result(self) -> QFrame:
        self.result_panel = set_role(QFrame(), "panel")
        self.result_title = wrapped_label("", "heading")
        self.result_label, self.verify_label = wrapped_label(), wrapped_label()
        self.open_button = QPushButton(self.tr("Open folder"))
        self.open_button.clicked.connect(self._on_open_clicked)
        fill_box(QVBoxLayout(self.result_panel), self.result_title, self.result_label, self.verify_label,
             self.open_button)
        self.result_panel.setVisible(False)
        return self.result_panel

    # -- API ------------------------------------------------------------------
    def refresh(self) -> None:
        """Refill the filter lists from the library and update the preview (a quick read)."""
        sessions = self.library.sessions()
        values = {"workstation": {s.workstation for s in sessions}, "process": {s.process for s in sessions},
                  "expert": {s.expert for s in sessions}, "category": set(CATEGORIES)}
        for key, box in self.filter_boxes.items():
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(tr_export(FILTER_ANY[key]), ANY)
            for v in sorted(v for v in values[key] if v):
                box.addItem(category_text(v) if key == "category" else v, v)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)
        days = sorted(s.created_at[:10] for s in sessions if s.created_at)
        for check, edit, day in ((self.from_check, self.from_date, days[:1]),
                                 (self.to_check, self.to_date, days[-1:])):
            if day and not check.isChecked():
                edit.blockSignals(True)
                edit.setDate(QDate.fromString(day[0], "yyyy-MM-dd"))
                edit.blockSignals(False)
        self.refresh_preview()

    def options(self) -> ExportOptions:
        """The `ExportOptions` the controls describe (`out` is the destination path)."""
        one = {key: (box.currentData(),) if box.currentData() else () for key, box in self.filter_boxes.items()}

        def day(check: QCheckBox, edit: QDateEdit) -> str:
            return edit.date().toString("yyyy-MM-dd") if check.isChecked() else ""

        train, validation, test = (self.ratio_boxes[name].value() / 100 for name, _ in RATIOS)
        return ExportOptions(
            out=self.out_edit.text().strip(),
            formats=tuple(k for k, box in self.format_boxes.items() if box.isChecked()),
            media=checked_key(self.media_buttons),
            status=checked_key(self.status_buttons),
            workstations=one["workstation"], processes=one["process"], experts=one["expert"],
            categories=one["category"],
            date_from=day(self.from_check, self.from_date), date_to=day(self.to_check, self.to_date),
            split_by=self.split_box.currentData(),
            ratios=(train, validation, test),
            anonymize=self.anonymize_box.isChecked(),
            blur_faces=self.blur_box.isChecked(),
            drop_audio=self.drop_audio_box.isChecked(),
            licence=self.licence_edit.text().strip(),
            overwrite=self.overwrite_box.isChecked(),
        )

    def refresh_preview(self) -> None:
        """Count the steps, sessions and hours the current selection exports."""
        from indexing.export.records import select_steps

        selected = select_steps(self.library, self.options())
        seconds = sum(step.end - step.start for step, _row in selected)
        n, k = len(selected), len({step.session_id for step, _row in selected})
        self.preview = {"steps": n, "sessions": k, "seconds": round(seconds, 3)}
        self.preview_label.setText(self.tr("{steps} from {sessions}<br>{hours} hours of recording ({time})").format(
            steps=self.tr("<span style='font-size:20pt; font-weight:bold'>%n</span> step(s)", "", n),
            sessions=self.tr("<b>%n</b> session(s)", "", k), hours=f"{seconds / 3600:.2f}",
            time=fmt_time(seconds)) if n else
            self.tr("No step matches this selection. Approve steps in Review, or choose another status or "
                    "fewer filters."))
        self.export_button.setEnabled(bool(n) and self.task is None)

    def start_export(self) -> workers.Task | None:
        """Check the destination and start the export in a worker (None, with a message, if not)."""
        if self.task is not None:
            return None
        opts = self.options()
        bundle = self.dest_buttons["bundle"].isChecked()
        if bundle and opts.out and not opts.out.endswith(BUNDLE_SUFFIX):
            opts.out += BUNDLE_SUFFIX
            self.out_edit.setText(opts.out)
        try:
            if not opts.out:
                raise ExportError(self.tr("type a folder or press Choose…"))
            opts.validate()
            passphrase, recipients = self._bundle_keys() if bundle else (None, ())
        except ExportError as exc:
            messages.warning(self.tr("Cannot export: {error}.").format(error=exc))
            return None
        library = self.library

        def work(progress: Any, cancel: CancelToken) -> tuple[ExportResult, Any]:
            from indexing.export import export, verify_export, write_bundle

            if bundle:
                return write_bundle(library, opts.out, opts, passphrase=passphrase, recipients=recipients,
                                    progress=progress, cancel=cancel), None
            result = export(library, opts, progress, cancel)
            return result, verify_export(result.out)

        task = workers.Task(self.tr("Export"), work)
        task.progressed.connect(self._on_progressed)
        task.succeeded.connect(self._on_succeeded)
        task.failed.connect(self._on_failed)
        task.cancelled.connect(self._on_cancelled)
        self.task = task
        self._set_running(True)
        self.result_panel.setVisible(False)
        self.progress_label.setText(self.tr("Exporting to {path}…").format(path=opts.out))
        return workers.start(task)

    def cancel_export(self) -> None:
        """Ask the running export to stop; it removes what it wrote."""
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    def shutdown(self) -> None:
        self.cancel_export()

    # -- helpers --------------------------------------------------------------
    def _bundle_keys(self) -> tuple[str | None, tuple[str, ...]]:
        """(passphrase, recipients) for `write_bundle` from the bundle fields."""
        if self.key_buttons["recipient"].isChecked():
            key = self.recipient_edit.text().strip()
            if not key:
                raise ExportError(self.tr("paste the recipient's public key (khb-pub-…) or choose its key file"))
            return None, (key,)
        if not self.pass_edit.text():
            raise ExportError(self.tr("type a passphrase for the bundle, twice"))
        if self.pass_edit.text() != self.pass2_edit.text():
            raise ExportError(self.tr("the two passphrases differ; type them again"))
        return self.pass_edit.text(), ()

    def _set_running(self, running: bool) -> None:
        for box in self.findChildren(QGroupBox):
            box.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.progress_bar.setValue(0)
        if running:
            self.export_button.setEnabled(False)
        else:
            self.task = None
            self.refresh_preview()

    def _show_result(self, result: ExportResult, verify: Any) -> None:
        splits = ", ".join(f"{tr_export(SPLIT_NAMES.get(name, name))} {n}" for name, n in result.splits.items())
        bundle = result.out.endswith(BUNDLE_SUFFIX)
        self.result_title.setText(self.tr("Bundle written") if bundle else self.tr("Export finished"))
        self.result_label.setText(
            self.tr("{steps} from {sessions} ({splits}), {time} of recording, {files} with the manifest").format(
                steps=self.tr("<b>%n</b> step(s)", "", result.steps),
                sessions=self.tr("<b>%n</b> session(s)", "", result.sessions), splits=html.escape(splits),
                time=fmt_time(result.media_seconds), files=self.tr("%n file(s)", "", result.files))
            + (self.tr(", %n face(s) blurred", "", result.faces_blurred) if result.faces_blurred else "")
            + (self.tr(", %n name(s) and term(s) redacted", "", result.redactions) if result.redactions else "")
            + "<br>" + self.tr("in {path}").format(path=html.escape(result.out)))
        if verify is None:
            text = self.tr("Encrypted and authenticated; the receiver's import checks every file.")
        elif verify.ok:
            text = ("<span style='color:#257d46'><b>" + self.tr("✓ Verified:") + "</b></span> "
                    + self.tr("all %n file(s) match the manifest.", "", verify.checked))
        else:
            text = ("<span style='color:#9d2f2f'><b>" + self.tr("✗ Verify failed:") + "</b></span> "
                    + html.escape("; ".join(verify.problems()[:3])))
        self.verify_label.setText(text)
        self.open_button.setText(self.tr("Show bundle") if bundle else self.tr("Open folder"))
        self.result_panel.setVisible(True)
        self.side_scroll.ensureWidgetVisible(self.result_panel)

    # -- slots ----------------------------------------------------------------
    def _on_selection_changed(self, *_args: Any) -> None:
        self.refresh_preview()

    def _on_date_toggled(self, checked_key: bool) -> None:
        self.from_date.setEnabled(self.from_check.isChecked())
        self.to_date.setEnabled(self.to_check.isChecked())
        self.refresh_preview()

    def _on_destination_toggled(self, *_args: Any) -> None:
        bundle = self.dest_buttons["bundle"].isChecked()
        by_key = self.key_buttons["recipient"].isChecked()
        self.bundle_panel.setVisible(bundle)
        for edit in (self.pass_edit, self.pass2_edit):
            edit.setVisible(not by_key)
        self.recipient_edit.setVisible(by_key)
        self.key_file_button.setVisible(by_key)
        self.out_edit.setPlaceholderText(self.tr("Bundle file (.khb)") if bundle else self.tr("Export folder"))

    def _on_choose_clicked(self) -> None:
        current = self.out_edit.text().strip()
        if self.dest_buttons["bundle"].isChecked():
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the bundle as"), current,
                                                  self.tr("Know-how bundle (*{suffix})").format(suffix=BUNDLE_SUFFIX))
            if path:
                self.out_edit.setText(path if path.endswith(BUNDLE_SUFFIX) else path + BUNDLE_SUFFIX)
        elif folder := QFileDialog.getExistingDirectory(self, self.tr("Export into folder"), current):
            self.out_edit.setText(str(suggest_export_folder(folder)))

    def _on_key_file_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Recipient's public key"))
        if path:
            self.recipient_edit.setText(path)

    def _on_export_clicked(self) -> None:
        self.start_export()

    def _on_cancel_clicked(self) -> None:
        self.cancel_export()

    def _on_progressed(self, fraction: float, text: str) -> None:
        self.progress_bar.setValue(int(round(fraction * 1000)))
        self.progress_label.setText(text)

    def _on_succeeded(self, payload: tuple[ExportResult, Any]) -> None:
        result, verify = payload
        self.result, self.verify = result, verify
        self._set_running(False)
        self.progress_bar.setValue(1000)
        self.progress_label.setText(self.tr("Done in {seconds} s.").format(seconds=f"{result.seconds:.1f}"))
        self._show_result(result, verify)
        if verify is not None and not verify.ok:
            messages.error(self.tr("The export in {path} does not match its manifest: {problems}").format(
                path=result.out, problems="; ".join(verify.problems()[:3])))
        else:
            messages.info(self.tr("Exported %n step(s) to {path}", "", result.steps).format(path=result.out))
        self.exported.emit(result)
        self.export_ended.emit("done")

    def _on_failed(self, _text: str) -> None:
        # The worker task already posted the error to the message channel.
        self._set_running(False)
        self.progress_label.setText(self.tr("The export failed (see the message); nothing was written."))
        self.export_ended.emit("failed")

    def _on_cancelled(self) -> None:
        self._set_running(False)
        self.progress_label.setText(self.tr("Export cancelled; nothing was written."))
        self.export_ended.emit("cancelled")

    def _on_open_clicked(self) -> None:
        if self.result is not None:
            target = Path(self.result.out)
            folder = target if target.is_dir() else target.parent
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.task is None:
            self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_split()
