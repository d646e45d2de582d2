"""Held-out scripts, part H: a fifth blind test part by an eighth author (no recording here is tuned on).

Written for round 7 of issue 9 after parts A-G had been built, by an author who has not read the
segmenter's or the labeller's rules, and kept blind until that round's final candidate is scored.
Other trades and texts than parts A-G and the sample: the recoil starter cord of a plate compactor,
the condenser coil of a walk-in cooler, seasoning a flat top griddle, reglazing a timber sash, the
squeegee blades of a ride-on floor scrubber, choux buns, patching plasterboard and par-cooking risotto.
This author talks like a charge hand on the floor ("we", "right,", "okay,", "last job,"), gives the
reason after a warning ("..., because ..."), names sizes the trade's way ("a ten mil socket on a
quarter inch drive", "four mil float glass", "two by one timber", "twelve and a half mil board",
"a hundred and twenty grit"), and opens a little under half of the later steps with a cue of their
own ("right", "once", "with", "second", "last", "then", "next", "now"). Pauses inside steps and
between steps are both 2.0-2.6 s; step lengths are mixed, most recordings have a one-sentence step.
Four of the eight recordings have a fixed camera, two a new scene per step, two are audio only.
Voices: festival's HTS `cmu_us_slt_arctic_hts` and diphone `kal_diphone`, at speeds no earlier part
or the sample uses.

Same conventions as `scripts_a`: "tip:" / "warn:" prefixes mark tips and warnings, floats are pauses
inside a step, and every `d` is a trainee's own written description of the step. Generate with
`make_heldout.py --set H` (writes `manifest_h.json`; the other parts and their manifests are left alone).
"""

from __future__ import annotations

from heldout_types import Recording, st

SLT = "festival:cmu_us_slt_arctic_hts"
KAL = "festival:kal_diphone"

