"""Capture sources: where recorded frames and sound come from (Qt-free).

Every source delivers RGB frames (height x width x 3, uint8) and float32 audio
chunks (samples x channels) to two callbacks, each with a timestamp in seconds
on the source's own clock (`now()`). The recorder maps that clock to media time,
so a camera, a media file played in real time and the generated test source all
go through the same recording path.

The Qt Multimedia camera lives in `capture_app.recording.camera` (it needs Qt);
`open_source` picks it lazily so this module never imports Qt.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from capture_app.i18n import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

VideoCallback = Callable[[np.ndarray, float], None]
AudioCallback = Callable[[np.ndarray, float], None]

GENERATED = "generated"
RESOLUTIONS: dict[str, tuple[int, int, float]] = {
    "720p30": (1280, 720, 30.0),
    "1080p30": (1920, 1080, 30.0),
    "720p15": (1280, 720, 15.0),
    "480p30": (854, 480, 30.0),
}
DEFAULT_RESOLUTION = "720p30"


class CaptureError(RuntimeError):
    """A capture source cannot be opened or stopped working. Its message is user-facing."""


class CaptureSource(ABC):
    """A producer of timed video frames and audio chunks.

    Attributes:
        name: What the user sees, e.g. "Generated test source" or a camera's description.
        width: Frame width in pixels.
        height: Frame height in pixels.
        fps: Nominal frame rate.
        sample_rate: Audio sample rate in Hz; 0 when the source has no sound.
        channels: Audio channels.
    """

    name: str = ""
    width: int = 1280
    height: int = 720
    fps: float = 30.0
    sample_rate: int = 48000
    channels: int = 1

    def __init__(self) -> None:
        self._t0 = time.monotonic()
        self.frames_produced = 0
        self.frames_skipped = 0

    def now(self) -> float:
        """Current time on this source's clock, in seconds since `start`."""
        return time.monotonic() - self._t0

    @abstractmethod
    def start(self, on_video: VideoCallback, on_audio: AudioCallback) -> None:
        """Begin delivering data to the callbacks (from a thread of the source's choosing)."""

    @abstractmethod
    def stop(self) -> None:
        """Stop delivering data; returns when no callback runs any more."""

    @property
    @abstractmethod
    def running(self) -> bool:
        """Whether the source is delivering data."""


