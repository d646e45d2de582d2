#!/usr/bin/env bash
# Re-extract the app's user-visible strings into capture_app/i18n/knowhow_<lang>.ts and
# compile every .ts to the .qm the app loads. Translations already in a .ts are kept;
# new strings arrive as "unfinished" (tests/gui/test_i18n.py fails until they are translated).
#   bash scripts/update-translations.sh            # extract + compile
#   bash scripts/update-translations.sh --compile  # compile only (after editing a .ts)
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${KNOWHOW_VENV:-.venv}
BIN="$VENV/bin"
[ -x "$BIN/pyside6-lupdate" ] || BIN="$(dirname "$(command -v pyside6-lupdate)")"
I18N=capture_app/i18n
LANGS=(ko)        # full translations; English is the source language
PLURAL_ONLY=(en)  # only the plural forms of "%n" strings

if [ "${1:-}" != "--compile" ]; then
  mapfile -t SOURCES < <(find capture_app -name '*.py' -not -path '*/__pycache__/*' | LC_ALL=C sort)
  for lang in "${LANGS[@]}"; do
    "$BIN/pyside6-lupdate" -locations none -no-obsolete -target-language "$lang" \
      "${SOURCES[@]}" -ts "$I18N/knowhow_$lang.ts"
  done
  for lang in "${PLURAL_ONLY[@]}"; do
    "$BIN/pyside6-lupdate" -locations none -no-obsolete -pluralonly -source-language en \
      -target-language "$lang" "${SOURCES[@]}" -ts "$I18N/knowhow_$lang.ts"
  done
fi
for ts in "$I18N"/knowhow_*.ts; do
  "$BIN/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
echo "update-translations: $(ls "$I18N"/*.qm | tr '\n' ' ')" >&2
