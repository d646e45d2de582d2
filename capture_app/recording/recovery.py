"""Find and repair recordings that were cut off by a crash or a dead battery (Qt-free).

A recording folder without its `finished` flag, whose `recording.lock` no live
process holds, was interrupted. Its fragmented MP4 is playable up to the last
complete fragment; `recover` remuxes that part into a clean MP4 (with a proper
index and duration), writes the `finished` flag and returns the session form and
markers so the app can queue it for ingest like any other recording.

A recording that finished (or was recovered) but whose ingest never succeeded,
because the app died after Stop, has no `ingested` flag: `find_not_ingested`
offers it again, unless the library already holds a finished session with the
same bytes.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from capture_app.i18n import translate
from capture_app.recording.session import (
    FINISHED,
    LOCK,
    MARKERS_JSONL,
    MEDIA_NAME,
    RECORDINGS,
    SESSION_JSON,
    recordings_dir,
    session_meta,
    write_json_durably,
)
from indexing.models import Marker

log = logging.getLogger(__name__)

RECOVERED_NAME = "recovered.mp4"
INGESTED = "ingested"
UNFINISHED = "unfinished"
NOT_INGESTED = "not_ingested"
DONE_STATUSES = ("ready", "needs review", "reviewed", "approved")


class RecoveryError(RuntimeError):
    """An interrupted recording holds nothing playable. Its message is user-facing."""


@dataclass
class Recovered:
    """An interrupted recording found in the library.

    Attributes:
        folder: The recording folder.
        media_path: Its (fragmented) media file.
        form: The session form saved when recording started.
        markers: Markers tapped before the interruption (those past the playable end are dropped by `recover`).
        started_at: When recording started, as saved ("" if unknown).
        duration: Seconds of playable media found (0 when none).
        kind: `UNFINISHED` (interrupted: recover it) or `NOT_INGESTED` (finished: import it).
    """

    folder: Path
    media_path: Path
    form: dict[str, Any]
    markers: list[Marker] = field(default_factory=list)
    started_at: str = ""
    duration: float = 0.0
    kind: str = UNFINISHED

    @property
    def title(self) -> str:
        return str(self.form.get("title") or self.folder.name)


def _locked_by_live_process(folder: Path) -> bool:
    lock = folder / LOCK
    if not lock.exists():
        return False
    try:
        import fcntl
    except ImportError:
        return False
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def playable_duration(path: Path) -> float:
    """Seconds of media that decode from `path` (end of the last video or audio packet), 0 if none."""
    import av

    end = 0.0
    try:
        with av.open(str(path)) as container:
            streams = [s for s in container.streams if s.type in ("video", "audio")]
            with contextlib.suppress(av.error.FFmpegError):
                for packet in container.demux(*streams):
                    if packet.pts is None or packet.time_base is None:
                        continue
                    t = float((packet.pts + (packet.duration or 0)) * packet.time_base)
                    end = max(end, t)
    except (av.error.FFmpegError, OSError):
        return 0.0
    return end


def find_unfinished(library_root: str | os.PathLike[str]) -> list[Recovered]:
    """Interrupted recordings of a library, oldest first.

    Recordings still being written by a live process (this one or another) are left out.
    """
    root = recordings_dir(library_root)
    if not root.is_dir():
        return []
    found: list[Recovered] = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if (folder / FINISHED).exists() or _locked_by_live_process(folder):
            continue
        media = folder / MEDIA_NAME
        form: dict[str, Any] = {}
        with contextlib.suppress(OSError, ValueError):
            form = json.loads((folder / SESSION_JSON).read_text(encoding="utf-8"))
        if not media.exists() and not form:
            continue
        from capture_app.recording.session import read_markers

        found.append(Recovered(
            folder=folder, media_path=media, form=form, markers=read_markers(folder / MARKERS_JSONL),
            started_at=str(form.get("started_at", "")),
            duration=playable_duration(media) if media.exists() else 0.0,
        ))
    return found


def _no_media(rec: Recovered) -> str:
    return translate("recovery", "the interrupted recording '{title}' holds no playable media").format(title=rec.title)


def recover(rec: Recovered) -> tuple[Path, dict[str, Any]]:
    """Make an interrupted recording a clean, finished one.

    Copies every complete packet of the fragmented file into `recovered.mp4`
    (no re-encoding), keeps the markers that fall inside it and writes the
    `finished` flag, so the recording is not offered again.

    Returns:
        The clean media file and the session dict for ingest (as `RecordView.session_recorded` sends).

    Raises:
        RecoveryError: Nothing playable was recorded.
    """
    import av

    if not rec.media_path.is_file() or rec.media_path.stat().st_size == 0:  # stopped before the first byte
        raise RecoveryError(_no_media(rec))
    out_path = rec.folder / RECOVERED_NAME
    tmp = rec.folder / ("." + RECOVERED_NAME + ".part")
    end = 0.0
    written = 0
    try:
        with av.open(str(rec.media_path)) as src, av.open(str(tmp), "w", format="mp4") as dst:
            mapping = {}
            for stream in src.streams:
                if stream.type in ("video", "audio"):
                    mapping[stream.index] = dst.add_stream_from_template(stream)
            with contextlib.suppress(av.error.FFmpegError):
                for packet in src.demux(*[src.streams[i] for i in mapping]):
                    if packet.dts is None or packet.size == 0:
                        continue
                    packet.stream = mapping[packet.stream.index]
                    dst.mux(packet)
                    written += 1
                    if packet.pts is not None and packet.time_base is not None:
                        end = max(end, float((packet.pts + (packet.duration or 0)) * packet.time_base))
    except (av.error.FFmpegError, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise RecoveryError(translate("recovery", "the interrupted recording '{title}' cannot be read: {error}")
                            .format(title=rec.title, error=exc)) from None
    if written == 0 or end <= 0:
        tmp.unlink(missing_ok=True)
        raise RecoveryError(_no_media(rec))
    os.replace(tmp, out_path)
    markers = [m for m in rec.markers if m.t <= end]
    write_json_durably(rec.folder / FINISHED, {
        "stopped_at": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "duration": round(end, 3), "recovered": True, "media": RECOVERED_NAME,
    })
    log.info("recovered %s: %.1f s, %d markers", rec.folder, end, len(markers))
    rec.duration = end
    return out_path, session_meta(rec.form, markers)


def discard(rec: Recovered) -> None:
    """Mark a recording as dealt with without recovering or importing it (its files stay on disk).

    An interrupted recording gets a `finished` flag saying so; a finished one an
    `ingested` flag saying so. Either way it is not offered again.
    """
    stamp = _dt.datetime.now().astimezone().isoformat(timespec="seconds")
    if rec.kind == NOT_INGESTED:
        write_json_durably(rec.folder / INGESTED, {"at": stamp, "discarded": True})
    else:
        write_json_durably(rec.folder / FINISHED, {"stopped_at": stamp, "discarded": True})
    log.info("%s recording %s discarded by the user", rec.kind, rec.folder)


def recording_folder(media_path: str | os.PathLike[str]) -> Path | None:
    """The recording folder a media file lies in (`<library>/media/_recordings/<stamp>/`), else None."""
    folder = Path(media_path).parent
    if folder.parent.name == RECORDINGS and (folder / SESSION_JSON).is_file():
        return folder
    return None


def mark_ingested(folder: str | os.PathLike[str], session_id: str = "") -> None:
    """Write the `ingested` flag of a recording folder: its ingest succeeded as `session_id`."""
    write_json_durably(Path(folder) / INGESTED, {
        "at": _dt.datetime.now().astimezone().isoformat(timespec="seconds"), "session_id": session_id,
    })
    log.info("recording %s ingested as %s", folder, session_id or "?")


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def find_not_ingested(library_root: str | os.PathLike[str], library: Any = None) -> list[Recovered]:
    """Finished recordings whose ingest never succeeded, oldest first.

    Folders with an `ingested` flag, discarded ones and ones without media are left
    out. With `library` (an `indexing.library.Library`), a recording whose sha256
    is a finished session of the library counts as ingested: its flag is written
    and it is left out. (A session whose ingest stopped half-way is offered, so
    that importing it again resumes the ingest.)

    Args:
        library_root: The library folder.
        library: The open library, to look recordings up by hash (hashing reads every byte:
            call this from a worker thread).
    """
    root = recordings_dir(library_root)
    if not root.is_dir():
        return []
    found: list[Recovered] = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if not (folder / FINISHED).exists() or (folder / INGESTED).exists():
            continue
        done = _read_json(folder / FINISHED)
        if done.get("discarded"):
            continue
        media = folder / str(done.get("media") or MEDIA_NAME)
        if not media.is_file() or media.stat().st_size == 0:
            continue
        if library is not None:
            from indexing.media import file_sha256

            row = library.session_by_hash(file_sha256(media))
            if row is not None and row.get("status") in DONE_STATUSES:
                mark_ingested(folder, str(row.get("session_id", "")))
                continue
        from capture_app.recording.session import read_markers

        form = _read_json(folder / SESSION_JSON)
        try:
            duration = float(done.get("duration") or 0.0)
        except (TypeError, ValueError):
            duration = 0.0
        markers = read_markers(folder / MARKERS_JSONL)
        if duration > 0:
            markers = [m for m in markers if m.t <= duration]
        found.append(Recovered(
            folder=folder, media_path=media, form=form, markers=markers,
            started_at=str(form.get("started_at", "")), duration=duration, kind=NOT_INGESTED,
        ))
    return found


def import_meta(rec: Recovered) -> dict[str, Any]:
    """The session dict for ingest of a finished recording (as `RecordView.session_recorded` sends)."""
    return session_meta(rec.form, rec.markers)
