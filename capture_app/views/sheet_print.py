"""Print a procedure as a work-instruction sheet from the Review view (PDF or HTML)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from capture_app import messages
from capture_app.workers import Task, start


def save_sheet(library: Any, session_id: str, procedure: int, path: str, *,
               anonymize: bool = False) -> Task:
    """Write procedure `procedure` (1-based) of a session to `path` in a worker.

    The library logs the print and its revision; the user is told where it went.
    """

    def work(_progress: Any, _cancel: Any) -> Any:
        from indexing.document import write_document

        return write_document(library, session_id, path, procedure=procedure, anonymize=anonymize)

    task = Task(QCoreApplication.translate("ReviewView", "Save sheet"), work)
    task.succeeded.connect(_on_sheet_saved)
    start(task)
    return task


def ask_and_save_sheet(parent: QWidget, library: Any, session_id: str, procedure: int) -> Task | None:
    """Ask where to save the sheet (PDF or HTML by the chosen filter), then save it."""
    if not messages.dialogs_enabled():
        return None
    name = f"{session_id}-procedure{procedure}.pdf"
    title = QCoreApplication.translate("ReviewView", "Save work-instruction sheet")
    kinds = QCoreApplication.translate("ReviewView", "PDF (*.pdf);;HTML (*.html)")
    path, _ = QFileDialog.getSaveFileName(parent, title, name, kinds)
    return save_sheet(library, session_id, procedure, path) if path else None


def _on_sheet_saved(result: Any) -> None:
    if result.revision:
        rev = QCoreApplication.translate("ReviewView", "revision {0}").format(result.revision)
    else:
        rev = QCoreApplication.translate("ReviewView", "draft, not approved")
    messages.info(QCoreApplication.translate("ReviewView", "Sheet saved to {0} ({1})").format(result.path, rev))
