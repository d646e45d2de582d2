"""What an export is asked to do, and what it did."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from indexing.errors import ExportError

FORMATS: tuple[str, ...] = ("jsonl", "parquet", "hf", "webdataset")
MEDIA_MODES: tuple[str, ...] = ("clips", "keyframes", "none")
STATUS_FILTERS: dict[str, tuple[str, ...]] = {
    "approved": ("approved",),
    "reviewed": ("reviewed", "approved"),
    "any": ("proposed", "reviewed", "approved"),
}
SPLIT_KEYS: tuple[str, ...] = ("session", "expert")


@dataclass
class ExportOptions:
    """Everything an export can be asked for.

    Attributes:
        out: The export folder to create (must not exist or be empty, unless `overwrite`).
        formats: Any of "jsonl", "parquet", "hf" (parquet plus a `datasets` config in the card),
            "webdataset". COIN/ActivityNet JSON and CrossTask CSV views are always written.
        media: "clips" (per-step clips and keyframes), "keyframes" (keyframes only) or "none".
        status: "approved" (default), "reviewed" (reviewed or approved) or "any".
        workstations, processes, experts, categories, sessions: Keep only steps matching one of
            the given values (empty = no filter); experts are matched by name.
        date_from, date_to: Keep sessions recorded on or after / on or before these ISO dates.
        split_by: "session" or "expert": the unit that never straddles two splits.
        ratios: train, validation, test fractions (normalised; a zero drops that split).
        seed: Changes which groups land in which split, deterministically.
        anonymize: Pseudonymize experts and ids, redact names and confidential terms.
        blur_faces: Blur faces in keyframes and clips (defaults to `anonymize`).
        drop_audio: Leave audio out of clips (and bundled recordings).
        licence: Licence stated in the card and every record ("" = each session's own).
        shard_size: Samples per WebDataset tar shard.
        overwrite: Replace an existing non-empty output folder.
        include_sessions: Also write whole sessions (metadata, transcript, full recordings)
            under `library/`, which `import_bundle` merges into another library.
    """

    out: str = ""
    formats: tuple[str, ...] = ("jsonl", "hf")
    media: str = "clips"
    status: str = "approved"
    workstations: tuple[str, ...] = ()
    processes: tuple[str, ...] = ()
    experts: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    sessions: tuple[str, ...] = ()
    date_from: str = ""
    date_to: str = ""
    split_by: str = "session"
    ratios: tuple[float, float, float] = (0.8, 0.1, 0.1)
    seed: int = 0
    anonymize: bool = False
    blur_faces: bool | None = None
    drop_audio: bool = False
    licence: str = ""
    shard_size: int = 500
    overwrite: bool = False
    include_sessions: bool = False

    def validate(self) -> None:
        """Raise `ExportError` on an impossible combination."""
        if not str(self.out).strip():
            raise ExportError("no output folder given for the export")
        bad = [f for f in self.formats if f not in FORMATS]
        if bad or not self.formats:
            raise ExportError(f"unknown export format {', '.join(bad) or '(none)'} "
                              f"(choose from {', '.join(FORMATS)})")
        if self.media not in MEDIA_MODES:
            raise ExportError(f"unknown media mode {self.media!r} (one of {', '.join(MEDIA_MODES)})")
        if self.status not in STATUS_FILTERS:
            raise ExportError(f"unknown status filter {self.status!r} (one of {', '.join(STATUS_FILTERS)})")
        if self.split_by not in SPLIT_KEYS:
            raise ExportError(f"cannot split by {self.split_by!r} (one of {', '.join(SPLIT_KEYS)})")
        if len(self.ratios) != 3 or any(r < 0 for r in self.ratios) or sum(self.ratios) <= 0:
            raise ExportError("split ratios must be three non-negative numbers with a positive sum")
        if self.shard_size < 1:
            raise ExportError("shard size must be at least 1")

    @property
    def faces(self) -> bool:
        return self.anonymize if self.blur_faces is None else self.blur_faces

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["blur_faces"] = self.faces
        return d


@dataclass
class ExportResult:
    """What an export wrote.

    Attributes:
        out: The finished export folder (or the bundle file).
        steps: Records written.
        sessions: Sessions they came from.
        splits: Records per split.
        media_seconds: Total duration of the exported steps.
        files: Files in the manifest.
        manifest_sha256: SHA-256 of `manifest.json` (also in the audit log).
        faces_blurred: Face detections blurred (0 without face blurring).
        redactions: Names and terms masked.
        seconds: Wall time of the export.
    """

    out: str
    steps: int
    sessions: int
    splits: dict[str, int] = field(default_factory=dict)
    media_seconds: float = 0.0
    files: int = 0
    manifest_sha256: str = ""
    faces_blurred: int = 0
    redactions: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
