"""A fresh step-title set for the labeller: step narrations of several trades, each with a truth title.

Written by the titles helper t17 for issue 9 ("an imperative of the step's main action with its
object, complete, at most ~8 words"), as step text (the titler reads a step's text; no audio). The
"author" is new: none of these texts come from the held-out recordings, the demo sample, the unit
tests or `labels_tools_fresh.py`. Texts are spoken-style narration with the shapes titles fail on:

    pronoun   the main action's object is "it"/"them", named in the sentence or step before
    aside     a side remark or getting-ready move comes before the main action
    second    the step's point is in its second sentence
    oneword   a one-word verb ("Feel that?", "Check.") opens the step
    using     "Using a …" / "With the …" lead-in before the action
    long      a long object that must be cut where a phrase ends
    plain     an ordinary step (watch for regressions)

A case may carry the previous step's narration (`prev`): the title of a step saying "pull it out"
may name what the step before was about.

Truth: the imperative a trainee would read: the step's main action with its object, at most eight
words, written from the narration (the verb as said where the narration says it). Written with the
texts, before any titler ran on them.

Split: every trade has two cases of each kind; `split_of` puts one of each pair in each half (the
first one in `tune` for the first, third and fifth trade, in `test` for the others), so both halves
hold every kind and trade. Fixed when the cases were written, before any titler ran on them; tune on
`tune` only.
"""

from __future__ import annotations

from typing import NamedTuple


class Case(NamedTuple):
    id: str
    trade: str
    kind: str
    text: str
    title: str
    prev: str = ""


