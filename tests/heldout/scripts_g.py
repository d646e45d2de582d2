"""Held-out scripts, part G: a fourth blind test part by a seventh author (no recording here is tuned on).

Written for the fifth round of issue 9 (boundaries, tools on their step, titles, notes and step search)
after parts A-F had all been scored, and kept blind until that round's final candidate is scored.
Other trades and texts than parts A-F and the sample: resealing a hand pallet truck pump, V-belts on a
supply air fan, the burrs of an espresso grinder, repacking a gate valve gland, the belt of a belt and
disc sander, balling pizza dough, desoldering a capacitor with a solder sucker and hollandaise sauce.
This author talks to the trainee ("you"), says what a good result looks or feels like after an action
("you want ...", "it should ..."), names trade sizes as they are said on the floor ("the nineteen
millimetre socket on a half inch drive", "an SPA twelve fifty", "eight millimetre square PTFE
packing"), and opens about one later step in three with a cue word. Pauses inside steps (2.0-2.5 s)
are as long as those between steps (1.8-2.5 s); step lengths are mixed, each recording has a
one-sentence step. Four of the eight recordings have a fixed camera, two a new scene per step, two
are audio only. Voices: festival's HTS `cmu_us_slt_arctic_hts` and diphone `kal_diphone`, at speeds
no earlier part or the sample uses.

Same conventions as `scripts_a`: "tip:" / "warn:" prefixes mark tips and warnings, floats are pauses
inside a step, and every `d` is a trainee's own written description of the step. Generate with
`make_heldout.py --set G` (writes `manifest_g.json`; the other parts and their manifests are left alone).
"""

from __future__ import annotations

from heldout_types import Recording, st

SLT = "festival:cmu_us_slt_arctic_hts"
KAL = "festival:kal_diphone"

