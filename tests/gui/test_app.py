"""The main window, its views, the message channel and the screenshot mode."""

from __future__ import annotations

import sys

import pytest

from capture_app import messages, workers
from capture_app.app import MainWindow
from indexing.errors import MediaError
from tests.gui.tiny import TINY_SESSION


@pytest.fixture
def window(qtbot, tiny_library):
    win = MainWindow(tiny_library)
    qtbot.addWidget(win)
    messages.install(win)
    yield win
    win.shutdown()


def test_import_capture_app_loads_no_heavy_library():
    import subprocess

    code = ("import sys, capture_app, capture_app.__main__; "
            "bad = [m for m in ('torch', 'sentence_transformers', 'faster_whisper', 'chromadb', 'PySide6') "
            "if m in sys.modules]; print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_window_has_one_view_per_job(window):
    assert list(window.views) == ["Record", "Library", "Review", "Search", "Export", "Coverage"]
    assert window.tabs.count() == 6


def test_add_view_is_a_registration_point(window, qtbot):
    from PySide6.QtWidgets import QLabel

    window.add_view("Export", QLabel("export here"))
    assert window.tabs.count() == 6
    assert window.tabs.tabText(4) == "Export"
    assert window.views["Export"].text() == "export here"


def test_library_view_lists_sessions(window):
    view = window.show_view("library")
    model = view.model
    assert model.rowCount() == 1
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row == ["Die change, press 4", "needs review", "Kim Min-jun", "P4", "0:06", "3",
                   "2026-01-05 09:30"]


def test_a_failing_worker_shows_a_message(window, qtbot):
    def boom(progress, cancel):
        raise MediaError("clip.mp4 has no audio track")

    task = workers.Task("Import clip.mp4", boom)
    with qtbot.waitSignal(task.failed, timeout=10000) as sig:
        workers.start(task)
    assert sig.args == ["Import clip.mp4: clip.mp4 has no audio track"]
    assert messages.history()[-1] == messages.Message("error", "Import clip.mp4: clip.mp4 has no audio track")
    qtbot.waitUntil(lambda: "no audio track" in window.statusBar().currentMessage(), timeout=5000)


def test_an_unexpected_worker_error_is_shown_and_logged(window, qtbot, caplog):
    def bug(progress, cancel):
        raise ZeroDivisionError("division by zero")

    task = workers.Task("Re-index", bug)
    with qtbot.waitSignal(task.failed, timeout=10000):
        workers.start(task)
    last = messages.history()[-1]
    assert last.level == "error"
    assert last.text.startswith("Re-index: Unexpected error (ZeroDivisionError: division by zero).")
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)


def test_task_cancel(qtbot):
    import threading

    started = threading.Event()

    def slow(progress, cancel):
        started.set()
        while True:
            cancel.check()
            threading.Event().wait(0.01)

    task = workers.Task("Slow", slow)
    with qtbot.waitSignal(task.cancelled, timeout=10000):
        workers.start(task)
        started.wait(5)
        task.cancel()
    assert messages.history() == []


def test_unusable_files_get_a_clear_message(window, tmp_path):
    view = window.views["Library"]
    doc = tmp_path / "notes.txt"
    doc.write_text("hello")
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    assert view.import_files([str(doc), str(empty), str(tmp_path / "gone.mp4")]) == 0
    assert [m.text for m in messages.history()] == [
        "Cannot import: notes.txt is not a video or audio file (use mp4, mov, mkv, avi, webm, m4v, …).",
        "Cannot import: empty.mp4 is empty.",
        "Cannot import: gone.mp4 does not exist.",
    ]
    assert window.ingest_queue.items == []


def test_review_view_loads_a_session(window):
    review = window.show_view("Review")
    review.load_session(TINY_SESSION)
    assert [b.title for b in review.timeline.blocks] == [
        "Lock out the press", "Loosen the clamp bolts", "Lift the die out"]
    assert review.title_edit.text() == "Lock out the press"
    review.select_step(1, seek=False)
    assert review.tools_edit.text() == "torque wrench"
    assert review.tips_edit.toPlainText() == "Work corner to corner"
    assert review.transcript.word_index_at(2.6) == 5


def test_review_of_an_empty_library_says_what_to_do(qtbot, tmp_path):
    from capture_app.views.review_view import ReviewView
    from indexing.library import Library

    review = ReviewView(Library(tmp_path / "empty"))
    qtbot.addWidget(review)
    try:
        review.refresh_sessions()
        assert review.session_box.count() == 0
        assert review.session_box.placeholderText().startswith("No sessions yet")
    finally:
        review.shutdown()


