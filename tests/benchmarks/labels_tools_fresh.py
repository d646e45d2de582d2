"""A fresh tools-and-parts set for the labeller: step texts of trades the held-out set lacks.

Written by the labels helper t16 for issue 9 ("tools and parts with their sizes from the narration,
on the step where they are used"), as step text (the labeller works on a step's text; no audio).
Texts are spoken-style narration: numbers as words or digits, a few recognition near-misses of
tool words ("needle nose plyers", "feeler gage"), and tool words that are not tools here
("the wall socket", "clamp the hose", "file a ticket").

Truth: the tools, consumables and parts the step names, as said, with the size or the words that say
which ("10 mm socket", "#2 Phillips", "new O-ring"). A part counts when it is fitted, replaced or
used up in the step (the new gasket, M8 bolts, two wire nuts); the thing being repaired, the
machine and the part taken off are not tools ("the old cartridge", "the faucet", "the breaker
panel").

Split: each case's half is fixed by its id (`split_of`: the parity of a CRC of the id), decided when
the cases were written and before any labeller ran on them; tune on `tune` only.
"""

from __future__ import annotations

import zlib

# (id, trade, step text, truth tools)
CASES: list[tuple[str, str, str, list[str]]] = [
    # ---------------------------------------------------------------- electrical
    ("el_outlet_1", "electrical",
     "Switch off the breaker for the kitchen circuit and check the outlet is dead with a non-contact voltage "
     "tester. Try the tester on a live outlet first so you know it works.",
     ["non-contact voltage tester"]),
    ("el_outlet_2", "electrical",
     "Take the cover plate off with a flat screwdriver and pull the receptacle out of the box. "
     "Loosen the terminal screws and unhook the wires.",
     ["flat screwdriver"]),
    ("el_outlet_3", "electrical",
     "Strip about three quarters of an inch of insulation with the wire strippers. "
     "Bend a hook in each wire with needle nose pliers and put it under the screw clockwise.",
     ["wire strippers", "needle nose pliers"]),
    ("el_outlet_4", "electrical",
     "Join the two neutrals and the pigtail with a yellow wire nut and tug each wire to check it holds. "
     "Wrap a turn of electrical tape round the nut if the box is crowded.",
     ["yellow wire nut", "electrical tape"]),
    ("el_outlet_5", "electrical",
     "Screw the new GFCI receptacle into the box and refit the plate. Plug a socket tester into it, "
     "press the test button and make sure the lights go out.",
     ["new GFCI receptacle", "socket tester"]),
    ("el_light_1", "electrical",
     "Hold the fixture up while your helper takes the two mounting screws out with a number two Phillips. "
     "Let it hang from the wires, never from the ceiling box alone.",
     ["#2 Phillips"]),
    ("el_light_2", "electrical",
     "Measure across the switch terminals with the multimeter set to continuity. It should beep with the "
     "switch on and stay quiet with it off.",
     ["multimeter"]),
    ("el_light_3", "electrical",
     "Cut the damaged end off with the side cutters and crimp a new ring terminal on with the crimping tool. "
     "Slide a piece of heat shrink over it and warm it with the heat gun.",
     ["side cutters", "ring terminal", "crimping tool", "heat shrink", "heat gun"]),
    ("el_panel_1", "electrical",
     "Put on your safety glasses and the insulated gloves before the panel cover comes off. "
     "Read the current on the main feed with the clamp meter.",
     ["safety glasses", "insulated gloves", "clamp meter"]),
    ("el_panel_2", "electrical",
     "Pull the cable through the conduit with the fish tape. Tape the wires to the hook so they don't "
     "slip off halfway.",
     ["fish tape"]),
    ("el_panel_3", "electrical",
     "Tighten the lugs on the new breaker to the torque on its label with the torque screwdriver. "
     "Snap the breaker onto the bus bar.",
     ["new breaker", "torque screwdriver"]),
    ("el_motor_1", "electrical",
     "Check the motor windings with the insulation tester at five hundred volts. Anything under one megohm "
     "means the motor goes to the rewind shop.",
     ["insulation tester"]),
    ("el_motor_2", "electrical",
     "Replace the start capacitor with one of the same microfarad rating. Discharge the old one with an "
     "insulated screwdriver across the terminals before you touch it.",
     ["start capacitor", "insulated screwdriver"]),
    # ---------------------------------------------------------------- plumbing
    ("pl_tap_1", "plumbing",
     "Shut off the water under the sink and open the tap to let the pressure out. Put a plug in the drain "
     "so no small parts fall down it.",
     ["plug"]),
    ("pl_tap_2", "plumbing",
     "Pry the index cap off with a small flat blade screwdriver and take out the handle screw with a "
     "two and a half mil hex key.",
     ["small flat blade screwdriver", "2.5 mm hex key"]),
    ("pl_tap_3", "plumbing",
     "Undo the retaining nut with an adjustable wrench, wrapping the jaws in a rag so the chrome doesn't "
     "get scratched. Pull the old cartridge straight up.",
     ["adjustable wrench", "rag"]),
    ("pl_tap_4", "plumbing",
     "Grease the new O-rings with plumber's grease and push the new cartridge in with the tab facing "
     "forward.",
     ["new O-rings", "plumber's grease", "new cartridge"]),
    ("pl_trap_1", "plumbing",
     "Set a bucket under the trap and undo the slip nuts by hand, or with channel lock pliers if they're "
     "tight. Clean the trap out with a bottle brush.",
     ["bucket", "channel lock pliers", "bottle brush"]),
    ("pl_trap_2", "plumbing",
     "Fit a new washer in each slip nut and wrap the threads with three turns of PTFE tape. "
     "Hand tight and then a quarter turn, no more.",
     ["new washer", "PTFE tape"]),
    ("pl_pipe_1", "plumbing",
     "Mark the copper where it has to be cut and go round it with the pipe cutter, tightening a little "
     "each turn. Clean the burr out of the inside with the reamer on the cutter.",
     ["pipe cutter", "reamer"]),
    ("pl_pipe_2", "plumbing",
     "Polish the end of the pipe with emery cloth until it's bright, then brush flux on it with the flux "
     "brush. Push the fitting on all the way.",
     ["emery cloth", "flux", "flux brush"]),
    ("pl_pipe_3", "plumbing",
     "Heat the fitting, not the pipe, with the propane torch and touch the solder to the joint on the "
     "far side. Keep a wet rag handy and a fire extinguisher behind you.",
     ["propane torch", "solder", "wet rag", "fire extinguisher"]),
    ("pl_toilet_1", "plumbing",
     "Lift the toilet off the flange and stuff a rag in the hole to stop the sewer gas. Scrape the old wax "
     "off the flange with a putty knife.",
     ["rag", "putty knife"]),
    ("pl_toilet_2", "plumbing",
     "Set a new wax ring on the flange and new closet bolts in the slots. Lower the bowl straight down "
     "over the bolts and rock it to seat it.",
     ["new wax ring", "new closet bolts"]),
    ("pl_toilet_3", "plumbing",
     "Tighten the nuts on the closet bolts a little at a time with a ten millimeter wrench. Too tight and "
     "the porcelain cracks.",
     ["10 mm wrench"]),
    ("pl_drain_1", "plumbing",
     "Feed the drain snake into the pipe until you feel the blockage and crank it clockwise. Pull it back "
     "slowly and wipe the cable with a rag as it comes out.",
     ["drain snake", "rag"]),
    # ---------------------------------------------------------------- machining
    ("mc_vise_1", "machining",
     "Wipe the vise jaws and the parallels with a clean cloth and tap the part down onto the parallels with "
     "a dead blow hammer.",
     ["clean cloth", "parallels", "dead blow hammer"]),
    ("mc_vise_2", "machining",
     "Sweep the fixed jaw with the dial indicator on the spindle. Tap the vise round with a soft mallet "
     "until the needle moves less than a tenth over the full length.",
     ["dial indicator", "soft mallet"]),
    ("mc_vise_3", "machining",
     "Pick up the left edge with the edge finder and set X zero. Do the same on the back jaw for Y.",
     ["edge finder"]),
    ("mc_tool_1", "machining",
     "Put the half inch end mill in the collet and tighten the collet nut with the spanner that comes "
     "with the holder. Check the stick out with a steel rule.",
     ["1/2 in end mill", "collet", "spanner", "steel rule"]),
    ("mc_tool_2", "machining",
     "Spot each hole with the center drill first, then drill through with the 6.8 millimeter drill. "
     "That's the tapping size for an M8 thread.",
     ["center drill", "6.8 mm drill"]),
    ("mc_tool_3", "machining",
     "Tap the holes with the M8 spiral point tap in the tap wrench, a drop of cutting fluid on each. "
     "Back it off half a turn every full turn.",
     ["M8 spiral point tap", "tap wrench", "cutting fluid"]),
    ("mc_tool_4", "machining",
     "Break the sharp edges with a deburring tool and blow the chips out of the holes with the air gun. "
     "Keep your safety glasses on for this bit.",
     ["deburring tool", "air gun", "safety glasses"]),
    ("mc_lathe_1", "machining",
     "Face the end with the carbide insert tool at about eight hundred RPM. Set the carriage stop so you "
     "don't run into the chuck.",
     ["carbide insert tool"]),
    ("mc_lathe_2", "machining",
     "Measure the diameter with the outside micrometer, the one to two inch one. Take it in two places to "
     "check for taper.",
     ["outside micrometer"]),
    ("mc_lathe_3", "machining",
     "Check the bore with the telescoping gauge and read it off the micrometer. If it's tight, take one more "
     "spring pass with the boring bar.",
     ["telescoping gauge", "micrometer", "boring bar"]),
    ("mc_lathe_4", "machining",
     "Clamp the part in the soft jaws, lightly, so you don't mark the finished face. Turn the chuck by "
     "hand once before you start the spindle.",
     ["soft jaws"]),
    # ---------------------------------------------------------------- kitchen
    ("kt_prep_1", "kitchen",
     "Dice the onions on the green cutting board with your chef's knife. Keep the tip on the board and rock "
     "the blade.",
     ["green cutting board", "chef's knife"]),
    ("kt_prep_2", "kitchen",
     "Scrape everything into the hotel pan with the bench scraper and cover it with cling film. Label it "
     "with the date and your initials.",
     ["hotel pan", "bench scraper", "cling film"]),
    ("kt_prep_3", "kitchen",
     "Check the chicken with the probe thermometer in the thickest part. It has to read seventy four "
     "degrees before it comes out.",
     ["probe thermometer"]),
    ("kt_prep_4", "kitchen",
     "Blend the soup in the pot with the immersion blender, keeping the head under the surface. Pass it "
     "through a fine chinois into the clean pot.",
     ["immersion blender", "fine chinois", "clean pot"]),
    ("kt_prep_5", "kitchen",
     "Line the sheet pans with parchment paper and spread the vegetables out in one layer. Use two pans "
     "rather than crowd one.",
     ["sheet pans", "parchment paper"]),
    ("kt_clean_1", "kitchen",
     "Scrape the flat top down with the grill scraper while it's still warm. Pour a little water on and "
     "scrub with the grill brick.",
     ["grill scraper", "grill brick"]),
    ("kt_clean_2", "kitchen",
     "Fill the sink with sanitizer at the right strength and check it with a test strip. Soak the "
     "slicer blade guard for a minute.",
     ["sanitizer", "test strip"]),
    ("kt_clean_3", "kitchen",
     "Take the slicer blade off with the blade removal tool, never with your hands. Wipe it from the "
     "center out with a folded towel.",
     ["blade removal tool", "folded towel"]),
    ("kt_clean_4", "kitchen",
     "Sweep under the line with the broom and then mop with the degreaser. Put the wet floor sign out "
     "before you start.",
     ["broom", "degreaser", "wet floor sign"]),
    ("kt_bake_1", "kitchen",
     "Weigh out the flour on the scale and sift it with the baking powder. Rub the butter in with your "
     "fingertips until it looks like breadcrumbs.",
     ["scale"]),
    ("kt_bake_2", "kitchen",
     "Roll the dough out with the rolling pin to about two centimeters and cut the rounds with a six "
     "centimeter cutter. Dip the cutter in flour each time.",
     ["rolling pin", "6 cm cutter"]),
    # ---------------------------------------------------------------- bicycle
    ("bk_chain_1", "bicycle",
     "Check the chain wear with the chain checker. If the point drops in at point seven five, the chain "
     "needs replacing.",
     ["chain checker"]),
    ("bk_chain_2", "bicycle",
     "Break the old chain with the chain tool and count the links. Cut the new chain to the same length "
     "and join it with the new quick link.",
     ["chain tool", "new chain", "new quick link"]),
    ("bk_chain_3", "bicycle",
     "Put one drop of chain lube on each roller and spin the cranks backwards. Wipe off the excess with a "
     "shop rag.",
     ["chain lube", "shop rag"]),
    ("bk_cassette_1", "bicycle",
     "Hold the cassette with the chain whip and undo the lockring with the lockring tool and a big "
     "adjustable. It's a normal right hand thread.",
     ["chain whip", "lockring tool", "adjustable"]),
    ("bk_brake_1", "bicycle",
     "Push the pistons back with a plastic tyre lever and slide the new pads in. Don't use a screwdriver, it "
     "scores the pistons.",
     ["plastic tyre lever", "new pads"]),
    ("bk_brake_2", "bicycle",
     "Loosen the two caliper bolts with a five mil Allen key, squeeze the lever and tighten them again. "
     "The caliper centers itself on the rotor.",
     ["5 mm Allen key"]),
    ("bk_brake_3", "bicycle",
     "Clean the rotor with isopropyl alcohol on a paper towel. Never touch the braking surface with your "
     "fingers after that.",
     ["isopropyl alcohol", "paper towel"]),
    ("bk_wheel_1", "bicycle",
     "Put the wheel in the truing stand and spin it slowly. Where the rim touches the pointer, loosen the "
     "spoke on that side a quarter turn with the spoke wrench.",
     ["truing stand", "spoke wrench"]),
    ("bk_wheel_2", "bicycle",
     "Pump the tyre to sixty psi with the track pump and check it with the gauge on the pump head.",
     ["track pump", "gauge"]),
    ("bk_pedal_1", "bicycle",
     "Take the pedals off with the fifteen millimeter pedal wrench. The left one is a reverse thread, so "
     "turn it clockwise to undo it.",
     ["15 mm pedal wrench"]),
    # ---------------------------------------------------------------- HVAC
    ("hv_coil_1", "hvac",
     "Kill the power at the disconnect and pull the fuses out. Check the contactor is dead with your meter "
     "before your hands go near it.",
     ["meter"]),
    ("hv_coil_2", "hvac",
     "Straighten the bent fins with the fin comb, matching the comb to the fin spacing. Go with the fins, "
     "never across them.",
     ["fin comb"]),
    ("hv_coil_3", "hvac",
     "Spray the coil cleaner on from the inside out and let it foam for ten minutes. Rinse with the garden "
     "hose on a gentle spray.",
     ["coil cleaner", "garden hose"]),
    ("hv_charge_1", "hvac",
     "Hook the manifold gauges to the service ports, blue to the suction side and red to the liquid line. "
     "Purge the hoses for a second before you open the valves.",
     ["manifold gauges"]),
    ("hv_charge_2", "hvac",
     "Pull the system down with the vacuum pump to five hundred microns and watch the micron gauge for ten "
     "minutes. If it climbs, you have a leak.",
     ["vacuum pump", "micron gauge"]),
    ("hv_charge_3", "hvac",
     "Find the leak with the electronic leak detector, moving it about an inch a second along the joints. "
     "Confirm it with soap bubbles.",
     ["electronic leak detector", "soap bubbles"]),
    ("hv_filter_1", "hvac",
     "Slide the old filter out and write the size down, sixteen by twenty five by one. Put the new filter "
     "in with the arrow pointing at the blower.",
     ["new filter"]),
    ("hv_drain_1", "hvac",
     "Clear the condensate line with the wet dry vac on the outside end. Pour a cup of vinegar down the "
     "trap to keep the algae off.",
     ["wet dry vac", "vinegar"]),
    ("hv_belt_1", "hvac",
     "Loosen the motor mount bolts with a half inch socket on the three eighths ratchet and slide the motor "
     "in. Roll the new belt on, never pry it over the pulley.",
     ["1/2 in socket", "3/8 ratchet", "new belt"]),
    # ---------------------------------------------------------------- automotive and small engines
    ("au_oil_1", "automotive",
     "Put the drain pan under the sump and undo the drain plug with a seventeen millimeter socket. "
     "Keep pushing in as you unscrew it so the oil doesn't run down your arm.",
     ["drain pan", "17 mm socket"]),
    ("au_oil_2", "automotive",
     "Fit a new crush washer on the drain plug and torque it to twenty five newton meters with the torque "
     "wrench.",
     ["new crush washer", "torque wrench"]),
    ("au_oil_3", "automotive",
     "Take the filter off with the oil filter wrench. Smear a bit of clean oil on the new filter's gasket "
     "and spin it on by hand.",
     ["oil filter wrench", "clean oil"]),
    ("au_oil_4", "automotive",
     "Pour in four liters of five W thirty through a funnel and check the level on the dipstick after a "
     "minute.",
     ["funnel"]),
    ("au_plug_1", "automotive",
     "Blow the dirt out of the plug wells with compressed air before the plugs come out. Undo them with the "
     "spark plug socket on a long extension.",
     ["compressed air", "spark plug socket", "long extension"]),
    ("au_plug_2", "automotive",
     "Check the gap on the new plugs with the feeler gage, point eight millimeters. Put a dab of anti seize "
     "on the threads.",
     ["new plugs", "feeler gage", "anti seize"]),
    ("au_wheel_1", "automotive",
     "Crack the wheel nuts loose with the breaker bar while the car is still on the ground. Then jack it up "
     "at the jacking point and put an axle stand under the sill.",
     ["breaker bar", "axle stand"]),
    ("au_wheel_2", "automotive",
     "Do the nuts up in a star pattern with the nineteen mil socket on the impact, then finish them with the "
     "torque wrench at one twenty.",
     ["19 mm socket", "impact", "torque wrench"]),
    ("au_batt_1", "automotive",
     "Undo the negative terminal first with a ten mil spanner. Clean the posts with the terminal brush and "
     "a little baking soda and water.",
     ["10 mm spanner", "terminal brush", "baking soda"]),
    # ---------------------------------------------------------------- production and press shop
    ("pr_die_1", "press",
     "Lower the ram onto the die blocks and lock out the press at the main disconnect with your own lock. "
     "Hang your tag on it.",
     ["padlock", "tag"]),
    ("pr_die_2", "press",
     "Undo the die clamps with the thirty two millimeter socket and the big ratchet. Put the clamps on the "
     "cart, not on the floor.",
     ["32 mm socket", "big ratchet"]),
    ("pr_die_3", "press",
     "Check the shut height with the height gauge on the bed. It should match the number on the die card "
     "within half a millimeter.",
     ["height gauge"]),
    ("pr_die_4", "press",
     "Clamp the new die with four M16 bolts and hardened washers, tightened with the torque wrench in a "
     "cross pattern.",
     ["M16 bolts", "hardened washers", "torque wrench"]),
    ("pr_weld_1", "welding",
     "Grind the mill scale off the joint with the flap disc on the angle grinder. Wear the face shield "
     "over your safety glasses.",
     ["flap disc", "angle grinder", "face shield", "safety glasses"]),
    ("pr_weld_2", "welding",
     "Tack the corners with the MIG torch and check the square with the framing square before you weld it "
     "out.",
     ["MIG torch", "framing square"]),
    ("pr_weld_3", "welding",
     "Clean the nozzle with the welding pliers and dip it in the nozzle gel. Change the contact tip if the "
     "hole is worn oval.",
     ["welding pliers", "nozzle gel", "contact tip"]),
    # ---------------------------------------------------------------- second batch: looser speech
    ("b2_el_1", "electrical",
     "Right, so first thing, grab your multi meter and put it on AC volts. Probe between the two screws, "
     "you want to see zero before you go any further.",
     ["multi meter"]),
    ("b2_el_2", "electrical",
     "I just use the lineman's pliers to twist the wires together, then the wire nut goes on top, "
     "turn it till the insulation starts to twist.",
     ["lineman's pliers", "wire nut"]),
    ("b2_el_3", "electrical",
     "Now the old switch just pops out, and the new dimmer goes in the same way. Use the little "
     "screwdriver for the terminals, they're tiny.",
     ["new dimmer", "little screwdriver"]),
    ("b2_el_4", "electrical",
     "Run a bead of fire caulk round the cable where it goes through the plate. That's code here.",
     ["fire caulk"]),
    ("b2_pl_1", "plumbing",
     "Okay, take your basin wrench and get up behind the sink to the supply nuts. It's awkward, go slow.",
     ["basin wrench"]),
    ("b2_pl_2", "plumbing",
     "Cut the PEX square with the PEX cutter, slide the crimp ring on and squeeze it with the crimp tool "
     "till the handles meet.",
     ["PEX cutter", "crimp ring", "crimp tool"]),
    ("b2_pl_3", "plumbing",
     "Put a towel down in the tub first, you'll drop a screw at some point. Then the trim plate comes "
     "off with a Phillips.",
     ["towel", "Phillips"]),
    ("b2_pl_4", "plumbing",
     "The water heater drain valve takes a garden hose. Run it out to the floor drain and open the valve "
     "with a flat head.",
     ["garden hose", "flat head"]),
    ("b2_mc_1", "machining",
     "Load the three quarter inch drill in the tailstock chuck and peck it in, back out every couple of "
     "millimeters to clear the chips.",
     ["3/4 in drill", "tailstock chuck"]),
    ("b2_mc_2", "machining",
     "Knock the sharp corner off with a file, a second cut file is fine, and finish with some emery.",
     ["file", "second cut file", "emery"]),
    ("b2_mc_3", "machining",
     "Zero the tool on the setter, then touch off the part with a piece of paper under the tool tip.",
     ["piece of paper"]),
    ("b2_mc_4", "machining",
     "Check the thread with the M10 go no go gauge. The go end has to screw in all the way by hand.",
     ["M10 go no go gauge"]),
    ("b2_kt_1", "kitchen",
     "Get the big stock pot on the back burner and bring the bones up to a simmer. Skim the scum off "
     "with a ladle.",
     ["big stock pot", "ladle"]),
    ("b2_kt_2", "kitchen",
     "Pick the herbs and chop them fine with the mezzaluna, then into a squeeze bottle with the oil.",
     ["mezzaluna", "squeeze bottle"]),
    ("b2_kt_3", "kitchen",
     "Use the offset spatula to spread the batter into the corners of the tray, nice and even.",
     ["offset spatula", "tray"]),
    ("b2_kt_4", "kitchen",
     "Don't put the knives in the dish machine. Wash them by hand and dry them with a clean side towel.",
     ["clean side towel"]),
    ("b2_bk_1", "bicycle",
     "Flip the bike over, and use a couple of tyre levers to get the bead off the rim. Pull the tube out.",
     ["tyre levers"]),
    ("b2_bk_2", "bicycle",
     "Find the hole, rough it up with the little sandpaper square from the patch kit and put the glue on.",
     ["sandpaper", "patch kit", "glue"]),
    ("b2_bk_3", "bicycle",
     "Drop the derailleur cable into the barrel adjuster and pull it tight with the fourth hand tool, then "
     "clamp it with a five mil hex.",
     ["fourth hand tool", "5 mm hex"]),
    ("b2_bk_4", "bicycle",
     "Spin the wheel and listen. If it ticks, the quick release isn't closed properly.",
     []),
    ("b2_hv_1", "hvac",
     "Put the clamp meter round the common wire on the compressor and read the amps. Compare it with the "
     "RLA on the data plate.",
     ["clamp meter"]),
    ("b2_hv_2", "hvac",
     "Brush the condenser coil gently with a soft brush, top to bottom, then hit it with the coil cleaner.",
     ["soft brush", "coil cleaner"]),
    ("b2_hv_3", "hvac",
     "Swap in the new run capacitor, forty five plus five microfarad, and move one wire at a time so you "
     "don't mix them up.",
     ["new run capacitor"]),
    ("b2_hv_4", "hvac",
     "Take the blower wheel out and clean each blade with a stiff nylon brush and a shop vac.",
     ["stiff nylon brush", "shop vac"]),
    ("b2_au_1", "automotive",
     "Crack the bleed nipple with an eight mil ring spanner, with a clear tube on it going into a jar.",
     ["8 mm ring spanner", "clear tube", "jar"]),
    ("b2_au_2", "automotive",
     "Pump the pedal, hold it down, open the nipple, close it. Keep the reservoir topped up with fresh "
     "DOT four fluid.",
     ["DOT 4 fluid"]),
    ("b2_au_3", "automotive",
     "Lever the old pads out with a big flat screwdriver and push the piston back with a G clamp.",
     ["big flat screwdriver", "G clamp"]),
    ("b2_pr_1", "press",
     "Set the stroke counter back to zero on the panel and run ten hits in single stroke. Bin the first "
     "three parts.",
     []),
    ("b2_pr_2", "press",
     "Grease the guide posts with a brush and the red grease from the cabinet, then jog the ram down "
     "slowly.",
     ["brush", "red grease"]),
    ("b2_pr_3", "press",
     "Measure the first part on the CMM, or with the height gauge and a dial if the CMM's busy.",
     ["CMM", "height gauge", "dial"]),
    # ---------------------------------------------------------------- words that are not tools here
    ("nt_socket_1", "electrical",
     "Plug the drill into the wall socket behind the bench. The socket on the left has no earth, so don't "
     "use that one.",
     ["drill"]),
    ("nt_clamp_1", "plumbing",
     "Clamp the hose off above the joint with your hand and push the fitting on. Level the unit before you "
     "fill it.",
     []),
    ("nt_file_1", "machining",
     "File a ticket for the coolant pump and tell the shift lead the machine is down. Brush off your "
     "overalls before you leave the cell.",
     []),
    ("nt_press_1", "press",
     "Press the green button twice and watch the counter. The ram should stop at the top every time.",
     []),
]


def split_of(case_id: str) -> str:
    """The half a case belongs to, fixed by its id alone."""
    return "tune" if zlib.crc32(case_id.encode("utf-8")) % 2 == 0 else "test"
