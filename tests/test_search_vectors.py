"""Step vectors in the catalog: kept in step with the steps, exact filtered ranking, backfill."""

from __future__ import annotations

import numpy as np
import pytest

import indexing.search as search_module
from indexing.embed import get_embedder
from indexing.library.step_vectors import backfill_from_store, drop_vectors, matrix
from indexing.search import index_steps, search
from indexing.store import close_stores, open_store
from tests.test_search import _build


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    close_stores()
    lib = _build(tmp_path_factory.mktemp("vectors") / "lib")
    index_steps(lib, lib.all_steps())
    yield lib
    close_stores()


def _ranking(hits) -> list[str]:
    return [h.step_id for h in hits]


def test_catalog_holds_every_step_vector(library) -> None:
    model_id = get_embedder().model_id
    m = matrix(library, model_id)
    assert m is not None and m.complete and len(m.ids) == 9
    store = open_store(library, model_id)
    assert sorted(m.ids) == store.get_ids()
    got = store.collection.get(ids=m.ids[:3], include=["embeddings"])
    stored = dict(zip(got["ids"], np.asarray(got["embeddings"]), strict=True))
    for i in m.ids[:3]:
        np.testing.assert_allclose(m.vectors[m.ids.index(i)], stored[i], atol=1e-6)


@pytest.mark.parametrize("filters", [{}, {"workstation": "cnc-7"}, {"category": "inspection"},
                                     {"workstation": "press-3", "category": "setup"}, {"expert": "nobody"}])
def test_exact_ranking_matches_chroma(library, filters) -> None:
    embedder = get_embedder()
    store = open_store(library, embedder.model_id)
    q = embedder.encode(["how do I check a worn part"])[0]
    m = matrix(library, embedder.model_id)
    assert m is not None
    exact = m.nearest(q, 9, m.rows(filters))
    chroma = store.query(q, 9, where=filters or None)
    assert [i for i, _ in exact] == [i for i, _ in chroma]
    np.testing.assert_allclose([d for _, d in exact], [d for _, d in chroma], atol=1e-4)


def test_broad_and_exact_paths_agree(library, monkeypatch) -> None:
    for kwargs in ({}, {"workstation": "Weld-2"}, {"category": "inspection"}):
        exact = _ranking(search(library, "check the tip before welding", k=5, **kwargs))
        monkeypatch.setattr(search_module, "EXACT_MAX_ROWS", 0)  # force Chroma's HNSW route
        hnsw = _ranking(search(library, "check the tip before welding", k=5, **kwargs))
        monkeypatch.setattr(search_module, "EXACT_MAX_ROWS", 20_000)
        assert exact == hnsw and exact, kwargs


def test_deleted_steps_lose_their_vectors_and_backfill_restores(library) -> None:
    model_id = get_embedder().model_id
    with library.writing():
        library.delete_session("weld")
    m = matrix(library, model_id)
    assert m is not None and m.complete and len(m.ids) == 6 and not any(i.startswith("weld") for i in m.ids)
    with library.writing():
        drop_vectors(library, model_id)
    assert matrix(library, model_id) is None
    # A library made before migration 7: its vectors are copied from the store, not re-embedded.
    store = open_store(library, model_id)
    store.delete_where("weld")
    assert backfill_from_store(library, store, model_id) == 6
    m = matrix(library, model_id)
    assert m is not None and m.complete
    after = _ranking(search(library, "lock out the press", k=3))
    assert after and after[0].startswith("press") and not any(i.startswith("weld") for i in after)


def test_matrix_filter_check_agrees_with_the_catalog(library) -> None:
    # Broad filtered searches check over-fetched neighbours against the matrix, not catalog rows.
    from indexing.library.keywords import _matching

    m = matrix(library, get_embedder().model_id)
    assert m is not None
    ids = [*m.ids, "no-such-step"]
    for filters in ({"workstation": "cnc-7"}, {"category": "inspection"}, {"expert": "nobody"},
                    {"workstation": "press-3", "category": "setup"}, {"status": "proposed"}):
        assert m.passing(ids, filters) == _matching(library, ids, filters), filters


def test_cached_catalog_reads_see_every_change(tmp_path) -> None:
    # Languages, settings and the name-term cache are kept per connection until the catalog
    # changes, through this connection or another one (another process's ingest).
    from indexing.library import Library
    from indexing.models import ProcedureDraft, StepDraft
    from indexing.search import name_search
    from indexing.store.index import models_in_use

    reader = _build(tmp_path / "lib")
    writer = Library(tmp_path / "lib")
    assert models_in_use(reader) == ["all-MiniLM-L6-v2"]
    assert name_search(reader, "welding cell", 5) and not name_search(reader, "brazing jig", 5)
    writer.set_setting("search_candidates", 77)
    assert reader.settings()["search_candidates"] == 77
    reader.set_setting("search_candidates", 78)  # this connection's own change
    assert reader.settings()["search_candidates"] == 78
    writer.db["sessions"].insert({
        "session_id": "braze", "title": "Brazing jig set-up", "expert": "Lee", "workstation": "B-1",
        "process": "brazing", "language": "ko", "consent": 1, "sha256": f"{9:064d}", "duration": 60.0,
        "status": "ready", "created_at": "2024-01-09T00:00:00+00:00"})
    writer.db.conn.commit()
    writer.replace_steps("braze", [ProcedureDraft(0, "Brazing jig set-up", 0.0, 60.0)],
                         [StepDraft(0, 0, 0.0, 10.0, "Clamp the jig.", title="Clamp")])
    assert len(models_in_use(reader)) == 2  # the Korean session brings its own model
    assert name_search(reader, "brazing jig", 5) == ["braze-p1s01"]


def test_filtered_blocks_give_the_gathered_rows_ranking() -> None:
    # Exact ranking under a filter reuses that filter's contiguous block of vectors; the ranking
    # and distances must be those of gathering the rows afresh, and the blocks stay in budget.
    from indexing.library.step_vectors import VectorMatrix

    rng = np.random.default_rng(7)
    vecs = rng.normal(size=(400, 16)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    codes = {"category": (np.arange(400) % 4).astype(np.int32), "workstation": (np.arange(400) % 10).astype(np.int32)}
    values = {"category": {f"c{i}": i for i in range(4)}, "workstation": {f"w{i}": i for i in range(10)}}
    m = VectorMatrix([f"s{i}" for i in range(400)], vecs, codes, values, complete=True)

    def fresh(q, rows):
        sims = vecs[rows] @ q
        order = np.argsort(-sims, kind="stable")[:7]
        return [(f"s{rows[t]}", float(1.0 - sims[t])) for t in order]

    for f in ({"category": "c1"}, {"category": "c2", "workstation": "w2"}, {"category": "c3"}):
        rows = m.rows(f)
        assert rows is m.rows(dict(reversed(list(f.items()))))  # the same filter, any key order
        assert not rows.flags.writeable
        for _ in range(2):  # the first call makes the block, the second reads it
            q = rng.normal(size=16).astype(np.float32)
            assert m.nearest(q, 7, rows) == fresh(q, rows), f
    blocks = [b for _, b in m._filtered.values() if b is not None]
    assert blocks and sum(len(b) for b in blocks) <= 200  # half the matrix: the oldest filter's block went
    assert m.rows({}) is None and len(m.rows({"category": "nope"})) == 0
    assert m.passing(["s1", "s5", "s4", "zz"], {"category": "c1"}) == {"s1", "s5"}
