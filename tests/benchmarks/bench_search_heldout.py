"""Search ranking on the held-out sets, Korean and English, fusion variants side by side (on demand).

Two sets of our own, neither the sample:
    ko   tests/heldout_ko (10 procedures, 40 steps, Korean questions), from its SRT files
    en   tests/heldout scripts A and B (14 procedures, trainee-written step descriptions), turned
         into SRT transcripts by a speaking rate, so recognition errors do not blur the ranking
Each set is ingested (no markers, `--transcript` path) into its own library and, for a mixed
library, both into one. Then every question (ko: the step's question; en: its written description)
is searched (k=5) and scored hit@1 / hit@5 (the right session and a step overlapping the true span),
and every procedure title is searched: title hit@1 (first hit in the right session).

The variants run in the same process, on the same libraries (each re-embeds every step with its
own step documents, `rebuild_index`):
    baseline       main before this change: step documents without the session's names, and the
                   name ranking merged into the keyword side's head (that side weighted 2)
    names-in-docs  step documents start with the session's names; baseline fusion
    name-ranking   the name ranking as a ranking of its own; documents without names
    current        both, as the code has them now
each with the keyword side alone and the vector side alone beside the fusion.

    python tests/benchmarks/bench_search_heldout.py [--json OUT] [--sets ko,en,mixed] [--per-question]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
for p in (ROOT / "tests" / "heldout_ko", ROOT / "tests" / "heldout", ROOT / "assets", ROOT):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))
K = 5
WORDS_PER_SECOND = 2.6
GAP = 0.4
LEAD_IN = 1.0
TAIL = 1.5


def _scoring() -> Any:
    spec = importlib.util.spec_from_file_location("heldout_scoring", ROOT / "tests" / "heldout" / "scoring.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["heldout_scoring"] = mod
    spec.loader.exec_module(mod)
    return mod


def _stamp(t: float) -> str:
    ms = int(round(t * 1000))
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def english_set(out: Path) -> list[dict[str, Any]]:
    """Write the English held-out scripts as small videos with SRT transcripts; return their truths."""
    import numpy as np
    from scripts_a import RECORDINGS_A
    from scripts_b import RECORDINGS_B
    from synth import RATE, encode_video, fixed_scene, room_tone, step_scene

    palette = [(40, 40, 150), (120, 90, 40), (60, 110, 60), (150, 150, 150), (110, 60, 120)]
    out.mkdir(parents=True, exist_ok=True)
    truths = []
    for n, rec in enumerate(RECORDINGS_A + RECORDINGS_B):
        t = LEAD_IN
        cues: list[tuple[float, float, str]] = []
        steps = []
        for i, step in enumerate(rec.steps):
            first = last = None
            prev = False
            for part in step.parts:
                if isinstance(part, float):
                    t += part
                    prev = False
                    continue
                t += GAP if prev else 0.0
                dur = round(len(part.split()) / WORDS_PER_SECOND + 0.2, 3)
                cues.append((round(t, 3), round(t + dur, 3), part))
                first = t if first is None else first
                t += dur
                last = t
                prev = True
            assert first is not None and last is not None
            steps.append({"start": round(first, 3), "end": round(last, 3), "question": step.description})
            t += TAIL if i == len(rec.steps) - 1 else step.pause_after
        truth = {"name": rec.name, "title": rec.title, "expert": f"Expert {n + 1}", "workstation": "",
                 "duration": round(t, 3), "language": "en", "scene": rec.scene or "fixed", "steps": steps}
        audio = room_tone(int(truth["duration"] * RATE), np.random.default_rng(n), level=0.01)
        starts = [0.0] + [max(a["end"] + 0.1, b["start"] - 0.6) for a, b in zip(steps, steps[1:], strict=False)]
        scene = step_scene(palette, n) if truth["scene"] == "steps" else fixed_scene(n)
        encode_video(out / f"{rec.name}.mp4", audio, scene, starts, size=(320, 180), fps=5, crf=34)
        (out / f"{rec.name}.srt").write_text(
            "".join(f"{i}\n{_stamp(a)} --> {_stamp(b)}\n{text}\n\n" for i, (a, b, text) in enumerate(cues, 1)),
            encoding="utf-8")
        truths.append(truth)
    return truths


def korean_set(out: Path) -> list[dict[str, Any]]:
    """The Korean held-out set (tests/heldout_ko), generated into `out`."""
    from make_heldout_ko import generate

    return generate(out)


def ingest_all(lib: Any, data: Path, truths: list[dict[str, Any]]) -> dict[str, str]:
    """Ingest every procedure of a set with its transcript; ``{name: session id}``."""
    from indexing.pipeline import ingest
    from indexing.subtitles import load_transcript

    sessions = {}
    for truth in truths:
        tx = load_transcript(data / f"{truth['name']}.srt", language=truth["language"], duration=truth["duration"])
        res = ingest(lib, data / f"{truth['name']}.mp4", title=truth["title"], expert=truth["expert"],
                     workstation=truth["workstation"], language=truth["language"], transcript=tx)
        sessions[truth["name"]] = res.session_id
    return sessions


def baseline_search(lib: Any, query: str, k: int) -> list[Any]:
    """Main's fusion before this change, rebuilt from today's parts: the name ranking merged into the
    keyword side's head, that side weighted 2 whenever a name matched."""
    from indexing import search as S

    cfg = lib.settings()
    n = max(int(cfg["search_candidates"]), k)
    vector_ids, distance = S._vector_side(lib, cfg, S.vector_indexes(lib, cfg), query, n, k, {})
    keyword_ids, has_code = S.keyword_search(lib, query, n, {})
    name_ids = S.name_search(lib, query, n, {})
    if name_ids:
        keyword_ids = name_ids + [i for i in keyword_ids if i not in set(name_ids)][: n - len(name_ids)]
    kw_weight = S.KEYWORD_WEIGHT_FOR_CODES if has_code or name_ids else 1.0
    scores = S.fuse([(vector_ids, 1.0), (keyword_ids, kw_weight)], 60)
    ordered = sorted(scores, key=lambda i: (-scores[i], distance.get(i, 2.0), i))
    return S._hits(lib, ordered, scores, {}, k)


