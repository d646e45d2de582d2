"""Deterministic train/validation/test splits that keep each group whole.

Groups (sessions or experts) are ordered by a hash of their key and the seed,
then each goes to the split furthest below its target share of records. The
same library, selection, ratios and seed always give the same splits, and no
group ever appears in two of them, so nothing learned from one recording or
one expert leaks into evaluation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

SPLITS: tuple[str, ...] = ("train", "validation", "test")


def assign_splits(
    group_sizes: Mapping[str, int], ratios: Sequence[float] = (0.8, 0.1, 0.1), seed: int = 0
) -> dict[str, str]:
    """Assign every group to one split.

    Args:
        group_sizes: Records per group key.
        ratios: Target shares of train, validation and test (normalised; zero = unused).
        seed: Varies the assignment deterministically.

    Returns:
        Group key -> split name.
    """
    total_ratio = float(sum(ratios))
    shares = [r / total_ratio for r in ratios]
    order = sorted(
        group_sizes,
        key=lambda g: (hashlib.sha256(f"{seed}\x00{g}".encode()).hexdigest(), g),
    )
    counts = [0, 0, 0]
    out: dict[str, str] = {}
    for g in order:
        size = group_sizes[g]
        after = sum(counts) + size
        deficits = [shares[i] * after - counts[i] if shares[i] > 0 else float("-inf") for i in range(3)]
        best = max(range(3), key=lambda i: (deficits[i], -i))
        counts[best] += size
        out[g] = SPLITS[best]
    return out
