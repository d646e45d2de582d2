"""A query asked as a question gets no name ranking (`indexing.search.NAME_WEIGHT_FOR_QUESTIONS`)."""

from __future__ import annotations

import pytest

from indexing.lang import get_language
from indexing.library import Library
from tests.textlibrary import one_session_library

STEPS = [
    ("전원 차단하기", "먼저 메인 전원을 내리고 잠금장치를 겁니다."),
    ("잔압 빼기", "밸브를 열어서 남은 압력을 다 빼 줍니다. 압력계가 영이 될 때까지 기다립니다."),
    ("펌프 떼기", "고정 볼트 네 개를 풀고 펌프를 모터에서 떼어 냅니다."),
    ("새 펌프 달기", "새 펌프를 맞춰 끼우고 볼트를 대각선 순서로 조입니다."),
]


@pytest.mark.parametrize(("text", "asks"), [
    ("철판은 어떻게 꺼내요?", True),
    ("롤러 축 핀은 뭘로 빼요", True),
    ("압력은 얼마인지 봐요", True),
    ("제빵 오븐 철판 꺼내기", False),
    ("왜곡 보정", False),  # 왜 only as a word of its own
])
def test_korean_questions(text: str, asks: bool) -> None:
    pytest.importorskip("kiwipiepy")
    assert get_language("ko").is_question(text) is asks


@pytest.mark.parametrize(("text", "asks"), [
    ("how do I clean the nozzle", True),
    ("Which spanner for the pump?", True),
    ("Replace the pump seal", False),
    ("Shaft alignment check", False),
])
def test_english_questions(text: str, asks: bool) -> None:
    assert get_language("en").is_question(text) is asks


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    pytest.importorskip("kiwipiepy")
    return one_session_library(tmp_path_factory.mktemp("questions") / "lib", "ko1", "유압 펌프 떼기", STEPS,
                               expert="박정호", workstation="HPU-2", process="유압", language="ko")


def test_a_question_finds_its_step_not_the_procedure_named_like_it(library: Library, monkeypatch) -> None:
    """Every word of "펌프는 뭘로 떼요?" is in the procedure's name, but it asks for the step that does it."""
    from indexing import search as S

    question = "펌프는 뭘로 떼요?"
    monkeypatch.setattr(S, "NAME_WEIGHT_FOR_QUESTIONS", S.NAME_WEIGHT)
    assert S.search(library, question, k=1)[0].step_id == "ko1-p1s01"  # the name ranking's first step
    monkeypatch.undo()
    assert S.search(library, question, k=1)[0].step_id == "ko1-p1s03"
    # The name itself still finds the procedure's first step.
    assert S.search(library, "유압 펌프 떼기", k=1)[0].step_id == "ko1-p1s01"
