"""Held-out scripts, part I: a sixth blind test part by a ninth author (no recording here is tuned on).

Written for round 8 of issue 9 after parts A-H had been built, by an author who has not read the
segmenter's or the labeller's rules, and kept blind until that round's final candidate is scored.
Other trades and texts than parts A-H and the sample: the water pump impeller of an outboard motor,
the lint trap and exhaust duct of a laundry tumble dryer, washing up the inking rollers of an offset
press, the house hummus, bagels for a bakery counter, the condensate pump of a wall mounted air
conditioner, the gas lift cylinder of an office chair and pleated pork dumplings.
This author talks like a workshop instructor to one trainee ("you", "I always ..."), gives the
consequence rather than the reason ("..., or ...", "otherwise ..."), names sizes the trade's way
("a thirteen mil socket on a three eighths drive", "an eight mil nut driver", "an eighteen inch pipe
wrench", "the hundred and fifty mil duct", "the ten inch bamboo baskets", "a one third gastro"), and
opens a little under half of the later steps with a cue of their own ("good,", "from here,", "when",
"at this point,", "to finish,", "lastly,", "next"). Pauses inside steps and between steps are both
2.0-2.6 s; step lengths are mixed, most recordings have a one-sentence step.
Four of the eight recordings have a fixed camera, two a new scene per step, two are audio only.
Voices: festival's HTS `cmu_us_slt_arctic_hts` and diphone `kal_diphone`, at speeds no earlier part
or the sample uses.

Same conventions as `scripts_a`: "tip:" / "warn:" prefixes mark tips and warnings, floats are pauses
inside a step, and every `d` is a trainee's own written description of the step. Generate with
`make_heldout.py --set I` (writes `manifest_i.json`; the other parts and their manifests are left alone).
"""

from __future__ import annotations

from heldout_types import Recording, st

SLT = "festival:cmu_us_slt_arctic_hts"
KAL = "festival:kal_diphone"

