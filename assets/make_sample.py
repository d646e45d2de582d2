"""Generate the sample recording "Die change on press 4" and its ground truth.

Writes, next to this script:
    sample/die_change.mp4          narrated, drawn video (H.264 + AAC, +faststart)
    sample/die_change.truth.json   script, exact speech span per step, labels
    sample/die_change.markers.json markers at the true step starts (the CLI's markers format)

Run with the project's interpreter (needs festival with the HTS voice festvox-us-slt-hts, numpy,
OpenCV, PyAV):
    python assets/make_sample.py [--out DIR]

The output is deterministic: same script, same voice, seeded noise and drawing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import (  # noqa: E402  (the helper sits beside this script)
    RATE,
    StepScript,
    Voice,
    encode_video,
    render_speech,
    room_tone,
    step_scene,
    truth_document,
    write_json,
)

TITLE = "Die change on press 4"
CATEGORY = "setup"
# A natural (HTS) voice: tiny.en misheard the espeak-ng voice this sample had first (WER 0.15),
# so the demo showed the voice's faults, not the product's. 175 wpm keeps it about two minutes.
VOICE = Voice(name="festival:cmu_us_slt_arctic_hts", wpm=175, gap=0.4)
SEED = 4

STEPS: list[StepScript] = [
    StepScript(
        parts=[
            "First, lock out press 4.",
            "Switch the main disconnect to off, hang your lockout padlock on the handle and clip your tag to it.",
            "Make sure the flywheel has stopped completely before you go any further.",
            "Never reach into the die area on somebody else's lock.",
        ],
        title="Lock out the press",
        category="safety",
        tools=["lockout padlock", "lockout tag"],
        tips=["Make sure the flywheel has stopped completely before you go any further."],
        warnings=["Never reach into the die area on somebody else's lock."],
        pause_after=1.8,
    ),
    StepScript(
        parts=[
            "Next, loosen the four clamp bolts with the 19 millimeter socket and the breaker bar.",
            "The trick is to crack each bolt a quarter turn first, working corner to corner, so the die settles evenly.",
            "Put the bolts in the tray. Do not leave them lying on the bolster.",
        ],
        title="Loosen and remove the clamp bolts",
        category="setup",
        tools=["19 mm socket", "breaker bar"],
        tips=[
            "The trick is to crack each bolt a quarter turn first, working corner to corner, so the die settles evenly."
        ],
        warnings=["Do not leave them lying on the bolster."],
        pause_after=2.5,
    ),
    StepScript(
        parts=[
            "The old die comes out with the hoist.",
            "Hook both lifting eyes, take up the slack, and lift it just clear of the bolster.",
            "If it sticks, use the pry bar in the slot at the back, never under the edge of the punch.",
            "Set it down on the wooden blocks, not on the floor.",
        ],
        title="Lift out the old die",
        category="setup",
        tools=["hoist", "pry bar", "wooden blocks"],
        tips=["Set it down on the wooden blocks, not on the floor."],
        warnings=["If it sticks, use the pry bar in the slot at the back, never under the edge of the punch."],
        pause_after=2.0,
    ),
    StepScript(
        parts=[
            "Now wipe the bolster plate with a clean rag and a little solvent.",
            "Any chip or slug left here will tilt the new die.",
            "Run your hand flat across the T slots.",
            2.5,
            "Feel that? It should be completely smooth, with no burrs at all.",
        ],
        title="Clean the bolster",
        category="cleanup",
        tools=["rag", "solvent"],
        tips=["Run your hand flat across the T slots.", "It should be completely smooth, with no burrs at all."],
        warnings=["Any chip or slug left here will tilt the new die."],
        pause_after=3.0,
    ),
    StepScript(
        parts=[
            "Bring the new die in on the hoist and lower it slowly onto the bolster.",
            "Line up the locating pin with the hole. You'll hear a click when it drops in.",
            "Check the gap with the feeler gauge at all four corners.",
            2.0,
            "If one corner is open, add a shim under it, but never stack more than two shims.",
        ],
        title="Place and align the new die",
        category="adjustment",
        tools=["hoist", "locating pin", "feeler gauge", "shims"],
        tips=["You'll hear a click when it drops in."],
        warnings=["If one corner is open, add a shim under it, but never stack more than two shims."],
        pause_after=1.6,
    ),
    StepScript(
        parts=[
            # 90, not 80: this voice's "eighty" is heard as "eighteen" by tiny.en.
            "Once that's done, torque the clamp bolts to 90 newton meters with the torque wrench, again corner to corner.",
            "Make sure the wrench clicks on every bolt.",
            "Do not use the impact gun here, it stretches the bolts.",
        ],
        title="Torque the clamp bolts",
        category="adjustment",
        tools=["torque wrench", "19 mm socket"],
        tips=["Make sure the wrench clicks on every bolt."],
        warnings=["Do not use the impact gun here, it stretches the bolts."],
        pause_after=2.2,
    ),
    StepScript(
        parts=[
            "Then take off your padlock and tag, and run one test stroke in inch mode.",
            "Watch the ram all the way down and listen. A good stroke sounds like one dull thud.",
            "If you hear scraping, stop, and check the alignment again.",
        ],
        title="Run a test stroke",
        category="inspection",
        tools=["lockout padlock"],
        tips=["A good stroke sounds like one dull thud."],
        warnings=["If you hear scraping, stop, and check the alignment again."],
    ),
]

# One background colour (BGR) per step so each step looks different.
PALETTE = [(40, 40, 150), (120, 90, 40), (60, 110, 60), (150, 150, 150), (110, 60, 120), (40, 120, 140), (90, 90, 30)]


def scene_changes(spans: list[dict[str, float]]) -> list[float]:
    """Where the picture switches to the next step: 0.6 s before its speech, never before the last word."""
    out = [0.0]
    for prev, cur in zip(spans, spans[1:], strict=False):
        out.append(round(max(prev["end"] + 0.1, cur["start"] - 0.6), 3))
    return out


def generate(out_dir: Path) -> dict:
    """Render the sample into `out_dir`; return the truth document."""
    out_dir.mkdir(parents=True, exist_ok=True)
    speech, spans, inner = render_speech(STEPS, VOICE, lead_in=1.0, tail=1.5)
    rng = np.random.default_rng(SEED)
    audio = speech + room_tone(speech.size, rng)
    duration = audio.size / RATE
    changes = scene_changes(spans)
    media = out_dir / "die_change.mp4"
    encode_video(media, audio, step_scene(PALETTE, SEED), changes, size=(960, 540), fps=15, crf=30, label="PRESS 4")
    truth = truth_document(
        media=media.name,
        title=TITLE,
        category=CATEGORY,
        steps=STEPS,
        spans=spans,
        inner_pauses=inner,
        duration=duration,
        voice=VOICE,
        extra={"workstation": "press 4", "scene_changes": changes, "licence": "CC0-1.0 (generated)"},
    )
    write_json(out_dir / "die_change.truth.json", truth)
    write_json(out_dir / "die_change.markers.json", [{"t": s["start"], "kind": "step", "note": ""} for s in spans])
    return truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "sample")
    args = parser.parse_args(argv)
    truth = generate(args.out)
    size = (args.out / "die_change.mp4").stat().st_size
    print(f"wrote {args.out / 'die_change.mp4'}: {truth['duration']:.1f} s, {len(truth['steps'])} steps, {size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
