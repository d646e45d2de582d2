"""One reviewer edit on the Review view's undo stack.

Its first `redo` runs the core edit in a worker (through the view's `TaskQueue`,
so edits and undos apply in order); the worker also snapshots the session's
steps before and after, and undo/redo afterwards put those snapshots back (and
re-index) the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from capture_app.views.review_view import ReviewView

EditFn = Callable[[Any], Any]


class ReviewEdit(QUndoCommand):
    """One reviewer edit, applied and reverted in a worker.

    Args:
        view: The review view (its library, session and task queue).
        text: What the Undo button says ("Split step 3").
        apply: `apply(library)` performs the edit in the core (re-indexing included).
    """

    def __init__(self, view: ReviewView, text: str, apply: EditFn) -> None:
        super().__init__(text)
        self.view = view
        self.session_id = view.session_id
        self.apply = apply
        self.before: list[dict[str, Any]] | None = None
        self.after: list[dict[str, Any]] | None = None
        self.failed = False

    def redo(self) -> None:
        if self.after is None:
            self.view.run_edit(self.text(), self._first_run, self)
        else:
            self.view.run_edit(QCoreApplication.translate("ReviewEdit", "Redo {edit}").format(edit=self.text()),
                               lambda lib: self._restore(lib, self.after), self)

    def undo(self) -> None:
        if self.failed:  # nothing was changed
            return
        self.view.run_edit(QCoreApplication.translate("ReviewEdit", "Undo {edit}").format(edit=self.text()),
                           lambda lib: self._restore(lib, self.before), self)

    def _first_run(self, library: Any) -> Any:
        from indexing.review import snapshot_steps

        self.before = snapshot_steps(library, self.session_id)
        result = self.apply(library)
        self.after = snapshot_steps(library, self.session_id)
        return result

    def _restore(self, library: Any, snapshot: list[dict[str, Any]] | None) -> Any:
        from indexing.review import restore_steps

        if snapshot is None:  # the first run failed: nothing to put back
            return None
        return restore_steps(library, self.session_id, snapshot)
