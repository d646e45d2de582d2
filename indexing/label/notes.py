"""Tips (tacit know-how) and warnings in a step's narration, as cleaned sentences."""

from __future__ import annotations

import re

from indexing.label.text import clean_sentence, split_sentences, straighten, strip_openers
from indexing.label.vocab import VERBS

_NEGATION = r"(?:don't|do not|dont)"
WARNING_PATTERN = re.compile(
    r"\bnever\b|(?:^|[,;:]\s*|\b(?:you|and|but|so|just|please|ever|really|definitely|also)\s+)"
    rf"{_NEGATION}\b|^(?:don't|do not)\b|\bcareful\b|\bwatch out\b|\bdanger(?:ous)?\b"
    r"|\bor (?:else )?you'll\b|\bor you will\b|\bor you could\b|\botherwise\b|\bwarning\b|\bcaution\b"
    r"|\bhazard|\bcan (?:hurt|injure|kill|cut) you\b|\bpinch point\b",
    re.IGNORECASE,
)
# "Tip the bones into the pot", "tip the mower on its side": the verb, not the "Tip:" that opens know-how.
_TIP_VERB = (r"\s+(?:the|a|an|it|them|this|that|these|those|your|my|our|some|all|each|everything|any"
             r"|out|in|into|over|back|up|down|off|onto|away)\b")
TIP_PATTERN = re.compile(
    r"\bthe trick\b|\bmake sure\b|\byou'?ll (?:hear|feel|see|notice)\b|\byou will (?:hear|feel|see|notice)\b"
    rf"|\byou can (?:hear|feel)\b|\b(?:i|we) always\b|\ba good way\b|\bit helps\b|^tip\b(?!{_TIP_VERB})|\btip:|\bthe secret\b"
    r"|\bthe key is\b|\brule of thumb\b|\bin my experience\b|\bi (?:like|prefer) to\b|\bit's easier\b"
    r"|\bbest (?:way|to)\b|\bthe knack\b",
    re.IGNORECASE,
)
# Harm said without a warning word: to people ("in your face", "get burned", "keep your fingers
# clear", "wear your glasses"), to parts ("it ruins them", "it will drop") or machines ("will
# overheat"). Kept apart from WARNING_PATTERN, which the segmenter also reads as "not an action".
_PPE = (r"(?:safety |protective |cut resistant |heat resistant |nitrile |rubber |welding )?"
        r"(?:mask|gloves?|glasses|goggles|face shield|visor|respirator|ear (?:defenders|protection|muffs|plugs)"
        r"|earplugs|apron|boots|hard hat|helmet)")
_BODY = (r"(?:hands?|fingers?|knuckles?|thumbs?|wrists?|forearms?|arms?|hair|sleeves?|face|eyes?|skin|legs?"
         r"|foot|feet|toes?|head)")
