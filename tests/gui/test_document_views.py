"""The Coverage view and the Review view's "Print / save as sheet" action and reason field."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from capture_app import messages
from indexing.document import build_sheet
from indexing.library import Library
from tests.test_coverage import _session

TIMEOUT_MS = 180_000


@pytest.fixture
def plant(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "lib")
    _session(lib, "s1", "Die change, press 4", "Kim", "P4", "Stamping", 30, ["approved"] * 4)
    _session(lib, "s2", "Coil change", "Lee", "P4", "Stamping", 15, ["approved", "proposed"])
    _session(lib, "s3", "Electrode dressing", "Kim", "W2", "Welding", 45, ["proposed"] * 3)
    return lib


def test_coverage_view_shows_rows_risk_and_heat_map(qtbot, plant: Library, tmp_path: Path) -> None:
    from capture_app.views.coverage_view import CoverageView

    view = CoverageView(plant)
    qtbot.addWidget(view)
    assert view.table.rowCount() == 2 and view.risk.rowCount() == 0
    assert not view.risk_empty.isHidden() and view.risk_empty.text().startswith("No retirement dates yet.")
    assert [view.table.item(i, 0).text() for i in range(2)] == ["P4", "W2"]
    assert view.table.item(0, 6).text() == "83%"
    assert (view.heatmap.stations, view.heatmap.processes) == (["P4", "W2"], ["Stamping", "Welding"])
    assert [c.text for c in view.heatmap.cells if c.value is not None] == ["83%", "0%"]
    assert view.summary.text().startswith("2 rows (recorded workstations and processes): ")
    assert [view.heatmap.detail(c) for c in view.heatmap.cells if c.value is not None] == \
        ["2 sessions, 0.75 h", "1 session, 0.75 h"]  # under an hour: two decimals, not "0.8 h"

    # A retirement date set in the view (a worker writes it) ranks Kim's unapproved welding knowledge.
    view.expert_box.setCurrentText("Kim")
    with qtbot.waitSignal(view.refreshed, timeout=TIMEOUT_MS):
        qtbot.mouseClick(view.set_date_button, Qt.MouseButton.LeftButton)
    assert plant.retirements()["Kim"] == view.date_edit.date().toString("yyyy-MM-dd")
    # P4 is also known by Lee, who has no retirement date: only W2 is at risk.
    assert view.risk.rowCount() == 1 and view.risk.item(0, 4).text() == "W2 / Welding"
    assert view.risk.item(0, 2).text() == "Kim"
    assert view.risk_empty.isHidden()
    plant.set_retirement("Lee", "2031-01-01")
    plant.set_retirement("Kim", None)
    view.refresh()  # Lee's approved-or-shared knowledge only: nothing at risk, and the view says why
    assert view.risk.rowCount() == 0 and view.risk_empty.text().startswith("Nothing at risk:")
    plant.set_retirement("Kim", view.date_edit.date().toString("yyyy-MM-dd"))
    plant.set_retirement("Lee", None)
    view.refresh()

    req = tmp_path / "required.csv"
    req.write_text("workstation,process,procedure\nP4,Stamping,Die change\nP4,Stamping,Bolster cleaning\n",
                   encoding="utf-8")
    with qtbot.waitSignal(view.refreshed, timeout=TIMEOUT_MS):
        view.load_required(str(req))
    assert [view.table.item(i, 2).text() for i in range(2)] == ["Bolster cleaning", "Die change"]
    assert [view.table.item(i, 3).text() for i in range(2)] == ["missing", "approved"]
    assert "1 missing" in view.summary.text()

    png = tmp_path / "heat.png"
    task = view.save_png(str(png))
    with qtbot.waitSignal(task.succeeded, timeout=TIMEOUT_MS):
        pass
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    view.grab()  # paints the heat map without error


def test_bad_required_csv_is_one_message(qtbot, plant: Library, tmp_path: Path) -> None:
    from capture_app.views.coverage_view import CoverageView

    view = CoverageView(plant)
    qtbot.addWidget(view)
    bad = tmp_path / "bad.csv"
    bad.write_text("station\nP4\n", encoding="utf-8")
    task = view.load_required(str(bad))
    with qtbot.waitSignal(task.failed, timeout=TIMEOUT_MS):
        pass
    assert [m.level for m in messages.history()] == ["error"]
    assert "missing column(s) workstation, procedure" in messages.history()[0].text
    assert view.required is None and view.table.rowCount() == 2


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_review_prints_the_sheet_and_edits_the_reason(qtbot, copy_library, tmp_path: Path) -> None:
    from capture_app.views.review_view import ReviewView

    view = ReviewView(copy_library)
    qtbot.addWidget(view)
    view.load_session(copy_library.sample_session_id)
    try:
        view.select_step(1, seek=False)
        step = view.current_step()
        assert step is not None and view.sheet_button.isEnabled()
        assert step.reason != "Otherwise the die sits crooked on the bolster."  # so Save has a change to save
        view.reason_edit.setText("Otherwise the die sits crooked on the bolster.")
        with qtbot.waitSignal(view.tasks.idle, timeout=TIMEOUT_MS):
            qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
        assert copy_library.step(step.step_id).reason == "Otherwise the die sits crooked on the bolster."

        out = tmp_path / "sheet.pdf"
        task = view.save_sheet(str(out))
        assert task is not None
        with qtbot.waitSignal(task.succeeded, timeout=TIMEOUT_MS):
            pass
        text = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "Otherwise the die sits crooked on the bolster." in " ".join(text.split())
        assert copy_library.prints()[-1]["path"] == str(out)
        assert any("Sheet saved to" in m.text for m in messages.history())
    finally:
        view.shutdown()


def test_the_reviewer_is_recorded_as_approver_and_remembered(qtbot, tiny_library, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from capture_app.views.review_view import ReviewView

    monkeypatch.setenv("KNOWHOW_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("KNOWHOW_REVIEWER", raising=False)
    sid = tiny_library.sessions()[0].session_id
    view = ReviewView(tiny_library)
    qtbot.addWidget(view)
    try:
        view.load_session(sid)
        view.select_step(0, seek=False)
        view.reviewer_edit.setText("Kang Mi-ra")
        view.reviewer_edit.editingFinished.emit()
        with qtbot.waitSignal(view.tasks.idle, timeout=TIMEOUT_MS):
            qtbot.mouseClick(view.approve_all_button, Qt.MouseButton.LeftButton)
        assert {r["approved_by"] for r in tiny_library.step_rows(sid)} == {"Kang Mi-ra"}
        assert build_sheet(tiny_library, sid).approved_by == "Kang Mi-ra"
    finally:
        view.shutdown()
    again = ReviewView(tiny_library)  # the next start remembers who reviews at this tablet
    qtbot.addWidget(again)
    try:
        assert again.reviewer_edit.text() == "Kang Mi-ra" and tiny_library.actor == "Kang Mi-ra"
    finally:
        again.shutdown()


def test_a_sheet_link_opens_review_at_the_step(qtbot, tiny_library) -> None:
    from capture_app.app import MainWindow
    from capture_app.links import open_link
    from indexing.document import step_link

    window = MainWindow(tiny_library)
    qtbot.addWidget(window)
    try:
        sid = tiny_library.sessions()[0].session_id
        steps = tiny_library.steps(sid)
        target = steps[-1]
        assert open_link(window, step_link(sid, target.start + 0.1))
        review = window.views["Review"]
        assert window.tabs.currentWidget() is review
        assert review.session_id == sid and review.current_step().step_id == target.step_id
        assert not open_link(window, "knowhow://open?session=nope&t=1")
        assert not open_link(window, "https://example.invalid/")
        assert [m.level for m in messages.history()] == ["error", "error"]
    finally:
        window.shutdown()
