"""Ingest: media file → transcript → steps → keyframes → vectors, resumably.

Data flows one way through the stages in `indexing.library.STAGES`. Each
stage records its status in the catalog, so a killed ingest resumes at the
first unfinished stage and a repeated ingest of the same file (same SHA-256)
changes nothing. Bad input is rejected before the library is touched; an
error or a cancel after that removes the half-made session, so the library is
exactly as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from indexing.errors import CancelledError, IndexingError, NoSpeechError
from indexing.library import Library
from indexing.library.catalog import now
from indexing.media import decode_audio, file_sha256, probe
from indexing.models import IngestResult, Marker, MediaInfo
from indexing.progress import CancelToken, ProgressCallback, check, report
from indexing.store.index import embed_model_for
from indexing.transcribe import AsrConfig, check_model, load_model, transcribe

log = logging.getLogger(__name__)

T = TypeVar("T")


class _Background:
    """Run one function in a thread and hand back its result or its exception."""

    def __init__(self, fn: Callable[[], T], name: str) -> None:
        self._result: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(fn,), name=name, daemon=True)
        self._thread.start()

    def _run(self, fn: Callable[[], Any]) -> None:
        try:
            self._result = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised in result()
            self._error = exc

    def result(self) -> Any:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._result


def session_id_for(sha256: str) -> str:
    """Session ids derive from the content, so the same recording has the same id everywhere."""
    return "s" + sha256[:11]


def _link_or_copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(dst.name + ".part")
    try:
        os.link(src, tmp)
    except OSError:
        shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


def _create_session(
    library: Library, sid: str, src: Path, info: MediaInfo, sha: str, meta: dict[str, Any],
    markers: Sequence[Marker],
) -> None:
    media = library.media_dir(sid) / ("source" + src.suffix.lower())
    if src.resolve() != media.resolve():
        _link_or_copy(src, media)
    stamp = now()
    with library.transaction() as db:
        db.table("sessions").insert(
            {
                "session_id": sid, "title": meta.get("title") or src.stem,
                "expert": meta.get("expert", ""), "workstation": meta.get("workstation", ""),
                "process": meta.get("process", ""), "language": meta.get("language", ""),
                "consent": int(bool(meta.get("consent", True))),
                "consent_ref": meta.get("consent_ref", ""), "source_path": str(src.absolute()),
                "media_path": library.relative(media), "sha256": sha,
                "duration": round(info.duration, 3), "has_video": int(info.has_video),
                "fps": info.fps, "width": info.width, "height": info.height,
                "status": "queued", "created_at": stamp, "updated_at": stamp,
                "embed_model": embed_model_for(library.settings(), meta.get("language")),
                "licence": meta.get("licence", ""),
            }
        )
        db.table("markers").insert_all(
            [{"session_id": sid, "t": m.t, "kind": m.kind, "note": m.note} for m in markers]
        )
        db.table("stages").insert(
            {"session_id": sid, "stage": "import", "status": "done", "finished_at": stamp,
             "detail": media.name}
        )


def _stage(library: Library, sid: str, stage: str, status: str) -> None:
    library.set_stage(sid, stage, "running")
    library.set_session_status(sid, status)


def _done(library: Library, sid: str, stage: str, detail: str = "") -> None:
    library.set_stage(sid, stage, "done", detail)


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
        cancel: Stops the ingest between units of work; the session is then removed.

    Returns:
        The session id, duration and counts. Ingesting a file already in the
        library returns its session with `already_ingested=True` and changes nothing.

    Raises:
        MediaError: Not media, empty, truncated, no audio; NoSpeechError: nothing was said.
        TranscriptionError, EmbeddingError, StoreError: a model or the store failed.
        LibraryBusyError: Another process is writing to the library.
        CancelledError: `cancel` was set.
    """
    src = Path(path)
    settings = library.settings()
    lang = language or settings["language"]
    asr = AsrConfig.from_settings(settings, lang)
    report(progress, "probe", 0.0, src.name)
    info = probe(src)
    check_model(asr, lang)
    from indexing.models_registry import missing_local_path, resolve_embed_model

    embed_model = embed_model_for(settings, lang)
    if missing_local_path(resolve_embed_model(embed_model)):
        from indexing.errors import EmbeddingError

        raise EmbeddingError(f"embedding model path {embed_model} does not exist")
    report(progress, "probe", 0.5, "hashing")
    sha = file_sha256(src)
    report(progress, "probe", 1.0)
    check(cancel)

    with library.writing(f"ingest {src.name}"):
        row = library.session_by_hash(sha)
        created = row is None
        sid = row["session_id"] if row else session_id_for(sha)
        if row is not None and row["status"] in ("ready", "needs review", "approved") and all(
            library.stage_status(sid).get(s) == "done" for s in ("transcribe", "segment", "keyframes", "embed")
        ):
            n_steps = len(library.steps(sid))
            n_procs = library.session(sid).procedure_count
            report(progress, "done", 1.0, "already in the library")
            return IngestResult(sid, row["duration"], n_procs, n_steps, already_ingested=True)
        meta = {"title": title, "expert": expert, "workstation": workstation, "process": process,
                "language": lang, "consent": consent}
        try:
            if created:
                _create_session(library, sid, src, info, sha, meta, markers or ())
            else:
                log.info("resuming ingest of %s at %s", sid, library.stage_status(sid))
            return _run_stages(library, sid, asr, lang, progress, cancel)
        except Exception as exc:
            # Bad input, a failing model or a cancel: leave the library as it was.
            # (A killed process cannot get here: its stages stay recorded for resuming.)
            if created or isinstance(exc, (NoSpeechError, CancelledError)):
                try:
                    library.delete_session(sid)
                except IndexingError:
                    pass
                _drop_vectors(library, sid)
            raise


