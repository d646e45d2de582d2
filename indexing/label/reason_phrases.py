"""Reason cue phrases per language: the data behind `indexing.label.reason`.

Plain data, one entry per language code, kept apart from the code so that it can
move behind the language seam (`indexing.lang.<code>`) as is. Each language has:

- `lead`: cues that open a reason sentence on their own ("Otherwise the bolt shears.");
  the whole sentence is the reason.
- `inner`: cues that start a reason clause inside a sentence ("… so that the die sits flat");
  the reason is the clause from the cue to the end of the sentence.
- `whole`: cues anywhere in the sentence that make the whole sentence the reason (languages
  where the reason comes before its marker, like Korean "~기 때문에").

Patterns are regular expressions, matched case-insensitively.
"""

from __future__ import annotations

REASON_PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "lead": (
            r"otherwise", r"or else", r"if (?:you )?(?:don't|do not)", r"the reason (?:is|being)",
            r"that'?s (?:why|because)", r"this is (?:why|because)", r"because", r"that way",
            r"this (?:way|stops|keeps|prevents|makes sure)", r"that (?:stops|keeps|prevents)",
            r"so that",
        ),
        "inner": (
            r"because", r"so that", r"so (?=(?:it|they|the|that|you|nothing|no)\b)",
            r"otherwise", r"or else", r"(?:in order )?to (?:avoid|prevent|stop|keep|make sure)",
            r"which (?:stops|keeps|prevents|means)", r"since (?=(?:it|they|the|a|an)\b)",
        ),
        "whole": (),
    },
    "ko": {
        "lead": (r"왜냐하면", r"그렇지 않으면", r"안 그러면", r"그래야", r"그러지 않으면", r"이유는"),
        "inner": (),
        "whole": (
            r"기 때문에", r"때문에", r"때문입니다", r"도록", r"지 않으면", r"않으면", r"위해서", r"위해",
            r"니까", r"그래야",
        ),
    },
}
