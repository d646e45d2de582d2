"""Keyframes: one sharp, representative picture per step.

A step's first and last moments show hands moving into place and transitions,
so the picture is chosen from the inner part of the step's span: the sample
that is sharpest and changes least (a stable, in-focus moment), preferring the
middle when samples are alike. With the visual analysis at hand that choice
costs nothing; without it a few candidate frames per step are decoded and the
sharpest wins.

All chosen frames are then decoded in one pass over the file in time order:
the decoder seeks only when a keyframe lies between where it is and the next
frame wanted, and otherwise decodes forward.
"""

from __future__ import annotations

import bisect
import itertools
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from indexing.errors import MediaError
from indexing.progress import CancelToken, check
from indexing.visual import VisualChanges, media_duration, media_error, open_video, start_offset

log = logging.getLogger(__name__)

# Fraction of a span skipped at each end.
EDGE = 0.15
# Frames decoded per step when no visual analysis is given.
CANDIDATES = 5
# How much a sample's change score (0..1) counts against its relative sharpness (0..1),
# and how much being central counts for.
CHANGE_WEIGHT = 2.0
CENTRE_WEIGHT = 0.1
# … and how much decoding costs: seconds of decoding from the keyframe before, counted in full
# from COST_FULL on; a sample within KEY_TOLERANCE of a keyframe is that keyframe.
COST_WEIGHT = 0.3
COST_FULL = 10.0
KEY_TOLERANCE = 0.02
JPEG_QUALITY = 85
# Without known keyframes, seek when the next wanted frame is further ahead than this (seconds).
SEEK_AHEAD = 2.0
# A seek index is complete when its last keyframe is this close to the end (seconds, or a quarter).
INDEX_SLACK = 12.0
# When a seek lands after the wanted time (imprecise MPEG-TS seeking), retry this much earlier (seconds).
SEEK_RETRY = (2.0, 6.0, 20.0, 60.0)


def extract_keyframes(
    path: str | Path,
    spans: Sequence[tuple[float, float]],
    out_dir: str | Path,
    *,
    visual: VisualChanges | None = None,
    names: Sequence[str] | None = None,
    max_width: int = 960,
    cancel: CancelToken | None = None,
) -> list[tuple[str | None, float | None]]:
    """Save one JPEG keyframe per span.

    Args:
        path: The media file.
        spans: (start, end) in seconds per step.
        out_dir: Folder for the pictures (created when missing).
        visual: The video's visual analysis; when given, frames are chosen from its samples.
        names: File name per span; default `step_000.jpg`, `step_001.jpg`, ….
        max_width: Pictures wider than this are scaled down.
        cancel: Checked while decoding.

    Returns:
        (picture path, frame time) per span, in the order of `spans`;
        (None, None) for every span of a file without video.

    Raises:
        MediaError: The file is not readable media.
        CancelledError: `cancel` was set.
        ValueError: `names` does not match `spans`.
    """
    if names is not None and len(names) != len(spans):
        raise ValueError("names must have one entry per span")
    if not spans:
        return []
    container, stream = open_video(path)
    try:
        if stream is None:
            return [(None, None)] * len(spans)
        duration = media_duration(container, stream)
        rate = float(stream.average_rate or stream.guessed_rate or 30)
        last_t = max(0.0, duration - 1.0 / rate) if duration > 0 else None
        keys, positions = _keyframe_times(container, stream, duration)
        plans = [_candidates(span, visual, last_t, keys) for span in spans]
        targets = sorted((t, i) for i, ts in enumerate(plans) for t in ts)
        best: dict[int, tuple[float, float, Any]] = {}  # span -> (sharpness, time, frame)
        for (_t, i), (ft, frame) in zip(targets, _frames_at(container, stream, [t for t, _ in targets], keys, positions,
                                                             path=path, cancel=cancel), strict=False):
            if frame is None:
                continue
            sharp = _sharpness(frame) if len(plans[i]) > 1 else 0.0
            if i not in best or sharp > best[i][0]:
                best[i] = (sharp, ft, frame)
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        result: list[tuple[str | None, float | None]] = []
        for i in range(len(spans)):
            if i not in best:
                result.append((None, None))
                continue
            _, ft, frame = best[i]
            dest = out / (names[i] if names is not None else f"step_{i:03d}.jpg")
            _save_jpeg(frame, dest, max_width, path)
            result.append((str(dest), round(ft, 4)))
        return result
    finally:
        container.close()


