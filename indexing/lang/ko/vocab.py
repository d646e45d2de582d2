"""Korean tools and parts (`tools.txt`), glossary terms, and the regex shape Korean words need.

A Korean word carries its particles ("토크 렌치로", "소켓을"), and compound
nouns are written with or without spaces ("토크렌치"): a name matches with
optional spaces inside, a clean left edge, and only particles after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from indexing.lang.data import table, words

_SIZE = r"(?:(?P<size>\d+(?:\.\d+)?)\s*(?P<unit>mm|밀리미터|밀리|미리|인치)\s*)?"
_UNITS = {"mm": "mm", "밀리미터": "mm", "밀리": "mm", "미리": "mm", "인치": "in"}
# Metric fasteners said with their size: "M12 볼트", "M6 너트", "M8x1.25 나사".
_METRIC = re.compile(r"(?<![\w])(?P<size>M\d+(?:\.\d+)?(?:\s*[xX×]\s*\d+(?:\.\d+)?)?)\s*"
                     r"(?P<part>볼트|너트|나사|스크류|탭)")
# A container said with its volume (t24): "20리터 말통", "10리터 폐유 통", "500cc 계량컵", "4리터 오일 캔";
# the container word (`containers.txt`) counts only with a volume, a plain noun between says what it holds.
_VOLUME = r"(?<![\w])(?P<size>\d+(?:\.\d+)?\s*(?:리터|밀리리터|cc|씨씨|ml|mL|L))\s*(?:(?P<noun>[가-힣]{1,4})\s)?"


@lru_cache(maxsize=1)
def _particles() -> str:
    found = sorted(words("ko/particles.txt"), key=len, reverse=True)
    return "|".join(re.escape(p) for p in found)


def term_regex(phrase: str, *, particles: bool = True) -> str:
    """Regex source for a name, tool or term inside Korean (or mixed) text.

    Args:
        phrase: The name as spelled ("토크 렌치", "PX-4471").
        particles: Require the word to end there or continue only with particles; without it,
            anything may follow (redaction masks the name and leaves the ending).
    """
    parts = [re.escape(w) for w in phrase.split()]
    body = r"\s*".join(parts)
    right = rf"(?=(?:{_particles()})?(?![\w]))" if particles else ""
    return rf"(?<![\w]){body}{right}"


def _as_said(spelling: str, canonical: str) -> str:
    """The name a step shows: what was said ("솔", "웨스", "나무 주걱"), with the vocabulary's spacing;
    the canonical name where the spelling only spaces it otherwise ("토크렌치") or clips it ("몽키")."""
    if "".join(spelling.split()) == "".join(canonical.split()) or canonical.startswith(spelling + " "):
        return canonical
    return spelling


@lru_cache(maxsize=1)
def _canonical_of() -> dict[str, str]:
    """Compact spelling -> the canonical name of its row in `tools.txt`."""
    out: dict[str, str] = {}
    for row in table("ko/tools.txt"):
        for spelling in row:
            out.setdefault("".join(spelling.split()).casefold(), row[0])
    return out


@lru_cache(maxsize=1)
def _tool_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    canonical: dict[str, str] = {}
    for row in table("ko/tools.txt"):
        for spelling in row:
            canonical.setdefault("".join(spelling.split()).casefold(), _as_said(spelling, row[0]))
    spellings = sorted(canonical, key=len, reverse=True)
    alts = "|".join(r"\s*".join(re.escape(ch) for ch in s) if len(s) > 1 else re.escape(s) for s in spellings)
    pat = re.compile(rf"(?<![\w]){_SIZE}(?P<name>{alts})(?=(?:{_particles()})?(?![\w]))", re.IGNORECASE)
    return pat, canonical


@lru_cache(maxsize=1)
def _volume_pattern() -> re.Pattern[str]:
    heads = sorted(words("ko/containers.txt"), key=len, reverse=True)
    return re.compile(rf"{_VOLUME}(?P<name>{'|'.join(re.escape(h) for h in heads)})(?=(?:{_particles()})?(?![\w]))")


@lru_cache(maxsize=1)
def _bound_pattern() -> re.Pattern[str]:
    heads = sorted(words("ko/bound_tool_heads.txt"), key=len, reverse=True)
    return re.compile(rf"(?<![\w])(?P<name>{'|'.join(re.escape(h) for h in heads)})(?=(?:{_particles()})?(?![\w]))")


@lru_cache(maxsize=1)
def _measure_pattern() -> re.Pattern[str]:
    """"풍속계", "절연 저항계": a quantity of `measures.txt` and 계, an instrument that measures it."""
    found = sorted(words("ko/measures.txt"), key=len, reverse=True)
    alts = "|".join(re.escape(q) for q in found)
    return re.compile(rf"(?<![\w])(?P<name>(?:{alts})\s?계)(?=(?:{_particles()})?(?![\w]))")


_MATERIAL_SYLLABLES = frozenset("철 쇠 동 납 천 솜 돌 털".split())


def _plain_noun_before(text: str, at: int) -> str:
    """The word right before `at` (one space between) when it is a bare noun ("나무" in "나무 막대로")."""
    from indexing.lang.ko.analyser import analyse

    found = re.search(r"(?<![\w])([가-힣]{1,4})\s$", text[:at])
    if not found:
        return ""
    if len(found.group(1)) == 1:
        # One syllable alone is too often a determiner or "new"/"old" (새, 헌): only materials count.
        return found.group(1) if found.group(1) in _MATERIAL_SYLLABLES else ""
    ms = analyse(found.group(1))
    return found.group(1) if ms and all(m.tag in ("NNG", "NNP") for m in ms) else ""


_PLACE_PARTICLE = re.compile(r"(?:으로는|로는|으로|로|에다가|에다|에)(?![가-힣])")
_OBJECT_PARTICLE = re.compile(r"(?:을|를)\s+")


def _used_here(text: str, end: int) -> bool:
    """Whether a word of `worked_on.txt` that ends at `end` is used in the step rather than worked on:
    an instrument or place particle follows ("냄비에 물을 받고", "지게차로 옮깁니다"), or an object
    particle and then a verb of use or placing ("기름받이를 받쳐 둬요", not "토치를 식힙니다")."""
    from indexing.lang.ko.analyser import analyse

    rest = text[end:]
    if _PLACE_PARTICLE.match(rest):
        return True
    found = _OBJECT_PARTICLE.match(rest)
    if not found:
        return False
    clause = re.split(r"[.?!,]", rest[found.end():], maxsplit=1)[0]
    for k, m in enumerate(ms := analyse(clause)):
        if m.tag == "VV" or (m.tag == "NNG" and k + 1 < len(ms) and ms[k + 1].tag == "XSV"):
            return m.form in words("ko/use_verbs.txt")
    return False


def _device_noun(form: str, tag: str) -> bool:
    """A device noun: one of `instrument_nouns.txt`, or an action noun and 기 ("세척기", "압착기")."""
    from indexing.lang.ko.analyser import analyse

    if tag == "NNG" and form in words("ko/instrument_nouns.txt"):
        return True
    if tag == "NNG" and len(form) >= 3 and form.endswith("기"):
        ms = analyse(form[:-1])
        return len(ms) == 1 and ms[0].tag == "NNG" and len(ms[0].form) >= 2
    return False


def _instruments(text: str) -> list[tuple[int, int, str]]:
    """Device nouns said with the instrument particle 로/으로 and a verb ("순환 펌프로 돌립니다"),
    with a bare noun right before them that says which; "…로 된" (made of) is no use."""
    from indexing.lang.ko.analyser import analyse

    ms = analyse(text)
    out: list[tuple[int, int, str]] = []
    for i, m in enumerate(ms):
        if i + 2 >= len(ms) or ms[i + 1].tag != "JKB" or ms[i + 1].form not in ("로", "으로"):
            continue
        nxt = ms[i + 2]
        if nxt.tag not in ("VV", "VV-R", "VV-I", "NNG") or nxt.form == "되":
            continue
        end = m.end
        if m.tag == "XSN" and m.form == "기" and i >= 1 and ms[i - 1].tag == "NNG" and ms[i - 1].end == m.start:
            start, i0 = ms[i - 1].start, i - 1
        elif _device_noun(m.form, m.tag):
            start, i0 = m.start, i
        else:
            continue
        if i0 >= 1 and ms[i0 - 1].tag in ("NNG", "NNP") and ms[i0 - 1].end == start - 1 and len(ms[i0 - 1].form) >= 2:
            start = ms[i0 - 1].start
        out.append((start, end, text[start:end]))
    return out


# "…로 쑤시면 … 절대 쓰면 안 됩니다": a tool the narration says not to use.
_DONT_USE = re.compile(r"(?:쓰|사용하|사용을 하)(?:면|시면|지\s?마|지\s?말|지\s?않도록)(?:\s?안\s?[돼되됩])?")


def _not_to_use(text: str, end: int) -> bool:
    """Whether the tool word ending at `end`, with 로/으로, 을/를 or 은/는, is one the rest of its sentence
    says not to use ("쇠로 된 드라이버로 쑤시면 노즐이 긁히니까 절대 쓰면 안 됩니다")."""
    if not re.match(r"(?:으로|로|을|를|은|는)(?![가-힣])", text[end:]):
        return False
    if re.match(r"(?:으로|로)\s+(?:\S+\s)?\S+지\s?(?:마|말)", text[end:]):
        return True  # "테이프로 고정하지 마세요": the tool of a banned action (t24)
    rest = re.split(r"[.?!]", text[end:], maxsplit=1)[0]
    other = _tool_pattern()[0].search(rest)
    rest = rest[:other.start()] if other else rest  # "토크 렌치로 조이고 임팩트는 쓰지 마세요": 임팩트's
    found = _DONT_USE.search(rest)
    return bool(found and (found.group(0).endswith(("마", "말", "않도록")) or re.search(r"안\s?[돼되됩]", found.group(0))))


def find_tools(text: str, glossary: Sequence[str] = ()) -> list[str]:
    """Tools and parts in Korean narration: glossary terms as spelled there, then the vocabulary.

    Args:
        text: Narration.
        glossary: Plant terms (any language).

    A machine, container or document of `worked_on.txt` counts only where the step uses it
    (`_used_here`), a tool the sentence says not to use not at all (`_not_to_use`); "<quantity>계"
    (`measures.txt`) and a device noun with 로/으로 (`_instruments`) count without a vocabulary row.

    Returns:
        Names as said ("솔", "나무 주걱"; one thing said two ways is shown by its canonical name), in
        order of mention, with a size when one is said ("19mm 소켓"); a bare tool is dropped when the
        same tool is also mentioned with a size.
    """
    mentions: list[tuple[int, int, str]] = []
    for term in glossary:
        term = term.strip()
        if term:
            for m in re.finditer(term_regex(term), text, re.IGNORECASE):
                mentions.append((m.start(), m.end(), term))
    for m in _METRIC.finditer(text):
        mentions.append((m.start(), m.end(), f"{''.join(m.group('size').split())} {m.group('part')}"))
    for m in _volume_pattern().finditer(text):
        what = f"{m.group('noun')} " if m.group("noun") else ""
        mentions.append((m.start(), m.end(), f"{''.join(m.group('size').split())} {what}{m.group('name')}"))
    spans = list(mentions)
    pat, canonical = _tool_pattern()
    plain_of: dict[int, str] = {}  # start of a bare vocabulary mention -> its canonical name
    for m in pat.finditer(text):
        if any(s <= m.start("name") < e or m.start("name") <= s < m.end() for s, e, _ in spans):
            continue
        name = canonical["".join(m.group("name").split()).casefold()]
        if (not m.group("size") and _canonical_of()["".join(m.group("name").split()).casefold()]
                in words("ko/worked_on.txt") and not _used_here(text, m.end("name"))):
            continue  # "토치 캡을 열고", "솥을 씻고": the thing worked on, not a tool
        if _not_to_use(text, m.end("name")):
            continue
        plain_of[m.start()] = _canonical_of()["".join(m.group("name").split()).casefold()]
        # The word after a bare tool word, when no particle ends the tool word ("클램프 볼트", not "기름받이부터").
        head = None if re.match(rf"(?:{_particles()})(?![\w])", text[m.end("name"):]) else \
            re.match(r"\s*([가-힣]+)", text[m.end():])
        if " " not in name and not m.group("size") and head and any(
                head.group(1).startswith(h) for h in words("ko/part_heads.txt")):
            continue  # "클램프 볼트": the tool word only names the part
        start = m.start()
        if m.group("size"):
            name = f"{m.group('size')}{_UNITS[m.group('unit')]} {name}"
        elif "".join(m.group("name").split()) in words("ko/tool_heads.txt"):
            before = _plain_noun_before(text, m.start())
            if before:
                name, start = f"{before} {m.group('name').strip()}", m.start() - len(before) - 1
        mentions.append((start, m.end(), name))
    for m in _measure_pattern().finditer(text):
        if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _ in mentions):
            mentions.append((m.start(), m.end(), m.group("name")))
    for start, end, name in _instruments(text):
        if not any(s <= start < e or start <= s < end for s, e, _ in mentions):
            mentions.append((start, end, name))
    for m in _bound_pattern().finditer(text):
        # "구리 봉", "황동 봉": a word that is a tool only with a plain noun that says which.
        before = _plain_noun_before(text, m.start())
        if before and not any(s <= m.start() < e for s, e, _ in mentions):
            mentions.append((m.start() - len(before) - 1, m.end(), f"{before} {m.group('name')}"))
    mentions.sort(key=lambda x: (x[0], -x[1]))
    # A mention inside a longer one ("오븐" in "오븐 장갑") is a word of that name, not a tool.
    mentions = [x for x in mentions if not any(o is not x and o[0] <= x[0] and x[1] <= o[1] and o[1] - o[0] > x[1] - x[0]
                                               for o in mentions)]
    # One thing said two ways ("잠금장치를 겁니다. 자물쇠에 …") is shown once, by its canonical name.
    said: dict[str, set[str]] = {}
    for start, _, name in mentions:
        if start in plain_of:
            said.setdefault(plain_of[start], set()).add(name)
    mentions = [(s0, e0, plain_of[s0] if s0 in plain_of and len(said[plain_of[s0]]) > 1 else n0)
                for s0, e0, n0 in mentions]
    names: list[str] = []
    for _, _, name in mentions:
        if name.casefold() not in (n.casefold() for n in names):
            names.append(name)
    glossary_names = {t.strip().casefold() for t in glossary}

    def covered(name: str) -> bool:
        if name.casefold() in glossary_names:
            return False
        return any(o != name and o.endswith(" " + name) for o in names)

    return [n for n in names if not covered(n)]
