"""Apache Parquet: `data/<split>.parquet` with a fixed, typed schema.

The "hf" format is these same files plus a `configs` block in the card's YAML
header, which is how the Hugging Face `datasets` library and Hub find splits.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from indexing.export.formats.base import ExportFormat, Records


def schema() -> Any:
    import pyarrow as pa

    strs = pa.list_(pa.string())
    word = pa.struct([("word", pa.string()), ("start", pa.float64()), ("end", pa.float64()),
                      ("probability", pa.float64())])
    return pa.schema([
        ("id", pa.string()), ("session_id", pa.string()), ("procedure_id", pa.string()),
        ("procedure_index", pa.int32()), ("procedure_title", pa.string()),
        ("step_index", pa.int32()), ("title", pa.string()), ("category", pa.string()),
        ("tools", strs), ("tips", strs), ("warnings", strs), ("text", pa.string()),
        ("words", pa.list_(word)), ("start", pa.float64()), ("end", pa.float64()),
        ("duration", pa.float64()), ("start_frame", pa.int64()), ("end_frame", pa.int64()),
        ("fps", pa.float64()), ("language", pa.string()), ("workstation", pa.string()),
        ("process", pa.string()), ("expert", pa.string()), ("status", pa.string()),
        ("consent", pa.bool_()), ("consent_ref", pa.string()), ("licence", pa.string()),
        ("asr_model", pa.string()), ("embed_model", pa.string()),
        ("boundary_confidence", pa.float64()), ("recorded_on", pa.string()),
        ("source_library", pa.string()), ("plant", pa.string()), ("split", pa.string()),
        ("clip", pa.string()), ("clip_start", pa.float64()), ("clip_end", pa.float64()),
        ("keyframes", strs),
    ])


class ParquetFormat(ExportFormat):
    name = "parquet"

    def write(self, root: Path, records: Records) -> list[Path]:
        import pyarrow as pa
        import pyarrow.parquet as pq

        (root / "data").mkdir(exist_ok=True)
        sch = schema()
        out = []
        for split, recs in records.items():
            path = root / "data" / f"{split}.parquet"
            table = pa.Table.from_pylist(recs, schema=sch)
            pq.write_table(table, path, compression="zstd")
            out.append(path)
        return out

    def data_files(self, root: Path, records: Records) -> dict[str, str]:
        return {split: f"data/{split}.parquet" for split in records}


class HfFormat(ParquetFormat):
    """Parquet files that `datasets.load_dataset(<export folder>)` opens through the card."""

    name = "hf"
