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


# Issue 9, round 7 (t23): advice frames of general English, "do not … because …" as a tip unless the
# reason names harm, and harm named by what does it. Sentences written for these tests.
@pytest.mark.parametrize(("text", "tips", "warnings"), [
    # what not to do and why, without harm: know-how, not a warning
    ("Do not oil the chain for this, because the paint needs a dry surface to key.",
     ["Do not oil the chain for this, because the paint needs a dry surface to key."], []),
    ("Don't open the door before the timer ends, or the loaf sinks in the middle.",
     ["Don't open the door before the timer ends, or the loaf sinks in the middle."], []),
    # "because" as the recogniser writes it
    ("Never rush the last pass, the cause only the surface gets hot.",
     ["Never rush the last pass, the cause only the surface gets hot."], []),
    # ... and a warning when the reason names harm to parts or people
    ("Do not pry it off with a chisel, because that cracks the housing.", [],
     ["Do not pry it off with a chisel, because that cracks the housing."]),
    ("Never stir it with a metal spoon, or it scratches the coating.", [],
     ["Never stir it with a metal spoon, or it scratches the coating."]),
    ("Don't reach over the blade, because it can catch your sleeve.", [],
     ["Don't reach over the blade, because it can catch your sleeve."]),
    # advice frames without a tip word
    ("Drill each hole in one go if you can.", ["Drill each hole in one go if you can."], []),
    ("It goes faster with the guard swung back.", ["It goes faster with the guard swung back."], []),
    ("That sounds wrong, but a cold pan crisps the skin best.", ["That sounds wrong, but a cold pan crisps the skin"
                                                                 " best."], []),
    ("Most people fill it too full, and then it spills on the first bend.",
     ["Most people fill it too full, and then it spills on the first bend."], []),
    ("Brown sugar gives a softer biscuit than white.", ["Brown sugar gives a softer biscuit than white."], []),
    ("Mark the top face, it tells you which way it goes back.", ["Mark the top face, it tells you which way it goes"
                                                                 " back."], []),
    ("Fit the spring first, it is fiddly once the cover is on.", ["Fit the spring first, it is fiddly once the cover"
                                                                  " is on."], []),
    ("Small washers tend to roll under the bench, so lay a cloth down.",
     ["Small washers tend to roll under the bench, so lay a cloth down."], []),
    # a purpose clause ("so you do not…") is no prohibition
    ("Label each wire so you do not mix them up later.", ["Label each wire so you do not mix them up later."], []),
    # harm named by what does it
    ("The new blades will cut your fingers, so handle them by the back.", [],
     ["The new blades will cut your fingers, so handle them by the back."]),
    ("Keep loose cuffs away from the chuck because it pulls your hand in.", [],
     ["Keep loose cuffs away from the chuck because it pulls your hand in."]),
    ("Rice left out overnight can make people ill.", [], ["Rice left out overnight can make people ill."]),
    ("A worn disc can burst at full speed.", [], ["A worn disc can burst at full speed."]),
    ("A cable that rubs on the frame wears through in a month.", [],
     ["A cable that rubs on the frame wears through in a month."]),
    ("Running the pump dry can blow out the shaft seal.", [], ["Running the pump dry can blow out the shaft seal."]),
    ("Hold the nut from behind, or the bolt spins and cracks the bracket.", [],
     ["Hold the nut from behind, or the bolt spins and cracks the bracket."]),
    ("The mixer can start on its own after a power cut.", [], ["The mixer can start on its own after a power cut."]),
    ("The fumes can make you dizzy, so prop the hatch open.", [],
     ["The fumes can make you dizzy, so prop the hatch open."]),
    ("A loose chisel will go straight into your hand.", [], ["A loose chisel will go straight into your hand."]),
    # a long run-on that opens as a condition or a description is one warning, not its last clause
    ("If the pressure gauge still reads above zero after a minute, the relief valve is stuck, and the line"
     " will spray oil in your face.", [],
     ["If the pressure gauge still reads above zero after a minute, the relief valve is stuck, and the line"
      " will spray oil in your face."]),
    # plain instructions stay neither, reasons included
    ("Cut the board in one stroke and lift it off.", [], []),
    ("Tighten the bolts again because the frame settles.", [], []),
    ("Pour the batter into the tin and level it.", [], []),
])
def test_notes_advice_and_harm(text: str, tips: list[str], warnings: list[str]) -> None:
    assert find_notes(text) == (tips, warnings)


