"""Korean seam rules added while tuning on the Korean tune split, and the shape of the test split."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from indexing.lang import get_language

pytest.importorskip("kiwipiepy")
KO = get_language("ko")
HELDOUT = Path(__file__).parent / "heldout_ko"


def test_an_action_that_continues_its_step_is_a_weak_start() -> None:
    assert KO.action_strength("덮개를 17mm 스패너로 엽니다.") == 0.5
    assert KO.action_strength("그리고 나서 새 척을 올립니다.") == 0.5  # 그리고 나서 opens a step
    assert KO.action_strength("그리고 상부 클램프를 풀어 줘요.") == 0.1
    assert KO.action_strength("비상 정지 버튼도 눌러 둡니다.") == 0.1  # 도: "also"
    assert KO.action_strength("기름이 안 새면 끝이고, 기록은 과장님한테 드려요.") == 0.1


def test_synonyms_join_a_question_and_a_narration() -> None:
    assert KO.index_tokens("새는 소리가 없는지 듣습니다") == "새 누수 소리"
    assert KO.query_tokens("다시 조립하고 샘은 어떻게 확인해요?") == ["조립", "누수", "확인"]
    # A word of no group is left alone (what existing libraries hold).
    assert KO.index_tokens("볼트는 대각선 순서로 조금씩 풀어 줍니다") == "볼트 대각선 순서 조금 풀"


def test_a_question_drops_the_action_it_is_asked_relative_to() -> None:
    assert KO.query_tokens("펌프 떼기 전에 밸브는 어떻게 해요?") == ["펌프", "밸브"]
    assert KO.query_tokens("볼트 풀 때 순서가 어떻게 돼?") == ["볼트", "풀", "순서"]


def test_korean_tools_with_sizes_and_modifiers() -> None:
    assert KO.find_tools("다음으로 M6 볼트 네 개를 풀고 나무 막대로 긁어냅니다.") == ["M6 볼트", "나무 막대"]
    assert KO.find_tools("십 분 정도 기다리고 흡입 쪽 볼 밸브를 잠급니다.") == []  # 정도, 볼 밸브: no tool
    assert KO.find_tools("압력계 바늘을 봅니다.") == ["압력계"]


def test_korean_tips_said_as_criteria() -> None:
    tips, warnings = KO.find_notes("손으로 끝까지 돌아가야 나사산이 맞은 겁니다. 잔압을 빼야 합니다. "
                                   "씰 입술이 압력 쪽을 보게 끼우는 게 제일 중요합니다.")
    assert tips == ["손으로 끝까지 돌아가야 나사산이 맞은 겁니다.", "씰 입술이 압력 쪽을 보게 끼우는 게 제일 중요합니다."]
    assert warnings == []


def test_the_test_split_is_separate_and_has_the_checked_mix() -> None:
    sys.path.insert(0, str(HELDOUT))
    try:
        from make_heldout_ko import procedures
    finally:
        sys.path.remove(str(HELDOUT))
    test = [p for _, p in procedures("test")]
    tune = [p for _, p in procedures("tune")]
    assert len(test) >= 12 and all(p.part == "test" for p in test)
    assert not {p.name for p in test} & {p.name for p in tune}
    assert not {p.expert for p in test} & {p.expert for p in tune}
    assert sum(p.scene == "fixed" for p in test) == len(test) // 2
    cues = ("먼저", "다음", "그다음", "그 다음", "이제", "마지막", "끝으로", "그리고 나서", "자,", "어, 먼저")
    later = [s.parts[0] for p in test for s in p.steps[1:]]
    share = sum(str(t).startswith(cues) for t in later) / len(later)
    assert 0.35 <= share <= 0.65
    assert all(any(isinstance(x, float) for s in p.steps for x in s.parts) for p in test)  # pauses inside steps


def test_the_blind_test2_split_is_separate_and_has_the_checked_mix() -> None:
    sys.path.insert(0, str(HELDOUT))
    try:
        from make_heldout_ko import procedures, timeline
        from scripts_ko_test2 import CUES
    finally:
        sys.path.remove(str(HELDOUT))
    test2 = procedures("test2")
    others = [p for _, p in procedures("tune") + procedures("test")]
    procs = [p for _, p in test2]
    assert len(procs) == 8 and all(p.part == "test2" for p in procs)
    # "all" is still tune and test, with their seeds: test2 comes after them.
    assert {p.name for _, p in procedures("all")} == {p.name for p in others}
    assert min(n for n, _ in test2) > max(n for n, _ in procedures("all"))
    # Another author: no procedure, expert, colleague or confidential term of the other splits.
    assert not {p.name for p in procs} & {p.name for p in others}
    assert not {n for p in procs for n in [p.expert, *p.people]} & {n for p in others for n in [p.expert, *p.people]}
    assert not {c for p in procs for c in p.confidential} & {c for p in others for c in p.confidential}
    assert sum(p.scene == "fixed" for p in procs) == len(procs) // 2
    later = [s.parts[0] for p in procs for s in p.steps[1:]]
    assert 0.35 <= sum(str(t).startswith(CUES) for t in later) / len(later) <= 0.65
    steps = [s for p in procs for s in p.steps]
    assert all(any(isinstance(x, float) for s in p.steps for x in s.parts) for p in procs)  # pauses inside steps
    inside = [x for s in steps for x in s.parts if isinstance(x, float)]
    between = [x for p in procs for x in p.pauses]
    assert abs(sum(inside) / len(inside) - sum(between) / len(between)) < 0.3
    assert any(ch.isdigit() and "mm" in t for s in steps for t in s.tools for ch in t)  # tools with sizes
    said = [str(x) for s in steps for x in s.parts]
    assert any(x.startswith("tip:") and "요령은" in x for x in said) and any(x.startswith("tip:") and "꼭" in x for x in said)
    assert any(x.startswith("warn:") and "절대" in x for x in said) and any(x.startswith("warn:") and "주의하세요" in x
                                                                            for x in said)
    for p in procs:
        text = " ".join(x for s in p.steps for x in s.parts if isinstance(x, str))
        assert all(n in text for n in p.people) and all(c in text for c in p.confidential)
        assert p.expert not in text
        _, truth = timeline(p)
        assert truth["part"] == "test2" and len(truth["steps"]) == len(p.steps)
    # Every step has its own question, in everyday Korean, not a copy of a sentence it answers.
    questions = [s.question for s in steps]
    assert len(set(questions)) == len(questions) and all(q.endswith("?") for q in questions)
    for s in steps:
        assert all(s.question.rstrip("?") not in str(x) for x in s.parts)


def _a_new_authors_split(split: str, earlier: tuple[str, ...]) -> tuple[list, list[str], str]:
    """Check what every split by a new author keeps (test3 on): ten to twelve procedures of their own, seeds
    after the earlier splits, no name, title, workstation, person, surname or term of theirs, half
    fixed camera, cues at about half of the later starts, pauses inside steps as long as between,
    people and terms said, each tool in its own step, and questions in other words.

    Returns:
        ``(steps, every narration part as a string, the whole narration)`` for the split's own checks.
    """
    import importlib

    sys.path.insert(0, str(HELDOUT))
    try:
        from make_heldout_ko import procedures, timeline
        cues = importlib.import_module(f"scripts_ko_{split}").CUES
    finally:
        sys.path.remove(str(HELDOUT))
    numbered = procedures(split)
    others = [p for name in earlier for _, p in procedures(name)]
    procs = [p for _, p in numbered]
    steps = [s for p in procs for s in p.steps]
    assert 10 <= len(procs) <= 12 and 45 <= len(steps) <= 55 and all(p.part == split for p in procs)
    # "all" is still tune and test, with their seeds; the new split comes after every other one.
    assert {p.name for _, p in procedures("all")} == {p.name for _, p in procedures("tune") + procedures("test")}
    assert min(n for n, _ in numbered) > max(n for name in ("all", *earlier) for n, _ in procedures(name))
    assert not {p.name for p in procs} & {p.name for p in others}
    assert not {p.title for p in procs} & {p.title for p in others}
    names = {n for p in procs for n in [p.expert, *p.people]}
    other_names = {n for p in others for n in [p.expert, *p.people]}
    assert not names & other_names
    assert not {n for n in names if len(n) == 1} & {n[0] for n in other_names}  # a surname said alone
    assert not {c for p in procs for c in p.confidential} & {c for p in others for c in p.confidential}
    assert sum(p.scene == "fixed" for p in procs) == len(procs) // 2
    later = [str(s.parts[0]) for p in procs for s in p.steps[1:]]
    assert 0.35 <= sum(t.startswith(cues) for t in later) / len(later) <= 0.65
    assert all(any(isinstance(x, float) for s in p.steps for x in s.parts) for p in procs)  # pauses inside steps
    inside = [x for s in steps for x in s.parts if isinstance(x, float)]
    between = [x for p in procs for x in p.pauses]
    assert abs(sum(inside) / len(inside) - sum(between) / len(between)) < 0.3
    for p in procs:
        text = " ".join(x for s in p.steps for x in s.parts if isinstance(x, str))
        assert all(n in text for n in p.people) and all(c in text for c in p.confidential)
        assert p.expert not in text
        for s in p.steps:  # every tool is said in its own step
            assert all(t in " ".join(x for x in s.parts if isinstance(x, str)) for t in s.tools)
        _, truth = timeline(p)
        assert truth["part"] == split and len(truth["steps"]) == len(p.steps)
    said = [str(x) for s in steps for x in s.parts]
    text = " ".join(said)
    # A full name followed directly by a particle.
    assert any(n + particle in text for p in procs for n in p.people if len(n) == 3 for particle in ("가", "이"))
    # Every step has its own question, in everyday Korean, copying no narration sentence of the split
    # nor a question of the other splits.
    questions = [s.question for s in steps]
    assert len(set(questions)) == len(questions) and all(q.endswith("?") for q in questions)
    assert not set(questions) & {s.question for p in others for s in p.steps}
    assert all(q.rstrip("?") not in x for q in questions for x in said)
    return steps, said, text


def test_the_blind_test3_split_is_separate_and_has_the_checked_mix() -> None:
    steps, said, text = _a_new_authors_split("test3", ("tune", "test", "test2"))
    tools = [t for s in steps for t in s.tools]
    assert any("mm" in t for t in tools) and any("밀리" in t for t in tools) and any("리터" in t for t in tools)
    for marker in ("요령은", "편해요", "좋아요"):
        assert any(x.startswith("tip:") and marker in x for x in said), marker
    for marker in ("절대", "주의하세요", "다칩니다", "안 돼요", "위험해요"):
        assert any(x.startswith("warn:") and marker in x for x in said), marker
    assert any(n in text for n in ("곽 반장님이", "함 대리한테", "우 주임님한테", "추 조장님한테"))


def test_the_blind_test4_split_is_separate_and_has_the_checked_mix() -> None:
    steps, said, text = _a_new_authors_split("test4", ("tune", "test", "test2", "test3"))
    sys.path.insert(0, str(HELDOUT))
    try:
        from make_heldout_ko import procedures
        from scripts_ko_test4 import CUES
    finally:
        sys.path.remove(str(HELDOUT))
    procs = [p for _, p in procedures("test4")]
    others = [p for split in ("tune", "test", "test2", "test3") for _, p in procedures(split)]
    # A fifth author: no workstation of the others either, and no surname of theirs said alone.
    assert not {p.workstation for p in procs} & {p.workstation for p in others}
    names = {n for p in procs for n in [p.expert, *p.people]}
    assert not {n[0] for n in names} & {n for p in others for n in [p.expert, *p.people] if len(n) == 1}
    later = [str(s.parts[0]) for p in procs for s in p.steps[1:]]
    assert len({c for c in CUES for t in later if t.startswith(c)}) >= 8  # not one cue only
    tools = [t for s in steps for t in s.tools]
    assert any("mm" in t for t in tools) and any("미터" in t for t in tools) and any("리터" in t for t in tools)
    for marker in ("편합니다", "낫습니다", "빨라요", "깔끔해요"):
        assert any(x.startswith("tip:") and marker in x for x in said), marker
    for marker in ("절대", "안 됩니다", "화상 입어요", "다칠 수 있어요", "위험합니다", "다칩니다"):
        assert any(x.startswith("warn:") and marker in x for x in said), marker
    # Colleagues: a title after a one-syllable surname, a two-syllable surname with a title, a given
    # name with 씨; a confidential term with a particle.
    assert all(n in text for n in ("천 반장님한테", "명 대리가", "태 주임님이랑", "두 조장한테", "현 과장님께"))
    assert "사공태민 기사님" in text and "다온 씨가" in text and "지우 씨한테" in text
    assert any(c + particle in text for p in procs for c in p.confidential for particle in ("을", "를", "에", "이", "가"))


def test_the_blind_test5_split_is_separate_and_has_the_checked_mix() -> None:
    earlier = ("tune", "test", "test2", "test3", "test4")
    steps, said, text = _a_new_authors_split("test5", earlier)
    sys.path.insert(0, str(HELDOUT))
    try:
        from make_heldout_ko import procedures
        from scripts_ko_test5 import CUES
    finally:
        sys.path.remove(str(HELDOUT))
    procs = [p for _, p in procedures("test5")]
    others = [p for split in earlier for _, p in procedures(split)]
    # A sixth author: no workstation of the others, and no surname of theirs, said alone or not.
    assert not {p.workstation for p in procs} & {p.workstation for p in others}
    names = {n for p in procs for n in [p.expert, *p.people]}
    assert not {n[0] for n in names} & {n[0] for p in others for n in [p.expert, *p.people]}
    later = [str(s.parts[0]) for p in procs for s in p.steps[1:]]
    assert len({c for c in CUES for t in later if t.startswith(c)}) >= 8  # not one cue only
    inner = [str(x) for s in steps for x in s.parts[1:] if isinstance(x, str)]
    assert sum(x.startswith(CUES) for x in inner) >= 2  # a cue word inside a step too
    tools = [t for s in steps for t in s.tools]
    assert any("mm" in t for t in tools) and any("리터" in t for t in tools) and any("cc" in t for t in tools)
    for marker in ("덜 가요", "일이 없어요", "나아요", "실수가 없어요", "잘 보여요"):
        assert any(x.startswith("tip:") and marker in x for x in said), marker
    for marker in ("큰코다쳐요", "데어요", "날아가", "치여요", "찍혀요", "감전될 수 있어요", "허리 나가요"):
        assert any(x.startswith("warn:") and marker in x for x in said), marker
    # Colleagues: a title after a one-syllable surname, a two-syllable surname, a title after a full
    # name, a given name with 씨, a kitchen title or the familiar 이가; a confidential term with a particle.
    assert all(n in text for n in ("범 반장님이", "좌 대리한테", "호 주임님께서", "팽 과장이랑", "초 조장님한테",
                                   "단 계장님이", "판 반장님"))
    assert all(n in text for n in ("견수호가", "평지훈이", "동방채린 대리님이", "학윤서 선배가", "누리 씨가",
                                   "영자 이모한테", "종현이가"))
    assert any(c + particle in text for p in procs for c in p.confidential for particle in ("을", "를", "에", "이", "가"))


def test_the_blind_test6_split_is_separate_and_has_the_checked_mix() -> None:
    earlier = ("tune", "test", "test2", "test3", "test4", "test5")
    steps, said, text = _a_new_authors_split("test6", earlier)
    sys.path.insert(0, str(HELDOUT))
    try:
        from make_heldout_ko import procedures
        from names_blind1 import GROUPS, PEOPLE
        from scripts_ko_test6 import CUES
    finally:
        sys.path.remove(str(HELDOUT))
    procs = [p for _, p in procedures("test6")]
    others = [p for split in earlier for _, p in procedures(split)]
    assert len(procs) == 11 and len(steps) == 50
    # A seventh author: no workstation of the others, and no surname or given name of theirs or of the
    # blind name set, said alone or not.
    assert not {p.workstation for p in procs} & {p.workstation for p in others}
    names = {n for p in procs for n in [p.expert, *p.people]}
    other_names = {n for p in others for n in [p.expert, *p.people]} | set(PEOPLE) | {g.expert for g in GROUPS}
    assert not {n[0] for n in names} & {n[0] for n in other_names}

    def given(n: str) -> str:
        return n if len(n) == 2 else n[-2:]

    assert not {given(n) for n in names if len(n) > 1} & {given(n) for n in other_names if len(n) > 1}
    later = [str(s.parts[0]) for p in procs for s in p.steps[1:]]
    assert len({c for c in CUES for t in later if t.startswith(c)}) >= 8  # not one cue only
    earlier_cues = ("먼저", "다음", "그다음", "이제", "마지막", "끝으로", "그리고 나서", "그러고 나서", "자,", "자 ",
                    "일단", "우선", "이어서", "이번엔", "그러면", "그동안", "그 뒤에", "끝나면", "마무리로", "끝났으면",
                    "다 됐으면", "이게 되면", "두 번째로", "그 담에", "인제", "여기까지", "이거 끝내고", "한 가지 더",
                    "그러고 나면", "정리하면서", "그 참에", "계속해서")
    assert not [t for t in later if t.startswith(earlier_cues)]  # this author's cues only
    inner = [str(x) for s in steps for x in s.parts[1:] if isinstance(x, str)]
    assert sum(x.startswith(CUES) for x in inner) >= 2  # a cue word inside a step too
    tools = [t for s in steps for t in s.tools]
    assert any("mm" in t for t in tools) and any("리터" in t for t in tools) and any("cc" in t for t in tools)
    assert all(t in tools for t in ("깔깔이", "몽키", "뻰찌", "도라이바", "함마", "헤라", "빠루", "롱노우즈"))
    for marker in ("품이 덜 들어", "반은 먹고 들어가요", "헛걸음 안 해요", "한결 수월해요", "시간 벌어요",
                   "두 번 일 안 해", "속 안 썩어요"):
        assert any(x.startswith("tip:") and marker in x for x in said), marker
    for marker in ("응급실 가요", "손 잘려", "뼈 으스러져요", "피 봐요", "물집 잡혀", "불나요", "전기 먹어요",
                   "얼굴로 튀어요", "깔려요"):
        assert any(x.startswith("warn:") and marker in x for x in said), marker
    # Colleagues: a title after a one-syllable surname (most of them ordinary words too), a full name
    # glued to a particle or with a title, a given name with 씨한테, the familiar 이가 or a kinship
    # title; a confidential term with a particle.
    assert all(n in text for n in ("궉 반장님이", "대 과장님께", "낭 대리님이", "탄 주임이랑", "매 조장님한테",
                                   "담 계장님께서", "무 대리가", "돈 과장님이", "총 주임님한테", "수 실장님이",
                                   "비 조장이"))
    assert all(n in text for n in ("근다솜이", "저윤슬이", "교승윤 선배", "미소 씨한테", "보현이가", "삼식이가",
                                   "흥석 삼촌", "애진 언니", "준기 형님", "만옥 어머님한테"))
    assert any(c + particle in text for p in procs for c in p.confidential for particle in ("을", "를", "에", "이", "가"))


def test_better_way_tips_and_ban_warnings_with_a_reason_after_them() -> None:
    # "…하는 게 좋아요", "…는 편이 낫습니다": the better way, also with its reason after a comma (s21).
    assert KO.is_tip("공구는 쓰고 나서 바로 닦아 두는 게 좋아요, 그래야 녹이 안 슬어요.")
    assert KO.is_tip("핸들은 천천히 돌리는 편이 낫습니다.")
    assert not KO.is_tip("호스를 꺾어서 선반 위에 올려 둡니다.")
    # "…져서 안 돼요", "…니까 안 됩니다": what goes wrong, then the ban.
    assert KO.is_warning("호스를 꺾은 채로 두면 기름이 새서 안 돼요.")
    assert KO.is_warning("덮개가 아직 뜨거우니까 안 됩니다.")
    assert not KO.is_warning("덮개를 열어서 안쪽을 봐요.")


def test_a_note_or_an_additive_do_carries_on_its_step() -> None:
    # A tip or a warning is a note on the step being done (none starts a step on the Korean sets).
    assert KO.continuation_strength("펌프가 도는 중에 덮개를 열면 물이 튀어서 다칩니다.") == 1.0
    assert KO.continuation_strength("솔은 안쪽에서 바깥쪽으로 쓸어 주는 게 좋아요.") == 1.0
    # … unless it opens with a cue phrase: that announces the next step.
    assert KO.continuation_strength("다음으로 덮개를 여는데 뜨거우니까 조심하세요.") == 0.0
    # An additive 도 ("also") before the first verb: the same work on one more thing.
    assert KO.continuation_strength("냉각 팬도 같은 방법으로 청소합니다.") == 1.0
    assert KO.continuation_strength("냉각 팬을 솔로 청소합니다.") == 0.0
    assert KO.continuation_strength("팬을 돌려 보고 소리도 들어 봅니다.") == 0.0  # 도 after the first verb
    assert KO.continuation_strength("이제 전도도도 같이 재 둡니다.") == 0.0  # a cue phrase wins over 도


def test_advice_in_a_technicians_own_words_is_a_tip() -> None:
    # The payoff after a condition: easy, quick, it goes in or comes off (t21).
    assert KO.is_tip("패킹은 물에 한 번 적셔서 끼우면 훨씬 덜 뻑뻑하고 편하거든요.")
    assert KO.is_tip("도면을 옆에 붙여 놓고 하면 찾기 수월해요.")
    assert KO.is_tip("볼트에 그리스를 묻혀 주면 잘 들어가요.")
    assert KO.is_tip("이걸 먼저 풀면 작업이 빨라요, 뒤쪽은 나중에 봐도 되고요.")
    # What it saves later, how long it lasts.
    assert KO.is_tip("번호를 적어 두면 나중에 다시 끼울 때 헷갈리지 않아요.")
    assert KO.is_tip("날을 식혀 가면서 갈면 오래 갑니다.")
    # Experience, the knack by name, the best way.
    assert KO.is_tip("경험상 여름에는 반 바퀴 덜 조이는 게 맞더라고요.")
    assert KO.is_tip("저는 보통 걸레를 두 장 들고 들어가요.")
    assert KO.is_tip("천천히 밀어 넣는 게 이 작업 요령인데요.")
    assert KO.is_tip("여기서 포인트는 각도를 일정하게 두는 거예요.")
    assert KO.is_tip("손으로 먼저 돌려 보는 게 제일이에요.")
    # Ordinary instructions stay no tips.
    assert not KO.is_tip("스위치를 누르면 빠르게 돌아갑니다.")
    assert not KO.is_tip("커버를 열고 필터를 꺼냅니다.")


def test_criteria_and_put_it_here_instructions_are_no_tips() -> None:
    # "…사이면 정상이에요", "…이하면 합격입니다", "…들어와야 정상입니다": criteria, not know-how (t21).
    assert not KO.is_tip("온도가 사십에서 오십 도 사이면 정상이에요.")
    assert not KO.is_tip("틈새가 영 점 일 밀리 이하면 합격입니다.")
    assert not KO.is_tip("초록 불이 켜져야 정상입니다.")
    # "A 말고 B에 둡니다": where a thing goes.
    assert not KO.is_tip("뚜껑은 바닥에 놓지 말고 선반에 올려 둡니다.")
    # … but a better way with its payoff is still a tip.
    assert KO.is_tip("한꺼번에 조이지 말고 대각선으로 돌려 가며 조이면 안 틀어져요.")


def test_cautions_in_a_technicians_own_words_are_warnings() -> None:
    # Serious trouble, one slip, the ban in its other endings (t21).
    assert KO.is_warning("여기 전원을 안 내리고 만지면 큰일 날 수 있어요.")
    assert KO.is_warning("누가 모르고 밸브를 열면 큰 사고가 나니까 표찰을 걸어 둡니다.")
    assert KO.is_warning("잘못하면 날이 튀어 나옵니다.")
    assert KO.is_warning("자칫하면 기름이 다 쏟아집니다.")
    assert KO.is_warning("이 상태로 돌리면 안 되고 먼저 고정해야 해요.")
    assert KO.is_warning("덮개 없이 돌리지 마요.")
    assert KO.is_warning("케이블이 꼬이지 않도록 주의해서 감아요.")
    assert KO.is_warning("바닥이 미끄러우니까 조심하셔야 돼요.")
    # Harm to the machine or the product; a hand caught or cut; energy still inside.
    assert KO.is_warning("물이 들어가면 모터가 고장 나요.")
    assert KO.is_warning("온도가 너무 높으면 제품이 다 불량 납니다.")
    assert KO.is_warning("세게 조이면 플랜지가 깨질 수 있어요.")
    assert KO.is_warning("롤러 사이로 손이 빨려 들어갑니다.")
    assert KO.is_warning("탱크에 압력이 남아 있으니까 캡을 천천히 여세요.")
    # Prevention is a tip, not a warning; an inspection is neither.
    assert not KO.is_warning("이렇게 받쳐 두면 판이 안 깨져요.")
    assert not KO.is_warning("고장 난 부품은 따로 빼 둡니다.")
    assert not KO.is_warning("압력이 남아 있는지 게이지를 봅니다.")
    assert KO.find_notes("이렇게 받쳐 두면 판이 안 깨져요.") == (["이렇게 받쳐 두면 판이 안 깨져요."], [])


def test_prevention_is_a_tip_and_a_symptom_is_not() -> None:
    # What does not go wrong when it is done this way (t21) …
    assert KO.is_tip("얇게 한 번만 바르면 녹이 안 슬어요.")
    assert KO.is_tip("양쪽을 같이 당기면 판이 안 밀립니다.")
    # … not a symptom said in troubleshooting, nor a ban.
    assert not KO.is_tip("전원을 켜면 화면이 안 나와요.")
    assert not KO.is_tip("레버를 당기면 문이 안 열려요.")
    assert not KO.is_tip("젖은 손으로 만지면 안 돼요.")


def test_telling_at_a_glance_and_what_a_way_saves_are_tips() -> None:
    # t21: you can tell at once; it saves time or mistakes; a habit to pick up.
    assert KO.is_tip("손으로 쓸어 보면 턱이 진 데를 금방 알아요.")
    assert KO.is_tip("조금만 삐뚤어져도 티가 나요.")
    assert KO.is_tip("공구를 순서대로 꺼내 놓으면 시간이 덜 걸려요.")
    assert KO.is_tip("선에 번호를 붙여 두면 다시 꽂을 때 안 헷갈려요.")
    assert KO.is_tip("끝나면 바로 닦는 습관을 들이세요.")
    assert not KO.is_tip("정지 시간을 화면에서 읽어서 적습니다.")


def test_burns_blasts_fire_slips_and_fumes_are_warnings() -> None:
    # t21: harm said without a warning word.
    assert KO.is_warning("맨손으로 잡으면 화상 입어요.")
    assert KO.is_warning("통을 막은 채로 데우면 터져요.")
    assert KO.is_warning("용제 근처에서 불꽃이 튀면 불이 날 수 있어요.")
    assert KO.is_warning("바닥에 물이 고이면 미끄러우니까 바로 닦아요.")
    assert KO.is_warning("탱크 안은 환기를 안 하고 들어가면 질식할 수 있어요.")
    assert KO.is_warning("이걸 거꾸로 끼우면 곤란해요.")
    assert KO.is_warning("덮개를 안 닫으면 나중에 문제가 생겨요.")
    assert not KO.is_warning("먼저 방독 마스크랑 장갑을 낍니다.")
    assert not KO.is_warning("빨간 불이 들어오면 다음으로 넘어가요.")


def test_other_payoffs_passed_on_know_how_and_where_it_leads_to() -> None:
    # t21: the better way with another payoff, less trouble, know-how passed on …
    assert KO.is_tip("손으로 먼저 맞춰 보는 게 훨씬 확실해요.")
    assert KO.is_tip("두 사람이 잡고 하면 더 안전합니다.")
    assert KO.is_tip("미리 적셔 두면 좋고요, 그럼 먼지가 안 날려요.")
    assert KO.is_tip("뚜껑을 반만 열면 가루가 덜 날려요.")
    assert KO.is_tip("이건 선배한테 배운 건데 끝을 살짝 구부려 놓아요.")
    assert not KO.is_tip("다 굳으면 덜 마른 데가 없는지 봅니다.")
    # … and where doing it that way leads to.
    assert KO.is_warning("그러다간 손목 나가요.")
    assert KO.is_warning("이 가루는 몸에 안 좋아요.")
    assert KO.is_warning("여기서 한눈팔면 목숨이 걸린 일이에요.")


def test_a_checks_reading_or_an_aside_carries_on_its_step() -> None:
    # What a measurement means, said after the action that took it (z23): a condition, then the
    # reading ("…ㄴ 거라/거예요") or a verdict (정상, 괜찮, 통과, "…면 되고").
    assert KO.continuation_strength("바늘이 빨간 칸에 들어가면 압이 모자란 거라 질소를 더 넣어야 돼요.") == 1.0
    assert KO.continuation_strength("온도 차이가 삼 도 안쪽이면 괜찮고, 더 나면 센서를 봐요.") == 1.0
    assert KO.continuation_strength("무게가 이 킬로에서 이 점 일 킬로 사이면 통과예요.") == 1.0
    assert KO.continuation_strength("눈금이 중간쯤이면 되고, 모자라면 조금 더 부어요.") == 1.0
    assert KO.continuation_strength("두 값이 영 점 일 넘게 차이 나면 날이 깨졌나 봐요.") == 1.0
    assert KO.continuation_strength("물방울이 맺혀 있으면 씰이 닳았다는 뜻입니다.") == 1.0
    # A reason or a story told about the step: "-거든요", the past tense; no opening action either.
    assert KO.continuation_strength("날이 무디면 면이 거칠게 나오거든요.") == 1.0
    assert KO.continuation_strength("작년에 한 번 그냥 돌렸다가 베어링을 통째로 갈았어요.") == 1.0
    assert KO.action_strength("작년에 한 번 그냥 돌렸다가 베어링을 통째로 갈았어요.") == 0.0
    # An instruction, a found state and a step-opening cue are none of these.
    assert KO.continuation_strength("압력계를 밸브에 물리고 눈금을 읽어요.") == 0.0
    assert KO.continuation_strength("벨트가 한쪽으로 밀려 있으면 조정 볼트를 풀어요.") == 0.0
    assert KO.continuation_strength("다 됐으면 무게가 이 킬로 사이면 통과예요.") == 0.0  # the cue phrase wins
    assert KO.action_strength("압력계를 밸브에 물리고 눈금을 읽어요.") > 0.0
    # A sentence that ends on "-고요": one more thing done with what was just said.
    assert KO.continuation_strength("게이지 바늘이 멈췄는지도 같이 보고요.") == 1.0
    assert KO.continuation_strength("배출구 밸브는 화면에서 잠그고요.") == 1.0
    assert KO.continuation_strength("그다음에 배출구 밸브를 잠그고요.") == 0.0  # the cue phrase wins


def test_the_quick_way_with_its_payoff_at_the_end_is_a_tip() -> None:
    # "…면 … 빨라요" with the payoff at the sentence's end, however long the clause before it (z23).
    assert KO.is_tip("분필로 자리를 표시해 두고 끼우면 다시 찾을 일이 없어서 빨라요.")
    assert KO.is_tip("비눗물을 붓으로 바르고 보면 새는 자리에서 거품이 바로 올라와서 빠릅니다.")
    assert not KO.is_tip("이 모터는 다른 것보다 회전이 빨라서 소리가 커요.")


def test_harm_to_the_body_in_its_own_verb_is_a_warning() -> None:
    # A burn, caught, a part of the body lost or ruined, the worst outcome, struck (t24).
    assert KO.is_warning("방금 끈 히터 판을 맨손으로 만지면 바로 데어요.")
    assert KO.is_warning("문 열고 손 넣으면 증기에 데고 롤러에 감겨요.")
    assert KO.is_warning("인터록 없이 금형 사이에 들어가면 끼여요.")
    assert KO.is_warning("포대를 허리 굽혀서 들면 허리 나가요.")
    assert KO.is_warning("아크를 맨눈으로 보면 눈 버려요.")
    assert KO.is_warning("회전 중에 척에 손대면 손가락 날아갑니다.")
    assert KO.is_warning("이거 대충 넘기면 나중에 큰일 치러요.")
    assert KO.is_warning("통로에 서 있으면 지게차에 치여요.")
    assert KO.is_warning("고압 호스가 새는 데를 손으로 막으면 기름이 살을 뚫어요.")
    assert KO.is_warning("약품이 튀면 실명할 수 있으니까 고글 써요.")
    # A payoff is not harm ("손도 안 데고"), and an inspection's "눈" is not the eye ruined.
    assert not KO.is_warning("집게로 집으면 손도 안 데고 편해요.")
    assert not KO.is_warning("눈금이 잘 보이게 돌려 놓습니다.")
    assert KO.find_notes("삽을 쓸 때 팔로만 들면 허리 나가요, 꼭 다리로 드세요.") == (
        [], ["삽을 쓸 때 팔로만 들면 허리 나가요, 꼭 다리로 드세요."])


def test_the_payoff_as_what_no_longer_happens_is_a_tip() -> None:
    # What no longer happens, what is easy to see, much better, less work (t24).
    assert KO.is_tip("뚜껑에 이름표를 붙여 두면 바꿔 낄 일이 없어요.")
    assert KO.is_tip("호스를 고리에 걸어 두면 밟힐 일이 없습니다.")
    assert KO.is_tip("흰 종이를 뒤에 대면 금이 잘 보여요.")
    assert KO.is_tip("한 번에 많이 붓는 것보다 조금씩 붓는 게 훨씬 나아요.")
    assert KO.is_tip("장갑은 면장갑보다 니트릴이 훨씬 나아요.")
    assert KO.is_tip("자리를 미리 잡아 두니까 손이 덜 가요.")
    # No payoff: a plain step, a quantity, a reading.
    assert not KO.is_tip("남은 일이 있으면 다음 조에 넘깁니다.")
    assert not KO.is_tip("할 일이 없으면 옆 라인을 돕습니다.")
    assert not KO.is_tip("온도가 훨씬 높으면 바로 끕니다.")


def test_a_container_said_with_its_volume_is_a_tool() -> None:
    # A volume, a plain noun for what it holds, a container word (t24); without a volume no tool.
    assert KO.find_tools("18리터 세척액 통을 옆에 둡니다.") == ["18리터 세척액 통"]
    assert KO.find_tools("빈 1리터 병에 샘플을 받아요.") == ["1리터 병"]
    assert KO.find_tools("200cc 비커로 떠서 넣어요.") == ["200cc 비커"]
    assert KO.find_tools("물을 5리터 더 붓습니다.") == []
    assert KO.find_tools("통을 비우고 헹굽니다.") == []


def test_a_fault_read_off_a_check_is_no_tip() -> None:
    # "…면 … 거예요" tells what a reading means: a good state stays a tip, a fault found is none (t24).
    assert not KO.is_tip("바늘이 빨간 칸에 있으면 냉매가 부족한 겁니다.")
    assert not KO.is_tip("거품이 올라오면 어디선가 새는 거예요.")
    assert not KO.is_tip("검게 변했으면 오일이 상한 거예요.")
    assert KO.is_tip("불꽃이 고르게 나오면 제대로 맞춘 거예요.")


def test_marking_wiping_and_testing_consumables_are_tools() -> None:
    # Consumables by name; 테이프 only where it is used, not the tool of a banned action (t24).
    assert KO.find_tools("교체한 날짜는 커버에 매직으로 적어 둡니다.") == ["매직"]
    assert KO.find_tools("면봉에 오일을 찍어서 틈에 바릅니다.") == ["면봉"]
    assert KO.find_tools("헹굼물에 pH 시험지를 대 봐요.") == ["pH 시험지"]
    assert KO.find_tools("이음매를 절연 테이프로 두 번 감아요.") == ["절연 테이프"]
    assert KO.find_tools("바닥의 유도 테이프를 따라 갑니다.") == []
    assert KO.find_tools("센서를 테이프로 막지 마세요.") == []


def test_a_sentence_that_goes_on_with_the_one_before_carries_on_its_step() -> None:
    # z26: a topic (은/는 before the first verb) that is a noun of the previous sentence, or a previous
    # sentence that ends on "-고요", goes on with what was just said; a cue phrase still wins.
    from indexing.lang.ko.analyser import analyse
    from indexing.lang.ko.discourse import carries_on, topic_nouns

    assert topic_nouns(analyse("금형 무게는 금형 대장에 다 적혀 있어요.")) == {"금형", "무게"}
    assert topic_nouns(analyse("새 인서트를 끼우고 토크 렌치로 조입니다.")) == set()
    assert topic_nouns(analyse("풀고 나면 나사는 따로 둡니다.")) == set()  # after the first verb: no topic
    assert carries_on("육각 렌치로 인서트 나사를 풉니다.", "나사는 반 바퀴만 풀어도 인서트가 빠집니다.")
    assert carries_on("축 세 개를 다 원점으로 보내고요.", "메모리에 있는 난기 프로그램을 불러옵니다.")
    assert not carries_on("육각 렌치로 인서트 나사를 풉니다.", "새 인서트를 끼우고 토크 렌치로 조입니다.")
    assert not carries_on("드레서를 척에 붙입니다.", "숫돌은 한 번에 조금씩 깎아 냅니다.")  # a new topic
    texts = ["육각 렌치로 인서트 나사를 풉니다.", "나사는 반 바퀴만 풀어도 인서트가 빠집니다.",
             "축 세 개를 다 원점으로 보내고요.", "난기 프로그램을 불러옵니다.",
             "다음으로 나사는 새것으로 바꿉니다."]
    action, cont = KO.step_strengths(texts)
    assert cont[1] == 1.0 and action[1] <= 0.1
    assert cont[3] == 1.0 and action[3] <= 0.1
    assert cont[4] == 0.0 and action[4] == 0.5  # the cue phrase wins
    alone = [KO.continuation_strength(t) for t in texts]
    assert alone[1] == 0.0 and alone[3] == 0.0  # read alone, neither carries on


def test_what_a_slip_costs_is_a_warning() -> None:
    # A blister, a shock, the hospital, blood, a fire, crushed bones, flying shards (t26).
    assert KO.is_warning("다리미 바닥을 맨손으로 만지면 물집 잡혀요.")
    assert KO.is_warning("스위치 켠 채로 단자 만지면 전기 먹습니다.")
    assert KO.is_warning("세척제가 눈에 튀면 응급실 가야 돼요.")
    assert KO.is_warning("기어 돌 때 손 넣으면 피 봐요.")
    assert KO.is_warning("기름 찌꺼기 두고 계속 돌리면 불나요.")
    assert KO.is_warning("받침 없이 들다 놓치면 발가락 으스러져요.")
    assert KO.is_warning("망치로 세게 치면 날이 깨지고 파편이 튀어요.")
    # Not a lamp or an electric reading, nor a fire put out, nor a part that does not crack.
    assert not KO.is_warning("빨간불 들어오면 다음 단계로 가요.")
    assert not KO.is_warning("전기 요금은 총무팀이 봐요.")
    assert not KO.is_warning("받침을 대면 판이 안 깨지고 잘 빠져요.")
    assert KO.find_notes("용접 끝난 팁은 뜨거우니 바로 잡으면 물집 잡혀, 집게로 빼요.") == (
        [], ["용접 끝난 팁은 뜨거우니 바로 잡으면 물집 잡혀, 집게로 빼요."])


def test_the_work_a_way_saves_is_a_tip() -> None:
    # Time won, less labour, no second job or wasted trip, a head start, trouble spared (t26).
    assert KO.is_tip("부품을 순서대로 늘어놓으면 조립할 때 시간 벌어요.")
    assert KO.is_tip("천을 자에 감아서 밀면 구석까지 닿아서 품이 덜 들어요.")
    assert KO.is_tip("공구를 미리 챙겨 가면 창고까지 헛걸음 안 해요.")
    assert KO.is_tip("선 색을 사진으로 찍어 두면 두 번 일 안 합니다.")
    assert KO.is_tip("눈금을 먼저 영에 맞춰 두면 반은 먹고 들어가요.")
    assert KO.is_tip("뚜껑에 날짜를 적어 두면 헷갈릴 일 없고 편해요.")
    assert KO.is_tip("실을 두 번 감아 두면 나중에 풀려서 속 썩을 일이 없어요.")
    assert KO.is_tip("새 필터로 바꿔 두면 나중에 속 안 썩어요.")
    # Not a plain must in 반말, a fault found, an instruction to leave or hand over or wait.
    assert not KO.is_tip("교체 전에 전압부터 봐야 돼.")
    assert not KO.is_tip("저항이 무한대로 나오면 코일이 끊긴 거예요.")
    assert not KO.is_tip("설정값은 건드리지 말고 그대로 둬.")
    assert not KO.is_tip("쓴 필터 개수는 빼먹지 말고 반장님께 말해 줘.")
    assert not KO.is_tip("또 멈추면 혼자 열지 말고 과장님 오실 때까지 기다려요.")
    assert not KO.is_tip("오늘은 할 일 없고 쉬어요.")
    # A better way with "…지 말고" stays a tip.
    assert KO.is_tip("한 번에 조이지 말고 대각선으로 돌아가며 조이면 안 틀어져요.")


def test_shop_spellings_of_tools_are_tools() -> None:
    # The names a shop floor says (t26): 뻰찌, 롱노우즈, 도라이바, 함마; a cloth; a brush only where used.
    assert KO.find_tools("너트를 뻰찌로 잡고 돌려요.")
    assert KO.find_tools("핀을 롱노우즈로 집어서 빼요.")
    assert KO.find_tools("나사를 도라이바로 풀어요.")
    assert KO.find_tools("함마로 톡톡 쳐서 빼요.")
    assert KO.find_tools("헝겊으로 구멍을 닦아요.") == ["헝겊"]
    assert KO.find_tools("붓에 오일을 묻혀서 발라요.") == ["붓"]
    assert KO.find_tools("새 오일을 눈금까지 붓고 닫아요.") == []