HARM_PATTERN = re.compile(
    rf"\bwear (?:a |an |your |the |some |proper )?(?:\w+ )?{_PPE}\b"
    rf"|\bkeep (?:your |the |loose |long )?(?:{_BODY}|body|tie|clothes)"
    r" (?:\w+ )?(?:away|clear|out|off|back)\b"
    r"|\b(?<!the )(?:burn|burns|burned|burnt|scald|scalds|scalded|electrocut\w*|shocks?)\b(?! (?:off|in)\b)"
    rf"|\b(?:in|into|at) your (?:face|eyes?)\b|\b(?:into|through) your {_BODY}\b|\b(?:on|onto) your (?:head|foot|feet|toes|fingers)\b"
    r"|\bget (?:hurt|burned|burnt|cut|crushed|injured|trapped|caught|pinched)\b|\binjur\w*|\bhurt (?:you|someone)\b"
    r"|\bwill (?:drop|fall|overheat|crack|snap|shatter|spray|explode|kick back|whip|slip off|fly)\b|\boverheat\w*"
    r"|\b(?:ruin|ruins|ruined|wreck|wrecks|damage|damages|damaged)\b|\b(?:without|with no) warning\b"
    # what is still dangerous after it is switched off, and what cuts or lashes out: "it stays hot long
    # after", "it cuts deep", "the spring whips out"
    r"|\bstays? (?:hot|live|charged|sharp)\b|\bcuts? (?:deep|deeply|to the bone)\b|\bwhips? (?:out|round|back)\b"
    r"|\b(?:crush|crushes|trap|traps|pinch|pinches) (?:your|a|the) (?:fingers?|hands?|arm|foot|feet)\b"
    # harm to people said with what does it: "will cut your fingers", "pulls your hand in", "can make
    # people ill", "hard enough to kill someone", "it will spray you"
    r"|\b(?:will|can|could|may|might|would) (?:\w+ )?(?:cut|burn|crush|trap|pinch|catch|grab|scald|blind|hit|spray"
    r"|throw|hurt|kill) (?:you|your|someone|somebody|people|a person)\b"
    rf"|\b(?:pulls?|drags?|draws?|grabs?|catch(?:es)?|throws?|sprays?|hits?) (?:you|your {_BODY})\b"
    r"|\bkills? (?:you|someone|somebody|people|a person)\b"
    r"|\bmakes? (?:people|you|someone|somebody|customers|them|guests) (?:ill|sick|dizzy)\b|\bfood poisoning\b"
    r"|\bhospital\b|\brazor sharp\b|\b(?:bacteria|salmonella|listeria)\b"
    # what hurts without a verb of harm: "it remains very hot", food left to grow bacteria
    r"|\b(?:stays?|remains?) (?:\w+ )?hot\b"
    # damage to parts and machines: "can snap a jaw off", "it can burst", "wears through in a week"
    r"|\b(?<!you )(?:will|can|could|may|might) (?:snap|crack|shear|strip|bend|warp|chip|shatter|burst|explode|tear|rip"
    r"|seize|whip)\b|\bmakes? (?:the \w+ |it |them )?seize\b|\bseizes? up\b"
    r"|\bwears? through\b|\b(?:will|can|could|may|might) blow (?:out|off)\b"
    r"|\b(?:cracks|snaps|shears|strips|chips|scratches|gouges|shatters) (?:the|a|an|your|its)\b"
    # a machine that starts by itself: "the blower can start on its own"
    r"|\b(?:can|could|may|might|will) (?:\w+ )?(?:start|restart|move|turn|run|come on|windmill)(?: up)?"
    r" (?:on its own|by itself)\b",
    re.IGNORECASE,
)
# Know-how said as a criterion or a reason, without a tip word: "it should feel barely warm",
# "a drip or two is normal", "flakes mean a bearing is going", "it keeps the two sides even".
CRITERION_PATTERN = re.compile(
    r"\bshould (?:feel|look|sound|read|smell|be)\b|\b(?:is|are|it's) (?:normal|enough|plenty|ready)\b"
    r"|\b(?:means?|meaning) (?:a|an|the|it|its|that|you|your)\b|\balways (?:looks?|feels?|sounds?|reads?)\b"
    r"|\b(?:it|that|this) keeps\b|\byou want (?:a|an|the|it)\b|\binstead of\b"
    r"|\b(?:much|a lot|far) (?:safer|easier|quicker|faster|cleaner)\b|\bsafer\b|\bif you can (?:see|hear|feel)\b"
    r"|\btoo (?:much|many|little|few)\b"
    r"|\bso (?:that )?(?:the|it|they|you)\b[^.]*?\b(?:does not|doesn't|do not|don't|won't|will not|can't|ends? up|stays?)\b",
    re.IGNORECASE,
)
# A note announced as know-how ("The trick is to…") stays a tip when it only says what not to
# do ("…don't force it, let it settle"); it is a warning only when it also names harm.
_STRONG_TIP = re.compile(
    rf"^(?:the (?:trick|secret|knack|key)\b|a good (?:trick|way)\b|rule of thumb\b|tip\b(?!{_TIP_VERB})|in my experience\b)",
    re.IGNORECASE,
)
_NEGATION_ONLY = re.compile(rf"\bnever\b|\b{_NEGATION}\b", re.IGNORECASE)
# Recognisers often join two sentences with a bare comma ("Put the bolts in the tray, do not leave
# them on the bolster."). A clause opening with a note's own opener after such a comma starts a
# note of its own; after "but", "and", "so" it stays with its sentence ("add a shim, but never
# stack more than two"), and "never" before a place is no opener ("…at the back, never under the punch").
_NOT_A_VERB = (
    r"(?:under|over|on|in|at|with|from|into|onto|near|by|before|after|more|less|again|ever|the|a|an|too|so"
    r"|along|across|through|behind|between|towards?|past|around|against|inside|outside|below|above|beside"
    r"|that|this|it|there|here|one|once|twice|both|all)\b"
)
_SPLICE = re.compile(
    rf",\s+(?=(?:{_NEGATION}|never)\s+(?!{_NOT_A_VERB})[a-z]|(?:make sure|be careful|watch out"
    r"|the (?:trick|secret|key) is|you'?ll (?:hear|feel|see|notice))\b)",
    re.IGNORECASE,
)


