"""Speech recognition with faster-whisper, guarded against invented text.

Whisper is known to "hear" words in silence and machine noise ("Thank you.",
"Thanks for watching!", in Korean "시청해 주셔서 감사합니다", "MBC 뉴스 …"). Three guards keep that out of the library: Silero
VAD (only speech regions are decoded), faster-whisper's own thresholds
(no-speech probability, log-probability, compression ratio, silence-skipping)
and a post-filter here that drops segments whose words the model itself is
unsure of or which are a known hallucination with weak evidence.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from indexing.errors import CancelledError, TranscriptionError
from indexing.models import Segment, Transcript, Word
from indexing.models_registry import force_offline, missing_local_path, resolve_asr_model
from indexing.progress import CancelToken, ProgressCallback, check, report

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

SAMPLE_RATE = 16000

# Phrases Whisper produces from non-speech (from the faster-whisper and
# whisper issue trackers); kept only when the model was confident.
KNOWN_HALLUCINATIONS = frozenset(
    {
        "thank you", "thank you.", "thanks for watching", "thanks for watching!",
        "thank you for watching", "thank you for watching.", "please subscribe",
        "subtitles by the amara.org community", "you", "bye", "bye.", "so", "okay", "oh",
        "[music]", "(music)", "[applause]", "[silence]", "[noise]", "...",
        # Korean: Whisper learnt these from subtitled YouTube and broadcast video
        # (reported on the whisper and faster-whisper issue trackers).
        "시청해 주셔서 감사합니다", "시청해주셔서 감사합니다", "끝까지 시청해 주셔서 감사합니다",
        "오늘도 시청해 주셔서 감사합니다", "봐주셔서 감사합니다", "감사합니다", "고맙습니다",
        "다음 영상에서 만나요", "다음 시간에 만나요", "안녕히 계세요", "네", "음악", "(음악)", "[음악]", "박수",
    }
)
_COMPACT = re.compile(r"[\s.!?~,]+")
_KNOWN_COMPACT = frozenset(_COMPACT.sub("", p) for p in KNOWN_HALLUCINATIONS) - {""}
"""The phrases without spaces and end punctuation: Whisper spaces Korean inconsistently."""

# Text no expert says at a workstation but Whisper writes into silence: broadcast
# sign-offs ("MBC 뉴스 이덕영입니다"), subtitle credits and "like and subscribe"
# requests. Dropped however confident the model was.
PHANTOM_PATTERNS = tuple(
    re.compile(p)
    for p in (
        r"^(?:mbc|kbs|sbs|ytn|jtbc|mbn|obs|tbs|연합)\s*뉴스",
        r"구독(?:과|하고|이랑)?\s*좋아요",
        r"좋아요(?:와|랑)?\s*구독",
        r"구독\s*(?:부탁|버튼|해\s*주세요|해주세요)",
        r"(?:한글\s*)?자막\s*(?:제공|제작|by|:)",
        r"^(?:자막|번역)\s*[:：]",
        r"amara\.org",
    )
)

_CACHE: dict[tuple[str, str, str, int], Any] = {}
_CACHE_LOCK = threading.Lock()


@dataclass(frozen=True)
class AsrConfig:
    """Speech-recognition settings (the library's `asr_*` settings)."""

    model: str = "tiny.en"
    device: str = "cpu"
    compute_type: str = "int8"
    beam_size: int = 5
    threads: int = 0
    glossary_mode: str = "correct"

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], language: str | None = None) -> AsrConfig:
        """The configuration for a session in `language`.

        English sessions (and sessions without a language) use `asr_model`; every other
        language uses `asr_model_multilingual` (English-only models cannot do it).
        """
        multilingual = bool(language) and not is_english(language)
        return cls(
            model=settings["asr_model_multilingual" if multilingual else "asr_model"],
            device=settings["asr_device"],
            compute_type=settings["asr_compute_type"],
            beam_size=settings["asr_beam_size"],
            threads=settings["asr_threads"],
            glossary_mode=settings["asr_glossary_mode"],
        )

    @property
    def english_only(self) -> bool:
        name = self.model.rstrip("/").rsplit("/", 1)[-1].lower()
        return name.endswith(".en")