def choose_time(
    span: tuple[float, float], visual: VisualChanges | None, keys: Sequence[float] = ()
) -> float | None:
    """The sample time of `visual` that best represents `span`, or None without samples there.

    Samples in the inner part of the span are ranked by sharpness relative to the
    sharpest of them, minus the change into and out of the sample, plus a little
    for being central, minus a little for the decoding it costs (the distance
    from the keyframe before it, when `keys` are known).
    """
    if visual is None or not visual.times:
        return None
    lo, hi = _inner(span)
    times = visual.times
    i0, i1 = bisect.bisect_left(times, lo), bisect.bisect_right(times, hi)
    if i1 <= i0:
        return None
    top = max(visual.sharpness[i0:i1]) or 1.0
    mid, half = (lo + hi) / 2, max((hi - lo) / 2, 1e-6)

    def value(i: int) -> float:
        change = max(visual.scores[i], visual.scores[i + 1] if i + 1 < len(times) else 0.0)
        centre = 1.0 - abs(times[i] - mid) / half
        cost = 0.0
        if keys:
            k = bisect.bisect_right(keys, times[i] + KEY_TOLERANCE) - 1
            cost = min(1.0, (times[i] - keys[k]) / COST_FULL) if k >= 0 else 1.0
        return visual.sharpness[i] / top - CHANGE_WEIGHT * change + CENTRE_WEIGHT * centre - COST_WEIGHT * cost

    return times[max(range(i0, i1), key=value)]


def _inner(span: tuple[float, float]) -> tuple[float, float]:
    start, end = float(span[0]), float(span[1])
    if end < start:
        start, end = end, start
    edge = (end - start) * EDGE
    return start + edge, end - edge


def _candidates(
    span: tuple[float, float], visual: VisualChanges | None, last_t: float | None, keys: Sequence[float]
) -> list[float]:
    """Times to decode for one span.

    The chosen visual sample when there is one; otherwise up to `CANDIDATES`
    keyframes inside the span (each costs one seek and one decoded frame), or
    evenly spread times when the container has no keyframe index.
    """
    chosen = choose_time(span, visual, keys)
    lo, hi = _inner(span)
    if chosen is not None:
        times = [chosen]
    else:
        inside = keys[bisect.bisect_left(keys, lo) : bisect.bisect_right(keys, hi)]
        if len(inside) > CANDIDATES:
            step = (len(inside) - 1) / (CANDIDATES - 1)
            inside = [inside[round(k * step)] for k in range(CANDIDATES)]
        if inside:
            times = list(inside)
        elif keys or hi - lo <= 0.2:
            times = [(lo + hi) / 2]
        else:
            times = [lo + (hi - lo) * k / (CANDIDATES - 1) for k in range(CANDIDATES)]
    if last_t is not None:
        times = [min(t, last_t) for t in times]
    return [max(0.0, t) for t in times]


def _frames_at(
    container: Any,
    stream: Any,
    wanted: Sequence[float],
    keys: Sequence[float],
    positions: Sequence[int],
    *,
    path: str | Path,
    cancel: CancelToken | None,
) -> Iterator[tuple[float, Any]]:
    """Decode the frame at or just after each wanted time (ascending), in one pass.

    Yields:
        (frame time, VideoFrame) per wanted time; the last decoded frame when the
        video ends before a wanted time; (0.0, None) when nothing decodes at all.
    """

    stream.thread_type = "AUTO"
    tb = float(stream.time_base)
    offset = start_offset(container)
    rate = float(stream.average_rate or stream.guessed_rate or 30)
    slack = 0.5 / rate
    frames: Iterator[Any] = _decoded(container, stream, path)  # from the start, no seek needed
    current: tuple[float, Any] | None = None  # last frame decoded since the last seek
    pending: tuple[float, Any] | None = None  # the last frame handed out, maybe good for the next time too
    byte_seek = bool(positions)
    for want in wanted:
        check(cancel)
        if pending is not None and pending[0] + slack >= want:
            yield pending
            continue
        pos = current[0] if current is not None else -1.0
        if _should_seek(pos, want, keys):
            seeked = None
            k = bisect.bisect_right(keys, want + slack) - 1
            if byte_seek and k >= 0 and positions[k] >= 0:
                # Exact where seeking by time is a guess (MPEG-TS); where it fails, time it is.
                seeked = _byte_seek(container, stream, positions[k], keys[k], path)
                byte_seek = seeked is not None
            if seeked is None:
                seeked = _seek(container, stream, want, slack, path)
            if seeked is not None:
                frames, current = seeked, None
        found = None
        for frame in frames:
            check(cancel)
            if frame.pts is None:
                continue
            current = (float(frame.pts * tb) - offset, frame)
            if current[0] + slack >= want:
                found = current
                break
        if found is None:
            # The video ended before `want`: its last frame stands in for the rest
            # (none when the data there is damaged and nothing decoded after the seek).
            pending = current if current is not None else (0.0, None)
            slack = float("inf")
            yield pending
        else:
            pending = found
            yield found


