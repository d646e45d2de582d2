"""The `knowhow` command-line contract (DESIGN.md), run as a real subprocess.

Uses the session-wide sample library (one real ingest) and copies of it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE, SAMPLE_MARKERS
from tests.mediafactory import noise_wav, silence_wav, truncate_copy, video_only
from tests.snapshot import snapshot

pytestmark = pytest.mark.slow

STEP_FIELDS = {"step_id", "session_id", "procedure", "index", "start", "end", "title", "text",
               "category", "tools", "tips", "warnings", "keyframe", "status"}
HIT_FIELDS = {"step_id", "session_id", "index", "start", "end", "title", "text", "score"}


def knowhow(*args: str, library: Path | None = None, env: dict[str, str] | None = None,
            timeout: int = 600) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "indexing.cli"]
    if library is not None:
        cmd += ["--library", str(library)]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def test_sessions_steps_search_json(sample_library) -> None:
    lib = sample_library.root
    sid = sample_library.sample_session_id
    out = knowhow("sessions", "--json", library=lib)
    assert out.returncode == 0, out.stderr
    sessions = json.loads(out.stdout)
    assert [s["session_id"] for s in sessions] == [sid]
    out = knowhow("steps", sid, "--json", library=lib)
    assert out.returncode == 0, out.stderr
    steps = json.loads(out.stdout)
    assert steps and all(STEP_FIELDS <= set(s) for s in steps)
    assert all(Path(s["keyframe"]).exists() for s in steps)
    out = knowhow("search", "how do I undo the clamp bolts", "-k", "3", "--json", library=lib)
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert 1 <= len(hits) <= 3 and all(HIT_FIELDS <= set(h) for h in hits)
    assert "bolt" in (hits[0]["title"] + hits[0]["text"]).lower()
    out = knowhow("search", "clamp bolts", "--workstation", "NOPE", "--json", library=lib)
    assert out.returncode == 0 and json.loads(out.stdout) == []


def test_ingest_again_changes_nothing(copy_library) -> None:
    before = snapshot(copy_library.root)
    out = knowhow("ingest", str(SAMPLE), "--json", library=copy_library.root)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert set(doc) == {"session_id", "duration", "procedures", "steps"}
    assert doc["session_id"] == copy_library.sample_session_id
    assert snapshot(copy_library.root) == before


def test_ingest_with_markers_uses_them(tmp_path: Path) -> None:
    out = knowhow("ingest", str(SAMPLE), "--markers", str(SAMPLE_MARKERS), "--title", "Die change",
                  "--expert", "Kim", "--workstation", "P4", "--json", library=tmp_path / "lib")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    markers = [m for m in json.loads(SAMPLE_MARKERS.read_text()) if m["kind"] == "step"]
    assert doc["steps"] == len(markers)
    steps = json.loads(knowhow("steps", doc["session_id"], "--json", library=tmp_path / "lib").stdout)
    for step, marker in zip(steps[1:], markers[1:], strict=True):
        assert abs(step["start"] - marker["t"]) <= 1.5


def _bad_inputs(d: Path) -> dict[str, Path]:
    (d / "empty.mp4").write_bytes(b"")
    (d / "notes.mp4").write_text("not a video " * 500)
    return {
        "not-media": d / "notes.mp4",
        "zero-bytes": d / "empty.mp4",
        "truncated": truncate_copy(SAMPLE, d / "cut.mp4", 0.4),
        "no-audio": video_only(d / "silent-video.mp4"),
        "silence": silence_wav(d / "silence.wav", 20),
        "noise": noise_wav(d / "noise.wav", 20),
        "missing": d / "nope.mp4",
    }


def test_bad_inputs_give_one_line_and_change_nothing(copy_library, tmp_path: Path) -> None:
    before = snapshot(copy_library.root)
    for name, path in _bad_inputs(tmp_path).items():
        out = knowhow("ingest", str(path), "--json", library=copy_library.root)
        assert out.returncode == 2, (name, out.stderr)
        assert out.stdout == "", name
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("knowhow: error: "), (name, out.stderr)
        assert "Traceback" not in out.stderr
        assert snapshot(copy_library.root) == before, name


def test_silence_and_noise_make_no_steps(copy_library, tmp_path: Path) -> None:
    for path in (silence_wav(tmp_path / "s.wav", 20), noise_wav(tmp_path / "n.wav", 20)):
        out = knowhow("ingest", str(path), library=copy_library.root)
        assert out.returncode == 2 and "no speech" in out.stderr
    assert len(copy_library.sessions()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["steps", "nosuchsession"], "unknown session"),
        (["--asr-model", "/nonexistent/model", "ingest", str(SAMPLE)], "does not exist"),
        (["--embed-model", "/nonexistent/model", "ingest", str(SAMPLE)], "does not exist"),
        (["ingest", str(SAMPLE), "--markers", "/nonexistent.json"], "markers file"),
        (["search", "   "], "empty"),
    ],
    ids=["unknown-session", "asr-model-path", "embed-model-path", "markers-file", "empty-query"],
)
def test_contract_errors(copy_library, args: list[str], message: str) -> None:
    before = snapshot(copy_library.root)
    out = knowhow(*args, library=copy_library.root)
    assert out.returncode == 2, out.stderr
    assert message in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert snapshot(copy_library.root) == before


def test_unreadable_library_path(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = knowhow("sessions", library=blocker / "lib")
    assert out.returncode == 2 and out.stderr.startswith("knowhow: error: cannot create library")


def test_terms_round_trip(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    assert knowhow("terms", "add", "bolster", "shut height", library=lib).returncode == 0
    assert knowhow("terms", "add", "--confidential", "PX-4471", library=lib).returncode == 0
    out = knowhow("terms", "list", "--json", library=lib)
    assert json.loads(out.stdout) == [
        {"term": "bolster", "confidential": False},
        {"term": "PX-4471", "confidential": True},
        {"term": "shut height", "confidential": False},
    ]
