"""Keeping the vector store consistent with the catalog: an edit re-indexes, a delete forgets.

Callers never have to remember: the library's step edits call `sync_vectors`
and its deletes call `forget_vectors`. A library that has no vector store yet
(no `vectors/` folder and no `chroma_url`) is left without one: tests and
freshly imported libraries do not load an embedding model for an edit.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from indexing.library.steps import StepsReadMixin
from indexing.progress import CancelToken, ProgressCallback, check, report

if TYPE_CHECKING:
    from indexing.library.catalog import Library

log = logging.getLogger(__name__)


class VectorsMixin(StepsReadMixin):
    """The library's side of the vector store."""

    @property
    def _lib(self) -> Library:
        return cast("Library", self)

    def has_vectors(self) -> bool:
        """Whether this library keeps step vectors (an embedded store exists or a server is set)."""
        return bool(str(self.setting("chroma_url") or "").strip()) or self.vectors_dir.exists()

    def vector_store(self, model_id: str | None = None) -> Any:
        """The vector store for `model_id` (default: the current embedding model's)."""
        from indexing.store import open_store
        from indexing.store.index import embedder_for

        return open_store(self._lib, model_id if model_id is not None else embedder_for(self._lib).model_id)

    def warm_vectors(self, *, sessions: Sequence[str] | None = None, steps: Sequence[str] | None = None) -> None:
        """Load embedding models before taking the writer lock (so the lock stays short).

        Args:
            sessions: Only the models of these sessions' languages.
            steps: Only the models of these steps' sessions' languages.

        With neither, every model in use is loaded (a rebuild or an ingest). An edit names
        what it touches: a reviewer's English edit in a mixed library then loads MiniLM alone,
        not the Korean model as well.
        """
        if not self.has_vectors():
            return
        from indexing.embed import get_embedder
        from indexing.store.index import embed_model_for, models_in_use

        cfg = self.settings()
        if sessions is None and steps is None:
            models = models_in_use(self._lib, cfg)
        else:
            models = sorted({embed_model_for(cfg, lang) for lang in self._languages_of(sessions, steps)})
        for model in models:
            get_embedder(model, cfg["embed_device"])

    def _languages_of(self, sessions: Sequence[str] | None, steps: Sequence[str] | None) -> set[str]:
        """The languages of some sessions and of the sessions of some steps ("" for none set)."""
        langs: set[str] = set()
        for ids, sql in ((sessions, "SELECT language FROM sessions WHERE session_id IN ({})"),
                         (steps, "SELECT DISTINCT s.language FROM sessions s JOIN steps t "
                                 "ON t.session_id = s.session_id WHERE t.step_id IN ({})")):
            ids = list(ids or ())
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                rows = self.db.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
                langs.update(r[0] or "" for r in rows)
        return langs

    def sync_vectors(self, step_ids: Sequence[str], removed: Sequence[str] = (), *,
                     force: bool = False) -> int:
        """Re-embed changed steps and drop the vectors of removed ones.

        Args:
            step_ids: Steps whose text, labels or status changed.
            removed: Step ids that no longer exist.
            force: Create the vector store when the library has none yet.

        Returns:
            How many steps were embedded.

        Raises:
            EmbeddingError, StoreError: The model or the store failed.
        """
        if not (force or self.has_vectors()):
            return 0
        from indexing.store.index import forget_steps, index_steps

        # Each step goes to the model (and collection) of its session's language: a Korean
        # step edited in review must not land in the English model's collection.
        with self.writing("index vectors"):
            forget_steps(self._lib, [i for i in removed if i not in set(step_ids)])
            found = self.steps_by_ids(list(step_ids))
            return index_steps(self._lib, [found[i] for i in step_ids if i in found])

    def forget_vectors(self, session_id: str) -> None:
        """Remove every vector of a session (all models' collections); no model is loaded."""
        from indexing.store.index import forget_session

        forget_session(self._lib, session_id)

    def reembed_pending(self, progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> int:
        """Re-embed the sessions a migration listed (`indexing.library.reembed`), one at a time.

        Opening a library never does this: at plant scale it would hold every command and the
        app's first paint for minutes. Search meanwhile uses the older vectors, which differ only
        in what the documents repeated. The app runs it in the background after its first paint;
        `knowhow reindex --pending` runs it from the command line; `knowhow reindex` rebuilds all.
        Each session is embedded before the writer lock and written under it, like an edit, so a
        reviewer waits for one session at most. A library without vectors only clears the list
        (its first index builds everything new).

        Cost, once: on a shared 2-core machine about 0.3 s a step with multilingual-e5-small and
        0.1 s with MiniLM, model loading included.

        Returns:
            How many steps were embedded.

        Raises:
            EmbeddingError, StoreError: The model or the store failed; the sessions not yet done stay listed.
            CancelledError: `cancel` was set; the same.
        """
        from indexing.library import reembed

        sessions = reembed.pending(self.db.conn)
        if not sessions:
            return 0
        if not self.has_vectors():
            with self.writing("re-embed"), self.transaction() as db:
                reembed.done(db.conn)
            return 0
        from indexing.store.index import index_session

        total = 0
        for n, sid in enumerate(sessions):
            check(cancel)
            report(progress, "re-embed", n / len(sessions), f"session {n + 1} of {len(sessions)}")
            self.warm_vectors(sessions=[sid])
            with self.writing("re-embed"):
                total += index_session(self._lib, sid)
                with self.transaction() as db:
                    reembed.done(db.conn, [sid])
        log.info("re-embedded %d step(s) of %d session(s) with the current step documents", total, len(sessions))
        return total

    def record_reindex(self, steps: int) -> None:
        """Note a full rebuild: every session now has the current model's vectors."""
        from indexing.library import reembed

        model = self.setting("embed_model")
        with self.writing("reindex"), self.transaction() as db:
            db.execute("UPDATE sessions SET embed_model=?", [model])
            reembed.done(db.conn)
            self.audit("reindex", {"steps": steps, "model": model}, db=db)