def is_english(language: str | None) -> bool:
    """Whether a language code ("en", "en-US", "EN_gb") means English."""
    return whisper_language(language) == "en"


def whisper_language(language: str | None) -> str | None:
    """The code Whisper expects ("ko") for a session language ("ko-KR", "KO"); None stays None."""
    if not language or not language.strip():
        return None
    return language.strip().replace("_", "-").split("-")[0].lower()


def check_model(config: AsrConfig, language: str | None) -> str:
    """Validate the model choice without loading it.

    Returns:
        The resolved model argument (a local path or a cached name).

    Raises:
        TranscriptionError: Missing model path, or a language the model cannot do.
    """
    resolved = resolve_asr_model(config.model)
    if missing_local_path(resolved):
        raise TranscriptionError(f"speech model path {resolved} does not exist")
    if language and not is_english(language) and config.english_only:
        raise TranscriptionError(
            f"speech model {config.model} understands English only; set asr_model_multilingual "
            f"to a multilingual model for language {language!r}"
        )
    return resolved


def load_model(config: AsrConfig) -> Any:
    """Load (once per process) a `faster_whisper.WhisperModel`, never from the network.

    Raises:
        TranscriptionError: The model cannot be found locally or fails to load.
    """
    resolved = check_model(config, None)
    key = (resolved, config.device, config.compute_type, config.threads)
    with _CACHE_LOCK:
        if key in _CACHE:
            return _CACHE[key]
        force_offline()
        try:
            from faster_whisper import WhisperModel

            model = WhisperModel(
                resolved,
                device=config.device,
                compute_type=config.compute_type,
                cpu_threads=config.threads,
                local_files_only=True,
            )
        except Exception as exc:  # noqa: BLE001 - any load failure is user-facing
            raise TranscriptionError(
                f"cannot load speech model {config.model!r} offline ({type(exc).__name__}: "
                f"{str(exc).splitlines()[0][:160] if str(exc) else ''}); give a local model folder"
            ) from None
        _CACHE[key] = model
        return model


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def keep_segment(text: str, words: Sequence[Word], avg_logprob: float, no_speech_prob: float,
                 compression_ratio: float) -> bool:
    """The post-filter against invented text (pure, unit-tested).

    A segment is dropped when it is empty, a repetition loop, very likely
    non-speech, carried by words the model itself doubts, a broadcast
    sign-off, subtitle credit or "like and subscribe" (`PHANTOM_PATTERNS`,
    always), or a known hallucination phrase without strong evidence.
    """
    clean = _norm(text)
    if not clean or not re.search(r"\w", clean):
        return False
    if compression_ratio > 2.4:
        return False
    if no_speech_prob > 0.6 and avg_logprob < -0.7:
        return False
    if words:
        mean_p = sum(w.probability for w in words) / len(words)
        if mean_p < 0.3:
            return False
    if any(p.search(clean) for p in PHANTOM_PATTERNS):
        return False
    if clean in KNOWN_HALLUCINATIONS or _COMPACT.sub("", clean) in _KNOWN_COMPACT:
        return avg_logprob > -0.35 and no_speech_prob < 0.2
    return True


# faster-whisper computes features for its whole input at once (about 130 MB per
# 5 minutes); long sessions go in chunks of about this length, cut in a quiet moment.
CHUNK_SECONDS = 300.0
CUT_SEARCH_SECONDS = 20.0


