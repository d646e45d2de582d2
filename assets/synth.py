"""Shared building blocks for the generated narrated recordings.

Used by `assets/make_sample.py` (the committed sample) and by
`tests/heldout/make_heldout.py` (the held-out evaluation set). A recording is a
script of steps; each step is a list of utterances and pauses. Utterances are
spoken with espeak-ng or festival, trimmed to their audible part and concatenated with
exact silences, so the start and end of every step's speech are known to the
sample. Frames are drawn with OpenCV and everything is encoded with PyAV.

Nothing here is random unless a seeded `numpy.random.Generator` is passed in,
so the outputs are reproducible byte for byte.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import wave
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

RATE = 22050  # espeak-ng's native rate; AAC and MP3 both accept it.
TRIM_THRESHOLD = 0.01  # amplitude (of 1.0) below which espeak's lead-in/tail counts as silence


@dataclass
class StepScript:
    """One step of a scripted procedure.

    Attributes:
        parts: Utterances (str) and pauses inside the step (float seconds), in order.
            Consecutive utterances get `Voice.gap` of silence between them.
        title: Short human title of the step.
        category: One of `indexing.models.CATEGORIES`.
        tools: Tools and parts named in the step (canonical, lower case).
        tips: Tacit-knowledge tips said in the step (verbatim sentences).
        warnings: Warnings said in the step (verbatim sentences).
        pause_after: Silence in seconds after the step's last utterance.
        description: How a trainee would describe the step in writing (held-out set only).
    """

    parts: list[str | float]
    title: str
    category: str
    tools: list[str] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pause_after: float = 2.0
    description: str = ""

    @property
    def text(self) -> str:
        return " ".join(p for p in self.parts if isinstance(p, str))


@dataclass(frozen=True)
class Voice:
    """A voice: espeak-ng name (with optional +variant) or "festival:<voice>", words per minute, sentence gap."""

    name: str = "en-us"
    wpm: int = 160
    gap: float = 0.45
    pitch: int = 50


FESTIVAL = "festival:"  # voice-name prefix selecting a festival voice, e.g. "festival:cmu_us_slt_arctic_hts"
# festival's own speaking rate; `Voice.wpm` sets the speed relative to it.
FESTIVAL_WPM = 160


def _speak(text: str, voice: Voice, out: Path) -> None:
    if voice.name.startswith(FESTIVAL):
        name = voice.name[len(FESTIVAL):]
        src = out.with_suffix(".txt")
        src.write_text(text + "\n", encoding="utf-8")
        if name.endswith("_hts"):
            # HTS voices ignore Duration_Stretch; their engine takes a speed rate ("-r", 1.0 = own rate).
            rate = round(voice.wpm / FESTIVAL_WPM, 4)
            speed = f'(set! hts_engine_params (append hts_engine_params (list (list "-r" {rate}))))'
        else:
            speed = f"(Parameter.set 'Duration_Stretch {round(FESTIVAL_WPM / voice.wpm, 3)})"
        subprocess.run(
            ["text2wave", "-F", str(RATE), "-eval", f"(voice_{name})", "-eval", speed, str(src), "-o", str(out)],
            check=True,
            capture_output=True,
        )
        return
    subprocess.run(
        ["espeak-ng", "-v", voice.name, "-s", str(voice.wpm), "-p", str(voice.pitch), "-w", str(out), text],
        check=True,
        capture_output=True,
    )


def tts(text: str, voice: Voice) -> np.ndarray:
    """Speak `text` and return float32 mono samples at `RATE`, trimmed to the audible part.

    Voices named "festival:<voice>" are spoken by festival's `text2wave` (e.g. the HTS voice
    `cmu_us_slt_arctic_hts`); any other name is an espeak-ng voice.
    """
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "u.wav"
        _speak(text, voice, out)
        with wave.open(str(out), "rb") as w:
            if w.getframerate() != RATE or w.getnchannels() != 1 or w.getsampwidth() != 2:
                raise RuntimeError(f"unexpected speech output format for voice {voice.name}")
            raw = w.readframes(w.getnframes())
    samples = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    loud = np.flatnonzero(np.abs(samples) > TRIM_THRESHOLD)
    if loud.size == 0:
        raise RuntimeError(f"{voice.name} produced silence for {text!r}")
    return samples[loud[0] : loud[-1] + 1]


def render_speech(
    steps: Sequence[StepScript], voice: Voice, *, lead_in: float = 1.0, tail: float = 1.5
) -> tuple[np.ndarray, list[dict[str, Any]], list[tuple[float, float]]]:
    """Concatenate the narration of all steps with exact silences.

    Args:
        steps: The script.
        voice: espeak-ng voice, speed and sentence gap.
        lead_in: Silence before the first word.
        tail: Silence after the last word.

    Returns:
        (samples, spans, inner_pauses): float32 speech at `RATE`; per step a dict with
        `start`/`end` of its speech in seconds; the (start, end) of each scripted pause inside a step.
    """
    chunks: list[np.ndarray] = [np.zeros(int(round(lead_in * RATE)), np.float32)]
    pos = chunks[0].size
    spans: list[dict[str, Any]] = []
    inner: list[tuple[float, float]] = []
    for i, step in enumerate(steps):
        start = end = None
        prev_was_speech = False
        for part in step.parts:
            if isinstance(part, str):
                if prev_was_speech:
                    gap = np.zeros(int(round(voice.gap * RATE)), np.float32)
                    chunks.append(gap)
                    pos += gap.size
                clip = tts(part, voice)
                if start is None:
                    start = pos
                chunks.append(clip)
                pos += clip.size
                end = pos
                prev_was_speech = True
            else:
                pause = np.zeros(int(round(float(part) * RATE)), np.float32)
                inner.append((pos / RATE, (pos + pause.size) / RATE))
                chunks.append(pause)
                pos += pause.size
                prev_was_speech = False
        if start is None or end is None:
            raise ValueError(f"step {i} has no speech")
        spans.append({"start": round(start / RATE, 3), "end": round(end / RATE, 3)})
        after = tail if i == len(steps) - 1 else step.pause_after
        pad = np.zeros(int(round(after * RATE)), np.float32)
        chunks.append(pad)
        pos += pad.size
    speech = np.concatenate(chunks)
    peak = float(np.max(np.abs(speech))) or 1.0
    return (speech * (0.7 / peak)).astype(np.float32), spans, inner


def machine_noise(n: int, rng: np.random.Generator, *, level: float = 0.05, hum_hz: float = 50.0) -> np.ndarray:
    """Workshop background: mains hum with harmonics, a low rumble, and periodic press thumps.

    Args:
        n: Number of samples at `RATE`.
        rng: Seeded random generator.
        level: RMS of the result (speech peaks are 0.7).
        hum_hz: Fundamental of the hum.
    """
    t = np.arange(n, dtype=np.float64) / RATE
    hum = sum(np.sin(2 * np.pi * hum_hz * k * t + k) / k for k in (1, 2, 3, 5))
    white = rng.standard_normal(n)
    # Smoothing white noise with a short window turns it into a motor-like rumble.
    kernel = np.hanning(64)
    rumble = np.convolve(white, kernel / kernel.sum(), mode="same")
    thumps = np.zeros(n)
    period = int(1.7 * RATE)
    decay = np.exp(-np.arange(int(0.25 * RATE)) / (0.04 * RATE)) * np.sin(
        2 * np.pi * 90 * np.arange(int(0.25 * RATE)) / RATE
    )
    for s in range(int(0.4 * RATE), n - decay.size, period):
        thumps[s : s + decay.size] += decay
    mix = 0.5 * hum / 1.5 + 6.0 * rumble + 0.6 * thumps + 0.15 * white
    rms = float(np.sqrt(np.mean(mix**2))) or 1.0
    return (mix * (level / rms)).astype(np.float32)


def room_tone(n: int, rng: np.random.Generator, level: float = 0.002) -> np.ndarray:
    """Very quiet noise so pauses are not digital zeros, as in any real recording."""
    return (rng.standard_normal(n) * level).astype(np.float32)


# --------------------------------------------------------------------------- drawing

Scene = Callable[[np.ndarray, float, int], None]  # draw(frame, t, step_index)


def draw_hand(frame: np.ndarray, cx: float, cy: float, scale: float, angle: float) -> None:
    """Draw a simple gloved hand (palm and four fingers) at (cx, cy)."""
    import cv2

    glove = (40, 120, 210)
    edge = (20, 60, 120)
    s = scale
    cv2.ellipse(frame, (int(cx), int(cy)), (int(34 * s), int(44 * s)), angle, 0, 360, glove, -1, cv2.LINE_AA)
    cv2.ellipse(frame, (int(cx), int(cy)), (int(34 * s), int(44 * s)), angle, 0, 360, edge, 2, cv2.LINE_AA)
    rad = np.deg2rad(angle)
    for k, off in enumerate((-24, -8, 8, 24)):
        length = (52 + (6 if k in (1, 2) else 0)) * s
        bx = cx + off * s * np.cos(rad) + 30 * s * np.sin(rad)
        by = cy + off * s * np.sin(rad) - 30 * s * np.cos(rad)
        tx = bx + length * np.sin(rad)
        ty = by - length * np.cos(rad)
        cv2.line(frame, (int(bx), int(by)), (int(tx), int(ty)), glove, int(14 * s), cv2.LINE_AA)
    thumb_x = cx + 40 * s * np.cos(rad)
    thumb_y = cy + 40 * s * np.sin(rad)
    cv2.line(frame, (int(cx), int(cy)), (int(thumb_x), int(thumb_y)), glove, int(15 * s), cv2.LINE_AA)


def hand_path(t: float, w: int, h: int, seed: int) -> tuple[float, float, float]:
    """A smooth, deterministic wandering path for the hand: (x, y, angle)."""
    a = 0.31 + 0.07 * (seed % 5)
    b = 0.23 + 0.05 * (seed % 3)
    x = w * (0.5 + 0.28 * np.sin(2 * np.pi * a * t + seed))
    y = h * (0.55 + 0.2 * np.sin(2 * np.pi * b * t + 0.5 * seed))
    angle = 15 * np.sin(2 * np.pi * 0.4 * t + seed)
    return float(x), float(y), float(angle)


def step_scene(palette: Sequence[tuple[int, int, int]], seed: int) -> Scene:
    """A scene that changes completely at each step: background colour, shapes and layout.

    Args:
        palette: Background colours (BGR), cycled per step.
        seed: Varies the layout between recordings.
    """
    import cv2

    def draw(frame: np.ndarray, t: float, step: int) -> None:
        h, w = frame.shape[:2]
        frame[:] = palette[step % len(palette)]
        rng = np.random.default_rng(seed * 100 + step)
        # Workbench / machine shapes specific to the step.
        for _ in range(3 + step % 3):
            x0, y0 = int(rng.integers(0, w - 200)), int(rng.integers(0, h - 150))
            ww, hh = int(rng.integers(80, 260)), int(rng.integers(60, 200))
            col = tuple(int(c) for c in rng.integers(30, 230, 3))
            if rng.random() < 0.5:
                cv2.rectangle(frame, (x0, y0), (x0 + ww, y0 + hh), col, -1)
            else:
                cv2.circle(frame, (x0 + ww // 2, y0 + hh // 2), min(ww, hh) // 2, col, -1, cv2.LINE_AA)
        cv2.rectangle(frame, (0, int(h * 0.82)), (w, h), (60, 60, 60), -1)
        x, y, ang = hand_path(t, w, h, seed + step)
        draw_hand(frame, x, y, w / 960, ang)

    return draw


def fixed_scene(seed: int) -> Scene:
    """One static camera view for the whole recording; only a small hand moves in one corner."""
    import cv2

    def draw(frame: np.ndarray, t: float, step: int) -> None:
        h, w = frame.shape[:2]
        frame[:] = (70, 80, 85)
        rng = np.random.default_rng(seed)
        for _ in range(5):
            x0, y0 = int(rng.integers(0, w - 150)), int(rng.integers(0, h - 120))
            col = tuple(int(c) for c in rng.integers(40, 200, 3))
            cv2.rectangle(frame, (x0, y0), (x0 + 140, y0 + 100), col, -1)
        cx = w * 0.8 + 25 * np.sin(2 * np.pi * 0.35 * t)
        cy = h * 0.75 + 15 * np.sin(2 * np.pi * 0.5 * t + 1)
        draw_hand(frame, cx, cy, 0.45 * w / 960, 10 * np.sin(t))

    return draw


def caption(frame: np.ndarray, text: str) -> None:
    """Burn a small caption (station name, clock) into the bottom-left corner."""
    import cv2

    h = frame.shape[0]
    cv2.putText(frame, text, (16, h - 20), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (235, 235, 235), 2, cv2.LINE_AA)


# --------------------------------------------------------------------------- encoding


def _audio_frames(audio: np.ndarray, layout: str = "mono"):  # type: ignore[no-untyped-def]
    import av

    for i in range(0, audio.size, 1024):
        chunk = audio[i : i + 1024]
        frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1).astype(np.float32), format="fltp", layout=layout)
        frame.sample_rate = RATE
        frame.pts = i
        yield frame


def encode_video(
    path: Path,
    audio: np.ndarray,
    scene: Scene,
    step_starts: Sequence[float],
    *,
    size: tuple[int, int] = (960, 540),
    fps: int = 15,
    crf: int = 30,
    label: str = "",
    audio_bitrate: int = 48_000,
    preset: str = "medium",
) -> None:
    """Write an H.264 + AAC MP4 (or MOV/MKV by suffix) with `+faststart`, keyframes at least every 2 s.

    Args:
        path: Output file.
        audio: Float32 mono samples at `RATE`; its length sets the duration.
        scene: Draws each frame given the time and the current step index.
        step_starts: Times at which the picture switches to the next step's scene (first is ignored).
        size: (width, height).
        fps: Frames per second.
        crf: x264 constant rate factor (higher is smaller).
        label: Caption burned into every frame (followed by a running clock).
        audio_bitrate: AAC bit rate.
        preset: x264 speed preset.
    """
    import av

    w, h = size
    duration = audio.size / RATE
    n_frames = int(np.ceil(duration * fps))
    options = {"movflags": "+faststart"} if path.suffix in (".mp4", ".mov") else {}
    with av.open(str(path), "w", options=options) as out:
        vs = out.add_stream("libx264", rate=fps)
        vs.width, vs.height, vs.pix_fmt = w, h, "yuv420p"
        vs.codec_context.gop_size = 2 * fps
        vs.options = {"crf": str(crf), "preset": preset, "keyint": str(2 * fps), "threads": "1"}
        aus = out.add_stream("aac", rate=RATE, layout="mono")
        aus.bit_rate = audio_bitrate
        frames = _audio_frames(audio)
        audio_t = 0.0
        frame = np.zeros((h, w, 3), np.uint8)
        for i in range(n_frames):
            t = i / fps
            step = max(0, int(np.searchsorted(np.asarray(step_starts[1:]), t, side="right")))
            scene(frame, t, step)
            if label:
                caption(frame, f"{label}  {int(t) // 60:02d}:{int(t) % 60:02d}")
            vf = av.VideoFrame.from_ndarray(frame, format="bgr24")
            vf.pts = i
            for packet in vs.encode(vf):
                out.mux(packet)
            while audio_t <= t + 1.0 / fps:
                af = next(frames, None)
                if af is None:
                    audio_t = float("inf")
                    break
                for packet in aus.encode(af):
                    out.mux(packet)
                audio_t = (af.pts + af.samples) / RATE
        for af in frames:
            for packet in aus.encode(af):
                out.mux(packet)
        for packet in vs.encode(None):
            out.mux(packet)
        for packet in aus.encode(None):
            out.mux(packet)


def encode_audio(path: Path, audio: np.ndarray) -> None:
    """Write audio only: PCM WAV for `.wav`, MP3 (libmp3lame) for `.mp3`."""
    if path.suffix == ".wav":
        pcm = np.clip(audio * 32767.0, -32768, 32767).astype("<i2")
        with wave.open(str(path), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes(pcm.tobytes())
        return
    import av

    with av.open(str(path), "w") as out:
        st = out.add_stream("libmp3lame", rate=RATE, layout="mono")
        st.bit_rate = 64_000
        for af in _audio_frames(audio):
            for packet in st.encode(af):
                out.mux(packet)
        for packet in st.encode(None):
            out.mux(packet)


def truth_document(
    *,
    media: str,
    title: str,
    category: str,
    steps: Sequence[StepScript],
    spans: Sequence[dict[str, Any]],
    inner_pauses: Sequence[tuple[float, float]],
    duration: float,
    voice: Voice,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The ground-truth JSON of a generated recording (schema shared by the sample and the held-out set)."""
    tools: list[str] = []
    for s in steps:
        tools.extend(t for t in s.tools if t not in tools)
    doc: dict[str, Any] = {
        "media": media,
        "title": title,
        "category": category,
        "duration": round(duration, 3),
        "voice": voice.name,
        "wpm": voice.wpm,
        "tools": tools,
        "tips": [t for s in steps for t in s.tips],
        "warnings": [t for s in steps for t in s.warnings],
        "pauses_inside_steps": [[round(a, 3), round(b, 3)] for a, b in inner_pauses],
        "steps": [],
    }
    for i, (s, span) in enumerate(zip(steps, spans, strict=True)):
        entry: dict[str, Any] = {
            "index": i,
            "start": span["start"],
            "end": span["end"],
            "title": s.title,
            "category": s.category,
            "text": s.text,
            "tools": list(s.tools),
            "tips": list(s.tips),
            "warnings": list(s.warnings),
        }
        if s.description:
            entry["description"] = s.description
        doc["steps"].append(entry)
    if extra:
        doc.update(extra)
    return doc


def write_json(path: Path, doc: Any) -> None:
    """Write JSON with stable formatting (sorted nothing, 2-space indent, trailing newline)."""
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
