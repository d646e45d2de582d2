"""The segmenter-fitting tool: labels, the harness matching `segment()`, the regression, the scores."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from indexing.segment import segment
from indexing.segment.learned import FEATURES, Params, params_for
from tests.test_segment import PRESS, make_transcript

_spec = importlib.util.spec_from_file_location("heldout_fit_boundaries", Path(__file__).with_name("fit_boundaries.py"))
assert _spec and _spec.loader
fb = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = fb
_spec.loader.exec_module(fb)


def _press_session(true_starts: list[float]) -> object:
    tx = make_transcript(PRESS, 40.0)
    return fb.Session("press", "en", "tune", "fixed", tx, None, 40.0, true_starts)


def test_labels_are_the_sentence_starts_nearest_the_true_starts():
    # 11.5 -> the sentence at 12.0; 26.0 is 3 s from 23.0 and 1.7 s from 27.7 -> 27.7; 50.0 is too far.
    s = _press_session([1.0, 11.5, 26.0, 50.0])
    assert s.labels == [0, 0, 1, 0, 0, 1, 0, 0]


def test_harness_makes_the_same_starts_as_segment():
    s = _press_session([1.0, 12.0, 23.0, 31.2])
    _, steps = segment(s.transcript, duration=40.0, method="learned")
    assert s.starts(params_for("en")) == [st.start for st in steps] == [0.7, 11.7, 22.7, 30.9]
    assert s.through_segment("learned") == [0.7, 11.7, 22.7, 30.9]


def _fake(lang: str, rows: list[list[float]], labels: list[int]) -> SimpleNamespace:
    return SimpleNamespace(lang=lang, rows=[[0.0] * len(FEATURES)] + rows, labels=[0] + labels)


def test_logistic_regression_finds_the_informative_feature():
    k = FEATURES.index("cue")

    def row(cue: float, noise: float) -> list[float]:
        r = [0.0] * len(FEATURES)
        r[k], r[FEATURES.index("lexical")] = cue, noise
        return r

    en = _fake("en", [row(1.0, 0.3), row(0.0, 0.3), row(0.0, 0.7), row(0.0, 0.0), row(1.0, 0.7), row(0.0, 0.5)],
               [1, 0, 0, 0, 1, 1])
    ko = _fake("ko", [row(1.0, 0.2), row(0.0, 0.9), row(0.0, 0.1), row(1.0, 0.4)], [1, 0, 0, 0])
    weights, bias = fb.fit_logistic([en, ko])
    assert set(weights) == set(FEATURES)
    assert weights["cue"] > 1.0 and bias < 0.0
    assert weights["action"] == 0.0  # a feature that is always 0 gets no weight


def test_score_micro_averages_and_counts_exact_sessions():
    a = SimpleNamespace(name="a", camera="fixed", true_starts=[0.0, 10.0, 20.0])
    b = SimpleNamespace(name="b", camera="steps", true_starts=[0.0, 5.0])
    m = fb.score({"a": [0.0, 10.5, 30.0], "b": [0.0, 5.0]}, [a, b])
    # a: 1 of 2 cuts right; b: 1 of 1 -> micro P = R = 2/3.
    assert m["f1"] == pytest.approx(0.667, abs=1e-3)
    assert m["f1_fixed"] == 0.5 and m["exact"] == 1.0 and m["n"] == 2


def test_later_part_is_its_own_group_and_never_in_the_tune_half(tmp_path):
    # manifest.json (parts A-C) plus manifest_d.json (part D): both are read; D's sessions are "D".
    import json

    (tmp_path / "manifest.json").write_text(json.dumps([
        {"name": "a", "media": "a.wav", "truth": "a.truth.json", "decoy": False, "part": "tune"}]))
    (tmp_path / "manifest_d.json").write_text(json.dumps([
        {"name": "d", "media": "d.wav", "truth": "d.truth.json", "decoy": False, "part": "test", "set": "D"}]))
    tx = make_transcript(PRESS, 40.0)
    from dataclasses import asdict

    (tmp_path / "cache" / "k").mkdir(parents=True)
    for name, extra in (("a", {}), ("d", {"set": "D"})):
        (tmp_path / f"{name}.truth.json").write_text(json.dumps({"steps": [{"start": 1.0}], "part": "x", **extra}))
        (tmp_path / "cache" / "k" / f"{name}.json").write_text(json.dumps(
            {"name": name, "part": "test" if extra else "tune", "camera": "none", "duration": 40.0,
             "transcript": asdict(tx), "visual": None}))
    assert [e["name"] for e in fb.ci.read_manifest(tmp_path)] == ["a", "d"]
    assert {s.name: s.part for s in fb.english(tmp_path, "k")} == {"a": "tune", "d": "D"}


def test_blind_parts_are_left_out_unless_asked(tmp_path):
    # Parts F, G, H and I (manifest_f/g/h/i.json) are blind: only `--blind` scores them (all, or those named);
    # E (fitted on since round 5), F, G, H and I are own groups.
    import json
    from dataclasses import asdict

    tx = make_transcript(PRESS, 40.0)
    (tmp_path / "manifest.json").write_text(json.dumps([
        {"name": "a", "media": "a.wav", "truth": "a.truth.json", "decoy": False, "part": "tune"}]))
    (tmp_path / "cache" / "k").mkdir(parents=True)
    for name, extra in (("a", {}), ("e", {"set": "E"}), ("f", {"set": "F"}), ("g", {"set": "G"}),
                        ("h", {"set": "H"}), ("i", {"set": "I"})):
        if extra:
            (tmp_path / f"manifest_{name}.json").write_text(json.dumps([
                {"name": name, "media": f"{name}.wav", "truth": f"{name}.truth.json", "decoy": False, "part": "test",
                 **extra}]))
        (tmp_path / f"{name}.truth.json").write_text(json.dumps({"steps": [{"start": 1.0}], "part": "x", **extra}))
        (tmp_path / "cache" / "k" / f"{name}.json").write_text(json.dumps(
            {"name": name, "part": "test" if extra else "tune", "camera": "none", "duration": 40.0,
             "transcript": asdict(tx), "visual": None}))
    assert {s.name: s.part for s in fb.english(tmp_path, "k")} == {"a": "tune", "e": "E"}
    assert {s.name: s.part for s in fb.english(tmp_path, "k", blind=True)} == {"a": "tune", "e": "E", "f": "F",
                                                                               "g": "G", "h": "H", "i": "I"}
    assert {s.name: s.part for s in fb.english(tmp_path, "k", blind=["F"])} == {"a": "tune", "e": "E", "f": "F"}
    assert {s.name: s.part for s in fb.english(tmp_path, "k", blind=["G"])} == {"a": "tune", "e": "E", "g": "G"}
    assert {s.name: s.part for s in fb.english(tmp_path, "k", blind=["H"])} == {"a": "tune", "e": "E", "h": "H"}
    assert {s.name: s.part for s in fb.english(tmp_path, "k", blind=["I"])} == {"a": "tune", "e": "E", "i": "I"}
    assert fb.BLIND_SETS == ("F", "G", "H", "I")


def test_decode_grid_chooses_what_decode_chooses_for_every_setting():
    import numpy as np

    from indexing.segment.learned import decode, log_odds

    s = _press_session([1.0, 12.0, 23.0, 31.2])
    logits = log_odds(s.rows, Params())
    grid = {"cut_cost": [-1.0, 0.75, 2.0], "length": [0.0, 1.5, 3.0], "typical": [0.0, 8.0, 20.0],
            "short": [0.5, 1.0], "width": [0.0, 0.7], "typical_n": [0.0, 2.5]}
    pts = np.array(fb.sd.points(grid), dtype=float)
    starts = [x.start for x in s.sentences]
    fast = fb.decode_grid(starts, s.sentences[-1].end, logits, pts)
    for row, got in zip(pts.tolist(), fast, strict=True):
        params = Params(cut_cost=row[0], length=row[1], typical=row[2], short=row[3], width=row[4], typical_n=row[5])
        assert got == decode(starts, s.sentences[-1].end, logits, params)
    assert fb.grid_counts([s], Params(), grid).tolist() == fb.grid_counts_slow([s], Params(), grid).tolist()


def test_leave_one_part_out_holds_out_each_english_author_and_keeps_korean():
    def fake(name: str, lang: str, part: str) -> SimpleNamespace:
        return SimpleNamespace(name=name, lang=lang, part=part)

    tune = [fake("pump_seal", "en", "tune"), fake("conveyor_belt", "en", "tune"), fake("x_c", "en", "tune"),
            fake("d1", "en", "D"), fake("k1", "ko", "tune")]
    splits = fb.part_splits(tune)
    assert [p for p, _, _ in splits] == ["A", "C", "D"]
    assert splits[0][2] == [0, 1] and splits[0][1] == [2, 3, 4]
    assert all(4 in train and 4 not in test for _, train, test in splits)


def test_behaviour_sessions_hold_with_the_module_constants_and_a_cheap_cut_breaks_them():
    grid = {"cut_cost": [-2.0, 0.75], "length": [0.0, 1.5], "typical": [8.0], "short": [1.0], "width": [0.0],
            "typical_n": [0.0]}
    mask = fb.behaviour_mask(fb.behaviour_sessions(), Params(), grid)
    # (cut -2, no prior), (cut -2, prior), (cut 0.75, no prior), (cut 0.75, prior): the last is the module's.
    # Since "Keep it level as it comes up" reads as a continuation (b26), cut 0.75 keeps them without the prior too.
    assert mask.tolist() == [False, False, True, True]
    assert fb.sd.choose(np.array([3.0, 2.0, 1.0, 0.5]), grid, "best", mask)[0] == 2


def test_decode_grid_matches_decode_with_the_step_coherence_term():
    import numpy as np

    from indexing.segment.learned import decode, log_odds

    s = _press_session([1.0, 12.0, 23.0, 31.2])
    logits = log_odds(s.rows, Params())
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(len(s.sentences), 8))
    grid = {"cut_cost": [0.0, 0.75, 2.0], "length": [0.0, 1.5], "typical": [8.0], "short": [1.0], "width": [0.0],
            "typical_n": [0.0], "step_coherence": [0.0, 1.0, 4.0]}
    pts = np.array(fb.sd.points(grid), dtype=float)
    starts = [x.start for x in s.sentences]
    fast = fb.decode_grid(starts, s.sentences[-1].end, logits, pts, vectors=vectors)
    for row, got in zip(pts.tolist(), fast, strict=True):
        params = Params(cut_cost=row[0], length=row[1], typical=row[2], short=row[3], width=row[4],
                        typical_n=row[5], step_coherence=row[6])
        assert got == decode(starts, s.sentences[-1].end, logits, params, vectors=vectors)
    # The term changes choices somewhere on this grid (it is not a no-op).
    assert fast != fb.decode_grid(starts, s.sentences[-1].end, logits, pts[:, :6])
