"""Narration cue phrases: "first", "next", "after that", "step two", "finally" …

Experts announce a new step with a handful of stock phrases at the start of a
sentence, usually after a filler ("okay, so next we …"). A phrase deep inside a
sentence is ignored: "put it next to the vise" is no cue.
"""

from __future__ import annotations

import re

from indexing.lang.data import table, words
from indexing.segment.base import BoundaryCue, Candidate, CueContext

# Words that may precede a cue phrase without weakening it (indexing/lang/en/fillers.txt).
FILLERS = words("en/fillers.txt")

_ORDINALS = (
    "one two three four five six seven eight nine ten eleven twelve "
    "1 2 3 4 5 6 7 8 9 10 11 12"
).split()

# (phrase, strength) from indexing/lang/en/cues.txt. Longest phrases are tried first.
CUE_PHRASES: tuple[tuple[str, float], ...] = tuple((p, float(w)) for p, w in table("en/cues.txt"))
_NOT_CUES = ("next to", "first time", "then it", "now it", "now you can see", "now you see",
             "now this", "after a", "after about", "once you", "once it")
_PHRASES = sorted(CUE_PHRASES, key=lambda p: -len(p[0]))
_TOKEN = re.compile(r"[a-z0-9']+(?:\.[a-z0-9]+)*")


def normalise(text: str) -> list[str]:
    """Lower-case word tokens with curly apostrophes straightened."""
    return _TOKEN.findall(text.lower().replace("’", "'"))


# A sentence that opens with an action ("Loosen the nut", "I'm going to lift the cover") often starts a step.
ACTION_STRENGTH = 0.5
# … less so when the action is on something already named ("Spin it by hand").
ANAPHORIC_ACTION_STRENGTH = 0.2
_ANAPHORA = frozenset("it them this that those these everything".split())
_CONDITIONAL = re.compile(
    r"\W*(?:(?:okay|so|and|but|now)\W+)?(?:if|unless|in case|should it|should you|whenever|otherwise)\b",
    re.IGNORECASE,
)


# Segmentation-only verbs (indexing/lang/en/action_verbs.txt), tried when the title rules find no action.
EXTRA_VERBS = words("en/action_verbs.txt")
# Openers skipped before looking for such a verb ("then wedge …", "so now you soak …", "we stretch …").
_LEAD_INS = frozenset("then now next and so just i we you".split())


def _extra_action(text: str) -> str:
    """The segmentation-only verb a sentence opens with (after fillers and lead-ins), or ""."""
    tokens = normalise(text)
    i = 0
    while i < len(tokens) and i < 5 and (tokens[i] in FILLERS or tokens[i] in _LEAD_INS):
        i += 1
    if i >= len(tokens):
        return ""
    word = tokens[i]
    if word not in EXTRA_VERBS and not (i > 0 and tokens[i - 1] in ("i", "we", "you") and word.endswith("s")
                                        and word[:-1] in EXTRA_VERBS):
        return ""
    return " ".join(tokens[i:i + 2])


def opens_with_action(text: str) -> bool:
    """Whether a sentence opens with an action, a note in it or not ("Keep hold of the door, it is
    heavier than it looks": a warning said while doing the step's action, which may open a step)."""
    from indexing.label.title import imperative

    return bool(imperative(text) or _extra_action(text))


def action_strength(text: str) -> float:
    """How much a sentence looks like the start of a new action.

    Args:
        text: One sentence of narration.

    Returns:
        ACTION_STRENGTH for an imperative or announced action on a new object,
        ANAPHORIC_ACTION_STRENGTH for one on "it"/"them", 0.0 for anything else
        (descriptions, tips and warnings continue the step they are in).
    """
    from indexing.label.notes import TIP_PATTERN, WARNING_PATTERN
    from indexing.label.title import imperative

    if TIP_PATTERN.search(text) or WARNING_PATTERN.search(text):
        return 0.0
    if _CONDITIONAL.match(text):
        # "If it sticks, use the pry bar": a contingency inside the current step.
        return 0.0
    title = imperative(text) or _extra_action(text)
    if not title:
        return 0.0
    words = title.lower().split()
    if len(words) > 1 and words[1] in _ANAPHORA:
        return ANAPHORIC_ACTION_STRENGTH
    return ACTION_STRENGTH


def cue_strength(text: str) -> tuple[float, str]:
    """How strongly a sentence's opening announces a new step.

    Args:
        text: One sentence of narration.

    Returns:
        (strength 0..1, the phrase found or "").
    """
    tokens = normalise(text)
    i = 0
    while i < len(tokens) and i < 4 and tokens[i] in FILLERS:
        i += 1
    head = " ".join(tokens[i:i + 8])
    if not head:
        return 0.0, ""
    step = re.match(r"(?:and )?step (\w+)", head)
    if step and step.group(1) in _ORDINALS:
        return 1.0, "step " + step.group(1)
    if any(head.startswith(n) for n in _NOT_CUES):
        return 0.0, ""
    for phrase, strength in _PHRASES:
        if head == phrase or head.startswith(phrase + " "):
            # A discourse marker straight after fillers is a little stronger than a bare one.
            return strength, phrase
    return 0.0, ""


# (phrase, strength) from indexing/lang/en/continuations.txt: openings that carry on the current step.
CONTINUATIONS: tuple[tuple[str, float], ...] = tuple(
    sorted(((p, float(w)) for p, w in table("en/continuations.txt")), key=lambda p: -len(p[0])))
_CONTINUATION_FIRST = frozenset(p.split()[0] for p, _ in CONTINUATIONS)


def continuation_strength(text: str) -> float:
    """How strongly a sentence's opening carries on the step it is in ("Then wipe …", "And lift …").

    Args:
        text: One sentence of narration.

    Returns:
        The strength of the continuation phrase it opens with (after fillers such as "okay"), or 0.0.
    """
    tokens = normalise(text)
    i = 0
    while i < len(tokens) and i < 4 and tokens[i] in FILLERS and tokens[i] not in _CONTINUATION_FIRST:
        i += 1
    head = " ".join(tokens[i:i + 4])
    for phrase, strength in CONTINUATIONS:
        if head == phrase or head.startswith(phrase + " "):
            return strength
    return 0.0


class SpeechCue(BoundaryCue):
    """Cue phrases at the start of a sentence, or an opening action verb."""

    name = "speech"
    weight = 0.5

    def propose(self, ctx: CueContext) -> list[Candidate]:
        from indexing.lang import language_for

        lang = language_for(ctx.language)
        out = []
        for s in ctx.sentences[1:]:
            strength, phrase = lang.cue_strength(s.text)
            reason = "cue:" + phrase
            action = lang.action_strength(s.text)
            if action > strength:
                strength, reason = action, "action"
            if strength > 0.0:
                out.append(Candidate(t=s.start, score=strength, reason=reason, sentence=s.index))
        return out
