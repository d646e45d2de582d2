"""Segmentation: sentences, each boundary cue (contract), fusion, markers, merging."""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest

from indexing.models import Marker, Segment, Transcript, Word
from indexing.segment import (
    ALL_CUES,
    BoundaryCue,
    CueContext,
    LexicalCue,
    MarkerCue,
    PauseCue,
    SpeechCue,
    VisualCue,
    build_sentences,
    segment,
)
from indexing.segment.pauses import pause_scores
from indexing.segment.speech import cue_strength

WORD_STEP = 0.4  # seconds from one word's start to the next
WORD_LEN = 0.35


@dataclass(frozen=True)
class Changes:
    """Stands in for indexing.visual.VisualChanges (same attributes)."""

    times: tuple[float, ...]
    scores: tuple[float, ...]
    cuts: tuple[float, ...] = ()


def make_transcript(sentences: list[tuple[float, str]], duration: float, per_segment: int = 1,
                    word_step: float = WORD_STEP) -> Transcript:
    """Sentences starting at the given times, one word every `word_step` s, grouped into segments."""
    timed = []
    for t0, text in sentences:
        words = tuple(
            Word(round(t0 + i * word_step, 3), round(t0 + i * word_step + WORD_LEN, 3), " " + tok)
            for i, tok in enumerate(text.split())
        )
        timed.append(words)
    segs = []
    for i in range(0, len(timed), per_segment):
        words = tuple(w for group in timed[i:i + per_segment] for w in group)
        segs.append(Segment(words[0].start, words[-1].end, "".join(w.word for w in words).strip(), words))
    return Transcript(language="en", duration=duration, segments=tuple(segs))


PRESS = [
    (1.0, "Okay, first I'm going to lock out the press at the main disconnect."),  # ends 5.75
    (6.5, "Hang your padlock and tag on the handle."),  # ends 9.65
    (12.0, "Next, remove the four clamp bolts with the 19 mm socket."),  # ends 15.95
    (16.8, "They're tight, so use the breaker bar."),  # ends 19.55
    (23.0, "After that, lift the upper die off with the hoist."),  # ends 26.95
    (27.7, "Keep it level as it comes up."),  # ends 30.45
    (31.2, "Finally, clean the bolster with a rag."),  # ends 33.95
    (34.5, "Wipe the slots until no chips are left."),  # ends 37.65
]


def starts(steps):
    return [s.start for s in steps]


# --- sentences ---------------------------------------------------------------------------------


def test_sentences_split_at_punctuation_inside_segments():
    tx = make_transcript(PRESS, 40.0, per_segment=3)
    sents = build_sentences(tx)
    assert [s.start for s in sents] == [1.0, 6.5, 12.0, 16.8, 23.0, 27.7, 31.2, 34.5]
    assert sents[1].text == "Hang your padlock and tag on the handle."
    assert sents[1].end == 9.65


def test_sentences_without_word_timings_are_spread_evenly():
    tx = Transcript("en", 10.0, (Segment(2.0, 6.0, "Remove the bolts. Lift the cover."),))
    sents = build_sentences(tx)
    assert [(s.start, s.end, s.text) for s in sents] == [
        (2.0, 4.0, "Remove the bolts."), (4.0, 6.0, "Lift the cover.")
    ]


def test_long_gap_splits_run_on_sentence():
    words = tuple(Word(t, t + 0.3, " " + w) for t, w in
                  [(0.0, "remove"), (0.4, "the"), (0.8, "bolts"), (2.5, "lift"), (2.9, "the"), (3.3, "cover")])
    sents = build_sentences(Transcript("en", 5.0, (Segment(0.0, 3.6, "", words),)))
    assert [s.text for s in sents] == ["remove the bolts", "lift the cover"]


