"""How fit_boundaries.py chooses the decoder: per grid point counts, the objective, smoothing, folds.

Every decoder setting of the grid is run once on every tune session and kept as three counts per
session (cuts matched within +-2 s, cuts found, true cuts); any objective over any subset of
sessions (a language, a cross-validation fold) is then arithmetic on those counts.

Objective of a setting on a group of sessions: micro boundary F1 + `weight` x a count term, averaged
over the groups (English, Korean):
- "exact": the share of sessions with exactly the right step count (rounds 2-4);
- "abs": minus the mean |found - true| step count, so one step off costs what a lost exact session
  cost, four steps off four times that (the exact share cannot tell 1 from 4 steps off).
Choice of a setting ("select"):
- "best": the highest objective (rounds 2-4);
- "smooth": the highest mean objective over the setting and its grid neighbours (one grid step
  along each axis, every combination; the adaptive prior, typical 0, neighbours no fixed typical),
  so a lone peak made by one or two sessions loses against a broad plateau;
- "cross": the same over the setting and its neighbours along one axis at a time (a narrower mean).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import numpy as np

COUNT_TERMS = ("exact", "abs")
SELECTS = ("best", "smooth", "cross")


def points(grid: dict[str, list[float]]) -> list[tuple[float, ...]]:
    """Every setting of the grid, in `itertools.product` order over the grid's axes."""
    return list(itertools.product(*grid.values()))


def group_values(counts: np.ndarray, idx: Sequence[int], count: str, weight: float) -> np.ndarray:
    """Objective of every grid point on the sessions `idx` of `counts` (points x sessions x 3)."""
    c = counts[:, list(idx), :]
    tp, n_pred, n_true = c[:, :, 0].sum(1), c[:, :, 1].sum(1), c[:, :, 2].sum(1)
    denom = n_pred + n_true
    f1 = np.where(denom > 0, 2.0 * tp / np.maximum(denom, 1), 1.0)
    delta = c[:, :, 1] - c[:, :, 2]
    if count == "exact":
        term = (delta == 0).mean(1)
    elif count == "abs":
        term = -np.abs(delta).mean(1)
    else:
        raise ValueError(f"unknown count term {count!r}")
    return f1 + weight * term


def values(counts: np.ndarray, groups: Sequence[Sequence[int]], count: str, weight: float) -> np.ndarray:
    """The objective of every grid point: the mean over the groups (each a list of session indices)."""
    return np.mean([group_values(counts, g, count, weight) for g in groups if len(g)], axis=0)


def _adjacency(name: str, axis: Sequence[float]) -> np.ndarray:
    n = len(axis)
    adj = np.zeros((n, n))
    for i, j in itertools.product(range(n), repeat=2):
        if abs(i - j) <= 1 and not (name == "typical" and (axis[i] == 0.0) != (axis[j] == 0.0)):
            adj[i, j] = 1.0
    return adj


def smooth(vals: np.ndarray, grid: dict[str, list[float]]) -> np.ndarray:
    """Each grid point's mean value over its neighbourhood (the box of one step along every axis)."""
    dims = [len(v) for v in grid.values()]
    total, n = vals.reshape(dims), np.ones(dims)
    for k, (name, axis) in enumerate(grid.items()):
        adj = _adjacency(name, axis)
        total = np.moveaxis(np.tensordot(adj, total, axes=([1], [k])), 0, k)
        n = np.moveaxis(np.tensordot(adj, n, axes=([1], [k])), 0, k)
    return (total / n).reshape(-1)


def cross(vals: np.ndarray, grid: dict[str, list[float]]) -> np.ndarray:
    """Each grid point's mean value over itself and its neighbours along one axis at a time."""
    dims = [len(v) for v in grid.values()]
    v = vals.reshape(dims)
    total, n = v.copy(), np.ones(dims)
    for k, (name, axis) in enumerate(grid.items()):
        adj = _adjacency(name, axis) - np.eye(len(axis))
        total += np.moveaxis(np.tensordot(adj, v, axes=([1], [k])), 0, k)
        n += np.moveaxis(np.tensordot(adj, np.ones(dims), axes=([1], [k])), 0, k)
    return (total / n).reshape(-1)


def choose(vals: np.ndarray, grid: dict[str, list[float]], select: str,
           allowed: np.ndarray | None = None) -> tuple[int, float]:
    """(index of the chosen grid point, its selection value) under the rule `select`.

    `allowed` (a mask over the grid points) leaves the others out of the choice, after smoothing.
    """
    if select == "smooth":
        vals = smooth(vals, grid)
    elif select == "cross":
        vals = cross(vals, grid)
    elif select != "best":
        raise ValueError(f"unknown selection {select!r}")
    if allowed is not None:
        if not allowed.any():
            raise ValueError("no decoder setting is allowed")
        vals = np.where(allowed, vals, -np.inf)
    i = int(np.argmax(vals))  # the first of equal values, as the old strict '>' scan
    return i, float(vals[i])


def folds(sessions: Sequence[Any], k: int, seed: int) -> list[list[int]]:
    """`k` folds of session indices, each language dealt out alike (shuffled by `seed`)."""
    rng = np.random.default_rng(seed)
    out: list[list[int]] = [[] for _ in range(k)]
    for lang in sorted({s.lang for s in sessions}):
        idx = sorted((i for i, s in enumerate(sessions) if s.lang == lang), key=lambda i: sessions[i].name)
        for n, i in enumerate(rng.permutation(idx)):
            out[n % k].append(int(i))
    return [sorted(f) for f in out]


def pooled(counts: np.ndarray, sessions: Sequence[Any], weight: float) -> dict[str, Any]:
    """Out-of-fold figures from one row of counts per session (sessions x 3), per language and overall."""
    out: dict[str, Any] = {}
    objs = []
    for lang in sorted({s.lang for s in sessions}):
        idx = [i for i, s in enumerate(sessions) if s.lang == lang]
        fixed = [i for i in idx if sessions[i].camera == "fixed"]
        c = counts[idx]
        f1 = 2.0 * c[:, 0].sum() / max(c[:, 1].sum() + c[:, 2].sum(), 1)
        ff = counts[fixed]
        f1_fixed = 2.0 * ff[:, 0].sum() / max(ff[:, 1].sum() + ff[:, 2].sum(), 1) if fixed else float("nan")
        delta = c[:, 1] - c[:, 2]
        exact = float((delta == 0).mean())
        out[lang] = {"n": len(idx), "f1": round(float(f1), 3), "f1_fixed": round(float(f1_fixed), 3),
                     "exact": round(exact, 3), "abs_count": round(float(np.abs(delta).mean()), 3),
                     "over": int((delta > 0).sum()), "under": int((delta < 0).sum())}
        objs.append(f1 + weight * exact)
    out["objective"] = round(float(np.mean(objs)), 4)
    return out
