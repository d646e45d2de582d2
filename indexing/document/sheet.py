"""The work-instruction sheet (TWI Job Breakdown) of one procedure, as plain data.

`build_sheet` reads a session's procedure and steps from the library and returns
a `Sheet`; the PDF and HTML writers only lay it out. Building a sheet of an
approved procedure records its revision: a new revision number whenever the
content hash of its approved steps changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from indexing.errors import NotFoundError
from indexing.label.text import clean_sentence, split_sentences, strip_openers
from indexing.library import Library
from indexing.models import Step

LINK_SCHEME = "knowhow"
MAX_INSTRUCTION_CHARS = 180


@dataclass(frozen=True)
class KeyPoint:
    """One key point of a step: a tip, or a warning (a safety point)."""

    text: str
    safety: bool = False


@dataclass(frozen=True)
class SheetStep:
    """One row of the sheet."""

    number: int
    title: str
    instruction: str
    key_points: tuple[KeyPoint, ...]
    reason: str
    tools: tuple[str, ...]
    keyframe: str | None
    start: float
    link: str
    status: str


@dataclass(frozen=True)
class Sheet:
    """A procedure's job breakdown sheet.

    Attributes:
        session_id, procedure_idx: Which procedure (procedure_idx is 0-based).
        language: The session's language code; the sheet's words are in it.
        status: "approved" when every step is approved, else "draft".
        revision: The approved revision (for a draft: the last approved one, 0 if none).
    """

    session_id: str
    procedure_idx: int
    procedure_count: int
    title: str
    session_title: str
    workstation: str
    process: str
    expert: str
    language: str
    document_number: str
    revision: int
    status: str
    approved_on: str
    approved_by: str
    recorded_on: str
    printed_on: str
    anonymized: bool
    content_hash: str
    steps: tuple[SheetStep, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return asdict(self)


def step_link(session_id: str, t: float) -> str:
    """The `knowhow://open?session=…&t=…` link that opens the video at a step in the app."""
    return f"{LINK_SCHEME}://open?{urlencode({'session': session_id, 't': f'{max(0.0, t):.1f}'})}"


def parse_link(link: str) -> tuple[str, float]:
    """The session id and time of a `knowhow://open?session=…&t=…` link.

    Raises:
        DocumentError: Not such a link.
    """
    from urllib.parse import parse_qs, urlsplit

    from indexing.document.errors import DocumentError

    parts = urlsplit(link.strip())
    query = parse_qs(parts.query)
    if parts.scheme != LINK_SCHEME or parts.netloc != "open" or not query.get("session"):
        raise DocumentError(f"not a {LINK_SCHEME}://open?session=…&t=… link: {link!r}")
    try:
        t = float(query.get("t", ["0"])[0])
    except ValueError:
        raise DocumentError(f"bad time in link {link!r}") from None
    return query["session"][0], max(0.0, t)


def content_hash(steps: list[Step]) -> str:
    """Hash of what a sheet prints from its approved steps (changes make a new revision)."""
    payload = [
        {"i": s.index, "title": s.title, "text": s.text, "tips": list(s.tips), "warnings": list(s.warnings),
         "reason": s.reason, "tools": list(s.tools), "start": round(s.start, 1), "end": round(s.end, 1)}
        for s in steps if s.status == "approved"
    ]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def instruction(step: Step) -> str:
    """A short instruction: the first narration sentences that are not already a key point or reason."""
    said = {_norm(x) for x in (*step.tips, *step.warnings, step.reason) if x}
    parts: list[str] = []
    for sentence in split_sentences(step.text):
        s = clean_sentence(strip_openers(sentence))
        if not s or _norm(s) in said or any(_norm(s) in x or x in _norm(s) for x in said if x):
            continue
        if parts and len(" ".join(parts)) + len(s) > MAX_INSTRUCTION_CHARS:
            break
        parts.append(s)
    text = " ".join(parts)
    if len(text) > MAX_INSTRUCTION_CHARS:
        text = text[:MAX_INSTRUCTION_CHARS].rsplit(" ", 1)[0].rstrip(",;: ") + "…"
    return text


def sheet_reason(step: Step) -> str:
    """The step's reason for the sheet's "why" cell, without the sentences already printed as its key points.

    A Korean reason is a whole sentence, and one such as "칩이 남아 있으면 새 금형이 기울어지니까
    주의하세요" is also the step's warning: the sheet would print it twice, side by side.
    """
    if not step.reason:
        return ""
    points = {_norm(x) for x in (*step.tips, *step.warnings) if x}
    kept = [r for r in split_sentences(step.reason) if _norm(r) not in points]
    return " ".join(kept)


def _approval(library: Library, session_id: str, procedure_idx: int) -> tuple[str, list[str]]:
    """When the procedure was last approved (a date) and who approved its steps."""
    at, names = library.approval(session_id, procedure_idx)
    return at[:10], names


def build_sheet(library: Library, session_id: str, procedure: int = 1, *, anonymize: bool = False,
                today: dt.date | None = None) -> Sheet:
    """The job breakdown sheet of one procedure of a session.

    Args:
        library: The library.
        session_id: The session.
        procedure: Procedure number, 1-based.
        anonymize: Print the expert's pseudonym and redact people's names and confidential terms.
        today: The print date (default: today).

    Returns:
        The sheet. For an approved procedure its revision is recorded in the library.

    Raises:
        NotFoundError: Unknown session, or no such procedure in it.
    """
    session = library.session(session_id)
    all_steps = library.steps(session_id)
    counts = sorted({s.procedure_index for s in all_steps})
    n_procs = max(session.procedure_count, len(counts))
    if not 1 <= procedure <= max(n_procs, 0) or (procedure - 1) not in counts:
        have = f"procedures 1-{n_procs}" if n_procs > 1 else ("procedure 1" if n_procs else "no steps")
        raise NotFoundError(f"session {session_id} has {have}; there is no procedure {procedure}")
    idx = procedure - 1
    steps = [s for s in all_steps if s.procedure_index == idx]
    approved = all(s.status == "approved" for s in steps)
    chash = content_hash(steps)
    if approved:
        revision = library.sheet_revision(session_id, idx, chash)
    else:
        from indexing.library.documents import latest_revision

        last = latest_revision(library, session_id, idx)
        revision = int(last["revision"]) if last else 0
    approved_on, approvers = _approval(library, session_id, idx) if approved else ("", [])

    expert = session.expert
    red: Callable[[str], str] = _identity_text
    if anonymize:
        from indexing.export.anonymize import Pseudonymizer, Redactor, people, pseudonym_key

        pseudonyms = Pseudonymizer(pseudonym_key(library))
        expert = pseudonyms.expert(session.expert)
        approvers = [pseudonyms.expert(a) for a in approvers]  # approvers are people too
        redactor = Redactor(people(library), library.confidential_terms())
        red = redactor.text
    approved_by = ", ".join(approvers)

    rows = []
    for n, s in enumerate(steps, 1):
        points = [KeyPoint(red(t)) for t in s.tips] + [KeyPoint(red(w), safety=True) for w in s.warnings]
        # Safety points first: a reader who reads only one line should read that one.
        points.sort(key=lambda p: not p.safety)
        rows.append(SheetStep(
            number=n, title=red(s.title), instruction=red(instruction(s)), key_points=tuple(points),
            reason=red(sheet_reason(s)), tools=tuple(red(t) for t in s.tools), keyframe=s.keyframe,
            start=s.start, link=step_link(session_id, s.start), status=s.status))
    title = steps[0].procedure if steps and steps[0].procedure else session.title
    return Sheet(
        session_id=session_id, procedure_idx=idx, procedure_count=n_procs, title=red(title or session_id),
        session_title=red(session.title), workstation=session.workstation, process=session.process,
        expert=expert, language=session.language or "en",
        document_number=f"WI-{session_id}-P{procedure}", revision=revision,
        status="approved" if approved else "draft", approved_on=approved_on, approved_by=approved_by,
        recorded_on=(session.created_at or "")[:10],
        printed_on=(today or dt.date.today()).isoformat(), anonymized=anonymize, content_hash=chash,
        steps=tuple(rows),
    )


def _identity_text(text: str) -> str:
    return text
