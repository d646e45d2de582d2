"""Tools and parts mentioned in narration, from the built-in vocabulary and the glossary.

English names come from `indexing/lang/en/tools.txt`. A step shows what was said, with its size
and the words that say which one ("the 17 mm spanner", "the big steel bowl" -> "steel bowl"), so a
trainee reads the plant's own words. Recognition near-misses of tool words ("hair gun", "rip tray",
"17mm panner") are matched only where they cannot easily be something else: in a multi-word name
with every other word exact, or right after a size or "with a". Bare words that are as often the
machine being worked on as a part ("the filter", "the seal") count only as "the new seal".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from indexing.label.text import base_verb
from indexing.label.tool_parts import is_place, joined, new_parts
from indexing.label.vocab import FRACTION_WORDS, NUMBER_WORDS, PART_HEADS, TOOLS, UNITS
from indexing.lang.data import lines as data_lines
from indexing.lang.data import table as data_table
from indexing.lang.data import words as data_words

_TOKEN = re.compile(r"\d+(?:[.,]\d+)?(?:/\d+)?(?:mm|\"|in)?|#\d+|[mt]\d+\b|[a-z]+(?:'[a-z]+)?|\"|[.,;:!?]")
_PUNCT = frozenset(".,;:!?")
_DETERMINERS = frozenset(
    "a an the this that these those your my our his her their its some each both another one two three "
    "four five six seven eight nine ten any".split())
_PREPOSITIONS = frozenset("with using from into onto on in under over at by for to of through".split())
# Said of almost any tool, so not part of its name: "the long gloves" are gloves.
_THROWAWAY = frozenset(
    """long short big small large little old new clean dirty empty full hot cold warm cool spare fresh
    good right left other same second first last top bottom front back whole heavy light thin thick
    oiled greased wet sharp blunt dull worn used extra own usual proper correct special red blue green
    yellow black white grey gray silver orange brown pink purple bare spare replacement usual favourite
    favorite trusty nice proper main whole real cheap much ever less enough every such""".split())
_FASTENERS = {w: w.rstrip("s") for w in "bolt bolts screw screws nut nuts stud studs".split()}
# Words too common to be a tool alone that name one with a size in front, a word or two between
# allowed: "an M8 spiral point tap", "the 8 mm bit", "a 4 mm pin", "M10 washers".
_SIZED_HEADS = {**_FASTENERS, **{w: w.rstrip("s") for w in
                                 "tap taps die dies bit bits key keys pin pins washer washers rivet rivets hex".split()}}
_FRACTION_PARTS = frozenset(w for key in FRACTION_WORDS for w in key.split())
_NEW = frozenset("new spare replacement".split())
_OLD = frozenset("old worn broken damaged cracked failed blown".split())
_POSSESSIVE = frozenset("your my our his her their own personal".split())
# Bare names that are as often the thing being repaired as a tool or part: counted as a part only when
# said as "the new seal" or with a word that names which ("panel filters").
_QUALIFIED = frozenset(
    "seal element filter washer cartridge bearing electrode roller pump magnet".split())
# Bare names of kitchen things that count with a word that says which ("the steel bowl") or "new".
_NAMED = frozenset("bowl tray scale spoon mixer".split())
# Heads that name a tool of their own only with a word that says which ("the alignment tool",
# "a seal kit", "the drilling jig"); "the tool" alone says nothing.
_BOUND_HEADS = frozenset("tool kit jig stand sign rule square comb snake cleaner paper extractor meter cutter".split())
# Words in front of a bound head that make it no tool: "newton meters", "cubic meters".
_NOT_TOOL_MODIFIERS = frozenset("newton cubic kilowatt per".split())
# Words after a plant term that make it a face of the machine ("the platen face"), with `PART_HEADS`.
_SURFACE_PARTS = frozenset("face faces surface slot slots top edge".split())
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


def _tokens(text: str) -> list[tuple[str, int]]:
    low = text.lower().replace("’", "'").replace("-", " ")
    return [(m.group(0), m.start()) for m in _TOKEN.finditer(low)]


@dataclass(frozen=True)
class _Entry:
    canonical: str
    spelling: str  # as written in the vocabulary (singular)
    qualified: bool  # needs "new" in front (a naming word too for `_NAMED`)


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
def _table() -> tuple[dict[tuple[str, ...], _Entry], int, dict[int, list[tuple[tuple[str, ...], _Entry]]]]:
    """Token tuple -> entry (plurals included), the longest name in tokens, and names by length.
    The vocabulary's own spellings win over variants (`_variants`) of other names."""
    table: dict[tuple[str, ...], _Entry] = {}
    by_len: dict[int, list[tuple[tuple[str, ...], _Entry]]] = {}
    later: list[tuple[tuple[str, ...], _Entry]] = []
    for canonical, spellings in TOOLS.items():
        for spelling in (canonical, *spellings):
            toks = tuple(t for t, _ in _tokens(spelling))
            if not toks or toks in table:
                continue
            entry = _Entry(canonical, spelling, len(toks) == 1 and toks[0] in _QUALIFIED | _NAMED | _BOUND_HEADS)
            table[toks] = entry
            by_len.setdefault(len(toks), []).append((toks, entry))
            for plural in _plurals(toks[-1]):
                table.setdefault(toks[:-1] + (plural,), entry)
            for variant in _variants(" ".join(toks))[1:]:
                vt = tuple(variant.split())
                later.append((vt, _Entry(canonical, variant if len(vt) == len(toks) else spelling, entry.qualified)))
    for vt, entry in later:
        if vt in table:
            continue
        table[vt] = entry
        for plural in _plurals(vt[-1]):
            table.setdefault(vt[:-1] + (plural,), entry)
    return table, max(len(k) for k in table), by_len