# --- cues ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Next, remove the bolts.", (1.0, "next")),
    ("Okay, so the next step is to lift the die.", (1.0, "the next step is")),
    ("Alright, step three: clean up.", (1.0, "step three")),
    ("Once that's done, torque the bolts.", (1.0, "once that's done")),
    ("Now tighten it.", (0.6, "now")),
    ("Then slide it in.", (0.4, "then")),
    ("Put it next to the vise.", (0.0, "")),
    ("Next to the motor you see the fan.", (0.0, "")),
    ("Now you can see the gap.", (0.0, "")),
    ("", (0.0, "")),
])
def test_cue_strength(text, expected):
    assert cue_strength(text) == expected


def test_pause_scores_are_relative_to_the_session():
    # Regular sentence gaps of 0.5 s, one 2.5 s pause: it stands out and scores in full.
    assert pause_scores([0.0, 0.5, 0.5, 2.5, 0.5, 0.6]) == [0.0, 0.0, 0.0, 1.0, 0.0, 0.3686]
    # A narrator who pauses 2-3 s everywhere: a 3 s pause is ordinary and scores far less.
    assert pause_scores([0.0, 2.0, 3.0, 2.5, 3.0, 2.0]) == [0.0, 0.0, 0.4714, 0.2857, 0.4714, 0.0]


def _contract_context() -> CueContext:
    markers = (Marker(17.0, "step"), Marker(12.0, "tip", "keep the screws"), Marker(31.3, "procedure", "Blade"))
    return CueContext(sentences=build_sentences(make_transcript(SAW, 40.0)), duration=40.0,
                      markers=markers, visual=_camera(10.5))


@pytest.mark.parametrize("cue_class", ALL_CUES, ids=lambda c: c.__name__)
def test_cue_contract(cue_class):
    cue = cue_class()
    assert isinstance(cue, BoundaryCue)
    assert cue.name and 0.0 < cue.weight <= 1.0
    ctx = _contract_context()
    cands = cue.propose(ctx)
    assert cands, "every cue finds something in the contract session"
    assert [c.t for c in cands] == sorted(c.t for c in cands)
    for c in cands:
        assert 0.0 <= c.score <= 1.0
        assert 0.0 <= c.t <= ctx.duration
        assert c.sentence != 0
        assert c.kind in ("step", "procedure")
        if c.sentence is not None:
            assert c.t == ctx.sentences[c.sentence].start
    assert cue.propose(_contract_context()) == cands  # deterministic
    assert cue.propose(CueContext(sentences=[], duration=10.0)) == []


def test_each_cue_on_the_contract_session():
    ctx = _contract_context()

    def found(cue: BoundaryCue) -> list[tuple[int | None, float]]:
        return [(c.sentence, c.score) for c in cue.propose(ctx)]

    assert found(SpeechCue()) == [(3, 0.5), (4, 0.5), (6, 0.6), (7, 0.5)]
    assert found(PauseCue()) == [(1, 0.4057), (2, 1.0), (3, 0.8667), (6, 0.9333)]
    assert found(VisualCue()) == [(2, 1.0)]
    assert found(LexicalCue()) == [(3, 1.0), (6, 0.5323), (7, 0.4084)]
    assert [(c.t, c.kind) for c in MarkerCue().propose(ctx)] == [(17.5, "step"), (31.0, "procedure")]


# --- segment -------------------------------------------------------------------------------------


def test_empty_transcript_gives_no_steps():
    assert segment(Transcript("en", 30.0), duration=30.0) == ([], [])


def test_cue_phrases_and_pauses_cut_steps():
    procs, steps = segment(make_transcript(PRESS, 40.0, per_segment=2), duration=40.0)
    assert starts(steps) == [0.7, 11.7, 22.7, 30.9]
    assert [s.end for s in steps] == [11.7, 22.7, 30.9, 38.15]
    assert [(s.procedure_index, s.index) for s in steps] == [(0, 0), (0, 1), (0, 2), (0, 3)]
    assert steps[1].text == "Next, remove the four clamp bolts with the 19 mm socket. They're tight, so use the breaker bar."
    assert steps[0].boundary_confidence == 1.0
    assert [s.boundary_confidence for s in steps[1:]] == [0.964, 0.962, 0.955]
    assert len(procs) == 1
    assert (procs[0].index, procs[0].start, procs[0].end) == (0, 0.7, 38.15)
    assert procs[0].title == "Lock out the press"


