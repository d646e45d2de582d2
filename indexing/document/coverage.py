"""Knowledge coverage: what is captured per workstation and process, and what is at risk.

Rows are the plant's workstation × process pairs found in the library or, with
a CSV of required procedures, one row per required procedure. Each row counts
sessions, procedures, hours, steps and the approved share, names the experts
who recorded it and says whether it is missing, captured or approved. The
at-risk ranking lists rows that are not approved and whose knowledge leaves
the plant when their last expert retires, soonest first.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from indexing.document.errors import DocumentError
from indexing.library import Library

REQUIRED_COLUMNS = ("workstation", "procedure")
# Column names a plant's own list may use instead (Korean plants keep these lists in Korean).
COLUMN_ALIASES = {
    "작업장": "workstation", "설비": "workstation",
    "공정": "process", "라인": "process",
    "절차": "procedure", "작업": "procedure", "작업명": "procedure",
    "숙련자": "expert", "작업자": "expert", "전문가": "expert",
}
OPTIONAL_COLUMNS = ("process", "expert")
CSV_FIELDS = ("workstation", "process", "procedure", "status", "sessions", "procedures", "hours", "steps",
              "approved_steps", "approved_share", "experts", "leaves_on")


@dataclass(frozen=True)
class Required:
    """One procedure a plant expects to be captured at a workstation (a CSV row)."""

    workstation: str
    procedure: str
    process: str = ""
    experts: tuple[str, ...] = ()


@dataclass
class CoverageRow:
    """What is captured of one workstation × process pair (or one required procedure).

    Attributes:
        status: "missing" (nothing recorded), "captured" (recorded, not all approved) or "approved".
        leaves_on: The date the last of its experts retires (None when someone stays or no date is known).
    """

    workstation: str
    process: str
    procedure: str = ""
    sessions: int = 0
    procedures: int = 0
    hours: float = 0.0
    steps: int = 0
    approved_steps: int = 0
    experts: list[str] = field(default_factory=list)
    session_ids: list[str] = field(default_factory=list)
    leaves_on: str | None = None

    @property
    def approved_share(self) -> float:
        return round(self.approved_steps / self.steps, 3) if self.steps else 0.0

    @property
    def status(self) -> str:
        if not self.sessions:
            return "missing"
        return "approved" if self.steps and self.approved_steps == self.steps else "captured"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["hours"] = round(self.hours, 3)
        d["approved_share"] = self.approved_share
        d["status"] = self.status
        return d


@dataclass
class Coverage:
    """The whole coverage report."""

    rows: list[CoverageRow]
    at_risk: list[dict[str, Any]]
    today: str
    required_from: str | None = None

    @property
    def workstations(self) -> list[str]:
        return sorted({r.workstation for r in self.rows}, key=str.casefold)

    @property
    def processes(self) -> list[str]:
        return sorted({r.process for r in self.rows}, key=str.casefold)

    def cell(self, workstation: str, process: str) -> list[CoverageRow]:
        """The rows of one heat-map cell."""
        return [r for r in self.rows if r.workstation == workstation and r.process == process]

    def totals(self) -> dict[str, Any]:
        steps = sum(r.steps for r in self.rows)
        approved = sum(r.approved_steps for r in self.rows)
        return {
            "rows": len(self.rows),
            "missing": sum(r.status == "missing" for r in self.rows),
            "captured": sum(r.status == "captured" for r in self.rows),
            "approved": sum(r.status == "approved" for r in self.rows),
            "sessions": len({s for r in self.rows for s in r.session_ids}),
            "hours": round(sum(r.hours for r in self.rows), 3),
            "steps": steps,
            "approved_steps": approved,
            "approved_share": round(approved / steps, 3) if steps else 0.0,
            "at_risk": len(self.at_risk),
        }

    def to_dict(self) -> dict[str, Any]:
        return {"today": self.today, "required_from": self.required_from, "totals": self.totals(),
                "rows": [r.to_dict() for r in self.rows], "at_risk": self.at_risk}

    def to_csv(self) -> str:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(CSV_FIELDS), lineterminator="\n")
        w.writeheader()
        for r in self.rows:
            d = r.to_dict()
            d["experts"] = "; ".join(r.experts)
            d["leaves_on"] = r.leaves_on or ""
            w.writerow({k: d[k] for k in CSV_FIELDS})
        return buf.getvalue()


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text).split()).casefold()


def read_required(path: str | Path) -> list[Required]:
    """Required procedures from a CSV with columns workstation, procedure (and optionally process, expert).

    Several experts in one cell are separated by ";". Column names are case-insensitive and may be
    Korean (작업장, 공정, 절차 or 작업, 숙련자); the file may be UTF-8 or CP949 (Korean Excel).

    Raises:
        DocumentError: The file is missing, unreadable, has no rows or lacks a required column.
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"required-procedures file {p} does not exist") from None
    except OSError as exc:
        raise DocumentError(f"cannot read required-procedures file {p}: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:  # Korean Excel saves "CSV" in the Windows Korean code page
            text = raw.decode("cp949")
        except UnicodeDecodeError:
            raise DocumentError(f"cannot read required-procedures file {p}: not UTF-8 or CP949 text") from None
    reader = csv.DictReader(io.StringIO(text))
    header: dict[str, str] = {}
    for h in reader.fieldnames or []:
        name = (h or "").strip().casefold()
        header.setdefault(COLUMN_ALIASES.get(name, name), h)
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise DocumentError(f"{p}: missing column(s) {', '.join(missing)} "
                            f"(needs {', '.join(REQUIRED_COLUMNS)}; optional {', '.join(OPTIONAL_COLUMNS)})")
    out: list[Required] = []
    for n, row in enumerate(reader, start=2):
        def get(col: str, row: dict[str, Any] = row) -> str:
            key = header.get(col)
            return str(row.get(key) or "").strip() if key else ""

        ws, proc = get("workstation"), get("procedure")
        if not ws and not proc:
            continue
        if not ws or not proc:
            raise DocumentError(f"{p}, line {n}: needs both a workstation and a procedure")
        experts = tuple(e.strip() for e in get("expert").split(";") if e.strip())
        out.append(Required(ws, proc, get("process"), experts))
    if not out:
        raise DocumentError(f"{p}: no required procedures in it")
    return out


def _session_facts(library: Library) -> list[dict[str, Any]]:
    rows = library.db.query(
        "SELECT s.session_id, s.title, s.expert, s.workstation, s.process, s.duration, "
        "(SELECT count(*) FROM procedures p WHERE p.session_id = s.session_id) AS procedures, "
        "(SELECT count(*) FROM steps t WHERE t.session_id = s.session_id) AS steps, "
        "(SELECT count(*) FROM steps t WHERE t.session_id = s.session_id AND t.status = 'approved') "
        "AS approved, (SELECT group_concat(title, char(31)) FROM procedures p "
        "WHERE p.session_id = s.session_id) AS proc_titles FROM sessions s ORDER BY s.created_at, s.session_id")
    return [dict(r) for r in rows]


def _add(row: CoverageRow, fact: dict[str, Any]) -> None:
    row.sessions += 1
    row.session_ids.append(fact["session_id"])
    row.procedures += fact["procedures"] or 0
    row.hours += (fact["duration"] or 0.0) / 3600
    row.steps += fact["steps"] or 0
    row.approved_steps += fact["approved"] or 0
    expert = (fact["expert"] or "").strip()
    if expert and expert not in row.experts:
        row.experts.append(expert)


def _matches(req: Required, fact: dict[str, Any]) -> bool:
    if _norm(fact["workstation"] or "") != _norm(req.workstation):
        return False
    if req.process and fact["process"] and _norm(fact["process"]) != _norm(req.process):
        return False
    want = _norm(req.procedure)
    titles = [fact["title"] or ""] + (fact["proc_titles"] or "").split("\x1f")
    return any(want and want in _norm(t) for t in titles if t)


def _leaves_on(experts: Sequence[str], retiring: dict[str, str]) -> str | None:
    """When the last expert retires (None: no experts known, or one has no planned date)."""
    dates = [retiring.get(e) for e in experts]
    if not dates or any(d is None for d in dates):
        return None
    return max(d for d in dates if d is not None)


def coverage(library: Library, required: Sequence[Required] | None = None, *,
             today: dt.date | None = None, required_from: str | None = None) -> Coverage:
    """The coverage report of a library.

    Args:
        library: The library.
        required: Required procedures (from `read_required`); default: every workstation × process
            pair recorded so far.
        today: The day risks are counted from (default: today).
        required_from: Where `required` came from (reported as is).

    Returns:
        Rows in workstation, process, procedure order and the at-risk ranking.
    """
    day = today or dt.date.today()
    facts = _session_facts(library)
    retiring = library.retirements()
    rows: list[CoverageRow] = []
    if required is None:
        by_pair: dict[tuple[str, str], CoverageRow] = {}
        for f in facts:
            key = ((f["workstation"] or "").strip(), (f["process"] or "").strip())
            if key not in by_pair:
                by_pair[key] = CoverageRow(workstation=key[0], process=key[1])
            _add(by_pair[key], f)
        rows = list(by_pair.values())
    else:
        for req in required:
            row = CoverageRow(workstation=req.workstation, process=req.process, procedure=req.procedure)
            for f in facts:
                if _matches(req, f):
                    _add(row, f)
            for e in req.experts:
                if e not in row.experts:
                    row.experts.append(e)
            rows.append(row)
    for r in rows:
        r.leaves_on = _leaves_on(r.experts, retiring)
    rows.sort(key=lambda r: (r.workstation.casefold(), r.process.casefold(), r.procedure.casefold()))
    risk = [r for r in rows if r.status != "approved" and r.leaves_on is not None]
    # Soonest departure first; at the same date what is not captured at all comes first.
    risk.sort(key=lambda r: (r.leaves_on or "", r.status != "missing", r.approved_share))
    at_risk = [{
        "rank": i, "workstation": r.workstation, "process": r.process, "procedure": r.procedure,
        "status": r.status, "approved_share": r.approved_share, "experts": list(r.experts),
        "only_expert": r.experts[0] if len(r.experts) == 1 else None, "leaves_on": r.leaves_on,
        "days_left": (dt.date.fromisoformat(r.leaves_on) - day).days if r.leaves_on else None,
    } for i, r in enumerate(risk, 1)]
    return Coverage(rows=rows, at_risk=at_risk, today=day.isoformat(), required_from=required_from)
