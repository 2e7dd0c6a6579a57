#!/usr/bin/env bash
# Competition mode: refuses the autopilot, a replay as control source and a missing
# trainee (exit 2); records to the data folder by default, signs with the station key
# (created on first use, mode 0600); `rescore --verify --pubkey` proves the result and
# re-simulates to the identical score and state hash. (bash script HAIHE SRC BUILD)
set -u
HAIHE=$1 SRC=$2 BUILD=$3
T=$(mktemp -d "$BUILD/cli_competition.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T/data"
fail=0
no() { echo "FAIL: $*"; fail=1; }
S=port/sts_first_lift

expect2() { # expect2 "text" args...
  local text=$1; shift
  "$HAIHE" "$@" >"$T/out" 2>&1; local rc=$?
  [ $rc -eq 2 ] && grep -qF -- "$text" "$T/out" || { no "$* -> $rc, want 2 with '$text'"; cat "$T/out"; }
}
expect2 "--autopilot" run $S --headless --competition --trainee a --autopilot
expect2 "--replay" run $S --headless --competition --trainee a --replay "$T/x.hhr"
expect2 "--trainee" run $S --headless --competition
expect2 "--trainee" run $S --headless --competition --trainee ""
[ -e "$T/data/haihe/station.key" ] && no "a refused run created a key"

# a practice round: default recording, signed, stored as competition
"$HAIHE" run $S --headless --competition --trainee "王五" --seconds 6 --json "$T/r.json" >"$T/out" 2>&1 ||
  { no "competition run failed"; cat "$T/out"; }
R=$(ls "$T"/data/haihe/replays/*.hhr 2>/dev/null | head -1)
[ -n "$R" ] && [ -s "$R" ] || no "no default recording under the data folder"
KEY="$T/data/haihe/station.key" PUB="$T/data/haihe/station.pub"
[ "$(stat -c %a "$KEY" 2>/dev/null)" = 600 ] || no "station key mode $(stat -c %a "$KEY" 2>/dev/null)"
grep -q "signed with the station key" "$T/out" || no "run does not say it signed"
[ "$(sqlite3 "$T/data/haihe/results.db" 'select competition, trainee from attempts')" = "1|王五" ] || no "stored attempt"
"$HAIHE" rescore --verify "$R" --pubkey "$PUB" --result "$T/r.json" >"$T/out" 2>&1 ||
  { no "verify failed"; cat "$T/out"; }
grep -q "Identical" "$T/out" && grep -q "reproduces it exactly" "$T/out" && grep -q '"trainee": "王五"' "$T/out" ||
  { no "verify output"; cat "$T/out"; }
# the key is reused next time
"$HAIHE" run $S --headless --competition --trainee b --seconds 2 --record "$T/b.hhr" >/dev/null 2>&1 || no "second run"
"$HAIHE" rescore --verify "$T/b.hhr" --pubkey "$PUB" >/dev/null 2>&1 || no "second run not signed by the same key"
# a key readable by others is refused before the run
chmod 644 "$KEY"
expect2 "E105" run $S --headless --competition --trainee c --seconds 1 --record "$T/c.hhr"
[ -e "$T/c.hhr" ] && no "recorded with a refused key"
chmod 600 "$KEY"
# the countdown is on the HUD: competition and practice frames differ in the time panel
if "$HAIHE" run $S --competition --trainee d --seconds 1 --screenshot "$T/c.png" --at 0.5 --record "$T/d.hhr" \
     --size 320x180 >/dev/null 2>&1 && "$HAIHE" run $S --seconds 1 --screenshot "$T/p.png" --at 0.5 --size 320x180 \
     >/dev/null 2>&1; then
  cmp -s "$T/c.png" "$T/p.png" && no "competition HUD shows no countdown"
else
  echo "note: no offscreen GL here, countdown screenshot skipped"
fi
[ $fail = 0 ] && echo "competition ok"
exit $fail
