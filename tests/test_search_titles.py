"""A step's title weighs no more than its narration in the keyword ranking (`BM25_WEIGHTS`)."""

from __future__ import annotations

import pytest

from indexing.library import Library
from indexing.library.keywords import keyword_search
from indexing.models import ProcedureDraft, StepDraft

STEPS = [
    # A title made from the wrong sentence: it names the guard, which the step only warns about.
    ("Mind the guard", "Pull the two pins out of the roller shaft with the pliers."),
    ("Refit the cover", "Refit the guard over the roller, then latch the guard shut."),
]


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    lib = Library(tmp_path_factory.mktemp("titles") / "lib")
    lib.db["sessions"].insert({
        "session_id": "en1", "title": "Idler roller swap", "expert": "Maria Lopez", "workstation": "CV-1",
        "process": "conveyor", "language": "en", "consent": 1, "sha256": "0" * 64, "duration": 20.0,
        "status": "ready",
    })
    lib.db.conn.commit()
    drafts = [StepDraft(0, i, i * 10.0, i * 10.0 + 10.0, text, title=t) for i, (t, text) in enumerate(STEPS)]
    lib.replace_steps("en1", [ProcedureDraft(0, "Idler roller swap", 0.0, 20.0)], drafts)
    return lib


def test_the_narration_outweighs_a_title(library: Library, monkeypatch) -> None:
    from indexing.library import keywords

    assert keyword_search(library, "guard", 2)[0] == ["en1-p1s02", "en1-p1s01"]
    monkeypatch.setattr(keywords, "BM25_WEIGHTS", (3.0, *keywords.BM25_WEIGHTS[1:]))
    assert keyword_search(library, "guard", 2)[0] == ["en1-p1s01", "en1-p1s02"]  # the title won before
