"""The Qt binding keeps Python's reference counts: the app calls Qt thousands of times a minute.

PySide6 6.12.0 on Python 3.11 drops one reference to None on every call of a method that returns
nothing (`QLabel.setText`, `QProgressBar.setValue`, …). The record view alone makes about 30 such
calls a second (preview, level meter, clock), so the app aborted after about nine minutes on the
record view with "Fatal Python error: none_dealloc". pyproject.toml excludes that release; this
test fails on any binding with the same fault. From Python 3.12 on, None is immortal and the fault
cannot kill the process (its count does not move), so the test only runs before 3.12.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel, QProgressBar

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12"),
]

CALLS = 2000


def test_qt_calls_keep_the_reference_count_of_none(qtbot) -> None:
    label, bar = QLabel(), QProgressBar()
    qtbot.addWidget(label)
    qtbot.addWidget(bar)
    before = sys.getrefcount(None)
    for i in range(CALLS):
        label.setText("00:12")
        bar.setValue(i % 60)
    lost = before - sys.getrefcount(None)
    # A sound binding loses none; a few either way come from the interpreter itself.
    assert lost < CALLS // 10, f"the Qt binding dropped {lost} references to None in {2 * CALLS} calls"
