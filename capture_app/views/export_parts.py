"""The Export view's choices, style and small widget helpers (strings in the "ExportView" context)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGroupBox,
    QLabel,
    QLayout,
    QRadioButton,
    QScrollArea,
    QWidget,
)

from capture_app.i18n import QT_TRANSLATE_NOOP
from capture_app.widgets.common import TARGET_PX, set_role

ANY = ""
STATUSES = (("approved", QT_TRANSLATE_NOOP("ExportView", "Approved")), ("reviewed", QT_TRANSLATE_NOOP("ExportView", "Reviewed or approved")),
            ("any", QT_TRANSLATE_NOOP("ExportView", "Any status")))
FORMAT_LABELS = (("jsonl", "JSONL"), ("parquet", "Parquet"), ("hf", "Hugging Face"),
                 ("webdataset", "WebDataset"))
DEFAULT_FORMATS = ("jsonl", "hf")
MEDIA_LABELS = (("clips", QT_TRANSLATE_NOOP("ExportView", "Clips + keyframes")), ("keyframes", QT_TRANSLATE_NOOP("ExportView", "Keyframes only")),
                ("none", QT_TRANSLATE_NOOP("ExportView", "Text only")))
RATIOS = (("train", 80), ("validation", 10), ("test", 10))
SPLIT_NAMES = {"train": QT_TRANSLATE_NOOP("ExportView", "train"), "validation": QT_TRANSLATE_NOOP("ExportView", "validation"), "test": QT_TRANSLATE_NOOP("ExportView", "test")}
FILTER_ANY = {"workstation": QT_TRANSLATE_NOOP("ExportView", "Any workstation"), "process": QT_TRANSLATE_NOOP("ExportView", "Any process"),
              "expert": QT_TRANSLATE_NOOP("ExportView", "Any expert"), "category": QT_TRANSLATE_NOOP("ExportView", "Any category")}
BUNDLE_SUFFIX = ".khb"

# What the app-wide style sheet leaves unsized for touch, and this view's panels.
LOCAL_STYLE = f"""
QRadioButton {{ min-height: {TARGET_PX}px; spacing: 12px; margin-right: 16px; }}
QRadioButton::indicator {{ width: 28px; height: 28px; }}
QCheckBox {{ min-height: {TARGET_PX}px; spacing: 12px; }}
QCheckBox::indicator {{ width: 32px; height: 32px; }}
QDateEdit, QSpinBox, QComboBox, QLineEdit {{ min-height: {TARGET_PX}px; }}
QPushButton {{ min-height: {TARGET_PX}px; min-width: {TARGET_PX}px; }}
QSpinBox {{ padding-right: 42px; }}
QSpinBox::up-button {{ subcontrol-origin: border; subcontrol-position: top right; width: 40px;
    height: {TARGET_PX // 2}px; }}
QSpinBox::down-button {{ subcontrol-origin: border; subcontrol-position: bottom right; width: 40px;
    height: {TARGET_PX // 2}px; }}
QGroupBox {{ font-weight: bold; border: 1px solid #c8ccd2; border-radius: 8px; margin-top: 14px;
    padding: 10px 8px 6px 8px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 4px; }}
QGroupBox QWidget {{ font-weight: normal; }}
QFrame[role="panel"] {{ background: #f4f6f9; border: 1px solid #c8ccd2; border-radius: 8px; }}
QFrame[role="panel"] QLabel {{ background: transparent; border: none; }}
"""


def suggest_export_folder(chosen: str | Path, today: dt.date | None = None) -> Path:
    """Where to export after the user picked `chosen` in a folder dialog.

    An empty (or new) folder is used as it is; inside a folder that already holds
    files, a new `knowhow-export-YYYY-MM-DD[-N]` subfolder is proposed instead.
    """
    base = Path(chosen)
    if not base.exists() or (base.is_dir() and not any(base.iterdir())):
        return base
    stem = f"knowhow-export-{(today or dt.date.today()).isoformat()}"
    candidate, n = base / stem, 2
    while candidate.exists():
        candidate, n = base / f"{stem}-{n}", n + 1
    return candidate


def fill_box(layout: QBoxLayout, *items: QWidget | QLayout | int | None) -> QBoxLayout:
    """Fill a box layout: widgets, layouts, an int (spacing) or None (a stretch)."""
    for item in items:
        if item is None:
            layout.addStretch(1)
        elif isinstance(item, int):
            layout.addSpacing(item)
        elif isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    return layout


def tr_export(text: str) -> str:
    """`text` (marked with QT_TRANSLATE_NOOP or tr in the context "ExportView") translated."""
    return QCoreApplication.translate("ExportView", text)


def group_box(title: str, layout: QLayout) -> QGroupBox:
    box = QGroupBox(title)
    box.setLayout(layout)
    return box


def wrapped_label(text: str = "", role: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return set_role(label, role) if role else label


def check_box(text: str, checked: bool = False) -> QCheckBox:
    box = QCheckBox(text)
    box.setChecked(checked)
    return box


def scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


def radio_group(owner: QWidget, choices: tuple[tuple[str, str], ...], default: str) -> dict[str, QRadioButton]:
    group, buttons = QButtonGroup(owner), {}
    for key, label in choices:
        buttons[key] = QRadioButton(tr_export(label))
        buttons[key].setChecked(key == default)
        group.addButton(buttons[key])
    return buttons


def checked_key(buttons: dict[str, QRadioButton]) -> str:
    return next(k for k, b in buttons.items() if b.isChecked())
