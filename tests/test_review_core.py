"""Unit tests of the reviewer's structural edits (catalog only; re-indexing is tested in the GUI suite)."""

from __future__ import annotations

import pytest

from indexing.errors import NotFoundError, SettingError
from indexing.library import Library
from indexing.models import ProcedureDraft, Segment, StepDraft, Transcript, Word
from indexing.review import (
    merge_steps,
    move_boundary,
    restore_steps,
    set_procedure_status,
    snapshot_steps,
    split_step,
)

SID = "s1"
WORDS = [Word(float(i), i + 0.8, f" w{i}") for i in range(12)]


@pytest.fixture
def library(tmp_path):
    lib = Library(tmp_path / "lib")
    lib.db["sessions"].insert({"session_id": SID, "sha256": "x" * 64, "title": "Die change",
                               "duration": 12.0, "status": "ready"})
    lib.save_transcript(SID, Transcript("en", 12.0, (Segment(0.0, 12.0, "", tuple(WORDS)),)))
    lib.replace_steps(
        SID,
        [ProcedureDraft(0, "Die change", 0.0, 12.0)],
        [
            StepDraft(0, 0, 0.0, 4.0, "w0 w1 w2 w3", title="Lock out", tips=["tip a"], tools=["key"],
                      keyframe_t=3.0),
            StepDraft(0, 1, 4.0, 8.0, "w4 w5 w6 w7", title="Unclamp", tools=["wrench"]),
            StepDraft(0, 2, 8.0, 12.0, "w8 w9 w10 w11", title="Lift", warnings=["heavy"]),
        ],
    )
    return lib


def spans(lib):
    return [(s.step_id, s.start, s.end, s.title, s.text) for s in lib.steps(SID)]


def test_split_renumbers_and_splits_text(library):
    ids = split_step(library, f"{SID}-p1s02", 6.0, reindex=False)
    assert ids == [f"{SID}-p1s02", f"{SID}-p1s03", f"{SID}-p1s04"]
    assert spans(library) == [
        (f"{SID}-p1s01", 0.0, 4.0, "Lock out", "w0 w1 w2 w3"),
        (f"{SID}-p1s02", 4.0, 6.0, "Unclamp", "w4 w5"),
        (f"{SID}-p1s03", 6.0, 8.0, "Unclamp (continued)", "w6 w7"),
        (f"{SID}-p1s04", 8.0, 12.0, "Lift", "w8 w9 w10 w11"),
    ]
    assert library.step(f"{SID}-p1s03").tools == ("wrench",)
    assert library.step(f"{SID}-p1s04").warnings == ("heavy",)


def test_split_keeps_tips_and_keyframe_with_the_right_part(library):
    split_step(library, f"{SID}-p1s01", 2.0, reindex=False)
    a, b = library.steps(SID)[:2]
    assert a.tips == ("tip a",) and b.tips == ()
    rows = {r["step_id"]: r["keyframe_t"] for r in library.db.query("SELECT * FROM steps")}
    assert rows[f"{SID}-p1s01"] is None and rows[f"{SID}-p1s02"] == 3.0


@pytest.mark.parametrize("t", [4.2, 7.9, 9.0])
def test_split_outside_or_too_close_is_refused(library, t):
    with pytest.raises(SettingError):
        split_step(library, f"{SID}-p1s02", t, reindex=False)
    assert len(library.steps(SID)) == 3


def test_merge_with_next(library):
    ids = merge_steps(library, f"{SID}-p1s01", reindex=False)
    assert ids == [f"{SID}-p1s01", f"{SID}-p1s02"]
    steps = library.steps(SID)
    assert [(s.start, s.end, s.title) for s in steps] == [(0.0, 8.0, "Lock out"), (8.0, 12.0, "Lift")]
    assert steps[0].text == "w0 w1 w2 w3 w4 w5 w6 w7"
    assert steps[0].tools == ("key", "wrench")
    assert steps[0].tips == ("tip a",)


def test_merge_last_step_is_refused(library):
    with pytest.raises(SettingError):
        merge_steps(library, f"{SID}-p1s03", reindex=False)


def test_move_boundary_moves_the_neighbour(library):
    ids = move_boundary(library, f"{SID}-p1s02", start=5.0, reindex=False)
    assert ids == [f"{SID}-p1s01", f"{SID}-p1s02"]
    assert spans(library)[:2] == [
        (f"{SID}-p1s01", 0.0, 5.0, "Lock out", "w0 w1 w2 w3 w4"),
        (f"{SID}-p1s02", 5.0, 8.0, "Unclamp", "w5 w6 w7"),
    ]
    move_boundary(library, f"{SID}-p1s02", end=10.0, reindex=False)
    assert [(s.start, s.end) for s in library.steps(SID)] == [(0.0, 5.0), (5.0, 10.0), (10.0, 12.0)]


def test_move_boundary_too_short_is_refused(library):
    with pytest.raises(SettingError):
        move_boundary(library, f"{SID}-p1s02", start=0.2, reindex=False)
    with pytest.raises(SettingError):
        move_boundary(library, f"{SID}-p1s02", end=4.1, reindex=False)


def test_set_procedure_status(library):
    ids = set_procedure_status(library, SID, 0, "approved", reindex=False)
    assert ids == [f"{SID}-p1s01", f"{SID}-p1s02", f"{SID}-p1s03"]
    assert [s.status for s in library.steps(SID)] == ["approved"] * 3
    with pytest.raises(SettingError):
        set_procedure_status(library, SID, 0, "done", reindex=False)
    with pytest.raises(NotFoundError):
        set_procedure_status(library, SID, 5, "approved", reindex=False)


def test_snapshot_and_restore_undo_a_split(library):
    before = snapshot_steps(library, SID)
    split_step(library, f"{SID}-p1s02", 6.0, reindex=False)
    restore_steps(library, SID, before, reindex=False)
    assert snapshot_steps(library, SID) == before


def test_unknown_step(library):
    with pytest.raises(NotFoundError):
        split_step(library, "nope", 1.0, reindex=False)
