"""Korean step titles as verb-noun forms: "클램프 볼트를 19mm 소켓으로 풉니다" -> "클램프 볼트 풀기".

The title is the object noun phrase (before 을/를, or the topic before 은/는
when there is no object) and the main verb's stem plus the nominal ending 기.
Verbs that only modify a noun ("풀 때", "분해된 부품"), conditions ("풀면"),
prohibitions ("넣지 마세요") and auxiliaries ("풀어 주세요": 주) are not the
action.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from indexing.lang.ko.analyser import Morph, analyse

NOUN = frozenset("NNG NNP SL SH SN XR".split())
# Inside a noun phrase but not part of the title ("볼트 네 개를", "이 커버를", "볼트들을").
TRANSPARENT = frozenset("NR NNB MM XSN XPN SO SW".split())  # (XSN/SO glue onto a noun they touch)
CONDITIONAL = frozenset("면 으면 거든 다면 으려면 려면 도록".split())
NEGATORS = frozenset("말 않 못".split())
MAX_OBJECT_WORDS = 3


@dataclass(frozen=True)
class Action:
    """The action found in a sentence: title, whether its object is a pronoun ("그걸"), and a condition."""

    title: str
    anaphoric: bool = False
    conditional: bool = False


def _glue(morphs: Sequence[Morph]) -> list[str]:
    """Noun morphemes as words: morphemes written together ("19mm", "토크렌치") stay together."""
    out: list[str] = []
    prev_end = -2
    for m in morphs:
        if out and m.start == prev_end:
            out[-1] += m.form
        else:
            out.append(m.form)
        prev_end = m.end
    return out


def _verb_at(ms: Sequence[Morph], i: int, nouns: list[Morph]) -> tuple[str, int, list[Morph]]:
    """The verb stem starting at i (with a serial verb: "들어 올리"), the index after it, nouns left."""
    m = ms[i]
    if m.tag == "XSV":
        if not nouns:
            return "", i + 1, nouns
        stem, nouns = nouns[-1].form + m.form, nouns[:-1]  # 준비 + 하
    else:
        stem = m.form
    j = i + 1
    while j + 1 < len(ms) and ms[j].tag == "EC" and ms[j].form in ("어", "아") and ms[j + 1].tag == "VV":
        stem = f"{stem}{ms[j].form} {ms[j + 1].form}"
        j += 2
    return stem, j, nouns


def find_action(sentence: str, *, allow_modifier: bool = False) -> Action | None:
    """The first action on a named thing in a sentence, or None.

    Args:
        sentence: One sentence.
        allow_modifier: Also take a verb that modifies a noun ("교체하는 방법"), for goals.
    """
    ms = analyse(sentence)
    nouns: list[Morph] = []
    obj: list[Morph] | None = None
    topic: list[Morph] | None = None
    anaphoric = False
    fallback: Action | None = None
    i = 0
    while i < len(ms):
        m = ms[i]
        if m.tag in NOUN:
            nouns.append(m)
        elif m.tag in ("XSN", "SO", "SW") and nouns and m.start == nouns[-1].end:
            nouns.append(m)  # a suffix written onto its noun: 금+형, 조금+씩
        elif m.tag in TRANSPARENT:
            pass
        elif m.tag == "NP":
            nouns, anaphoric = [], True
        elif m.tag == "JKO":
            if nouns:
                obj, nouns = list(nouns), []
        elif m.tag == "JX" and nouns and obj is None:
            topic, nouns = list(nouns), []
        elif m.tag in ("VV", "XSV") and not (m.tag == "XSV" and m.form in ("되", "당하", "받")):
            stem, j, rest = _verb_at(ms, i, nouns)
            nxt = ms[j] if j < len(ms) else None
            after = ms[j + 1] if j + 1 < len(ms) else None
            negated = nxt is not None and nxt.form == "지" and after is not None and after.form in NEGATORS
            modifier = nxt is not None and nxt.tag == "ETM"
            thing = obj or topic or (rest if m.tag == "XSV" else None)
            if m.tag == "XSV" and not thing and stem:
                thing, stem = [Morph(stem[:-1], "NNG", -9, -9)], stem[-1]  # 청소하 -> 청소 + 하
            if stem and thing and not negated and (allow_modifier or not modifier):
                words = _glue(thing)[-MAX_OBJECT_WORDS:]
                # "작업을 합니다" -> "작업하기": the light verb 하 joins its noun.
                title = " ".join(words) + ("하기" if stem == "하" else f" {stem}기")
                conditional = nxt is not None and nxt.tag == "EC" and nxt.form in CONDITIONAL
                act = Action(title, anaphoric=anaphoric and not obj, conditional=conditional)
                if not conditional:
                    return act
                fallback = fallback or act
            elif stem and anaphoric and not negated and not modifier and obj is None:
                return Action(stem + "기", anaphoric=True)
            nouns, obj, topic, anaphoric = [], None, None, False
            i = j
            continue
        else:
            nouns = []
        i += 1
    return fallback
