"""One recording at the workstation: media clock, files and markers (Qt-free).

A recording lives in `<library>/media/_recordings/<timestamp>/`:

- `recording.mp4`: fragmented MP4 from `FragmentedMp4Writer` (playable after a crash),
- `session.json`: the session form, written (and fsynced) when recording starts,
- `markers.jsonl`: one line per tap or note edit, appended and fsynced at once,
- `recording.lock`: held (flock) while this process records, so recovery never
  touches a recording that is still going,
- `finished`: written after a clean stop; a folder without it is unfinished.
- `ingested`: written once the recording's ingest succeeded (see `recovery.py`).

Nothing depends on the process surviving: everything needed to recover the
recording is on disk the moment it happens.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import logging
import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from capture_app.i18n import translate
from capture_app.recording.sources import CaptureSource
from capture_app.recording.writer import FragmentedMp4Writer, WriterStats
from indexing.models import MARKER_KINDS, Marker

log = logging.getLogger(__name__)

RECORDINGS = "_recordings"
MEDIA_NAME = "recording.mp4"
SESSION_JSON = "session.json"
MARKERS_JSONL = "markers.jsonl"
FINISHED = "finished"
LOCK = "recording.lock"
FORM_FIELDS = ("title", "expert", "workstation", "process", "language")

LOW_DISK_BYTES = 2 * 1024**3
LOW_DISK_SECONDS = 10 * 60
STOP_DISK_BYTES = 300 * 1024**2
SOUND_CHECK_AFTER = 10.0  # seconds recorded before the share of sound that arrived is judged
SOUND_SHARE_LOW = 0.5  # below this share the Record view warns that sound is missing
# Until a recording has run a few seconds: a cautious guess for 720p30 camera footage at crf 23
# (the generated test source needs only ~160 kB/s; busy, noisy camera pictures need more).
DEFAULT_BYTES_PER_SECOND = 400_000


class RecordingError(RuntimeError):
    """A recording cannot be started or finished. Its message is user-facing."""


def recordings_dir(library_root: str | os.PathLike[str]) -> Path:
    """The folder holding every recording of a library."""
    return Path(library_root) / "media" / RECORDINGS


def write_json_durably(path: Path, data: dict[str, Any]) -> None:
    """Write JSON to `path` atomically and fsync it, so a crash leaves old or new, never half."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def read_markers(path: Path) -> list[Marker]:
    """Markers from a `markers.jsonl`, later lines for the same id winning; a torn last line is skipped."""
    by_id: dict[int, Marker | None] = {}
    if not path.exists():
        return []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            rec = json.loads(line)
            if rec.get("deleted"):
                by_id[int(rec["id"])] = None
            else:
                by_id[int(rec["id"])] = Marker(t=float(rec["t"]), kind=str(rec["kind"]), note=str(rec.get("note", "")))
        except (ValueError, KeyError, TypeError):
            log.warning("skipping a damaged line in %s", path)
    return sorted((m for m in by_id.values() if m is not None), key=lambda m: m.t)


@dataclass
class _Span:
    """A stretch of source time that is recorded, mapped onto media time."""

    src_start: float
    media_start: float
    src_end: float | None = None


@dataclass
class RecordingResult:
    """A finished recording: its media file and the session metadata for ingest."""

    folder: Path
    media_path: Path
    meta: dict[str, Any]
    duration: float
    stats: WriterStats = field(default_factory=WriterStats)


