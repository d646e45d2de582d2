"""Evaluate the Korean path on the Korean held-out set, against a baseline measured in the same run.

Every procedure is ingested with its SRT transcript (`ingest(..., language="ko", transcript=...)`,
no markers) into a fresh temporary library, then scored:
    boundaries  step-start F1 at ±2 s (first starts ignored), overall and for fixed-camera procedures
    tools       precision/recall of the union of step tools against the truth's (containment matches)
    tips/warn.  precision/recall of found tip and warning sentences (punctuation and spaces ignored)
    questions   each step's written question searched (k=5) over all sessions: hit@1, hit@5
    titles      each procedure's title searched: hit@1 (a hit in the right session)
    leaks       an anonymized export (status any) must hold no name (expert, people named in the
                narration with a title) and no confidential term

"before" runs the same pipeline with Korean unknown to the language seam (generic rules, no
morpheme tokens: how Korean was handled before issue 8); "after" is the seam's Korean.

Splits: "tune" (`scripts_ko.py`, what the Korean rules may be tuned on), "test"
(`scripts_ko_test.py`, measured only), "test2" (`scripts_ko_test2.py`, a third author's blind
split, scored once), "test3" (`scripts_ko_test3.py`, a fourth author's blind split, scored once),
"test4" (`scripts_ko_test4.py`, a fifth author's), "test5" (`scripts_ko_test5.py`, a sixth
author's; test2 to test5 are tuning material now) and "test6" (`scripts_ko_test6.py`, a seventh
author's blind split, scored once).
Each split is ingested into a library of its own, as a plant would ingest its own procedures;
`--split all` (the default) scores tune and test and reports them apart (test2 to test6 only
when asked for, so the figures of `all` are those it gave before test2 existed).

    python tests/heldout_ko/evaluate_ko.py [--data DIR] [--split tune|test|test2|test3|test4|test5|test6|all] [--json OUT] [--only after]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))
K = 5
# Titles a colleague's name may carry in the narration, for the leak check. The evaluator's own list,
# not the redactor's (ko/person_titles.txt), so a title the rules do not know still counts as a leak.
TITLES = ("님", "씨", "반장", "조장", "과장", "대리", "주임", "계장", "팀장", "기사", "선배", "부장", "차장",
          "사원", "선임", "책임", "실장", "공장장", "사장", "선생", "형", "누나", "언니", "여사")


def _scoring() -> Any:
    spec = importlib.util.spec_from_file_location("heldout_scoring", HERE.parent / "heldout" / "scoring.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["heldout_scoring"] = mod
    spec.loader.exec_module(mod)
    return mod


def _norm(text: str) -> str:
    return re.sub(r"[\s.,!?~]+", "", text).casefold()


def set_prf(pred: list[str], true: list[str], *, contains: bool = False) -> tuple[int, int, int]:
    """(matched, predicted, true) with one-to-one matching of normalised strings."""
    p = sorted({_norm(x) for x in pred if _norm(x)})
    t = sorted({_norm(x) for x in true if _norm(x)})
    used: set[int] = set()
    matched = 0
    for a in p:
        for j, b in enumerate(t):
            if j not in used and (a == b or (contains and (a in b or b in a))):
                used.add(j)
                matched += 1
                break
    return matched, len(p), len(t)


def _f1(m: int, p: int, t: int) -> dict[str, float]:
    prec = m / p if p else 1.0
    rec = m / t if t else 1.0
    return {"precision": round(prec, 3), "recall": round(rec, 3),
            "f1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0}


def leaks(text: str, truth: dict[str, Any]) -> list[str]:
    """Names and confidential terms of one procedure still present in exported text."""
    from indexing.lang.data import words

    titles = "|".join(sorted({*TITLES, *words("ko/person_titles.txt")}, key=len, reverse=True))
    found = []
    for name in truth["people"]:
        if len(name) == 1:
            if re.search(rf"(?<![가-힣]){name}\s?(?:{titles})", text):
                found.append(name)
        elif name in text or (len(name) == 3 and re.search(rf"(?<![가-힣]){name[1:]}\s?(?:{titles})", text)):
            found.append(name)
    for term in truth["confidential"]:
        if re.search(r"\s*".join(map(re.escape, term.split())), text):
            found.append(term)
    return found


def run(data: Path, truths: list[dict[str, Any]], mode: str) -> dict[str, Any]:
    """Ingest every procedure into a fresh library and score it (`mode`: "before" or "after")."""
    import indexing.lang as lang_mod
    from indexing.export.exporter import export
    from indexing.export.options import ExportOptions
    from indexing.library import Library
    from indexing.pipeline import ingest
    from indexing.search import keyword_search, search
    from indexing.subtitles import load_transcript

    sc = _scoring()
    lang_mod._CACHE.clear()
    saved = dict(lang_mod.FULL_LANGUAGES)
    if mode == "before":
        lang_mod.FULL_LANGUAGES.pop("ko", None)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            lib = Library(Path(tmp) / "lib")
            from indexing.store.index import embed_model_for

            embed_model = embed_model_for(lib.settings(), "ko")
            sessions: dict[str, str] = {}
            per: list[dict[str, Any]] = []
            t0 = time.perf_counter()
            for truth in truths:
                media = data / f"{truth['name']}.mp4"
                tx = load_transcript(data / f"{truth['name']}.srt", language="ko", duration=truth["duration"])
                res = ingest(lib, media, title=truth["title"], expert=truth["expert"],
                             workstation=truth["workstation"], language="ko", transcript=tx)
                sessions[truth["name"]] = res.session_id
                steps = lib.steps(res.session_id)
                b = sc.boundary_prf([s.start for s in steps], [s["start"] for s in truth["steps"]], 2.0)
                per.append({
                    "name": truth["name"], "scene": truth["scene"], "steps": len(steps),
                    "true_steps": len(truth["steps"]), "b": (b.tp, b.n_pred, b.n_true),
                    "tools": set_prf([t for s in steps for t in s.tools],
                                     [t for s in truth["steps"] for t in s["tools"]], contains=True),
                    "tips": set_prf([t for s in steps for t in s.tips], [t for s in truth["steps"] for t in s["tips"]]),
                    "warnings": set_prf([t for s in steps for t in s.warnings],
                                        [t for s in truth["steps"] for t in s["warnings"]]),
                    "detail": {  # what was found and what was said, to see where a figure comes from
                        "starts": [round(s.start, 2) for s in steps], "true_starts": [s["start"] for s in truth["steps"]],
                        **{k: [[t for s in steps for t in getattr(s, k)], [t for s in truth["steps"] for t in s[k]]]
                           for k in ("tools", "tips", "warnings")}},
                })
            ingest_s = time.perf_counter() - t0
            ranks = []
            misses: list[dict[str, Any]] = []
            kw_ranks = []  # the keyword side alone: what the text processing gives, whatever the embedder
            for truth in truths:
                for step in truth["steps"]:
                    hits = search(lib, step["question"], k=K)
                    ranks.append(sc.hit_rank([(h.session_id, h.start, h.end) for h in hits],
                                             sessions[truth["name"]], step["start"], step["end"]))
                    if ranks[-1] != 1:
                        misses.append({"question": step["question"], "rank": ranks[-1], "step": step["text"]})
                    ids, _ = keyword_search(lib, step["question"], K)
                    found = lib.steps_by_ids(ids)
                    kw_ranks.append(sc.hit_rank([(found[i].session_id, found[i].start, found[i].end) for i in ids],
                                                sessions[truth["name"]], step["start"], step["end"]))
            title_hits = [bool(h) and h[0].session_id == sessions[t["name"]]
                          for t in truths for h in [search(lib, t["title"], k=K)]]
            lib.add_terms([c for t in truths for c in t["confidential"]], confidential=True)
            out = Path(tmp) / "export"
            export(lib, ExportOptions(out=str(out), formats=("jsonl",), media="none", status="any",
                                      anonymize=True), audit=False)
            text = "\n".join(p.read_text(encoding="utf-8", errors="ignore") for p in out.rglob("*")
                             if p.is_file() and p.suffix in (".jsonl", ".json", ".md"))
            leaked = {t["name"]: leaks(text, t) for t in truths}
    finally:
        lang_mod.FULL_LANGUAGES.clear()
        lang_mod.FULL_LANGUAGES.update(saved)
        lang_mod._CACHE.clear()
    figures = summarize(per, ranks, title_hits, leaked, ingest_s)
    figures["keyword_hit@1"] = round(sum(1 for r in kw_ranks if r == 1) / len(kw_ranks), 3)
    figures["keyword_hit@5"] = round(sum(1 for r in kw_ranks if r is not None) / len(kw_ranks), 3)
    figures["embed_model"] = embed_model
    figures["question_misses"] = misses
    return figures


def _counts(prf: Any) -> tuple[int, int, int]:
    if isinstance(prf, tuple):
        return prf
    return prf.tp, prf.n_pred, prf.n_true


def summarize(per: list[dict[str, Any]], ranks: list[int | None], title_hits: list[bool],
              leaked: dict[str, list[str]], ingest_s: float) -> dict[str, Any]:
    def total(key: str, rows: list[dict[str, Any]]) -> tuple[int, int, int]:
        c = [_counts(r[key]) for r in rows]
        return sum(x[0] for x in c), sum(x[1] for x in c), sum(x[2] for x in c)

    fixed = [r for r in per if r["scene"] == "fixed"]
    n = len(ranks)
    return {
        "boundary": _f1(*total("b", per)), "boundary_fixed": _f1(*total("b", fixed)),
        "tools": _f1(*total("tools", per)), "tips": _f1(*total("tips", per)),
        "warnings": _f1(*total("warnings", per)),
        "hit@1": round(sum(1 for r in ranks if r == 1) / n, 3),
        "hit@5": round(sum(1 for r in ranks if r is not None and r <= K) / n, 3),
        "title_hit@1": round(sum(title_hits) / len(title_hits), 3),
        "leaks": sum(len(v) for v in leaked.values()), "leaked": {k: v for k, v in leaked.items() if v},
        "questions": n, "ingest_seconds": round(ingest_s, 1),
        "per_procedure": [{"name": r["name"], "scene": r["scene"], "steps": r["steps"],
                           "true_steps": r["true_steps"], "boundary": _f1(*_counts(r["b"])), **r["detail"]}
                          for r in per],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="a generated set (default: generate into a temporary folder)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--only", choices=["before", "after"])
    parser.add_argument("--split", choices=["tune", "test", "test2", "test3", "test4", "test5", "test6", "all"], default="all",
                        help="which split to score; 'all' scores tune and test apart (default)")
    args = parser.parse_args(argv)
    from make_heldout_ko import generate

    splits = ("tune", "test") if args.split == "all" else (args.split,)
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or Path(tmp)
        truth_files = sorted(data.glob("*.truth.json"))
        truths = [json.loads(p.read_text(encoding="utf-8")) for p in truth_files] or generate(data, args.split)
        figures: dict[str, dict[str, Any]] = {}
        for split in splits:
            part = [t for t in truths if t.get("part", "tune") == split]
            if not part:
                print(f"no procedures of the {split} split in {data}", file=sys.stderr)
                return 2
            figures[split] = {mode: run(data, part, mode) for mode in ("before", "after")
                              if args.only in (None, mode)}
    keys = ("boundary", "boundary_fixed", "tools", "tips", "warnings")
    for split, by_mode in figures.items():
        for mode, f in by_mode.items():
            print(f"{split:4s} {mode:6s} " + "  ".join(f"{k} F1 {f[k]['f1']:.3f}" for k in keys)
                  + f"  hit@1 {f['hit@1']:.3f}  hit@5 {f['hit@5']:.3f}  title hit@1 {f['title_hit@1']:.3f}"
                  + f"  leaks {f['leaks']}  (keyword side alone: hit@1 {f['keyword_hit@1']:.3f} hit@5 "
                  f"{f['keyword_hit@5']:.3f}; {f['questions']} questions; vectors {f['embed_model']}; "
                  f"ingest {f['ingest_seconds']} s)")
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