def _seek(container: Any, stream: Any, want: float, slack: float, path: str | Path) -> Iterator[Any] | None:
    """Seek to the keyframe at or before `want`; the decoded frames from there, or None when seeking fails.

    Some containers (MPEG-TS) seek by guessing a byte position and may land
    after `want` or past the end: then the seek is retried further back.
    """
    import av

    tb = float(stream.time_base)
    offset = start_offset(container)
    frames: Iterator[Any] | None = None
    for back in (0.0, *SEEK_RETRY, float("inf")):
        target = max(0.0, want - back)
        try:
            container.seek(int((target + offset) / tb), stream=stream, backward=True)
        except av.error.FFmpegError as exc:
            log.debug("%s: seek to %.2fs failed (%s)", path, target, exc)
            return frames
        frames = _decoded(container, stream, path)
        first = next((f for f in frames if f.pts is not None), None)
        if first is None:
            frames = iter(())
        else:
            frames = itertools.chain([first], frames)
            if first.pts * tb - offset <= want + slack:
                return frames
        if target <= 0.0:
            break
    return frames


def _byte_seek(container: Any, stream: Any, pos: int, key_t: float, path: str | Path) -> Iterator[Any] | None:
    """Seek to the keyframe packet at byte `pos`; its decoded frames, or None when that does not work."""
    import av

    tb = float(stream.time_base)
    try:
        container.seek(pos, unsupported_byte_offset=True)
    except av.error.FFmpegError as exc:
        log.debug("%s: byte seek failed (%s)", path, exc)
        return None
    frames = _decoded(container, stream, path)
    first = next((f for f in frames if f.pts is not None), None)
    if first is None or abs(first.pts * tb - start_offset(container) - key_t) > 0.1:
        return None
    return itertools.chain([first], frames)


def _decoded(container: Any, stream: Any, path: str | Path) -> Iterator[Any]:
    """Frames from the current position; decoding errors after the first frame end the stream."""
    import av

    got = False
    try:
        for packet in container.demux(stream):
            try:
                for frame in stream.decode(packet):
                    got = True
                    yield frame
            except av.error.InvalidDataError:
                continue
    except av.error.FFmpegError as exc:
        if not got:
            raise media_error(path, exc) from exc
        log.warning("%s: video data ends early (%s)", path, exc)


def _keyframe_times(container: Any, stream: Any, duration: float) -> tuple[list[float], list[int]]:
    """Presentation times of the video's keyframes, and their byte positions when scanned.

    Taken from the container's seek index when it covers the whole video (MP4,
    MOV); otherwise (Matroska before its cues are read, MPEG-TS) from one pass
    over the packets without decoding, which also yields each keyframe's byte
    position. The index holds decoding times; a keyframe is shown later by the
    reordering delay, read off the first keyframe packet. Leaves the demuxer
    anywhere: the caller seeks first.
    """
    import av

    tb = float(stream.time_base)
    offset = start_offset(container)
    try:
        dts = sorted(e.timestamp * tb - offset for e in stream.index_entries if e.is_keyframe)  # PyAV >= 15
    except (AttributeError, TypeError):
        dts = []
    keys: list[tuple[float, int]] = []
    delay: float | None = None
    try:
        for packet in container.demux(stream):
            if not packet.is_keyframe or packet.pts is None:
                continue
            if delay is None:
                delay = (packet.pts - packet.dts) * tb if packet.dts is not None else 0.0
                if dts and dts[-1] >= duration - max(INDEX_SLACK, duration / 4):
                    return [t + delay for t in dts], []  # the index covers the video
            keys.append((packet.pts * tb - offset, packet.pos if packet.pos is not None else -1))
    except av.error.FFmpegError as exc:
        log.debug("keyframe scan stopped early (%s)", exc)
    keys.sort()
    return [t for t, _ in keys], [pos for _, pos in keys]


def _should_seek(pos: float, want: float, keys: Sequence[float]) -> bool:
    """Seek when a keyframe lies between the decoder's position and the wanted time."""
    if want < pos or (keys and pos < 0):
        return True  # backwards, or the first frame after reading the index
    if keys:
        k = bisect.bisect_right(keys, want) - 1
        return k >= 0 and keys[k] > pos + 1e-3
    return want - pos > SEEK_AHEAD


def _sharpness(frame: Any) -> float:
    import cv2

    from indexing.visual import analysis_size

    w, h = analysis_size(frame.width, frame.height)
    grey = frame.to_ndarray(format="gray", width=w, height=h, interpolation="AREA")
    return float(cv2.Laplacian(grey, cv2.CV_32F).var())


def _save_jpeg(frame: Any, dest: Path, max_width: int, path: str | Path) -> None:
    """Write `frame` as a JPEG no wider than `max_width`, upright."""
    import cv2
    import numpy as np

    w, h = frame.width, frame.height
    if max_width > 0 and w > max_width:
        w, h = max_width, max(2, int(round(h * max_width / frame.width / 2)) * 2)
    bgr = frame.to_ndarray(format="bgr24", width=w, height=h, interpolation="AREA")
    turns = int(round((getattr(frame, "rotation", 0) or 0) / 90)) % 4
    if turns:
        bgr = np.ascontiguousarray(np.rot90(bgr, k=turns))
    ok, data = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise MediaError(f"Cannot encode a keyframe of '{Path(path).name}' as JPEG.")
    dest.write_bytes(data.tobytes())
