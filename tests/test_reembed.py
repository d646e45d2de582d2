"""Migration 10: a library indexed with the old step documents (note lines) re-embeds on its next open."""

from __future__ import annotations

import numpy as np
import pytest

from indexing.embed import get_embedder
from indexing.library import Library, reembed
from indexing.library.step_vectors import matrix
from indexing.search import index_steps
from indexing.store import close_stores
from indexing.store import index as index_module
from indexing.store.index import session_names, step_document
from tests.test_search import _build


def _vectors(lib: Library) -> dict[str, np.ndarray]:
    m = matrix(lib, get_embedder().model_id)
    assert m is not None and m.complete
    return {i: m.vectors[n] for n, i in enumerate(m.ids)}


def _documents(lib: Library) -> dict[str, str]:
    meta = {r["session_id"]: r for r in lib.db.query("SELECT * FROM sessions")}
    return {s.step_id: step_document(s, session_names(meta[s.session_id])) for s in lib.all_steps()}


def test_step_documents_have_no_note_lines(tmp_path) -> None:
    lib = _build(tmp_path / "lib")
    docs = _documents(lib)
    noted = [s for s in lib.all_steps() if s.tools or s.tips or s.warnings]
    assert noted
    for s in noted:
        assert "Tools:" not in docs[s.step_id] and "Tips:" not in docs[s.step_id]
        assert s.text in docs[s.step_id]


def test_old_library_is_re_embedded_on_open(tmp_path, monkeypatch) -> None:
    close_stores()
    lib = _build(tmp_path / "lib")
    with monkeypatch.context() as m:  # indexed as before migration 10: with note lines
        m.setattr(index_module, "DOCUMENT_NOTES", ("tools", "tips", "warnings"))
        index_steps(lib, lib.all_steps())
    old = _vectors(lib)
    noted = [s.step_id for s in lib.all_steps() if s.tools or s.tips or s.warnings]
    # The catalog as a library of before migration 10 has it.
    lib.db.execute("DELETE FROM migrations WHERE version = 10")
    lib.db.execute(f"DROP TABLE {reembed.TABLE}")
    lib.db.conn.commit()
    close_stores()

    reopened = Library(tmp_path / "lib")
    assert reembed.pending(reopened.db.conn) == []
    new = _vectors(reopened)
    docs = _documents(reopened)
    want = get_embedder().encode([docs[i] for i in noted])
    for i, vec in zip(noted, want, strict=True):
        assert not np.allclose(old[i], new[i], atol=1e-4)  # the note lines are gone from the vector
        np.testing.assert_allclose(new[i], vec, atol=1e-4)
    # Opening again has nothing left to do.
    assert Library(tmp_path / "lib").reembed_pending() == 0
    close_stores()


def test_large_library_is_left_to_reindex(tmp_path, monkeypatch) -> None:
    from indexing.library import vectors
    from indexing.pipeline import reindex

    close_stores()
    lib = _build(tmp_path / "lib")
    index_steps(lib, lib.all_steps())
    with lib.writing(), lib.transaction() as db:
        reembed.add_all(db.conn)
    monkeypatch.setattr(vectors, "REEMBED_ON_OPEN_MAX_STEPS", 2)
    assert Library(tmp_path / "lib").reembed_pending() == 0  # too many for an open
    assert len(reembed.pending(lib.db.conn)) == 3
    assert reindex(lib) == 9
    assert reembed.pending(lib.db.conn) == []
    close_stores()


def test_library_without_vectors_only_clears_the_list(tmp_path) -> None:
    lib = _build(tmp_path / "lib")
    assert not lib.has_vectors()
    with lib.writing(), lib.transaction() as db:
        reembed.add_all(db.conn)
    assert len(reembed.pending(lib.db.conn)) == len({s.session_id for s in lib.all_steps()})
    assert lib.reembed_pending() == 0
    assert reembed.pending(lib.db.conn) == []


@pytest.mark.parametrize("version", [10])
def test_migration_is_registered(version: int) -> None:
    from indexing.library.schema import LATEST, MIGRATIONS

    assert version in [v for v, _, _ in MIGRATIONS] and LATEST >= version
