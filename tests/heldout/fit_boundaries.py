"""Fit the learned boundary scorer (`indexing.segment.learned`) on the TUNE halves; report the TEST halves.

Inputs, no speech recognition run:
- English: the transcripts and visual changes cached by `cache_inputs.py` (`<data>/cache/<key>/`);
  tune = parts A + C-tune + D (part D, blind for g15b, was studied afterwards and is tuning
  material since), test = parts B + C-test; part E (`make_heldout.py --set E`) was blind for
  rounds 3-4 and is its own group "en-E". Round 5 (s20) fits English on A-E (`FIT_PARTS`; `--fit`
  for the old split: `--fit tune,D`); the blind parts F (`--set F`, a new author), G (`--set G`,
  a seventh author, blind from round 6), H (`--set H`, an eighth author, blind from round 7) and I
  (`--set I`, a ninth author, blind from round 8) are groups "en-F", "en-G", "en-H" and "en-I", never
  fitted on and only scored with `--blind` (once, at the end of a round; `--blind H` scores H alone,
  `--blind I` I alone).
- Korean (`--ko DIR`, made by `tests/heldout_ko/make_heldout_ko.py --out DIR`): the SRT transcripts,
  and the videos' visual changes, analysed once and kept in `DIR/cache_segment/`.

Steps, for each pause cap in GAP_CAPS: (1) features of every sentence start; label 1 for the sentence start nearest each true step
start (within 2 s). (2) Class-balanced logistic regression with L2 (numpy, Newton steps) on the
tune halves of both languages. (3) Grid search of the decoder's cut cost, length weight and typical
step length on the tune halves, maximising the mean over both languages of boundary F1 at +-2 s +
0.5 x share of sessions with the exact step count (`--count abs`: minus 0.5 x the mean |found - true|
step count instead; `--select cross` / `smooth`: the best mean over each setting's grid neighbours,
select_decoder.py). The cap with the best tune objective wins. `--cv K` also cross-validates every
count/selection rule over the tune sessions (K folds per `--seeds` shuffle, the scorer refitted and the
decoder chosen without the fold) and prints the pooled out-of-fold figures; `--langs en` fits one
language alone. `--cv-parts` cross-validates leaving one English part (author: A, B, C, D, E, F, G)
out at a time (the Korean tune split always fitted on), per part and pooled: the figure for a new
author; `--l2` sets the regression's L2 strength; `--keep-behaviours` lets the decoder choice (in
every fold too) take only settings that keep the designed behaviours of the unit tests
(`behaviour_sessions`: PRESS, SAW, the in-step pauses), with the weights just fitted. The decoder grid is decoded for all settings at once
(`decode_grid`, numpy; the same choices as `learned.decode`). Figures for the old cue fusion (method "fusion")
and the learned method ("learned", with the module's constants and with the weights just fitted)
come from the same run, through the same cut-time and merge code as `segment()`.

    python tests/heldout/fit_boundaries.py [--data tests/.heldout] [--key default] --ko DIR [--json OUT]
        [--blind [F G H I]] [--report-only] [--drop FEATURE,...] [--fit PARTS] [--langs en,ko] [--count exact|abs]
        [--select best|cross|smooth] [--cv K --seeds 0,1,2] [--cv-parts] [--l2 L2] [--keep-behaviours]
        [--typical-n N,...] [--cut-cost C,...]

`--report-only` skips the fitting and prints the figures of `segment()` as the `indexing` on the path
makes them (run it with another checkout's `indexing` first on PYTHONPATH for a before/after).
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent / ".heldout"
TOLERANCE = 2.0
L2 = 0.3
# The "coherence" feature (sentence embeddings) is computed for these languages only (`--embed-langs`;
# default none: the column stays 0 and no embedder loads), with the vectors cached under `cache`
# (`--embed-cache`, one .npy per session and model, never inside the data folder).
EMBED: dict[str, Any] = {"langs": set(), "cache": None}


def _vectors(ctx: Any, name: str) -> None:
    """Put the session's sentence vectors into `ctx.cache` (from EMBED's cache folder, else embedded and saved)."""
    import hashlib

    import numpy as np

    from indexing.segment.coherence import CACHE_KEY, embedder_for_language

    folder = EMBED["cache"]
    texts = [s.text for s in ctx.sentences]
    emb = None
    if folder is not None:
        from indexing.settings import get_setting
        from indexing.store.index import embed_model_for

        model = embed_model_for({"embed_model": get_setting("embed_model"),
                                 "embed_model_multilingual": get_setting("embed_model_multilingual")}, ctx.language)
        key = hashlib.sha1(("\n".join([model, *texts])).encode("utf-8")).hexdigest()[:16]
        path = Path(folder) / f"{name}.{key}.npy"
        if path.exists():
            emb = np.load(path)
    if emb is None:
        emb = np.asarray(embedder_for_language(ctx.language).encode(texts), dtype=np.float32)
        if folder is not None:
            Path(folder).mkdir(parents=True, exist_ok=True)
            np.save(path, emb)
    ctx.cache[CACHE_KEY] = emb
EXACT_WEIGHT = 0.5
# The decoder's choice (select_decoder.py): count term of the objective and selection rule.
# Round 5 (s20) cross-validated every rule (--cv 5 --seeds 0,1,2) with two feature sets and with
# and without Korean in the fit: no rule was better in all four (differences within the spread
# over fold shuffles), box smoothing was the worst in all four; so the rounds 2-4 rule stays.
COUNT = "exact"
SELECT = "best"
# Pause caps tried (seconds); for each, the scorer is refitted and the decoder searched.
GAP_CAPS = [0.75, 1.0, 1.25]  # round 2 also tried 1.5, 2 and 3 s (worse on tune, again in round 3)
GRID = {
    "cut_cost": [-1.0, -0.5, 0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0],
    "length": [0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0],
    "typical": [0.0, 8.0, 10.0, 12.0, 14.0, 16.0, 20.0],
    "short": [1.0],  # `--short` widens it (the prior's weight on steps shorter than typical)
    "width": [0.0, 0.4, 0.7],  # the prior's flat middle, ln seconds (`--width` to change)
    "typical_n": [0.0],  # typical step in sentences of the session's pace (`--typical-n`; 0: seconds)
    "step_coherence": [0.0],  # weight of the steps' embedding dispersion (`--step-coherence`; needs --embed-langs)
}


def _load(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"heldout_{name}", HERE / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


sc = _load("scoring")
sd = _load("select_decoder")
ci = _load("cache_inputs")


class Session:
    """One recording: its sentences, features and true step starts."""

    def __init__(self, name: str, lang: str, part: str, camera: str, transcript: Any, visual: Any,
                 duration: float, true_starts: list[float]) -> None:
        from indexing.segment import learned
        from indexing.segment.base import CueContext, build_sentences
        from indexing.segment.learned import features
        from indexing.segment.segmenter import LEAD_IN, TAIL

        self.name, self.lang, self.part, self.camera = name, lang, part, camera
        self.transcript, self.visual, self.duration = transcript, visual, duration
        self.true_starts = true_starts
        self.sentences = build_sentences(transcript)
        self.ctx = CueContext(sentences=self.sentences, duration=duration, visual=visual, language=lang)
        # The session language's pause cap (an older `indexing` on the path has one for all languages).
        cap = learned.params_for(lang).gap_full if hasattr(learned, "params_for") else learned.GAP_FULL
        self.embed = lang in EMBED["langs"]
        if self.embed:
            _vectors(self.ctx, name)
        self.rows = features(self.ctx, gap_full=cap, embed=True) if self.embed else features(self.ctx, gap_full=cap)

        self.first = max(0.0, self.sentences[0].start - LEAD_IN)
        self.end = min(self.sentences[-1].end + TAIL, max(duration, self.sentences[-1].end))
        starts = [s.start for s in self.sentences]
        self.labels = [0] * len(starts)
        for t in true_starts[1:]:
            i = min(range(1, len(starts)), key=lambda k: abs(starts[k] - t), default=None)
            if i is not None and abs(starts[i] - t) <= TOLERANCE:
                self.labels[i] = 1

    def refeature(self, gap_full: float) -> None:
        from indexing.segment.learned import features

        self.rows = features(self.ctx, gap_full=gap_full, embed=True) if self.embed else \
            features(self.ctx, gap_full=gap_full)

    def starts(self, params: Any, min_step: float = 4.0, logits: list[float] | None = None) -> list[float]:
        """Step starts exactly as `segment(method="learned")` makes them (`logits`: precomputed log-odds)."""
        from indexing.segment.learned import decode, log_odds
        from indexing.segment.segmenter import _Cut, _cut_time, _merge_short

        if logits is None:
            logits = log_odds(self.rows, params)
        vectors = None
        if getattr(params, "step_coherence", 0.0) != 0.0:
            from indexing.segment.coherence import sentence_vectors

            vectors = sentence_vectors(self.ctx)
        chosen = decode([s.start for s in self.sentences], self.sentences[-1].end, logits, params,
                        min_step=min_step, **({"vectors": vectors} if vectors is not None else {}))
        cuts = [_Cut(t=_cut_time(self.sentences, i), confidence=0.5) for i in chosen]
        return [self.first] + [c.t for c in _merge_short(self.first, self.end, cuts, min_step)]

    def through_segment(self, method: str) -> list[float]:
        from indexing.segment import segment

        _, steps = segment(self.transcript, duration=self.duration, visual=self.visual, language=self.lang,
                           method=method)
        return [s.start for s in steps]


# Later parts fitted on (studied after their blind scoring), and those still blind.
TUNE_SETS = ("D",)
BLIND_SETS = ("F", "G", "H", "I")
# English parts fitted on ("tune": A + C-tune, "test": B + C-test, "D", "E"); `--fit` to change.
FIT_PARTS = ("tune", "test", "D", "E")


def author(session: Any) -> str:
    """The English part (= author) a session comes from: A, B, C from the scripts, later parts as named."""
    if session.part not in ("tune", "test"):
        return str(session.part)
    sys.path.insert(0, str(HERE))
    from scripts_a import RECORDINGS_A
    from scripts_b import RECORDINGS_B

    names = {"A": {r.name for r in RECORDINGS_A}, "B": {r.name for r in RECORDINGS_B}}
    return next((k for k, v in names.items() if session.name in v), "C")


def part_splits(tune: Sequence[Any]) -> list[tuple[str, list[int], list[int]]]:
    """Leave one English part out: (part, fitted-on indices, held-out indices) per English part of `tune`.

    Korean sessions are always fitted on (never held out), as in the joint recipe.
    """
    parts = sorted({author(s) for s in tune if s.lang == "en"})
    out = []
    for p in parts:
        test = [i for i, s in enumerate(tune) if s.lang == "en" and author(s) == p]
        out.append((p, [i for i in range(len(tune)) if i not in set(test)], test))
    return out


def english(data: Path, key: str, blind: bool | Sequence[str] = False) -> list[Session]:
    """The cached English sessions; a blind part only when `blind` is True (all of them) or names it."""
    shown = set(BLIND_SETS) if blind is True else set(blind or ())
    out = []
    for doc in ci.load_cache(data, key):
        part = doc["truth_doc"].get("set") or doc["part"]  # a later part (D-I) is its own group
        if part in BLIND_SETS and part not in shown:
            continue
        out.append(Session(doc["name"], "en", part, doc["camera"], ci.transcript_from_dict(doc["transcript"]),
                           ci.visual_from_dict(doc["visual"]), doc["duration"],
                           [s["start"] for s in doc["truth_doc"]["steps"]]))
    return out


def korean(folder: Path) -> list[Session]:
    from indexing.subtitles import load_transcript
    from indexing.visual import analyze_video

    cache = folder / "cache_segment"
    cache.mkdir(exist_ok=True)
    out = []
    for path in sorted(folder.glob("*.truth.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        name = truth["name"]
        vis_path = cache / f"{name}.visual.json"
        if not vis_path.exists():
            vis = analyze_video(folder / f"{name}.mp4", fps=2.0, max_key_gap=5.0)
            vis_path.write_text(json.dumps(asdict(vis)) + "\n", encoding="utf-8")
        visual = ci.visual_from_dict(json.loads(vis_path.read_text(encoding="utf-8")))
        tx = load_transcript(folder / f"{name}.srt", language="ko", duration=truth["duration"])
        out.append(Session(name, "ko", truth["part"], truth["scene"], tx, visual, truth["duration"],
                           [s["start"] for s in truth["steps"]]))
    return out


def score(preds: dict[str, list[float]], sessions: list[Session]) -> dict[str, Any]:
    """Boundary P/R/F1 (micro), fixed-camera F1 (micro), exact step-count share."""
    total, fixed, exact = sc.PRF(0, 0, 0), sc.PRF(0, 0, 0), 0
    for s in sessions:
        prf = sc.boundary_prf(preds[s.name], s.true_starts, TOLERANCE)
        total = total + prf
        if s.camera == "fixed":
            fixed = fixed + prf
        exact += len(preds[s.name]) == len(s.true_starts)
    return {"n": len(sessions), "f1": round(total.f1, 3), "p": round(total.precision, 3),
            "r": round(total.recall, 3), "f1_fixed": round(fixed.f1, 3),
            "exact": round(exact / max(len(sessions), 1), 3)}


def fit_logistic(sessions: list[Session], drop: tuple[str, ...] = (), l2: float = L2) -> tuple[dict[str, float], float]:
    """Class-balanced L2 logistic regression by Newton steps; returns (weights by feature, bias)."""
    import numpy as np

    from indexing.segment.learned import FEATURES

    x = np.array([r for s in sessions for r in s.rows[1:]], dtype=float)
    # A dropped feature is left out of the fit (weight 0).
    x[:, [FEATURES.index(f) for f in drop]] = 0.0
    y = np.array([lab for s in sessions for lab in s.labels[1:]], dtype=float)
    langs = np.array([s.lang for s in sessions for _ in s.rows[1:]])
    # Each language, and within it each class, weighs the same: the easier Korean set (more
    # sessions, regular pauses) must not decide the weights alone.
    sw = np.zeros(len(y))
    for lang in set(langs.tolist()):
        for cls in (0, 1):
            mask = (langs == lang) & (y == cls)
            if mask.any():
                sw[mask] = len(y) / (2 * len(set(langs.tolist())) * mask.sum())
    xa = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xa.shape[1])
    reg = np.full(xa.shape[1], l2 * len(x) / 100.0)
    reg[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-xa @ w))
        grad = xa.T @ (sw * (p - y)) + reg * w
        hess = (xa * (sw * p * (1 - p))[:, None]).T @ xa + np.diag(reg)
        w -= np.linalg.solve(hess, grad)
    return {f: round(float(v), 3) for f, v in zip(FEATURES, w[:-1], strict=True)}, round(float(w[-1]), 3)


def decode_grid(starts: Sequence[float], last_end: float, logits: Sequence[float], pts: Any,
                min_step: float = 4.0, vectors: Any = None) -> list[list[int]]:
    """`learned.decode` for many decoder settings at once (numpy over the settings, same ties).

    `pts` has one row per setting: cut_cost, length, typical, short, width, typical_n and optionally
    step_coherence (with `vectors`, the sentences' embeddings). Returns, per row, the sentence indices
    `decode` would choose.
    """
    import math

    import numpy as np

    from indexing.segment.learned import MAX_STEP

    n = len(starts)
    if n < 2:
        return [[] for _ in range(len(pts))]
    cut_cost, length, typical, short, width, typical_n = (np.asarray(pts[:, k], dtype=float) for k in range(6))
    from indexing.segment.coherence import dispersion

    coh = np.asarray(pts[:, 6], dtype=float) if pts.shape[1] > 6 else np.zeros(len(pts))
    disp = dispersion(vectors) if vectors is not None and np.any(coh != 0.0) else None
    expected = 1.0 + sum(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, v)))) for v in logits[1:])
    adaptive = max(min_step, (last_end - starts[0]) / expected)
    typical = np.where(typical <= 0.0, adaptive, typical)
    paced = np.maximum(min_step, typical_n * (last_end - starts[0]) / n)
    typical = np.where(typical_n > 0.0, paced, typical)
    best = np.full((n + 1, len(pts)), -np.inf)
    back = np.full((n + 1, len(pts)), -1, dtype=int)
    best[0] = 0.0
    for b in range(1, n + 1):
        for a in range(b - 1, -1, -1):
            d = max((starts[b] if b < n else last_end) - starts[a], 1e-3)
            if d > MAX_STEP:
                break
            if d < min_step and not (a == 0 and b == n):
                continue
            r = np.log(d / typical)
            over = np.maximum(0.0, np.abs(r) - width)
            step = -length * np.where(r < 0.0, short, 1.0) * over * over
            if disp is not None:
                step = step - coh * disp(a, b)
            total = best[a] + step + ((logits[a] - cut_cost) if a > 0 else 0.0)
            better = (total > best[b]) & (best[a] != -np.inf)
            best[b] = np.where(better, total, best[b])
            back[b] = np.where(better, a, back[b])
    out = []
    for j in range(len(pts)):
        cuts, b = [], back[n, j]
        if best[n, j] == -np.inf:
            out.append([])
            continue
        while b > 0:
            cuts.append(int(b))
            b = back[b, j]
        out.append(sorted(cuts))
    return out


def _settings(params: Any, grid: dict[str, list[float]]) -> tuple[Any, list[int]]:
    """The grid's distinct decoder settings (rows for `decode_grid`) and, per grid point, its row."""
    import numpy as np

    names = list(grid)
    table = [[dict(zip(names, pt, strict=True)).get(k, getattr(params, k))
              for k in ("cut_cost", "length", "typical", "short", "width", "typical_n", "step_coherence")]
             for pt in sd.points(grid)]
    # Without the prior (length 0) its shape is moot: one setting per cut cost; with a paced prior
    # (typical_n > 0) the typical seconds are.
    keys = [(c, 0.0, 0.0, 0.0, 0.0, 0.0, sc_) if ln == 0.0 else (c, ln, 0.0 if tn > 0.0 else t, sh, w, tn, sc_)
            for c, ln, t, sh, w, tn, sc_ in table]
    uniq = sorted(set(keys), key=keys.index)
    where = {k: i for i, k in enumerate(uniq)}
    rows = np.array([[c, ln, t, sh or 1.0, w, tn, sc_] for c, ln, t, sh, w, tn, sc_ in uniq], dtype=float)
    return rows, [where[k] for k in keys]


def _grid_starts(s: Session, params: Any, rows: Any) -> list[list[float]]:
    """Step starts of one session for each decoder setting in `rows`, as `Session.starts` makes them."""
    from indexing.segment.coherence import CACHE_KEY, sentence_vectors
    from indexing.segment.learned import log_odds
    from indexing.segment.segmenter import _Cut, _cut_time, _merge_short

    vectors = sentence_vectors(s.ctx) if CACHE_KEY in s.ctx.cache else None
    chosen = decode_grid([x.start for x in s.sentences], s.sentences[-1].end, log_odds(s.rows, params), rows,
                         vectors=vectors)
    out = []
    for idx in chosen:
        cuts = [_Cut(t=_cut_time(s.sentences, i), confidence=0.5) for i in idx]
        out.append([s.first] + [c.t for c in _merge_short(s.first, s.end, cuts, 4.0)])
    return out


def grid_counts(tune: list[Session], params: Any, grid: dict[str, list[float]]) -> Any:
    """(grid points x tune sessions x 3): cuts matched, found and true, for every decoder setting."""
    import numpy as np

    rows, which = _settings(params, grid)
    out = np.zeros((len(which), len(tune), 3))
    for j, s in enumerate(tune):
        row = np.zeros((len(rows), 3))
        for u, found in enumerate(_grid_starts(s, params, rows)):
            prf = sc.boundary_prf(found, s.true_starts, TOLERANCE)
            row[u] = prf.tp, prf.n_pred, prf.n_true
        out[:, j] = row[which]
    return out


def behaviour_sessions() -> list[Session]:
    """The designed behaviours of the unit tests, as sessions whose true starts are the expected ones.

    tests/test_segment.py: PRESS (cue phrases and pauses cut steps), SAW with a still camera (a
    4 s pause mid-step is no cut), SAW with a camera change mid-step (not a cut alone) and with one
    at the pause (a cut); tests/test_segment_learned.py: the 2.3-2.5 s pauses inside steps.
    """
    from tests.test_segment import PRESS, SAW, Changes, _camera, make_transcript

    still = Changes(times=tuple(i * 0.5 for i in range(80)), scores=(0.01,) * 80)
    pump = [(1.0, "Loosen the four bolts on the pump cover."), (4.6, "They are stiff at first."),
            (8.95, "Keep the wrench square on the head."), (13.0, "Lift the cover off the housing."),
            (15.8, "Set it down on a clean rag."), (20.85, "It is heavier than it looks."),
            (24.4, "Pull the old seal out with a hook."), (28.0, "Check the shaft for scoring."),
            (32.45, "Wipe it clean.")]
    cases = [("press", make_transcript(PRESS, 40.0, per_segment=2), None, 40.0, [0.7, 11.7, 22.7, 30.9]),
             ("saw_still", make_transcript(SAW, 40.0), still, 40.0, [0.7, 17.2, 30.7]),
             ("saw_camera_mid", make_transcript(SAW, 40.0), _camera(23.2), 40.0, [0.7, 17.2, 30.7]),
             ("saw_camera_pause", make_transcript(SAW, 40.0), _camera(10.5), 40.0, [0.7, 10.7, 17.2, 30.7]),
             ("pump_pauses", make_transcript(pump, 35.0), None, 35.0, [0.7, 12.7, 24.1])]
    return [Session(n, "en", "unit", "fixed", tx, vis, d, want) for n, tx, vis, d, want in cases]


def behaviour_kept(sessions: list[Session], params: Any, grid: dict[str, list[float]]) -> Any:
    """Per grid point: how many behaviour sessions get exactly their expected starts."""
    import numpy as np

    rows, which = _settings(params, grid)
    kept = np.zeros(len(rows), dtype=int)
    for s in sessions:
        kept += np.array([[round(t, 3) for t in f] == s.true_starts for f in _grid_starts(s, params, rows)])
    return kept[which]


def behaviour_mask(sessions: list[Session], params: Any, grid: dict[str, list[float]]) -> Any:
    """Per grid point: True where the most behaviour sessions the grid can keep are kept (all, if any can)."""
    kept = behaviour_kept(sessions, params, grid)
    return kept == kept.max()


def grid_counts_slow(tune: list[Session], params: Any, grid: dict[str, list[float]]) -> Any:
    """`grid_counts` one setting at a time through `Session.starts` (the reference the fast one must match)."""
    import numpy as np

    from indexing.segment.learned import log_odds

    pts = sd.points(grid)
    logits = [log_odds(s.rows, params) for s in tune]
    out = np.zeros((len(pts), len(tune), 3))
    for i, pt in enumerate(pts):
        cand = replace(params, **dict(zip(grid, pt, strict=True)))
        for j, s in enumerate(tune):
            prf = sc.boundary_prf(s.starts(cand, logits=logits[j]), s.true_starts, TOLERANCE)
            out[i, j] = prf.tp, prf.n_pred, prf.n_true
    return out


def fit_decoder(tune: list[Session], caps: list[float], grid: dict[str, list[float]], drop: tuple[str, ...],
                rule: tuple[str, str], cv: int = 0, seeds: list[int] | None = None, by_part: bool = False,
                l2: float = L2, keep: list[Session] | None = None) -> tuple[Any, Any]:
    """Fit the scorer and choose the cap and decoder by `rule` (count term, selection) on all of `tune`.

    With `cv` > 1, also each rule of `sd.COUNT_TERMS` x `sd.SELECTS` by `cv`-fold cross-validation
    over the tune sessions (per seed): the scorer refitted and cap and decoder chosen on the other
    folds, each fold's sessions decoded with that choice; returns the pooled out-of-fold figures.
    With `by_part`, the same with one English part (author) held out at a time (`part_splits`): the
    pooled English figures under the key "parts", and each part's alone under "part <P>".
    With `keep` (`behaviour_sessions`), only decoder settings that keep every designed behaviour with
    the weights just fitted may be chosen (in every fold too; where no setting keeps all, those that
    keep the most).
    """
    import numpy as np

    from indexing.segment.learned import Params

    splits: list[tuple[int | str, list[int], list[int]]] = [(-1, list(range(len(tune))), [])]
    for seed in (seeds or [0]) if cv > 1 else []:
        for f in sd.folds(tune, cv, seed):
            splits.append((seed, [i for i in range(len(tune)) if i not in set(f)], f))
    if by_part:
        splits += part_splits(tune)
    rules = [rule] + ([r for r in itertools.product(sd.COUNT_TERMS, sd.SELECTS) if r != rule]
                      if cv > 1 or by_part else [])
    # rec[rule][split] = (value, cap, params, weights, bias, counts of the held-out sessions)
    rec: dict[tuple[str, str], list[Any]] = {r: [None] * len(splits) for r in rules}
    for cap in caps:
        for s in [*tune, *(keep or [])]:
            s.refeature(cap)
        for k, (_, train, test) in enumerate(splits):
            w, b = fit_logistic([tune[i] for i in train], drop, l2)
            params = Params(weights=tuple(w.items()), bias=b, gap_full=cap)
            counts = grid_counts(tune, params, grid)
            allowed = behaviour_mask(keep, params, grid) if keep else None
            groups = [[i for i in train if tune[i].lang == lang] for lang in ("en", "ko")]
            for r in rules:
                i, v = sd.choose(sd.values(counts, groups, r[0], EXACT_WEIGHT), grid, r[1], allowed)
                if rec[r][k] is None or v > rec[r][k][0] + 1e-9:
                    cand = replace(params, **dict(zip(grid, sd.points(grid)[i], strict=True)))
                    rec[r][k] = (v, cap, cand, w, b, counts[i, test])
            if k == 0:
                full = rec[rule][0]
                print(f"pause cap {cap}: AUC tune {auc(tune, params)}  best so far: cap {full[1]} cut_cost "
                      f"{full[2].cut_cost} length {full[2].length} typical {full[2].typical} width {full[2].width}  "
                      f"tune objective {full[0]:.4f}", flush=True)
    v, cap, best, w, b, _ = rec[rule][0]
    oof: dict[tuple[str, str], dict[int | str, Any]] = {}
    en = [i for i, s in enumerate(tune) if s.lang == "en"]
    for r in rules:
        for seed in sorted({sp[0] for sp in splits if isinstance(sp[0], int) and sp[0] >= 0}):
            counts = np.zeros((len(tune), 3))
            for k, (sd_seed, _, test) in enumerate(splits):
                if sd_seed == seed:
                    counts[test] = rec[r][k][5]
            oof.setdefault(r, {})[seed] = sd.pooled(counts, tune, EXACT_WEIGHT)
        if by_part:
            counts = np.zeros((len(tune), 3))
            for k, (part, _, test) in enumerate(splits):
                if isinstance(part, str):
                    counts[test] = rec[r][k][5]
                    oof.setdefault(r, {})[f"part {part}"] = sd.pooled(counts[test], [tune[i] for i in test],
                                                                      EXACT_WEIGHT)
            oof.setdefault(r, {})["parts"] = sd.pooled(counts[en], [tune[i] for i in en], EXACT_WEIGHT)
    return (v, cap, best, w, b), oof


def auc(sessions: list[Session], params: Any) -> float:
    from indexing.segment.learned import log_odds

    pairs = [(v, lab) for s in sessions for v, lab in zip(log_odds(s.rows, params)[1:], s.labels[1:], strict=True)]
    pos = [v for v, lab in pairs if lab]
    neg = [v for v, lab in pairs if not lab]
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return round(wins / max(len(pos) * len(neg), 1), 3)


def report(label: str, preds: dict[str, list[float]], by: dict[str, list[Session]]) -> dict[str, Any]:
    out = {k: score(preds, v) for k, v in by.items()}
    print(f"{label:16s} " + "  ".join(f"{k}: F1 {m['f1']:.3f} fixed {m['f1_fixed']:.3f} exact {m['exact']:.3f}"
                                      for k, m in out.items()), flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--key", default="default")
    parser.add_argument("--ko", type=Path, required=True, help="folder made by make_heldout_ko.py")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--caps", help="comma-separated pause caps to try (default: GAP_CAPS)")
    parser.add_argument("--short", help="comma-separated short-step prior weights to try (default: 1)")
    parser.add_argument("--typical", help="comma-separated typical step lengths to try (0: adaptive)")
    parser.add_argument("--cut-cost", help="comma-separated cut costs to try (default: GRID's)")
    parser.add_argument("--typical-n", help="comma-separated typical steps in sentences to try (0: seconds)")
    parser.add_argument("--width", help="comma-separated flat-middle half-widths of the prior to try (ln s)")
    parser.add_argument("--blind", nargs="*", choices=BLIND_SETS, metavar="PART",
                        help="also score the blind parts (all, or those named: F, G, H, I), once, at the end of a round")
    parser.add_argument("--report-only", action="store_true", help="only score segment() as it is")
    parser.add_argument("--drop", default="", help="comma-separated features to leave out of the fit")
    parser.add_argument("--fit", default=",".join(FIT_PARTS), help="English parts fitted on (tune, test, D, E)")
    parser.add_argument("--count", choices=sd.COUNT_TERMS, default=COUNT, help="count term of the objective")
    parser.add_argument("--select", choices=sd.SELECTS, default=SELECT, help="choice of the decoder setting")
    parser.add_argument("--langs", default="en,ko", help="languages fitted on (one alone: its own constants)")
    parser.add_argument("--cv", type=int, default=0, help="K: also cross-validate every decoder rule, K folds")
    parser.add_argument("--seeds", default="0", help="comma-separated fold shuffles for --cv")
    parser.add_argument("--cv-parts", action="store_true",
                        help="also cross-validate leaving one English part (author) out at a time")
    parser.add_argument("--keep-behaviours", action="store_true",
                        help="choose only decoder settings that keep the unit tests' designed behaviours")
    parser.add_argument("--l2", type=float, default=L2, help="L2 strength of the logistic regression")
    parser.add_argument("--embed-langs", default="",
                        help="comma-separated languages that get the 'coherence' feature (sentence embeddings)")
    parser.add_argument("--embed-cache", type=Path, help="folder for the cached sentence vectors")
    parser.add_argument("--step-coherence", help="comma-separated weights of the steps' embedding dispersion to try")
    parser.add_argument("--embed-window", type=int, help="coherence: sentences on each side (coherence.WINDOW)")
    parser.add_argument("--embed-mode", choices=("relative", "peak"), help="coherence: coherence.MODE")
    args = parser.parse_args(argv)
    from indexing.segment import coherence

    coherence.WINDOW = args.embed_window or coherence.WINDOW
    coherence.MODE = args.embed_mode or coherence.MODE
    EMBED["langs"] = {v for v in args.embed_langs.split(",") if v}
    EMBED["cache"] = args.embed_cache
    drop = tuple(f for f in args.drop.split(",") if f)
    caps = [float(v) for v in args.caps.split(",")] if args.caps else GAP_CAPS
    grid = {**GRID, **({"short": [float(v) for v in args.short.split(",")]} if args.short else {})}
    if args.width:
        grid["width"] = [float(v) for v in args.width.split(",")]
    if args.typical:
        grid["typical"] = [float(v) for v in args.typical.split(",")]
    if args.cut_cost:
        grid["cut_cost"] = [float(v) for v in args.cut_cost.split(",")]
    if args.typical_n:
        grid["typical_n"] = [float(v) for v in args.typical_n.split(",")]
    if args.step_coherence:
        grid["step_coherence"] = [float(v) for v in args.step_coherence.split(",")]

    blind = True if args.blind == [] else (args.blind or False)
    sessions = english(args.data, args.key, blind) + korean(args.ko)
    by = {f"{lang}-{part}": [s for s in sessions if s.lang == lang and s.part == part]
          for lang in ("en", "ko") for part in ("tune", "test")}
    by["en-tune"] += [s for s in sessions if s.part in TUNE_SETS]
    for later in ("D", "E", *BLIND_SETS):
        if any(s.part == later for s in sessions):
            by[f"en-{later}"] = [s for s in sessions if s.part == later]
    fit_parts = set(args.fit.split(","))
    by["en-fit"] = [s for s in sessions if s.lang == "en" and s.part in fit_parts]
    langs = args.langs.split(",")
    tune = (by["en-fit"] if "en" in langs else []) + (by["ko-tune"] if "ko" in langs else [])
    print({k: len(v) for k, v in by.items()})
    results: dict[str, Any] = {}
    base = {s.name: s.through_segment("fusion") for s in sessions}
    results["fusion"] = report("fusion", base, by)
    module = {s.name: s.through_segment("learned") for s in sessions}
    results["learned_module"] = report("learned (module)", module, by)
    if args.report_only:
        for s in sessions:
            print(f"  {s.name:24s} {s.lang} {s.part:4s} {s.camera:6s} true {len(s.true_starts)} "
                  f"learned {len(module[s.name])} F1 {sc.boundary_prf(module[s.name], s.true_starts, TOLERANCE).f1:.2f}")
        if args.json:
            args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        return 0
    chosen, oof = fit_decoder(tune, caps, grid, drop, (args.count, args.select), args.cv,
                              [int(v) for v in args.seeds.split(",")], args.cv_parts, args.l2,
                              behaviour_sessions() if args.keep_behaviours else None)
    best_val, best_cap, best, weights, bias = chosen
    for rule, per_seed in oof.items():
        for seed, m in per_seed.items():
            what = f"{args.cv}-fold seed {seed}" if isinstance(seed, int) else f"leave-part-out {seed}"
            print(f"cv {what} count {rule[0]:5s} select {rule[1]:6s}: out-of-fold objective "
                  f"{m['objective']:.4f}  " + "  ".join(
                      f"{lang}: F1 {m[lang]['f1']:.3f} fixed {m[lang]['f1_fixed']:.3f} exact {m[lang]['exact']:.3f} "
                      f"|count| {m[lang]['abs_count']:.3f} over {m[lang]['over']} under {m[lang]['under']}"
                      for lang in m if lang != "objective"), flush=True)
    if oof:
        results["cv"] = {f"{c}/{s}": {str(k): m for k, m in v.items()} for (c, s), v in oof.items()}
    assert best is not None
    for s in sessions:
        s.refeature(best_cap)
    print(f"chosen: pause cap {best_cap}, tune objective ({args.count}, {args.select}) {best_val:.4f}")
    print("AUC tune", auc(tune, best), "test en", auc(by["en-test"], best), "test ko", auc(by["ko-test"], best),
          *((k, auc(v, best)) for k, v in by.items() if k in ("en-D", "en-E", *(f"en-{b}" for b in BLIND_SETS))))
    # A language left out of the fit keeps its module constants.
    fitted = {s.name: s.starts(best) if s.lang in langs else module[s.name] for s in sessions}
    results["fitted"] = report("learned (fitted)", fitted, by)
    print("constants for indexing/segment/learned.py:")
    print(f"GAP_FULL = {best_cap}\nWEIGHTS = {weights!r}\nBIAS = {bias}\nCUT_COST = {best.cut_cost}\nLENGTH = {best.length}\n"
          f"TYPICAL = {best.typical}\nSHORT = {best.short}\nWIDTH = {best.width}\nTYPICAL_N = {best.typical_n}"
          f"\nSTEP_COHERENCE = {getattr(best, 'step_coherence', 0.0)}")
    if len(langs) == 1:
        print(f"(fitted on {langs[0]} alone: constants for that language only, the other keeps its own)")
    results["params"] = {"langs": langs, "gap_full": best_cap, "weights": weights, "bias": bias, "cut_cost": best.cut_cost, "length": best.length,
                         "typical": best.typical, "short": best.short, "width": best.width,
                         "typical_n": best.typical_n, "step_coherence": getattr(best, "step_coherence", 0.0)}
    for s in sessions:
        f1 = sc.boundary_prf(fitted[s.name], s.true_starts, TOLERANCE).f1
        f0 = sc.boundary_prf(base[s.name], s.true_starts, TOLERANCE).f1
        print(f"  {s.name:24s} {s.lang} {s.part:4s} {s.camera:6s} true {len(s.true_starts)} "
              f"fusion {len(base[s.name])} F1 {f0:.2f}  learned {len(fitted[s.name])} F1 {f1:.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