RECORDINGS_I: list[Recording] = [
    Recording(
        name="outboard_impeller", ext="mp4", domain="repair",
        title="Replacing the water pump impeller on an outboard motor",
        category="troubleshooting", voice=(KAL, 149, 0.45), scene="fixed", noise=0.04, part="test",
        pauses=[2.2, 2.5, 2.1, 2.4, 2.3],
        steps=[
            st("Make the engine safe", "safety",
               ["Pull the kill cord out and take the cap off the spark plug, so the engine cannot fire while you "
                "turn the shaft."],
               [], "Disable the ignition before touching anything that spins."),
            st("Drain the oil and drop the lower unit", "setup",
               ["Tilt the motor up and drain the gear oil into a drain tray first, otherwise it ends up all over "
                "the bench.",
                2.2,
                "Undo the four bolts with a thirteen mil socket on a three eighths drive ratchet and ease the "
                "gearcase straight down.",
                "warn:The gearcase weighs about twelve kilos, so carry it on your knee and keep your "
                "feet out from under it."],
               ["drain tray", "13 mm socket", "3/8 inch drive ratchet"],
               "Empty the lubricant, unbolt the bottom leg and lower it off carefully."),
            st("Open the pump housing", "troubleshooting",
               ["Take the pump housing off with a ten mil spanner and slide it up the drive shaft.",
                2.4,
                "If the old vanes have taken a set or a piece is missing, that is your overheating.",
                "tip:Do not leave a missing vane to chance, it is somewhere in the cooling passages now and it "
                "will block the tell-tale on the next trip."],
               ["10 mm spanner"],
               "Unbolt the cover over the water pump, lift it away and look at the rubber blades for wear or chunks gone."),
            st("Fit the new impeller", "operation",
               ["Smear the new impeller and the inside of the housing with a little washing up liquid.",
                2.1,
                "Turn the drive shaft clockwise as you push the housing down over the impeller, so the vanes fold "
                "the right way.",
                "warn:Turning the shaft backwards bends every vane the wrong way, and the pump then runs dry and "
                "cooks the new impeller within minutes."],
               ["impeller"],
               "Lubricate the replacement part and rotate the shaft in the correct direction while seating the cover."),
            st("Refit the leg and refill", "operation",
               ["Good, lift the gearcase back up, lining up the shift rod and the drive shaft splines, and start "
                "the bolts by hand.",
                2.2,
                "Refill the gear oil from the bottom hole with the oil pump until it runs out of the top vent.",
                "tip:I replace both drain screw washers every time, they cost a few pence and the old ones weep."],
               ["oil pump"],
               "Offer the leg up with its rods engaged, then fill the lower unit with lubricant from below until it "
               "appears at the upper vent."),
            st("Run it in the test tank", "inspection",
               ["To finish, run it in the test tank, check the tell-tale squirts within ten seconds, and log the "
                "impeller change for Marek."],
               [], "Start it in water, watch for the cooling stream and record the job for the foreman."),
        ],
    ),
    Recording(
        name="dryer_lint", ext="mp4", domain="maintenance",
        title="Cleaning the lint trap and exhaust duct on the laundry tumble dryers",
        category="cleanup", voice=(SLT, 157, 0.4), scene="fixed", noise=0.05, part="test",
        pauses=[2.4, 2.0, 2.3, 2.6],
        steps=[
            st("Stop the dryer and isolate it", "safety",
               ["Let the dryer finish its cool down cycle, then switch it off at the wall isolator and close the gas "
                "cock behind it.",
                2.3,
                "warn:Lint burns like tinder, and most laundry fires start in a dryer that was stopped hot with a "
                "full load still inside."],
               [], "Wait for the machine to cool, cut the power and shut the fuel supply."),
            st("Empty the lint screen", "cleanup",
               ["Pull the lint drawer out, peel the mat of fluff off the screen by hand, and drop it in the lidded "
                "metal bin, not the paper sack."],
               ["metal bin"], "Take the filter tray out, remove the collected fibres and put them in the steel container."),
            st("Wash the screen and vacuum the housing", "cleanup",
               ["When the screen looks clean but feels waxy, scrub it with warm soapy water and a nylon brush and "
                "let it dry fully.",
                2.5,
                "tip:Hold the screen up to the light, and if you cannot see through the mesh evenly, it needs "
                "another scrub.",
                "Meanwhile, vacuum the lint chamber with the crevice tool on the workshop vacuum, right into the "
                "back corners.",
                2.2,
                "warn:Keep bare hands out past the screen rail, because the burner shield in there has sharp sheet "
                "edges."],
               ["nylon brush", "crevice tool"],
               "Clean the mesh with detergent if residue has built up, and suck out the cavity behind it to the far "
               "corners."),
            st("Clear the exhaust duct", "cleanup",
               ["From here, undo the hose clamp on the back with an eight mil nut driver and pull the flexible duct "
                "off its spigot.",
                2.4,
                "Run the duct brush through the hundred and fifty mil duct all the way to the wall outlet.",
                "tip:Do not put a kinked or crushed length back, because it halves the air flow and the dryer runs "
                "hot on every load.",
                2.0,
                "Check that the flap on the outside vent swings open freely."],
               ["8 mm nut driver", "duct brush", "150 mm duct"],
               "Free the vent hose at the machine, push a long cleaning rod through it to the outside and look at "
               "the outlet flap."),
            st("Refit and run an empty cycle", "inspection",
               ["Refit the duct and its clamp, open the gas and switch on.",
                2.2,
                "Run an empty cycle and hold the anemometer at the outside vent, and anything under five metres a "
                "second means the run is still blocked.",
                "warn:If the drum smells of scorching, stop it on the spot and fetch Oksana, or the high limit stat "
                "may already have failed."],
               ["anemometer"],
               "Put everything back, reconnect the supplies and measure the airflow at the wall during a dry run."),
        ],
    ),
    Recording(
        name="press_rollers", ext="mp4", domain="maintenance",
        title="Washing up the inking rollers on a small offset press",
        category="cleanup", voice=(KAL, 173, 0.4), scene="fixed", noise=0.03, part="test",
        pauses=[2.1, 2.4, 2.2, 2.5, 2.0],
        steps=[
            st("Crawl speed and guard shut", "safety",
               ["Put the press on crawl speed with the roller guard shut, and keep the stop cord within reach of "
                "your left hand.",
                2.2,
                "warn:The nip between two rollers pulls in a rag, a glove or a sleeve faster than you can let go, so "
                "no loose cuffs, and never chase a rag into the rollers."],
               [], "Slow the machine right down behind its cover and keep the emergency switch close."),
            st("Scrape off the surplus ink", "cleanup",
               ["Good, lift the fountain blade, scrape the ink out of the duct with the ink knife and put it back "
                "in its tin."],
               ["ink knife"], "Take the spare colour out of the reservoir with a spatula and return it to its can."),
            st("Fit the wash up blade", "setup",
               ["Clip the wash up blade onto the bottom vibrator roller and nip both clamp screws up with a four mil "
                "Allen key.",
                2.3,
                "tip:Check the rubber edge for nicks first, because a nick leaves a stripe of ink on the roller "
                "every single time."],
               ["wash up blade", "4 mm Allen key"],
               "Attach the cleaning scraper to the lower cylinder and tighten its fixings with a hex wrench."),
            st("Run the wash", "cleanup",
               ["Start the rollers and squirt the roller wash across them from the bottle in thin lines, a little "
                "at a time.",
                2.5,
                "Let the blade carry the ink away into its tray, and add water after the second dose of wash to "
                "lift the gum.",
                2.1,
                "tip:Do not flood the rollers with solvent, it runs down into the dampening rollers and you will be "
                "chasing scum through the whole next job.",
                "warn:Roller wash is flammable and the fumes make you dizzy, so the extraction fan goes on and "
                "nobody smokes near the press."],
               ["roller wash"],
               "With the machine turning, feed the cleaning fluid sparingly, then some water, and let the scraper "
               "collect the dirty mix."),
            st("Check the rollers", "inspection",
               ["Stop the press and look along the rollers with the torch, and they should be matt black rubber "
                "with no colour showing and no glaze.",
                2.4,
                "A glazed roller feels shiny and hard under your thumbnail, and Dwayne keeps the deglazer for "
                "those."],
               ["torch"],
               "Halt the machine and inspect the rubber surfaces under a light for leftover colour or a hard sheen."),
            st("Take the blade off and clean up", "cleanup",
               ["Lastly, take the blade off, empty its tray into the twenty litre solvent waste drum and wipe the "
                "blade with a rag.",
                2.2,
                "warn:The used rags go in the red steel bin with the lid, because solvent rags can heat up and catch "
                "fire by themselves overnight."],
               ["20 litre solvent waste drum", "rag"],
               "Remove the scraper, tip the collected waste into the disposal container and wipe it down."),
        ],
    ),
    Recording(
        name="hummus_batch", ext="mp4", domain="kitchen", title="Making the house hummus in the food processor",
        category="operation", voice=(SLT, 141, 0.5), scene="fixed", noise=0.0, part="test",
        pauses=[2.3, 2.1, 2.5, 2.2],
        steps=[
            st("Soak and cook the chickpeas", "operation",
               ["The chickpeas go in to soak the night before, one kilo of dried to three litres of cold water with "
                "a spoon of bicarbonate.",
                2.3,
                "In the morning, rinse them and simmer them in fresh water until one squashes flat "
                "between two fingers.",
                "warn:Keep the lid off and skim the foam, because a pot of pulses boils over in seconds and "
                "puts the gas flame out."],
               [], "Leave the dried beans in water overnight, then boil them in new water until soft enough to crush."),
            st("Drain and keep the water", "operation",
               ["Drain them through a colander over a bowl and keep back a litre of the cooking water."],
               ["colander"], "Strain them, saving some of the liquid."),
            st("Blend the base", "operation",
               ["When they are still warm, tip them into the four litre food processor with three hundred grams of "
                "tahini, the juice of four lemons and six cloves of garlic.",
                2.4,
                "Run it for a full four minutes, scraping the bowl down once with the rubber spatula.",
                "tip:Do not stop after one minute, because warm chickpeas blended for a long time are what makes it "
                "smooth and not grainy.",
                2.0,
                "warn:Switch the processor off at the base before the spatula goes in, the blade spins on after you "
                "let go."],
               ["4 litre food processor", "rubber spatula"],
               "While they are warm, purée them with the sesame paste, citrus and garlic for several minutes, "
               "cleaning the sides once."),
            st("Loosen and season", "adjustment",
               ["With the motor running, add the cooking water a ladle at a time, until it falls off the spoon in "
                "a soft ribbon.",
                2.2,
                "Season it with two tablespoons of salt and a teaspoon of cumin, and taste it on bread, not off "
                "the spoon.",
                "tip:It firms up a lot in the fridge, so leave it looser than you think."],
               ["ladle"],
               "Thin it with the reserved liquid while it runs until it drops softly, then salt and spice it and try it."),
            st("Label and store", "operation",
               ["To finish, decant it into a deep one third gastro with a lid, date it, and put it in the walk-in "
                "for Ingrid's lunch prep.",
                2.1,
                "warn:It keeps three days and no longer, because garlic and tahini in a wet mix are a home for "
                "bacteria."],
               ["1/3 gastro"], "Move it into a covered container, mark the day and chill it for the next shift."),
        ],
    ),
    Recording(
        name="bagel_boil", ext="mp4", domain="kitchen", title="Boiling and baking bagels for the bakery counter",
        category="operation", voice=(SLT, 187, 0.4), scene="steps", noise=0.0, part="test",
        pauses=[2.2, 2.5, 2.0, 2.4, 2.3],
        steps=[
            st("Get the boiling water going", "setup",
               ["Fill the twenty litre stock pot two thirds with water, stir in two big spoons of barley malt syrup "
                "and bring it to a rolling boil."],
               ["20 litre stock pot"], "Heat a large pan of sweetened water until it bubbles hard."),
            st("Shape the rings", "operation",
               ["Take the dough balls out of the retarder, a hundred and ten grams each, and roll each one into a "
                "rope of about twenty five centimetres.",
                2.2,
                "Wrap the rope round your hand, overlap the ends under your palm and roll them together on the "
                "bench until the join disappears.",
                "tip:Do not flour the bench, because the rope has to grip the wood to roll and seal."],
               [], "Stretch each chilled piece into a long strand, loop it and press the ends shut against the table."),
            st("Boil them", "operation",
               ["At this point, drop four bagels at a time into the water, and they sink and then float up within a "
                "few seconds.",
                2.5,
                "Give them thirty seconds a side and lift them out with the spider onto the wire rack.",
                "warn:Lower them in from the side of the pot and never drop them from a height, because that water "
                "splashes and scalds like oil."],
               ["spider", "wire rack"], "Poach a few at once briefly on each face and fish them out to drain."),
            st("Seed the tops", "operation",
               ["Next, while they are still tacky, press the tops into the trays of sesame, poppy and everything "
                "seed."],
               [], "Dip the wet faces into the seed mixes so they stick."),
            st("Bake on the boards", "operation",
               ["Set them on the burlap covered bagel boards, seed side down, and slide the boards onto the oven "
                "deck at two hundred and forty degrees.",
                2.4,
                "After four minutes, flip them off the boards straight onto the stone with the long peel, so the "
                "tops colour.",
                2.0,
                "warn:The deck oven door is at chest height and its inside burns through a sleeve, so wear the long "
                "oven gauntlets and do not lean in.",
                "They take another twelve to fourteen minutes in all."],
               ["bagel boards", "peel", "oven gauntlets"],
               "Start them face down on damp wooden planks in a very hot oven, then turn them onto the stone to "
               "finish browning."),
            st("Cool and count for the counter", "operation",
               ["Good, cool them on racks for twenty minutes, count them into the bins and tell Rahul on the counter "
                "how many of each went out."],
               [], "Let them cool down, sort them and let the front of house know the numbers."),
        ],
    ),
    Recording(
        name="condensate_pump", ext="mkv", domain="repair",
        title="Replacing the condensate pump on a wall mounted air conditioner",
        category="troubleshooting", voice=(KAL, 166, 0.45), scene="steps", noise=0.02, part="test",
        pauses=[2.3, 2.1, 2.6, 2.2],
        steps=[
            st("Isolate the indoor unit", "safety",
               ["Switch the unit off on the remote, then turn off the fused spur beside it and prove it dead at the "
                "pump terminals with the voltage tester.",
                2.2,
                "warn:Some installers feed the pump from a separate circuit, so test both pump terminals, because "
                "the spur being off proves nothing on its own."],
               ["voltage tester"], "Turn the air conditioner off, cut its local supply and check there is no power at the pump."),
            st("Confirm the pump is the fault", "troubleshooting",
               ["When the drip tray is full and the pump is silent, either the float switch or the pump motor has "
                "gone."],
               [], "A brimming tray with no pump noise points to a dead motor or sensor."),
            st("Take out the old pump", "operation",
               ["Lay a towel under the unit and pull the trunking cover off the pipe run.",
                2.4,
                "Disconnect the two wires from the pump with a small flat screwdriver, pull off the six mil inlet "
                "tube and the ten mil outlet tube, and unclip the pump from its bracket.",
                "tip:Do not let the tubes drop back into the trunking, tape them to the wall or you will fish for "
                "them for half an hour.",
                2.1,
                "warn:The tray water has been sitting warm for weeks and can carry legionella, so wear a mask and "
                "gloves and do not spray it about."],
               ["towel", "small flat screwdriver", "6 mm tube", "10 mm tube"],
               "Protect the floor, open the cover on the pipe channel, unwire the pump and free its hoses and clip."),
            st("Fit and wire the new pump", "operation",
               ["Clip the new mini pump into the bracket with the arrow pointing to the outlet, push the tubes on, "
                "and wire it live to live and neutral to neutral.",
                2.3,
                "The alarm contacts go to the unit's stop terminals, so that a blocked drain switches the cooling "
                "off instead of flooding the ceiling.",
                "tip:A zip tie round each tube joint costs nothing and stops them creeping off with the vibration."],
               ["mini pump", "zip tie"],
               "Mount the replacement in the right direction, reconnect its hoses and its power and safety cut-off leads."),
            st("Pour test", "inspection",
               ["To finish, restore the power and pour a jug of water slowly into the drip tray, and the pump should "
                "start within a few seconds and empty it.",
                2.5,
                "warn:Watch the ceiling void for drips while it runs, because a leaking joint up there brings the "
                "tiles down, and Beatriz at the front desk sits right under this one."],
               ["jug"], "Power it up and tip water into the tray to see the new pump switch on and clear it."),
        ],
    ),
    Recording(
        name="chair_cylinder", ext="wav", domain="repair", title="Replacing the gas lift cylinder on an office chair",
        category="troubleshooting", voice=(SLT, 131, 0.5), scene=None, noise=0.0, part="test",
        pauses=[2.1, 2.4, 2.2, 2.5],
        steps=[
            st("Turn the chair over", "setup",
               ["Turn the chair upside down onto a blanket on the bench so the seat does not get scuffed."],
               ["blanket"], "Lay the seat face down on something soft."),
            st("Free the base from the cylinder", "operation",
               ["Spray the joint between the cylinder and the base with penetrating oil and leave it five minutes.",
                2.2,
                "Then hit the base hub close to the cylinder with the rubber mallet, working round it, until the "
                "base drops off the taper.",
                "warn:Do not ever heat or drill the cylinder to free it, because it holds gas under pressure and it "
                "can burst."],
               ["penetrating oil", "rubber mallet"],
               "Loosen the tapered joint with spray lubricant and knock the star frame off with soft blows."),
            st("Pull the old cylinder", "operation",
               ["Good, grip the cylinder body with the eighteen inch pipe wrench and twist it back and forth while "
                "a second person holds the seat.",
                2.4,
                "warn:It comes out of the mechanism with a sudden jerk, so keep your face out of its way.",
                "tip:A strip of old inner tube round the cylinder stops the wrench teeth chewing it and slipping."],
               ["18 inch pipe wrench"],
               "Clamp a large plumbing tool on the tube and rock it loose from the seat plate with a helper."),
            st("Fit the new cylinder", "operation",
               ["Check the new cylinder is the same length, a hundred and twenty mil of stroke on this chair.",
                2.3,
                "Push it into the base, set the seat on top, and sit down on it hard once, because your weight seats "
                "both tapers.",
                "tip:Do not tap the new cylinder in with a hammer, it dents the plunger cap and the height lever "
                "stops working."],
               ["120 mm cylinder"],
               "Compare the replacement's travel, fit it into the frame and the seat and press it home with body weight."),
            st("Test the lift and sign it off", "inspection",
               ["Lastly, run the seat up and down the full stroke five times, check it holds its height with you "
                "sitting on it, and put the tag on it for Tariq in facilities."],
               [], "Cycle the height adjuster, check it stays put under load and label it for the maintenance office."),
        ],
    ),
    Recording(
        name="dumpling_fold", ext="mp3", domain="kitchen", title="Filling, pleating and steaming pork dumplings",
        category="operation", voice=(KAL, 179, 0.35), scene=None, noise=0.03, part="test",
        pauses=[2.4, 2.2, 2.0, 2.5, 2.1],
        steps=[
            st("Sanitise the bench and board", "safety",
               ["Wipe the bench with sanitiser and keep the raw pork on the red chopping board, and nothing else "
                "goes on that board today.",
                2.1,
                "warn:Raw pork juice on a ready to eat board is how a whole service goes down with food poisoning."],
               ["red chopping board"], "Clean the work surface and keep the raw meat on its colour-coded plank."),
            st("Mix the filling", "operation",
               ["Mix one kilo of pork mince with two hundred grams of finely chopped cabbage, ginger, spring onion, "
                "soy and sesame oil.",
                2.4,
                "Beat it in one direction with your hand for two minutes, until it turns sticky and pale.",
                "tip:Do not skip the beating, because a loose filling shrinks away from the wrapper in the steamer."],
               [], "Combine the minced meat with the vegetables and seasonings and work it until tacky."),
            st("Fill and pleat", "operation",
               ["Lay a wrapper on your palm and put one level teaspoon of filling in the middle with the bamboo "
                "spreader.",
                2.2,
                "Wet half the edge, fold it over, and pinch seven or eight pleats along the front edge only, while "
                "the back stays flat.",
                2.0,
                "Sit each one on the tray so it stands up on its base."],
               ["bamboo spreader"],
               "Spoon a small amount onto each skin, dampen the rim and crimp one side as you close it."),
            st("Line the baskets", "setup",
               ["Line the ten inch bamboo baskets with perforated baking paper and set the dumplings two "
                "centimetres apart."],
               ["10 inch bamboo baskets", "perforated baking paper"], "Put pierced parchment in the steamers and space the parcels out."),
            st("Steam them", "operation",
               ["Good, stack the baskets over the wok of boiling water and steam them for eight minutes with the lid "
                "on.",
                2.5,
                "warn:Lift the lid away from you like a door, because the steam that rolls out burns a forearm "
                "before you feel it.",
                "They are done when the wrappers go see-through and the filling reads seventy five degrees on the "
                "probe."],
               ["wok", "probe"], "Cook them covered over the bubbling pan and check the centre temperature."),
            st("Freeze the spare trays", "operation",
               ["Lastly, any tray we will not steam today goes in the blast freezer uncovered for an hour and then "
                "into labelled bags, and Moira wants to know how many bags went in."],
               [], "Chill any surplus quickly, bag and date it, and report the count to the sous chef."),
        ],
    ),
]
