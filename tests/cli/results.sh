#!/usr/bin/env bash
# The results store: every attempt (completed, or aborted with Ctrl-C) lands in SQLite
# under $XDG_DATA_HOME/haihe or --db; `haihe results` lists, filters and exports CSV;
# a corrupt or unusable database path is refused with E104, exit 2, the file untouched.
# (bash script HAIHE SRC BUILD)
set -u
HAIHE=$1 SRC=$2 BUILD=$3
T=$(mktemp -d "$BUILD/cli_results.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T/data"
fail=0
no() { echo "FAIL: $*"; fail=1; }
q() { sqlite3 "$1" "$2"; }

# default store under the data folder, two trainees; an explicit --db
"$HAIHE" run port/sts_first_lift --headless --autopilot --trainee ann --record "$T/a.hhr" >"$T/out" 2>&1 || no "run 1"
"$HAIHE" run port/sts_first_lift --headless --seconds 5 --trainee bo >"$T/out" 2>&1 || no "run 2"
DB="$T/data/haihe/results.db"
[ -f "$DB" ] || no "no database at $DB"
grep -q "stored in $DB" "$T/out" || { no "run does not say where it stored"; cat "$T/out"; }
[ "$(q "$DB" 'select count(*) from attempts')" = 2 ] || no "2 attempts expected"
[ "$(q "$DB" "select trainee, scenario, passed, controls, ticks>0, replay like '%/a.hhr' from attempts where id=1")" = \
  "ann|port/sts_first_lift|1|autopilot|1|1" ] || no "attempt 1 row: $(q "$DB" 'select * from attempts where id=1')"
[ "$(q "$DB" "select count(*) from items where attempt=2")" = "$(q "$DB" "select n_items from attempts where id=2")" ] || no "items of attempt 2"
[ "$(q "$DB" "select count(*) from deductions where attempt=2")" -ge 1 ] || no "deductions of attempt 2 (time item)"
[ "$(q "$DB" 'pragma journal_mode')" = wal ] || no "not WAL"
# listing and filters
"$HAIHE" results >"$T/list" || no "results"
grep -q "ann" "$T/list" && grep -q "bo" "$T/list" && grep -q "2 attempts" "$T/list" || { no "list"; cat "$T/list"; }
"$HAIHE" results --trainee ann >"$T/list" && grep -q "1 attempts" "$T/list" || no "--trainee filter"
"$HAIHE" results --scenario nope/none >"$T/list" && grep -q "0 attempts" "$T/list" || no "--scenario filter"
"$HAIHE" results --csv --scenario port/sts_first_lift >"$T/csv" || no "results --csv"
head -1 "$T/csv" | grep -q '^id,started,trainee,scenario,content_hash,build,score' || no "CSV header"
[ "$(wc -l < "$T/csv")" = 3 ] || no "CSV rows"
"$HAIHE" --lang zh-CN results | grep -q "学员" || no "zh-CN listing"
"$HAIHE" run port/sts_first_lift --headless --seconds 1 --db "$T/other.db" >/dev/null 2>&1 || no "--db run"
"$HAIHE" results --db "$T/other.db" | grep -q "1 attempts" || no "results --db"

# Ctrl-C: the attempt is stored as aborted (a copy with a long time limit keeps it running)
sed '0,/time_limit *= *[0-9]*/s//time_limit = 86000/' "$SRC/scenarios/port/sts_first_lift.lua" > "$T/long.lua"
"$HAIHE" run "$T/long.lua" --headless --db "$T/int.db" --trainee cc >"$T/int.out" 2>&1 &
pid=$!
sleep 1.5
kill -INT $pid
wait $pid; rc=$?
[ $rc -eq 0 ] || no "interrupted run exit $rc"
[ "$(q "$T/int.db" 'select aborted, trainee, sim_seconds > 1 from attempts')" = "1|cc|1" ] ||
  { no "aborted attempt: $(q "$T/int.db" 'select * from attempts')"; cat "$T/int.out"; }

# bad databases: a text file, a folder, another program's SQLite, a missing folder
printf 'not a database\n' > "$T/text.db"; cp "$T/text.db" "$T/text.orig"
sqlite3 "$T/foreign.db" 'create table t(x); insert into t values(1);'; cp "$T/foreign.db" "$T/foreign.orig"
mkdir "$T/folder.db"
for bad in "$T/text.db" "$T/folder.db" "$T/foreign.db" "$T/missing/r.db"; do
  "$HAIHE" run port/sts_first_lift --headless --seconds 1 --db "$bad" --record "$T/never.hhr" >"$T/out" 2>&1; rc=$?
  [ $rc -eq 2 ] && grep -q E104 "$T/out" && grep -qF "$bad" "$T/out" || { no "--db $bad -> $rc"; cat "$T/out"; }
  "$HAIHE" results --db "$bad" >"$T/out" 2>&1; rc=$?
  [ $rc -eq 2 ] && grep -q E104 "$T/out" || { no "results --db $bad -> $rc"; cat "$T/out"; }
done
[ -e "$T/never.hhr" ] && no "a run with a bad --db still recorded"
cmp -s "$T/text.db" "$T/text.orig" || no "the text file was modified"
cmp -s "$T/foreign.db" "$T/foreign.orig" || no "the foreign database was modified"
"$HAIHE" results --db "$T/nothing.db" >"$T/out" 2>&1; [ $? -eq 2 ] || no "results on a missing db"
[ -e "$T/nothing.db" ] && no "results created a database"
"$HAIHE" results --bogus >/dev/null 2>&1; [ $? -eq 2 ] || no "results --bogus"
[ $fail = 0 ] && echo "results ok"
exit $fail
