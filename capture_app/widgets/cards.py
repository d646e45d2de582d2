"""Search result cards: keyframe, title, snippet with the matching words emphasised."""

from __future__ import annotations

import html
import os
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from capture_app.widgets.common import fmt_time, set_role
from indexing.models import SearchHit

STOPWORDS = frozenset(
    "a an and are as at be by do for from how i in is it my of on or so the to what when where "
    "which who why with you your".split()
)
THUMB_W, THUMB_H = 176, 99
_WORD = re.compile(r"[\w'-]+", re.UNICODE)


def query_terms(query: str) -> list[str]:
    """Lower-case words of a query worth emphasising (no stop words)."""
    return [w for w in (m.group(0).lower().strip("'-") for m in _WORD.finditer(query))
            if w and w not in STOPWORDS]


_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _matches(word: str, terms: list[str]) -> bool:
    w = word.lower().strip("'-")
    for t in terms:
        if w == t:
            return True
        # Korean words carry particles and endings ("전원을", "차단하고" for "전원", "차단하기"):
        # two syllables in common, and at most two more on the shorter word
        if _HANGUL.match(w) and _HANGUL.match(t):
            shared = len(os.path.commonprefix([w, t]))
            if shared >= 2 and shared >= min(len(w), len(t)) - 2:
                return True
            continue
        # crude stemming: "clamps"/"clamping" match "clamp", needs a 4-letter common stem
        stem = min(len(w), len(t))
        if stem >= 4 and (w.startswith(t) or t.startswith(w)) and abs(len(w) - len(t)) <= 3:
            return True
    return False


def snippet_html(text: str, query: str, max_words: int = 32) -> str:
    """An HTML snippet of `text` around the first matching word, matches in <b>.

    Args:
        text: The step's narration.
        query: What the user typed.
        max_words: Length of the window of words shown.

    Returns:
        Escaped HTML; "…" marks text cut at either end.
    """
    words = text.split()
    terms = query_terms(query)
    hits = [i for i, w in enumerate(words) if (m := _WORD.search(w)) and _matches(m.group(0), terms)]
    first = max(0, min((hits[0] - max_words // 4) if hits else 0, len(words) - max_words))
    window = words[first:first + max_words]
    out = []
    for w in window:
        m = _WORD.search(w)
        if m and _matches(m.group(0), terms):
            out.append(html.escape(w[:m.start()]) + "<b>" + html.escape(m.group(0)) + "</b>"
                       + html.escape(w[m.end():]))
        else:
            out.append(html.escape(w))
    body = " ".join(out)
    return ("… " if first > 0 else "") + body + (" …" if first + max_words < len(words) else "")


class ResultCard(QFrame):
    """One search hit. Tapping anywhere on it (or its Play button) opens it.

    Signals:
        activated(hit): The user wants to watch this step.
    """

    activated = Signal(object)

    def __init__(self, hit: SearchHit, query: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hit = hit
        self.setObjectName("resultCard")
        self.setStyleSheet("#resultCard { background: white; border: 1px solid #c8ccd2; border-radius: 10px; }"
                           "#resultCard QLabel { border: none; }")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        thumb = QLabel()
        thumb.setFixedSize(THUMB_W, THUMB_H)
        thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pix = QPixmap(hit.keyframe) if hit.keyframe else QPixmap()
        if not pix.isNull():
            thumb.setPixmap(pix.scaled(THUMB_W, THUMB_H, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation))
        else:
            thumb.setText(self.tr("no picture"))
            thumb.setStyleSheet("background: #e9ecf0; color: #5b616b; border-radius: 6px;")
        self.thumb = thumb
        title = set_role(QLabel(html.escape(hit.title or self.tr("Step {number}").format(number=hit.index + 1))),
                         "heading")
        title.setWordWrap(True)
        self.snippet = QLabel(snippet_html(hit.text, query))
        self.snippet.setTextFormat(Qt.TextFormat.RichText)
        self.snippet.setWordWrap(True)
        where = " · ".join(x for x in (hit.session_title or hit.session_id,
                                       f"{fmt_time(hit.start)}–{fmt_time(hit.end)}",
                                       hit.workstation, hit.expert) if x)
        meta = set_role(QLabel(html.escape(where)), "hint")
        meta.setWordWrap(True)
        self.play_button = set_role(QPushButton(self.tr("▶ Watch")), "primary")
        self.play_button.clicked.connect(self._on_play_clicked)

        left = QVBoxLayout()
        left.addWidget(thumb)
        left.addWidget(self.play_button)
        left.addStretch(1)
        text = QVBoxLayout()
        text.addWidget(title)
        text.addWidget(self.snippet)
        text.addWidget(meta)
        text.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 12, 12, 12)
        row.setSpacing(16)
        row.addLayout(left)
        row.addLayout(text, 1)

    def _on_play_clicked(self) -> None:
        self.activated.emit(self.hit)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.hit)
