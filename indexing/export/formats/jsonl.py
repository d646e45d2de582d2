"""JSON Lines: `data/<split>.jsonl`, one record per line, UTF-8."""

from __future__ import annotations

import json
from pathlib import Path

from indexing.export.formats.base import ExportFormat, Records


class JsonlFormat(ExportFormat):
    name = "jsonl"

    def write(self, root: Path, records: Records) -> list[Path]:
        (root / "data").mkdir(exist_ok=True)
        out = []
        for split, recs in records.items():
            path = root / "data" / f"{split}.jsonl"
            with path.open("w", encoding="utf-8") as f:
                for r in recs:
                    f.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")
            out.append(path)
        return out

    def data_files(self, root: Path, records: Records) -> dict[str, str]:
        return {split: f"data/{split}.jsonl" for split in records}
