#!/usr/bin/env bash
# A replay recorded with the instructor's --sea-state carries it (replay format
# version 1 with HH_REPLAY_FLAG_SEA, engine/sim/hh_replay.h) and rescores identical: rescore and run --replay
# apply the recorded sea state. A replay without the override stays version 1, and a
# tampered sea state field is caught by the header checksum. (bash script HAIHE SRC BUILD)
set -u
HAIHE=$1 SRC=$2 BUILD=$3
T=$(mktemp -d "$BUILD/cli_sea_replay.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail=0
field() { grep -o "\"$1\": *[^,}]*" "$2" | head -1 | sed 's/^[^:]*: *//'; }
version() { od -An -tu4 -j8 -N4 "$1" | tr -d ' '; }
timeout 120 "$HAIHE" run marine/offshore_lift --headless --autopilot --sea-state 3 \
  --seconds 40 --record "$T/s3.hhr" --json "$T/run.json" >"$T/out" 2>&1 ||
  { echo "FAIL: recording with --sea-state 3 exited $?"; cat "$T/out"; exit 1; }
[ "$(version "$T/s3.hhr")" = 65537 ] || # HH_REPLAY_VERSION 1 | HH_REPLAY_FLAG_SEA
  { echo "FAIL: --sea-state replay has version word $(version "$T/s3.hhr"), want 65537"; fail=1; }
timeout 120 "$HAIHE" rescore "$T/s3.hhr" --json "$T/rescore.json" >"$T/out" 2>&1
rc=$?
[ $rc = 0 ] && grep -q "Identical" "$T/out" ||
  { echo "FAIL: rescore of the --sea-state 3 replay exited $rc"; cat "$T/out"; fail=1; }
for k in state_hash score; do
  [ -n "$(field $k "$T/run.json")" ] && [ "$(field $k "$T/run.json")" = "$(field $k "$T/rescore.json")" ] ||
    { echo "FAIL: rescore $k '$(field $k "$T/rescore.json")' != run '$(field $k "$T/run.json")'"; fail=1; }
done
# the sea state matters: the same controls in sea state 2 end in another state
timeout 120 "$HAIHE" run marine/offshore_lift --headless --autopilot --sea-state 2 \
  --seconds 40 --json "$T/s2.json" >/dev/null 2>&1
[ "$(field state_hash "$T/s2.json")" != "$(field state_hash "$T/run.json")" ] ||
  { echo "FAIL: sea states 2 and 3 give the same state hash"; fail=1; }
# playing the replay back applies the recorded sea state too
timeout 120 "$HAIHE" run marine/offshore_lift --headless --replay "$T/s3.hhr" --json "$T/play.json" \
  >"$T/out" 2>&1 || { echo "FAIL: run --replay exited $?"; cat "$T/out"; fail=1; }
[ "$(field state_hash "$T/play.json")" = "$(field state_hash "$T/run.json")" ] ||
  { echo "FAIL: run --replay state hash differs"; fail=1; }
# without the override the file stays version 1
timeout 120 "$HAIHE" run marine/offshore_lift --headless --autopilot --seconds 2 \
  --record "$T/plain.hhr" >/dev/null 2>&1
[ "$(version "$T/plain.hhr")" = 1 ] || { echo "FAIL: plain replay has version word $(version "$T/plain.hhr"), want 1"; fail=1; }
# a flipped sea state byte fails the header checksum (exit 2), not a silent rescore
n=$(( $(od -An -tu2 -j32 -N2 "$T/s3.hhr") ))            # build id length
n2=$(( $(od -An -tu2 -j$((34 + n)) -N2 "$T/s3.hhr") ))  # scenario id length
off=$((36 + n + n2))
n3=$(( $(od -An -tu2 -j$off -N2 "$T/s3.hhr") ))          # scenario path length
off=$((off + 2 + n3))
[ "$(od -An -tu4 -j$off -N4 "$T/s3.hhr" | tr -d ' ')" = 3 ] ||
  { echo "FAIL: sea state field not at byte offset $off"; fail=1; }
cp "$T/s3.hhr" "$T/bad.hhr"
printf '\005' | dd of="$T/bad.hhr" bs=1 seek=$off conv=notrunc 2>/dev/null
"$HAIHE" rescore "$T/bad.hhr" >"$T/out" 2>&1
rc=$?
[ $rc = 2 ] && grep -q "header checksum" "$T/out" ||
  { echo "FAIL: tampered sea state: exit $rc"; cat "$T/out"; fail=1; }
[ $fail = 0 ] && echo "ok: --sea-state replays record, rescore and play back"
exit $fail
