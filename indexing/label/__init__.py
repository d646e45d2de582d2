"""Labelling: titles, categories, tools, tips and warnings for proposed steps.

Pure Python and rule based (no models), so it runs in milliseconds and its
results are explainable to a reviewer.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from indexing.label.category import categorize
from indexing.label.notes import find_notes
from indexing.label.reason import find_reason
from indexing.label.tools import find_tools
from indexing.lang import language_for
from indexing.models import StepDraft

log = logging.getLogger(__name__)


def _merge(existing: list[str], found: list[str]) -> list[str]:
    out = list(existing)
    seen = {x.strip().lower() for x in existing}
    for item in found:
        if item.strip().lower() not in seen:
            seen.add(item.strip().lower())
            out.append(item)
    return out


def step_title(text: str, language: str = "en") -> str:
    """A short title for a step's narration in its language (see `indexing.lang`)."""
    return language_for(language).step_title(text)


def procedure_title(steps: Sequence[object], language: str = "en") -> str:
    """A procedure's title from its steps (objects with `text` and `title`), in their language."""
    return language_for(language).procedure_title(steps)


def label_steps(steps: list[StepDraft], *, glossary: Sequence[str] = (), language: str = "en") -> None:
    """Fill each step's title, category, tools, tips, warnings and reason in place.

    A step's title may read the previous step's ("Feel that?" after "Wipe the bolster plate").
    Tips and warnings already on a step (from markers) are kept first; found ones are added after.
    Every rule comes from the narration's language (`indexing.lang`); a language without rules of
    its own gets a first-words title and the glossary's terms as tools.

    Args:
        steps: Steps from the segmenter.
        glossary: The library's plant terms; they are recognised as tools/parts in any language.
        language: Narration language code.
    """
    lang = language_for(language)
    previous = ""
    for step in steps:
        step.title = lang.step_title(step.text, previous=previous)
        previous = step.title
        step.tools = lang.find_tools(step.text, glossary)
        step.category = lang.categorize(step.text, step.title)
        tips, warnings = lang.find_notes(step.text)
        step.tips = _merge(step.tips, tips)
        step.warnings = _merge(step.warnings, warnings)
        step.reason = find_reason(step.text, language)
        log.debug("step %d.%d: %r [%s] tools=%s", step.procedure_index, step.index, step.title,
                  step.category, step.tools)


__all__ = ["categorize", "find_notes", "find_reason", "find_tools", "label_steps", "procedure_title", "step_title"]
