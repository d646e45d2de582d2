"""The one short, locked commit of a computed session, and deleting one.

`commit_session` writes a `SessionResult` (computed with the library never
touched) in one go: media linked in, keyframes written, every catalog row in
one transaction, vectors upserted inside it. Anything failing undoes all of
it and raises: the library is as it was, and the error is never swallowed.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from indexing.errors import NotFoundError
from indexing.library import rows as _rows
from indexing.library.edits import StepsWriteMixin
from indexing.library.rows import now
from indexing.models import SessionResult, session_status

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Committed:
    """What `commit_session` did."""

    session_id: str
    already_ingested: bool = False
    held_s: float = 0.0


def link_or_copy(src: Path, dst: Path) -> None:
    """Put `src` at `dst` by a hard link where possible (same disk), else a copy; atomically."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(dst.name + ".part")
    try:
        os.link(src, tmp)
    except OSError:
        shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


class CommitMixin(StepsWriteMixin):
    """Committing and deleting whole sessions."""

    def commit_session(self, result: SessionResult, *, action: str = "ingest",
                       extra_audit: dict[str, object] | None = None,
                       provenance: dict[str, str] | None = None) -> Committed:
        """Write a computed session to the catalog and the vector store, all or nothing.

        A session with the same media hash that is already complete is left alone
        (`already_ingested=True`); a half-made one (from an older version) is replaced.

        Args:
            result: The computed session.
            action: The audit action ("ingest", "import bundle", …).
            extra_audit: More audit detail.
            provenance: For a session from a bundle: `bundle_sha256`, `source_library`, `plant`
                (an `imports` row).

        Returns:
            The session id and whether it was there already.

        Raises:
            StoreError, LibraryBusyError, OSError: Nothing was written.
        """
        sid = result.session_id
        folder = self.media_dir(sid)
        src = Path(result.source_path) if result.source_path else None
        media = folder / ("source" + src.suffix.lower()) if src is not None else None
        # The slow part of placing media (a copy across disks) happens before the lock.
        staged = None
        if src is not None and media is not None and src.resolve() != media.resolve() and src.exists():
            staged = folder / f".{media.name}.incoming"
            link_or_copy(src, staged)
        store = self.vector_store(result.embed_model_id) if result.vectors is not None else None
        if store is not None and hasattr(store, "client"):
            store.client()  # connect (and import chromadb) before the lock, not while holding it
        written: list[Path] = []
        upserted = False
        t0 = self.lock.held_s
        try:
            with self.writing(f"commit {sid}"):
                row = self.session_by_hash(result.sha256)
                if row is not None and self.is_complete(row):
                    return Committed(row["session_id"], already_ingested=True)
                if staged is not None and media is not None:
                    os.replace(staged, media)
                    written.append(media)
                    staged = None
                keyframes: dict[str, str] = {}
                for step_id, jpeg in result.keyframes.items():
                    kf = folder / "keyframes" / f"{step_id}.jpg"
                    kf.parent.mkdir(parents=True, exist_ok=True)
                    kf.write_bytes(jpeg)
                    written.append(kf)
                    keyframes[step_id] = self.relative(kf)
                self._write_session(result, row, media, keyframes, action, extra_audit, store, provenance)
                upserted = store is not None
        except BaseException:
            for p in written:
                p.unlink(missing_ok=True)
            if staged is not None:
                staged.unlink(missing_ok=True)
            if upserted and store is not None:
                self._undo_vectors(store, sid)
            raise
        return Committed(sid, held_s=self.lock.held_s - t0)

    def _write_session(self, result: SessionResult, old: dict[str, object] | None, media: Path | None,
                       keyframes: dict[str, str], action: str, extra_audit: dict[str, object] | None,
                       store: object, provenance: dict[str, str] | None = None) -> None:
        sid = result.session_id
        stamp = now()
        info = result.info
        statuses = [s.status for s in result.steps]
        meta = dict(result.meta, asr_model=result.transcript.model)
        media_fields = {"source_path": result.source_path, "duration": info.duration,
                        "has_video": info.has_video, "fps": info.fps, "width": info.width,
                        "height": info.height,
                        "media_path": self.relative(media) if media is not None and media.exists() else ""}
        with self.transaction() as db:
            if old is not None:
                self._delete_rows(db, str(old["session_id"]))
            db.table("sessions").insert(
                _rows.session_record(sid, result.sha256, meta, media_fields, session_status(statuses), stamp))
            db.table("markers").insert_all(_rows.marker_rows(sid, result.markers))
            self._write_transcript(db, sid, result.transcript)
            db.table("procedures").insert_all(
                [_rows.procedure_record(sid, p, "approved" if statuses and set(statuses) == {"approved"}
                                        else "proposed") for p in result.procedures])
            db.table("steps").insert_all([
                _rows.step_record(sid, s, stamp, status=s.status,
                                  keyframe=keyframes.get(_rows.step_id(sid, s.procedure_index, s.index)))
                for s in result.steps])
            stages = dict.fromkeys(("import", "transcribe", "segment", "keyframes"), "")
            stages.update(result.stages)
            if result.vectors is not None:
                stages["embed"] = stages.get("embed") or f"{len(result.steps)} steps"
            db.table("stages").insert_all(
                [{"session_id": sid, "stage": k, "status": "done", "finished_at": stamp, "detail": v}
                 for k, v in stages.items()])
            if provenance is not None:
                db.table("imports").insert({"session_id": sid, **provenance, "imported_at": stamp})
            self.audit(action, {"session_id": sid, "steps": len(result.steps), **(extra_audit or {})}, db=db)
            if store is not None and result.steps:
                from indexing.store.index import vector_metadata

                ids = [_rows.step_id(sid, s.procedure_index, s.index) for s in result.steps]
                store.delete_where(sid)  # type: ignore[attr-defined]
                store.upsert(ids, result.vectors,  # type: ignore[attr-defined]
                             [vector_metadata(sid, s.category, s.status, result.meta) for s in result.steps],
                             result.documents)
            if result.vectors is not None and result.steps:
                from indexing.library.step_vectors import write_rows

                write_rows(db, result.embed_model_id,
                           [_rows.step_id(sid, s.procedure_index, s.index) for s in result.steps],
                           result.vectors)

    def _undo_vectors(self, store: object, sid: str) -> None:
        try:
            store.delete_where(sid)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - the original error is the one to raise
            log.error("could not remove the vectors of %s after a failed commit", sid, exc_info=True)

    def delete_session(self, session_id: str, *, remove_media: bool = True, erase: bool = False) -> None:
        """Remove a session and everything derived from it: rows, FTS rows, media, keyframes, vectors.

        Args:
            session_id: The session.
            remove_media: Also remove its media folder (recording, keyframes, caches).
            erase: Then compact the catalog and the vector store so no trace of its
                content is left in the library's files (see `indexing.library.erase`).

        Raises:
            NotFoundError: Unknown session.
            StoreError: The vector store failed (the catalog is then unchanged).
        """
        with self.writing("delete session"):
            self.session_row(session_id)
            self.forget_vectors(session_id)
            with self.transaction() as db:
                self._delete_rows(db, session_id)
                self.audit("delete", {"session_id": session_id, "erase": erase}, db=db)
            if remove_media:
                shutil.rmtree(self.media_dir(session_id), ignore_errors=True)
            if erase:
                from indexing.library.erase import compact

                compact(self, session_id)
            log.info("deleted session %s%s", session_id, " and erased its traces" if erase else "")

    def require_session(self, session_id: str) -> None:
        """Raise `NotFoundError` for an unknown session id."""
        if not self.has_session(session_id):
            raise NotFoundError(f"unknown session {session_id!r}")
