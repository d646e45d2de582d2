"""Pseudonyms and redaction for anonymized exports.

Expert names and session ids become keyed-hash pseudonyms (HMAC-SHA256 with a
random key kept in the library's `identity` table, marked secret, never
exported), so the same expert gets the same pseudonym in every export of one
library and nobody without the key can test a guessed name against it.

Names of people known to the library (session experts and the `people` table)
and every confidential term are redacted whole-word and case-insensitively in
titles, text, word lists and labels; a multiword term also matches across line
breaks and runs of spaces. How a name or term is matched comes from the language
of its script (`indexing.lang`): a Korean name also matches with particles and
titles glued on ("박정호 반장님이", "김 반장"), and Korean narration's own
name-plus-title mentions are masked even when the library does not know the name.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from indexing.lang import language_for, language_of_text
from indexing.library import Library

PSEUDONYM_KEY = "pseudonym_key"
LIBRARY_ID = "library_id"
PLANT = "plant"

PERSON_MASK = "[PERSON]"
TERM_MASK = "[REDACTED]"



def _identity(library: Library, name: str) -> str | None:
    return library.identity(name)


def _set_identity(library: Library, name: str, value: str, *, secret: bool) -> None:
    library.set_identity(name, value, secret=secret)


def library_id(library: Library) -> str:
    """This library's stable id (created on first use); travels with bundles as provenance."""
    value = _identity(library, LIBRARY_ID)
    if value is None:
        value = uuid.uuid4().hex
        _set_identity(library, LIBRARY_ID, value, secret=False)
    return value


def plant(library: Library) -> str:
    """The plant this library belongs to ("" when never set)."""
    return _identity(library, PLANT) or ""


def set_plant(library: Library, name: str) -> None:
    """Record which plant this library belongs to (travels with bundles)."""
    _set_identity(library, PLANT, name.strip(), secret=False)


def pseudonym_key(library: Library) -> bytes:
    """The library's secret pseudonym key (32 random bytes, created on first use)."""
    value = _identity(library, PSEUDONYM_KEY)
    if value is None:
        value = secrets.token_hex(32)
        _set_identity(library, PSEUDONYM_KEY, value, secret=True)
    return bytes.fromhex(value)


def add_people(library: Library, names: Iterable[str]) -> int:
    """Add names of people to redact from anonymized exports (besides session experts).

    Returns:
        How many names were given (after dropping blanks).
    """
    return library.add_people(names)


def people(library: Library) -> list[str]:
    """Every person name the library knows: the `people` table and all session experts."""
    names = set(library.people_names())
    names |= {s.expert for s in library.sessions()}
    return sorted(n.strip() for n in names if n and n.strip())


def _normal(name: str) -> str:
    return " ".join(name.split()).casefold()


class Pseudonymizer:
    """Stable keyed-hash pseudonyms.

    Args:
        key: The secret key (see `pseudonym_key`).
    """

    def __init__(self, key: bytes) -> None:
        self._key = key

    def digest(self, kind: str, value: str, length: int = 12) -> str:
        mac = hmac.new(self._key, f"{kind}\x00{_normal(value)}".encode(), hashlib.sha256)
        return mac.hexdigest()[:length]

    def expert(self, name: str) -> str:
        """`expert-<12 hex>` for a name ("" stays "")."""
        return f"expert-{self.digest('expert', name)}" if name.strip() else ""

    def session(self, session_id: str) -> str:
        return f"s{self.digest('session', session_id)}"


def _lang(phrase: str) -> Any:
    return language_for(language_of_text(phrase))


def _pattern(phrases: Sequence[str], extra: Sequence[str] = ()) -> re.Pattern[str] | None:
    if not phrases and not extra:
        return None
    # Longest first so "Hans Becker" wins over "Hans"; each phrase matched the way its language needs.
    parts = [_lang(p).phrase_regex(p) for p in sorted(phrases, key=len, reverse=True)]
    return re.compile("|".join(f"(?:{p})" for p in [*parts, *extra]), re.IGNORECASE)


