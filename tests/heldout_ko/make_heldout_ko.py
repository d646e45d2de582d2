"""Write the Korean held-out set: per procedure a small video, its SRT transcript and a truth file.

Cue times come from a speaking rate (syllables per second) so that the truth
is exact; the audio is a quiet room-tone bed (the SRT carries the words, as for
the Korean sample). "fixed" procedures are one static view, "steps" ones change
the picture 0.6 s before each step's first word.

    python tests/heldout_ko/make_heldout_ko.py --out DIR [--split tune|test|test2|test3|test4|test5|test6|all]

The tune split (`scripts_ko.py`, `scripts_ko_tune_more.py`, `scripts_ko_tune_l15.py`) is what rules may be tuned on; the test split (`scripts_ko_test.py`)
is only measured. The test2 split (`scripts_ko_test2.py`, a third author), the test3 split
(`scripts_ko_test3.py`, a fourth author), the test4 split (`scripts_ko_test4.py`, a fifth author)
and the test5 split (`scripts_ko_test5.py`, a sixth author) were blind ones, each scored once, and are
tuning material now; the test6 split (`scripts_ko_test6.py`, a seventh author) is the blind one;
"all" is tune and test, as before test2 existed, so their files and figures do not change.
Each truth file says its split in "part".
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
ASSETS = HERE.parents[1] / "assets"
for p in (str(HERE), str(ASSETS)):
    if p not in sys.path:
        sys.path.insert(0, p)

from scripts_ko import PROCEDURES, KoProcedure  # noqa: E402
from scripts_ko_test import TEST_PROCEDURES  # noqa: E402
from scripts_ko_test2 import TEST2_PROCEDURES  # noqa: E402
from scripts_ko_test3 import TEST3_PROCEDURES  # noqa: E402
from scripts_ko_test4 import TEST4_PROCEDURES  # noqa: E402
from scripts_ko_test5 import TEST5_PROCEDURES  # noqa: E402
from scripts_ko_test6 import TEST6_PROCEDURES  # noqa: E402
from scripts_ko_tune_l15 import L15_TUNE_PROCEDURES  # noqa: E402
from scripts_ko_tune_more import MORE_TUNE_PROCEDURES  # noqa: E402
from synth import RATE, encode_video, fixed_scene, room_tone, step_scene  # noqa: E402

SYLLABLES_PER_SECOND = 5.5
GAP = 0.45  # between sentences
LEAD_IN = 1.0
TAIL = 1.5
SPLITS = ("tune", "test", "test2", "test3", "test4", "test5", "test6", "all")
PALETTE = [(40, 40, 150), (120, 90, 40), (60, 110, 60), (150, 150, 150), (110, 60, 120)]


def _stamp(t: float) -> str:
    ms = int(round(t * 1000))
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def timeline(proc: KoProcedure) -> tuple[list[tuple[float, float, str]], dict[str, Any]]:
    """Cues (start, end, sentence) and the truth document of one procedure."""
    t = LEAD_IN
    cues: list[tuple[float, float, str]] = []
    steps: list[dict[str, Any]] = []
    for i, step in enumerate(proc.steps):
        first = last = None
        tips: list[str] = []
        warnings: list[str] = []
        prev_speech = False
        for part in step.parts:
            if isinstance(part, float):
                t += part
                prev_speech = False
                continue
            text = part
            if text.startswith("tip:"):
                text = text[4:]
                tips.append(text)
            elif text.startswith("warn:"):
                text = text[5:]
                warnings.append(text)
            if prev_speech:
                t += GAP
            dur = round(len(text.replace(" ", "")) / SYLLABLES_PER_SECOND + 0.2, 3)
            cues.append((round(t, 3), round(t + dur, 3), text))
            first = t if first is None else first
            t += dur
            last = t
            prev_speech = True
        assert first is not None and last is not None
        steps.append({"index": i, "start": round(first, 3), "end": round(last, 3),
                      "text": " ".join(c[2] for c in cues if first <= c[0] < last + 0.01),
                      "tools": step.tools, "tips": tips, "warnings": warnings, "question": step.question})
        t += TAIL if i == len(proc.steps) - 1 else proc.pauses[i]
    truth = {"name": proc.name, "title": proc.title, "expert": proc.expert, "workstation": proc.workstation,
             "scene": proc.scene, "duration": round(t, 3), "language": "ko", "people": [proc.expert, *proc.people],
             "confidential": proc.confidential, "part": proc.part, "steps": steps}
    return cues, truth


def procedures(split: str = "all") -> list[tuple[int, KoProcedure]]:
    """(seed, procedure) of one split ("tune", "test", "test2" to "test6" or "all" = tune and test).

    Seeds do not depend on the split; test2, test3, test4, test5 and then test6 come last, so the seeds of the
    other splits are those they had before these existed."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    every = list(enumerate([*PROCEDURES, *TEST_PROCEDURES, *MORE_TUNE_PROCEDURES, *L15_TUNE_PROCEDURES,
                            *TEST2_PROCEDURES, *TEST3_PROCEDURES, *TEST4_PROCEDURES,
                            *TEST5_PROCEDURES, *TEST6_PROCEDURES]))
    return [(n, p) for n, p in every if p.part == split or (split == "all" and p.part in ("tune", "test"))]


def generate(out: Path, split: str = "all") -> list[dict[str, Any]]:
    """Write every procedure of `split` into `out`; return the truth documents."""
    out.mkdir(parents=True, exist_ok=True)
    truths = []
    for n, proc in procedures(split):
        cues, truth = timeline(proc)
        audio = room_tone(int(truth["duration"] * RATE), np.random.default_rng(n), level=0.01)
        starts = [0.0] + [max(a["end"] + 0.1, b["start"] - 0.6) for a, b in zip(truth["steps"], truth["steps"][1:],
                                                                               strict=False)]
        scene = fixed_scene(n) if proc.scene == "fixed" else step_scene(PALETTE, n)
        encode_video(out / f"{proc.name}.mp4", audio, scene, starts, size=(320, 180), fps=5, crf=34)
        (out / f"{proc.name}.srt").write_text(
            "".join(f"{i}\n{_stamp(a)} --> {_stamp(b)}\n{text}\n\n" for i, (a, b, text) in enumerate(cues, 1)),
            encoding="utf-8")
        (out / f"{proc.name}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n",
                                                      encoding="utf-8")
        truths.append(truth)
    return truths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--split", choices=SPLITS, default="all")
    args = parser.parse_args(argv)
    truths = generate(args.out, args.split)
    print(f"wrote {len(truths)} procedures, {sum(len(t['steps']) for t in truths)} steps to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
