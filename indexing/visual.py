"""Visual change analysis: how much the picture changes over time, and where it cuts.

Visual analysis runs beside speech recognition, so it must cost a small
fraction of it. Decoding dominates the cost, so the analysis avoids decoding
wherever it can:

* Packets are demuxed (cheap) and a group of pictures (GOP) is held back until
  its length is known. When keyframes come at most `MAX_KEY_GAP` seconds apart,
  only the keyframes needed for the sample rate are decoded; the rest of the
  GOP is never handed to the decoder.
* When keyframes are sparse, every reference frame has to be decoded, but
  non-reference frames are skipped (`skip_frame = "NONREF"`) and only frames at
  the sample rate are converted.
* Conversion goes straight to a small YUV picture through FFmpeg's scaler; no
  full-size RGB frame is ever made.

A sample's change score mixes the mean absolute difference of small Y, U and V
planes with the distance between luminance histograms (0 = identical, 1 =
completely different). Cuts are samples whose score is high both absolutely
and relative to their neighbours (the idea of PySceneDetect's adaptive content
detector), so steady hand or camera motion does not count as a cut.
"""

from __future__ import annotations

import logging
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indexing.errors import MediaError
from indexing.progress import CancelToken, ProgressCallback, check, report

log = logging.getLogger(__name__)

# Keyframes at most this far apart (seconds) are dense enough to sample from alone.
MAX_KEY_GAP = 2.0
# Longest side of the picture the analysis looks at (pixels).
ANALYSIS_SIZE = 320
# Luminance histogram bins.
HIST_BINS = 32
# A mean absolute pixel difference of this fraction of full scale counts as total change.
PIXEL_FULL_SCALE = 0.25
# Cut detection: absolute floor, ratio to the neighbours' median, neighbours each side,
# smallest distance between two cuts (seconds).
CUT_MIN_SCORE = 0.3
CUT_RATIO = 3.0
CUT_WINDOW = 2
CUT_MIN_GAP = 1.0
# Consecutive undecodable packets after which a stream is given up on.
MAX_BAD_PACKETS = 25


@dataclass(frozen=True)
class VisualChanges:
    """Sampled visual change of one video.

    Attributes:
        times: Sampled frame times in seconds from the start of the media.
        scores: 0..1 change magnitude against the previous sample (the first is 0).
        cuts: Detected scene cuts in seconds.
        sharpness: Per sample, the variance of the Laplacian of the small grey frame
            (higher is sharper; used to choose keyframes).
    """

    times: tuple[float, ...] = ()
    scores: tuple[float, ...] = ()
    cuts: tuple[float, ...] = ()
    sharpness: tuple[float, ...] = ()

    def __len__(self) -> int:
        return len(self.times)


@dataclass
class _Features:
    """What one sampled frame contributes to the change scores."""

    planes: Any  # int16 array (3, h, w): Y (downscaled), U, V
    hist: Any  # float array (HIST_BINS,), sums to 1
    sharpness: float


def media_error(path: str | Path, exc: BaseException | None = None) -> MediaError:
    """Build the one-sentence `MediaError` for an unreadable video."""
    why = f" ({exc})" if exc is not None and str(exc) else ""
    return MediaError(f"Cannot read the video in '{Path(path).name}': the file is damaged or not a media file{why}.")


def open_video(path: str | Path) -> tuple[Any, Any | None]:
    """Open a media file and pick its video stream.

    Attached pictures (cover art in audio files) do not count as video.

    Args:
        path: The media file.

    Returns:
        The open container and its first real video stream, or None without video.

    Raises:
        MediaError: The file cannot be opened as media.
    """
    import av

    try:
        container = av.open(str(path))
    except (av.error.FFmpegError, OSError, ValueError) as exc:
        raise media_error(path, exc) from exc
    for stream in container.streams.video:
        disposition = int(getattr(stream, "disposition", 0) or 0)
        if disposition & 1024:  # AV_DISPOSITION_ATTACHED_PIC
            continue
        return container, stream
    return container, None


def start_offset(container: Any) -> float:
    """Seconds to subtract from stream times so that the media starts at 0."""
    start = getattr(container, "start_time", None)
    return float(start) / 1_000_000 if start is not None else 0.0


def media_duration(container: Any, stream: Any) -> float:
    """Best-effort duration in seconds (0.0 when unknown)."""
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return float(container.duration) / 1_000_000
    return 0.0


def analysis_size(width: int, height: int, longest: int = ANALYSIS_SIZE) -> tuple[int, int]:
    """Even width and height with the longest side at most `longest`, keeping the aspect."""
    scale = min(1.0, longest / max(width, height, 1))
    w = max(4, int(round(width * scale / 4)) * 4)
    h = max(4, int(round(height * scale / 4)) * 4)
    return w, h


