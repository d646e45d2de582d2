"""Keeping step vectors in step with the catalog: embed steps and write them to the store.

`indexing.search` re-exports these; the pipeline calls `index_steps` (or
`index_session`) after segmenting, `knowhow reindex` calls `rebuild_index`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from indexing.library.step_vectors import drop_vectors, put_vectors
from indexing.models import Step, StepDraft
from indexing.progress import CancelToken, ProgressCallback, check, report
from indexing.store import VectorStore, open_store

if TYPE_CHECKING:
    from indexing.embedders.base import TextEmbedder as Embedder
    from indexing.library import Library

log = logging.getLogger(__name__)

INDEX_BATCH = 256


DOCUMENT_NAMES = True
"""Whether step documents start with their session's names (see `step_document`)."""
DOCUMENT_NOTES: tuple[str, ...] = ()
"""Which of a step's notes ("tools", "tips", "warnings") get a line of their own in its document: none.

They are words and sentences of the narration already, so a line of their own only weighs them
twice in the step's one vector. Measured on the tune parts (tests/benchmarks/bench_search_parts.py,
fused hit@1 / hit@5): all three lines Korean 0.699 / 0.932, English 0.684 / 0.868; none 0.685 / 0.959
and 0.711 / 0.868; tools only 0.685 / 0.932 and 0.658 / 0.895; warnings only 0.685 / 0.945 and
0.737 / 0.868. Changing this changes stored vectors: add a migration that lists the sessions to
re-embed (`indexing.library.reembed`, migration 10)."""


def session_names(meta: Mapping[str, Any]) -> str:
    """The names of a session as one line: title, workstation and process, each once.

    Args:
        meta: Session fields (`title`, `workstation`, `process`; others are ignored).
    """
    seen: dict[str, None] = {}
    for key in ("title", "workstation", "process"):
        value = " ".join(str(meta.get(key) or "").split())
        if value and value.casefold() not in {s.casefold() for s in seen}:
            seen[value] = None
    return " · ".join(seen)


def step_document(step: Step | StepDraft, names: str = "") -> str:
    """The text embedded for a step: its session's names, title and narration (`DOCUMENT_NOTES`: no notes).

    The session's names (`session_names`) come first so that the vector side knows
    which procedure a step belongs to: a query of a procedure's title then finds its
    steps, and a step question that names the job ("the seal on the pump") prefers
    that job's steps. On the held-out sets this raised the English vector side's
    hit@5 from 0.85 to 0.91 (tests/benchmarks/bench_search_heldout.py).

    Args:
        step: A stored step or a draft about to be stored.
        names: `session_names` of its session ("" for none).

    Returns:
        One text, lines in a fixed order, empty parts left out.
    """
    parts = [names.strip() if DOCUMENT_NAMES else "", step.title.strip(), step.text.strip()]
    if step.tools and "tools" in DOCUMENT_NOTES:
        parts.append("Tools: " + ", ".join(t.strip() for t in step.tools))
    if step.tips and "tips" in DOCUMENT_NOTES:
        parts.append("Tips: " + " ".join(t.strip() for t in step.tips))
    if step.warnings and "warnings" in DOCUMENT_NOTES:
        parts.append("Warnings: " + " ".join(w.strip() for w in step.warnings))
    return "\n".join(p for p in parts if p)


def normalise(value: Any) -> str:
    """How filter values are compared: whitespace collapsed, case folded."""
    return " ".join(str(value or "").split()).casefold()


def embed_model_for(settings: Mapping[str, Any], language: str | None) -> str:
    """The embedding model setting for steps narrated in `language`.

    English and sessions without a language keep `embed_model`; every other
    language uses `embed_model_multilingual` (English-only models cannot read it).
    """
    from indexing.transcribe import is_english

    if not language or is_english(language):
        return str(settings["embed_model"])
    return str(settings["embed_model_multilingual"])


def embedder_for(library: Library, settings: Mapping[str, Any] | None = None,
                 language: str | None = None) -> Embedder:
    """The embedding model for a language (default: `embed_model`), loaded once per process."""
    from indexing.embed import get_embedder

    cfg = settings if settings is not None else library.settings()
    return get_embedder(embed_model_for(cfg, language), cfg["embed_device"])


def _languages(library: Library, session_ids: Iterable[str] | None = None) -> dict[str, str]:
    """``{session id: language}`` of some sessions (all when `session_ids` is None)."""
    if session_ids is None:
        return {r["session_id"]: r["language"] or "" for r in
                library.db.query("SELECT session_id, language FROM sessions")}
    ids = sorted(set(session_ids))
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in library.db.query(
                f"SELECT session_id, language FROM sessions WHERE session_id IN ({marks})", chunk):
            out[r["session_id"]] = r["language"] or ""
    return out


def _by_model(library: Library, settings: Mapping[str, Any], steps: Sequence[Step]) -> dict[str, list[Step]]:
    """Steps grouped by the embedding model of their session's language."""
    langs = _languages(library, (s.session_id for s in steps))
    groups: dict[str, list[Step]] = {}
    for step in steps:
        groups.setdefault(embed_model_for(settings, langs.get(step.session_id)), []).append(step)
    return groups


