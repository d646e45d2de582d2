"""English step-description search over recognised speech, by held-out group (on demand).

The English held-out audio set (`tests/heldout`, parts A-I) is not recognised again: each
recording's transcript and visual changes are read from the recognition cache
(`<data>/cache/<key>/<name>.json`, written by `cache_inputs.py`) and ingested (no markers, the
truth's title as the session title) through the real pipeline into one library per group:

    tune  manifest.json's tune recordings (parts A and C-tune)
    dev   manifest.json's test recordings (parts B and C-test) and parts D and E
    abc   every recording of manifest.json (parts A-C, as `evaluate.py` scores them)
    F     part F (`manifest_f.json`; blind in round 5, tuning material since round 7)
    G     part G (`manifest_g.json`; blind in round 6, tuning material since round 7)
    H     part H (`manifest_h.json`), a blind part: scored only when `--groups` names it, and then
          only as aggregates (no question, no step, no miss is printed or written)
    I     part I (`manifest_i.json`, blind from round 8): as H, its own group, aggregates only

Each step's trainee-written description (`description`) is searched (k=5) over its group's whole
library: hit@1 / hit@5 (the right session and a step overlapping the true span), and each
procedure's title: title hit@1 (first hit in the right session). The fusion, the keyword side alone
and the vector side alone.

`--variants` runs settings side by side in one process ("current", or "module:NAME=value&NAME=value"
with module search, keywords, index or a dotted name). `--compare-main` runs this checkout and main's
committed `indexing` (`--main`, `--baseline-ref`) each in a child process with its own code first on
the path and its own libraries, so the baseline is measured in the same run:

    python tests/benchmarks/bench_search_recognised.py --data /tmp/f20/heldout --work DIR
        [--groups tune,dev] [--variants "current;search:RRF_K=20"] [--misses tune] [--compare-main]
        [--json OUT]
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
K = 5
GROUPS = ("tune", "dev", "abc", "F", "G", "H", "I")
BLIND = ("H", "I")
"""Groups scored as aggregates only. F and G were blind in rounds 5 and 6 and are tuning material since round 7."""
SIDES = ("fused", "keyword", "vector")


def _by_file(name: str, path: Path) -> Any:
    """A module of tests/heldout by file (this bench also runs with main's `indexing` first on the path)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def group_of(entry: dict[str, Any]) -> str:
    """The group a manifest entry counts in."""
    if entry.get("set") in ("D", "E"):
        return "dev"
    if entry.get("set"):
        return str(entry["set"])
    return "tune" if entry.get("part") == "tune" else "dev"


def recordings(data: Path, key: str, group: str) -> list[dict[str, Any]]:
    """The cached recordings of one group with their truth documents and media paths."""
    ci = _by_file("heldout_cache_inputs", ROOT / "tests" / "heldout" / "cache_inputs.py")
    out = []
    for e in ci.read_manifest(data):
        if e["decoy"] or (group_of(e) != group and not (group == "abc" and not e.get("set"))):
            continue
        path = data / "cache" / key / f"{e['name']}.json"
        if not path.exists():
            raise SystemExit(f"{e['name']} is not in the recognition cache {path.parent}")
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["truth_doc"] = json.loads((data / e["truth"]).read_text(encoding="utf-8"))
        doc["media_path"] = str((data / e["media"]).resolve())
        out.append(doc)
    return out


@contextmanager
def cached_visual(docs: list[dict[str, Any]]) -> Iterator[None]:
    """`indexing.visual.analyze_video` answers from the cache for these recordings' media."""
    from indexing import visual

    ci = sys.modules["heldout_cache_inputs"]
    known = {d["media_path"]: d.get("visual") for d in docs}
    real = visual.analyze_video

    def analyze(path: Any, *args: Any, **kwargs: Any) -> Any:
        key = str(Path(path).resolve())
        if key in known and known[key] is not None:
            return ci.visual_from_dict(known[key])
        return real(path, *args, **kwargs)

    visual.analyze_video = analyze  # type: ignore[assignment]
    try:
        yield
    finally:
        visual.analyze_video = real  # type: ignore[assignment]


TITLES = True
"""Whether sessions are ingested with their truth title (`--no-titles`: none, as evaluate.py does)."""


def library_of(work: Path, data: Path, key: str, group: str) -> tuple[Any, list[dict[str, Any]], dict[str, str]]:
    """The group's library (ingested once into `work`), its recordings and ``{name: session id}``."""
    from indexing.library import Library
    from indexing.pipeline import ingest

    docs = recordings(data, key, group)
    ci = sys.modules["heldout_cache_inputs"]
    root = work / (f"lib-{group}" if TITLES else f"lib-{group}-untitled")
    done = root / "sessions.json"
    lib = Library(root)
    if done.exists():
        return lib, docs, json.loads(done.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    sessions = {}
    with cached_visual(docs):
        for d in docs:
            tx = ci.transcript_from_dict(d["transcript"])
            res = ingest(lib, d["media_path"], title=d["truth_doc"]["title"] if TITLES else "", language="en",
                         transcript=tx)
            sessions[d["name"]] = res.session_id
    done.write_text(json.dumps(sessions), encoding="utf-8")
    print(f"ingested {group} ({len(docs)} recordings) in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    return lib, docs, sessions


def _ranked(lib: Any, side: str, query: str) -> list[tuple[str, float, float]]:
    from indexing import search as S

    if side == "fused":
        return [(h.session_id, h.start, h.end) for h in S.search(lib, query, K)]
    cfg = lib.settings()
    n = max(int(cfg["search_candidates"]), K)
    if side == "keyword":
        ids, _ = S.keyword_search(lib, query, n)
    else:
        ids, _ = S._vector_side(lib, cfg, S.vector_indexes(lib, cfg), query, n, K, {})
    found = lib.steps_by_ids(ids[:K])
    return [(found[i].session_id, found[i].start, found[i].end) for i in ids[:K] if i in found]


def score(lib: Any, docs: list[dict[str, Any]], sessions: dict[str, str], side: str) -> dict[str, Any]:
    """hit@1 / hit@5 of every step description and title hit@1 of every title, with the questions' ranks."""
    sc = _by_file("heldout_scoring", ROOT / "tests" / "heldout" / "scoring.py")
    ranks = []
    per_question = []
    for d in docs:
        sid = sessions[d["name"]]
        for step in d["truth_doc"]["steps"]:
            r = sc.hit_rank(_ranked(lib, side, step["description"]), sid, step["start"], step["end"])
            ranks.append(r)
            per_question.append((d["name"], step["index"], step["description"], r))
    titles = []
    for d in docs:
        hits = _ranked(lib, side, d["truth_doc"]["title"])
        titles.append(bool(hits) and hits[0][0] == sessions[d["name"]])
    n = len(ranks)
    return {"hit@1": round(sum(r == 1 for r in ranks) / n, 3), "hit@5": round(sum(r is not None for r in ranks) / n, 3),
            "title_hit@1": round(sum(titles) / len(titles), 3), "questions": n, "hits1": sum(r == 1 for r in ranks),
            "per_question": per_question}


_SECOND: dict[str, tuple[list[str], Any]] = {}


def _second_matrix(lib: Any, model: str) -> tuple[list[str], Any]:
    """Every step's document embedded by a second model, in memory: ``(step ids, vectors)``."""
    from indexing.embed import get_embedder
    from indexing.store.index import session_names, step_document

    key = f"{lib.root}:{model}"
    if key not in _SECOND:
        emb = get_embedder(model, "cpu")
        names = {se.session_id: session_names({"title": se.title, "workstation": se.workstation,
                                               "process": se.process}) for se in lib.sessions()}
        steps = lib.all_steps()
        t0 = time.perf_counter()
        vecs = emb.encode([step_document(st, names.get(st.session_id, "")) for st in steps])
        print(f"  {model}: {len(steps)} steps embedded in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        _SECOND[key] = ([st.step_id for st in steps], vecs)
    return _SECOND[key]


@contextmanager
def second_ranking(model: str, weight: float) -> Iterator[bool]:
    """Bench only: a second model's ranking of every step fused (RRF, `weight`) into the vector side."""
    import numpy as np

    from indexing import search as S
    from indexing.embed import get_embedder

    real = S._vector_side

    def vector_side(library: Any, cfg: Any, indexes: Any, text: str, n: int, k: int, filters: Any) -> Any:
        ids, distance = real(library, cfg, indexes, text, n, k, filters)
        step_ids, vecs = _second_matrix(library, model)
        q = get_embedder(model, "cpu").encode_queries([text])[0]
        order = np.argsort(-(vecs @ q))[:n]
        merged = S.fuse([(ids, 1.0), ([step_ids[i] for i in order], weight)])
        return sorted(merged, key=lambda i: (-merged[i], distance.get(i, 2.0), i))[:n], distance

    S._vector_side = vector_side  # type: ignore[assignment]
    try:
        yield False
    finally:
        S._vector_side = real  # type: ignore[assignment]


@contextmanager
def variant(spec: str) -> Iterator[bool]:
    """"current", "second:MODEL@WEIGHT" (`second_ranking`), or module settings
    "module:NAME=value&NAME=value"; yields whether step documents change (module index), so every
    library is re-embedded. Several specs joined by "+" apply together."""
    if spec == "current":
        yield False
        return
    if "+" in spec:
        first, _, rest = spec.partition("+")
        with variant(first) as a, variant(rest) as b:
            yield a or b
        return
    if spec.startswith("second:"):
        model, _, weight = spec[len("second:"):].partition("@")
        with second_ranking(model, float(weight or 1.0)) as changes:
            yield changes
        return
    mod_name, _, assigns = spec.partition(":")
    mod = importlib.import_module({"search": "indexing.search", "keywords": "indexing.library.keywords",
                                   "index": "indexing.store.index", "en": "indexing.lang.en"}.get(mod_name, mod_name))
    values = {k: eval(v, {"mod": mod}) for k, v in (a.split("=", 1) for a in assigns.split("&"))}  # noqa: S307 (a bench's own CLI; "mod" is the module)
    saved = {k: getattr(mod, k) for k in values}
    for k, v in values.items():
        setattr(mod, k, v)
    try:
        yield mod_name == "index"
    finally:
        for k, v in saved.items():
            setattr(mod, k, v)


def run(data: Path, work: Path, key: str, groups: list[str], variants: list[str], sides: list[str],
        refill: bool = True) -> dict[str, Any]:
    """Score every variant on every group: ``{variant: {group: {side: figures}}}``."""
    from indexing.store.index import rebuild_index

    work.mkdir(parents=True, exist_ok=True)
    libs = {g: library_of(work, data, key, g) for g in groups}
    if refill:
        # Libraries another checkout ingested: this checkout's keyword rows and pending vectors.
        from indexing.library.search_terms import refill as refill_rows

        for lib, _, _ in libs.values():
            with lib.db.conn:
                refill_rows(lib.db.conn)
            lib.reembed_pending()
    out: dict[str, Any] = {}
    dirty = False
    for vname in variants:
        with variant(vname) as changes_docs:
            if changes_docs or dirty:
                for lib, _, _ in libs.values():
                    rebuild_index(lib)
            dirty = changes_docs
            for g, (lib, docs, sessions) in libs.items():
                t0 = time.perf_counter()
                row = {side: score(lib, docs, sessions, side) for side in sides}
                row["ms_per_question"] = round((time.perf_counter() - t0) * 1000 / max(1, row[sides[0]]["questions"]), 1)
                out.setdefault(vname, {})[g] = row
    if dirty:
        for lib, _, _ in libs.values():
            rebuild_index(lib)
    for lib, _, _ in libs.values():
        lib.close()
    return out


def _blind_safe(results: dict[str, Any]) -> dict[str, Any]:
    """The results without any blind group's questions."""
    return {v: {g: {s: ({k: x for k, x in f.items() if k != "per_question"} if g in BLIND and isinstance(f, dict) else f)
                    for s, f in row.items()} for g, row in by_group.items()} for v, by_group in results.items()}


def print_results(label: str, results: dict[str, Any], misses: list[str], sides: list[str]) -> None:
    for vname, by_group in results.items():
        for g, row in by_group.items():
            line = "  ".join(f"{s} {row[s]['hit@1']:.3f}/{row[s]['hit@5']:.3f}/{row[s]['title_hit@1']:.3f}" for s in sides)
            print(f"{label:8s} {vname:28s} {g:5s} ({row[sides[0]]['questions']:3d}q)  {line}  ({row['ms_per_question']:.0f} ms/q)",
                  flush=True)
            if g in misses and g not in BLIND:
                for name, idx, q, r in row["fused"]["per_question"]:
                    if r != 1:
                        print(f"    miss {name}#{idx} rank={r}: {q}")


def baseline_tree(main: Path, ref: str, dest: Path) -> Path:
    """`indexing` of `ref` in the checkout `main`, written under `dest` (the baseline's code)."""
    blob = subprocess.run(["git", "-C", str(main), "archive", ref, "indexing"], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(blob)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def run_child(code_root: Path, args: list[str]) -> dict[str, Any]:
    """This bench with `code_root`'s `indexing` first on the path, from a folder outside the checkout."""
    env = dict(os.environ, PYTHONPATH=str(code_root), HF_HUB_OFFLINE="1")
    with tempfile.TemporaryDirectory(prefix="bench-cwd-") as cwd:
        proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args], cwd=cwd, env=env,
                              capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"child at {code_root} failed:\n{proc.stderr[-3000:]}")
    out: dict[str, Any] = json.loads(proc.stdout)
    if Path(out["indexing"]).resolve() != (code_root / "indexing").resolve():
        raise SystemExit(f"child imported {out['indexing']}, not {code_root / 'indexing'}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="held-out set folder with cache/<key>/ (read only)")
    ap.add_argument("--work", type=Path, required=True, help="folder for the libraries (kept between runs)")
    ap.add_argument("--key", default="default")
    ap.add_argument("--groups", default="tune,dev", help=f"of {', '.join(GROUPS)}; H and I (blind) print aggregates only")
    ap.add_argument("--variants", default="current", help="';'-separated")
    ap.add_argument("--sides", default=",".join(SIDES))
    ap.add_argument("--misses", default="", help="print the hit@1 misses of these groups (never a blind one)")
    ap.add_argument("--compare-main", action="store_true", help="main's committed code and this checkout's, each in a child")
    ap.add_argument("--main", type=Path, default=Path("/work/main"))
    ap.add_argument("--baseline-ref", default="HEAD")
    ap.add_argument("--no-titles", action="store_true", help="ingest without titles, as evaluate.py does (title hit@1 then "
                    "searches each truth title over a library that does not hold it)")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    groups = [g for g in args.groups.split(",") if g]
    unknown = set(groups) - set(GROUPS)
    if unknown:
        ap.error(f"unknown groups {sorted(unknown)}")
    sides = args.sides.split(",")
    variants = args.variants.split(";")
    global TITLES
    TITLES = not args.no_titles
    if args.child:
        import indexing

        res = run(args.data, args.work, args.key, groups, variants, sides)
        print(json.dumps({"indexing": str(Path(indexing.__file__).resolve().parent), "results": _blind_safe(res)}))
        return 0
    misses = [g for g in args.misses.split(",") if g]
    all_results: dict[str, Any] = {}
    if args.compare_main:
        child_args = ["--data", str(args.data.resolve()), "--key", args.key, "--groups", ",".join(groups),
                      "--sides", ",".join(sides), *(["--no-titles"] if args.no_titles else [])]
        with tempfile.TemporaryDirectory(prefix="e21base-") as base:
            code = baseline_tree(args.main, args.baseline_ref, Path(base))
            all_results["main"] = run_child(code, [*child_args, "--work", str((args.work / "main").resolve()),
                                                   "--variants", "current"])["results"]
        all_results["this"] = run_child(ROOT, [*child_args, "--work", str((args.work / "this").resolve()),
                                               "--variants", args.variants])["results"]
    else:
        all_results["this"] = _blind_safe(run(args.data, args.work / "this", args.key, groups, variants, sides))
    for label, res in all_results.items():
        print_results(label, res, misses, sides)
    if args.json:
        args.json.write_text(json.dumps(all_results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
