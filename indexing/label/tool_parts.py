"""Replacement parts said as "the new ...": the part a step fits, whatever its name.

A step that fits a part names it with "new" ("slide the new cartridge in", "set a new wax ring on the
flange"), and a part list of every trade cannot be written down. So the words after "new", up to the
first word that cannot be part of a name, are taken as the part: "a new wax ring" -> "wax ring".
Names the vocabulary knows ("the new seal") are found there first and are not repeated here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from indexing.lang.data import words as data_words

_BEFORE_NEW = frozenset(
    "a an the your two three four five six some fresh brand one each and".split())
# Words that end a part's name (a name is at most three words and stops at any of them).
_ENDS = frozenset(
    """with using from into onto on in under over at by for to of through and or but then so if while
    until before after is are was were be been it them that this these those which where when as than
    not no all both each every its their his her our my your goes go sits sit should will can must
    has have had does do did one ones""".split())
# Heads after "new" that are no part: "the new position", "a new line", "the new wood".
_NOT_PARTS = frozenset(
    """position way line day shift batch time setting settings setup one ones lot look job order wood
    dough mix level point reading value number place spot start edge face surface side end""".split())


_MODALS = frozenset("will would could might may can won't wouldn't can't".split())
_CLAUSE_START = frozenset(". , ; : ! ? and but so then because or if".split())


def _in_consequence(words: list[str], i: int) -> bool:
    """Whether token i sits in a clause that says what will or may happen ("... will tilt the new die")."""
    j = i - 1
    while j >= 0 and words[j] not in _CLAUSE_START:
        if words[j] in _MODALS or words[j].endswith("'ll"):
            return True
        j -= 1
    return False


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return data_words("en/stop_words.txt")


def new_parts(words: list[str], toks: list[tuple[str, int]], covered: set[int]) -> list[tuple[int, int, str, str, bool]]:
    """Parts said as "the new X": (start, end, name, canonical, sized) mentions, like the vocabulary's.

    Args:
        words: The text's tokens (lower case).
        toks: The same tokens with their character offsets.
        covered: Token positions already inside a vocabulary mention (those are left to it).

    Returns:
        One mention per "new" that is followed by a name; "new" itself is not part of the name.
    """
    stop = _stop_words()
    out: list[tuple[int, int, str, str, bool]] = []
    for i, w in enumerate(words):
        if w != "new" or i + 1 >= len(words) or i < 1 or words[i - 1] not in _BEFORE_NEW:
            continue
        if _in_consequence(words, i):
            continue  # "any chip left here will tilt the new die": what may happen, not a part fitted
        name: list[str] = []
        j = i + 1
        while j < len(words) and len(name) < 3:
            t = words[j]
            if j in covered or not t.replace("'", "").isalpha() or t.endswith("'s") or t in _ENDS \
                    or (t in stop and t not in ("o",)) or t.endswith("ly"):
                break
            name.append(t)
            j += 1
        # A name ends on a noun; "the new blade goes" stops before "goes", "new" + a vocabulary tool
        # ("the new copper washer") is the vocabulary's.
        if not name or name[-1] in _NOT_PARTS or len(name[-1]) < 3 and name != ["o", "ring"] \
                or (j < len(words) and j in covered):
            continue
        end_tok = toks[j - 1]
        out.append((toks[i + 1][1], end_tok[1] + len(end_tok[0]), " ".join(name), " ".join(name), False))
    return out


# Words that put something on a surface or take it off one: "leave them lying on the bolster", "lower
# it onto the bed", "lift it clear of the table".
_PLACING = frozenset(
    """lie lies lying lay laid leave left set put place placed lower lowered rest resting sit sits sitting
    stand standing slide drop hang lift lifted clear stack stacked store kept keep""".split())
_ONTO = frozenset("on onto off across over of along".split())


def is_place(text: str, start: int, end: int, part_heads: frozenset[str]) -> bool:
    """Whether a plant term at text[start:end] is said as a place or a part of the machine, not a tool.

    A plant's glossary holds tools, parts and places alike. A term things are put on or lifted off
    ("do not leave them lying on the bolster", "lower it onto the bolster", "lift it clear of the
    bolster") is a surface of the machine, and a term followed by a part word ("wipe the bolster
    plate") names that part of the machine; neither is a tool of the step. A term with no article
    ("set it on Press Four") is a machine by name and stays.

    Args:
        text: The step's text, lower case.
        start: Where the term starts in it.
        end: Where it ends.
        part_heads: Words that make a preceding name a part ("plate", "bolts").

    Returns:
        True when this mention is a place or a machine part.
    """
    after = re.findall(r"[a-z]+", text[end:end + 30])
    if after and after[0] in part_heads:
        return True
    before = re.findall(r"[a-z']+", text[max(0, start - 80):start])
    if len(before) < 2 or before[-1] not in ("the", "its", "this", "that") or before[-2] not in _ONTO:
        return False
    if before[-2] == "of" and (len(before) < 3 or before[-3] != "clear"):
        return False
    return any(w in _PLACING for w in before[-8:-2])


def joined(words: list[str], i: int, table: Mapping[tuple[str, ...], Any]) -> tuple[int, Any] | None:
    """A vocabulary name heard with a word split in two at token i: "pad lock" is the padlock, "lock
    out pad lock" the lockout padlock.

    Args:
        words: The text's tokens.
        i: Where the name would start.
        table: The vocabulary: token tuple -> entry (an entry with `qualified` set is left out).

    Returns:
        (tokens spanned, entry), the longest first, or None.
    """
    for n in (4, 3, 2):
        window = words[i:i + n]
        if len(window) < n or not all(w.isalpha() for w in window):
            continue
        for gaps in range(1, 1 << (n - 1)):  # which gaps between the n words are closed
            key: list[str] = [window[0]]
            for k in range(1, n):
                if gaps >> (k - 1) & 1:
                    key[-1] += window[k]
                else:
                    key.append(window[k])
            entry = table.get(tuple(key))
            if entry is not None and not entry.qualified:
                return n, entry
    return None
