"""`Language`: what every language provides, with generic behaviour for languages without rules.

A subclass per language (its folder's `__init__.py`) overrides what it knows.
The generic behaviour is what the core did before the seam for a language it
had no rules for: first-words titles, glossary-only tools, no cue phrases,
no tips or warnings found in the narration, "operation" as the category.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from indexing.lang.data import table


@lru_cache(maxsize=32)
def _patterns(name: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """``(key, compiled regex)`` per line "key | pattern | pattern …" of a language data file (any
    pattern, case-insensitive; the fields are rejoined with "|", so a pattern may hold "(?:a|b)")."""
    return tuple((row[0], re.compile("|".join(row[1:]), re.IGNORECASE)) for row in table(name))


_SENTENCE_SPLIT = re.compile(r"(?<=[.?!…。？！])\s+")
_WORD = re.compile(r"\w{3,}", re.UNICODE)


class Language:
    """A language's defaults: text rules and vocabulary behind one interface.

    Args:
        code: The ISO 639-1 code.
    """

    code = "xx"
    #: Words that carry no meaning for keyword search (compared case-folded).
    search_stopwords: frozenset[str] = frozenset()
    #: Decoder settings of the learned boundary scorer (fields of `indexing.segment.learned.Params`:
    #: "typical", "cut_cost", "width" …) that this language's narration takes instead of the fitted
    #: defaults; empty: the defaults.
    boundary_decoder: tuple[tuple[str, float], ...] = ()

    def __init__(self, code: str | None = None) -> None:
        if code:
            self.code = code

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code}>"

    # -- sentences and segmentation cues -------------------------------------------
    def split_sentences(self, text: str) -> list[str]:
        """Split narration into sentences."""
        return [p.strip() for p in _SENTENCE_SPLIT.split(text.strip()) if p.strip()]

    def cue_strength(self, sentence: str) -> tuple[float, str]:
        """How strongly a sentence's opening announces a new step: (0..1, the phrase found)."""
        return 0.0, ""

    def action_strength(self, sentence: str) -> float:
        """How much a sentence looks like the start of a new action (0..1)."""
        return 0.0

    def continuation_strength(self, sentence: str) -> float:
        """How strongly a sentence's opening carries on the step it is in ("and", "then" …; 0..1)."""
        return 0.0

    def step_strengths(self, sentences: Sequence[str]) -> tuple[list[float], list[float]]:
        """The action and continuation strengths of a session's sentences, in order (the learned
        boundary scorer's "action" and "cont"). Here each sentence on its own; a language may also
        read a sentence against the one before it."""
        return [self.action_strength(s) for s in sentences], [self.continuation_strength(s) for s in sentences]

    def content_words(self, text: str) -> set[str]:
        """The content words of a text, for the topic-shift cue."""
        return {w.casefold() for w in _WORD.findall(text)}

    # -- labels --------------------------------------------------------------------
    def step_title(self, text: str, previous: str = "") -> str:
        """A short title for a step's narration ("" for empty text): its first words here.

        `previous` is the previous step's title, for a language that resolves "it" from it."""
        from indexing.label.title import _fallback

        return _fallback(text) if text.strip() else ""

    def procedure_title(self, steps: Sequence[object]) -> str:
        """A title for a procedure from its steps (objects with `text` and `title`)."""
        if not steps:
            return ""
        return str(getattr(steps[0], "title", "")) or self.step_title(str(getattr(steps[0], "text", "")))

    def categorize(self, text: str, title: str = "") -> str:
        """One of `indexing.models.CATEGORIES`."""
        return "operation"

    def find_notes(self, text: str) -> tuple[list[str], list[str]]:
        """(tips, warnings) of a step, as cleaned sentences."""
        return [], []

    def find_tools(self, text: str, glossary: Sequence[str] = ()) -> list[str]:
        """Tools and parts mentioned in a text: the glossary's terms, as spelled there."""
        from indexing.label.tools import find_tools

        return find_tools(text, glossary, builtin=False)

    # -- keyword search ------------------------------------------------------------
    def index_tokens(self, text: str) -> str:
        """Extra keyword-index tokens for a text ("" when the FTS tokenizer alone suffices)."""
        return ""

    def synonyms(self, word: str) -> tuple[str, ...]:
        """Other words for `word` a question may use (none by default), for keyword search."""
        return ()

    def query_tokens(self, text: str) -> list[str]:
        """The search terms of a query written in this language, stopwords dropped."""
        return [t for t in text.split() if t.strip("\"'.,;:!?()[]{}").casefold() not in self.search_stopwords]

    def is_question(self, text: str) -> bool:
        """Whether a query is asked as a question ("how do I …?") rather than named (a title).

        Generic: it ends with a question mark.
        """
        return text.rstrip().endswith(("?", "？"))

    # -- what a question asks for -----------------------------------------------------
    #: The folder whose `answer_kinds.txt`, `answers.txt` and `ordinals.txt` hold this language's
    #: question foci and their evidence ("" for none: no question gets a kind).
    answer_data = ""

    def answer_kind(self, text: str) -> str | None:
        """The kind of answer a question asks for ("amount", "order", "tool", "reason", "time",
        "warning", "tip", "who", "check"), or None: the first line of `answer_kinds.txt` whose
        pattern the question holds."""
        if not self.answer_data or not self.is_question(text):
            return None
        for kind, pattern in _patterns(f"{self.answer_data}/answer_kinds.txt"):
            if pattern.search(text):
                return kind
        return None

    def gives_answer(self, kind: str, text: str, tools: Sequence[str] = (), tips: Sequence[str] = (),
                     warnings: Sequence[str] = ()) -> bool:
        """Whether a step (its narration and labels) holds the kind of answer a question asks for:
        a tool label for "tool", a tip or a warning for those, else a pattern of `answers.txt`."""
        labels = {"tool": tools, "tip": tips, "warning": warnings}
        if labels.get(kind):
            return True
        return any(k == kind and pattern.search(text)
                   for k, pattern in _patterns(f"{self.answer_data}/answers.txt")) if self.answer_data else False

    def ordinal_step(self, text: str) -> int | None:
        """-1 when a question asks for a procedure's first step ("처음 할 일은요?", "what's the first
        thing to do"), +1 for its last step, else None (`ordinals.txt`)."""
        if not self.answer_data or not self.is_question(text):
            return None
        for which, pattern in _patterns(f"{self.answer_data}/ordinals.txt"):
            if pattern.search(text):
                return -1 if which == "first" else 1
        return None

    def relative_anchor(self, text: str) -> tuple[str, int] | None:
        """The action a question is asked relative to, and which way: ``(action, -1 | +1)``.

        "What do I do before opening the cup?" asks about the step before the one that opens
        the cup: ``("opening the cup", -1)``. None when the question names no such action.
        """
        return None

    # -- redaction -----------------------------------------------------------------
    def phrase_regex(self, phrase: str) -> str:
        """Regex source matching a name or term as a whole word, words joined by any whitespace.

        A Korean particle may follow directly ("PX-4471을" in Korean narration).
        """
        return r"(?<!\w)" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?![^\W\uac00-\ud7a3])"

    def name_variants(self, name: str) -> list[str]:
        """The spellings of a person's name to redact: by default the name itself."""
        return [" ".join(name.split())] if name.strip() else []
