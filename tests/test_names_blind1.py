"""Shape of the blind Korean name set `tests/heldout_ko/names_blind1.py` (its consistency only, never its
redaction figures) and of its scorer `tests/benchmarks/bench_ko_names.py` on made-up sentences."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
KO = ROOT / "tests" / "heldout_ko"
OTHER_SPLITS = ("scripts_ko", "scripts_ko_test", "scripts_ko_test2", "scripts_ko_test3", "scripts_ko_test4",
                "scripts_ko_test5", "scripts_ko_test6", "scripts_ko_tune_l15", "scripts_ko_tune_more")
OTHER_COMPOUND = ("남궁", "독고", "동방", "사공", "제갈", "황보", "선우", "서문", "어금", "망절", "황목")


def _load(path: Path, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def blind() -> Any:
    return _load(KO / "names_blind1.py", "names_blind1_shape")


def _split(name: str, compound: tuple[str, ...]) -> tuple[str, str]:
    if len(name) == 4 or name[:2] in compound:
        return name[:2], name[2:]
    return name[:1], name[1:]


def _other_names() -> tuple[set[str], set[str], set[str]]:
    """Surnames, given names and confidential terms of every other Korean split and of the Korean
    anonymization tests."""
    if str(KO) not in sys.path:
        sys.path.insert(0, str(KO))
    people: set[str] = set()
    terms: set[str] = set()
    for mod_name in OTHER_SPLITS:
        if not (KO / f"{mod_name}.py").exists():
            continue
        mod = importlib.import_module(mod_name)
        for value in vars(mod).values():
            if isinstance(value, list):
                for p in value:
                    if hasattr(p, "expert") and hasattr(p, "people"):
                        people |= {p.expert, *p.people}
                        terms |= set(p.confidential)
    src = (ROOT / "tests" / "test_anonymize_ko.py").read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.fullmatch(r"[가-힣]{1,4}", node.value):
            people.add(node.value)
    sur, giv = set(), set()
    for n in people:
        if len(n) == 1:
            sur.add(n)
        elif len(n) == 2:
            giv.add(n)
        else:
            s, g = _split(n, OTHER_COMPOUND)
            sur.add(s)
            giv.add(g)
    return sur, giv, terms


def test_counts(blind: Any) -> None:
    cases = [c for g in blind.GROUPS for c in g.cases]
    assert sum(1 for c in cases if c.names) >= 75
    assert sum(1 for c in cases if c.keep and not c.names) >= 38
    assert len({g.expert for g in blind.GROUPS}) == len(blind.GROUPS)
    assert all(len(g.confidential) >= 2 for g in blind.GROUPS)


def test_every_name_is_a_part_of_a_person_and_leaks_from_its_raw_sentence(blind: Any) -> None:
    leaks = _load(KO / "evaluate_ko.py", "evaluate_ko_shape").leaks
    parts = set(blind.NICKNAMES)
    for p in blind.PEOPLE:
        s, g = _split(p, blind.COMPOUND_SURNAMES)
        parts |= {p, s, g}
    assert {g.expert for g in blind.GROUPS} <= set(blind.PEOPLE)
    for g in blind.GROUPS:
        for c in g.cases:
            assert set(c.names) <= parts, c.text
            # the leak check sees every listed name in the unredacted sentence (no case passes vacuously)
            assert sorted(leaks(c.text, {"people": c.names, "confidential": []})) == sorted(c.names), c.text


def test_every_term_and_kept_word_occurs(blind: Any) -> None:
    for g in blind.GROUPS:
        text = " ".join(c.text for c in g.cases)
        for t in g.confidential:
            assert re.search(r"\s*".join(map(re.escape, t.split())), text), t
        for c in g.cases:
            for w in c.keep:
                assert w in c.text, (w, c.text)
                assert not any(n in w for n in c.names if len(n) > 1), (w, c.text)


def test_no_name_or_term_shared_with_other_splits(blind: Any) -> None:
    sur, giv, terms = _other_names()
    assert sur and giv and terms
    for p in blind.PEOPLE:
        s, g = _split(p, blind.COMPOUND_SURNAMES)
        assert s not in sur, p
        assert g not in giv, p
    mine = {t for g in blind.GROUPS for t in g.confidential}
    assert not mine & terms
    assert not {w for t in mine for w in t.split() if re.search(r"[A-Z]+-\d", w)} & {
        w for t in terms for w in t.split() if re.search(r"[A-Z]+-\d", w)}


def test_scorer_counts_made_up_sentences(tmp_path: Path) -> None:
    bench = _load(ROOT / "tests" / "benchmarks" / "bench_ko_names.py", "bench_ko_names_shape")
    src = (
        "from dataclasses import dataclass, field\n"
        "@dataclass\nclass Case:\n    text: str\n    names: list = field(default_factory=list)\n"
        "    keep: list = field(default_factory=list)\n"
        "@dataclass\nclass Group:\n    name: str\n    expert: str\n    confidential: list\n    cases: list\n"
        "GROUPS = [Group('g', 'Quentin Vale', ['QQ-1 plan'], [\n"
        "    Case('Quentin Vale wrote the QQ-1 plan.', ['Quentin Vale'], ['wrote']),\n"
        "    Case('Zorblax checks it.', ['Zorblax'], ['checks', 'absentword'])])]\n")
    (tmp_path / "made_up.py").write_text(src, encoding="utf-8")
    res = bench.score(bench.load_set(str(tmp_path / "made_up.py")).GROUPS)
    assert res["sentences"] == 2
    assert (res["names"], res["names_leaked"]) == (2, 1)  # the known expert goes, an unknown bare word stays
    assert (res["terms"], res["terms_leaked"]) == (1, 0)
    assert (res["keep"], res["keep_lost"]) == (3, 1)  # a word absent from the output counts as lost
