"""Plant vocabulary in the transcript: nudge near-misses onto glossary terms.

A small English model hears "bolster" as "moldster" or "bowster". Feeding the
glossary to Whisper helps only the first 30-second window (as a prompt) or, as
faster-whisper "hotwords", biases every window but was measured here to drop
whole windows of speech and to slow recognition 1.6x. So the glossary is also
applied after recognition: a word that is a close spelling of a glossary term
(similarity ≥ 0.8, at least 5 letters, not an exact word already) becomes that
term, keeping the word's punctuation and capitalisation.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from indexing.models import Segment, Word

MIN_LEN = 5
MIN_RATIO = 0.8
_EDGE = re.compile(r"^(\W*)(.*?)(\W*)$", re.UNICODE)


def _terms(glossary: Sequence[str]) -> list[str]:
    """Single-word glossary terms long enough to correct towards."""
    out = []
    for term in glossary:
        t = term.strip()
        if " " not in t and len(t) >= MIN_LEN and t.isalpha():
            out.append(t)
    return out


def closest_term(word: str, terms: Sequence[str]) -> str | None:
    """The glossary term `word` is a near-miss of, if any (pure, unit-tested)."""
    low = word.lower()
    if len(low) < MIN_LEN - 1 or not low.isalpha():
        return None
    best, best_ratio = None, MIN_RATIO
    for term in terms:
        t = term.lower()
        if low == t:
            return None
        if abs(len(t) - len(low)) > 2:
            continue
        ratio = difflib.SequenceMatcher(None, low, t).ratio()
        if ratio >= best_ratio:
            best, best_ratio = term, ratio
    return best


def _recase(term: str, like: str) -> str:
    if like[:1].isupper() and term[:1].islower():
        return term[:1].upper() + term[1:]
    return term


def apply_glossary(segments: Sequence[Segment], glossary: Sequence[str]) -> tuple[Segment, ...]:
    """Replace near-miss words with glossary terms in words and segment text."""
    terms = _terms(glossary)
    if not terms:
        return tuple(segments)
    out = []
    for seg in segments:
        changed = False
        words = []
        text = seg.text
        for w in seg.words:
            m = _EDGE.match(w.word)
            pre, core, post = (m.group(1), m.group(2), m.group(3)) if m else ("", w.word, "")
            term = closest_term(core, terms)
            if term is None:
                words.append(w)
                continue
            new = _recase(term, core)
            words.append(Word(w.start, w.end, pre + new + post, w.probability))
            text = re.sub(rf"\b{re.escape(core)}\b", new, text, count=1)
            changed = True
        out.append(Segment(seg.start, seg.end, text, tuple(words), seg.avg_logprob, seg.no_speech_prob)
                   if changed else seg)
    return tuple(out)
