"""Held-out scripts, part F: a third blind test part by another new author (no recording here is tuned on).

Written for the fourth round of issue 9 (tools and parts found on their step) before any labeller
change of that round, and scored once at its end; parts B, C-test and E became tuning material then.
Other trades and texts than parts A-E and the sample: a bench grinder wheel change, a hydraulic hose on
a tail lift, a motor bearing pull, chainsaw chain filing, a threaded steel pipe joint, croissant
lamination, a meat slicer strip-down and chocolate tempering. This author explains the reason behind
an instruction ("because", "so that"), says sizes the way the trade does ("the thirteen millimetre
socket on the three eighths drive ratchet", "the eighteen inch pipe wrench"), and opens about one
step in three with a cue word. Pauses inside steps (1.8-2.4 s) are as long as those between steps
(1.3-2.4 s); step lengths are mixed, each recording has a one-sentence step. Four of the eight
recordings have a fixed camera, two a new scene per step, two are audio only. Voices: festival's HTS
`cmu_us_slt_arctic_hts` and diphone `kal_diphone`, at speeds no earlier part or the sample uses.

Same conventions as `scripts_a`: "tip:" / "warn:" prefixes mark tips and warnings, floats are pauses
inside a step, and every `d` is a trainee's own written description of the step. Generate with
`make_heldout.py --set F` (writes `manifest_f.json`; the other parts and their manifests are left alone).
"""

from __future__ import annotations

from heldout_types import Recording, st

SLT = "festival:cmu_us_slt_arctic_hts"
KAL = "festival:kal_diphone"

