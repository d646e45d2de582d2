"""Reading a language's plain data files (one entry a line, `#` comments, tab-separated fields)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=128)
def lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of `indexing/lang/<name>` (e.g. "ko/cues.txt"), stripped; lines starting "#" are comments."""
    out = []
    for raw in (HERE / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


def words(name: str) -> frozenset[str]:
    """Every whitespace-separated word of a data file."""
    return frozenset(w for line in lines(name) for w in line.split())


def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Lines split at tabs (or at " | " when a line has no tab), fields stripped."""
    out = []
    for line in lines(name):
        parts = line.split("\t") if "\t" in line else line.split("|")
        out.append(tuple(p.strip() for p in parts))
    return tuple(out)