def test_last_step_end_never_passes_duration():
    _, steps = segment(make_transcript(PRESS, 38.0), duration=38.0)
    assert steps[-1].end == 38.0


# A narrator without cue phrases who stops mid-step to work, filmed by a fixed camera.
SAW = [
    (1.0, "Remove the guard from the saw."),  # ends 3.35
    (3.9, "The guard has four screws on the front."),  # ends 6.75
    (11.0, "The guard screws go in the tray."),  # 4.25 s pause inside the step; ends 13.45
    (17.5, "Loosen the arbor nut with the wrench."),  # ends 19.95
    (20.5, "Hold the blade while the nut turns."),  # ends 22.95
    (23.5, "The wrench turns toward the back of the machine."),  # ends 26.75
    (31.0, "Now fit the new blade with the teeth down."),  # ends 34.25
    (34.8, "Press the blade flat against the flange."),  # ends 37.65
]


def test_mid_step_pause_is_not_a_cut_without_other_evidence():
    still = Changes(times=tuple(i * 0.5 for i in range(80)), scores=(0.01,) * 80)
    _, steps = segment(make_transcript(SAW, 40.0), duration=40.0, visual=still)
    assert starts(steps) == [0.7, 17.2, 30.7]
    assert steps[0].text == ("Remove the guard from the saw. The guard has four screws on the front. "
                             "The guard screws go in the tray.")
    assert [s.boundary_confidence for s in steps] == [1.0, 0.757, 0.996]


def _camera(cut: float) -> Changes:
    times = tuple(i * 0.5 for i in range(80))
    return Changes(times=times, scores=tuple(0.8 if abs(t - cut) < 0.3 else 0.02 for t in times), cuts=(cut,))


def test_visual_change_alone_is_not_a_cut():
    # The camera follows the expert to the back of the machine mid-step, without a pause.
    _, steps = segment(make_transcript(SAW, 40.0), duration=40.0, visual=_camera(23.2))
    assert starts(steps) == [0.7, 17.2, 30.7]


def test_visual_change_with_a_pause_makes_a_boundary():
    _, steps = segment(make_transcript(SAW, 40.0), duration=40.0, visual=_camera(10.5))
    assert starts(steps) == [0.7, 10.7, 17.2, 30.7]
    assert [s.boundary_confidence for s in steps] == [1.0, 0.989, 0.757, 0.996]


def test_markers_are_authoritative_and_snap_to_sentences():
    markers = [
        Marker(11.2, "step"),  # 0.8 s before "Next, remove …" → snaps to 12.0
        Marker(20.5, "step"),  # no sentence start within 1.5 s → stays
        Marker(24.0, "tip", "Keep the die level on the way up"),
        Marker(28.0, "warning"),
        Marker(31.0, "procedure", "Clean up"),
    ]
    procs, steps = segment(make_transcript(PRESS, 40.0), duration=40.0, markers=markers)
    assert starts(steps) == [0.7, 11.7, 20.5, 30.9]
    assert [(s.procedure_index, s.index) for s in steps] == [(0, 0), (0, 1), (0, 2), (1, 0)]
    assert all(s.boundary_confidence == 1.0 for s in steps)
    assert steps[1].text == "Next, remove the four clamp bolts with the 19 mm socket. They're tight, so use the breaker bar."
    assert steps[2].text.startswith("After that, lift")
    assert steps[2].tips == ["Keep the die level on the way up", "After that, lift the upper die off with the hoist."]
    assert steps[2].warnings == ["Keep it level as it comes up."]
    assert [(p.index, p.title, p.start, p.end) for p in procs] == [
        (0, "Lock out the press", 0.7, 30.9), (1, "Clean up", 30.9, 38.15)
    ]


def test_marker_steps_shorter_than_min_step_merge():
    markers = [Marker(12.0, "step"), Marker(14.0, "step"), Marker(23.0, "step")]
    _, steps = segment(make_transcript(PRESS, 40.0), duration=40.0, markers=markers, min_step=4.0)
    assert starts(steps) == [0.7, 11.7, 22.7]
    assert [s.end for s in steps] == [11.7, 22.7, 38.15]


