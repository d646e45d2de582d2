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

from indexing.label.text import base_verb
from indexing.label.tool_names import (
    BOUND_HEADS,
    DETERMINERS,
    NAMED,
    PREPOSITIONS,
    THROWAWAY,
    Entry,
    near_miss,
    not_tool_names,
    stop_words,
    tokens,
    vocabulary,
)
from indexing.label.tool_parts import is_place, joined, new_parts
from indexing.label.vocab import FRACTION_WORDS, NUMBER_WORDS, PART_HEADS, TOOLS, UNIT_NEAR_MISSES, UNITS

_PUNCT = frozenset(".,;:!?")
_FASTENERS = {w: w.rstrip("s") for w in "bolt bolts screw screws nut nuts stud studs".split()}
# Words too common to be a tool alone that name one with a size in front, a word or two between
# allowed: "an M8 spiral point tap", "the 8 mm bit", "a 4 mm pin", "M10 washers".
_SIZED_HEADS = {**_FASTENERS, **{w: w.rstrip("s") for w in
                                 "tap taps die dies bit bits key keys pin pins washer washers rivet rivets hex".split()}}
_FRACTION_PARTS = frozenset(w for key in FRACTION_WORDS for w in key.split())
_NEW = frozenset("new spare replacement".split())
_OLD = frozenset("old worn broken damaged cracked failed blown".split())
# "an old toothbrush", "a worn cloth": any one of its kind, a tool the step uses (not the part taken off).
_ANY_ONE = frozenset("a an any some".split())
_POSSESSIVE = frozenset("your my our his her their own personal".split())
# Words in front of a bound head that make it no tool: "newton meters", "cubic meters".
_NOT_TOOL_MODIFIERS = frozenset("newton cubic kilowatt per".split())
# Words after a plant term that make it a face of the machine ("the platen face"), with `PART_HEADS`.
_SURFACE_PARTS = frozenset("face faces surface slot slots top edge".split())


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
    if tok in UNIT_NEAR_MISSES and i >= 2:
        n, span = _number(tokens, i - 2)
        if span:
            return f"{n} {UNIT_NEAR_MISSES[tok]}", span + 1
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
    stop = stop_words()
    mods: list[str] = []
    j = i
    while j >= 1 and len(mods) < 2:
        w = words[j - 1]
        if (not w.isalpha() or len(w) < 3 or w in stop or w in THROWAWAY or w in DETERMINERS
                or w in PREPOSITIONS or w in NUMBER_WORDS or w in UNITS or w.endswith("ly") or w in _POSSESSIVE
                or w in _FRACTION_PARTS or w in UNIT_NEAR_MISSES and j >= 2 and _number(words, j - 2)[1]):
            break
        mods.insert(0, w)
        j -= 1
    # A verb-like word ("wearing gloves", "squeeze glue") names the tool only right after "a"/"the".
    while mods and (base_verb(mods[0]) is not None or mods[0].endswith(("ing", "ed"))):
        before = words[i - len(mods) - 1] if i - len(mods) >= 1 else "."
        if before in DETERMINERS or before in _POSSESSIVE:
            break
        mods = mods[1:]
    return mods


# Verbs whose object is nearly always a tool: "grab the spaner", "use a scaper".
_TOOL_VERBS = frozenset("use grab fetch".split())
# Words left out of the vocabulary as more often something else ("file a ticket", "the oil level")
# that are a tool right after "with a" or "use the".
_SLOT_TOOLS = frozenset("file level punch lighter hose".split())
# Containers that hold an amount of something: "a pan of water", "a small pot of thinner", "a ladle of stock".
_VESSELS = frozenset("pan pot bowl jug bucket tub cup tray bag box tin jar bottle ladle spoon".split())
# Parts of a thing: "the end of the torch", "the left side of the grinder" say where on it ("on top of
# the ruler" is where a hand is, the ruler is used).
_PART_WORDS = frozenset("end side bottom back front edge rim underside base".split())


def _part_of(words: list[str], i: int) -> bool:
    """Token i names the thing a part of it is said of ("off the end of the torch"), not a tool it is
    used with ("with the pointed end of your pliers")."""
    if i < 3 or words[i - 1] not in DETERMINERS | _POSSESSIVE or words[i - 2] != "of" or words[i - 3] not in _PART_WORDS:
        return False
    j = i - 4
    while j >= 0 and words[j] not in _PUNCT and words[j] not in PREPOSITIONS and i - j < 8:
        j -= 1
    return not (j >= 0 and words[j] in ("with", "using"))
