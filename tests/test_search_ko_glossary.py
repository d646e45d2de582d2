"""The Korean plant glossary of keyword search (`indexing/lang/ko/plant_words.txt`, `Korean.synonyms`):
a trainee's plain or native word finds the step that says the trade word ("쇳밥" -> 칩, "철사" ->
와이어, "꼭지" -> 밸브, "단맛" -> 브릭스, "전기 끊" -> 전원 차단), at query time only."""

from __future__ import annotations

from collections import Counter

import pytest

from indexing.lang import get_language
from indexing.lang.data import table
from indexing.library import Library
from tests.textlibrary import one_session_library

pytest.importorskip("kiwipiepy")

STEPS = [
    ("전원 차단하기", "작업 전에 분전반에서 전원을 차단하고 잠금 장치를 겁니다."),
    ("칩 치우기", "척 주변에 쌓인 칩을 갈고리로 긁어냅니다. 칩은 날카로워서 장갑을 끼고 만집니다."),
    ("와이어 넣기", "송급 장치에서 와이어를 풀어 토치 쪽으로 밀어 넣습니다."),
    ("물 빼기", "탱크 아래 배수 밸브를 열어서 고인 물을 뺍니다."),
    ("브릭스 재기", "굴절계로 소스의 브릭스를 재서 기록합니다."),
]

QUESTIONS = [
    ("전기 끊는 건 어디서 해요?", "ko1-p1s01"),
    ("쇳밥은 어떻게 해요?", "ko1-p1s02"),
    ("철사가 엉키면요?", "ko1-p1s03"),
    ("꼭지는 어디 있어요?", "ko1-p1s04"),
    ("단맛은 몇이 나와야 돼요?", "ko1-p1s05"),
]


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    return one_session_library(tmp_path_factory.mktemp("glossary") / "lib", "ko1", "라인 정비", STEPS,
                               expert="박정호", workstation="L-2", process="정비", language="ko", index=False)


def _glossary_rows() -> list[tuple[tuple[str, ...], list[str]]]:
    ko = get_language("ko")
    return [(row, [t for w in row for t in ko._glossary_terms(w) if t]) for row in table("ko/plant_words.txt")]


def test_each_term_is_in_one_group_and_a_group_has_two_terms() -> None:
    rows = _glossary_rows()
    count = Counter(t for _, terms in rows for t in set(terms))
    assert [t for t, n in count.items() if n > 1] == []
    assert [row for row, terms in rows if len(set(terms)) < 2] == []
    assert len(rows) >= 100


def test_a_noun_widens_queries_only_by_its_own_word() -> None:
    """A noun the analyser cuts to another word ("매연을" -> 매 연) must not widen every query with
    that word ("연"): a one-morpheme term of a noun is the noun, its start ("차압계" -> 차압) or the
    stem of a verb's noun ("떨림" -> 떨리)."""
    for row, _ in _glossary_rows():
        for word in row:
            if word.endswith("다"):
                continue
            for term in get_language("ko")._glossary_terms(word):
                assert " " in term or not term or word.startswith(term) or word[:-1] == term[:-1], (word, term)


def test_synonyms_of_a_query_token(monkeypatch) -> None:
    import indexing.lang.ko as KO

    ko = get_language("ko")
    assert "칩" in ko.synonyms("쇳밥")
    assert "와이어" in ko.synonyms("철사")
    assert {"밸브", "콕"} <= set(ko.synonyms("꼭지"))
    assert "브릭스" in ko.synonyms("단맛")
    assert "차단" in ko.synonyms("끊")
    assert ko.synonyms("물") == ()  # not in the glossary
    assert "보충" in ko.synonyms("충전")  # a line joins synonyms.txt's group by its head
    monkeypatch.setattr(KO, "PLANT_WORDS", False)
    assert ko.synonyms("쇳밥") == ()


@pytest.mark.parametrize(("question", "step"), QUESTIONS)
def test_a_description_finds_its_step_through_the_glossary(library: Library, monkeypatch,
                                                           question: str, step: str) -> None:
    """The question shares no word with its step but a glossary group's: the keyword side finds the
    step first; with the glossary off it does not find it at all."""
    import indexing.lang.ko as KO
    from indexing.search import keyword_search

    ids, _ = keyword_search(library, question, 5)
    assert ids[:1] == [step]
    monkeypatch.setattr(KO, "PLANT_WORDS", False)
    ids, _ = keyword_search(library, question, 5)
    assert step not in ids


def test_the_asked_word_still_ranks_its_own_steps(library: Library) -> None:
    """A glossary word the steps hold searches itself and its group together: "칩" finds the chip step."""
    from indexing.search import keyword_search

    ids, _ = keyword_search(library, "칩은 뭘로 긁어요?", 5)
    assert ids[:1] == ["ko1-p1s02"]


def test_english_words_are_not_widened_by_the_korean_glossary() -> None:
    from indexing.library.keywords import query_terms

    assert get_language("en").synonyms("wire") == get_language("en").synonyms("wire")
    assert query_terms("wire chip valve") == (['"wire"', '"chip"', '"valve"'], False)