def analyze_video(
    path: str | Path,
    *,
    fps: float = 2.0,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    max_key_gap: float = MAX_KEY_GAP,
) -> VisualChanges:
    """Sample a video and measure how much the picture changes.

    Args:
        path: The media file.
        fps: Samples per second wanted. With dense keyframes the samples are the
            keyframes closest to this rate, so the real rate may be lower.
        progress: Called with stage "visual" and the fraction done.
        cancel: Checked while decoding.
        max_key_gap: Keyframes at most this far apart (seconds) are sampled alone; longer
            groups of pictures are decoded, which costs about half a bare decode of them.
            `math.inf` samples keyframes only, however sparse (cheapest, coarsest).

    Returns:
        The samples, change scores, cuts and sharpness; empty for a file without video.

    Raises:
        MediaError: The file is not readable media or no frame can be decoded.
        CancelledError: `cancel` was set.
    """
    if fps <= 0:
        raise ValueError("fps must be positive")
    container, stream = open_video(path)
    try:
        if stream is None:
            log.info("%s has no video; no visual analysis", path)
            report(progress, "visual", 1.0)
            return VisualChanges()
        from av.video.reformatter import VideoReformatter

        duration = media_duration(container, stream)
        scaler = VideoReformatter()  # one scaler for all frames: creating one costs milliseconds
        times: list[float] = []
        scores: list[float] = []
        sharpness: list[float] = []
        prev: _Features | None = None  # only the previous sample is kept: memory stays flat
        for t, frame in sample_frames(
            container, stream, fps, path=path, progress=progress, cancel=cancel, max_key_gap=max_key_gap
        ):
            feat = frame_features(frame, scaler)
            times.append(t)
            scores.append(0.0 if prev is None else change_score(prev, feat))
            sharpness.append(feat.sharpness)
            prev = feat
    finally:
        container.close()
    if not times:
        raise media_error(path)
    widest = max((b - a for a, b in zip(times, times[1:], strict=False)), default=0.0)
    if duration > 0 and times[-1] < duration - 2 * max(1.0 / fps, widest, 1.0):
        log.warning("%s: the video stops at %.1f s of %.1f s (damaged or truncated)", path, times[-1], duration)
    cuts = detect_cuts(times, scores)
    report(progress, "visual", 1.0)
    log.info("%s: %d visual samples, %d cuts", path, len(times), len(cuts))
    return VisualChanges(
        times=tuple(round(t, 4) + 0.0 for t in times),  # + 0.0: no -0.0
        scores=tuple(round(s, 4) for s in scores),
        cuts=tuple(round(c, 4) for c in cuts),
        sharpness=tuple(round(x, 3) for x in sharpness),
    )


def sample_frames(
    container: Any,
    stream: Any,
    fps: float,
    *,
    path: str | Path = "",
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    max_key_gap: float = MAX_KEY_GAP,
) -> Iterator[tuple[float, Any]]:
    """Decode as little as possible to yield frames about `1/fps` seconds apart.

    Args:
        container: An open input container.
        stream: Its video stream.
        fps: Wanted samples per second.
        path: For messages only.
        progress: Called with stage "visual".
        cancel: Checked for every packet.
        max_key_gap: Keyframes at most this far apart are sampled alone.

    Yields:
        (time in seconds from the start of the media, decoded VideoFrame).

    Raises:
        MediaError: Undecodable data before any frame could be decoded.
    """
    import av

    stream.thread_type = "AUTO"
    # Frames nobody references can be dropped by the decoder itself: a sample a
    # few frames off matters less than the decoding time.
    stream.codec_context.skip_frame = "NONREF"
    tb = float(stream.time_base)
    offset = start_offset(container)
    duration = media_duration(container, stream) or 1.0
    rate = float(stream.average_rate or stream.guessed_rate or 30)
    interval = 1.0 / fps
    slack = min(0.5 / rate, interval / 2)

    buffer: list[Any] = []  # the current GOP's packets, keyframe first, not yet decoded
    key_sent = False  # whether buffer[0] (the keyframe) was decoded already
    gop_start: float | None = None
    full = False  # decoding every packet of the current (long) GOP
    last_key_queued = -1e18
    last_sample = -1e18
    bad = 0
    yielded = 0
    next_report = 0.0
    skip_to_key = False  # after a decoding error, wait for the next keyframe

    def decode(packet: Any) -> Iterator[tuple[float, Any]]:
        nonlocal bad, last_sample, yielded, skip_to_key
        try:
            frames = stream.decode(packet)
        except av.error.FFmpegError as exc:
            bad += 1
            skip_to_key = True
            if bad >= MAX_BAD_PACKETS and yielded == 0:
                raise media_error(path, exc) from exc
            log.debug("%s: undecodable video packet (%s); skipping to the next keyframe", path, exc)
            return
        for frame in frames:
            if frame.pts is None:
                continue
            t = frame.pts * tb - offset
            # Keyframes are always taken: they are the cheapest frames to decode again for a keyframe picture.
            if frame.key_frame or t + slack >= last_sample + interval:
                last_sample = t
                yielded += 1
                yield t, frame

    try:
        for packet in container.demux(stream):
            check(cancel)
            if packet.size == 0:
                continue
            ts = packet.pts if packet.pts is not None else packet.dts
            if ts is None:
                continue
            t = ts * tb - offset
            if t >= next_report:
                report(progress, "visual", t / duration)
                next_report = t + duration / 100
            if packet.is_keyframe:
                if skip_to_key:
                    # Start afresh: a frame-threaded decoder would report the damage again later.
                    stream.codec_context.flush_buffers()
                full, gop_start, skip_to_key = False, t, False
                buffer = [packet]
                key_sent = t + slack >= max(last_key_queued, last_sample) + interval
                if key_sent:
                    last_key_queued = t
                    yield from decode(packet)
            elif gop_start is None or skip_to_key:
                continue  # nothing decodable before the (next) keyframe
            elif full:
                yield from decode(packet)
            else:
                buffer.append(packet)
                if t - gop_start > max_key_gap:
                    full = True
                    todo, buffer = buffer[1 if key_sent else 0 :], []
                    for p in todo:
                        yield from decode(p)
                        if skip_to_key:
                            break
    except av.error.FFmpegError as exc:
        if yielded == 0:
            raise media_error(path, exc) from exc
        log.warning("%s: video data ends early (%s); using what was decoded", path, exc)
    if bad:
        log.warning("%s: %d undecodable video packets skipped", path, bad)
    yield from decode(None)


