"""Korean name matching for redaction: a person's name said in narration, known to the library or
not ("박정호 반장님이", "이수진 씨한테", "김 반장", "최영수가"), and the forms a known name takes.

Data files: `person_titles.txt`, `particles.txt`, `surnames.txt`, `given_syllables.txt` and
`not_name_ends.txt`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from indexing.lang.data import table, words
from indexing.lang.ko.analyser import Morph, analyse, readings

_HANGUL = re.compile(r"[가-힣]")
# Titles that may be glued to a lone surname ("김씨", "박님"); other one-syllable ones need a space.
_GLUED_TITLES = frozenset("씨 님".split())
# Titles said after a person's name only, never after a role noun ("누리 씨", "정숙 여사"; but "정비
# 기사", "식당 이모"): a two-syllable common noun before one is taken for a given name.
_NAME_ONLY_TITLES = frozenset("씨 여사".split())
# Particles of a person (or an animal): to, from, by someone ("태호한테", "동규에게"); a proper noun
# before one is a person, not a place or firm ("서울에", "현대가").
_PERSON_PARTICLES = ("한테서", "에게서", "한테", "에게", "께서", "께", "더러")
# Last syllables of place names the analyser tags as proper nouns ("안산시", "경기도"): such a word
# before a particle is not taken for a person.
_PLACE_ENDS = frozenset("시 도 군 구 읍 면".split())
# How far (log probability) below the analyser's best reading of the word and the next one a reading
# of a split word as one noun may be for the word to count as a name ("견수호가 야간에": 견+수호 best,
# 견수호 1.9 behind; "반시간이 걸려요": 반+시간, no one-noun reading among the best ones; "전공정을
# 봐요" 4.3 behind).
_ONE_NOUN_MARGIN = 3.0
# What the analyser may take a surname at a word's start for when it splits the name (견 NNG, 맹 NNP,
# 온 MM "all", 탁 MAG, 편 XR, 피 XPN, 옹 NNB).
_SPLIT_SURNAME_TAGS = frozenset("NNG NNP MM MAG XR XPN NNB".split())
# One-syllable words said right before a title that are no surname: numerals, determiners, pronouns,
# adverbs and interjections ("두 기사가", "그 반장님", "저 형이", "또 과장님이", "네 선배님"). Any
# other lone syllable right before a title is taken for a surname, the rare ones surnames.txt leaves
# out too ("요 조장님", "요 기사님까지"). Surnames in surnames.txt are taken whatever this says.
_NOT_LONE_SURNAMES = frozenset(
    "그 저 두 세 네 석 넉 닷 엿 몇 새 헌 각 매 첫 뭔 웬 딴 별 한 "
    "나 너 난 넌 걘 얜 쟨 걔 얘 쟤 누 뭐 왜 또 더 덜 잘 좀 꼭 막 못 다 늘 곧 딱 참 꽤 퍽 "
    "자 응 아 야 흠 와 에 팀 층 번 등 및 즉 본 내".split())
# Rare surnames that are also a prefix or counter ("대 과장님께", "총 주임님한테"; but "총 책임",
# "세 대", "두 대 기사"): taken alone before a title only with the honorific 님 and not after a
# numeral.
_PREFIX_SURNAMES = frozenset("대 총".split())
_NUMERAL_BEFORE = re.compile(r"(?:[0-9]|(?<![가-힣])(?:한|두|세|네|몇|여러|다섯|여섯|일곱|여덟|아홉|열))\s*$")
# Surnames left out of surnames.txt because, alone before a title, they are mostly a numeral,
# pronoun or ending ("두 기사가", "저 반장님"): glued to a given name in a word the analyser tags as
# one proper noun before a particle ("저윤슬이", "대민호한테") they are surnames all the same.
_WORD_ONLY_SURNAMES = frozenset("두 저 내 대 아 야".split())
# Particles after a given name with the familiar suffix -이 ("삼식이가", "종현이한테"): a noun
# and its subject particle 이 take none of them ("기름이 새요"); not 랑 ("기름이랑": 기름+이랑).
_AFTER_FAMILIAR_I = ("한테서", "에게서", "한테", "에게", "가", "는", "를", "도")


def name_variants(name: str) -> list[str]:
    """The spellings of a known name masked as they stand (the given name goes by `name_regexes`)."""
    full = "".join(name.split())
    if len(full) < 2 or (len(full) == 2 and all(_HANGUL.match(c) for c in full)):
        return []  # a lone surname only with a title, a two-syllable name as a word (see name_regexes)
    return [" ".join(name.split())]  # the given name alone ("정호"): see name_regexes


def _given(full: str) -> str:
    """The given name of a three- or four-syllable Hangul name ("박정호" -> "정호")."""
    if 3 <= len(full) <= 4 and all(_HANGUL.match(c) for c in full):
        return full[1:] if len(full) == 3 else full[2:]
    return ""


def name_regexes(name: str) -> list[str]:
    """Surname with a title: "김 반장", "박 씨", "김씨" (the surname alone is too common to mask).

    Glued to the surname only 씨, 님 and titles of two syllables or more: a one-syllable title
    glued on makes everyday words ("성형", "유형", "모양", "장군").
    """
    full = "".join(name.split())
    if not (_HANGUL.match(full) and 1 <= len(full) <= 4):
        return []
    surname = full[0] if len(full) <= 3 else full[:2]
    titles = sorted(words("ko/person_titles.txt"), key=len, reverse=True)
    glued = "|".join(re.escape(t) for t in titles if len(t) > 1 or t in _GLUED_TITLES)
    spaced = "|".join(map(re.escape, titles))
    out = [rf"(?<![가-힣]){re.escape(surname)}(?=\s(?:{spaced})|(?:{glued}))"]
    given = _given(full) if len(name.split()) == 1 else ""
    if len(full) == 2 and all(_HANGUL.match(c) for c in full):
        given = full  # a given name alone ("지원 씨"), as a word like the given name of a full one
    if given:
        # The given name as a word of its own, bare or with titles and particles ("정호 씨", "정호가"),
        # not inside a longer word ("지원" of 이지원 leaves "지원해요" alone).
        ends = "|".join(sorted(map(re.escape, {*titles, *words("ko/particles.txt")}), key=len, reverse=True))
        out.append(rf"(?<![가-힣]){re.escape(given)}(?=(?:\s?(?:{ends}))*(?![가-힣]))")
    return out


def _surname(word: str, wide: bool = False) -> str:
    """The surname a three- or four-syllable word starts with ("" when none); `wide`: also the
    surnames that are no surname alone (`_WORD_ONLY_SURNAMES`)."""
    surnames = words("ko/surnames.txt") | _WORD_ONLY_SURNAMES if wide else words("ko/surnames.txt")
    if len(word) == 4:
        return word[:2] if len(word[:2]) == 2 and word[:2] in surnames else ""
    if len(word) == 3:
        return word[0] if word[0] in surnames else (word[:2] if word[:2] in surnames else "")
    return ""


def _may_be_name(word: str, wide: bool = False) -> bool:
    """A word that starts with a surname and is no title, known noun, team or place ("정비팀")."""
    if not _surname(word, wide) or word in words("ko/person_titles.txt") or word in _known_nouns():
        return False
    if word.endswith("의"):  # "현장의 직원": a noun with its genitive, then the title
        return False
    ends = words("ko/not_name_ends.txt")
    if any(len(e) > 1 and word.endswith(e) for e in ends):
        return False
    ms = [m for m in analyse(word) if m.tag.startswith("N")]
    return not (len(ms) >= 2 and ms[-1].form in ends and len(ms[-2].form) >= 2)


def _add_particle_name(name: str, out: list[str], wide: bool = False) -> None:
    """Add `name` (a word right before a particle) to `out` when it is shaped like a person's
    name: a surname, a given name of name syllables, no known noun, team or place (`wide`: the
    analyser read the word as one proper noun, so `_WORD_ONLY_SURNAMES` count as surnames)."""
    given = name[len(_surname(name, wide)):]
    if (" " not in name and _may_be_name(name, wide) and name[-1] not in _PLACE_ENDS
            and set(given) <= words("ko/given_syllables.txt") and name not in out):
        out.append(name)


def find_names(text: str) -> list[str]:
    """Names in narration ("박정호 반장님이", "이수진 씨한테", "김 반장", "최영수가"), known or not.

    A name is what the analyser tags as a proper noun (NNP) right before a title; a
    three-syllable word starting with a surname (four syllables with a two-syllable surname:
    "남궁민아") right before a title, unless it is a team, place or known noun ("정비팀 과장님");
    such a word the analyser tags as a proper noun right before a particle ("최영수가"), when its
    given name is made of name syllables (not "라이너를") and it does not end like a place
    ("안산시가"); or a lone surname, then a space, then a title.
    """
    titles = words("ko/person_titles.txt")
    out: list[str] = []
    ms = analyse(text)
    run: list[int] = []
    for i, m in enumerate(ms):
        if i + 1 < len(ms) and len(m.form) == 1 and m.tag in _SPLIT_SURNAME_TAGS:
            _add_split_name(text, m, ms[i + 1], out)  # "견수호가": 견+수호, "맹수호가": 맹+수호
        if m.tag == "NNP" and _HANGUL.match(m.form):
            run.append(m.start)
            run.append(m.end)
            continue
        if run and m.form in titles and m.start - run[-1] <= 1:
            name = text[run[0]:run[-1]]
            if len(name.replace(" ", "")) <= 4:
                out.append(name)
        elif run and m.start == run[-1] and (m.tag == "JKV" or m.form in _PERSON_PARTICLES):
            _add_given_name(text, run[0], run[-1], None, out)  # "종현아,", "태호한테": a person's
        elif run and _particle_at(text, run[-1]) and not _HANGUL.match(text[run[0] - 1:run[0]]):
            _add_particle_name(text[run[0]:run[-1]], out, wide=True)  # "최영수가": a proper noun, then a particle
        elif run and m.tag == "XSN" and m.form == "이" and m.start == run[-1]:
            _add_given_name(text, run[0], run[-1], m.end, out)  # "종현이가": a given name with -이
        elif (not run and m.tag == "NNG" and m.unknown and _particle_at(text, m.end)
              and not _HANGUL.match(text[m.start - 1:m.start]) and not _place_particle_at(text, m.end)):
            # A word the analyser does not know, which it guessed to be a common noun from its
            # neighbours ("부건우가 오일 분석을…", where "부건우가 분석을…" gives a proper noun).
            _add_particle_name(m.form, out, wide=True)
        elif not run and m.tag == "NNG" and i + 1 < len(ms) and len(m.form) == 2:
            _add_split_name(text, m, ms[i + 1], out)  # "누리 씨가"
        run = []
    title_alt = "|".join(sorted(map(re.escape, titles), key=len, reverse=True))
    for found in re.finditer(rf"(?<![가-힣])([가-힣]{{3,4}})\s?(?:{title_alt})", text):
        word = found.group(1)
        if word not in out and _may_be_name(word):
            out.append(word)
    # A name the analyser splits or does not know, right before a particle said of people ("당시우께서":
    # 당시+우; "시보미랑"): shaped like a name as by the particle rule.
    # With 랑/이랑 ("with") only as it follows the name's last sound: 랑 after a vowel, 이랑 after a
    # consonant (not "기름이랑", "견본이랑": 기름+이랑).
    person = "|".join((*_PERSON_PARTICLES, "이랑", "랑"))
    for found in re.finditer(rf"(?<![가-힣])([가-힣]{{3,4}})({person})(?![가-힣])", text):
        word, particle = found.groups()
        if particle.endswith("랑") and ((particle == "이랑") != _has_coda(word[-1])
                                        or (word[-1] == "이" and _has_coda(word[-2]))):
            continue
        _add_particle_name(word, out)
    surnames = words("ko/surnames.txt")
    for found in re.finditer(rf"(?<![가-힣])([가-힣])\s(?:{title_alt})", text):
        lone = found.group(1)
        if lone in out or not _title_ends(text, found.end()):
            continue  # "이 형태로": 형 is no title there
        if lone in surnames:
            out.append(lone)  # "권 반장님": a surname alone before a title
        elif lone in _PREFIX_SURNAMES:
            if (text.startswith("님", found.end()) and _title_ends(text, found.end())
                    and not _NUMERAL_BEFORE.search(text[:found.start()])):
                out.append(lone)  # "대 과장님께": not "총 책임", "세 대 기사"
        elif lone not in _NOT_LONE_SURNAMES:
            out.append(lone)  # "잉 과장님이": a rare surname alone before a title
    for found in re.finditer(rf"(?<![가-힣])([가-힣]{{2}})\s(?:{title_alt})", text):
        if _title_ends(text, found.end()):
            _add_bare_given(text, found.start(), out)  # "준기 형님이", "흥석 삼촌이"
    for found in re.finditer(r"(?<![가-힣])([가-힣]{2})이(" + "|".join(_AFTER_FAMILIAR_I) + r")(?![가-힣])", text):
        _add_familiar_given(text, found.start(), out)  # "삼식이가": 삼+식이 to the analyser
    for found in re.finditer(rf"(?<![A-Za-z])([A-Z][a-z]+)\s?(?:{title_alt})", text):
        if found.group(1) not in out and _title_ends(text, found.end()):
            out.append(found.group(1))  # "Chris 대리님이", "Jay 형이": a Latin-letter name before a title
    return out


def _has_coda(syllable: str) -> bool:
    """Whether a Hangul syllable ends in a consonant ("람" yes, "미" no)."""
    return (ord(syllable) - 0xAC00) % 28 != 0


def _title_ends(text: str, i: int) -> bool:
    """Whether a title ending at `i` is a word of its own, with 님, 들 and particles ("기사님까지"; not
    the 형 of "형태")."""
    for suffix in ("님들", "님", "들"):
        if text.startswith(suffix, i):
            i += len(suffix)
            break
    return _word_ends(text, i)


def _word_ends(text: str, i: int) -> bool:
    """Whether the word ends at `i`, bare or with particles ("종현이가", "누리 씨가": at 가's end)."""
    return not _HANGUL.match(text[i:i + 1]) or _particle_at(text, i)


def _add_given_name(text: str, start: int, end: int, after: int | None, out: list[str]) -> None:
    """A given name said alone, when it is made of name syllables: a two-syllable proper noun with the
    familiar suffix -이, then a particle or the word's end ("종현이가", "지훈이한테"; `after`: the
    suffix's end), or with a vocative or a particle of a person ("종현아", "태호한테"; `after` None).
    A full name with one of these ("견수호한테") goes by the particle rule."""
    name = text[start:end]
    if _HANGUL.match(text[start - 1:start]):
        return
    if len(name) >= 3 and after is None:
        _add_particle_name(name, out, wide=True)
        return
    if (len(name) == 2 and (after is None or _word_ends(text, after))
            and set(name) <= words("ko/given_syllables.txt") and name not in _known_nouns()
            and name not in out):
        out.append(name)


def _add_split_name(text: str, m: Morph, nxt: Morph, out: list[str]) -> None:
    """Names the analyser splits into common nouns, before a particle or a word end.

    - A two-syllable noun, then a title said after names only ("누리 씨가", "정숙 여사님"): a given
      name said alone. Glued words with 씨 ("아저씨", "솜씨") are one noun to the analyser.
    - A surname read as a morpheme of its own (a noun, determiner, adverb, prefix …) glued to a
      two-syllable noun ("견수호가": 견+수호, "온수호가": 온+수호), when the analyser also reads the
      whole word as one proper noun among its best readings (not "반시간이", "전단계가", "신소재가";
      nor "원위치를", a dictionary noun it splits as 원+위치, nor "이음부가", read as a compound noun).
    Either way the word starts a word and its given name is made of name syllables.
    """
    if _HANGUL.match(text[m.start - 1:m.start]):
        return
    given = words("ko/given_syllables.txt")
    if (m.tag == "NNG" and nxt.form in _NAME_ONLY_TITLES and len(m.form) == 2 and nxt.start - m.end <= 1
            and _word_ends(text, nxt.end) and set(m.form) <= given and m.form not in _known_nouns()
            and m.form not in out):
        out.append(m.form)
        return
    word = text[m.start:nxt.end]
    if not (text[m.start:m.end] == m.form and m.form in words("ko/surnames.txt") and nxt.tag == "NNG"
            and len(nxt.form) == 2 and nxt.start == m.end and _particle_at(text, nxt.end)
            and set(nxt.form) <= given and word not in out and _may_be_name(word)):
        return
    # The readings of the word and the next one only: over a whole sentence or step, the best
    # readings differ elsewhere and the word's own alternatives fall out of them.
    window = re.match(r"\S+\s*\S*", text[m.start:])
    span = window.group() if window else word
    best = None
    for morphs, score in readings(span):
        best = score if best is None else best
        inside = [x for x in morphs if x.start < len(word)]
        # A proper noun: not a dictionary noun ("원위치") nor an unknown compound ("이음부가": 이+음부).
        if (len(inside) == 1 and inside[0].tag == "NNP" and inside[0].end >= len(word)
                and best - score <= _ONE_NOUN_MARGIN):
            out.append(word)
            return


def _one_noun_best(text: str, word: str) -> bool:
    """Whether the analyser's best reading of `text` (starting with `word`) reads `word` as one
    dictionary noun or determiner-like word ("정비 기사님", "식당 이모", "손잡이가"), not a name."""
    found = readings(text, 1)
    if not found:
        return True
    inside = [x for x in found[0][0] if x.start < len(word)]
    return (len(inside) == 1 and inside[0].end == len(word) and inside[0].tag != "NNP"
            and not (inside[0].tag == "NNG" and inside[0].unknown))


def _proper_reading(text: str, word: str) -> bool:
    """Whether one of the analyser's best readings of `text` reads `word` (its start) as one proper
    noun, within `_ONE_NOUN_MARGIN` of the best, or the best one reads it as an unknown noun."""
    best = None
    for morphs, score in readings(text):
        best = score if best is None else best
        inside = [x for x in morphs if x.start < len(word)]
        if (len(inside) == 1 and inside[0].end >= len(word) and best - score <= _ONE_NOUN_MARGIN
                and (inside[0].tag == "NNP" or (inside[0].tag == "NNG" and inside[0].unknown))):
            return True
    return False


# What the analyser may split a two-syllable given name into, one syllable each ("흥석": 흥 NNG + 석
# MM): nouns, then determiners, numerals, adverbs, roots, interjections; not a verb and its ending
# ("오신").
_NAME_PIECE_TAGS = frozenset("NNG NNP NNB NR MM MAG XR IC XPN".split())


def _split_in_syllables(text: str, word: str) -> bool:
    """Whether the best reading of `text` splits `word` (its start) into one-syllable pieces tagged
    `_NAME_PIECE_TAGS`, as it splits a given name it does not know ("흥석": 흥+석)."""
    found = readings(text, 1)
    inside = [x for x in found[0][0] if x.start < len(word)] if found else []
    # A determiner or numeral first is a phrase ("이분 과장님": 이+분, "한두 기사": 한+두).
    return (len(inside) == len(word) and all(x.end - x.start == 1 and x.tag in _NAME_PIECE_TAGS for x in inside)
            and inside[-1].end == len(word) and inside[0].tag not in ("MM", "NR"))


def _add_bare_given(text: str, start: int, out: list[str]) -> None:
    """A two-syllable word of name syllables before a title ("준기 형님이", "흥석 삼촌이", "만옥
    어머님한테"), which the analyser splits or mistakes in context: a given name when, read with the
    title, it is one proper noun (or an unknown word) among the best readings or the best reading
    splits it into one-syllable nouns or determiners, and that reading is no dictionary word ("정비
    기사님", "식당 이모", "우리 형님")."""
    name = text[start:start + 2]
    if (name in out or not set(name) <= words("ko/given_syllables.txt") or name in _known_nouns()
            or name in words("ko/person_titles.txt")):
        return
    window = re.match(r"\S+\s*\S*", text[start:])
    span = window.group() if window else name
    if not _one_noun_best(span, name) and (_proper_reading(span, name) or _split_in_syllables(span, name)):
        out.append(name)


def _add_familiar_given(text: str, start: int, out: list[str]) -> None:
    """A two-syllable given name ending in a consonant, with the familiar suffix -이 and a particle
    ("삼식이가", "준혁이를"), which the analyser splits otherwise (삼+식이): not a dictionary noun
    ending in 이 ("손잡이가", "원숭이를")."""
    name = text[start:start + 2]
    if (name in out or not _has_coda(name[1]) or not set(name) <= words("ko/given_syllables.txt")
            or name in _known_nouns()):
        return
    window = re.match(r"\S+", text[start:])
    span = window.group() if window else name
    if not _one_noun_best(span, name + "이") and not _one_noun_best(span, name):
        out.append(name)


# Particles of a place ("공구대에 붙여요", "작업대에서"): an unknown word before one is a thing or a
# place, not a person (people take 에게, 한테).
_PLACE_PARTICLES = ("에서는", "에서도", "에서", "에는", "에도", "에")


def _place_particle_at(text: str, i: int) -> bool:
    """Whether a particle of a place starts at `i` and ends the word."""
    return any(text.startswith(p, i) and not _HANGUL.match(text[i + len(p):i + len(p) + 1])
               for p in _PLACE_PARTICLES)


def _particle_at(text: str, i: int) -> bool:
    """Whether a particle starts at `i` and ends a word ("가" of "탁민규가 봤어요", which the analyser
    may read as the verb 가다)."""
    for p in _particles_longest_first():
        if text.startswith(p, i):
            return not _HANGUL.match(text[i + len(p):i + len(p) + 1])
    return False


@lru_cache(maxsize=1)
def _particles_longest_first() -> tuple[str, ...]:
    return tuple(sorted(words("ko/particles.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _known_nouns() -> frozenset[str]:
    """Tool and plant nouns of the vocabulary, compact ("용접기"): never a person's name."""
    out = {"".join(spelling.split()) for row in table("ko/tools.txt") for spelling in row}
    return frozenset(out | words("ko/nouns.txt"))
