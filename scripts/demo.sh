#!/usr/bin/env bash
# One command for a newcomer: set up, build the demo library from the bundled
# sample recording, show what is in it, then open the app on it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
LIB=${KNOWHOW_LIBRARY:-$PWD/demo-library}
KH=".venv/bin/knowhow --library $LIB"
echo "== building the demo library in $LIB ==" >&2
$KH terms add "bolster" "clamp bolt" "shut height" >/dev/null
SID=$($KH ingest assets/sample/die_change.mp4 --title "Die change, press 4" --expert "Kim" \
      --workstation P4 --process "Stamping line 2" --json | .venv/bin/python -c "import json,sys; print(json.load(sys.stdin)['session_id'])")
$KH sessions
$KH steps "$SID"
echo; echo "== search: how do I undo the clamp bolts ==" >&2
$KH search "how do I undo the clamp bolts" -k 3
echo; echo "== 한국어 / Korean: the same job narrated in Korean, with its transcript ==" >&2
KSID=$($KH ingest assets/sample/ko_die_change.mp4 --title "4번 프레스 금형 교체" --expert "김민준" \
       --workstation P4 --process "프레스 2라인" --language ko --transcript assets/sample/ko_die_change.srt \
       --json | .venv/bin/python -c "import json,sys; print(json.load(sys.stdin)['session_id'])")
$KH steps "$KSID"
echo; echo "== 검색: 볼트 풀 때 순서가 어떻게 돼? ==" >&2
$KH search "볼트 풀 때 순서가 어떻게 돼?" -k 3
if [ "${KNOWHOW_NO_APP:-0}" = 1 ]; then exit 0; fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "no display found: writing screenshots of every view to $LIB/screenshots instead of opening the app" >&2
  QT_QPA_PLATFORM=offscreen .venv/bin/knowhow-app --library "$LIB" --screenshot "$LIB/screenshots"
  ls "$LIB/screenshots"
else
  exec .venv/bin/knowhow-app --library "$LIB"
fi