def _ranked(lib: Any, side: str, query: str) -> list[tuple[str, float, float]]:
    """(session id, start, end) of the top K of one side, or of a fusion ("fused", "fused-baseline")."""
    from indexing import search as S

    if side.startswith("fused"):
        fusion = baseline_search if side == "fused-baseline" else S.search
        return [(h.session_id, h.start, h.end) for h in fusion(lib, query, K)]
    cfg = lib.settings()
    n = max(int(cfg["search_candidates"]), K)
    if side == "keyword":
        ids, _ = S.keyword_search(lib, query, n)
    else:
        ids, _ = S._vector_side(lib, cfg, S.vector_indexes(lib, cfg), query, n, K, {})
    found = lib.steps_by_ids(ids[:K])
    return [(found[i].session_id, found[i].start, found[i].end) for i in ids[:K] if i in found]


def score(lib: Any, truths: list[dict[str, Any]], sessions: dict[str, str], side: str) -> dict[str, Any]:
    """hit@1, hit@5 of every step question and title hit@1 of every procedure title."""
    sc = _scoring()
    ranks = []
    misses = []
    for truth in truths:
        sid = sessions[truth["name"]]
        for step in truth["steps"]:
            r = sc.hit_rank(_ranked(lib, side, step["question"]), sid, step["start"], step["end"])
            ranks.append(r)
            if r != 1:
                misses.append((truth["name"], step["question"], r))
    titles = []
    for truth in truths:
        hits = _ranked(lib, side, truth["title"])
        titles.append(bool(hits) and hits[0][0] == sessions[truth["name"]])
    n = len(ranks)
    return {"hit@1": round(sum(r == 1 for r in ranks) / n, 3),
            "hit@5": round(sum(r is not None for r in ranks) / n, 3),
            "title_hit@1": round(sum(titles) / len(titles), 3), "questions": n, "misses": misses}


# -- variants -----------------------------------------------------------------------------------

VARIANTS = {
    # name: (step documents start with the session's names, fusion)
    "baseline": (False, "fused-baseline"),
    "names-in-docs": (True, "fused-baseline"),
    "name-ranking": (False, "fused"),
    "current": (True, "fused"),
}


def run_variant(lib: Any, sets: dict[str, tuple[list[dict[str, Any]], dict[str, str]]], with_names: bool,
                sides: tuple[str, ...]) -> dict[str, Any]:
    """Re-embed every step with this variant's documents and score every side."""
    from indexing.store import index as I

    saved = I.DOCUMENT_NAMES
    I.DOCUMENT_NAMES = with_names
    try:
        I.rebuild_index(lib)
    finally:
        I.DOCUMENT_NAMES = saved
    return {name: {side: score(lib, truths, sessions, side) for side in sides}
            for name, (truths, sessions) in sets.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--sets", default="ko,en,mixed")
    parser.add_argument("--per-question", action="store_true", help="print each question that misses hit@1")
    args = parser.parse_args(argv)
    from indexing.library import Library

    wanted = args.sets.split(",")
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ko = korean_set(root / "ko")
        en = english_set(root / "en")
        libs: dict[str, tuple[Any, dict[str, tuple[list[dict[str, Any]], dict[str, str]]]]] = {}
        t0 = time.perf_counter()
        for name, data, truths in (("ko", root / "ko", ko), ("en", root / "en", en)):
            if name in wanted:
                lib = Library(root / f"lib-{name}")
                libs[name] = (lib, {name: (truths, ingest_all(lib, data, truths))})
        if "mixed" in wanted:
            lib = Library(root / "lib-mixed")
            libs["mixed"] = (lib, {"mixed-ko": (ko, ingest_all(lib, root / "ko", ko)),
                                   "mixed-en": (en, ingest_all(lib, root / "en", en))})
        print(f"ingested in {time.perf_counter() - t0:.1f} s (shared, loaded machine)")
        print("variant        set       hit@1/hit@5/title hit@1 of: the fusion, the keyword side alone, "
              "the vector side alone")
        for vname, (with_names, fusion) in VARIANTS.items():
            for lname, (lib, sets) in libs.items():
                res = run_variant(lib, sets, with_names, (fusion, "keyword", "vector"))
                for sname, by_side in res.items():
                    results.setdefault(vname, {})[sname] = by_side
                    line = "  ".join(f"{side.split('-')[0]} {f['hit@1']:.3f}/{f['hit@5']:.3f}/{f['title_hit@1']:.3f}"
                                     for side, f in by_side.items())
                    print(f"{vname:14s} {sname:9s} {line}  [{lname} library]", flush=True)
                    if args.per_question:
                        for miss in by_side[fusion]["misses"]:
                            print("    miss", miss)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
