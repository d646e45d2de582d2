"""Cut a session's narration into procedures and steps.

`segment` is the stage's entry point: it builds sentences from the word
timings, asks the boundary cues for evidence, picks boundaries (markers, when
the expert tapped any, decide on their own), merges steps that are too short,
and returns drafts the labeller then titles and tags.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from indexing.models import Marker, ProcedureDraft, StepDraft, Transcript
from indexing.segment.base import BoundaryCue, CueContext, Sentence, build_sentences
from indexing.segment.combine import choose, fuse
from indexing.segment.lexical import LexicalCue
from indexing.segment.markers import SNAP, MarkerCue, nearest_sentence
from indexing.segment.pauses import PauseCue
from indexing.segment.speech import SpeechCue
from indexing.segment.visual import VisualCue

log = logging.getLogger(__name__)

# A step starts this much before its first word (at most half the silence before it).
LEAD_IN = 0.3
# The last step ends this much after the last word.
TAIL = 0.5
# A tip or warning marker refers to the sentence being spoken, or one starting this soon after.
NOTE_REACH = 3.0
# Boundary method when no cut markers decide: "fusion" or "learned" (see `segment`).
DEFAULT_METHOD = "learned"
METHODS = ("fusion", "learned")


def default_cues() -> list[BoundaryCue]:
    """The cues used when markers do not decide: narration, pauses, visual change, topic shift."""
    return [SpeechCue(), PauseCue(), VisualCue(), LexicalCue()]


@dataclass
class _Cut:
    t: float
    confidence: float
    kind: str = "step"


def _cut_time(sentences: Sequence[Sentence], i: int) -> float:
    s = sentences[i]
    gap = s.start - sentences[i - 1].end if i > 0 else LEAD_IN * 2
    return round(s.start - min(LEAD_IN, max(gap, 0.0) / 2), 3)


def _merge_short(edges_start: float, edges_end: float, cuts: list[_Cut], min_step: float) -> list[_Cut]:
    cuts = sorted(cuts, key=lambda c: c.t)
    while cuts:
        edges = [edges_start] + [c.t for c in cuts] + [edges_end]
        lengths = [b - a for a, b in zip(edges, edges[1:], strict=False)]
        k = min(range(len(lengths)), key=lambda i: lengths[i])
        if lengths[k] >= min_step:
            break
        options = [j for j in (k - 1, k) if 0 <= j < len(cuts)]
        # Keep procedure cuts over step cuts, then the surer cut; on a tie keep the earlier cut
        # (a double tap on "next step": the first tap is the real one).
        drop = min(options, key=lambda j: (cuts[j].kind == "procedure", cuts[j].confidence, j != k))
        log.debug("merging a %.2f s step (dropping the cut at %.2f)", lengths[k], cuts[drop].t)
        del cuts[drop]
    return cuts


def _sentence_at(sentences: Sequence[Sentence], t: float) -> Sentence | None:
    for s in sentences:
        if s.start <= t <= s.end + 0.5:
            return s
    later = [s for s in sentences if t < s.start <= t + NOTE_REACH]
    if later:
        return later[0]
    earlier = [s for s in sentences if s.end < t]
    return earlier[-1] if earlier else None


def _add_note(target: list[str], text: str) -> None:
    text = text.strip()
    if text and text.lower() not in (x.lower() for x in target):
        target.append(text)


def segment(
    transcript: Transcript,
    *,
    duration: float,
    markers: Sequence[Marker] = (),
    visual: Any = None,
    min_step: float = 4.0,
    cues: Sequence[BoundaryCue] | None = None,
    language: str | None = None,
    method: str | None = None,
) -> tuple[list[ProcedureDraft], list[StepDraft]]:
    """Cut a session into procedures and steps.

    Args:
        transcript: The recognised narration (word timings are used when present).
        duration: Length of the session's media in seconds.
        markers: Markers tapped while recording. `step` and `procedure` markers, when
            present, decide the cuts on their own; `tip` and `warning` markers add
            their note and the sentence spoken at that moment to the step.
        visual: Visual changes from the vision stage (an object with `.times`,
            `.scores` and `.cuts`), or None.
        min_step: Shortest step in seconds; shorter ones merge into a neighbour.
        cues: Boundary cues to fuse when there are no cut markers (default: `default_cues()`).
        language: Narration language code (default: the transcript's, else English).
        method: How boundaries are chosen without cut markers: "fusion" (the cues' weighted sum,
            picked greedily) or "learned" (`indexing.segment.learned`: fitted scorer, whole-session
            decoding); default `DEFAULT_METHOD`. `cues` applies to "fusion" only.

    Returns:
        (procedures, steps). Steps carry their time span, narration text and
        boundary confidence; titles, categories and tools are left for the labeller.
        An empty transcript gives ([], []).
    """
    chosen_method = method or DEFAULT_METHOD
    if chosen_method not in METHODS:
        raise ValueError(f"unknown segment method {chosen_method!r} (known: {', '.join(METHODS)})")
    sentences = build_sentences(transcript)
    if not sentences:
        return [], []
    lang = language or transcript.language or "en"
    ctx = CueContext(sentences=sentences, duration=duration, markers=tuple(markers), visual=visual,
                     language=lang)
    first = max(0.0, sentences[0].start - LEAD_IN)
    last_word = sentences[-1].end
    end = last_word + TAIL
    if duration > 0:
        end = min(end, max(duration, last_word))

    cuts: list[_Cut] = []
    if any(m.kind in ("step", "procedure") for m in markers):
        for c in MarkerCue().propose(ctx):
            t = _cut_time(sentences, c.sentence) if c.sentence is not None else round(c.t, 3)
            cuts.append(_Cut(t=t, confidence=1.0, kind=c.kind))
    elif chosen_method == "learned":
        from dataclasses import replace

        from indexing.lang import language_for
        from indexing.segment.learned import params_for, plan

        # The language may set the decoder's step-length prior and cut cost (Korean: its own steps),
        # over its fitted constants (`learned.params_for`: English has its own fit).
        decoder: dict[str, Any] = dict(language_for(ctx.language).boundary_decoder)
        params = replace(params_for(ctx.language), **decoder)
        for lc in plan(ctx, params, min_step=min_step):
            cuts.append(_Cut(t=_cut_time(sentences, lc.sentence), confidence=lc.confidence))
            log.debug("cut before sentence %d p %.3f %s", lc.sentence, lc.confidence, ",".join(lc.reasons))
    else:
        fused = fuse(ctx, cues if cues is not None else default_cues())
        for f in choose(fused, start=sentences[0].start, end=last_word, min_step=min_step):
            cuts.append(_Cut(t=_cut_time(sentences, f.sentence), confidence=f.confidence))
            log.debug("cut at %.2f score %.3f %s", f.t, f.score, ",".join(f.reasons))
    cuts = _merge_short(first, end, cuts, min_step)

    edges = [first] + [c.t for c in cuts] + [end]
    all_words = [w for s in sentences for w in s.words]
    steps: list[StepDraft] = []
    procedures: list[ProcedureDraft] = []
    proc_index, step_index = 0, 0
    for k, (a, b) in enumerate(zip(edges, edges[1:], strict=False)):
        cut = cuts[k - 1] if k > 0 else None
        if cut is not None and cut.kind == "procedure":
            proc_index += 1
            step_index = 0
        last = k == len(edges) - 2
        text = " ".join(
            w.word.strip() for w in all_words
            if w.word.strip() and a <= (w.start + w.end) / 2 and ((w.start + w.end) / 2 < b or last)
        )
        steps.append(StepDraft(procedure_index=proc_index, index=step_index, start=round(a, 3),
                               end=round(b, 3), text=text,
                               boundary_confidence=1.0 if cut is None else cut.confidence))
        step_index += 1

    _attach_notes(steps, sentences, markers)
    procedures = _procedures(steps, markers, lang)
    return procedures, steps


def _attach_notes(steps: list[StepDraft], sentences: Sequence[Sentence], markers: Sequence[Marker]) -> None:
    for m in sorted(markers, key=lambda m: m.t):
        if m.kind not in ("tip", "warning"):
            continue
        host = next((s for s in reversed(steps) if s.start <= m.t), steps[0])
        target = host.tips if m.kind == "tip" else host.warnings
        _add_note(target, m.note)
        said = _sentence_at(sentences, m.t)
        if said is not None and host.start <= said.start < host.end + 0.01:
            _add_note(target, said.text)


def _procedures(steps: list[StepDraft], markers: Sequence[Marker], language: str = "en") -> list[ProcedureDraft]:
    from indexing.label import procedure_title  # the labeller is pure Python and cheap to import

    proc_markers = sorted((m for m in markers if m.kind == "procedure"), key=lambda m: m.t)
    out = []
    for p in sorted({s.procedure_index for s in steps}):
        members = [s for s in steps if s.procedure_index == p]
        start, end = members[0].start, members[-1].end
        note = ""
        for m in proc_markers:
            near = abs(m.t - start) <= SNAP or (p == 0 and m.t <= start + SNAP)
            if near and m.note.strip():
                note = m.note.strip()
                break
        out.append(ProcedureDraft(index=p, title=note or procedure_title(members, language), start=start, end=end))
    return out


__all__ = ["default_cues", "segment", "nearest_sentence"]