@lru_cache(maxsize=1)
def _not_tools() -> frozenset[str]:
    """Names built on a tool word that are something else ("wall socket"), from en/not_tools.txt."""
    return frozenset(" ".join(t for t, _ in _tokens(line)) for line in data_lines("en/not_tools.txt"))


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return data_words("en/stop_words.txt")


@lru_cache(maxsize=2048)
def _spelling_tokens(spelling: str) -> tuple[str, ...]:
    return tuple(t for t, _ in _tokens(spelling))


def _distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1]


def _number(tokens: list[str], i: int) -> tuple[str, int]:
    """A number ending at token i ("24", "seventeen", "twenty four") and how many tokens it spans."""
    tok = tokens[i] if i >= 0 else ""
    if re.fullmatch(r"\d+(?:[.,]\d+)?(?:/\d+)?", tok):
        return tok.replace(",", "."), 1
    if tok in NUMBER_WORDS:
        value = NUMBER_WORDS[tok]
        if value < 10 and i >= 1 and tokens[i - 1] in NUMBER_WORDS and NUMBER_WORDS[tokens[i - 1]] % 10 == 0 \
                and NUMBER_WORDS[tokens[i - 1]] >= 20:
            return str(NUMBER_WORDS[tokens[i - 1]] + value), 2
        return str(value), 1
    return "", 0


def _fraction_before(tokens: list[str], i: int) -> tuple[str, int]:
    """A spoken fraction ("three eighths", "half") just before token i, and how many tokens it spans."""
    if i >= 2 and f"{tokens[i - 2]} {tokens[i - 1]}" in FRACTION_WORDS:
        return FRACTION_WORDS[f"{tokens[i - 2]} {tokens[i - 1]}"], 2
    if i >= 1 and tokens[i - 1] in FRACTION_WORDS:
        return FRACTION_WORDS[tokens[i - 1]], 1
    return "", 0


def _size_before(tokens: list[str], i: int) -> tuple[str, int]:
    """A size such as "19 mm", "#2" or "M8" written just before token i, and how many tokens it spans."""
    if i < 1:
        return "", 0
    tok = tokens[i - 1]
    if tok == "drive":
        # A socket set's drive size: "3/8 drive ratchet", "half inch drive breaker bar".
        size, span = _size_before(tokens, i - 1)
        if not size and i >= 2:
            size, span = _fraction_before(tokens, i - 1)
        return (f"{size} drive", span + 1) if size else ("", 0)
    if re.fullmatch(r"\d+/\d+", tok):
        return tok, 1  # "a 5/16 wrench": a fraction alone is an inch size
    glued = re.fullmatch(r"(\d+(?:[.,]\d+)?(?:/\d+)?)(mm|\"|in)", tok)
    if glued:
        return f"{glued.group(1).replace(',', '.')} {UNITS[glued.group(2)]}", 1
    if re.fullmatch(r"#\d+", tok):
        return tok, 1
    if re.fullmatch(r"[mt]\d+", tok):
        return tok.upper(), 1
    if tok in UNITS and i >= 5 and tokens[i - 4:i - 1] == ["and", "a", "half"]:
        n, span = _number(tokens, i - 5)
        if span:  # "two and a half mil hex key"
            return f"{float(n) + 0.5:g} {UNITS[tok]}", span + 4
    if tok in UNITS and tok != "in" or tok == "in" and i >= 2 and _number(tokens, i - 2)[1]:
        n, span = _number(tokens, i - 2)
        if span:
            return f"{n} {UNITS[tok]}", span + 1
        if i >= 3 and f"{tokens[i - 3]} {tokens[i - 2]}" in FRACTION_WORDS:
            return f"{FRACTION_WORDS[tokens[i - 3] + ' ' + tokens[i - 2]]} {UNITS[tok]}", 3
        if i >= 2 and tokens[i - 2] in FRACTION_WORDS:
            return f"{FRACTION_WORDS[tokens[i - 2]]} {UNITS[tok]}", 2
        return "", 0
    if i >= 2 and tokens[i - 2] in ("number", "no") and tok != "number":
        n, span = _number(tokens, i - 1)
        if span == 1:
            return f"#{n}", 2
    return "", 0


