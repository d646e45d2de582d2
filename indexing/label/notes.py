"""Tips (tacit know-how) and warnings in a step's narration, as cleaned sentences."""

from __future__ import annotations

import re

from indexing.label.text import clean_sentence, split_sentences, straighten

WARNING_PATTERN = re.compile(
    r"\bnever\b|(?:^|[,;:]\s*|\b(?:you|and|but|so|just|please|ever|really|definitely|also)\s+)"
    r"(?:don't|do not|dont)\b|^(?:don't|do not)\b|\bcareful\b|\bwatch out\b|\bdanger(?:ous)?\b"
    r"|\bor (?:else )?you'll\b|\bor you will\b|\bor you could\b|\botherwise\b|\bwarning\b|\bcaution\b"
    r"|\bhazard|\bcan (?:hurt|injure|kill|cut) you\b|\bpinch point\b",
    re.IGNORECASE,
)
TIP_PATTERN = re.compile(
    r"\bthe trick\b|\bmake sure\b|\byou'?ll (?:hear|feel|see|notice)\b|\byou will (?:hear|feel|see|notice)\b"
    r"|\byou can (?:hear|feel)\b|\b(?:i|we) always\b|\ba good way\b|\bit helps\b|^tip\b|\btip:|\bthe secret\b"
    r"|\bthe key is\b|\brule of thumb\b|\bin my experience\b|\bi (?:like|prefer) to\b|\bit's easier\b"
    r"|\bbest (?:way|to)\b|\bthe knack\b",
    re.IGNORECASE,
)


def find_notes(text: str) -> tuple[list[str], list[str]]:
    """Split out the tips and warnings of a step.

    A sentence that is both ("make sure it's seated, otherwise it jams") counts as a warning.

    Args:
        text: The step's narration.

    Returns:
        (tips, warnings), each a list of cleaned sentences in order.
    """
    tips: list[str] = []
    warnings: list[str] = []
    for sentence in split_sentences(straighten(text)):
        probe = clean_sentence(sentence)
        if not probe:
            continue
        if WARNING_PATTERN.search(probe):
            warnings.append(probe)
        elif TIP_PATTERN.search(probe):
            tips.append(probe)
    return tips, warnings
