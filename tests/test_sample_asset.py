"""The committed sample recording and its ground truth are present and consistent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexing.models import CATEGORIES, MARKER_KINDS

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "assets" / "sample"
MEDIA = SAMPLE_DIR / "die_change.mp4"
TRUTH = SAMPLE_DIR / "die_change.truth.json"
MARKERS = SAMPLE_DIR / "die_change.markers.json"


@pytest.fixture(scope="module")
def truth() -> dict:
    return json.loads(TRUTH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def probe() -> dict:
    import av

    with av.open(str(MEDIA)) as c:
        video = c.streams.video[0]
        audio = c.streams.audio[0]
        keyframes = [
            float(p.pts * p.time_base) for p in c.demux(video) if p.pts is not None and p.is_keyframe
        ]
        return {
            "duration": c.duration / 1_000_000,
            "video_codec": video.codec_context.name,
            "audio_codec": audio.codec_context.name,
            "width": video.codec_context.width,
            "height": video.codec_context.height,
            "fps": float(video.average_rate),
            "sample_rate": audio.codec_context.sample_rate,
            "keyframes": sorted(keyframes),
        }


def test_files_exist_and_are_small() -> None:
    assert MEDIA.is_file() and TRUTH.is_file() and MARKERS.is_file()
    assert 100_000 < MEDIA.stat().st_size <= 6_000_000


def test_media_is_faststart_h264_aac(probe: dict) -> None:
    # +faststart puts the moov atom before the media data.
    head = MEDIA.read_bytes()[:64]
    assert head[4:8] == b"ftyp"
    assert b"moov" in head
    assert probe["video_codec"] == "h264"
    assert probe["audio_codec"] == "aac"
    assert (probe["width"], probe["height"]) in {(1280, 720), (960, 540)}
    assert 15 <= probe["fps"] <= 30
    assert probe["sample_rate"] == 22050


def test_keyframe_interval_at_most_two_seconds(probe: dict) -> None:
    kf = probe["keyframes"]
    assert kf[0] == 0.0
    gaps = [b - a for a, b in zip(kf, kf[1:], strict=False)]
    assert max(gaps) <= 2.0 + 1e-6
    assert probe["duration"] - kf[-1] <= 2.0 + 1e-6


def test_duration_matches_truth(probe: dict, truth: dict) -> None:
    assert 90.0 <= truth["duration"] <= 120.0
    # The encoded streams end within one video frame / AAC frame of the rendered audio.
    assert abs(probe["duration"] - truth["duration"]) < 0.15
    assert truth["steps"][-1]["end"] < probe["duration"]


def test_truth_is_consistent(truth: dict) -> None:
    steps = truth["steps"]
    assert truth["title"] == "Die change on press 4"
    assert truth["category"] in CATEGORIES
    assert 6 <= len(steps) <= 7
    assert [s["index"] for s in steps] == list(range(len(steps)))
    prev_end = 0.0
    for s in steps:
        assert s["category"] in CATEGORIES
        assert prev_end < s["start"] < s["end"] <= truth["duration"]
        assert s["text"] and s["title"]
        # Every tip and warning is said verbatim in its step's narration.
        for sentence in s["tips"] + s["warnings"]:
            assert sentence in s["text"]
        prev_end = s["end"]
    gaps = [b["start"] - a["end"] for a, b in zip(steps, steps[1:], strict=False)]
    assert all(1.5 <= g <= 3.0 + 1e-6 for g in gaps)
    # At least one pause inside a step is as long as a pause between steps.
    inner = [b - a for a, b in truth["pauses_inside_steps"]]
    assert max(inner) >= min(gaps)
    assert set(truth["tools"]) == {t for s in steps for t in s["tools"]}
    assert {"torque wrench", "19 mm socket", "pry bar", "hoist", "shims", "feeler gauge", "lockout padlock", "rag"} <= set(
        truth["tools"]
    )


def test_markers_are_the_true_step_starts(truth: dict) -> None:
    markers = json.loads(MARKERS.read_text(encoding="utf-8"))
    assert markers == [{"t": s["start"], "kind": "step", "note": ""} for s in truth["steps"]]
    assert all(m["kind"] in MARKER_KINDS for m in markers)


def test_truth_spans_match_the_audio(truth: dict) -> None:
    import av
    import numpy as np

    with av.open(str(MEDIA)) as c:
        stream = c.streams.audio[0]
        rate = stream.codec_context.sample_rate
        audio = np.concatenate([f.to_ndarray()[0] for f in c.decode(stream)])

    def rms(a: float, b: float) -> float:
        seg = audio[int(a * rate) : int(b * rate)]
        return float(np.sqrt(np.mean(seg.astype(np.float64) ** 2)))

    steps = truth["steps"]
    for s in steps:
        assert rms(s["start"], s["end"]) > 0.05  # speech (peaks at 0.7)
    # Between steps, and in the scripted pauses inside steps, there is only room tone.
    quiet = [(a["end"] + 0.15, b["start"] - 0.15) for a, b in zip(steps, steps[1:], strict=False)]
    quiet += [(a + 0.15, b - 0.15) for a, b in truth["pauses_inside_steps"]]
    for a, b in quiet:
        assert rms(a, b) < 0.01
