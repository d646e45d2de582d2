"""Exact values for the held-out evaluation's scoring functions."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("heldout_scoring", Path(__file__).with_name("scoring.py"))
assert _spec and _spec.loader
scoring = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = scoring  # dataclasses look their module up there
_spec.loader.exec_module(scoring)


def test_match_boundaries_closest_first_and_one_to_one() -> None:
    # 10.5 is closest to 10.0; 11.0 may not reuse 10.0, and 12.9 is too far from 10.0 anyway.
    assert scoring.match_boundaries([11.0, 10.5, 30.0], [10.0, 12.9, 25.0], tol=2.0) == [(1, 0), (0, 1)]
    assert scoring.match_boundaries([], [1.0]) == []
    # The tolerance is inclusive.
    assert scoring.match_boundaries([12.0], [10.0], tol=2.0) == [(0, 0)]
    assert scoring.match_boundaries([12.01], [10.0], tol=2.0) == []


def test_boundary_prf_ignores_first_start() -> None:
    prf = scoring.boundary_prf([0.0, 9.0, 20.0, 31.0, 40.0], [1.0, 10.0, 21.5, 35.0])
    # Scored cuts: pred [9, 20, 31, 40] vs true [10, 21.5, 35] -> 9~10 and 20~21.5 match.
    assert (prf.tp, prf.n_pred, prf.n_true) == (2, 4, 3)
    assert prf.precision == 0.5
    assert prf.recall == pytest.approx(2 / 3)
    assert prf.f1 == pytest.approx(4 / 7)


def test_prf_edge_cases_and_sum() -> None:
    assert scoring.PRF(0, 0, 0).f1 == 1.0
    assert scoring.PRF(0, 0, 3).precision == 0.0
    assert scoring.PRF(0, 2, 0).recall == 0.0
    total = scoring.PRF(1, 2, 3) + scoring.PRF(2, 2, 2)
    assert (total.tp, total.n_pred, total.n_true) == (3, 4, 5)


def test_normalize_words() -> None:
    assert scoring.normalize_words("Don't-stop, the 19mm socket!") == ["dont", "stop", "the", "19", "mm", "socket"]
    assert scoring.normalize_words("  T-slots.  You\u2019ll ") == ["t", "slots", "youll"]


def test_edit_distance_and_wer() -> None:
    assert scoring.edit_distance("kitten".split(), "kitten".split()) == 0
    assert scoring.edit_distance(list("kitten"), list("sitting")) == 3
    assert scoring.edit_distance([], ["a", "b"]) == 2
    # one substitution (lock -> lot), one deletion (press), one insertion (now) over 5 words
    assert scoring.wer("First, lock out the press.", "first lot out now the") == pytest.approx(3 / 5)
    assert scoring.wer("Hello world", "hello, WORLD!") == 0.0
    assert scoring.wer("", "") == 0.0
    assert scoring.wer("", "noise") == 1.0


def test_label_prf_normalises_and_matches_partial_names() -> None:
    prf = scoring.label_prf(
        ["Torque Wrench", "shim", "wrench", "hammer"],
        ["torque wrench", "shims", "19 mm socket", "breaker bar"],
    )
    # torque wrench == torque wrench, shim == shims; "wrench" would only match "torque wrench", already used.
    assert (prf.tp, prf.n_pred, prf.n_true) == (2, 4, 4)
    partial = scoring.label_prf(["socket"], ["19 mm socket"])
    assert (partial.tp, partial.n_pred, partial.n_true) == (1, 1, 1)
    # Parts of words do not count: "bar" is not in "barrel".
    assert scoring.label_prf(["bar"], ["barrel"]).tp == 0


def test_hit_rank_requires_session_and_overlap() -> None:
    hits = [("s2", 0.0, 10.0), ("s1", 0.0, 5.0), ("s1", 5.0, 12.0), ("s1", 11.0, 20.0)]
    assert scoring.hit_rank(hits, "s1", 5.0, 10.0) == 3  # (0, 5) only touches the span at 5.0
    assert scoring.hit_rank(hits, "s1", 12.5, 14.0) == 4
    assert scoring.hit_rank(hits, "s3", 0.0, 100.0) is None
    assert scoring.spans_overlap(0, 5, 5, 9) is False
    assert scoring.spans_overlap(0, 5.1, 5, 9) is True


def test_mean() -> None:
    assert scoring.mean([]) == 0.0
    assert scoring.mean([1.0, 2.0, 4.5]) == 2.5
