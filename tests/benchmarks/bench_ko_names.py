"""Korean name redaction on a name set (on demand): leaked names, leaked terms, lost ordinary words.

A name set (`tests/heldout_ko/<set>.py`, e.g. `names_blind1`, or a path to such a file) holds session
groups, each with its expert, confidential terms and narration sentences. Every sentence goes through
the redaction an `--anonymize` export uses: one `indexing.export.anonymize.Redactor` for the whole
library, built as the exporter builds it (the people the library knows, here every group's expert,
and every confidential term), its `text` applied to each sentence in order (learning the names it
finds on the way). Then, as `evaluate_ko.leaks` checks an export:
    names leaked   listed names still present (of N listed),
    terms leaked   confidential terms of the group still present (of T occurrences in the input),
    words lost     ordinary words marked `keep` no longer present (of M).
Aggregates only: a blind set shows nothing per sentence. The tree scored is whatever `PYTHONPATH`
starts it (baseline and candidate: run it twice, once from each checkout).

    python tests/benchmarks/bench_ko_names.py --set names_blind1 [--json F]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SETS = ROOT / "tests" / "heldout_ko"


def _load(path: Path, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def load_set(name: str) -> Any:
    """The name-set module `name` (a module of `tests/heldout_ko` or a path to a .py file)."""
    path = Path(name) if name.endswith(".py") else SETS / f"{name}.py"
    return _load(path, f"names_set_{path.stem}")


def _term_in(term: str, text: str) -> bool:
    return re.search(r"\s*".join(map(re.escape, term.split())), text) is not None


def score(groups: list[Any]) -> dict[str, Any]:
    """Redact every sentence of `groups` as an anonymized export would and count what is left."""
    from indexing.export.anonymize import Redactor

    leaks = _load(SETS / "evaluate_ko.py", "evaluate_ko_for_names").leaks
    experts = sorted({g.expert for g in groups})
    terms = sorted({t for g in groups for t in g.confidential})
    red = Redactor(experts, terms)
    out: dict[str, Any] = {"sentences": 0, "names": 0, "names_leaked": 0, "terms": 0, "terms_leaked": 0,
                           "keep": 0, "keep_lost": 0, "sentences_with_leak": 0}
    for g in groups:
        for case in g.cases:
            masked = red.text(case.text)
            present = [t for t in g.confidential if _term_in(t, case.text)]
            found = set(leaks(masked, {"people": case.names, "confidential": present}))
            n_names = sum(1 for n in case.names if n in found)
            n_terms = sum(1 for t in present if t in found)
            lost = sum(1 for w in case.keep if w not in masked)
            out["sentences"] += 1
            out["names"] += len(case.names)
            out["names_leaked"] += n_names
            out["terms"] += len(present)
            out["terms_leaked"] += n_terms
            out["keep"] += len(case.keep)
            out["keep_lost"] += lost
            out["sentences_with_leak"] += bool(n_names or n_terms)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", required=True, help="name set: a module of tests/heldout_ko or a .py path")
    ap.add_argument("--json", help="write the aggregates to this file")
    args = ap.parse_args(argv)
    res = score(load_set(args.set).GROUPS)
    res["set"] = args.set
    print(f"{args.set}: {res['sentences']} sentences; names leaked {res['names_leaked']} of {res['names']}; "
          f"terms leaked {res['terms_leaked']} of {res['terms']}; ordinary words lost "
          f"{res['keep_lost']} of {res['keep']}")
    if args.json:
        Path(args.json).write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
