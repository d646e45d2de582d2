"""Search: a trainee types a question and watches the matching steps."""

from __future__ import annotations

import html
import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from capture_app import workers
from capture_app.widgets.cards import ResultCard
from capture_app.widgets.common import category_text, fmt_time, set_role, side_by_side
from capture_app.widgets.player import VideoPlayer
from indexing.models import CATEGORIES, SearchHit

log = logging.getLogger(__name__)

ANY = ""


class SearchView(QWidget):
    """Query box, filters, result cards, and a player with the step's tips and warnings.

    Signals:
        results_ready(count): A search finished and its cards are shown.
        opened(step_id): A result is playing.
    """

    results_ready = Signal(int)
    opened = Signal(str)

    def __init__(self, library: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.hits: list[SearchHit] = []
        self.cards: list[ResultCard] = []
        self.current: SearchHit | None = None
        self.query = ""
        self._generation = 0

        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText(self.tr("Ask in plain words, e.g. “how do I lock out the press?”"))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setMinimumHeight(56)
        font = self.query_edit.font()
        font.setPointSize(font.pointSize() + 3)
        self.query_edit.setFont(font)
        self.search_button = set_role(QPushButton(self.tr("Search")), "primary")
        self.search_button.setMinimumHeight(56)
        top = QHBoxLayout()
        top.addWidget(self.query_edit, 1)
        top.addWidget(self.search_button)

        self.workstation_box = QComboBox()
        self.category_box = QComboBox()
        self.expert_box = QComboBox()
        self.approved_box = QCheckBox(self.tr("Approved only"))
        filters = QHBoxLayout()
        for label, box in ((self.tr("Workstation"), self.workstation_box), (self.tr("Category"), self.category_box),
                           (self.tr("Expert"), self.expert_box)):
            filters.addWidget(QLabel(label))
            filters.addWidget(box, 1)
        filters.addWidget(self.approved_box)

        self.status = set_role(QLabel(self.tr("Type a question and press Search.")), "hint")
        self.cards_box = QVBoxLayout()
        self.cards_box.setSpacing(10)
        self.cards_box.addStretch(1)
        holder = QWidget()
        holder.setLayout(self.cards_box)
        self.results = QScrollArea()
        self.results.setWidgetResizable(True)
        self.results.setWidget(holder)
        self.results.setFrameShape(QFrame.Shape.NoFrame)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.status)
        lv.addWidget(self.results, 1)

        self.step_title = set_role(QLabel(self.tr("Pick a result to watch it")), "heading")
        self.step_title.setWordWrap(True)
        self.step_where = set_role(QLabel(""), "hint")
        self.player = VideoPlayer()
        self.tips_label = QLabel("")
        self.tips_label.setWordWrap(True)
        self.tips_label.setTextFormat(Qt.TextFormat.RichText)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.step_title)
        rv.addWidget(self.step_where)
        rv.addWidget(self.player, 1)
        rv.addWidget(self.tips_label)

        split = side_by_side(left, right, stretch=(1, 1), sizes=(660, 600))
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(filters)
        lay.addWidget(split, 1)

        self.search_button.clicked.connect(self._on_search_clicked)
        self.query_edit.returnPressed.connect(self._on_search_clicked)
        self.refresh_filters()

    # -- API ------------------------------------------------------------------
    def refresh_filters(self) -> None:
        """Fill the filter lists from the library's sessions (a quick read)."""
        sessions = self.library.sessions()
        for box, values, any_label in (
            (self.workstation_box, sorted({s.workstation for s in sessions if s.workstation}),
             self.tr("Any workstation")),
            (self.category_box, list(CATEGORIES), self.tr("Any category")),
            (self.expert_box, sorted({s.expert for s in sessions if s.expert}), self.tr("Any expert")),
        ):
            current = box.currentData()
            box.clear()
            box.addItem(any_label, ANY)
            for v in values:
                box.addItem(category_text(v) if box is self.category_box else v, v)
            box.setCurrentIndex(max(0, box.findData(current)))

    def filters(self) -> dict[str, Any]:
        """The chosen filters as `search` keyword arguments."""
        return {
            "workstation": self.workstation_box.currentData() or None,
            "category": self.category_box.currentData() or None,
            "expert": self.expert_box.currentData() or None,
            "status": "approved" if self.approved_box.isChecked() else None,
        }

    def run_search(self, query: str | None = None) -> None:
        """Search in a worker; the newest search wins."""
        if query is not None:
            self.query_edit.setText(query)
        text = self.query_edit.text().strip()
        if not text:
            self.status.setText(self.tr("Type a question and press Search."))
            return
        self._generation += 1
        gen, library, filters = self._generation, self.library, self.filters()

        def work(_progress: Any, _cancel: Any) -> list[SearchHit]:
            from indexing.search import search

            return search(library, text, k=10, **filters)

        task = workers.Task(self.tr("Search “{query}”").format(query=text), work)
        task.succeeded.connect(lambda hits, g=gen, q=text: self._on_results(g, q, hits))
        task.failed.connect(lambda msg, g=gen: self._on_failed(g, msg))
        self.status.setText(self.tr("Searching…"))
        self.search_button.setEnabled(False)
        workers.start(task)

    def open_hit(self, hit: SearchHit) -> None:
        """Play the hit's session from the step's start, its tips and warnings beside it."""
        self.current = hit
        session = self.library.session(hit.session_id)
        tips, warnings = hit.tips, hit.warnings
        if not tips and not warnings:
            step = self.library.step(hit.step_id)
            tips, warnings = step.tips, step.warnings
        self.step_title.setText(html.escape(hit.title or self.tr("Step {number}").format(number=hit.index + 1)))
        self.step_where.setText(f"{session.title or session.session_id} · "
                                f"{fmt_time(hit.start)}–{fmt_time(hit.end)}")
        warning, tip = self.tr("⚠ Warning:"), self.tr("★ Tip:")
        parts = [f"<p style='color:#9d2f2f'><b>{warning}</b> {html.escape(w)}</p>" for w in warnings]
        parts += [f"<p style='color:#1f5f3f'><b>{tip}</b> {html.escape(t)}</p>" for t in tips]
        self.tips_label.setText("".join(parts))
        self.player.open(session.media_path, hit.start, autoplay=True)
        self.opened.emit(hit.step_id)

    # -- slots ----------------------------------------------------------------
    def _on_search_clicked(self) -> None:
        self.run_search()

    def _on_results(self, generation: int, query: str, hits: list[SearchHit]) -> None:
        if generation != self._generation:
            return
        self.search_button.setEnabled(True)
        self.query = query
        self.hits = list(hits)
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        for hit in self.hits:
            card = ResultCard(hit, query)
            card.activated.connect(self._on_card_activated)
            self.cards_box.insertWidget(self.cards_box.count() - 1, card)
            self.cards.append(card)
        n = len(self.hits)
        if n:
            self.status.setText(self.tr("%n step(s) found for “{query}”", "", n).format(query=query))
        elif not any(s.step_count for s in self.library.sessions()):
            self.status.setText(self.tr("The library has no steps to search yet: record a session, "
                                        "or import a video in Library."))
        else:
            self.status.setText(self.tr("Nothing found for “{query}”. Try other words or fewer filters.")
                                .format(query=query))
        self.results_ready.emit(n)

    def _on_failed(self, generation: int, _text: str) -> None:
        if generation == self._generation:
            self.search_button.setEnabled(True)
            self.status.setText(self.tr("The search failed (see the message)."))

    def _on_card_activated(self, hit: SearchHit) -> None:
        self.open_hit(hit)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.refresh_filters()

    def shutdown(self) -> None:
        self.player.unload()
