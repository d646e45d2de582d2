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
from functools import lru_cache

from indexing.label.text import base_verb, clean_sentence, split_sentences, straighten, strip_openers
from indexing.label.vocab import TITLE_VERBS, VERBS

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


def _object_phrase(words: list[str], verbs: frozenset[str] = VERBS, *, adverbs: bool = False) -> list[str]:
    """Words from the verb up to the next clause break (the verb is words[0]).

    With `adverbs`, a manner adverb after the object ("open the valve slowly") and "and let" end it too.
    """
    out: list[str] = []
    for i, raw in enumerate(words):
        core = raw.strip("\"'()[]")
        low = core.lower().rstrip(".,;:!?")
        if i > 0 and low in _BREAK_WORDS:
            break
        if adverbs and i > 1 and (low.endswith("ly") and low not in _NOT_ADVERBS or low in _MANNER):
            break
        nxt = words[i + 1].lower().strip(".,;:!?") if i + 1 < len(words) else ""
        if i > 1 and low == "and" and nxt and (base_verb(nxt, verbs) is not None or adverbs and nxt in _BREAK_WORDS | {"let"}):
            break
        if i > 0 and low == "and" and i + 1 < len(words) and words[i + 1].lower() in ("then", "make"):
            break
        stripped = core.rstrip(".,;:!?")
        out.append(_POSSESSIVE.get(stripped.lower(), stripped) if i > 0 else stripped)
        if core != stripped or i >= 14:
            break
    return [w for w in out if w]


def _shorten(words: list[str], max_words: int = MAX_WORDS,
             prepositions: frozenset[str] = _PREPOSITIONS) -> list[str]:
    if len(words) > max_words:
        cut = [i for i in range(3, max_words + 1) if words[i].lower() in prepositions]
        words = words[: cut[-1]] if cut else words[:max_words]
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


TITLE_MAX_WORDS = 8  # with "with TOOL"
TITLE_PLAIN_WORDS = 7  # without
# Verbs of getting ready or holding on: a step's title names its main action instead when there
# is one ("Move the brewer aside, then remove the five screws" -> "Remove the five screws").
_WEAK = frozenset("put hold keep support move get grab let make wait use go bring place lay leave give".split())
_PRONOUNS = frozenset("it them this that everything".split())
_TITLE_PREPOSITIONS = _PREPOSITIONS | frozenset(
    "between against about around behind beside toward towards across along without below above near "
    "past like halfway beneath inside outside underneath".split())
# Where a long action without a prepositional phrase may still end: after a verb's particle
# ("blow the shavings out"), or before a quantifier or "and".
_PARTICLES = frozenset("out off up down back away".split())
_SOFT_BREAKS = frozenset("some both all each every any and".split())
_MANNER = frozenset("halfway again first straight carefully just".split())
_NOT_ADVERBS = frozenset("assembly only supply apply fly".split())
# "Using a spudger, pry off…", "Wearing gloves, ease…": a lead-in before the action; a tool said
# there may follow the title ("… with a spudger").
_LEAD = re.compile(r"^(?:(?:using|with)\s+(?P<tool>[^,]{1,40})|[a-z]+ing\b[^,]{0,40}),\s*", re.IGNORECASE)
_CLAUSE_SPLIT = re.compile(r"(,\s+and then\s+|,\s+and\s+|\s+and then\s+|\s+and\s+|,\s+then\s+|\s+then\s+|,\s+)",
                           re.IGNORECASE)
_CONDITION = re.compile(r"^\W*(?:if|unless|in case|whenever|otherwise)\b", re.IGNORECASE)


def _title_verb(word: str) -> str | None:
    return base_verb(word, TITLE_VERBS)


def _clauses(sentence: str) -> list[str]:
    """A sentence cut before each "and"/"then"/comma that opens a new imperative."""
    parts = _CLAUSE_SPLIT.split(sentence)
    out = [parts[0]]
    for sep, piece in zip(parts[1::2], parts[2::2], strict=False):
        toks = [t.lower().strip(".,;:!?") for t in piece.split()[:2]]
        if toks[:1] == ["so"]:
            toks = toks[1:]  # ", so roll it off …"
        if toks and toks[0] in TITLE_VERBS:
            out.append(piece)
        else:
            out[-1] = out[-1] + sep + piece
    return out


