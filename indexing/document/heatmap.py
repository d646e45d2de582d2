"""The coverage heat map: workstations down, processes across, approved share as shade.

`heat_cells` is the picture's data, shared with the app (which paints it with Qt);
`render_png` paints it with Pillow for `knowhow coverage --png`. Shades run from
white (nothing approved) to dark blue (all approved) and every cell also prints
its number, so the picture reads in black and white too.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from indexing.document.coverage import Coverage
from indexing.document.errors import DocumentError

NO_PROCESS = "-"
LEGEND_END = "100% approved"


@dataclass(frozen=True)
class HeatCell:
    """One cell: its place, its shade (0..1, None where nothing is expected) and its words."""

    row: int
    col: int
    value: float | None
    text: str
    detail: str  # in English (the PNG); the app words it from the counts below in its own language
    approved: int = 0
    rows: int = 0
    missing: int = 0
    sessions: int = 0
    hours: float = 0.0
    by_procedure: bool = False


def hours_text(hours: float) -> str:
    """Recorded hours as a cell shows them: two decimals under an hour (a 2-minute session is 0.03, not 0.0)."""
    return f"{hours:.1f}" if hours >= 1 else f"{hours:.2f}"


def heat_cells(cov: Coverage) -> tuple[list[str], list[str], list[HeatCell]]:
    """The heat map as (workstations, processes, cells).

    A cell's value is the mean approved share of its rows (a missing procedure counts 0).
    """
    stations, processes = cov.workstations, cov.processes
    cells = []
    for i, ws in enumerate(stations):
        for j, proc in enumerate(processes):
            rows = cov.cell(ws, proc)
            if not rows:
                cells.append(HeatCell(i, j, None, "", ""))
                continue
            value = sum(r.approved_share for r in rows) / len(rows)
            missing = sum(r.status == "missing" for r in rows)
            approved = sum(r.status == "approved" for r in rows)
            by_procedure = len(rows) > 1 or bool(rows[0].procedure)
            if by_procedure:
                detail = f"{approved}/{len(rows)} approved" + (f", {missing} missing" if missing else "")
            else:
                detail = f"{rows[0].sessions} session(s), {hours_text(rows[0].hours)} h"
            cells.append(HeatCell(i, j, value, f"{round(value * 100)}%", detail, approved=approved,
                                  rows=len(rows), missing=missing, sessions=rows[0].sessions,
                                  hours=rows[0].hours, by_procedure=by_procedure))
    return stations, [p or NO_PROCESS for p in processes], cells


def shade(value: float) -> tuple[int, int, int]:
    """White → dark blue for 0 → 1."""
    v = max(0.0, min(1.0, value))
    return (round(255 - v * (255 - 23)), round(255 - v * (255 - 63)), round(255 - v * (255 - 125)))


def text_on(value: float) -> tuple[int, int, int]:
    """Black text on light cells, white on dark ones."""
    return (255, 255, 255) if value > 0.55 else (0, 0, 0)


def _font(size: int, bold: bool = False) -> Any:
    from PIL import ImageFont

    from indexing.document.fonts import find_font

    try:
        f = find_font("B" if bold else "")
        return ImageFont.truetype(f.path, size=size, index=f.index)
    except (DocumentError, OSError):
        return ImageFont.load_default(size=size)


def render_png(cov: Coverage, title: str = "Knowledge coverage: approved share") -> bytes:
    """The heat map as PNG bytes (Pillow).

    Raises:
        DocumentError: Nothing to draw, or Pillow is missing.
    """
    try:
        from PIL import Image, ImageDraw
    except ImportError:
        raise DocumentError("--png needs Pillow (pip install pillow)") from None
    stations, processes, cells = heat_cells(cov)
    if not stations:
        raise DocumentError("nothing to draw: the library has no sessions and no required procedures")
    cw, ch, left, top = 170, 70, 180, 80
    big, small, head = _font(20, True), _font(13), _font(15, True)
    legend_end = left + 11 * 20 + 6 + small.getlength(LEGEND_END)
    width = int(max(left + cw * len(processes) + 20, 12 + big.getlength(title) + 20, legend_end + 20))
    height = top + ch * len(stations) + 60
    img = Image.new("RGB", (width, height), "white")
    d = ImageDraw.Draw(img)
    d.text((12, 12), title, fill="black", font=big)
    for j, proc in enumerate(processes):
        d.text((left + j * cw + 8, top - 28), proc[:20], fill="black", font=head)
    for i, ws in enumerate(stations):
        d.text((12, top + i * ch + ch // 2 - 9), ws[:18] or NO_PROCESS, fill="black", font=head)
    for c in cells:
        x0, y0 = left + c.col * cw, top + c.row * ch
        box = (x0, y0, x0 + cw - 4, y0 + ch - 4)
        if c.value is None:
            d.rectangle(box, fill=(240, 240, 240), outline=(200, 200, 200))
            continue
        d.rectangle(box, fill=shade(c.value), outline="black")
        fg = text_on(c.value)
        d.text((x0 + 8, y0 + 8), c.text, fill=fg, font=big)
        d.text((x0 + 8, y0 + 38), c.detail[:26], fill=fg, font=small)
    # Legend: the shade scale with its ends labelled.
    ly = top + ch * len(stations) + 20
    for k in range(11):
        d.rectangle((left + k * 20, ly, left + k * 20 + 19, ly + 16), fill=shade(k / 10), outline="black")
    d.text((left - 40, ly), "0%", fill="black", font=small)
    d.text((left + 11 * 20 + 6, ly), LEGEND_END, fill="black", font=small)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()
