"""Contract tests every vector-store backend must pass (embedded and a real Chroma server)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from indexing.errors import StoreError
from indexing.library import Library
from indexing.store import close_stores, collection_name, open_store
from indexing.store.base import VectorStore
from indexing.store.embedded import EmbeddedStore
from indexing.store.server import ServerStore, parse_url
from tests.conftest_chroma import free_port

_model_ids = itertools.count()

# Four unit vectors in 4-d: a and b are close, c is orthogonal to a, d is opposite a.
VECS = {
    "s1-p1s01": [1.0, 0.0, 0.0, 0.0],
    "s1-p1s02": [0.8, 0.6, 0.0, 0.0],
    "s2-p1s01": [0.0, 0.0, 1.0, 0.0],
    "s2-p1s02": [-1.0, 0.0, 0.0, 0.0],
}
META = {
    "s1-p1s01": {"session_id": "s1", "workstation": "press-3", "expert": "maria", "category": "safety",
                 "status": "proposed", "process": "stamping"},
    "s1-p1s02": {"session_id": "s1", "workstation": "press-3", "expert": "maria", "category": "setup",
                 "status": "approved", "process": "stamping"},
    "s2-p1s01": {"session_id": "s2", "workstation": "cnc-7", "expert": "kenji", "category": "setup",
                 "status": "approved", "process": "machining"},
    "s2-p1s02": {"session_id": "s2", "workstation": "cnc-7", "expert": "kenji", "category": "cleanup",
                 "status": "proposed", "process": "machining"},
}


@pytest.fixture(params=["embedded", "server"])
def store(request: pytest.FixtureRequest, tmp_path) -> VectorStore:
    # A fresh model id per test gives every test its own collection, also on the shared server.
    model_id = f"contract-model-{next(_model_ids)}-4"
    if request.param == "embedded":
        s: VectorStore = EmbeddedStore(tmp_path / "vectors", model_id)
    else:
        s = ServerStore(request.getfixturevalue("chroma_server"), model_id)
    yield s
    s.reset()
    s.close()


def _fill(store: VectorStore) -> None:
    ids = list(VECS)
    store.upsert(ids, np.array([VECS[i] for i in ids], dtype=np.float32),
                 [META[i] for i in ids], [f"doc {i}" for i in ids])


def test_upsert_count_and_query_order(store: VectorStore) -> None:
    assert store.count() == 0
    _fill(store)
    assert store.count() == 4
    hits = store.query(np.array([1.0, 0.0, 0.0, 0.0]), k=4)
    assert [i for i, _ in hits] == ["s1-p1s01", "s1-p1s02", "s2-p1s01", "s2-p1s02"]
    # Cosine distance = 1 - cos: 0, 0.2, 1, 2.
    assert [round(d, 4) for _, d in hits] == [0.0, 0.2, 1.0, 2.0]
    assert [i for i, _ in store.query([0.0, 0.0, 1.0, 0.0], k=1)] == ["s2-p1s01"]


def test_query_filters_are_exact(store: VectorStore) -> None:
    _fill(store)
    q = [1.0, 0.0, 0.0, 0.0]
    assert [i for i, _ in store.query(q, 4, where={"session_id": "s2"})] == ["s2-p1s01", "s2-p1s02"]
    assert [i for i, _ in store.query(q, 4, where={"status": "approved"})] == ["s1-p1s02", "s2-p1s01"]
    assert [i for i, _ in store.query(q, 4, where={"workstation": "cnc-7", "category": "setup"})] == [
        "s2-p1s01"]
    assert store.query(q, 4, where={"expert": "nobody"}) == []
    assert [i for i, _ in store.query(q, 4, where={"process": "stamping", "category": None})] == [
        "s1-p1s01", "s1-p1s02"]
    with pytest.raises(StoreError, match="cannot filter on 'colour'"):
        store.query(q, 4, where={"colour": "red"})


def test_upsert_replaces_and_get_ids(store: VectorStore) -> None:
    _fill(store)
    assert store.get_ids() == sorted(VECS)
    assert store.get_ids("s1") == ["s1-p1s01", "s1-p1s02"]
    assert store.get_ids("nope") == []
    # Move s2-p1s02 next to the query and change its status: same id, so still 4 vectors.
    store.upsert(["s2-p1s02"], [[0.0, 1.0, 0.0, 0.0]], [dict(META["s2-p1s02"], status="approved")], ["x"])
    assert store.count() == 4
    assert [i for i, _ in store.query([0.0, 1.0, 0.0, 0.0], 1)] == ["s2-p1s02"]
    assert [i for i, _ in store.query([0.0, 1.0, 0.0, 0.0], 4, where={"status": "approved"})] == [
        "s2-p1s02", "s1-p1s02", "s2-p1s01"]


def test_delete_delete_where_and_reset(store: VectorStore) -> None:
    _fill(store)
    store.delete(["s1-p1s01", "unknown-id"])
    assert store.get_ids() == ["s1-p1s02", "s2-p1s01", "s2-p1s02"]
    store.delete([])
    store.delete_where("s2")
    assert store.get_ids() == ["s1-p1s02"]
    store.reset()
    assert store.count() == 0
    _fill(store)  # usable again after a reset
    assert store.count() == 4


def test_bad_upsert_is_a_store_error(store: VectorStore) -> None:
    with pytest.raises(StoreError, match="one embedding, metadata and document per id"):
        store.upsert(["a", "b"], [[1.0, 0.0, 0.0, 0.0]], [META["s1-p1s01"]], ["a"])
    store.upsert([], [], [], [])
    assert store.count() == 0


def test_collection_never_embeds(store: VectorStore) -> None:
    _fill(store)
    coll = store.collection  # type: ignore[attr-defined]
    assert coll.name == collection_name(store.model_id)  # type: ignore[attr-defined]
    assert coll._embedding_function is None
    assert coll.configuration["hnsw"]["space"] == "cosine"


def test_models_use_separate_collections(store: VectorStore, tmp_path, request) -> None:
    _fill(store)
    other_id = store.model_id + "-other"  # type: ignore[attr-defined]
    other = (EmbeddedStore(store.path, other_id) if isinstance(store, EmbeddedStore)  # type: ignore[attr-defined]
             else ServerStore(store.url, other_id))  # type: ignore[attr-defined]
    try:
        assert other.count() == 0
        other.upsert(["x"], [[0.0, 0.0, 0.0, 1.0]], [META["s1-p1s01"]], ["x"])
        assert store.count() == 4 and other.count() == 1
    finally:
        other.reset()


# -- backend specifics --------------------------------------------------------------
def test_collection_name_rules() -> None:
    assert collection_name("all-MiniLM-L6-v2-384") == "steps-all-MiniLM-L6-v2-384"
    assert collection_name("my model..v2 (fine-tuned)/-768") == "steps-my-model.v2-fine-tuned-768"
    assert collection_name("") == "steps"
    assert len(collection_name("x" * 1000)) == 512


def test_embedded_persists_across_reopen(tmp_path) -> None:
    a = EmbeddedStore(tmp_path / "v", "persist-4")
    _fill(a)
    a.close()
    b = EmbeddedStore(tmp_path / "v", "persist-4")
    assert b.count() == 4
    assert b.get_ids("s1") == ["s1-p1s01", "s1-p1s02"]


def test_parse_url() -> None:
    assert parse_url("http://127.0.0.1:8000") == ("127.0.0.1", 8000, False)
    assert parse_url("https://chroma.plant.example") == ("chroma.plant.example", 443, True)
    assert parse_url("http://chroma") == ("chroma", 8000, False)
    with pytest.raises(StoreError, match="must look like http://HOST:PORT"):
        parse_url("127.0.0.1:8000")


def test_unreachable_server_is_one_clear_error() -> None:
    url = f"http://127.0.0.1:{free_port()}"
    store = ServerStore(url, "nowhere-4")
    with pytest.raises(StoreError) as info:
        store.count()
    assert str(info.value) == f"cannot reach Chroma server at {url}: is it running and is the URL right?"


def test_open_store_picks_backend_and_caches(tmp_path) -> None:
    close_stores()
    lib = Library(tmp_path / "lib")
    s = open_store(lib, "pick-4")
    assert isinstance(s, EmbeddedStore)
    assert s.path == lib.vectors_dir
    assert open_store(lib, "pick-4") is s
    assert open_store(lib, "pick-other-4") is not s
    remote = Library(tmp_path / "lib2", overrides={"chroma_url": "http://127.0.0.1:1"})
    r = open_store(remote, "pick-4")
    assert isinstance(r, ServerStore)
    assert r.url == "http://127.0.0.1:1"
    with pytest.raises(StoreError, match=r"^cannot reach Chroma server at http://127.0.0.1:1:"):
        r.query([1.0, 0.0, 0.0, 0.0], 3)
    close_stores()
