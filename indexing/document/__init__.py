"""Work-instruction sheets (TWI Job Breakdown) and knowledge coverage.

`write_document` builds a procedure's sheet from the library and writes it as
PDF (fpdf2, a font with Hangul) or self-contained HTML, then logs the print;
`indexing.document.coverage` maps what is captured per workstation and process.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indexing.document.errors import DocumentError, FontError
from indexing.document.sheet import Sheet, build_sheet, step_link
from indexing.library import Library

FORMATS: tuple[str, ...] = ("pdf", "html")


@dataclass(frozen=True)
class DocumentResult:
    """What `write_document` wrote."""

    path: str
    format: str
    session_id: str
    procedure: int
    revision: int
    status: str
    steps: int
    anonymized: bool

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return asdict(self)


def render(sheet: Sheet, fmt: str) -> bytes:
    """The sheet's file content in `fmt` ("pdf" or "html").

    Raises:
        DocumentError: Unknown format; FontError: no Hangul font for a PDF.
    """
    if fmt == "pdf":
        from indexing.document.pdf import render_pdf

        return render_pdf(sheet)
    if fmt == "html":
        from indexing.document.html import render_html

        return render_html(sheet).encode("utf-8")
    raise DocumentError(f"unknown sheet format {fmt!r} (one of {', '.join(FORMATS)})")


def write_document(
    library: Library, session_id: str, out: str | os.PathLike[str], *, procedure: int = 1,
    fmt: str | None = None, anonymize: bool = False,
) -> DocumentResult:
    """Write the work-instruction sheet of one procedure and log the print.

    Args:
        library: The library.
        session_id: The session.
        out: The file to write (replaced as a whole; nothing half-written on failure).
        procedure: Procedure number, 1-based.
        fmt: "pdf" or "html"; default: from the file name's suffix.
        anonymize: Print the expert's pseudonym and redact names and confidential terms.

    Returns:
        Where it went and which revision it is.

    Raises:
        NotFoundError: Unknown session or procedure.
        DocumentError: Unknown format or an unwritable path; FontError: no Hangul font.
    """
    from indexing.document.output import check_writable, write_atomic

    kind = (fmt or Path(out).suffix.lstrip(".") or "pdf").lower()
    if kind not in FORMATS:
        raise DocumentError(f"unknown sheet format {kind!r} (one of {', '.join(FORMATS)})")
    target = check_writable(out)
    library.session(session_id)  # unknown session: fail before any work
    sheet = build_sheet(library, session_id, procedure, anonymize=anonymize)
    data = render(sheet, kind)
    write_atomic(target, data)
    library.record_print(session_id, sheet.procedure_idx, sheet.revision, kind, str(target),
                         anonymized=anonymize)
    return DocumentResult(str(target), kind, session_id, procedure, sheet.revision, sheet.status,
                          len(sheet.steps), anonymize)


__all__ = ["FORMATS", "DocumentError", "DocumentResult", "FontError", "Sheet", "build_sheet", "render",
           "step_link", "write_document"]
