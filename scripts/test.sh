#!/usr/bin/env bash
# One command to set up and run the whole test suite (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen KNOWHOW_NO_DIALOGS=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
.venv/bin/ruff check indexing capture_app tests assets
.venv/bin/mypy
.venv/bin/lint-imports
.venv/bin/python -m pytest -p no:cacheprovider "$@"
