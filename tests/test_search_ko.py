"""Keyword search across languages (migration 4): Korean morphemes, English unchanged, search by name."""

from __future__ import annotations

import pytest

from indexing.library import Library
from indexing.models import ProcedureDraft, StepDraft
from indexing.search import keyword_search, name_search, query_terms

pytest.importorskip("kiwipiepy")

SESSIONS = {
    "ko1": ("금형 교체", "박정호", "프레스-4", "프레스", "ko", [
        ("전원 차단하기", "먼저 전원을 차단하고 잠금장치를 겁니다."),
        ("볼트 풀기", "볼트는 대각선 순서로 조금씩 풀어 줍니다."),
        ("금형 꺼내기", "호이스트로 금형을 천천히 들어 올립니다."),
    ]),
    "ko2": ("스핀들 씰 교환", "이수진", "CNC-7", "가공", "ko", [
        ("커버 열기", "육각 렌치로 커버를 엽니다."),
        ("씰 끼우기", "새 씰에 오일을 바르고 똑바로 밀어 넣습니다."),
    ]),
    "en1": ("Press line 3 die change", "Maria Lopez", "Press-3", "stamping", "en", [
        ("Lock out the press", "I switch off the main isolator and hang my padlock on it."),
        ("Loosen the clamp bolts", "I loosen the four clamp bolts in a cross pattern."),
    ]),
}


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    lib = Library(tmp_path_factory.mktemp("kosearch") / "lib")
    for n, (sid, (title, expert, ws, process, lang, steps)) in enumerate(SESSIONS.items()):
        lib.db["sessions"].insert({
            "session_id": sid, "title": title, "expert": expert, "workstation": ws, "process": process,
            "language": lang, "consent": 1, "sha256": f"{n:064d}", "duration": 60.0, "status": "ready",
        })
        lib.db.conn.commit()
        drafts = [StepDraft(0, i, i * 10.0, i * 10.0 + 10.0, text, title=t) for i, (t, text) in enumerate(steps)]
        lib.replace_steps(sid, [ProcedureDraft(0, title, 0.0, 60.0)], drafts)
    return lib


def test_korean_query_terms_are_morphemes() -> None:
    assert query_terms("볼트 풀 때 순서가 어떻게 돼?") == (['"볼트"', '"풀"', '"순서"'], False)
    assert query_terms("PX-4471을 어디에 끼워요?") == (['"PX-4471"', '"끼우"'], True)
    assert query_terms("How do I fit PX-4471?") == (['"fit"', '"PX-4471?"'], True)  # English unchanged


def test_korean_question_finds_the_step_despite_particles(library: Library) -> None:
    ids, _ = keyword_search(library, "볼트 풀 때 순서가 어떻게 돼?", 5)
    assert ids[0] == "ko1-p1s02"
    assert library.step(ids[0]).text == "볼트는 대각선 순서로 조금씩 풀어 줍니다."


def test_mixed_library_searches_both_languages(library: Library) -> None:
    assert keyword_search(library, "loosen the clamp bolts", 5)[0][0] == "en1-p1s02"
    assert keyword_search(library, "육각렌치로 커버 여는 법", 5)[0][0] == "ko2-p1s01"


def test_search_by_name_finds_the_procedure_first_step(library: Library) -> None:
    assert name_search(library, "금형 교체", 5) == ["ko1-p1s01"]
    assert name_search(library, "스핀들 씰 교환 방법", 5) == []  # "방법" is not in the name
    assert name_search(library, "스핀들 씰 교환", 5) == ["ko2-p1s01"]
    assert name_search(library, "CNC-7", 5) == ["ko2-p1s01"]
    assert name_search(library, "die change", 5) == ["en1-p1s01"]
    # A step question does not match every step of a procedure through its name.
    assert keyword_search(library, "금형", 5)[0] == ["ko1-p1s03"]


def test_name_index_follows_edits(library: Library) -> None:
    library.db.execute("UPDATE procedures SET title='다이 세팅' WHERE procedure_id='ko1-p1'")
    library.db.conn.commit()
    assert name_search(library, "다이 세팅", 5) == ["ko1-p1s01"]
    library.update_step("ko1-p1s02", text="너트는 대각선으로 돌려서 뺍니다.")
    assert keyword_search(library, "순서", 5)[0] == []
    assert keyword_search(library, "너트 빼는 법", 5)[0][0] == "ko1-p1s02"
    library.delete_session("ko2")
    assert name_search(library, "CNC-7", 5) == []
    assert library.db.execute("SELECT count(*) FROM steps_fts").fetchone()[0] == 5
