"""Keeping step vectors in step with the catalog: embed steps and write them to the store.

`indexing.search` re-exports these; the pipeline calls `index_steps` (or
`index_session`) after segmenting, `knowhow reindex` calls `rebuild_index`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from indexing.models import Step
from indexing.progress import CancelToken, ProgressCallback, check, report
from indexing.store import VectorStore, open_store

if TYPE_CHECKING:
    from indexing.embedders.base import TextEmbedder as Embedder
    from indexing.library import Library

log = logging.getLogger(__name__)

INDEX_BATCH = 256


def step_document(step: Step) -> str:
    """The text embedded for a step: title, narration, tools, tips and warnings.

    Args:
        step: A stored step.

    Returns:
        One text, lines in a fixed order, empty parts left out.
    """
    parts = [step.title.strip(), step.text.strip()]
    if step.tools:
        parts.append("Tools: " + ", ".join(t.strip() for t in step.tools))
    if step.tips:
        parts.append("Tips: " + " ".join(t.strip() for t in step.tips))
    if step.warnings:
        parts.append("Warnings: " + " ".join(w.strip() for w in step.warnings))
    return "\n".join(p for p in parts if p)


def normalise(value: Any) -> str:
    """How filter values are compared: whitespace collapsed, case folded."""
    return " ".join(str(value or "").split()).casefold()


def embedder_for(library: Library, settings: Mapping[str, Any] | None = None) -> Embedder:
    """The library's embedding model (`embed_model` on `embed_device`), loaded once per process."""
    from indexing.embed import get_embedder

    cfg = settings if settings is not None else library.settings()
    return get_embedder(cfg["embed_model"], cfg["embed_device"])


def _session_metas(library: Library, session_ids: Iterable[str]) -> dict[str, dict[str, str]]:
    ids = sorted(set(session_ids))
    out: dict[str, dict[str, str]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in library.db.query(
            f"SELECT session_id, workstation, expert, process FROM sessions WHERE session_id IN ({marks})",
            chunk,
        ):
            out[r["session_id"]] = {k: r[k] or "" for k in ("workstation", "expert", "process")}
    return out


def step_metadata(step: Step, session_meta: Mapping[str, Any]) -> dict[str, str]:
    """The filterable metadata stored with a step's vector (values normalised)."""
    return {
        "session_id": step.session_id,
        "workstation": normalise(session_meta.get("workstation")),
        "expert": normalise(session_meta.get("expert")),
        "category": normalise(step.category),
        "status": normalise(step.status),
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
        session_meta: Session fields (`workstation`, `expert`, `process`) for every step;
            when None they are read from the catalog per session.

    Returns:
        How many steps were indexed.

    Raises:
        EmbeddingError: The model cannot be loaded.
        StoreError: The vector store cannot be reached.
    """
    if not steps:
        return 0
    embedder = embedder or embedder_for(library)
    store = store or open_store(library, embedder.model_id)
    metas = (
        {s.session_id: dict(session_meta) for s in steps}
        if session_meta is not None
        else _session_metas(library, (s.session_id for s in steps))
    )
    docs = [step_document(s) for s in steps]
    vectors = embedder.encode(docs)
    with library.writing("index vectors"):
        store.upsert(
            [s.step_id for s in steps],
            vectors,
            [step_metadata(s, metas.get(s.session_id, {})) for s in steps],
            docs,
        )
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
    embedder = embedder or embedder_for(library)
    store = store or open_store(library, embedder.model_id)
    with library.writing("index vectors"):
        store.delete_where(session_id)
        return index_steps(library, steps, embedder=embedder, store=store)


def forget_session(library: Library, session_id: str, *, store: VectorStore | None = None) -> None:
    """Remove a session's vectors (after `library.delete_session`)."""
    store = store or open_store(library, embedder_for(library).model_id)
    with library.writing("forget vectors"):
        store.delete_where(session_id)


def rebuild_index(
    library: Library,
    *,
    embedder: Embedder | None = None,
    store: VectorStore | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> int:
    """Drop the current model's collection and embed every step again (`knowhow reindex`).

    Returns:
        How many steps were indexed.

    Raises:
        CancelledError: `cancel` was set; the collection then holds the steps done so far.
    """
    embedder = embedder or embedder_for(library)
    store = store or open_store(library, embedder.model_id)
    steps = library.all_steps()
    metas = _session_metas(library, (s.session_id for s in steps))
    done = 0
    with library.writing("rebuild vectors"):
        store.reset()
        report(progress, "embed", 0.0, f"{len(steps)} steps")
        for i in range(0, len(steps), INDEX_BATCH):
            check(cancel)
            batch = steps[i : i + INDEX_BATCH]
            docs = [step_document(s) for s in batch]
            store.upsert([s.step_id for s in batch], embedder.encode(docs),
                         [step_metadata(s, metas.get(s.session_id, {})) for s in batch], docs)
            done += len(batch)
            report(progress, "embed", done / len(steps), f"{done}/{len(steps)} steps")
    report(progress, "embed", 1.0, f"{done} steps")
    return done
