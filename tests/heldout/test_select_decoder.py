"""The decoder-choice arithmetic of fit_boundaries.py: objective from counts, smoothing, folds."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

_spec = importlib.util.spec_from_file_location("heldout_select_decoder", Path(__file__).with_name("select_decoder.py"))
assert _spec and _spec.loader
sd = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = sd
_spec.loader.exec_module(sd)


def test_group_values_from_counts():
    # 2 grid points x 2 sessions x (matched, found, true).
    counts = np.array([[[2, 2, 2], [1, 3, 2]],  # point 0: F1 2*3/(5+4); one exact, one 1 step over
                       [[2, 2, 2], [2, 2, 2]]])  # point 1: perfect
    exact = sd.group_values(counts, [0, 1], "exact", 0.5)
    absd = sd.group_values(counts, [0, 1], "abs", 0.5)
    assert exact[0] == pytest.approx(6 / 9 + 0.5 * 0.5) and exact[1] == pytest.approx(1.5)
    assert absd[0] == pytest.approx(6 / 9 - 0.5 * 0.5) and absd[1] == pytest.approx(1.0)
    with pytest.raises(ValueError):
        sd.group_values(counts, [0], "other", 0.5)


def test_smoothing_prefers_a_plateau_to_a_lone_peak():
    grid = {"cut_cost": [0.0, 1.0, 2.0, 3.0, 4.0], "typical": [0.0, 8.0]}
    vals = np.array([0.0, 0.0,   # cut 0
                     0.0, 1.0,   # cut 1: a lone peak at typical 8
                     0.0, 0.0,
                     0.0, 0.8,   # cuts 3-4: a plateau a little lower
                     0.0, 0.8])
    assert sd.choose(vals, grid, "best")[0] == 3
    assert sd.choose(vals, grid, "cross")[0] == 9  # (0.8 + 0.8) / 2 beats (1 + 0 + 0) / 3
    assert sd.choose(vals, grid, "smooth")[0] == 9
    # The adaptive prior (typical 0) is no neighbour of typical 8.
    assert sd.smooth(vals, grid)[0] == pytest.approx(0.0)


def test_folds_deal_each_language_out_alike():
    sessions = [SimpleNamespace(name=f"{lang}{i}", lang=lang) for lang in ("en", "ko") for i in range(6)]
    folds = sd.folds(sessions, 3, seed=0)
    assert sorted(i for f in folds for i in f) == list(range(12))
    assert all(sum(sessions[i].lang == "en" for i in f) == 2 for f in folds)
    assert folds == sd.folds(sessions, 3, seed=0) and folds != sd.folds(sessions, 3, seed=1)


def test_pooled_out_of_fold_figures():
    sessions = [SimpleNamespace(lang="en", camera="fixed"), SimpleNamespace(lang="en", camera="none")]
    m = sd.pooled(np.array([[2, 2, 2], [1, 3, 2]]), sessions, 0.5)
    assert m["en"]["f1"] == pytest.approx(0.667, abs=1e-3) and m["en"]["f1_fixed"] == 1.0
    assert m["en"]["exact"] == 0.5 and m["en"]["abs_count"] == 0.5 and m["en"]["over"] == 1
    assert m["objective"] == pytest.approx(6 / 9 + 0.25, abs=1e-4)
