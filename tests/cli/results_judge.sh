#!/usr/bin/env bash
# Judgement ("J") items: `haihe results --judge ATTEMPT --item ID --points P` enters a
# judge's mark into a stored attempt; the total (objective + marks) stays pending until
# every J item is marked; bad input is refused with exit 2 and nothing written.
# (bash script HAIHE SRC BUILD)
set -u
HAIHE=$1 SRC=$2 BUILD=$3
T=$(mktemp -d "$BUILD/cli_judge.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T/data"
fail=0
no() { echo "FAIL: $*"; fail=1; }
q() { sqlite3 "$DB" "$1"; }
DB="$T/r.db"
FIX="$SRC/tests/fixtures/scripts/rubric_all_kinds.lua"   # J item "finish" worth 8

# attempt 1 has a J item; attempt 2 (STS) has none
"$HAIHE" run "$FIX" --headless --seconds 2 --db "$DB" --json "$T/a.json" >"$T/out" 2>&1 || { no "run fixture"; cat "$T/out"; }
"$HAIHE" run port/sts_first_lift --headless --seconds 1 --db "$DB" >"$T/out" 2>&1 || no "run sts"
[ "$(q "select item, max, counts, points is null from judgements where attempt=1")" = "finish|8.0|1|1" ] \
  || no "judgement row: $(q 'select * from judgements')"
[ "$(q "select count(*) from judgements where attempt=2")" = 0 ] || no "attempt 2 has no J items"
# JSON: the zero_section fault "drop" zeroes section civil; it does not fail the attempt
grep -q '"critical": \[\],' "$T/a.json" || no "JSON critical should be empty: $(grep critical "$T/a.json")"
grep -q '"section_zeroed": \[{"id": "drop", "section": "civil"}\],' "$T/a.json" || no "JSON section_zeroed"
[ "$(q "select critical from attempts where id=1")" = "" ] || no "stored critical"
# the debrief: section caps, the zeroed section, the J item pending, order/precondition
"$HAIHE" run "$FIX" --headless --seconds 2 --db "$T/r2.db" --report "$T/a.html" >/dev/null 2>&1 || no "report run"
for want in "deductions capped at 6" "(section zeroed)" "pending: awaiting a judge" "after landed" \
    "requires locked" "fault: the task ends" "Sections zeroed"; do
  grep -qF "$want" "$T/a.html" || no "report lacks '$want'"
done
grep -q 'class="crit"' "$T/a.html" && no "report lists a failing critical fault"
"$HAIHE" results --db "$DB" >"$T/list" || no "results"
grep -E '^1 .* pending ' "$T/list" >/dev/null || { no "attempt 1 not pending"; cat "$T/list"; }
S1=$(q "select score from attempts where id=1")
S2=$(q "select score from attempts where id=2")
"$HAIHE" results --db "$DB" --csv >"$T/csv" || no "csv"
head -1 "$T/csv" | grep -q ',replay,judged,judge_pending,total' || no "CSV header: $(head -1 "$T/csv")"
sed -n 2p "$T/csv" | tr -d '\r' | grep -q ',0,8,$' || no "CSV attempt 1 pending: $(sed -n 2p "$T/csv")"
[ "$(sed -n 3p "$T/csv" | tr -d '\r' | awk -F, '{print $NF}')" = "$(awk -v s="$S2" 'BEGIN{printf "%.17g", s}')" ] \
  || no "CSV attempt 2 total = score: $(sed -n 3p "$T/csv")"

# bad input: exit 2, a clear message, the database unchanged
before=$(sqlite3 "$DB" .dump | md5sum)
bad() { # expected-message-part args...
  local want=$1; shift
  "$HAIHE" results --db "$DB" "$@" >"$T/o" 2>"$T/e"; local rc=$?
  [ $rc = 2 ] || no "exit $rc (want 2) for: $*"
  grep -qi -- "$want" "$T/e" || { no "message for: $* (want '$want')"; cat "$T/e"; }
}
bad "attempt id" --judge 0 --item finish --points 1
bad "attempt id" --judge abc --item finish --points 1
bad "no attempt 99" --judge 99 --item finish --points 1
bad "has no item 'nope'" --judge 1 --item nope --points 1
bad "not a judgement" --judge 1 --item dia24 --points 1
bad "has no item 'finish'" --judge 2 --item finish --points 1
bad "above its maximum 8" --judge 1 --item finish --points 8.5
bad "points >= 0" --judge 1 --item finish --points -1
bad "points >= 0" --judge 1 --item finish --points nan
bad "points >= 0" --judge 1 --item finish --points 3x
bad "needs --item" --judge 1 --item finish
bad "go with --judge" --item finish --points 1
bad "does not go with" --judge 1 --item finish --points 1 --csv
bad "printable" --judge 1 --item finish --points 1 --judge-name "$(printf 'x%.0s' $(seq 70))"
[ "$(sqlite3 "$DB" .dump | md5sum)" = "$before" ] || no "a refused mark changed the database"
"$HAIHE" results --judge 1 --item finish --points 1 --db "$T/none.db" >/dev/null 2>&1; [ $? = 2 ] || no "missing db"
[ ! -e "$T/none.db" ] || no "--judge created a database"

# a good mark: the total is final, shown in the list and the CSV
"$HAIHE" results --db "$DB" --judge 1 --item finish --points 8 --judge-name "Wang Li" >"$T/o" 2>&1 || { no "judge"; cat "$T/o"; }
T1=$(awk -v s="$S1" 'BEGIN{printf "%.2f", s + 8}')
grep -q "total $T1 / 100.00" "$T/o" || { no "judge output total $T1"; cat "$T/o"; }
[ "$(q "select points, judge, marked like '____-__-__T%' from judgements where attempt=1")" = "8.0|Wang Li|1" ] \
  || no "stored mark: $(q 'select * from judgements')"
"$HAIHE" results --db "$DB" >"$T/list"
grep -E "^1 .* $T1 " "$T/list" >/dev/null || { no "list total $T1"; cat "$T/list"; }
"$HAIHE" results --db "$DB" --csv | sed -n 2p | tr -d '\r' | grep -q ",8,0,$(awk -v s="$S1" 'BEGIN{printf "%.17g", s + 8}')$" \
  || no "CSV total: $("$HAIHE" results --db "$DB" --csv | sed -n 2p)"
# a judge may correct a mark (the latest counts)
"$HAIHE" results --db "$DB" --judge 1 --item finish --points=2.5 >"$T/o" 2>&1 || no "re-mark"
[ "$(q "select points, judge is null from judgements where attempt=1")" = "2.5|1" ] || no "re-mark stored"
[ "$(q 'pragma integrity_check')" = ok ] || no "integrity"
exit $fail
