"""The export-format contract: one implementation per file, one contract test for all."""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

Records = dict[str, list[dict[str, Any]]]  # split name -> records, in export order


class ExportFormat(ABC):
    """Writes the selected records (and, where the format carries media, their files).

    `root` is the export folder being built; record paths ("clip", "keyframes") are
    relative to it and already point at existing files.
    """

    name: str = ""

    @abstractmethod
    def write(self, root: Path, records: Records) -> list[Path]:
        """Write this format's files under `root`.

        Returns:
            The files written.
        """

    def data_files(self, root: Path, records: Records) -> dict[str, str]:
        """Split -> path (relative to root) that `datasets.load_dataset` should read; {} if none."""
        return {}