def chunk_bounds(audio: np.ndarray, chunk_s: float = CHUNK_SECONDS,
                 search_s: float = CUT_SEARCH_SECONDS) -> list[tuple[int, int]]:
    """Sample ranges covering `audio`, each about `chunk_s` long, cut at the quietest
    half second within `search_s` before each nominal cut (pure, unit-tested)."""
    import numpy as np

    n = audio.size
    size = int(chunk_s * SAMPLE_RATE)
    if n <= size * 1.2:
        return [(0, n)]
    win = SAMPLE_RATE // 2
    bounds, start = [], 0
    while n - start > size * 1.2:
        lo = max(start + size - int(search_s * SAMPLE_RATE), start + win)
        hi = start + size
        region = audio[lo:hi].astype(np.float32)
        frames = region[: region.size // win * win].reshape(-1, win)
        energy = (frames**2).mean(axis=1)
        cut = lo + int(np.argmin(energy)) * win + win // 2
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


def _segment(seg: Any, offset: float) -> Segment | None:
    """A faster-whisper segment as ours (times shifted by `offset`), or None when the guard drops it."""
    words = tuple(
        Word(round(float(w.start) + offset, 3), round(float(w.end) + offset, 3), w.word.strip(),
             round(float(w.probability), 4))
        for w in (seg.words or [])
        if w.word.strip()
    )
    if not keep_segment(seg.text, words, seg.avg_logprob, seg.no_speech_prob, seg.compression_ratio):
        log.info("dropped unlikely speech at %.1f s: %r", seg.start + offset, seg.text)
        return None
    return Segment(round(float(seg.start) + offset, 3), round(float(seg.end) + offset, 3), seg.text.strip(),
                   words, round(float(seg.avg_logprob), 4), round(float(seg.no_speech_prob), 4))


def transcribe(
    audio: np.ndarray,
    config: AsrConfig,
    *,
    language: str | None = "en",
    hotwords: Sequence[str] = (),
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Transcript:
    """Transcribe 16 kHz mono audio into timed segments and words.

    Args:
        audio: float32 samples at 16 kHz.
        config: Model and decoding settings.
        language: Narration language code; None lets a multilingual model detect it.
        hotwords: Plant vocabulary that biases recognition (the library's glossary).
        progress: Called with the fraction of audio done.
        cancel: Checked between segments.

    Returns:
        The transcript; it has no segments when nothing was said.

    Raises:
        TranscriptionError: The model fails.
        CancelledError: `cancel` was set.
    """
    check_model(config, language)
    model = load_model(config)
    duration = audio.size / SAMPLE_RATE
    # By default the glossary only corrects near-miss words after recognition
    # (indexing.glossary). Measured on the sample: as faster-whisper "hotwords" it
    # dropped whole windows of speech and slowed recognition 1.6x; as an initial
    # prompt Whisper echoed a prompt word into the transcript. Both stay settings.
    # A punctuated phrase keeps Whisper's punctuation (a bare word list drops it).
    terms = ", ".join(dict.fromkeys(t.strip() for t in hotwords if t.strip()))[:400]
    prompt = f"Plant terms: {terms}." if terms and config.glossary_mode in ("prompt", "hotwords") else None
    # A given language is always passed: Whisper's detection reads the first 30 s,
    # and on a recording that opens with silence or machine noise it guesses wrong.
    lang = "en" if config.english_only else whisper_language(language)
    kwargs: dict[str, Any] = {
        "language": lang,
        "beam_size": config.beam_size,
        "word_timestamps": True,
        "vad_filter": True,
        "vad_parameters": {"min_silence_duration_ms": 700, "speech_pad_ms": 300},
        "condition_on_previous_text": False,
        "hallucination_silence_threshold": 2.0,
        "hotwords": prompt if config.glossary_mode == "hotwords" else None,
    }
    out: list[Segment] = []
    detected = language or ""
    try:
        for n, (a, b) in enumerate(chunk_bounds(audio)):
            offset = a / SAMPLE_RATE
            segments_iter, info = model.transcribe(
                audio[a:b],
                # the prompt only helps the opening window; later chunks go without it
                initial_prompt=prompt if config.glossary_mode == "prompt" and n == 0 else None,
                **kwargs,
            )
            detected = info.language or detected
            for seg in segments_iter:  # the work happens while iterating
                check(cancel)
                kept = _segment(seg, offset)
                if kept is not None:
                    out.append(kept)
                report(progress, "transcribe", (offset + seg.end) / max(duration, 1e-6), seg.text.strip()[:60])
    except (TranscriptionError, CancelledError):
        raise
    except Exception as exc:
        raise TranscriptionError(f"speech recognition failed: {type(exc).__name__}: {exc}") from None
    report(progress, "transcribe", 1.0)
    if config.glossary_mode != "off":
        from indexing.glossary import apply_glossary

        out = list(apply_glossary(out, hotwords))
    return Transcript(
        language=detected,
        duration=round(duration, 3),
        segments=tuple(out),
        model=config.model,
    )
