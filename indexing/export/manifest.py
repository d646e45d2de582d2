"""The export manifest (SHA-256 of every file) and its check."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from indexing.errors import ExportError

MANIFEST = "manifest.json"
_BUF = 1 << 20


def sha256_file(path: str | os.PathLike[str]) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_BUF):
            h.update(chunk)
    return h.hexdigest()


def _files(root: Path) -> list[str]:
    out = []
    for dirpath, _dirs, names in os.walk(root):
        for n in names:
            rel = (Path(dirpath) / n).relative_to(root).as_posix()
            if rel != MANIFEST:
                out.append(rel)
    return sorted(out)


def write_manifest(root: Path) -> tuple[Path, int]:
    """Write `manifest.json` listing every other file with its size and SHA-256.

    Returns:
        The manifest path and the number of files listed.
    """
    files = {rel: {"sha256": sha256_file(root / rel), "size": (root / rel).stat().st_size}
             for rel in _files(root)}
    path = root / MANIFEST
    path.write_text(json.dumps({"algorithm": "sha256", "files": files}, indent=1, sort_keys=True),
                    encoding="utf-8")
    return path, len(files)


@dataclass
class VerifyResult:
    """Outcome of `verify_export`.

    Attributes:
        ok: Every listed file is present and unchanged, and nothing unlisted is there.
        checked: Files checked.
        missing: Listed but absent.
        changed: Present with another size or hash.
        extra: Present but not listed.
    """

    ok: bool
    checked: int
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return ([f"missing: {p}" for p in self.missing] + [f"changed: {p}" for p in self.changed]
                + [f"not in manifest: {p}" for p in self.extra])


def verify_export(root: str | os.PathLike[str]) -> VerifyResult:
    """Check an export folder against its manifest.

    Raises:
        ExportError: No readable manifest in `root`.
    """
    base = Path(root)
    try:
        listed = json.loads((base / MANIFEST).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        raise ExportError(f"{base} has no readable {MANIFEST}; is it an export folder?") from None
    present = set(_files(base))
    res = VerifyResult(ok=True, checked=0)
    for rel, meta in sorted(listed.items()):
        if rel not in present:
            res.missing.append(rel)
            continue
        res.checked += 1
        p = base / rel
        if p.stat().st_size != meta.get("size") or sha256_file(p) != meta.get("sha256"):
            res.changed.append(rel)
    res.extra = sorted(present - set(listed))
    res.ok = not (res.missing or res.changed or res.extra)
    return res
