"""Visual change around each sentence start (a new part, a new place, a camera move).

The vision stage samples frames and reports, per sample, how much the picture
changed since the previous one (0..1) plus detected scene cuts. A fixed camera
over a bench may show almost no change for a whole session; then this cue
proposes nothing instead of amplifying noise.
"""

from __future__ import annotations

import statistics
from bisect import bisect_left, bisect_right

from indexing.segment.base import BoundaryCue, Candidate, CueContext, clamp01

# Look this far before the sentence start (the change often happens in the pause before) …
LOOK_BEFORE = 4.0
# … and this far after it (the expert starts talking, then moves).
LOOK_AFTER = 1.5
# Below this spread between typical and strongest change the video is treated as static.
MIN_SPREAD = 0.05


class VisualCue(BoundaryCue):
    """Scene cuts and prominent change peaks near sentence starts."""

    name = "visual"
    weight = 0.3

    def propose(self, ctx: CueContext) -> list[Candidate]:
        vis = ctx.visual
        if vis is None or len(ctx.sentences) < 2:
            return []
        pairs = sorted(zip((float(t) for t in vis.times), (float(s) for s in vis.scores), strict=False))
        times = [t for t, _ in pairs]
        scores = [s for _, s in pairs]
        cuts = sorted(float(c) for c in getattr(vis, "cuts", ()) or ())
        baseline = statistics.median(scores) if scores else 0.0
        top = max(scores) if scores else 0.0
        spread = top - baseline
        out = []
        for prev, s in zip(ctx.sentences, ctx.sentences[1:], strict=False):
            lo = max(prev.end - 0.5, s.start - LOOK_BEFORE)
            hi = s.start + LOOK_AFTER
            score = 0.0
            if cuts and bisect_right(cuts, hi) > bisect_left(cuts, lo):
                score = 1.0
            elif spread >= MIN_SPREAD:
                i, j = bisect_left(times, lo), bisect_right(times, hi)
                if j > i:
                    peak = max(scores[i:j])
                    score = clamp01((peak - baseline) / spread) ** 1.5
            if score >= 0.05:
                out.append(Candidate(t=s.start, score=round(score, 4), reason="visual", sentence=s.index))
        return out
