"""The main window: one view per job, the ingest queue, and the screenshot mode.

Views are registered in `VIEWS` (name + factory); the export view drops in by
providing `capture_app.views.export_view.ExportView(library, parent=None)`, and
anything else can be added at run time with `MainWindow.add_view`. A view that
cannot be built (its module is missing or broken) shows why instead.

Once shown, the window looks (in a worker) for recordings cut off by a crash and
for finished ones that were never ingested, and offers them in a banner at the
top of the Record view (or the Library view). A recording's folder gets its
`ingested` flag when its ingest succeeds.
"""

from __future__ import annotations

import importlib
import inspect
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QBoxLayout, QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from capture_app import messages, workers
from capture_app.i18n import QT_TRANSLATE_NOOP
from capture_app.widgets.common import apply_style, set_role
from capture_app.widgets.recovery_banner import RecoveryBanner
from capture_app.workers import IngestQueue

log = logging.getLogger(__name__)

ENV_STARTUP_PROBE = "KNOWHOW_STARTUP_PROBE"
"""If set to a file path, the app writes `time.monotonic()` there once the window is shown, then quits."""

INGEST_KEYS = ("title", "expert", "workstation", "process", "language", "markers", "consent")
BANNER_VIEWS = ("Record", "Library")
"""Views that can hold the recovery banner at their top, in order of preference."""


@dataclass(frozen=True)
class ViewSpec:
    """A view in the main window: a tab name and `factory(window) -> QWidget`."""

    name: str
    factory: Callable[[MainWindow], QWidget]


def placeholder(text: str) -> QWidget:
    """A view that explains why the real one is not available."""
    label = set_role(QLabel(text), "hint")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


def _import_view(module: str, cls: str) -> Any:
    return getattr(importlib.import_module(module), cls)


def _make_record(win: MainWindow) -> QWidget:
    try:
        record_view = _import_view("capture_app.views.record_view", "RecordView")
    except ImportError as exc:
        log.warning("recording unavailable: %s", exc)
        return placeholder(QCoreApplication.translate("MainWindow", "Recording unavailable: {error}")
                           .format(error=exc))
    kwargs: dict[str, Any] = {}
    if win.source and "source" in inspect.signature(record_view).parameters:
        kwargs["source"] = win.source
    view = record_view(win.library, **kwargs)
    if win.source and not kwargs and hasattr(view, "set_source"):
        view.set_source(win.source)
    view.session_recorded.connect(win._on_session_recorded)
    return view


def _make_library(win: MainWindow) -> QWidget:
    from capture_app.views.library_view import LibraryView

    view = LibraryView(win.library, win.ingest_queue)
    view.review_requested.connect(win._on_review_requested)
    return view


def _make_review(win: MainWindow) -> QWidget:
    from capture_app.views.review_view import ReviewView

    view = ReviewView(win.library)
    view.edited.connect(win._on_edited)
    return view


def _make_search(win: MainWindow) -> QWidget:
    from capture_app.views.search_view import SearchView

    return SearchView(win.library)


def _make_export(win: MainWindow) -> QWidget:
    try:
        export_view = _import_view("capture_app.views.export_view", "ExportView")
    except ImportError as exc:
        return placeholder(QCoreApplication.translate("MainWindow", "Export unavailable: {error}")
                           .format(error=exc))
    return export_view(win.library)


def _make_coverage(win: MainWindow) -> QWidget:
    from capture_app.views.coverage_view import CoverageView

    return CoverageView(win.library)


# The names are the views' keys; their tabs show them translated (context "MainWindow").
VIEWS: list[ViewSpec] = [
    ViewSpec(QT_TRANSLATE_NOOP("MainWindow", "Record"), _make_record),
    ViewSpec(QT_TRANSLATE_NOOP("MainWindow", "Library"), _make_library),
    ViewSpec(QT_TRANSLATE_NOOP("MainWindow", "Review"), _make_review),
    ViewSpec(QT_TRANSLATE_NOOP("MainWindow", "Search"), _make_search),
    ViewSpec(QT_TRANSLATE_NOOP("MainWindow", "Export"), _make_export),
    ViewSpec(QT_TRANSLATE_NOOP("MainWindow", "Coverage"), _make_coverage),
]