def test_transcript_word_tap_seeks(window, qtbot):
    review = window.show_view("Review")
    review.load_session(TINY_SESSION)
    with qtbot.waitSignal(review.transcript.word_clicked, timeout=2000) as sig:
        span = review.transcript.spans[7]
        from PySide6.QtGui import QTextCursor

        cur = QTextCursor(review.transcript.document())
        cur.setPosition(span.char_start + 1)
        rect = review.transcript.cursorRect(cur)
        from PySide6.QtCore import Qt

        qtbot.mouseClick(review.transcript.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == [3.5]


def test_timeline_edge_drag_reports_the_new_time(window, qtbot):
    from PySide6.QtCore import QPoint, Qt

    review = window.show_view("Review")
    window.resize(1280, 800)
    window.show()
    review.load_session(TINY_SESSION)
    tl = review.timeline
    y = tl.height() // 2
    x0 = int(tl.edge_x(0))
    x1 = int(tl._x(2.5))
    with qtbot.waitSignal(tl.edge_dragged, timeout=2000) as sig:
        qtbot.mousePress(tl, Qt.MouseButton.LeftButton, pos=QPoint(x0, y))
        qtbot.mouseMove(tl, QPoint(x1, y))
        qtbot.mouseRelease(tl, Qt.MouseButton.LeftButton, pos=QPoint(x1, y))
    assert sig.args[0] == f"{TINY_SESSION}-p1s01"
    assert sig.args[1] == pytest.approx(2.5, abs=6.0 / tl.width() * 2)


def test_screenshot_writes_one_png_per_view(tiny_library, tmp_path, qapp):
    from capture_app.__main__ import main

    out = tmp_path / "shots"
    assert main(["--library", str(tiny_library.root), "--screenshot", str(out)]) == 0
    files = sorted(p.name for p in out.glob("*.png"))
    assert files == ["01-record.png", "02-library.png", "03-review.png", "04-search.png", "05-export.png",
                     "06-coverage.png"]
    for p in out.glob("*.png"):
        assert p.stat().st_size > 5000


def test_excepthooks_log_and_show(monkeypatch, window, qtbot, caplog):
    import threading

    from capture_app import excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(excepthook, "_installed", False)
    excepthook.install()
    assert sys.excepthook is excepthook._handle
    try:
        raise MediaError("tape.mov is truncated")
    except MediaError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    t = threading.Thread(target=lambda: 1 / 0, name="worker-x")
    t.start()
    t.join()
    texts = [m.text for m in messages.history()]
    assert texts[0] == "tape.mov is truncated"
    assert texts[1].startswith("Unexpected error (ZeroDivisionError: division by zero).")
    qtbot.waitUntil(lambda: "ZeroDivisionError" in window.statusBar().currentMessage(), timeout=5000)


def test_a_finished_recording_is_queued_for_ingest(window, tmp_path, monkeypatch):
    from indexing.models import Marker

    queued = []
    monkeypatch.setattr(window.ingest_queue, "enqueue", lambda path, **kw: queued.append((path, kw)) or True)
    media = tmp_path / "rec.mkv"
    media.write_bytes(b"x")
    meta = {"title": "Die change", "expert": "Kim", "workstation": "P4", "process": "Stamping",
            "language": "en", "markers": [Marker(1.5, "step")], "device": "cam0"}
    window._on_session_recorded(str(media), meta)
    assert queued == [(str(media), {"title": "Die change", "expert": "Kim", "workstation": "P4",
                                    "process": "Stamping", "language": "en",
                                    "markers": [Marker(1.5, "step")], "consent": True})]
    assert messages.history()[-1].text == "Recording saved; importing rec.mkv in the background."


def test_review_tap_a_step_and_playback_speed(window, qtbot):
    from PySide6.QtCore import QPoint, Qt

    review = window.show_view("Review")
    window.show()
    review.load_session(TINY_SESSION)
    tl = review.timeline
    qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=QPoint(int(tl._x(5.0)), tl.height() // 2))
    assert review.current_step().title == "Lift the die out"
    assert review.title_edit.text() == "Lift the die out"
    assert not review.merge_button.isEnabled()  # the last step has no next step
    review.player.set_speed(0.5)
    assert review.player.player.playbackRate() == 0.5
    review.player.set_speed(2.0)
    assert review.player.player.playbackRate() == 2.0
    assert [review.player.speed.itemText(i) for i in range(review.player.speed.count())] == [
        "0.5×", "0.75×", "1×", "1.25×", "1.5×", "2×"]
