"""The Record view's look and small helpers: marker and control buttons, the preview picture, texts."""

from __future__ import annotations

import logging
from collections.abc import Iterable

import numpy as np
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QPushButton

from capture_app.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

MARKER_PX = 112  # marker buttons: well above the 96 px a gloved thumb needs
RECORD_PX = 88
NOTE_HIDE_MS = 15000
MARKER_BUTTONS = (  # kind, label, shortcut keys, colour
    ("step", QT_TRANSLATE_NOOP("RecordView", "Next step"), ("N", "PgDown"), "#1f5fbf"),
    ("tip", QT_TRANSLATE_NOOP("RecordView", "Tip"), ("T",), "#2e9d57"),
    ("warning", QT_TRANSLATE_NOOP("RecordView", "Warning"), ("W",), "#d0661a"),
)


def notify(level: str, text: str) -> None:
    try:
        from capture_app import messages
    except ImportError:
        getattr(log, level)("%s", text)
        return
    getattr(messages, level)(text)


def fmt_bytes(n: float) -> str:
    return f"{n / 1024**3:.1f} GB" if n >= 1024**3 else f"{n / 1024**2:.0f} MB"


def fmt_span(seconds: float) -> str:
    if seconds >= 3 * 3600:
        return QCoreApplication.translate("RecordView", "about {hours} h").format(hours=f"{seconds / 3600:.0f}")
    return QCoreApplication.translate("RecordView", "about {minutes} min").format(minutes=f"{seconds / 60:.0f}")


def marker_label(kind: str) -> str:
    """A marker kind as its button calls it (translated)."""
    label = dict((k, lbl) for k, lbl, _, _ in MARKER_BUTTONS).get(kind, kind)
    return QCoreApplication.translate("RecordView", label)


def marker_button(text: str, colour: str) -> QPushButton:
    """A big marker button a gloved thumb hits (`MARKER_PX` high), never taking keyboard focus."""
    button = QPushButton(text)
    button.setMinimumHeight(MARKER_PX)
    button.setMinimumWidth(220)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setStyleSheet(
        f"QPushButton {{ background: {colour}; color: white; font-size: 20pt; font-weight: bold;"
        f" border-radius: 12px; min-height: {MARKER_PX}px; min-width: 200px; padding: 0 8px; }}"
        f" QPushButton:disabled {{ background: #c8ccd2; color: #eceef1; }}"
        f" QPushButton:pressed {{ background: #222; }}"
    )
    return button


def style_controls(record: QPushButton, others: Iterable[QPushButton]) -> None:
    """Start (red, the largest) and the pause/stop/full-screen buttons: `RECORD_PX` high, no focus."""
    for b in (record, *others):
        b.setMinimumHeight(RECORD_PX)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        b.setStyleSheet(f"font-size: 16pt; font-weight: bold; min-height: {RECORD_PX}px; padding: 0 24px;")
    record.setStyleSheet(
        f"QPushButton {{ font-size: 18pt; font-weight: bold; min-height: {RECORD_PX}px; padding: 0 32px;"
        " background: #c23b3b; color: white; border-radius: 10px; }"
        " QPushButton:disabled { background: #e3c4c4; color: #f7eeee; }")


def frame_pixmap(frame: np.ndarray, size: QSize) -> QPixmap:
    """An RGB frame scaled to fit `size` (decimated first: the preview is smaller than the frame)."""
    h, w = frame.shape[:2]
    step = max(1, min(w // max(1, size.width()), h // max(1, size.height())))
    small = np.ascontiguousarray(frame[::step, ::step])
    image = QImage(small.data, small.shape[1], small.shape[0], small.strides[0], QImage.Format.Format_RGB888)
    return QPixmap.fromImage(image).scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.FastTransformation)