RECORDINGS_H: list[Recording] = [
    Recording(
        name="compactor_recoil", ext="mp4", domain="repair",
        title="Replacing the recoil starter cord on a plate compactor",
        category="troubleshooting", voice=(KAL, 147, 0.45), scene="fixed", noise=0.04, part="test",
        pauses=[2.3, 2.1, 2.5, 2.2, 2.0],
        steps=[
            st("Park the compactor and let it cool", "safety",
               ["We start with the compactor on level ground, the fuel tap off and the engine stone cold."],
               [], "Park on flat ground, shut the petrol off and let the motor cool."),
            st("Take the starter housing off", "setup",
               ["Three ten mil bolts hold the recoil housing to the fan cover, and a ten mil socket on a quarter "
                "inch drive ratchet gets them out.",
                2.3,
                "Lift the housing straight up so the spring stays in its cup.",
                "warn:Keep your face well back from the pulley, because a loose recoil spring whips out and cuts."],
               ["10 mm socket", "1/4 inch drive ratchet"],
               "Undo the small bolts and raise the pull-start cover off without disturbing the coil inside."),
            st("Unwind the old cord", "operation",
               ["Right, pick the knot out of the pulley with needle nose pliers and let the pulley unwind slowly "
                "under your thumb.",
                2.1,
                "Count the turns as it goes back, there are normally four and a half.",
                "tip:A strip of masking tape on the pulley rim makes the turns easy to count."],
               ["needle nose pliers"],
               "Free the broken rope's end and let the drum spin back gently while you note how far it goes."),
            st("Fit the new cord", "operation",
               ["Cut two metres of four mil starter cord and melt both ends with a lighter so they cannot fray.",
                2.4,
                "Feed it through the pulley hole, tie a figure of eight, and pull the knot down into its pocket.",
                "tip:Do not use washing line or anything nylon and slippery, because that knot will not hold.",
                2.0,
                "Wind the pulley up the four and a half turns, hold it, feed the other end out through the guide and "
                "fit the starter handle."],
               ["4 mm starter cord", "lighter", "starter handle"],
               "Thread a fresh length of rope, knot it into the drum, pre-load the spring and put the grip on."),
            st("Refit the housing and test", "inspection",
               ["Once the cord pulls out and rewinds by itself, put the housing back and take the bolts to eight "
                "newton metres with the torque wrench.",
                2.2,
                "warn:Never pull the cord out to its very end, because it rips the knot out and you are back to "
                "the start.",
                "Give it three pulls and watch it wind back fully."],
               ["torque wrench"],
               "Check the rope returns on its own, bolt the cover down and try it a few times."),
            st("Start it and book it back", "inspection",
               ["Last job, run it for a minute on the yard and write the repair on the hire tag for Gary in the "
                "workshop."],
               [], "Let the engine go briefly outside and note what was done on the label for the workshop."),
        ],
    ),
    Recording(
        name="cooler_condenser", ext="mp4", domain="maintenance",
        title="Cleaning the condenser coil on the walk-in cooler",
        category="cleanup", voice=(SLT, 153, 0.4), scene="fixed", noise=0.05, part="test",
        pauses=[2.4, 2.1, 2.6, 2.2],
        steps=[
            st("Isolate the condensing unit", "safety",
               ["The condensing unit for the walk-in is up on the roof, and we turn its rotary isolator to off and "
                "lock it with our own padlock.",
                2.2,
                "warn:The fan can start by itself on pressure even with the thermostat happy, so never put a hand "
                "in before the isolator is locked."],
               ["padlock"], "Go up to the outdoor unit, switch it off at the local switch and put a personal lock on."),
            st("Open the fan guard", "setup",
               ["Second, take the four screws out of the fan guard with a number two Phillips screwdriver and swing it aside on "
                "its cable."],
               ["No. 2 Phillips screwdriver"], "Unscrew the grille over the fan and move it out of the way."),
            st("Brush and foam the coil", "cleanup",
               ["Brush the fins from the outside with a soft hand brush, going with the fins and never across them.",
                2.5,
                "warn:The fins are thin aluminium and fold flat if you push across them, and a flattened patch is "
                "airflow you never get back.",
                "Then mix the coil cleaner one part to five in the pump sprayer and wet the whole face from the top "
                "down.",
                2.3,
                "Leave it ten minutes to foam and lift the muck out."],
               ["hand brush", "pump sprayer", "coil cleaner"],
               "Sweep dirt off the thin metal plates along their grain, soak them with foaming cleaner and wait."),
            st("Rinse from the inside out", "cleanup",
               ["With the foam still standing, rinse from the fan side outwards with the hose on a gentle spray, so "
                "the dirt leaves the way it came in.",
                2.0,
                "tip:Do not use the pressure washer, because it lays the fins down and drives water into the fan "
                "motor.",
                "Straighten any bent patches with the fin comb, on its fourteen fins per inch side."],
               ["hose", "fin comb"],
               "Wash the cleaner back out against the usual air flow and comb straight any crushed plates."),
            st("Power up and check the pressures", "inspection",
               ["Refit the guard, take your lock off and switch on.",
                2.4,
                "After five minutes the head pressure on the gauge should be back near nine bar, and the cold room "
                "should pull down to three degrees within the hour.",
                "warn:If the head pressure climbs past eighteen bar, switch it off again and call Sunil, because the "
                "fan motor may be on its way out."],
               ["pressure gauge"],
               "Put everything back, power up and see that the readings settle where they normally sit."),
        ],
    ),
    Recording(
        name="griddle_season", ext="mp4", domain="kitchen",
        title="Cleaning and seasoning the flat top griddle at close",
        category="cleanup", voice=(SLT, 169, 0.4), scene="fixed", noise=0.02, part="test",
        pauses=[2.2, 2.5, 2.0, 2.3, 2.4],
        steps=[
            st("Scrape while it is hot", "cleanup",
               ["Okay, with the griddle still at about a hundred and fifty degrees, push everything into the grease "
                "trough with the four inch griddle scraper."],
               ["4 inch griddle scraper"], "Clear leftover food into the gutter while the plate is still warm."),
            st("Turn down and empty the grease drawer", "safety",
               ["Turn the dials down to low and pull the grease drawer out with an oven glove on.",
                2.2,
                "warn:That drawer is full of fat at well over a hundred degrees, so walk it straight to the fat bin "
                "and never carry it past anybody on the line."],
               ["oven glove"], "Lower the heat and take the hot oil tray carefully away to the waste bin."),
            st("Scour the plate with the screen", "cleanup",
               ["Next, lay a griddle screen under the pumice holder and work the plate in rows, front to back.",
                2.6,
                "Splash on a little water as you go, it steams the burnt layer off.",
                "warn:Keep your forearms off the front edge while you lean over, it stays hot long after the middle "
                "cools.",
                2.1,
                "Squeegee the black slurry into the trough and wipe down with a damp cloth."],
               ["griddle screen", "pumice holder", "squeegee"],
               "Rub the cooking surface in lines with the abrasive pad and a bit of water, then pull the dirty paste off."),
            st("Check the plate is clean", "inspection",
               ["The plate is clean enough when it is a dull even grey with no shiny patches left."],
               [], "Look for one flat uniform colour across the steel."),
            st("Season the plate", "operation",
               ["Pour about two tablespoons of rapeseed oil on the plate and spread it thin with a folded cloth held "
                "in tongs.",
                2.3,
                "tip:Do not use olive oil here, because it goes gummy and the morning cook ends up scraping your "
                "seasoning off.",
                "Let it smoke off for five minutes and wipe over again."],
               ["rapeseed oil", "tongs", "cloth"], "Coat the steel with a thin film of cooking fat and let it bake on."),
            st("Shut down and leave a note", "operation",
               ["Last thing, turn all four burners off at the dials and the gas off at the wall, and write on the "
                "board that the griddle is seasoned for Ana on breakfasts."],
               [], "Switch off the heat and the supply and leave word for the early cook."),
        ],
    ),
    Recording(
        name="window_pane", ext="mp4", domain="repair", title="Reglazing a cracked pane in a timber sash window",
        category="troubleshooting", voice=(KAL, 133, 0.5), scene="fixed", noise=0.0, part="test",
        pauses=[2.5, 2.0, 2.3, 2.2],
        steps=[
            st("Tape the pane and dress for glass", "safety",
               ["Put on the cut resistant gloves and the safety glasses, and cross the cracked pane with wide "
                "masking tape on both sides.",
                2.4,
                "warn:Broken glass slips out in a sheet with no warning, so nobody stands under the window while we "
                "work, and that includes Tom on the ladder."],
               ["cut resistant gloves", "safety glasses", "masking tape"],
               "Protect your hands and eyes and tape over the damaged glass so it stays in one piece."),
            st("Hack out the old putty", "operation",
               ["Rake the old putty out with a hacking knife and a light hammer.",
                2.2,
                "Pull the glazing sprigs with pliers as they show.",
                2.0,
                "tip:Do not lever the knife against the glass, tap it along the wood, or the crack runs on into the "
                "next pane.",
                "Lift the glass out in its tape and lay it flat in the glass bin."],
               ["hacking knife", "hammer", "pliers"],
               "Chip the hardened filler away along the frame, take out the little nails and remove the broken sheet."),
            st("Measure the new pane", "setup",
               ["Right, measure the opening both ways and take three mil off each size, and four mil float glass is "
                "right for a sash this size."],
               ["tape measure", "4 mm float glass"],
               "Size up the hole and order a sheet slightly smaller so it sits with clearance."),
            st("Bed and pin the glass", "operation",
               ["Then knead the linseed putty warm and press a bed of it into the rebate, about three mil thick.",
                2.1,
                "Push the pane in at the edges, never the middle, until the putty squeezes out behind.",
                "warn:Pressing in the middle cracks the new pane straight away, and it cuts deep when it goes.",
                2.3,
                "Tap in two glazing sprigs a side with the flat of a chisel, sliding it along the glass."],
               ["linseed putty", "glazing sprigs", "chisel"],
               "Lay a soft strip in the frame, seat the sheet by its edges and pin it with small nails."),
            st("Front putty and leave it to cure", "operation",
               ["Roll the putty into a sausage, press it round the front and strike it off at forty five degrees "
                "with the putty knife.",
                2.2,
                "tip:Dip the putty knife in water now and then and it glides instead of dragging.",
                "It needs two weeks before it takes paint."],
               ["putty knife"], "Finish the outside bead at an angle and leave it to harden before anyone paints."),
        ],
    ),
    Recording(
        name="scrubber_squeegee", ext="mkv", domain="maintenance",
        title="Changing the squeegee blades on the ride-on floor scrubber",
        category="setup", voice=(KAL, 163, 0.4), scene="steps", noise=0.03, part="test",
        pauses=[2.2, 2.4, 2.1, 2.6],
        steps=[
            st("Park it and take the key", "safety",
               ["Park the scrubber on the flat by the drain, lift the brush deck, and take the key out and into "
                "your pocket.",
                "warn:With the key left in, anyone passing can drive it off while you are down beside it."],
               [], "Stop the machine on level ground, raise the scrubbing head and keep the ignition key on you."),
            st("Drain the recovery tank", "cleanup",
               ["Empty the recovery tank first, through the drain hose into the floor drain.",
                2.4,
                "warn:That water is loaded with floor chemical and grit, so wear the nitrile gloves and keep it off "
                "your skin."],
               ["nitrile gloves"], "Let the waste water out into the gully with gloves on."),
            st("Take the squeegee off", "setup",
               ["Unplug the vacuum hose from the squeegee, undo the two star knobs and slide the whole assembly off "
                "its bracket.",
                2.2,
                "tip:A photo of the hose route on your phone saves the guessing when it goes back.",
                "Lay it on the bench, blade side up."],
               [], "Free the suction pipe and unscrew the hand knobs to lift the rear wiper away."),
            st("Turn or replace the blades", "operation",
               ["Loosen the thirteen mil nuts on the clamp band with a thirteen mil spanner and pull the rear blade "
                "out.",
                2.5,
                "Each blade has four working edges, so flip it or turn it end for end before you throw it away.",
                "tip:Do not pair a worn front blade with a new rear one, because the old one leaves streaks whatever "
                "you do.",
                2.0,
                "New blades here are the eight hundred and fifty mil linatex ones, and Priya orders them in pairs.",
                "warn:The clamp band springs open when the last nut comes off, so hold it with your other hand or it "
                "catches your knuckles."],
               ["13 mm spanner", "850 mm squeegee blades"],
               "Open the strap holding the rubber strips, rotate to a fresh edge or put new ones in as a matched set."),
            st("Refit and test on the floor", "inspection",
               ["Once it is back on, run a test strip and check the floor behind you is dry with no stripes."],
               [], "Drive a short run and look that nothing is left wet behind the machine."),
        ],
    ),
    Recording(
        name="choux_buns", ext="mp4", domain="kitchen", title="Making and piping choux buns for the pastry section",
        category="operation", voice=(SLT, 181, 0.45), scene="steps", noise=0.0, part="test",
        pauses=[2.1, 2.4, 2.0, 2.5, 2.3],
        steps=[
            st("Weigh up the batch", "setup",
               ["For a tray of forty we weigh two hundred and fifty grams of water, a hundred grams of butter, a "
                "hundred and fifty of strong flour and four large eggs."],
               [], "Measure out the liquid, fat, flour and eggs needed for one batch."),
            st("Boil and beat in the flour", "operation",
               ["Bring the water and butter to a rolling boil in the heavy pan, tip the flour in all at once and beat "
                "with a wooden spoon.",
                2.3,
                "Keep it on the heat a good minute until the paste comes away from the sides and a skin shows on the "
                "base.",
                "warn:The paste spits as it dries out, so keep your face back and your sleeve over your wrist."],
               ["heavy pan", "wooden spoon"],
               "Melt the fat into the liquid, throw in the flour and stir hard over the flame until it dries."),
            st("Cool and add the eggs", "operation",
               ["With the paste in the mixer on the paddle, let it steam for three minutes before any egg goes in.",
                2.4,
                "Add the beaten egg in four goes, beating well after each.",
                2.0,
                "tip:Do not pour the last of the egg in blind, check that the paste drops off the paddle in a V and "
                "stop when it does."],
               ["mixer", "paddle"],
               "Let it cool a little in the machine, then work the egg in bit by bit until it falls off in a point."),
            st("Pipe the buns", "operation",
               ["Then fill a piping bag with a twelve mil plain nozzle and pipe three centimetre rounds on the lined "
                "tray, well apart.",
                2.1,
                "Flatten the points with a wet finger."],
               ["piping bag", "12 mm plain nozzle"], "Squeeze out small even mounds with space between and smooth their tips."),
            st("Bake without opening the door", "operation",
               ["Bake at two hundred degrees for twenty minutes, and then at a hundred and seventy for fifteen.",
                2.5,
                "warn:Opening the oven door in the first twenty minutes lets the steam out and the buns sink flat, so "
                "leave it shut even when Kofi asks to use it.",
                "They are done when they are a deep gold and feel hollow."],
               [], "Cook them hot and then cooler with the oven closed, and take them out brown and light."),
            st("Vent and cool", "operation",
               ["Pierce each bun underneath with a skewer straight away and cool them on a wire rack."],
               ["skewer", "wire rack"], "Poke each one from below to let steam escape and let them go cold."),
        ],
    ),
    Recording(
        name="plasterboard_patch", ext="wav", domain="repair", title="Patching a hole in a plasterboard wall",
        category="troubleshooting", voice=(SLT, 139, 0.5), scene=None, noise=0.0, part="test",
        pauses=[2.3, 2.0, 2.5, 2.2],
        steps=[
            st("Check behind the hole", "safety",
               ["Before any cutting, run the cable detector over the wall round the hole and mark anything it finds.",
                2.2,
                "warn:Cables run straight up and down from sockets and switches, and a saw through a live one can "
                "kill you."],
               ["cable detector"], "Scan the surrounding wall for wires and note where they go."),
            st("Square up the hole", "setup",
               ["Draw a square round the damage and cut it out with the jab saw, keeping to the lines and never "
                "more than an inch deep."],
               ["jab saw"], "Mark a neat box around the damage and saw it out carefully and shallow."),
            st("Fit a backing batten", "operation",
               ["Now cut a batten of two by one timber ten centimetres longer than the hole.",
                2.3,
                "Hold it inside across the hole and screw it through the board with the cordless drill, two thirty "
                "mil drywall screws each end.",
                2.1,
                "warn:Keep your fingers on the end of the batten, not behind the screw line, or the screw goes into "
                "your hand."],
               ["2 by 1 batten", "30 mm drywall screws", "cordless drill"],
               "Put a strip of wood behind the opening and fix it through the face to hold the new piece."),
            st("Screw in the patch and tape it", "operation",
               ["Cut a patch from a twelve and a half mil plasterboard offcut, screw it to the batten, and tape the joints "
                "with paper tape in a thin bed of jointing compound.",
                2.4,
                "tip:Press the tape in with the knife held nearly flat, which squeezes the air out from under it.",
                "Feather the first coat out with the six inch taping knife."],
               ["12.5 mm plasterboard", "paper tape", "jointing compound", "6 inch taping knife"],
               "Fix a piece of board in, cover the seams with strip and mud and spread it thin."),
            st("Second coat and sand", "operation",
               ["Once it is dry, put a wider second coat on and sand it with a hundred and twenty grit on the pole "
                "sander.",
                2.5,
                "warn:Sanding compound raises fine dust, so wear the dust mask and shut the door to the office.",
                "Run a torch along the wall to spot any ridge before you call Femi to paint."],
               ["pole sander", "dust mask", "torch"],
               "Add a broader layer, smooth it with abrasive and check under a light that it is flat."),
        ],
    ),
    Recording(
        name="risotto_base", ext="mp3", domain="kitchen", title="Par-cooking risotto for the evening service",
        category="operation", voice=(KAL, 177, 0.4), scene=None, noise=0.02, part="test",
        pauses=[2.0, 2.4, 2.2, 2.6, 2.1],
        steps=[
            st("Heat the stock", "setup",
               ["Get four litres of vegetable stock barely simmering in the back pot before the rice goes near a pan."],
               [], "Warm the broth gently on a rear burner first."),
            st("Sweat the onion and toast the rice", "operation",
               ["Sweat two diced onions in butter in the wide rondeau on a low flame, with no colour.",
                2.2,
                "Add two kilos of carnaroli and stir for two minutes until every grain is coated and looks glassy "
                "at the edges.",
                "tip:Do not wash the rice, because the starch on the outside is what makes it creamy."],
               ["rondeau"],
               "Soften the onion without browning it, then coat the grains in the fat until they go see-through at the rims."),
            st("Add the wine and the stock", "operation",
               ["Right, three hundred mil of white wine goes in and cooks away, then the stock a four ounce ladle at a time.",
                2.4,
                "Stir with the flat paddle and only add the next ladle when the last one has nearly gone.",
                2.0,
                "warn:The big rondeau gets heavy and the handles burn, so keep a dry cloth on them and pull it forward "
                "with both hands, never one."],
               ["4 oz ladle", "flat paddle"], "Let the alcohol cook off, then feed the liquid in a little at a time while stirring."),
            st("Stop at two thirds cooked", "operation",
               ["Bite a grain at twelve minutes, and you want a chalky white dot in the middle, still hard."],
               [], "Taste a few grains and take it off while the centre is still firm."),
            st("Spread and chill", "operation",
               ["Spread the rice on two oiled one by one gastro trays no more than two centimetres deep and put it in the blast "
                "chiller straight away.",
                2.3,
                "warn:Rice left warm on the side grows bacteria that reheating does not kill, so it goes in the "
                "chiller inside ten minutes.",
                "Label it with the time, and it keeps two days."],
               ["1/1 gastro trays", "blast chiller"], "Lay it out thin on trays, cool it fast and date it."),
            st("Finish to order", "operation",
               ["Last of all, at service a portion goes back in a pan with a ladle of hot stock for five minutes, then "
                "butter and parmesan off the heat.",
                2.1,
                "Ask Luca on the pass how loose he wants it, he likes it to flow."],
               [], "For each plate, reheat with broth, beat in the cheese and fat at the end, as runny as the chef likes."),
        ],
    ),
]
