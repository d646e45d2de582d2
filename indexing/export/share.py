"""Sending a library's sessions to another library: `write_bundle` and `import_bundle`.

A bundle is an export (anonymized unless asked otherwise) that also carries
whole sessions under `library/`, tarred and encrypted (see `bundle`). Importing
decrypts and authenticates the whole bundle into a staging folder inside the
target library before touching anything; only then are sessions merged, in one
catalog transaction, each keeping its provenance (source library, plant).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tarfile
import uuid
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from indexing.errors import ExportError
from indexing.export.bundle import BundleWriter, decrypt_to
from indexing.export.exporter import export, write_audit
from indexing.export.manifest import sha256_file, verify_export
from indexing.export.options import ExportOptions, ExportResult
from indexing.library import Library
from indexing.models import (
    Marker,
    MediaInfo,
    ProcedureDraft,
    Segment,
    SessionResult,
    StepDraft,
    Transcript,
    Word,
)
from indexing.progress import CancelToken, ProgressCallback, check, report

log = logging.getLogger(__name__)


def write_bundle(
    library: Library,
    path: str | os.PathLike[str],
    options: ExportOptions | None = None,
    *,
    passphrase: str | None = None,
    recipients: tuple[str, ...] = (),
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ExportResult:
    """Export into one encrypted, authenticated bundle file.

    Args:
        library: The source library.
        path: The bundle file to write (conventionally `.khb`).
        options: Selection and anonymization; `out` is ignored and `include_sessions` forced on.
            Defaults to an anonymized export of approved steps (anything leaving the machine is).
        passphrase: Encrypt for whoever knows this passphrase.
        recipients: Encrypt for these public keys ("khb-pub-…", or files holding them).
        progress: Progress callback.
        cancel: Cancels the export; nothing is left behind.

    Returns:
        The export's result with `out` set to the bundle and `manifest_sha256` of the export.

    Raises:
        ExportError: No passphrase or recipient, bad options, nothing to export, I/O errors.
    """
    if not passphrase and not recipients:
        raise ExportError("a bundle needs a passphrase or at least one recipient key")
    target = Path(path).absolute()
    if target.exists() and not (options and options.overwrite):
        raise ExportError(f"{target} already exists")
    base = options or ExportOptions(anonymize=True)
    stage = target.parent / f".{target.name}.export-{uuid.uuid4().hex[:8]}"
    opts = replace(base, out=str(stage), include_sessions=True, overwrite=False)
    partial = target.with_name(f".{target.name}.partial")
    try:
        result = export(library, opts, progress, cancel, audit=False)
        report(progress, "bundle", 0.0, "encrypting")
        with open(partial, "wb") as f:
            writer = BundleWriter(f, passphrase, recipients)
            with tarfile.open(fileobj=writer, mode="w|", format=tarfile.PAX_FORMAT) as tar:
                for p in sorted(stage.rglob("*")):
                    check(cancel)
                    if p.is_file():
                        info = tar.gettarinfo(str(p), arcname=p.relative_to(stage).as_posix())
                        info.uid = info.gid = 0
                        info.uname = info.gname = ""
                        info.mtime = 0
                        with open(p, "rb") as fh:
                            tar.addfile(info, fh)
            writer.close()
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    digest = sha256_file(target)
    write_audit(library, "export bundle", {
        **result.to_dict(), "out": str(target), "bundle_sha256": digest,
        "anonymized": opts.anonymize, "blur_faces": opts.faces,
        "encryption": (["passphrase"] if passphrase else []) + (["x25519"] * len(recipients)),
    })
    report(progress, "bundle", 1.0, "bundle written")
    return replace(result, out=str(target))


@dataclass
class ImportResult:
    """What `import_bundle` merged.

    Attributes:
        added: Session ids added to the library.
        duplicates: Bundle session ids skipped because the library already holds that recording.
        steps: Steps added.
        bundle_sha256: SHA-256 of the bundle file.
        source_libraries: Library ids the sessions came from.
    """

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    steps: int = 0
    bundle_sha256: str = ""
    source_libraries: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def safe_member_name(name: str) -> PurePosixPath:
    """The member path if it stays inside the extraction folder.

    Raises:
        ExportError: Absolute, drive-lettered, backslashed, empty or `..` paths.
    """
    p = PurePosixPath(name)
    if (not name or name.startswith(("/", "\\")) or "\\" in name or ":" in name
            or p.is_absolute() or any(part in ("..", "") for part in p.parts)):
        raise ExportError(f"bundle rejected: unsafe path {name!r} would write outside the library")
    return p


def _extract(tar_path: Path, dest: Path, cancel: CancelToken | None) -> None:
    """Extract regular files only, after checking every member; nothing is written on a bad one."""
    with tarfile.open(tar_path, "r:") as tar:
        members = tar.getmembers()
        for m in members:
            safe_member_name(m.name)
            if not (m.isfile() or m.isdir()):
                raise ExportError(f"bundle rejected: {m.name!r} is a link or special file")
        for m in members:
            check(cancel)
            rel = safe_member_name(m.name)
            out = dest.joinpath(*rel.parts)
            if m.isdir():
                out.mkdir(parents=True, exist_ok=True)
                continue
            out.parent.mkdir(parents=True, exist_ok=True)
            src = tar.extractfile(m)
            assert src is not None
            with open(out, "xb") as fh:
                shutil.copyfileobj(src, fh)


def _session_result(library: Library, doc: dict[str, Any], sid: str, root: Path,
                    media_src: Path | None) -> SessionResult:
    """A bundle session as a `SessionResult`, committed like an ingest's."""
    segs = doc.get("segments", [])
    words: dict[int, list[Word]] = {}
    for w in doc.get("words", []):
        mid = (w["start"] + w["end"]) / 2
        seg = max([i for i, s in enumerate(segs) if s["start"] <= mid] or [0])
        words.setdefault(seg, []).append(Word(w["start"], w["end"], w["word"], w["probability"]))
    transcript = Transcript(doc.get("language", ""), float(doc.get("duration") or 0.0), tuple(
        Segment(s["start"], s["end"], s["text"], tuple(words.get(i, ()))) for i, s in enumerate(segs)),
        doc.get("asr_model", ""))
    procs: dict[int, ProcedureDraft] = {}
    steps: list[StepDraft] = []
    keyframes: dict[str, bytes] = {}
    for r in doc["steps"]:
        p = procs.setdefault(r["procedure_index"], ProcedureDraft(r["procedure_index"], r["procedure_title"],
                                                                 r["start"], r["end"]))
        p.start, p.end = min(p.start, r["start"]), max(p.end, r["end"])
        steps.append(StepDraft(r["procedure_index"], r["step_index"], r["start"], r["end"], r["text"],
                               title=r["title"], category=r["category"], tools=list(r["tools"]),
                               tips=list(r["tips"]), warnings=list(r["warnings"]),
                               boundary_confidence=r["boundary_confidence"], status=r["status"]))
        if r.get("keyframes"):
            kf = root / r["keyframes"][0]
            if kf.is_file():
                keyframes[Library.step_id(sid, r["procedure_index"], r["step_index"])] = kf.read_bytes()
    has_media = media_src is not None
    info = MediaInfo(str(media_src or ""), float(doc.get("duration") or 0.0), True,
                     bool(doc.get("has_video")) and has_media, float(doc.get("fps") or 0.0),
                     int(doc.get("width") or 0), int(doc.get("height") or 0))
    meta = {k: doc.get(k, "") for k in ("title", "expert", "workstation", "process", "language",
                                         "consent_ref", "licence", "source_library", "plant",
                                         "created_at", "embed_model")}
    meta["consent"] = bool(doc.get("consent"))
    return SessionResult(
        session_id=sid, sha256=doc["source_sha256"], source_path=str(media_src or ""), info=info, meta=meta,
        markers=tuple(Marker(m["t"], m["kind"], m["note"]) for m in doc.get("markers", [])),
        transcript=transcript, procedures=[procs[i] for i in sorted(procs)], steps=steps,
        keyframes=keyframes, stages=dict.fromkeys(("import", "transcribe", "segment", "keyframes"),
                                                  "from bundle"))


