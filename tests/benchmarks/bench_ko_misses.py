"""Where Korean question search misses, by kind (on demand): what to read before changing a rule.

For one Korean held-out split (`tests/heldout_ko`, a generated set such as /tmp/k21set/ko3), every step
question is searched over the split's own library (ingested once into `--work`, as `evaluate_ko.py`
ingests it). For each question that misses hit@1 it finds the gold step's rank in the fusion, the
keyword side and the vector side (top `--depth`), and what went first:
    out-of-top5 / rank2-5   where the gold step ranks in the fusion
    same-proc / other-proc  whether the first hit is a neighbour in the gold's procedure or another procedure
    no shared word          no query term (`Language.query_tokens`, synonym heads) is a term of the gold step
and counts them. `--misses` also prints each miss (question, ranks, gold text, top hit). Never use
`--misses` on a blind split: its counts are all a blind split may show.

    python tests/benchmarks/bench_ko_misses.py --data DIR --split test3 --work DIR [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
for p in (HERE, ROOT / "tests" / "heldout", ROOT):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import bench_search_heldout as B  # noqa: E402

K = 5


def _rank(lib: Any, ids: list[str], session_id: str, step: dict[str, Any]) -> int | None:
    """1-based rank of the first of `ids` in the right session overlapping the gold step, or None."""
    found = lib.steps_by_ids(ids)
    spans = [(found[i].session_id, found[i].start, found[i].end) for i in ids if i in found]
    rank: int | None = B._scoring().hit_rank(spans, session_id, step["start"], step["end"])
    return rank


def library(data: Path, split: str, work: Path) -> tuple[Any, list[dict[str, Any]], dict[str, str]]:
    """The split's library, ingested into `work` the first time."""
    from indexing.library import Library

    truths = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(data.glob("*.truth.json"))]
    truths = [dict(t, language=t.get("language", "ko")) for t in truths if t.get("part", "tune") == split]
    if not truths:
        raise SystemExit(f"no procedures of the {split} split in {data}")
    root = work / f"lib-{split}"
    lib = Library(root)
    done = root / "sessions.json"
    if done.exists():
        sessions = json.loads(done.read_text(encoding="utf-8"))
    else:
        sessions = B.ingest_all(lib, data, truths)
        done.write_text(json.dumps(sessions), encoding="utf-8")
    return lib, truths, sessions


def misses(lib: Any, truths: list[dict[str, Any]], sessions: dict[str, str], depth: int) -> list[dict[str, Any]]:
    """One row per question: its ranks on each side, the kind of miss and the top hit."""
    from indexing import search as S
    from indexing.lang import get_language

    ko = get_language("ko")
    cfg = lib.settings()
    rows = []
    for truth in truths:
        sid = sessions[truth["name"]]
        for step in truth["steps"]:
            q = step["question"]
            hits = S.search(lib, q, k=K)
            fused = _rank(lib, [h.step_id for h in hits], sid, step)
            kw, _ = S.keyword_search(lib, q, depth)
            vec, _ = S._vector_side(lib, cfg, S.vector_indexes(lib, cfg), S.in_library_words(lib, q), depth, K, {})
            top = hits[0] if hits else None
            shared = set(ko.query_tokens(q)) & set(ko.query_tokens(step["text"]))
            rows.append({
                "question": q, "fused": fused, "keyword": _rank(lib, kw, sid, step),
                "vector": _rank(lib, vec, sid, step), "gold": step["text"],
                "top": top.text if top is not None else "",
                "first": "none" if top is None else ("same-proc" if top.session_id == sid else "other-proc"),
                "shared_words": sorted(shared),
            })
    return rows


def counts(rows: list[dict[str, Any]]) -> dict[str, int]:
    """How many misses of each kind (a miss: the gold step is not the first hit)."""
    c: Counter[str] = Counter()
    for r in rows:
        if r["fused"] == 1:
            continue
        c["misses"] += 1
        c[f"{'rank2-5' if r['fused'] else 'out-of-top5'} {r['first']}"] += 1
        if not r["shared_words"]:
            c["no shared word"] += 1
        for side in ("keyword", "vector"):
            if r[side] is None or r[side] > K:
                c[f"{side} side outside top {K}"] += 1
            elif r[side] == 1:
                c[f"{side} side rank 1"] += 1
    return dict(sorted(c.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="a generated Korean set (a copy: ingest reads it)")
    parser.add_argument("--split", default="tune")
    parser.add_argument("--work", type=Path, required=True, help="where the split's library is kept")
    parser.add_argument("--depth", type=int, default=50, help="how deep each side is searched for the gold step")
    parser.add_argument("--misses", action="store_true", help="print every miss (never on a blind split)")
    args = parser.parse_args(argv)
    lib, truths, sessions = library(args.data, args.split, args.work)
    rows = misses(lib, truths, sessions, args.depth)
    n = len(rows)
    print(f"{args.split}: {n} questions, hit@1 {sum(r['fused'] == 1 for r in rows) / n:.3f}, "
          f"hit@5 {sum(r['fused'] is not None for r in rows) / n:.3f}")
    print(json.dumps(counts(rows), ensure_ascii=False))
    if args.misses:
        for r in rows:
            if r["fused"] != 1:
                print(f"--- fused {r['fused']} keyword {r['keyword']} vector {r['vector']} first {r['first']} "
                      f"shared {r['shared_words']}\n  Q: {r['question']}\n  gold: {r['gold']}\n  top: {r['top'][:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
