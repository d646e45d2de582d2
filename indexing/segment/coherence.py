"""Topic shift in sentence embeddings across a sentence start (an embedding TextTiling).

The sentences of one step talk about one thing; a new step moves on. For each sentence start i the
shift is 1 - cos(mean embedding of the `WINDOW` sentences before i, mean of the `WINDOW` from i on),
and a score in 0..1 says how far it stands above the session's own usual shift (its median), up to
the session's largest, as `lexical` does with word overlap. The vectors come from the language's
step embedder (`embed_model` / `embed_model_multilingual`, `indexing.embed.get_embedder`, loaded on
first use and shared with the step vectors of the ingest); they are computed once per session and
kept in `CueContext.cache["sentence_vectors"]` (a caller that has them, the fitting tool, puts them
there first).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from indexing.segment.base import CueContext

WINDOW = 2
# "relative": the shift against the session's own; "peak": the shift minus the larger of its two
# neighbours' shifts (a TextTiling-like local depth), then against the session's own.
MODE = "relative"
CACHE_KEY = "sentence_vectors"


def embedder_for_language(language: str | None) -> Any:
    """The process-wide step embedder of a narration language (the settings' defaults or env)."""
    from indexing.embed import get_embedder
    from indexing.settings import get_setting
    from indexing.store.index import embed_model_for

    model = embed_model_for({"embed_model": get_setting("embed_model"),
                             "embed_model_multilingual": get_setting("embed_model_multilingual")}, language)
    return get_embedder(model, get_setting("embed_device"))


def sentence_vectors(ctx: CueContext) -> Any:
    """Unit-length embeddings of the session's sentences, one row each (computed once, cached in ctx)."""
    import numpy as np

    got = ctx.cache.get(CACHE_KEY)
    if got is None:
        texts = [s.text for s in ctx.sentences]
        got = np.asarray(embedder_for_language(ctx.language).encode(texts), dtype=np.float32) if texts \
            else np.zeros((0, 1), dtype=np.float32)
        ctx.cache[CACHE_KEY] = got
    arr = np.asarray(got, dtype=np.float64)
    norms = np.linalg.norm(arr, axis=1, keepdims=True) if arr.size else arr
    return arr / np.where(norms > 0.0, norms, 1.0) if arr.size else arr


def shifts(vectors: Any, window: int = WINDOW) -> list[float]:
    """Per sentence start, 1 - cos(mean of the `window` vectors before it, mean of the `window` from it).

    Index 0 (no sentence before) gets 0.0.
    """
    import numpy as np

    vec = np.asarray(vectors, dtype=np.float64)
    n = len(vec)
    out = [0.0] * n
    for i in range(1, n):
        left = vec[max(0, i - window):i].mean(axis=0)
        right = vec[i:i + window].mean(axis=0)
        den = float(np.linalg.norm(left) * np.linalg.norm(right))
        out[i] = 1.0 - float(left @ right) / den if den > 0.0 else 0.0
    return out


def relative(values: Sequence[float]) -> list[float]:
    """Shifts against the session's own: (shift - median) / (max - median), clamped to 0..1 (index 0: 0)."""
    import statistics

    body = list(values[1:])
    if not body:
        return [0.0] * len(values)
    usual, top = statistics.median(body), max(body)
    if top - usual <= 1e-9:
        return [0.0] * len(values)
    return [0.0] + [round(min(1.0, max(0.0, (v - usual) / (top - usual))), 4) for v in body]


def peaks(values: Sequence[float]) -> list[float]:
    """Each shift minus the larger of its neighbours' (index 0 and missing neighbours left out)."""
    n = len(values)
    out = [0.0] * n
    for i in range(1, n):
        near = [values[j] for j in (i - 1, i + 1) if 1 <= j < n]
        out[i] = values[i] - max(near) if near else values[i]
    return out


def coherence_shift(ctx: CueContext, window: int | None = None, mode: str | None = None) -> list[float]:
    """The feature: per sentence, how much the topic shifts across its start, against the session (0..1).

    Args:
        ctx: The session.
        window: Sentences on each side (default `WINDOW`).
        mode: "relative" or "peak" (default `MODE`).
    """
    if len(ctx.sentences) < 2:
        return [0.0] * len(ctx.sentences)
    raw = shifts(sentence_vectors(ctx), window or WINDOW)
    return relative(peaks(raw) if (mode or MODE) == "peak" else raw)


def dispersion(vectors: Any) -> Any:
    """A function (a, b) -> how little the sentences a..b-1 belong together: (b - a) - |their vector sum|.

    0 for one sentence or identical ones, up to b - a for unrelated ones; a cut between two halves
    lowers the sum over steps by |u| + |w| - |u + w|, the more the further their topics lie apart
    (the objective of embedding segmenters such as TreeSeg's). Vectors are made unit length.
    """
    import numpy as np

    arr = np.asarray(vectors, dtype=np.float64)
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    arr = arr / np.where(norms > 0.0, norms, 1.0)
    prefix = np.vstack([np.zeros((1, arr.shape[1])), np.cumsum(arr, axis=0)])

    def disp(a: int, b: int) -> float:
        return float((b - a) - np.linalg.norm(prefix[b] - prefix[a]))

    return disp
