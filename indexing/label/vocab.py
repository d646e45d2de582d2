"""Built-in vocabulary of the labeller: tools and parts, verbs, category evidence.

Kept as plain data so a plant can read it, and so tests can name what is known.
Tool entries (read from `indexing/lang/en/tools.txt`) map a canonical name to the
spellings that mean it (singular; plurals are generated). Ambiguous everyday words
("file", "level", "tap", "die") are left out on purpose: they are more often verbs or
other things than tools.
"""

from __future__ import annotations


def _tools() -> dict[str, tuple[str, ...]]:
    from indexing.lang.data import table

    out: dict[str, tuple[str, ...]] = {}
    for row in table("en/tools.txt"):
        out[row[0]] = out.get(row[0], ()) + tuple(x for x in row[1:] if x)
    return out


# canonical name -> other spellings (the canonical name itself always matches), from en/tools.txt
TOOLS: dict[str, tuple[str, ...]] = _tools()

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
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
FRACTION_WORDS = {
    "half": "1/2", "quarter": "1/4", "three quarter": "3/4", "three quarters": "3/4",
    "three eighths": "3/8", "five eighths": "5/8", "seven sixteenths": "7/16",
    "nine sixteenths": "9/16",
}
UNITS = {
    "mm": "mm", "millimeter": "mm", "millimeters": "mm", "millimetre": "mm", "millimetres": "mm",
    "mil": "mm", "inch": "in", "inches": "in", "in": "in", '"': "in",
    "cm": "cm", "centimeter": "cm", "centimeters": "cm", "centimetre": "cm", "centimetres": "cm",
    "litre": "litre", "litres": "litre", "liter": "litre", "liters": "litre",
    "ounce": "oz", "ounces": "oz", "oz": "oz",
}
# What the recogniser writes for a unit said after a number ("a one lighter saucepan", "a 13 mill
# spanner"); read as the unit only there ("the lighter hammer" stays a hammer).
UNIT_NEAR_MISSES = {"lighter": "litre", "mill": "mm"}

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

# More base-form verbs a step title may start with. Kept apart from VERBS because the segmenter's
# action cue reads VERBS, and its fitted behaviour should not move when titles learn a verb.
TITLE_VERBS = VERBS | frozenset(
    """squeeze support unscrew depressurise depressurize drain dress gauge glue hang knead prove
    recognise recognize refit rehang season seal separate simmer skim snap soak sort strain
    stretch taste serve flatten dice grate marinate mash bag beat blend boil brown coat crimp cure
    dab dampen descale dial dismount dock drag dust file flatten fry fit grab inflate inject jack
    lever loop mark measure mop nip oil pat patch pinch plane pluck poke pop pry punch ream rehang
    relieve remount replace resharpen reseat retension ring rub scoop scrape screw seal sieve sift
    skewer slacken sleeve smooth snip soften solder stamp steady strap stroke tamp tease thaw thin
    toast trim unbolt unclip unhook unlatch unload unpack unroll unthread wedge wiggle wind wring
    backflush bleed charge count depress detach dislodge dismantle fill flush hone lift lock
    loosen lubricate bend block bolt brace break slit throw discard sanitise sanitize indicate route""".split())
