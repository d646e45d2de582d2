"""Tips (tacit know-how) and warnings in a step's narration, as cleaned sentences."""

from __future__ import annotations

import re

from indexing.label.text import clean_sentence, split_sentences, straighten

_NEGATION = r"(?:don't|do not|dont)"
WARNING_PATTERN = re.compile(
    r"\bnever\b|(?:^|[,;:]\s*|\b(?:you|and|but|so|just|please|ever|really|definitely|also)\s+)"
    rf"{_NEGATION}\b|^(?:don't|do not)\b|\bcareful\b|\bwatch out\b|\bdanger(?:ous)?\b"
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
# A note announced as know-how ("The trick is to…") stays a tip when it only says what not to
# do ("…don't force it, let it settle"); it is a warning only when it also names harm.
_STRONG_TIP = re.compile(
    r"^(?:the (?:trick|secret|knack|key)\b|a good (?:trick|way)\b|rule of thumb\b|tip\b|in my experience\b)",
    re.IGNORECASE,
)
_NEGATION_ONLY = re.compile(rf"\bnever\b|\b{_NEGATION}\b", re.IGNORECASE)
# Recognisers often join two sentences with a bare comma ("Put the bolts in the tray, do not leave
# them on the bolster."). A clause opening with a note's own opener after such a comma starts a
# note of its own; after "but", "and", "so" it stays with its sentence ("add a shim, but never
# stack more than two"), and "never" before a place is no opener ("…at the back, never under the punch").
_NOT_A_VERB = (
    r"(?:under|over|on|in|at|with|from|into|onto|near|by|before|after|more|less|again|ever|the|a|an|too|so"
    r"|that|this|it|there|here)\b"
)
_SPLICE = re.compile(
    rf",\s+(?=(?:{_NEGATION}|never)\s+(?!{_NOT_A_VERB})[a-z]|(?:make sure|be careful|watch out"
    r"|the (?:trick|secret|key) is|you'?ll (?:hear|feel|see|notice))\b)",
    re.IGNORECASE,
)


def note_units(sentence: str) -> list[str]:
    """A sentence split at comma splices before a tip or warning opener.

    Args:
        sentence: One sentence of narration.

    Returns:
        The sentence's parts in order (the sentence itself when it has no such splice, or when
        it opens as know-how: "the trick is to…, don't rush it" is one tip).
    """
    if _STRONG_TIP.search(clean_sentence(sentence)):
        return [sentence.strip()]
    return [p.strip() for p in _SPLICE.split(sentence) if p.strip()]


def _is_warning(probe: str) -> bool:
    if not WARNING_PATTERN.search(probe):
        return False
    if _STRONG_TIP.search(probe):
        # Only a negation ("don't", "never") speaks for a warning: the know-how framing wins.
        return bool(WARNING_PATTERN.search(_NEGATION_ONLY.sub(" ", probe)))
    return True


def find_notes(text: str) -> tuple[list[str], list[str]]:
    """Split out the tips and warnings of a step.

    A sentence that is both ("make sure it's seated, otherwise it jams") counts as a warning,
    except know-how announced as such ("the trick is to… don't force it"), which stays a tip.
    A run-on sentence is split at a comma before a note opener ("…every bolt, do not use the
    impact gun here"), so each note is quoted on its own.

    Args:
        text: The step's narration.

    Returns:
        (tips, warnings), each a list of cleaned sentences in order.
    """
    tips: list[str] = []
    warnings: list[str] = []
    for sentence in split_sentences(straighten(text)):
        for unit in note_units(sentence):
            probe = clean_sentence(unit)
            if not probe:
                continue
            if _is_warning(probe):
                warnings.append(probe)
            elif TIP_PATTERN.search(probe):
                tips.append(probe)
    return tips, warnings
