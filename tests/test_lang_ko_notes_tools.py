"""Exact values of the Korean note and tool rules added for issue 8 (l15). Sentences written for these
tests, none from the Korean held-out splits."""

from __future__ import annotations

import pytest

from indexing.lang import language_for

KO = language_for("ko")


@pytest.mark.parametrize(("text", "tips", "warnings"), [
    # "…지 말고 …" is a better way: a tip
    ("너트는 한꺼번에 조이지 말고 대각선으로 돌려 가며 조이세요.", ["너트는 한꺼번에 조이지 말고 대각선으로 돌려 가며 조이세요."], []),
    # …unless it names harm or a hazard
    ("무거운 금형은 혼자 들지 말고 호이스트를 쓰세요.", [], ["무거운 금형은 혼자 들지 말고 호이스트를 쓰세요."]),
    # harm without a warning word wins over 꼭
    ("판이 넘어지면 발을 다치니까 꼭 고임목을 대세요.", [], ["판이 넘어지면 발을 다치니까 꼭 고임목을 대세요."]),
    ("문을 열 때 머리를 부딪칠 수 있어요.", [], ["문을 열 때 머리를 부딪칠 수 있어요."]),
    ("벨트에 소매가 말려 들어갈 수 있어요.", [], ["벨트에 소매가 말려 들어갈 수 있어요."]),
    ("시험 운전 중에는 옆으로 비켜 서세요.", [], ["시험 운전 중에는 옆으로 비켜 서세요."]),
    ("압력을 올릴 때는 한 걸음 물러서 있으세요.", [], ["압력을 올릴 때는 한 걸음 물러서 있으세요."]),
    ("히터는 충분히 식힌 다음에 만지세요.", [], ["히터는 충분히 식힌 다음에 만지세요."]),
    ("그냥 잡으면 손을 데요.", [], ["그냥 잡으면 손을 데요."]),
    # a note cut at a comma by the sentence splitter stays one note with its reason
    ("커버는 식힌 뒤에 여세요, 바로 열면 손을 델 수 있어요.", [], ["커버는 식힌 뒤에 여세요, 바로 열면 손을 델 수 있어요."]),
    # 꼭 alone stays a tip; plain steps are neither
    ("꼭 마스크를 쓰고 하세요.", ["꼭 마스크를 쓰고 하세요."], []),
    ("커버를 열고 필터를 꺼냅니다.", [], []),
    ("그런데요, 이건 조금 다릅니다.", [], []),
])
def test_korean_notes(text: str, tips: list[str], warnings: list[str]) -> None:
    assert KO.find_notes(text) == (tips, warnings)


@pytest.mark.parametrize(("text", "tools"), [
    # a material or plain noun names a bound head: "봉" alone is no tool
    ("황동 봉으로 톡톡 칩니다.", ["황동 봉"]),
    ("봉을 잡고 돌립니다.", []),
    # tool heads with a noun in front, as said
    ("철 수세미로 문지르고 실리콘 솔로 텁니다.", ["철 수세미", "실리콘 솔"]),
    ("와이어 커터로 자르고 커터칼은 치웁니다.", ["와이어 커터", "커터칼"]),
    ("노즐 클리너로 긁고 스패터 방지제를 뿌립니다.", ["노즐 클리너", "스패터 방지제"]),
    # as said, not the canonical name; a spacing variant or a clipped name is the canonical one
    ("웨스로 닦고 토크렌치로 조입니다. 몽키로 잡아요.", ["웨스", "토크 렌치", "몽키 스패너"]),
    # a particle ends a tool word: "기름받이부터" is the drip tray, "오븐 문" is the oven's door
    ("기름받이부터 비웁니다.", ["기름받이"]),
    ("오븐 문을 열고 오븐 장갑을 낍니다.", ["오븐 장갑"]),
    ("스톱워치로 시간을 잽니다.", ["스톱워치"]),
    # one thing said two ways is shown once, by its canonical name
    ("잠금장치를 겁니다. 자물쇠에 이름표를 답니다.", ["자물쇠"]),
])
def test_korean_tools(text: str, tools: list[str]) -> None:
    assert KO.find_tools(text) == tools