def frame_features(frame: Any, scaler: Any = None) -> _Features:
    """Small Y/U/V planes, a luminance histogram and the sharpness of one frame.

    Args:
        frame: A decoded VideoFrame.
        scaler: An `av.video.reformatter.VideoReformatter` to reuse across frames.
    """
    import cv2
    import numpy as np

    w, h = analysis_size(frame.width, frame.height)
    if scaler is not None:
        small = scaler.reformat(frame, w, h, "yuv420p", interpolation="AREA")
    else:
        small = frame.reformat(w, h, "yuv420p", interpolation="AREA")
    flat = small.to_ndarray().reshape(-1)
    cw, ch = w // 2, h // 2
    y = flat[: w * h].reshape(h, w)
    u = flat[w * h : w * h + cw * ch].reshape(ch, cw)
    v = flat[w * h + cw * ch : w * h + 2 * cw * ch].reshape(ch, cw)
    y_small = cv2.resize(y, (cw, ch), interpolation=cv2.INTER_AREA)
    hist = np.bincount((y_small >> 3).reshape(-1), minlength=HIST_BINS).astype(np.float64)
    hist /= hist.sum()
    sharpness = float(cv2.Laplacian(y, cv2.CV_32F).var())
    planes = np.stack([y_small, u, v]).astype(np.int16)
    return _Features(planes=planes, hist=hist, sharpness=sharpness)


def change_score(a: _Features, b: _Features) -> float:
    """0..1 change between two samples' features."""
    import numpy as np

    pixel = float(np.abs(a.planes - b.planes).mean()) / 255.0
    hist = 0.5 * float(np.abs(a.hist - b.hist).sum())
    return min(1.0, 0.5 * min(1.0, pixel / PIXEL_FULL_SCALE) + 0.5 * hist)


def detect_cuts(
    times: Sequence[float],
    scores: Sequence[float],
    *,
    min_score: float = CUT_MIN_SCORE,
    ratio: float = CUT_RATIO,
    window: int = CUT_WINDOW,
    min_gap: float = CUT_MIN_GAP,
) -> list[float]:
    """Find scene cuts: samples changing much more than their neighbours.

    A cut is placed halfway between the sample before it and the sample that
    shows the new scene, which halves the worst error when samples are sparse.

    Args:
        times: Sample times, ascending.
        scores: Change score per sample (the first is ignored).
        min_score: A cut scores at least this.
        ratio: … and at least this many times the median of its neighbours.
        window: Neighbours looked at on each side.
        min_gap: Of two cuts closer than this (seconds), the stronger is kept.

    Returns:
        Cut times in seconds, ascending.
    """
    cuts: list[tuple[float, float]] = []  # (time, score)
    for i in range(1, len(scores)):
        s = scores[i]
        if s < min_score:
            continue
        neighbours = list(scores[max(1, i - window) : i]) + list(scores[i + 1 : i + 1 + window])
        base = statistics.median(neighbours) if neighbours else 0.0
        if s < ratio * base:
            continue
        t = (times[i - 1] + times[i]) / 2
        if cuts and t - cuts[-1][0] < min_gap:
            if s > cuts[-1][1]:
                cuts[-1] = (t, s)
            continue
        cuts.append((t, s))
    return [t for t, _ in cuts]
