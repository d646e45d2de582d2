"""Export formats, one per file, all behind `ExportFormat`."""

from __future__ import annotations

from indexing.export.formats.base import ExportFormat, Records
from indexing.export.formats.jsonl import JsonlFormat
from indexing.export.formats.parquet import HfFormat, ParquetFormat
from indexing.export.formats.views import CoinFormat, CrossTaskFormat
from indexing.export.formats.webdataset import WebDatasetFormat


def make_formats(names: tuple[str, ...], shard_size: int = 500) -> list[ExportFormat]:
    """The writers for the requested formats (parquet and hf share files) plus both views."""
    out: list[ExportFormat] = []
    if "jsonl" in names:
        out.append(JsonlFormat())
    if "hf" in names:
        out.append(HfFormat())
    elif "parquet" in names:
        out.append(ParquetFormat())
    if "webdataset" in names:
        out.append(WebDatasetFormat(shard_size))
    out += [CoinFormat(), CrossTaskFormat()]
    return out


__all__ = ["CoinFormat", "CrossTaskFormat", "ExportFormat", "HfFormat", "JsonlFormat",
           "ParquetFormat", "Records", "WebDatasetFormat", "make_formats"]
