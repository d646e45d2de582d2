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


@pytest.mark.parametrize(("text", "tools"), [
    # measuring instruments of plants and kitchens (t20 vocabulary)
    ("절연 저항계로 재고 클램프 미터로 전류를 봅니다.", ["절연 저항계", "클램프미터"]),
    ("하이트 게이지로 높이를 재고 적외선 온도계로 표면을 봅니다.", ["하이트게이지", "적외선 온도계"]),
    ("회전계로 속도를 확인하고 가스 검지기를 켭니다.", ["회전계", "가스 검지기"]),
    # a plain noun before a measuring head names it ("소음 측정기", "전자 저울" as said)
    ("소음 측정기로 재 봅니다.", ["소음 측정기"]),
    ("계량컵으로 물을 받고 고무장갑을 낍니다.", ["계량컵", "고무장갑"]),
    ("평행대를 밑에 받치고 엣지 파인더로 원점을 잡습니다.", ["평행대", "엣지 파인더"]),
    # "붓" of 붓다 (to pour) is no brush; a fan and a cauldron are what a step works on
    ("기름을 붓고 실리콘 붓으로 바릅니다.", ["실리콘 붓"]),
    ("냉각 팬을 교체합니다.", []),
    ("솥을 씻고 물을 붓습니다.", []),
])
def test_korean_instruments(text: str, tools: list[str]) -> None:
    assert KO.find_tools(text) == tools


@pytest.mark.parametrize(("text", "tools"), [
    # a machine, container or document worked on is no tool (worked_on.txt)...
    ("토치 캡을 돌려서 열고 용접기 전원을 내립니다.", []),
    ("바이스를 닦고 점검표를 제출합니다.", []),
    ("방금 쓴 토치는 뜨거우니 식히세요.", []),
    # ...but it is one where the step uses it: an instrument or place particle, or a verb of use or placing
    ("큰 냄비에 물을 받습니다.", ["냄비"]),
    ("점검표에 서명합니다.", ["점검표"]),
    ("양동이를 받쳐 둡니다.", ["양동이"]),
    ("바이스에 소재를 물립니다.", ["바이스"]),
    ("호이스트로 들어 올립니다.", ["호이스트"]),
    # turning a machine on or running it is using it
    ("오븐을 켜고 믹서를 돌립니다.", ["오븐", "믹서"]),
])
def test_korean_worked_on(text: str, tools: list[str]) -> None:
    assert KO.find_tools(text) == tools


@pytest.mark.parametrize(("text", "tools"), [
    # a quantity and 계 is an instrument that measures it (measures.txt), listed in tools.txt or not
    ("풍속계로 재고 심온계를 꽂습니다.", ["풍속계", "심온계"]),
    ("단계를 나누고 설계 도면을 봅니다.", []),
    # a gauge or a jig is a tool only with a noun that says which (bound_tool_heads.txt)
    ("유압 게이지로 압력을 보고 검사 지그에 끼웁니다.", ["유압 게이지", "검사 지그"]),
    ("게이지를 뽑아서 닦고 지그를 수동 모드로 바꿉니다.", []),
])
def test_korean_measures(text: str, tools: list[str]) -> None:
    assert KO.find_tools(text) == tools


@pytest.mark.parametrize(("text", "tools"), [
    # a tool the sentence says not to use is no tool of the step
    ("쇠로 된 드라이버로 쑤시면 날이 상하니까 절대 쓰면 안 됩니다.", []),
    ("에어건을 사용하지 마세요, 먼지가 날려요.", []),
    # ...only the one it is said of, and a tool needed without which one must not work stays
    ("토크 렌치로 조이고 임팩트는 쓰지 마세요.", ["토크 렌치"]),
    ("보안경 없이 절대 갈지 마세요.", ["보안경"]),
    ("스패너를 쓰면 편해요.", ["스패너"]),
])
def test_korean_not_to_use(text: str, tools: list[str]) -> None:
    assert KO.find_tools(text) == tools


@pytest.mark.parametrize(("text", "tools"), [
    # a device noun with the instrument particle is a tool though no vocabulary lists it (Kiwi morphemes)
    ("세정액을 진공 펌프로 빨아들입니다.", ["진공 펌프"]),
    ("고압 세척기로 바닥을 씻고 주입기로 약을 넣어요.", ["고압 세척기", "주입기"]),
    # ...not air, water, a size or a mode, nor a device that is only worked on
    ("압축 공기로 불고 수동 모드로 바꾼 다음 같은 크기로 자릅니다.", []),
    ("펌프를 교체하고 세척기 문을 닫습니다.", []),
])
def test_korean_instrument_particle(text: str, tools: list[str]) -> None:
    assert KO.find_tools(text) == tools
