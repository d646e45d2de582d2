"""Speech recognition: the guard against invented text, and the model checks."""

from __future__ import annotations

import pytest

from indexing.errors import TranscriptionError
from indexing.models import Word
from indexing.transcribe import AsrConfig, check_model, keep_segment

W = [Word(0.0, 0.4, "Loosen", 0.9), Word(0.4, 0.8, "the", 0.95), Word(0.8, 1.2, "bolts", 0.88)]


@pytest.mark.parametrize(
    ("text", "words", "logprob", "no_speech", "ratio", "keep"),
    [
        ("Loosen the bolts.", W, -0.3, 0.05, 1.2, True),
        ("", [], -0.3, 0.05, 1.0, False),
        (" ... ", [], -0.3, 0.05, 1.0, False),
        ("Loosen the bolts.", W, -0.9, 0.7, 1.2, False),             # probably not speech
        ("the the the the the the the the", W, -0.2, 0.1, 3.1, False),  # repetition loop
        ("Thank you.", [Word(0, 1, "Thank", 0.6), Word(1, 2, "you.", 0.6)], -0.6, 0.3, 0.8, False),
        ("Thank you.", [Word(0, 1, "Thank", 0.97), Word(1, 2, "you.", 0.98)], -0.1, 0.01, 0.8, True),
        ("Loosen the bolts.", [Word(0, 1, "Loosen", 0.1), Word(1, 2, "bolts", 0.2)], -0.5, 0.1, 1.0, False),
    ],
    ids=["speech", "empty", "punctuation", "no-speech", "loop", "weak-thanks", "real-thanks", "doubtful-words"],
)
def test_keep_segment(text, words, logprob, no_speech, ratio, keep) -> None:  # type: ignore[no-untyped-def]
    assert keep_segment(text, words, logprob, no_speech, ratio) is keep


def test_missing_model_path() -> None:
    with pytest.raises(TranscriptionError, match="does not exist"):
        check_model(AsrConfig(model="/nonexistent/whisper-model"), "en")


def test_english_only_model_refuses_korean() -> None:
    with pytest.raises(TranscriptionError, match="English only"):
        check_model(AsrConfig(model="tiny.en"), "ko")


def test_bundled_model_resolves_to_a_folder() -> None:
    from pathlib import Path

    resolved = check_model(AsrConfig(), "en")
    assert (Path(resolved) / "model.bin").exists()


def test_glossary_corrects_near_misses_only() -> None:
    from indexing.glossary import apply_glossary, closest_term
    from indexing.models import Segment

    terms = ["bolster", "shut height", "PX-4471"]
    assert closest_term("moldster", terms) == "bolster"
    assert closest_term("bowster", terms) == "bolster"
    assert closest_term("bolster", terms) is None
    assert closest_term("bolt", terms) is None
    assert closest_term("monster", terms) is None
    seg = Segment(0, 2, "Wipe the moldster plate.", (Word(0, 0.5, "Wipe", 0.9), Word(0.5, 0.7, "the", 0.9),
                                                    Word(0.7, 1.2, "moldster", 0.4), Word(1.2, 2, "plate.", 0.9)))
    (fixed,) = apply_glossary([seg], terms)
    assert fixed.text == "Wipe the bolster plate."
    assert [w.word for w in fixed.words] == ["Wipe", "the", "bolster", "plate."]


def test_setting_choices_are_checked() -> None:
    from indexing.errors import SettingError
    from indexing.settings import get_setting

    with pytest.raises(SettingError, match="must be one of"):
        get_setting("asr_glossary_mode", overrides={"asr_glossary_mode": "loud"})


def test_long_audio_is_cut_in_quiet_moments() -> None:
    import numpy as np

    from indexing.transcribe import chunk_bounds

    sr = 16000
    audio = np.full(sr * 700, 0.3, dtype=np.float32)  # 700 s of "speech"
    audio[sr * 290 : sr * 291] = 0.0  # a pause just before the first nominal cut
    audio[int(sr * 585.5) : sr * 586] = 0.0  # and one before the second
    bounds = chunk_bounds(audio)
    assert len(bounds) == 3
    assert bounds[0][0] == 0 and 290 * sr <= bounds[0][1] <= 291 * sr
    assert bounds[1][0] == bounds[0][1] and 585 * sr <= bounds[1][1] <= 586 * sr
    assert all(a < b for a, b in bounds) and bounds[-1][1] == audio.size
    short = np.zeros(sr * 100, dtype=np.float32)
    assert chunk_bounds(short) == [(0, short.size)]
