"""QR codes of step links, with segno (pure Python) when it is installed.

Without segno a sheet still prints every link plainly; the QR image is a bonus.
"""

from __future__ import annotations

import io
import logging
from typing import Any

log = logging.getLogger(__name__)


def _make(link: str) -> Any | None:
    try:
        import segno
    except ImportError:
        log.info("segno is not installed: sheets print step links without QR codes")
        return None
    return segno.make(link, error="m", micro=False)


def available() -> bool:
    """Whether QR images can be made."""
    try:
        import segno  # noqa: F401
    except ImportError:
        return False
    return True


def qr_png(link: str, scale: int = 4) -> bytes | None:
    """A black-on-white PNG of `link`'s QR code, or None without segno."""
    code = _make(link)
    if code is None:
        return None
    buf = io.BytesIO()
    code.save(buf, kind="png", scale=scale, border=2)
    return buf.getvalue()


def qr_svg(link: str, size_mm: float = 18.0) -> str | None:
    """An inline `<svg>` element of `link`'s QR code sized `size_mm`, or None without segno."""
    code = _make(link)
    if code is None:
        return None
    svg: str = code.svg_inline(scale=1, border=2, dark="#000", light="#fff")
    width = code.symbol_size(scale=1, border=2)[0]
    return svg.replace("<svg ", f'<svg style="width:{size_mm}mm;height:{size_mm}mm" '
                              f'viewBox="0 0 {width} {width}" ', 1)
