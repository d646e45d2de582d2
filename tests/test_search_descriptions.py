"""Written step descriptions ("Insert the fresh cartridge", "Take off the guard") against an expert's
spoken words: shop-floor synonyms, their base forms, held words widened, light verbs left out (e21)."""

from __future__ import annotations

import pytest

from indexing.lang import get_language
from indexing.library import Library
from indexing.library.keywords import keyword_search, query_terms
from indexing.search import search
from tests.textlibrary import one_session_library

STEPS = [
    ("Drain the oil", "Open the drain plug and let the old oil run into the tray under the filter."),
    ("Fit the new element", "Push the new filter element into the housing until it clicks."),
    ("Wipe the cover", "Wipe the cover with a fresh rag and put the filter cover aside."),
]


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    return one_session_library(tmp_path_factory.mktemp("descriptions") / "lib", "hf", "Hydraulic filter change",
                               STEPS, expert="Maria Lopez", workstation="HP-2", process="hydraulics",
                               language="en")


def test_shop_floor_synonym_groups() -> None:
    en = get_language("en")
    assert "new" in en.synonyms("fresh")
    assert "oil" in en.synonyms("lubricant")
    assert "element" in en.synonyms("cartridge")
    assert "install" in en.synonyms("reinstall")
    assert "remove" in en.synonyms("detach")
    assert "record" in en.synonyms("log")


def test_inflected_words_find_their_group(monkeypatch) -> None:
    """A trainee writes "lubricated", "drips", "fitted", "emptied": the groups hold base forms."""
    from indexing.lang import en as english

    en = get_language("en")
    assert "grease" in en.synonyms("lubricated")
    assert "leak" in en.synonyms("drips")
    assert "install" in en.synonyms("fitted")
    assert "drain" in en.synonyms("emptied")
    assert "loosen" in en.synonyms("Unscrewing")
    assert en.synonyms("bolts") == ()
    monkeypatch.setattr(english, "SYNONYM_BASE_FORMS", False)
    assert en.synonyms("lubricated") == ()
    assert en.synonyms("drips") == ()


def test_light_verbs_of_a_description_are_not_searched() -> None:
    assert query_terms("Take off the guard")[0] == ['"off"', '"guard"']
    assert query_terms("Make sure each belt is tight")[0] == ['"belt"', '"tight"']
    assert query_terms("Put the fresh panels in")[0] == ['"fresh"', '"panels"']


def test_a_held_word_is_widened_by_its_synonyms(library: Library, monkeypatch) -> None:
    """"fresh" is in the library (the rag), but the step meant says "new": the keyword side asks for
    both, so the step holding "new" and "filter" ranks first."""
    from indexing.library import keywords

    assert keyword_search(library, "fresh filter", 3)[0][0] == "hf-p1s02"
    assert search(library, "Insert the fresh filter", k=3)[0].step_id == "hf-p1s02"
    monkeypatch.setattr(keywords, "SYNONYMS_FOR_HELD_WORDS", False)
    assert keyword_search(library, "fresh filter", 3)[0][0] == "hf-p1s03"


def test_more_shop_floor_groups_e23() -> None:
    """e23's groups: one thing, several everyday words; no word with two everyday senses."""
    en = get_language("en")
    assert "sag" in en.synonyms("droops")
    assert "dismantle" in en.synonyms("disassemble")
    assert "tube" in en.synonyms("pipe")
    assert "scum" in en.synonyms("froth")
    assert "install" in en.synonyms("reassemble")
    assert "clean" in en.synonyms("wash")
    for ambiguous in ("heat", "warm", "part", "base", "power", "stop", "wheel"):
        assert en.synonyms(ambiguous) == (), ambiguous


SAG_STEPS = [
    ("Measure the sag", "Measure the belt sag halfway between two idlers with a tape."),
    ("Check the rollers", "Check the rollers and the belt edges for wear."),
]


def test_a_written_droop_finds_the_spoken_sag(tmp_path) -> None:
    lib = one_session_library(tmp_path / "lib", "cb", "Conveyor belt tension", SAG_STEPS, expert="Ann Lee",
                              workstation="C-1", process="conveyors", language="en")
    assert keyword_search(lib, "droop", 3)[0][:1] == ["cb-p1s01"]
    assert search(lib, "Check how far the belt droops", k=2)[0].step_id == "cb-p1s01"


def test_the_last_word_of_a_description_is_widened_too(library: Library) -> None:
    """A description ends on its full stop: "lid." is looked up as "lid", whose group holds the
    library's "cover" (e26)."""
    assert keyword_search(library, "Lift the lid.", 3)[0][:1] == ["hf-p1s03"]
    assert keyword_search(library, "Lift the lid.", 3)[0] == keyword_search(library, "Lift the lid", 3)[0]
