"""The shape of a held-out recording's script (shared by `scripts_a`, `scripts_b` and `make_heldout`)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[2] / "assets"
if str(ASSETS) not in sys.path:
    sys.path.insert(0, str(ASSETS))

from synth import StepScript  # noqa: E402  (assets/synth.py, the generator helpers)


@dataclass
class Recording:
    """One held-out recording to generate.

    Attributes:
        name: File stem.
        ext: Container: mp4, mkv (video) or wav, mp3 (audio only).
        domain: repair, maintenance or kitchen.
        title: The procedure's name.
        category: Overall category (one of `indexing.models.CATEGORIES`).
        voice: (espeak-ng voice[+variant] or "festival:<voice>", words per minute, gap between sentences in seconds).
        scene: "steps" (a new scene per step), "fixed" (one static view) or None (audio only).
        noise: RMS of mixed-in machine noise, 0 for none (speech peaks at 0.7).
        pauses: Silence after each step but the last, in seconds.
        steps: The script.
        part: "tune" (may be used to fit the segmenter) or "test" (figures only); empty: by script file.
    """

    name: str
    ext: str
    domain: str
    title: str
    category: str
    voice: tuple[str, int, float]
    scene: str | None
    noise: float
    pauses: list[float]
    steps: list[StepScript] = field(default_factory=list)
    part: str = ""

    def __post_init__(self) -> None:
        if len(self.pauses) != len(self.steps) - 1:
            raise ValueError(f"{self.name}: {len(self.steps)} steps need {len(self.steps) - 1} pauses")
        for step, pause in zip(self.steps, self.pauses, strict=False):
            step.pause_after = pause


def st(title: str, category: str, parts: list[str | float], tools: list[str], d: str) -> StepScript:
    """Build a step; parts prefixed "tip:" or "warn:" are spoken without the prefix and recorded as such."""
    spoken: list[str | float] = []
    tips: list[str] = []
    warnings: list[str] = []
    for p in parts:
        if isinstance(p, str) and p.startswith("tip:"):
            p = p[4:]
            tips.append(p)
        elif isinstance(p, str) and p.startswith("warn:"):
            p = p[5:]
            warnings.append(p)
        spoken.append(p)
    return StepScript(parts=spoken, title=title, category=category, tools=list(tools), tips=tips,
                      warnings=warnings, description=d)
