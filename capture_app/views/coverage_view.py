"""Coverage: which workstations and processes are captured, approved, missing, at risk.

The view reads `indexing.document.coverage.coverage` (a quick catalog read) and
paints its heat map with Qt; loading a CSV of required procedures and setting a
retirement date run in worker tasks. Writing the heat map PNG uses the same
`heat_cells` data as `knowhow coverage --png`.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QDate, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from capture_app import messages
from capture_app.widgets.common import set_role
from capture_app.workers import Task, start
from indexing.document.coverage import Coverage, Required, coverage, read_required
from indexing.document.heatmap import HeatCell, heat_cells, hours_text, shade, text_on

log = logging.getLogger(__name__)


class HeatMap(QWidget):
    """Workstations down, processes across; each cell shaded by its approved share."""

    LEFT, TOP, CELL_W, CELL_H = 150, 34, 170, 64
    MAX_CELL_W = 320

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stations: list[str] = []
        self.processes: list[str] = []
        self.cells: list[HeatCell] = []
        self.cell_w, self.left = self.CELL_W, self.LEFT
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def detail(self, c: HeatCell) -> str:
        """A cell's second line in the app's language."""
        if c.by_procedure:
            text = self.tr("{0}/{1} approved").format(c.approved, c.rows)
            return text + (self.tr(", {0} missing").format(c.missing) if c.missing else "")
        return self.tr("%n session(s), {0} h", "", c.sessions).format(hours_text(c.hours))

    def set_coverage(self, cov: Coverage) -> None:
        self.stations, self.processes, self.cells = heat_cells(cov)
        metrics = self.fontMetrics()
        widest = max([metrics.horizontalAdvance(self.detail(c)) for c in self.cells] + [0])
        heads = [metrics.horizontalAdvance(p) for p in self.processes] + [0]
        self.cell_w = min(self.MAX_CELL_W, max(self.CELL_W, widest + 24, max(heads) + 24))
        self.left = min(260, max([self.LEFT] + [metrics.horizontalAdvance(w) + 24 for w in self.stations]))
        self.setMinimumHeight(self.TOP + self.CELL_H * max(1, len(self.stations)) + 8)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        if not self.stations:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       self.tr("Nothing recorded yet: the map fills as sessions are imported."))
            p.end()
            return
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        for j, proc in enumerate(self.processes):
            p.drawText(QRectF(self.left + j * self.cell_w + 6, 4, self.cell_w - 8, self.TOP - 8),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, proc)
        for i, ws in enumerate(self.stations):
            p.drawText(QRectF(6, self.TOP + i * self.CELL_H, self.left - 10, self.CELL_H - 4),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, ws)
        for c in self.cells:
            box = QRectF(self.left + c.col * self.cell_w, self.TOP + c.row * self.CELL_H,
                         self.cell_w - 4, self.CELL_H - 4)
            if c.value is None:
                p.fillRect(box, QColor(240, 240, 240))
                continue
            p.fillRect(box, QColor(*shade(c.value)))
            p.setPen(QPen(QColor("black"), 1))
            p.drawRect(box)
            p.setPen(QColor(*text_on(c.value)))
            p.setFont(bold)
            p.drawText(box.adjusted(8, 4, -4, -box.height() / 2), Qt.AlignmentFlag.AlignLeft
                       | Qt.AlignmentFlag.AlignVCenter, c.text)
            p.setFont(self.font())
            p.drawText(box.adjusted(8, box.height() / 2, -4, -4), Qt.AlignmentFlag.AlignLeft
                       | Qt.AlignmentFlag.AlignVCenter, self.detail(c))
            p.setPen(QColor("black"))
        p.end()


class CoverageView(QWidget):
    """The coverage table, the at-risk ranking, the heat map and retirement dates.

    Signals:
        refreshed(coverage): The report was (re)computed.
    """

    refreshed = Signal(object)

    def __init__(self, library: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.required: list[Required] | None = None
        self.required_from: str | None = None
        self.report: Coverage | None = None

        self.summary = set_role(QLabel(""), "hint")
        self.summary.setWordWrap(True)
        self.load_button = QPushButton(self.tr("Load required procedures (CSV)…"))
        self.clear_button = QPushButton(self.tr("Use recorded workstations"))
        self.png_button = QPushButton(self.tr("Save heat map…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        top = QHBoxLayout()
        top.addWidget(set_role(QLabel(self.tr("Coverage")), "heading"))
        top.addStretch(1)
        for b in (self.load_button, self.clear_button, self.png_button, self.refresh_button):
            top.addWidget(b)

        self.heatmap = HeatMap()
        self.table = QTableWidget(0, 9)
        self.table.setHorizontalHeaderLabels([
            self.tr("Workstation"), self.tr("Process"), self.tr("Procedure"), self.tr("Status"),
            self.tr("Sessions"), self.tr("Hours"), self.tr("Approved"), self.tr("Experts"),
            self.tr("Leaves on")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.risk = QTableWidget(0, 5)
        self.risk.setHorizontalHeaderLabels([self.tr("Rank"), self.tr("Days left"), self.tr("Only expert"),
                                             self.tr("Status"), self.tr("At risk")])
        self.risk.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.risk.verticalHeader().setVisible(False)
        self.risk.horizontalHeader().setStretchLastSection(True)

        self.expert_box = QComboBox()
        self.expert_box.setEditable(True)
        self.expert_box.setMinimumWidth(200)
        self.date_edit = QDateEdit(QDate.currentDate().addYears(1))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.set_date_button = QPushButton(self.tr("Set retirement date"))
        people = QHBoxLayout()
        people.addWidget(QLabel(self.tr("Expert")))
        people.addWidget(self.expert_box)
        people.addWidget(QLabel(self.tr("plans to retire on")))
        people.addWidget(self.date_edit)
        people.addWidget(self.set_date_button)
        people.addStretch(1)

        risk_box = QWidget()
        rl = QVBoxLayout(risk_box)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(set_role(QLabel(self.tr("Knowledge at risk (its last expert leaves soonest first)")),
                              "hint"))
        self.risk_empty = QLabel()  # what an empty ranking means, and what to do
        self.risk_empty.setWordWrap(True)
        rl.addWidget(self.risk_empty)
        rl.addWidget(self.risk, 1)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.table)
        lower.addWidget(risk_box)
        lower.setSizes([760, 500])

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(self.heatmap)
        lay.addWidget(lower, 1)
        lay.addLayout(people)

        self.load_button.clicked.connect(self._on_load_clicked)
        self.clear_button.clicked.connect(self._on_clear_clicked)
        self.png_button.clicked.connect(self._on_png_clicked)
        self.refresh_button.clicked.connect(self.refresh)
        self.set_date_button.clicked.connect(self._on_set_date_clicked)
        self.refresh()

    # -- data -----------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the report from the catalog (a quick read) and show it."""
        self.report = coverage(self.library, self.required, required_from=self.required_from)
        self._show(self.report)
        self.refreshed.emit(self.report)

    def load_required(self, path: str) -> Task:
        """Read a CSV of required procedures in a worker, then show coverage against it."""
        task = Task(self.tr("Load required procedures"), lambda _p, _c: read_required(path))
        task.succeeded.connect(lambda reqs: self._on_required_loaded(path, reqs))
        return start(task)

    def set_retirement(self, expert: str, date: str) -> Task:
        """Store an expert's planned retirement date in a worker, then refresh."""
        library = self.library
        task = Task(self.tr("Set retirement date"), lambda _p, _c: library.set_retirement(expert, date))
        task.succeeded.connect(self._on_retirement_set)
        return start(task)

    def save_png(self, path: str) -> Task:
        """Write the heat map PNG (the same picture as `knowhow coverage --png`) in a worker."""
        from indexing.document.heatmap import render_png
        from indexing.document.output import write_atomic

        report = self.report or coverage(self.library, self.required)
        task = Task(self.tr("Save heat map"), lambda _p, _c: write_atomic(path, render_png(report)))
        task.succeeded.connect(lambda p: messages.info(self.tr("Heat map saved to {0}").format(p)))
        return start(task)

    # -- display --------------------------------------------------------------
    def _show(self, cov: Coverage) -> None:
        t = cov.totals()
        source = self.tr("required procedures from {0}").format(cov.required_from) if cov.required_from \
            else self.tr("recorded workstations and processes")
        self.summary.setText(self.tr("%n row(s) ({0}): {1} approved, {2} captured, {3} missing; {4} at risk", "",
                                     t["rows"])
                             .format(source, t["approved"], t["captured"], t["missing"], t["at_risk"]))
        self.heatmap.set_coverage(cov)
        status_words = {"missing": self.tr("missing"), "captured": self.tr("captured"),
                        "approved": self.tr("approved")}
        self.table.setRowCount(len(cov.rows))
        for i, r in enumerate(cov.rows):
            values = [r.workstation, r.process, r.procedure, status_words[r.status], str(r.sessions),
                      f"{r.hours:.2f}", f"{r.approved_share:.0%}", ", ".join(r.experts), r.leaves_on or ""]
            for j, v in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(v))
        self.table.resizeColumnsToContents()
        self.risk.setRowCount(len(cov.at_risk))
        for i, k in enumerate(cov.at_risk):
            what = " / ".join(x for x in (k["workstation"], k["process"], k["procedure"]) if x)
            values = [str(k["rank"]), str(k["days_left"]), k["only_expert"] or ", ".join(k["experts"]),
                      status_words[k["status"]], what]
            for j, v in enumerate(values):
                self.risk.setItem(i, j, QTableWidgetItem(v))
        self.risk.resizeColumnsToContents()
        if cov.at_risk:
            self.risk_empty.setText("")
        elif not self.library.retirements():
            self.risk_empty.setText(self.tr("No retirement dates yet. Set when an expert plans to retire "
                                            "(below) to see which knowledge would leave with them."))
        else:
            self.risk_empty.setText(self.tr("Nothing at risk: what the retiring experts know is approved, "
                                            "or another expert without a date knows it too."))
        self.risk_empty.setVisible(not cov.at_risk)
        current = self.expert_box.currentText()
        experts = sorted({e for r in cov.rows for e in r.experts} | set(self.library.retirements()))
        self.expert_box.clear()
        self.expert_box.addItems(experts)
        if current:
            self.expert_box.setCurrentText(current)

    # -- slots ----------------------------------------------------------------
    def _on_required_loaded(self, path: str, reqs: list[Required]) -> None:
        self.required, self.required_from = reqs, path
        self.refresh()

    def _on_retirement_set(self, _date: Any) -> None:
        self.refresh()

    def _on_load_clicked(self) -> None:
        if not messages.dialogs_enabled():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Required procedures"), "",
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.load_required(path)

    def _on_clear_clicked(self) -> None:
        self.required = self.required_from = None
        self.refresh()

    def _on_png_clicked(self) -> None:
        if not messages.dialogs_enabled():
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save heat map"), "coverage.png",
                                              self.tr("PNG images (*.png)"))
        if path:
            self.save_png(path)

    def _on_set_date_clicked(self) -> None:
        expert = self.expert_box.currentText().strip()
        if expert:
            self.set_retirement(expert, self.date_edit.date().toString("yyyy-MM-dd"))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.refresh()
