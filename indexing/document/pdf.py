"""The sheet as an A4 portrait PDF (fpdf2), readable when printed in black and white.

Only black, white and greys: safety points are marked by a bold "SAFETY" label
and a thick rule rather than by colour. Text uses a font with Hangul (see
`indexing.document.fonts`), so Korean and English sheets print the same way.
"""

from __future__ import annotations

import io
import logging
from typing import Any

from indexing.document.fonts import find_font
from indexing.document.labels import labels_for
from indexing.document.photos import photo_jpeg
from indexing.document.qr import qr_png
from indexing.document.sheet import Sheet, SheetStep, step_link

log = logging.getLogger(__name__)

FONT = "sheet"
MARGIN = 10.0
# Columns of the step table (mm; 190 = A4 width less the margins).
COLUMNS = (10.0, 32.0, 40.0, 49.0, 27.0, 18.0, 14.0)


def fmt_time(t: float) -> str:
    m, s = divmod(int(max(0.0, t)), 60)
    return f"{m}:{s:02d}"


def _md(text: str) -> str:
    """Text safe for fpdf2's markdown cells (its markers would otherwise change the style)."""
    return text.replace("**", "* *").replace("__", "_ _").replace("--", "–")


def status_line(sheet: Sheet, words: dict[str, str]) -> str:
    """The status cell: approved with date (and approver), or draft."""
    if sheet.status == "approved":
        by = f", {words['approved_by']} {sheet.approved_by}" if sheet.approved_by else ""
        return f"{words['approved']} {sheet.approved_on}{by}"
    if sheet.revision:
        return words["draft_after"].format(rev=sheet.revision)
    return words["draft"]


def subtitle(sheet: Sheet, words: dict[str, str]) -> str:
    """The line under the title: the recording it comes from and which procedure of it."""
    parts = [sheet.session_title] if sheet.session_title and sheet.session_title != sheet.title else []
    parts.append(words["procedure_of"].format(n=sheet.procedure_idx + 1, total=sheet.procedure_count))
    parts.append(words["steps_in"].format(n=len(sheet.steps)))
    return "  ·  ".join(parts)


def revision_text(sheet: Sheet) -> str:
    return f"{sheet.revision}" if sheet.revision else "-"


def header_rows(sheet: Sheet, words: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """The header block as (label, value, label, value) rows (shared with the HTML writer)."""
    none = words["none"]
    return [
        (words["workstation"], sheet.workstation or none, words["process"], sheet.process or none),
        (words["document"], sheet.document_number, words["revision"], revision_text(sheet)),
        (words["status"], status_line(sheet, words), words["expert"], sheet.expert or none),
        (words["recorded"], sheet.recorded_on or none, words["printed"], sheet.printed_on),
    ]


def _new_pdf(sheet: Sheet, words: dict[str, str]) -> Any:
    from fpdf import FPDF

    class _SheetPDF(FPDF):
        def footer(self) -> None:
            self.set_y(-9)
            self.set_font(FONT, "", 7)
            self.set_text_color(0)
            left = f"{sheet.document_number}  ·  {words['revision']} {revision_text(sheet)}  ·  {sheet.title}"
            self.cell(140, 4, left[:110], align="L")
            self.cell(0, 4, words["page"].format(page=self.page_no(), pages="{nb}"), align="R")

    pdf = _SheetPDF(orientation="P", unit="mm", format="A4")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=13)
    regular, bold = find_font(""), find_font("B")
    pdf.add_font(FONT, "", regular.path, collection_font_number=regular.index)
    pdf.add_font(FONT, "B", bold.path, collection_font_number=bold.index)
    pdf.set_title(f"{words['sheet']}: {sheet.title}")
    pdf.set_creator("Know-how Capture")
    pdf.set_lang(sheet.language or "en")
    return pdf


