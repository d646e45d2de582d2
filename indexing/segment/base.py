"""Shared pieces of the segmenter: sentences, candidates and the `BoundaryCue` interface.

A boundary cue looks at the session (its sentences, markers and visual changes)
and proposes candidate cuts, each with a score in 0..1. Cues are small and
swappable (one per file); `indexing.segment.combine` fuses their proposals.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from indexing.models import Marker, Transcript, Word

if TYPE_CHECKING:  # the vision helper owns the real class; only its attributes are used here
    from indexing.visual import VisualChanges  # noqa: F401

_TERMINAL = re.compile(r"[.?!…。？！]['\")\]]*$")
_SENTENCE_SPLIT = re.compile(r"(?<=[.?!…。？！])\s+")
# A word gap this long ends a sentence even without punctuation (run-on narration).
RUN_ON_GAP = 1.0


@dataclass(frozen=True)
class Sentence:
    """A stretch of narration between two sentence (or segment) boundaries.

    Attributes:
        index: Position in the session, from 0.
        start: Start of the first word in seconds.
        end: End of the last word in seconds.
        words: The timed words (synthesised evenly when the recogniser gave none).
    """

    index: int
    start: float
    end: float
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.word.strip() for w in self.words if w.word.strip())


@dataclass(frozen=True)
class Candidate:
    """One proposed cut.

    Attributes:
        t: Time of the cut in seconds.
        score: Strength of the evidence, 0..1.
        reason: Short label such as "cue:next", "pause", "visual", "marker".
        sentence: Index of the sentence starting at the cut, or None if the cut is mid-speech.
        kind: "step" or "procedure".
    """

    t: float
    score: float
    reason: str
    sentence: int | None = None
    kind: str = "step"


@dataclass
class CueContext:
    """Everything a cue may look at.

    Attributes:
        sentences: The session's sentences in time order.
        duration: Session length in seconds.
        markers: Markers tapped during recording.
        visual: Visual changes (an object with `.times`, `.scores`, `.cuts`) or None.
        cache: Scratch space cues may share (e.g. computed gap statistics).
        language: Narration language code; cues take their phrases from `indexing.lang`.
    """

    sentences: Sequence[Sentence]
    duration: float
    markers: Sequence[Marker] = ()
    visual: Any = None
    cache: dict[str, Any] = field(default_factory=dict)
    language: str = "en"


class BoundaryCue(ABC):
    """A source of evidence for step boundaries.

    Subclasses set `name` and `weight` (its share in the fused score) and
    implement `propose`. Every candidate's score is in 0..1, its time in
    0..duration, and the list is sorted by time. The first sentence (the start
    of the narration) is never a candidate: the first step always starts there.
    """

    name: str = "cue"
    weight: float = 0.0

    @abstractmethod
    def propose(self, ctx: CueContext) -> list[Candidate]:
        """Propose candidate cuts for one session.

        Args:
            ctx: The session's sentences, markers and visual changes.

        Returns:
            Candidates sorted by time (possibly empty).
        """


def clamp01(x: float) -> float:
    """Clip a number into 0..1."""
    return 0.0 if x < 0.0 else 1.0 if x > 1.0 else x


def _words_of_segment(seg: Any) -> list[Word]:
    words = [w for w in seg.words if w.word.strip()]
    if words:
        return words
    # No word timings: spread the text's words evenly over the segment so the
    # rest of the segmenter can work at word level.
    tokens = seg.text.split()
    if not tokens:
        return []
    span = max(seg.end - seg.start, 0.01)
    step = span / len(tokens)
    return [
        Word(start=seg.start + i * step, end=seg.start + (i + 1) * step, word=tok)
        for i, tok in enumerate(tokens)
    ]


def build_sentences(transcript: Transcript) -> list[Sentence]:
    """Cut a transcript into sentences using punctuation, segment ends and long word gaps.

    Args:
        transcript: The recognised narration.

    Returns:
        Sentences in time order, each with at least one word.
    """
    flat: list[tuple[Word, bool]] = []
    for seg in transcript.segments:
        words = _words_of_segment(seg)
        flat.extend((w, i == len(words) - 1) for i, w in enumerate(words))
    groups: list[list[Word]] = []
    current: list[Word] = []
    for k, (w, segment_end) in enumerate(flat):
        if current and w.start - current[-1].end >= RUN_ON_GAP and len(current) >= 3:
            groups.append(current)
            current = []
        current.append(w)
        if _TERMINAL.search(w.word.strip()):
            groups.append(current)
            current = []
        elif segment_end:
            # The recogniser also breaks segments mid-sentence; a segment end followed at once
            # by a lower-case word continues the sentence.
            nxt = flat[k + 1][0] if k + 1 < len(flat) else None
            text = nxt.word.strip() if nxt is not None else ""
            joined = nxt is not None and text[:1].islower() and nxt.start - w.end < RUN_ON_GAP
            if not joined:
                groups.append(current)
                current = []
    if current:
        groups.append(current)
    sentences: list[Sentence] = []
    for group in groups:
        group.sort(key=lambda w: w.start)
        sentences.append(
            Sentence(index=len(sentences), start=group[0].start, end=max(w.end for w in group),
                     words=tuple(group))
        )
    sentences.sort(key=lambda s: s.start)
    return [Sentence(i, s.start, s.end, s.words) for i, s in enumerate(sentences)]


def split_text_sentences(text: str) -> list[str]:
    """Split plain text into sentences at terminal punctuation."""
    return [p.strip() for p in _SENTENCE_SPLIT.split(text.strip()) if p.strip()]


def gaps_before(sentences: Sequence[Sentence]) -> list[float]:
    """Silence before each sentence (0.0 for the first)."""
    out = [0.0]
    for prev, cur in zip(sentences, sentences[1:], strict=False):
        out.append(max(0.0, cur.start - prev.end))
    return out
