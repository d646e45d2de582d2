"""A step's title weighs no more than its narration in the keyword ranking (`BM25_WEIGHTS`)."""

from __future__ import annotations

import pytest

from indexing.library import Library
from indexing.library.keywords import keyword_search
from tests.textlibrary import one_session_library

STEPS = [
    # A title made from the wrong sentence: it names the guard, which the step only warns about.
    ("Mind the guard", "Pull the two pins out of the roller shaft with the pliers."),
    ("Refit the cover", "Refit the guard over the roller, then latch the guard shut."),
]


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    return one_session_library(tmp_path_factory.mktemp("titles") / "lib", "en1", "Idler roller swap", STEPS,
                               expert="Maria Lopez", workstation="CV-1", process="conveyor", language="en",
                               index=False)


def test_the_narration_outweighs_a_title(library: Library, monkeypatch) -> None:
    from indexing.library import keywords

    assert keyword_search(library, "guard", 2)[0] == ["en1-p1s02", "en1-p1s01"]
    monkeypatch.setattr(keywords, "BM25_WEIGHTS", (3.0, *keywords.BM25_WEIGHTS[1:]))
    assert keyword_search(library, "guard", 2)[0] == ["en1-p1s01", "en1-p1s02"]  # the title won before
