"""The language seam: registry, English unchanged behind it, Korean rules with exact values."""

from __future__ import annotations

import re

import pytest

from indexing.errors import IndexingError
from indexing.lang import Language, LanguageError, get_language, known_codes, language_for, language_of_text

pytest.importorskip("kiwipiepy")


def test_registry_finds_languages_by_code() -> None:
    assert get_language("en").code == "en"
    assert get_language("ko-KR").code == "ko"
    assert get_language("KO") is get_language("ko")
    assert type(get_language("de")) is Language  # generic rules for other Whisper languages
    assert {"en", "ko", "de", "ja", "vi"} <= set(known_codes())


def test_unknown_code_is_a_clear_error() -> None:
    with pytest.raises(LanguageError, match=r"unknown language code 'xx': use en, ko"):
        get_language("xx")
    assert issubclass(LanguageError, IndexingError)
    assert language_for("xx").code == "en"  # old catalogs and odd detections fall back to English
    assert language_for("").code == "en"


def test_script_decides_a_texts_language() -> None:
    assert language_of_text("볼트 풀 때") == "ko"
    assert language_of_text("PX-4471 볼트") == "ko"
    assert language_of_text("loosen the bolts") == "en"


def test_english_behind_the_seam_is_the_english_rules() -> None:
    from indexing.label import find_notes, find_tools
    from indexing.segment.speech import cue_strength

    en = get_language("en")
    text = ("Okay, next I'm going to remove the four clamp bolts with the 19 mm socket. "
            "The trick is to loosen them in a cross pattern. Never put your hand under the ram.")
    assert en.step_title(text) == "Remove the four clamp bolts"
    assert en.cue_strength("Okay, next I'm going to remove the bolts.") == cue_strength(
        "Okay, next I'm going to remove the bolts.") == (1.0, "next")
    assert en.find_tools(text) == find_tools(text) == ["19 mm socket"]
    assert en.find_notes(text) == find_notes(text) == (
        ["The trick is to loosen them in a cross pattern."], ["Never put your hand under the ram."])
    assert en.categorize("Check the gap with the feeler gauge.", "Check the gap") == "inspection"
    assert en.name_variants("Anna de Vries") == ["Anna de Vries", "Anna", "Vries"]
    assert en.index_tokens(text) == ""  # English keyword search keeps the porter tokenizer alone


KO = get_language("ko")


@pytest.mark.parametrize(("sentence", "title"), [
    ("먼저 클램프 볼트를 19mm 소켓으로 풉니다.", "클램프 볼트 풀기"),
    ("볼트는 대각선 순서로 조금씩 풀어 줍니다.", "볼트 풀기"),
    ("다음으로 토크 렌치를 준비하세요.", "토크 렌치 준비하기"),
    ("커버를 들어 올립니다.", "커버 들어 올리기"),
    ("분해된 부품을 깨끗이 닦습니다.", "부품 닦기"),
    ("마지막으로 작업대를 청소합니다.", "작업대 청소하기"),
    ("네, 마지막으로 청소합니다.", "청소하기"),
    ("육각 렌치로 고정 나사를 조입니다.", "고정 나사 조이기"),
])
def test_korean_titles_are_verb_noun_forms(sentence: str, title: str) -> None:
    assert KO.step_title(sentence) == title


def test_korean_title_skips_warnings_and_prohibitions() -> None:
    assert KO.step_title("절대 손을 넣지 마세요. 금형을 천천히 내립니다.") == "금형 내리기"
    assert KO.procedure_title([type("S", (), {"text": "오늘은 금형을 교체하는 방법을 보여 드리겠습니다.",
                                              "title": "전원 끄기"})()]) == "금형 교체하기"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("먼저 전원을 끕니다.", (1.0, "먼저")),
    ("자, 다음으로 커버를 엽니다.", (1.0, "다음으로")),
    ("그 다음에 볼트를 풉니다.", (1.0, "그다음에")),
    ("이제 금형을 올립니다.", (0.7, "이제")),
    ("마지막으로 청소합니다.", (1.0, "마지막으로")),
    ("다음과 같이 합니다.", (0.0, "")),
    ("볼트를 풉니다.", (0.0, "")),
])
def test_korean_cue_phrases(sentence: str, expected: tuple[float, str]) -> None:
    assert KO.cue_strength(sentence) == expected


def test_korean_action_strength() -> None:
    assert KO.action_strength("볼트를 풉니다.") == 0.5
    assert KO.action_strength("볼트를 풀면 커버가 나옵니다.") == 0.0  # a condition inside the step
    assert KO.action_strength("요령은 천천히 돌리는 겁니다.") == 0.0
    assert KO.action_strength("절대 손을 넣지 마세요.") == 0.0


