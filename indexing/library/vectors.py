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

if TYPE_CHECKING:
    from indexing.library.catalog import Library

log = logging.getLogger(__name__)


REEMBED_ON_OPEN_MAX_STEPS = 500
"""Up to this many listed steps are re-embedded when the library opens (about 0.1-0.3 s a step on
a loaded 2-core machine: 2.5 minutes at most); a larger library is left to `knowhow reindex`."""


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

    def reembed_pending(self) -> int:
        """Re-embed the sessions a migration listed (`indexing.library.reembed`); a library open calls it.

        A library without vectors only clears the list (its first index builds everything new).
        A model or store failure, or a writer holding the lock, is logged and leaves the rest
        listed for the next open: opening never fails for it. Cost: one embedding pass over
        the listed steps, once (on a shared 2-core machine about 0.1-0.3 s a step with
        multilingual-e5-small, 0.1 s with MiniLM, model loading included); more than
        `REEMBED_ON_OPEN_MAX_STEPS` are left to `knowhow reindex`, with a warning.

        Returns:
            How many steps were embedded.
        """
        from indexing.library import reembed

        sessions = reembed.pending(self.db.conn)
        if not sessions:
            return 0
        marks = ",".join("?" * len(sessions))
        steps = self.db.execute(f"SELECT count(*) FROM steps WHERE session_id IN ({marks})", sessions).fetchone()[0]
        if steps > REEMBED_ON_OPEN_MAX_STEPS and self.has_vectors():
            log.warning("%d step(s) wait to be re-embedded with the current step documents; "
                        "run `knowhow reindex` (search works meanwhile, with the older vectors)", steps)
            return 0
        from indexing.errors import IndexingError
        from indexing.store.index import index_session

        total = 0
        try:
            if not self.has_vectors():
                with self.writing("re-embed"), self.transaction() as db:
                    reembed.done(db.conn)
                return 0
            for sid in sessions:
                total += index_session(self._lib, sid)
                with self.writing("re-embed"), self.transaction() as db:
                    reembed.done(db.conn, [sid])
        except IndexingError as exc:  # no model, no store, another writer: the next open tries again
            log.warning("re-embedding %d session(s) stopped, the next open goes on: %s", len(sessions), exc)
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
