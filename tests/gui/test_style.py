"""The touch style: a button that cannot be tapped looks it, whatever its role."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QWidget

from capture_app.widgets.common import apply_style, set_role


def _face(button: QPushButton) -> QColor:
    img = button.grab().toImage()
    return img.pixelColor(img.width() // 2, img.height() // 4)


@pytest.mark.parametrize("role", [None, "primary", "approve", "danger"])
def test_a_disabled_button_does_not_look_tappable(qtbot, qapp, role):
    sheet, font = qapp.styleSheet(), qapp.font()
    apply_style(qapp)
    try:
        host = QWidget()
        qtbot.addWidget(host)
        on, off = QPushButton("Save changes", host), QPushButton("Save changes", host)
        off.move(0, 80)
        for b in (on, off):
            if role:
                set_role(b, role)
        off.setEnabled(False)
        host.show()
        qtbot.waitExposed(host)
        a, b = _face(on), _face(off)
        # Disabled: visibly paler than the enabled face (not the same colour at all).
        assert a != b
        assert b.lightness() > a.lightness() or role is None
    finally:
        qapp.setStyleSheet(sheet)
        qapp.setFont(font)
