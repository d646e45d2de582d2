"""Look and feel for gloved hands at arm's length, plus small display helpers.

Every tappable thing is at least `TARGET_PX` tall; the record and marker
buttons use `BIG_TARGET_PX`. Fonts are large enough to read from a step away.
Nothing needs a right-click or hover.
"""

from __future__ import annotations

from typing import Any

from capture_app.i18n import QT_TRANSLATE_NOOP, translate

TARGET_PX = 48
BIG_TARGET_PX = 72
BASE_FONT_PT = 13

STATUS_NAMES = {  # session and step statuses as the user reads them; the catalog keeps the English key
    "queued": QT_TRANSLATE_NOOP("status", "queued"),
    "transcribing": QT_TRANSLATE_NOOP("status", "transcribing"),
    "segmenting": QT_TRANSLATE_NOOP("status", "segmenting"),
    "keyframes": QT_TRANSLATE_NOOP("status", "keyframes"),
    "embedding": QT_TRANSLATE_NOOP("status", "embedding"),
    "ready": QT_TRANSLATE_NOOP("status", "ready"),
    "failed": QT_TRANSLATE_NOOP("status", "failed"),
    "needs review": QT_TRANSLATE_NOOP("status", "needs review"),
    "proposed": QT_TRANSLATE_NOOP("status", "proposed"),
    "reviewed": QT_TRANSLATE_NOOP("status", "reviewed"),
    "approved": QT_TRANSLATE_NOOP("status", "approved"),
    "unfinished": QT_TRANSLATE_NOOP("status", "unfinished"),
}

CATEGORY_NAMES = {  # step categories (indexing.models.CATEGORIES) as the user reads them
    "setup": QT_TRANSLATE_NOOP("category", "setup"),
    "safety": QT_TRANSLATE_NOOP("category", "safety"),
    "operation": QT_TRANSLATE_NOOP("category", "operation"),
    "inspection": QT_TRANSLATE_NOOP("category", "inspection"),
    "adjustment": QT_TRANSLATE_NOOP("category", "adjustment"),
    "troubleshooting": QT_TRANSLATE_NOOP("category", "troubleshooting"),
    "cleanup": QT_TRANSLATE_NOOP("category", "cleanup"),
}

STATUS_COLORS = {
    "proposed": "#4a78c2",
    "reviewed": "#d89614",
    "approved": "#2e9d57",
}

STYLE_SHEET = f"""
QWidget {{ font-size: {BASE_FONT_PT}pt; }}
QPushButton, QToolButton {{
    min-height: {TARGET_PX}px; min-width: {TARGET_PX}px; padding: 4px 16px;
    border: 1px solid #8a8f98; border-radius: 8px; background: #f4f5f7;
}}
QPushButton:pressed, QToolButton:pressed {{ background: #d5dae2; }}
QPushButton:disabled {{ color: #9aa0a8; background: #eceef1; border-color: #c8ccd2; }}
QPushButton[role="primary"] {{ background: #1f5fbf; color: white; border-color: #1a4f9f; font-weight: bold; }}
QPushButton[role="primary"]:pressed {{ background: #17489a; }}
QPushButton[role="approve"] {{ background: #2e9d57; color: white; border-color: #257d46; font-weight: bold; }}
QPushButton[role="danger"] {{ background: #c23b3b; color: white; border-color: #9d2f2f; }}
QPushButton[role="primary"]:disabled {{ background: #b4c6e4; color: #eef2f8; border-color: #a3b6d6; }}
QPushButton[role="approve"]:disabled {{ background: #b5d9c2; color: #eef6f1; border-color: #a3ccb2; }}
QPushButton[role="danger"]:disabled {{ background: #e3c4c4; color: #f7eeee; border-color: #d6b0b0; }}
QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox, QDateEdit {{
    min-height: {TARGET_PX - 4}px; padding: 2px 8px; border: 1px solid #8a8f98; border-radius: 6px;
    background: white;
}}
QDateEdit::drop-down {{ width: {TARGET_PX - 4}px; }}
QComboBox QAbstractItemView::item {{ min-height: {TARGET_PX}px; }}
QCheckBox {{ min-height: {TARGET_PX}px; spacing: 12px; }}
QCheckBox::indicator {{ width: 32px; height: 32px; }}
QTabBar::tab {{
    min-height: 56px; min-width: 140px; padding: 0 20px; font-size: {BASE_FONT_PT + 3}pt;
    border: 1px solid #b9bec6; border-bottom: none; border-top-left-radius: 8px;
    border-top-right-radius: 8px; background: #e6e9ee; margin-right: 4px;
}}
QTabBar::tab:selected {{ background: white; font-weight: bold; }}
QHeaderView::section {{ padding: 8px; font-weight: bold; background: #eceef1; border: none;
    border-bottom: 1px solid #c8ccd2; }}
QTableView {{ gridline-color: #e1e4e8; selection-background-color: #cfe0fb; selection-color: black; }}
QScrollBar:vertical {{ width: 24px; }}
QScrollBar:horizontal {{ height: 24px; }}
QScrollBar::handle {{ background: #b9bec6; border-radius: 8px; min-height: 48px; min-width: 48px; }}
QProgressBar {{ min-height: 28px; border: 1px solid #8a8f98; border-radius: 6px; text-align: center; }}
QProgressBar::chunk {{ background: #1f5fbf; border-radius: 5px; }}
QLabel[role="heading"] {{ font-size: {BASE_FONT_PT + 5}pt; font-weight: bold; }}
QLabel[role="hint"] {{ color: #5b616b; }}
QStatusBar {{ font-size: {BASE_FONT_PT}pt; min-height: 36px; }}
"""


def apply_style(app: Any) -> None:
    """Apply the touch style to a QApplication."""
    font = app.font()
    font.setPointSize(BASE_FONT_PT)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)


def set_role(widget: Any, role: str) -> Any:
    """Tag a widget with a style role ("primary", "approve", "danger", "heading", "hint")."""
    widget.setProperty("role", role)
    return widget


def status_text(status: str) -> str:
    """A session or step status as the user reads it (translated; unknown statuses as they are)."""
    return translate("status", STATUS_NAMES[status]) if status in STATUS_NAMES else status


def category_text(category: str) -> str:
    """A step category as the user reads it (translated; unknown categories as they are)."""
    return translate("category", CATEGORY_NAMES[category]) if category in CATEGORY_NAMES else category


def fmt_time(seconds: float) -> str:
    """Seconds as m:ss (or h:mm:ss past an hour)."""
    total = max(0, int(round(seconds)))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def side_by_side(left: Any, right: Any, *, stretch: tuple[int, int], sizes: tuple[int, int]) -> Any:
    """Two panes in a horizontal splitter with a wide (touch-draggable) handle that never collapses."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QSplitter

    split = QSplitter(Qt.Orientation.Horizontal)
    split.addWidget(left)
    split.addWidget(right)
    split.setStretchFactor(0, stretch[0])
    split.setStretchFactor(1, stretch[1])
    split.setChildrenCollapsible(False)
    split.setSizes(list(sizes))
    split.setHandleWidth(12)
    return split
