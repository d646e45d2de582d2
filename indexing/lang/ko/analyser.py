"""Korean morphological analysis with Kiwi (kiwipiepy), loaded once per process.

Korean glues particles and endings to words ("볼트는", "풀어 줍니다"), so word
splitting on spaces cannot match "볼트" against "볼트는"; Kiwi gives the
morphemes with their part-of-speech tags (Sejong tag set: NNG common noun,
VV verb, JKO object particle, EF final ending …) and their offsets.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from indexing.lang.data import table, words

_LOCK = threading.Lock()
_KIWI: Any = None

INSTALL_HINT = (
    "Korean text needs the morphological analyser Kiwi: "
    "pip install kiwipiepy kiwipiepy-model"
)


@dataclass(frozen=True)
class Morph:
    """One morpheme: its form (a verb's stem for verbs), tag, and character span in the text."""

    form: str
    tag: str
    start: int
    end: int
    unknown: bool = False  # not in the analyser's dictionary: its tag is a guess from the context


# Kiwi gives a word it does not know the id of its tag's placeholder morpheme, the first ones of
# its table (an unknown common noun 2, an unknown proper noun 3); dictionary morphemes come later.
_PLACEHOLDER_IDS = 64


def kiwi() -> Any:
    """The shared `kiwipiepy.Kiwi`, with the tool vocabulary added as nouns.

    Raises:
        LanguageError: kiwipiepy or its model is not installed.
    """
    global _KIWI
    with _LOCK:
        if _KIWI is None:
            from indexing.lang import LanguageError

            try:
                from kiwipiepy import Kiwi
            except ImportError:
                raise LanguageError(INSTALL_HINT) from None
            try:
                k = Kiwi()
            except Exception as exc:  # noqa: BLE001 - the model package is missing or broken
                raise LanguageError(f"{INSTALL_HINT} ({exc})") from None
            # Tool names and plant words the default dictionary splits ("클램프" -> 크+ㄹ+램프).
            nouns = {part for row in table("ko/tools.txt") for spelling in row for part in spelling.split()}
            nouns |= words("ko/nouns.txt")
            for part in sorted(nouns):
                if len(part) >= 2 and not part.isascii():
                    k.add_user_word(part, "NNG", 0.0)
            _KIWI = k
        return _KIWI


@lru_cache(maxsize=4096)
def analyse(text: str) -> tuple[Morph, ...]:
    """The morphemes of a text, in order."""
    if not text.strip():
        return ()
    return tuple(Morph(t.form, t.tag, t.start, t.start + t.len, t.id < _PLACEHOLDER_IDS) for t in kiwi().tokenize(text))


def sentences(text: str) -> list[str]:
    """Kiwi's sentence split (it also splits unpunctuated run-on speech at final endings)."""
    if not text.strip():
        return []
    return [s.text.strip() for s in kiwi().split_into_sents(text) if s.text.strip()]


@lru_cache(maxsize=1024)
def readings(text: str, top_n: int = 6) -> tuple[tuple[tuple[Morph, ...], float], ...]:
    """The analyser's `top_n` best readings of a text, best first, each with its score (a log
    probability: the closer to the best one's, the more plausible)."""
    if not text.strip():
        return ()
    return tuple(
        (tuple(Morph(t.form, t.tag, t.start, t.start + t.len, t.id < _PLACEHOLDER_IDS) for t in toks), score)
        for toks, score in kiwi().analyze(text, top_n=top_n))
