"""Catalog reads for search: the keyword index (FTS5 bm25) and the rows behind hits.

The library owns `catalog.db`; `indexing.search` asks this module for keyword
rankings, filter checks and hit rows, and fuses them with the vector side.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from indexing.errors import IndexingError
from indexing.lang.data import words
from indexing.library.rows import loads
from indexing.models import SearchHit
from indexing.store.index import normalise

if TYPE_CHECKING:
    from indexing.library import Library

log = logging.getLogger(__name__)

BM25_WEIGHTS = (1.0, 1.0, 2.0, 1.0, 1.0, 1.0, 1.5)
"""bm25 column weights for steps_fts(title, text, tools, tips, warnings, keywords, names).

A step's title weighs no more than its narration: titles are made from the narration, and one
made from the wrong sentence ("발등 다치기" for the step that pulls the pins) lifted the wrong
step. Title weight 3.0 -> 1.0 on the tune parts (tests/benchmarks/bench_search_parts.py, fused
hit@1 / hit@5): Korean 0.704 / 0.939 -> 0.714 / 0.939, English 0.658 / 0.921 -> 0.684 / 0.921
(0.5: Korean 0.724, English hit@5 0.895).

`keywords` holds analyser tokens (Korean morphemes), `names` the session and procedure
titles, workstation and process on each procedure's first step (see
`indexing.library.search_terms`)."""

SYNONYMS_FOR_HELD_WORDS = True
"""Whether a query word some step holds is also widened by its synonyms (OR of the word and its
synonyms that some step holds); False: only words no step holds are (see `_with_synonyms`).