# Advice framed as what not to do, with its reason: "Do not flour the bench, because the dough needs
# a little grip", "Don't pour faster than it takes it, or it splits". It is know-how (a tip) unless
# the reason names harm to people, parts or machines ("…or you'll strip the thread"): that is a warning.
# "because" is also read as the recogniser often writes it (", the cause only…", "coz", "'cause").
_REASON_CUE = r"(?:because|'cause|coz|cuz|or else|otherwise|or (?=(?:it|they|you|that|this|the|your|its|everything)\b))"
_NEGATED_ADVICE = re.compile(
    rf"^(?:{_NEGATION}|never)\s+(?:ever\s+)?(?!{_NOT_A_VERB})[a-z].*?"
    rf"(?:(?:\s+|,\s*){_REASON_CUE}|,\s*(?:the\s+)?causes?(?!\s+(?:of|a|an|the|it|them)\b))\s*(?P<why>\S.*)$",
    re.IGNORECASE,
)
# Harm a reason may name: to people, and damage to parts or machines, in any verb form.
_DAMAGE = re.compile(
    r"\b(?:cut|crack|chip|scratch|tear|tore|torn|burn|burnt|strip|snap|break|broke|broken|ruin|damag|wreck|shred"
    r"|bend|bent|warp|crush|scorch|burst|explod|shatter|shear|scor|gouge|kill|injur|hurt|electrocut|shock"
    r"|seiz|scald|blind)(?:s|es|ed|d|ing|e|en)?\b|\brips\b|\brip (?:out|off|open|it|them)\b|\b(?:ill|sick|hospital|fire|skin|fingers?|hands?|eyes?|face)\b",
    re.IGNORECASE,
)


