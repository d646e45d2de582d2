"""At start-up the main window offers interrupted and never-ingested recordings in a banner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from capture_app import messages
from capture_app.app import MainWindow, ViewSpec, _make_library
from capture_app.recording.recovery import (
    INGESTED,
    NOT_INGESTED,
    RECOVERED_NAME,
    discard,
    find_not_ingested,
    find_unfinished,
    recording_folder,
)
from capture_app.recording.session import FINISHED, recordings_dir
from capture_app.widgets.common import TARGET_PX, fmt_time
from capture_app.workers import IngestItem, IngestQueue
from indexing.library import Library
from indexing.models import Marker
from tests.gui.test_record_recovery import _kill_recording
from tests.gui.tiny import TINY_SESSION, make_video

FORM = {"title": "Bench test", "expert": "Ana", "workstation": "B2", "process": "Deburr", "language": "",
        "consent": True, "started_at": "2026-02-01T10:00:00+01:00"}


def _finished_folder(root: Path, stamp: str, *, duration: float = 2.0, media: bytes | None = None,
                     media_name: str = "recording.mp4", finished: dict | None = None) -> Path:
    """A recording folder as `Recorder.stop` leaves it, with two markers (one past `duration`)."""
    folder = recordings_dir(root) / stamp
    folder.mkdir(parents=True)
    (folder / "session.json").write_text(json.dumps(FORM))
    (folder / "markers.jsonl").write_text(
        '{"id": 1, "t": 0.5, "kind": "step", "note": ""}\n'
        '{"id": 2, "t": 1.25, "kind": "tip", "note": ""}\n'
        '{"id": 2, "t": 1.25, "kind": "tip", "note": "file the edge"}\n'
        '{"id": 3, "t": 9.0, "kind": "step", "note": ""}\n')
    if media is None:
        make_video(folder / media_name, seconds=duration, fps=5)
    else:
        (folder / media_name).write_bytes(media)
    (folder / FINISHED).write_text(json.dumps({"duration": duration, **(finished or {})}))
    return folder


def _window(qtbot, library, monkeypatch, views=None, **kwargs) -> tuple[MainWindow, list]:
    calls: list[tuple[str, dict]] = []

    def enqueue(self, path, **meta):
        calls.append((str(path), meta))
        return True

    monkeypatch.setattr(IngestQueue, "enqueue", enqueue)
    win = MainWindow(library, views=views, **kwargs)
    qtbot.addWidget(win)
    messages.install(win)
    return win, calls


def test_find_not_ingested(tmp_path, tiny_library):
    root = Path(tiny_library.root)
    offered = _finished_folder(root, "20260201-100000-000000")
    _finished_folder(root, "20260201-110000-000000", media=b"x")
    (recordings_dir(root) / "20260201-110000-000000" / INGESTED).write_text("{}")
    _finished_folder(root, "20260201-120000-000000", media=b"x", finished={"discarded": True})
    recovered = _finished_folder(root, "20260201-130000-000000", duration=1.0, media=b"y",
                                 media_name=RECOVERED_NAME, finished={"recovered": True, "media": RECOVERED_NAME})
    unfinished = _finished_folder(root, "20260201-140000-000000", media=b"z")
    (unfinished / FINISHED).unlink()
    known = _finished_folder(root, "20260201-150000-000000", media=b"")
    shutil.copyfile(tiny_library.media_dir(TINY_SESSION) / "source.mp4", known / "recording.mp4")

    found = find_not_ingested(root)  # no library: no hash look-up
    assert [(r.folder.name, r.media_path.name, r.kind, r.duration, r.title) for r in found] == [
        ("20260201-100000-000000", "recording.mp4", NOT_INGESTED, 2.0, "Bench test"),
        ("20260201-130000-000000", RECOVERED_NAME, NOT_INGESTED, 1.0, "Bench test"),
        ("20260201-150000-000000", "recording.mp4", NOT_INGESTED, 2.0, "Bench test"),
    ]
    assert found[0].markers == [Marker(0.5, "step", ""), Marker(1.25, "tip", "file the edge")]
    assert found[1].markers == [Marker(0.5, "step", "")]
    assert found[0].form == FORM and found[0].started_at == FORM["started_at"]

    # the tiny library holds a finished session with the bytes of `known`: it counts as ingested
    found = find_not_ingested(root, tiny_library)
    assert [r.folder for r in found] == [offered, recovered]
    assert json.loads((known / INGESTED).read_text())["session_id"] == TINY_SESSION

    discard(found[1])
    assert json.loads((recovered / INGESTED).read_text())["discarded"] is True
    assert "discarded" not in json.loads((recovered / FINISHED).read_text())
    assert [r.folder for r in find_not_ingested(root, tiny_library)] == [offered]
    assert [r.folder for r in find_unfinished(root)] == [unfinished]

    assert recording_folder(offered / "recording.mp4") == offered
    assert recording_folder(tiny_library.media_dir(TINY_SESSION) / "source.mp4") is None


def test_killed_recording_is_offered_and_recovered_at_start(qtbot, tmp_path, monkeypatch):
    root, marks, _killed_at = _kill_recording(tmp_path, 4.5)
    assert len(marks) == 2
    [expected] = find_unfinished(root)
    win, calls = _window(qtbot, Library(root), monkeypatch, source="generated")
    banner = win.recovery_banner
    assert not banner.isVisible()
    win.show()
    qtbot.waitUntil(banner.isVisible, timeout=20000)
    assert banner.parent() is win.views["Record"]  # at the top of the Record view
    assert banner.label.text() == f"1 unfinished recording found: Killed, {fmt_time(expected.duration)}"
    assert banner.action_button.text() == "Recover"
    assert banner.action_button.height() >= TARGET_PX and banner.discard_button.height() >= TARGET_PX
    rec = banner.current()

    qtbot.mouseClick(banner.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(calls), timeout=20000)
    kept = [m for m in expected.markers if m.t <= rec.duration]
    assert kept[0] == Marker(marks[0], "step", "")
    assert calls == [(str(expected.folder / RECOVERED_NAME), {
        "title": "Killed", "expert": "Lee", "workstation": "P4", "process": "Press", "language": "en",
        "markers": kept, "consent": True})]
    assert not banner.isVisible() and banner.items == []
    assert json.loads((expected.folder / FINISHED).read_text())["recovered"] is True
    assert messages.history()[-1].text == f"Recording saved; importing {RECOVERED_NAME} in the background."
    win.shutdown()


def test_finished_not_ingested_is_offered_with_import(qtbot, tmp_path, monkeypatch):
    library = Library(tmp_path / "lib")
    folder = _finished_folder(Path(library.root), "20260201-100000-000000")
    win, calls = _window(qtbot, library, monkeypatch, views=[ViewSpec("Library", _make_library)])
    banner = win.recovery_banner
    win.show()
    qtbot.waitUntil(banner.isVisible, timeout=20000)
    assert banner.parent() is win.views["Library"]  # no Record view: the Library view holds it
    assert banner.label.text() == "1 unfinished recording found: Bench test, 0:02 (saved, not imported yet)"
    assert banner.action_button.text() == "Import"

    qtbot.mouseClick(banner.action_button, Qt.MouseButton.LeftButton)
    assert calls == [(str(folder / "recording.mp4"), {
        "title": "Bench test", "expert": "Ana", "workstation": "B2", "process": "Deburr",
        "markers": [Marker(0.5, "step", ""), Marker(1.25, "tip", "file the edge")], "consent": True})]
    assert not banner.isVisible()

    # the ingest succeeds: the folder gets its flag and is not offered again
    win.ingest_queue.items.append(IngestItem(str(folder / "recording.mp4"), state="done", session_id="s1"))
    win.ingest_queue.ingested.emit("s1")
    assert json.loads((folder / INGESTED).read_text())["session_id"] == "s1"
    task = win.scan_recordings()
    assert task is not None
    qtbot.waitUntil(lambda: win._scan_task is None, timeout=20000)
    assert banner.items == [] and not banner.isVisible()
    win.shutdown()
    assert win.scan_recordings() is None  # never after close


def test_discard_needs_a_second_tap(qtbot, tmp_path, monkeypatch):
    library = Library(tmp_path / "lib")
    root = Path(library.root)
    empty = recordings_dir(root) / "20260201-090000-000000"  # interrupted before anything was written
    empty.mkdir(parents=True)
    (empty / "session.json").write_text(json.dumps({"title": "Nothing", "consent": True}))
    (empty / "recording.mp4").write_bytes(b"")
    folder = _finished_folder(root, "20260201-100000-000000")
    win, calls = _window(qtbot, library, monkeypatch, views=[ViewSpec("Library", _make_library)])
    banner = win.recovery_banner
    win.show()
    qtbot.waitUntil(banner.isVisible, timeout=20000)
    assert banner.label.text() == "2 unfinished recordings found: Nothing, 0:00"

    # nothing playable: Recover fails with a message and the recording stays on offer
    qtbot.mouseClick(banner.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: banner.action_button.isEnabled(), timeout=20000)
    assert messages.history()[-1] == messages.Message(
        "error", "Recover Nothing: the interrupted recording 'Nothing' holds no playable media")
    assert [r.folder for r in banner.items] == [empty, folder] and calls == []

    qtbot.mouseClick(banner.discard_button, Qt.MouseButton.LeftButton)
    assert banner.armed and banner.discard_button.text() == "Tap again to discard"
    assert not (empty / FINISHED).exists() and len(banner.items) == 2
    qtbot.mouseClick(banner.discard_button, Qt.MouseButton.LeftButton)
    assert json.loads((empty / FINISHED).read_text())["discarded"] is True
    assert banner.label.text() == "1 unfinished recording found: Bench test, 0:02 (saved, not imported yet)"
    assert not banner.armed and banner.discard_button.text() == "Discard"

    # a first tap runs out: the next tap asks again instead of discarding
    banner._confirm.setInterval(50)
    qtbot.mouseClick(banner.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not banner.armed, timeout=5000)
    qtbot.mouseClick(banner.discard_button, Qt.MouseButton.LeftButton)
    assert banner.armed and banner.isVisible()
    qtbot.mouseClick(banner.discard_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible() and calls == []
    assert json.loads((folder / INGESTED).read_text())["discarded"] is True
    assert find_unfinished(root) == [] and find_not_ingested(root, library) == []
    win.shutdown()


def test_an_upgraded_library_is_re_embedded_in_the_background_after_the_first_paint(qtbot, tmp_path, monkeypatch):
    """Migration 10 lists every session; the window opens at once and a worker re-embeds them."""
    from indexing.library import reembed
    from indexing.store import close_stores
    from tests.test_reembed import _old_library

    close_stores()
    _old_library(tmp_path / "lib")
    library = Library(tmp_path / "lib")
    assert len(reembed.pending(library.db.conn)) == 3  # opening re-embedded nothing
    win, _calls = _window(qtbot, library, monkeypatch, views=[ViewSpec("Library", _make_library)])
    win.show()
    qtbot.waitUntil(lambda: not reembed.pending(library.db.conn), timeout=60000)
    assert win.reembed_pending() is None  # nothing left: no second task
    win.shutdown()
    close_stores()


def test_the_banner_steps_aside_while_a_take_is_recorded(qtbot, tmp_path, monkeypatch):
    """With a recording on offer, the banner does not take the height a new take needs on the tablet."""
    from capture_app.widgets.common import apply_style

    library = Library(tmp_path / "lib")
    _finished_folder(Path(library.root), "20260201-100000-000000")
    from PySide6.QtWidgets import QApplication

    from capture_app import i18n

    app = QApplication.instance()
    sheet, font = app.styleSheet(), app.font()
    apply_style(app)  # the touch sizes and the font the app runs with
    i18n.apply_font(app, "en")
    win, _calls = _window(qtbot, library, monkeypatch, source="generated")
    try:
        win.resize(1280, 800)
        win.show()
        banner, record = win.recovery_banner, win.views["Record"]
        qtbot.waitUntil(banner.isVisible, timeout=20000)
        record.session_recorded.disconnect(win._on_session_recorded)  # no ingest of this take
        qtbot.waitUntil(lambda: record.recorder is not None and record.recorder.latest_frame is not None,
                        timeout=20000)
        for key, value in {"title": "Bench test 2", "expert": "Ana", "workstation": "B2"}.items():
            record.fields[key].setText(value)
        record.consent.setChecked(True)
        record._on_record_clicked()
        for kind in ("step", "tip", "warning"):
            assert record.add_marker(kind) is not None
        assert not banner.isVisible() and record.note.isVisible()  # its ~76 px went to the take
        record._on_stop_clicked()
        qtbot.waitUntil(lambda: record._stop_thread is None, timeout=30000)
        assert banner.isVisible()  # offered again once the take is saved
    finally:
        win.shutdown()
        app.setStyleSheet(sheet)
        app.setFont(font)
