"""The frozen Linux build (installers/build-linux.sh) ingests, searches and renders offline.

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


def _run(args: list[str], tmp: Path, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    nowhere = "http://127.0.0.1:9"
    env = {
        "PATH": "/usr/bin:/bin",  # no virtual environment, no python of ours
        "HOME": str(tmp / "home"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "KNOWHOW_NO_DIALOGS": "1",
        "KNOWHOW_DATA_DIR": str(tmp / "data"),
        "KNOWHOW_CONFIG_DIR": str(tmp / "config"),
        "KNOWHOW_CACHE_DIR": str(tmp / "cache"),
        "KNOWHOW_LOG_DIR": str(tmp / "log"),
        "http_proxy": nowhere, "https_proxy": nowhere, "HTTP_PROXY": nowhere, "HTTPS_PROXY": nowhere,
        "ALL_PROXY": nowhere, "no_proxy": "", "NO_PROXY": "",
    }
    return subprocess.run([*_offline_prefix(), *args], capture_output=True, text=True, timeout=timeout,
                          env=env, cwd=tmp)


def test_frozen_cli_ingests_and_searches_offline(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    out = _run([str(FROZEN / "knowhow"), "--library", str(lib), "ingest", str(SAMPLE), "--workstation", "P4",
                "--json"], tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout)
    assert result["steps"] >= 5
    out = _run([str(FROZEN / "knowhow"), "--library", str(lib), "search", "how do I change the die",
                "--workstation", "P4", "--json"], tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    hits = json.loads(out.stdout)
    assert hits and any("die" in (h["title"] + h["text"]).lower() for h in hits[:3])
    # Bad input still gives one clear line and a non-zero status.
    bad = _run([str(FROZEN / "knowhow"), "--library", str(lib), "search", "   "], tmp_path)
    assert bad.returncode != 0 and len(bad.stderr.strip().splitlines()) == 1


def test_frozen_app_renders_every_view_offline(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    assert _run([str(FROZEN / "knowhow"), "--library", str(lib), "ingest", str(SAMPLE)], tmp_path).returncode == 0
    shots = tmp_path / "shots"
    out = _run([str(FROZEN / "knowhow-app"), "--library", str(lib), "--screenshot", str(shots)], tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    pngs = sorted(shots.glob("*.png"))
    assert len(pngs) >= 5 and all(p.stat().st_size > 5000 for p in pngs)