class MainWindow(QMainWindow):
    """One tab per job, sharing one library and one ingest queue.

    Args:
        library: The open `indexing.library.Library`.
        source: A media file for the record view's file-backed capture source.
        views: View specs to build (default `VIEWS`).
    """

    def __init__(self, library: Any, source: str | None = None,
                 views: list[ViewSpec] | None = None) -> None:
        super().__init__()
        self.library = library
        self.source = source
        self.setWindowTitle(self.tr("Know-how Capture — {library}").format(library=library.root))
        self.resize(1280, 800)
        self.ingest_queue = IngestQueue(library, self)
        self.ingest_queue.ingested.connect(self._on_ingested)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.views: dict[str, QWidget] = {}
        self._shown_once = False
        self._closing = False
        self._scan_task: workers.Task | None = None
        self.recovery_banner = RecoveryBanner()
        self.recovery_banner.recover_requested.connect(self._on_recover_requested)
        self.recovery_banner.import_requested.connect(self._on_import_requested)
        self.recovery_banner.discard_requested.connect(self._on_discard_requested)
        for spec in views if views is not None else VIEWS:
            try:
                widget = spec.factory(self)
            except Exception as exc:  # noqa: BLE001 - one broken view must not take the app down
                log.exception("view %s could not be built", spec.name)
                widget = placeholder(self.tr("{view} unavailable: {error}").format(
                    view=self.tr(spec.name), error=exc))
            self.add_view(spec.name, widget)
        if self.recovery_banner.parent() is None:
            self._place_banner()
        self.statusBar().showMessage(self.library_text())

    def library_text(self) -> str:
        """The status bar's resting text: which library is open."""
        return self.tr("Library: {library}").format(library=self.library.root)

    def add_view(self, name: str, widget: QWidget) -> None:
        """Add (or replace) the tab `name` (its label is `name` translated in the context "MainWindow")."""
        label = self.tr(name)
        if name in self.views:
            old = self.views[name]
            if old.isAncestorOf(self.recovery_banner):
                self.recovery_banner.setParent(None)  # keep it: the old view is deleted
            index = self.tabs.indexOf(old)
            self.tabs.removeTab(index)
            old.deleteLater()
            self.tabs.insertTab(index, widget, label)
        else:
            self.tabs.addTab(widget, label)
        self.views[name] = widget
        if self.recovery_banner.parent() is None and name in BANNER_VIEWS:
            self._place_banner()

    def _place_banner(self) -> None:
        """Put the recovery banner at the top of the Record view, the Library view, or above the tabs."""
        banner = self.recovery_banner
        for name in BANNER_VIEWS:
            view = self.views.get(name)
            layout = view.layout() if view is not None else None
            if isinstance(layout, QBoxLayout):
                layout.insertWidget(0, banner)
                return
        if self.centralWidget() is self.tabs:
            holder = QWidget()
            lay = QVBoxLayout(holder)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(banner)
            lay.addWidget(self.tabs, 1)
            self.setCentralWidget(holder)

    def show_view(self, name: str) -> QWidget:
        """Bring a view to the front (names are case-insensitive)."""
        for key, widget in self.views.items():
            if key.lower() == name.lower():
                self.tabs.setCurrentWidget(widget)
                return widget
        raise KeyError(f"no view {name!r} (views: {', '.join(self.views)})")

    # -- slots ----------------------------------------------------------------
    def _on_session_recorded(self, path: str, meta: dict[str, Any]) -> bool:
        kwargs = {k: meta[k] for k in INGEST_KEYS if k in meta}
        kwargs.setdefault("consent", True)
        if not kwargs.get("language"):
            kwargs.pop("language", None)  # the library's default language
        if self.ingest_queue.enqueue(path, **kwargs):
            messages.info(self.tr("Recording saved; importing {name} in the background.")
                          .format(name=Path(path).name))
            return True
        return False

    def _on_review_requested(self, session_id: str) -> None:
        review = self.show_view("Review")
        review.load_session(session_id)  # type: ignore[attr-defined]

    def _on_ingested(self, session_id: str) -> None:
        self._flag_ingested(session_id)
        for name in ("Review", "Search"):
            view = self.views.get(name)
            refresh = getattr(view, "refresh_sessions", None) or getattr(view, "refresh_filters", None)
            if refresh:
                refresh()

    def _on_edited(self, _session_id: str) -> None:
        lib_view = self.views.get("Library")
        if lib_view is not None and hasattr(lib_view, "refresh"):
            lib_view.refresh()

    # -- unfinished recordings -------------------------------------------------
    def scan_recordings(self) -> workers.Task | None:
        """Look for interrupted and never-ingested recordings in a worker; offer them in the banner.

        Returns:
            The scan task, or None when one is running already or the window is closing.
        """
        if self._closing or self._scan_task is not None:
            return None
        library = self.library
        root = Path(library.root)

        def work(_progress: Callable[..., None], cancel: Any) -> list[Any]:
            from capture_app.recording.recovery import find_not_ingested, find_unfinished

            found = find_unfinished(root)
            cancel.check()
            return found + find_not_ingested(root, library)

        task = workers.Task(self.tr("Look for unfinished recordings"), work)
        task.succeeded.connect(self._on_scan_done)
        task.failed.connect(self._on_scan_ended)
        task.cancelled.connect(self._on_scan_ended)
        self._scan_task = task
        return workers.start(task)

    def reembed_pending(self) -> workers.Task | None:
        """Re-embed, in a worker, the sessions an upgrade listed (`Library.reembed_pending`).

        Returns:
            The task, or None when nothing is listed or the window is closing.
        """
        from indexing.library import reembed

        if self._closing or not reembed.pending(self.library.db.conn):
            return None
        task = workers.reembed_task(self.library)
        task.succeeded.connect(lambda n: log.info("start-up: re-embedded %d step(s)", n))
        task.failed.connect(lambda text: log.warning("start-up re-embedding stopped: %s", text))
        return workers.start(task)

    def _on_scan_done(self, found: list[Any]) -> None:
        self._scan_task = None
        if self._closing:
            return
        log.info("start-up scan: %d recording(s) to recover or import", len(found))
        self.recovery_banner.set_items(found)

    def _on_scan_ended(self, *_args: Any) -> None:
        self._scan_task = None

    def _on_recover_requested(self, rec: Any) -> None:
        banner = self.recovery_banner
        banner.set_busy(True, self.tr("Recovering {title}…").format(title=rec.title))

        def work(_progress: Callable[..., None], _cancel: Any) -> tuple[Path, dict[str, Any]]:
            from capture_app.recording.recovery import RecoveryError, recover
            from indexing.errors import MediaError

            try:
                return recover(rec)
            except RecoveryError as exc:
                raise MediaError(str(exc)) from None

        task = workers.Task(self.tr("Recover {title}").format(title=rec.title), work)
        # succeeded/failed are emitted in the GUI thread: plain callables are safe receivers.
        task.succeeded.connect(lambda result, r=rec: self._on_recovered(r, result))
        task.failed.connect(lambda _text: banner.set_busy(False))
        task.cancelled.connect(lambda: banner.set_busy(False))
        workers.start(task)

    def _on_recovered(self, rec: Any, result: tuple[Path, dict[str, Any]]) -> None:
        path, meta = result
        self.recovery_banner.remove(rec)
        self._on_session_recorded(str(path), meta)

    def _on_import_requested(self, rec: Any) -> None:
        from capture_app.recording.recovery import import_meta

        if self._on_session_recorded(str(rec.media_path), import_meta(rec)):
            self.recovery_banner.remove(rec)

    def _on_discard_requested(self, rec: Any) -> None:
        from capture_app.recording.recovery import discard

        try:
            discard(rec)
        except OSError as exc:
            messages.error(self.tr("Cannot discard {title}: {error}").format(title=rec.title, error=exc))
            return
        self.recovery_banner.remove(rec)
        messages.info(self.tr("Discarded the recording '{title}' (its files stay in {folder}).")
                      .format(title=rec.title, folder=rec.folder))

    def _flag_ingested(self, session_id: str) -> None:
        """Write the `ingested` flag of the recording folders whose ingest just became `session_id`."""
        from capture_app.recording.recovery import INGESTED, mark_ingested, recording_folder

        for item in self.ingest_queue.items:
            if item.session_id != session_id or item.state != "done":
                continue
            folder = recording_folder(item.path)
            if folder is None or (folder / INGESTED).exists():
                continue
            try:
                mark_ingested(folder, session_id)
            except OSError:
                log.exception("cannot write the ingested flag of %s", folder)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        probe = os.environ.get(ENV_STARTUP_PROBE)
        if probe and not self._shown_once:
            QTimer.singleShot(0, lambda: self._write_probe(probe))
        elif not self._shown_once:
            QTimer.singleShot(0, self, self.scan_recordings)  # after the first paint, never blocking it
            QTimer.singleShot(0, self, self.reembed_pending)
        self._shown_once = True

    def _write_probe(self, path: str) -> None:
        Path(path).write_text(f"{time.monotonic():.6f}\n", encoding="utf-8")
        self.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def shutdown(self) -> None:
        """Stop workers and release media (idempotent)."""
        self._closing = True
        self.recovery_banner.stop()
        self.ingest_queue.stop()
        for view in self.views.values():
            stop = getattr(view, "shutdown", None)
            if callable(stop):
                try:
                    stop()
                except Exception:  # noqa: BLE001 - closing must go on
                    log.exception("view shutdown failed")
        for view in self.views.values():
            tasks = getattr(view, "tasks", None)
            if isinstance(tasks, workers.TaskQueue):
                tasks.clear()
        workers.stop_all()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.shutdown()
        super().closeEvent(event)


def build_app(argv: list[str] | None = None, ui_language: str | None = None) -> QApplication:
    """The QApplication (reused if one exists), styled for touch, in the user's language.

    Args:
        argv: The QApplication's arguments.
        ui_language: "en", "ko" or "auto"; None reads the `ui_language` app setting
            (`$KNOWHOW_UI_LANGUAGE`, then the app preferences; default: the system's language).

    Raises:
        SettingError: The language asked for is not shipped (the message says so).
    """
    from capture_app import i18n
    from capture_app.prefs import Prefs

    setting = Prefs().setting("ui_language", ui_language)
    language = i18n.resolve_language(setting, i18n.system_ui_languages())
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or ["knowhow-app"])
    assert isinstance(app, QApplication)
    app.setApplicationName("Know-how Capture")
    app.setOrganizationName("knowhow")
    apply_style(app)
    i18n.install(app, language)
    return app