def _action(clause: str) -> tuple[list[str], str] | None:
    """The words of one clause's action (verb to the end of its phrase, uncut) and a tool phrase said
    before it, or None."""
    s = strip_openers(clause)
    tool = ""
    for _ in range(4):
        lead = _LEAD.match(s)
        if lead and lead.group("tool"):
            tool = lead.group("tool").strip()
        new = _LEAD.sub("", s)
        new = _SUBORDINATE.sub("", new)
        new = strip_openers(_FRAMING.sub("", new))
        if new == s:
            break
        s = new
    words = s.split()
    if not words:
        return None
    verb = _title_verb(words[0])
    if verb is None:
        return None
    if verb != words[0].lower().strip(".,;:!?") and _opening_word(clause) == words[0].lower():
        return None  # a gerund subject ("Opening the valve fast can…"), not an action
    return _object_phrase([verb] + words[1:], TITLE_VERBS, adverbs=True), tool


def _cut_title(words: list[str], whole: int = TITLE_PLAIN_WORDS, *, strict: bool = False) -> list[str]:
    """At most `whole` words (TITLE_PLAIN_WORDS by default), cut only where a phrase ends.

    An action of at most `whole` words stays whole (a smaller `whole` leaves room for a lead-in's
    tool). A longer one keeps "with TOOL" when a tool is named there and the title fits in
    TITLE_MAX_WORDS; otherwise it is cut before its last prepositional phrase that fits (or after a
    particle, or before a quantifier or "and"), and a "with …" phrase left at the end stays only when
    it names a tool ("Push the new filters in with arrows going…" -> "Push the new filters"). With
    `strict`, [] when no such phrase end fits; else the first `whole` words. A phrase that first ends
    at the eighth word is kept to there.
    """
    from indexing.label.tools import find_tools

    if len(words) <= whole:
        return _shorten(words, whole, _TITLE_PREPOSITIONS)
    low = [w.lower() for w in words]
    # "of" may end a cut title too ("Check the core temperature | of the thickest piece"; "Sweep the
    # chips out | of the machine bed").
    preps = [i for i in range(2, len(words)) if low[i] in _TITLE_PREPOSITIONS or low[i] == "of"]
    for i in preps:
        end = next((j for j in preps if j > i), len(words))
        if low[i] in ("with", "using") and end <= TITLE_MAX_WORDS and find_tools(" ".join(words[i + 1:end])):
            return _shorten(words[:end], TITLE_MAX_WORDS, _TITLE_PREPOSITIONS)
    # A phrase that ends only at the eighth word may stay ("Load the three quarter inch carbide end mill").
    fits = [i for i in preps if 3 <= i <= whole] or [i for i in preps if i == TITLE_MAX_WORDS > whole]
    soft = [i for i in range(3, min(len(words), whole + 1))
            if low[i] in _SOFT_BREAKS or low[i - 1] in _PARTICLES]
    if strict and not fits and not soft:
        return []
    cut = words[: fits[-1]] if fits else words[: soft[-1]] if soft else words[:whole]
    last = max((i for i in fits if i < len(cut)), default=-1)
    if last > 0 and low[last] in ("with", "using") and not find_tools(" ".join(cut[last + 1:])):
        cut = cut[:last]
    return _shorten(cut, max(whole, len(cut)), _TITLE_PREPOSITIONS)


def _capitalised(words: list[str]) -> str:
    if not words:
        return ""
    return words[0][:1].upper() + words[0][1:] + ("" if len(words) == 1 else " " + " ".join(words[1:]))


def _with_tool(words: list[str], tool: str) -> list[str]:
    from indexing.label.tools import find_tools

    low = {w.lower() for w in words}
    tool_words = [_POSSESSIVE.get(w.lower(), w) for w in tool.split()]
    if tool and not low & {"with", "using"} and find_tools(tool) and len(words) + 1 + len(tool_words) <= TITLE_MAX_WORDS:
        return words + ["with"] + tool_words
    return words


def _first_clause(text: str) -> str:
    """An English title when no sentence opens with an action: the first clause, cut at a phrase end."""
    sentences = split_sentences(text)
    if not sentences:
        return ""
    first = strip_openers(_LEAD.sub("", strip_openers(sentences[0]))) or sentences[0]
    words: list[str] = []
    for raw in first.split():
        core = raw.strip("\"'()[]")
        low = core.lower().rstrip(".,;:!?")
        if words and low in _BREAK_WORDS:
            break
        stripped = core.rstrip(".,;:!?")
        if stripped:
            words.append(stripped)
        if core != stripped:
            break
    return _capitalised(_cut_title(words))


