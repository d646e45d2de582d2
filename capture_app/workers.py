"""Worker threads around the core's slow functions.

Slots never do knowledge work: they build a `Task` (a QThread running one
core call with a progress callback and a cancel token) and start it. A task's
result and errors come back as signals; errors are also posted to the message
channel. `stop_all()` cancels and joins every running task (the main window
calls it on close, tests after each test).

`IngestQueue` ingests queued files one after another with per-item progress
and cancel; `TaskQueue` runs edits in order (review edits and their undo).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from capture_app import messages
from capture_app.excepthook import describe
from capture_app.i18n import QT_TRANSLATE_NOOP
from indexing.errors import CancelledError, IndexingError
from indexing.progress import CancelToken, Progress

log = logging.getLogger(__name__)

VIDEO_SUFFIXES = (".mp4", ".mov", ".mkv", ".avi", ".webm", ".m4v", ".mts", ".ts")
AUDIO_SUFFIXES = (".wav", ".mp3", ".m4a", ".flac", ".ogg", ".opus", ".aac")
MEDIA_SUFFIXES = VIDEO_SUFFIXES + AUDIO_SUFFIXES
INGEST_STAGES = ("import", "transcribe", "segment", "keyframes", "embed")
STAGE_NAMES = {  # what an import row calls the core's stages and its few fixed messages
    "probe": QT_TRANSLATE_NOOP("workers", "probe"),
    "import": QT_TRANSLATE_NOOP("workers", "import"),
    "transcribe": QT_TRANSLATE_NOOP("workers", "transcribe"),
    "segment": QT_TRANSLATE_NOOP("workers", "segment"),
    "keyframes": QT_TRANSLATE_NOOP("workers", "keyframes"),
    "embed": QT_TRANSLATE_NOOP("workers", "embed"),
    "decode": QT_TRANSLATE_NOOP("workers", "decode"),
    "visual": QT_TRANSLATE_NOOP("workers", "visual"),
    "hashing": QT_TRANSLATE_NOOP("workers", "hashing"),
    "done": QT_TRANSLATE_NOOP("workers", "done"),
    "starting": QT_TRANSLATE_NOOP("workers", "starting"),
    "waiting": QT_TRANSLATE_NOOP("workers", "waiting"),
    "cancelled": QT_TRANSLATE_NOOP("workers", "cancelled"),
    "cancelling…": QT_TRANSLATE_NOOP("workers", "cancelling…"),
    "already in the library": QT_TRANSLATE_NOOP("workers", "already in the library"),
}

TaskFn = Callable[[Callable[[Progress], None], CancelToken], Any]

_running: set[Task] = set()
_running_lock = threading.Lock()


class Task(QThread):
    """One core call in its own thread.

    Args:
        name: What the user sees in messages ("Import die_change.mp4").
        fn: Called in the thread as `fn(progress, cancel)`; its return value is the result.
        show_errors: Post failures to the message channel (default True).

    Signals:
        progressed(fraction, text): Progress from the core call (emitted in the worker thread:
            connect it to a QObject's method so it is queued to the GUI thread).
        succeeded(result): The call returned.
        failed(text): The call raised; `text` is the user-facing line.
        cancelled(): The call stopped because `cancel()` was requested.

    `succeeded`, `failed` and `cancelled` are emitted from the GUI thread after the
    thread has finished, so any callable may receive them.
    """

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, name: str, fn: TaskFn, *, show_errors: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.fn = fn
        self.show_errors = show_errors
        self.token = CancelToken()
        self.outcome: tuple[str, Any] = ("none", None)
        self.setObjectName(name)
        # The receiver is this object, which lives in the GUI thread: the slot runs there, queued.
        self.finished.connect(self._on_finished)

    def cancel(self) -> None:
        """Ask the core call to stop at its next check."""
        self.token.cancel()

    def _report(self, p: Progress) -> None:
        self.progressed.emit(p.fraction, f"{p.stage}: {p.message}" if p.message else p.stage)
        if self.token.cancelled:
            raise CancelledError("cancelled by the user")

    def run(self) -> None:
        try:
            self.outcome = ("ok", self.fn(self._report, self.token))
        except CancelledError:
            log.info("%s cancelled", self.name)
            self.outcome = ("cancelled", None)
        except IndexingError as exc:
            log.info("%s failed: %s", self.name, exc)
            self.outcome = ("failed", f"{self.name}: {exc}")
        except Exception as exc:  # noqa: BLE001 - the edge of a thread: log and show, never lose
            log.exception("%s failed", self.name)
            self.outcome = ("failed", f"{self.name}: {describe(exc)}")

    def _on_finished(self) -> None:
        kind, value = self.outcome
        try:
            if kind == "ok":
                self.succeeded.emit(value)
            elif kind == "cancelled":
                self.cancelled.emit()
            elif kind == "failed":
                if self.show_errors:
                    messages.error(value)
                self.failed.emit(value)
        finally:
            _forget(self)


def start(task: Task) -> Task:
    """Start `task` and keep it alive until it finishes."""
    with _running_lock:
        _running.add(task)
    task.start()
    return task


def _forget(task: Task) -> None:
    with _running_lock:
        _running.discard(task)
    task.deleteLater()


def running() -> list[Task]:
    """Tasks started and not yet finished."""
    with _running_lock:
        return [t for t in _running if t.isRunning()]


def stop_all(timeout_ms: int = 30000) -> bool:
    """Cancel every running task and wait for it.

    Returns:
        True when all tasks stopped within the timeout.
    """
    with _running_lock:
        tasks = list(_running)
    for t in tasks:
        t.cancel()
    ok = True
    for t in tasks:
        if not t.wait(timeout_ms):
            log.error("task %s did not stop within %d ms", t.name, timeout_ms)
            ok = False
    return ok


def unusable_reason(path: str | Path) -> str | None:
    """Why `path` cannot be imported, or None when it looks like a video or audio file."""
    p = Path(path)
    if not p.exists():
        text = QCoreApplication.translate("workers", "{name} does not exist")
    elif p.is_dir():
        text = QCoreApplication.translate("workers", "{name} is a folder, not a video or audio file")
    elif p.suffix.lower() not in MEDIA_SUFFIXES:
        text = QCoreApplication.translate("workers", "{name} is not a video or audio file (use {kinds}, …)")
    elif p.stat().st_size == 0:
        text = QCoreApplication.translate("workers", "{name} is empty")
    else:
        return None
    return text.format(name=p.name, kinds=", ".join(s.lstrip(".") for s in MEDIA_SUFFIXES[:6]))


def display_text(text: str) -> str:
    """An import row's state text in the user's language: "transcribe: …" shows the stage translated.

    Other progress messages of the core (a transcribed phrase, a file name) stay as they are.
    """
    return ": ".join(QCoreApplication.translate("workers", STAGE_NAMES[part]) if part in STAGE_NAMES else part
                     for part in text.split(": ", 1))


@dataclass
class IngestItem:
    """One queued file and where its ingest stands."""

    path: str
    meta: dict[str, Any] = field(default_factory=dict)
    state: str = "queued"  # queued, running, done, failed, cancelled
    fraction: float = 0.0
    text: str = "waiting"
    session_id: str = ""

    @property
    def name(self) -> str:
        return Path(self.path).name


def overall_fraction(stage: str, fraction: float) -> float:
    """Progress over the whole ingest from one stage's report."""
    key = stage.split(":", 1)[0].strip()
    if key in INGEST_STAGES:
        return (INGEST_STAGES.index(key) + fraction) / len(INGEST_STAGES)
    return fraction


class IngestQueue(QObject):
    """Ingests queued files one at a time.

    Signals:
        added(row), changed(row): An item was queued or its state/progress changed.
        ingested(session_id): A file is now a session in the library.
        idle(): The queue has nothing left to do.
    """

    added = Signal(int)
    changed = Signal(int)
    ingested = Signal(str)
    idle = Signal()

    def __init__(self, library: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.items: list[IngestItem] = []
        self._task: Task | None = None
        self._row = -1

    def enqueue(self, path: str | Path, **meta: Any) -> bool:
        """Queue a file (with session metadata for `ingest`); False and a message if unusable."""
        reason = unusable_reason(path)
        if reason:
            messages.warning(self.tr("Cannot import: {reason}.").format(reason=reason))
            return False
        self.items.append(IngestItem(str(path), dict(meta)))
        self.added.emit(len(self.items) - 1)
        self._start_next()
        return True

    def busy(self) -> bool:
        return self._task is not None

    def cancel(self, row: int) -> None:
        """Cancel a queued item, or stop the running one."""
        item = self.items[row]
        if item.state == "queued":
            item.state, item.text = "cancelled", "cancelled"
            self.changed.emit(row)
        elif item.state == "running" and self._task is not None:
            item.text = "cancelling…"
            self.changed.emit(row)
            self._task.cancel()

    def _start_next(self) -> None:
        if self._task is not None:
            return
        row = next((i for i, it in enumerate(self.items) if it.state == "queued"), -1)
        if row < 0:
            self.idle.emit()
            return
        item = self.items[row]
        item.state, item.text = "running", "starting"
        self._row = row
        library, path, meta = self.library, item.path, dict(item.meta)

        def work(progress: Callable[[Progress], None], cancel: CancelToken) -> Any:
            from indexing.pipeline import ingest

            return ingest(library, path, progress=progress, cancel=cancel, **meta)

        task = Task(self.tr("Import {name}").format(name=item.name), work)
        task.progressed.connect(self._on_progressed)
        task.succeeded.connect(self._on_succeeded)
        task.failed.connect(self._on_failed)
        task.cancelled.connect(self._on_cancelled)
        task.finished.connect(self._on_finished)
        self._task = task
        self.changed.emit(row)
        start(task)

    def _on_progressed(self, fraction: float, text: str) -> None:
        item = self.items[self._row]
        item.fraction, item.text = overall_fraction(text, fraction), text
        self.changed.emit(self._row)

    def _on_succeeded(self, result: Any) -> None:
        item = self.items[self._row]
        item.state, item.fraction, item.session_id = "done", 1.0, result.session_id
        item.text = ("already in the library" if result.already_ingested
                     else self.tr("ready: %n step(s)", "", result.steps))
        self.changed.emit(self._row)
        messages.info(f"{item.name}: {display_text(item.text)}")
        self.ingested.emit(result.session_id)

    def _on_failed(self, text: str) -> None:
        item = self.items[self._row]
        item.state, item.text = "failed", text.split(": ", 1)[-1]
        self.changed.emit(self._row)

    def _on_cancelled(self) -> None:
        item = self.items[self._row]
        item.state, item.text = "cancelled", "cancelled"
        self.changed.emit(self._row)

    def _on_finished(self) -> None:
        self._task = None
        self._start_next()

    def stop(self) -> None:
        """Cancel everything queued and the running ingest (on close)."""
        for i, it in enumerate(self.items):
            if it.state in ("queued", "running"):
                self.cancel(i)


class TaskQueue(QObject):
    """Runs tasks strictly one after another (edits, then their undo, in order).

    Signals:
        idle(): Nothing is queued or running.
    """

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[Task] = []
        self._task: Task | None = None

    def submit(self, task: Task) -> Task:
        self._pending.append(task)
        self._start_next()
        return task

    def busy(self) -> bool:
        return self._task is not None or bool(self._pending)

    def clear(self) -> None:
        """Drop tasks that have not started yet (the running one finishes)."""
        self._pending.clear()

    def _start_next(self) -> None:
        if self._task is not None:
            return
        if not self._pending:
            self.idle.emit()
            return
        self._task = self._pending.pop(0)
        self._task.finished.connect(self._on_finished)
        start(self._task)

    def _on_finished(self) -> None:
        self._task = None
        self._start_next()


def reindex_task(library: Any) -> Task:
    """A task re-embedding every step (after an embedding model change); result: steps embedded."""

    def work(progress: Callable[[Progress], None], cancel: CancelToken) -> int:
        from indexing.pipeline import reindex

        return int(reindex(library, progress=progress, cancel=cancel))

    return Task(QCoreApplication.translate("workers", "Re-index the library"), work)


def reembed_task(library: Any) -> Task:
    """A task re-embedding the sessions an upgrade listed (`Library.reembed_pending`); result: steps embedded."""

    def work(progress: Callable[[Progress], None], cancel: CancelToken) -> int:
        return int(library.reembed_pending(progress=progress, cancel=cancel))

    return Task(QCoreApplication.translate("workers", "Update the search index"), work)


def export_task(library: Any, options: Any) -> Task:
    """A task writing a training set (`indexing.export.export` with `ExportOptions`); result: ExportResult."""

    def work(progress: Callable[[Progress], None], cancel: CancelToken) -> Any:
        from indexing.export import export

        return export(library, options, progress, cancel)

    return Task(QCoreApplication.translate("workers", "Export"), work)