def name_variants(names: Iterable[str]) -> list[str]:
    """A person's full name and each of its meaningful parts ("Hans Becker" → also "Hans", "Becker";
    "박정호" → also "정호")."""
    out: set[str] = set()
    for name in names:
        out.update(_lang(name).name_variants(name))
    return sorted(out)


def _name_regexes(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        lang = _lang(name)
        out.extend(getattr(lang, "name_regexes", lambda _n: [])(name))
    return out


@dataclass
class Redactor:
    """Whole-word, case-insensitive redaction of people names and confidential terms.

    Args:
        names: Person names (each also redacted by its parts).
        terms: Confidential terms (redacted as given, multiword allowed).
    """

    names: Sequence[str]
    terms: Sequence[str]

    def __post_init__(self) -> None:
        self.name_phrases = name_variants(self.names)
        self.term_phrases = sorted({" ".join(t.split()) for t in self.terms if t.strip()})
        self._extra = _name_regexes(self.names)
        self._names = _pattern(self.name_phrases, self._extra)
        self._terms = _pattern(self.term_phrases)
        self.count = 0

    def learn(self, text: str) -> None:
        """Add the names the text's language finds in it (Korean "이수진 씨"), known or not."""
        lang = language_for(language_of_text(text))
        finder = getattr(lang, "find_names", None)
        if finder is None or not text:
            return
        new = [n for n in finder(text) if n not in self.names]
        if new:
            self.names = [*self.names, *new]
            self.name_phrases = name_variants(self.names)
            self._extra = _name_regexes(self.names)
            self._names = _pattern(self.name_phrases, self._extra)

    def _sub(self, text: str) -> str:
        def hit(mask: str) -> Any:
            def repl(_m: re.Match[str]) -> str:
                self.count += 1
                return mask
            return repl

        # Terms first: a confidential part name that contains a person's surname stays one mask.
        if self._terms is not None:
            text = self._terms.sub(hit(TERM_MASK), text)
        if self._names is not None:
            text = self._names.sub(hit(PERSON_MASK), text)
        return text

    def text(self, value: str) -> str:
        """`value` with every name and term masked."""
        if value:
            self.learn(value)
        return self._sub(value) if value else value

    def texts(self, values: Iterable[str]) -> list[str]:
        return [self.text(v) for v in values]

    def words(self, words: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """Mask words in a timed word list, including terms that span several words.

        Each word dict has a "word" key; masked words keep their timing and confidence.
        """
        out = [dict(w) for w in words]
        tokens = [str(w["word"]) for w in out]
        self.learn(" ".join(t.strip() for t in tokens))
        for phrases, mask in ((self.term_phrases, TERM_MASK), (self.name_phrases, PERSON_MASK)):
            for phrase in sorted(phrases, key=lambda p: len(p.split()), reverse=True):
                parts = [p.casefold() for p in phrase.split()]
                n = len(parts)
                for i in range(len(tokens) - n + 1):
                    window = [re.sub(r"^\W+|\W+$", "", t).casefold() for t in tokens[i : i + n]]
                    # A Korean word carries its particle: "레시피를" ends the term "금형 레시피".
                    if window == parts or (n > 1 and window[:-1] == parts[:-1]
                                           and _lang(phrase).code == "ko"
                                           and window[-1].startswith(parts[-1])):
                        self.count += 1
                        for j in range(i, i + n):
                            lead = " " if tokens[j].startswith(" ") else ""
                            tokens[j] = lead + mask
        for w, t in zip(out, tokens, strict=True):
            # A word may still carry a name glued to punctuation ("Becker's"): mask inside it too.
            w["word"] = self._sub(t)
        return out

    def leaks(self, data: str) -> list[str]:
        """Names or terms still present in `data` (used by tests and `verify`)."""
        found = []
        for pattern_src in self.name_phrases + self.term_phrases:
            pat = _pattern([pattern_src])
            if pat is not None and pat.search(data):
                found.append(pattern_src)
        for regex in self._extra:
            if re.search(regex, data):
                found.append(regex)
        return found