def _session_languages(library: Library) -> frozenset[str]:
    """The sessions' distinct languages, cached until the catalog changes (a scan of every session)."""
    from indexing.library.stamp import cached_read

    return cached_read(library, "session languages", lambda: frozenset(
        r[0] or "" for r in library.db.execute("SELECT DISTINCT language FROM sessions").fetchall()))


def models_in_use(library: Library, settings: Mapping[str, Any] | None = None) -> list[str]:
    """The embedding models the library's sessions are indexed with (`embed_model` first).

    A library without sessions answers `embed_model` alone.
    """
    cfg = settings if settings is not None else library.settings()
    langs = _session_languages(library)
    models = {embed_model_for(cfg, lang) for lang in langs} or {str(cfg["embed_model"])}
    return sorted(models, key=lambda m: (m != cfg["embed_model"], m))


_SCRIPTS: dict[tuple[str, str, int], frozenset[str]] = {}
SCRIPT_SAMPLE = 300
"""Steps read to learn which scripts a collection's texts are written in."""


def collection_scripts(library: Library, model: str, settings: Mapping[str, Any] | None = None
                       ) -> frozenset[str]:
    """The scripts ("LATIN", "HANGUL", …) of the steps a model's collection holds.

    Read from a sample of the catalog's steps of the sessions whose language maps to
    `model`, and cached until steps are added.
    """
    from indexing.scripts import main_scripts

    cfg = settings if settings is not None else library.settings()
    stamp = library.db.execute("SELECT max(rowid) FROM steps").fetchone()[0] or 0
    key = (str(library.root), model, stamp)
    if key not in _SCRIPTS:
        langs = [r[0] or "" for r in library.db.execute("SELECT DISTINCT language FROM sessions").fetchall()]
        mine = [lang for lang in langs if embed_model_for(cfg, lang) == model]
        texts: list[str] = []
        if mine:
            marks = ",".join("?" * len(mine))
            texts = [r[0] + " " + r[1] for r in library.db.execute(
                "SELECT coalesce(steps.title, ''), coalesce(steps.text, '') FROM steps "
                "JOIN sessions ON sessions.session_id = steps.session_id "
                f"WHERE coalesce(sessions.language, '') IN ({marks}) LIMIT ?", [*mine, SCRIPT_SAMPLE])]
        if len(_SCRIPTS) > 64:
            _SCRIPTS.clear()
        _SCRIPTS[key] = main_scripts(texts)
    return _SCRIPTS[key]


def vector_indexes(library: Library, settings: Mapping[str, Any] | None = None
                   ) -> list[tuple[Embedder, VectorStore]]:
    """One ``(embedder, store)`` per embedding model in use: what a query must reach."""
    from indexing.embed import get_embedder

    cfg = settings if settings is not None else library.settings()
    out = []
    for model in models_in_use(library, cfg):
        embedder = get_embedder(model, cfg["embed_device"])
        out.append((embedder, open_store(library, embedder.model_id)))
    return out


def forget_steps(library: Library, step_ids: Sequence[str]) -> None:
    """Remove step vectors from every collection (a removed step, whatever its language).

    Loads no embedding model, and creates no vector store where none exists.
    """
    if not step_ids or not library.has_vectors():
        return
    from indexing.store.chroma import ChromaStore

    probe = open_store(library, "")
    with library.writing("forget vectors"):
        if isinstance(probe, ChromaStore):
            probe.forget_everywhere(ids=step_ids)
        else:  # pragma: no cover - every backend today is a Chroma one
            probe.delete(list(step_ids))


