"""Topic shift in the narration's content words (a small TextTiling).

Sentences of one step keep talking about the same things ("the bolts … the
bolts … the socket"); a new step brings new nouns. The cue compares the content
words of the two sentences before a candidate with the two after it.
"""

from __future__ import annotations

import math
import re
import statistics

from indexing.lang.data import words
from indexing.segment.base import BoundaryCue, Candidate, CueContext, clamp01

WINDOW = 2
_TOKEN = re.compile(r"[a-z][a-z']+")
STOPWORDS = words("en/stop_words.txt")


def content_words(text: str) -> set[str]:
    """Crudely stemmed content words of a text."""
    out = set()
    for tok in _TOKEN.findall(text.lower().replace("’", "'")):
        if tok in STOPWORDS or len(tok) < 3:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if tok.endswith(suffix) and len(tok) - len(suffix) >= 3:
                tok = tok[: -len(suffix)]
                break
        out.add(tok)
    return out


class LexicalCue(BoundaryCue):
    """Low word overlap between the narration just before and just after a sentence start."""

    name = "lexical"
    weight = 0.2

    def propose(self, ctx: CueContext) -> list[Candidate]:
        from indexing.lang import language_for

        sents = ctx.sentences
        lang = language_for(ctx.language)
        bags = [lang.content_words(s.text) for s in sents]
        shift: dict[int, float] = {}
        for i in range(1, len(sents)):
            left = set().union(*bags[max(0, i - WINDOW):i])
            right = set().union(*bags[i:i + WINDOW])
            if left and right:
                shift[i] = 1.0 - min(1.0, len(left & right) / math.sqrt(len(left) * len(right)))
        if not shift:
            return []
        # Short sentences share few words anyway: only a shift that stands out from the
        # session's usual shift counts, so sparse narration does not look like constant change.
        usual = statistics.median(shift.values())
        top = max(shift.values())
        if top - usual < 0.05:
            return []
        out = []
        for i, d in sorted(shift.items()):
            score = round(clamp01((d - usual) / (top - usual)), 4)
            if score > 0.0:
                out.append(Candidate(t=sents[i].start, score=score, reason="lexical", sentence=i))
        return out
