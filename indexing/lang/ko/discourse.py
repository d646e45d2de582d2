"""How a Korean sentence hangs on the one before it (the learned boundary scorer's context evidence).

A step's narration goes back to what it was just talking about; a new step does not. Two signs, read
with Kiwi's morphemes, that a sentence carries on the previous one even after a long pause (z26,
counted on the six Korean tuning splits, every sentence after a session's first):

- its topic is a noun of the previous sentence: the nouns before a topic particle 은/는 that comes
  before the first verb ("육각 렌치로 인서트 나사를 풉니다." -> "나사는 반 바퀴만 풀어도 …",
  "… 압력도 새로 맞춰 줘야 돼요." after "금형이 바뀌면 무게가 …" -> "금형 무게는 …"): 38 sentences,
  none starts a step (the topic of the sentence before that, or any shared noun, is no such sign:
  3 and 38 starts);
- the previous sentence ends on the connective "-고" with 요 ("…원점으로 보내고요."): 10 sentences,
  none starts a step.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from indexing.lang.ko.analyser import Morph, analyse

# Morpheme tags of the nouns compared (Latin-letter words: model names, "TCP").
_NOUNS = frozenset(("NNG", "NNP", "SL"))
# What may sit inside a noun phrase before its particle ("첫 제품 세 개는", "HS-412 금형은").
_IN_PHRASE = _NOUNS | {"NNB", "XSN", "SN", "MM", "SO"}
# A topic particle; the first verb or ending closes the opening where a topic may stand.
_TOPIC = frozenset(("은", "는"))
_VERBAL = frozenset(("VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA", "EC", "EF"))
_AND_SO_ON = re.compile(r"고요[.!]?\s*$")


def nouns(ms: Sequence[Morph]) -> set[str]:
    """The nouns of a sentence worth comparing: common and proper nouns of two syllables or more
    (one-syllable nouns, 날 or 끝, name too many things) and Latin-letter words."""
    return {m.form for m in ms if (m.tag in _NOUNS and len(m.form) > 1) or m.tag == "SL"}


def topic_nouns(ms: Sequence[Morph]) -> set[str]:
    """The nouns of the phrase before a topic particle 은/는 ahead of the sentence's first verb
    ("금형 무게는 …" -> {"금형", "무게"}); empty when the opening has no topic."""
    for k, m in enumerate(ms):
        if m.tag in _VERBAL:
            return set()
        if m.tag == "JX" and m.form in _TOPIC:
            out: set[str] = set()
            j = k - 1
            while j >= 0 and ms[j].tag in _IN_PHRASE:
                if ms[j].tag in _NOUNS:
                    out.add(ms[j].form)
                j -= 1
            return out
    return set()


def carries_on(previous: str, sentence: str) -> bool:
    """Whether `sentence` goes on with what `previous` was saying: its topic is a noun of `previous`,
    or `previous` ends on "-고요" (see the module docstring)."""
    if _AND_SO_ON.search(previous.strip()):
        return True
    topic = topic_nouns(analyse(sentence))
    return bool(topic and topic & nouns(analyse(previous)))
