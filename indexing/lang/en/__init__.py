"""English: the rules the core was built with.

The rule code stays with its stage (`indexing.segment.speech` cue phrases,
`indexing.label.*` titles, notes, categories and tools); its phrase lists are
data files here (`cues.txt`, `fillers.txt`, `stop_words.txt`,
`search_stop_words.txt`). This class gathers them behind the seam, unchanged
in behaviour.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from indexing.lang.base import Language
from indexing.lang.data import lines, words


def _synonym_groups() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in lines("en/synonyms.txt"):
        group = tuple(w.casefold() for w in line.split())
        for w in group:
            out[w] = group
    return out


_SYNONYMS = _synonym_groups()

SYNONYM_BASE_FORMS = True
"""Whether a word not in any synonym group is looked up by its base form too ("lubricated",
"drips", "unscrewing"): trainees write the inflected forms of the groups' words."""


def base_forms(word: str) -> list[str]:
    """`word` and the base forms its English inflection may hide, most likely first:
    "drips" -> drip, "lubricated" -> lubricate, "fitted" -> fit, "unscrewing" -> unscrew."""
    w = word.casefold()
    out = [w]
    if len(w) > 4 and w.endswith("ies"):
        out.append(w[:-3] + "y")
    if len(w) > 3 and w.endswith("es"):
        out.append(w[:-2])
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        out.append(w[:-1])
    for suffix in ("ed", "ing"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            stem = w[: -len(suffix)]
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # fitted -> fit
            if suffix == "ed" and stem.endswith("i"):
                out.append(stem[:-1] + "y")  # emptied -> empty
    return list(dict.fromkeys(out))


class English(Language):
    """English defaults."""

    code = "en"
    search_stopwords = words("en/search_stop_words.txt")
    answer_data = "en"

    def synonyms(self, word: str) -> tuple[str, ...]:
        forms = base_forms(word) if SYNONYM_BASE_FORMS else [word.casefold()]
        for key in forms:
            if key in _SYNONYMS:
                return tuple(w for w in _SYNONYMS[key] if w != key)
        return ()

    def is_question(self, text: str) -> bool:
        """A question mark, or a question word first ("how do I clean the nozzle")."""
        first = text.split()[0].casefold().strip("\"'.,;:!()") if text.split() else ""
        return super().is_question(text) or first in words("en/question_words.txt")

    def gives_answer(self, kind: str, text: str, tools: Sequence[str] = (), tips: Sequence[str] = (),
                     warnings: Sequence[str] = ()) -> bool:
        """As `Language.gives_answer`, but a tool answers only as the instrument of the step's action
        ("undo the nut with a 24 mm spanner", "using the strap wrench")."""
        if kind == "tool":
            return any(re.search(r"\b(?:with|using)\s+(?:\S+\s+){0,3}?" + re.escape(t) + r"\b", text, re.IGNORECASE)
                       for t in tools if t)
        return super().gives_answer(kind, text, tools, tips, warnings)

    def split_sentences(self, text: str) -> list[str]:
        from indexing.label.text import split_sentences

        return split_sentences(text)

    def cue_strength(self, sentence: str) -> tuple[float, str]:
        from indexing.segment.speech import cue_strength

        return cue_strength(sentence)

    def action_strength(self, sentence: str) -> float:
        from indexing.segment.speech import action_strength

        return action_strength(sentence)

    def continuation_strength(self, sentence: str) -> float:
        """The strength of a continuation opener ("then", "and" …); else, unless the sentence opens
        with a cue phrase or an action, NOTE_CONTINUATION for a tip or a warning ("It should feel
        barely warm", "The flakes mean a crack, and that wheel goes in the scrap bin"); else 0.0."""
        from indexing.segment.speech import continuation_strength, opens_with_action

        strength = continuation_strength(sentence)
        if strength or not NOTE_CONTINUATION or self.cue_strength(sentence)[0]:
            return strength
        tips, warnings = self.find_notes(sentence)
        if (tips or warnings) and not opens_with_action(sentence):
            return NOTE_CONTINUATION
        return 0.0

    def content_words(self, text: str) -> set[str]:
        from indexing.segment.lexical import content_words

        return content_words(text)

    def step_title(self, text: str, previous: str = "") -> str:
        from indexing.label.title import step_title

        return step_title(text, "en", previous)

    def procedure_title(self, steps: Sequence[object]) -> str:
        from indexing.label.title import procedure_title

        return procedure_title(steps)

    def categorize(self, text: str, title: str = "") -> str:
        from indexing.label.category import categorize

        return categorize(text, title)

    def find_notes(self, text: str) -> tuple[list[str], list[str]]:
        from indexing.label.notes import find_notes

        return find_notes(text)

    def find_tools(self, text: str, glossary: Sequence[str] = ()) -> list[str]:
        from indexing.label.tools import find_tools

        return find_tools(text, glossary, builtin=True)

    def name_variants(self, name: str) -> list[str]:
        """The full name and each meaningful part ("Hans Becker" -> also "Hans", "Becker")."""
        parts = name.split()
        if not parts:
            return []
        out = [" ".join(parts)]
        for w in parts:
            w = w.strip(".,")
            if len(w) >= MIN_NAME_PART and w.casefold() not in NAME_PARTICLES:
                out.append(w)
        return out


# Continuation strength (the learned scorer's "cont" feature) of a tip or a warning that does not open
# with an action or a cue phrase (s22, as s21 did for Korean). On the English held-out parts A-F none
# of the 41 such sentences starts a step (main cut at one of them, wrongly); notes inside an action
# sentence ("Keep hold of the door, it … will fall on your foot") start 6 of 37 and keep 0.0.
NOTE_CONTINUATION = 1.0
# Name parts shorter than this are not redacted on their own ("Li" would be, "de" would not).
MIN_NAME_PART = 2
NAME_PARTICLES = words("en/name_particles.txt")

LANGUAGE_CLASS = English
