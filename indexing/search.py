"""Hybrid step search: vector similarity plus keyword (FTS5 bm25), fused by weighted RRF.

Trainees type plain questions ("how do I stop the press safely"), which the
sentence embedding answers well, and exact codes ("PX-4471", "M8-1.25"), which
embeddings split into meaningless word pieces but the keyword index matches
exactly. Each retriever returns its top `search_candidates` steps; reciprocal
rank fusion (RRF) combines the two rankings without having to calibrate a
cosine distance against a bm25 score. When the query holds a code-like token
(letters and digits, e.g. "PX-4471", "M8") the keyword ranking gets twice the
weight, because for such tokens lexical evidence is the reliable one.

The catalog is the source of truth: vectors only propose candidates, and
every filter is checked again against the catalog before a hit is returned.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from indexing.library.keywords import (
    _WORD,
    QueryError,
    _hits,
    _matching,
    in_library_words,
    keyword_search,
    name_search,
    neighbour_steps,
    procedure_ends,
    query_terms,
)
from indexing.models import SearchHit
from indexing.scripts import script_share
from indexing.store import VectorStore, open_store
from indexing.store.index import (
    collection_scripts,
    embedder_for,
    forget_session,
    forget_steps,
    index_session,
    index_steps,
    normalise,
    rebuild_index,
    step_document,
    step_metadata,
    vector_indexes,
)

if TYPE_CHECKING:
    from indexing.embedders.base import TextEmbedder as Embedder
    from indexing.lang import Language
    from indexing.library import Library

__all__ = [
    "QueryError", "SearchHit", "embedder_for", "forget_session", "forget_steps", "fuse", "index_session",
    "index_steps", "keyword_search", "name_search", "normalise", "query_terms", "rebuild_index", "search",
    "step_document",
    "step_metadata",
]

log = logging.getLogger(__name__)

RRF_K = 60
"""The RRF constant (Cormack et al. 2009): damps the influence of top ranks."""

KEYWORD_WEIGHT_FOR_CODES = 2.0
VECTOR_WEIGHT = 1.0
KEYWORD_WEIGHT = 1.0
"""RRF weights of the vector and keyword rankings. On the held-out sets (Korean and English,
tests/benchmarks/bench_search_heldout.py) weights from 0.5 to 2 and RRF constants from 10 to 60
moved hit@1 by at most one question each way, so the plain 1 : 1 at k=60 stays. Rechecked on the tune
parts (tests/benchmarks/bench_search_parts.py): vector weight 0.7 or 1.5 and k=10 or 20 change Korean
tune hit@1 by at most one question (0.644 -> 0.658 at k=10) and English tune hit@1 not at all."""
NAME_WEIGHT = 1.25
"""The name ranking's weight as a multiple of the two others' together: above 1, so a query that a
procedure's name holds entirely ranks that procedure's first step first, whatever the step sides say."""
NAME_WEIGHT_FOR_QUESTIONS = 0.0
"""The name ranking's weight (as `NAME_WEIGHT`) for a query asked as a question
(`Language.is_question`): a procedure's name is never a question, and "철판은 어떻게 꺼내요?" asks
for the step that takes the trays out, not for the first step of "제빵 오븐 철판 꺼내기"."""
RELATION_WEIGHT = 1.0
"""Weight of the neighbour ranking of a question asked relative to another step ("펌프 떼기 전에 …").

