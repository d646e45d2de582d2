"""`export()`: selected steps out as a documented, verifiable training set.

The export is built in a hidden folder beside the target and renamed into place
only when complete, so a cancelled or failed export leaves nothing half-written.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
import uuid
from pathlib import Path
from typing import Any

from indexing.errors import CancelledError, ExportError, IndexingError
from indexing.export import clips
from indexing.export.anonymize import (
    Pseudonymizer,
    Redactor,
    library_id,
    people,
    plant,
    pseudonym_key,
)
from indexing.export.card import render_card
from indexing.export.formats import Records, make_formats
from indexing.export.manifest import MANIFEST, sha256_file, write_manifest
from indexing.export.options import ExportOptions, ExportResult
from indexing.export.records import Item, build_items, group_sizes, session_words
from indexing.export.splits import SPLITS, assign_splits
from indexing.library import Library
from indexing.library.catalog import now
from indexing.progress import CancelToken, ProgressCallback, check, report

log = logging.getLogger(__name__)

TOOL_VERSION = "0.1.0"


def _blurrer(options: ExportOptions) -> Any:
    if not options.faces:
        return None
    from indexing.export.faces import FaceBlurrer

    return FaceBlurrer()


def _keyframe(item: Item, options: ExportOptions, root: Path, blur: Any) -> list[str]:
    """Write the step's keyframe as keyframes/<id>.jpg (re-encoded: no EXIF survives)."""
    img = None
    if item.keyframe_src and Path(item.keyframe_src).is_file():
        img = clips.read_image(item.keyframe_src)
    if img is None and item.has_video and item.media_path and Path(item.media_path).is_file():
        rec = item.record
        t = item.keyframe_t if item.keyframe_t is not None else (rec["start"] + rec["end"]) / 2
        img = clips.frame_at(item.media_path, t)
    if img is None:
        return []
    rel = f"keyframes/{item.record['id']}.jpg"
    if blur is not None:
        clips.save_still(img, root / rel, blur)  # blurred, then checked by an independent detector
    else:
        clips.write_jpeg(img, root / rel)
    return [rel]


def _media(items: list[Item], options: ExportOptions, root: Path, progress: ProgressCallback | None,
           cancel: CancelToken | None) -> tuple[int, int]:
    """Cut clips and write keyframes; returns (faces blurred, clips re-encoded)."""
    if options.media == "none":
        return 0, 0
    (root / "keyframes").mkdir(exist_ok=True)
    if options.media == "clips":
        (root / "clips").mkdir(exist_ok=True)
    reencoded = 0
    blur = _blurrer(options)
    for n, item in enumerate(items):
        check(cancel)
        rec = item.record
        report(progress, "export", 0.05 + 0.8 * n / max(1, len(items)), f"media for step {n + 1}/{len(items)}")
        rec["keyframes"] = _keyframe(item, options, root, blur)
        if options.media != "clips" or not item.media_path or not Path(item.media_path).is_file():
            continue
        if not item.has_video and options.drop_audio:
            continue
        if blur is not None:
            blur.reset()
        rel = f"clips/{rec['id']}.mp4"
        info = clips.cut_clip(item.media_path, rec["start"], rec["end"], root / rel, blurrer=blur,
                              drop_audio=options.drop_audio)
        rec["clip"], rec["clip_start"], rec["clip_end"] = rel, info.start, info.end
        reencoded += int(info.reencoded)
    return (blur.faces_found if blur is not None else 0), reencoded


