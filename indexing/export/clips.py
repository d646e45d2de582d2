"""Per-step clips and frames cut from a session's recording with PyAV.

Without face blurring a clip is a stream copy: no decoding, no quality loss,
about as fast as reading the bytes. A copy can only begin at a key frame, so it
starts at the last key frame at or before the step; `ClipInfo.start` says where
it really starts so a reader can skip to the step. With face blurring (or a
codec MP4 cannot hold) the video is decoded, blurred and re-encoded with
H.264, and then the clip starts exactly at the step. The blurred frames are checked on
their way to the encoder by an independent face detector
(`indexing.export.facecheck.ClipCheck`), which fills what it still finds; a face it cannot
remove deletes the clip and stops the export (`FaceLeakError`). Stills are written with
`save_still`, checked the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

from indexing.errors import ExportError

log = logging.getLogger(__name__)

MP4_VIDEO = {"h264", "hevc", "mpeg4", "av1", "vp9"}
MP4_AUDIO = {"aac", "mp3", "opus", "alac", "flac"}


@dataclass(frozen=True)
class ClipInfo:
    """What was written.

    Attributes:
        path: The clip file.
        start: Session time of the clip's first frame (seconds).
        end: Session time where the clip ends (seconds).
        reencoded: True when the video was decoded and encoded again.
        has_audio: Whether the clip carries audio.
    """

    path: str
    start: float
    end: float
    reencoded: bool
    has_audio: bool


def _open(src: str | Path) -> Any:
    import av

    try:
        return av.open(str(src))
    except (av.error.FFmpegError, OSError) as exc:
        raise ExportError(f"cannot read recording {src}: {exc}") from None


def cut_clip(
    src: str | Path,
    start: float,
    end: float,
    dst: str | Path,
    *,
    blurrer: Any = None,
    drop_audio: bool = False,
) -> ClipInfo:
    """Cut `[start, end)` of `src` into the MP4 file `dst`.

    Args:
        src: The session's recording.
        start: Step start in seconds.
        end: Step end in seconds.
        dst: Output path (.mp4).
        blurrer: A `FaceBlurrer`; when given the video is re-encoded with faces blurred and the
            frames are checked for faces by an independent detector (fail closed).
        drop_audio: Leave the audio out.

    Returns:
        Where the clip really starts and ends and how it was made.

    Raises:
        ExportError: The recording cannot be read or the clip cannot be written.
        FaceLeakError: (an ExportError) The check still finds a face after filling it; the
            clip is deleted.
    """
    import av

    with _open(src) as probe:
        v = probe.streams.video[0] if probe.streams.video else None
        a = probe.streams.audio[0] if probe.streams.audio else None
        vcodec = v.codec_context.name if v is not None else ""
        acodec = a.codec_context.name if a is not None else ""
    if v is None and (a is None or drop_audio):
        raise ExportError(f"{src} has nothing to cut (no video, and no audio kept)")
    copy_video = v is not None and blurrer is None and vcodec in MP4_VIDEO
    copy_audio = a is not None and acodec in MP4_AUDIO
    try:
        if v is None or copy_video:
            return _copy(src, start, end, dst, drop_audio=drop_audio, copy_audio=copy_audio)
        return _reencode(src, start, end, dst, blurrer=blurrer, drop_audio=drop_audio,
                         copy_audio=copy_audio)
    except ExportError:
        Path(dst).unlink(missing_ok=True)  # a face the check could not remove: nothing half-anonymized
        raise
    except av.error.FFmpegError as exc:
        Path(dst).unlink(missing_ok=True)
        raise ExportError(f"cannot cut {start:.2f}-{end:.2f}s of {src}: {exc}") from None


def _copy(src: str | Path, start: float, end: float, dst: str | Path, *, drop_audio: bool,
          copy_audio: bool) -> ClipInfo:
    import av

    with _open(src) as inp, av.open(str(dst), "w", format="mp4") as out:
        vin = inp.streams.video[0] if inp.streams.video else None
        ain = inp.streams.audio[0] if inp.streams.audio and not drop_audio else None
        if ain is not None and not copy_audio:
            ain = None  # audio-only PCM sources: copy leaves the audio out rather than re-encode
        streams = [s for s in (vin, ain) if s is not None]
        if not streams:
            raise ExportError(f"{src}: audio codec cannot go into a clip without re-encoding")
        omap = {s.index: out.add_stream_from_template(s) for s in streams}
        lead = vin or ain
        assert lead is not None
        inp.seek(int(max(0.0, start) / lead.time_base), stream=lead, backward=True, any_frame=False)
        t0: float | None = None
        last_t = start
        for packet in inp.demux(*streams):
            if packet.dts is None or packet.pts is None:
                continue
            t = float(packet.pts * packet.time_base)
            if packet.stream is lead:
                if t0 is None:
                    if lead is vin and not packet.is_keyframe:
                        continue
                    t0 = t
                if float(packet.dts * packet.time_base) >= end:
                    break
            elif t0 is None or t < t0 or t >= end:
                continue
            off = int(round(t0 / packet.time_base))
            packet.pts -= off
            packet.dts -= off
            packet.stream = omap[packet.stream.index]
            out.mux(packet)
            last_t = max(last_t, t + float((packet.duration or 0) * packet.time_base))
    return ClipInfo(str(dst), round(t0 if t0 is not None else start, 3), round(min(end, last_t), 3),
                    False, ain is not None)


def _reencode(src: str | Path, start: float, end: float, dst: str | Path, *, blurrer: Any,
              drop_audio: bool, copy_audio: bool) -> ClipInfo:
    from concurrent.futures import ThreadPoolExecutor

    from indexing.export.faces import cv2_threads

    # One worker runs the face detector beside decoding and encoding (OpenCV releases the
    # GIL while detecting); OpenCV's own pool on top of that would only oversubscribe.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="face-detect") as pool, cv2_threads(1):
        return _reencode_with(src, start, end, dst, blurrer=blurrer, drop_audio=drop_audio,
                              copy_audio=copy_audio, pool=pool)


def _reencode_with(src: str | Path, start: float, end: float, dst: str | Path, *, blurrer: Any,
                   drop_audio: bool, copy_audio: bool, pool: Any) -> ClipInfo:
    import av

    with _open(src) as inp, av.open(str(dst), "w", format="mp4") as out:
        vin = inp.streams.video[0]
        ain = inp.streams.audio[0] if inp.streams.audio and not drop_audio else None
        rate = vin.average_rate or vin.guessed_rate or Fraction(25)
        rate = Fraction(rate).limit_denominator(1001)
        vout = out.add_stream("libx264", rate=rate)
        vout.width = vin.codec_context.width // 2 * 2
        vout.height = vin.codec_context.height // 2 * 2
        vout.pix_fmt = "yuv420p"
        vout.options = {"preset": "veryfast", "crf": "20"}
        aout = None
        if ain is not None:
            aout = out.add_stream_from_template(ain) if copy_audio else out.add_stream(
                "aac", rate=ain.codec_context.sample_rate)
        # Frames stay in the encoder's YUV 4:2:0: the Y plane is the detector's grey picture
        # and no colour conversion is needed on either side.
        track = blurrer.track(yuv420=True, executor=pool) if blurrer is not None else None
        guard = None
        if blurrer is not None:
            from indexing.export.facecheck import ClipCheck

            # The check runs here, not on the worker: a cascade must not be used by two threads at once.
            guard = ClipCheck(float(rate), blurrer.hardened(),
                              what=f"the clip {start:.1f}-{end:.1f} s of {Path(src).name}")
        last_pts = -1

        def encode(img: np.ndarray, t: float) -> None:
            nonlocal last_pts
            nf = av.VideoFrame.from_ndarray(img, format="yuv420p")
            pts = max(last_pts + 1, int(round((t - start) * rate)))
            nf.pts, nf.time_base = pts, Fraction(1) / rate
            last_pts = pts
            out.mux(vout.encode(nf))

        inp.seek(int(max(0.0, start) / vin.time_base), stream=vin, backward=True, any_frame=False)
        streams = [s for s in (vin, ain) if s is not None]
        t_last = start
        vdone = False
        for packet in inp.demux(*streams):
            if packet.stream is vin:
                if vdone:
                    continue
                for frame in packet.decode():
                    t = frame.time
                    if t is None or t < start - 1e-6:
                        continue
                    if t >= end:
                        vdone = True
                        break
                    if (frame.width, frame.height, frame.format.name) != (vout.width, vout.height, "yuv420p"):
                        frame = frame.reformat(width=vout.width, height=vout.height, format="yuv420p")
                    img = frame.to_ndarray()
                    t_last = max(t_last, t + 1.0 / float(rate))
                    if track is None:
                        encode(img, t)
                        continue
                    for done, dt in track.push(img[: vout.height], img, t):
                        for checked, ct in guard.push(done, dt):  # type: ignore[union-attr]
                            encode(checked, ct)
            elif aout is not None and packet.pts is not None:
                t = float(packet.pts * packet.time_base)
                if t < start or t >= end:
                    if t >= end and vdone:
                        break
                    continue
                if copy_audio:
                    off = int(round(start / packet.time_base))
                    packet.pts -= off
                    if packet.dts is not None:
                        packet.dts -= off
                    packet.stream = aout
                    out.mux(packet)
                else:
                    for af in packet.decode():
                        af.pts = int(round((float(af.time) - start) * aout.codec_context.sample_rate))
                        af.time_base = Fraction(1, aout.codec_context.sample_rate)
                        out.mux(aout.encode(af))
        if track is not None and guard is not None:
            for done, dt in track.flush():
                for checked, ct in guard.push(done, dt):
                    encode(checked, ct)
            for checked, ct in guard.flush():
                encode(checked, ct)
            blurrer.faces_found += guard.found
            log.debug("clip %s: detector ran on %d frames, the check searched %d, filled %d", dst,
                      len(track.looked_at), guard.looked, guard.repaired)
        out.mux(vout.encode(None))
        if aout is not None and not copy_audio:
            out.mux(aout.encode(None))
    return ClipInfo(str(dst), round(start, 3), round(min(end, t_last), 3), True, ain is not None)


def frame_at(src: str | Path, t: float) -> np.ndarray | None:
    """The first video frame at or after `t` as a BGR array (None without video)."""
    with _open(src) as inp:
        if not inp.streams.video:
            return None
        vin = inp.streams.video[0]
        inp.seek(int(max(0.0, t) / vin.time_base), stream=vin, backward=True, any_frame=False)
        last = None
        for frame in inp.decode(vin):
            last = frame
            if frame.time is not None and frame.time >= t - 1e-6:
                break
        return last.to_ndarray(format="bgr24") if last is not None else None


def save_still(image: np.ndarray, dst: str | Path, blurrer: Any) -> None:
    """Write a still of an export with faces blurred, checked by an independent detector (fail closed).

    Raises:
        FaceLeakError: (an ExportError) A face is still detectable after the harder passes.
    """
    from indexing.export.facecheck import secure_still

    Path(dst).write_bytes(secure_still(image, blurrer, what=f"keyframe {Path(dst).name}"))


def write_jpeg(image: np.ndarray, dst: str | Path, quality: int = 90) -> None:
    """Write a BGR image as JPEG (no metadata)."""
    import cv2

    ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ExportError(f"cannot encode keyframe {dst}")
    Path(dst).write_bytes(buf.tobytes())


def read_image(path: str | Path) -> np.ndarray | None:
    import cv2

    data = np.frombuffer(Path(path).read_bytes(), dtype=np.uint8)
    img = cv2.imdecode(data, cv2.IMREAD_COLOR)
    return img