_VERB_TOOLS = {"weigh": "scale", "torque": "torque wrench", "sweep": "broom", "whisk": "whisk", "sift": "sieve"}
_VERB_OBJECTS = frozenset("out up it them everything all both".split())
# What a block wedged or set under a part is made of: "a block of wood" is a wood block.
_BLOCK_WOODS = frozenset("wood hardwood softwood timber".split())
# Verbs of taking a padlock off: "remove your lock", "take your lock off" end the lockout, no tool is used.
_TAKE_OFF = frozenset("remove take".split())
# Words after a one-word tool or consumable that make it a part of the machine: "the grease trough".
_CONTAINER_PARTS = frozenset("trough drawer trap bin tank nipple".split())
# Tool words that are as often the verb of holding something in another tool: "clamp the blade in the vice".
_HOLD_VERBS = frozenset("clamp wedge".split())
_SUBJECTS = frozenset("i we you next now first".split())
_NEGATIONS = frozenset("never don't not instead".split())
_CLAUSE_START = frozenset("and but so then or because while".split()) | _PUNCT


def _tool_slot(words: list[str], i: int) -> bool:
    """Token i stands where a tool is named: after "with (a)", "using (the)", a size, or "grab the"."""
    prev = words[i - 1] if i >= 1 else ""
    prev2 = words[i - 2] if i >= 2 else ""
    return (prev in ("with", "using") or (prev in DETERMINERS and (prev2 in ("with", "using")
                                                                   or base_verb(prev2) in _TOOL_VERBS))
            or bool(_size_before(words, i)[1]))


def _negated(words: list[str], i: int) -> bool:
    """Whether the clause holding token i says not to use it ("never use the kettle water")."""
    if words[i - 1:i] == ["without"] or words[i - 2:i - 1] == ["without"] and words[i - 1] in DETERMINERS:
        return True  # "dry in the air, without a towel"
    j = i - 1
    while j >= 0 and (words[j] not in _CLAUSE_START or words[j] == "or" and j >= 1 and words[j - 1] not in _PUNCT):
        if words[j] in _NEGATIONS:
            return True  # "never push a wire or a nail through": "or" joins two things the clause rules out
        j -= 1
    return False


# Prepositions that put something on or in a kitchen thing: "check them on the scale", "onto two trays".
_PUT_IN = frozenset("on onto in into".split())
# Kitchen things a step uses when food goes on or in them ("set it on the tray", "in the mixer"); a bowl
# is only where the food is ("stir it into the bowl"), so it still needs a word that says which.
_PUT_ON_TOOLS = frozenset("tray scale mixer".split())


def _put_in(words: list[str], i: int) -> bool:
    """Token i is a thing something is put on or in ("on the tray", "into the large bowl")."""
    return i >= 2 and words[i - 1] in DETERMINERS and words[i - 2] in _PUT_IN


def _display(entry: Entry) -> str:
    # "the phillips" means the Phillips screwdriver; other spellings are shown as said.
    if " " not in entry.spelling and entry.canonical.startswith(entry.spelling + " "):
        return entry.canonical
    if entry.spelling.replace(" ", "") == entry.canonical.replace(" ", ""):
        return entry.canonical  # "airline" is the air line
    return entry.spelling


