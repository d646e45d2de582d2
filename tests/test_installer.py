"""The frozen Linux build (installers/build-linux.sh) ingests, searches, prints and renders offline.

Runs whenever a build exists (`build/installer/dist/knowhow`, or `$KNOWHOW_FROZEN_DIR`), and
skips otherwise: building takes many minutes, so it is done on demand. The frozen programs run
with no Python on the PATH, no PYTHONPATH or virtual environment, and the network cut: in a new
network namespace (`unshare -n`, which needs root), else with every proxy variable pointing at a
closed local port and HF/transformers offline switches off (so the run would fail loudly if the
bundle tried to download).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE

FROZEN = Path(os.environ.get("KNOWHOW_FROZEN_DIR", ROOT / "build" / "installer" / "dist" / "knowhow"))
KO_MEDIA = ROOT / "assets" / "sample" / "ko_die_change.mp4"
KO_SRT = ROOT / "assets" / "sample" / "ko_die_change.srt"
KO_TRUTH = json.loads((ROOT / "assets" / "sample" / "ko_die_change.truth.json").read_text(encoding="utf-8"))
KO_TITLES = ["프레스 전원 차단하기", "클램프 볼트 풀기", "금형 들어 올리기", "볼스터 면 닦기", "금형 올리기",
             "시험 타발하기"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (FROZEN / "knowhow").exists(), reason=f"no frozen build at {FROZEN}"),
]


def _offline_prefix() -> list[str]:
    unshare = shutil.which("unshare")
    if unshare and os.geteuid() == 0:
        probe = subprocess.run([unshare, "-n", "true"], capture_output=True)
        if probe.returncode == 0:
            return [unshare, "-n"]
    return []


def _run(args: list[str], home: Path, timeout: int = 900, **extra: str) -> subprocess.CompletedProcess[str]:
    nowhere = "http://127.0.0.1:9"
    env = {
        "PATH": "/usr/bin:/bin",  # no virtual environment, no python of ours
        "HOME": str(home / "home"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "KNOWHOW_NO_DIALOGS": "1",
        "KNOWHOW_DATA_DIR": str(home / "data"),
        "KNOWHOW_CONFIG_DIR": str(home / "config"),
        "KNOWHOW_CACHE_DIR": str(home / "cache"),
        "KNOWHOW_LOG_DIR": str(home / "log"),
        "http_proxy": nowhere, "https_proxy": nowhere, "HTTP_PROXY": nowhere, "HTTPS_PROXY": nowhere,
        "ALL_PROXY": nowhere, "no_proxy": "", "NO_PROXY": "",
        **extra,
    }
    return subprocess.run([*_offline_prefix(), *args], capture_output=True, text=True, timeout=timeout,
                          env=env, cwd=home)


def _knowhow(lib: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return _run([str(FROZEN / "knowhow"), "--library", str(lib), *args], home)


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """One user home for the module: the model cache (the joined Whisper base) is made once."""
    return tmp_path_factory.mktemp("frozen-home")


@pytest.fixture(scope="module")
def english_library(home: Path) -> Path:
    lib = home / "lib-en"
    out = _knowhow(lib, "ingest", str(SAMPLE), "--workstation", "P4", "--json", home=home)
    assert out.returncode == 0, out.stderr[-3000:]
    assert json.loads(out.stdout)["steps"] >= 5
    return lib


@pytest.fixture(scope="module")
def korean_library(home: Path) -> tuple[Path, str]:
    lib = home / "lib-ko"
    out = _knowhow(lib, "ingest", str(KO_MEDIA), "--title", KO_TRUTH["title"], "--expert", "박정호",
                   "--workstation", KO_TRUTH["workstation"],
                   "--language", "ko", "--transcript", str(KO_SRT), "--json", "--quiet", home=home)
    assert out.returncode == 0, out.stderr[-3000:]
    doc = json.loads(out.stdout)
    assert (doc["procedures"], doc["steps"]) == (1, 6)
    return lib, doc["session_id"]


def test_frozen_cli_ingests_and_searches_offline(english_library: Path, home: Path) -> None:
    out = _knowhow(english_library, "search", "how do I change the die", "--workstation", "P4", "--json",
                   home=home)
    assert out.returncode == 0, out.stderr[-3000:]
    hits = json.loads(out.stdout)
    assert hits and any("die" in (h["title"] + h["text"]).lower() for h in hits[:3])
    # The bundle ships the embedder's optimised graph (made at build time): no start re-optimises
    # it or keeps a copy in the user's model cache.
    assert not list((home / "data").rglob("*.onnx")), sorted((home / "data").rglob("*.onnx"))
    # Bad input still gives one clear line and a non-zero status.
    bad = _knowhow(english_library, "search", "   ", home=home)
    assert bad.returncode != 0 and len(bad.stderr.strip().splitlines()) == 1


def test_frozen_anonymized_export_finds_the_face_models(english_library: Path, home: Path) -> None:
    # Blurring (OpenCV's Haar cascades) and the independent face check (the vendored LBP cascade,
    # indexing/export/data) must both load inside the bundle: without either the export stops
    # with "face check model ... is missing".
    out_dir = home / "export-anon"
    out = _knowhow(english_library, "export", "--out", str(out_dir), "--anonymize", "--status", "any",
                   "--media", "keyframes", "--quiet", home=home)
    assert out.returncode == 0, out.stderr[-3000:]
    assert list(out_dir.rglob("*.jpg")), "the anonymized export wrote no keyframes"
    assert "Faces were blurred" in (out_dir / "README.md").read_text(encoding="utf-8")
    # The default formats include "hf": pyarrow writes Parquet inside the bundle (the spec prunes
    # parts of pyarrow it does not use, installers/knowhow.spec).
    parquet = sorted((out_dir / "data").glob("*.parquet"))
    assert parquet and all(p.read_bytes()[:4] == b"PAR1" == p.read_bytes()[-4:] for p in parquet), parquet


def test_frozen_cli_korean_ingest_search_and_sheet(korean_library: tuple[Path, str], home: Path) -> None:
    lib, sid = korean_library
    out = _knowhow(lib, "steps", sid, "--json", home=home)
    assert out.returncode == 0, out.stderr[-3000:]
    assert [s["title"] for s in json.loads(out.stdout)] == KO_TITLES  # Kiwi and the Korean data files work
    out = _knowhow(lib, "search", "클램프 볼트", "-k", "3", "--json", home=home)
    assert out.returncode == 0, out.stderr[-3000:]
    hits = json.loads(out.stdout)
    assert any(h["step_id"] == f"{sid}-p1s02" for h in hits), [h["title"] for h in hits]
    # The work-instruction sheet: fpdf2, segno's QR code and the system's Hangul font.
    pdf = home / "sheet.pdf"
    out = _knowhow(lib, "document", sid, "--out", str(pdf), home=home)
    assert out.returncode == 0, out.stderr[-3000:]
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert all(title in text for title in KO_TITLES), text[:2000]


def test_frozen_batch_ingest_runs_in_process_and_refuses_a_cluster(home: Path) -> None:
    lib = home / "lib-batch"
    out = _knowhow(lib, "batch-ingest", str(SAMPLE), "--ray", "127.0.0.1:6379", home=home)
    assert out.returncode != 0
    assert len(out.stderr.strip().splitlines()) == 1 and "needs Ray" in out.stderr, out.stderr[-3000:]
    assert not lib.exists()
    out = _knowhow(lib, "batch-ingest", str(SAMPLE), "--json", home=home)
    assert out.returncode == 0, out.stderr[-3000:]
    doc = json.loads(out.stdout)
    assert (doc["runner"], doc["added"], doc["failed"]) == ("in-process", 1, 0)
    hits = json.loads(_knowhow(lib, "search", "how do I lock out the press", "--json", home=home).stdout)
    assert hits and hits[0]["session_id"] == doc["files"][0]["session_id"]


def test_frozen_app_renders_every_view_offline(english_library: Path, home: Path) -> None:
    shots = home / "shots-en"
    out = _run([str(FROZEN / "knowhow-app"), "--library", str(english_library), "--screenshot", str(shots)], home)
    assert out.returncode == 0, out.stderr[-3000:]
    pngs = sorted(shots.glob("*.png"))
    assert len(pngs) >= 5 and all(p.stat().st_size > 5000 for p in pngs)


def test_frozen_app_in_korean(korean_library: tuple[Path, str], home: Path) -> None:
    lib, _ = korean_library
    shots = home / "shots-ko"
    out = _run([str(FROZEN / "knowhow-app"), "--library", str(lib), "--screenshot", str(shots)], home,
               KNOWHOW_UI_LANGUAGE="ko")
    assert out.returncode == 0, out.stderr[-3000:]
    # The catalogue is in the bundle and a Hangul font was found (else these warnings are printed).
    assert "catalogue" not in out.stderr and "no font with Hangul" not in out.stderr, out.stderr[-3000:]
    pngs = sorted(shots.glob("*.png"))
    assert len(pngs) >= 5 and all(p.stat().st_size > 5000 for p in pngs)
