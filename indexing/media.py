"""Probe, hash and decode media files with PyAV.

Every check that can reject a file runs here, before the library is touched:
missing, empty, not media, no audio track, truncated.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from indexing.errors import MediaError
from indexing.models import MediaInfo
from indexing.progress import CancelToken, ProgressCallback, check, report

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

SAMPLE_RATE = 16000

AUDIO_EXTENSIONS = (".wav", ".flac", ".mp3", ".m4a", ".aac", ".ogg", ".opus", ".wma")
VIDEO_EXTENSIONS = (".mp4", ".mov", ".mkv", ".webm", ".avi", ".m4v", ".mts", ".ts", ".3gp", ".wmv")


def _open(path: Path) -> Any:
    import av

    try:
        return av.open(str(path), metadata_errors="ignore")
    except (av.error.InvalidDataError, av.error.EOFError):
        raise MediaError(f"{path.name} is not a media file (or is damaged beyond reading)") from None
    except av.error.FFmpegError as exc:
        raise MediaError(f"{path.name} cannot be read as media: {exc.strerror or exc}") from None


def probe(path: str | os.PathLike[str]) -> MediaInfo:
    """Check that a file is usable narrated media and describe it.

    Args:
        path: A video or audio file.

    Returns:
        Its `MediaInfo`.

    Raises:
        MediaError: Missing, empty, not media, or without an audio track.
    """
    p = Path(path)
    if not p.exists():
        raise MediaError(f"{p} does not exist")
    if p.is_dir():
        raise MediaError(f"{p} is a folder, not a media file")
    if p.stat().st_size == 0:
        raise MediaError(f"{p.name} is empty (0 bytes)")
    container = _open(p)
    try:
        audio = next((s for s in container.streams.audio), None)
        video = next(
            (s for s in container.streams.video
             if not (s.disposition and "attached_pic" in str(s.disposition).lower())),
            None,
        )
        durations = []
        if container.duration:
            durations.append(container.duration / 1_000_000)
        for s in (audio, video):
            if s is not None and s.duration and s.time_base:
                durations.append(float(s.duration * s.time_base))
        duration = max(durations) if durations else 0.0
        if audio is None:
            kind = "video" if video is not None else "file"
            raise MediaError(f"{p.name}: {kind} has no audio track (the narration is needed)")
        fps = 0.0
        if video is not None:
            rate = video.average_rate or video.guessed_rate or video.base_rate
            fps = float(rate) if rate else 0.0
        return MediaInfo(
            path=str(p),
            duration=duration,
            has_audio=True,
            has_video=video is not None,
            fps=round(fps, 3),
            width=int(video.codec_context.width or 0) if video is not None else 0,
            height=int(video.codec_context.height or 0) if video is not None else 0,
            container=container.format.name,
            audio_codec=audio.codec_context.name,
            video_codec=video.codec_context.name if video is not None else "",
        )
    finally:
        container.close()


def file_sha256(path: str | os.PathLike[str], chunk: int = 1 << 20) -> str:
    """SHA-256 of a file's bytes (identifies a recording however it is named)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def decode_audio(
    path: str | os.PathLike[str],
    *,
    expected_duration: float | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> np.ndarray:
    """Decode the first audio track to 16 kHz mono float32 (what Whisper takes).

    Raises:
        MediaError: Undecodable or truncated audio.
    """
    import av
    import numpy as np

    p = Path(path)
    container = _open(p)
    chunks: list[np.ndarray] = []
    decoded = 0
    try:
        stream = container.streams.audio[0]
        stream.thread_type = "AUTO"
        resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        step = SAMPLE_RATE * 30
        next_report = step
        try:
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    arr = out.to_ndarray().reshape(-1)
                    chunks.append(arr)
                    decoded += arr.size
                if decoded >= next_report:
                    next_report += step
                    check(cancel)
                    if expected_duration:
                        report(progress, "decode", decoded / SAMPLE_RATE / expected_duration)
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
        except av.error.FFmpegError as exc:
            got = decoded / SAMPLE_RATE
            raise MediaError(
                f"{p.name}: audio is damaged or truncated at {got:.1f} s ({exc.strerror or exc})"
            ) from None
    finally:
        container.close()
    if not chunks:
        raise MediaError(f"{p.name}: the audio track holds no samples")
    audio = np.concatenate(chunks).astype(np.float32) / 32768.0
    got = audio.size / SAMPLE_RATE
    if expected_duration and expected_duration > 5 and got < 0.9 * expected_duration - 1.0:
        raise MediaError(
            f"{p.name} is truncated: its audio ends at {got:.1f} s of a declared {expected_duration:.1f} s"
        )
    return audio