def _modifiers(words: list[str], i: int) -> list[str]:
    """Words just before token i that say which tool it is ("fryer" brush, "steel" bowl), at most two."""
    stop = _stop_words()
    mods: list[str] = []
    j = i
    while j >= 1 and len(mods) < 2:
        w = words[j - 1]
        if (not w.isalpha() or len(w) < 3 or w in stop or w in _THROWAWAY or w in _DETERMINERS
                or w in _PREPOSITIONS or w in NUMBER_WORDS or w in UNITS or w.endswith("ly") or w in _POSSESSIVE
                or w in _FRACTION_PARTS):
            break
        mods.insert(0, w)
        j -= 1
    # A verb-like word ("wearing gloves", "squeeze glue") names the tool only right after "a"/"the".
    while mods and (base_verb(mods[0]) is not None or mods[0].endswith(("ing", "ed"))):
        before = words[i - len(mods) - 1] if i - len(mods) >= 1 else "."
        if before in _DETERMINERS or before in _POSSESSIVE:
            break
        mods = mods[1:]
    return mods


@lru_cache(maxsize=1)
def _all_but_one() -> dict[tuple[str | None, ...], list[tuple[int, _Entry]]]:
    """Multi-word names keyed by their words with one left out (None): (left-out position, entry)."""
    _, _, by_len = _table()
    index: dict[tuple[str | None, ...], list[tuple[int, _Entry]]] = {}
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
    if heard in _DETERMINERS or heard in _PREPOSITIONS or heard in _THROWAWAY or heard in _EVERYDAY:
        return True
    base = base_verb(heard)
    return base is not None and base != heard


# Common words one or two letters from a tool-name word ("ever" ~ "bevel").
_EVERYDAY = frozenset("ever every never even over here there where were when then than".split())


def _near_miss(words: list[str], i: int) -> tuple[int, _Entry] | None:
    """A vocabulary name misheard at token i: (tokens spanned, entry), or None."""
    table, _, by_len = _table()
    stop = _stop_words()
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
    prev = words[i - 1] if i >= 1 else ""
    prev2 = words[i - 2] if i >= 2 else ""
    tool_slot = (prev in ("with", "using") or (prev in _DETERMINERS and (prev2 in ("with", "using")
                                                                       or base_verb(prev2) in _TOOL_VERBS))
                 or bool(_size_before(words, i)[1]))
    if not tool_slot or len(heard) < 5 or not heard.isalpha() or heard in stop or heard in _NOT_NEAR_MISS \
            or base_verb(heard) is not None or _plain_word(heard):
        return None
    best: tuple[int, _Entry] | None = None
    for toks, entry in by_len.get(1, ()):
        meant = toks[0]
        if len(meant) < 5 or entry.qualified or abs(len(meant) - len(heard)) > 2:
            continue
        d = _distance(heard, meant)
        if d <= (2 if len(meant) >= 8 else 1) and (best is None or d < best[0]):
            best = (d, entry)
    return (1, best[1]) if best else None


# Verbs whose object is nearly always a tool: "grab the spaner", "use a scaper".
_TOOL_VERBS = frozenset("use grab fetch".split())
# Words left out of the vocabulary as more often something else ("file a ticket", "the oil level")
# that are a tool right after "with a" or "use the".
_SLOT_TOOLS = frozenset("file level punch".split())
_VERB_TOOLS = {"weigh": "scale", "torque": "torque wrench", "sweep": "broom"}
_VERB_OBJECTS = frozenset("out up it them everything all both".split())
_NEGATIONS = frozenset("never don't not instead".split())
_CLAUSE_START = frozenset("and but so then or because while".split()) | _PUNCT


