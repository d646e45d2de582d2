"""Segmentation: cut a session's narration into procedures and steps.

Boundary evidence comes from small swappable cues (`BoundaryCue`, one per
module: markers, speech cue phrases, pauses, visual change, topic shift). By
default `learned` scores every sentence start with a fitted logistic regression
over that evidence and picks all boundaries at once by dynamic programming;
`combine` (method "fusion") is the earlier hand-weighted sum, picked greedily.
"""

from indexing.segment.base import BoundaryCue, Candidate, CueContext, Sentence, build_sentences
from indexing.segment.combine import Fused, choose, fuse
from indexing.segment.lexical import LexicalCue
from indexing.segment.markers import MarkerCue
from indexing.segment.pauses import PauseCue
from indexing.segment.segmenter import default_cues, segment
from indexing.segment.speech import SpeechCue
from indexing.segment.visual import VisualCue

ALL_CUES: tuple[type[BoundaryCue], ...] = (MarkerCue, SpeechCue, PauseCue, VisualCue, LexicalCue)

__all__ = [
    "ALL_CUES",
    "BoundaryCue",
    "Candidate",
    "CueContext",
    "Fused",
    "LexicalCue",
    "MarkerCue",
    "PauseCue",
    "Sentence",
    "SpeechCue",
    "VisualCue",
    "build_sentences",
    "choose",
    "default_cues",
    "fuse",
    "segment",
]
