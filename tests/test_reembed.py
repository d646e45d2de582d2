"""Migration 10: a library indexed with the old step documents (note lines) is listed for re-embedding.

Opening it changes no vector (every command and the app's first paint stay fast); the app re-embeds
the listed sessions in the background, `knowhow reindex --pending` from the command line.
"""

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


def _old_library(root):  # type: ignore[no-untyped-def]
    """A library as it was before migration 10: vectors of documents with note lines."""
    lib = _build(root)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(index_module, "DOCUMENT_NOTES", ("tools", "tips", "warnings"))
        index_steps(lib, lib.all_steps())
    lib.db.execute("DELETE FROM migrations WHERE version = 10")
    lib.db.execute(f"DROP TABLE {reembed.TABLE}")
    lib.db.conn.commit()
    return lib


def test_an_old_library_is_listed_on_open_and_re_embedded_on_demand(tmp_path) -> None:  # type: ignore[no-untyped-def]
    close_stores()
    lib = _old_library(tmp_path / "lib")
    old = _vectors(lib)
    noted = [s.step_id for s in lib.all_steps() if s.tools or s.tips or s.warnings]
    assert noted
    close_stores()

    reopened = Library(tmp_path / "lib")
    assert len(reembed.pending(reopened.db.conn)) == 3
    assert _vectors(reopened).keys() == old.keys()
    for i in old:  # opening changed no vector
        np.testing.assert_array_equal(_vectors(reopened)[i], old[i])

    assert reopened.reembed_pending() == 9
    assert reembed.pending(reopened.db.conn) == []
    new = _vectors(reopened)
    docs = _documents(reopened)
    want = get_embedder().encode([docs[i] for i in noted])
    for i, vec in zip(noted, want, strict=True):
        assert not np.allclose(old[i], new[i], atol=1e-4)  # the note lines are gone from the vector
        np.testing.assert_allclose(new[i], vec, atol=1e-4)
    assert Library(tmp_path / "lib").reembed_pending() == 0  # nothing left to do
    close_stores()


def test_a_cancelled_re_embedding_keeps_the_rest_listed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from indexing.errors import CancelledError
    from indexing.progress import CancelToken

    close_stores()
    _old_library(tmp_path / "lib")
    lib = Library(tmp_path / "lib")
    token = CancelToken()
    seen: list[str] = []

    def progress(p) -> None:  # type: ignore[no-untyped-def]
        seen.append(p.message)
        if len(seen) == 2:
            token.cancel()

    with pytest.raises(CancelledError):
        lib.reembed_pending(progress=progress, cancel=token)
    assert seen == ["session 1 of 3", "session 2 of 3"]
    assert len(reembed.pending(lib.db.conn)) == 1  # the second finished; the third waits
    close_stores()


def test_reindex_pending_on_the_command_line(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from indexing.cli import main
    from indexing.pipeline import reindex

    close_stores()
    _old_library(tmp_path / "lib")
    close_stores()
    assert main(["--library", str(tmp_path / "lib"), "reindex", "--pending", "--json", "-q"]) == 0
    assert json.loads(capsys.readouterr().out)["steps"] == 9
    assert main(["--library", str(tmp_path / "lib"), "reindex", "--pending", "--json", "-q"]) == 0
    assert json.loads(capsys.readouterr().out)["steps"] == 0
    lib = Library(tmp_path / "lib")
    with lib.writing(), lib.transaction() as db:
        reembed.add_all(db.conn)
    assert reindex(lib) == 9  # a full rebuild clears the list too
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
