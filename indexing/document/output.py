"""Writing files all-or-nothing: a temporary file beside the target, then one rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from indexing.document.errors import DocumentError


def check_writable(path: str | os.PathLike[str]) -> Path:
    """The absolute target path, checked before any work is done.

    Raises:
        DocumentError: The folder does not exist or is not writable, or the path is a folder.
    """
    target = Path(path).absolute()
    if target.is_dir():
        raise DocumentError(f"cannot write {target}: it is a folder")
    parent = target.parent
    if not parent.is_dir():
        raise DocumentError(f"cannot write {target}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise DocumentError(f"cannot write {target}: permission denied")
    return target


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` to `path` so that readers see the old file or the whole new one, never a part.

    Raises:
        DocumentError: The file cannot be written.
    """
    target = check_writable(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise DocumentError(f"cannot write {target}: {exc.strerror or exc}") from None
    return target
