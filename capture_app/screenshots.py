"""Screenshot mode: render every view of the main window to PNG files (`knowhow-app --screenshot`).

Each view is put into a representative state (a session under review, a search run and its first
hit playing), then grabbed once its pictures are in (`view_settled`), not after a fixed wait.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from capture_app import workers

if TYPE_CHECKING:
    from capture_app.app import MainWindow

log = logging.getLogger(__name__)


def wait_until(predicate: Callable[[], bool], timeout_s: float) -> bool:
    """Run the event loop until `predicate()` or the timeout (used by screenshot mode)."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            return False
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)
    return True


SETTLE_S = 0.15  # screenshot mode: event processing for layouts and paints once a view's pictures are in


def view_settled(view: QWidget) -> bool:
    """Every picture `view` shows is in: its visible players show their position, a live preview a frame."""
    from capture_app.widgets.player import VideoPlayer  # Qt Multimedia: loaded with the views, not at start

    if any(p.isVisible() and not p.shows_position() for p in view.findChildren(VideoPlayer)):
        return False
    preview_shown = getattr(view, "preview_shown", None)
    return not callable(preview_shown) or bool(preview_shown())


def _screenshot_question(title: str, language: str) -> str:
    """The question screenshot mode asks about a step's title, in the session's language."""
    if language.startswith("ko"):
        return f"{title} 어떻게 해요?"
    if language and not language.startswith("en"):
        return title
    return f"how do I {title[0].lower()}{title[1:]}"


def _prepare_for_screenshot(window: MainWindow, name: str, view: QWidget) -> None:
    """Put a view into a representative state (a session loaded, a search run)."""
    sessions = window.library.sessions()
    if name == "Review" and sessions and hasattr(view, "load_session"):
        target = max(sessions, key=lambda s: s.step_count)
        view.load_session(target.session_id)
        steps = window.library.steps(target.session_id)
        if len(steps) > 1:
            view.select_step(1)  # type: ignore[attr-defined]
            wait_until(lambda: abs(view.player.position() - steps[1].start) < 0.5, 5)  # type: ignore[attr-defined]
            mid = (steps[1].start + steps[1].end) / 2
            view.player.seek(mid)  # type: ignore[attr-defined]
    elif name == "Search" and sessions and hasattr(view, "run_search"):
        steps = [s for s in window.library.all_steps() if s.title]
        languages = {s.session_id: s.language for s in sessions}
        if steps:
            done: list[int] = []
            view.results_ready.connect(done.append)  # type: ignore[attr-defined]
            view.run_search(_screenshot_question(steps[0].title, languages.get(steps[0].session_id, "")))
            wait_until(lambda: bool(done) or not workers.running(), 120)
            wait_until(lambda: bool(done), 2)
            if view.hits:  # type: ignore[attr-defined]
                view.open_hit(view.hits[0])  # type: ignore[attr-defined]
    elif name == "Library" and hasattr(view, "table") and view.model.rowCount():  # type: ignore[attr-defined]
        view.table.selectRow(0)
    wait_until(lambda: view_settled(view), 2.0)
    wait_until(lambda: False, SETTLE_S)


def render_screenshots(window: MainWindow, out_dir: str | Path) -> list[Path]:
    """Render every view to `<out_dir>/NN-<name>.png`.

    Returns:
        The written files, in tab order.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    window.show()
    wait_until(lambda: False, SETTLE_S)
    files = []
    for i, (name, view) in enumerate(window.views.items()):
        window.tabs.setCurrentWidget(view)
        _prepare_for_screenshot(window, name, view)
        window.statusBar().showMessage(window.library_text())
        path = out / f"{i + 1:02d}-{name.lower()}.png"
        if window.size().height() > 800:
            log.warning("the %s view needs %d px height: more than a 1280×800 tablet", name,
                        window.size().height())
        if not window.grab().save(str(path)):
            raise OSError(f"cannot write {path}")
        files.append(path)
        log.info("screenshot %s", path)
    return files
