"""Hybrid search over a small hand-made library, with the real bundled MiniLM model."""

from __future__ import annotations

import pytest

from indexing.embed import get_embedder
from indexing.library import Library
from indexing.models import ProcedureDraft, StepDraft
from indexing.search import (
    QueryError,
    fuse,
    index_session,
    index_steps,
    keyword_search,
    query_terms,
    rebuild_index,
    search,
    step_document,
)
from indexing.store import close_stores, open_store

SESSIONS = {
    "press": ("Press line 3 die change", "Maria Lopez", "Press-3", "stamping"),
    "cnc": ("Spindle seal replacement", "Kenji Sato", "CNC-7", "machining"),
    "weld": ("Welding cell start-up", "Ana Costa", "Weld-2", "welding"),
}

# (session, title, text, category, tools, tips, warnings)
STEPS = [
    ("press", "Lock out the press",
     "Before anything else I switch off the main isolator and hang my padlock on it, then I press "
     "the start button to prove the press is dead.",
     "safety", ["padlock", "lockout tag"], [], ["Never reach into the die area with power on."]),
    ("press", "Swap the die",
     "I loosen the four clamp bolts with the 24 millimetre socket and slide the old die out on the rollers.",
     "setup", ["24 mm socket"], [], []),
    ("press", "Torque the clamp bolts",
     "The clamp bolts are M16; I tighten them crosswise to 180 newton metres with the torque wrench.",
     "adjustment", ["torque wrench"], [], []),
    ("cnc", "Fit the new seal",
     "Take the seal kit PX-4471 from the crib, oil the lip and push it in square with the driver.",
     "operation", ["seal driver"], [], []),
    ("cnc", "Check the runout",
     "Put the dial indicator on the spindle nose and turn it by hand; more than two hundredths "
     "and you do it again.",
     "inspection", ["dial indicator"], ["Warm the spindle up for ten minutes first."], []),
    ("cnc", "Clean the coolant tank",
     "Drain the coolant, scoop out the swarf and wipe the tank before refilling with fresh emulsion.",
     "cleanup", [], [], []),
    ("weld", "Purge the gas line",
     "Open the argon bottle and let it flow for a few seconds to purge air from the hose.",
     "setup", [], [], []),
    ("weld", "Check the contact tip",
     "Look at the contact tip; if the hole is oval or spattered, replace it with a new M8-1.25 threaded tip.",
     "inspection", ["tip pliers"], [], []),
    ("weld", "Strike a test bead",
     "Run a short bead on a scrap coupon and listen: a steady crackle like frying bacon means the "
     "settings are right.",
     "operation", [], ["Listen before you look."], []),
]


def _build(root) -> Library:
    lib = Library(root)
    for n, (sid, (title, expert, ws, process)) in enumerate(SESSIONS.items()):
        lib.db["sessions"].insert({
            "session_id": sid, "title": title, "expert": expert, "workstation": ws, "process": process,
            "language": "en", "consent": 1, "sha256": f"{n:064d}", "duration": 60.0, "status": "ready",
            "created_at": f"2024-01-0{n + 1}T00:00:00+00:00",
        })
        lib.db.conn.commit()
        drafts = [
            StepDraft(0, i, i * 10.0, i * 10.0 + 10.0, text, title=t, category=cat, tools=tools,
                      tips=tips, warnings=warns)
            for i, (_, t, text, cat, tools, tips, warns) in enumerate(s for s in STEPS if s[0] == sid)
        ]
        lib.replace_steps(sid, [ProcedureDraft(0, title, 0.0, 60.0)], drafts)
    return lib


@pytest.fixture(scope="module")
def embedder():
    return get_embedder("all-MiniLM-L6-v2", "cpu")


@pytest.fixture(scope="module")
def library(tmp_path_factory, embedder) -> Library:
    close_stores()
    lib = _build(tmp_path_factory.mktemp("search") / "lib")
    steps = lib.all_steps()
    assert index_steps(lib, steps) == 9
    yield lib
    close_stores()


def titles(hits) -> list[str]:
    return [h.title for h in hits]


# -- pure pieces --------------------------------------------------------------------
def test_step_document_joins_every_part(library: Library) -> None:
    step = library.step("press-p1s01")
    assert step_document(step) == (
        "Lock out the press\n"
        "Before anything else I switch off the main isolator and hang my padlock on it, then I press "
        "the start button to prove the press is dead."
    )  # no note lines: tools and warnings are words of the narration already (DOCUMENT_NOTES)