CASES: list[Case] = [
    # ---------------------------------------------------------------- electrical
    Case("e01", "electrical", "pronoun",
         "The old switch is held by two screws top and bottom. Back them out and pull it forward out of the box.",
         "Pull the old switch out of the box"),
    Case("e02", "electrical", "aside",
         "You'll see the previous guy used the wrong colour wire here, that's fine for now. "
         "Disconnect the black wire from the brass screw.",
         "Disconnect the black wire from the brass screw"),
    Case("e03", "electrical", "second",
         "This is the part people rush. Twist the neutrals together clockwise with the lineman's pliers.",
         "Twist the neutrals together"),
    Case("e04", "electrical", "oneword",
         "Check. Is the tester still lit? Test the voltage tester on a known live circuit first.",
         "Test the voltage tester on a live circuit"),
    Case("e05", "electrical", "using",
         "Using a cable ripper, slit the outer sheath about six inches back from the end.",
         "Slit the outer sheath with a cable ripper"),
    Case("e06", "electrical", "long",
         "Feed the new twelve gauge cable from the panel through the holes in the studs all the way to the box.",
         "Feed the new cable through the studs"),
    Case("e07", "electrical", "plain",
         "Label each circuit on the panel door with a marker so the next person knows what's what.",
         "Label each circuit on the panel door"),
    Case("e08", "electrical", "pronoun",
         "Now the fixture. Lift it up to the ceiling box and hold it while you start the screws.",
         "Lift the fixture to the ceiling box",
         prev="Connect the fixture wires, black to black and white to white, and cap them with wire nuts."),
    Case("e09", "electrical", "aside",
         "I always keep a spare fuse in my pocket on these jobs. Pull the fuse holder out of the disconnect.",
         "Pull the fuse holder out of the disconnect"),
    Case("e10", "electrical", "oneword",
         "Listen. Hear that buzzing? Tighten the loose terminal screw on the breaker.",
         "Tighten the loose terminal screw"),
    Case("e11", "electrical", "using",
         "With the fish tape, pull the new wire up through the wall cavity.",
         "Pull the new wire through the wall"),
    Case("e12", "electrical", "long",
         "Mount the new surface junction box with the knockouts facing down toward the conduit run.",
         "Mount the new junction box"),
    Case("e13", "electrical", "second",
         "The cover is just clipped on. Pry the cover off the smoke detector base with your thumb.",
         "Pry the cover off the smoke detector"),
    Case("e14", "electrical", "plain",
         "Restore power at the main breaker and check the new outlet with the plug-in tester.",
         "Restore power at the main breaker"),
    # ---------------------------------------------------------------- plumbing
    Case("p01", "plumbing", "pronoun",
         "The trap is full of water so have a bucket under it. Unscrew the slip nuts and drop it into the bucket.",
         "Unscrew the slip nuts"),
    Case("p02", "plumbing", "aside",
         "Don't worry if a bit of water comes out, that's normal. Loosen the compression nut on the supply line.",
         "Loosen the compression nut on the supply line"),
    Case("p03", "plumbing", "second",
         "The old washer is usually flattened. Replace the washer with a new one of the same size.",
         "Replace the washer"),
    Case("p04", "plumbing", "oneword",
         "Feel that? There's a rough ridge on the seat. Dress the valve seat with the reseating tool.",
         "Dress the valve seat with the reseating tool"),
    Case("p05", "plumbing", "using",
         "Using a pipe cutter, cut the copper pipe a finger width above the old joint.",
         "Cut the copper pipe with a pipe cutter"),
    Case("p06", "plumbing", "long",
         "Wrap the thread of the new brass fitting with three turns of PTFE tape in the direction of the thread.",
         "Wrap the thread with PTFE tape"),
    Case("p07", "plumbing", "plain",
         "Turn off the water at the stop valve under the sink before you start.",
         "Turn off the water at the stop valve"),
    Case("p08", "plumbing", "pronoun",
         "It's seized on, so grip it with the basin wrench and turn it anticlockwise.",
         "Loosen the tap nut with the basin wrench",
         prev="Reach up behind the basin and find the tap nut holding the tap to the sink."),
    Case("p09", "plumbing", "aside",
         "My hands are wet so I'll dry them first. Solder the joint, feeding the solder in on the far side.",
         "Solder the joint"),
    Case("p10", "plumbing", "oneword",
         "Look. See the crack on the flange? Replace the toilet flange before you set the bowl.",
         "Replace the toilet flange"),
    Case("p11", "plumbing", "second",
         "There's a lot of old putty on there. Scrape the old plumber's putty off the drain opening.",
         "Scrape the old putty off the drain"),
    Case("p12", "plumbing", "long",
         "Push the flexible waste pipe onto the spigot of the washing machine standpipe until it seats.",
         "Push the waste pipe onto the spigot"),
    Case("p13", "plumbing", "using",
         "With a hacksaw, cut the plastic pipe square at the mark.",
         "Cut the plastic pipe with a hacksaw"),
    Case("p14", "plumbing", "plain",
         "Bleed the radiator with the radiator key until water comes out instead of air.",
         "Bleed the radiator with the radiator key"),
    # ---------------------------------------------------------------- machining
    Case("m01", "machining", "pronoun",
         "The vise jaws have chips behind them. Take them off and blow them clean with the air line.",
         "Take off the vise jaws"),
    Case("m02", "machining", "aside",
         "The coolant smells a bit off today, I'll log that later. Clamp the part in the vise against the fixed jaw.",
         "Clamp the part in the vise"),
    Case("m03", "machining", "second",
         "The tool length has to be right or you'll crash. Touch off the end mill on the tool setter.",
         "Touch off the end mill on the tool setter"),
    Case("m04", "machining", "oneword",
         "Check. Dial reads zero? Indicate the vise jaw with the dial indicator along its length.",
         "Indicate the vise jaw with the dial indicator"),
    Case("m05", "machining", "using",
         "Using a deburring tool, break the sharp edges on both ends of the shaft.",
         "Deburr the shaft ends with a deburring tool"),
    Case("m06", "machining", "long",
         "Load the three quarter inch carbide end mill into the collet chuck on the second tool holder.",
         "Load the end mill into the collet chuck"),
    Case("m07", "machining", "plain",
         "Set the spindle speed to twelve hundred and the feed to eight inches a minute.",
         "Set the spindle speed"),
    Case("m08", "machining", "pronoun",
         "Slide it in until it bottoms out against the stop and lock the tailstock.",
         "Slide the drill chuck into the tailstock",
         prev="Wipe the taper of the drill chuck clean with a rag."),
    Case("m09", "machining", "aside",
         "Safety glasses on, always. Face the end of the bar with a light cut.",
         "Face the end of the bar"),
    Case("m10", "machining", "oneword",
         "Feel. Smooth? Measure the bore with the telescoping gauge and the micrometer.",
         "Measure the bore with the telescoping gauge"),
    Case("m11", "machining", "second",
         "That finish is too rough. Reduce the feed rate to half and take another pass.",
         "Reduce the feed rate"),
    Case("m12", "machining", "long",
         "Tighten the two cap screws on the side of the quick change tool post with the hex key.",
         "Tighten the cap screws on the tool post"),
    Case("m13", "machining", "using",
         "With the edge finder, find the left edge of the part and zero the X axis.",
         "Find the left edge with the edge finder"),
    Case("m14", "machining", "plain",
         "Sweep the chips out of the machine bed with a brush, not with your hand.",
         "Sweep the chips out of the machine bed"),
    # ---------------------------------------------------------------- kitchen
    Case("k01", "kitchen", "pronoun",
         "The stock is ready now. Strain it through the fine sieve into the clean pot.",
         "Strain the stock through the fine sieve"),
    Case("k02", "kitchen", "aside",
         "We're a bit behind today so move quickly. Dice the onions into half centimetre cubes.",
         "Dice the onions"),
    Case("k03", "kitchen", "second",
         "The fryer oil goes dark after two days. Drain the oil into the filter cart through the valve.",
         "Drain the oil into the filter cart"),
    Case("k04", "kitchen", "oneword",
         "Taste. Needs salt? Season the sauce with a pinch of salt and stir it in.",
         "Season the sauce with salt"),
    Case("k05", "kitchen", "using",
         "Using a palette knife, spread the buttercream evenly over the top of the sponge.",
         "Spread the buttercream with a palette knife"),
    Case("k06", "kitchen", "long",
         "Cover the trays of portioned chicken thighs with cling film and a date label for the walk-in.",
         "Cover the chicken trays with cling film"),
    Case("k07", "kitchen", "plain",
         "Preheat the combi oven to one eighty degrees on full steam.",
         "Preheat the combi oven"),
    Case("k08", "kitchen", "pronoun",
         "Fold them in gently with the spatula so you keep the air in.",
         "Fold in the egg whites with the spatula",
         prev="Whisk the egg whites to stiff peaks in the clean bowl."),
    Case("k09", "kitchen", "aside",
         "Chef likes these a little thicker than the recipe says. Roll the pastry out to five millimetres.",
         "Roll the pastry out"),
    Case("k10", "kitchen", "oneword",
         "Smell. Anything sour? Throw away the cream and write it on the waste sheet.",
         "Throw away the cream"),
    Case("k11", "kitchen", "second",
         "The slicer blade is very sharp. Wipe the blade from the centre outward with a folded cloth.",
         "Wipe the slicer blade with a cloth"),
    Case("k12", "kitchen", "long",
         "Sharpen the long carving knife on the whetstone at about fifteen degrees on each side.",
         "Sharpen the carving knife on the whetstone"),
    Case("k13", "kitchen", "using",
         "With a probe thermometer, check the core temperature of the thickest piece.",
         "Check the core temperature with a probe thermometer"),
    Case("k14", "kitchen", "plain",
         "Sanitise the prep bench with the blue spray and let it air dry.",
         "Sanitise the prep bench"),
    # ---------------------------------------------------------------- assembly
    Case("a01", "assembly", "pronoun",
         "The side panel has a tab at the bottom. Hook it into the slot and swing it up against the frame.",
         "Hook the side panel into the slot"),
    Case("a02", "assembly", "aside",
         "These instructions are a bit confusing, ignore the drawing. Attach the left leg to the frame with two bolts.",
         "Attach the left leg to the frame"),
    Case("a03", "assembly", "second",
         "The cam locks only go one way. Insert the cam locks with the arrow pointing at the hole.",
         "Insert the cam locks"),
    Case("a04", "assembly", "oneword",
         "Wiggle. Is it loose? Retighten the hinge screws with the number two bit.",
         "Retighten the hinge screws"),
    Case("a05", "assembly", "using",
         "Using a rubber mallet, tap the dowels into the holes on the top edge.",
         "Tap the dowels in with a rubber mallet"),
    Case("a06", "assembly", "long",
         "Fit the long gas strut between the lower bracket on the cabinet and the upper bracket on the lid.",
         "Fit the gas strut between the brackets"),
    Case("a07", "assembly", "plain",
         "Press the bearing into the housing with the arbor press until it's flush.",
         "Press the bearing into the housing"),
    Case("a08", "assembly", "pronoun",
         "Now route it behind the bracket and clip it into the two holders.",
         "Route the harness behind the bracket",
         prev="Plug the wiring harness into the controller until the latch clicks."),
    Case("a09", "assembly", "aside",
         "I find it easier standing on this side. Slide the drawer runners into the cabinet rails.",
         "Slide the drawer runners into the rails"),
    Case("a10", "assembly", "oneword",
         "Check. All square? Measure the diagonals of the frame with the tape.",
         "Measure the diagonals of the frame"),
    Case("a11", "assembly", "second",
         "The gear only meshes in one position. Align the timing marks on both gears.",
         "Align the timing marks"),
    Case("a12", "assembly", "long",
         "Screw the four M6 socket head cap screws through the motor flange into the gearbox housing.",
         "Screw the cap screws into the gearbox"),
    Case("a13", "assembly", "using",
         "With the torque driver, tighten the terminal screws to one and a half newton metres.",
         "Tighten the terminal screws with the torque driver"),
    Case("a14", "assembly", "plain",
         "Apply a thin bead of thread locker to the set screw before you fit it.",
         "Apply thread locker to the set screw"),
]

