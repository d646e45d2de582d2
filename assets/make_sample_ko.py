"""Generate the Korean sample "프레스 2호기 금형 교체" with its transcript sidecar and ground truth.

Writes, next to this script:
    sample/ko_die_change.mp4          drawn video with espeak-ng Korean narration (H.264 + AAC)
    sample/ko_die_change.srt          the narration as subtitles, one cue per sentence, exact times
    sample/ko_die_change.truth.json   script, speech span per step, labels (same schema as the English sample)

Synthetic Korean speech is too robotic for speech recognition, so the sample is
ingested with its transcript: `knowhow ingest ko_die_change.mp4 --language ko
--transcript ko_die_change.srt`. The audio is still real narration, so the
player and keyframes behave as with a real recording.

Run with the project's interpreter (needs espeak-ng, numpy, OpenCV, PyAV):
    python assets/make_sample_ko.py [--out DIR]
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
    room_tone,
    step_scene,
    truth_document,
    tts,
    write_json,
)

TITLE = "프레스 2호기 금형 교체"
CATEGORY = "setup"
VOICE = Voice(name="ko", wpm=165, gap=0.4)
SEED = 8
STEM = "ko_die_change"

STEPS: list[StepScript] = [
    StepScript(
        parts=["먼저 프레스 전원을 차단하고 잠금장치를 겁니다.", "자물쇠에 이름표를 꼭 달아 두세요.",
               "절대 다른 사람 자물쇠로 작업하지 마세요."],
        title="전원 차단하기", category="safety", tools=["자물쇠"],
        tips=["자물쇠에 이름표를 꼭 달아 두세요."], warnings=["절대 다른 사람 자물쇠로 작업하지 마세요."],
        pause_after=2.0,
    ),
    StepScript(
        parts=["다음으로 클램프 볼트를 19mm 소켓으로 풉니다.", "볼트는 대각선 순서로 조금씩 풀어 줍니다.",
               "요령은 처음에 사분의 일 바퀴만 돌리는 겁니다."],
        title="클램프 볼트 풀기", category="operation", tools=["19mm 소켓"],
        tips=["요령은 처음에 사분의 일 바퀴만 돌리는 겁니다."], pause_after=2.4,
    ),
    StepScript(
        parts=["호이스트로 헌 금형을 천천히 들어 올립니다.", "고리 두 개를 다 걸었는지 확인하세요.", 2.5,
               "금형 밑에 손을 넣으면 위험합니다."],
        title="금형 들어 올리기", category="operation", tools=["호이스트"],
        warnings=["금형 밑에 손을 넣으면 위험합니다."], pause_after=2.0,
    ),
    StepScript(
        parts=["이제 볼스터 면을 깨끗한 걸레로 닦습니다.",
               "칩이 남아 있으면 새 금형이 기울어지니까 주의하세요."],
        title="볼스터 면 닦기", category="cleanup", tools=["걸레"],
        warnings=["칩이 남아 있으면 새 금형이 기울어지니까 주의하세요."], pause_after=2.6,
    ),
    StepScript(
        parts=["새 금형을 올리고 토크 렌치로 볼트를 조입니다.", "토크는 팔십 뉴턴미터에 맞춥니다.",
               "딸깍 소리가 나면 멈추세요."],
        title="금형 올리기", category="adjustment", tools=["토크 렌치"],
        tips=["딸깍 소리가 나면 멈추세요."], pause_after=2.2,
    ),
    StepScript(
        parts=["마지막으로 박정호 반장님이 시험 타발을 한 번 합니다.", "소리가 둔탁하게 한 번 나면 정상입니다."],
        title="시험 타발하기", category="inspection", tips=["소리가 둔탁하게 한 번 나면 정상입니다."],
    ),
]

PALETTE = [(40, 40, 150), (120, 90, 40), (60, 110, 60), (150, 150, 150), (110, 60, 120), (40, 120, 140)]


def _stamp(t: float) -> str:
    ms = int(round(t * 1000))
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def render(steps: list[StepScript], voice: Voice, lead_in: float = 1.0, tail: float = 1.5):  # type: ignore[no-untyped-def]
    """Speech samples, per-step spans, inner pauses and one (start, end, text) cue per sentence."""
    chunks = [np.zeros(int(lead_in * RATE), np.float32)]
    pos = chunks[0].size
    spans, inner, cues = [], [], []
    for i, step in enumerate(steps):
        first = last = None
        for k, part in enumerate(step.parts):
            if isinstance(part, str):
                if k and isinstance(step.parts[k - 1], str):
                    chunks.append(np.zeros(int(voice.gap * RATE), np.float32))
                    pos += chunks[-1].size
                clip = tts(part, voice)
                cues.append((pos / RATE, (pos + clip.size) / RATE, part))
                first = pos if first is None else first
                chunks.append(clip)
                pos += clip.size
                last = pos
            else:
                inner.append((pos / RATE, pos / RATE + float(part)))
                chunks.append(np.zeros(int(float(part) * RATE), np.float32))
                pos += chunks[-1].size
        assert first is not None and last is not None
        spans.append({"start": round(first / RATE, 3), "end": round(last / RATE, 3)})
        chunks.append(np.zeros(int((tail if i == len(steps) - 1 else step.pause_after) * RATE), np.float32))
        pos += chunks[-1].size
    speech = np.concatenate(chunks)
    return (speech * (0.7 / float(np.max(np.abs(speech))))).astype(np.float32), spans, inner, cues


def generate(out_dir: Path) -> dict:
    """Render the Korean sample into `out_dir`; return the truth document."""
    out_dir.mkdir(parents=True, exist_ok=True)
    speech, spans, inner, cues = render(STEPS, VOICE)
    audio = speech + room_tone(speech.size, np.random.default_rng(SEED))
    duration = audio.size / RATE
    changes = [0.0] + [round(max(a["end"] + 0.1, b["start"] - 0.6), 3) for a, b in zip(spans, spans[1:], strict=False)]
    media = out_dir / f"{STEM}.mp4"
    encode_video(media, audio, step_scene(PALETTE, SEED), changes, size=(640, 360), fps=10, crf=32,
                 label="PRESS 2")
    srt = "".join(f"{n}\n{_stamp(a)} --> {_stamp(b)}\n{text}\n\n" for n, (a, b, text) in enumerate(cues, start=1))
    (out_dir / f"{STEM}.srt").write_text(srt, encoding="utf-8")
    truth = truth_document(media=media.name, title=TITLE, category=CATEGORY, steps=STEPS, spans=spans,
                           inner_pauses=inner, duration=duration, voice=VOICE,
                           extra={"workstation": "프레스 2호기", "language": "ko", "transcript": f"{STEM}.srt",
                                  "people": ["박정호"], "scene_changes": changes,
                                  "licence": "CC0-1.0 (generated)"})
    write_json(out_dir / f"{STEM}.truth.json", truth)
    return truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "sample")
    args = parser.parse_args(argv)
    truth = generate(args.out)
    size = (args.out / f"{STEM}.mp4").stat().st_size
    print(f"wrote {args.out / (STEM + '.mp4')}: {truth['duration']:.1f} s, {len(truth['steps'])} steps, "
          f"{size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