def test_query_terms_quote_everything() -> None:
    assert query_terms("How do I fit PX-4471?") == (['"fit"', '"PX-4471?"'], True)
    assert query_terms('the "DIE" AND OR NEAR(x') == (['"""DIE"""', '"NEAR(x"'], False)
    assert query_terms("the of") == (['"the"', '"of"'], False)
    assert query_terms('" -- !!') == ([], False)
    assert query_terms("M8-1.25 tip tip") == (['"M8-1.25"', '"tip"'], True)


def test_fuse_is_weighted_rrf_scaled_to_one() -> None:
    scores = fuse([(["a", "b"], 1.0), (["b", "c"], 2.0)], k0=60)
    assert scores["b"] == pytest.approx((1 / 62 + 2 / 61) * 61 / 3)
    assert scores["a"] == pytest.approx((1 / 61) * 61 / 3)
    assert scores["c"] == pytest.approx((2 / 62) * 61 / 3)
    assert fuse([(["a"], 1.0), (["a"], 1.0)])["a"] == pytest.approx(1.0)
    assert fuse([(["a"], 1.0), ([], 2.0)])["a"] == pytest.approx(1 / 3)


# -- keyword side -------------------------------------------------------------------
def test_exact_codes_match_whole_and_only_whole(library: Library) -> None:
    assert keyword_search(library, "PX-4471", 50) == (["cnc-p1s01"], True)
    assert keyword_search(library, "px-4471", 50) == (["cnc-p1s01"], True)
    assert keyword_search(library, "PX-4472", 50) == ([], True)
    assert keyword_search(library, "M8-1.25", 50) == (["weld-p1s02"], True)
    assert keyword_search(library, "M8-1.26", 50) == ([], True)


def test_keyword_all_terms_first_then_any(library: Library) -> None:
    ids, has_code = keyword_search(library, "clamp bolts torque", 50)
    assert not has_code
    assert ids[0] == "press-p1s03"  # the only step with all three words
    assert set(ids) == {"press-p1s02", "press-p1s03"}


def test_common_words_are_left_to_the_vectors(library: Library, monkeypatch) -> None:
    assert set(keyword_search(library, "check", 50)[0]) == {"cnc-p1s02", "weld-p1s02"}
    # Pretend a word held by more than one step is common (as "press" is at 100,000 steps).
    monkeypatch.setattr("indexing.library.keywords.RARE_MIN_STEPS", 1)
    assert keyword_search(library, "check", 50) == ([], False)
    assert keyword_search(library, "check tip", 50) == (["weld-p1s02"], False)
    assert keyword_search(library, "check PX-4471", 50) == (["cnc-p1s01"], True)
    assert search(library, "check", k=2)  # the vectors still answer


@pytest.mark.parametrize("query", ['AND', '"unbalanced', 'title: NEAR(', 'M8-1.25 OR', "bolt*", "a:b^c", "-x"])
def test_fts_syntax_in_user_text_never_breaks(library: Library, query: str) -> None:
    search(library, query, k=3)


# -- hybrid search ------------------------------------------------------------------
def test_part_number_finds_its_step_first(library: Library) -> None:
    hits = search(library, "PX-4471", k=3)
    assert hits[0].step_id == "cnc-p1s01"
    hits = search(library, "M8-1.25", k=3)
    assert hits[0].step_id == "weld-p1s02"


def test_paraphrase_finds_the_right_step_first(library: Library, embedder) -> None:
    # Hardly a word in common with the steps: the vectors have to carry these.
    cases = {
        "make sure the machine cannot start while I work on it": "press-p1s01",
        "empty the machine's cooling liquid": "cnc-p1s03",
        "what sound tells me the weld is good": "weld-p1s03",
    }
    store = open_store(library, embedder.model_id)
    for query, expected in cases.items():
        vec_first = store.query(embedder.encode([query])[0], 1)[0][0]
        assert vec_first == expected, query
        assert search(library, query, k=3)[0].step_id == expected, query


def test_a_word_the_library_never_uses_is_searched_by_its_synonyms(library: Library) -> None:
    """The trainee's "undo" is the expert's "loosen": keyword side and vector text both use the
    library's own word; a word the library holds is never replaced."""
    from indexing.library.keywords import in_library_words

    assert keyword_search(library, "undo the clamp bolts", 5)[0][:1] == ["press-p1s02"]
    assert in_library_words(library, "How do I undo the clamp bolts?") == "How do I loosen the clamp bolts?"
    assert in_library_words(library, "tighten the clamp bolts") == "tighten the clamp bolts"
    assert in_library_words(library, "frobnicate the clamp") == "frobnicate the clamp"


