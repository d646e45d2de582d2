"""Step titles, tools, tips and warnings on the held-out set, main's labeller (baseline) against this checkout's.

Speech recognition is not run: each recording's recognised transcript is read from the held-out
cache (`tests/.heldout/cache/<key>/<name>.json`, written by the segmentation helper's
`cache_inputs.py`). The recognised words are given to the truth's steps by time (word midpoint in
the step's span), so the figures measure labelling, not segmentation; a second pass uses the
segmenter's own boundaries (each predicted step is given to the truth step it overlaps most).

Scored per truth step:
    tools   a truth tool is found when a tool labelled on the same step matches it: `strict`
            (normalised equal: case, punctuation, plural, "30mm" = "30 mm", number words = digits)
            or `lenient` (one is a whole-word part of the other, as `tests/heldout/scoring.py`
            matches: "wrench" ~ "30 mm wrench"). Precision counts every labelled tool.
            `session` is evaluate.py's measure: the union of a recording's labels against its tools.
            `said` is issue 9's measure, "tools named in the narration found on their step": recall
            over the truth tools whose name or head word the step's spoken text holds (the truth also
            lists tools a step uses without naming them: "the drill" names "cordless drill", but a
            step that only says "drive the screws back in" does not), lenient matching; its
            precision is the lenient one.
    tips, warnings  a labelled note matches a truth note of the same step (one to one) when it holds
            at least 60 % of the truth's content words and at least half of its own words are the
            truth's (recognition errors tolerated; a whole step quoted as one note is not a match).
    category  the step's category equals the truth's (labelling reads the title, so it is watched).
    titles  imperative (first word is a base-form verb from this bench's own list, not the
            labeller's), object (shares a content word with the truth title after its verb),
            verb (same first word as the truth title), <= 8 words, complete (does not end on an
            article, preposition, conjunction, possessive or "using", and its last word is whole:
            it occurs as a word of the step's text), and ok (imperative, <= 8 words and complete).

Halves: `tune` and `test` are the truth's parts (parts D and E count as test); the blind parts F
(`make_heldout.py --set F`), G (`--set G`, blind from round 6), H (`--set H`, blind from round 7)
and I (`--set I`, blind from round 8) are each their own half ("F", "G", "H", "I"), left out of both,
scored only when `--parts F` / `--parts G` / `--parts H` / `--parts I` asks (once, at the end of a
round) and
never shown step by step.

Each labeller runs in a child process with its own code first on the path and a working directory
outside the checkout, so the baseline is main's committed code measured in the same run:

    python tests/benchmarks/bench_labels_heldout.py [--data tests/.heldout] [--key default]
        [--baseline-ref HEAD] [--main /work/main] [--json OUT] [--show tune|test] [--no-baseline]
        [--parts tune test F G H I]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEFAULT_DATA = ROOT / "tests" / ".heldout"
MAX_TITLE_WORDS = 8

# ----------------------------------------------------------------------------- child process


def _cache_inputs() -> Any:
    """The held-out cache's reader (tests/heldout/cache_inputs.py, by file: this bench also runs
    with a baseline checkout's `indexing` first on the path, whose tests may not have it)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("heldout_cache_inputs", ROOT / "tests" / "heldout" / "cache_inputs.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _transcript(d: dict[str, Any]) -> Any:
    return _cache_inputs().transcript_from_dict(d)


def _visual(d: dict[str, Any] | None) -> Any:
    return _cache_inputs().visual_from_dict(d)


def _predict(doc: dict[str, Any], truth: dict[str, Any]) -> dict[str, Any]:
    from indexing.label import label_steps
    from indexing.models import StepDraft
    from indexing.segment import segment

    tx = _transcript(doc["transcript"])
    words = [w for s in tx.segments for w in s.words if w.word.strip()]
    starts = [float(s["start"]) for s in truth["steps"]]
    true_steps = []
    for j, a in enumerate(starts):
        lo = a if j else float("-inf")
        hi = starts[j + 1] if j + 1 < len(starts) else float("inf")
        text = " ".join(w.word.strip() for w in words if lo <= (w.start + w.end) / 2 < hi)
        end = starts[j + 1] if j + 1 < len(starts) else float(truth["duration"])
        true_steps.append(StepDraft(procedure_index=0, index=j, start=a, end=end, text=text))
    label_steps(true_steps, glossary=(), language="en")
    _, own = segment(tx, duration=float(doc["duration"]), visual=_visual(doc.get("visual")), min_step=4.0,
                     language="en")
    label_steps(own, glossary=(), language="en")
    return {
        "true": [{"text": s.text, "title": s.title, "tools": list(s.tools), "category": s.category,
                  "tips": list(s.tips), "warnings": list(s.warnings)} for s in true_steps],
        "own": [{"start": s.start, "end": s.end, "text": s.text, "title": s.title, "tools": list(s.tools)}
                for s in own],
    }


