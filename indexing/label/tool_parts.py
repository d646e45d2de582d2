"""Replacement parts said as "the new ...": the part a step fits, whatever its name.

A step that fits a part names it with "new" ("slide the new cartridge in", "set a new wax ring on the
flange"), and a part list of every trade cannot be written down. So the words after "new", up to the
first word that cannot be part of a name, are taken as the part: "a new wax ring" -> "wax ring".
Names the vocabulary knows ("the new seal") are found there first and are not repeated here.
"""

from __future__ import annotations

from functools import lru_cache

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
