"""Korean redaction in anonymized exports: names of shapes the rules must cover, with names and terms
of no held-out split (issue 8: no leak), and ordinary words the rules must leave alone."""

from __future__ import annotations

import pytest

pytest.importorskip("kiwipiepy")

from indexing.export.anonymize import PERSON_MASK, Redactor  # noqa: E402


def _red(text: str, names: tuple[str, ...] = ("목하람",), terms: tuple[str, ...] = ("QX-12 냉각 사양",)) -> str:
    return Redactor(names=list(names), terms=list(terms)).text(text)


@pytest.mark.parametrize(("text", "name"), [
    # A two-syllable surname with a two-syllable given name, then a title.
    ("기록은 황보지안 과장님께 드려요.", "황보지안"),
    ("그건 제갈민호 기사가 알아요.", "제갈민호"),
    # A full name followed directly by a particle, no title at all.
    ("봉태식이 어제 바꿔 놨어요.", "봉태식"),
    ("탁민규가 먼저 봤어요.", "탁민규"),
    # ... where the analyser reads the particle 가 as the verb 가다 ("용선후 갔어요").
    ("어제 용선후가 봤어요.", "용선후"),
    # ... or that it does not know and guesses to be a common noun from its neighbours.
    ("편도윤이 오일 교환을 했어요.", "편도윤"),
    ("마준서가 오일을 넣어요.", "마준서"),
    # A rarer surname the analyser does not know, then a title.
    ("그건 편지훈 기사가 알아요.", "편지훈"),
    ("피승현 씨가 기록해요.", "피승현"),
])
def test_unknown_colleagues_are_masked(text: str, name: str) -> None:
    out = _red(text)
    assert name not in out and name[-2:] not in out and PERSON_MASK in out, out


@pytest.mark.parametrize("text", ["봉 반장님이 확인해요.", "편 주임한테 물어봐요.", "태 과장님께 드려요."])
def test_lone_rare_surname_with_a_title(text: str) -> None:
    assert _red(text).startswith(PERSON_MASK)


def test_known_name_given_name_and_terms() -> None:
    out = _red("목하람이 아니라 하람 씨가 QX-12 냉각 사양을 챙겨요. 목 반장님도요.")
    assert out == f"{PERSON_MASK}이 아니라 {PERSON_MASK} 씨가 [REDACTED]을 챙겨요. {PERSON_MASK} 반장님도요."


@pytest.mark.parametrize("text", [
    "정비팀 과장님께 보고해요.",      # a team before a title, starting with a surname syllable (정)
    "설비팀 주임한테 말해요.",
    "조립반 반장님이 와요.",
    "현장의 직원이 봐요.",            # a noun with its genitive before a title
    "용접기 기사가 고쳐요.",          # a tool (용 is a surname) before a title
    "공장장님이 왔어요.",             # a title is no name
    "두 기사가 같이 들어요.",          # a numeral, not a surname
    "이번에 정도가 심해요.",          # surname syllables starting ordinary words with a particle
    "전원이 나가면 고무판이 녹아요.",
    "신형 금형은 장갑을 끼고 문을 열어요.",
    "경기도가 멀어요.",               # a place the analyser tags as a proper noun
    # Loanwords and compounds starting with a surname syllable, before a particle.
    "마스크를 쓰고 모니터가 켜지면 피스톤이 움직여요.",
    "하우징은 유압유가 새는지 봐요.",
])
def test_ordinary_words_are_not_masked(text: str) -> None:
    assert _red(text, names=("신동석", "성기훈", "유재석", "모지민", "장하준", "전미라")) == text


@pytest.mark.parametrize("text", ["사출 성형 조건은 유형마다 달라요.", "원형 모양이 장군처럼 커요."])
def test_surname_glued_to_a_one_syllable_title_is_a_word(text: str) -> None:
    """성형, 유형, 모양, 장군: a known surname glued to 형, 양, 군 is an everyday word."""
    assert _red(text, names=("성기훈", "유재석", "모지민", "장하준", "원빈우")) == text


def test_given_name_only_as_a_word_of_its_own() -> None:
    """The given name of 이지원 is masked bare or with a title or particle, not inside "지원해요"."""
    out = _red("지원 씨가 오면 지원해요. 지원이도 알아요.", names=("이지원",))
    assert out == f"{PERSON_MASK} 씨가 오면 지원해요. {PERSON_MASK}이도 알아요."


def test_english_redaction_unchanged() -> None:
    r = Redactor(names=["Hans Becker"], terms=["PX-4471"])
    assert r.text("Hans said Becker's PX-4471 is fine") == "[PERSON] said [PERSON]'s [REDACTED] is fine"


