"""Knowledge coverage: exact figures on a small built library, the at-risk ranking, CSV and PNG."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from indexing.document.coverage import coverage, read_required
from indexing.document.errors import DocumentError
from indexing.errors import SettingError
from indexing.library import Library
from indexing.models import ProcedureDraft, StepDraft
from tests.snapshot import snapshot

TODAY = dt.date(2026, 12, 1)


def knowhow(*args: str, library: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "indexing.cli", "--library", str(library), *args],
                          capture_output=True, text=True, timeout=300, env=dict(os.environ))


def _session(lib: Library, sid: str, title: str, expert: str, ws: str, proc: str, minutes: float,
             statuses: list[str]) -> None:
    with lib.transaction() as db:
        db["sessions"].insert({"session_id": sid, "sha256": sid * 8, "title": title, "expert": expert,
                               "workstation": ws, "process": proc, "duration": minutes * 60,
                               "created_at": f"2026-01-0{len(sid)}", "status": "needs review"})
    steps = [StepDraft(0, i, i * 10.0, i * 10.0 + 10, f"step {i}", title=f"Step {i}") for i in range(len(statuses))]
    lib.replace_steps(sid, [ProcedureDraft(0, title, 0.0, minutes * 60)], steps)
    for step, status in zip(lib.steps(sid), statuses, strict=True):
        if status != "proposed":
            lib.update_step(step.step_id, status=status)


@pytest.fixture
def plant(tmp_path: Path) -> Library:
    """Three sessions at two workstations: one approved, one half approved, one unreviewed."""
    lib = Library(tmp_path / "lib")
    _session(lib, "s1", "Die change, press 4", "Kim", "P4", "Stamping", 30, ["approved"] * 4)
    _session(lib, "s2", "Coil change", "Lee", "P4", "Stamping", 15, ["approved", "proposed"])
    _session(lib, "s3", "Electrode dressing", "Kim", "W2", "Welding", 45, ["proposed"] * 3)
    lib.set_retirement("Kim", "2027-06-30")
    lib.set_retirement("Lee", "2027-01-31")
    return lib


def test_pairs_from_the_library(plant: Library) -> None:
    cov = coverage(plant, today=TODAY)
    rows = [r.to_dict() for r in cov.rows]
    assert [(r["workstation"], r["process"], r["status"], r["sessions"], r["procedures"], r["hours"],
             r["steps"], r["approved_steps"], r["approved_share"], r["experts"], r["leaves_on"]) for r in rows] == [
        ("P4", "Stamping", "captured", 2, 2, 0.75, 6, 5, 0.833, ["Kim", "Lee"], "2027-06-30"),
        ("W2", "Welding", "captured", 1, 1, 0.75, 3, 0, 0.0, ["Kim"], "2027-06-30"),
    ]
    assert cov.totals() == {"rows": 2, "missing": 0, "captured": 2, "approved": 0, "sessions": 3, "hours": 1.5,
                            "steps": 9, "approved_steps": 5, "approved_share": 0.556, "at_risk": 2}
    # Same leaving date: the less approved row ranks first.
    assert [(k["workstation"], k["only_expert"], k["days_left"]) for k in cov.at_risk] == [
        ("W2", "Kim", 211), ("P4", None, 211)]


def test_required_csv_json_and_csv_output(plant: Library, tmp_path: Path) -> None:
    req = tmp_path / "required.csv"
    req.write_text("Workstation,Process,Procedure,Expert\n"
                   "P4,Stamping,Die change,\n"
                   "P4,Stamping,Coil change,\n"
                   "P4,Stamping,Bolster cleaning,Lee\n"
                   "W2,Welding,Electrode dressing,\n"
                   "W2,Welding,Tip change,Park\n", encoding="utf-8")
    before = snapshot(plant.root)
    res = knowhow("coverage", "--required", str(req), "--json", library=plant.root)
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert [(r["procedure"], r["status"], r["sessions"], r["approved_share"], r["experts"]) for r in doc["rows"]] == [
        ("Bolster cleaning", "missing", 0, 0.0, ["Lee"]),
        ("Coil change", "captured", 1, 0.5, ["Lee"]),
        ("Die change", "approved", 1, 1.0, ["Kim"]),
        ("Electrode dressing", "captured", 1, 0.0, ["Kim"]),
        ("Tip change", "missing", 0, 0.0, ["Park"]),
    ]
    # Lee leaves first: what only Lee knows and is not approved tops the list, the missing one first;
    # Park has no retirement date, so "Tip change" is missing but not ranked at risk.
    assert [(k["rank"], k["procedure"], k["only_expert"], k["leaves_on"]) for k in doc["at_risk"]] == [
        (1, "Bolster cleaning", "Lee", "2027-01-31"),
        (2, "Coil change", "Lee", "2027-01-31"),
        (3, "Electrode dressing", "Kim", "2027-06-30"),
    ]
    assert doc["totals"]["missing"] == 2 and doc["totals"]["sessions"] == 3
    res = knowhow("coverage", "--required", str(req), "--csv", "--png", str(tmp_path / "heat.png"),
                  library=plant.root)
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [(r["procedure"], r["status"], r["hours"], r["experts"]) for r in rows] == [
        ("Bolster cleaning", "missing", "0.0", "Lee"),
        ("Coil change", "captured", "0.25", "Lee"),
        ("Die change", "approved", "0.5", "Kim"),
        ("Electrode dressing", "captured", "0.75", "Kim"),
        ("Tip change", "missing", "0.0", "Park"),
    ]
    from PIL import Image

    with Image.open(tmp_path / "heat.png") as im:
        assert im.format == "PNG" and im.size == (180 + 170 * 2 + 20, 80 + 70 * 2 + 60)
    # Reading coverage writes nothing to the library.
    assert snapshot(plant.root) == before


def test_png_of_one_cell_holds_its_title_and_legend(tmp_path: Path) -> None:
    """One workstation and one process: the picture is widened to its title and legend, not cut."""
    from PIL import Image

    from indexing.document.heatmap import LEGEND_END, _font, render_png

    lib = Library(tmp_path / "lib")
    _session(lib, "s1", "Die change", "Kim", "", "", 2, ["proposed"])
    title = "Knowledge coverage: approved share"
    with Image.open(io.BytesIO(render_png(coverage(lib, today=TODAY), title))) as im:
        width = im.size[0]
    assert width >= 12 + _font(20, True).getlength(title)
    assert width >= 180 + 11 * 20 + 6 + _font(13).getlength(LEGEND_END)


def test_korean_required_list_from_excel(tmp_path: Path) -> None:
    """A Korean plant's list: Korean column names, saved by Korean Excel in CP949."""
    lib = Library(tmp_path / "lib")
    _session(lib, "k1", "금형 교체", "김민준", "P4", "프레스", 20, ["approved"] * 2)
    req = tmp_path / "필수작업.csv"
    req.write_bytes("작업장,공정,작업,숙련자\nP4,프레스,금형 교체,김민준\nP4,프레스,코일 교체,이수진;박정호\n"
                    .encode("cp949"))
    assert [(r.workstation, r.process, r.procedure, r.experts) for r in read_required(req)] == [
        ("P4", "프레스", "금형 교체", ("김민준",)), ("P4", "프레스", "코일 교체", ("이수진", "박정호"))]
    report = coverage(lib, read_required(req), today=TODAY)
    assert [(r.procedure, r.status) for r in report.rows] == [("금형 교체", "approved"), ("코일 교체", "missing")]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\xff\xfe\x00w\x00o")  # UTF-16 is neither
    with pytest.raises(DocumentError, match="not UTF-8 or CP949"):
        read_required(bad)