def _negated(words: list[str], i: int) -> bool:
    """Whether the clause holding token i says not to use it ("never use the kettle water")."""
    j = i - 1
    while j >= 0 and words[j] not in _CLAUSE_START:
        if words[j] in _NEGATIONS:
            return True
        j -= 1
    return False


def _display(entry: _Entry) -> str:
    # "the phillips" means the Phillips screwdriver; other spellings are shown as said.
    if " " not in entry.spelling and entry.canonical.startswith(entry.spelling + " "):
        return entry.canonical
    if entry.spelling.replace(" ", "") == entry.canonical.replace(" ", ""):
        return entry.canonical  # "airline" is the air line
    return entry.spelling


def _vocab_mentions(text: str) -> list[tuple[int, int, str, str, bool]]:
    """(start, end, name, canonical, sized) of each vocabulary mention, in order."""
    table, longest, _ = _table()
    toks = _tokens(text)
    words = [t for t, _ in toks]
    found: list[tuple[int, int, _Entry]] = []  # token start, token count, entry
    i = 0
    while i < len(words):
        hit: tuple[int, _Entry] | None = None
        for n in range(min(longest, len(words) - i), 0, -1):
            entry = table.get(tuple(words[i:i + n]))
            if entry is not None:
                hit = (n, entry)
                break
        if hit is None and words[i] == "lock" and i >= 1 and words[i - 1] in _POSSESSIVE:
            nxt = words[i + 1] if i + 1 < len(words) else "."
            if nxt not in PART_HEADS and nxt != "out":
                hit = (1, _Entry("padlock", "padlock", False))
        if hit is None and words[i] == "tag" and i >= 1 and words[i - 1] in _POSSESSIVE:
            hit = (1, _Entry("lockout tag", "lockout tag", False))  # "clip your tag to it"
        if hit is None and words[i] in _SLOT_TOOLS and i >= 2 and words[i - 1] in ("a", "the", "your") \
                and (words[i - 2] in ("with", "using") or base_verb(words[i - 2]) in _TOOL_VERBS):
            hit = (1, _Entry(words[i], words[i], False))  # "knock it off with a file"
        if hit is None:
            hit = joined(words, i, _table()[0])
        if hit is None:
            hit = _near_miss(words, i)
        if hit is not None:
            found.append((i, hit[0], hit[1]))
            i += hit[0]
        else:
            i += 1
    out: list[tuple[int, int, str, str, bool]] = []
    starts = {s for s, _, _ in found}
    not_tools: set[str] = set()
    for i, n, entry in found:
        if _negated(words, i):
            continue  # "do not use the impact gun here": not a tool of this step
        nxt = words[i + n] if i + n < len(words) else "."
        if n == 1 and " " not in entry.canonical and (nxt in PART_HEADS or i + n in starts):
            continue  # "clamp bolts", "filter pan": a word that says which, not a tool of its own
        if n == 1 and nxt in ("it", "them") and (i == 0 or words[i - 1] not in _DETERMINERS):
            continue  # "clamp it with a 5 mm hex", "brush them off": the word is the verb
        if n == 1 and " " not in entry.canonical and base_verb(words[i]) == words[i] \
                and (i == 0 or words[i - 1] in _CLAUSE_START or words[i - 1] == "then") \
                and nxt in ("with", "using"):
            continue  # "then mop with the degreaser": the clause's verb, the tool is what comes after "with"
        mods = _modifiers(words, i)
        if i - len(mods) >= 1 and words[i - len(mods) - 1] in _OLD:
            continue  # "slide the old panel filters out": the part taken off, not one the step uses
        if entry.qualified and not (i - len(mods) >= 1 and words[i - len(mods) - 1] in _NEW) \
                and not (mods and entry.spelling in _NAMED | _BOUND_HEADS) \
                and not (entry.spelling in _BOUND_HEADS and _size_before(words, i - len(mods))[1]):
            continue
        size, span = _size_before(words, i - len(mods))
        if entry.spelling in _BOUND_HEADS and (not (mods or size) or mods and mods[-1] in _NOT_TOOL_MODIFIERS):
            continue
        name = " ".join(([size] if size else []) + mods + [_display(entry)])
        if " ".join(mods + [entry.spelling]) in _not_tools():
            not_tools.add(entry.canonical)
            continue  # "the wall socket", "mill scale": a tool word in the name of something else
        if not mods and not size and entry.canonical in not_tools:
            continue  # "the socket on the left", after "the wall socket"
        first = i - len(mods) - span
        end_tok = toks[i + n - 1]
        out.append((toks[first][1], end_tok[1] + len(end_tok[0]), name, entry.canonical, bool(size)))
    covered = {i + k for i, n, _ in found for k in range(n)}
    for i, w in enumerate(words):
        # Sized fasteners are parts worth naming ("M8 bolts", "10 mm screws"), and a sized tap or bit
        # is a tool ("an M8 spiral point tap"), a word or two that say which allowed after the size.
        single = _SIZED_HEADS.get(w)
        if not single or i in covered:
            continue
        size, span, mods = "", 0, []
        for k in range(1 if single in _FASTENERS else 3):
            between = words[i - k:i]
            if k and not all(b.isalpha() and b not in _DETERMINERS and b not in _PREPOSITIONS for b in between):
                break
            size, span = _size_before(words, i - k)
            if size:
                mods = between
                break
        if size:
            first = i - len(mods) - span
            out.append((toks[first][1], toks[i][1] + len(w), " ".join([size, *mods, single]), single, True))
    out.extend(new_parts(words, toks, covered))
    named = {m[3] for m in out}
    for i, w in enumerate(words):
        # An imperative whose verb needs one tool ("Weigh out the flour" -> scale, "Torque the bolts"
        # -> torque wrench), unless that tool is named anyway.
        tool = _VERB_TOOLS.get(w)
        nxt = words[i + 1] if i + 1 < len(words) else "."
        if tool and tool not in named and (i == 0 or words[i - 1] in _CLAUSE_START) \
                and (nxt in _DETERMINERS or nxt in _VERB_OBJECTS):
            named.add(tool)
            out.append((toks[i][1], toks[i][1] + len(w), tool, tool, False))
    out.sort(key=lambda m: m[0])
    return out


