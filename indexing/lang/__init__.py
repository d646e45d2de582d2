"""The language seam: everything language-specific, one folder per language.

Like spaCy's `spacy/lang/<code>/`, each language is a folder whose
`__init__.py` defines a `Language` subclass (its "Defaults"): sentence
splitting, step cue phrases, tip and warning phrases, title making, category
keywords, tool and part vocabulary, stopwords, keyword-search tokens and name
matching for redaction. Its phrases and vocabulary are plain data files next
to it. The pipeline asks the registry for a language by its code and never
branches on the code itself.

    >>> from indexing.lang import get_language
    >>> get_language("ko").step_title("먼저 클램프 볼트를 풉니다.")
    '클램프 볼트 풀기'
"""

from __future__ import annotations

import importlib
import re
import threading

from indexing.errors import IndexingError
from indexing.lang.base import Language
from indexing.lang.data import lines

__all__ = [
    "FULL_LANGUAGES", "Language", "LanguageError", "get_language", "known_codes", "language_for",
    "language_of_text", "normalise_code",
]

# Languages with their own folder (rules, vocabulary, tokenization), by code.
FULL_LANGUAGES: dict[str, str] = {"en": "indexing.lang.en", "ko": "indexing.lang.ko"}

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_CACHE: dict[str, Language] = {}
_LOCK = threading.Lock()


class LanguageError(IndexingError):
    """An unknown language code, or a language whose analyser is not installed."""


def known_codes() -> list[str]:
    """Every language code the core accepts: the full languages, then other speech-recognition codes."""
    others = [c for c in lines("codes.txt") if c not in FULL_LANGUAGES]
    return list(FULL_LANGUAGES) + others


def normalise_code(code: str) -> str:
    """"ko-KR", "KO", "ko_kr" -> "ko"."""
    return re.split(r"[-_]", (code or "").strip().lower(), maxsplit=1)[0]


def get_language(code: str) -> Language:
    """The language with this code (strict).

    Languages without a folder of their own (any other speech-recognition code,
    such as "de") get the generic `Language`: first-words titles, glossary-only
    tools, no cue phrases.

    Args:
        code: An ISO 639-1 code, optionally with a region ("ko-KR").

    Returns:
        The language, created once per process.

    Raises:
        LanguageError: The code is unknown.
    """
    norm = normalise_code(code)
    with _LOCK:
        found = _CACHE.get(norm)
        if found is not None:
            return found
        if norm in FULL_LANGUAGES:
            module = importlib.import_module(FULL_LANGUAGES[norm])
            lang: Language = module.LANGUAGE_CLASS()
        elif norm and norm in set(known_codes()):
            lang = Language(norm)
        else:
            raise LanguageError(
                f"unknown language code {code!r}: use {', '.join(FULL_LANGUAGES)} "
                "(full support) or another Whisper language code such as de, fr, ja, vi"
            )
        _CACHE[norm] = lang
        return lang


def language_for(code: str | None) -> Language:
    """Like `get_language`, but an empty or unknown code (old catalogs, odd detections) means English."""
    try:
        return get_language(code or "en")
    except LanguageError:
        return get_language("en")


def language_of_text(text: str) -> str:
    """The code of the language a piece of text is written in, judged by its script ("ko" or "en")."""
    return "ko" if _HANGUL.search(text or "") else "en"
