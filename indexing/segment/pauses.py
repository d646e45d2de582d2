"""Pauses before sentences, judged against the session's own pause habits.

A narrator who pauses a lot everywhere should not be cut at every pause, so a
gap scores by how far it stands out from the session's typical sentence gap
(a z-like score against a low quantile of its gaps, plus the gap's rank), not by its length alone.
"""

from __future__ import annotations

from bisect import bisect_left

from indexing.segment.base import BoundaryCue, Candidate, CueContext, clamp01, gaps_before

# Gaps shorter than this are ordinary breathing, whatever the session does.
MIN_PAUSE = 0.35
# The smallest spread assumed, so a perfectly regular narrator doesn't make every extra 0.1 s huge.
MIN_SCALE = 0.25
# A gap this many robust deviations above the median scores 1.0.
FULL_Z = 3.5
# Quantile of the session's gaps taken as its ordinary sentence gap.
BASELINE_QUANTILE = 0.3
# Share of the score that comes from the gap's rank among the session's gaps.
RANK_SHARE = 0.4


def pause_scores(gaps: list[float]) -> list[float]:
    """Score each gap (index 0 = before the first sentence, always 0).

    Args:
        gaps: Silence before each sentence in seconds.

    Returns:
        One score 0..1 per gap.
    """
    inner = gaps[1:]
    if not inner:
        return [0.0] * len(gaps)
    # The session's ordinary gap: a low quantile, because when most sentences start a new
    # step (terse narration) the median is already a step gap.
    ordered = sorted(inner)
    typical = ordered[int(BASELINE_QUANTILE * (len(ordered) - 1))]
    scale = max(MIN_SCALE, 0.5 * typical)
    out = [0.0]
    for g in inner:
        if g < MIN_PAUSE:
            out.append(0.0)
            continue
        # Partly how far the gap stands out, partly its rank in the session:
        # the rank still orders gaps when most sentences start a step and nothing "stands out".
        z = clamp01((g - typical) / (scale * FULL_Z))
        rank = bisect_left(ordered, g) / max(len(ordered) - 1, 1)
        out.append(round(RANK_SHARE * rank + (1 - RANK_SHARE) * z, 4))
    return out


class PauseCue(BoundaryCue):
    """Unusually long silences before a sentence."""

    name = "pause"
    weight = 0.3

    def propose(self, ctx: CueContext) -> list[Candidate]:
        sentences = ctx.sentences
        scores = ctx.cache.get("pause_scores")
        if scores is None:
            scores = pause_scores(gaps_before(sentences))
            ctx.cache["pause_scores"] = scores
        return [
            Candidate(t=s.start, score=sc, reason="pause", sentence=s.index)
            for s, sc in zip(sentences[1:], scores[1:], strict=False)
            if sc > 0.0
        ]
