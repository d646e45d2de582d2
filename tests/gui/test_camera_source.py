"""`CameraSource` against Qt Multimedia's capture machinery, with the screen standing in for the camera.

There is no camera on CI, but `QScreenCapture` goes through the same `QMediaCaptureSession` and
`QVideoSink` as a `QCamera`, and Qt's FFmpeg backend grabs the screen in its own thread (~60 fps)
and hands each frame to the sink through a queued call, as it does with a Windows or macOS camera.
Only the camera object and its device list are replaced; `start`, `_on_frame`, the conversion and
`stop` are `CameraSource`'s own.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pytest


class _ScreenDevice:
    """What `CameraSource.__init__` reads of a camera device (a screen has no formats)."""

    def id(self) -> Any:
        from PySide6.QtCore import QByteArray

        return QByteArray(b"screen")

    def description(self) -> str:
        return "screen"

    def videoFormats(self) -> list[Any]:  # noqa: N802 - Qt's name
        return []

    def isNull(self) -> bool:  # noqa: N802 - Qt's name
        return False


class _ScreenDevices:
    """`QMediaDevices` with the screen as the only camera and no microphone."""

    device = _ScreenDevice()

    @staticmethod
    def videoInputs() -> list[Any]:  # noqa: N802 - Qt's name
        return [_ScreenDevices.device]

    @staticmethod
    def defaultVideoInput() -> Any:  # noqa: N802 - Qt's name
        return _ScreenDevices.device

    @staticmethod
    def audioInputs() -> list[Any]:  # noqa: N802 - Qt's name
        return []


def _screen_source(monkeypatch) -> Any:
    """A `CameraSource` whose video input is a `QScreenCapture` of the primary screen."""
    from PySide6 import QtMultimedia
    from PySide6.QtGui import QGuiApplication

    from capture_app.recording.camera import CameraSource

    class ScreenSource(CameraSource):
        def _attach_video_input(self, session: Any) -> Any:
            capture = QtMultimedia.QScreenCapture()
            capture.setScreen(QGuiApplication.primaryScreen())
            capture.errorOccurred.connect(self._on_camera_error)
            session.setScreenCapture(capture)
            return capture

    size = QGuiApplication.primaryScreen().size()
    monkeypatch.setattr(QtMultimedia, "QMediaDevices", _ScreenDevices)
    return ScreenSource(width=size.width() // 2 * 2, height=size.height() // 2 * 2)


def _wait_for_a_frame(qtbot, source: Any, frames: list[Any]) -> None:
    deadline = time.monotonic() + 10.0
    while not frames and source.error is None and time.monotonic() < deadline:
        qtbot.wait(20)
    if not frames:
        source.stop()
        pytest.skip(f"screen capture gives no frames on this platform ({source.error or 'none in 10 s'})")


@pytest.mark.timeout(120)
def test_a_slow_consumer_does_not_pile_frames_up_in_the_gui_thread(qtbot, monkeypatch):
    """Frames that come faster than they are used are dropped, not queued without bound.

    The consumer takes 50 ms a frame (a small tablet converting and showing 720p), the backend
    delivers ~60 a second. When every frame was converted, the frames waiting in the GUI thread's
    queue grew by ~30-40 a second: a "Stop" click, like the timer here, came seconds late (6.5 s
    after 2 s of capture, 11 s after 5 s, measured), and memory grew by the frames held.
    """
    from PySide6.QtCore import Qt, QTimer

    source = _screen_source(monkeypatch)
    frames: list[float] = []  # the times of the frames delivered
    last: list[np.ndarray] = []

    def on_video(frame: np.ndarray, t: float) -> None:
        frames.append(t)
        last[:] = [frame]
        time.sleep(0.05)

    source.start(on_video, lambda _samples, _t: None)
    try:
        _wait_for_a_frame(qtbot, source, frames)
        fired: list[float] = []
        due = time.monotonic() + 3.0
        click = QTimer()
        click.setSingleShot(True)
        click.setTimerType(Qt.TimerType.PreciseTimer)
        click.timeout.connect(lambda: fired.append(time.monotonic()))
        click.start(3000)
        qtbot.waitUntil(lambda: bool(fired), timeout=60000)
    finally:
        source.stop()
    late = fired[0] - due
    assert late < 0.75, f"a timer came {late:.1f} s late: frames piled up in the GUI thread's queue"
    assert source.frames_skipped > 0  # the consumer was slower than the screen capture

    after_stop = len(frames)
    qtbot.wait(300)
    assert len(frames) == after_stop, "frames were delivered after stop()"
    assert last[0].shape == (source.height, source.width, 3) and last[0].dtype == np.uint8
    assert frames == sorted(frames)
