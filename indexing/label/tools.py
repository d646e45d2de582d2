"""Tools and parts mentioned in narration, from the built-in vocabulary and the glossary."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from indexing.label.vocab import FRACTION_WORDS, NUMBER_WORDS, PART_HEADS, TOOLS, UNITS

_TOKEN = re.compile(r"\d+(?:[.,]\d+)?(?:/\d+)?(?:mm|\"|in)?|#\d+|[a-z]+(?:'[a-z]+)?|\"")


def _plurals(word: str) -> list[str]:
    if word.endswith(("s", "x", "ch", "sh")):
        return [word + "es"]
    if word.endswith("fe"):
        return [word[:-2] + "ves", word + "s"]
    if word.endswith("f"):
        return [word[:-1] + "ves", word + "s"]
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    return [word + "s"]


def _tokens(text: str) -> list[tuple[str, int]]:
    low = text.lower().replace("’", "'").replace("-", " ")
    return [(m.group(0), m.start()) for m in _TOKEN.finditer(low)]


@lru_cache(maxsize=1)
def _table() -> tuple[dict[tuple[str, ...], str], int]:
    table: dict[tuple[str, ...], str] = {}
    for canonical, spellings in TOOLS.items():
        for spelling in (canonical, *spellings):
            toks = tuple(t for t, _ in _tokens(spelling))
            if not toks:
                continue
            table.setdefault(toks, canonical)
            for plural in _plurals(toks[-1]):
                table.setdefault(toks[:-1] + (plural,), canonical)
    return table, max(len(k) for k in table)


def _size_before(tokens: list[str], i: int) -> tuple[str, int]:
    """A size such as "19 mm" written just before token i, and how many tokens it spans."""
    def number(tok: str) -> str | None:
        if re.fullmatch(r"\d+(?:[.,]\d+)?(?:/\d+)?", tok):
            return tok.replace(",", ".")
        if tok in NUMBER_WORDS:
            return str(NUMBER_WORDS[tok])
        return None

    if i >= 1:
        tok = tokens[i - 1]
        glued = re.fullmatch(r"(\d+(?:[.,]\d+)?(?:/\d+)?)(mm|\"|in)", tok)
        if glued:
            return f"{glued.group(1).replace(',', '.')} {UNITS[glued.group(2)]}", 1
        if re.fullmatch(r"#\d+", tok):
            return tok, 1
        if tok in UNITS and i >= 2:
            n = number(tokens[i - 2])
            if n is not None:
                return f"{n} {UNITS[tok]}", 2
            if i >= 3 and f"{tokens[i - 3]} {tokens[i - 2]}" in FRACTION_WORDS:
                return f"{FRACTION_WORDS[tokens[i - 3] + ' ' + tokens[i - 2]]} {UNITS[tok]}", 3
            if tokens[i - 2] in FRACTION_WORDS:
                return f"{FRACTION_WORDS[tokens[i - 2]]} {UNITS[tok]}", 2
        if tok in ("number", "no") or i < 2:
            return "", 0
        if tokens[i - 2] in ("number",) and number(tok) is not None:
            return f"#{number(tok)}", 2
    return "", 0


def _vocab_mentions(text: str) -> list[tuple[int, int, str]]:
    table, longest = _table()
    toks = _tokens(text)
    words = [t for t, _ in toks]
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            canonical = table.get(tuple(words[i:i + n]))
            if canonical is None:
                continue
            if n == 1 and " " not in canonical and i + 1 < len(words) and words[i + 1] in PART_HEADS:
                continue
            size, span = _size_before(words, i)
            name = f"{size} {canonical}" if size else canonical
            start = toks[i - span][1] if span else toks[i][1]
            end_tok = toks[i + n - 1]
            out.append((start, end_tok[1] + len(end_tok[0]), name))
            i += n - 1
            break
        i += 1
    return out


def find_tools(text: str, glossary: Sequence[str] = (), *, builtin: bool = True) -> list[str]:
    """Tools and parts mentioned in a text, canonical and deduplicated in order of mention.

    Args:
        text: Narration.
        glossary: Plant terms matched case-insensitively at word boundaries, kept as spelled there.
        builtin: Whether to use the built-in (English) vocabulary as well.

    Returns:
        Names such as ["19 mm socket", "torque wrench", "Press 4"]. A bare tool is
        dropped when the same tool is also mentioned with a size.
    """
    mentions: list[tuple[int, int, str]] = []
    low = text.lower()
    for term in glossary:
        term = term.strip()
        if not term:
            continue
        for m in re.finditer(r"(?<!\w)" + re.escape(term.lower()) + r"(?!\w)", low):
            mentions.append((m.start(), m.end(), term))
    glossary_spans = list(mentions)
    if builtin:
        for start, end, name in _vocab_mentions(text):
            if any(gs <= start < ge or start <= gs < end for gs, ge, _ in glossary_spans):
                continue  # the plant's own term covers it
            mentions.append((start, end, name))
    mentions.sort(key=lambda m: m[0])
    names: list[str] = []
    seen: set[str] = set()
    for _, _, name in mentions:
        if name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    glossary_names = {t.strip().lower() for t in glossary}

    def covered(name: str) -> bool:
        # "socket" next to "19 mm socket", "grease" next to "grease gun": the longer mention says it.
        if name.lower() in glossary_names:
            return False
        pat = re.compile(r"(?<!\S)" + re.escape(name) + r"(?!\S)")
        return any(other != name and pat.search(other) for other in names)

    return [n for n in names if not covered(n)]
