"""Search latency at 100,000 steps, against baselines measured in the same run (run on demand).

Usage: python tests/benchmarks/bench_search.py [--steps N] [--unique N] [--queries N] [--dir DIR] [--rebuild]

Builds (once, cached under DIR, default `<tmp>/knowhow-bench-search-<steps>`) a library of N
synthetic steps: 5,000 sessions of 20 steps, at 40 workstations, by 60 experts. Step texts come
from templates (action x part x machine x detail x opener, plus a unique part code or setting in
every step, and one of 3,375 made-up supplier names, a rare word), so every text is different. To keep the build short, only `--unique` base texts
(default 5,000) are embedded with the real MiniLM model; every step gets the vector of its
base text plus small Gaussian noise (sigma 0.004 per dimension, re-normalised: a cosine of about
0.997 to the original), so neighbourhoods look like real near-duplicate narration. The catalog
(with its FTS index) is written through `Library.replace_steps`, the vectors through the
embedded Chroma store, as the pipeline does.

Then it times ~N queries (natural questions, exact part codes, short keyword pairs) through
`indexing.search.search` INCLUDING the query embedding, and in the same run, the parts and
baselines:
  embed      the query embedding alone (MiniLM on CPU)
  brute      exact numpy dot product over all N vectors + top-50 (the no-index baseline)
  hnsw       `store.query` top-50 alone (Chroma's HNSW)
  keyword    `keyword_search` alone (FTS5 bm25)
  search     the whole hybrid search (what a trainee waits for); target p95 <= 25 ms
It also reports HNSW recall@10 against the brute-force ranking and the exact-code top-1 rate.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
# --baseline runs this same script in child processes on another checkout's code (KNOWHOW_BENCH_CODE).
sys.path.insert(0, os.environ.get("KNOWHOW_BENCH_CODE") or str(ROOT))

from indexing.embed import get_embedder  # noqa: E402
from indexing.library import Library  # noqa: E402
from indexing.models import ProcedureDraft, StepDraft  # noqa: E402
from indexing.search import keyword_search, search, step_metadata  # noqa: E402
from indexing.store import open_store  # noqa: E402

TARGET_P95_MS = 25.0
STEPS_PER_SESSION = 20
NOISE_SIGMA = 0.004

ACTIONS = [
    ("loosen", "setup"), ("tighten", "adjustment"), ("inspect", "inspection"), ("clean", "cleanup"),
    ("replace", "operation"), ("lubricate", "operation"), ("align", "adjustment"),
    ("lock out", "safety"), ("measure", "inspection"), ("calibrate", "adjustment"),
    ("remove", "setup"), ("install", "setup"), ("purge", "setup"), ("drain", "cleanup"),
    ("test", "inspection"), ("reset", "troubleshooting"), ("check for leaks on", "troubleshooting"),
    ("warm up", "operation"),
]
PARTS = ["die", "spindle", "chuck", "nozzle", "guard", "drive belt", "air filter", "main bearing",
         "shaft seal", "clamp", "relief valve", "coolant hose", "proximity sensor", "tool holder",
         "collet", "gearbox", "coupling", "fixture", "ram", "feed roller", "torch liner", "heater band"]
MACHINES = ["press", "lathe", "mill", "robot welder", "injection moulder", "conveyor", "paint booth",
            "compressor", "surface grinder", "laser cutter", "press brake", "annealing furnace"]
DETAILS = [
    "until you hear a click", "to forty-five newton metres", "with the 13 mm spanner", "working crosswise",
    "until it sits flush", "with a lint-free cloth", "while the guard is open", "using the dial indicator",
    "before the shift starts", "with the machine at rest", "and keep the old one for the scrap bin",
    "and write the reading on the card", "holding it square", "with two people",
]
OPENERS = ["First I", "Then I", "Now we", "The trick is to", "Always", "Make sure you",
           "Before anything else,", "After that I", "You have to"]
CLOSERS = ["", "If it sticks, do not force it.", "Watch your fingers here.", "Listen for the change in sound.",
           "It takes about two minutes.", "Most people forget this.", "Check it twice."]
TOOLS = ["torque wrench", "13 mm spanner", "feeler gauge", "dial indicator", "grease gun", "padlock",
         "hex key set", "multimeter", "rubber mallet", "flashlight", "seal driver", "scraper"]
CODE_PREFIXES = ["PX", "QR", "ZK", "MB", "HT"]

PARAPHRASE = {
    "loosen": "undo", "tighten": "snug up", "inspect": "look over", "clean": "wipe down",
    "replace": "swap out", "lubricate": "grease", "align": "line up", "lock out": "isolate",
    "measure": "gauge", "calibrate": "set up", "remove": "take off", "install": "fit",
    "purge": "flush", "drain": "empty", "test": "try", "reset": "restart",
    "check for leaks on": "find a leak in", "warm up": "preheat",
}


SYLLABLES = ["ka", "ro", "vel", "tan", "mi", "zor", "pek", "lu", "dra", "sin", "ob", "ex", "fal", "gri", "nu"]


def code_of(n: int) -> str:
    # 7919 * n mod the prime 100003 is one-to-one for n < 100003: every code unique.
    return f"{CODE_PREFIXES[n % len(CODE_PREFIXES)]}-{7919 * n % 100003:06d}"


def supplier_of(n: int) -> str:
    """One of 3,375 made-up supplier names: about 30 steps share one at 100,000 steps (a rare word)."""
    a, b, c = n % 15, n // 15 % 15, n // 225 % 15
    return (SYLLABLES[a] + SYLLABLES[b] + SYLLABLES[c]).capitalize()


def base_texts(unique: int, rng: random.Random) -> list[tuple[str, str, str, str]]:
    """`unique` distinct (title, text, category, action) bases."""
    seen: set[str] = set()
    out = []
    while len(out) < unique:
        (action, cat), part, machine = rng.choice(ACTIONS), rng.choice(PARTS), rng.choice(MACHINES)
        text = (f"{rng.choice(OPENERS)} {action} the {part} on the {machine} {rng.choice(DETAILS)}. "
                f"{rng.choice(CLOSERS)}").strip()
        if text in seen:
            continue
        seen.add(text)
        out.append((f"{action.capitalize()} the {part}", text, cat, action))
    return out


def build(root: Path, steps: int, unique: int) -> dict:
    """Write the library and its vectors; return the manifest (also saved as bench.json)."""
    rng = random.Random(1234)
    t0 = time.perf_counter()
    lib = Library(root)
    embedder = get_embedder(lib.setting("embed_model"), lib.setting("embed_device"))
    store = open_store(lib, embedder.model_id)
    store.reset()
    bases = base_texts(unique, rng)
    t_embed = time.perf_counter()
    base_vecs = embedder.encode([f"{t}\n{x}" for t, x, _, _ in bases], batch_size=64)
    t_embed = time.perf_counter() - t_embed
    print(f"embedded {unique} base texts in {t_embed:.1f} s", flush=True)

    experts = [f"Expert {i:02d}" for i in range(60)]
    stations = [f"Station-{i:02d}" for i in range(40)]
    sessions = steps // STEPS_PER_SESSION
    np_rng = np.random.default_rng(1234)
    all_vecs = np.empty((steps, base_vecs.shape[1]), dtype=np.float32)
    ids: list[str] = []
    probes: list[dict] = []
    n = 0
    for s in range(sessions):
        sid = f"bench{s:05d}"
        meta = {"workstation": stations[s % 40], "expert": experts[s % 60], "process": "bench"}
        lib.db["sessions"].insert({
            "session_id": sid, "title": f"Bench session {s}", "language": "en", "consent": 1,
            "sha256": f"{s:064d}", "duration": 600.0, "status": "ready",
            "created_at": "2024-01-01T00:00:00+00:00", **meta})
        drafts, picks = [], []
        for i in range(STEPS_PER_SESSION):
            b = rng.randrange(unique)
            title, text, cat, action = bases[b]
            supplier = supplier_of(rng.randrange(3375))
            extra = (f" Use seal kit {code_of(n)} from {supplier}." if n % 3 == 0
                     else f" Set dial {n % 97} to {n % 13}.{n % 10}; parts from {supplier}.")
            drafts.append(StepDraft(0, i, i * 30.0, i * 30.0 + 30.0, text + extra, title=title, category=cat,
                                    tools=[TOOLS[(n + i) % len(TOOLS)]]))
            picks.append(b)
            if n % 300 == 0:  # a multiple of 3, so every probe has a part code
                probes.append({"step": n, "base": b, "code": code_of(n) if n % 3 == 0 else None,
                               "supplier": supplier,
                               "action": action, "title": title, "station": meta["workstation"]})
            n += 1
        step_ids = lib.replace_steps(sid, [ProcedureDraft(0, "Bench", 0.0, 600.0)], drafts)
        noise = np_rng.normal(0.0, NOISE_SIGMA, size=(len(picks), base_vecs.shape[1])).astype(np.float32)
        vecs = base_vecs[picks] + noise
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        all_vecs[len(ids):len(ids) + len(step_ids)] = vecs
        ids.extend(step_ids)
        if (s + 1) % 250 == 0:  # upsert in batches of 5,000 steps
            lo = len(ids) - 250 * STEPS_PER_SESSION
            steps_now = lib.steps_by_ids(ids[lo:])
            metas = [step_metadata(steps_now[i], {"workstation": stations[int(i[5:10]) % 40],
                                                  "expert": experts[int(i[5:10]) % 60], "process": "bench"})
                     for i in ids[lo:]]
            store.upsert(ids[lo:], all_vecs[lo:len(ids)], metas, [""] * len(metas))
            if "step_vectors" in lib.db.table_names():
                from indexing.library.step_vectors import put_vectors

                put_vectors(lib, embedder.model_id, ids[lo:], all_vecs[lo:len(ids)])
            print(f"  {len(ids)} steps ({time.perf_counter() - t0:.0f} s)", flush=True)
    np.save(root / "vectors.npy", all_vecs[: len(ids)])
    (root / "ids.json").write_text(json.dumps(ids))
    manifest = {"steps": len(ids), "unique": unique, "noise_sigma": NOISE_SIGMA, "probes": probes,
                "embed_s": round(t_embed, 1), "build_s": round(time.perf_counter() - t0, 1)}
    (root / "bench.json").write_text(json.dumps(manifest))
    print(f"built {len(ids)} steps in {manifest['build_s']} s", flush=True)
    return manifest


def make_queries(manifest: dict, count: int) -> list[tuple[str, str, str | None]]:
    """(kind, query, expected step id or None); every query text different."""
    rng = random.Random(99)
    probes = manifest["probes"]
    out: list[tuple[str, str, str | None]] = []
    seen: set[str] = set()
    starters = ["how do I", "what is the right way to", "show me how to", "who knows how to",
                "what's the trick to", "help me"]
    for _ in range(count * 1000):
        if len(out) >= count:
            break
        p = rng.choice(probes)
        kind = ("natural", "code", "keyword")[len(out) % 3]
        sid = f"bench{p['step'] // STEPS_PER_SESSION:05d}-p1s{p['step'] % STEPS_PER_SESSION + 1:02d}"
        if kind == "code":
            if p["code"] is None:
                continue
            q, expect = p["code"], sid
        elif kind == "natural":
            action = p["action"]
            rest = p["title"].split(" the ", 1)[1]
            q = f"{rng.choice(starters)} {PARAPHRASE[action]} the {rest} on the {rng.choice(MACHINES)}"
            if rng.random() < 0.5:  # half name a supplier: a rare word for the keyword side
                q += f" from {p['supplier']}"
            expect = None
        else:
            q, expect = f"{p['title'].split(' the ', 1)[1]} {rng.choice(TOOLS)}", None
        if q in seen:
            continue
        seen.add(q)
        out.append((kind, q, expect))
    return out


REPEAT = 1


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    """Milliseconds of the fastest of `REPEAT` calls, and the result."""
    best, out = float("inf"), None
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, (time.perf_counter() - t0) * 1000.0)
    return best, out


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--steps", type=int, default=100_000)
    ap.add_argument("--unique", type=int, default=5_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--dir", type=Path, default=None)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--torch-threads", type=int, default=0,
                    help="torch intra-op threads for the query embedding (0 = torch's default)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="time each query R times and keep the fastest (strips noise from a shared machine)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    ap.add_argument("--baseline", type=Path, default=None, metavar="CHECKOUT",
                    help="compare with another checkout's code (e.g. `git archive main`), same library, "
                         "child processes alternating with this tree's, --rounds times each")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    if args.baseline is not None:
        return compare(args)
    if args.torch_threads:  # only the sentence-transformers runtime uses torch
        import torch

        torch.set_num_threads(args.torch_threads)
    global REPEAT
    REPEAT = max(1, args.repeat)
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    root = args.dir or Path(tempfile.gettempdir()) / f"knowhow-bench-search-{args.steps}"
    if args.rebuild or not (root / "bench.json").exists():
        if root.exists():
            import shutil

            shutil.rmtree(root)
        manifest = build(root, args.steps, args.unique)
    else:
        manifest = json.loads((root / "bench.json").read_text())
        print(f"reusing {root} ({manifest['steps']} steps, built in {manifest['build_s']} s)")

    lib = Library(root)
    embedder = get_embedder(lib.setting("embed_model"), lib.setting("embed_device"))
    store = open_store(lib, embedder.model_id)
    from indexing.library.step_vectors import backfill_from_store
    from indexing.library.step_vectors import matrix as catalog_matrix

    if catalog_matrix(lib, embedder.model_id) is None:  # a library built before migration 7
        t0 = time.perf_counter()
        copied = backfill_from_store(lib, store, embedder.model_id)
        print(f"copied {copied} vectors from the store into the catalog in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    catalog_matrix(lib, embedder.model_id)
    print(f"loaded the catalog's vector matrix in {time.perf_counter() - t0:.2f} s")
    matrix = np.load(root / "vectors.npy")
    ids = json.loads((root / "ids.json").read_text())
    n_cand = int(lib.setting("search_candidates"))
    print(f"store holds {store.count()} vectors; catalog {lib.db['steps'].count} steps; "
          f"candidates per retriever {n_cand}")
    queries = make_queries(manifest, args.queries)
    for _, q, _ in queries[:10]:  # warm caches, model, sqlite pages
        search(lib, q, k=10)

    t: dict[str, list[float]] = {k: [] for k in ("embed", "brute", "hnsw", "keyword", "search")}
    recall, recall50, code_ok, code_n = [], [], 0, 0
    for kind, q, expect in queries:
        ms, vec = timed(lambda q=q: embedder.encode([q])[0])
        t["embed"].append(ms)
        ms, brute = timed(lambda vec=vec: np.argpartition(-(matrix @ vec), n_cand)[:n_cand])
        t["brute"].append(ms)
        ms, hnsw = timed(lambda vec=vec: store.query(vec, n_cand))
        t["hnsw"].append(ms)
        ms, _ = timed(lambda q=q: keyword_search(lib, q, n_cand))
        t["keyword"].append(ms)
        ms, hits = timed(lambda q=q: search(lib, q, k=10))
        t["search"].append(ms)
        exact = np.asarray(brute)[np.argsort(-(matrix[brute] @ vec))][:10]
        exact_ids = {ids[i] for i in exact}
        recall.append(len(exact_ids & {i for i, _ in hnsw[:10]}) / 10)  # type: ignore[index]
        recall50.append(len(exact_ids & {i for i, _ in hnsw}) / 10)  # type: ignore[union-attr]
        if kind == "code":
            code_n += 1
            code_ok += bool(hits) and hits[0].step_id == expect  # type: ignore[union-attr,index]
    filt, narrow, broad = [], [], []
    for _, q, _ in queries[:60]:
        ms, _ = timed(lambda q=q: search(lib, q, k=10, workstation="Station-07"))
        filt.append(ms)
        # Narrow: one workstation and one category (about 0.4 % of the steps).
        ms, _ = timed(lambda q=q: search(lib, q, k=10, workstation="Station-07", category="inspection"))
        narrow.append(ms)
        # Broad: a category held by about a quarter of the steps.
        ms, _ = timed(lambda q=q: search(lib, q, k=10, category="setup"))
        broad.append(ms)

    print(f"\nembedder {type(embedder).__name__}, fastest of {REPEAT} run(s) per query")
    print(f"{len(queries)} queries over {manifest['steps']} steps ({manifest['unique']} embedded texts, "
          f"vectors reused with noise sigma {manifest['noise_sigma']}); ms per query:")
    print(f"{'':16}{'p50':>8}{'p95':>8}{'max':>8}")
    extra = [("search+station", filt), ("search+narrow", narrow), ("search+broad", broad)]
    for name, values in [*t.items(), *extra]:
        print(f"{name:16}{statistics.median(values):8.2f}{pct(values, 95):8.2f}{max(values):8.2f}")
    p95 = pct(t["search"], 95)
    print(f"\nhybrid search p95 {p95:.1f} ms (target <= {TARGET_P95_MS:.0f} ms): "
          f"{'MET' if p95 <= TARGET_P95_MS else 'MISSED'}; search minus embedding p95 "
          f"{pct([s - e for s, e in zip(t['search'], t['embed'], strict=True)], 95):.1f} ms")
    print(f"HNSW recall@10 vs brute force: {statistics.mean(recall):.3f} (near-duplicate ties included); "
          f"exact top-10 found in HNSW top-{n_cand}: {statistics.mean(recall50):.3f}; "
          f"exact code top-1: {code_ok}/{code_n}")
    worst = max(p95, *(pct(v, 95) for _, v in extra))
    print(f"worst p95 over unfiltered and filtered searches {worst:.1f} ms: "
          f"{'MET' if worst <= TARGET_P95_MS else 'MISSED'}")
    if args.json is not None:
        rest = [s - e for s, e in zip(t["search"], t["embed"], strict=True)]  # the non-embedding part
        figures = {name: {"p50": statistics.median(v), "p95": pct(v, 95)}
                   for name, v in [*t.items(), ("search-embed", rest), *extra]}
        args.json.write_text(json.dumps({"figures": figures, "worst_p95": worst, "load": os.getloadavg()[0],
                                         "code": sys.path[0], "code_top1": [code_ok, code_n]}))
    return 0 if worst <= TARGET_P95_MS else 1


def compare(args: argparse.Namespace) -> int:
    """Run the benchmark on the baseline checkout's code and on this tree's, alternately, in children."""
    import subprocess

    passthrough = [f"--steps={args.steps}", f"--unique={args.unique}", f"--queries={args.queries}",
                   f"--repeat={args.repeat}"] + ([f"--dir={args.dir}"] if args.dir else [])
    runs: dict[str, list[dict]] = {"baseline": [], "this": []}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.rounds):
            for name, code in (("baseline", args.baseline.resolve()), ("this", ROOT)):
                out = Path(tmp) / f"{name}{r}.json"
                env = {**os.environ, "KNOWHOW_BENCH_CODE": str(code), "PYTHONPATH": str(code)}
                print(f"round {r + 1}: {name} ({code}), load {os.getloadavg()[0]:.2f}", flush=True)
                proc = subprocess.run([sys.executable, __file__, *passthrough, f"--json={out}"], env=env,
                                      capture_output=True, text=True, check=False)
                if not out.exists():
                    print(proc.stdout[-2000:], proc.stderr[-3000:], file=sys.stderr)
                    return 2
                runs[name].append(json.loads(out.read_text()))
    print(f"\nms per query, median over {args.rounds} alternating round(s) of each; ratio = this / baseline")
    print(f"{'':16}{'base p50':>10}{'this p50':>10}{'ratio':>7}{'base p95':>10}{'this p95':>10}{'ratio':>7}")
    for name in runs["this"][0]["figures"]:
        row = []
        for q in ("p50", "p95"):
            b = statistics.median(x["figures"][name][q] for x in runs["baseline"])
            n = statistics.median(x["figures"][name][q] for x in runs["this"])
            row += [b, n, n / b if b else float("nan")]
        print(f"{name:16}{row[0]:10.2f}{row[1]:10.2f}{row[2]:7.2f}{row[3]:10.2f}{row[4]:10.2f}{row[5]:7.2f}")
    loads = [x["load"] for v in runs.values() for x in v]
    print(f"load average during the runs {min(loads):.2f}-{max(loads):.2f}; exact code top-1 "
          f"baseline {runs['baseline'][0]['code_top1']}, this {runs['this'][0]['code_top1']}")
    worst = statistics.median(x["worst_p95"] for x in runs["this"])
    return 0 if worst <= TARGET_P95_MS else 1


if __name__ == "__main__":
    sys.exit(main())