def _embed(library: Library, results: list[SessionResult]) -> None:
    """Give the results their vectors (before the commit, outside the writer lock)."""
    from indexing.store.index import embedder_for, session_names, step_document

    embedder = embedder_for(library)
    for r in results:
        r.documents = [step_document(s, session_names(r.meta)) for s in r.steps]
        r.vectors = embedder.encode(r.documents) if r.documents else None
        r.embed_model_id = embedder.model_id
        r.stages["embed"] = "after import"


def import_bundle(
    library: Library,
    path: str | os.PathLike[str],
    *,
    passphrase: str | None = None,
    identity: str | None = None,
    reindex: bool = True,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ImportResult:
    """Merge a bundle's sessions into `library`.

    Args:
        library: The receiving library.
        path: The `.khb` file.
        passphrase: The bundle's passphrase, or
        identity: The secret identity key ("khb-secret-…", or a file holding it) it was sent to.
        reindex: Embed the new steps so search finds them (loads the embedding model).
        progress: Progress callback.
        cancel: Cancels before anything is merged.

    Returns:
        Sessions added and duplicates skipped.

    Raises:
        ExportError: Wrong key, tampered or truncated bundle, unsafe paths, a damaged payload.
            The library is unchanged.
    """
    src = Path(path)
    if not src.is_file():
        raise ExportError(f"no bundle at {src}")
    bundle_sha = sha256_file(src)
    staging = library.root / f".import-{uuid.uuid4().hex[:8]}"
    staging.mkdir()
    result = ImportResult(bundle_sha256=bundle_sha)
    try:
        report(progress, "import", 0.0, "decrypting and authenticating")
        payload = staging / "payload.tar"
        with open(payload, "wb") as f:
            decrypt_to(src, f, passphrase=passphrase, identity=identity)
        check(cancel)
        root = staging / "x"
        root.mkdir()
        try:
            _extract(payload, root, cancel)
        except (tarfile.TarError, FileExistsError) as exc:
            raise ExportError(f"bundle rejected: its contents are damaged ({exc})") from None
        payload.unlink()
        check_result = verify_export(root)
        if not check_result.ok:
            raise ExportError("bundle rejected: its manifest does not match its files ("
                              + "; ".join(check_result.problems()[:3]) + ")")
        docs = []
        for p in sorted((root / "library" / "sessions").glob("*.json")):
            try:
                docs.append(json.loads(p.read_text(encoding="utf-8")))
            except ValueError:
                raise ExportError(f"bundle rejected: {p.name} is not valid JSON") from None
        if not docs:
            raise ExportError("bundle holds no sessions to import")
        report(progress, "import", 0.6, "merging sessions")
        plan = []
        taken: set[str] = set()
        for doc in docs:
            if library.session_by_hash(doc["source_sha256"]) is not None:
                result.duplicates.append(doc["session_id"])
                continue
            sid = safe_member_name(doc["session_id"]).name
            if library.has_session(sid) or sid in taken:
                sid = f"{sid}-{(doc.get('source_library') or uuid.uuid4().hex)[:6]}"
            if library.media_dir(sid).exists():
                raise ExportError(f"cannot import {sid}: {library.media_dir(sid)} already exists")
            taken.add(sid)
            media_src = None
            if doc.get("media"):
                candidate = root / "library" / Path(*safe_member_name(doc["media"]).parts)
                media_src = candidate if candidate.is_file() else None
            plan.append(_session_result(library, doc, sid, root, media_src))
        if reindex and plan:
            report(progress, "import", 0.7, "indexing imported steps for search")
            _embed(library, plan)
        check(cancel)
        result.source_libraries = sorted({d.get("source_library", "") for d in docs
                                          if d["session_id"] not in result.duplicates})
        try:
            for r in plan:
                done = library.commit_session(r, action="import session", provenance={
                    "bundle_sha256": bundle_sha, "source_library": r.meta.get("source_library", ""),
                    "plant": r.meta.get("plant", "")})
                if done.already_ingested:
                    result.duplicates.append(r.session_id)
                    continue
                result.added.append(r.session_id)
                result.steps += len(r.steps)
        except BaseException:
            for sid in result.added:  # all or nothing: take back what this import added
                library.delete_session(sid)
            raise
        library.audit_action("import bundle", {
            "bundle": str(src.absolute()), "bundle_sha256": bundle_sha, "added": result.added,
            "duplicates": result.duplicates, "steps": result.steps,
            "source_libraries": result.source_libraries})
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    report(progress, "import", 1.0, f"imported {len(result.added)} sessions")
    return result
