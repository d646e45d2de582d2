"""The catalog: migrations, sessions, steps, terms, settings and the writer lock."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from indexing.errors import LibraryBusyError, LibraryError, NotFoundError, SettingError
from indexing.library import Library
from indexing.library.schema import LATEST, MIGRATIONS
from indexing.models import Marker, ProcedureDraft, StepDraft


def _session(lib: Library, sid: str = "s1") -> None:
    with lib.transaction() as db:
        db["sessions"].insert({"session_id": sid, "sha256": sid * 4, "title": "T", "duration": 30.0,
                               "created_at": "2026-01-01", "status": "ready"})


def _steps(lib: Library, sid: str = "s1") -> list[str]:
    procs = [ProcedureDraft(0, "Die change", 0.0, 30.0)]
    steps = [
        StepDraft(0, 0, 0.0, 10.0, "Lock out the press.", title="Lock out the press",
                  category="safety", tools=["padlock"], warnings=["Never skip it."]),
        StepDraft(0, 1, 10.0, 30.0, "Loosen the clamp bolts.", title="Loosen the clamp bolts",
                  tools=["19 mm socket"], tips=["Work corner to corner."]),
    ]
    return lib.replace_steps(sid, procs, steps)


def test_new_library_is_migrated(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    assert (tmp_path / "lib" / "catalog.db").exists()
    versions = [r[0] for r in lib.db.execute("SELECT version FROM migrations")]
    assert versions == [v for v, _, _ in MIGRATIONS] and versions[-1] == LATEST  # gaps are allowed
    assert lib.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # opening again runs nothing twice
    Library(tmp_path / "lib")
    assert [r[0] for r in lib.db.execute("SELECT version FROM migrations")] == versions


def test_missing_library_without_create(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="no library"):
        Library(tmp_path / "none", create=False)


def test_unwritable_library_path(tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(LibraryError, match="cannot create library"):
        Library(f / "lib")


def test_not_a_catalog(tmp_path: Path) -> None:
    (tmp_path / "catalog.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(LibraryError, match="cannot open catalog"):
        Library(tmp_path)


def test_steps_round_trip_and_edit(tmp_path: Path) -> None:
    lib = Library(tmp_path)
    _session(lib)
    ids = _steps(lib)
    assert ids == ["s1-p1s01", "s1-p1s02"]
    steps = lib.steps("s1")
    assert [s.title for s in steps] == ["Lock out the press", "Loosen the clamp bolts"]
    assert steps[0].procedure == "Die change"
    assert steps[0].tools == ("padlock",) and steps[0].warnings == ("Never skip it.",)
    assert steps[1].tips == ("Work corner to corner.",) and steps[1].status == "proposed"
    edited = lib.update_step("s1-p1s02", title="Undo the clamp bolts", tools=["breaker bar"])
    assert edited.title == "Undo the clamp bolts" and edited.tools == ("breaker bar",)
    assert lib.update_step("s1-p1s02", status="approved").status == "approved"
    # keyword index follows edits (FTS5 triggers)
    rows = lib.db.execute("SELECT rowid FROM steps_fts WHERE steps_fts MATCH 'undo'").fetchall()
    assert len(rows) == 1
    with pytest.raises(SettingError, match="category"):
        lib.update_step("s1-p1s02", category="magic")
    with pytest.raises(SettingError, match="cannot be edited"):
        lib.update_step("s1-p1s02", session_id="x")
    with pytest.raises(NotFoundError):
        lib.update_step("nope", title="x")


def test_unknown_session(tmp_path: Path) -> None:
    lib = Library(tmp_path)
    with pytest.raises(NotFoundError, match="unknown session 'zzz'"):
        lib.steps("zzz")


def test_delete_session_removes_everything(tmp_path: Path) -> None:
    lib = Library(tmp_path)
    _session(lib)
    _steps(lib)
    lib.replace_markers("s1", [Marker(1.0, "step")])
    lib.media_dir("s1").mkdir(parents=True)
    (lib.media_dir("s1") / "x.jpg").write_bytes(b"1")
    lib.delete_session("s1")
    for table in ("sessions", "steps", "procedures", "markers"):
        assert lib.db[table].count == 0
    assert lib.db.execute("SELECT count(*) FROM steps_fts").fetchone()[0] == 0
    assert not lib.media_dir("s1").exists()


def test_terms_and_settings(tmp_path: Path) -> None:
    lib = Library(tmp_path)
    lib.add_terms(["bolster", "shut height"])
    lib.add_terms(["PX-4471"], confidential=True)
    assert lib.glossary() == ["bolster", "PX-4471", "shut height"]
    assert lib.confidential_terms() == ["PX-4471"]
    lib.set_setting("asr_beam_size", "2")
    assert lib.setting("asr_beam_size") == 2
    with pytest.raises(SettingError, match="expects int"):
        lib.set_setting("asr_beam_size", "two")
    with pytest.raises(SettingError, match="unknown setting"):
        lib.set_setting("colour", "red")
    assert Library(tmp_path, overrides={"asr_beam_size": 1}).setting("asr_beam_size") == 1


def _hold_lock(root: str, ready, release) -> None:  # type: ignore[no-untyped-def]
    lib = Library(root)
    with lib.writing("test"):
        ready.set()
        release.wait(20)


def test_second_writer_waits_briefly_then_gets_busy(tmp_path: Path) -> None:
    lib = Library(tmp_path, overrides={"lock_wait": 0.5})
    ctx = mp.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    proc = ctx.Process(target=_hold_lock, args=(str(tmp_path), ready, release))
    proc.start()
    try:
        assert ready.wait(60)
        t0 = time.monotonic()
        with pytest.raises(LibraryBusyError, match="library is busy.*pid"):
            lib.add_terms(["x"])
        assert 0.4 < time.monotonic() - t0 < 5  # it waited its turn, boundedly
        assert lib.terms() == []  # reads still work while another process writes
        # a writer that waits longer than the holder's commit gets its turn
        lib.lock.wait = 30
        threading.Timer(0.5, release.set).start()
        t0 = time.monotonic()
        lib.add_terms(["x"])
        assert time.monotonic() - t0 < 20
    finally:
        release.set()
        proc.join(30)
    assert lib.glossary() == ["x"]
    lib.add_terms(["y"])  # the lock died with its holder
    assert lib.glossary() == ["x", "y"]


def test_catalog_survives_concurrent_reader(tmp_path: Path) -> None:
    lib = Library(tmp_path)
    _session(lib)
    reader = sqlite3.connect(tmp_path / "catalog.db")
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1
    _steps(lib)  # the writer is not blocked by an open read transaction (WAL)
    reader.rollback()
    assert reader.execute("SELECT count(*) FROM steps").fetchone()[0] == 2


def test_a_failed_transaction_writes_nothing(tmp_path: Path) -> None:
    """sqlite-utils writes inside `transaction()` commit together or not at all (they used to
    commit one by one, so a store failure mid-commit left half a session in the catalog)."""
    lib = Library(tmp_path / "lib")
    with pytest.raises(RuntimeError), lib.writing("test"), lib.transaction() as db:
        db.table("audit").insert({"at": "now", "action": "first", "detail": "{}"})
        db.table("audit").insert_all([{"at": "now", "action": "second", "detail": "{}"}])
        db.table("terms").insert({"term": "M8 bolt", "confidential": 0})
        raise RuntimeError("the vector store went away")
    assert lib.audit_log("first") == [] and lib.audit_log("second") == []
    assert "M8 bolt" not in lib.glossary()
    with lib.writing("test"), lib.transaction() as db:
        db.table("audit").insert({"at": "now", "action": "first", "detail": "{}"})
        with pytest.raises(RuntimeError), lib.transaction() as inner:  # nested: a savepoint
            inner.table("audit").insert({"at": "now", "action": "second", "detail": "{}"})
            raise RuntimeError("inner")
    assert len(lib.audit_log("first")) == 1 and lib.audit_log("second") == []


def test_migration_9_re_derives_every_keyword_row(tmp_path: Path) -> None:
    """A library indexed before Korean synonym heads existed gets its keyword rows rebuilt."""
    from indexing.library.keywords import keyword_search

    lib = Library(tmp_path / "lib")
    lib.db["sessions"].insert({"session_id": "ko", "title": "유압 점검", "language": "ko", "consent": 1,
                               "sha256": "k" * 64, "duration": 30.0, "status": "ready",
                               "created_at": "2024-01-01T00:00:00+00:00"})
    lib.db.conn.commit()
    lib.replace_steps("ko", [ProcedureDraft(0, "유압 점검", 0.0, 30.0)],
                      [StepDraft(0, 0, 0.0, 30.0, "피팅 주변에 누유가 있는지 확인합니다.", title="누유 확인")])
    assert keyword_search(lib, "기름이 새는지 어떻게 봐요", 5)[0] == ["ko-p1s01"]
    # as an older version left it: rows without synonym heads (here: none at all)
    lib.db.execute("DELETE FROM steps_fts")
    lib.db.execute("DELETE FROM migrations WHERE version = 9")
    lib.db.conn.commit()
    assert keyword_search(lib, "누유", 5)[0] == []
    again = Library(tmp_path / "lib", create=False)
    assert keyword_search(again, "기름이 새는지 어떻게 봐요", 5)[0] == ["ko-p1s01"]


def test_keyword_search_sees_a_reviewers_edit_at_once(tmp_path) -> None:
    """Term counts are cached between queries; an edited step (same rowid, no step added) must not
    be hidden behind a cached count of 0 ("measure the sag" asked before the reviewer wrote it)."""
    from indexing.library.keywords import keyword_search
    from tests.textlibrary import one_session_library

    lib = one_session_library(tmp_path / "lib", "en1", "Belt tension", [
        ("Stop the conveyor", "Stop the conveyor and lock the isolator."),
        ("Check the belt", "Press the melt sack in the middle of the span."),
    ], expert="Sam", workstation="C-1", process="conveyor", language="en", index=False)
    assert keyword_search(lib, "measure the sag", 5)[0] == []
    lib.update_step("en1-p1s02", text="Press the belt in the middle of the span and measure the sag.",
                    reindex=False)
    assert keyword_search(lib, "measure the sag", 5)[0] == ["en1-p1s02"]
