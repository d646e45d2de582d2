"""Desktop app start-up: launch to window shown, vs a bare Qt window (run on demand).

Usage: python tests/benchmarks/bench_app_startup.py [--repeat N] [--library DIR] [--frozen DIR]

Each run is a fresh process under QT_QPA_PLATFORM=offscreen, as a user would
start it. The clock starts just before the process is spawned and stops at
the `time.monotonic()` the process writes once its window has been shown and
the event loop has run (CLOCK_MONOTONIC is shared by all processes).
  baseline  `python -c` with a bare QApplication + QMainWindow shown
  app       `python -m capture_app --library DIR` (all views built, the library opened)
  frozen    the frozen `knowhow-app --library DIR` of an installer build (DIR/knowhow-app), run
            with PATH=/usr/bin:/bin and no Python variables                             [--frozen]
Target: the app is shown within 2 s. Reports the median and each run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1280, 800); w.show()
def done():
    open(os.environ["KNOWHOW_STARTUP_PROBE"], "w").write(f"{time.monotonic():.6f}\n")
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""


def _run(cmd: list[str], env: dict[str, str], probe: Path) -> float:
    probe.unlink(missing_ok=True)
    t0 = time.monotonic()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    if proc.returncode != 0 or not probe.exists():
        raise RuntimeError(f"{cmd} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return float(probe.read_text().strip()) - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--library", help="library to open (default: a new empty one)")
    parser.add_argument("--frozen", type=Path, help="an installer build folder (dist/knowhow)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-app-") as tmp:
        t = Path(tmp)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KNOWHOW_NO_DIALOGS="1",
                   KNOWHOW_CONFIG_DIR=str(t / "config"), KNOWHOW_LOG_DIR=str(t / "log"),
                   KNOWHOW_STARTUP_PROBE=str(t / "probe"))
        library = args.library or str(t / "library")
        plan = {"baseline": ([sys.executable, "-c", BARE], env),
                "app": ([sys.executable, "-m", "capture_app", "--library", library], env)}
        if args.frozen:
            frozen_env = {k: v for k, v in env.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
            frozen_env["PATH"] = "/usr/bin:/bin"
            plan["frozen"] = ([str(args.frozen / "knowhow-app"), "--library", library], frozen_env)
        runs: dict[str, list[float]] = {k: [] for k in plan}
        for _ in range(args.repeat):  # interleaved, so machine load hits every kind alike
            for name, (cmd, e) in plan.items():
                runs[name].append(_run(cmd, e, t / "probe"))
    report = {k: {"median_s": round(statistics.median(v), 3), "runs_s": [round(x, 3) for x in v]}
              for k, v in runs.items()}
    report["app_minus_baseline_s"] = round(report["app"]["median_s"] - report["baseline"]["median_s"], 3)
    if args.frozen:
        report["frozen_vs_venv_app"] = round(report["frozen"]["median_s"] / report["app"]["median_s"], 3)
    report["target_s"] = 2.0
    report["load_average"] = [round(x, 1) for x in os.getloadavg()]
    report["ok"] = report["app"]["median_s"] <= 2.0
    print(json.dumps(report, indent=2))
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
