"""Training sets out, safely: export, anonymization and encrypted bundles.

- `export(library, ExportOptions(out=...), progress, cancel)` writes a training set folder
  (JSONL / Parquet / Hugging Face `datasets` layout / WebDataset shards, COIN and CrossTask
  views, clips, keyframes, dataset card, manifest).
- `verify_export(folder)` checks the manifest.
- `write_bundle(...)` / `import_bundle(...)` move sessions between libraries in one
  encrypted, authenticated file.

Heavy libraries (av, cv2, pyarrow, cryptography) are imported where they are used.
"""

from indexing.export.anonymize import add_people, library_id, people, set_plant
from indexing.export.bundle import generate_identity
from indexing.export.exporter import export
from indexing.export.manifest import VerifyResult, verify_export
from indexing.export.options import FORMATS, ExportOptions, ExportResult
from indexing.export.share import ImportResult, import_bundle, write_bundle

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
