"""Pick a step's category (one of `indexing.models.CATEGORIES`) from verb and keyword evidence."""

from __future__ import annotations

import re
from functools import lru_cache

from indexing.label.text import base_verb, split_sentences, straighten
from indexing.label.vocab import (
    CATEGORY_TERMS,
    CATEGORY_VERBS,
    LOCKOUT_TERMS,
    PRIORITY,
    SAFETY_TERMS,
    TROUBLE_TERMS,
)


@lru_cache(maxsize=64)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    # Single words also match their simple inflections ("checked", "measuring").
    parts = [re.escape(t) + (r"(?:s|es|ed|d|ing)?" if " " not in t else "") for t in terms]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


def _count(terms: tuple[str, ...], text: str) -> int:
    return len(_pattern(terms).findall(text))


def categorize(text: str, title: str = "") -> str:
    """The category of a step.

    Order of evidence: safety words in the title or a lockout anywhere; a failure
    condition ("if it doesn't", "jam", "fault") in the opening sentence or twice;
    the title's verb; keyword counts over the narration; else "operation".

    Args:
        text: The step's narration.
        title: Its title (its first word is taken as the main verb).

    Returns:
        One of CATEGORIES.
    """
    low = straighten(text).lower()
    title_low = title.lower()
    if _count(SAFETY_TERMS, title_low) or _count(LOCKOUT_TERMS, low):
        return "safety"
    sentences = split_sentences(low)
    opening = sentences[0] if sentences else ""
    if _count(TROUBLE_TERMS, opening) or _count(TROUBLE_TERMS, title_low) or _count(TROUBLE_TERMS, low) >= 2:
        return "troubleshooting"
    words = title_low.split()
    verb = base_verb(words[0]) if words else None
    if verb == "set" and len(words) > 1 and words[1] == "up":
        return "setup"
    if verb == "lock" and len(words) > 1 and words[1] == "out":
        return "safety"
    if verb is not None:
        for category in PRIORITY:
            if verb in CATEGORY_VERBS.get(category, ()):
                return category
        return "operation"
    scores = {c: _count(terms, low) for c, terms in CATEGORY_TERMS.items()}
    scores["safety"] = _count(SAFETY_TERMS, low)
    best = max(PRIORITY, key=lambda c: (scores.get(c, 0), -PRIORITY.index(c)))
    return best if scores.get(best, 0) > 0 else "operation"
