"""The review timeline's block labels: a short step shows its number, not "4. …"."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from capture_app.widgets.timeline import MIN_TITLE_CHARS, Block, StepTimeline, block_label

TITLE = "Loosen the four clamp bolts"


def _metrics(qapp) -> QFontMetrics:
    return QFontMetrics(QFont(qapp.font()))


def test_a_wide_block_shows_number_and_whole_title(qapp):
    m = _metrics(qapp)
    assert block_label(4, TITLE, m.horizontalAdvance(f"4. {TITLE}") + 2, m) == f"4. {TITLE}"


def test_a_middling_block_elides_the_title_but_keeps_some_of_it(qapp):
    m = _metrics(qapp)
    label = block_label(4, TITLE, m.horizontalAdvance("4. Loosen the fo"), m)
    assert label.startswith("4. Loos") and label.endswith("\u2026")
    assert len(label.rstrip("\u2026")) - len("4. ") >= MIN_TITLE_CHARS


def test_a_short_block_shows_its_number_alone(qapp):
    m = _metrics(qapp)
    for width in (m.horizontalAdvance("4. L\u2026"), m.horizontalAdvance("4. …"), m.horizontalAdvance("4") + 1):
        assert block_label(4, TITLE, width, m) == "4"
    assert block_label(12, "", m.horizontalAdvance("12") + 1, m) == "12"


def test_a_sliver_shows_nothing(qapp):
    m = _metrics(qapp)
    assert block_label(12, TITLE, m.horizontalAdvance("1"), m) == ""


def test_blocks_paint_at_every_width(qtbot):
    view = StepTimeline()
    qtbot.addWidget(view)
    view.set_blocks([Block("a", 0, 2, TITLE), Block("b", 2, 120, TITLE), Block("c", 120, 121, "")], 121)
    for width in (200, 900):
        view.resize(width, 110)
        assert not view.grab().isNull()
