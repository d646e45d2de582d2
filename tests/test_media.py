"""Probing and decoding, and the bad inputs that must be rejected before the library is touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexing.errors import MediaError
from indexing.media import decode_audio, file_sha256, probe
from tests.conftest import SAMPLE
from tests.mediafactory import noise_wav, truncate_copy, video_only


def test_probe_sample() -> None:
    info = probe(SAMPLE)
    assert info.has_audio and info.has_video
    assert info.video_codec == "h264" and info.audio_codec == "aac"
    assert 60 < info.duration < 180


def test_decode_audio_is_16k_mono() -> None:
    info = probe(SAMPLE)
    audio = decode_audio(SAMPLE, expected_duration=info.duration)
    assert audio.dtype.name == "float32" and audio.ndim == 1
    assert abs(audio.size / 16000 - info.duration) < 0.5


def test_hash_is_content_based(tmp_path: Path) -> None:
    a = noise_wav(tmp_path / "a.wav", 2)
    b = tmp_path / "renamed.wav"
    b.write_bytes(a.read_bytes())
    assert file_sha256(a) == file_sha256(b)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.mp4", "does not exist"),
        (lambda d: (d / "empty.mp4").write_bytes(b"") and d / "empty.mp4" or d / "empty.mp4", "empty"),
        (lambda d: (d / "notes.mp4").write_text("hello " * 400) and d / "notes.mp4", "not a media file"),
        (lambda d: video_only(d / "silent.mp4"), "no audio track"),
        (lambda d: d, "is a folder"),
    ],
    ids=["missing", "zero-bytes", "text", "video-without-audio", "folder"],
)
def test_bad_inputs(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(MediaError, match=message):
        probe(make(tmp_path))


def test_truncated_video_is_rejected(tmp_path: Path) -> None:
    cut = truncate_copy(SAMPLE, tmp_path / "cut.mp4", 0.5)
    with pytest.raises(MediaError, match="truncated|damaged|not a media file"):
        info = probe(cut)
        decode_audio(cut, expected_duration=info.duration)