RECORDINGS_G: list[Recording] = [
    Recording(
        name="pallet_truck_seal", ext="mp4", domain="repair", title="Resealing the pump on a hand pallet truck",
        category="troubleshooting", voice=(KAL, 143, 0.45), scene="fixed", noise=0.02, part="test",
        pauses=[2.1, 1.9, 2.4, 2.0, 2.2],
        steps=[
            st("Lower and chock the truck", "safety",
               ["Let the forks right down with the release lever and chock both load wheels."],
               ["wheel chocks"], "Drop the lifting arms fully and block the wheels so it stays put."),
            st("Remove the handle and drain the oil", "setup",
               ["Drive the handle pin out with a five millimetre pin punch and lift the handle off.",
                2.2,
                "Open the filler screw with a six millimetre hex key, lay the truck on its side over a drip tray "
                "and let the old oil run out.",
                "warn:Keep your feet clear when you lay it over, because seventy kilos of truck goes down fast."],
               ["5 mm pin punch", "6 mm hex key", "drip tray"],
               "Take the tiller arm away and empty the fluid into a pan with the unit tipped over."),
            st("Change the piston seals", "operation",
               ["Take the circlip off the pump with circlip pliers and draw the piston out by hand.",
                2.3,
                "Pick the old U cup and the wiper out of their grooves with a seal pick.",
                "warn:Never use a knife on the piston, because one scratch in the chrome tears the new seal "
                "inside a week.",
                "tip:Sit the new seals in hot water for a minute and they stretch over without twisting.",
                "The lip of the U cup points down, towards the oil, and Marta in stores keeps the kits."],
               ["circlip pliers", "seal pick", "U cup seal", "wiper seal"],
               "Pull the plunger out, swap its rubber rings for new ones and get the cup facing the right way."),
            st("Refit the piston and refill", "operation",
               ["Then oil the bore, push the piston home with a slight twist and snap the circlip back in.",
                2.4,
                "Top up with ISO thirty two hydraulic oil to the bottom of the filler hole."],
               ["circlip", "ISO 32 hydraulic oil"],
               "Put the plunger back, lock it with its ring and add fresh fluid without closing the cap."),
            st("Bleed the air out", "adjustment",
               ["Hold the release lever down and pump the handle a dozen times to push the air out at the filler.",
                "tip:Do not do the filler screw up until the bubbles stop, or the trapped air lets the forks sink.",
                2.0,
                "When it runs clear, nip the screw up."],
               ["filler screw"], "Work the lever with the valve open to push out bubbles, then close the cap."),
            st("Test it under load", "inspection",
               ["Finally lift a loaded pallet to the top and leave it for ten minutes.",
                2.2,
                "If the forks have crept down more than a finger's width, the U cup went in upside down."],
               ["loaded pallet"], "Raise a full load and watch whether it drops over a few minutes."),
        ],
    ),
    Recording(
        name="fan_vbelts", ext="mp4", domain="maintenance", title="Replacing the V-belts on the supply air fan",
        category="setup", voice=(SLT, 167, 0.4), scene="fixed", noise=0.05, part="test",
        pauses=[2.3, 1.8, 2.0, 2.5, 2.1],
        steps=[
            st("Lock off the fan", "safety",
               ["Switch the fan off at the isolator beside the unit and hang your own padlock on it."],
               ["padlock"], "Cut the power at the local switch and secure it with a personal lock."),
            st("Slacken the motor", "setup",
               ["The motor sits on a sliding base.",
                "Crack the four base bolts with the nineteen millimetre socket on a half inch drive ratchet.",
                2.2,
                "Wind the tension screw back with a seventeen millimetre spanner, and the motor slides in towards "
                "the fan.",
                "warn:Keep your fingers out from between the belts and the pulleys, because the fan can windmill "
                "on its own when the other units are running."],
               ["19 mm socket", "1/2 inch drive ratchet", "17 mm spanner"],
               "Loosen the bolts holding the motor and move it closer to take the strain off."),
            st("Check the pulley grooves", "inspection",
               ["Roll the old belts off by hand.",
                2.4,
                "Run a pulley groove gauge round each groove on both pulleys.",
                "A groove worn shiny at the bottom means the belt has been riding on it, and a new belt there "
                "slips and squeals.",
                2.0,
                "That pulley gets changed, not the belt alone."],
               ["pulley groove gauge"], "Take off the worn bands and measure the wheels for wear."),
            st("Fit the new belts", "operation",
               ["Put on a matched set of SPA twelve fifty belts from one pack, never one new belt next to two old "
                "ones.",
                "warn:Do not lever them over the pulley rim with a screwdriver, because that cuts the cords inside "
                "and the belt lets go later."],
               ["SPA 1250 V-belts", "screwdriver"],
               "Slip on a full set of fresh bands that belong together, working them on by hand."),
            st("Align and tension", "adjustment",
               ["Lay a straight edge across both pulley faces and slide the motor until it touches each face at "
                "two points.",
                2.3,
                "Next wind the tension screw in until a belt deflects about sixteen millimetres when you press the "
                "middle of the span with the tension tester.",
                "Tighten the four base bolts again and check it once more, because the motor pulls over a little "
                "as the bolts go tight.",
                2.5,
                "tip:Everybody sets a new set too tight by feel, and that cooks the motor bearings in a month."],
               ["straight edge", "belt tension tester"],
               "Line the two wheels up with a rule and set how much the bands give when pushed, using the gauge."),
            st("Refit the guard and run in", "inspection",
               ["After that, the guard goes back on and your lock comes off, and the fan runs for the rest of the "
                "shift.",
                2.1,
                "Check the deflection again before you go home, because new belts bed in and lose some tension in "
                "the first hours."],
               ["belt guard"], "Close up, restart and recheck the slack at the end of the day."),
        ],
    ),
    Recording(
        name="grinder_burrs", ext="mp4", domain="kitchen", title="Swapping the burrs on the espresso grinder",
        category="setup", voice=(SLT, 151, 0.5), scene="fixed", noise=0.03, part="test",
        pauses=[2.0, 2.4, 1.9, 2.2, 2.3],
        steps=[
            st("Empty the grinder", "setup",
               ["Close the slide under the hopper and lift the hopper off with the beans still in it.",
                2.1,
                "Run the motor until nothing more comes out of the spout, and then pull the plug."],
               ["hopper"], "Take the bean container away, grind the machine empty and disconnect it."),
            st("Mark the setting and open the top", "operation",
               ["Draw a line with a marker pen across the adjustment collar and the body.",
                "tip:With that line you can get back to today's grind within a notch or two.",
                2.4,
                "Now turn the collar anticlockwise until the top burr carrier comes free, and lift it straight up."],
               ["marker pen"], "Note where the dial sits with a pen stroke, then unscrew and remove the upper holder."),
            st("Swap the burrs", "operation",
               ["Next, each burr is held by three screws, and they come out with a three millimetre hex key.",
                2.2,
                "warn:The edges of a new burr will cut your fingers, so hold it by the sides and keep it in its "
                "sleeve until it goes in.",
                "Top and bottom are not the same, so keep the old pair apart while you fit the new sixty four "
                "millimetre flat burrs."],
               ["3 mm hex key", "64 mm flat burrs"],
               "Unbolt the worn cutting discs and put the fresh pair in their places, handling them carefully."),
            st("Brush out the chamber", "cleanup",
               ["Brush the old coffee out of the grind chamber and the chute before anything goes back on."],
               ["grinder brush"], "Sweep away the leftover grounds inside."),
            st("Close up and set the grind", "adjustment",
               ["Then screw the carrier back on, slowly, until you feel the burrs just touch, and back it off to your "
                "pen line.",
                "warn:Never run the motor with the burrs touching, because it chips the cutting edges straight away.",
                2.3,
                "Pull a shot with an eighteen gram dose.",
                "You want about thirty six grams in the cup in twenty eight seconds, and you move the collar a notch "
                "at a time to get there.",
                2.0,
                "Weigh every shot on the scales, not by eye."],
               ["scales"],
               "Reassemble, find the zero point, back off and dial in with test coffees by weight."),
            st("Season the new burrs", "inspection",
               ["New burrs grind unevenly for the first kilo or so.",
                "Put a bag of old beans through before service and taste a shot at the end."],
               ["old beans"], "Break in the fresh cutters on spare coffee before customers arrive."),
        ],
    ),
    Recording(
        name="valve_gland", ext="mp4", domain="repair", title="Repacking the gland on a leaking gate valve",
        category="troubleshooting", voice=(KAL, 186, 0.35), scene="fixed", noise=0.06, part="test",
        pauses=[1.9, 2.2, 2.5, 2.0, 2.3],
        steps=[
            st("Isolate the valve", "safety",
               ["Shut the valves either side, open the drain cock between them, and watch the drain.",
                2.2,
                "warn:If it keeps running, the isolation is letting by, and a gland full of hot water will spray "
                "you the moment it comes loose.",
                "In that case stop and go back to the supervisor before you touch a single nut."],
               ["drain cock"], "Close off the line on both sides, release what is trapped and confirm it is empty."),
            st("Open the gland", "setup",
               ["Undo the two gland nuts with a thirteen millimetre spanner and lift the follower up the stem.",
                2.0,
                "Tie it up out of the way with a bit of wire."],
               ["13 mm spanner", "wire"], "Loosen the packing cover and hold it clear of the spindle."),
            st("Dig out the old packing", "operation",
               ["Screw the packing extractor into the top ring and pull it out, then the next, until you reach the "
                "bottom of the box.",
                2.5,
                "warn:Keep the hook off the stem, because a scored stem leaks through any packing you put in after.",
                2.1,
                "Count the rings as they come out, so you know how many new ones to cut.",
                "Wipe the box clean with a rag."],
               ["packing extractor", "rag"], "Hook out every worn seal ring from the housing without marking the spindle."),
            st("Cut the new rings", "operation",
               ["Cut each ring from eight millimetre square PTFE packing round a mandrel the size of the stem, "
                "at forty five degrees."],
               ["8 mm square PTFE packing", "mandrel"],
               "Make the replacement seal rings by slicing the cord on an angle around a bar."),
            st("Pack the box", "operation",
               ["Next, put the rings in one at a time and tamp each one down with a split tube.",
                2.4,
                "Turn each joint round ninety degrees from the one below it, so there is never a straight path "
                "for the water.",
                "tip:Do not push the whole lot in at once, because only the top rings get squeezed and the bottom "
                "ones stay loose."],
               ["split tube"], "Seat the fresh seals singly, offsetting where their ends meet."),
            st("Tighten and test", "adjustment",
               ["Bring the follower down, run the nuts on finger tight, and then give each one a flat with the "
                "spanner.",
                2.2,
                "Open the valves slowly.",
                "You want a slow drip from the gland, one every few seconds.",
                2.0,
                "warn:A gland that does not drip at all is too tight, and it burns the packing and wears the stem."],
               ["13 mm spanner"], "Close the cover down lightly, reopen the line and allow a small leak."),
        ],
    ),
    Recording(
        name="sander_belt", ext="mkv", domain="maintenance", title="Changing the belt on the belt and disc sander",
        category="setup", voice=(KAL, 171, 0.4), scene="steps", noise=0.05, part="test",
        pauses=[2.2, 2.0, 2.4, 1.8],
        steps=[
            st("Release the belt tension", "setup",
               ["Switch off at the wall and take the side cover off with a four millimetre hex key.",
                2.3,
                "Pull the tension lever forward, and the top drum drops so the belt goes slack."],
               ["4 mm hex key"], "Power down, open the casing and loosen the band by dropping the roller."),
            st("Fit the new belt", "operation",
               ["Now slide the old belt off sideways and hang it on the wall so you know the grit it was.",
                2.1,
                "The new one is a hundred and fifty by twelve twenty, eighty grit.",
                "Look on the back for the arrow, and fit it so the arrow runs the same way as the drums turn.",
                "warn:A belt on the wrong way round can tear open at the joint and whip out of the machine."],
               ["150 x 1220 mm sanding belt"],
               "Take the used band away and put the fresh one on with its printed direction matching the motor."),
            st("Track the belt", "adjustment",
               ["Push the tension lever back, and spin the belt by hand and watch where it runs on the top drum.",
                2.4,
                "Turn the tracking knob a quarter turn at a time until it stays in the middle.",
                "tip:Do not switch on before it runs centred by hand, or it walks off the drum in a second and "
                "shreds on the frame.",
                2.0,
                "Then jog the motor on and off once and look again."],
               ["tracking knob"], "Set the band so it stays centred, turning it by hand before powering on."),
            st("Square the table", "adjustment",
               ["Set the work table back at ninety degrees to the belt with an engineer's square."],
               ["engineer's square"], "Check the rest is at a right angle to the abrasive."),
            st("Clean the belt", "cleanup",
               ["Refit the cover, run the sander, and press a crepe cleaning block against the moving belt for a "
                "few seconds.",
                2.2,
                "warn:Keep loose sleeves and gloves away from it, because the belt grabs cloth and pulls your hand "
                "in with it.",
                "Keep the block at the bottom of the belt, below the table, so it is thrown down and away from you."],
               ["crepe cleaning block"], "With the machine running, rub the rubber stick on the abrasive to clear it."),
        ],
    ),
    Recording(
        name="pizza_balls", ext="mp4", domain="kitchen", title="Balling pizza dough for the evening service",
        category="operation", voice=(KAL, 159, 0.5), scene="steps", noise=0.0, part="test",
        pauses=[2.0, 2.3, 1.9, 2.4],
        steps=[
            st("Check the bulk dough", "inspection",
               ["The dough from yesterday should have doubled in the twenty litre tub and smell a little sour, like "
                "yoghurt."],
               ["20 litre dough tub"], "See whether the mix has risen enough overnight."),
            st("Cut the pieces", "operation",
               ["Tip the dough onto a dry bench and cut it into two hundred and fifty gram pieces with the "
                "bench scraper, weighing each one.",
                2.2,
                "tip:Cut each piece in one stroke if you can.",
                "Lots of little bits stuck together make a ball that tears when you open it."],
               ["bench scraper", "scales"], "Divide the batch into portions of the same weight."),
            st("Shape the balls", "operation",
               ["Fold the edges of a piece into the middle, all the way round, like closing a purse.",
                2.5,
                "Turn it seam down, cup your hand over it, and drag it towards you on the bench so the skin gets "
                "tight.",
                "tip:Do not flour the bench for this, because the dough needs a little grip to tighten.",
                2.1,
                "You want a smooth round top that springs back when you poke it.",
                "Now the next one, and keep them in rows so the first ones rest longest."],
               [], "Roll each portion into a smooth tight round with the join underneath."),
            st("Tray them up", "operation",
               ["Then put six balls in each oiled dough tray, with a hand's width between them, and put the lid on.",
                2.0,
                "warn:Without a lid the skin dries out and tears when you stretch the base."],
               ["dough tray"], "Place the rounds spaced out in greased boxes and cover them."),
            st("Label and rest", "operation",
               ["Write the time on a label on each tray.",
                2.3,
                "They rest two hours at room temperature before the first pizza goes out.",
                "warn:Stack the trays no more than six high, because a full stack weighs about twenty kilos and "
                "the bottom ones crush."],
               ["labels"], "Mark the boxes and leave them out to proof before opening."),
        ],
    ),
    Recording(
        name="solder_sucker", ext="wav", domain="repair",
        title="Desoldering a capacitor with a solder sucker",
        category="troubleshooting", voice=(SLT, 137, 0.55), scene=None, noise=0.0, part="test",
        pauses=[2.2, 1.9, 2.4, 2.0, 2.1],
        steps=[
            st("Heat the iron", "setup",
               ["Set the station to three fifty degrees with the two point four millimetre chisel bit on."],
               ["soldering station", "2.4 mm chisel bit"], "Warm up the tool with the flat tip fitted."),
            st("Hold the board", "setup",
               ["Clamp the board in the holder with the solder side up.",
                2.3,
                "Find the stripe on the side of the capacitor and take a photo before anything comes off, so the "
                "new one goes in the same way round."],
               ["board holder"], "Fix the circuit card and record which way the part faces."),
            st("Clear the joints", "operation",
               ["First cock the solder sucker by pushing the plunger down until it latches.",
                2.0,
                "Put a little fresh solder on the old joint first.",
                "tip:That sounds backwards, but the new solder carries heat into the old and it all melts at once.",
                2.4,
                "Hold the iron on the joint for two or three seconds, bring the nozzle down flat on it, and press "
                "the button.",
                "warn:Do not keep the iron on a pad for longer than a few seconds, because the copper lifts off "
                "the board.",
                "Keep the fume extractor running while you work, and your face out of the smoke."],
               ["solder sucker", "solder", "fume extractor"],
               "Melt each connection and pull the molten metal away with the vacuum pump."),
            st("Free the legs", "operation",
               ["Wiggle each leg with tweezers.",
                2.1,
                "If one is still stuck to the side of the hole, lay a strip of two millimetre desoldering braid "
                "over it and press the iron on top."],
               ["tweezers", "2 mm desoldering braid"], "Loosen the wires and wick away any remaining metal."),
            st("Lift out the capacitor", "operation",
               ["Now pull the capacitor out from the top side of the board."],
               [], "Take the component off."),
            st("Clean and check the pads", "inspection",
               ["Scrub the flux off with isopropyl alcohol and an old toothbrush.",
                2.2,
                "Hold the board up to the light, and every hole should be open and every pad still stuck down flat.",
                "A pad that moves when you touch it with the tweezers needs a wire link later."],
               ["isopropyl alcohol", "toothbrush"], "Wash the area and check that the holes are clear and intact."),
        ],
    ),
    Recording(
        name="hollandaise", ext="mp3", domain="kitchen", title="Making hollandaise for the brunch pass",
        category="operation", voice=(SLT, 178, 0.45), scene=None, noise=0.02, part="test",
        pauses=[2.1, 2.4, 1.8, 2.2],
        steps=[
            st("Clarify the butter", "setup",
               ["Melt five hundred grams of butter in a one litre saucepan and skim the foam off the top.",
                2.1,
                "Keep it warm, not hot, about the heat of a bath."],
               ["1 litre saucepan", "butter"], "Heat the fat gently and take off the white froth."),
            st("Make the reduction", "operation",
               ["Next, boil down four spoons of white wine vinegar with peppercorns and shallot to one spoon, and "
                "strain it."],
               ["white wine vinegar", "peppercorns", "shallot"], "Cook down the sour flavour base and sieve it."),
            st("Whisk the yolks", "operation",
               ["Six yolks and the reduction go in a stainless steel bowl over a pan of water that is only just "
                "simmering.",
                2.5,
                "Whisk all the time with a thirty centimetre balloon whisk.",
                "warn:If the bowl touches the water the yolks scramble, and you start again with new eggs.",
                2.3,
                "You want it pale and thick, so the whisk leaves a trail that holds for a second.",
                "warn:Lift the bowl off with a dry cloth, because the steam under it burns the back of your hand."],
               ["stainless steel bowl", "30 cm balloon whisk", "cloth"],
               "Beat the egg mix over gentle heat until it goes light and ribbony."),
            st("Add the butter", "operation",
               ["Then, off the heat, pour in the warm butter in a thin stream, whisking all the time.",
                "tip:Do not pour faster than the sauce takes it, or it splits.",
                2.2,
                "If it does split, a spoon of warm water in a clean bowl and the broken sauce whisked into it brings "
                "it back."],
               ["ladle"], "Blend the fat in slowly while beating; rescue a curdled one with a little water."),
            st("Season and hold", "inspection",
               ["Finally season it with lemon juice, salt and a pinch of cayenne, and hold it in a bain marie at "
                "sixty to sixty five degrees.",
                2.0,
                "warn:Throw it away after two hours, because a warm egg sauce that sits longer can make people ill."],
               ["lemon juice", "bain marie", "thermometer"],
               "Flavour the sauce and keep it warm for no more than a couple of hours."),
        ],
    ),
]
