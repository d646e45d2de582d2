"""English tools and parts of a step (issue 9): heads, sizes, new parts, split words, plant places.

Every sentence here was written for these tests; none is from a held-out set.
"""

from __future__ import annotations

import pytest

from indexing.label import find_notes, find_tools


@pytest.mark.parametrize(("text", "tools"), [
    # heads that name a tool only with a word that says which, or a size
    ("Check the wiring with the outlet tester and a stud finder.", ["outlet tester", "stud finder"]),
    ("Put the frame in the repair stand and true it on the truing stand.", ["repair stand", "truing stand"]),
    ("Stand back while it spins, then check the square with the speed square.", ["speed square"]),
    ("Cut the rounds with an eight centimeter cutter.", ["8 cm cutter"]),
    ("It should read forty newton meters.", []),
    ("Read the flow on the water meter.", ["water meter"]),
    # sizes: "and a half", a sized tap or bit with words between
    ("Undo the grub screw with a one and a half mil hex key.", ["1.5 mm hex key"]),
    ("Thread it with the M6 plug tap, then open the hole with a 10 mm step bit.",
     ["M6 plug tap", "10 mm step bit"]),
    ("Turn on the tap and leave a bit of water in the sink.", []),
    # a modified tool next to the same tool with a size is its own tool
    ("Spot it with the centre drill first, then the 8 mm drill.", ["centre drill", "8 mm drill"]),
    # a replacement part said as "the new ..."
    ("Seat a new float valve and a new rubber diaphragm in the cistern.", ["float valve", "rubber diaphragm"]),
    ("Press the new bushing in with the vise.", ["bushing", "vise"]),
    ("Mark the new position on the rail.", []),
    ("Any grit left in the housing will score the new bushing.", []),
    # a tool word split in two by recognition
    ("Hang your lock out pad lock on the isolator and clip your tag to it.", ["lockout padlock", "lockout tag"]),
    ("Rub it down with sand paper.", ["sandpaper"]),
    # a tool word in the name of something else
    ("Plug the charger into the wall socket; that socket has no earth.", []),
    ("Grind the mill scale off with the wire wheel.", ["wire wheel"]),
    # a word kept out of the vocabulary is a tool right after "with a" / "use the"
    ("Take the burr off with a file and check it with a level.", ["file", "level"]),
    ("File the report and note the oil level.", []),
    # a tool word followed by "it" is the verb; a bare sized hex is the hex key
    ("Clamp it to the bench and lock the bolt with a six mil hex.", ["6 mm hex"]),
    # the old part taken off is not a part the step uses
    ("Pull the old bushing out with the puller.", ["puller"]),
    # words that look like a misheard tool word are not read as one
    ("Slide the spanner back into its holder after the boring pass.", ["spanner"]),
    # British or American spelling, a compound as one word or two: the name as said
    ("Lever the bead off with a tire lever and check it with a feeler gage.", ["tire lever", "feeler gage"]),
    ("Cut the slot with the 6 mm endmill and check it with a straight edge.", ["6 mm end mill", "straightedge"]),
    # a unit word is heard right: "six mil file" is no mill file
    ("Take the burr off with a six mil file.", []),
    # a word heard right is no misheard tool word: "main", "every", an inflected verb
    ("Keep your hands clear of the moving bar on the guard.", []),
    ("Compare it with every sample on the shelf.", []),
    # a clause's first word followed by "with" is its verb: the tool is what comes after
    ("Rinse the floor, then mop with the degreaser.", ["degreaser"]),
])
def test_find_tools_rules(text, tools):
    assert find_tools(text) == tools


@pytest.mark.parametrize(("text", "glossary", "tools"), [
    # a plant term things are put on or lifted off is a surface of the machine, not a tool
    ("Stack the plates in the rack, do not leave them lying on the platen.", ["platen"], []),
    ("Lift the mould just clear of the platen and swing it out.", ["platen"], []),
    ("Lower the new mould slowly onto the platen.", ["platen"], ["mould"]),
    ("Wipe the platen face with a dry rag.", ["platen"], ["dry rag"]),
    # the same term used otherwise stays, and so does a machine named without an article
    ("Check the gap on the platen with the feeler gauge.", ["platen"], ["platen", "feeler gauge"]),
    ("Set the mould on Press Two.", ["Press Two"], ["Press Two"]),
])
def test_find_tools_plant_places(text, glossary, tools):
    assert find_tools(text, glossary) == tools


def test_do_not_leave_lying_is_a_warning():
    tips, warnings = find_notes("Put the spanners back on the board. Do not leave them lying on the platen.")
    assert (tips, warnings) == ([], ["Do not leave them lying on the platen."])


@pytest.mark.parametrize(("text", "tools"), [
    # a tray, scale or mixer something goes on or in is used; a bowl still needs a word that says which
    ("Lay the cooled biscuits on the tray in rows.", ["tray"]),
    ("Check each portion on the scale before it is wrapped.", ["scale"]),
    ("Tip the cream into the bowl and leave it.", []),
    # a verb that needs its tool: whisking is done with a whisk, sifting with a sieve
    ("Crack the eggs in and whisk them until frothy.", ["whisk"]),
    ("Sift the icing sugar over the top.", ["sieve"]),
    # ounce sizes, and "an old toothbrush" is any old one (a tool), "the old gasket" the part taken off
    ("Stir in the sauce with a six ounce ladle.", ["6 oz ladle"]),
    ("Clean the threads with an old toothbrush.", ["toothbrush"]),
    ("Scrape the old gasket off the flange.", []),
    # "clamp" or "wedge" opening a clause with its object is the verb: the tool is the one named after
    ("Clamp the workpiece in the machine vice.", ["machine vice"]),
    ("Then wedge a block of timber under the blade.", ["timber block"]),
    # taking the padlock off ends the lockout: no tool is used
    ("Remove your lock and tell the operator.", []),
    ("Take your lock off the isolator and switch on.", []),
    ("Put your lock on the isolator.", ["padlock"]),
    # a tool word in front of a machine part, or of another word's name, is no tool
    ("Empty the grease drawer into the bin.", []),
    ("Flip the pan cakes when bubbles show.", []),
    ("Plug the charger into a socket by the door.", []),
    # an amount in a container, and a place on the thing worked on, are no tools
    ("Soak the nozzle in a pot of solvent overnight.", ["solvent"]),
    ("Serve it with a ladle of gravy on top.", []),
    ("Trace the cable from the sockets and switches back to the board.", []),
    ("Pull the cap off the end of the torch.", []),
    ("Lever it out with the flat end of a screwdriver.", ["screwdriver"]),
    # a new part with its size; a tool ruled out with "without" or after "never ... or"
    ("Fit a new 22 mm seal behind the nut.", ["22 mm seal"]),
    ("Let it drip dry, without a towel.", []),
    ("Never poke a knife or a skewer into the element.", []),
    # "with a lighter", "with the hose": ambiguous words that are tools where a tool is named
    ("Seal the cut end of the rope with a lighter.", ["lighter"]),
    ("Wash the yard down with the hose.", ["hose"]),
])
def test_find_tools_round_l26(text, tools):
    assert find_tools(text) == tools
