"""Batch ingest on a real local Ray runtime, committing to a real Chroma server."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from indexing.batch import BatchError, batch_ingest, collect
from indexing.cli import main
from indexing.compute import compute_session
from indexing.errors import IndexingError
from indexing.library import Library
from indexing.pipeline import request_for
from indexing.search import search
from tests.conftest import SAMPLE
from tests.conftest_chroma import free_port, running_chroma_server
from tests.snapshot import snapshot


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two short narrated clips cut from the sample, a copy of one, and a file that is not media."""
    d = tmp_path_factory.mktemp("batch")
    for i, start in enumerate((1, 36)):
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-ss", str(start), "-t", "14", "-i", str(SAMPLE),
                        "-vn", "-c:a", "aac", str(d / f"clip{i}.m4a")], check=True)
    shutil.copyfile(d / "clip0.m4a", d / "copy of clip0.m4a")
    (d / "notes.mp4").write_text("not a recording")
    return d


def test_collect_expands_folders_and_rejects_missing_paths(clips: Path, tmp_path: Path) -> None:
    files = collect([clips, clips / "clip0.m4a"])
    assert [f.name for f in files] == ["clip0.m4a", "clip1.m4a", "copy of clip0.m4a", "notes.mp4"]
    with pytest.raises(BatchError, match="no such file"):
        collect([tmp_path / "nope"])


def test_a_ray_address_that_does_not_answer_fails_fast(clips: Path, tmp_path: Path, capsys) -> None:
    lib = Library(tmp_path / "lib")
    before = snapshot(lib.root)
    t0 = time.monotonic()
    code = main(["--library", str(lib.root), "batch-ingest", str(clips / "clip0.m4a"),
                 "--ray", f"127.0.0.1:{free_port()}"])
    err = capsys.readouterr().err
    assert code == 2 and time.monotonic() - t0 < 15
    assert err.count("\n") == 1 and "cannot reach the Ray cluster" in err
    assert snapshot(lib.root) == before


def test_without_ray_a_batch_computes_in_this_process(clips: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    """Where Ray is missing (the installed app) the same checks, worker code and commits run here."""
    from indexing.batch import runner

    monkeypatch.setattr(runner, "ray_installed", lambda: False)
    monkeypatch.setattr(runner, "_start_ray", lambda *a: pytest.fail("no Ray runtime may start"))
    lib = Library(tmp_path / "lib")
    code = main(["--library", str(lib.root), "batch-ingest", str(clips / "clip0.m4a"), str(clips / "notes.mp4"),
                 str(clips / "copy of clip0.m4a"), "--workers", "2", "--json"])
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert code == 2  # notes.mp4 failed
    assert (doc["runner"], doc["workers"], doc["added"], doc["duplicates"], doc["failed"]) == ("in-process", 1, 1, 1, 1)
    assert "computing one recording at a time" in captured.err and "not a media file" in captured.err
    (added,) = [f for f in doc["files"] if f["status"] == "added"]
    assert lib.session(added["session_id"]).step_count == added["steps"] >= 1
    hits = search(lib, "lock out the press", k=3)
    assert hits and hits[0].session_id == added["session_id"]
    # the same batch again changes nothing
    before = snapshot(lib.root)
    again = batch_ingest(lib, [clips / "clip0.m4a"], workers=2)
    assert [f.status for f in again.files] == ["already"] and snapshot(lib.root) == before


def test_a_ray_address_without_ray_is_one_line_and_changes_nothing(clips: Path, tmp_path: Path, monkeypatch,
                                                                   capsys) -> None:
    from indexing.batch import runner

    monkeypatch.setattr(runner, "ray_installed", lambda: False)
    lib = tmp_path / "lib"
    code = main(["--library", str(lib), "batch-ingest", str(clips / "clip0.m4a"), "--ray", "127.0.0.1:6379"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "needs Ray" in err
    assert not lib.exists()


@pytest.mark.slow
@pytest.mark.server
def test_batch_on_local_ray_commits_to_a_chroma_server(clips: Path, chroma_server: str, tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib", overrides={"chroma_url": chroma_server})
    seen = []
    result = batch_ingest(lib, [clips], workers=2, progress=lambda o, done, total: seen.append((done, total)))
    by_name = {Path(f.path).name: f for f in result.files}
    assert {n: f.status for n, f in by_name.items()} == {
        "clip0.m4a": "added", "clip1.m4a": "added", "copy of clip0.m4a": "duplicate", "notes.mp4": "failed"}
    assert "not a media file" in by_name["notes.mp4"].error
    assert seen[-1] == (4, 4) and len(seen) == 4
    assert sorted(s.session_id for s in lib.sessions()) == sorted(
        by_name[n].session_id for n in ("clip0.m4a", "clip1.m4a"))
    assert all(s.status == "needs review" and s.step_count >= 1 for s in lib.sessions())
    assert not (lib.root / "vectors").exists()  # the vectors went to the server
    hits = search(lib, "lock out the press", k=3)
    assert hits and hits[0].session_id == by_name["clip0.m4a"].session_id
    # the committer holds the lock for a small share of the batch
    assert 0 < result.lock_s < 0.5 * result.wall_s
    # the same batch again changes nothing (and starts no Ray: nothing is left to compute)
    before = snapshot(lib.root)
    again = batch_ingest(lib, [clips], workers=2)
    assert [f.status for f in again.files] == ["already", "already", "already", "failed"]
    assert snapshot(lib.root) == before
    log = json.loads(json.dumps(lib.audit_log("batch ingest")))
    assert len(log) == 1 and log[0]["detail"]["added"] == 2


@pytest.mark.slow
@pytest.mark.server
def test_a_chroma_server_that_goes_away_fails_that_commit_and_keeps_the_finished_ones(
        clips: Path, tmp_path: Path) -> None:
    """The batch committer's contract: a commit whose store is gone fails whole, with one line,
    and what was committed before stays (the runner reports that file failed and goes on)."""
    with running_chroma_server(tmp_path / "server") as (url, proc):
        lib = Library(tmp_path / "lib", overrides={"chroma_url": url})
        computed = [compute_session(request_for(lib, clips / f"clip{i}.m4a", title=f"clip{i}")) for i in (0, 1)]
        first = lib.commit_session(computed[0], action="ingest")
        proc.terminate()
        proc.wait(timeout=30)
        before = snapshot(lib.root)
        t0 = time.monotonic()
        with pytest.raises(IndexingError) as caught:
            lib.commit_session(computed[1], action="ingest")
        assert time.monotonic() - t0 < 60 and "\n" not in str(caught.value)
        assert snapshot(lib.root) == before
        assert [s.session_id for s in lib.sessions()] == [first.session_id]
        assert lib.session(first.session_id).step_count == len(computed[0].steps)
