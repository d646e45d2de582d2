"""Generate the held-out evaluation set (narrated repair, maintenance and kitchen procedures).

Unlike the committed sample, these recordings use other texts, voices, speeds, pacing, fixed or
per-step cameras, background machine noise, audio-only containers, and no markers. Two decoys hold
no speech at all (silence, machine noise). Every recording gets `<name>.truth.json` (the sample's
schema plus a trainee-style `description` per step) and the set gets `manifest.json`.

    python tests/heldout/make_heldout.py [--out tests/.heldout] [--only NAME] [--keep] [--set D]

`--set D` renders only the blind test part D (`scripts_d`) and writes its own `manifest_d.json`;
the recordings of parts A-C and `manifest.json` are left as they are. `--set E` does the same for
part E (`scripts_e`, `manifest_e.json`), `--set F` for part F (`scripts_f`, `manifest_f.json`) and
`--set G` for part G (`scripts_g`, `manifest_g.json`, seeds from 401), `--set H` for part H
(`scripts_h`, `manifest_h.json`, seeds from 501) and `--set I` for part I (`scripts_i`,
`manifest_i.json`, seeds from 601).

Deterministic: fixed scripts, seeded noise and drawing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from heldout_types import Recording  # noqa: E402
from scripts_a import RECORDINGS_A  # noqa: E402
from scripts_b import RECORDINGS_B  # noqa: E402
from scripts_c import RECORDINGS_C  # noqa: E402
from scripts_d import RECORDINGS_D  # noqa: E402
from scripts_e import RECORDINGS_E  # noqa: E402
from scripts_f import RECORDINGS_F  # noqa: E402
from scripts_g import RECORDINGS_G  # noqa: E402
from scripts_h import RECORDINGS_H  # noqa: E402
from scripts_i import RECORDINGS_I  # noqa: E402
from synth import (  # noqa: E402
    RATE,
    Voice,
    encode_audio,
    encode_video,
    fixed_scene,
    machine_noise,
    render_speech,
    room_tone,
    step_scene,
    truth_document,
    write_json,
)

RECORDINGS: list[Recording] = RECORDINGS_A + RECORDINGS_B + RECORDINGS_C
# Later parts, each generated on its own (`--set`) into its own manifest, with seeds of their own.
LATER_SETS: dict[str, tuple[list[Recording], int]] = {"D": (RECORDINGS_D, 101), "E": (RECORDINGS_E, 201),
                                                     "F": (RECORDINGS_F, 301), "G": (RECORDINGS_G, 401),
                                                     "H": (RECORDINGS_H, 501), "I": (RECORDINGS_I, 601)}


def part_of(rec: Recording) -> str:
    """Part A tunes, part B tests; part C says per recording."""
    return rec.part or ("tune" if rec in RECORDINGS_A else "test")
DEFAULT_OUT = HERE.parent / ".heldout"
VIDEO_SIZE = (640, 360)
DECOY_SECONDS = 30.0


def _palette(seed: int) -> list[tuple[int, int, int]]:
    rng = np.random.default_rng(1000 + seed)
    return [tuple(int(c) for c in rng.integers(25, 200, 3)) for _ in range(8)]  # type: ignore[misc]


def _scene_changes(spans: list[dict[str, float]]) -> list[float]:
    # The camera cuts while the expert is still silent, shortly before the next step's first word.
    out = [0.0]
    for prev, cur in zip(spans, spans[1:], strict=False):
        out.append(round(max(prev["end"] + 0.1, cur["start"] - 0.4), 3))
    return out


def generate_recording(rec: Recording, seed: int, out_dir: Path, set_name: str = "") -> dict:
    """Render one recording and its truth file into `out_dir`; return the truth document.

    `set_name` ("D") is recorded in the truth document of a later part's recording.
    """
    name, wpm, gap = rec.voice
    voice = Voice(name=name, wpm=wpm, gap=gap)
    speech, spans, inner = render_speech(rec.steps, voice, lead_in=0.8 + 0.1 * (seed % 4), tail=1.2)
    rng = np.random.default_rng(seed)
    if rec.noise > 0:
        audio = speech + machine_noise(speech.size, rng, level=rec.noise, hum_hz=50.0 if seed % 2 else 60.0)
    else:
        audio = speech + room_tone(speech.size, rng)
    media = out_dir / f"{rec.name}.{rec.ext}"
    changes = _scene_changes(spans)
    if rec.scene is None:
        encode_audio(media, audio)
    else:
        scene = step_scene(_palette(seed), seed) if rec.scene == "steps" else fixed_scene(seed)
        encode_video(media, audio, scene, changes, size=VIDEO_SIZE, fps=15, crf=32, preset="veryfast",
                     label=rec.title.split(" ")[0].upper())
    truth = truth_document(
        media=media.name, title=rec.title, category=rec.category, steps=rec.steps, spans=spans,
        inner_pauses=inner, duration=audio.size / RATE, voice=voice,
        extra={"domain": rec.domain, "camera": rec.scene or "none", "noise_rms": rec.noise,
               "scene_changes": changes if rec.scene == "steps" else [], "decoy": False,
               "part": part_of(rec), **({"set": set_name} if set_name else {})},
    )
    write_json(out_dir / f"{rec.name}.truth.json", truth)
    return truth


def generate_decoys(out_dir: Path) -> list[dict]:
    """Write the two no-speech decoys (30 s each) and their truth files."""
    n = int(DECOY_SECONDS * RATE)
    docs = []
    silence = out_dir / "decoy_silence.mp4"
    encode_video(silence, room_tone(n, np.random.default_rng(90), level=0.001), fixed_scene(90), [0.0],
                 size=VIDEO_SIZE, fps=15, crf=34, preset="veryfast", label="IDLE")
    noise = out_dir / "decoy_machine_noise.wav"
    encode_audio(noise, machine_noise(n, np.random.default_rng(91), level=0.08))
    for path, what in ((silence, "silence"), (noise, "machine noise")):
        doc = {"media": path.name, "title": f"Decoy: {what} only", "decoy": True, "expect": "NoSpeechError",
               "duration": DECOY_SECONDS, "steps": [], "tools": [], "tips": [], "warnings": []}
        write_json(out_dir / f"{path.stem}.truth.json", doc)
        docs.append(doc)
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--only", help="generate just this recording (file stem)")
    parser.add_argument("--keep", action="store_true", help="keep recordings already generated (resume a run)")
    parser.add_argument("--set", choices=sorted(LATER_SETS), help="generate only this later part, with its own manifest")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    t0 = time.process_time()
    manifest = []
    recordings, first_seed = LATER_SETS[args.set] if args.set else (RECORDINGS, 1)
    for seed, rec in enumerate(recordings, start=first_seed):
        if args.only and rec.name != args.only:
            continue
        done = args.out / f"{rec.name}.truth.json"
        if args.keep and done.exists() and (args.out / f"{rec.name}.{rec.ext}").exists():
            truth = json.loads(done.read_text(encoding="utf-8"))
        else:
            truth = generate_recording(rec, seed, args.out, args.set or "")
        manifest.append({"name": rec.name, "media": truth["media"], "truth": f"{rec.name}.truth.json", "decoy": False,
                         "part": part_of(rec), **({"set": args.set} if args.set else {})})
        print(f"{truth['media']:28s} {truth['duration']:6.1f} s  {len(truth['steps'])} steps  "
              f"{rec.voice[0]} {rec.voice[1]} wpm  camera={truth['camera']}  noise={rec.noise}")
    if args.set:
        if not args.only:
            write_json(args.out / f"manifest_{args.set.lower()}.json", manifest)
    elif not args.only or args.only.startswith("decoy"):
        for doc in generate_decoys(args.out):
            stem = Path(doc["media"]).stem
            manifest.append({"name": stem, "media": doc["media"], "truth": f"{stem}.truth.json", "decoy": True})
            print(f"{doc['media']:28s} {doc['duration']:6.1f} s  decoy")
    if not args.only and not args.set:
        write_json(args.out / "manifest.json", manifest)
    print(f"done in {time.process_time() - t0:.1f} s CPU (this process; the voices run in children)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
