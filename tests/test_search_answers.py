"""What a question asks for: answer kinds ("얼마" -> an amount, "뭘로" -> a tool …) and first/last
steps ("처음 할 일은요?"), `Language.answer_kind` / `ordinal_step` and their rankings in `indexing.search`."""

from __future__ import annotations

import pytest

from indexing.lang import get_language
from indexing.library import Library
from tests.textlibrary import one_session_library

pytest.importorskip("kiwipiepy")


@pytest.mark.parametrize(("text", "kind"), [
    ("인서트 조일 때 토크는 얼마예요?", "amount"),
    ("금형 온도는 몇 도로 맞춰요?", "amount"),
    ("바이스 고정 볼트는 처음에 얼마나 조여요?", "amount"),
    ("척 고정 볼트는 어떤 순서로 풀어요?", "order"),
    ("롤러 축 핀은 뭘로 빼요?", "tool"),
    ("펌프 고정 볼트는 어떤 공구로 빼요?", "tool"),
    ("속도가 맞았는지 뭘로 재요?", "tool"),  # the tool, though it also asks how to tell
    ("텅스텐 빼기 전에 뭘 조심해요?", "warning"),
    ("새 척을 스핀들에 맞추는 요령이 있나요?", "tip"),
    ("토치 팁 만지기 전에 뭘 기다려야 해요?", None),  # 팁 is a part here, not a tip
    ("점검 끝나면 점검표는 누구한테 내요?", "who"),
    ("다시마는 언제 빼야 하나요?", "time"),
    ("빵이 잘 구워졌는지 어떻게 알아요?", "check"),
    ("왜 잔압을 빼요?", "reason"),
    ("왜곡 보정", None),
    ("척 고정 볼트 순서", None),  # a name, not a question
    ("철판은 어떻게 꺼내요?", None),
])
def test_korean_answer_kinds(text: str, kind: str | None) -> None:
    assert get_language("ko").answer_kind(text) == kind


@pytest.mark.parametrize(("text", "kind"), [
    ("How much torque do the insert screws get?", "amount"),
    ("what order do I loosen the chuck bolts in?", "order"),
    ("Which tool takes the pins out?", "tool"),
    ("why do I bleed the pressure first?", "reason"),
    ("Check how much the belt droops between the rollers.", None),  # a step description, no question
])
def test_english_answer_kinds(text: str, kind: str | None) -> None:
    assert get_language("en").answer_kind(text) == kind


def test_korean_answers() -> None:
    ko = get_language("ko")
    assert ko.gives_answer("amount", "조임 토크는 삼 뉴턴미터입니다.")
    assert ko.gives_answer("amount", "압력계가 오 바 이상 올라오면 알려요.")
    assert ko.gives_answer("amount", "나사는 반 바퀴만 풀어도 인서트가 빠집니다.")
    assert not ko.gives_answer("amount", "육각 렌치로 인서트 나사를 풉니다.")
    assert ko.gives_answer("order", "볼트는 대각선으로 조금씩 풉니다.")
    assert ko.gives_answer("tool", "핀을 펜치로 뽑습니다.", tools=["펜치"])
    assert not ko.gives_answer("tool", "핀을 뽑습니다. 밑에 받침을 대 두세요.", tools=["받침"])  # a part, no instrument
    assert ko.gives_answer("amount", "처음부터 꽉 조이지 말고 살짝만 걸어 둬야 해요.")  # a degree, for 얼마나
    assert ko.gives_answer("warning", "덮개를 엽니다.", warnings=["손 넣지 마세요."])
    assert ko.gives_answer("who", "점검표에 서명하고 황 주임님께 제출합니다.")
    assert ko.gives_answer("check", "밑면이 갈색이면 잘 된 거예요.")
    assert not ko.gives_answer("check", "빵을 하나씩 떼어 냅니다.")


@pytest.mark.parametrize(("text", "which"), [
    ("스크류가 막혔을 때 처음 할 일은요?", -1),
    ("맨 처음에 뭐 해요?", -1),
    ("첫 단계가 뭐예요?", -1),
    ("마지막에 뭘 해요?", 1),
    ("바이스 고정 볼트는 처음에 얼마나 조여요?", None),  # how much at first, not the first step
    ("처음 할 일", None),  # no question
])
def test_korean_ordinal_questions(text: str, which: int | None) -> None:
    assert get_language("ko").ordinal_step(text) == which


def test_english_answers() -> None:
    en = get_language("en")
    assert en.gives_answer("tool", "Remove the eight casing bolts with a 24 millimeter spanner.", tools=["spanner"])
    assert not en.gives_answer("tool", "Put the spanner back in the drawer.", tools=["spanner"])
    assert en.gives_answer("amount", "Tighten it a quarter turn past hand tight.")
    assert en.gives_answer("reason", "Bleed it first, otherwise oil sprays out.")


def test_english_ordinal_questions() -> None:
    en = get_language("en")
    assert en.ordinal_step("What's the first thing to do when the screw jams?") == -1
    assert en.ordinal_step("what is the last step?") == 1
    assert en.ordinal_step("Do the first pass slowly.") is None
