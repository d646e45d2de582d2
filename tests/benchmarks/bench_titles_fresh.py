"""Step titles on the fresh title set (titles_fresh.py), main's titler (baseline) against this checkout's.

Each case's step (after its previous step, when it has one) goes through `label_steps`, so a titler
that reads the step before is measured the same way as one that does not. Scored per case with
`bench_labels_heldout.title_scores` (imperative, object, verb, <= 8 words, complete, ok), plus
`agree`: verb and object both agree with the truth title. The Korean sample's step titles (from
`assets/sample/ko_die_change.truth.json`'s step texts) are printed for both titlers, to watch for
regressions there.

Each titler runs in a child process with its own code first on the path and a working directory
outside the checkout, so the baseline is main's committed code measured in the same run:

    python tests/benchmarks/bench_titles_fresh.py [--main /work/main] [--baseline-ref HEAD]
        [--parts tune|test ...] [--show tune|test] [--json OUT]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
KO_SAMPLE = ROOT / "assets" / "sample" / "ko_die_change.truth.json"
EN_SAMPLE = ROOT / "assets" / "sample" / "die_change.truth.json"


def _by_file(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _cases() -> Any:
    return _by_file("titles_fresh", HERE / "titles_fresh.py")


def _bench() -> Any:
    return _by_file("bench_labels_heldout", HERE / "bench_labels_heldout.py")


def child_main() -> int:
    """Title every case with the `indexing` first on the path; one JSON document out."""
    import indexing
    from indexing.label import label_steps
    from indexing.models import StepDraft

    def titles(texts: list[str], language: str) -> list[str]:
        steps = [StepDraft(procedure_index=0, index=i, start=10.0 * i, end=10.0 * i + 9, text=t)
                 for i, t in enumerate(texts)]
        label_steps(steps, glossary=(), language=language)
        return [s.title for s in steps]

    out: dict[str, Any] = {"indexing": str(Path(indexing.__file__).resolve().parent), "cases": {}}
    for case in _cases().CASES + _cases().CASES_TEST2:
        texts = ([case.prev] if case.prev else []) + [case.text]
        out["cases"][case.id] = titles(texts, "en")[-1]
    for key, path, lang in (("ko_sample", KO_SAMPLE, "ko"), ("en_sample", EN_SAMPLE, "en")):
        steps = json.loads(path.read_text(encoding="utf-8"))["steps"]
        out[key] = titles([s["text"] for s in steps], lang)
    print(json.dumps(out, ensure_ascii=False))
    return 0


def score(pred: dict[str, str], part: str) -> dict[str, float]:
    """Mean of each title measure over one half of the set."""
    title_scores = _bench().title_scores
    tot: dict[str, int] = {}
    n = 0
    for case in _cases().CASES + _cases().CASES_TEST2:
        if _cases().split_of(case.id) != part:
            continue
        n += 1
        s = title_scores(pred[case.id], case.title, case.text)
        s["agree"] = s["verb"] and s["object"]
        for k, v in s.items():
            tot[k] = tot.get(k, 0) + int(v)
    out = {k: round(v / n, 3) for k, v in tot.items()}
    out["n"] = n
    return out


def _run_child(code_root: Path) -> dict[str, Any]:
    return _bench().run_child(Path(__file__), code_root, [], "titler", timeout=600)


_MEASURES = ("imperative", "object", "verb", "agree", "short", "complete", "ok")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--main", type=Path, default=Path("/work/main"), help="git checkout holding the baseline")
    ap.add_argument("--baseline-ref", default="HEAD")
    ap.add_argument("--parts", choices=("tune", "test", "test2"), nargs="+", default=["tune"],
                    help="the halves to print (tune only while tuning; test once at the end; test2 once "
                         "for changes made after the test score)")
    ap.add_argument("--show", choices=("tune", "test", "test2"), help="print each case's titles of this half")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return child_main()
    with tempfile.TemporaryDirectory(prefix="t17base-") as base:
        runs = {"baseline": _run_child(_bench().baseline_tree(args.main, args.baseline_ref, Path(base))),
                "this": _run_child(ROOT)}
    results = {label: {part: score(pred["cases"], part) for part in args.parts} for label, pred in runs.items()}
    # The truth titles scored as predictions: the ceiling of each measure (the bench's own verb list
    # lacks some verbs the truth uses: "slit", "retighten").
    truth = {c.id: c.title for c in _cases().CASES + _cases().CASES_TEST2}
    results["truth"] = {part: score(truth, part) for part in args.parts}
    print("titles: " + " ".join(_MEASURES))
    for part in args.parts:
        print(f"--- {part} half ({results['this'][part]['n']} steps)")
        for label in results:
            r = results[label][part]
            print(f"{label:9s} " + " ".join(f"{r[k]:.2f}" for k in _MEASURES))
    if args.show:
        cases = _cases()
        for case in cases.CASES + cases.CASES_TEST2:
            if cases.split_of(case.id) != args.show:
                continue
            b, t = runs["baseline"]["cases"][case.id], runs["this"]["cases"][case.id]
            mark = "" if b == t else "  *"
            print(f"## {case.id} [{case.kind}]{mark}\n  truth {case.title!r}\n  base  {b!r}\n  this  {t!r}")
    for key in ("en_sample", "ko_sample"):
        print(f"--- {key} (truth step texts)")
        for b, t in zip(runs["baseline"][key], runs["this"][key], strict=True):
            print(f"  base {b!r:45s} this {t!r}")
    if args.json:
        args.json.write_text(json.dumps({"results": results, "runs": runs}, indent=1, ensure_ascii=False),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
