"""Crash-safe recording file writer (Qt-free).

Writes fragmented MP4 with PyAV: H.264 (libx264, ``ultrafast``/``zerolatency``)
video with a forced keyframe every second and AAC audio. Because every keyframe
starts a new self-contained fragment that is flushed to the file (and fsynced
about once a second), a process or tablet that dies mid-recording leaves a
playable file that lacks at most the last one to two seconds.

Timestamps are media times in seconds (the recorder's media clock). Audio pts
follow the sample count; when the clock and the sample count disagree by more
than a few tens of milliseconds (a dropped chunk, a late device) the writer pads
with silence or trims so audio and video stay in sync.

`write_video` and `write_audio` may be called from any thread: they only queue
the data; one encoder thread converts, encodes and muxes. When the encoder falls
behind, video frames are dropped (counted in `stats`) rather than letting memory
grow; audio is never dropped.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

MOVFLAGS = "frag_keyframe+empty_moov+default_base_moof"
VIDEO_TIME_BASE = Fraction(1, 90000)
KEYFRAME_INTERVAL_S = 1.0
FSYNC_INTERVAL_S = 1.0
AUDIO_RESYNC_S = 0.04
# FFmpeg's AAC encoder emits its first packet 1024 samples before the first input
# sample. Fragmented MP4 has no edit list to hide that, so the muxer would shift
# every stream by 21 ms; feeding audio that much later keeps video pts == media time.
AAC_PRIMING = 1024

_STOP = object()


class WriterError(RuntimeError):
    """The recording file cannot be created or written."""


@dataclass
class WriterStats:
    """Counters of one writer, read while recording and after `close`.

    Attributes:
        frames_in: Video frames handed to `write_video`.
        frames_written: Video frames encoded into the file.
        frames_dropped: Frames dropped because the encoder fell behind, or out of order.
        audio_samples: Audio samples encoded (per channel), silence padding included.
        audio_padded: Samples of silence inserted to keep audio in sync.
        encode_seconds: Time the encoder thread spent converting, encoding and muxing.
        last_video_t: Media time of the newest frame written, seconds.
        bytes_written: Size of the file at the last flush.
    """

    frames_in: int = 0
    frames_written: int = 0
    frames_dropped: int = 0
    audio_samples: int = 0
    audio_padded: int = 0
    encode_seconds: float = 0.0
    last_video_t: float = 0.0
    bytes_written: int = 0


class FragmentedMp4Writer:
    """Write video frames and audio chunks to a crash-safe fragmented MP4.

    Args:
        path: The file to create (overwritten if it exists).
        width: Frame width in pixels (even).
        height: Frame height in pixels (even).
        fps: Nominal frame rate; frames may arrive at any rate, pts follow their times.
        sample_rate: Audio sample rate in Hz; 0 records no audio track.
        channels: Audio channels (1 or 2).
        crf: x264 constant rate factor (lower is better quality, bigger files).
        max_queue_frames: Video frames that may wait for the encoder before new ones are dropped.

    Raises:
        WriterError: The file or the encoders cannot be opened.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        width: int,
        height: int,
        fps: float = 30.0,
        sample_rate: int = 48000,
        channels: int = 1,
        crf: int = 23,
        max_queue_frames: int = 45,
    ) -> None:
        import av

        self.path = Path(path)
        self.width = int(width) // 2 * 2
        self.height = int(height) // 2 * 2
        self.fps = float(fps)
        self.sample_rate = int(sample_rate)
        self.channels = int(channels)
        self.stats = WriterStats()
        self._lock = threading.Lock()
        self._video_q: queue.Queue[Any] = queue.Queue()
        self._max_queue = max_queue_frames
        self._queued_frames = 0
        self._closed = False
        self._error: BaseException | None = None
        try:
            # our own descriptor on the same inode, to fsync what FFmpeg writes
            self._sync_fd = os.open(self.path, os.O_RDONLY | os.O_CREAT, 0o644)
        except OSError as exc:
            raise WriterError(f"cannot create recording file {self.path}: {exc.strerror}") from exc
        try:
            self._container = av.open(
                str(self.path),
                mode="w",
                format="mp4",
                options={"movflags": MOVFLAGS, "flush_packets": "1", "max_interleave_delta": "500000"},
            )
            gop = max(1, round(self.fps * KEYFRAME_INTERVAL_S))
            self._vstream = self._container.add_stream(
                "libx264",
                rate=max(1, round(self.fps)),
                options={"preset": "ultrafast", "tune": "zerolatency", "crf": str(crf),
                         "g": str(gop), "keyint_min": str(gop), "sc_threshold": "0"},
            )
            self._vstream.width = self.width
            self._vstream.height = self.height
            self._vstream.pix_fmt = "yuv420p"
            self._vstream.codec_context.time_base = VIDEO_TIME_BASE
            self._astream = None
            if self.sample_rate > 0:
                layout = "mono" if self.channels == 1 else "stereo"
                self._astream = self._container.add_stream("aac", rate=self.sample_rate, layout=layout)
                self._astream.codec_context.bit_rate = 96000 * self.channels
        except (av.error.FFmpegError, OSError, ValueError) as exc:
            os.close(self._sync_fd)
            raise WriterError(f"cannot create recording file {self.path}: {exc}") from exc
        self._next_keyframe_t = 0.0
        self._last_pts = -1
        self._audio_pos = 0  # next audio pts, in samples
        self._last_sync = time.monotonic()
        self._thread = threading.Thread(target=self._run, name="recording-encoder", daemon=True)
        self._thread.start()

    # -- producer side (any thread) ----------------------------------------------------
    def write_video(self, frame: np.ndarray, t: float) -> bool:
        """Queue one RGB frame (height x width x 3, uint8) at media time `t`.

        Returns:
            False when the frame was dropped because the encoder is behind or the writer is closed.
        """
        with self._lock:
            self.stats.frames_in += 1
            if self._closed or self._queued_frames >= self._max_queue:
                self.stats.frames_dropped += 1
                return False
            self._queued_frames += 1
        self._video_q.put(("v", frame, float(t)))
        return True

    def write_audio(self, samples: np.ndarray, t: float) -> None:
        """Queue audio samples starting at media time `t`.

        Args:
            samples: float32 in -1..1 (or int16), shape (n,) or (n, channels).
            t: Media time of the first sample, seconds.
        """
        if self._astream is None:
            return
        with self._lock:
            if self._closed:
                return
        self._video_q.put(("a", samples, float(t)))

    @property
    def queued_frames(self) -> int:
        """Video frames waiting for the encoder."""
        return self._queued_frames

    @property
    def error(self) -> BaseException | None:
        """The error that stopped the encoder thread, if any."""
        return self._error

    def close(self, timeout: float | None = 30.0) -> WriterStats:
        """Encode what is queued, flush the encoders, finish the file and stop the thread.

        Returns:
            The final counters.

        Raises:
            WriterError: The encoder thread failed while writing.
        """
        with self._lock:
            if self._closed:
                return self.stats
            self._closed = True
        self._video_q.put(_STOP)
        self._thread.join(timeout)
        if self._error is not None:
            raise WriterError(f"recording file {self.path} could not be written: {self._error}")
        return self.stats

    # -- encoder thread ------------------------------------------------------------------
    def _run(self) -> None:
        try:
            while True:
                item = self._video_q.get()
                if item is _STOP:
                    break
                kind, data, t = item
                started = time.perf_counter()
                if kind == "v":
                    with self._lock:
                        self._queued_frames -= 1
                    self._encode_video(data, t)
                else:
                    self._encode_audio(data, t)
                self.stats.encode_seconds += time.perf_counter() - started
                if time.monotonic() - self._last_sync >= FSYNC_INTERVAL_S:
                    self._sync()
            self._finish()
        except BaseException as exc:  # noqa: BLE001 - reported through close() and `error`
            log.exception("recording encoder failed")
            self._error = exc
            with self._lock:
                self._closed = True
            self._close_quietly()

    def _encode_video(self, frame: np.ndarray, t: float) -> None:
        import av

        pts = round(t / VIDEO_TIME_BASE)
        if pts <= self._last_pts:
            self.stats.frames_dropped += 1
            return
        if frame.shape[0] != self.height or frame.shape[1] != self.width:
            frame = np.ascontiguousarray(frame[: self.height, : self.width])
        vf = av.VideoFrame.from_ndarray(frame, format="rgb24")
        vf.pts = pts
        vf.time_base = VIDEO_TIME_BASE
        if t >= self._next_keyframe_t:
            vf.pict_type = av.video.frame.PictureType.I
            self._next_keyframe_t = t + KEYFRAME_INTERVAL_S
        for packet in self._vstream.encode(vf):
            self._container.mux(packet)
        self._last_pts = pts
        self.stats.frames_written += 1
        self.stats.last_video_t = t

    def _encode_audio(self, samples: np.ndarray, t: float) -> None:
        data = np.asarray(samples)
        if data.dtype == np.int16:
            data = data.astype(np.float32) / 32768.0
        data = data.astype(np.float32, copy=False)
        if data.ndim == 1:
            data = data[:, None]
        data = _fit_channels(data, self.channels)
        start = round(t * self.sample_rate)
        gap = start - self._audio_pos
        if abs(gap) > AUDIO_RESYNC_S * self.sample_rate:
            if gap > 0:  # a hole in the input: keep sync with silence
                self._push_audio(np.zeros((gap, self.channels), np.float32))
                self.stats.audio_padded += gap
            else:  # overlap: drop what was already written
                data = data[-gap:]
        if len(data):
            self._push_audio(data)

    def _push_audio(self, data: np.ndarray) -> None:
        import av

        assert self._astream is not None
        planar = np.ascontiguousarray(data.T)
        layout = "mono" if self.channels == 1 else "stereo"
        af = av.AudioFrame.from_ndarray(planar, format="fltp", layout=layout)
        af.sample_rate = self.sample_rate
        af.pts = self._audio_pos + AAC_PRIMING
        af.time_base = Fraction(1, self.sample_rate)
        for packet in self._astream.encode(af):
            self._container.mux(packet)
        self._audio_pos += data.shape[0]
        self.stats.audio_samples += data.shape[0]

    def _sync(self) -> None:
        try:
            os.fsync(self._sync_fd)
            self.stats.bytes_written = os.fstat(self._sync_fd).st_size
        except OSError as exc:
            log.warning("fsync of %s failed: %s", self.path, exc)
        self._last_sync = time.monotonic()

    def _finish(self) -> None:
        for packet in self._vstream.encode(None):
            self._container.mux(packet)
        if self._astream is not None:
            for packet in self._astream.encode(None):
                self._container.mux(packet)
        self._container.close()
        self._sync()
        os.close(self._sync_fd)

    def _close_quietly(self) -> None:
        try:
            self._container.close()
        except Exception:  # noqa: BLE001 - already failing; the first error is the one reported
            log.debug("closing a failed recording file also failed", exc_info=True)
        try:
            os.close(self._sync_fd)
        except OSError:
            pass


def _fit_channels(data: np.ndarray, channels: int) -> np.ndarray:
    """Mix down or duplicate channels to match the output layout."""
    if data.shape[1] == channels:
        return data
    if channels == 1:
        return data.mean(axis=1, keepdims=True)
    return np.repeat(data[:, :1], channels, axis=1)