def test_min_step_spacing_without_markers():
    _, steps = segment(make_transcript(PRESS, 40.0), duration=40.0, min_step=10.0)
    assert starts(steps) == [0.7, 11.7, 22.7]


def _long_session(minutes: int = 10) -> Transcript:
    lines = [
        "Next, remove the four clamp bolts with the 19 mm socket.",
        "They're tight, so use the breaker bar and keep your gloves on.",
        "Make sure the die is supported before the last bolt comes out.",
        "Check the shut height with the tape measure, it should read four twelve.",
    ]
    sents = []
    t = 1.0
    while t < minutes * 60 - 10:
        for line in lines:
            sents.append((round(t, 2), line))
            t += 0.38 * len(line.split()) + 0.6
        t += 3.0
    return make_transcript(sents, minutes * 60.0, per_segment=2, word_step=0.38)


def test_ten_minute_session_is_fast():
    from indexing.label import label_steps

    tx = _long_session()
    assert len(tx.words) >= 1200
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        _, steps = segment(tx, duration=600.0)
        label_steps(steps)
        best = min(best, time.perf_counter() - t0)
    assert len(steps) > 20
    # The learned method: 0.06-0.09 s on the shared 2-core machine, 0.2 s when it is loaded.
    assert best < 0.3


@pytest.mark.parametrize(("text", "strength"), [
    ("Loosen the arbor nut.", 0.5),
    ("I'm going to lift the cover off.", 0.5),
    ("Spin it by hand.", 0.2),
    ("Make sure the pin is seated.", 0.0),
    ("Never reach under the ram.", 0.0),
    ("Opening the valve fast can blow the seals.", 0.0),
    ("The guard has four screws.", 0.0),
])
def test_action_strength(text, strength):
    from indexing.segment.speech import action_strength

    assert action_strength(text) == strength


def test_segment_break_mid_sentence_does_not_start_a_sentence():
    words_a = (Word(0.0, 0.3, " Check"), Word(0.4, 0.7, " the"), Word(0.8, 1.1, " slack"))
    words_b = (Word(1.1, 1.4, " by"), Word(1.5, 1.8, " hand."), Word(2.5, 2.8, " Then"), Word(2.9, 3.2, " stop."))
    tx = Transcript("en", 4.0, (Segment(0.0, 1.1, "", words_a), Segment(1.1, 3.2, "", words_b)))
    assert [s.text for s in build_sentences(tx)] == ["Check the slack by hand.", "Then stop."]


# One or two sentences per step, no cue phrases, no video: actions after pauses carry the cuts.
TERSE = [
    (0.8, "Lock out the wrapper at the main isolator."),  # ends 3.95
    (5.3, "Remove the four thumb screws and lift off the chain guard."),  # ends 10.05
    (11.0, "Check the slack at the middle of the bottom run."),  # ends 14.95
    (15.5, "About one finger is right."),  # ends 17.15
    (18.6, "Brush the chain with food grade oil."),  # ends 21.35
    (21.9, "Anything else contaminates the packaging."),  # ends 23.95
    (25.3, "Refit the guard and run the machine empty for a minute."),  # ends 29.75
]


def test_terse_narration_without_cue_phrases():
    _, steps = segment(make_transcript(TERSE, 31.0), duration=31.0, method="fusion")
    assert starts(steps) == [0.5, 5.0, 10.7, 18.3, 25.0]
    assert steps[2].text == "Check the slack at the middle of the bottom run. About one finger is right."


@pytest.mark.xfail(strict=True, reason="known limit of the learned method: its 12 s step-length prior merges "
                   "5 s steps when nothing but a pause and an action opening marks them (3 steps of 5)")
def test_terse_narration_with_the_learned_method():
    _, steps = segment(make_transcript(TERSE, 31.0), duration=31.0, method="learned")
    assert starts(steps) == [0.5, 5.0, 10.7, 18.3, 25.0]
