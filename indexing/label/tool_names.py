"""The tool vocabulary as token names, and recognition near-misses of its words.

`vocabulary()` reads the names of `indexing/lang/en/tools.txt` (through `indexing.label.vocab`)
with their plurals, British or American spellings (`en/spellings.txt`) and compounds written as one
word or two. `near_miss` finds a name misheard by the recogniser ("feeler gain", "17mm panner")
only where it cannot easily be something else; `indexing.label.tools` decides where names are said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from indexing.label.text import base_verb
from indexing.label.vocab import NUMBER_WORDS, TOOLS, UNITS
from indexing.lang.data import lines as data_lines
from indexing.lang.data import table as data_table
from indexing.lang.data import words as data_words

_TOKEN = re.compile(r"\d+(?:[.,]\d+)?(?:/\d+)?(?:mm|\"|in)?|#\d+|[mt]\d+\b|[a-z]+(?:'[a-z]+)?|\"|[.,;:!?]")
DETERMINERS = frozenset(
    "a an the this that these those your my our his her their its some each both another one two three "
    "four five six seven eight nine ten any".split())
PREPOSITIONS = frozenset("with using from into onto on in under over at by for to of through".split())
# Said of almost any tool, so not part of its name: "the long gloves" are gloves.
THROWAWAY = frozenset(
    """long short big small large little old new clean dirty empty full hot cold warm cool spare fresh
    good right left other same second first last top bottom front back whole heavy light thin thick
    oiled greased wet sharp blunt dull worn used extra own usual proper correct special red blue green
    yellow black white grey gray silver orange brown pink purple bare spare replacement usual favourite
    favorite trusty nice proper main whole real cheap much ever less enough every such""".split())
# Bare names that are as often the thing being repaired as a tool or part: counted as a part only when
# said as "the new seal" or with a word that names which ("panel filters").
QUALIFIED = frozenset(
    "seal element filter washer cartridge bearing electrode roller pump magnet".split())
# Bare names of kitchen things that count with a word that says which ("the steel bowl") or "new".
NAMED = frozenset("bowl tray scale spoon mixer".split())
# Heads that name a tool of their own only with a word that says which ("the alignment tool",
# "a seal kit", "the drilling jig"); "the tool" alone says nothing.
BOUND_HEADS = frozenset("tool kit jig stand sign rule square comb snake cleaner paper extractor meter cutter".split())
# Real words one letter from a tool word; never read as that tool.
_NOT_NEAR_MISS = frozenset(
    """pocket rocket locket french trench wearing hearing tearing searing fearing nearing gearing basket
    casket fitter sitter litter filler fillet wallet pallet ballet summer shimmer rammer players glover
    clover rubber bottle kettle settle nettle cattle hunter winter ladies ladder bladder hummer hamper
    hatter batter butter matter latter gutter cutter putter shutter sponge plunge cloth clothe sloth
    clamps claps champ cramp stamp tramp spinner spanned spawner mallets tonged longs tones tongue
    lunge plane plain place plate pliant client holder folder boring border order loader louder powder
    ponder wander wonder binder finder cinder tender render sender lender gender shoulder pulley striker
    strain compression pullet trainer drainer""".split())


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


def tokens(text: str) -> list[tuple[str, int]]:
    low = text.lower().replace("’", "'").replace("-", " ")
    return [(m.group(0), m.start()) for m in _TOKEN.finditer(low)]


@dataclass(frozen=True)
class Entry:
    canonical: str
    spelling: str  # as written in the vocabulary (singular)
    qualified: bool  # needs "new" in front (a naming word too for `NAMED`)


@lru_cache(maxsize=1)
def _spelling_pairs() -> dict[str, str]:
    """Word -> its other spelling, both ways ("tyre" <-> "tire"), from en/spellings.txt."""
    out: dict[str, str] = {}
    for row in data_table("en/spellings.txt"):
        if len(row) == 2 and row[0] and row[1]:
            out.setdefault(row[0].lower(), row[1].lower())
            out.setdefault(row[1].lower(), row[0].lower())
    return out


def _variants(spelling: str) -> list[str]:
    """Other spellings of a name: British or American words ("tire lever"), and a compound written
    as one word or as two ("end mill" -> "endmill", "hot air gun" -> "hot airgun"); hyphens are
    spaces already. The name as written in the vocabulary comes first."""
    pairs = _spelling_pairs()
    words = spelling.lower().split()
    out = [spelling]
    swapped = [pairs.get(w, w) for w in words]
    if swapped != words:
        out.append(" ".join(swapped))
    for form in list(out):
        toks = form.split()
        if 1 < len(toks) <= 3 and all(t.isalpha() for t in toks):
            for gaps in range(1, 1 << (len(toks) - 1)):
                key = [toks[0]]
                for k in range(1, len(toks)):
                    if gaps >> (k - 1) & 1:
                        key[-1] += toks[k]
                    else:
                        key.append(toks[k])
                out.append(" ".join(key))
    return out


@lru_cache(maxsize=1)
def vocabulary() -> tuple[dict[tuple[str, ...], Entry], int, dict[int, list[tuple[tuple[str, ...], Entry]]]]:
    """Token tuple -> entry (plurals included), the longest name in tokens, and names by length.
    The vocabulary's own spellings win over variants (`_variants`) of other names."""
    table: dict[tuple[str, ...], Entry] = {}
    by_len: dict[int, list[tuple[tuple[str, ...], Entry]]] = {}
    later: list[tuple[tuple[str, ...], Entry]] = []
    for canonical, spellings in TOOLS.items():
        for spelling in (canonical, *spellings):
            toks = tuple(t for t, _ in tokens(spelling))
            if not toks or toks in table:
                continue
            entry = Entry(canonical, spelling, len(toks) == 1 and toks[0] in QUALIFIED | NAMED | BOUND_HEADS)
            table[toks] = entry
            by_len.setdefault(len(toks), []).append((toks, entry))
            for plural in _plurals(toks[-1]):
                table.setdefault(toks[:-1] + (plural,), entry)
            for variant in _variants(" ".join(toks))[1:]:
                vt = tuple(variant.split())
                later.append((vt, Entry(canonical, variant if len(vt) == len(toks) else spelling, entry.qualified)))
    for vt, entry in later:
        if vt in table:
            continue
        table[vt] = entry
        for plural in _plurals(vt[-1]):
            table.setdefault(vt[:-1] + (plural,), entry)
    return table, max(len(k) for k in table), by_len


