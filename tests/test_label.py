"""Labelling: titles, categories, tools, tips and warnings on hand-written narration."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from indexing.label import categorize, find_notes, find_tools, label_steps, procedure_title, step_title
from indexing.label.text import base_verb, clean_sentence, strip_openers
from indexing.models import CATEGORIES, StepDraft


@pytest.mark.parametrize(("text", "title"), [
    ("Okay so first I'm going to remove the four clamp bolts with the 19 mm socket, then set them aside.",
     "Remove the four clamp bolts"),
    ("We remove the guard.", "Remove the guard"),
    ("You want to loosen the arbor nut while holding the blade.", "Loosen the arbor nut"),
    ("Um, so, now I'm checking the runout with the dial indicator.", "Check the runout with the dial indicator"),
    ("To get the cover off, remove the six screws on the front.", "Remove the six screws on the front"),
    ("If it doesn't start, check the fuse in the panel.", "Check the fuse in the panel"),
    ("Next, we're going to set up the fixture on the table.", "Set up the fixture on the table"),
    ("Alright, let's clean up the chips with a brush and a rag.", "Clean up the chips"),
    ("Align the motor and the pump using shims under the feet.", "Align the motor and the pump"),
    ("The last step is to wipe down the table.", "Wipe down the table"),
    ("Step two, adjust the tension until the belt deflects ten millimeters.", "Adjust the tension"),
    ("Put on your safety glasses and gloves before you start.", "Put on the safety glasses and gloves"),
    ("This part is a bit tricky. Slide the new belt over the pulleys and then tension it.",
     "Slide the new belt over the pulleys"),
    ("Lift the cover and pull out the old filter.", "Lift the cover"),
    ("So the blade is dull. It needs replacing.", "The blade is dull"),
    ("", ""),
])
def test_step_title(text, title):
    assert step_title(text) == title


def test_title_outside_english_is_the_first_words():
    # Korean has rules of its own since issue 8 (verb-noun titles, see tests/test_lang_ko.py).
    assert step_title("먼저 프레스를 잠급니다. 그다음 볼트를 풉니다.", "ko") == "프레스 잠그기"
    assert step_title("Zuerst die vier Schrauben mit dem Schlüssel lösen und dann weiter.", "de") == (
        "Zuerst die vier Schrauben mit dem")


@pytest.mark.parametrize(("word", "base"), [
    ("removing", "remove"), ("cutting", "cut"), ("tightens", "tighten"), ("lifted", "lift"),
    ("checked", "check"), ("applies", "apply"), ("wiped", "wipe"), ("bolt", "bolt"), ("table", None),
])
def test_base_verb(word, base):
    assert base_verb(word) == base


def test_openers_and_cleaning():
    assert strip_openers("Okay, so, after that, um, we lift it.") == "we lift it."
    assert strip_openers("Step three: clean up.") == "clean up."
    assert clean_sentence("so, uh, make sure it's seated") == "Make sure it's seated."


@pytest.mark.parametrize(("text", "category"), [
    ("Lock out the press at the main disconnect and hang your tag.", "safety"),
    ("Put on your safety glasses and gloves.", "safety"),
    ("Remove the guard. The press must be locked out first.", "safety"),
    ("If it doesn't feed, clear the jam at the infeed rollers.", "troubleshooting"),
    ("Check the gap with the feeler gauge.", "inspection"),
    ("Measure the shaft with the micrometer.", "inspection"),
    ("Adjust the belt tension.", "adjustment"),
    ("Shim the motor feet.", "adjustment"),
    ("Wipe down the table and sweep up the chips.", "cleanup"),
    ("Mount the fixture on the table.", "setup"),
    ("Set up the fixture on the table.", "setup"),
    ("Preheat the oven to two hundred degrees.", "setup"),
    ("Remove the four clamp bolts. Check that the threads are clean.", "operation"),
    ("Whisk the eggs until frothy.", "operation"),
    ("The old blade is worn and the new blade should be checked for nicks.", "inspection"),
    ("That is about it.", "operation"),
])
def test_categorize(text, category):
    assert categorize(text, step_title(text)) == category
    assert category in CATEGORIES


@pytest.mark.parametrize(("text", "glossary", "tools"), [
    ("Remove the bolts with the 19 mm socket and a ratchet.", (), ["19 mm socket", "ratchet"]),
    ("Grab the 10mm wrench and a half inch socket.", (), ["10 mm wrench", "1/2 in socket"]),
    ("Use two 5 mm hex keys, or an allen key.", (), ["5 mm hex key"]),
    ("Set the torque wrench to fifty, the wrench clicks when you get there.", (), ["torque wrench"]),
    ("A #2 Phillips screwdriver and a number 3 phillips screwdriver.", (),
     ["#2 phillips screwdriver", "#3 phillips screwdriver"]),
    ("Slice it with the knives, then whisk in a mixing bowl and heat the pan.", (),
     ["knife", "whisk", "mixing bowl", "pan"]),
    ("Remove the clamp bolts and the socket head screws.", (), []),
    ("Hang the padlock and the lockout tag, then check with the multimeter.", (),
     ["padlock", "lockout tag", "multimeter"]),
    ("Lift it with the hoist, never the forklift. Slide the shims under the feet.", (),
     ["hoist", "forklift", "shim"]),
    ("Tighten it to 50 newton meters, a little bit at a time.", (), []),
    ("Set the DIE-SET 40 on press four with the feeler gauge and the Die-Set 40 clamp.",
     ("die-set 40", "Press Four"), ["die-set 40", "Press Four", "feeler gauge", "clamp"]),
    ("Use the grease gun, two pumps of grease.", (), ["grease gun"]),
])
def test_find_tools(text, glossary, tools):
    assert find_tools(text, glossary) == tools


def test_find_tools_outside_english_uses_the_glossary_only():
    assert find_tools("Mit dem Drehmomentschlüssel die Mutter am Pan 3 anziehen.",
                      ["Drehmomentschlüssel"], builtin=False) == ["Drehmomentschlüssel"]


def test_find_notes():
    text = ("Okay, make sure the pin is seated. Don't over tighten it or you'll strip the thread. "
            "I don't usually bother with the washer. Um, the trick is to go slow. You'll hear a click. "
            "Make sure it's seated, otherwise it jams. Be careful, the edge is sharp. Then close the door.")
    tips, warnings = find_notes(text)
    assert tips == ["Make sure the pin is seated.", "The trick is to go slow.", "You'll hear a click."]
    assert warnings == ["Don't over tighten it or you'll strip the thread.",
                        "Make sure it's seated, otherwise it jams.", "Be careful, the edge is sharp."]


@dataclass
class _Step:
    text: str
    title: str = ""


def test_procedure_title():
    assert procedure_title([]) == ""
    assert procedure_title([_Step("Today I'm going to show you how to change the blade on the band saw. "
                                  "First unplug it.", "Unplug it")]) == "Change the blade on the band saw"
    assert procedure_title([_Step("Today we're going to replace the filter on press four.")]) == (
        "Replace the filter on press four")
    assert procedure_title([_Step("Lock out the press.", "Lock out the press")]) == "Lock out the press"
    assert procedure_title([_Step("Lock out the press.")]) == "Lock out the press"


def test_label_steps_fills_everything_and_keeps_marker_notes():
    steps = [
        StepDraft(0, 0, 0.0, 10.0, "Okay, first lock out the press and hang your padlock. "
                  "Never reach in while it's live.", warnings=["Check the second disconnect"]),
        StepDraft(0, 1, 10.0, 25.0, "Next, I'm going to check the gap on the DS-40 with the feeler gauge. "
                  "The trick is to slide it in at an angle.", tips=["The trick is to slide it in at an angle."]),
    ]
    label_steps(steps, glossary=["DS-40"])
    assert [(s.title, s.category, s.tools) for s in steps] == [
        ("Lock out the press", "safety", ["padlock"]),
        ("Check the gap on the DS-40", "inspection", ["DS-40", "feeler gauge"]),
    ]
    assert steps[0].warnings == ["Check the second disconnect", "Never reach in while it's live."]
    assert steps[0].tips == []
    assert steps[1].tips == ["The trick is to slide it in at an angle."]


def test_label_steps_outside_english():
    steps = [StepDraft(0, 0, 0.0, 10.0, "먼저 DS-40 프레스를 잠급니다. 그다음 볼트를 풉니다.")]
    label_steps(steps, glossary=["DS-40"], language="ko")
    assert (steps[0].title, steps[0].category, steps[0].tools, steps[0].tips, steps[0].warnings) == (
        "DS-40 프레스 잠그기", "safety", ["DS-40"], [], [])
    steps = [StepDraft(0, 0, 0.0, 10.0, "Zuerst die DS-40 Presse sperren. Vorsicht!")]
    label_steps(steps, glossary=["DS-40"], language="de")
    assert (steps[0].title, steps[0].category, steps[0].tools, steps[0].tips, steps[0].warnings) == (
        "Zuerst die DS-40 Presse sperren", "operation", ["DS-40"], [], [])


@pytest.mark.parametrize(("text", "tips", "warnings"), [
    # A recogniser's comma splice: each note is quoted on its own, not as a run-on of the step.
    ("Torque them to 90 newton meters with the torque wrench, again corner to corner, make sure the wrench "
     "clicks on every bolt, do not use the impact gun here, it stretches the bolts.",
     ["Make sure the wrench clicks on every bolt."], ["Do not use the impact gun here, it stretches the bolts."]),
    ("Put the bolts in the tray, don't leave them lying on the bolster.", [],
     ["Don't leave them lying on the bolster."]),
    # Joined by "but", or "never" before a place: one sentence, one warning.
    ("If one corner is open, add a shim under it, but never stack more than two shims.", [],
     ["If one corner is open, add a shim under it, but never stack more than two shims."]),
    ("If it sticks, use the pry bar at the back, never under the edge of the punch.", [],
     ["If it sticks, use the pry bar at the back, never under the edge of the punch."]),
    # Know-how announced as such stays a tip when it only says what not to do ...
    ("The trick is to crack each bolt a quarter turn first, don't rush it.",
     ["The trick is to crack each bolt a quarter turn first, don't rush it."], []),
    # ... and is a warning when it names harm.
    ("The trick is to go slow, otherwise you'll strip the thread.", [],
     ["The trick is to go slow, otherwise you'll strip the thread."]),
])
def test_find_notes_splits_run_ons_and_keeps_know_how(text, tips, warnings):
    assert find_notes(text) == (tips, warnings)