A trainee's written step description says "fresh" where the expert said "new", and a library of
many procedures holds both words somewhere. Measured on recognised speech
(tests/benchmarks/bench_search_recognised.py, e21, with the shop-floor groups of en/synonyms.txt):
fused hit@1 on the tune group 0.585 -> 0.631 and on the dev group 0.422 -> 0.442 (hit@5 0.877 ->
0.892, 0.660 -> 0.680). Together with the groups and the light-verb stop words, against main: tune
0.554 -> 0.631, dev 0.408 -> 0.442, SRT en-test 0.537 -> 0.610 (bench_search_parts.py), and on the blind
part F 0.391 -> 0.413 with hit@5 0.761 -> 0.739 (one question each way; report e21)."""

_EDGE_PUNCTUATION = "\"'.,;:!?()[]{}"
"""Stripped from a query word before its synonyms are looked up: the last word of a written step
description carries its full stop ("Open the chain cover." -> "cover."), and "cover." is in no group
while "cover" is (lid, cap). FTS5 drops the punctuation itself, so only the synonyms change. Measured
(e26, recognised-speech libraries, fused hit@1): +3 of 347 questions on the English tuning groups, no
group lower; -2 of 41 on the subtitle en-test part (two questions to rank 2); not scored alone on a
blind part. Kept because it is a fix: a question must not search differently for its full stop."""

RARE_MIN_STEPS = 500
RARE_FRACTION = 0.005

# Words that carry no meaning for keyword matching; they make an OR query scan
# most of the index and an AND query fail, so they are left to the vectors.
STOPWORDS = words("en/search_stop_words.txt")

_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"\w", re.UNICODE)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_CODE = re.compile(r"(?=.*\d)(?=.*[^\W\d_])", re.UNICODE)


class QueryError(IndexingError):
    """A search query that cannot be run (empty, or only punctuation)."""


# -- keyword side -------------------------------------------------------------------
def query_terms(query: str) -> tuple[list[str], bool]:
    """Split a query into FTS5 terms, each a quoted string.

    Quoting every token makes user text such as ``M8-1.25``, ``"``, ``AND`` or
    ``title:`` plain words instead of FTS5 syntax; a quoted token of several
    parts (``"px 4471"``) is a phrase, so a code matches only as a whole.

    Args:
        query: The user's text.

    Returns:
        ``(terms, has_code)``: the quoted terms without stopwords (all terms when
        every one is a stopword), and whether a token mixes letters and digits.
    """
    tokens = [t for t in _TOKEN.findall(query) if _WORD.search(t)]
    has_code = any(_CODE.match(t) for t in tokens)
    keep = _language_terms(tokens) or tokens
    seen: dict[str, None] = {}
    for t in keep:
        seen.setdefault('"' + t.replace('"', '""') + '"', None)
    return list(seen), has_code


_SCRIPT_RUNS = re.compile(r"[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+")


def _language_terms(tokens: Sequence[str]) -> list[str]:
    """Query terms by script: Hangul runs through the Korean analyser, the rest as English words.

    A token such as "PX-4471을" splits into the code (kept whole) and its particle.
    """
    from indexing.lang import get_language, language_of_text
    from indexing.lang.data import words

    plain: list[str] = []
    korean: list[str] = []
    for t in tokens:
        if language_of_text(t) != "ko":
            plain.append(t)
            continue
        runs = _SCRIPT_RUNS.findall(t)
        for k, run in enumerate(runs):
            if language_of_text(run) != "ko":
                plain.append(run)
            elif not (k > 0 and run in words("ko/particles.txt")):  # the particle of a code
                korean.append(run)
    keep = [t for t in plain if _WORD.search(t) and t.strip("\"'.,;:!?()[]{}").casefold() not in STOPWORDS]
    if korean:
        keep += get_language("ko").query_tokens(" ".join(korean))
    return keep


# Every keyword column but `names` (searched on its own by `name_search`).
_STEP_COLUMNS = "{title text tools tips warnings keywords}"

_SESSION_FILTERS = {"workstation": "sessions.workstation", "expert": "sessions.expert"}
# Category and status are stored in canonical lower case (the catalog validates them).
_STEP_FILTERS = {"category": "steps.category", "status": "steps.status"}


def _ensure_norm(library: Library) -> None:
    # Free-text session fields compare with the normalisation the vector metadata used.
    library.db.conn.create_function("kh_norm", 1, normalise, deterministic=True)


class _DocFreqs:
    """How many steps hold each query term, cached until any catalog row changes
    (`indexing.library.stamp`: an edited step keeps its rowid, so a count of steps is no stamp)."""

    def __init__(self, total: int) -> None:
        self.lock = threading.Lock()
        self.total = total
        self.df: dict[str, int] = {}


def _doc_freqs(library: Library, terms: Sequence[str]) -> tuple[int, dict[str, int]]:
    """``(steps in the library, {term: steps holding it})``, cached per connection."""
    from indexing.library.stamp import cached_read

    db = library.db
    cache = cached_read(library, "term doc freqs",
                        lambda: _DocFreqs(db.execute("SELECT count(*) FROM steps").fetchone()[0]))
    with cache.lock:
        if len(cache.df) > 50_000:
            cache.df.clear()
        missing = [t for t in terms if t not in cache.df]
        for t in missing:
            cache.df[t] = db.execute("SELECT count(*) FROM steps_fts WHERE steps_fts MATCH ?", [t]).fetchone()[0]
        return cache.total, {t: cache.df[t] for t in terms}


def rare_limit(total: int) -> int:
    """The most steps a term may appear in and still be searched by keyword."""
    return max(RARE_MIN_STEPS, int(RARE_FRACTION * total))


def _keyword(library: Library, match: str, n: int, filters: Mapping[str, str],
             exclude: set[str] | None = None) -> list[str]:
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)
    params: list[Any] = [match]
    if filters:
        conds = []
        for key, value in filters.items():
            if key in _SESSION_FILTERS:
                conds.append(f"kh_norm({_SESSION_FILTERS[key]}) = ?")
            else:
                conds.append(f"{_STEP_FILTERS[key]} = ?")
            params.append(value)
        sql = (
            f"SELECT steps.step_id FROM steps_fts "
            f"JOIN steps ON steps.rowid = steps_fts.rowid "
            f"JOIN sessions ON sessions.session_id = steps.session_id "
            f"WHERE steps_fts MATCH ? AND {' AND '.join(conds)} "
            f"ORDER BY bm25(steps_fts, {weights}) LIMIT ?"
        )
    else:
        # Rank inside the FTS table first, then look up only the winners.
        sql = (
            f"SELECT steps.step_id FROM (SELECT rowid, bm25(steps_fts, {weights}) AS r "
            f"FROM steps_fts WHERE steps_fts MATCH ? ORDER BY r LIMIT ?) AS hits "
            f"JOIN steps ON steps.rowid = hits.rowid ORDER BY hits.r"
        )
    params.append(n + len(exclude or ()))
    ids = [r[0] for r in library.db.execute(sql, params).fetchall()]
    if exclude:
        ids = [i for i in ids if i not in exclude]
    return ids[:n]


def keyword_search(library: Library, query: str, n: int, filters: Mapping[str, str] | None = None
                   ) -> tuple[list[str], bool]:
    """Steps matching the query's distinctive words, best bm25 first.

    Steps holding every term come first; when they are fewer than `n`, steps
    holding any *rare* term follow. A term is rare when at most `rare_limit`
    steps hold it (0.5 % of the library, at least 500 steps). Common words are
    left to the vector side: bm25 gives them little weight anyway, and ranking
    their tens of thousands of matches would cost tens of milliseconds at
    100,000 steps (FTS5 has no top-k pruning).

    Args:
        library: The library.
        query: The user's text.
        n: How many step ids at most.
        filters: Normalised exact-match filters (workstation, expert, category, status).

    Returns:
        ``(step ids, has_code)``.
    """
    terms, has_code = query_terms(query)
    if not terms:
        return [], has_code
    total, df = _doc_freqs(library, terms)
    terms, df = _with_synonyms(library, terms, df)
    limit = rare_limit(total)
    filters = dict(filters or {})
    if filters:
        _ensure_norm(library)
    ids: list[str] = []
    all_terms = " AND ".join(terms)  # explicit: FTS5 has no implicit AND after a group
    # The AND query ranks at most as many rows as its rarest term has.
    if min(df.values()) > 0 and min(df.values()) <= limit:
        ids = _keyword(library, f"{_STEP_COLUMNS} : ({all_terms})", n, filters)
    rare = [t for t in terms if 0 < df[t] <= limit]
    any_rare = " OR ".join(rare)
    if len(ids) < n and rare and any_rare != all_terms:
        ids += _keyword(library, f"{_STEP_COLUMNS} : ({any_rare})", n - len(ids), filters, exclude=set(ids))
    return ids, has_code


def _synonyms_in_library(library: Library, word: str) -> dict[str, int]:
    """The synonyms of a query `word` that some step holds: ``{quoted FTS term: steps holding it}``
    (English groups for an ASCII word, the Korean plant glossary for a Hangul one)."""
    from indexing.lang import language_for

    if word.isascii():
        alternatives = language_for("en").synonyms(word)
    else:
        alternatives = language_for("ko").synonyms(word) if _HANGUL.search(word) else ()
    if not alternatives:
        return {}
    quoted = ['"' + a.replace('"', '""') + '"' for a in alternatives]
    _, df = _doc_freqs(library, quoted)
    return {q: df[q] for q in quoted if df[q] > 0}


def _with_synonyms(library: Library, terms: list[str], df: dict[str, int]
                   ) -> tuple[list[str], dict[str, int]]:
    """A query word becomes an OR of itself and its synonyms that some step holds.

    ("how do I undo the clamp bolts" finds "loosen the clamp bolts" by keyword too.) With
    `SYNONYMS_FOR_HELD_WORDS` off, words the library holds are left alone, so a query is only
    widened where it would find nothing.
    """
    out: list[str] = []
    out_df: dict[str, int] = {}
    for term in terms:
        word = term.strip('"')
        word = word.strip(_EDGE_PUNCTUATION) or word
        found = _synonyms_in_library(library, word) if df[term] == 0 or SYNONYMS_FOR_HELD_WORDS else {}
        if found and df[term] > 0:
            found = {term: df[term], **found}
        group = "(" + " OR ".join(found) + ")" if found else term
        out.append(group)
        out_df[group] = sum(found.values()) if found else df[term]
    return out, out_df


_ASCII_WORD = re.compile(r"[A-Za-z]+")


def in_library_words(library: Library, text: str) -> str:
    """`text` with each word no step holds replaced by its synonym that most steps hold.

    What the vector side embeds: a small sentence model may not know that a trainee's
    "undo" is the expert's "loosen"; the library's own word tells it.
    """
    from indexing.lang import language_for

    english = language_for("en")

    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        if not english.synonyms(word) or _doc_freqs(library, ['"' + word + '"'])[1]['"' + word + '"'] > 0:
            return word
        found = _synonyms_in_library(library, word)
        return max(found, key=found.__getitem__).strip('"') if found else word

    return _ASCII_WORD.sub(swap, text)


def name_search(library: Library, query: str, n: int, filters: Mapping[str, str] | None = None) -> list[str]:
    """Procedures whose name holds every word of the query: their first steps, best bm25 first.

    The session title, procedure title, workstation and process are indexed on each
    procedure's first step only (`indexing.library.search_terms`), and only a query
    whose every term is in them counts: a question about a step rarely is all name.

    Args:
        library: The library.
        query: The user's text.
        n: How many step ids at most.
        filters: As for `keyword_search`.

    Returns:
        Step ids (first steps of procedures).
    """
    terms, _ = query_terms(query)
    if not terms or not all(_in_names(library, t) for t in terms):
        return []  # the match needs every term in a name: one absent term means none
    filters = dict(filters or {})
    if filters:
        _ensure_norm(library)
    return _keyword(library, f"names : ({' '.join(terms)})", n, filters)


def _in_names(library: Library, term: str) -> bool:
    """Whether some procedure's name holds `term` (a quoted FTS term), cached until the catalog changes.

    Speed only: a common step word ("set", "seal") has a doclist of tens of thousands of steps,
    which the name query reads whole (20-40 ms at 100,000 steps) to find it in no name.
    """
    from indexing.library.stamp import cached_read

    known: dict[str, bool] = cached_read(library, "terms in names", dict)
    if term not in known:
        if len(known) > 50_000:
            known.clear()
        row = library.db.execute("SELECT 1 FROM steps_fts WHERE steps_fts MATCH ? LIMIT 1",
                                 [f"names : {term}"]).fetchone()
        known[term] = row is not None
    return known[term]


# -- fusion and search --------------------------------------------------------------

_HIT_SELECT = (
    "SELECT steps.step_id, steps.session_id, steps.idx, steps.start, steps.end, steps.title, "
    "steps.text, steps.category, steps.status, steps.keyframe, steps.tips, steps.warnings, "
    "sessions.title AS session_title, sessions.workstation, sessions.expert "
    "FROM steps JOIN sessions ON sessions.session_id = steps.session_id "
)


def _hits(library: Library, ids: Sequence[str], scores: Mapping[str, float],
          filters: Mapping[str, str], k: int) -> list[SearchHit]:
    rows: dict[str, dict[str, Any]] = {}
    # Rows are read a chunk at a time, best first: most searches need only the first k (reading
    # all 100-odd candidates' rows cost milliseconds at 100,000 steps).
    size = max(2 * k, 20)
    out: list[SearchHit] = []
    for n, step_id in enumerate(ids):
        if n % size == 0:
            chunk = list(ids[n : n + size])
            marks = ",".join("?" * len(chunk))
            cur = library.db.conn.execute(_HIT_SELECT + f"WHERE steps.step_id IN ({marks})", chunk)
            names = [d[0] for d in cur.description]
            for values in cur.fetchall():
                r = dict(zip(names, values, strict=True))
                rows[r["step_id"]] = r
        found = rows.get(step_id)
        if found is None:  # a vector of a step the catalog no longer has
            continue
        r = found
        if any(normalise(r[key]) != value for key, value in filters.items()):
            continue  # stale vector metadata: the catalog decides
        keyframe = library.absolute(r["keyframe"])
        out.append(SearchHit(
            step_id=step_id, session_id=r["session_id"], index=r["idx"], start=r["start"],
            end=r["end"], title=r["title"] or "", text=r["text"] or "",
            score=round(scores[step_id], 6), category=r["category"] or "",
            workstation=r["workstation"] or "", expert=r["expert"] or "",
            session_title=r["session_title"] or "", keyframe=str(keyframe) if keyframe else None,
            tips=tuple(loads(r["tips"])), warnings=tuple(loads(r["warnings"])),
        ))
        if len(out) >= k:
            break
    return out


def neighbour_steps(library: Library, ids: Sequence[str], offset: int) -> list[str]:
    """The steps `offset` places after (before, when negative) each of `ids` in its session, in order.

    A step without such a neighbour (the first step, asked for the one before) adds nothing.
    """
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = library.db.execute(
        "SELECT a.step_id, b.step_id FROM steps a JOIN steps b "
        "ON b.session_id = a.session_id AND b.idx = a.idx + ? "
        f"WHERE a.step_id IN ({marks})", [offset, *ids]).fetchall()
    found = dict((r[0], r[1]) for r in rows)
    return list(dict.fromkeys(found[i] for i in ids if i in found))


def procedure_ends(library: Library, ids: Sequence[str], last: bool) -> list[str]:
    """The last (`last`) or first step of the procedure of each of `ids`, in order, each once."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    pick = "max" if last else "min"
    rows = library.db.execute(
        f"SELECT a.step_id, (SELECT b.step_id FROM steps b WHERE b.session_id = a.session_id "
        f"AND b.procedure_idx = a.procedure_idx AND b.idx = (SELECT {pick}(c.idx) FROM steps c "
        f"WHERE c.session_id = a.session_id AND c.procedure_idx = a.procedure_idx)) "
        f"FROM steps a WHERE a.step_id IN ({marks})", list(ids)).fetchall()
    found = {r[0]: r[1] for r in rows if r[1]}
    return list(dict.fromkeys(found[i] for i in ids if i in found))


def _matching(library: Library, ids: Sequence[str], filters: Mapping[str, str]) -> set[str]:
    """The ids among `ids` whose catalog fields pass every filter."""
    keep: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = list(ids[i : i + 500])
        marks = ",".join("?" * len(chunk))
        for r in library.db.query(
            "SELECT steps.step_id, steps.category, steps.status, sessions.workstation, sessions.expert "
            "FROM steps JOIN sessions ON sessions.session_id = steps.session_id "
            f"WHERE steps.step_id IN ({marks})", chunk):
            if all(normalise(r[key]) == value for key, value in filters.items()):
                keep.add(r["step_id"])
    return keep