@pytest.mark.parametrize(("text", "name"), [
    # A given name alone with the familiar suffix -이, then a particle ("종현이가" shape).
    ("준혁이한테 물어봐요.", "준혁"),
    # A given name with the vocative.
    ("준혁아, 이거 좀 잡아 봐.", "준혁"),
    ("민수야 이리 와.", "민수"),
    # A given name before a kinship word said to an older colleague.
    ("미자 이모한테 드려요.", "미자"),
    # A given name the analyser reads as a common noun, before a title said after names only.
    ("하늘 씨가 봐요.", "하늘"),
    ("다래 씨가 챙겨요.", "다래"),
    ("정숙 여사님이 봐요.", "정숙"),
    # A full name, no title, whose surname the analyser splits off as a morpheme of its own (피+진주).
    ("피진주가 야간에 봐요.", "피진주"),
])
def test_given_names_and_split_names_are_masked(text: str, name: str) -> None:
    out = _red(text)
    assert name not in out and out.startswith(PERSON_MASK), out


@pytest.mark.parametrize("text", [
    "반시간이 걸려요.",              # 반+시간: no one-noun reading of the word
    "원위치를 확인해요.",            # 원+위치: a dictionary noun, not a name
    "신소재가 들어왔어요.",
    "전단계가 끝나면 봐요.",
    "고정부가 보이면 멈춰요.",        # 고+정부: read as one unknown compound, not a proper noun
    "아저씨가 와요.",                # 씨 glued into a word
    "솜씨가 좋아요.",
    "날씨가 추워요.",
    "식당 이모한테 드려요.",          # a role noun before a kinship word or a title
    "정비 기사님께 드려요.",
    "고객한테 물어봐요.",            # a common noun with a particle of a person
    "업체에게 보내요.",
    "서울에 보내요.",
])
def test_role_nouns_and_compounds_are_not_masked(text: str) -> None:
    assert _red(text) == text


@pytest.mark.parametrize("text, name", [
    ("뇌 계장님한테 물어봐.", "뇌"),              # a rare surname surnames.txt leaves out, before a title
    ("잉 과장님이 왔어요.", "잉"),
    ("Grace 선배님이 알려 줬어요.", "Grace"),     # a Latin-letter name before a title
    ("Ben 기사가 돌렸어요.", "Ben"),
    ("Ryan 반장님 말로는 괜찮대요.", "Ryan"),
    ("빈유나한테 물어봐요.", "빈유나"),            # a rare surname, then a particle said of people
    ("황보민준 과장님이 왔어요.", "황보민준"),     # a rare two-syllable surname
])
def test_rare_and_latin_names_before_a_title_or_person_particle(text: str, name: str) -> None:
    out = _red(text)
    assert name not in out and PERSON_MASK in out, out


@pytest.mark.parametrize("text", [
    "그 형태로 끼워요.",              # a determiner; 형 inside 형태 is no title
    "두 기사가 와요.",                # a numeral before a title
    "또 과장님이 오셨어요.",           # an adverb
    "네 선배님, 알겠습니다.",
    "QC 팀장님이 봐요.",              # an acronym before a title
    "PLC 담당자가 바꿔요.",
    "옛날 기름이랑 먼지를 털어요.",     # 기름+이랑, not a name with 랑
    "한도 견본이랑 비교해요.",
])
def test_lone_words_and_acronyms_before_a_title_are_kept(text: str) -> None:
    assert _red(text) == text


@pytest.mark.parametrize("text, name", [
    ("대 차장님이 오시면 말해요.", "대"),       # a prefix that is a rare surname, before a title with 님
    ("총 반장님께서 보셨어요.", "총"),
    ("저수안한테 물어봐요.", "저수안"),         # 저, 대, 두: no surname alone, but in a proper noun
    ("대민혁이 야간에 봐요.", "대민혁"),
    ("두현아한테 물어봐요.", "두현아"),
    ("순남 어머님한테 드려요.", "순남"),         # 어머님 said to an older colleague
    ("봉석이가 세요.", "봉석"),                 # the familiar -이, which the analyser splits off wrongly
])
def test_prefix_surnames_word_only_surnames_and_familiar_names(text: str, name: str) -> None:
    out = _red(text)
    assert name not in out and PERSON_MASK in out, out


@pytest.mark.parametrize("text", [
    "이분 과장님께 여쭤요.",      # a determiner and a bound noun before a title
    "한두 기사한테 맡겨요.",      # a numeral
    "총 책임이 있어요.",          # 총 "overall", no 님
    "세 대 기사님이 봐요.",       # 대 a counter after a numeral
    "손잡이가 빠졌어요.",         # dictionary nouns ending in -이
    "물받이를 비워요.",
    "원숭이가 있어요.",
    "우리 어머님이 오셨어요.",
    "오늘 형님이 와요.",
    "게이지를 고정대에 붙여요.",  # an unknown word before a place particle
])
def test_phrases_before_a_title_and_nouns_in_i_are_kept(text: str) -> None:
    assert _red(text) == text
