"""Topic shift in the narration's content words (a small TextTiling).

Sentences of one step keep talking about the same things ("the bolts … the
bolts … the socket"); a new step brings new nouns. The cue compares the content
words of the two sentences before a candidate with the two after it.
"""

from __future__ import annotations

import math
import re
import statistics

from indexing.segment.base import BoundaryCue, Candidate, CueContext, clamp01

WINDOW = 2
_TOKEN = re.compile(r"[a-z][a-z']+")
STOPWORDS = frozenset(
    """a an the and or but so if then than that this these those it its it's is are was were be been
    being am do does did doing done have has had having i i'm i'll i've we we're we'll you you're
    you'll your yours my our me us he she they them their there here what which who whom when where
    why how all any both each few more most other some such no nor not only own same too very can
    will just don't should now okay ok alright right um uh well going gonna want wanna need get got
    let let's make sure like also up down out off on in at by for with about into onto over under
    again further once to from of as one two three four five six seven eight nine ten first next
    after before step thing things way little bit really actually see look yeah good great""".split()
)


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
        sents = ctx.sentences
        bags = [content_words(s.text) for s in sents]
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
