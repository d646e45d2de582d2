"""Small text helpers shared by the labeller: sentences, fillers, verb forms."""

from __future__ import annotations

import re

from indexing.label.vocab import VERBS

_SENTENCE_SPLIT = re.compile(r"(?<=[.?!…。？！])\s+")
_DISFLUENCY = re.compile(r"\b(?:um+|uh+|erm|er|hmm+)\b[,.]?\s*", re.IGNORECASE)
# Openers stripped from the front of a sentence before titling or quoting it, longest first.
OPENERS = tuple(sorted(
    """okay|ok|alright|all right|right|so|and|well|now|then|next|first|firstly|second|secondly|third
    |finally|lastly|after that|afterwards|once that's done|once that is done|once this is done
    |when that's done|when you're done|when you are done|with that done|having done that
    |the next step is to|the next step is|the next thing is to|the next thing i do is|next step
    |the next step|the last step is to|the final step is to|the last step|the final step|last step
    |first of all|first things first|to start|to start with|to begin|to begin with|to finish
    |moving on|next up|now that that's done|now that's done|good|great|perfect|yeah|yes
    |now it's time to|it's time to|time to|let's move on|let's move on to|and then""".replace("\n", "")
    .split("|"), key=len, reverse=True))
_OPENER_RE = re.compile(
    r"^(?:(?:" + "|".join(re.escape(o.strip()) for o in OPENERS if o.strip()) + r")\b[\s,:;.-]*)+",
    re.IGNORECASE,
)
_STEP_N = re.compile(r"^step (?:\w+)\b[\s,:;.-]*", re.IGNORECASE)


def split_sentences(text: str) -> list[str]:
    """Split narration into sentences at terminal punctuation."""
    return [p.strip() for p in _SENTENCE_SPLIT.split(text.strip()) if p.strip()]


def straighten(text: str) -> str:
    """Straight apostrophes and single spaces."""
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip()


def strip_openers(sentence: str) -> str:
    """Remove fillers and step cue phrases from the front of a sentence."""
    s = _DISFLUENCY.sub("", straighten(sentence))
    while True:
        new = _STEP_N.sub("", _OPENER_RE.sub("", s)).lstrip(" ,;:-")
        if new == s:
            return s
        s = new


def clean_sentence(sentence: str) -> str:
    """A sentence as quoted in tips and warnings: no fillers in front, capitalised, punctuated."""
    s = _DISFLUENCY.sub("", straighten(sentence))
    s = re.sub(r"^(?:(?:okay|ok|alright|all right|so|and|well|um|uh|now|yeah)\b[\s,]*)+", "", s,
               flags=re.IGNORECASE).strip()
    if not s:
        return ""
    s = s[0].upper() + s[1:]
    if not re.search(r"[.?!…]$", s):
        s += "."
    return s


def base_verb(word: str, verbs: frozenset[str] = VERBS) -> str | None:
    """The base form of a word if it is a known verb in any simple inflection.

    Args:
        word: One lower-case token, e.g. "removing", "tightens", "lifted".
        verbs: The base forms that count (the segmenter's action cue uses `VERBS`).

    Returns:
        The base form ("remove") or None when the word is not a known verb.
    """
    w = word.lower().strip(".,;:!?\"'")
    if w in verbs:
        return w
    candidates: list[str] = []
    if w.endswith("ing") and len(w) > 4:
        stem = w[:-3]
        candidates += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            candidates.append(stem[:-1])
    if w.endswith("ied"):
        candidates.append(w[:-3] + "y")
    if w.endswith("ed") and len(w) > 3:
        stem = w[:-2]
        candidates += [stem, w[:-1]]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            candidates.append(stem[:-1])
    if w.endswith("ies"):
        candidates.append(w[:-3] + "y")
    if w.endswith("es"):
        candidates.append(w[:-2])
    if w.endswith("s"):
        candidates.append(w[:-1])
    for c in candidates:
        if c in verbs:
            return c
    return None
