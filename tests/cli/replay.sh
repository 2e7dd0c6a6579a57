#!/usr/bin/env bash
# Record, rescore and replay: a recording re-scores to the identical score and state
# hash (exit 0); a changed byte, a truncated file or another scenario's replay is
# rejected with a clear message (exit 2); a valid replay whose recorded result differs
# from the re-simulation exits 3.
set -u
HAIHE=$1 SRC=$2 BUILD=$3
T=$(mktemp -d "$BUILD/cli_replay.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail=0
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
field() { grep -o "\"$1\": *[^,}]*" "$2" | head -1 | sed 's/^[^:]*: *//'; }

# rescore FILE WANT_STATUS "text in output" [extra args]
rescore() {
  local f=$1 want=$2 text=$3
  shift 3
  timeout 250 "$HAIHE" rescore "$f" "$@" >"$T/out" 2>"$T/err"
  local rc=$?
  if [ $rc -ne "$want" ]; then
    echo "FAIL: rescore $(basename "$f") -> exit $rc, want $want"; cat "$T/out" "$T/err"; fail=1; return
  fi
  if [ -n "$text" ] && ! grep -qF -- "$text" "$T/out" "$T/err"; then
    echo "FAIL: rescore $(basename "$f"): output lacks '$text':"; cat "$T/out" "$T/err"; fail=1
  fi
}

# 1. record a whole autopilot attempt, then rescore it
timeout 250 "$HAIHE" run port/sts_first_lift --headless --autopilot --record "$T/a.hhr" \
  --json "$T/run.json" >"$T/run.out" 2>&1 || { echo "FAIL: recording run failed"; cat "$T/run.out"; exit 1; }
[ -s "$T/a.hhr" ] && [ ! -e "$T/a.hhr.tmp" ] || { echo "FAIL: replay not written atomically"; fail=1; }
rescore "$T/a.hhr" 0 "Identical" --json "$T/rescore.json"
for k in state_hash score ticks passed; do
  [ "$(field $k "$T/run.json")" = "$(field $k "$T/rescore.json")" ] ||
    { echo "FAIL: rescore $k $(field $k "$T/rescore.json") != run $(field $k "$T/run.json")"; fail=1; }
done
# 2. run --replay reproduces the run too
timeout 250 "$HAIHE" run port/sts_first_lift --headless --replay "$T/a.hhr" --json "$T/replay.json" >/dev/null 2>&1 ||
  { echo "FAIL: run --replay failed"; fail=1; }
[ "$(field state_hash "$T/run.json")" = "$(field state_hash "$T/replay.json")" ] ||
  { echo "FAIL: run --replay state_hash differs"; fail=1; }

size=$(stat -c %s "$T/a.hhr")
# 3. one byte changed in the header, a chunk payload, and the footer -> exit 2
for at in 40 $((size / 2)) $((size - 10)); do
  cp "$T/a.hhr" "$T/flip.hhr"
  printf '\x5a' | dd of="$T/flip.hhr" bs=1 seek=$at conv=notrunc status=none
  cmp -s "$T/a.hhr" "$T/flip.hhr" && printf '\xa5' | dd of="$T/flip.hhr" bs=1 seek=$at conv=notrunc status=none
  rescore "$T/flip.hhr" 2 "E301"
  grep -q "flip.hhr" "$T/err" && grep -q "offset" "$T/err" ||
    { echo "FAIL: message for a changed byte at $at does not name file and offset:"; cat "$T/err"; fail=1; }
done
# bad magic -> format error
cp "$T/a.hhr" "$T/magic.hhr"; printf 'X' | dd of="$T/magic.hhr" bs=1 seek=0 conv=notrunc status=none
rescore "$T/magic.hhr" 2 "E300"
# 4. truncated: inside the header, inside a chunk, the footer cut off -> exit 2
for cut in 20 $((size / 3)) $((size - 40)) $((size - 1)); do
  head -c $cut "$T/a.hhr" > "$T/cut.hhr"
  rescore "$T/cut.hhr" 2 "truncated"
done
: > "$T/empty.hhr"; rescore "$T/empty.hhr" 2 "E301"
rescore "$T/nothing.hhr" 2 "E101"
# a replay is not a scenario / a scenario is not a replay
rescore "$SRC/scenarios/port/sts_first_lift.lua" 2 "E300"

# 5. another scenario's replay: record on a copy, change one number in the copy
cp "$SRC/scenarios/port/sts_first_lift.lua" "$T/copy.lua"
timeout 250 "$HAIHE" run "$T/copy.lua" --headless --autopilot --seconds 5 --record "$T/copy.hhr" >/dev/null 2>&1 ||
  { echo "FAIL: recording the copy failed"; fail=1; }
rescore "$T/copy.hhr" 0 "Identical"
# the recorded path gone: the scenario is found again by its id (same content)
mv "$T/copy.lua" "$T/moved.lua"
rescore "$T/copy.hhr" 0 "Identical"
mv "$T/moved.lua" "$T/copy.lua"
sed -i '0,/time_limit *= *[0-9]*/s//time_limit = 299/' "$T/copy.lua"
cmp -s "$T/copy.lua" "$SRC/scenarios/port/sts_first_lift.lua" && { echo "FAIL: the copy did not change"; fail=1; }
rescore "$T/copy.hhr" 2 "E302"
grep -q "copy.lua" "$T/err" || { echo "FAIL: E302 message does not name the scenario"; cat "$T/err"; fail=1; }
# the changed copy given to run --replay is refused the same way, and so is the real one
"$HAIHE" run "$T/copy.lua" --headless --replay "$T/copy.hhr" >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q E302 "$T/err" || { echo "FAIL: run --replay on changed scenario -> $rc"; cat "$T/err"; fail=1; }

# 6. a valid file whose recorded result was altered (CRC fixed up) -> exit 3
if command -v "$PY" >/dev/null; then
  "$PY" - "$T/a.hhr" "$T/forged.hhr" <<'PYEOF' || fail=1
import struct, sys, zlib
b = bytearray(open(sys.argv[1], 'rb').read())
f = len(b) - 36                       # footer: tag u64 f64 u32 u64 crc
assert b[f:f + 4] == b'FOOT', 'footer not found'
score = struct.unpack_from('<d', b, f + 12)[0]
struct.pack_into('<d', b, f + 12, score - 1.0)
struct.pack_into('<I', b, f + 32, zlib.crc32(bytes(b[f:f + 32])) & 0xffffffff)
open(sys.argv[2], 'wb').write(b)
PYEOF
  rescore "$T/forged.hhr" 3 "DIFFERENT"
fi
[ $fail = 0 ] && echo "replay ok"
exit $fail