# Issue 9, round 7 (t23): sizes as the recogniser writes them. Sentences written for these tests.
@pytest.mark.parametrize(("text", "tools"), [
    ("Fit the 2 .5 mm drill bit.", ["2.5 mm drill bit"]),  # a decimal point spaced off its number
    ("Fill a five litre bucket with warm water.", ["5 litre bucket"]),
    ("Warm it in a one -lighter saucepan.", ["1 litre saucepan"]),  # "litre" heard as "lighter"
    ("Undo the nuts with a 10 mill spanner.", ["10 mm spanner"]),  # "mm" heard as "mill"
    # ... only after a number
    ("Use the lighter hammer for the pins.", ["lighter hammer"]),
    ("It was 2 .5 degrees warmer.", []),
])
def test_tool_sizes_as_heard(text: str, tools: list[str]) -> None:
    assert find_tools(text) == tools


@pytest.mark.parametrize(("text", "tips", "warnings"), [
    # harm that outlasts the switch-off, or lashes out, without a warning word
    ("The element stays hot for an hour after the oven is off.", [],
     ["The element stays hot for an hour after the oven is off."]),
    ("Hold the sheet by its edges, a snapped sheet cuts deep.", [], ["Hold the sheet by its edges, a snapped sheet cuts deep."]),
    ("Let the spring out slowly, a loose coil whips out.", [], ["Let the spring out slowly, a loose coil whips out."]),
    ("Keep your head well back from the lid when it opens.", [], ["Keep your head well back from the lid when it opens."]),
    ("A worn strap can tear under load.", [], ["A worn strap can tear under load."]),
    ("The stack can topple with no warning.", [], ["The stack can topple with no warning."]),
    # "the burnt layer" is what is cleaned off, no harm
    ("Scrub the plate with the pad, it lifts the burnt layer off.", [], []),
    # what a small aid makes easy or saves is know-how
    ("A chalk mark on the flange makes the holes easy to line up.", ["A chalk mark on the flange makes the holes easy to line up."], []),
    ("A label on each wire saves the guessing later.", ["A label on each wire saves the guessing later."], []),
])
def test_notes_round_l26(text: str, tips: list[str], warnings: list[str]) -> None:
    assert find_notes(text) == (tips, warnings)


@pytest.mark.parametrize(("text", "tips", "warnings"), [
    # what not to do, then the way to do it instead: know-how, unless it names harm
    ("Do not tip the flour in all at once, spread it over the top in three goes.",
     ["Do not tip the flour in all at once, spread it over the top in three goes."], []),
    ("Never prise the cover off with a blade, press the two clips and it comes away, or you crack the housing.", [],
     ["Never prise the cover off with a blade, press the two clips and it comes away, or you crack the housing."]),
    # a condition belongs to the "do not" it leads to
    ("If the gauge reads over six bar, do not open the cap, let it cool first.", [],
     ["If the gauge reads over six bar, do not open the cap, let it cool first."]),
    # "never" before a number or "both" opens no note of its own
    ("Lift the tray with both hands, never one, it burns through a thin cloth.", [],
     ["Lift the tray with both hands, never one, it burns through a thin cloth."]),
    # a rip is damage in the reason of a "never"
    ("Never yank the lead out by its cable, because it rips the wires out of the plug.", [],
     ["Never yank the lead out by its cable, because it rips the wires out of the plug."]),
    # harm named without a warning verb: hot surfaces, bacteria, parts that seize, your knuckles
    ("Set the pan on the rack. It remains very hot for an hour.", [],
     ["Set the pan on the rack. It remains very hot for an hour."]),
    ("Cooked rice left on the counter breeds bacteria.", [], ["Cooked rice left on the counter breeds bacteria."]),
    ("Keep water out of the bearing, it will seize within a week.", [],
     ["Keep water out of the bearing, it will seize within a week."]),
    ("Hold the lever down or it catches your knuckles.", [], ["Hold the lever down or it catches your knuckles."]),
])
def test_notes_round_n26(text: str, tips: list[str], warnings: list[str]) -> None:
    assert find_notes(text) == (tips, warnings)