def test_korean_notes_tools_category() -> None:
    text = ("자, 먼저 클램프 볼트를 19mm 소켓으로 풉니다. 볼트는 대각선 순서로 조금씩 풀어 줍니다. "
            "요령은 천천히 돌리는 겁니다. 꼭 장갑을 끼고 하세요. 절대 손을 금형 사이에 넣지 마세요. "
            "위험하니까 주의하세요. 토크렌치로 다시 조이고 육각 렌치도 준비하세요.")
    tips, warnings = KO.find_notes(text)
    assert tips == ["요령은 천천히 돌리는 겁니다.", "꼭 장갑을 끼고 하세요."]
    assert warnings == ["절대 손을 금형 사이에 넣지 마세요.", "위험하니까 주의하세요."]
    assert KO.find_tools(text) == ["19mm 소켓", "장갑", "토크 렌치", "육각 렌치"]
    assert KO.find_tools("10 밀리 육각렌치를 씁니다. PX-4471 금형은", ["PX-4471"]) == ["10mm 육각 렌치", "PX-4471"]
    assert KO.categorize(text, KO.step_title(text)) == "operation"  # its action: 클램프 볼트 풀기
    assert KO.categorize("전원을 차단하고 잠금장치를 겁니다.", "전원 차단하기") == "safety"
    assert KO.categorize("게이지로 간극을 측정합니다.", "간극 측정하기") == "inspection"
    assert KO.categorize("볼트를 풉니다.", "볼트 풀기") == "operation"
    assert KO.categorize("알람이 뜨고 기계가 멈춥니다. 원인을 찾습니다.", "원인 찾기") == "troubleshooting"


def test_korean_keyword_tokens_drop_particles_and_endings() -> None:
    assert KO.index_tokens("볼트는 대각선 순서로 조금씩 풀어 줍니다") == "볼트 대각선 순서 조금 풀"
    assert KO.query_tokens("볼트 풀 때 순서가 어떻게 돼?") == ["볼트", "풀", "순서"]


def test_korean_names_with_titles() -> None:
    assert KO.find_names("박정호 반장님이 이수진 씨한테 말했고 김 반장도 왔어요") == ["박정호", "이수진", "김"]
    assert KO.name_variants("박정호") == ["박정호"]  # the given name alone: a regex of its own
    assert any(re.search(r, "정호 씨도") for r in KO.name_regexes("박정호"))


def test_korean_sentences() -> None:
    assert KO.split_sentences("먼저 볼트를 풉니다 그다음에 커버를 들어 올립니다 요령은 천천히 하는 거예요") == [
        "먼저 볼트를 풉니다", "그다음에 커버를 들어 올립니다", "요령은 천천히 하는 거예요"]


def test_korean_redaction_with_particles_and_titles() -> None:
    from indexing.export.anonymize import Redactor

    r = Redactor(names=["박정호", "Hans Becker"], terms=["신형 금형 레시피", "PX-4471"])
    text = ("박정호 반장님이 이수진 씨한테 신형 금형 레시피를 줬어요. 김 반장도, 정호 씨도, "
            "박 반장님도 PX-4471을 봤어요.")
    out = r.text(text)
    assert out == ("[PERSON] 반장님이 [PERSON] 씨한테 [REDACTED]를 줬어요. [PERSON] 반장도, [PERSON] 씨도, "
                   "[PERSON] 반장님도 [REDACTED]을 봤어요.")
    assert r.leaks(out) == []
    assert r.leaks(text) != []
    assert r.text("Hans said Becker's PX-4471 is fine") == "[PERSON] said [PERSON]'s [REDACTED] is fine"
    words = r.words([{"word": " 신형"}, {"word": " 금형"}, {"word": " 레시피를"}, {"word": " 박정호가"},
                     {"word": " 최영수"}, {"word": " 씨가"}])
    assert [w["word"] for w in words] == [" [REDACTED]", " [REDACTED]", " [REDACTED]", " [PERSON]가",
                                          " [PERSON]", " 씨가"]


def test_english_synonym_groups_for_written_step_descriptions() -> None:
    """A trainee writes "shut", "damp", "coarse", "used"; the expert said "close", "wet", "rough", "old"."""
    from indexing.lang.data import lines

    en = get_language("en")
    assert "close" in en.synonyms("shut")
    assert "wet" in en.synonyms("damp")
    assert "rough" in en.synonyms("Coarse")
    assert {"old", "worn"} <= set(en.synonyms("used"))
    assert "towel" in en.synonyms("rag")
    seen: list[str] = [w for line in lines("en/synonyms.txt") for w in line.split()]
    assert len(seen) == len(set(seen)), "a word in two synonym groups"