def _sessions(library: Library, items: list[Item], options: ExportOptions, root: Path,
              pseudo: Pseudonymizer | None, redactor: Redactor | None,
              cancel: CancelToken | None) -> int:
    """Write whole sessions under library/ for `import_bundle`; returns faces blurred."""
    red = redactor.text if redactor else (lambda s: s)
    by_session: dict[str, list[Item]] = {}
    for it in items:
        by_session.setdefault(it.session_id, []).append(it)
    faces = 0
    src_lib, src_plant = library_id(library), plant(library)
    for sid, its in by_session.items():
        check(cancel)
        row = library.session_row(sid)
        out_sid = its[0].record["session_id"]
        folder = root / "library" / "media" / out_sid
        folder.mkdir(parents=True, exist_ok=True)
        media_rel = ""
        src = library.absolute(row.get("media_path"))
        if src is not None and src.is_file() and not (options.drop_audio and not row.get("has_video")):
            blur = _blurrer(options)
            clips.cut_clip(src, 0.0, float(row.get("duration") or 0.0) + 1.0, folder / "recording.mp4",
                           blurrer=blur, drop_audio=options.drop_audio)
            faces += blur.faces_found if blur is not None else 0
            media_rel = f"media/{out_sid}/recording.mp4"
        words = session_words(library, sid)
        segments = [
            {"start": s["start"], "end": s["end"], "text": red(s["text"] or "")}
            for s in library.db.query("SELECT start, end, text FROM segments WHERE session_id=? "
                                      "ORDER BY idx", [sid])
        ]
        doc = {
            "session_id": out_sid,
            "source_sha256": row["sha256"],
            "title": red(row.get("title") or ""),
            "expert": pseudo.expert(row.get("expert") or "") if pseudo else row.get("expert") or "",
            "workstation": red(row.get("workstation") or ""),
            "process": red(row.get("process") or ""),
            "language": row.get("language") or "",
            "consent": bool(row.get("consent")),
            "consent_ref": red(row.get("consent_ref") or ""),
            "licence": options.licence or row.get("licence") or "",
            "duration": row.get("duration") or 0.0,
            "has_video": bool(row.get("has_video")),
            "fps": row.get("fps") or 0.0,
            "width": row.get("width") or 0,
            "height": row.get("height") or 0,
            "created_at": row.get("created_at") or "",
            "asr_model": row.get("asr_model") or "",
            "embed_model": row.get("embed_model") or "",
            "source_library": row.get("source_library") or src_lib,
            "plant": red(row.get("plant") or src_plant),
            "media": media_rel,
            "segments": segments,
            "words": redactor.words(words) if redactor else words,
            "markers": [{"t": m.t, "kind": m.kind, "note": red(m.note)} for m in library.markers(sid)],
            "steps": [it.record for it in its],
        }
        (root / "library" / "sessions").mkdir(parents=True, exist_ok=True)
        (root / "library" / "sessions" / f"{out_sid}.json").write_text(
            json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return faces


def _replace(tmp: Path, out: Path, overwrite: bool) -> None:
    old = None
    if out.exists():
        if not overwrite and (out.is_file() or any(out.iterdir())):
            raise ExportError(f"{out} already exists and is not empty (choose another folder or overwrite)")
        old = out.parent / f".{out.name}.old-{uuid.uuid4().hex[:8]}"
        out.rename(old)
    tmp.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink()


def export(
    library: Library,
    options: ExportOptions,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    *,
    audit: bool = True,
) -> ExportResult:
    """Export the selected steps as a training set in folder `options.out`.

    Args:
        library: The source library.
        options: Where and what to export (defaults: approved steps, JSONL + HF parquet, clips,
            no anonymization).
        progress: Called with `Progress("export", fraction, message)`.
        cancel: Checked between steps; a cancelled export removes everything it wrote.
        audit: Record the export in the library's audit log.

    Returns:
        Counts, hashes and timing of what was written.

    Raises:
        ExportError: Bad options, nothing selected, the target exists, or media cannot be read.
        CancelledError: `cancel` was set; nothing is left behind.
    """
    opts = options
    opts.validate()
    t0 = time.perf_counter()
    target = Path(opts.out).absolute()
    if target.exists() and not opts.overwrite and (target.is_file() or any(target.iterdir())):
        raise ExportError(f"{target} already exists and is not empty (choose another folder or overwrite)")
    report(progress, "export", 0.0, "selecting steps")
    pseudo = redactor = None
    names: list[str] = []
    terms: list[str] = []
    if opts.anonymize:
        pseudo = Pseudonymizer(pseudonym_key(library))
        names, terms = people(library), library.confidential_terms()
        redactor = Redactor(names, terms)
    items = build_items(library, opts, pseudo, redactor)
    if not items:
        raise ExportError(f"no steps to export: none has status {opts.status!r} and matches the filters")
    splits = assign_splits(group_sizes(items), opts.ratios, opts.seed)
    for it in items:
        it.record["split"] = splits[it.group]
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".{target.name}.partial-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        faces, reencoded = _media(items, opts, tmp, progress, cancel)
        if opts.include_sessions:
            report(progress, "export", 0.85, "writing whole sessions")
            faces += _sessions(library, items, opts, tmp, pseudo, redactor, cancel)
        check(cancel)
        report(progress, "export", 0.9, "writing data files")
        records: Records = {s: [it.record for it in items if it.record["split"] == s] for s in SPLITS}
        records = {s: r for s, r in records.items() if r}
        data_files: dict[str, str] = {}
        for fmt in make_formats(opts.formats, opts.shard_size):
            fmt.write(tmp, records)
            # Parquet is what `datasets` reads fastest and types best; JSONL otherwise.
            if fmt.name in ("parquet", "hf") or not data_files:
                data_files = fmt.data_files(tmp, records) or data_files
        anon = {"enabled": opts.anonymize, "people": len(names), "terms": len(terms),
                "redactions": redactor.count if redactor else 0, "faces": faces}
        (tmp / "README.md").write_text(
            render_card(records, opts, data_files, anon, now(), TOOL_VERSION), encoding="utf-8")
        check(cancel)
        report(progress, "export", 0.95, "hashing files")
        manifest, nfiles = write_manifest(tmp)
        digest = sha256_file(manifest)
        check(cancel)
        _replace(tmp, target, opts.overwrite)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, (IndexingError, CancelledError)):
            raise
        if isinstance(exc, OSError):
            raise ExportError(f"cannot write export to {target}: {exc.strerror or exc}") from exc
        raise
    result = ExportResult(
        out=str(target),
        steps=len(items),
        sessions=len({it.session_id for it in items}),
        splits={s: len(r) for s, r in records.items()},
        media_seconds=round(sum(it.record["duration"] for it in items), 3),
        files=nfiles + 1,
        manifest_sha256=digest,
        faces_blurred=faces,
        redactions=redactor.count if redactor else 0,
        seconds=round(time.perf_counter() - t0, 3),
    )
    if audit:
        write_audit(library, "export", {**result.to_dict(), "formats": list(opts.formats),
                                        "anonymized": opts.anonymize, "blur_faces": opts.faces,
                                        "media": opts.media, "status": opts.status,
                                        "clips_reencoded": reencoded, "manifest": MANIFEST})
    report(progress, "export", 1.0, f"exported {len(items)} steps")
    return result


def write_audit(library: Library, action: str, detail: dict[str, Any]) -> None:
    """Record an export or import in the library's audit log (under the writer lock)."""
    library.audit_action(action, detail)