def _cut_for_tool(words: list[str], tool: str) -> list[str]:
    """The action cut to leave room for "with TOOL" when a lead-in named a tool and a phrase ends
    early enough ("Using a hacksaw, cut the plastic pipe square at the mark" -> "Cut the plastic pipe
    square" + "with a hacksaw"); else cut as `_cut_title` does."""
    from indexing.label.tools import find_tools

    if tool and find_tools(tool):
        room = TITLE_MAX_WORDS - 1 - len(tool.split())
        cut = _cut_title(words, room, strict=True) if room >= 3 else []
        if cut:
            return cut
    return _cut_title(words)


@lru_cache(maxsize=256)
def _notes(text: str) -> tuple[str, ...]:
    from indexing.label.notes import find_notes

    tips, warnings = find_notes(text)
    return tuple(n.rstrip(".").lower() for n in tips + warnings)


# Object pronouns an action may take, and the number of what they stand for (None: either).
_PRONOUN_NUMBER: dict[str, bool | None] = {"it": False, "them": True, "that": None, "this": None}
_DETERMINERS = frozenset("the a an your my our his her their this these those both all each".split())
# Words that end a noun phrase read from the front of a sentence ("The old switch is held by …").
_NP_END = _TITLE_PREPOSITIONS | _BREAK_WORDS | frozenset(
    "is are was were has have had will would can could should must may might does do did comes come "
    "goes go gets get looks sits sit lies lie stays stay rests rest hangs seems seem needs need and or of "
    "it's that's".split())


def _plural(phrase: list[str]) -> bool:
    head = phrase[-1].lower()
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))


def _noun_phrase(words: list[str]) -> list[str]:
    """A determiner and the up to four words after it that end before a verb, preposition or clause break
    ("The old switch is held …" -> "the old switch"); [] when the words do not open with one."""
    if not words or words[0].lower().strip(".,;:!?") not in _DETERMINERS:
        return []
    out = [_POSSESSIVE.get(words[0].lower(), words[0].lower())]
    for raw in words[1:5]:
        core = raw.strip("\"'()[]")
        low = core.lower().rstrip(".,;:!?")
        if not low or low in _NP_END or low in _DETERMINERS or low in _PRONOUN_NUMBER:
            break
        out.append(core.rstrip(".,;:!?"))
        if core != core.rstrip(".,;:!?"):
            break
    return out if len(out) > 1 else []


def _object_of(words: list[str]) -> list[str]:
    """The object of an action's words ("Take off the padlock and tag" -> "the padlock and tag")."""
    rest = words[1:]
    while rest and rest[0].lower() in _PARTICLES:
        rest = rest[1:]
    np = _noun_phrase(rest)
    if np:
        return np
    plain = []
    for w in rest[:4]:
        if w.lower() in _TITLE_PREPOSITIONS or w.lower() in _PRONOUN_NUMBER:
            break
        plain.append(w)
    return plain


def _is_aside(sentence: str, notes: tuple[str, ...]) -> bool:
    """A tip, a warning or a contingency ("if it sticks, …"): not where a step's action is said."""
    cleaned = clean_sentence(sentence).rstrip(".").lower()
    return any(n and (n in cleaned or cleaned in n) for n in notes) or bool(_CONDITION.match(sentence))


def _talked_about(main: list[tuple[int, int, list[str], str]], later: list[str]) -> tuple[int, int, list[str], str]:
    """Of one sentence's main actions, the first, unless the rest of the step (`later`, asides left
    out) never names its object and names another's ("take off your padlock and tag, and run one
    test stroke … A good stroke …" -> the stroke)."""
    text = " ".join(later)
    counts = [_mentions(_object_of(c[2]), text) for c in main]
    if counts[0] or max(counts) == 0:
        return main[0]
    return main[counts.index(max(counts))]


def _mentions(object_words: list[str], later: str) -> int:
    """How often `later` (the rest of the step) names a noun of an action's object, singular or plural."""
    def key(word: str) -> str:
        low = word.lower().strip("\"'()[].,;:!?")
        return low[:-1] if low.endswith("s") and not low.endswith("ss") else low

    nouns = {key(w) for w in object_words if len(w) > 2} - {key(w) for w in (*_DETERMINERS, *_PRONOUN_NUMBER, "and")}
    return sum(1 for w in later.split() if key(w) in nouns) if nouns else 0