def _drop_vectors(library: Library, sid: str) -> None:
    if not library.vectors_dir.exists() and not library.setting("chroma_url"):
        return  # no vector store was ever made: nothing to remove (and nothing to create)
    try:
        from indexing.search import forget_session

        forget_session(library, sid)
    except Exception:  # noqa: BLE001 - best effort: the catalog is the source of truth
        log.warning("could not remove vectors of %s", sid, exc_info=True)


def _run_stages(
    library: Library, sid: str, asr: AsrConfig, language: str,
    progress: ProgressCallback | None, cancel: CancelToken | None,
) -> IngestResult:
    from indexing.search import index_session

    row = library.session_row(sid)
    media = library.absolute(row["media_path"])
    assert media is not None
    done = {k for k, v in library.stage_status(sid).items() if v == "done"}
    has_video = bool(row["has_video"])
    settings = library.settings()

    # Decode the audio and load the speech model first, with no other thread running:
    # both are GIL-bound Python loops that background imports would slow several-fold.
    audio = None
    if "transcribe" not in done:
        _stage(library, sid, "transcribe", "transcribing")
        audio = decode_audio(media, expected_duration=row["duration"], progress=progress, cancel=cancel)
        load_model(asr)

    # Then, while speech recognition computes (CTranslate2 releases the GIL), analyse
    # the video and load the embedding model in the background.
    vis_job = None
    if has_video and ("segment" not in done or "keyframes" not in done):
        from indexing.visual import analyze_video

        fps = settings["visual_fps"]
        # Up to 5 s between keyframes, only keyframes are decoded (cheap); sparser
        # files are decoded fully, which costs about half a plain decode.
        vis_job = _Background(
            lambda: analyze_video(media, fps=fps, cancel=cancel, max_key_gap=5.0), "visual"
        )
    warm = None
    if "embed" not in done:
        warm = _Background(lambda: _warm_up(library, language), "warm-up")

    visual = None
    if audio is not None:
        transcript = transcribe(audio, asr, language=language, hotwords=library.glossary(),
                                progress=progress, cancel=cancel)
        del audio
        if not transcript.segments:
            raise NoSpeechError(
                f"no speech found in {Path(row['source_path'] or media).name}: "
                "silence or machine noise only, so no steps were made"
            )
        library.save_transcript(sid, transcript)
        _done(library, sid, "transcribe", f"{len(transcript.segments)} segments")
    check(cancel)
    if vis_job is not None:
        visual = vis_job.result()

    if "segment" not in done:
        _stage(library, sid, "segment", "segmenting")
        report(progress, "segment", 0.0)
        _segment(library, sid, visual, settings)
        _done(library, sid, "segment")
        report(progress, "segment", 1.0)
    check(cancel)

    if "keyframes" not in done:
        _stage(library, sid, "keyframes", "keyframes")
        _keyframes(library, sid, media, has_video, visual, cancel)
        _done(library, sid, "keyframes")
    check(cancel)

    if "embed" not in done:
        _stage(library, sid, "embed", "embedding")
        report(progress, "embed", 0.0)
        if warm is not None:
            warm.result()
        n = index_session(library, sid)  # also drops vectors of steps a resumed run replaced
        _done(library, sid, "embed", f"{n} steps")
        report(progress, "embed", 1.0)
    library.set_session_status(sid, "needs review")
    session = library.session(sid)
    report(progress, "done", 1.0)
    return IngestResult(sid, session.duration, session.procedure_count, session.step_count)


