"""The workstation camera and microphone through Qt Multimedia.

`CameraSource` feeds the same recorder as the Qt-free sources: frames from a
`QVideoSink` (converted to RGB in the sink's thread, the GUI thread) and sound
from a `QAudioSource`, stamped on the source clock. Audio timestamps follow the
sample count from the first chunk, so sound stays in sync with the pictures
however unevenly the device delivers it.

Qt's FFmpeg backend hands each frame of a camera whose driver runs its own thread
(Windows, macOS; screen capture everywhere) to the sink through a queued call, at
the camera's rate however slowly the frames are used. So at most `FRAME_BACKLOG`
frames wait for conversion; when a newer one comes, the oldest is dropped and
counted in `frames_skipped`. Converting every frame let a slower consumer (a 720p
frame's `toImage` takes 20-60 ms on a small machine) pile frames up in the GUI
thread's queue without bound: the window froze, "Stop" answered seconds late and
memory grew.

Create and start it in the GUI thread (Qt Multimedia objects need an event loop).
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from typing import Any

import numpy as np

from capture_app.i18n import translate
from capture_app.recording.sources import AudioCallback, CaptureError, CaptureSource, VideoCallback

log = logging.getLogger(__name__)

SAMPLE_RATE = 48000
FRAME_BACKLOG = 3  # frames that may wait for conversion (frames come in bunches of 2 now and then)


def _device_id(device: Any) -> str:
    return bytes(device.id().data()).decode(errors="replace")


def list_cameras() -> list[tuple[str, str]]:
    """(id, description) of every camera Qt Multimedia finds, the default first."""
    from PySide6.QtMultimedia import QMediaDevices

    default = QMediaDevices.defaultVideoInput()
    devices = sorted(QMediaDevices.videoInputs(), key=lambda d: d != default)
    return [(_device_id(d), d.description()) for d in devices]


def list_microphones() -> list[tuple[str, str]]:
    """(id, description) of every audio input Qt Multimedia finds, the default first."""
    from PySide6.QtMultimedia import QMediaDevices

    default = QMediaDevices.defaultAudioInput()
    devices = sorted(QMediaDevices.audioInputs(), key=lambda d: d != default)
    return [(_device_id(d), d.description()) for d in devices]


def _pick(devices: list[Any], wanted: str | None, default: Any) -> Any:
    for d in devices:
        if wanted and _device_id(d) == wanted:
            return d
    return default if not default.isNull() else devices[0]


class CameraSource(CaptureSource):
    """A camera and a microphone chosen from `QMediaDevices`.

    Args:
        camera_id: Id from `list_cameras`; None or unknown = the default camera.
        microphone_id: Id from `list_microphones`; None or unknown = the default microphone.
        width: Wanted frame width (the closest format the camera offers is used).
        height: Wanted frame height.
        fps: Wanted frame rate.

    Raises:
        CaptureError: "no camera found" when Qt sees no camera.
    """

    def __init__(
        self,
        camera_id: str | None = None,
        microphone_id: str | None = None,
        width: int = 1280,
        height: int = 720,
        fps: float = 30.0,
    ) -> None:
        from PySide6.QtMultimedia import QMediaDevices

        super().__init__()
        cameras = QMediaDevices.videoInputs()
        if not cameras:
            raise CaptureError(translate("sources", "no camera found"))
        self._camera_device = _pick(cameras, camera_id, QMediaDevices.defaultVideoInput())
        mics = QMediaDevices.audioInputs()
        self._mic_device = _pick(mics, microphone_id, QMediaDevices.defaultAudioInput()) if mics else None
        self.name = self._camera_device.description()
        self._format = self._closest_format(width, height, fps)
        if self._format is not None:
            size = self._format.resolution()
            self.width, self.height = size.width() // 2 * 2, size.height() // 2 * 2
            self.fps = float(self._format.maxFrameRate()) or fps
        else:
            self.width, self.height, self.fps = width, height, fps
        self.sample_rate = SAMPLE_RATE if self._mic_device is not None else 0
        self.channels = 1
        self._objects: dict[str, Any] = {}
        self._on_video: VideoCallback | None = None
        self._on_audio: AudioCallback | None = None
        self._audio_t0: float | None = None
        self._audio_pos = 0
        self._frame_lock = threading.Lock()
        self._frames: deque[tuple[Any, float]] = deque(maxlen=FRAME_BACKLOG)  # (frame, time) not yet converted
        self.error: BaseException | None = None

    def _closest_format(self, width: int, height: int, fps: float) -> Any:
        formats = list(self._camera_device.videoFormats())
        if not formats:
            return None

        def cost(f: Any) -> float:
            size = f.resolution()
            return abs(size.width() * size.height() - width * height) / (width * height) + abs(
                min(f.maxFrameRate(), fps) - fps
            ) / fps

        return min(formats, key=cost)

    def start(self, on_video: VideoCallback, on_audio: AudioCallback) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtMultimedia import (
            QAudioFormat,
            QAudioSource,
            QMediaCaptureSession,
            QVideoSink,
        )

        if self.running:
            return
        self._on_video, self._on_audio = on_video, on_audio
        self._audio_t0, self._audio_pos = None, 0
        self._frames.clear()
        session = QMediaCaptureSession()
        camera = self._attach_video_input(session)
        sink = QVideoSink()
        # Direct: `_on_frame` only queues the frame, in whatever thread emits; `_convert_frame` runs in the sink's.
        sink.videoFrameChanged.connect(self._on_frame, Qt.ConnectionType.DirectConnection)
        session.setVideoSink(sink)
        self._objects = {"session": session, "camera": camera, "sink": sink}
        if self._mic_device is not None:
            fmt = QAudioFormat()
            fmt.setSampleRate(SAMPLE_RATE)
            fmt.setChannelCount(1)
            fmt.setSampleFormat(QAudioFormat.SampleFormat.Float)
            audio = QAudioSource(self._mic_device, fmt)
            audio.setBufferSize(SAMPLE_RATE // 10 * 4)
            io = audio.start()
            if io is not None:
                io.readyRead.connect(self._on_audio_ready)
                self._objects.update(audio=audio, io=io)
            else:
                log.warning("microphone %s could not be opened", self._mic_device.description())
        camera.start()

    def _attach_video_input(self, session: Any) -> Any:
        """Make the camera and attach it to `session`; `start` starts it, `stop` stops it."""
        from PySide6.QtMultimedia import QCamera

        camera = QCamera(self._camera_device)
        if self._format is not None:
            camera.setCameraFormat(self._format)
        camera.errorOccurred.connect(self._on_camera_error)
        session.setCamera(camera)
        return camera

    def stop(self) -> None:
        objects, self._objects = self._objects, {}
        if "audio" in objects:
            objects["audio"].stop()
        if "camera" in objects:
            objects["camera"].stop()
        self._on_video = self._on_audio = None
        self._frames.clear()

    @property
    def running(self) -> bool:
        return bool(self._objects)

    # -- Qt callbacks ----------------------------------------------------------------
    def _on_camera_error(self, _error: Any, text: str) -> None:
        log.error("camera %s failed: %s", self.name, text)
        self.error = CaptureError(translate("sources", "camera {name} failed: {error}").format(name=self.name,
                                                                                              error=text))

    def _on_frame(self, frame: Any) -> None:
        """Queue the frame; it is converted after the events queued before it (in the sink's thread)."""
        from PySide6.QtCore import QTimer

        sink = self._objects.get("sink")
        if sink is None or self._on_video is None or not frame.isValid():
            return
        with self._frame_lock:
            if len(self._frames) == self._frames.maxlen:  # the oldest waiting frame is dropped
                self.frames_skipped += 1
            self._frames.append((frame, self.now()))
        QTimer.singleShot(0, sink, self._convert_frame)

    def _convert_frame(self) -> None:
        from PySide6.QtGui import QImage

        with self._frame_lock:
            if not self._frames:  # dropped, or the source was stopped
                return
            frame, t = self._frames.popleft()
        callback = self._on_video
        if callback is None:
            return
        image = frame.toImage().convertToFormat(QImage.Format.Format_RGB888)
        w, h = image.width() // 2 * 2, image.height() // 2 * 2
        if w == 0 or h == 0:
            return
        buf = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
        arr = buf.reshape(image.height(), image.bytesPerLine())[:h, : w * 3].reshape(h, w, 3).copy()
        if (w, h) != (self.width, self.height):  # a camera that ignored the format: crop or pad
            out = np.zeros((self.height, self.width, 3), np.uint8)
            ch, cw = min(h, self.height), min(w, self.width)
            out[:ch, :cw] = arr[:ch, :cw]
            arr = out
        self.frames_produced += 1
        callback(arr, t)

    def _on_audio_ready(self) -> None:
        io = self._objects.get("io")
        callback = self._on_audio
        if io is None or callback is None:
            return
        data = bytes(io.readAll().data())
        samples = np.frombuffer(data[: len(data) // 4 * 4], np.float32).reshape(-1, 1)
        if not len(samples):
            return
        if self._audio_t0 is None:  # the first chunk ended now: its first sample was captured earlier
            self._audio_t0 = self.now() - len(samples) / SAMPLE_RATE
        callback(samples, self._audio_t0 + self._audio_pos / SAMPLE_RATE)
        self._audio_pos += len(samples)