def _antecedent(pronoun: str, subjects: list[list[str]], objects: list[list[str]], previous: str) -> list[str]:
    """What "it"/"them"/"that" stands for: the latest subject or action object said before it in the step
    that agrees in number, else the object of the previous step's title."""
    number = _PRONOUN_NUMBER[pronoun]
    previous_object = _object_of(previous.split()) if previous else []
    for np in [*reversed(subjects), *reversed(objects), previous_object]:
        if np and (number is None or _plural(np) == number):
            return np
    return []


def _resolved(words: list[str], subjects: list[list[str]], objects: list[list[str]], previous: str) -> list[str] | None:
    """The action's words with a pronoun object replaced by what it stands for; None when it has none or
    it cannot be found. "this"/"that" count only as the whole object ("Feel that?", not "check that the …")."""
    if len(words) < 2:
        return None
    pronoun = words[1].lower()
    if pronoun not in _PRONOUN_NUMBER or (pronoun in ("this", "that") and len(words) > 2):
        return None
    np = _antecedent(pronoun, subjects, objects, previous)
    return [words[0], *np, *words[2:]] if np else None


def step_title(text: str, language: str = "en", previous: str = "") -> str:
    """A short title for a step's narration: its main action, with its object.

    The first few sentences are read clause by clause; the first action that is not a getting-ready
    verb ("put", "hold", "move"…), a bare verb ("Check."), a question ("See the crack?"), a tip, a
    warning or a contingency ("if it sticks, …") wins, else the first action. Where that sentence holds
    several such actions, the first wins unless the rest of the step (tips and warnings aside) never
    names its object and names another's ("take off your padlock and tag, and run one test stroke …
    A good stroke …" -> the stroke).
    An object "it"/"them" is
    replaced by what it stands for: a subject or action object said before it in the step ("The old
    switch is held by two screws. … pull it forward" -> "Pull the old switch forward"), else the object
    of the previous step's title; one that cannot be found makes the action a getting-ready one. The
    title stops at the end of the verb's phrase and has at most eight words; a tool said in a lead-in
    ("Using a spudger, pry off the base plate") is added after "with".

    Args:
        text: The step's narration.
        language: Narration language; non-English text gets its first words as title.
        previous: The previous step's title, for a pronoun object ("Feel that?") ("" for none).

    Returns:
        An imperative title such as "Pry off the base plate with a spudger" ("" for empty text).
    """
    if not text.strip():
        return ""
    if not language.lower().startswith("en"):
        return _fallback(text)
    # Recognisers write "take -up", "o -ring"; a title shows the word as one.
    text = re.sub(r"(?<=\w) -(?=\w)", "-", straighten(text))
    notes = _notes(text)
    candidates: list[tuple[int, int, list[str], str]] = []
    subjects: list[list[str]] = []
    objects: list[list[str]] = []
    sentences = split_sentences(text)[:5]
    chosen: tuple[int, int, list[str], str] | None = None
    for si, sentence in enumerate(sentences):
        aside = _is_aside(sentence, notes)
        question = sentence.rstrip().endswith("?")
        lead = _LEAD.match(strip_openers(sentence))
        lead_tool = (lead.group("tool") or "").strip() if lead else ""
        body = strip_openers(sentence)[lead.end():] if lead else sentence
        subject = _noun_phrase(strip_openers(body).split())
        if subject:
            subjects.append(subject)
        for clause in _clauses(body):
            found = _action(clause)
            if found is None:
                continue
            phrase, tool = found[0], found[1] or lead_tool
            resolved = _resolved(phrase, subjects, objects, previous)
            unresolved = resolved is None and len(phrase) > 1 and phrase[1].lower() in _PRONOUNS
            words = _cut_for_tool(resolved or phrase, tool)
            if not unresolved and len(words) > 1:
                objects.append(_object_of(words))
            weak = words[0].lower() in _WEAK or unresolved or len(words) == 1 or question
            rank = 2 if aside else (1 if weak else 0)
            candidates.append((rank, len(candidates), words, tool))
        main = [c for c in candidates if c[0] == 0]
        if main:  # the first sentence with a main action gives the title
            chosen = _talked_about(main, [t for t in sentences[si + 1:] if not _is_aside(t, notes)])
            break
    if not candidates:
        return _first_clause(text)
    _, _, words, tool = chosen or min(candidates)
    if len(words) == 1 and len(_first_clause(text).split()) > 1:
        return _first_clause(text)  # a bare "Press" says less than the step's opening words
    return _capitalised(_with_tool(words, tool))


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