def _vocab_mentions(text: str) -> list[tuple[int, int, str, str, bool]]:
    """(start, end, name, canonical, sized) of each vocabulary mention, in order."""
    table, longest, _ = vocabulary()
    toks = tokens(text)
    words = [t for t, _ in toks]
    found: list[tuple[int, int, Entry]] = []  # token start, token count, entry
    i = 0
    while i < len(words):
        hit: tuple[int, Entry] | None = None
        for n in range(min(longest, len(words) - i), 0, -1):
            entry = table.get(tuple(words[i:i + n]))
            if entry is not None:
                hit = (n, entry)
                break
        if hit is None and words[i] == "lock" and i >= 1 and words[i - 1] in _POSSESSIVE:
            nxt = words[i + 1] if i + 1 < len(words) else "."
            before = words[i - 2] if i >= 2 else "."
            if nxt not in PART_HEADS and nxt not in ("out", "off", "comes") and base_verb(before) not in _TAKE_OFF:
                hit = (1, Entry("padlock", "padlock", False))
        if hit is None and words[i] == "tag" and i >= 1 and words[i - 1] in _POSSESSIVE:
            hit = (1, Entry("lockout tag", "lockout tag", False))  # "clip your tag to it"
        if hit is None and words[i] in _SLOT_TOOLS and i >= 2 and words[i - 1] in ("a", "the", "your") \
                and (words[i - 2] in ("with", "using") or base_verb(words[i - 2]) in _TOOL_VERBS):
            hit = (1, Entry(words[i], words[i], False))  # "knock it off with a file"
        if hit is None and words[i] in ("block", "blocks") and words[i + 1:i + 2] == ["of"] \
                and i + 2 < len(words) and words[i + 2] in _BLOCK_WOODS:
            hit = (3, Entry("support block", f"{words[i + 2]} block", False))  # "a block of hardwood"
        if hit is None:
            hit = joined(words, i, vocabulary()[0])
        if hit is None:
            hit = near_miss(words, i, _tool_slot(words, i))
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
        if n == 1 and " " not in entry.canonical and (nxt in PART_HEADS or nxt in _CONTAINER_PARTS or i + n in starts):
            continue  # "clamp bolts", "filter pan": a word that says which, not a tool of its own
        if n == 1 and nxt in ("it", "them") and (i == 0 or words[i - 1] not in DETERMINERS):
            continue  # "clamp it with a 5 mm hex", "brush them off": the word is the verb
        if n == 1 and " " not in entry.canonical and base_verb(words[i]) == words[i] \
                and (i == 0 or words[i - 1] in _CLAUSE_START or words[i - 1] == "then") \
                and nxt in ("with", "using"):
            continue  # "then mop with the degreaser": the clause's verb, the tool is what comes after "with"
        if n == 1 and words[i] in _HOLD_VERBS and nxt in DETERMINERS \
                and (i == 0 or words[i - 1] in _CLAUSE_START or words[i - 1] in _SUBJECTS):
            continue  # "Clamp the bar in the vice", "then wedge a block of wood in": the verb, the tool is named after
        if f"{entry.spelling} {nxt}" in not_tool_names() or f"{entry.spelling} {nxt[:-1]}" in not_tool_names():
            continue  # "pan cakes", "socket outlet": a tool word at the front of something else's name
        if entry.canonical == "socket" and (i >= 2 and words[i - 2] == "into"
                                            or nxt == "and" and words[i + n + 1:i + n + 2] in (["switch"], ["switches"])):
            continue  # "plug it into a socket", "sockets and switches": the wall socket
        mods = _modifiers(words, i)
        if i - len(mods) >= 2 and words[i - len(mods) - 1] in _OLD and words[i - len(mods) - 2] not in _ANY_ONE:
            continue  # "slide the old panel filters out": the part taken off, not one the step uses
        size, span = _size_before(words, i - len(mods))
        if n == 1 and nxt == "of" and entry.canonical in _VESSELS and not size:
            continue  # "a pan of water", "a tray of ice": an amount of what is in it
        if _part_of(words, i - len(mods)):
            continue  # "off the end of the torch", "the left side of the grinder": the thing worked on
        ahead = i - len(mods) - span - 1
        if entry.qualified and not (i - len(mods) >= 1 and words[i - len(mods) - 1] in _NEW) \
                and not (span and ahead >= 0 and words[ahead] in _NEW) \
                and not (mods and entry.spelling in NAMED | BOUND_HEADS) \
                and not (entry.spelling in _PUT_ON_TOOLS and _put_in(words, i - len(mods))) \
                and not (entry.spelling in BOUND_HEADS and _size_before(words, i - len(mods))[1]):
            continue
        if entry.spelling in BOUND_HEADS and (not (mods or size) or mods and mods[-1] in _NOT_TOOL_MODIFIERS):
            continue
        name = " ".join(([size] if size else []) + mods + [_display(entry)])
        if " ".join(mods + [entry.spelling]) in not_tool_names():
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
            if k and not all(b.isalpha() and b not in DETERMINERS and b not in PREPOSITIONS for b in between):
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
                and (nxt in DETERMINERS or nxt in _VERB_OBJECTS):
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
    # "2 .4 mm": the recogniser spaces a decimal point off its whole number
    text = re.sub(r"(?<=\d) \.(?=\d)", ".", text)
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
