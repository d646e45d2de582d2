"""Korean question search with and without the plant glossary, every split in one process (on demand).

Each split's library is ingested once into `--work` (as `evaluate_ko.py` ingests it, through
`bench_ko_misses.library`); then every step question is searched with `indexing.lang.ko.PLANT_WORDS`
off (main's keyword side) and on. The switch is read at query time and no index row depends on it, so
both runs share the libraries. Per split: fused, keyword-side and vector-side hit@1 / hit@5 (in
questions) and title hit@1. Aggregates only, so it may run on a blind split.

    python tests/benchmarks/bench_ko_glossary.py --work DIR \
        --split tune=/tmp/x/ko --split test=/tmp/x/ko --split test2=/tmp/x/ko2 --split test3=/tmp/x/ko3

Pass copies of the data folders (ingest reads them).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import bench_ko_misses as M  # noqa: E402

K = 5
SIDES = ("fused", "keyword", "vector")


def _rank(lib: Any, ids: list[str], session_id: str, step: dict[str, Any]) -> int | None:
    found = lib.steps_by_ids(ids)
    spans = [(found[i].session_id, found[i].start, found[i].end) for i in ids if i in found]
    rank: int | None = M.B._scoring().hit_rank(spans, session_id, step["start"], step["end"])
    return rank


def score(lib: Any, truths: list[dict[str, Any]], sessions: dict[str, str]) -> dict[str, Any]:
    """``{side: [hit@1, hit@5]}`` in questions, ``questions`` and ``title_hit@1``."""
    from indexing import search as S

    cfg = lib.settings()
    out: dict[str, Any] = {side: [0, 0] for side in SIDES}
    n = 0
    for truth in truths:
        sid = sessions[truth["name"]]
        for step in truth["steps"]:
            q = step["question"]
            n += 1
            ranks = {
                "fused": _rank(lib, [h.step_id for h in S.search(lib, q, k=K)], sid, step),
                "keyword": _rank(lib, S.keyword_search(lib, q, K)[0], sid, step),
                "vector": _rank(lib, S._vector_side(lib, cfg, S.vector_indexes(lib, cfg),
                                                    S.in_library_words(lib, q), K, K, {})[0], sid, step),
            }
            for side, r in ranks.items():
                out[side][0] += r == 1
                out[side][1] += r is not None
    titles = [bool(h) and h[0].session_id == sessions[t["name"]] for t in truths for h in [S.search(lib, t["title"], k=K)]]
    out["questions"] = n
    out["title_hit@1"] = round(sum(titles) / len(titles), 3)
    return out


def main(argv: list[str] | None = None) -> int:
    import indexing.lang.ko as KO

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", action="append", required=True, metavar="NAME=DIR",
                        help="a split and the (copied) data folder holding it; repeat")
    parser.add_argument("--work", type=Path, required=True, help="where the libraries are kept")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    libs = {}
    for spec in args.split:
        name, _, data = spec.partition("=")
        libs[name] = M.library(Path(data), name, args.work)
    saved = KO.PLANT_WORDS
    figures: dict[str, dict[str, Any]] = {}
    try:
        for label, on in (("main", False), ("glossary", True)):
            KO.PLANT_WORDS = on
            figures[label] = {name: score(*lib) for name, lib in libs.items()}
            line = " | ".join(
                f"{name} " + " ".join(f"{side[0]}:{f[side][0]}/{f[side][1]}" for side in SIDES)
                + f" /{f['questions']} t{f['title_hit@1']:.2f}"
                for name, f in figures[label].items())
            print(f"{label:9s} {line}", flush=True)
    finally:
        KO.PLANT_WORDS = saved
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