def find_tools(text: str, glossary: Sequence[str] = (), *, builtin: bool = True) -> list[str]:
    """Tools and parts mentioned in a text, deduplicated in order of mention.

    Args:
        text: Narration.
        glossary: Plant terms matched case-insensitively at word boundaries, kept as spelled there.
        builtin: Whether to use the built-in (English) vocabulary as well.

    Returns:
        Names such as ["19 mm socket", "torque wrench", "Press 4"], as said (singular). A bare
        tool is dropped when the same tool is also mentioned with a size, and a name that is a
        part of a longer one ("brush" next to "fryer brush") is dropped.
    """
    mentions: list[tuple[int, int, str, str, bool]] = []
    glossary_places: list[tuple[int, int, str, str, bool]] = []
    low = text.lower()
    for term in glossary:
        term = term.strip()
        if not term:
            continue
        found = [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(term.lower()) + r"(?!\w)", low)]
        if found and all(is_place(low, a, b, PART_HEADS | _SURFACE_PARTS) for a, b in found):
            # "lying on the bolster", "the bolster plate": a surface or part of the machine, not a tool;
            # its words still keep the vocabulary from reading a tool into them.
            glossary_places.extend((a, b, term, term.lower(), False) for a, b in found)
            continue
        mentions.extend((a, b, term, term.lower(), False) for a, b in found)
    glossary_spans = list(mentions) + glossary_places
    if builtin:
        for start, end, name, canonical, sized in _vocab_mentions(text):
            if any(gs <= start < ge or start <= gs < end for gs, ge, *_ in glossary_spans):
                continue  # the plant's own term covers it
            mentions.append((start, end, name, canonical, sized))
    mentions.sort(key=lambda m: m[0])
    sized_canonicals = {m[3] for m in mentions if m[4]}
    names: list[str] = []
    seen: set[str] = set()
    seen_plain: set[str] = set()
    for _, _, name, canonical, sized in mentions:
        if not sized and canonical in sized_canonicals and name.lower() in (canonical, *TOOLS.get(canonical, ())):
            continue  # "an allen key" after "the 5 mm hex key" (but "the center drill" next to "the 6.8 mm drill")
        plain = not sized and name == canonical
        if name.lower() in seen or (plain and canonical in seen_plain):
            continue
        seen.add(name.lower())
        if not sized:
            seen_plain.add(canonical)
        names.append(name)
    glossary_names = {t.strip().lower() for t in glossary}

    def covered(name: str) -> bool:
        # "socket" next to "19 mm socket", "grease" next to "grease gun": the longer mention says it.
        if name.lower() in glossary_names:
            return False
        pat = re.compile(r"(?<!\S)" + re.escape(name) + r"(?!\S)")
        return any(other != name and pat.search(other) for other in names)

    return [n for n in names if not covered(n)]
