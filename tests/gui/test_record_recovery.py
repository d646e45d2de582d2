"""A recording killed mid-way (kill -9) is found on the next start and recovered."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import av
import pytest

from capture_app.recording.recovery import RECOVERED_NAME, RecoveryError, discard, find_unfinished, recover
from capture_app.recording.session import FINISHED, Recorder, RecordingError, recordings_dir
from capture_app.recording.sources import GeneratedSource
from indexing.models import Marker

SCRIPT = textwrap.dedent(
    """
    import sys, time
    from capture_app.recording.session import Recorder
    from capture_app.recording.sources import GeneratedSource

    rec = Recorder(sys.argv[1], GeneratedSource(640, 360, 30.0))
    rec.start({"title": "Killed", "expert": "Lee", "workstation": "P4", "process": "Press",
               "language": "en", "consent": True})
    print("started", flush=True)
    for when, kind in ((1.0, "step"), (2.0, "tip")):
        while rec.media_time() < when:
            time.sleep(0.01)
        marker_id, marker = rec.mark(kind)
        if kind == "tip":
            rec.set_note(marker_id, marker, "listen for the click")
        print(f"marker {marker.t}", flush=True)
    while True:
        print(f"t {rec.media_time():.3f}", flush=True)
        time.sleep(0.05)
    """
)


def _kill_recording(tmp_path: Path, seconds: float) -> tuple[Path, list[float], float]:
    script = tmp_path / "record.py"
    script.write_text(SCRIPT)
    library = tmp_path / "library"
    proc = subprocess.Popen([sys.executable, str(script), str(library)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    marks: list[float] = []
    newest = 0.0
    try:
        assert proc.stdout.readline().strip() == "started"
        for line in proc.stdout:
            word, value = line.split()
            if word == "marker":
                marks.append(float(value))
            else:
                newest = float(value)
            if newest >= seconds:
                break
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    return library, marks, newest


def test_killed_recording_is_found_and_recovered(tmp_path: Path) -> None:
    library, marks, killed_at = _kill_recording(tmp_path, 4.0)
    assert len(marks) == 2

    found = find_unfinished(library)
    assert len(found) == 1
    rec = found[0]
    assert rec.title == "Killed" and rec.form["expert"] == "Lee"
    assert rec.markers == [Marker(marks[0], "step", ""), Marker(marks[1], "tip", "listen for the click")]
    assert killed_at - 2.0 <= rec.duration <= killed_at + 0.2  # at most 2 s lost

    path, meta = recover(rec)
    assert path == rec.folder / RECOVERED_NAME
    assert {k: meta[k] for k in ("title", "expert", "workstation", "process", "language", "consent")} == {
        "title": "Killed", "expert": "Lee", "workstation": "P4", "process": "Press", "language": "en",
        "consent": True}
    assert meta["markers"] == rec.markers
    with av.open(str(path)) as c:
        assert len(c.streams.video) == 1 and len(c.streams.audio) == 1
        duration = c.duration / 1e6
        frames = sum(1 for _ in c.decode(video=0))
    assert duration == pytest.approx(rec.duration, abs=0.1)
    assert frames >= int((killed_at - 2.0) * 30)
    assert json.loads((rec.folder / FINISHED).read_text())["recovered"] is True
    assert find_unfinished(library) == []  # not offered twice


def test_a_live_recording_is_not_offered_for_recovery(tmp_path: Path) -> None:
    rec = Recorder(tmp_path, GeneratedSource(320, 240, 15.0))
    with pytest.raises(RecordingError, match="consent"):
        rec.start({"title": "x", "consent": False})
    rec.start({"title": "live", "consent": True})
    try:
        time.sleep(0.3)
        assert find_unfinished(tmp_path) == []  # our own lock is held
    finally:
        rec.detach()
    assert (rec.folder / FINISHED).exists()
    assert find_unfinished(tmp_path) == []


def test_an_empty_interrupted_recording_cannot_be_recovered(tmp_path: Path) -> None:
    folder = recordings_dir(tmp_path) / "20240101-000000-000000"
    folder.mkdir(parents=True)
    (folder / "session.json").write_text(json.dumps({"title": "Nothing", "consent": True}))
    (folder / "recording.mp4").write_bytes(b"")
    [rec] = find_unfinished(tmp_path)
    assert rec.duration == 0.0
    with pytest.raises(RecoveryError, match="Nothing"):
        recover(rec)
    discard(rec)
    assert find_unfinished(tmp_path) == []