# Advice in general English, without a tip word: a hedge on an instruction ("…in one stroke if you
# can"), a comparison of ways ("it goes quicker with the cover off", "you're better off…"), a
# counter-intuitive step ("that sounds backwards, but…"), the common mistake ("Everybody sets it too
# tight…"), the narrator's own habit ("I find…", "I tend to…"). Read by `find_notes` only.
_ADVICE = re.compile(
    r"(?:,\s*|\s)(?:if|where|when|whenever) (?:you can|possible)[.!]?$"
    r"|\b(?:it|that|this|things?|everything|the job)(?:'s| is| goes| gets| works)? (?:a lot |much |far |a bit |even )?"
    r"(?:easier|quicker|faster|simpler|better|cleaner|neater|smoother) (?:if|when|with|without|to|once)\b"
    r"|\bit(?:'s| is) (?:easier|better|best|quicker|simpler) (?:if|when|to|with)\b"
    r"|\b(?:you(?:'re| are)|you'?d be) better (?:off|to)\b|\byou want to\b|\bit pays to\b"
    r"|\b(?:sounds?|seems?|looks?|feels?) (?:backwards|wrong|odd|strange|weird|counter ?intuitive|silly), but\b"
    r"|^(?:everybody|everyone|most people|a lot of people|lots of people|beginners|nobody|new starters)\b"
    r"|\bi (?:find|tend to)\b"
    # what a way gives compared with another ("cold milk gives a lighter pancake than warm"), what
    # tells the trainee ("it tells you when you touch"), what is awkward, what things tend to do
    r"|\b(?:gives?|makes?) (?:you )?(?:a |an |the )?(?:\w+ )?\w+er (?:\w+ )?than\b"
    r"|\b(?:better|clearer|easier|quicker|faster|cleaner|smoother) than\b"
    r"|\b(?:it|that|this|which|they) (?:tells?|shows?) you\b"
    r"|\b(?:it's|it is|it gets|they are|they're) (?:awkward|fiddly|hard|difficult|tricky|a pain) (?:once|when|if|to|with)\b"
    r"|\b(?:loves?|tends?) to\b"
    # what a small aid does for the job: "a strip of tape makes the turns easy to count", "a photo
    # saves the guessing", "a dab of gel keeps it clean for days"
    r"|\bmakes? (?:it|them|the \w+|things|the job) (?:much |a lot |far )?(?:easy|easier|simpler|quicker) to\b"
    r"|\bsaves? (?:you )?(?:the |a lot of |a |some )?(?:time|guessing|hassle|trouble|trip|work|mess)\b"
    r"|\bkeeps? (?:it|them|the \w+) (?:clean|sharp|free|loose|moving|fresh) for\b",
    re.IGNORECASE,
)
# A purpose clause says what a step keeps from happening ("…so you do not go round twice", "so
# there is never a straight path"): no prohibition, so no warning word.
_PURPOSE_NEGATION = re.compile(
    rf"\bso (?:that )?(?:you|it|they|we|there|nothing|the \w+)(?: is| are| will| can)? (?:{_NEGATION}|never|does not"
    r"|doesn't|won't|will not|can't|cannot)\b",
    re.IGNORECASE,
)


# What not to do followed by what to do instead: "Do not pour it in blind, check that it drops off
# the paddle in a V" is the way to do it (a tip), unless it names harm.
_NEGATED_INSTEAD = re.compile(
    rf"^(?:{_NEGATION}|never)\s+(?:ever\s+)?(?!{_NOT_A_VERB})[a-z][^,]*,\s*(?:just\s+|instead\s+)?(?P<verb>[a-z]+)\b",
    re.IGNORECASE,
)


def _negated_tip(probe: str) -> bool:
    """Whether a note says what not to do and why, or what to do instead, without naming harm (a tip,
    not a warning)."""
    if HARM_PATTERN.search(probe):
        return False
    m = _NEGATED_ADVICE.search(probe)
    if m is not None and not _DAMAGE.search(m.group("why")):
        return True
    m = _NEGATED_INSTEAD.search(probe)
    return m is not None and m.group("verb").lower() in VERBS and not _DAMAGE.search(probe[m.end("verb"):])


_CONDITION = re.compile(r"^(?:if|unless|when|whenever|while|until)\b[^,]*$", re.IGNORECASE)


def note_units(sentence: str) -> list[str]:
    """A sentence split at comma splices before a tip or warning opener.

    Args:
        sentence: One sentence of narration.

    Returns:
        The sentence's parts in order (the sentence itself when it has no such splice, or when
        it opens as know-how: "the trick is to…, don't rush it" is one tip).
    """
    if _STRONG_TIP.search(clean_sentence(sentence)):
        return [sentence.strip()]
    parts = [p.strip() for p in _SPLICE.split(sentence) if p.strip()]
    if len(parts) > 1 and _CONDITION.match(strip_openers(parts[0])):
        # "If it is off by more than a millimetre, do not run the program": the condition is the note's.
        parts[:2] = [f"{parts[0]}, {parts[1]}"]
    return parts