def _fresh_module() -> Any:
    """The fresh tools set (tests/benchmarks/labels_tools_fresh.py, by file, like `_cache_inputs`)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("labels_tools_fresh", HERE / "labels_tools_fresh.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def child_main(data: Path, key: str) -> int:
    """Label every cached recording with the `indexing` first on the path; one JSON document out."""
    import indexing
    from indexing.label import label_steps
    from indexing.models import StepDraft

    out: dict[str, Any] = {"indexing": str(Path(indexing.__file__).resolve().parent), "recordings": {}, "fresh": {}}
    for case_id, _, text, _ in _fresh_module().CASES:
        step = StepDraft(procedure_index=0, index=0, start=0.0, end=10.0, text=text)
        label_steps([step], glossary=(), language="en")
        out["fresh"][case_id] = list(step.tools)
    for path in sorted((data / "cache" / key).glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if "transcript" not in doc:
            continue
        truth = json.loads((data / f"{doc['name']}.truth.json").read_text(encoding="utf-8"))
        out["recordings"][doc["name"]] = _predict(doc, truth)
    print(json.dumps(out))
    return 0


# ----------------------------------------------------------------------------- scoring

_NUMBERS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
    "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20",
    "twenty four": "24", "thirty": "30", "thirty two": "32",
}
_UNIT_WORDS = {"millimeter": "mm", "millimeters": "mm", "millimetre": "mm", "millimetres": "mm",
               "inch": "in", "inches": "in", "centimeter": "cm", "centimeters": "cm", "centimetre": "cm",
               "centimetres": "cm", "kilo": "kg", "kilos": "kg", "kilogram": "kg", "kilograms": "kg",
               "litre": "l", "litres": "l", "liter": "l", "liters": "l"}
# British and American spellings of one word name one tool ("tyre lever" = "tire lever"): this bench's
# own list (not the labeller's), mapped to the American form.
_SPELLINGS = {"tyre": "tire", "tyres": "tires", "fibre": "fiber", "centre": "center", "metre": "meter",
              "vice": "vise", "colour": "color", "grey": "gray", "aluminium": "aluminum", "mould": "mold",
              "mitre": "miter", "calliper": "caliper", "sanitiser": "sanitizer", "sanitising": "sanitizing",
              "vulcanising": "vulcanizing", "vapour": "vapor", "plough": "plow", "kerb": "curb"}


def norm_tool(name: str) -> str:
    """Case, punctuation, plural, glued units, unit words, number words and British or American
    spellings made equal: "Thirty millimetre wrenches" -> "30 mm wrench", "5 kilo scale" -> "5 kg scale",
    "tyre lever" -> "tire lever"."""
    s = name.lower().replace("-", " ").replace("\u2019", "'").replace("'", "")
    s = re.sub(r"(\d)([a-z])", r"\1 \2", s)
    s = re.sub(r"[^a-z0-9\s]", " ", s)
    for words, digits in sorted(_NUMBERS.items(), key=lambda kv: -len(kv[0])):
        s = re.sub(rf"\b{words}\b", digits, s)
    out = []
    for w in s.split():
        w = _UNIT_WORDS.get(w, w)
        w = _SPELLINGS.get(w, w)
        if len(w) > 3 and w.endswith("es") and w[:-2].endswith(("sh", "ch", "x", "ss")):
            w = w[:-2]
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w)
    return " ".join(out)


def tool_said(tool: str, text: str) -> bool:
    """Whether a truth tool is named in the step's spoken text: its whole name or its head word (the
    last word: "the drill" names "cordless drill") occurs there, normalised as `norm_tool` does, a
    name written as one word or two ("screw driver") either way."""
    name = norm_tool(tool).split()
    toks = norm_tool(text).split()
    if not name:
        return False
    joined = "".join(name)
    for i in range(len(toks)):
        for m in range(1, len(name) + 2):
            if "".join(toks[i:i + m]) == joined:
                return True
    return name[-1] in toks


def _contains(a: str, b: str) -> bool:
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def match_count(pred: list[str], true: list[str], *, lenient: bool) -> tuple[int, int, int]:
    """(matched, predicted, true) for one-to-one matching, exact first."""
    p = sorted({norm_tool(x) for x in pred if norm_tool(x)})
    t = sorted({norm_tool(x) for x in true if norm_tool(x)})
    used_p: set[int] = set()
    used_t: set[int] = set()
    for exact in (True, False) if lenient else (True,):
        for i, a in enumerate(p):
            if i in used_p:
                continue
            for j, b in enumerate(t):
                # "multi meter" = "multimeter": a name written as one word or two is one name
                if j not in used_t and (a.replace(" ", "") == b.replace(" ", "") if exact else _contains(a, b)):
                    used_p.add(i)
                    used_t.add(j)
                    break
    return len(used_p), len(p), len(t)


# An independent list of base-form English verbs (not the labeller's), for the "imperative" measure.
_VERBS = frozenset("""
add adjust align apply assemble attach bag bake bend bleed blow boil bolt brake break bring brush build
calibrate carry center centre change check chill chop clamp clean clear clip close coat coil collect
connect cook cool count cover crack cut dip depressurise depressurize disconnect drain draw dress drill
drive drop dry dust ease empty engage fasten feed feel fill find finish fit fix flip flush fold free fry
gather gauge get give glue grab grease grind grip guide hammer hand hang heat hold hone hook inspect
insert install isolate jog keep knead knock label lay lean leave let level lift line load lock loosen
look lower lubricate make mark measure melt mix mount move note oil open pack peel pick place plug
polish pour power preheat prepare press prime prove pry pull pump push put raise read reassemble
recognise recognize record refill refit reinstall release remove repeat replace reset restart return
rinse roll rotate run sand scrape scrub seal season seat secure separate set shape sharpen shim shut
simmer skim slice slide snap soak sort spin spray spread squeeze square stack start steam stir stop
store strain strip support swap sweep switch take tap tape tension test thread tidy tighten tilt tip
top torque touch trim tune turn twist unbolt unclamp undo unhook unlock unplug unscrew use vacuum
verify wait warm wash watch wear weigh whisk wind wipe wire wrap write zero hone deburr chamfer purge
vent mop rehang rest stretch taste serve flatten dice grate marinate mash""".split())
_DANGLING = frozenset("""a an the of and or but to with using from on in into onto at by for your my our his her
their its this that these those some any each as than then so while if when let make get keep between
against about around through behind under over toward towards across along without like not very
more most just also own until before after""".split())
# Words that may follow the end of a complete phrase in the narration (or the text ends there).
_PHRASE_END_NEXT = _DANGLING | frozenset("""slowly gently firmly carefully straight away again first now
here there once twice fully completely properly all every is are was it them""".split())
_STOP = frozenset("""a an the of and or to with from on in into onto at by for your my our this that these those
it its up down out off back over new old all both each one two three""".split())


def _words(title: str) -> list[str]:
    return [w.strip(".,;:!?\"'()").lower() for w in title.split() if w.strip(".,;:!?\"'()")]


def _stem(w: str) -> str:
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _cut_mid_phrase(title_words: list[str], text: str) -> bool:
    """Whether the title is a run of the narration's words that stops inside a phrase: the word
    spoken next is neither punctuation nor a word that can follow a phrase's end. A title that is
    not such a run (rewritten words) is not judged here."""
    toks = re.findall(r"[a-z0-9]+(?:'[a-z]+)?|[.,;:!?]", text.lower().replace("-", " "))
    tw = [t for w in title_words for t in re.findall(r"[a-z0-9]+(?:'[a-z]+)?", w.replace("-", " "))]
    n = len(tw)
    runs = [i for i in range(len(toks) - n + 1) if toks[i:i + n] == tw] if n else []
    if not runs:
        return False
    nxt = [toks[i + n] if i + n < len(toks) else "." for i in runs]
    return all(x not in ".,;:!?" and x not in _PHRASE_END_NEXT for x in nxt)


def title_scores(title: str, truth_title: str, text: str) -> dict[str, bool]:
    """Honest shape measures of one predicted title against its truth title and step text."""
    w = _words(title)
    tw = _words(truth_title)
    text_words = set(re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower().replace("-", " ")))
    objects = {_stem(x) for x in tw[1:] if x not in _STOP}
    imperative = bool(w) and w[0] in _VERBS
    short = 0 < len(w) <= MAX_TITLE_WORDS
    whole = bool(w) and "\u2026" not in title and not title.rstrip().endswith("...") and all(
        part in text_words for part in re.findall(r"[a-z0-9]+(?:'[a-z]+)?", w[-1].replace("-", " ")))
    complete = bool(w) and w[-1] not in _DANGLING and whole and not _cut_mid_phrase(w, text)
    return {
        "imperative": imperative,
        "verb": bool(w) and bool(tw) and w[0] == tw[0],
        "object": bool(objects & {_stem(x) for x in w[1:]}),
        "short": short,
        "complete": complete,
        "ok": imperative and short and complete,
    }


def _note_words(note: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z0-9]+", note.lower().replace("'", "")) if w not in _STOP}


def note_match_count(pred: list[str], true: list[str]) -> tuple[int, int, int]:
    """(matched, predicted, true) tips or warnings of one step, one to one. A labelled note matches a
    truth note when it holds at least 60 % of the truth's content words and at least half of its own
    words are the truth's (recognition errors and a clause more or less are tolerated; a whole step
    quoted as one note is not)."""
    used: set[int] = set()
    tp = 0
    for p in pred:
        pw = _note_words(p)
        for j, t in enumerate(true):
            tw = _note_words(t)
            if j in used or not pw or not tw:
                continue
            common = len(pw & tw)
            if common >= 0.6 * len(tw) and common >= 0.5 * len(pw):
                used.add(j)
                tp += 1
                break
    return tp, len(pred), len(true)


# Later parts still blind: each is its own half, out of "test" (`--parts F` / `G` / `H` / `I` scores it).
BLIND_SETS = ("F", "G", "H", "I")


def half_of(truth: dict[str, Any]) -> str:
    """The half a recording's truth counts in: a blind part's letter, else its part (tune or test)."""
    return str(truth["set"]) if truth.get("set") in BLIND_SETS else str(truth.get("part", ""))


def _truth_index_of(step: dict[str, Any], truth_steps: list[dict[str, Any]], duration: float) -> int:
    best, best_j = -1.0, 0
    for j, ts in enumerate(truth_steps):
        end = truth_steps[j + 1]["start"] if j + 1 < len(truth_steps) else duration
        overlap = min(step["end"], end) - max(step["start"], ts["start"])
        if overlap > best:
            best, best_j = overlap, j
    return best_j


def score(pred: dict[str, Any], truths: dict[str, dict[str, Any]], part: str) -> dict[str, Any]:
    """Micro-averaged tool and title measures of one labeller's predictions over one half."""
    tot = {k: [0, 0, 0] for k in ("strict", "lenient", "said", "own_strict", "own_lenient", "session", "tips",
                                  "warnings")}
    tmeas: dict[str, int] = {}
    n_titles = 0
    for name, rec in sorted(pred["recordings"].items()):
        truth = truths[name]
        if half_of(truth) != part:
            continue
        ts = truth["steps"]
        for step, tstep in zip(rec["true"], ts, strict=True):
            for mode in ("strict", "lenient"):
                m = match_count(step["tools"], tstep["tools"], lenient=mode == "lenient")
                tot[mode] = [a + b for a, b in zip(tot[mode], m, strict=True)]
            # "said": recall over the truth tools the narration names on this step (lenient matching);
            # precision counts every labelled tool against every truth tool, as `lenient` does.
            said = [t for t in tstep["tools"] if tool_said(t, tstep.get("text", ""))]
            # How many of them the recogniser kept (name or head word in the recognised text): the
            # labeller reads that text, so this bounds the said recall.
            heard = [t for t in said if tool_said(t, step["text"])]
            tmeas["said_heard"] = tmeas.get("said_heard", 0) + len(heard)
            m = match_count(step["tools"], said, lenient=True)
            tot["said"] = [tot["said"][0] + m[0], tot["said"][1] + m[1], tot["said"][2] + m[2]]
            for kind in ("tips", "warnings"):
                m = note_match_count(step.get(kind, []), tstep.get(kind, []))
                tot[kind] = [a + b for a, b in zip(tot[kind], m, strict=True)]
            for k, v in title_scores(step["title"], tstep["title"], step["text"]).items():
                tmeas[k] = tmeas.get(k, 0) + int(v)
            tmeas["category"] = tmeas.get("category", 0) + int(step.get("category") == tstep.get("category"))
            n_titles += 1
        m = match_count([t for s in rec["true"] for t in s["tools"]], truth["tools"], lenient=True)
        tot["session"] = [a + b for a, b in zip(tot["session"], m, strict=True)]
        per_truth: list[list[str]] = [[] for _ in ts]
        for s in rec["own"]:
            per_truth[_truth_index_of(s, ts, float(truth["duration"]))].extend(s["tools"])
        for got, tstep in zip(per_truth, ts, strict=True):
            for mode in ("strict", "lenient"):
                m = match_count(got, tstep["tools"], lenient=mode == "lenient")
                tot["own_" + mode] = [a + b for a, b in zip(tot["own_" + mode], m, strict=True)]

    def prf(c: list[int]) -> dict[str, float]:
        tp, n_p, n_t = c
        p = tp / n_p if n_p else 0.0
        r = tp / n_t if n_t else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
                "tp": tp, "n_pred": n_p, "n_true": n_t}

    tools = {k: prf(v) for k, v in tot.items()}
    # A labelled tool is right or wrong whether the narration names it or not: the said measure's
    # precision is the lenient one; its recall counts only the truth tools the narration names.
    p, r = tools["lenient"]["precision"], tools["said"]["recall"]
    tools["said"].update(precision=p, f1=round(2 * p * r / (p + r) if p + r else 0.0, 3))
    return {"tools": tools,
            "titles": {k: round(v / n_titles, 3) if n_titles else 0.0 for k, v in tmeas.items() if k != "said_heard"},
            "said_heard": tmeas.get("said_heard", 0),
            "steps": n_titles}