class Recorder:
    """Record a capture source into the library, with markers, pause and crash safety.

    The source runs from `attach` to `detach` (that is the live preview); only
    between `start` and `stop` does anything reach the disk. All methods may be
    called from any thread; the source's callbacks run on the source's thread.

    Args:
        library_root: The library folder.
        source: Where frames and sound come from.
        crf: x264 quality for the recording.
    """

    def __init__(self, library_root: str | os.PathLike[str], source: CaptureSource, *, crf: int = 23) -> None:
        self.library_root = Path(library_root)
        self.source = source
        self.crf = crf
        self.state = "idle"
        self.folder: Path | None = None
        self.latest_frame: np.ndarray | None = None
        self.audio_level = 0.0
        self._lock = threading.RLock()
        self._writer: FragmentedMp4Writer | None = None
        self._spans: list[_Span] = []
        self._meta: dict[str, Any] = {}
        self._marker_id = 0
        self._markers_fh: Any = None
        self._lock_fd: int | None = None
        self._newest_media_t = 0.0
        self._audio_samples = 0  # samples written in this recording

    # -- source lifecycle -------------------------------------------------------------
    def attach(self) -> None:
        """Start the source (live preview and level meter), if not running."""
        if not self.source.running:
            self.source.start(self._on_video, self._on_audio)

    def detach(self) -> None:
        """Stop a running recording cleanly, then stop the source."""
        if self.state in ("recording", "paused"):
            self.stop()
        self.source.stop()

    # -- recording ---------------------------------------------------------------------
    def start(self, form: dict[str, Any]) -> Path:
        """Create the recording folder and files and begin writing.

        Args:
            form: title, expert, workstation, process, language and consent (must be True).

        Returns:
            The recording folder.

        Raises:
            RecordingError: No consent, already recording, or the files cannot be created.
        """
        if form.get("consent") is not True:
            raise RecordingError(translate("recording", "the expert's consent is required before recording"))
        with self._lock:
            if self.state != "idle":
                raise RecordingError(translate("recording", "cannot start: recording is {state}")
                                     .format(state=self.state))
            self.attach()
            free, _, _ = self.disk_status()
            if free < STOP_DISK_BYTES:
                raise RecordingError(translate("recording", "not enough free disk space to record ({mb} MB left)")
                                     .format(mb=f"{free / 1e6:.0f}"))
            stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            folder = recordings_dir(self.library_root) / stamp
            try:
                folder.mkdir(parents=True, exist_ok=False)
                self._take_lock(folder)
                src = self.source
                self._meta = {k: str(form.get(k, "") or "") for k in FORM_FIELDS}
                self._meta["consent"] = True
                self._meta.update(
                    started_at=_dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                    source=src.name, width=src.width, height=src.height, fps=src.fps,
                    sample_rate=src.sample_rate, media=MEDIA_NAME, pid=os.getpid(),
                )
                write_json_durably(folder / SESSION_JSON, self._meta)
                self._markers_fh = open(folder / MARKERS_JSONL, "a", encoding="utf-8")  # noqa: SIM115
                self._writer = FragmentedMp4Writer(
                    folder / MEDIA_NAME, width=src.width, height=src.height, fps=src.fps,
                    sample_rate=src.sample_rate, channels=src.channels, crf=self.crf,
                )
            except (OSError, RuntimeError) as exc:
                self._release_files()
                raise RecordingError(translate("recording", "cannot start recording in {folder}: {error}")
                                     .format(folder=folder, error=exc)) from exc
            _fsync_dir(folder)
            self.folder = folder
            self._spans = [_Span(src_start=self.source.now(), media_start=0.0)]
            self._marker_id = 0
            self._newest_media_t = 0.0
            self._audio_samples = 0
            self.state = "recording"
            log.info("recording started in %s from %s", folder, src.name)
            return folder

    def pause(self) -> None:
        """Stop writing until `resume`; the pause leaves no gap in the media."""
        with self._lock:
            if self.state == "recording":
                self._spans[-1].src_end = self.source.now()
                self.state = "paused"

    def resume(self) -> None:
        """Continue writing after `pause`."""
        with self._lock:
            if self.state == "paused":
                last = self._spans[-1]
                assert last.src_end is not None
                media = last.media_start + (last.src_end - last.src_start)
                self._spans.append(_Span(src_start=self.source.now(), media_start=media))
                self.state = "recording"

    def media_time(self) -> float:
        """The media time of this moment (frozen while paused; 0 when idle)."""
        with self._lock:
            if not self._spans or self.state in ("idle",):
                return 0.0
            last = self._spans[-1]
            end = last.src_end if last.src_end is not None else self.source.now()
            return max(0.0, last.media_start + end - last.src_start)

    def sound_share(self) -> float | None:
        """The share of this recording's media time that sound has reached (None: no microphone,
        or under `SOUND_CHECK_AFTER` seconds recorded).

        A microphone that opens but delivers only part of its sound (a driver or sound server that
        drops what does not fit its buffer) records a session without its narration, silently.
        """
        rate = self.source.sample_rate
        media = self.media_time()
        if not rate or media < SOUND_CHECK_AFTER:
            return None
        with self._lock:
            return min(1.0, self._audio_samples / rate / media)

    def mark(self, kind: str, note: str = "") -> tuple[int, Marker]:
        """Store a marker at the media time of this moment, durably.

        Returns:
            The marker's id (for `set_note`) and the marker.

        Raises:
            RecordingError: Not recording, or an unknown kind.
        """
        if kind not in MARKER_KINDS:
            raise RecordingError(translate("recording", "unknown marker kind '{kind}'").format(kind=kind))
        with self._lock:
            if self.state not in ("recording", "paused"):
                raise RecordingError(translate("recording", "markers can only be set while recording"))
            self._marker_id += 1
            marker = Marker(t=round(self.media_time(), 3), kind=kind, note=note)
            self._append_marker(self._marker_id, marker)
            return self._marker_id, marker

    def set_note(self, marker_id: int, marker: Marker, note: str) -> Marker:
        """Attach a typed note to a marker already stored (appends a newer line for it)."""
        updated = Marker(t=marker.t, kind=marker.kind, note=note.strip())
        with self._lock:
            if self._markers_fh is None:
                raise RecordingError(translate("recording", "the recording has already finished"))
            self._append_marker(marker_id, updated)
        return updated

    def remove_marker(self, marker_id: int) -> None:
        """Take back a mistaken tap."""
        with self._lock:
            if self._markers_fh is None:
                raise RecordingError(translate("recording", "the recording has already finished"))
            self._write_marker_line({"id": marker_id, "deleted": True})

    def markers(self) -> list[Marker]:
        """The markers of the current (or last) recording, from disk."""
        return read_markers(self.folder / MARKERS_JSONL) if self.folder else []

    def stop(self) -> RecordingResult:
        """Finish the file, write the `finished` flag and return the recording.

        Raises:
            RecordingError: Not recording, or the file could not be finished.
        """
        with self._lock:
            if self.state not in ("recording", "paused"):
                raise RecordingError(translate("recording", "not recording"))
            if self._spans[-1].src_end is None:
                self._spans[-1].src_end = self.source.now()
            duration = self.media_time()
            self.state = "stopping"
            writer, folder = self._writer, self.folder
        assert writer is not None and folder is not None
        try:
            stats = writer.close()
        except RuntimeError as exc:
            with self._lock:
                self._release_files()
                self.state = "idle"
            raise RecordingError(str(exc)) from exc
        with self._lock:
            markers = read_markers(folder / MARKERS_JSONL)
            write_json_durably(folder / FINISHED, {
                "stopped_at": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                "duration": round(duration, 3), "frames_written": stats.frames_written,
                "frames_dropped": stats.frames_dropped + self.source.frames_skipped,
            })
            self._release_files()
            self.state = "idle"
        meta = session_meta(self._meta, markers)
        log.info("recording finished: %s (%.1f s, %d markers)", folder, duration, len(markers))
        return RecordingResult(folder=folder, media_path=folder / MEDIA_NAME, meta=meta,
                               duration=duration, stats=stats)

    # -- disk -----------------------------------------------------------------------------
    def disk_status(self) -> tuple[int, float, bool]:
        """Free bytes on the library's disk, seconds of recording they hold, and whether to warn."""
        root = self.library_root
        while not root.exists() and root != root.parent:
            root = root.parent
        free = shutil.disk_usage(root).free
        rate = float(DEFAULT_BYTES_PER_SECOND)
        with self._lock:
            writer = self._writer
            if writer is not None and writer.stats.bytes_written and self._newest_media_t > 5:
                rate = max(rate / 4, writer.stats.bytes_written / self._newest_media_t)
        seconds = free / rate
        return free, seconds, free < LOW_DISK_BYTES or seconds < LOW_DISK_SECONDS

    @property
    def writer_stats(self) -> WriterStats | None:
        """Counters of the writer of the current recording."""
        return self._writer.stats if self._writer else None

    # -- source callbacks (source thread) ------------------------------------------------------
    def _to_media(self, t: float) -> float | None:
        for span in reversed(self._spans):
            if t >= span.src_start:
                if span.src_end is not None and t >= span.src_end:
                    return None
                return span.media_start + (t - span.src_start)
        return None

    def _on_video(self, frame: np.ndarray, t: float) -> None:
        self.latest_frame = frame
        with self._lock:
            if self.state != "recording" or self._writer is None:
                return
            media_t = self._to_media(t)
            writer = self._writer
        if media_t is not None:
            writer.write_video(frame, media_t)
            self._newest_media_t = max(self._newest_media_t, media_t)

    def _on_audio(self, samples: np.ndarray, t: float) -> None:
        if len(samples):
            self.audio_level = float(np.max(np.abs(samples)))
        with self._lock:
            if self.state != "recording" or self._writer is None or not len(samples):
                return
            rate = self.source.sample_rate
            span = self._spans[-1]
            # trim the chunk to the part inside the current span
            first = max(0, int(round((span.src_start - t) * rate)))
            if span.src_end is not None:
                last = min(len(samples), int(round((span.src_end - t) * rate)))
            else:
                last = len(samples)
            if last <= first:
                return
            media_t = span.media_start + (t + first / rate - span.src_start)
            writer = self._writer
            self._audio_samples += last - first
        writer.write_audio(samples[first:last], media_t)

    # -- files ------------------------------------------------------------------------------
    def _append_marker(self, marker_id: int, marker: Marker) -> None:
        self._write_marker_line({"id": marker_id, "t": marker.t, "kind": marker.kind, "note": marker.note,
                                 "at": _dt.datetime.now().astimezone().isoformat(timespec="seconds")})

    def _write_marker_line(self, record: dict[str, Any]) -> None:
        fh = self._markers_fh
        if fh is None:
            raise RecordingError(translate("recording", "not recording"))
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())

    def _take_lock(self, folder: Path) -> None:
        fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # no flock (Windows): recovery then relies on the pid in session.json
            pass
        os.write(fd, f"pid {os.getpid()}".encode())
        self._lock_fd = fd

    def _release_files(self) -> None:
        if self._markers_fh is not None:
            self._markers_fh.close()
            self._markers_fh = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing releases the flock
            self._lock_fd = None
        self._writer = None


def session_meta(form: dict[str, Any], markers: list[Marker]) -> dict[str, Any]:
    """The dict handed to ingest: the session form, consent and the markers."""
    meta: dict[str, Any] = {k: str(form.get(k, "") or "") for k in FORM_FIELDS}
    meta["consent"] = True
    meta["markers"] = list(markers)
    return meta
