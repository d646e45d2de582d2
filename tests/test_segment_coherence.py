"""The sentence-embedding topic-shift feature of the learned segmenter (indexing.segment.coherence)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from indexing.segment import CueContext, build_sentences, coherence, segment
from indexing.segment.learned import FEATURES, features, params_for, plan
from tests.test_segment import make_transcript

# Two steps of two topics (oil change, then tyre change): the topic moves at the fourth sentence.
TWO_TOPICS = [
    (0.0, "Drain the old engine oil into the pan."),
    (5.0, "Let the oil run out of the sump completely."),
    (10.0, "Refill the engine with fresh oil to the mark."),
    (15.0, "Loosen the wheel nuts on the flat tyre."),
    (20.0, "Jack the car up and pull the wheel off."),
    (25.0, "Mount the spare wheel and tighten the nuts."),
]


def _ctx(sentences: list[tuple[float, str]], vectors: object | None = None, language: str = "en") -> CueContext:
    tx = make_transcript(sentences, duration=sentences[-1][0] + 5.0)
    ctx = CueContext(sentences=build_sentences(tx), duration=sentences[-1][0] + 5.0, language=language)
    if vectors is not None:
        ctx.cache[coherence.CACHE_KEY] = vectors
    return ctx


def _no_embedder(language: str | None) -> object:
    raise AssertionError("the embedder was loaded")


def test_shift_peaks_where_the_mean_embedding_changes():
    # Sentences 0-2 point one way, 3-5 another: with 2 sentences a side the shift is largest at 3.
    vec = np.array([[1, 0], [1, 0.1], [1, 0], [0, 1], [0.1, 1], [0, 1]], dtype=float)
    sh = coherence.shifts(vec, window=2)
    assert sh[0] == 0.0
    assert max(range(1, 6), key=lambda i: sh[i]) == 3
    assert sh[3] > 0.5 > sh[1]
    rel = coherence.relative(sh)
    assert rel[3] == 1.0 and all(0.0 <= v <= 1.0 for v in rel)
    # A session whose topic never moves has no shift that stands out.
    assert coherence.relative(coherence.shifts(np.ones((5, 3)))) == [0.0] * 5


def test_peak_mode_keeps_only_local_maxima():
    assert coherence.peaks([0.0, 0.2, 0.5, 0.3]) == pytest.approx([0.0, -0.3, 0.2, -0.2])


def test_features_take_the_cached_vectors_and_load_nothing_when_off(monkeypatch):
    monkeypatch.setattr(coherence, "embedder_for_language", _no_embedder)
    col = FEATURES.index("coherence")
    vec = np.array([[1, 0], [1, 0.1], [1, 0], [0, 1], [0.1, 1], [0, 1]], dtype=float)
    on = features(_ctx(TWO_TOPICS, vec), embed=True)
    assert [r[col] for r in on] == coherence.relative(coherence.shifts(vec))
    assert on[3][col] == 1.0
    off = features(_ctx(TWO_TOPICS), embed=False)
    assert all(r[col] == 0.0 for r in off)
    # Every other feature is the same with or without it.
    assert [r[:col] + r[col + 1:] for r in on] == [r[:col] + r[col + 1:] for r in off]


def test_a_zero_weight_language_never_loads_the_embedder(monkeypatch):
    monkeypatch.setattr(coherence, "embedder_for_language", _no_embedder)
    for lang in ("en", "ko"):
        if dict(params_for(lang).weights).get("coherence", 0.0) == 0.0:
            plan(_ctx(TWO_TOPICS, language=lang))


def test_a_weighted_coherence_moves_the_cut_to_the_topic_change(monkeypatch):
    # Evidence only from coherence (flat prior, no other weight): the cut lands at the topic change.
    monkeypatch.setattr(coherence, "embedder_for_language", _no_embedder)
    vec = np.array([[1, 0], [1, 0.1], [1, 0], [0, 1], [0.1, 1], [0, 1]], dtype=float)
    p = replace(params_for("en"), weights=(("coherence", 6.0),), bias=-3.0, cut_cost=0.0, length=0.0)
    assert [c.sentence for c in plan(_ctx(TWO_TOPICS, vec), p)] == [3]
    assert "coherence" in plan(_ctx(TWO_TOPICS, vec), p)[0].reasons


def test_the_language_step_embedder_sees_the_topic_change():
    # The real English step embedder (MiniLM), computed once per session into the context's cache.
    ctx = _ctx(TWO_TOPICS)
    col = coherence.coherence_shift(ctx)
    assert coherence.CACHE_KEY in ctx.cache and len(ctx.cache[coherence.CACHE_KEY]) == len(TWO_TOPICS)
    assert max(range(1, len(col)), key=lambda i: col[i]) == 3
    # segment() still runs with the module constants (coherence weighted or not).
    _, steps = segment(make_transcript(TWO_TOPICS, 30.0), duration=30.0, language="en")
    assert steps


def test_dispersion_is_zero_for_one_topic_and_the_decoder_cuts_between_topics():
    from indexing.segment.learned import Params, decode

    vec = np.array([[1, 0], [1, 0], [1, 0], [0, 1], [0, 1], [0, 1]], dtype=float)
    disp = coherence.dispersion(vec)
    assert disp(0, 3) == pytest.approx(0.0) and disp(3, 6) == pytest.approx(0.0)
    assert disp(2, 4) == pytest.approx(2.0 - np.sqrt(2.0))
    # No other evidence, a cut cost: only the dispersion term pays for the one cut, at the topic change.
    p = Params(weights=(), bias=0.0, cut_cost=1.0, length=0.0, step_coherence=2.0)
    starts = [0.0, 5.0, 10.0, 15.0, 20.0, 25.0]
    assert decode(starts, 30.0, [0.0] * 6, p, vectors=vec) == [3]
    assert decode(starts, 30.0, [0.0] * 6, p) == []
    assert decode(starts, 30.0, [0.0] * 6, replace(p, step_coherence=0.0), vectors=vec) == []