def _is_warning(probe: str) -> bool:
    if not WARNING_PATTERN.search(_PURPOSE_NEGATION.sub(" so ", probe)):
        return bool(HARM_PATTERN.search(probe)) and not _STRONG_TIP.search(probe)
    if _STRONG_TIP.search(probe):
        # Only a negation ("don't", "never") speaks for a warning: the know-how framing wins.
        return bool(WARNING_PATTERN.search(_NEGATION_ONLY.sub(" ", probe)))
    return True


_REASON_START = re.compile(r"^(?:it|it's|they|that|this|the|those|these|because|or|one|a|an)\b", re.IGNORECASE)
_LONG_NOTE = 18  # words; a longer harm note is quoted from the clause that names the harm


def _opens_with_instruction(unit: str) -> bool:
    words = strip_openers(unit).split()
    return bool(words) and words[0].lower().strip(".,;:!?") in VERBS


def _harm_clause(unit: str) -> str:
    """A long run-on whose harm comes late, quoted from the clause that names it ("Hang the blade…,
    a blade fitted backwards will overheat fast" -> "A blade fitted backwards will overheat fast")."""
    if len(unit.split()) <= _LONG_NOTE or not _opens_with_instruction(unit):
        # A run-on that opens as a description or a condition ("The gland that does not drip…, and
        # it burns the packing", "If one does not trip, …, that circuit has no protection") is one note.
        return unit
    parts = unit.split(", ")
    for k in range(1, len(parts)):
        head = ", ".join(parts[:k])
        if HARM_PATTERN.search(head) or WARNING_PATTERN.search(head):
            break
        rest = ", ".join(parts[k:])
        if HARM_PATTERN.search(parts[k]) and len(rest.split()) >= 5:
            return rest
    return unit


def find_notes(text: str) -> tuple[list[str], list[str]]:
    """Split out the tips and warnings of a step.

    A sentence that is both ("make sure it's seated, otherwise it jams") counts as a warning,
    except know-how announced as such ("the trick is to… don't force it"), which stays a tip, and
    what not to do said with a reason that names no harm ("Do not flour the bench, because the
    dough needs a little grip"), which is a tip too.
    A run-on sentence is split at a comma before a note opener ("…every bolt, do not use the
    impact gun here"), so each note is quoted on its own.

    Args:
        text: The step's narration.

    Returns:
        (tips, warnings), each a list of cleaned sentences in order.
    """
    tips: list[str] = []
    warnings: list[str] = []
    last_warning = False
    previous = ""  # the last sentence, when it was an instruction that made no note
    for sentence in split_sentences(straighten(text)):
        for unit in note_units(sentence):
            probe = clean_sentence(unit)
            if not probe:
                continue
            if _negated_tip(probe):
                tips.append(probe)
                previous = ""
            elif _is_warning(probe):
                harm_only = not WARNING_PATTERN.search(probe)
                if harm_only and warnings and last_warning and _REASON_START.match(probe):
                    # "Do not touch the faces. The oil from your skin ruins them.": one warning.
                    warnings[-1] = f"{warnings[-1]} {probe}"
                elif harm_only and previous and _REASON_START.match(probe) and len(probe.split()) <= 12:
                    # "Keep your arms off the edge. It stays hot long after the middle cools.": the
                    # harm says why the instruction before it matters; one warning.
                    warnings.append(f"{previous} {probe}")
                else:
                    warnings.append(clean_sentence(_harm_clause(probe)) if harm_only else probe)
                last_warning = True
                previous = ""
                continue
            elif TIP_PATTERN.search(probe) or CRITERION_PATTERN.search(probe) or _ADVICE.search(probe):
                tips.append(probe)
                previous = ""
            else:
                previous = probe if _opens_with_instruction(probe) and len(probe.split()) <= 14 else ""
            last_warning = False
    return tips, warnings
