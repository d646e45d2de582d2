#!/usr/bin/env bash
# Set up everything Know-how Capture needs on a fresh Debian/Ubuntu machine:
# system packages (when run as root or with sudo), a virtual environment in .venv,
# the CPU build of torch, then the project with its app and test extras.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
VENV=${KNOWHOW_VENV:-.venv}
SYSTEM_PACKAGES=(ffmpeg espeak-ng sox xvfb libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0
  libfontconfig1 libdbus-1-3 libpulse0 libxcb-icccm4 libxcb-cursor0 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core
  fonts-noto-cjk)

if command -v apt-get >/dev/null 2>&1 && [ "${KNOWHOW_SKIP_APT:-0}" != 1 ]; then
  missing=()
  for p in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "setup: installing system packages: ${missing[*]}" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating $VENV" >&2
  "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
# The CPU build of torch first: a bare `torch` requirement could pull a multi-GB CUDA build.
"$VENV/bin/python" -c "import torch" 2>/dev/null || "$VENV/bin/pip" install -q "torch==2.13.0"
"$VENV/bin/pip" install -q -e ".[app,test]"
echo "setup: ready ($VENV)" >&2
