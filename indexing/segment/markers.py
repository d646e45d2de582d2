"""Markers tapped during recording: authoritative step and procedure cuts.

A tap rarely lands exactly on the first word: the expert taps, then starts
talking, or talks and remembers to tap. A marker within `SNAP` seconds of a
sentence start moves onto it; otherwise the cut stays at the tap.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from indexing.segment.base import BoundaryCue, Candidate, CueContext, Sentence

SNAP = 1.5
CUT_KINDS = ("step", "procedure")


def nearest_sentence(sentences: Sequence[Sentence], t: float, within: float) -> Sentence | None:
    """The sentence whose start is nearest to `t`, if it is within `within` seconds."""
    if not sentences:
        return None
    starts = [s.start for s in sentences]
    i = bisect_left(starts, t)
    best = None
    for j in (i - 1, i):
        if 0 <= j < len(sentences) and abs(starts[j] - t) <= within:
            if best is None or abs(starts[j] - t) < abs(best.start - t):
                best = sentences[j]
    return best


class MarkerCue(BoundaryCue):
    """`step` and `procedure` markers, snapped to sentence starts."""

    name = "marker"
    weight = 1.0

    def propose(self, ctx: CueContext) -> list[Candidate]:
        sents = ctx.sentences
        if not sents:
            return []
        first, last_end = sents[0].start, sents[-1].end
        by_time: dict[float, Candidate] = {}
        for m in sorted(ctx.markers, key=lambda m: m.t):
            if m.kind not in CUT_KINDS:
                continue
            snapped = nearest_sentence(sents, m.t, SNAP)
            if snapped is not None:
                if snapped.index == 0:
                    continue
                cand = Candidate(t=snapped.start, score=1.0, reason="marker", sentence=snapped.index,
                                 kind=m.kind)
            else:
                if m.t <= first or m.t >= last_end or m.t > ctx.duration:
                    continue
                cand = Candidate(t=float(m.t), score=1.0, reason="marker", sentence=None, kind=m.kind)
            old = by_time.get(cand.t)
            if old is None or (old.kind == "step" and cand.kind == "procedure"):
                by_time[cand.t] = cand
        return [by_time[t] for t in sorted(by_time)]