# A second test half, written after the first test half had been scored once (by another "author": a
# terse foreman, "we" and "you", more filler), for the changes made after that score. Never tuned on.
CASES_TEST2: list[Case] = [
    # ---------------------------------------------------------------- hvac
    Case("h01", "hvac", "pronoun",
         "Right, the blower motor is held in with a strap. We loosen the strap and slide it out toward us.",
         "Slide the blower motor out"),
    Case("h02", "hvac", "aside",
         "Bit dusty in here, mind your eyes. Vacuum the coil fins with the soft brush nozzle.",
         "Vacuum the coil fins with the brush nozzle"),
    Case("h03", "hvac", "second",
         "The drain line clogs every summer on this unit. Flush the condensate drain with a cup of vinegar.",
         "Flush the condensate drain with vinegar"),
    Case("h04", "hvac", "oneword",
         "Hear that? That rattle is the panel. Tighten the four panel screws on the access door.",
         "Tighten the panel screws"),
    Case("h05", "hvac", "using",
         "Using the manifold gauges, read the suction pressure at the service port.",
         "Read the suction pressure with the manifold gauges"),
    Case("h06", "hvac", "long",
         "Replace the dirty sixteen by twenty five inch pleated air filter in the return grille.",
         "Replace the air filter"),
    Case("h07", "hvac", "plain",
         "Set the thermostat to cool and drop it five degrees below room temperature.",
         "Set the thermostat to cool"),
    # ---------------------------------------------------------------- automotive
    Case("v01", "automotive", "pronoun",
         "Okay so now the caliper. Hang it from the spring with a bit of wire, never by the hose.",
         "Hang the caliper from the spring",
         prev="Undo the two caliper bolts with the thirteen mil socket."),
    Case("v02", "automotive", "aside",
         "I've done hundreds of these, they're all the same. Drain the old oil into the pan.",
         "Drain the old oil into the pan"),
    Case("v03", "automotive", "second",
         "The wheel is heavy so be ready for it. Pull the wheel straight off the studs.",
         "Pull the wheel off the studs"),
    Case("v04", "automotive", "oneword",
         "Look. See how worn that is? Swap the wiper blade for a new one.",
         "Swap the wiper blade"),
    Case("v05", "automotive", "using",
         "With the breaker bar, crack the lug nuts a half turn while the car is still on the ground.",
         "Crack the lug nuts with the breaker bar"),
    Case("v06", "automotive", "long",
         "Sweep the old brake dust out from behind the rotor and around the caliper bracket.",
         "Sweep the brake dust out"),
    Case("v07", "automotive", "plain",
         "Jack the car up at the marked lifting point behind the front wheel.",
         "Jack the car up"),
    # ---------------------------------------------------------------- woodworking
    Case("w01", "woodworking", "pronoun",
         "The glued panel has been in the clamps overnight. Take them off and scrape the squeeze-out.",
         "Take the clamps off"),
    Case("w02", "woodworking", "aside",
         "You can hear the extractor is struggling, ignore that. Feed the board through the planer.",
         "Feed the board through the planer"),
    Case("w03", "woodworking", "second",
         "Tear-out happens on the exit side. Score the cut line with a marking knife first.",
         "Score the cut line with a marking knife"),
    Case("w04", "woodworking", "oneword",
         "Check. Square? Mark the shoulder of the tenon with the square.",
         "Mark the shoulder of the tenon"),
    Case("w05", "woodworking", "using",
         "Using a block plane, chamfer the top edges of the leg.",
         "Chamfer the top edges with a block plane"),
    Case("w06", "woodworking", "long",
         "Spread an even coat of the yellow wood glue on both faces of the joint.",
         "Spread wood glue on the joint"),
    Case("w07", "woodworking", "plain",
         "Sand the tabletop with one twenty grit on the random orbit sander.",
         "Sand the tabletop"),
    # ---------------------------------------------------------------- packaging
    Case("g01", "packaging", "pronoun",
         "Grab the new roll of film. Lift it onto the unwind shaft and lock the collar.",
         "Lift the new roll onto the unwind shaft"),
    Case("g02", "packaging", "aside",
         "Line three is always slower on a Monday, don't ask me why. Clear the jam at the sealing jaws.",
         "Clear the jam at the sealing jaws"),
    Case("g03", "packaging", "second",
         "The labels were going on crooked yesterday. Adjust the label guide to the width of the bottle.",
         "Adjust the label guide"),
    Case("g04", "packaging", "oneword",
         "Smell. Burning? Turn down the sealing temperature by ten degrees.",
         "Turn down the sealing temperature"),
    Case("g05", "packaging", "using",
         "Using the hand wheel, inch the carton folder round to the home position.",
         "Inch the carton folder round with the hand wheel"),
    Case("g06", "packaging", "long",
         "Thread the film through the dancer rollers and over the forming collar to the jaws.",
         "Thread the film through the dancer rollers"),
    Case("g07", "packaging", "plain",
         "Reset the batch counter on the screen before the next run.",
         "Reset the batch counter"),
    # ---------------------------------------------------------------- laboratory
    Case("l01", "laboratory", "pronoun",
         "The sample tubes come out of the centrifuge now. Put them in the rack in order.",
         "Put the sample tubes in the rack"),
    Case("l02", "laboratory", "aside",
         "The fume hood alarm beeps sometimes, that's just the sash. Pipette ten millilitres of buffer into the flask.",
         "Pipette the buffer into the flask"),
    Case("l03", "laboratory", "second",
         "The balance drifts if the door is open. Tare the balance with the empty weighing boat on it.",
         "Tare the balance with the weighing boat"),
    Case("l04", "laboratory", "oneword",
         "Check. Bubble in the middle? Level the balance with the adjusting feet.",
         "Level the balance with the adjusting feet"),
    Case("l05", "laboratory", "using",
         "With a clean spatula, transfer the powder into the weighing boat.",
         "Transfer the powder with a spatula"),
    Case("l06", "laboratory", "long",
         "Rinse the inside of the two hundred and fifty millilitre volumetric flask with distilled water.",
         "Rinse the volumetric flask with distilled water"),
    Case("l07", "laboratory", "plain",
         "Label the flask with the date, your initials and the contents.",
         "Label the flask"),
]


def _halves() -> dict[str, str]:
    trades = list(dict.fromkeys(c.trade for c in CASES))
    seen: dict[tuple[str, str], int] = {}
    out: dict[str, str] = {}
    for c in CASES:
        order = seen.get((c.trade, c.kind), 0)
        seen[(c.trade, c.kind)] = order + 1
        out[c.id] = "tune" if (order + trades.index(c.trade)) % 2 == 0 else "test"
    out.update({c.id: "test2" for c in CASES_TEST2})
    return out


_HALF = _halves()


def split_of(case_id: str) -> str:
    """The half a case belongs to."""
    return _HALF[case_id]
