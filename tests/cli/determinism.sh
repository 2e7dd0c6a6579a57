#!/usr/bin/env bash
# Determinism: two headless autopilot runs of the STS scenario give the same
# state_hash, score and ticks; the JSON object has every field of the contract.
set -u
HAIHE=$1 SRC=$2 BUILD=$3
T=$(mktemp -d "$BUILD/cli_det.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail=0
for i in 1 2; do
  timeout 250 "$HAIHE" run port/sts_first_lift --headless --autopilot --json "$T/r$i.json" \
    >"$T/out$i" 2>"$T/err$i" || { echo "FAIL: run $i exited $?"; cat "$T/err$i"; exit 1; }
done
[ ! -e "$T/r1.json.tmp" ] || { echo "FAIL: a .tmp file was left"; fail=1; }
field() { grep -o "\"$1\": *[^,}]*" "$2" | head -1 | sed 's/^[^:]*: *//'; }
h1=$(field state_hash "$T/r1.json"); h2=$(field state_hash "$T/r2.json")
echo "state_hash $h1 / $h2"
[[ $h1 =~ ^\"[0-9a-f]{16}\"$ ]] || { echo "FAIL: state_hash is not 16 hex digits: $h1"; fail=1; }
[ "$h1" = "$h2" ] || { echo "FAIL: state_hash differs between runs"; fail=1; }
cmp -s "$T/r1.json" "$T/r2.json" || { echo "FAIL: JSON differs:"; diff "$T/r1.json" "$T/r2.json"; fail=1; }
cmp -s "$T/out1" "$T/out2" || { echo "FAIL: summary differs"; fail=1; }
# the summary prints the same hash
grep -q "State hash: ${h1//\"/}" "$T/out1" || { echo "FAIL: summary lacks the state hash"; fail=1; }
# the object is valid JSON with the contract's fields and types
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
if command -v "$PY" >/dev/null; then
  "$PY" - "$T/r1.json" <<'PYEOF' || fail=1
import json, sys
o = json.load(open(sys.argv[1], encoding='utf-8'))
want = {'scenario': str, 'score': (int, float), 'max_score': (int, float), 'passed': bool,
        'items': list, 'critical': list, 'sim_seconds': (int, float), 'ticks': int,
        'state_hash': str, 'build': str}
bad = [k for k, t in want.items() if not isinstance(o.get(k), t)]
for it in o.get('items', []):
    for k, t in (('id', str), ('deducted', (int, float)), ('count', int), ('clause', str)):
        if not isinstance(it.get(k), t): bad.append('items[].' + k)
if o.get('scenario') != 'port/sts_first_lift': bad.append('scenario value')
if not (0 <= o['score'] <= o['max_score']): bad.append('score range')
if o['ticks'] <= 0 or abs(o['sim_seconds'] - o['ticks'] / 60.0) > 1e-9: bad.append('ticks/sim_seconds')
if not o['items']: bad.append('no items')
if bad: print('FAIL: JSON fields wrong:', bad); sys.exit(1)
print('json ok: score %s/%s passed=%s ticks=%d' % (o['score'], o['max_score'], o['passed'], o['ticks']))
PYEOF
fi
# a shorter run (--seconds) is deterministic too and stops where asked
for i in 3 4; do
  "$HAIHE" run port/sts_first_lift --headless --autopilot --seconds 10 --json "$T/r$i.json" >/dev/null 2>&1 || fail=1
done
[ "$(field ticks "$T/r3.json")" = 600 ] || { echo "FAIL: --seconds 10 ran $(field ticks "$T/r3.json") ticks"; fail=1; }
cmp -s "$T/r3.json" "$T/r4.json" || { echo "FAIL: --seconds runs differ"; fail=1; }
[ $fail = 0 ] && echo "determinism ok"
exit $fail
