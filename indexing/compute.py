"""The ingest's compute side: from a media file to a `SessionResult`, never touching a library.

`prepare` checks the input and gathers what computing needs (settings,
glossary, metadata) into an `IngestRequest`; `compute_session` runs the stages
(decode, transcribe, analyse video, segment and label, keyframes, embed) as
functions from data to data. The result is committed by
`Library.commit_session` in one short, locked step. Threads, processes and Ray
workers can all run `compute_session`: it takes and returns plain data.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from indexing.errors import EmbeddingError, NoSpeechError
from indexing.media import decode_audio, file_sha256, probe
from indexing.models import Marker, MediaInfo, SessionResult, Transcript
from indexing.progress import CancelToken, ProgressCallback, check, report
from indexing.stage_cache import StageCache
from indexing.transcribe import AsrConfig, check_model, load_model, transcribe

log = logging.getLogger(__name__)

T = TypeVar("T")

# Settings that change what a stage computes (the cache keys on them).
_ASR_KEYS = ("asr_model", "asr_beam_size", "asr_glossary_mode", "asr_compute_type")
_LATER_KEYS = ("embed_model", "visual_fps", "min_step_seconds", "segment_method")


def session_id_for(sha256: str) -> str:
    """Session ids derive from the content, so the same recording has the same id everywhere."""
    return "s" + sha256[:11]


@dataclass(frozen=True)
class IngestRequest:
    """Everything computing one session needs, as plain data.

    Attributes:
        source: The media file.
        session_id: From the media's SHA-256.
        sha256: The media's SHA-256.
        info: What probing found.
        meta: title, expert, workstation, process, language, consent.
        markers: Taps recorded with the media.
        settings: The library's resolved settings.
        glossary: The library's plant terms.
    """

    source: str
    session_id: str
    sha256: str
    info: MediaInfo
    meta: dict[str, Any]
    markers: tuple[Marker, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)
    glossary: tuple[str, ...] = ()

    @property
    def language(self) -> str:
        return str(self.meta.get("language") or self.settings.get("language") or "en")


def prepare(
    path: str | os.PathLike[str], settings: Mapping[str, Any], glossary: Sequence[str], *,
    title: str = "", expert: str = "", workstation: str = "", process: str = "",
    language: str | None = None, markers: Sequence[Marker] | None = None, consent: bool = True,
    need_asr: bool = True, progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
) -> IngestRequest:
    """Check a recording and the models, hash it, and gather an `IngestRequest`.

    Raises:
        MediaError: Not media, empty, truncated, no audio.
        TranscriptionError, EmbeddingError: A model is missing (checked before any work).
    """
    src = Path(path)
    lang = language or settings["language"]
    from indexing.lang import get_language

    get_language(lang)  # an unknown language code fails before anything is read or written
    report(progress, "probe", 0.0, src.name)
    info = probe(src)
    if need_asr:
        check_model(AsrConfig.from_settings(dict(settings), lang), lang)
    from indexing.models_registry import missing_local_path, resolve_embed_model
    from indexing.store.index import embed_model_for

    embed_model = embed_model_for(settings, lang)
    if missing_local_path(resolve_embed_model(embed_model)):
        raise EmbeddingError(f"embedding model path {embed_model} does not exist")
    report(progress, "probe", 0.5, "hashing")
    sha = file_sha256(src)
    report(progress, "probe", 1.0)
    check(cancel)
    meta = {"title": title or src.stem, "expert": expert, "workstation": workstation, "process": process,
            "language": lang, "consent": consent, "embed_model": embed_model}
    return IngestRequest(str(src.absolute()), session_id_for(sha), sha, info, meta,
                         tuple(sorted(markers or (), key=lambda m: m.t)), dict(settings), tuple(glossary))


class _Background:
    """Run one function in a thread and hand back its result or its exception."""

    def __init__(self, fn: Callable[[], Any], name: str) -> None:
        self._result: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(fn,), name=name, daemon=True)
        self._thread.start()

    def _run(self, fn: Callable[[], Any]) -> None:
        try:
            self._result = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised in result()
            self._error = exc

    def wait(self) -> None:
        """Wait for the thread without raising its error (the caller has a better one)."""
        self._thread.join()

    def result(self) -> Any:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._result


def warm_embedder(settings: Mapping[str, Any], language: str | None = None) -> Any:
    """The embedder for steps narrated in `language`, loaded once per process."""
    from indexing.embed import get_embedder
    from indexing.store.index import embed_model_for

    return get_embedder(embed_model_for(settings, language), settings["embed_device"])


def caches(req: IngestRequest, work_dir: Path) -> tuple[StageCache, StageCache]:
    """The transcript cache and the whole-result cache of a request."""
    base = {"sha256": req.sha256, "language": req.language, "glossary": list(req.glossary),
            **{k: req.settings.get(k) for k in _ASR_KEYS}}
    full = {**base, **{k: req.settings.get(k) for k in _LATER_KEYS}, "meta": req.meta,
            "markers": [(m.t, m.kind, m.note) for m in req.markers]}
    return StageCache(work_dir, base), StageCache(work_dir, full)


def compute_session(
    req: IngestRequest, *, transcript: Transcript | None = None, work_dir: Path | None = None,
    progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
) -> SessionResult:
    """Compute a whole session from its media: transcript, procedures, steps, keyframes, vectors.

    Args:
        req: From `prepare`.
        transcript: A ready-made transcript (e.g. from subtitles): speech recognition is skipped.
        work_dir: Cache folder for stage results (resume after a kill); None caches nothing.
        progress: Called with `Progress(stage, fraction, message)`.
        cancel: Stops between units of work.

    Returns:
        The session result, for `Library.commit_session`.

    Raises:
        NoSpeechError: Nothing was said. TranscriptionError, EmbeddingError: a model failed.
        CancelledError: `cancel` was set.
    """
    from indexing.priority import lower_thread_priority

    # Computing is background work: the people at the same machine (recording, reviewing,
    # other commands) keep the CPU; the threads started below inherit the lower priority.
    lower_thread_priority()
    t_cache, r_cache = caches(req, work_dir) if work_dir is not None else (None, None)
    if transcript is None and r_cache is not None and (cached := r_cache.result()) is not None:
        report(progress, "done", 1.0, "computed before; committing")
        return cached
    settings = req.settings
    info = req.info
    stages: dict[str, str] = {"import": Path(req.source).name}
    if transcript is None and t_cache is not None:
        transcript = t_cache.transcript()
        if transcript is not None:
            log.info("resuming %s: transcript from the cache", req.session_id)
            stages["transcribe"] = "from cache"
    audio = None
    asr = AsrConfig.from_settings(settings, req.language)
    if transcript is None:
        # Decode and load the speech model first, with no other thread running:
        # both are GIL-bound loops that background imports would slow several-fold.
        audio = decode_audio(req.source, expected_duration=info.duration, progress=progress, cancel=cancel)
        load_model(asr)
    elif "transcribe" not in stages:
        stages["transcribe"] = "given"
    # While speech recognition computes (CTranslate2 releases the GIL), analyse the
    # video and load the embedding model in the background.
    vis_job = None
    if info.has_video:
        from indexing.visual import analyze_video

        fps = settings["visual_fps"]
        vis_job = _Background(
            lambda: analyze_video(req.source, fps=fps, cancel=cancel, max_key_gap=5.0), "visual")
    warm = _Background(lambda: warm_embedder(settings, req.language), "warm-up")
    if audio is not None:
        transcript = transcribe(audio, asr, language=req.language, hotwords=list(req.glossary),
                                progress=progress, cancel=cancel)
        del audio
        stages["transcribe"] = f"{len(transcript.segments)} segments"
    assert transcript is not None
    if not transcript.segments:
        # Let the background loads finish first: a native thread still running at exit aborts the process.
        for job in (warm, vis_job):
            if job is not None:
                job.wait()
        raise NoSpeechError(f"no speech found in {Path(req.source).name}: "
                            "silence or machine noise only, so no steps were made")
    if t_cache is not None and stages["transcribe"] != "from cache":
        t_cache.save_transcript(transcript)
    check(cancel)
    visual = vis_job.result() if vis_job is not None else None

    report(progress, "segment", 0.0)
    procedures, steps = segment_and_label(req, transcript, visual)
    stages["segment"] = f"{len(steps)} steps"
    report(progress, "segment", 1.0)
    check(cancel)

    keyframes = _keyframes(req, steps, visual, work_dir, cancel)
    stages["keyframes"] = f"{len(keyframes)} pictures"
    check(cancel)

    report(progress, "embed", 0.0)
    from indexing.store.index import session_names, step_document

    embedder = warm.result()
    names = session_names(req.meta)
    documents = [step_document(s, names) for s in steps]
    vectors = embedder.encode(documents) if documents else None
    stages["embed"] = f"{len(steps)} steps"
    report(progress, "embed", 1.0)
    meta = dict(req.meta, language=transcript.language or req.language)
    result = SessionResult(
        session_id=req.session_id, sha256=req.sha256, source_path=req.source, info=info, meta=meta,
        markers=req.markers, transcript=transcript, procedures=procedures, steps=steps,
        keyframes=keyframes, vectors=vectors, documents=documents, embed_model_id=embedder.model_id,
        stages=stages,
    )
    if r_cache is not None:
        r_cache.save_result(result)
    return result


def segment_and_label(req: IngestRequest, transcript: Transcript, visual: Any) -> tuple[list[Any], list[Any]]:
    """Cut the transcript into procedures and steps and label them."""
    from indexing.label import label_steps, procedure_title
    from indexing.segment import segment

    language = transcript.language or req.language or "en"
    procedures, steps = segment(transcript, duration=req.info.duration, markers=req.markers, visual=visual,
                                min_step=req.settings["min_step_seconds"], language=language,
                                method=req.settings.get("segment_method"))
    label_steps(steps, glossary=list(req.glossary), language=language)
    for proc in procedures:
        if not proc.title:
            members = [s for s in steps if s.procedure_index == proc.index]
            proc.title = procedure_title(members, language) or req.meta.get("title") or ""
    return procedures, steps


def _keyframes(req: IngestRequest, steps: Sequence[Any], visual: Any, work_dir: Path | None,
               cancel: CancelToken | None) -> dict[str, bytes]:
    """One JPEG per step (as bytes, keyed by step id), or none without video."""
    if not req.info.has_video or not steps:
        return {}
    from indexing.keyframe import extract_keyframes
    from indexing.library.rows import step_id

    ids = [step_id(req.session_id, s.procedure_index, s.index) for s in steps]
    with tempfile.TemporaryDirectory(prefix="keyframes-", dir=work_dir if work_dir and
                                     _mkdir(work_dir) else None) as tmp:
        results = extract_keyframes(req.source, [(s.start, s.end) for s in steps], tmp, visual=visual,
                                    names=[f"{i}.jpg" for i in ids], cancel=cancel)
        out: dict[str, bytes] = {}
        for sid, step, (path, t) in zip(ids, steps, results, strict=True):
            step.keyframe_t = t
            if path:
                out[sid] = Path(path).read_bytes()
        return out


def _mkdir(p: Path) -> bool:
    p.mkdir(parents=True, exist_ok=True)
    return True
