"""The "reason" of a step: why it is done this way ("because…", "so that…", "otherwise…").

A TWI job breakdown gives every important step its reasons; experts say them in
passing ("crack each bolt a quarter turn first, so the die settles evenly"). This
module finds them in a step's narration with the cue phrases of
`indexing.label.reason_phrases` (one entry per language).
"""

from __future__ import annotations

import re
from functools import lru_cache

from indexing.label.reason_phrases import REASON_PHRASES
from indexing.label.text import clean_sentence, split_sentences, straighten

MAX_REASON_CHARS = 240
"""Longer reasons are cut at a word boundary: the sheet has one short cell for them."""


def _alternation(patterns: tuple[str, ...]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@lru_cache(maxsize=16)
def _patterns(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]:
    code = (language or "en").lower().split("-")[0].split("_")[0]
    data = REASON_PHRASES.get(code, REASON_PHRASES["en"])
    lead = re.compile(r"^(?:" + _alternation(data["lead"]) + r")\b", re.IGNORECASE) if data["lead"] else None
    # An inner cue must follow a word (not open the sentence) and be a word itself.
    inner = (re.compile(r"(?<=\w)[\s,;:–-]+(?P<cue>" + _alternation(data["inner"]) + r")\b", re.IGNORECASE)
             if data["inner"] else None)
    whole = re.compile(_alternation(data["whole"])) if data["whole"] else None
    return lead, inner, whole


def _shorten(text: str) -> str:
    if len(text) <= MAX_REASON_CHARS:
        return text
    cut = text[:MAX_REASON_CHARS].rsplit(" ", 1)[0].rstrip(",;: ")
    return cut + "…"


def _tidy(clause: str) -> str:
    # Not clean_sentence: it would strip a leading "so", which is the cue here.
    s = clause.strip(" ,;:–-")
    if not s:
        return ""
    s = s[0].upper() + s[1:]
    return s if re.search(r"[.?!…]$", s) else s + "."


def find_reasons(text: str, language: str = "en") -> list[str]:
    """Every reason said in a step's narration, in order.

    Args:
        text: The step's narration.
        language: Narration language code ("en", "ko", …); unknown codes use English cues.

    Returns:
        Cleaned reason phrases: a whole sentence when the cue opens it (or, in Korean,
        anywhere in it), else the clause from the cue to the end of the sentence.
    """
    lead, inner, whole = _patterns(language)
    out: list[str] = []
    for sentence in split_sentences(straighten(text)):
        s = clean_sentence(sentence)
        if not s:
            continue
        if (lead is not None and lead.search(s)) or (whole is not None and whole.search(s)):
            out.append(s)
            continue
        if inner is not None:
            m = inner.search(s)
            if m:
                clause = _tidy(s[m.start("cue"):])
                if clause:
                    out.append(clause)
    return out


def find_reason(text: str, language: str = "en") -> str:
    """The reasons of a step as one short text for its "reason" field ("" when none was said).

    Args:
        text: The step's narration.
        language: Narration language code.

    Returns:
        The reasons joined with spaces, at most `MAX_REASON_CHARS` characters.
    """
    return _shorten(" ".join(find_reasons(text, language)))
