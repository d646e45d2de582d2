"""Questions asked relative to another step ("… 전에", "… 뒤에"): the neighbour ranking of `indexing.search`."""

from __future__ import annotations

import pytest

from indexing.lang import get_language
from indexing.library import Library
from indexing.library.keywords import neighbour_steps
from tests.textlibrary import one_session_library

pytest.importorskip("kiwipiepy")

STEPS = [
    ("전원 차단하기", "먼저 메인 전원을 내리고 잠금장치를 겁니다."),
    ("잔압 빼기", "밸브를 열어서 남은 압력을 다 빼 줍니다. 압력계가 영이 될 때까지 기다립니다."),
    ("펌프 떼기", "고정 볼트 네 개를 풀고 펌프를 모터에서 떼어 냅니다."),
    ("새 펌프 달기", "새 펌프를 맞춰 끼우고 볼트를 대각선 순서로 조입니다."),
]


def test_relative_anchor_finds_the_action_and_the_direction() -> None:
    ko = get_language("ko")
    assert ko.relative_anchor("펌프 떼기 전에 뭘 해야 해요?") == ("펌프 떼기", -1)
    assert ko.relative_anchor("다시 조립한 뒤에 샘은 어떻게 확인해요?") == ("다시 조립한", 1)
    assert ko.relative_anchor("교체 후에 새는지 확인은 어떻게 하나요?") == ("교체", 1)
    assert ko.relative_anchor("볼트 풀 때 순서가 어떻게 돼?") is None
    # 끝나다 with -고 / -면 after a noun: after that action.
    assert ko.relative_anchor("청소 끝나고 철판엔 뭘 발라요?") == ("청소", 1)
    assert ko.relative_anchor("점검 끝나면 점검표는 누구한테 내요?") == ("점검", 1)  # Kiwi: 끝 + 나
    assert ko.relative_anchor("드레싱이 끝났는지는 뭘 보고 알아요?") is None  # asks how to tell, not what follows
    assert ko.query_tokens("청소 끝나고 철판엔 뭘 발라요?") == ["철판", "바르"]
    assert get_language("en").relative_anchor("what do I do before removing the pump?") is None


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    return one_session_library(tmp_path_factory.mktemp("relation") / "lib", "ko1", "유압 펌프 교체", STEPS,
                               expert="박정호", workstation="HPU-2", process="유압", language="ko")


def test_neighbour_steps_in_order(library: Library) -> None:
    assert neighbour_steps(library, ["ko1-p1s03", "ko1-p1s01"], -1) == ["ko1-p1s02"]  # the first has none before
    assert neighbour_steps(library, ["ko1-p1s03", "ko1-p1s01"], 1) == ["ko1-p1s04", "ko1-p1s02"]


def test_question_before_an_action_lifts_the_step_before_it(library: Library, monkeypatch) -> None:
    from indexing import search as S

    question = "펌프 떼기 전에 뭘 해야 해요?"
    monkeypatch.setattr(S, "RELATION_WEIGHT", 0.0)  # without the neighbour ranking
    before = [h.step_id for h in S.search(library, question, k=4)]
    monkeypatch.setattr(S, "RELATION_WEIGHT", 1.0)
    after = [h.step_id for h in S.search(library, question, k=4)]
    # Releasing the pressure is the step before removing the pump.
    assert after.index("ko1-p1s02") < before.index("ko1-p1s02"), (before, after)
    # A question whose own words already name that step keeps it first.
    assert S.search(library, "펌프 떼기 전에 밸브는 어떻게 해요?", k=1)[0].step_id == "ko1-p1s02"


def test_procedure_ends(library: Library) -> None:
    from indexing.library.keywords import procedure_ends

    assert procedure_ends(library, ["ko1-p1s01", "ko1-p1s03"], last=True) == ["ko1-p1s04"]
    assert procedure_ends(library, ["ko1-p1s03"], last=False) == ["ko1-p1s01"]
    assert procedure_ends(library, [], last=True) == []


def test_question_after_the_whole_procedure_lifts_its_last_step(library: Library, monkeypatch) -> None:
    """"교체 후에 …": the anchor is the procedure's own name (유압 펌프 교체), so "after" is its last step."""
    from indexing import search as S

    question = "교체 후에 뭘 확인해요?"
    monkeypatch.setattr(S, "RELATION_NAMED", False)
    before = [h.step_id for h in S.search(library, question, k=4)]
    monkeypatch.setattr(S, "RELATION_NAMED", True)
    after = [h.step_id for h in S.search(library, question, k=4)]
    assert after[0] == "ko1-p1s04", (before, after)
    assert before[0] != "ko1-p1s04", before


def test_a_relation_to_a_whole_procedure_ranks_only_its_ends(library: Library, monkeypatch) -> None:
    """With the anchor all in the procedure's name, the anchor's steps' neighbours are left out."""
    from indexing import search as S

    cfg = library.settings()
    indexes = S.vector_indexes(library, cfg)
    question = "교체 후에 뭘 확인해요?"
    monkeypatch.setattr(S, "RELATION_NAMED_ONLY", False)
    assert len(S._relation_side(library, cfg, indexes, question, 20, 5, {})) > 1
    monkeypatch.undo()
    assert S._relation_side(library, cfg, indexes, question, 20, 5, {}) == ["ko1-p1s04"]
