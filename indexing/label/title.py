"""Short imperative titles from a step's narration.

"Okay so first I'm going to remove the four clamp bolts with the 19 mm socket,
then …" becomes "Remove the four clamp bolts". The main clause is found by
stripping fillers and cue phrases, a leading subordinate clause ("if it
doesn't start, …"), and the speaker's framing ("I'm going to", "you want to"),
then keeping the verb and its object up to the next clause break.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from indexing.label.text import base_verb, split_sentences, straighten, strip_openers

MAX_WORDS = 7
FALLBACK_WORDS = 6

_FRAMING = re.compile(
    r"^(?:(?:i'm|i am|we're|we are|you're|you are)\s+(?:going to|gonna|about to|just going to)"
    r"|(?:i|we|you)\s+(?:will|'ll|would|'d|want to|wanna|need to|have to|got to|gotta|should|must|"
    r"can|could|like to|always|usually|then|just|now|first|also|next|start by|begin by)"
    r"|(?:i'll|we'll|you'll|i'd|we'd|you'd|you've got to|we've got to|i've got to)"
    r"|let's|let me|let us|go ahead and|just|simply|please|basically|i'm|we're|you're|you|we|i"
    r"|what (?:i|we|you) (?:do|want to do|need to do) (?:here )?is|the idea is to|the goal is to"
    r"|start by|begin by|make sure to|remember to|try to|be sure to)\b[\s,]*",
    re.IGNORECASE,
)
_SUBORDINATE = re.compile(
    r"^(?:if|when|once|before|after|while|as soon as|to|in order to|with|since|because|now that)\b"
    r"[^,]{0,80},\s*", re.IGNORECASE,
)
_BREAK_WORDS = frozenset(
    "then so because until while which otherwise but before after unless since when once".split()
)
_PREPOSITIONS = frozenset("with using from on in into onto to at by for until through over under".split())
_DANGLING = frozenset(
    "the a an of and or to with from on in into onto at by for your my our this that these those "
    "its their some".split()
)
_POSSESSIVE = {"my": "the", "our": "the", "your": "the"}
# Announced goals, most specific first: "… show you how to X", "this is how we X", "today we're going to X".
_GOALS = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"\bhow (?:to|i|we|you)\s+(.+)",
    r"\b(?:today|here) (?:i'm|we're|i am|we are|i'll|we'll) (?:going to |gonna )?(.+)",
    r"\b(?:this video|this session) (?:shows|covers) (?:how to )?(.+)",
))


def _main_clause(sentence: str) -> str:
    s = strip_openers(sentence)
    for _ in range(4):
        new = _SUBORDINATE.sub("", s)
        new = strip_openers(_FRAMING.sub("", new))
        if new == s:
            break
        s = new
    return s


def _opening_word(sentence: str) -> str:
    words = strip_openers(sentence).split()
    return words[0].lower() if words else ""


def _object_phrase(words: list[str]) -> list[str]:
    """Words from the verb up to the next clause break (the verb is words[0])."""
    out: list[str] = []
    for i, raw in enumerate(words):
        core = raw.strip("\"'()[]")
        low = core.lower().rstrip(".,;:!?")
        if i > 0 and low in _BREAK_WORDS:
            break
        if i > 1 and low == "and" and i + 1 < len(words) and base_verb(words[i + 1]) is not None:
            break
        if i > 0 and low == "and" and i + 1 < len(words) and words[i + 1].lower() in ("then", "make"):
            break
        stripped = core.rstrip(".,;:!?")
        out.append(_POSSESSIVE.get(stripped.lower(), stripped) if i > 0 else stripped)
        if core != stripped or i >= 14:
            break
    return [w for w in out if w]


def _shorten(words: list[str]) -> list[str]:
    if len(words) > MAX_WORDS:
        cut = [i for i in range(3, MAX_WORDS + 1) if words[i].lower() in _PREPOSITIONS]
        words = words[: cut[-1]] if cut else words[:MAX_WORDS]
    while len(words) > 1 and words[-1].lower() in _DANGLING:
        words = words[:-1]
    return words


def imperative(sentence: str) -> str:
    """An imperative title from one sentence, or "" when it has no recognisable action.

    Args:
        sentence: One sentence of narration.

    Returns:
        A title such as "Remove the clamp bolts", or "".
    """
    clause = _main_clause(sentence)
    words = clause.split()
    if not words:
        return ""
    verb = base_verb(words[0])
    if verb is None:
        return ""
    if verb != words[0].lower().strip(".,;:!?") and _opening_word(sentence) == words[0].lower():
        # "Opening the valve fast can …" is a gerund subject, not an action; an inflected
        # verb only counts after a subject ("I'm checking", "we tighten").
        return ""
    words = _object_phrase([verb] + words[1:])
    words = _shorten(words)
    return words[0][:1].upper() + words[0][1:] + ("" if len(words) == 1 else " " + " ".join(words[1:]))


def _fallback(text: str, n: int = FALLBACK_WORDS) -> str:
    sentences = split_sentences(straighten(text))
    if not sentences:
        return ""
    first = strip_openers(sentences[0]) or sentences[0]
    words = [w.strip(".,;:!?\"'") for w in first.split()[:n]]
    words = [w for w in words if w]
    while len(words) > 1 and words[-1].lower() in _DANGLING:
        words = words[:-1]
    if not words:
        return ""
    return words[0][:1].upper() + words[0][1:] + ("" if len(words) == 1 else " " + " ".join(words[1:]))


def step_title(text: str, language: str = "en") -> str:
    """A short title for a step's narration.

    Args:
        text: The step's narration.
        language: Narration language; non-English text gets its first words as title.

    Returns:
        An imperative title of at most about seven words ("" for empty text).
    """
    if not text.strip():
        return ""
    if not language.lower().startswith("en"):
        return _fallback(text)
    for sentence in split_sentences(straighten(text))[:4]:
        title = imperative(sentence)
        if title:
            return title
    return _fallback(text)


def procedure_title(steps: Sequence[object]) -> str:
    """A title for a procedure from its steps.

    An announced goal in the opening narration ("today I'm going to show you how
    to change the saw blade") wins; otherwise the first step's title.

    Args:
        steps: The procedure's steps (objects with `text` and `title`), in order.

    Returns:
        The title, or "" when there is nothing to go on.
    """
    if not steps:
        return ""
    first_text = str(getattr(steps[0], "text", ""))
    for sentence in split_sentences(straighten(first_text))[:2]:
        for goal in _GOALS:
            m = goal.search(sentence)
            title = imperative(m.group(1)) if m else ""
            if title:
                return title
    title = str(getattr(steps[0], "title", "")) or step_title(first_text)
    return title
