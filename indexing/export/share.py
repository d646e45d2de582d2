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
from indexing.library.catalog import now
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


def _session_rows(doc: dict[str, Any], sid: str, media_rel: str, has_media: bool) -> dict[str, Any]:
    stamp = now()
    statuses = {s["status"] for s in doc["steps"]}
    return {
        "session_id": sid, "title": doc.get("title", ""), "expert": doc.get("expert", ""),
        "workstation": doc.get("workstation", ""), "process": doc.get("process", ""),
        "language": doc.get("language", ""), "consent": int(bool(doc.get("consent"))),
        "consent_ref": doc.get("consent_ref", ""), "source_path": "", "media_path": media_rel,
        "sha256": doc["source_sha256"], "duration": float(doc.get("duration") or 0.0),
        "has_video": int(bool(doc.get("has_video")) and has_media), "fps": float(doc.get("fps") or 0.0),
        "width": int(doc.get("width") or 0), "height": int(doc.get("height") or 0),
        "status": "approved" if statuses == {"approved"} else "needs review",
        "created_at": doc.get("created_at") or stamp, "updated_at": stamp,
        "asr_model": doc.get("asr_model", ""), "embed_model": doc.get("embed_model", ""),
        "source_library": doc.get("source_library", ""), "plant": doc.get("plant", ""),
        "licence": doc.get("licence", ""),
    }


def _insert_session(library: Library, db: Any, doc: dict[str, Any], sid: str, root: Path,
                    media_rel: str, has_media: bool, bundle_sha: str) -> list[str]:
    db.table("sessions").insert(_session_rows(doc, sid, media_rel, has_media))
    segs = doc.get("segments", [])
    db.table("segments").insert_all([{"session_id": sid, "idx": i, "start": s["start"], "end": s["end"],
                                "text": s["text"], "avg_logprob": 0.0, "no_speech_prob": 0.0}
                               for i, s in enumerate(segs)])
    words = []
    counts: dict[int, int] = {}
    for w in doc.get("words", []):
        mid = (w["start"] + w["end"]) / 2
        seg = max([i for i, s in enumerate(segs) if s["start"] <= mid] or [0])
        words.append({"session_id": sid, "segment_idx": seg, "idx": counts.get(seg, 0),
                      "start": w["start"], "end": w["end"], "word": w["word"],
                      "probability": w["probability"]})
        counts[seg] = counts.get(seg, 0) + 1
    db.table("words").insert_all(words)
    db.table("markers").insert_all([{"session_id": sid, "t": m["t"], "kind": m["kind"], "note": m["note"]}
                              for m in doc.get("markers", [])])
    procs: dict[int, dict[str, Any]] = {}
    for r in doc["steps"]:
        p = procs.setdefault(r["procedure_index"], {
            "procedure_id": f"{sid}-p{r['procedure_index'] + 1}", "session_id": sid,
            "idx": r["procedure_index"], "title": r["procedure_title"], "start": r["start"],
            "end": r["end"], "status": "approved"})
        p["start"], p["end"] = min(p["start"], r["start"]), max(p["end"], r["end"])
    db.table("procedures").insert_all(procs.values())
    ids = []
    for r in doc["steps"]:
        step_id = Library.step_id(sid, r["procedure_index"], r["step_index"])
        keyframe = None
        if r.get("keyframes"):
            src = root / r["keyframes"][0]
            if src.is_file():
                kf = library.media_dir(sid) / "keyframes" / f"{step_id}.jpg"
                kf.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, kf)
                keyframe = library.relative(kf)
        db.table("steps").insert({
            "step_id": step_id, "session_id": sid, "procedure_id": f"{sid}-p{r['procedure_index'] + 1}",
            "procedure_idx": r["procedure_index"], "idx": r["step_index"], "start": r["start"],
            "end": r["end"], "title": r["title"], "text": r["text"], "category": r["category"],
            "tools": json.dumps(r["tools"], ensure_ascii=False),
            "tips": json.dumps(r["tips"], ensure_ascii=False),
            "warnings": json.dumps(r["warnings"], ensure_ascii=False),
            "keyframe": keyframe, "keyframe_t": None, "status": r["status"],
            "boundary_confidence": r["boundary_confidence"], "edited": 0, "updated_at": now()})
        ids.append(step_id)
    for stage in ("import", "transcribe", "segment", "keyframes"):
        db.table("stages").insert({"session_id": sid, "stage": stage, "status": "done", "finished_at": now(),
                             "detail": "from bundle"})
    db.table("imports").insert({"session_id": sid, "bundle_sha256": bundle_sha,
                          "source_library": doc.get("source_library", ""), "plant": doc.get("plant", ""),
                          "imported_at": now()})
    return ids


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
    moved: list[Path] = []
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
        new_steps: list[str] = []
        with library.writing("import bundle"):
            check(cancel)
            plan = []
            for doc in docs:
                if library.session_by_hash(doc["source_sha256"]) is not None:
                    result.duplicates.append(doc["session_id"])
                    continue
                sid = safe_member_name(doc["session_id"]).name
                if list(library.db.query("SELECT 1 FROM sessions WHERE session_id=?", [sid])):
                    sid = f"{sid}-{(doc.get('source_library') or uuid.uuid4().hex)[:6]}"
                plan.append((doc, sid))
            placed: list[tuple[dict[str, Any], str, str, bool]] = []
            for doc, sid in plan:
                folder = library.media_dir(sid)
                if folder.exists():
                    raise ExportError(f"cannot import {sid}: {folder} already exists")
                folder.mkdir(parents=True)
                moved.append(folder)
                media_rel, has_media = "", False
                if doc.get("media"):
                    rel = safe_member_name(doc["media"])
                    media_src = root / "library" / Path(*rel.parts)
                    if media_src.is_file():
                        dst = folder / "recording.mp4"
                        shutil.move(str(media_src), dst)
                        media_rel, has_media = library.relative(dst), True
                placed.append((doc, sid, media_rel, has_media))
            with library.transaction() as db:
                for doc, sid, media_rel, has_media in placed:
                    new_steps += _insert_session(library, db, doc, sid, root, media_rel, has_media,
                                                 bundle_sha)
                    result.added.append(sid)
                result.steps = len(new_steps)
                result.source_libraries = sorted({d.get("source_library", "") for d, _ in plan})
                library.audit("import bundle", {"bundle": str(src.absolute()), "bundle_sha256": bundle_sha,
                                                "added": result.added, "duplicates": result.duplicates,
                                                "steps": result.steps,
                                                "source_libraries": result.source_libraries}, db=db)
    except BaseException:
        for d in moved:
            shutil.rmtree(d, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if reindex and new_steps:
        report(progress, "import", 0.8, "indexing imported steps for search")
        from indexing.pipeline import reindex_steps

        reindex_steps(library, new_steps)
        with library.transaction() as db:
            for sid in result.added:
                db.table("stages").upsert({"session_id": sid, "stage": "embed", "status": "done",
                                     "finished_at": now(), "detail": "after import"},
                                    pk=("session_id", "stage"))
    report(progress, "import", 1.0, f"imported {len(result.added)} sessions")
    return result
