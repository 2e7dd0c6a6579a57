#!/usr/bin/env bash
# The offshore crane lift from the command line: the autopilot run passes and gives the
# same state hash twice; --sea-state 2 still passes, 6 (above the crane's limit) calls
# the lift off without lifting; a bad --sea-state and a scenario with a negative wave
# height exit 2 naming what and where. (bash script HAIHE SRC BUILD)
set -u
HAIHE=$1 SRC=$2 BUILD=$3
T=$(mktemp -d "$BUILD/cli_offshore.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail=0
field() { grep -o "\"$1\": *[^,}]*" "$2" | head -1 | sed 's/^[^:]*: *//'; }
for i in 1 2; do
  timeout 120 "$HAIHE" run marine/offshore_lift --headless --autopilot --json "$T/r$i.json" \
    >"$T/out$i" 2>&1 || { echo "FAIL: run $i exited $?"; cat "$T/out$i"; exit 1; }
done
[ "$(field state_hash "$T/r1.json")" = "$(field state_hash "$T/r2.json")" ] ||
  { echo "FAIL: state hash differs between runs"; fail=1; }
[ "$(field passed "$T/r1.json")" = "true" ] || { echo "FAIL: autopilot did not pass"; cat "$T/r1.json"; fail=1; }
timeout 120 "$HAIHE" run marine/offshore_lift --headless --autopilot --sea-state 2 --json "$T/s2.json" >/dev/null 2>&1
[ "$(field passed "$T/s2.json")" = "true" ] || { echo "FAIL: sea state 2 did not pass"; fail=1; }
timeout 120 "$HAIHE" run marine/offshore_lift --headless --autopilot --sea-state 6 --json "$T/s6.json" >/dev/null 2>&1
grep -q '"critical": \[\]' "$T/s6.json" || { echo "FAIL: sea state 6: a critical fault"; cat "$T/s6.json"; fail=1; }
"$HAIHE" run marine/offshore_lift --headless --sea-state 9 >"$T/bad" 2>&1
rc=$?
[ $rc = 2 ] && grep -q "sea-state" "$T/bad" || { echo "FAIL: --sea-state 9 exited $rc"; cat "$T/bad"; fail=1; }
sed 's/sea { hs = 2.0,/sea { hs = -1.5,/' "$SRC/scenarios/marine/offshore_lift.lua" >"$T/neg.lua"
"$HAIHE" check "$T/neg.lua" >"$T/neg" 2>&1
rc=$?
[ $rc = 2 ] && grep -q "neg.lua:[0-9]*: error E202: sea.hs" "$T/neg" ||
  { echo "FAIL: negative hs: exit $rc"; cat "$T/neg"; fail=1; }
[ $fail = 0 ] && echo "ok: offshore lift runs, sea states and bad input"
exit $fail
