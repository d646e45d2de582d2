"""The held-out scripts meet the evaluation set's brief (pure data checks; nothing is rendered)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from indexing.models import CATEGORIES

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from heldout_types import Recording  # noqa: E402
from scripts_a import RECORDINGS_A  # noqa: E402
from scripts_b import RECORDINGS_B  # noqa: E402
from scripts_c import RECORDINGS_C  # noqa: E402
from scripts_d import RECORDINGS_D  # noqa: E402
from scripts_e import RECORDINGS_E  # noqa: E402
from scripts_f import RECORDINGS_F  # noqa: E402
from scripts_g import RECORDINGS_G  # noqa: E402
from scripts_h import RECORDINGS_H  # noqa: E402
from scripts_i import RECORDINGS_I  # noqa: E402

RECORDINGS = (RECORDINGS_A + RECORDINGS_B + RECORDINGS_C + RECORDINGS_D + RECORDINGS_E + RECORDINGS_F
              + RECORDINGS_G + RECORDINGS_H + RECORDINGS_I)
SAMPLE_TRUTH = HERE.parents[1] / "assets" / "sample" / "die_change.truth.json"


def _words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9 ]", " ", text.lower().replace("'", "")).split()


def _bigrams(text: str) -> set[tuple[str, str]]:
    w = _words(text)
    return set(zip(w, w[1:], strict=False))


def test_set_composition() -> None:
    assert len(RECORDINGS) >= 12
    assert len({r.name for r in RECORDINGS}) == len(RECORDINGS)
    assert {r.domain for r in RECORDINGS} == {"repair", "maintenance", "kitchen"}
    assert sum(r.scene == "fixed" for r in RECORDINGS) >= 3
    assert sum(r.scene == "steps" for r in RECORDINGS) >= 3
    assert sum(r.scene is None for r in RECORDINGS) >= 3
    assert {r.ext for r in RECORDINGS if r.scene is None} == {"wav", "mp3"}
    assert sum(r.noise > 0 for r in RECORDINGS) >= 4
    assert len({r.voice[0] for r in RECORDINGS}) >= 8
    assert all(130 <= r.voice[1] <= 190 for r in RECORDINGS)
    # Some recordings pause long inside steps, some pause only briefly between steps.
    assert sum(any(isinstance(p, float) and p >= 2.0 for s in r.steps for p in s.parts) for r in RECORDINGS) >= 3
    assert sum(max(r.pauses) <= 1.3 for r in RECORDINGS) >= 2


def test_hard_cases_for_segmentation() -> None:
    # Part C: natural voices, fixed cameras, 2-2.5 s pauses inside steps at least as long as
    # the pauses between them, and split into a part to tune on and a part to test on.
    assert sum(r.voice[0].startswith("festival:") for r in RECORDINGS_C) >= 6
    assert sum(r.scene == "fixed" for r in RECORDINGS_C) >= 5
    for rec in RECORDINGS_C:
        inner = [p for s in rec.steps for p in s.parts if isinstance(p, float)]
        assert inner and min(inner) >= 2.0 and max(inner) <= 2.5
        assert max(inner) >= max(rec.pauses), rec.name
    parts = [r.part for r in RECORDINGS_C]
    assert parts.count("tune") == parts.count("test") == len(RECORDINGS_C) // 2
    # Few cue words: most steps open without "next", "then", "first", "finally", "now" ...
    cues = ("next", "then", "first", "finally", "now", "after that", "step")
    openings = [s.text.lower() for r in RECORDINGS_C for s in r.steps]
    assert sum(o.startswith(cues) for o in openings) <= 2


@pytest.mark.parametrize("rec", RECORDINGS, ids=lambda r: r.name)
def test_recording_script(rec) -> None:  # type: ignore[no-untyped-def]
    assert 4 <= len(rec.steps) <= 8
    assert rec.category in CATEGORIES
    for step in rec.steps:
        assert step.category in CATEGORIES
        assert step.title and step.text and step.description
        for sentence in step.tips + step.warnings:
            assert sentence in step.text
        # The trainee's description is written in other words than the narration.
        desc = _bigrams(step.description)
        assert len(desc & _bigrams(step.text)) <= 0.5 * len(desc), step.description


# festival speaks a word in about 0.8 of the time its nominal rate says (measured on the rendered part D).
FESTIVAL_WORD_TIME = 0.8


def _seconds(rec, step) -> float:  # type: ignore[no-untyped-def]
    # From its start to the next step's (the last: to the end, 1.2 s tail): words, gaps and scripted pauses.
    said = [p for p in step.parts if isinstance(p, str)]
    words = sum(len(p.split()) for p in said)
    return FESTIVAL_WORD_TIME * words * 60.0 / rec.voice[1] + rec.voice[2] * (len(said) - 1) + sum(
        p for p in step.parts if isinstance(p, float)) + (step.pause_after if step is not rec.steps[-1] else 1.2)


def test_blind_part_d() -> None:
    # Part D: a new author, other trades, all test; natural voices at other speeds than part C and the sample.
    earlier = RECORDINGS_A + RECORDINGS_B + RECORDINGS_C
    assert 6 <= len(RECORDINGS_D) <= 8
    assert all(r.part == "test" for r in RECORDINGS_D)
    assert not {r.name for r in RECORDINGS_D} & {r.name for r in earlier}
    assert not {r.title for r in RECORDINGS_D} & {r.title for r in earlier}
    assert all(r.voice[0].startswith("festival:") for r in RECORDINGS_D)
    assert not {r.voice[:2] for r in RECORDINGS_D} & {r.voice[:2] for r in earlier}
    assert all(r.voice[1] != 160 for r in RECORDINGS_D if r.voice[0].endswith("_hts"))  # the sample's HTS rate
    assert len(RECORDINGS_D) // 2 <= sum(r.scene == "fixed" for r in RECORDINGS_D) <= len(RECORDINGS_D) // 2 + 1
    for rec in RECORDINGS_D:
        inner = [p for s in rec.steps for p in s.parts if isinstance(p, float)]
        assert inner and min(inner) >= 2.0 and max(inner) <= 2.5, rec.name
        assert max(inner) >= max(rec.pauses) and max(rec.pauses) >= 2.0, rec.name
        assert min(rec.pauses) >= 1.2, rec.name
        seconds = [_seconds(rec, s) for s in rec.steps]
        assert 4.0 <= min(seconds) <= 8.0, (rec.name, seconds)
        assert 60.0 <= sum(seconds) <= 120.0, rec.name
        assert any(t for s in rec.steps for t in s.tools if any(c.isdigit() for c in t)), rec.name  # a size
        assert any(s.tips for s in rec.steps) and any(s.warnings for s in rec.steps), rec.name
    seconds = [_seconds(r, s) for r in RECORDINGS_D for s in r.steps]
    assert sum(t <= 8.0 for t in seconds) >= 8 and sum(t >= 25.0 for t in seconds) >= 4, sorted(seconds)
    # Cue words open at most about half of the steps after the first, and some sentences inside steps too.
    cues = ("next", "then", "first", "finally", "now", "after that", "step")
    later = [s.text.lower() for r in RECORDINGS_D for s in r.steps[1:]]
    assert 0.2 * len(later) <= sum(o.startswith(cues) for o in later) <= 0.5 * len(later)
    inside = [p.lower() for r in RECORDINGS_D for s in r.steps for p in s.parts[1:] if isinstance(p, str)]
    assert sum(p.startswith(cues) for p in inside) >= 3


def test_blind_part_e() -> None:
    # Part E: yet another author and trades, all test; festival voices at speeds no earlier part used.
    earlier = RECORDINGS_A + RECORDINGS_B + RECORDINGS_C + RECORDINGS_D
    assert 6 <= len(RECORDINGS_E) <= 8
    assert all(r.part == "test" for r in RECORDINGS_E)
    assert not {r.name for r in RECORDINGS_E} & {r.name for r in earlier}
    assert not {r.title for r in RECORDINGS_E} & {r.title for r in earlier}
    assert all(r.voice[0].startswith("festival:") for r in RECORDINGS_E)
    assert not {r.voice[:2] for r in RECORDINGS_E} & {r.voice[:2] for r in earlier}
    assert len(RECORDINGS_E) // 2 <= sum(r.scene == "fixed" for r in RECORDINGS_E) <= len(RECORDINGS_E) // 2 + 1
    for rec in RECORDINGS_E:
        inner = [p for s in rec.steps for p in s.parts if isinstance(p, float)]
        assert inner and min(inner) >= 2.0 and max(inner) <= 2.5, rec.name
        assert max(inner) >= max(rec.pauses) and max(rec.pauses) >= 2.0 and min(rec.pauses) >= 1.2, rec.name
        seconds = [_seconds(rec, s) for s in rec.steps]
        assert 4.0 <= min(seconds) <= 8.0 and 60.0 <= sum(seconds) <= 120.0, (rec.name, seconds)
        assert any(t for s in rec.steps for t in s.tools if any(c.isdigit() for c in t)), rec.name
        assert any(s.tips for s in rec.steps) and any(s.warnings for s in rec.steps), rec.name
    seconds = [_seconds(r, s) for r in RECORDINGS_E for s in r.steps]
    assert sum(t <= 8.0 for t in seconds) >= 10 and sum(t >= 25.0 for t in seconds) >= 5, sorted(seconds)
    # Few cue words open a step; many sentences inside steps carry on with one ("then", "now" ...).
    cues = ("next", "then", "first", "finally", "now", "after that", "step")
    later = [s.text.lower() for r in RECORDINGS_E for s in r.steps[1:]]
    assert sum(o.startswith(cues) for o in later) <= 0.2 * len(later)
    inside = [p.lower() for r in RECORDINGS_E for s in r.steps for p in s.parts[1:] if isinstance(p, str)]
    assert sum(p.startswith(cues + ("and ", "so ")) for p in inside) >= 8


def test_blind_part_f() -> None:
    # Part F: a third new author and trades, all test; festival voices at speeds no earlier part uses.
    earlier = RECORDINGS_A + RECORDINGS_B + RECORDINGS_C + RECORDINGS_D + RECORDINGS_E
    assert len(RECORDINGS_F) == 8
    assert all(r.part == "test" for r in RECORDINGS_F)
    assert not {r.name for r in RECORDINGS_F} & {r.name for r in earlier}
    assert not {r.title for r in RECORDINGS_F} & {r.title for r in earlier}
    assert {r.domain for r in RECORDINGS_F} == {"repair", "maintenance", "kitchen"}
    assert all(r.voice[0].startswith("festival:") for r in RECORDINGS_F)
    assert {r.voice[0] for r in RECORDINGS_F} == {"festival:cmu_us_slt_arctic_hts", "festival:kal_diphone"}
    assert not {r.voice[1] for r in RECORDINGS_F} & {r.voice[1] for r in earlier}  # speeds of their own
    assert sum(r.scene == "fixed" for r in RECORDINGS_F) == len(RECORDINGS_F) // 2
    for rec in RECORDINGS_F:
        inner = [p for s in rec.steps for p in s.parts if isinstance(p, float)]
        # Pauses inside steps as long as those between them: the same range, both reaching 2 s.
        assert inner and min(inner) >= 1.8 and max(inner) <= 2.5, rec.name
        assert min(rec.pauses) >= 1.3 and max(rec.pauses) <= 2.5, rec.name
        assert max(inner) >= 2.0 and max(rec.pauses) >= 2.0, rec.name
        assert max(inner) >= min(rec.pauses) and max(rec.pauses) >= min(inner), rec.name
        seconds = [_seconds(rec, s) for s in rec.steps]
        assert 4.0 <= min(seconds) <= 8.0 and 60.0 <= sum(seconds) <= 120.0, (rec.name, seconds)
        assert max(seconds) >= 2.5 * min(seconds), (rec.name, seconds)  # mixed lengths
        assert any(t for s in rec.steps for t in s.tools if any(c.isdigit() for c in t)), rec.name  # a size
        assert any(s.tips for s in rec.steps) and any(s.warnings for s in rec.steps), rec.name
    seconds = [_seconds(r, s) for r in RECORDINGS_F for s in r.steps]
    assert sum(t <= 8.0 for t in seconds) >= 8 and sum(t >= 25.0 for t in seconds) >= 5, sorted(seconds)
    # Cue words open about a third of the steps after the first.
    cues = ("next", "then", "first", "finally", "now", "after that", "step")
    later = [s.text.lower() for r in RECORDINGS_F for s in r.steps[1:]]
    assert 0.25 * len(later) <= sum(o.startswith(cues) for o in later) <= 0.4 * len(later)
    notes = [n.lower() for r in RECORDINGS_F for s in r.steps for n in s.tips]
    assert any(n.startswith("do not") for n in notes)
    # Sizes said the trade's way: millimetres, inches and a drive size.
    tools = [t for r in RECORDINGS_F for s in r.steps for t in s.tools]
    assert any(" mm " in f" {t} " for t in tools) and any(" inch " in f" {t} " for t in tools)
    assert any(t.startswith("3/8") for t in tools)


def test_blind_part_g() -> None:
    # Part G: a seventh author and trades, all test; festival voices at speeds no earlier part uses.
    earlier = RECORDINGS_A + RECORDINGS_B + RECORDINGS_C + RECORDINGS_D + RECORDINGS_E + RECORDINGS_F
    assert len(RECORDINGS_G) == 8 and 42 <= sum(len(r.steps) for r in RECORDINGS_G) <= 48
    assert all(r.part == "test" for r in RECORDINGS_G)
    assert not {r.name for r in RECORDINGS_G} & {r.name for r in earlier}
    assert not {r.title for r in RECORDINGS_G} & {r.title for r in earlier}
    assert {r.domain for r in RECORDINGS_G} == {"repair", "maintenance", "kitchen"}
    assert {r.voice[0] for r in RECORDINGS_G} == {"festival:cmu_us_slt_arctic_hts", "festival:kal_diphone"}
    assert not {r.voice[1] for r in RECORDINGS_G} & {r.voice[1] for r in earlier}  # speeds of their own
    assert len({r.voice[1] for r in RECORDINGS_G}) == len(RECORDINGS_G)
    assert [sum(r.scene == k for r in RECORDINGS_G) for k in ("fixed", "steps", None)] == [4, 2, 2]
    assert {r.ext for r in RECORDINGS_G if r.scene is None} == {"wav", "mp3"}
    for rec in RECORDINGS_G:
        inner = [p for s in rec.steps for p in s.parts if isinstance(p, float)]
        # Pauses inside steps as long as those between them: 2-2.5 s inside, 1.8-2.5 s between.
        assert inner and min(inner) >= 2.0 and max(inner) <= 2.5, rec.name
        assert min(rec.pauses) >= 1.8 and max(rec.pauses) <= 2.5, rec.name
        assert max(inner) >= max(rec.pauses) - 0.1 and sum(inner) / len(inner) >= sum(rec.pauses) / len(rec.pauses) - 0.1
        one_sentence = [s for s in rec.steps if sum(isinstance(p, str) for p in s.parts) == 1]
        assert one_sentence, rec.name
        seconds = [_seconds(rec, s) for s in rec.steps]
        assert 4.0 <= min(seconds) <= 8.0 and 60.0 <= sum(seconds) <= 120.0, (rec.name, seconds)
        assert max(seconds) >= 3.0 * min(seconds), (rec.name, seconds)  # mixed lengths
        assert any(t for s in rec.steps for t in s.tools if any(c.isdigit() for c in t)), rec.name  # a size
        assert any(s.tips for s in rec.steps) and any(s.warnings for s in rec.steps), rec.name
    seconds = [_seconds(r, s) for r in RECORDINGS_G for s in r.steps]
    assert sum(t <= 8.0 for t in seconds) >= 8 and sum(t >= 25.0 for t in seconds) >= 6, sorted(seconds)
    # Cue words open about a third of the steps after the first.
    cues = ("next", "then", "first", "finally", "now", "after that", "step")
    later = [s.text.lower() for r in RECORDINGS_G for s in r.steps[1:]]
    assert 0.28 * len(later) <= sum(o.startswith(cues) for o in later) <= 0.4 * len(later)
    # Tips that start "Do not", tips that do not, and no note that names itself a tip.
    notes = [n.lower() for r in RECORDINGS_G for s in r.steps for n in s.tips]
    assert sum(n.startswith("do not") for n in notes) >= 3 and sum(not n.startswith("do not") for n in notes) >= 4
    assert not any(" tip" in f" {n}" for n in notes)
    assert sum(len(s.warnings) for r in RECORDINGS_G for s in r.steps) >= 15
    # Sizes said the trade's way: millimetres, inches, a drive size, a belt's part number and width x length.
    tools = [t for r in RECORDINGS_G for s in r.steps for t in s.tools]
    assert any(" mm " in f" {t} " for t in tools) and any(" inch " in f" {t} " for t in tools)
    assert any(t.startswith("1/2") for t in tools) and any("SPA 1250" in t for t in tools)
    assert any(" x " in t for t in tools)
    # Trainee descriptions: no narration sentence copied, and none longer than the step's own text.
    for rec in RECORDINGS_G:
        for s in rec.steps:
            said = [p.lower().rstrip(".") for p in s.parts if isinstance(p, str)]
            assert not any(p in s.description.lower() for p in said), s.description
            assert len(s.description.split()) < len(s.text.split()), s.description


def _check_paced_recordings(recordings: list[Recording]) -> None:
    """The shape the blind parts H and I share: pauses inside steps as long as between them (2.0-2.6 s),
    mixed step lengths, one-sentence steps, a size, a tip and a warning in every recording."""
    one_sentence = 0
    for rec in recordings:
        inner = [p for s in rec.steps for p in s.parts if isinstance(p, float)]
        assert inner and min(inner) >= 2.0 and max(inner) <= 2.6, rec.name
        assert min(rec.pauses) >= 2.0 and max(rec.pauses) <= 2.6, rec.name
        assert max(inner) >= max(rec.pauses) - 0.2, rec.name
        one_sentence += any(sum(isinstance(p, str) for p in s.parts) == 1 for s in rec.steps)
        seconds = [_seconds(rec, s) for s in rec.steps]
        assert 60.0 <= sum(seconds) <= 120.0 and min(seconds) <= 12.0, (rec.name, seconds)
        assert max(seconds) >= 2.5 * min(seconds), (rec.name, seconds)  # mixed lengths
        assert any(t for s in rec.steps for t in s.tools if any(c.isdigit() for c in t)), rec.name  # a size
        assert any(s.tips for s in rec.steps) and any(s.warnings for s in rec.steps), rec.name
    assert one_sentence >= 6
    seconds = [_seconds(r, s) for r in recordings for s in r.steps]
    assert sum(t <= 10.0 for t in seconds) >= 8 and sum(t >= 25.0 for t in seconds) >= 6, sorted(seconds)


def test_blind_part_h() -> None:
    # Part H: an eighth author (blind to the rules) and trades, all test; festival voices at speeds of their own.
    earlier = (RECORDINGS_A + RECORDINGS_B + RECORDINGS_C + RECORDINGS_D + RECORDINGS_E + RECORDINGS_F
               + RECORDINGS_G)
    assert len(RECORDINGS_H) == 8 and 40 <= sum(len(r.steps) for r in RECORDINGS_H) <= 48
    assert all(r.part == "test" for r in RECORDINGS_H)
    assert not {r.name for r in RECORDINGS_H} & {r.name for r in earlier}
    assert not {r.title for r in RECORDINGS_H} & {r.title for r in earlier}
    assert {r.domain for r in RECORDINGS_H} == {"repair", "maintenance", "kitchen"}
    assert {r.voice[0] for r in RECORDINGS_H} == {"festival:cmu_us_slt_arctic_hts", "festival:kal_diphone"}
    assert not {r.voice[1] for r in RECORDINGS_H} & {r.voice[1] for r in earlier}  # speeds of their own
    assert len({r.voice[1] for r in RECORDINGS_H}) == len(RECORDINGS_H)
    assert [sum(r.scene == k for r in RECORDINGS_H) for k in ("fixed", "steps", None)] == [4, 2, 2]
    assert {r.ext for r in RECORDINGS_H if r.scene is None} == {"wav", "mp3"}
    _check_paced_recordings(RECORDINGS_H)
    # Cue words of this author's own open a third to a half of the later steps, not only "next" / "then".
    cues = ("next", "then", "first", "finally", "now", "after that", "step", "right,", "okay,", "once ", "with ",
            "last ", "second,")
    later = [s.text.lower() for r in RECORDINGS_H for s in r.steps[1:]]
    cued = [o for o in later if o.startswith(cues)]
    assert 0.33 * len(later) <= len(cued) <= 0.5 * len(later)
    assert sum(o.startswith(("next", "then")) for o in cued) <= len(cued) // 3
    # Tips that start "Do not", tips that do not, and no note that names itself a tip.
    notes = [n.lower() for r in RECORDINGS_H for s in r.steps for n in s.tips]
    assert sum(n.startswith("do not") for n in notes) >= 4 and sum(not n.startswith("do not") for n in notes) >= 3
    assert not any(" tip" in f" {n}" for n in notes)
    assert sum(len(s.warnings) for r in RECORDINGS_H for s in r.steps) >= 15
    # Sizes said the trade's way: millimetres, inches, a drive size, a timber section and a board thickness.
    tools = [t for r in RECORDINGS_H for s in r.steps for t in s.tools]
    assert any(" mm " in f" {t} " for t in tools) and any(" inch " in f" {t} " for t in tools)
    assert any(t.startswith("1/4") for t in tools) and "2 by 1 batten" in tools and "12.5 mm plasterboard" in tools
    # Every truth tool is said in its step (in words the narrator uses), and colleagues are named.
    for rec in RECORDINGS_H:
        for s in rec.steps:
            for t in s.tools:
                assert _words(t)[-1] in _words(s.text), (rec.name, t)
    text = " ".join(s.text for r in RECORDINGS_H for s in r.steps)
    assert sum(name in text for name in ("Gary", "Sunil", "Ana", "Tom", "Priya", "Kofi", "Femi", "Luca")) >= 2
    # Trainee descriptions: no narration sentence copied, and none longer than the step's own text.
    for rec in RECORDINGS_H:
        for s in rec.steps:
            said = [p.lower().rstrip(".") for p in s.parts if isinstance(p, str)]
            assert not any(p in s.description.lower() for p in said), s.description
            assert len(s.description.split()) < len(s.text.split()), s.description


def test_no_sample_phrases_reused() -> None:
    sample = json.loads(SAMPLE_TRUTH.read_text(encoding="utf-8"))
    sample_text = " ".join(s["text"] for s in sample["steps"]).lower()
    for phrase in ("the trick is", "make sure", "hear a click", "once that's done"):
        assert phrase in sample_text
        for rec in RECORDINGS:
            assert all(phrase not in s.text.lower() for s in rec.steps), (rec.name, phrase)


def test_blind_part_i() -> None:
    # Part I: a ninth author (blind to the rules) and trades, all test; festival voices at speeds of their own.
    earlier = (RECORDINGS_A + RECORDINGS_B + RECORDINGS_C + RECORDINGS_D + RECORDINGS_E + RECORDINGS_F
               + RECORDINGS_G + RECORDINGS_H)
    assert len(RECORDINGS_I) == 8 and 40 <= sum(len(r.steps) for r in RECORDINGS_I) <= 48
    assert all(r.part == "test" for r in RECORDINGS_I)
    assert not {r.name for r in RECORDINGS_I} & {r.name for r in earlier}
    assert not {r.title for r in RECORDINGS_I} & {r.title for r in earlier}
    assert {r.domain for r in RECORDINGS_I} == {"repair", "maintenance", "kitchen"}
    assert {r.voice[0] for r in RECORDINGS_I} == {"festival:cmu_us_slt_arctic_hts", "festival:kal_diphone"}
    sample = {json.loads(p.read_text(encoding="utf-8"))["wpm"] for p in SAMPLE_TRUTH.parent.glob("*.truth.json")}
    assert not {r.voice[1] for r in RECORDINGS_I} & ({r.voice[1] for r in earlier} | sample)  # speeds of their own
    assert len({r.voice[1] for r in RECORDINGS_I}) == len(RECORDINGS_I)
    assert [sum(r.scene == k for r in RECORDINGS_I) for k in ("fixed", "steps", None)] == [4, 2, 2]
    assert {r.ext for r in RECORDINGS_I if r.scene is None} == {"wav", "mp3"}
    assert 4 <= sum(r.noise > 0 for r in RECORDINGS_I) <= 6
    _check_paced_recordings(RECORDINGS_I)
    # Cue words of this author's own open about half of the later steps, few of them "next" / "then".
    cues = ("next", "then", "first", "finally", "now", "after that", "step", "good,", "from here,", "when ",
            "at this point,", "to finish,", "lastly,")
    later = [s.text.lower() for r in RECORDINGS_I for s in r.steps[1:]]
    cued = [o for o in later if o.startswith(cues)]
    assert 0.4 * len(later) <= len(cued) <= 0.55 * len(later)
    assert sum(o.startswith(("next", "then")) for o in cued) <= len(cued) // 4
    # Tips that start "Do not", tips that do not, and no note that names itself a tip.
    notes = [n.lower() for r in RECORDINGS_I for s in r.steps for n in s.tips]
    assert sum(n.startswith("do not") for n in notes) >= 4 and sum(not n.startswith("do not") for n in notes) >= 3
    assert not any(" tip" in f" {n}" for n in notes)
    assert sum(len(s.warnings) for r in RECORDINGS_I for s in r.steps) >= 15
    # Sizes said the trade's way: millimetres, inches, a drive size, litres and a gastro size.
    tools = [t for r in RECORDINGS_I for s in r.steps for t in s.tools]
    assert any(" mm " in f" {t} " for t in tools) and any(" inch " in f" {t} " for t in tools)
    assert any(t.startswith("3/8") for t in tools) and any(" litre " in f" {t} " for t in tools)
    assert "1/3 gastro" in tools and "18 inch pipe wrench" in tools
    # Every truth tool is said in its step (in words the narrator uses); one new colleague per recording.
    for rec in RECORDINGS_I:
        for s in rec.steps:
            for t in s.tools:
                assert _words(t)[-1] in _words(s.text), (rec.name, t)
    colleagues = ("Marek", "Oksana", "Dwayne", "Ingrid", "Rahul", "Beatriz", "Tariq", "Moira")
    earlier_text = " ".join(s.text for r in earlier for s in r.steps)
    assert not any(name in earlier_text for name in colleagues)
    for rec in RECORDINGS_I:
        text = " ".join(s.text for s in rec.steps)
        assert sum(name in text for name in colleagues) == 1, rec.name
    # Trainee descriptions: no narration sentence copied, few shared word pairs, none longer than the text.
    for rec in RECORDINGS_I:
        for s in rec.steps:
            said = [p.lower().rstrip(".") for p in s.parts if isinstance(p, str)]
            assert not any(p in s.description.lower() for p in said), s.description
            assert len(s.description.split()) < len(s.text.split()), s.description
            desc = _bigrams(s.description)
            assert len(desc & _bigrams(s.text)) <= 0.25 * len(desc), s.description