Measured with tests/benchmarks/bench_search_parts.py (tune parts; test parts only reported): Korean
tune hit@1 0.644 -> 0.699 at 0.5 and 1.0, 0.616 at 2.0 (test: 0.483 -> 0.466, hit@5 0.776 -> 0.793);
with step documents without note lines, 0 -> 1.0 gives tune 0.630 -> 0.685 (0.5: 0.685), test
0.534 -> 0.552 and hit@5 0.776 -> 0.793. It costs one more search (the anchor's) for such questions only.
English has no relation rule: "before …" in the English step descriptions mostly describes the same
step, and a rule for it lowered English tune hit@1 from 0.684 to 0.632."""
RELATION_NAMED = True
"""Whether a question asked relative to a whole procedure ("교체 후에 뭘 확인해요?", "롤러 바꾸기 전에 …":
the anchor is all in a procedure's name) ranks that procedure's last step (after) or first step
(before) ahead of the neighbours of the anchor's best steps."""
RELATION_NAMED_ONLY = True
"""Whether such a question's relation ranking then holds only those procedure ends: "롤러 바꾸기 전에
라인은 어떻게 세워요?" asks about the roller procedure's first step, and the steps before other
procedures' roller steps ("롤러 빼기") are no answer to it (Korean tune hit@1 +1, no other change)."""
RELATION_ANCHORS = 3
"""How many of the anchor action's best steps lend their neighbour to that ranking."""
ANSWER_TOP = 5
"""How many of a question's best candidates the answer-kind ranking looks at (`_answer_kind_scores`)."""
ANSWER_SHARE = 0.0
"""What a candidate that does not hold the kind of answer a question asks for (an amount for "얼마",
a tool for "뭘로", an order for "순서" …; `Language.answer_kind`) loses: its score is divided by
1 + this, when some of the best `ANSWER_TOP` candidates hold it. Small, so it decides between
neighbours that share the question's nouns, not against a clearly better step. 0 switches it off.

Off by default: measured with tests/benchmarks/bench_search_parts.py (q18), 0.05 (chosen on the tune
parts) lifts Korean tune hit@1 0.745 -> 0.765 but lowers Korean test hit@1 0.603 -> 0.586 (one
question: "가공 기준점은 뭘로 찾아요?", whose step has no tool label: the labeller does not know
"엣지 파인더", so a neighbour with "토크 렌치로" went first);
0.02 gives tune 0.755, test 0.603. English never changes (its step descriptions are no questions).

Rechecked by q21 on all four Korean splits in one run (main with s21; /tmp/q21/var.py), hit@1 in
questions, 0.0 -> 0.02: tune 72 -> 73 of 98, test 34 -> 34 of 58, test2 24 -> 24 of 40, test3 22 -> 23
of 47 (0.05: tune 74, test 35, test3 22); hit@5 unchanged. On the blind test4 split (evaluate_ko.py, main
in the same run) 0.02 lost one question (hit@1 0.489 -> 0.468, hit@5 0.766 both), so it stays off."""
ORDINAL_WEIGHT = 1.0
"""Weight of the ranking of procedure ends for a question that asks for a procedure's first or last
step ("스크류가 막혔을 때 처음 할 일은요?"; `Language.ordinal_step`): the first (last) steps of the
procedures of the best `ORDINAL_ANCHORS` candidates, in their order. 0 switches it off."""
ORDINAL_ANCHORS = 3
OVERFETCH = 8
"""Filtered searches first take this many times the candidates, unfiltered (see `_vector_candidates`)."""



def fuse(rankings: Sequence[tuple[Sequence[str], float]], k0: int = RRF_K) -> dict[str, float]:
    """Weighted reciprocal rank fusion, scaled so rank 1 everywhere scores 1.0.

    Args:
        rankings: ``(ids best first, weight)`` per retriever.
        k0: The RRF constant.

    Returns:
        ``{id: score}`` with scores in (0, 1].
    """
    # Scaled by every retriever's weight, found something or not: 1.0 means first everywhere.
    total = sum(w for _, w in rankings) or 1.0
    scores: dict[str, float] = {}
    for ids, weight in rankings:
        for rank, i in enumerate(ids, start=1):
            scores[i] = scores.get(i, 0.0) + weight / (k0 + rank)
    return {i: s * (k0 + 1) / total for i, s in scores.items()}


EXACT_MAX_ROWS = 20_000
"""Up to this many candidate vectors, exact similarity over the catalog's vectors beats HNSW."""


def _vector_candidates(library: Library, store: VectorStore, qvec: Any, n: int, k: int,
                       filters: Mapping[str, str], model_id: str | None = None) -> list[tuple[str, float]]:
    """The `n` nearest steps passing the filters.

    When the catalog holds every step's vector (`indexing.library.step_vectors`),
    the filter's candidates come from the catalog's in-memory matrix: up to
    `EXACT_MAX_ROWS` of them (any narrow filter, or a whole small library) are
    ranked exactly by a dot product, without asking the store at all (and
    without importing chromadb). Broader searches go to Chroma's HNSW.

    Chroma's metadata pre-filter costs 30-120 ms at 100,000 steps when the
    filter matches thousands of records, while an unfiltered HNSW query costs
    2-5 ms. So a broad filtered search first over-fetches unfiltered
    neighbours and filters them in the catalog; the nearest passing ones are
    exactly the filtered ranking's head. When fewer than `k` pass, the
    matching rows are ranked exactly (or, without the catalog's vectors,
    Chroma filters).
    """
    from indexing.library.step_vectors import matrix

    vectors = matrix(library, model_id) if model_id else None
    rows = None
    if vectors is not None and vectors.complete:
        rows = vectors.rows(filters)
        if (len(vectors.ids) if rows is None else len(rows)) <= EXACT_MAX_ROWS:
            return vectors.nearest(qvec, n, rows)
    else:
        vectors = None
    if not filters:
        return store.query(qvec, n)
    wide = store.query(qvec, n * OVERFETCH)
    # The matrix (current and complete) knows every step's filter fields: no catalog rows to read.
    keep = (vectors.passing([i for i, _ in wide], filters) if vectors is not None
            else _matching(library, [i for i, _ in wide], filters))
    passing = [(i, d) for i, d in wide if i in keep][:n]
    if len(passing) >= k or len(wide) < n * OVERFETCH:
        return passing
    if vectors is not None:
        return vectors.nearest(qvec, n, rows)
    return store.query(qvec, n, where=filters)


def _vector_side(library: Library, cfg: Mapping[str, Any], indexes: Sequence[tuple[Embedder, VectorStore]],
                 text: str, n: int, k: int, filters: Mapping[str, str]) -> tuple[list[str], dict[str, float]]:
    """The vector ranking over every collection: one per embedding model in use.

    A mixed library keeps English steps in one model's collection and Korean steps
    in another's; the query is embedded by each model and the rankings are fused
    by RRF (cosine distances of different models are not comparable, ranks are).

    Returns:
        ``(step ids best first, {step id: cosine distance in its own collection})``.
    """
    rankings = []
    distance: dict[str, float] = {}
    for emb, st in indexes:
        weight = 1.0
        if len(indexes) > 1:
            # A collection counts as far as the query is written in its steps' scripts
            # (see indexing.scripts): an English question must not tie, rank for rank,
            # with the Korean steps a multilingual model ranks first for it.
            weight = script_share(text, collection_scripts(library, emb.name, cfg))
            if weight == 0.0:
                continue
        qvec = emb.encode_queries([text])[0]
        hits = _vector_candidates(library, st, qvec, n, k, filters, emb.model_id)
        rankings.append(([i for i, _ in hits], weight))
        for i, d in hits:
            distance[i] = min(d, distance.get(i, 2.0))
    if len(rankings) == 1:
        return list(rankings[0][0]), distance
    if not rankings:
        return [], distance
    merged = fuse(rankings)
    ordered = sorted(merged, key=lambda i: (-merged[i], distance.get(i, 2.0), i))
    return ordered[:n], distance


def _relation_side(library: Library, cfg: Mapping[str, Any], indexes: Sequence[tuple[Embedder, VectorStore]],
                   text: str, n: int, k: int, filters: Mapping[str, str]) -> list[str]:
    """For a question asked relative to another action, the neighbours of that action's best steps.

    "필터 컵 열기 전에 뭘 해야 하나요?" asks for the step before the one that opens the filter cup:
    the anchor ("필터 컵 열기") is searched on its own, and the step before each of its
    `RELATION_ANCHORS` best steps is ranked in their order. Session filters (workstation, expert)
    narrow the anchor search; step filters apply to the answer only.
    """
    from indexing.lang import get_language, language_of_text

    relation = get_language(language_of_text(text)).relative_anchor(text)
    if relation is None:
        return []
    anchor, offset = relation
    session_filters = {key: v for key, v in filters.items() if key in ("workstation", "expert")}
    anchor_vec, distance = _vector_side(library, cfg, indexes, anchor, n, k, session_filters)
    anchor_kw, _ = keyword_search(library, anchor, n, session_filters)
    scores = fuse([(anchor_vec, VECTOR_WEIGHT), (anchor_kw, KEYWORD_WEIGHT)], RRF_K)
    best = sorted(scores, key=lambda i: (-scores[i], distance.get(i, 2.0), i))[:RELATION_ANCHORS]
    neighbours = neighbour_steps(library, best, offset)
    named = name_search(library, anchor, n, session_filters) if RELATION_NAMED else []
    if not named:
        return neighbours
    ends = procedure_ends(library, named, last=offset > 0)
    if RELATION_NAMED_ONLY:
        return ends
    return list(dict.fromkeys(ends + neighbours))


def _language(text: str) -> Language:
    from indexing.lang import get_language, language_of_text

    return get_language(language_of_text(text))


def _is_question(text: str) -> bool:
    return _language(text).is_question(text)


def _answer_kind_scores(library: Library, text: str, ordered: Sequence[str],
                        scores: Mapping[str, float]) -> dict[str, float]:
    """`scores` with every candidate that does not answer the question's kind divided by 1 + `ANSWER_SHARE`.

    "인서트 조일 때 토크는 얼마예요?" asks for an amount: of the best `ANSWER_TOP` candidates, the
    steps whose narration holds a number ("삼 뉴턴미터") keep their score. A question of no kind,
    or whose best candidates all (or none) hold the answer, keeps its scores.
    """
    lang = _language(text)
    kind = lang.answer_kind(text) if ANSWER_SHARE > 0 else None
    if kind is None:
        return dict(scores)
    top = list(ordered[:ANSWER_TOP])
    steps = library.steps_by_ids(top)
    holding = {i for i in top if i in steps and lang.gives_answer(
        kind, steps[i].text, steps[i].tools, steps[i].tips, steps[i].warnings)}
    if not holding or len(holding) == len(top):
        return dict(scores)
    return {i: s if i in holding else s / (1.0 + ANSWER_SHARE) for i, s in scores.items()}


def search(
    library: Library,
    query: str,
    k: int = 10,
    *,
    workstation: str | None = None,
    category: str | None = None,
    expert: str | None = None,
    status: str | None = None,
    embedder: Embedder | None = None,
    store: VectorStore | None = None,
) -> list[SearchHit]:
    """Find the steps that best answer a query.

    Args:
        library: The library to search.
        query: Plain words, a question, or an exact code such as "PX-4471".
        k: How many hits at most.
        workstation: Only steps recorded at this workstation (case-insensitive).
        category: Only steps of this category.
        expert: Only steps narrated by this expert (case-insensitive).
        status: Only steps with this review status ("proposed", "reviewed", "approved").
        embedder: Only this model's collection; default: every model in use (a mixed
            library has one per language group), each queried with its own model.
        store: The store for `embedder` (default: its collection in the library).

    Returns:
        Hits sorted by score (best first); scores are in (0, 1], 1.0 meaning
        first in both rankings.

    Raises:
        QueryError: The query is empty or has no words.
        EmbeddingError: The model cannot be loaded.
        StoreError: The vector store cannot be reached.
    """
    text = " ".join((query or "").split())
    if not text:
        raise QueryError("the search query is empty: type a few words or a part number")
    if not _WORD.search(text):
        raise QueryError(f"the search query {query!r} has no words to search for")
    if k < 1:
        raise QueryError(f"k must be at least 1, got {k}")
    raw = {"workstation": workstation, "category": category, "expert": expert, "status": status}
    filters = {key: normalise(v) for key, v in raw.items() if v is not None and str(v).strip()}
    cfg = library.settings()  # resolved once: each lookup reads the settings table
    n = max(int(cfg["search_candidates"]), k)

    if embedder is not None:
        indexes = [(embedder, store or open_store(library, embedder.model_id))]
    else:
        indexes = vector_indexes(library, cfg)
    vector_ids, distance = _vector_side(library, cfg, indexes, in_library_words(library, text), n, k, filters)
    keyword_ids, has_code = keyword_search(library, text, n, filters)
    # A procedure's own name (title, workstation, process) is a ranking of its own: only a query
    # whose every word is in a name gets one, so step questions keep the two sides' fusion.
    # A question asked relative to another step ("펌프 떼기 전에 …") is about a step, never a name.
    relation_ids = _relation_side(library, cfg, indexes, text, n, k, filters) if RELATION_WEIGHT > 0 else []
    name_ids = [] if relation_ids else name_search(library, text, n, filters)
    kw_weight = KEYWORD_WEIGHT * (KEYWORD_WEIGHT_FOR_CODES if has_code else 1.0)
    rankings = [(vector_ids, VECTOR_WEIGHT), (keyword_ids, kw_weight)]
    if relation_ids:
        rankings.append((relation_ids, RELATION_WEIGHT))
    if name_ids:
        name_weight = NAME_WEIGHT_FOR_QUESTIONS if _is_question(text) else NAME_WEIGHT
        rankings.append((name_ids, name_weight * (VECTOR_WEIGHT + kw_weight)))
    scores = fuse(rankings, RRF_K)

    def order() -> list[str]:
        # Ties (same fused score) go to the closer vector, then to the step id for a stable order.
        return sorted(scores, key=lambda i: (-scores[i], distance.get(i, 2.0), i))

    ordered = order()
    which = _language(text).ordinal_step(text) if ORDINAL_WEIGHT > 0 and not relation_ids else None
    if which is not None:
        # "처음 할 일은요?": the first steps of the procedures the question is about.
        ends = procedure_ends(library, ordered[:ORDINAL_ANCHORS], last=which > 0)
        scores = fuse([*rankings, (ends, ORDINAL_WEIGHT)], RRF_K)
        ordered = order()
    scores = _answer_kind_scores(library, text, ordered, scores)
    ordered = order()
    hits = _hits(library, ordered, scores, filters, k)
    log.debug("search %r: %d vector, %d keyword candidates, %d hits",
              text, len(vector_ids), len(keyword_ids), len(hits))
    return hits