def test_hits_carry_session_fields_and_scores(library: Library) -> None:
    hits = search(library, "lock out the press before working", k=9)
    assert len(hits) == 9
    top = hits[0]
    assert top.step_id == "press-p1s01"
    assert (top.session_id, top.index, top.start, top.end) == ("press", 0, 0.0, 10.0)
    assert (top.session_title, top.workstation, top.expert) == ("Press line 3 die change", "Press-3",
                                                                "Maria Lopez")
    assert top.category == "safety"
    assert top.warnings == ("Never reach into the die area with power on.",)
    assert top.tips == ()
    assert top.keyframe is None
    assert top.score == pytest.approx(1.0)  # first in both rankings
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 < s <= 1.0 for s in scores)
    assert len({h.step_id for h in hits}) == 9


def test_filters_exclude(library: Library) -> None:
    ids = {h.step_id for h in search(library, "check", k=10, workstation="cnc-7")}
    assert ids == {"cnc-p1s01", "cnc-p1s02", "cnc-p1s03"}
    ids = {h.step_id for h in search(library, "check", k=10, category="inspection")}
    assert ids == {"cnc-p1s02", "weld-p1s02"}
    ids = {h.step_id for h in search(library, "check", k=10, expert="ANA  COSTA")}
    assert ids == {"weld-p1s01", "weld-p1s02", "weld-p1s03"}
    assert search(library, "check", k=10, expert="ana costa", category="safety") == []
    assert search(library, "PX-4471", k=10, workstation="Weld-2")[0].step_id != "cnc-p1s01"


def test_selective_filter_falls_back_to_the_store_filter(library: Library, monkeypatch) -> None:
    # Two unfiltered candidates, neither at CNC-7: the store's own filter must answer.
    monkeypatch.setattr("indexing.search.OVERFETCH", 1)
    narrow = Library(library.root, overrides={"search_candidates": 2})
    hits = search(narrow, "argon gas hose", k=2, workstation="CNC-7")
    assert len(hits) == 2
    assert {h.session_id for h in hits} == {"cnc"}
    assert [h.step_id for h in search(narrow, "argon gas hose", k=2)][0] == "weld-p1s01"


def test_status_filter_follows_reindex(library: Library) -> None:
    assert search(library, "purge", k=10, status="approved") == []
    library.update_step("weld-p1s01", status="approved")
    try:
        index_steps(library, [library.step("weld-p1s01")])
        assert [h.step_id for h in search(library, "gas", k=10, status="approved")] == ["weld-p1s01"]
    finally:
        library.update_step("weld-p1s01", status="proposed")
        index_steps(library, [library.step("weld-p1s01")])


@pytest.mark.parametrize("query", ["", "   ", "\n\t", '"', "?!", "*"])
def test_empty_query_is_a_clear_error(library: Library, query: str) -> None:
    with pytest.raises(QueryError, match="search query"):
        search(library, query)


# -- keeping vectors in step with the catalog ---------------------------------------
def test_index_session_drops_removed_steps_and_rebuild(tmp_path, embedder) -> None:
    lib = _build(tmp_path / "lib")
    store = open_store(lib, embedder.model_id)
    assert rebuild_index(lib) == 9
    assert store.count() == 9
    # Re-segment the weld session into one step: its old vectors must go.
    lib.replace_steps("weld", [ProcedureDraft(0, "Weld", 0.0, 60.0)],
                      [StepDraft(0, 0, 0.0, 60.0, "Purge, check the tip, strike a bead.", title="All in one")])
    assert index_session(lib, "weld") == 1
    assert store.get_ids("weld") == ["weld-p1s01"]
    assert store.count() == 7
    events = []
    assert rebuild_index(lib, progress=events.append) == 7
    assert store.count() == 7
    assert events[-1].fraction == 1.0 and events[-1].stage == "embed"


def test_search_against_a_chroma_server(tmp_path, chroma_server) -> None:
    lib = _build(tmp_path / "lib")
    lib.set_setting("chroma_url", chroma_server)
    try:
        assert index_steps(lib, lib.all_steps()) == 9
        assert not lib.vectors_dir.exists() or not any(lib.vectors_dir.iterdir())
        assert search(lib, "PX-4471", k=1)[0].step_id == "cnc-p1s01"
        assert search(lib, "gas", k=5, workstation="weld-2")[0].step_id == "weld-p1s01"
    finally:
        open_store(lib, get_embedder().model_id).reset()
