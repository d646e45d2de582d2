"""Which writing systems a text uses (Latin, Hangul, CJK, Cyrillic…), from Unicode names alone.

A mixed library keeps steps of different languages in the collections of different
embedding models. A query is worth sending to a collection as far as it is written
in the scripts that collection's steps are written in: MiniLM cannot read Hangul
(hit@1 0.02 on Korean questions), and multilingual-e5's top Korean steps for an
English question would otherwise tie, by rank, with the English model's answers.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable

MIN_SCRIPT_SHARE = 0.05
"""A script makes up at least this share of a collection's letters to count as its own."""


def script_of(ch: str) -> str:
    """The script of one letter: the first word of its Unicode name ("LATIN", "HANGUL", "CJK", …)."""
    try:
        return unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:  # unnamed code point
        return "UNKNOWN"


def script_counts(texts: Iterable[str]) -> Counter[str]:
    """How many letters of each script the texts hold."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(script_of(ch) for ch in text if ch.isalpha())
    return counts


def main_scripts(texts: Iterable[str], min_share: float = MIN_SCRIPT_SHARE) -> frozenset[str]:
    """The scripts that make up at least `min_share` of the letters of `texts`."""
    counts = script_counts(texts)
    total = sum(counts.values())
    return frozenset(s for s, n in counts.items() if total and n / total >= min_share)


def script_share(text: str, scripts: frozenset[str]) -> float:
    """The share of the letters of `text` written in `scripts` (1.0 when it has no letters)."""
    counts = script_counts([text])
    total = sum(counts.values())
    if not total:
        return 1.0
    return sum(n for s, n in counts.items() if s in scripts) / total
