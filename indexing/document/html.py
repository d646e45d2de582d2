"""The sheet as one self-contained HTML file (images inline), with print CSS for A4 portrait."""

from __future__ import annotations

import base64
import html
import logging

from indexing.document.labels import labels_for
from indexing.document.pdf import LINK_HINT, fmt_time, header_rows, subtitle
from indexing.document.photos import photo_jpeg
from indexing.document.qr import qr_svg
from indexing.document.sheet import Sheet, SheetStep

log = logging.getLogger(__name__)

CSS = """
@page { size: A4 portrait; margin: 10mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo",
       "Noto Sans", Arial, sans-serif; color: #000; background: #fff; font-size: 10pt; margin: 0 auto;
       max-width: 190mm; }
.kind { font-weight: bold; font-size: 9pt; letter-spacing: .08em; text-transform: uppercase; margin: 4mm 0 0; }
h1 { font-size: 17pt; margin: 1mm 0 1mm; }
.sub { margin: 0 0 3mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.3mm solid #000; padding: 1.2mm; vertical-align: top; text-align: left; }
table.head th { background: #e6e6e6; width: 14%; }
table.steps th { background: #d7d7d7; font-size: 8.5pt; }
table.steps td { font-size: 8.5pt; }
table.steps thead { display: table-header-group; }
table.steps tr { page-break-inside: avoid; break-inside: avoid; }
td.no { text-align: center; width: 5%; }
td.photo { width: 17%; } td.photo img { width: 100%; filter: grayscale(100%); display: block; }
td.qr { width: 8%; text-align: center; } td.qr a { font-size: 6pt; word-break: break-all; color: #000; }
.what b { display: block; }
.safety { border-left: 1.2mm solid #000; padding-left: 1.2mm; margin-bottom: 1mm; }
.tip { margin-bottom: 1mm; }
.tag { font-weight: bold; }
ul.tools { margin: 0; padding-left: 4mm; }
.note { font-size: 7.5pt; margin-top: 2mm; }
.sign { text-align: right; margin-top: 4mm; }
@media print { body { max-width: none; } a { text-decoration: none; } }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _photo(step: SheetStep, anonymize: bool) -> str:
    data = photo_jpeg(step.keyframe, grey=False, anonymize=anonymize)
    if data is None:
        return "-"
    return f'<img alt="" src="data:image/jpeg;base64,{base64.b64encode(data).decode()}">'


def _row(step: SheetStep, words: dict[str, str], anonymize: bool) -> str:
    points = "".join(
        f'<div class="{"safety" if p.safety else "tip"}"><span class="tag">'
        f'{_e(words["safety"] if p.safety else words["tip"])}:</span> {_e(p.text)}</div>'
        for p in step.key_points) or _e(words["none"])
    tools = ("<ul class=\"tools\">" + "".join(f"<li>{_e(t)}</li>" for t in step.tools) + "</ul>"
             if step.tools else _e(words["none"]))
    qr = qr_svg(step.link, 16.0) or ""
    what = f"<b>{_e(step.title)}</b>" + (_e(step.instruction) if step.instruction else "")
    return (
        f'<tr><td class="no"><b>{step.number}</b><br>{fmt_time(step.start)}</td>'
        f'<td class="photo">{_photo(step, anonymize)}</td><td class="what">{what}</td><td>{points}</td>'
        f"<td>{_e(step.reason) or _e(words['none'])}</td><td>{tools}</td>"
        f'<td class="qr"><a href="{_e(step.link)}">{qr}<br>{_e(step.link)}</a></td></tr>'
    )


def render_html(sheet: Sheet) -> str:
    """The sheet as an HTML document (one file: keyframes and QR codes are inline)."""
    words = labels_for(sheet.language)
    head = "".join(
        f"<tr><th>{_e(a)}</th><td>{_e(av)}</td><th>{_e(b)}</th><td>{_e(bv)}</td></tr>"
        for a, av, b, bv in header_rows(sheet, words))
    cols = "".join(f"<th>{_e(words[k])}</th>" for k in ("no", "photo", "step", "points", "reason", "tools",
                                                         "video"))
    rows = "\n".join(_row(s, words, sheet.anonymized) for s in sheet.steps)
    hint = LINK_HINT.get(sheet.language[:2], LINK_HINT["en"])
    lang = _e((sheet.language or "en")[:2])
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{_e(words['sheet'])}: {_e(sheet.title)}</title><style>{CSS}</style></head><body>\n"
        f'<p class="kind">{_e(words["sheet"])}</p><h1>{_e(sheet.title)}</h1>\n'
        f'<p class="sub">{_e(subtitle(sheet, words))}</p>\n'
        f'<table class="head">{head}</table>\n<br>\n'
        f'<table class="steps"><thead><tr>{cols}</tr></thead><tbody>\n{rows}\n</tbody></table>\n'
        f'<p class="note">{_e(words["video"])}: {_e(hint)}.</p>'
        f'<p class="sign">{_e(words["signature"])}</p>\n'
        f'<p class="note">{_e(sheet.document_number)} · {_e(words["revision"])} '
        f"{sheet.revision or '-'}</p>\n</body></html>\n"
    )
