"""A video player with big controls and playback speed (0.5×–2×)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from capture_app import messages
from capture_app.widgets.common import fmt_time, set_role

log = logging.getLogger(__name__)

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


def _ignore(*_args: object) -> None:
    pass


def settle_notify_overrides(obj: QObject) -> None:
    """Make `obj`'s connectNotify/disconnectNotify stop asking Python, from this (the GUI) thread.

    Each QObject made from Python is a PySide wrapper whose virtuals first look, under the GIL,
    for a Python override, and remember per object once there is none. Qt's FFmpeg backend
    connects its renderers (which live in their own threads) to the QAudioOutput's signals, and
    a renderer's `~QObject` calls the output's `disconnectNotify` while it holds Qt's signal-slot
    mutex: done there for the first time, that waits for the GIL. The GUI thread, holding the GIL
    in `setSource`/`stop`/`setPosition`, then waited for that mutex: the app hung (at close, or
    opening another video while one played). Asked once here, the answer is remembered and no
    renderer thread needs the GIL any more.
    """
    signal = obj.destroyed  # every QObject has it; a connect and disconnect ask both virtuals
    signal.connect(_ignore)
    signal.disconnect(_ignore)


class FrameView(QWidget):
    """Paints the player's frames itself (through a QVideoSink).

    Unlike a native video surface this works the same on every platform
    plugin, offscreen included, so screenshots and `grab()` show the picture.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sink = QVideoSink(self)
        self.image = QImage()
        self.frames = 0  # frames shown so far (tells when a seek's frame has arrived)
        self.sink.videoFrameChanged.connect(self._on_video_frame_changed)
        self.setMinimumSize(320, 180)

    def _on_video_frame_changed(self, frame: QVideoFrame) -> None:
        if frame.isValid():
            self.image = frame.toImage()
            self.frames += 1
            self.update()

    def clear(self) -> None:
        self.image = QImage()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(640, 360)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#111"))
        if not self.image.isNull():
            size = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = (self.width() - size.width()) / 2
            y = (self.height() - size.height()) / 2
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.drawImage(QRectF(x, y, size.width(), size.height()), self.image)
        else:
            p.setPen(QColor("#9aa0a8"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No video"))
        p.end()


class VideoPlayer(QWidget):
    """QMediaPlayer + QVideoWidget with play/pause, ±5 s and speed.

    Signals:
        position_changed(seconds): While playing or after a seek.
        seeked(seconds): A requested seek took effect (the player's actual position).
    """

    position_changed = Signal(float)
    seeked = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video = FrameView(self)
        self.player.setVideoOutput(self.video.sink)
        for obj in (self.player, self.audio, self.video.sink):
            settle_notify_overrides(obj)
        self.source = ""
        self._pending: tuple[float, bool] | None = None
        self._frames_at_seek = 0

        self.play_button = set_role(QPushButton(self.tr("▶ Play")), "primary")
        self.play_button.setMinimumWidth(140)
        self.back_button = QPushButton(self.tr("−5 s"))
        self.fwd_button = QPushButton(self.tr("+5 s"))
        self.time_label = QLabel("0:00 / 0:00")
        self.time_label.setMinimumWidth(130)
        self.speed = QComboBox()
        for s in SPEEDS:
            self.speed.addItem(f"{s:g}×", s)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.setToolTip(self.tr("Playback speed"))

        controls = QHBoxLayout()
        for w in (self.play_button, self.back_button, self.fwd_button, self.time_label):
            controls.addWidget(w)
        controls.addStretch(1)
        controls.addWidget(QLabel(self.tr("Speed")))
        controls.addWidget(self.speed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.video, 1)
        layout.addLayout(controls)

        self.play_button.clicked.connect(self._on_play_clicked)
        self.back_button.clicked.connect(lambda: self.seek(self.position() - 5))
        self.fwd_button.clicked.connect(lambda: self.seek(self.position() + 5))
        self.speed.currentIndexChanged.connect(self._on_speed_changed)
        self.player.positionChanged.connect(self._on_position_changed)
        self.player.mediaStatusChanged.connect(self._on_media_status_changed)
        self.player.playbackStateChanged.connect(self._on_playback_state_changed)
        self.player.errorOccurred.connect(self._on_error_occurred)

    # -- API ------------------------------------------------------------------
    def open(self, path: str, start: float = 0.0, autoplay: bool = False) -> None:
        """Load `path` (if not loaded yet) and seek to `start` seconds."""
        if path and path == self.source and self.player.mediaStatus() in (
            QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia,
            QMediaPlayer.MediaStatus.EndOfMedia, QMediaPlayer.MediaStatus.BufferingMedia,
        ):
            self._apply_seek(start, autoplay)
            return
        self.source = path
        self._pending = (start, autoplay)
        self.video.clear()
        self.player.setSource(QUrl.fromLocalFile(path) if path else QUrl())

    def seek(self, seconds: float) -> None:
        if not self.source:
            return
        if self._pending is not None:  # still loading: seek once it is loaded
            self._pending = (seconds, self._pending[1])
            return
        self._apply_seek(seconds, self.is_playing())

    def position(self) -> float:
        return self.player.position() / 1000.0

    def duration(self) -> float:
        return self.player.duration() / 1000.0

    def shows_position(self) -> bool:
        """A frame from after the last open or seek is on screen (or there is nothing to show)."""
        if not self.source or self.player.mediaStatus() in (
            QMediaPlayer.MediaStatus.NoMedia, QMediaPlayer.MediaStatus.InvalidMedia,
        ):
            return True
        return self._pending is None and self.video.frames > self._frames_at_seek

    def is_playing(self) -> bool:
        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def play(self) -> None:
        self.player.play()

    def pause(self) -> None:
        self.player.pause()

    def set_speed(self, rate: float) -> None:
        """Playback rate between 0.5 and 2.0."""
        rate = min(SPEEDS, key=lambda s: abs(s - rate))
        self.speed.setCurrentIndex(SPEEDS.index(rate))

    def unload(self) -> None:
        """Stop and release the media (before the widget goes away)."""
        # Stopping a player that never played can deadlock Qt's FFmpeg backend (seen offscreen
        # at shutdown); a paused or loaded one is released by clearing its source alone.
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.stop()
        if self.source:
            self.player.setSource(QUrl())
        self.source = ""
        self.video.clear()

    # -- internals ------------------------------------------------------------
    def _apply_seek(self, seconds: float, play: bool) -> None:
        dur = self.duration()
        seconds = max(0.0, min(seconds, dur) if dur > 0 else seconds)
        self._frames_at_seek = self.video.frames
        self.player.setPosition(int(round(seconds * 1000)))
        self.seeked.emit(self.position())
        self.position_changed.emit(self.position())
        if play:
            self.player.play()
        elif self.player.playbackState() == QMediaPlayer.PlaybackState.StoppedState:
            self.player.pause()  # paused (not stopped) shows the frame at the new position

    def _on_media_status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.LoadedMedia and self._pending is not None:
            start, autoplay = self._pending
            self._pending = None
            self._apply_seek(start, autoplay)
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            messages.error(self.tr("Cannot play {path}: the file is missing or not a playable video.")
                           .format(path=self.source))
        self._update_time()

    def _on_play_clicked(self) -> None:
        if self.is_playing():
            self.player.pause()
        else:
            self.player.play()

    def _on_playback_state_changed(self, _state: QMediaPlayer.PlaybackState) -> None:
        self.play_button.setText(self.tr("❚❚ Pause") if self.is_playing() else self.tr("▶ Play"))

    def _on_speed_changed(self, index: int) -> None:
        self.player.setPlaybackRate(float(self.speed.itemData(index)))

    def _on_position_changed(self, _ms: int) -> None:
        self._update_time()
        self.position_changed.emit(self.position())

    def _on_error_occurred(self, _error: QMediaPlayer.Error, text: str) -> None:
        log.warning("player error on %s: %s", self.source, text)

    def _update_time(self) -> None:
        self.time_label.setText(f"{fmt_time(self.position())} / {fmt_time(self.duration())}")


__all__ = ["SPEEDS", "VideoPlayer", "settle_notify_overrides"]
