"""Fuse the cues' candidates into step boundaries.

Every sentence start (except the first) is a candidate. Its fused score is the
weighted sum of what each cue said about it; no single cue can reach the
threshold alone except a strong narration cue phrase, so a narrator who pauses
mid-step or a camera that never moves does not decide the cut on its own.
Boundaries are picked greedily, strongest first, keeping `min_step` apart; a
second, lower threshold then splits steps that are far longer than the others.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from indexing.segment.base import BoundaryCue, CueContext, clamp01

# Fused score needed for a cut.
THRESHOLD = 0.4
# Lower score accepted only to split a step much longer than the session's others.
LOW_THRESHOLD = 0.2
# A step is "much longer" past this many times the median step, and at least LONG_STEP seconds.
LONG_FACTOR = 1.5
LONG_STEP = 18.0
# Steps needed after the first pass before their median length is trusted.
MIN_STEPS_FOR_MEDIAN = 3
# Fused score that maps to confidence 1.0.
FULL_CONFIDENCE = 0.8
# A cue's candidate counts as a stated reason from this score up.
REASON_MIN = 0.3


@dataclass(frozen=True)
class Fused:
    """A sentence start with its fused evidence.

    Attributes:
        sentence: Index of the sentence.
        t: Start of that sentence in seconds.
        score: Weighted sum of the cue scores.
        reasons: The cues that supported it, strongest first.
    """

    sentence: int
    t: float
    score: float
    reasons: tuple[str, ...]

    @property
    def confidence(self) -> float:
        return round(clamp01(self.score / FULL_CONFIDENCE), 3)


def fuse(ctx: CueContext, cues: Sequence[BoundaryCue]) -> list[Fused]:
    """Fused score for every sentence start after the first.

    Args:
        ctx: The session.
        cues: Cues to ask (their `weight` sets their share).

    Returns:
        One `Fused` per sentence start from the second sentence on, in time order.
    """
    n = len(ctx.sentences)
    totals = [0.0] * n
    reasons: list[list[tuple[float, str]]] = [[] for _ in range(n)]
    for cue in cues:
        for cand in cue.propose(ctx):
            if cand.sentence is None or not 0 < cand.sentence < n:
                continue
            totals[cand.sentence] += cue.weight * cand.score
            if cand.score >= REASON_MIN:
                reasons[cand.sentence].append((cue.weight * cand.score, cand.reason))
    return [
        Fused(sentence=i, t=ctx.sentences[i].start, score=round(totals[i], 4),
              reasons=tuple(r for _, r in sorted(reasons[i], key=lambda x: -x[0])))
        for i in range(1, n)
    ]


def _fits(t: float, taken: list[float], min_step: float) -> bool:
    return all(abs(t - x) >= min_step for x in taken)


def choose(fused: Sequence[Fused], *, start: float, end: float, min_step: float) -> list[Fused]:
    """Pick the boundaries.

    Args:
        fused: Candidates from `fuse`.
        start: Start of the narration (the first step's start).
        end: End of the narration.
        min_step: Shortest allowed step in seconds.

    Returns:
        Chosen candidates in time order.
    """
    taken = [start, end]
    chosen: list[Fused] = []
    for f in sorted(fused, key=lambda f: (-f.score, f.t)):
        if f.score < THRESHOLD:
            break
        if _fits(f.t, taken, min_step):
            taken.append(f.t)
            chosen.append(f)
    # Second pass: a step far longer than its siblings probably hides a weakly announced cut.
    changed = True
    while changed:
        changed = False
        edges = sorted(taken)
        lengths = [b - a for a, b in zip(edges, edges[1:], strict=False)]
        # With fewer than MIN_STEPS_FOR_MEDIAN steps the median is the recording itself and says
        # nothing about step length, so only the absolute LONG_STEP applies.
        typical = statistics.median(lengths) if len(lengths) >= MIN_STEPS_FOR_MEDIAN else 0.0
        limit = max(LONG_STEP, LONG_FACTOR * typical)
        for a, b in zip(edges, edges[1:], strict=False):
            if b - a <= limit:
                continue
            inside = [f for f in fused if a < f.t < b and f.score >= LOW_THRESHOLD
                      and _fits(f.t, taken, min_step) and f not in chosen]
            if inside:
                best = max(inside, key=lambda f: (f.score, -f.t))
                taken.append(best.t)
                chosen.append(best)
                changed = True
                break
    return sorted(chosen, key=lambda f: f.t)