def test_bad_required_csv_and_dates(plant: Library, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("station,process\nP4,Stamping\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="missing column.s. workstation, procedure"):
        read_required(bad)
    half = tmp_path / "half.csv"
    half.write_text("workstation,procedure\nP4,\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="line 2: needs both"):
        read_required(half)
    png = tmp_path / "heat.png"
    res = knowhow("coverage", "--required", str(bad), "--png", str(png), "--json", library=plant.root)
    assert res.returncode == 2 and res.stdout == "" and res.stderr.count("\n") == 1
    assert "missing column(s) workstation, procedure" in res.stderr and not png.exists()
    res = knowhow("coverage", "--required", str(tmp_path / "none.csv"), library=plant.root)
    assert res.returncode == 2 and "does not exist" in res.stderr
    with pytest.raises(SettingError, match="not a date"):
        plant.set_retirement("Kim", "30/06/2027")
    assert plant.retirements() == {"Kim": "2027-06-30", "Lee": "2027-01-31"}


def test_people_retirement_commands(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    res = knowhow("people", "set-retirement", "Kim Min-jun", "2027-03-31", "--json", library=lib)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == {"expert": "Kim Min-jun", "retires_on": "2027-03-31"}
    res = knowhow("people", "retirements", "--json", library=lib)
    assert json.loads(res.stdout) == {"Kim Min-jun": "2027-03-31"}
    res = knowhow("people", "set-retirement", "Kim Min-jun", "--clear", "--json", library=lib)
    assert json.loads(res.stdout)["retires_on"] is None
    res = knowhow("people", "list", "--json", library=lib)  # the existing people command still works
    assert res.returncode == 0 and json.loads(res.stdout) == []
