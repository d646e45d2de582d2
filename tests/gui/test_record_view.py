"""RecordView driven like an expert would: form, consent, start, markers, stop."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import av
import pytest
from PySide6.QtCore import Qt

from capture_app.recording.session import FINISHED, MARKERS_JSONL, SESSION_JSON, read_markers
from capture_app.recording.sources import GeneratedSource
from capture_app.views.record_parts import MARKER_PX
from capture_app.views.record_view import RecordView
from indexing.models import Marker

pytestmark = pytest.mark.gui

FORM = {"title": "Die change, press 4", "expert": "Kim Min-jun", "workstation": "P4",
        "process": "Stamping line 2"}


def _recording_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith(("capture-", "recording-"))]


@pytest.fixture
def view(qtbot, tmp_path: Path):
    v = RecordView(tmp_path / "library", source="generated")
    qtbot.addWidget(v)
    v.resize(1280, 800)
    v.show()
    qtbot.waitUntil(lambda: v.recorder is not None and v.recorder.latest_frame is not None, timeout=10000)
    yield v
    v.shutdown()
    assert not v._timer.isActive() and not v._note_timer.isActive()
    assert _recording_threads() == []


def _fill(qtbot, view: RecordView) -> None:
    for key, value in FORM.items():
        view.fields[key].clear()
        qtbot.keyClicks(view.fields[key], value)
    view.language.setCurrentText("en")


def _wait_media(qtbot, view: RecordView, t: float) -> None:
    assert view.recorder is not None
    qtbot.waitUntil(lambda: view.recorder.media_time() >= t, timeout=int(t * 1000) + 10000)


def test_preview_shown_once_a_frame_is_drawn(qtbot, tmp_path: Path) -> None:
    from capture_app.screenshots import view_settled

    v = RecordView(tmp_path / "library", source="generated")
    qtbot.addWidget(v)
    assert not v.preview_shown() and not view_settled(v)  # "Starting camera…"
    v.resize(1280, 800)
    v.show()
    try:
        qtbot.waitUntil(v.preview_shown, timeout=10000)
        assert view_settled(v)
    finally:
        v.shutdown()


def test_start_needs_consent(qtbot, view: RecordView) -> None:
    _fill(qtbot, view)
    assert not view.record_button.isEnabled()
    qtbot.mouseClick(view.record_button, Qt.MouseButton.LeftButton)
    assert view.recorder is not None and view.recorder.state == "idle"
    view.consent.setChecked(True)
    assert view.record_button.isEnabled()
    view.consent.setChecked(False)
    assert not view.record_button.isEnabled()
    assert all(not b.isEnabled() for b in view.marker_buttons.values())  # no markers before recording
    assert not (view.library_root / "media" / "_recordings").exists()


def test_touch_targets_are_big(view: RecordView) -> None:
    for button in view.marker_buttons.values():
        assert button.height() >= 96 and button.minimumHeight() >= MARKER_PX
    for w in (view.record_button, view.pause_button, view.stop_button, view.fullscreen_button,
              view.undo_button, view.consent, *view.fields.values(), view.language):
        assert w.height() >= 48, w


def test_record_three_seconds_with_two_markers(qtbot, view: RecordView) -> None:
    _fill(qtbot, view)
    qtbot.mouseClick(view.consent, Qt.MouseButton.LeftButton, pos=view.consent.rect().center())
    assert view.consent.isChecked()
    qtbot.mouseClick(view.record_button, Qt.MouseButton.LeftButton)
    rec = view.recorder
    assert rec is not None and rec.state == "recording"
    folder = rec.folder
    assert folder is not None and (folder / SESSION_JSON).exists()

    _wait_media(qtbot, view, 1.0)
    before = rec.media_time()
    qtbot.mouseClick(view.marker_buttons["step"], Qt.MouseButton.LeftButton)
    after = rec.media_time()
    first = read_markers(folder / MARKERS_JSONL)  # on disk at once, not at stop
    assert [m.kind for m in first] == ["step"]
    assert before - 0.0005 <= first[0].t <= after + 0.0005  # stored to the millisecond
    assert view.note.isVisible()  # a note field appears after the tap, no dialog
    qtbot.keyClicks(view.note, "lock out the press first")
    qtbot.keyClick(view.note, Qt.Key.Key_Return)
    assert not view.note.isVisible()

    _wait_media(qtbot, view, 2.0)
    before = rec.media_time()
    qtbot.keyClick(view, Qt.Key.Key_W)  # keyboard shortcut
    after = rec.media_time()
    second = read_markers(folder / MARKERS_JSONL)[1]
    assert second.kind == "warning" and before - 0.0005 <= second.t <= after + 0.0005

    _wait_media(qtbot, view, 3.0)
    with qtbot.waitSignal(view.session_recorded, timeout=30000) as blocker:
        qtbot.mouseClick(view.stop_button, Qt.MouseButton.LeftButton)
    path, meta = blocker.args
    assert Path(path) == folder / "recording.mp4"
    assert (folder / FINISHED).exists()
    assert meta["title"] == FORM["title"] and meta["expert"] == FORM["expert"]
    assert meta["workstation"] == "P4" and meta["process"] == "Stamping line 2"
    assert meta["language"] == "en" and meta["consent"] is True
    assert meta["markers"] == [Marker(first[0].t, "step", "lock out the press first"),
                               Marker(second.t, "warning", "")]

    with av.open(path) as c:
        assert len(c.streams.video) == 1 and len(c.streams.audio) == 1
        assert (c.streams.video[0].width, c.streams.video[0].height) == (1280, 720)
        duration = c.duration / 1e6
        video_end = max(float(f.time) for f in c.decode(video=0))
        c.seek(0)
        audio_end = max(float(f.time) + f.samples / f.sample_rate for f in c.decode(audio=0))
    assert duration == pytest.approx(3.0, abs=0.25)  # stopped right after 3.0 s of media
    assert video_end == pytest.approx(duration, abs=0.15)
    assert audio_end == pytest.approx(duration, abs=0.15)
    assert view.recorder is not None and view.recorder.state == "idle"
    assert view.record_button.isEnabled()  # the next recording can start at once


def test_pause_keeps_media_time_and_remembers_form(qtbot, view: RecordView, tmp_path: Path) -> None:
    _fill(qtbot, view)
    view.consent.setChecked(True)
    qtbot.mouseClick(view.record_button, Qt.MouseButton.LeftButton)
    _wait_media(qtbot, view, 0.5)
    qtbot.mouseClick(view.pause_button, Qt.MouseButton.LeftButton)
    assert view.recorder is not None
    paused_at = view.recorder.media_time()
    assert view.pause_button.text() == "Resume"
    time.sleep(1.0)
    assert view.recorder.media_time() == paused_at  # the clock stands still while paused
    marker = view.add_marker("tip")
    assert marker is not None and marker.t == pytest.approx(paused_at, abs=0.002)
    qtbot.mouseClick(view.pause_button, Qt.MouseButton.LeftButton)
    _wait_media(qtbot, view, paused_at + 0.5)
    with qtbot.waitSignal(view.session_recorded, timeout=30000) as blocker:
        qtbot.mouseClick(view.stop_button, Qt.MouseButton.LeftButton)
    with av.open(blocker.args[0]) as c:
        assert c.duration / 1e6 == pytest.approx(paused_at + 0.5, abs=0.3)  # no 1 s hole

    again = RecordView(tmp_path / "library", source="generated")
    qtbot.addWidget(again)
    assert {k: again.fields[k].text() for k in FORM} == FORM
    assert again.language.currentText() == "en"
    assert not again.consent.isChecked()  # consent is asked for every recording
    again.shutdown()


def test_file_source_goes_through_the_same_recording_path(qtbot, tmp_path: Path) -> None:
    from tests.conftest import SAMPLE

    with av.open(str(SAMPLE)) as c:
        size = (c.streams.video[0].width // 2 * 2, c.streams.video[0].height // 2 * 2)
    v = RecordView(tmp_path / "library", source=str(SAMPLE))
    qtbot.addWidget(v)
    v.show()
    try:
        qtbot.waitUntil(lambda: v.recorder is not None and v.recorder.latest_frame is not None, timeout=10000)
        assert v.recorder.source.name == f"File: {SAMPLE.name}"
        _fill(qtbot, v)
        v.consent.setChecked(True)
        qtbot.mouseClick(v.record_button, Qt.MouseButton.LeftButton)
        _wait_media(qtbot, v, 1.0)
        qtbot.keyClick(v, Qt.Key.Key_PageDown)  # the foot pedal
        _wait_media(qtbot, v, 2.0)
        with qtbot.waitSignal(v.session_recorded, timeout=30000) as blocker:
            qtbot.mouseClick(v.stop_button, Qt.MouseButton.LeftButton)
    finally:
        v.shutdown()
    path, meta = blocker.args
    assert [m.kind for m in meta["markers"]] == ["step"]
    with av.open(path) as c:
        assert (c.streams.video[0].width, c.streams.video[0].height) == size
        assert len(c.streams.audio) == 1
        assert c.duration / 1e6 == pytest.approx(2.0, abs=0.5)
    assert _recording_threads() == []


class _LossyMicrophone(GeneratedSource):
    """The generated source with a microphone that delivers only every fourth chunk of its sound
    (a driver or sound server that drops what does not fit its buffer)."""

    def _produce(self, on_video, on_audio) -> None:
        chunks = iter(range(1 << 62))
        super()._produce(on_video, lambda samples, t: on_audio(samples, t) if next(chunks) % 4 == 0 else None)


def test_the_record_view_warns_when_sound_goes_missing(qtbot, tmp_path: Path, monkeypatch) -> None:
    """Narration lost silently costs the session: the share of sound that arrived is watched."""
    from capture_app import messages
    from capture_app.recording import session

    monkeypatch.setattr(session, "SOUND_CHECK_AFTER", 1.0)
    shares = {}
    for name, source in (("whole", GeneratedSource(320, 240, 15.0)), ("lossy", _LossyMicrophone(320, 240, 15.0))):
        v = RecordView(tmp_path / name, source="generated")
        monkeypatch.setattr(v, "_open_source", lambda source=source: source)
        qtbot.addWidget(v)
        v.show()
        messages.clear_history()
        _fill(qtbot, v)
        v.consent.setChecked(True)
        qtbot.mouseClick(v.record_button, Qt.MouseButton.LeftButton)
        assert v.recorder is not None and v.recorder.sound_share() is None  # not judged yet
        _wait_media(qtbot, v, 2.5)
        shares[name] = v.recorder.sound_share()
        v._watch.check_sound(v.recorder)
        warned = [m for m in messages.history() if m.level == "warning" and "sound" in m.text]
        with qtbot.waitSignal(v.session_recorded, timeout=30000):
            qtbot.mouseClick(v.stop_button, Qt.MouseButton.LeftButton)
        v.shutdown()
        assert len(warned) == (name == "lossy"), (name, shares[name])
    assert shares["whole"] > 0.85
    assert 0.1 < shares["lossy"] < 0.4