def _session_metas(library: Library, session_ids: Iterable[str]) -> dict[str, dict[str, str]]:
    ids = sorted(set(session_ids))
    out: dict[str, dict[str, str]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in library.db.query(
            f"SELECT session_id, title, workstation, expert, process FROM sessions WHERE session_id IN ({marks})",
            chunk,
        ):
            out[r["session_id"]] = {k: r[k] or "" for k in ("title", "workstation", "expert", "process")}
    return out


def step_metadata(step: Step, session_meta: Mapping[str, Any]) -> dict[str, str]:
    """The filterable metadata stored with a step's vector (values normalised)."""
    return vector_metadata(step.session_id, step.category, step.status, session_meta)


def vector_metadata(session_id: str, category: str, status: str,
                    session_meta: Mapping[str, Any]) -> dict[str, str]:
    """The metadata of one step vector, from the step's category and status and its session."""
    return {
        "session_id": session_id,
        "workstation": normalise(session_meta.get("workstation")),
        "expert": normalise(session_meta.get("expert")),
        "category": normalise(category),
        "status": normalise(status),
        "process": normalise(session_meta.get("process")),
    }


def index_steps(
    library: Library,
    steps: Sequence[Step],
    *,
    embedder: Embedder | None = None,
    store: VectorStore | None = None,
    session_meta: Mapping[str, Any] | None = None,
) -> int:
    """Embed steps and upsert their vectors (a step already indexed is replaced).

    Call it again after a step is edited or its status changes: the vector
    metadata carries category and status for filtering.

    Args:
        library: The library (settings, catalog, writer lock).
        steps: Stored steps, e.g. `library.steps(session_id)`.
        embedder: Defaults to the library's `embed_model` on `embed_device`.
        store: Defaults to `open_store(library, embedder.model_id)`.
        session_meta: Session fields (`title`, `workstation`, `expert`, `process`) for every step;
            when None they are read from the catalog per session.

    Returns:
        How many steps were indexed.

    Raises:
        EmbeddingError: The model cannot be loaded.
        StoreError: The vector store cannot be reached.
    """
    if not steps:
        return 0
    if embedder is None:
        from indexing.embed import get_embedder

        cfg = library.settings()
        groups = _by_model(library, cfg, steps)
        if len(groups) > 1:
            # Each session's steps go to the model (and collection) of its language.
            if store is not None:
                raise ValueError("one vector store cannot hold steps of several embedding models")
            return sum(
                index_steps(library, group, embedder=get_embedder(model, cfg["embed_device"]),
                            session_meta=session_meta)
                for model, group in groups.items()
            )
        embedder = get_embedder(next(iter(groups)), cfg["embed_device"])
    store = store or open_store(library, embedder.model_id)
    metas = (
        {s.session_id: dict(session_meta) for s in steps}
        if session_meta is not None
        else _session_metas(library, (s.session_id for s in steps))
    )
    docs = [step_document(s, session_names(metas.get(s.session_id, {}))) for s in steps]
    vectors = embedder.encode(docs)
    with library.writing("index vectors"):
        store.upsert(
            [s.step_id for s in steps],
            vectors,
            [step_metadata(s, metas.get(s.session_id, {})) for s in steps],
            docs,
        )
        put_vectors(library, embedder.model_id, [s.step_id for s in steps], vectors)
    log.info("indexed %d steps in %r", len(steps), store)
    return len(steps)


def index_session(
    library: Library, session_id: str, *, embedder: Embedder | None = None, store: VectorStore | None = None
) -> int:
    """Replace one session's vectors with its current steps (drops vectors of removed steps).

    Returns:
        How many steps were indexed.

    Raises:
        NotFoundError: Unknown session.
    """
    steps = library.steps(session_id)
    embedder = embedder or embedder_for(library, language=_languages(library, [session_id]).get(session_id))
    store = store or open_store(library, embedder.model_id)
    with library.writing("index vectors"):
        store.delete_where(session_id)
        return index_steps(library, steps, embedder=embedder, store=store)


def forget_session(library: Library, session_id: str, *, store: VectorStore | None = None) -> None:
    """Remove a session's vectors (every model's collection unless `store` is given).

    Loads no embedding model, and creates no vector store where none exists.
    """
    if store is not None:
        with library.writing("forget vectors"):
            store.delete_where(session_id)
        return
    if not library.has_vectors():
        return
    from indexing.store.chroma import ChromaStore

    probe = open_store(library, "")
    with library.writing("forget vectors"):
        if isinstance(probe, ChromaStore):
            probe.forget_everywhere(session_id)
        else:  # pragma: no cover - every backend today is a Chroma one
            probe.delete_where(session_id)


def rebuild_index(
    library: Library,
    *,
    embedder: Embedder | None = None,
    store: VectorStore | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> int:
    """Drop the collections in use and embed every step again (`knowhow reindex`).

    Without `embedder`, each session's steps go to the model of its language
    (`embed_model` for English, `embed_model_multilingual` for the others).

    Returns:
        How many steps were indexed.

    Raises:
        CancelledError: `cancel` was set; the collections then hold the steps done so far.
    """
    from indexing.embed import get_embedder

    steps = library.all_steps()
    cfg = library.settings()
    if embedder is not None:
        plan = [(embedder, store or open_store(library, embedder.model_id), steps)]
    else:
        groups = _by_model(library, cfg, steps) or {str(cfg["embed_model"]): []}
        plan = []
        for model, group in groups.items():
            emb = get_embedder(model, cfg["embed_device"])
            plan.append((emb, open_store(library, emb.model_id), group))
    metas = _session_metas(library, (s.session_id for s in steps))
    done = 0
    with library.writing("rebuild vectors"):
        for emb, st, _ in plan:
            st.reset()
            drop_vectors(library, emb.model_id)
        report(progress, "embed", 0.0, f"{len(steps)} steps")
        for emb, st, group in plan:
            for i in range(0, len(group), INDEX_BATCH):
                check(cancel)
                batch = group[i : i + INDEX_BATCH]
                docs = [step_document(s, session_names(metas.get(s.session_id, {}))) for s in batch]
                vectors = emb.encode(docs)
                st.upsert([s.step_id for s in batch], vectors,
                          [step_metadata(s, metas.get(s.session_id, {})) for s in batch], docs)
                put_vectors(library, emb.model_id, [s.step_id for s in batch], vectors)
                done += len(batch)
                report(progress, "embed", done / len(steps), f"{done}/{len(steps)} steps")
    report(progress, "embed", 1.0, f"{done} steps")
    return done
