"""Pure scoring functions of the held-out evaluation (no I/O, no models).

Tested with exact values in `tests/heldout/test_scoring.py`; used by `evaluate.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_NUM_UNIT = re.compile(r"(\d)([a-z])")
_NON_WORD = re.compile(r"[^a-z0-9\s]")


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 with the counts they came from."""

    tp: int
    n_pred: int
    n_true: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else (1.0 if self.n_true == 0 else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.n_true if self.n_true else (1.0 if self.n_pred == 0 else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.n_pred + other.n_pred, self.n_true + other.n_true)


def match_boundaries(pred: Sequence[float], true: Sequence[float], tol: float = 2.0) -> list[tuple[int, int]]:
    """One-to-one matching of predicted to true times within `tol` seconds, closest pairs first.

    Args:
        pred: Predicted times.
        true: True times.
        tol: Largest allowed distance (inclusive).

    Returns:
        (pred_index, true_index) pairs sorted by true index.
    """
    pairs = sorted(
        (abs(p - t), i, j) for i, p in enumerate(pred) for j, t in enumerate(true) if abs(p - t) <= tol + 1e-9
    )
    used_p: set[int] = set()
    used_t: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i in used_p or j in used_t:
            continue
        used_p.add(i)
        used_t.add(j)
        out.append((i, j))
    return sorted(out, key=lambda ij: ij[1])


def boundary_prf(pred_starts: Sequence[float], true_starts: Sequence[float], tol: float = 2.0) -> PRF:
    """Step-boundary precision/recall at ±`tol` s, ignoring each list's first start.

    The first step of a recording always starts at (or near) the beginning, so
    counting it would reward every segmenter; only the cuts between steps are scored.
    """
    pred = sorted(pred_starts)[1:]
    true = sorted(true_starts)[1:]
    return PRF(len(match_boundaries(pred, true, tol)), len(pred), len(true))


def normalize_words(text: str) -> list[str]:
    """Lower-case words without punctuation: "Don't-stop, 19mm!" -> ["dont", "stop", "19", "mm"]."""
    text = text.lower().replace("-", " ").replace("\u2019", "'").replace("'", "")
    text = _NUM_UNIT.sub(r"\1 \2", text)
    return _NON_WORD.sub(" ", text).split()


def edit_distance(ref: Sequence[str], hyp: Sequence[str]) -> int:
    """Levenshtein distance between two token sequences (substitution, insertion, deletion cost 1)."""
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, start=1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, start=1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1]


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate of `hypothesis` against `reference` after `normalize_words`.

    Returns:
        edits / reference words; 0.0 for two empty texts, 1.0 for an empty reference with words.
    """
    ref, hyp = normalize_words(reference), normalize_words(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    return edit_distance(ref, hyp) / len(ref)


def _label(s: str) -> str:
    words = normalize_words(s)
    # Plural and singular name the same tool: "shims" == "shim".
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def label_prf(pred: Iterable[str], true: Iterable[str]) -> PRF:
    """Tool-label precision/recall over sets of names.

    A predicted and a true label match when, normalised (case, punctuation, plural -s),
    they are equal or one is a whole-word part of the other ("wrench" ~ "torque wrench").
    Matching is one-to-one, exact matches first.
    """
    p = sorted({_label(x) for x in pred if _label(x)})
    t = sorted({_label(x) for x in true if _label(x)})

    def contains(a: str, b: str) -> bool:
        return f" {a} " in f" {b} " or f" {b} " in f" {a} "

    used_p: set[int] = set()
    used_t: set[int] = set()
    for exact in (True, False):
        for i, a in enumerate(p):
            if i in used_p:
                continue
            for j, b in enumerate(t):
                if j not in used_t and (a == b if exact else contains(a, b)):
                    used_p.add(i)
                    used_t.add(j)
                    break
    return PRF(len(used_p), len(p), len(t))


def spans_overlap(a_start: float, a_end: float, b_start: float, b_end: float) -> bool:
    """Whether two closed time spans share more than a single instant."""
    return min(a_end, b_end) > max(a_start, b_start)


def hit_rank(hits: Sequence[tuple[str, float, float]], session_id: str, start: float, end: float) -> int | None:
    """1-based rank of the first hit in the right session overlapping [start, end], or None.

    Args:
        hits: (session_id, start, end) of each search hit, best first.
        session_id: The session the described step belongs to.
        start: True start of the described step.
        end: True end of the described step.
    """
    for rank, (sid, s, e) in enumerate(hits, start=1):
        if sid == session_id and spans_overlap(s, e, start, end):
            return rank
    return None


def mean(values: Sequence[float]) -> float:
    """Arithmetic mean, 0.0 for no values."""
    return sum(values) / len(values) if values else 0.0
