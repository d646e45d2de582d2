"""Every filesystem location the product uses, in one place.

Each location can be overridden by an environment variable, and the library
also by `--library`. Tests point them at `tmp_path`. Nothing else in the code
base calls `Path.home()` or `expanduser`.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "knowhow"

ENV_LIBRARY = "KNOWHOW_LIBRARY"
ENV_DATA_DIR = "KNOWHOW_DATA_DIR"
ENV_CONFIG_DIR = "KNOWHOW_CONFIG_DIR"
ENV_CACHE_DIR = "KNOWHOW_CACHE_DIR"
ENV_LOG_DIR = "KNOWHOW_LOG_DIR"
ENV_MODELS_DIR = "KNOWHOW_MODELS_DIR"
ENV_MODEL_DIR = "KNOWHOW_MODEL_DIR"


def _platform_dir(kind: str) -> Path:
    import platformdirs

    fn = {
        "data": platformdirs.user_data_dir,
        "config": platformdirs.user_config_dir,
        "cache": platformdirs.user_cache_dir,
        "log": platformdirs.user_log_dir,
    }[kind]
    return Path(fn(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Root for the user's data (holds the default library)."""
    env = os.environ.get(ENV_DATA_DIR)
    return Path(env) if env else _platform_dir("data")


def config_dir() -> Path:
    """Where app preferences (last form values, chosen devices) live."""
    env = os.environ.get(ENV_CONFIG_DIR)
    return Path(env) if env else _platform_dir("config")


def cache_dir() -> Path:
    """Scratch space that may be deleted at any time."""
    env = os.environ.get(ENV_CACHE_DIR)
    return Path(env) if env else _platform_dir("cache")


def model_cache_dir() -> Path:
    """Where model files assembled on this machine live (e.g. the joined Whisper `base`).

    Defaults to `<cache dir>/models`: deleting it only costs re-assembling them.
    """
    env = os.environ.get(ENV_MODEL_DIR)
    return Path(env) if env else cache_dir() / "models"


def log_dir() -> Path:
    """Where log files (with tracebacks of unexpected errors) are written."""
    env = os.environ.get(ENV_LOG_DIR)
    return Path(env) if env else _platform_dir("log")


def models_dir() -> Path:
    """Where derived model files (the ONNX export of the default embedder) are kept.

    Not the cache: rebuilding them needs torch, which an installed app lacks.
    """
    env = os.environ.get(ENV_MODELS_DIR)
    return Path(env) if env else data_dir() / "models"


def library_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The library folder: `explicit`, else `$KNOWHOW_LIBRARY`, else `<data dir>/library`."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(ENV_LIBRARY)
    if env:
        return Path(env)
    return data_dir() / "library"


def expand_user_path(value: str) -> Path:
    """Expand a leading `~` in a path typed by a user (the one sanctioned place)."""
    return Path(value).expanduser()
