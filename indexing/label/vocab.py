"""Built-in vocabulary of the labeller: tools and parts, verbs, category evidence.

Kept as plain data so a plant can read it, and so tests can name what is known.
Tool entries map a canonical name to the spellings that mean it (singular; plurals
are generated). Ambiguous everyday words ("file", "level", "tap", "die") are
left out on purpose: they are more often verbs or other things than tools.
"""

from __future__ import annotations

# canonical name -> other spellings (the canonical name itself always matches)
TOOLS: dict[str, tuple[str, ...]] = {
    # wrenches and sockets
    "torque wrench": ("torque spanner",),
    "impact wrench": ("impact gun", "impact driver"),
    "adjustable wrench": ("adjustable spanner", "crescent wrench", "monkey wrench"),
    "pipe wrench": (),
    "combination wrench": ("combination spanner",),
    "box wrench": ("box end wrench", "ring spanner"),
    "open end wrench": ("open ended wrench", "open end spanner"),
    "wrench": ("spanner",),
    "socket": ("socket wrench",),
    "ratchet": ("ratchet handle",),
    "extension bar": ("socket extension",),
    "breaker bar": (),
    # drivers and keys
    "screwdriver": ("screw driver",),
    "phillips screwdriver": ("phillips head screwdriver", "phillips driver", "phillips"),
    "flat screwdriver": ("flathead screwdriver", "flat head screwdriver", "flat blade screwdriver",
                         "slotted screwdriver"),
    "torx screwdriver": ("torx driver",),
    "nut driver": (),
    "hex key": ("allen key", "allen wrench", "hex wrench", "allen"),
    # gripping, striking, prying
    "pliers": ("plier",),
    "needle nose pliers": ("needle nose plier", "long nose pliers"),
    "locking pliers": ("vise grips", "vice grips", "vise grip", "mole grips"),
    "snap ring pliers": ("circlip pliers",),
    "wire cutters": ("side cutters", "diagonal cutters", "wire cutter"),
    "wire stripper": ("wire strippers",),
    "crimper": ("crimping tool",),
    "hammer": (),
    "mallet": ("rubber mallet", "soft mallet", "dead blow hammer"),
    "pry bar": ("crowbar", "prybar"),
    "center punch": ("centre punch",),
    "pin punch": ("drift punch",),
    "chisel": (),
    "scraper": ("gasket scraper",),
    "puller": ("bearing puller", "gear puller"),
    "clamp": ("c clamp", "g clamp"),
    "vise": ("vice", "bench vise"),
    # measuring
    "feeler gauge": ("feeler gauges", "feelers"),
    "caliper": ("calipers", "vernier caliper", "vernier"),
    "micrometer": ("mic",),
    "dial indicator": ("dial gauge", "dial test indicator"),
    "tape measure": ("measuring tape",),
    "ruler": ("steel rule",),
    "straightedge": ("straight edge",),
    "spirit level": (),
    "machinist square": ("engineer's square", "try square", "engineers square"),
    "multimeter": ("voltmeter", "volt meter", "multi meter"),
    "thermometer": ("probe thermometer",),
    "pressure gauge": (),
    "flashlight": ("torch light",),
    # lifting and moving
    "hoist": ("chain hoist", "crane"),
    "forklift": ("fork lift", "forklift truck"),
    "pallet jack": (),
    "sling": ("lifting sling",),
    "shackle": (),
    "floor jack": ("trolley jack", "bottle jack"),
    # power tools and shop
    "drill": ("cordless drill", "drill press"),
    "drill bit": ("twist drill",),
    "grinder": ("angle grinder",),
    "heat gun": (),
    "soldering iron": (),
    "air gun": ("air blower", "blow gun", "air hose"),
    "grease gun": (),
    "oil can": ("oiler",),
    "brush": ("wire brush", "paint brush"),
    "rag": ("shop rag", "cloth", "shop towel"),
    "vacuum": ("shop vac", "vacuum cleaner"),
    "broom": (),
    "bucket": (),
    "utility knife": ("box cutter", "stanley knife"),
    # parts and consumables
    "shim": ("shims", "shim stock"),
    "gasket": (),
    "o-ring": ("o ring", "oring"),
    "bearing": (),
    "belt": ("v belt", "drive belt"),
    "filter": (),
    "fuse": (),
    "cotter pin": ("split pin",),
    "grease": (),
    "thread locker": ("threadlocker", "loctite"),
    # safety
    "padlock": ("safety lock", "lockout lock"),
    "lockout tag": ("lock out tag", "danger tag", "do not operate tag"),
    "lockout hasp": ("hasp",),
    "safety glasses": ("safety goggles", "goggles", "eye protection"),
    "gloves": ("glove", "work gloves", "cut resistant gloves"),
    "face shield": (),
    "ear protection": ("ear defenders", "earplugs", "ear plugs", "hearing protection"),
    "respirator": ("dust mask",),
    "hard hat": ("helmet",),
    # kitchen
    "knife": ("chef's knife", "chef knife", "paring knife", "bread knife"),
    "cutting board": ("chopping board",),
    "whisk": (),
    "ladle": (),
    "spatula": (),
    "tongs": ("tong",),
    "pan": ("frying pan", "saute pan", "skillet"),
    "pot": ("stock pot", "stockpot", "saucepan", "sauce pan"),
    "mixing bowl": ("bowl",),
    "sieve": ("strainer", "colander"),
    "oven": (),
    "stove": ("hob", "burner"),
    "mixer": ("stand mixer",),
    "kitchen scale": ("scales",),
    "timer": (),
    "peeler": (),
    "rolling pin": (),
    "baking tray": ("baking sheet", "sheet pan"),
}

