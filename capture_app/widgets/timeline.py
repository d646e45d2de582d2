"""The review timeline: steps as blocks, the playhead, and draggable step edges.

Tap a block to select it and seek to its start; press on the edge between two
blocks (a wide, finger-sized grab zone) and drag to move it. The widget only
reports what the user did; the review view turns that into edits.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from capture_app.widgets.common import STATUS_COLORS, fmt_time

GRAB_PX = 16
"""Half-width of the zone around an edge that starts a drag (a gloved finger is wide)."""
MIN_STEP_S = 0.5
MIN_TITLE_CHARS = 4
"""An elided title keeps at least this many characters, or the block shows its number alone."""


def block_label(number: int, title: str, width: int, metrics: QFontMetrics) -> str:
    """What a block of `width` pixels shows: "4. Title", "4. Tit…", or "4" alone when only a
    stub of the title would fit (a "4. …" tells nobody anything), or nothing when even the number
    does not fit."""
    full = f"{number}. {title}" if title else str(number)
    if metrics.horizontalAdvance(full) <= width:
        return full
    prefix = f"{number}. "
    elided = metrics.elidedText(full, Qt.TextElideMode.ElideRight, width)
    if title and elided.startswith(prefix) and len(elided.rstrip("\u2026")) - len(prefix) >= MIN_TITLE_CHARS:
        return elided
    return str(number) if metrics.horizontalAdvance(str(number)) <= width else ""


@dataclass(frozen=True)
class Block:
    """One step as the timeline draws it."""

    step_id: str
    start: float
    end: float
    title: str
    status: str = "proposed"


class StepTimeline(QWidget):
    """Steps as coloured blocks over the session's duration.

    Signals:
        step_clicked(step_id): A block was tapped.
        seek_requested(seconds): Where the tap was (or a step's start).
        edge_dragged(left_step_id, seconds): The edge after `left_step_id` was dropped at `seconds`.
    """

    step_clicked = Signal(str)
    seek_requested = Signal(float)
    edge_dragged = Signal(str, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blocks: list[Block] = []
        self.duration = 0.0
        self.playhead = 0.0
        self.selected = ""
        self._drag: int | None = None  # index of the block whose end edge is dragged
        self._drag_t = 0.0
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(False)

    # -- API ------------------------------------------------------------------
    def set_blocks(self, blocks: list[Block], duration: float) -> None:
        self.blocks = sorted(blocks, key=lambda b: b.start)
        self.duration = max(duration, max((b.end for b in self.blocks), default=0.0))
        self.update()

    def set_selected(self, step_id: str) -> None:
        self.selected = step_id
        self.update()

    def set_playhead(self, seconds: float) -> None:
        self.playhead = seconds
        self.update()

    def edge_x(self, index: int) -> float:
        """x of the end edge of block `index` (for tests and hit-testing)."""
        return self._x(self.blocks[index].end)

    # -- geometry -------------------------------------------------------------
    def _track(self) -> QRectF:
        return QRectF(8, 26, max(1, self.width() - 16), self.height() - 34)

    def _x(self, t: float) -> float:
        tr = self._track()
        return tr.left() + (t / self.duration * tr.width() if self.duration > 0 else 0.0)

    def _t(self, x: float) -> float:
        tr = self._track()
        if self.duration <= 0:
            return 0.0
        return max(0.0, min(self.duration, (x - tr.left()) / tr.width() * self.duration))

    def _edge_at(self, x: float) -> int | None:
        """The inner edge (between block i and i+1, sharing a time) under x, if any."""
        best, best_d = None, GRAB_PX + 1.0
        for i in range(len(self.blocks) - 1):
            if abs(self.blocks[i].end - self.blocks[i + 1].start) > 1e-3:
                continue
            d = abs(self._x(self.blocks[i].end) - x)
            if d <= GRAB_PX and d < best_d:
                best, best_d = i, d
        return best

    def _block_at(self, t: float) -> Block | None:
        for b in self.blocks:
            if b.start <= t < b.end:
                return b
        return self.blocks[-1] if self.blocks and t >= self.blocks[-1].end else None

    # -- events ---------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        """Hovering a block (a mouse on the PC) shows its whole numbered title."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            block = self._block_at(self._t(event.pos().x())) if self.blocks else None
            if block is None:
                QToolTip.hideText()
            else:
                number = self.blocks.index(block) + 1
                QToolTip.showText(event.globalPos(), f"{number}. {block.title}" if block.title else str(number), self)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() != Qt.MouseButton.LeftButton or not self.blocks:
            return
        x = event.position().x()
        edge = self._edge_at(x)
        if edge is not None:
            self._drag, self._drag_t = edge, self.blocks[edge].end
            return
        t = self._t(x)
        block = self._block_at(t)
        if block is not None:
            self.selected = block.step_id
            self.step_clicked.emit(block.step_id)
        self.seek_requested.emit(t)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._drag is None:
            return
        left, right = self.blocks[self._drag], self.blocks[self._drag + 1]
        t = self._t(event.position().x())
        self._drag_t = max(left.start + MIN_STEP_S, min(right.end - MIN_STEP_S, t))
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._drag is None:
            return
        index, t = self._drag, self._drag_t
        self._drag = None
        if abs(t - self.blocks[index].end) >= 0.05:
            self.edge_dragged.emit(self.blocks[index].step_id, round(t, 2))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        tr = self._track()
        p.fillRect(self.rect(), QColor("#f7f8fa"))
        p.setPen(QPen(QColor("#c8ccd2"), 1))
        p.setBrush(QColor("#e9ecf0"))
        p.drawRoundedRect(tr, 6, 6)
        small = QFont(self.font())
        small.setPointSize(max(9, self.font().pointSize() - 3))
        p.setFont(small)
        # time ticks every sensible interval
        if self.duration > 0:
            step = next((s for s in (5, 10, 15, 30, 60, 120, 300, 600)
                         if self.duration / s <= max(2, tr.width() / 90)), 600)
            p.setPen(QColor("#5b616b"))
            t = 0.0
            while t <= self.duration + 1e-6:
                x = self._x(t)
                p.drawLine(QPointF(x, tr.top() - 6), QPointF(x, tr.top()))
                left = max(0.0, min(self.width() - 80.0, x - 40))
                p.drawText(QRectF(left, 0, 80, tr.top() - 6), Qt.AlignmentFlag.AlignCenter, fmt_time(t))
                t += step
        p.setFont(self.font())
        for i, b in enumerate(self.blocks):
            end = self._drag_t if self._drag == i else b.end
            start = self._drag_t if self._drag is not None and self._drag + 1 == i else b.start
            rect = QRectF(self._x(start) + 1, tr.top() + 4, self._x(end) - self._x(start) - 2,
                          tr.height() - 8)
            color = QColor(STATUS_COLORS.get(b.status, STATUS_COLORS["proposed"]))
            if b.step_id != self.selected:
                color = color.lighter(135)
            p.setPen(QPen(QColor("#1b1f24"), 3) if b.step_id == self.selected else QPen(color.darker(130), 1))
            p.setBrush(color)
            p.drawRoundedRect(rect, 6, 6)
            p.setPen(QColor("white") if b.step_id == self.selected else QColor("#10151c"))
            text_rect = rect.adjusted(8, 2, -8, -2)
            label = block_label(i + 1, b.title, int(text_rect.width()), p.fontMetrics())
            align = Qt.AlignmentFlag.AlignLeft if label != str(i + 1) else Qt.AlignmentFlag.AlignHCenter
            p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | align, label)
        # edge handles: visible grips so nobody has to discover them by hovering
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#1b1f24"))
        for i in range(len(self.blocks) - 1):
            x = self._drag_t if self._drag == i else self.blocks[i].end
            cx, cy = self._x(x), tr.center().y()
            p.drawRoundedRect(QRectF(cx - 3, cy - 16, 6, 32), 3, 3)
        if self.duration > 0:
            x = self._x(self.playhead)
            p.setPen(QPen(QColor("#d62828"), 3))
            p.drawLine(QPointF(x, tr.top() - 4), QPointF(x, tr.bottom() + 4))
        p.end()
