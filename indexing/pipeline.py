"""Ingest: compute a session from its media, then commit it in one short, locked step.

`indexing.compute` does the work (transcript → steps → keyframes → vectors)
without touching the library; `Library.commit_session` writes the result. So
the writer lock is held for the commit only, and a review edit or a glossary
term from another process waits milliseconds, not minutes. Stage results are
cached in the session's `.work` folder: a killed ingest resumes where it
stopped, and ingesting a file already in the library (same SHA-256) changes
nothing. Bad input is rejected before any work; an error or a cancel leaves the
library exactly as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Sequence

from indexing.compute import IngestRequest, compute_session, prepare, session_id_for
from indexing.library import Library
from indexing.models import IngestResult, Marker, Transcript
from indexing.progress import CancelToken, ProgressCallback, check, report

log = logging.getLogger(__name__)

__all__ = ["IngestRequest", "ingest", "reindex", "reindex_steps", "request_for", "session_id_for"]


def request_for(
    library: Library, path: str | os.PathLike[str], *, title: str = "", expert: str = "",
    workstation: str = "", process: str = "", language: str | None = None,
    markers: Sequence[Marker] | None = None, consent: bool = True, need_asr: bool = True,
    progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
) -> IngestRequest:
    """Check a recording and gather what computing it needs from the library (reads only)."""
    return prepare(path, library.settings(), library.glossary(), title=title, expert=expert,
                   workstation=workstation, process=process, language=language, markers=markers,
                   consent=consent, need_asr=need_asr, progress=progress, cancel=cancel)


def _already(library: Library, sid: str) -> IngestResult:
    s = library.session(sid)
    return IngestResult(sid, s.duration, s.procedure_count, s.step_count, already_ingested=True)


def ingest(
    library: Library,
    path: str | os.PathLike[str],
    *,
    title: str = "",
    expert: str = "",
    workstation: str = "",
    process: str = "",
    language: str | None = None,
    markers: Sequence[Marker] | None = None,
    consent: bool = True,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    transcript: Transcript | None = None,
) -> IngestResult:
    """Turn one recording into a session of labeled, searchable steps.

    Args:
        library: The target library.
        path: A video or audio file.
        title, expert, workstation, process: Session metadata.
        language: Narration language; default: the library's `language` setting.
        markers: Taps recorded with the media (authoritative step cuts).
        consent: The expert agreed to the recording's use.
        progress: Called with `Progress(stage, fraction, message)`.
        cancel: Stops the ingest between units of work; the library is then unchanged.
        transcript: A ready-made transcript (e.g. parsed subtitles); speech recognition is skipped.

    Returns:
        The session id, duration and counts. Ingesting a file already in the
        library returns its session with `already_ingested=True` and changes nothing.

    Raises:
        MediaError: Not media, empty, truncated, no audio; NoSpeechError: nothing was said.
        TranscriptionError, EmbeddingError, StoreError: a model or the store failed.
        LibraryBusyError: Another writer held the library longer than `lock_wait`.
        CancelledError: `cancel` was set.
    """
    req = request_for(library, path, title=title, expert=expert, workstation=workstation, process=process,
                      language=language, markers=markers, consent=consent, need_asr=transcript is None,
                      progress=progress, cancel=cancel)
    if transcript is not None:
        from indexing.subtitles import check_fits

        check_fits(transcript.segments, req.info.duration)
    sid = req.session_id
    row = library.session_by_hash(req.sha256)
    if row is not None and library.is_complete(row):
        report(progress, "done", 1.0, "already in the library")
        return _already(library, row["session_id"])
    folder = library.media_dir(sid)
    work = library.work_dir(sid)
    had_folder = folder.exists()
    if work.exists():
        log.info("resuming ingest of %s from %s", sid, work)
    try:
        result = compute_session(req, transcript=transcript, work_dir=work, progress=progress, cancel=cancel)
        check(cancel)
        report(progress, "commit", 0.0)
        done = library.commit_session(result)
    except KeyboardInterrupt:
        raise  # like a kill: the cached stages stay, and the same command resumes
    except BaseException:
        # Bad input, a failing model or store, a cancel: leave the library as it was.
        shutil.rmtree(work, ignore_errors=True)
        if not had_folder and not library.has_session(sid):
            shutil.rmtree(folder, ignore_errors=True)
        raise
    shutil.rmtree(work, ignore_errors=True)
    report(progress, "done", 1.0)
    if done.already_ingested:
        return _already(library, done.session_id)
    return IngestResult(sid, round(result.info.duration, 3), len(result.procedures), len(result.steps))


def reindex_steps(library: Library, step_ids: Sequence[str], removed: Sequence[str] = ()) -> int:
    """Re-embed steps (and drop vectors of removed steps); the library's edits already do this.

    Returns:
        How many steps were embedded.
    """
    return library.sync_vectors(list(step_ids), list(removed), force=True)


def reindex(
    library: Library, *, progress: ProgressCallback | None = None, cancel: CancelToken | None = None
) -> int:
    """Rebuild every step vector with the current embedding model (after a model change).

    Returns:
        How many steps were embedded.
    """
    from indexing.search import rebuild_index

    library.warm_vectors()
    with library.writing("reindex"):
        total = rebuild_index(library, progress=progress, cancel=cancel)
        library.record_reindex(total)
        return total