RECORDINGS_F: list[Recording] = [
    Recording(
        name="grinder_wheel", ext="mp4", domain="maintenance", title="Fitting a new wheel to the bench grinder",
        category="setup", voice=(KAL, 138, 0.5), scene="fixed", noise=0.03, part="test",
        pauses=[1.6, 2.3, 1.4, 2.0, 1.8],
        steps=[
            st("Unplug the grinder", "safety",
               ["Pull the grinder's plug out of the wall and hang it over the bench, so that nobody plugs it back in."],
               [], "Disconnect the machine and keep the lead where it can be seen."),
            st("Take off the guard", "operation",
               ["The side cover of the guard is held by three screws, and I take them out with a number two "
                "Phillips screwdriver.",
                2.2,
                "Jam a block of hardwood between the wheel and the tool rest, so the spindle cannot turn.",
                "Then crack the spindle nut with the twenty four millimetre ring spanner.",
                "warn:On the left side of the grinder that nut has a left hand thread, so it undoes clockwise, "
                "and forcing it the wrong way strips the spindle."],
               ["No. 2 Phillips screwdriver", "hardwood block", "24 mm ring spanner"],
               "Open the wheel cover and loosen the clamping nut, remembering it is reverse threaded."),
            st("Ring test the new wheel", "inspection",
               ["Before it goes on, hang the new wheel on one finger through the bore and tap it lightly with "
                "the handle of a screwdriver.",
                "A sound wheel rings clear.",
                1.8,
                "A dull thud means a crack, and that wheel goes in the scrap bin, not on the machine.",
                "warn:A cracked wheel can burst at full speed, and the pieces come out hard enough to kill someone."],
               ["screwdriver"], "Check the replacement disc for hidden damage by the sound it gives."),
            st("Mount the wheel", "operation",
               ["Check that the speed printed on the label is above the thirty five hundred r p m on the motor plate.",
                "Slide the wheel on with a paper blotter on each side and the flanges outside them.",
                2.0,
                "Now snug the nut up.",
                "tip:Do not crank the nut hard, because the flanges only need to grip, and too much force "
                "cracks the wheel at the bore."],
               ["paper blotters"], "Fit the disc with its washers and tighten the clamp only moderately."),
            st("Set the tool rest", "adjustment",
               ["Refit the guard cover and set the tool rest three millimetres from the wheel face, using a three "
                "millimetre drill bit as the gauge.",
                "The spark deflector at the top gets the same gap."],
               ["3 mm drill bit"], "Close up the cover and bring the rest and the upper shield close to the disc."),
            st("Run it in", "operation",
               ["Finally stand to one side, switch on and let it run for a full minute before you grind anything."],
               [], "Start the machine from beside it and let it spin unloaded for a while."),
        ],
    ),
    Recording(
        name="tail_lift_hose", ext="mp4", domain="repair", title="Replacing a burst hydraulic hose on a tail lift",
        category="troubleshooting", voice=(SLT, 172, 0.4), scene="fixed", noise=0.05, part="test",
        pauses=[2.0, 1.5, 2.4, 1.3, 1.7],
        steps=[
            st("Lower the platform", "safety",
               ["Bring the lift platform right down onto the ground and switch off the isolator in the cab."],
               [], "Rest the deck on the floor and cut the power."),
            st("Release the pressure", "safety",
               ["Even with the pump stopped, the cylinder can still hold pressure in the line.",
                "Work the up and down control a few times to let it bleed back to the tank.",
                2.1,
                "Then crack the fitting at the pump end a quarter turn, with a rag wrapped round it.",
                "warn:Never run your hand along a hydraulic hose to find a leak, a pinhole jet can inject oil "
                "under the skin, and that is a hospital job, not a plaster."],
               ["rag"], "Vent the trapped oil so the circuit is dead before anything is opened."),
            st("Remove the old hose", "operation",
               ["Next, hold the adapter with a twenty two millimetre open ended spanner and undo the hose nut "
                "with a twenty four.",
                1.9,
                "Cap both open ends straight away with the blanking plugs from the kit.",
                "Let the hose drain into the drip tray, and note how it was routed through the clips."],
               ["22 mm open ended spanner", "24 mm spanner", "blanking plugs", "drip tray"],
               "Disconnect the damaged line, seal the ports and remember its path."),
            st("Compare the new hose", "inspection",
               ["Lay the new hose next to the old one.",
                "It must match in length, in the fittings at each end, and in the pressure rating printed on the "
                "cover, here two hundred and fifty bar.",
                "tip:Do not go by the colour of the outer cover, read the rating, because two hoses that look "
                "the same can be rated very differently."],
               ["250 bar hydraulic hose"], "Check the replacement against the removed one for size, ends and rating."),
            st("Fit the new hose", "operation",
               ["Run the new hose along the same path with no twist in it, which you can tell by the printed "
                "line on the cover staying straight.",
                2.3,
                "Start both nuts by hand.",
                "Tighten them until they seat, then a sixth of a turn more with the spanner.",
                "Refit the clamps, so that it cannot rub on the edge of the chassis.",
                "warn:A hose that rubs wears through in a few weeks and dumps the whole tank on the road."],
               ["spanner", "hose clamps"], "Route the replacement without twisting, tighten the ends and secure it."),
            st("Top up and test", "inspection",
               ["Top up the tank with I S O thirty two oil to the mark, run the lift up and down three times and "
                "look at both fittings for weeping."],
               ["ISO 32 hydraulic oil"], "Refill the reservoir, cycle the deck and check for leaks."),
        ],
    ),
    Recording(
        name="motor_bearing", ext="mkv", domain="repair", title="Pulling and refitting a bearing on an electric motor",
        category="operation", voice=(KAL, 154, 0.45), scene="steps", noise=0.0, part="test",
        pauses=[1.8, 1.4, 2.2, 1.5, 2.0],
        steps=[
            st("Mark and open the motor", "setup",
               ["With the motor on the bench, scratch a line across the end cover and the frame with a scriber, "
                "so it goes back the same way round.",
                "Undo the four through bolts with a thirteen millimetre socket on the three eighths drive ratchet.",
                2.2,
                "Tap the end cover off with a soft faced mallet.",
                "Slide the rotor out and rest it on two wooden blocks."],
               ["scriber", "13 mm socket", "3/8 drive ratchet", "soft faced mallet", "wooden blocks"],
               "Mark how the housing lines up, unbolt the cover and take the armature out."),
            st("Set up the puller", "setup",
               ["Next I put a two jaw puller on the bearing, with the jaws behind the inner race and the centre "
                "bolt in the centre hole of the shaft.",
                "warn:Pull only on the inner race, because pulling on the outer one drives all the force through "
                "the balls and can snap a jaw off the puller.",
                "tip:A drop of oil on the thread of the centre bolt makes it much easier to turn."],
               ["two jaw puller"], "Hook the extractor behind the ring that sits on the shaft."),
            st("Pull the bearing", "operation",
               ["Hold the puller body with a spanner and turn the centre bolt with a nineteen millimetre socket.",
                2.4,
                "It goes tight, then lets go with a crack, and after that it comes off easily.",
                "Keep the old bearing, its number is stamped on the shield."],
               ["spanner", "19 mm socket"], "Screw in the forcing screw until the worn part breaks free."),
            st("Heat the new bearing", "operation",
               ["The new bearing, a six two zero five with two shields, goes on the induction heater set to one "
                "hundred and ten degrees.",
                "warn:Wear the heat gloves, at that temperature the bearing burns skin on contact, and never heat "
                "it past a hundred and twenty five or the grease inside breaks down."],
               ["6205 bearing", "induction heater", "heat gloves"], "Warm the replacement on the heater so it expands."),
            st("Fit it on the shaft", "operation",
               ["Slide it on against the shoulder in one go and hold it there while it grips."],
               [], "Push the hot part fully home and keep it pressed briefly."),
            st("Reassemble and check", "inspection",
               ["Once it is cool, slide the rotor back in, line up the scribed marks and tighten the through bolts "
                "evenly, crosswise.",
                1.9,
                "Then spin the shaft by hand.",
                "It should turn smoothly and quietly, with no rough spots.",
                "Last of all, check the windings with the five hundred volt insulation tester before it goes "
                "back on the line."],
               ["500 V insulation tester"],
               "Rebuild it with the marks aligned, feel the rotation and measure the winding resistance."),
        ],
    ),
    Recording(
        name="chainsaw_chain", ext="wav", domain="maintenance", title="Filing a chainsaw chain by hand",
        category="adjustment", voice=(SLT, 134, 0.5), scene=None, noise=0.02, part="test",
        pauses=[1.5, 2.2, 1.7, 1.3],
        steps=[
            st("Secure the saw", "setup",
               ["Clamp the bar in the bench vice, close to the chain but not touching it, and put the chain brake on."],
               ["bench vice"], "Hold the guide bar firmly and lock the chain."),
            st("Pick the file", "setup",
               ["This chain has a three eighths pitch, and that takes a five point five millimetre round file.",
                "It is stamped on the drive links, so check before you start.",
                2.1,
                "Fit the file into the guide holder, the one with the thirty degree lines on top.",
                "tip:A small mark on the first cutter with a paint pen tells you where you started, so you do "
                "not go round twice."],
               ["5.5 mm round file", "file guide", "paint pen"],
               "Choose a file that suits the chain size and put it in its holder."),
            st("File the cutters", "operation",
               ["Now stroke each cutter from the inside out, pushing only, three or four even strokes, and lift "
                "the file on the way back.",
                2.3,
                "Do every second cutter along one side, then release the brake, pull the chain round and carry on.",
                "Turn the saw round in the vice and do the other side from the other direction.",
                "warn:Wear gloves, the cutters are sharp enough to open your knuckles when you pull the chain round."],
               ["gloves"], "Sharpen the teeth on one side with equal strokes, then swap sides."),
            st("Lower the rakers", "adjustment",
               ["Lay the depth gauge tool across two cutters and file the raker that sticks up through the slot "
                "flat with a flat file.",
                "Round off its front corner.",
                2.0,
                "warn:If you take the rakers down too far, the saw grabs and can kick back at your face."],
               ["depth gauge tool", "flat file"], "Trim the small limiters ahead of each tooth to the correct height."),
            st("Set the tension", "adjustment",
               ["Finally set the chain tension so it pulls round by hand and snaps back against the bar."],
               [], "Adjust how tight the loop is on the guide bar."),
        ],
    ),
    Recording(
        name="pipe_thread", ext="mp4", domain="repair", title="Threading and jointing a steel water pipe",
        category="operation", voice=(KAL, 162, 0.45), scene="fixed", noise=0.04, part="test",
        pauses=[1.5, 2.1, 1.4, 2.4, 1.6],
        steps=[
            st("Isolate the supply", "safety",
               ["Shut the stop valve and open the lowest tap to drain the line."],
               [], "Turn the water off and empty the pipework."),
            st("Cut the pipe square", "operation",
               ["Mark the length and cut the three quarter inch pipe with the wheel pipe cutter, a quarter turn "
                "tighter on every revolution.",
                2.0,
                "Ream the burr out of the inside with the reamer on the back of the cutter.",
                "A burr left inside slows the flow and catches dirt."],
               ["pipe cutter", "reamer"], "Shorten the tube to size and clean up its inner edge."),
            st("Thread the end", "operation",
               ["Then hold the pipe in the pipe vice and push the three quarter inch die head square onto the end.",
                "Turn the ratchet handle, with plenty of cutting oil on the die all the time.",
                2.4,
                "When the pipe end is level with the outer face of the die, the thread is long enough.",
                "Back the die off and clean the chips out of the thread with a wire brush."],
               ["pipe vice", "3/4 inch die head", "ratchet handle", "cutting oil", "wire brush"],
               "Cut the screw thread until it reaches the proper length, then clear away the swarf."),
            st("Wrap the thread", "operation",
               ["Wind P T F E tape on clockwise as you look at the pipe end, five or six turns, keeping it tight.",
                "tip:Start one thread back from the end, so that no tape gets pushed into the pipe to block a "
                "valve further down."],
               ["PTFE tape"], "Seal the male thread with tape wound the right way."),
            st("Make up the joint", "operation",
               ["Screw the fitting on by hand until it stops, then tighten it with the eighteen inch pipe wrench, "
                "two to three turns more.",
                1.8,
                "Hold the pipe back with the fourteen inch wrench, so the joint further along does not move.",
                "warn:Do not stand on a wrench handle or slip a length of pipe over it for leverage, the fitting "
                "cracks, and the wrench can slip and throw you."],
               ["18 inch pipe wrench", "14 inch pipe wrench"],
               "Tighten the fitting firmly while stopping the rest of the run from turning."),
            st("Pressure test", "inspection",
               ["Next, fill the run, connect the test pump and bring it up to ten bar.",
                2.2,
                "It should hold for fifteen minutes without dropping on the gauge.",
                "If it does drop, a squirt of leak spray on each joint shows you which one with bubbles."],
               ["test pump", "pressure gauge", "leak spray"], "Pressurise the new section and watch that it holds."),
        ],
    ),
    Recording(
        name="croissant_dough", ext="mp4", domain="kitchen", title="Laminating croissant dough with a butter block",
        category="operation", voice=(KAL, 176, 0.4), scene="steps", noise=0.0, part="test",
        pauses=[1.7, 2.3, 1.4, 1.9, 1.5],
        steps=[
            st("Prepare the butter block", "setup",
               ["Beat the two hundred and fifty gram butter block between two sheets of baking paper with the "
                "rolling pin, into a square of eighteen centimetres.",
                "Put it in the fridge until it bends without cracking, at about thirteen degrees."],
               ["rolling pin", "baking paper"], "Flatten the fat into an even slab and cool it until pliable."),
            st("Lock in the butter", "operation",
               ["Roll the rested dough into a square twice the size of the butter.",
                2.1,
                "Lay the butter on it turned like a diamond, and fold the four corners of the dough over it like "
                "an envelope.",
                "Pinch the seams closed.",
                "tip:Sweep off every bit of flour with a dry pastry brush before you fold, because loose flour "
                "between the layers makes the croissants tough."],
               ["pastry brush"], "Enclose the slab in the dough and seal the edges."),
            st("Give the first fold", "operation",
               ["Next, roll it out away from you to about sixty centimetres long and eight millimetres thick.",
                "Fold it in three like a business letter.",
                2.3,
                "Turn it a quarter so the open edge faces you, wrap it and chill it for thirty minutes.",
                "warn:If the butter breaks into pieces under the pin, stop and chill it, pushing on only smears "
                "the butter into the dough and the layers are lost."],
               ["rolling pin"], "Stretch the package long, fold it in thirds and rest it cold."),
            st("Repeat the folds", "operation",
               ["Do two more folds the same way, with a rest in the fridge after each."],
               [], "Make another two turns with chilling between them."),
            st("Cut the triangles", "operation",
               ["Now roll the dough to four millimetres and trim the edges straight with a pizza wheel against "
                "the metre ruler.",
                1.8,
                "Cut long triangles with a ten centimetre base.",
                "warn:Keep the fingers of your other hand on top of the ruler, a pizza wheel slips off the edge "
                "easily and it cuts deep."],
               ["pizza wheel", "1 m ruler"], "Sheet it thin, square the sides and divide it into long wedges."),
            st("Roll up and prove", "operation",
               ["Stretch each triangle a little, roll it from the base to the tip and set it on the tray with the "
                "tip underneath.",
                2.0,
                "Prove them at twenty six degrees, not warmer, until they wobble when you shake the tray."],
               ["baking tray"], "Shape each piece into a crescent and let them rise somewhere mildly warm."),
        ],
    ),
    Recording(
        name="meat_slicer", ext="mp4", domain="kitchen", title="Stripping and cleaning the meat slicer",
        category="cleanup", voice=(SLT, 144, 0.45), scene="fixed", noise=0.02, part="test",
        pauses=[1.6, 2.2, 1.3, 2.0, 1.5],
        steps=[
            st("Close the gauge and unplug", "safety",
               ["Turn the thickness knob to zero so the plate covers the edge, switch off and pull the plug."],
               [], "Shut the gauge plate over the cutting edge and disconnect the power."),
            st("Take off the carriage", "operation",
               ["Slide the carriage to the front, undo the knob underneath and lift it off the machine.",
                2.0,
                "The pusher and the tray come off with it.",
                "All of that goes in the sink with hot soapy water."],
               [], "Remove the sliding table and its parts and put them to soak."),
            st("Remove the blade cover", "operation",
               ["Unscrew the cover knob in the centre of the blade and take the cover off.",
                "warn:The blade stays on the machine and it is razor sharp, so put on the level five cut "
                "resistant glove before your hand goes near it."],
               ["level 5 cut resistant glove"], "Take away the centre guard while protecting your hand."),
            st("Clean the blade", "cleanup",
               ["Now fold a cloth soaked in sanitiser into a thick pad and wipe the blade from the middle out to "
                "the rim, one face at a time, never along the edge.",
                2.4,
                "Then push the pad into the gap behind the blade from the top with the long cleaning brush.",
                "That gap is where the meat juice collects and grows bacteria.",
                "tip:It goes quicker with the sharpener taken off as well, it lifts off with one knob."],
               ["cloth", "sanitiser", "cleaning brush"], "Wipe both sides of the disc outwards and clear the space behind it."),
            st("Rinse and refit the parts", "cleanup",
               ["Rinse the carriage parts, let them air dry on the rack and put them back on."],
               ["drying rack"], "Wash off the soap and reassemble the dried pieces."),
            st("Test and sharpen", "inspection",
               ["Finally test the cut on a piece of ham.",
                "If the slices tear, run the built in sharpener for ten seconds and then hone for three."],
               ["built in sharpener"], "Try a trial slice and touch up the edge when it rags."),
        ],
    ),
    Recording(
        name="chocolate_temper", ext="mp3", domain="kitchen", title="Tempering dark chocolate on the marble slab",
        category="operation", voice=(KAL, 184, 0.4), scene=None, noise=0.0, part="test",
        pauses=[1.4, 2.1, 1.7, 2.3],
        steps=[
            st("Melt the chocolate", "operation",
               ["Melt one kilo of dark chocolate callets in the bain marie until the probe thermometer reads "
                "forty five to fifty degrees.",
                2.0,
                "Stir it with the spatula, so that it melts evenly.",
                "warn:Not one drop of water or steam can get into the bowl, even a little makes the chocolate "
                "seize into a thick paste."],
               ["bain marie", "probe thermometer", "spatula"], "Heat the couverture gently to the melting temperature."),
            st("Pour onto the marble", "operation",
               ["Pour about two thirds of it onto the clean, dry marble slab."],
               ["marble slab"], "Tip most of the melted batch onto the stone."),
            st("Table the chocolate", "operation",
               ["Spread it out thin with the thirty centimetre palette knife, and bring it back together with the scraper.",
                2.3,
                "Keep it moving the whole time, spreading and gathering, for three or four minutes.",
                "It turns thicker and loses its shine as it cools.",
                "tip:Wipe the scraper clean on the edge of the bowl every few strokes, because lumps on it end "
                "up as streaks."],
               ["30 cm palette knife", "scraper"], "Work the mass back and forth on the stone until it thickens."),
            st("Check the temperature", "inspection",
               ["Then scrape it back into the bowl and stir it into the warm part.",
                1.9,
                "The whole bowl should now sit at thirty one or thirty two degrees.",
                "Dip the tip of a knife in it and leave it for five minutes.",
                "If it sets glossy and snaps cleanly, it is tempered."],
               ["knife"], "Combine both portions, reach the working heat and do a quick setting trial."),
            st("Keep it in temper", "operation",
               ["While you work, keep the bowl on the warming plate at thirty one degrees.",
                "warn:Do not let it go over thirty two, or it loses the temper and the whole process starts "
                "again, and a plate left on high scorches it."],
               ["warming plate"], "Hold the chocolate at the right heat while using it."),
        ],
    ),
]
