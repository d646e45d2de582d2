"""The library: sessions with their status, and importing existing recordings."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from capture_app import messages
from capture_app.i18n import QT_TRANSLATE_NOOP
from capture_app.widgets.common import TARGET_PX, fmt_time, set_role, status_text
from capture_app.workers import AUDIO_SUFFIXES, VIDEO_SUFFIXES, IngestItem, IngestQueue, display_text
from indexing.models import SESSION_STATUSES, Session

log = logging.getLogger(__name__)

COLUMNS = (QT_TRANSLATE_NOOP("SessionsModel", "Title"), QT_TRANSLATE_NOOP("SessionsModel", "Status"),
           QT_TRANSLATE_NOOP("SessionsModel", "Expert"), QT_TRANSLATE_NOOP("SessionsModel", "Workstation"),
           QT_TRANSLATE_NOOP("SessionsModel", "Duration"), QT_TRANSLATE_NOOP("SessionsModel", "Steps"),
           QT_TRANSLATE_NOOP("SessionsModel", "Recorded"))
STATUS_TEXT_COLORS = {"approved": "#257d46", "reviewed": "#8a5a00", "needs review": "#b35c00",
                      "unfinished": "#9d2f2f"}


def status_label(session: Session) -> str:
    """What the library shows as a session's status: the core's declared status.

    The core moves it ("needs review" → "reviewed" → "approved") as steps are
    reviewed and approved; a session row an older version left half-made shows
    as "unfinished" (ingesting the file again completes it).
    """
    return session.status if session.status in SESSION_STATUSES else "unfinished"


class SessionsModel(QAbstractTableModel):
    """The library's sessions as table rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[Session, str]] = []

    def set_rows(self, rows: list[tuple[Session, str]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("SessionsModel", COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s, status = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (s.title or Path(s.media_path).stem, status_text(status), s.expert, s.workstation,
                    fmt_time(s.duration), str(s.step_count), s.created_at[:16].replace("T", " "))[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return s.session_id
        if role == Qt.ItemDataRole.ForegroundRole and col == 1:
            return QColor(STATUS_TEXT_COLORS.get(status, "#1b1f24"))
        if role == Qt.ItemDataRole.FontRole and col == 1:
            font = QFont()
            font.setBold(True)
            return font
        return None


class IngestRow(QFrame):
    """One queued import: name, progress, state and a Cancel button."""

    def __init__(self, queue: IngestQueue, row: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue, self.row = queue, row
        self.name = QLabel()
        self.name.setMinimumWidth(220)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.state = set_role(QLabel(), "hint")
        self.state.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.addWidget(self.name)
        lay.addWidget(self.bar, 1)
        lay.addWidget(self.state, 1)
        lay.addWidget(self.cancel_button)
        self.update_from(queue.items[row])

    def update_from(self, item: IngestItem) -> None:
        self.name.setText(item.name)
        self.bar.setValue(int(item.fraction * 1000))
        self.state.setText({"failed": "✖ ", "done": "✔ ", "cancelled": "— "}.get(item.state, "")
                           + display_text(item.text))
        self.cancel_button.setVisible(item.state in ("queued", "running"))

    def _on_cancel_clicked(self) -> None:
        self.queue.cancel(self.row)


class LibraryView(QWidget):
    """Sessions table, Import… and drag-and-drop, and the import queue.

    Signals:
        review_requested(session_id): The user wants to review a session.
    """

    review_requested = Signal(str)

    def __init__(self, library: Any, queue: IngestQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.queue = queue
        self.setAcceptDrops(True)

        heading = set_role(QLabel(self.tr("Library")), "heading")
        hint = set_role(QLabel(self.tr("Drop video or audio files here, or use Import…")), "hint")
        hint.setWordWrap(True)
        self.import_button = set_role(QPushButton(self.tr("Import…")), "primary")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(hint, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.import_button)

        self.model = SessionsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(TARGET_PX + 4)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(COLUMNS)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_label = set_role(QLabel(self.tr("No sessions yet: record one, or import a video.")), "hint")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.review_button = set_role(QPushButton(self.tr("Review selected session")), "primary")
        self.review_button.setEnabled(False)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.review_button)

        self.imports_heading = set_role(QLabel(self.tr("Imports")), "heading")
        self.rows_box = QVBoxLayout()
        self.rows_box.addStretch(1)
        holder = QWidget()
        holder.setLayout(self.rows_box)
        self.imports = QScrollArea()
        self.imports.setWidgetResizable(True)
        self.imports.setWidget(holder)
        self.imports.setMaximumHeight(220)
        self.imports.setFrameShape(QFrame.Shape.NoFrame)
        self.ingest_rows: list[IngestRow] = []
        self._last_stage: dict[int, str] = {}

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty_label)
        lay.addLayout(actions)
        lay.addWidget(self.imports_heading)
        lay.addWidget(self.imports)
        self._show_imports()

        self.import_button.clicked.connect(self._on_import_clicked)
        self.refresh_button.clicked.connect(self.refresh)
        self.review_button.clicked.connect(self._on_review_clicked)
        self.table.doubleClicked.connect(self._on_review_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        queue.added.connect(self._on_added)
        queue.changed.connect(self._on_changed)
        queue.ingested.connect(self._on_ingested)
        self.refresh()

    # -- API ------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the sessions from the catalog (a quick read)."""
        keep = self.selected_session()
        rows = []
        for s in self.library.sessions():
            rows.append((s, status_label(s)))
        self.model.set_rows(rows)
        for i, (s, _label) in enumerate(rows):
            if s.session_id == keep:
                self.table.selectRow(i)
        self.empty_label.setVisible(not rows)
        self._on_selection_changed()

    def selected_session(self) -> str:
        idx = self.table.selectionModel().selectedRows()
        return self.model.data(idx[0], Qt.ItemDataRole.UserRole) if idx else ""

    def import_files(self, paths: list[str]) -> int:
        """Queue files for ingest; unusable ones get a message. Returns how many were queued."""
        return sum(1 for p in paths if self.queue.enqueue(p, title=Path(p).stem))

    # -- slots ----------------------------------------------------------------
    def _on_import_clicked(self) -> None:
        exts = " ".join(f"*{s}" for s in VIDEO_SUFFIXES + AUDIO_SUFFIXES)
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import recordings"), "",
            self.tr("Video and audio ({patterns});;All files (*)").format(patterns=exts))
        if files:
            self.import_files(files)

    def _on_review_clicked(self, *_args: Any) -> None:
        sid = self.selected_session()
        if sid:
            self.review_requested.emit(sid)

    def _on_selection_changed(self, *_args: Any) -> None:
        self.review_button.setEnabled(bool(self.selected_session()))

    def _on_added(self, row: int) -> None:
        widget = IngestRow(self.queue, row)
        self.ingest_rows.append(widget)
        self.rows_box.insertWidget(self.rows_box.count() - 1, widget)
        self._show_imports()

    def _on_changed(self, row: int) -> None:
        if row < len(self.ingest_rows):
            self.ingest_rows[row].update_from(self.queue.items[row])
        # A new stage changes the session's status in the catalog: show it.
        stage = self.queue.items[row].text.split(":", 1)[0]
        if stage != self._last_stage.get(row):
            self._last_stage[row] = stage
            self.refresh()

    def _on_ingested(self, _session_id: str) -> None:
        self.refresh()

    def _show_imports(self) -> None:
        visible = bool(self.ingest_rows)
        self.imports_heading.setVisible(visible)
        self.imports.setVisible(visible)

    # -- drag and drop --------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            messages.warning(self.tr("Only files on this computer can be imported."))
            return
        event.acceptProposedAction()
        self.import_files(paths)