def _header(pdf: Any, sheet: Sheet, words: dict[str, str]) -> None:
    from fpdf.fonts import FontFace

    pdf.set_font(FONT, "B", 9)
    pdf.cell(0, 5, words["sheet"].upper(), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, sheet.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(0, 4.5, subtitle(sheet, words), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    pdf.set_font(FONT, "", 9)
    label = FontFace(emphasis="B", fill_color=(230, 230, 230))
    with pdf.table(col_widths=(26, 69, 26, 69), first_row_as_headings=False, text_align="LEFT",
                   line_height=4.6, padding=1.2, borders_layout="ALL") as table:
        for a, av, b, bv in header_rows(sheet, words):
            row = table.row()
            row.cell(a, style=label)
            row.cell(av)
            row.cell(b, style=label)
            row.cell(bv)
    pdf.ln(3)


def _points(step: SheetStep, words: dict[str, str]) -> str:
    lines = []
    for p in step.key_points:
        mark = f"**{words['safety']}:** " if p.safety else f"**{words['tip']}:** "
        lines.append(mark + _md(p.text))
    return "\n".join(lines) or words["none"]


def _photo(step: SheetStep, anonymize: bool) -> Any:
    data = photo_jpeg(step.keyframe, grey=True, anonymize=anonymize)
    return io.BytesIO(data) if data is not None else None


def _steps(pdf: Any, sheet: Sheet, words: dict[str, str]) -> None:
    from fpdf.fonts import FontFace

    pdf.set_font(FONT, "", 8.5)
    heading = FontFace(emphasis="B", fill_color=(215, 215, 215), size_pt=8.5)
    with pdf.table(col_widths=COLUMNS, text_align="LEFT", v_align="TOP", line_height=4.0, padding=1.2,
                   markdown=True, headings_style=heading, repeat_headings=1) as table:
        head = table.row()
        for key in ("no", "photo", "step", "points", "reason", "tools", "video"):
            head.cell(words[key])
        for step in sheet.steps:
            row = table.row()
            png = qr_png(step.link, scale=3)
            row.cell(f"**{step.number}**\n\n{fmt_time(step.start)}", align="CENTER")
            photo = _photo(step, sheet.anonymized)
            if photo is not None:
                row.cell(img=photo, img_fill_width=True)
            else:
                row.cell(words["none"], align="CENTER")
            what = f"**{_md(step.title)}**"
            if step.instruction:
                what += "\n" + _md(step.instruction)
            row.cell(what)
            row.cell(_points(step, words))
            row.cell(_md(step.reason) or words["none"])
            tools = "\n".join(_md(t) for t in step.tools) or words["none"]
            row.cell(tools)
            if png is not None:
                row.cell(img=io.BytesIO(png), img_fill_width=True, link=step.link)
            else:
                row.cell(step.link)
    pdf.ln(2)


def _link_note(pdf: Any, sheet: Sheet, words: dict[str, str]) -> None:
    """How the codes work, with the link printed plainly (for a reader without a scanner)."""
    hint = LINK_HINT.get(sheet.language[:2], LINK_HINT["en"])
    pdf.set_font(FONT, "", 7.5)
    example = step_link(sheet.session_id, 0.0).replace("t=0.0", "t=…")
    pdf.multi_cell(0, 3.6, f"{words['video']}: {hint}: {example}", align="L", new_x="LMARGIN",
                   new_y="NEXT")


LINK_HINT = {
    "en": "scan a step's code, or open the link with the step's start time, to play the step in Know-how Capture",
    "ko": "단계의 코드를 스캔하거나 단계 시작 시간으로 링크를 열면 Know-how Capture에서 그 단계의 영상이 재생됩니다",
}


def render_pdf(sheet: Sheet) -> bytes:
    """The sheet as PDF bytes.

    Raises:
        FontError: No font with Hangul is installed.
    """
    words = labels_for(sheet.language)
    pdf = _new_pdf(sheet, words)
    pdf.add_page()
    _header(pdf, sheet, words)
    _steps(pdf, sheet, words)
    _link_note(pdf, sheet, words)
    pdf.set_font(FONT, "", 8)
    pdf.cell(0, 6, words["signature"], align="R")
    return bytes(pdf.output())
