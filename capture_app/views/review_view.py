"""Review: correct what the machine proposed, then mark it reviewed or approved.

Every edit is a `ReviewEdit` (review_edit.py) on a QUndoStack, applied in a
worker in order; the core re-indexes what an edit changed. Sheets are printed
by sheet_print.py, the reviewer's name is kept by widgets/reviewer.py.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from capture_app.views.review_edit import EditFn, ReviewEdit
from capture_app.views.sheet_print import ask_and_save_sheet, save_sheet
from capture_app.widgets.common import category_text, fmt_time, set_role, side_by_side, status_text
from capture_app.widgets.player import VideoPlayer
from capture_app.widgets.reviewer import ReviewerField
from capture_app.widgets.timeline import Block, StepTimeline
from capture_app.widgets.transcript import TranscriptView
from capture_app.workers import Task, TaskQueue
from indexing.models import CATEGORIES, Step

log = logging.getLogger(__name__)

class ReviewView(QWidget):
    """Player, step timeline, transcript and the step editor.

    Signals:
        edited(session_id): An edit (or undo) was saved and re-indexed.
    """

    edited = Signal(str)

    def __init__(self, library: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.session_id = ""
        self.steps: list[Step] = []
        self.selected = -1
        self.tasks = TaskQueue(self)
        self.undo_stack = QUndoStack(self)

        # -- top bar
        self.session_box = QComboBox()
        self.session_box.setMinimumWidth(360)
        self.save_state = set_role(QLabel(""), "hint")
        self.undo_button = QPushButton(self.tr("↶ Undo"))
        self.redo_button = QPushButton(self.tr("↷ Redo"))
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_button.setShortcut(QKeySequence.StandardKey.Redo)
        # Who approves: recorded with each approval and printed on the sheet ("approved by").
        self.reviewer_edit = ReviewerField(library)
        top = QHBoxLayout()
        top.addWidget(set_role(QLabel(self.tr("Review")), "heading"))
        top.addWidget(self.session_box, 1)
        top.addWidget(QLabel(self.tr("Reviewer")))
        top.addWidget(self.reviewer_edit)
        top.addWidget(self.save_state)
        top.addWidget(self.undo_button)
        top.addWidget(self.redo_button)

        # -- left: player, timeline, structure edits
        self.player = VideoPlayer()
        self.timeline = StepTimeline()
        self.split_button = QPushButton(self.tr("✂ Split at playhead"))
        self.merge_button = QPushButton(self.tr("⇥ Merge with next"))
        # The sheet button sits here, under the video: the editor column has room for two buttons a row.
        self.sheet_button = QPushButton(self.tr("Print / save as sheet…"))
        edits = QHBoxLayout()
        edits.addWidget(self.split_button)
        edits.addWidget(self.merge_button)
        edits.addStretch(1)
        edits.addWidget(self.sheet_button)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.player, 1)
        lv.addWidget(self.timeline)
        grips = set_role(QLabel(self.tr("Tap a step to edit it; drag the dark grips to move a step's edge.")),
                         "hint")
        grips.setWordWrap(True)
        lv.addWidget(grips)
        lv.addLayout(edits)

        # -- right: step editor and transcript
        self.step_heading = set_role(QLabel(self.tr("No step selected")), "heading")
        self.step_status = set_role(QLabel(""), "hint")
        self.title_edit = QLineEdit()
        self.category_box = QComboBox()
        for category in CATEGORIES:
            self.category_box.addItem(category_text(category), category)
        self.tools_edit = QLineEdit()
        self.tools_edit.setPlaceholderText(self.tr("comma separated, e.g. torque wrench, 19 mm socket"))
        self.tips_edit = QPlainTextEdit()
        self.tips_edit.setPlaceholderText(self.tr("one tip per line"))
        self.warnings_edit = QPlainTextEdit()
        self.warnings_edit.setPlaceholderText(self.tr("one warning per line"))
        for w in (self.tips_edit, self.warnings_edit):
            w.setFixedHeight(62)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("why: because…, so that…, otherwise…"))
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Category"), self.category_box)
        form.addRow(self.tr("Tools"), self.tools_edit)
        form.addRow(self.tr("Tips"), self.tips_edit)
        form.addRow(self.tr("Warnings"), self.warnings_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)
        self.save_button = set_role(QPushButton(self.tr("Save changes")), "primary")
        self.reviewed_button = QPushButton(self.tr("Step reviewed"))
        self.approve_button = set_role(QPushButton(self.tr("✔ Approve step")), "approve")
        self.proc_reviewed_button = QPushButton(self.tr("Procedure reviewed"))
        self.approve_all_button = set_role(QPushButton(self.tr("✔ Approve whole procedure")), "approve")
        buttons1 = QHBoxLayout()
        buttons1.addWidget(self.save_button)
        buttons1.addWidget(self.reviewed_button)
        buttons1.addWidget(self.approve_button)
        buttons2 = QHBoxLayout()
        buttons2.addWidget(self.proc_reviewed_button)
        buttons2.addWidget(self.approve_all_button)
        self.transcript = TranscriptView()
        self.transcript.setMinimumHeight(80)
        # The hint lives on the transcript itself: one row less keeps the view within a 800 px tablet.
        hint = self.tr("Transcript (tap a word to jump there)")
        self.transcript.setPlaceholderText(hint)
        self.transcript.setToolTip(hint)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.step_heading, 1)
        head.addWidget(self.step_status)
        rv.addLayout(head)
        rv.addLayout(form)
        rv.addLayout(buttons1)
        rv.addLayout(buttons2)
        rv.addWidget(self.transcript, 1)

        split = side_by_side(left, right, stretch=(3, 2), sizes=(700, 560))
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)

        self.session_box.activated.connect(self._on_session_activated)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.split_button.clicked.connect(self._on_split_clicked)
        self.merge_button.clicked.connect(self._on_merge_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.reviewed_button.clicked.connect(lambda: self.set_step_status("reviewed"))
        self.approve_button.clicked.connect(lambda: self.set_step_status("approved"))
        self.approve_all_button.clicked.connect(self._on_approve_all_clicked)
        self.proc_reviewed_button.clicked.connect(self._on_proc_reviewed_clicked)
        self.sheet_button.clicked.connect(self._on_sheet_clicked)
        self.timeline.step_clicked.connect(self._on_step_clicked)
        self.timeline.seek_requested.connect(self.player.seek)
        self.timeline.edge_dragged.connect(self._on_edge_dragged)
        self.transcript.word_clicked.connect(self._on_word_clicked)
        self.player.position_changed.connect(self._on_position_changed)
        self.tasks.idle.connect(self._on_tasks_idle)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.refresh_sessions()
        self._update_editor()

    # -- loading --------------------------------------------------------------
    def refresh_sessions(self) -> None:
        """Re-read the session list (keeps the current session)."""
        self.session_box.blockSignals(True)
        self.session_box.clear()
        unknown = self.tr("unknown expert")
        for s in self.library.sessions():
            self.session_box.addItem(f"{s.title or s.session_id} · {s.expert or unknown} · "
                                     f"{fmt_time(s.duration)}", s.session_id)
        self.session_box.setPlaceholderText(
            self.tr("Choose a session to review") if self.session_box.count()
            else self.tr("No sessions yet: record one, or import a video in Library"))
        idx = self.session_box.findData(self.session_id)
        self.session_box.setCurrentIndex(idx)
        self.session_box.blockSignals(False)

    def load_session(self, session_id: str) -> None:
        """Show a session: its media, steps and transcript."""
        if session_id != self.session_id:
            self.undo_stack.clear()
        self.session_id = session_id
        session = self.library.session(session_id)
        idx = self.session_box.findData(session_id)
        if idx < 0:
            self.refresh_sessions()
            idx = self.session_box.findData(session_id)
        self.session_box.setCurrentIndex(idx)
        self.transcript.set_segments(self.library.transcript(session_id).segments)
        self.player.open(session.media_path, 0.0)
        self.selected = 0
        self.reload_steps(duration=session.duration)

    def reload_steps(self, duration: float | None = None) -> None:
        """Re-read the session's steps after an edit (a quick catalog read)."""
        if not self.session_id:
            return
        self.steps = self.library.steps(self.session_id)
        if duration is None:
            duration = self.library.session(self.session_id).duration
        self.timeline.set_blocks([Block(s.step_id, s.start, s.end, s.title, s.status) for s in self.steps],
                                 duration)
        self.selected = min(max(self.selected, 0), len(self.steps) - 1) if self.steps else -1
        self._update_editor()

    def current_step(self) -> Step | None:
        return self.steps[self.selected] if 0 <= self.selected < len(self.steps) else None

    def select_step(self, index: int, seek: bool = True) -> None:
        """Select the step at `index` and (by default) jump the player to its start."""
        if not 0 <= index < len(self.steps):
            return
        self.selected = index
        self._update_editor()
        if seek:
            self.player.seek(self.steps[index].start)

    def _update_editor(self) -> None:
        step = self.current_step()
        has = step is not None
        for w in (self.title_edit, self.category_box, self.tools_edit, self.tips_edit, self.warnings_edit,
                  self.save_button, self.reviewed_button, self.approve_button, self.approve_all_button,
                  self.proc_reviewed_button, self.reason_edit, self.sheet_button,
                  self.split_button, self.merge_button):
            w.setEnabled(has)
        if step is None:
            self.step_heading.setText(self.tr("No step selected"))
            self.step_status.setText("")
            return
        self.step_heading.setText(self.tr("Step {number} of {count} · {start}–{end}").format(
            number=step.index + 1, count=len(self.steps), start=fmt_time(step.start), end=fmt_time(step.end)))
        self.step_status.setText(status_text(step.status))
        self.title_edit.setText(step.title)
        if self.category_box.findData(step.category) < 0:  # a category from elsewhere: keep it
            self.category_box.addItem(category_text(step.category), step.category)
        self.category_box.setCurrentIndex(self.category_box.findData(step.category))
        self.tools_edit.setText(", ".join(step.tools))
        self.tips_edit.setPlainText("\n".join(step.tips))
        self.warnings_edit.setPlainText("\n".join(step.warnings))
        self.reason_edit.setText(step.reason)
        self.merge_button.setEnabled(self.selected + 1 < len(self.steps)
                                     and self.steps[self.selected + 1].procedure_index == step.procedure_index)
        self.timeline.set_selected(step.step_id)
        self.transcript.set_step_range(step.start, step.end)

    # -- edits ----------------------------------------------------------------
    def push_edit(self, text: str, apply: EditFn) -> None:
        """Apply an edit through the undo stack (it runs in a worker)."""
        self.undo_stack.push(ReviewEdit(self, text, apply))

    def run_edit(self, text: str, fn: EditFn, command: ReviewEdit) -> None:
        """Queue `fn(library)` in a worker; refresh the view when it is saved."""
        library = self.library
        task = Task(text, lambda _progress, _cancel: fn(library))
        task.succeeded.connect(self._on_edit_succeeded)
        task.failed.connect(lambda _msg, c=command: self._on_edit_failed(c))
        self.save_state.setText(self.tr("Saving…"))
        self.tasks.submit(task)

    def editor_values(self) -> dict[str, Any]:
        """The step editor's fields as `update_step` arguments."""
        return {
            "title": self.title_edit.text().strip(),
            "category": str(self.category_box.currentData() or ""),
            "tools": [t.strip() for t in self.tools_edit.text().split(",") if t.strip()],
            "tips": [t.strip() for t in self.tips_edit.toPlainText().splitlines() if t.strip()],
            "warnings": [t.strip() for t in self.warnings_edit.toPlainText().splitlines() if t.strip()],
            "reason": self.reason_edit.text().strip(),
        }

    def save_step(self) -> None:
        step = self.current_step()
        if step is None:
            return
        values = self.editor_values()
        changed = {k: v for k, v in values.items()
                   if (tuple(v) if isinstance(v, list) else v) != getattr(step, k)}
        if not changed:
            return
        sid = step.step_id
        self.push_edit(self.tr("Edit step {number}").format(number=step.index + 1),
                       lambda lib: [lib.update_step(sid, **changed).step_id])

    def set_step_status(self, status: str) -> None:
        step = self.current_step()
        if step is None:
            return
        sid = step.step_id
        self.push_edit(self.tr("Mark step {number} {status}").format(number=step.index + 1,
                                                                    status=status_text(status)),
                       lambda lib: [lib.update_step(sid, status=status).step_id])

    def split_at_playhead(self) -> None:
        t = round(self.player.position(), 2)
        step = next((s for s in self.steps if s.start < t < s.end), None)
        if step is None:
            return
        self.selected = self.steps.index(step)
        sid = step.step_id

        def apply(lib: Any) -> Any:
            from indexing.review import split_step

            return split_step(lib, sid, t)

        self.push_edit(self.tr("Split step {number} at {time}").format(number=step.index + 1, time=fmt_time(t)),
                       apply)

    def merge_with_next(self) -> None:
        step = self.current_step()
        if step is None:
            return
        sid = step.step_id

        def apply(lib: Any) -> Any:
            from indexing.review import merge_steps

            return merge_steps(lib, sid)

        self.push_edit(self.tr("Merge step {number} with the next").format(number=step.index + 1), apply)

    def move_edge(self, left_step_id: str, t: float) -> None:
        def apply(lib: Any) -> Any:
            from indexing.review import move_boundary

            return move_boundary(lib, left_step_id, end=t)

        index = next((s.index for s in self.steps if s.step_id == left_step_id), 0)
        self.push_edit(self.tr("Move the end of step {number} to {time}").format(number=index + 1,
                                                                               time=fmt_time(t)), apply)

    # -- slots ----------------------------------------------------------------
    def _on_session_activated(self, index: int) -> None:
        sid = self.session_box.itemData(index)
        if sid:
            self.load_session(sid)

    def _on_split_clicked(self) -> None:
        self.split_at_playhead()

    def _on_merge_clicked(self) -> None:
        self.merge_with_next()

    def _on_save_clicked(self) -> None:
        self.save_step()

    def set_procedure_status(self, status: str) -> None:
        """Mark the selected step's whole procedure (all its steps) with `status`."""
        step = self.current_step()
        if step is None:
            return
        session_id, proc = self.session_id, step.procedure_index

        def apply(lib: Any) -> Any:
            from indexing.review import set_procedure_status

            return set_procedure_status(lib, session_id, proc, status)

        self.push_edit(self.tr("Mark the whole procedure {status}").format(status=status_text(status)), apply)

    def _on_approve_all_clicked(self) -> None:
        self.set_procedure_status("approved")

    def _on_proc_reviewed_clicked(self) -> None:
        self.set_procedure_status("reviewed")

    def save_sheet(self, path: str, *, anonymize: bool = False) -> Task | None:
        """Write the selected step's procedure as a work-instruction sheet (PDF or HTML by suffix)
        in a worker; the library logs the print and its revision."""
        step = self.current_step()
        if step is None:
            return None
        return save_sheet(self.library, self.session_id, step.procedure_index + 1, path, anonymize=anonymize)

    def _on_sheet_clicked(self) -> None:
        step = self.current_step()
        if step is not None:
            ask_and_save_sheet(self, self.library, self.session_id, step.procedure_index + 1)

    def _on_step_clicked(self, step_id: str) -> None:
        index = next((i for i, s in enumerate(self.steps) if s.step_id == step_id), -1)
        self.select_step(index, seek=False)

    def _on_edge_dragged(self, left_step_id: str, t: float) -> None:
        self.move_edge(left_step_id, t)

    def _on_word_clicked(self, t: float) -> None:
        self.player.seek(t)

    def _on_position_changed(self, t: float) -> None:
        self.timeline.set_playhead(t)
        self.transcript.set_time(t)

    def _on_edit_succeeded(self, _result: Any) -> None:
        self.reload_steps()
        self.edited.emit(self.session_id)

    def _on_edit_failed(self, command: ReviewEdit) -> None:
        # The failure was already shown through the message channel; drop the edit from history.
        if command.after is None:
            command.failed = True
            if self.undo_stack.command(self.undo_stack.index() - 1) is command:
                command.setObsolete(True)
                self.undo_stack.undo()
        self.reload_steps()

    def _on_tasks_idle(self) -> None:
        self.save_state.setText(self.tr("All changes saved") if self.undo_stack.count() else "")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.refresh_sessions()
        if not self.session_id and self.session_box.count():
            self.load_session(self.session_box.itemData(0))

    def shutdown(self) -> None:
        """Release the media before the window closes."""
        self.player.unload()

