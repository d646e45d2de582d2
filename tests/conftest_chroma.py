"""A real Chroma server for tests (`chroma run` on 127.0.0.1, a free port, a temp folder).

Wire it into `tests/conftest.py` with::

    from tests.conftest_chroma import chroma_server  # noqa: F401  (a pytest fixture)
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

STARTUP_TIMEOUT_S = 60.0


def chroma_executable() -> Path | None:
    """The `chroma` command installed next to this interpreter, if any."""
    for name in ("chroma", "chroma.exe"):
        candidate = Path(sys.executable).parent / name
        if candidate.exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _heartbeat(url: str) -> bool:
    for path in ("/api/v2/heartbeat", "/api/v1/heartbeat"):
        try:
            with urllib.request.urlopen(url + path, timeout=2) as resp:
                if resp.status == 200:
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            continue
    return False


@contextlib.contextmanager
def running_chroma_server(data: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run `chroma run` on 127.0.0.1 (a free port, its data in `data`); yield its URL and process.

    A test may stop the process itself (a server that goes away); it is stopped on exit anyway.
    """
    exe = chroma_executable()
    if exe is None:
        pytest.skip(f"no `chroma` executable next to {sys.executable} (pip install chromadb)")
    data.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = data / "server.log"
    env = dict(os.environ, ANONYMIZED_TELEMETRY="False", CHROMA_ANONYMIZED_TELEMETRY="False")
    with open(log_path, "wb") as log_file:
        proc = subprocess.Popen(
            [str(exe), "run", "--path", str(data / "db"), "--host", "127.0.0.1", "--port", str(port)],
            stdout=log_file, stderr=subprocess.STDOUT, env=env,
        )
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not _heartbeat(url):
            if proc.poll() is not None:
                pytest.fail(f"chroma run exited with {proc.returncode}: "
                            f"{log_path.read_text(errors='replace')[-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"chroma run gave no heartbeat at {url} within {STARTUP_TIMEOUT_S:.0f} s: "
                            f"{log_path.read_text(errors='replace')[-2000:]}")
            time.sleep(0.2)
        yield url, proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start `chroma run` for the test session and yield its URL (http://127.0.0.1:PORT)."""
    with running_chroma_server(tmp_path_factory.mktemp("chroma-server")) as (url, _proc):
        yield url
