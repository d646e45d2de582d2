"""Training sets out, safely: export, anonymization and encrypted bundles.

- `export(library, ExportOptions(out=...), progress, cancel)` writes a training set folder
  (JSONL / Parquet / Hugging Face `datasets` layout / WebDataset shards, COIN and CrossTask
  views, clips, keyframes, dataset card, manifest).
- `verify_export(folder)` checks the manifest.
- `write_bundle(...)` / `import_bundle(...)` move sessions between libraries in one
  encrypted, authenticated file.

Heavy libraries (av, cv2, pyarrow, cryptography) are imported where they are used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from indexing.export.anonymize import add_people, library_id, people, set_plant
    from indexing.export.bundle import generate_identity
    from indexing.export.exporter import export
    from indexing.export.manifest import VerifyResult, verify_export
    from indexing.export.options import FORMATS, ExportOptions, ExportResult
    from indexing.export.share import ImportResult, import_bundle, write_bundle

# Loaded on first use: every `knowhow` command registers the export commands, and importing the
# whole package up front cost a `knowhow terms add` a few hundred milliseconds.
_HOME = {
    "add_people": "anonymize", "library_id": "anonymize", "people": "anonymize", "set_plant": "anonymize",
    "generate_identity": "bundle", "export": "exporter", "VerifyResult": "manifest",
    "verify_export": "manifest", "FORMATS": "options", "ExportOptions": "options",
    "ExportResult": "options", "ImportResult": "share", "import_bundle": "share", "write_bundle": "share",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "FORMATS",
    "ExportOptions",
    "ExportResult",
    "ImportResult",
    "VerifyResult",
    "add_people",
    "export",
    "generate_identity",
    "import_bundle",
    "library_id",
    "people",
    "set_plant",
    "verify_export",
    "write_bundle",
]
