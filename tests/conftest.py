"""Shared test setup: every path points into a temporary folder, nothing reaches the network."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "assets" / "sample" / "die_change.mp4"
SAMPLE_TRUTH = ROOT / "assets" / "sample" / "die_change.truth.json"
SAMPLE_MARKERS = ROOT / "assets" / "sample" / "die_change.markers.json"

_TMP = Path(tempfile.mkdtemp(prefix="knowhow-tests-"))


def pytest_configure(config: pytest.Config) -> None:
    for var, sub in (
        ("KNOWHOW_DATA_DIR", "data"),
        ("KNOWHOW_CONFIG_DIR", "config"),
        ("KNOWHOW_CACHE_DIR", "cache"),
        ("KNOWHOW_LOG_DIR", "log"),
    ):
        os.environ[var] = str(_TMP / sub)
    # Derived model files (the ONNX export of MiniLM, ~20 s to make) outlive one test run.
    os.environ.setdefault("KNOWHOW_MODELS_DIR", str(Path(tempfile.gettempdir()) / "knowhow-test-models"))
    os.environ.pop("KNOWHOW_LIBRARY", None)
    os.environ.pop("KNOWHOW_CHROMA_URL", None)
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ["ANONYMIZED_TELEMETRY"] = "False"
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["KNOWHOW_NO_DIALOGS"] = "1"


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_TMP, ignore_errors=True)


@pytest.fixture(scope="session")
def sample_library(tmp_path_factory: pytest.TempPathFactory):
    """A library with the bundled sample ingested once by the real pipeline (no markers).

    Tests must not modify it: copy it with `copy_library` when they need to write.
    """
    from indexing.library import Library
    from indexing.pipeline import ingest

    root = tmp_path_factory.mktemp("sample-library")
    library = Library(root)
    library.add_terms(["bolster", "clamp bolt"])
    result = ingest(library, SAMPLE, title="Die change, press 4", expert="Kim Min-jun",
                    workstation="P4", process="Stamping line 2")
    library.sample_session_id = result.session_id  # type: ignore[attr-defined]
    return library


@pytest.fixture
def copy_library(sample_library, tmp_path: Path):
    """A writable copy of the sample library."""
    from indexing.library import Library

    dst = tmp_path / "library"
    shutil.copytree(sample_library.root, dst, ignore=shutil.ignore_patterns(".writer.lock"))
    lib = Library(dst)
    lib.sample_session_id = sample_library.sample_session_id  # type: ignore[attr-defined]
    return lib


from tests.conftest_chroma import chroma_server  # noqa: E402,F401  (a session fixture: real `chroma run`)