# Words that turn a preceding single-word tool into a mere modifier ("clamp bolts", "socket head").
PART_HEADS = frozenset(
    """bolt bolts screw screws nut nuts plate plates head heads holder handle arm lever bracket cover
    guard housing set cap ring rings screwset assembly side area housing mount""".split()
)

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "twenty-two": 22, "twenty-four": 24, "twenty-seven": 27, "thirty": 30, "thirty-two": 32,
}
FRACTION_WORDS = {
    "half": "1/2", "quarter": "1/4", "three quarter": "3/4", "three quarters": "3/4",
    "three eighths": "3/8", "five eighths": "5/8", "seven sixteenths": "7/16",
    "nine sixteenths": "9/16",
}
UNITS = {
    "mm": "mm", "millimeter": "mm", "millimeters": "mm", "millimetre": "mm", "millimetres": "mm",
    "mil": "mm", "inch": "in", "inches": "in", "in": "in", '"': "in",
}

# Verbs a step title may start with (base forms); particle verbs are matched by their first word.
VERBS = frozenset(
    """add adjust align apply assemble attach bake blow bolt break bring calibrate center centre change
    check chop clamp clean clear close connect cook cover crack cut de-energize deenergize
    disassemble disconnect dispose drain drill drop dry engage examine feed feel fill find fit fix
    flip fold free gather get grab grease grind guide hammer hand heat hold hook inspect insert
    install isolate jog keep knock label lay level lift line listen load loosen lock look lower
    lubricate make mark measure melt mix mount move oil open pack peel place plug position pour
    power preheat prepare press prime prop pull push put raise reassemble record reinstall release
    remove repeat replace reset return rinse roll rotate run sand scrape scrub seat secure set
    shim shut slide slice spin spray spread square start stir stop store strip sweep swap switch
    take tap tension test thread tidy tighten tilt tip top torque touch tune turn twist unbolt
    unclamp unhook unlock unplug unscrew use vacuum verify wait warm wash watch wear weigh whisk
    wipe wire wrap zero hang bend carry choose collect cool count drive dip ease empty fasten finish
    flush grip hit knead leave mark note pick pump reach read reattach refill restart retighten rest
    sharpen shape sprinkle stack steam tape tuck unfold unwind untie walk weld write coil pluck bleed
    vent purge loosen mop polish blow hone grind rack swing chamfer deburr saw trace brush refit
    re-fit replace reconnect reload rethread lubricate oil screw undo do pop""".split()
)

# Category evidence. Phrases are matched on lower-cased text at word boundaries.
SAFETY_TERMS = (
    "lockout", "lock out", "locked out", "lock-out", "locking out", "tagout", "tag out", "tagged out",
    "ppe", "safety glasses", "goggles", "gloves", "face shield", "ear protection",
    "hearing protection", "respirator", "hard hat", "safety shoes", "e-stop", "emergency stop",
    "de-energize", "deenergize", "isolate the", "isolation", "zero energy", "energy source",
    "padlock", "lockout tag", "try the start button", "verify it's dead", "safety",
)
# Any of these anywhere in a step makes it a safety step.
LOCKOUT_TERMS = (
    "lockout", "lock out", "locked out", "lock-out", "locking out", "tagout", "tag out", "tagged out",
    "ppe", "safety glasses", "de-energize", "deenergize", "zero energy",
)
TROUBLE_TERMS = (
    "if it doesn't", "if it does not", "if it won't", "if it will not", "if that doesn't",
    "if the machine doesn't", "if you get", "jam", "jams", "jammed", "jamming", "fault", "faults",
    "error code", "alarm", "troubleshoot", "troubleshooting", "diagnose", "stuck", "won't start",
    "doesn't start", "not working", "problem", "fails", "failure", "misfeed", "trips",
)
CATEGORY_VERBS: dict[str, frozenset[str]] = {
    "safety": frozenset("isolate de-energize deenergize wear".split()),
    "inspection": frozenset("check inspect measure verify test examine confirm look listen feel "
                            "compare record weigh watch".split()),
    "adjustment": frozenset("adjust align shim tune calibrate center centre level square tension "
                            "zero trim set".split()),
    "cleanup": frozenset("clean wipe sweep vacuum rinse wash scrub tidy dispose store".split()),
    "setup": frozenset("mount prepare install attach load position gather preheat fit connect "
                       "lay plug prime".split()),
    "troubleshooting": frozenset("troubleshoot diagnose reset clear free".split()),
}
CATEGORY_TERMS: dict[str, tuple[str, ...]] = {
    "inspection": ("check", "inspect", "inspection", "measure", "measurement", "verify", "gauge",
                   "tolerance", "reading", "runout", "examine"),
    "adjustment": ("adjust", "adjustment", "align", "alignment", "shim", "shims", "tune",
                   "calibrate", "calibration", "tension", "backlash", "clearance"),
    "cleanup": ("clean", "wipe", "sweep", "vacuum", "rinse", "wash", "scrub", "debris", "chips",
                "swarf", "tidy"),
    "setup": ("mount", "set up", "setup", "prepare", "install", "preheat", "fixture", "attach",
              "position"),
}
# Tie-break order when text evidence is equal.
PRIORITY = ("safety", "troubleshooting", "inspection", "adjustment", "cleanup", "setup", "operation")