class _ThreadedSource(CaptureSource):
    """A source whose data comes from one Python thread paced to real time."""

    def __init__(self) -> None:
        super().__init__()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.error: BaseException | None = None

    def start(self, on_video: VideoCallback, on_audio: AudioCallback) -> None:
        if self.running:
            raise CaptureError(translate("sources", "{name} is already running").format(name=self.name))
        self._stop.clear()
        self._t0 = time.monotonic()
        self._thread = threading.Thread(
            target=self._guarded, args=(on_video, on_audio), name=f"capture-{type(self).__name__}", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(10.0)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _guarded(self, on_video: VideoCallback, on_audio: AudioCallback) -> None:
        try:
            self._produce(on_video, on_audio)
        except BaseException as exc:  # noqa: BLE001 - kept in `error` for the owner to report
            log.exception("capture source %s failed", self.name)
            self.error = exc

    @abstractmethod
    def _produce(self, on_video: VideoCallback, on_audio: AudioCallback) -> None: ...

    def _wait_until(self, t: float) -> bool:
        """Sleep until source time `t`; False when asked to stop."""
        delay = t - self.now()
        if delay > 0:
            return not self._stop.wait(delay)
        return not self._stop.is_set()


class GeneratedSource(_ThreadedSource):
    """Synthetic frames (moving shapes and a running clock) and a tone, in real time.

    Frames are produced on schedule; when the machine cannot keep up, late frames
    are skipped (counted in `frames_skipped`) so the source stays on real time,
    exactly as a camera does.

    Args:
        width: Frame width in pixels.
        height: Frame height in pixels.
        fps: Frames per second.
        sample_rate: Audio sample rate in Hz.
        audio_chunk: Samples per audio callback.
    """

    name = QT_TRANSLATE_NOOP("sources", "Generated test source")

    def __init__(
        self,
        width: int = 1280,
        height: int = 720,
        fps: float = 30.0,
        sample_rate: int = 48000,
        audio_chunk: int = 960,
    ) -> None:
        super().__init__()
        self.name = translate("sources", type(self).name)
        self.width, self.height, self.fps = int(width) // 2 * 2, int(height) // 2 * 2, float(fps)
        self.sample_rate, self.channels = int(sample_rate), 1
        self.audio_chunk = int(audio_chunk)
        y = np.linspace(40, 90, self.height, dtype=np.float32)[:, None]
        x = np.linspace(0, 30, self.width, dtype=np.float32)[None, :]
        base = (y + x).astype(np.uint8)
        self._background = np.stack([base, base + 10, base + 25], axis=-1)
        self._box = max(16, self.height // 6)

    def render(self, index: int) -> np.ndarray:
        """The frame with number `index` (deterministic)."""
        import cv2

        frame = self._background.copy()
        t = index / self.fps
        h, w, box = self.height, self.width, self._box
        bx = int((w - box) * (0.5 + 0.5 * math.sin(t * 0.9)))
        by = int((h - box) * (0.5 + 0.5 * math.sin(t * 1.3 + 1.0)))
        frame[by : by + box, bx : bx + box] = (230, 140, 30)
        cx = int(w / 2 + w / 3 * math.cos(t * 0.6))
        cy = int(h / 2 + h / 4 * math.sin(t * 1.1))
        cv2.circle(frame, (cx, cy), box // 2, (40, 170, 220), -1)
        scale = h / 240
        text = f"{int(t // 60):02d}:{t % 60:06.3f}  #{index}"
        cv2.putText(frame, text, (int(20 * scale), int(40 * scale)), cv2.FONT_HERSHEY_SIMPLEX,
                    scale, (255, 255, 255), max(1, int(2 * scale)), cv2.LINE_AA)
        return frame

    def tone(self, start: int, n: int) -> np.ndarray:
        """`n` samples of the source's sound from sample `start`: a hum with a beep each second."""
        idx = np.arange(start, start + n, dtype=np.float64)
        t = idx / self.sample_rate
        hum = 0.08 * np.sin(2 * np.pi * 220.0 * t)
        beep = np.where((t % 1.0) < 0.15, 0.35 * np.sin(2 * np.pi * 880.0 * t), 0.0)
        return (hum + beep).astype(np.float32)[:, None]

    def _produce(self, on_video: VideoCallback, on_audio: AudioCallback) -> None:
        frame_i = 0
        audio_pos = 0
        chunk_s = self.audio_chunk / self.sample_rate if self.sample_rate else math.inf
        while not self._stop.is_set():
            now = self.now()
            while self.sample_rate and (audio_pos + self.audio_chunk) / self.sample_rate <= now:
                on_audio(self.tone(audio_pos, self.audio_chunk), audio_pos / self.sample_rate)
                audio_pos += self.audio_chunk
            due = int(now * self.fps)
            if due >= frame_i:
                if due > frame_i:  # behind real time: skip to the current frame like a camera would
                    self.frames_skipped += due - frame_i
                    frame_i = due
                on_video(self.render(frame_i), frame_i / self.fps)
                self.frames_produced += 1
                frame_i += 1
            next_audio = (audio_pos + self.audio_chunk) / self.sample_rate if self.sample_rate else math.inf
            if not self._wait_until(min(frame_i / self.fps, next_audio, now + chunk_s)):
                break


class FileSource(_ThreadedSource):
    """A media file decoded with PyAV and delivered in real time, looping at the end.

    Args:
        path: A video file (its audio track, if any, becomes the recorded sound).
        sample_rate: Rate the audio is resampled to.
        loop: Start again at the end of the file (a camera never ends).

    Raises:
        CaptureError: The file cannot be opened or has no video stream.
    """

    def __init__(self, path: str | Path, *, sample_rate: int = 48000, loop: bool = True) -> None:
        import av

        super().__init__()
        self.path = Path(path)
        self.loop = loop
        self.name = translate("sources", "File: {name}").format(name=self.path.name)
        try:
            with av.open(str(self.path)) as container:
                if not container.streams.video:
                    raise CaptureError(translate("sources", "{name} has no video to record from")
                                       .format(name=self.path.name))
                vs = container.streams.video[0]
                self.width, self.height = int(vs.width) // 2 * 2, int(vs.height) // 2 * 2
                self.fps = float(vs.average_rate or 30.0)
                has_audio = bool(container.streams.audio)
        except (av.error.FFmpegError, OSError) as exc:
            raise CaptureError(translate("sources", "cannot open {name} as a capture source: {error}")
                               .format(name=self.path.name, error=exc)) from None
        self.sample_rate = sample_rate if has_audio else 0
        self.channels = 1

    def _produce(self, on_video: VideoCallback, on_audio: AudioCallback) -> None:
        import av

        offset = 0.0
        while not self._stop.is_set():
            end = offset
            with av.open(str(self.path)) as container:
                streams: list[Any] = [container.streams.video[0]]
                if self.sample_rate:
                    streams.append(container.streams.audio[0])
                resampler = av.AudioResampler(format="flt", layout="mono", rate=self.sample_rate or 48000)
                audio_pos = 0
                for frame in container.decode(*streams):
                    if frame.time is None:
                        continue
                    if isinstance(frame, av.VideoFrame):
                        t = offset + float(frame.time)
                        if not self._wait_until(t):
                            return
                        if self.now() - t > 2.0 / self.fps:  # decoding fell behind real time
                            self.frames_skipped += 1
                            continue
                        image = frame.to_ndarray(format="rgb24", width=self.width, height=self.height)
                        on_video(image, t)
                        self.frames_produced += 1
                        end = max(end, t + 1.0 / self.fps)
                    else:
                        for out in resampler.resample(frame):
                            samples = out.to_ndarray().reshape(-1, 1).astype(np.float32, copy=False)
                            t = offset + audio_pos / self.sample_rate
                            on_audio(samples, t)
                            audio_pos += samples.shape[0]
                            end = max(end, offset + audio_pos / self.sample_rate)
            if not self.loop or end <= offset:
                break
            offset = end


def open_source(
    spec: str | None,
    *,
    resolution: str = DEFAULT_RESOLUTION,
    camera_id: str | None = None,
    microphone_id: str | None = None,
) -> CaptureSource:
    """Open the capture source a user or a test asked for.

    Args:
        spec: None for the camera (Qt Multimedia), "generated" for the generated
            test source, else the path of a media file played as a camera.
        resolution: One of `RESOLUTIONS` for the camera and the generated source.
        camera_id: The camera's id (from Qt's device list); None for the default.
        microphone_id: The microphone's id; None for the default.

    Raises:
        CaptureError: The source cannot be opened ("no camera found", not a media file, …).
    """
    width, height, fps = RESOLUTIONS.get(resolution, RESOLUTIONS[DEFAULT_RESOLUTION])
    if spec == GENERATED:
        return GeneratedSource(width, height, fps)
    if spec:
        return FileSource(spec)
    from capture_app.recording.camera import CameraSource

    return CameraSource(camera_id=camera_id, microphone_id=microphone_id, width=width, height=height, fps=fps)
