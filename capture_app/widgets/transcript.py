"""The transcript beside the player: the current word highlighted, tap a word to seek."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from capture_app.widgets.common import fmt_time
from indexing.models import Segment


@dataclass(frozen=True)
class WordSpan:
    """Where one word sits in the text and in time."""

    char_start: int
    char_end: int
    start: float
    end: float


class TranscriptView(QPlainTextEdit):
    """Read-only transcript, one paragraph per segment, with word timing.

    Signals:
        word_clicked(seconds): The start of the tapped word (or segment).
    """

    word_clicked = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self.spans: list[WordSpan] = []
        self._starts: list[float] = []
        self.current = -1
        self.step_range: tuple[float, float] | None = None

    def set_segments(self, segments: Sequence[Segment]) -> None:
        """Show a transcript; words without timing fall back to their segment's times."""
        parts: list[str] = []
        spans: list[WordSpan] = []
        pos = 0
        for seg in segments:
            prefix = f"[{fmt_time(seg.start)}] "
            parts.append(prefix)
            pos += len(prefix)
            words = seg.words or ()
            if not words:
                text = seg.text.strip()
                spans.append(WordSpan(pos, pos + len(text), seg.start, seg.end))
                parts.append(text)
                pos += len(text)
            for j, w in enumerate(words):
                token = w.word.strip()
                if j:
                    parts.append(" ")
                    pos += 1
                spans.append(WordSpan(pos, pos + len(token), w.start, w.end))
                parts.append(token)
                pos += len(token)
            parts.append("\n")
            pos += 1
        self.setPlainText("".join(parts).rstrip("\n"))
        self.spans = spans
        self._starts = [s.start for s in spans]
        self.current = -1
        self._refresh()

    def word_index_at(self, seconds: float) -> int:
        """Index of the word being spoken at `seconds` (the last one started), -1 before the first."""
        return bisect.bisect_right(self._starts, seconds) - 1

    def set_time(self, seconds: float) -> None:
        """Highlight the word at `seconds` and keep it in view."""
        idx = self.word_index_at(seconds)
        if idx != self.current:
            self.current = idx
            self._refresh(scroll=True)

    def set_step_range(self, start: float, end: float) -> None:
        """Shade the words of the selected step."""
        self.step_range = (start, end)
        self._refresh()

    def _refresh(self, scroll: bool = False) -> None:
        selections = []
        if self.step_range and self.spans:
            a, b = self.step_range
            inside = [s for s in self.spans if a <= (s.start + s.end) / 2 < b]
            if inside:
                sel = QTextEdit.ExtraSelection()
                sel.format = QTextCharFormat()
                sel.format.setBackground(QColor("#e4edfb"))
                cur = QTextCursor(self.document())
                cur.setPosition(inside[0].char_start)
                cur.setPosition(inside[-1].char_end, QTextCursor.MoveMode.KeepAnchor)
                sel.cursor = cur
                selections.append(sel)
        if 0 <= self.current < len(self.spans):
            span = self.spans[self.current]
            sel = QTextEdit.ExtraSelection()
            sel.format = QTextCharFormat()
            sel.format.setBackground(QColor("#ffd23f"))
            sel.format.setFontWeight(700)
            cur = QTextCursor(self.document())
            cur.setPosition(span.char_start)
            cur.setPosition(span.char_end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cur
            selections.append(sel)
            if scroll:
                view = QTextCursor(self.document())
                view.setPosition(span.char_start)
                self.setTextCursor(view)
                self.ensureCursorVisible()
        self.setExtraSelections(selections)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() != Qt.MouseButton.LeftButton:
            return
        char = self.cursorForPosition(event.position().toPoint()).position()
        for span in self.spans:
            if span.char_start <= char <= span.char_end:
                self.word_clicked.emit(span.start)
                return
