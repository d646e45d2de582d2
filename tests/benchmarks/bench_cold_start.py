"""Cold start: `knowhow search` as one command and the app rendering all five views (run on demand).

Usage: python tests/benchmarks/bench_cold_start.py --library DIR [--repeat N] [--app] [--frozen DIR] [--no-st]
                                                  [--base DIR]

Every run is a fresh process, timed from spawn to exit, in the same run as its baselines:
  python      `python -c pass`: the interpreter alone
  search      `knowhow search "..." --json` on the default (lean, ONNX Runtime) path
  search-st   the same with KNOWHOW_EMBED_RUNTIME=torch: sentence-transformers, the old default
  app         `knowhow-app --screenshot` (open the library, render all five views)   [--app]
  app-st      the same on sentence-transformers                                        [--app]
  frozen      the frozen `knowhow search` of an installer build (DIR/knowhow)          [--frozen]
              (a second --frozen DIR is timed as frozen2, and so on)
  frozen-app  the frozen `knowhow-app --screenshot`                             [--frozen --app]
  base        `knowhow search` (and with --app the app) run from another checkout DIR   [--base DIR]
              (main's, in a `git worktree`), same interpreter: `search_vs_base`, `app_vs_base`
The frozen programs run with PATH=/usr/bin:/bin and an empty model cache of their own, so
`frozen_wrote_model_cache` tells whether a start had to optimise the embedder's graph itself
(an installed, read-only bundle should not). `--no-st` skips the sentence-transformers runs.
Targets: search <= 1.5 s, app <= 8 s. Bytecode is compiled first and the run does not set
PYTHONDONTWRITEBYTECODE, as in an installed app.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _time(cmd: list[str], env: dict[str, str], cwd: str) -> float:
    """Seconds from spawn to exit. `cwd` is neutral: `python -m` puts it first on sys.path."""
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=600)
    took = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return took


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--library", required=True, help="a library with at least one ingested session")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--app", action="store_true", help="also time the app's --screenshot start")
    ap.add_argument("--frozen", type=Path, action="append", default=[],
                    help="an installer build folder (dist/knowhow); repeat to compare builds: frozen, frozen2, ...")
    ap.add_argument("--no-st", action="store_true", help="skip the sentence-transformers baselines")
    ap.add_argument("--base", type=Path, help="another checkout (e.g. main's worktree) timed as the baseline")
    args = ap.parse_args(argv)
    for tree in (ROOT, *([args.base] if args.base else [])):
        for pkg in ("indexing", "capture_app"):
            compileall.compile_dir(tree / pkg, quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", KNOWHOW_NO_DIALOGS="1",
               HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
    torch_env = dict(env, KNOWHOW_EMBED_RUNTIME="torch")
    library = str(Path(args.library).resolve())  # the runs start in a neutral folder
    search = [sys.executable, "-m", "indexing.cli", "--library", library, "search",
              "how do I change the die safely", "--json"]
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as tmp:
        app = [sys.executable, "-m", "capture_app", "--library", library, "--screenshot", tmp]
        plan = {"python": ([sys.executable, "-c", "pass"], env), "search": (search, env)}
        if not args.no_st:
            plan["search-st"] = (search, torch_env)
        if args.app:
            plan["app"] = (app, env)
            if not args.no_st:
                plan["app-st"] = (app, torch_env)
        if args.base:
            base_env = dict(env, PYTHONPATH=str(args.base.resolve()))
            plan["search-base"] = (search, base_env)
            if args.app:
                plan["app-base"] = (app, base_env)
        frozen_models = Path(tmp) / "frozen-models"
        frozen_env = {k: v for k, v in env.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        frozen_env.update(PATH="/usr/bin:/bin", KNOWHOW_MODELS_DIR=str(frozen_models))
        frozen = {f"frozen{i + 1 if i else ''}": folder for i, folder in enumerate(args.frozen)}
        for name, folder in frozen.items():
            plan[name] = ([str(folder / "knowhow"), *search[3:]], frozen_env)
            if args.app:
                plan[f"{name}-app"] = ([str(folder / "knowhow-app"), *app[3:]], frozen_env)
        for cmd, e in plan.values():  # warm the page cache once: "cold" means a new process
            _time(cmd, e, tmp)
        runs: dict[str, list[float]] = {k: [] for k in plan}
        for _ in range(args.repeat):  # interleaved, so machine load hits every kind alike
            for name, (cmd, e) in plan.items():
                runs[name].append(_time(cmd, e, tmp))
        frozen_wrote = frozen_models.exists() and any(frozen_models.rglob("*.onnx"))
    med = {k: statistics.median(v) for k, v in runs.items()}
    report: dict[str, object] = {k: {"median_s": round(med[k], 3), "runs_s": [round(x, 3) for x in v]} for k, v in runs.items()}
    if "search-st" in med:
        report["search_vs_sentence_transformers"] = round(med["search"] / med["search-st"], 3)
    for name in frozen:
        report[f"{name}_vs_venv_search"] = round(med[name] / med["search"], 3)
    if frozen:
        report["frozen_wrote_model_cache"] = frozen_wrote
    if "search-base" in med:
        report["search_vs_base"] = round(med["search"] / med["search-base"], 3)
    report["search_ok"] = med["search"] <= 1.5
    if args.app:
        if "app-st" in med:
            report["app_vs_sentence_transformers"] = round(med["app"] / med["app-st"], 3)
        for name in frozen:
            report[f"{name}_vs_venv_app"] = round(med[f"{name}-app"] / med["app"], 3)
        if "app-base" in med:
            report["app_vs_base"] = round(med["app"] / med["app-base"], 3)
        report["app_ok"] = med["app"] <= 8.0
    report["load_average"] = [round(x, 1) for x in os.getloadavg()]
    print(json.dumps(report, indent=2))
    return 0 if report["search_ok"] and report.get("app_ok", True) else 1


if __name__ == "__main__":
    sys.exit(main())