@lru_cache(maxsize=1)
def not_tool_names() -> frozenset[str]:
    """Names built on a tool word that are something else ("wall socket"), from en/not_tools.txt."""
    return frozenset(" ".join(t for t, _ in tokens(line)) for line in data_lines("en/not_tools.txt"))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    return data_words("en/stop_words.txt")


@lru_cache(maxsize=2048)
def _spelling_tokens(spelling: str) -> tuple[str, ...]:
    return tuple(t for t, _ in tokens(spelling))


def _distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1]

@lru_cache(maxsize=1)
def _all_but_one() -> dict[tuple[str | None, ...], list[tuple[int, Entry]]]:
    """Multi-word names keyed by their words with one left out (None): (left-out position, entry)."""
    _, _, by_len = vocabulary()
    index: dict[tuple[str | None, ...], list[tuple[int, Entry]]] = {}
    for n in (2, 3):
        for toks, entry in by_len.get(n, ()):
            for k in range(n):
                key = tuple(None if j == k else t for j, t in enumerate(toks))
                index.setdefault(key, []).append((k, entry))
    return index


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    """Every word of a multi-word name."""
    return frozenset(w for key in _all_but_one() for w in key if w is not None)


@lru_cache(maxsize=4096)
def _close(heard: str, meant: str, last: bool, exact_chars: int) -> bool:
    """Whether `heard` may be `meant` misheard, the other words of the name (`exact_chars` letters)
    being heard right. Three edits only for a clipped head after a long exact word ("feeler gain")."""
    d = _distance(heard, meant)
    limit = 1 if len(meant) <= 4 else 2
    return d <= limit or (d == 3 and last and exact_chars >= 6 and len(meant) >= 5 and heard[0] == meant[0]
                          and len(heard) <= len(meant))


def _plain_word(heard: str) -> bool:
    """Words heard right that are never a misheard tool word: determiners, prepositions, the words
    said of any tool ("with every model" is no emery, "you'll ever gauge" no bevel gauge) and a
    verb's inflected form ("under pressure sprays fluid" is no pressure sprayer)."""
    if heard in DETERMINERS or heard in PREPOSITIONS or heard in THROWAWAY or heard in _EVERYDAY:
        return True
    base = base_verb(heard)
    return base is not None and base != heard


# Common words one or two letters from a tool-name word ("ever" ~ "bevel").
_EVERYDAY = frozenset("ever every never even over here there where were when then than".split())


def near_miss(words: list[str], i: int, tool_slot: bool) -> tuple[int, Entry] | None:
    """A vocabulary name misheard at token i: (tokens spanned, entry), or None. A single word is
    matched only in a `tool_slot` (after "with a", a size, or a verb such as "grab the")."""
    table, _, by_len = vocabulary()
    stop = stop_words()
    index = _all_but_one()
    known = _name_words()
    for n in (3, 2):
        window = words[i:i + n]
        if len(window) < n or sum(w in known for w in window) < n - 1 or not all(w.isalpha() for w in window):
            continue
        for k in range(n):
            heard = window[k]
            # a unit or number word is heard right ("a six mil file" is no mill file)
            if heard in stop or heard in _NOT_NEAR_MISS or (heard,) in table or heard in UNITS \
                    or heard in NUMBER_WORDS or _plain_word(heard):
                continue
            key = tuple(None if j == k else w for j, w in enumerate(window))
            for _, entry in index.get(key, ()):
                meant = _spelling_tokens(entry.spelling)[k]
                exact_chars = sum(len(w) for j, w in enumerate(window) if j != k)
                if len(meant) >= 3 and abs(len(meant) - len(heard)) <= 3 and _close(heard, meant, k == n - 1,
                                                                                     exact_chars):
                    return n, entry
    heard = words[i]
    if not tool_slot or len(heard) < 5 or not heard.isalpha() or heard in stop or heard in _NOT_NEAR_MISS \
            or base_verb(heard) is not None or _plain_word(heard):
        return None
    best: tuple[int, Entry] | None = None
    for toks, entry in by_len.get(1, ()):
        meant = toks[0]
        if len(meant) < 5 or entry.qualified or abs(len(meant) - len(heard)) > 2:
            continue
        d = _distance(heard, meant)
        if d <= (2 if len(meant) >= 8 else 1) and (best is None or d < best[0]):
            best = (d, entry)
    return (1, best[1]) if best else None
