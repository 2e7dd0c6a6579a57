#!/usr/bin/env bash
# SIGKILL during result writes: many runs store into one database while being killed
# (kill -9) at random moments, many of them inside the write transaction (a test hook,
# HAIHE_RESULTS_TEST_DELAY_US, slows the write and says where it is). Afterwards the
# database passes PRAGMA integrity_check and every stored attempt is whole: its items
# and deductions are all there, and no item or deduction belongs to a missing attempt.
# (bash script HAIHE SRC BUILD)
set -u
HAIHE=$1 SRC=$2 BUILD=$3
T=$(mktemp -d "$BUILD/cli_results_kill.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T/data"
DB="$T/kill.db"
fail=0
no() { echo "FAIL: $*"; fail=1; }
RANDOM=4242
N=48 BATCH=6
export HAIHE_RESULTS_TEST_DELAY_US=40000
# count the runs killed inside the write transaction and the stores seen, over runs 0..i-1
count_runs() {
  inside=0 stored=0 commits=0
  for ((j = 0; j < i; j++)); do
    b=$(grep -c 'results-test: begin' "$T/err.$j"); s=$(grep -c 'results-test: stored' "$T/err.$j")
    c=$(grep -c 'results-test: commit' "$T/err.$j")
    [ "$b" = 1 ] && [ "$s" = 0 ] && inside=$((inside + 1))
    stored=$((stored + s)); commits=$((commits + c))
  done
}
# at least N runs; on a loaded machine kills land earlier, so go on (up to 3 N runs)
# until at least 3 kills landed inside a write transaction
i=0 inside=0
while [ $i -lt $N ] || { [ "$inside" -lt 3 ] && [ $i -lt $((3 * N)) ]; }; do
  pids=()
  for ((k = 0; k < BATCH; k++, i++)); do
    "$HAIHE" run port/sts_first_lift --headless --autopilot --seconds 4 --db "$DB" \
      --trainee "k$i" >"$T/out.$i" 2>"$T/err.$i" &
    pids+=($!)
  done
  for ((k = 0; k < BATCH; k++)); do
    # most die at a random moment of the run or of the write; every fourth lives
    if [ $(( (i + k) % 4 )) -ne 0 ]; then
      sleep "0.$(printf "%03d" $((RANDOM % 400)))"
      kill -9 "${pids[$k]}" 2>/dev/null
    fi
  done
  wait
  count_runs
done 2>/dev/null
N=$i
rows=$(sqlite3 "$DB" 'select count(*) from attempts')
echo "$N runs: $rows attempts stored, $inside killed inside the write transaction"
[ "$(sqlite3 "$DB" 'pragma integrity_check')" = ok ] || no "integrity_check: $(sqlite3 "$DB" 'pragma integrity_check')"
[ "$inside" -ge 3 ] || no "only $inside kills landed inside a transaction (test too weak)"
[ "$rows" -ge "$stored" ] && [ "$rows" -le "$commits" ] || no "$rows rows, but $stored runs saw their commit and $commits reached it"
[ "$rows" -ge 1 ] || no "nothing stored"
half=$(sqlite3 "$DB" "select count(*) from attempts a where
  n_items != (select count(*) from items i where i.attempt = a.id) or
  n_deductions != (select count(*) from deductions e where e.attempt = a.id)")
[ "$half" = 0 ] || no "$half attempts are incomplete"
orphans=$(sqlite3 "$DB" "select (select count(*) from items where attempt not in (select id from attempts)) +
  (select count(*) from deductions where attempt not in (select id from attempts))")
[ "$orphans" = 0 ] || no "$orphans orphan rows"
# the survivors' ids are listed and a new attempt still goes in
HAIHE_RESULTS_TEST_DELAY_US= "$HAIHE" run port/sts_first_lift --headless --seconds 1 --db "$DB" >/dev/null 2>&1 || no "store after the kills"
[ "$(sqlite3 "$DB" 'select count(*) from attempts')" = $((rows + 1)) ] || no "the next attempt was not stored"
[ $fail = 0 ] && echo "results kill ok"
exit $fail
