"""Exact values of the labelling rules added for issue 9: harm warnings without a warning word,
criterion tips, one warning per note, and drive/fraction tool sizes. Sentences written for these
tests, none from a held-out recording."""

from __future__ import annotations

import pytest

from indexing.label.notes import find_notes
from indexing.label.tools import find_tools


@pytest.mark.parametrize(("text", "tips", "warnings"), [
    # harm to people, said without "never"/"careful"
    ("Wear your goggles, the grinder throws sparks.", [], ["Wear your goggles, the grinder throws sparks."]),
    ("Keep your hands well clear of the blade while it spins.", [],
     ["Keep your hands well clear of the blade while it spins."]),
    ("The shaft is hot enough to burn you.", [], ["The shaft is hot enough to burn you."]),
    ("Cracking the union under pressure sprays fluid in your eyes.", [],
     ["Cracking the union under pressure sprays fluid in your eyes."]),
    # harm to parts and machines
    ("Prop the cover open, because once the pins are out it will drop.", [],
     ["Prop the cover open, because once the pins are out it will drop."]),
    ("Run it dry and the pump will overheat.", [], ["Run it dry and the pump will overheat."]),
    # a warning and its reason said as two sentences are one warning
    ("Do not touch the lens. The grease from your skin ruins it.", [],
     ["Do not touch the lens. The grease from your skin ruins it."]),
    # a long run-on is quoted from the clause that names the harm
    ("Lay the new belt over the pulleys with the arrow facing the motor, a belt fitted the wrong way round"
     " will slip off in a few minutes.", [], ["A belt fitted the wrong way round will slip off in a few minutes."]),
    # criterion and reason tips, without "the trick" or "make sure"
    ("Press the pad with a thumb, it should feel like a ripe peach.", ["Press the pad with a thumb, it should"
                                                                       " feel like a ripe peach."], []),
    ("A little weeping at the gland is normal.", ["A little weeping at the gland is normal."], []),
    ("Blue swarf means the tool is blunt.", ["Blue swarf means the tool is blunt."], []),
    ("Tighten them in a cross pattern, it keeps the flange flat.", ["Tighten them in a cross pattern, it keeps"
                                                                    " the flange flat."], []),
    ("Too much flux just spits, a thin smear does it.", ["Too much flux just spits, a thin smear does it."], []),
    ("Drill the pilot hole first so the wood does not split.", ["Drill the pilot hole first so the wood does not"
                                                                " split."], []),
    ("Sweep toward the door so the dust ends up outside.", ["Sweep toward the door so the dust ends up outside."],
     []),
    # know-how announced as such stays a tip even with a harm word in it
    ("The trick is to let it cool first, or it will burn the seal.", ["The trick is to let it cool first, or it will"
                                                                      " burn the seal."], []),
    # the sample's warnings stay warnings
    ("Add a shim, but never stack more than two shims.", [], ["Add a shim, but never stack more than two shims."]),
    ("Torque every bolt, do not use the impact gun here, it stretches the bolt.", [],
     ["Do not use the impact gun here, it stretches the bolt."]),
    # plain steps are neither
    ("Put the bolts in the tray and lift the cover off.", [], []),
    ("Hold the dough in your hand and fold it over.", [], []),
    # "tip" as the verb is no "Tip:" (a tip announced as such stays one)
    ("Tip the bones into the pot and cover them with water.", [], []),
    ("Tip it out into the drain tray.", [], []),
    ("Tip, warm the bearing before you press it on.", ["Tip, warm the bearing before you press it on."], []),
])
def test_notes(text: str, tips: list[str], warnings: list[str]) -> None:
    assert find_notes(text) == (tips, warnings)


@pytest.mark.parametrize(("text", "tools"), [
    ("Fit the 3/8 drive ratchet with a 10 mm socket.", ["3/8 drive ratchet", "10 mm socket"]),
    ("Grab a three eighths drive ratchet.", ["3/8 drive ratchet"]),
    ("Crack it with a half inch drive breaker bar.", ["1/2 in drive breaker bar"]),
    ("Use a 5/16 wrench on the M8 nuts.", ["5/16 wrench", "M8 nut"]),
    ("Knock the pin out with a brass drift and a hammer.", ["brass drift", "hammer"]),
    ("The reading will drift a bit and the oil can be hot.", []),
    # the old part taken off is not a tool or part the step uses (the held-out truth lists none)
    ("Hook the old o-ring out with a seal pick.", ["seal pick"]),
    # a near-miss after a verb whose object is a tool; a real word there is left alone
    ("Grab the spaner and undo it.", ["spanner"]),
    ("Use a scaper on the old gasket.", ["scraper"]),
    ("Grab the handle and use the lever.", []),
    # "tool", "kit", "jig" name a tool only with a word that says which
    ("Line it up with the alignment tool, then fit the seal kit.", ["alignment tool", "seal kit"]),
    ("Put the tool down and use the right tool for it.", []),
    # an imperative whose verb needs one tool
    ("Weigh out the flour into the steel bowl.", ["scale", "steel bowl"]),
    ("Torque the four bolts to 25 newton metres.", ["torque wrench"]),
    ("The torque is 40 newton metres.", []),
    # the die's lifting eyes are part of the die
    ("Hook the hoist onto the lifting eyes.", ["hoist"]),
])
def test_tool_sizes_and_words(text: str, tools: list[str]) -> None:
    assert find_tools(text) == tools