# ----------------------------------------------------------------------------- parent


def score_fresh(pred: dict[str, Any], part: str) -> dict[str, Any]:
    """Strict and lenient tool P/R of one labeller over one half of the fresh tools set."""
    tot = {k: [0, 0, 0] for k in ("strict", "lenient")}
    mod = _fresh_module()
    n = 0
    for case_id, _, _, truth in mod.CASES:
        if mod.split_of(case_id) != part:
            continue
        n += 1
        for mode in tot:
            m = match_count(pred["fresh"][case_id], truth, lenient=mode == "lenient")
            tot[mode] = [a + b for a, b in zip(tot[mode], m, strict=True)]
    out: dict[str, Any] = {"steps": n}
    for k, (tp, n_p, n_t) in tot.items():
        out[k] = {"precision": round(tp / n_p, 3) if n_p else 0.0, "recall": round(tp / n_t, 3) if n_t else 0.0,
                  "tp": tp, "n_pred": n_p, "n_true": n_t}
    return out


def run_child(script: Path, code_root: Path, args: list[str], what: str, timeout: int = 900) -> dict[str, Any]:
    """Run `script --child ARGS` with `code_root` first on the path, from a directory outside the
    checkout, and return the JSON it prints (checked to come from `code_root`'s `indexing`)."""
    env = dict(os.environ, PYTHONPATH=str(code_root), HF_HUB_OFFLINE="1")
    with tempfile.TemporaryDirectory(prefix="bench-cwd-") as cwd:
        proc = subprocess.run([sys.executable, str(script.resolve()), "--child", *args],
                              cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{what} at {code_root} failed:\n{proc.stderr[-3000:]}")
    out: dict[str, Any] = json.loads(proc.stdout)
    if Path(out["indexing"]).resolve() != (code_root / "indexing").resolve():
        raise SystemExit(f"child imported {out['indexing']}, not {code_root / 'indexing'}")
    return out


def _run_child(code_root: Path, data: Path, key: str) -> dict[str, Any]:
    return run_child(Path(__file__), code_root, ["--data", str(data.resolve()), "--key", key], "labeller")


def baseline_tree(main: Path, ref: str, dest: Path) -> Path:
    """`indexing` of `ref` in the checkout `main`, written under `dest` (the baseline's code)."""
    blob = subprocess.run(["git", "-C", str(main), "archive", ref, "indexing"], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(blob)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def _line(label: str, s: dict[str, Any]) -> str:
    t, ti = s["tools"], s["titles"]

    def pr(k: str) -> str:
        return f"{t[k]['precision']:.2f}/{t[k]['recall']:.2f}"

    return (f"{label:9s} {pr('strict'):>9s} {pr('lenient'):>9s} {pr('said'):>9s} {pr('session'):>9s} {pr('own_strict'):>9s} "
            f"{pr('own_lenient'):>9s} {pr('tips'):>9s} {pr('warnings'):>9s} | {ti.get('imperative', 0):.2f} {ti.get('object', 0):.2f} {ti.get('verb', 0):.2f} "
            f"{ti.get('short', 0):.2f} {ti.get('complete', 0):.2f} {ti.get('ok', 0):.2f} | {ti.get('category', 0):.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--key", default="default")
    ap.add_argument("--main", type=Path, default=Path("/work/main"), help="git checkout holding the baseline")
    ap.add_argument("--baseline-ref", default="HEAD")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--parts", choices=("tune", "test", *BLIND_SETS), nargs="+", default=["tune", "test"],
                    help="the held-out halves to print (tune only while tuning; a blind part once, at the end)")
    ap.add_argument("--show", choices=("tune", "test"), help="print each step's labels of this half")
    ap.add_argument("--fresh", choices=("tune", "test"), action="append", default=[],
                    help="also score this half of the fresh tools set (labels_tools_fresh.py); repeatable")
    ap.add_argument("--text", action="store_true", help="with --show: also print each step's script and recognised text")
    ap.add_argument("--show-fresh", choices=("tune", "test"), help="print each fresh case's tools of this half")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return child_main(args.data, args.key)

    truths = {p.name[: -len(".truth.json")]: json.loads(p.read_text(encoding="utf-8"))
              for p in sorted(args.data.glob("*.truth.json"))}
    runs: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="t9base-") as base:
        if not args.no_baseline:
            runs["baseline"] = _run_child(baseline_tree(args.main, args.baseline_ref, Path(base)), args.data, args.key)
        runs["this"] = _run_child(ROOT, args.data, args.key)
    halves = ["tune", "test", *(p for p in args.parts if p in BLIND_SETS)]
    results = {label: {part: score(pred, truths, part) for part in halves} for label, pred in runs.items()}

    print("tools P/R: strict, lenient, said (recall over the tools the step's narration names), session (evaluate.py's union), own boundaries strict, lenient;"
          " tips P/R, warnings P/R | titles: imperative object verb <=8 complete ok | category")
    for part in args.parts:
        said = results["this"][part]["tools"]["said"]["n_true"]
        every = results["this"][part]["tools"]["lenient"]["n_true"]
        heard = results["this"][part]["said_heard"]
        print(f"--- {part} half ({results['this'][part]['steps']} steps; {said} of {every} truth tools named on their"
              f" step, {heard} of them still named in the recognised text)")
        for label in results:
            print(_line(label, results[label][part]))
    for part in args.fresh:
        fr = {label: score_fresh(pred, part) for label, pred in runs.items()}
        print(f"--- fresh tools set, {part} half ({fr['this']['steps']} steps): tools P/R strict, lenient")
        for label, s in fr.items():
            print(f"{label:9s} {s['strict']['precision']:.2f}/{s['strict']['recall']:.2f} "
                  f"{s['lenient']['precision']:.2f}/{s['lenient']['recall']:.2f}"
                  f"  (lenient {s['lenient']['tp']} of {s['lenient']['n_true']} found, {s['lenient']['n_pred']} labelled)")
        for label in results:
            results[label]["fresh_" + part] = fr[label]
    if args.show_fresh:
        mod = _fresh_module()
        for case_id, _, text, truth in mod.CASES:
            if mod.split_of(case_id) != args.show_fresh:
                continue
            got = runs["this"]["fresh"][case_id]
            tp, n_p, n_t = match_count(got, truth, lenient=True)
            mark = "" if tp == n_p == n_t else "  <--"
            print(f"## {case_id}{mark}\n  {text}\n  truth {truth}\n  this  {got}")
    if args.show:
        for name, rec in sorted(runs["this"]["recordings"].items()):
            truth = truths[name]
            if half_of(truth) != args.show:
                continue
            print(f"## {name}")
            base = runs.get("baseline", {}).get("recordings", {}).get(name, {}).get("true", [{}] * len(rec["true"]))
            for step, b, ts in zip(rec["true"], base, truth["steps"], strict=True):
                print(f"  truth {ts['title']!r} {ts['tools']}")
                print(f"  this  {step['title']!r} {step['tools']}")
                if args.text:
                    print(f"    said  {ts.get('text', '')}\n    heard {step['text']}")
                for kind in ("tips", "warnings"):
                    if ts.get(kind) or step.get(kind):
                        print(f"    {kind} truth {ts.get(kind)}\n    {kind} this  {step.get(kind)}")
                if b:
                    print(f"  base  {b.get('title')!r} {b.get('tools')}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
