"""The Linux package installs, runs from /usr/bin offline, writes nothing into /opt, and uninstalls.

On demand only: it installs a system package, so it runs only as root, with `dpkg`, when the built
`.deb` exists (`build/installer/knowhow-capture_*_amd64.deb`, or `$KNOWHOW_DEB`), when asked for
with `KNOWHOW_TEST_DEB=1`, and when no `knowhow-capture` is installed already (it would be
replaced, then removed). Run: `KNOWHOW_TEST_DEB=1 python -m pytest tests/test_installer_deb.py`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE
from tests.test_installer import _run

PACKAGE = "knowhow-capture"
_debs = sorted((ROOT / "build" / "installer").glob(f"{PACKAGE}_*_amd64.deb"))
DEB = Path(os.environ["KNOWHOW_DEB"]) if os.environ.get("KNOWHOW_DEB") else (_debs[-1] if _debs else None)


def _installed() -> bool:
    probe = subprocess.run(["dpkg-query", "-W", "-f=${Status}", PACKAGE], capture_output=True, text=True)
    return probe.returncode == 0 and "installed" in probe.stdout.split()


def _why_skip() -> str | None:
    if os.environ.get("KNOWHOW_TEST_DEB") != "1":
        return "installs a system package: set KNOWHOW_TEST_DEB=1"
    if DEB is None or not DEB.exists():
        return "no .deb built (installers/build-linux.sh)"
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("dpkg") is None:
        return "needs root and dpkg"
    if _installed():
        return f"{PACKAGE} is installed already; not replacing it"
    return None


pytestmark = [pytest.mark.slow, pytest.mark.skipif(_why_skip() is not None, reason=str(_why_skip()))]


def _tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def test_deb_installs_runs_offline_and_uninstalls(tmp_path: Path) -> None:
    assert DEB is not None
    subprocess.run(["dpkg", "-i", str(DEB)], check=True, capture_output=True, timeout=900)
    try:
        installed = _tree(Path("/opt/knowhow"))
        assert os.path.realpath("/usr/bin/knowhow") == "/opt/knowhow/knowhow"
        desktop = Path("/usr/share/applications/knowhow-app.desktop").read_text(encoding="utf-8")
        assert "Exec=/opt/knowhow/knowhow-app %u" in desktop and "x-scheme-handler/knowhow" in desktop
        out = _run(["/usr/bin/knowhow", "--help"], tmp_path)
        assert out.returncode == 0 and "ingest" in out.stdout, out.stderr[-2000:]
        lib = tmp_path / "lib"
        out = _run(["/usr/bin/knowhow", "--library", str(lib), "ingest", str(SAMPLE), "--workstation", "P4",
                    "--json"], tmp_path)
        assert out.returncode == 0, out.stderr[-3000:]
        assert json.loads(out.stdout)["steps"] >= 5
        out = _run(["/usr/bin/knowhow", "--library", str(lib), "search", "how do I change the die", "--json"],
                   tmp_path)
        assert out.returncode == 0, out.stderr[-3000:]
        hits = json.loads(out.stdout)
        assert hits and any("die" in (h["title"] + h["text"]).lower() for h in hits[:3])
        for lang in ("en", "ko"):
            shots = tmp_path / f"shots-{lang}"
            out = _run(["/usr/bin/knowhow-app", "--library", str(lib), "--screenshot", str(shots)], tmp_path,
                       KNOWHOW_UI_LANGUAGE=lang)
            assert out.returncode == 0, out.stderr[-3000:]
            assert len(list(shots.glob("*.png"))) >= 5
        # The install folder is left as installed (the optimised graph was shipped, not made here),
        # and the user's model cache did not have to make one either.
        assert _tree(Path("/opt/knowhow")) == installed
        assert not list((tmp_path / "data").rglob("*.onnx"))
        keep = os.environ.get("KNOWHOW_DEB_SHOTS")
        if keep:  # for a person to look at
            for lang in ("en", "ko"):
                shutil.copytree(tmp_path / f"shots-{lang}", Path(keep) / lang, dirs_exist_ok=True)
    finally:
        subprocess.run(["dpkg", "-r", PACKAGE], check=True, capture_output=True, timeout=600)
    assert not _installed()
    assert not Path("/usr/bin/knowhow").exists() and not Path("/opt/knowhow/knowhow").exists()
