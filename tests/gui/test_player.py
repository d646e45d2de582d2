"""The video player against the threads of Qt's FFmpeg backend."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import SIGNAL

from tests.conftest import SAMPLE


def test_stopping_needs_no_gil_in_the_renderer_threads(qtbot):
    """A playing player's audio renderer goes away in its own thread while this thread keeps the GIL.

    The renderer's `~QObject` calls the QAudioOutput's `disconnectNotify` under Qt's signal-slot
    mutex, and a PySide wrapper asks Python (under the GIL) for an override unless it already knows
    there is none. The app hung when the GUI thread, holding the GIL, then needed that mutex.
    Here the GUI thread keeps the GIL (a switch interval longer than the wait, and no call that
    releases it) until the renderer's connections to the output are gone: that happens only when
    the renderer's thread needs no GIL.
    """
    from capture_app.widgets.player import VideoPlayer

    player = VideoPlayer()
    qtbot.addWidget(player)
    player.open(str(SAMPLE), 5.0, autoplay=True)

    def renderer_connections() -> int:  # the audio renderer listens to the output's volume
        return player.audio.receivers(SIGNAL("volumeChanged(float)"))

    try:
        qtbot.waitUntil(lambda: player.is_playing() and renderer_connections() > 0, timeout=30000)
        switch = sys.getswitchinterval()
        sys.setswitchinterval(120.0)
        try:
            player.player.stop()  # deletes the renderers, each in its thread
            deadline = time.monotonic() + 30.0
            while renderer_connections() and time.monotonic() < deadline:
                pass
            left = renderer_connections()
        finally:
            sys.setswitchinterval(switch)
        assert left == 0, "the audio renderer's thread waited for the GIL"
    finally:
        player.unload()