def _warm_up(library: Library, language: str | None = None) -> None:
    """Load the embedding model of `language` and the vector-store library, creating nothing on disk."""
    from indexing.store.index import embedder_for

    embedder_for(library, language=language)
    import chromadb  # noqa: F401  - the import alone takes a second; the client is opened later


def _segment(library: Library, sid: str, visual: Any, settings: dict[str, Any]) -> None:
    from indexing.label import label_steps, procedure_title
    from indexing.segment import segment

    row = library.session_row(sid)
    transcript = library.transcript(sid)
    procedures, steps = segment(
        transcript,
        duration=row["duration"],
        markers=library.markers(sid),
        visual=visual,
        min_step=settings["min_step_seconds"],
    )
    label_steps(steps, glossary=library.glossary(), language=row["language"] or "en")
    for proc in procedures:
        if not proc.title:
            members = [s for s in steps if s.procedure_index == proc.index]
            proc.title = procedure_title(members) or row["title"] or ""
    library.replace_steps(sid, procedures, steps)


def _keyframes(library: Library, sid: str, media: Path, has_video: bool, visual: Any,
               cancel: CancelToken | None) -> None:
    steps = library.steps(sid)
    if not has_video or not steps:
        return
    from indexing.keyframe import extract_keyframes

    out_dir = library.media_dir(sid) / "keyframes"
    names = [f"{s.step_id}.jpg" for s in steps]
    results = extract_keyframes(
        media, [(s.start, s.end) for s in steps], out_dir, visual=visual, names=names, cancel=cancel
    )
    for step, (path, t) in zip(steps, results, strict=True):
        library.set_keyframe(step.step_id, path, t)


def reindex_steps(library: Library, step_ids: Sequence[str], removed: Sequence[str] = ()) -> int:
    """Re-embed steps after a reviewer's edit (and drop vectors of removed steps).

    Returns:
        How many steps were embedded.
    """
    from indexing.search import forget_steps, index_steps

    with library.writing("reindex"):
        if removed:
            forget_steps(library, list(removed))
        found = library.steps_by_ids(list(step_ids))
        return index_steps(library, [found[i] for i in step_ids if i in found])


def reindex(
    library: Library, *, progress: ProgressCallback | None = None, cancel: CancelToken | None = None
) -> int:
    """Rebuild every step vector with the current embedding model (after a model change).

    Returns:
        How many steps were embedded.
    """
    from indexing.search import rebuild_index

    with library.writing("reindex"):
        total = rebuild_index(library, progress=progress, cancel=cancel)
        cfg = library.settings()
        with library.transaction() as db:
            rows = db.execute("SELECT session_id, language FROM sessions").fetchall()
            db.conn.executemany("UPDATE sessions SET embed_model=? WHERE session_id=?",
                                [(embed_model_for(cfg, lang), sid) for sid, lang in rows])
        library.audit("reindex", {"steps": total, "model": library.setting("embed_model")})
        return total
