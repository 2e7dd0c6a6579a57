#!/usr/bin/env bash
# --report and --csv: a clumsy attempt (tests/fixtures/tracks/sts_clumsy.track, fed as a
# replay) gives one self-contained HTML debrief in en and zh-CN with the score table,
# clause citations, every deduction with its sim time and the SVG plots; the CSV lists
# the items (RFC 4180); unwritable paths are refused before the run (exit 2, nothing
# written). (bash script HAIHE SRC BUILD)
set -u
HAIHE=$1 SRC=$2 BUILD=$3
T=$(mktemp -d "$BUILD/cli_report.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T/data"
fail=0
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
no() { echo "FAIL: $*"; fail=1; }

"$PY" "$SRC/tests/cli/report_track2replay.py" "$SRC/tests/fixtures/tracks/sts_clumsy.track" \
  "$SRC/scenarios/port/sts_first_lift.lua" "$T/clumsy.hhr" 200 "$("$HAIHE" --version)" || no "track conversion"
for l in en zh-CN; do
  timeout 120 "$HAIHE" run port/sts_first_lift --headless --replay "$T/clumsy.hhr" --lang $l \
    --report "$T/r_$l.html" --csv "$T/items_$l.csv" --json "$T/r.json" --trainee "t-01" --db "$T/r.db" \
    >"$T/out" 2>&1 || { no "run --report ($l) failed"; cat "$T/out"; }
  [ -s "$T/r_$l.html" ] && [ ! -e "$T/r_$l.html.tmp" ] || no "report $l not written atomically"
done
H="$T/r_en.html" Z="$T/r_zh-CN.html"
# self-contained: no scripts, no external resources
grep -qiE '<script|<link|<img|src=|@import|url\(' "$H" && no "report loads external resources"
grep -oE 'https?://[^"]*' "$H" | grep -qv '^http://www.w3.org/2000/svg$' && no "report names a URL"
# header, score, items with citations, deductions with times, plots
for s in '<svg' 'Score by section and item' '66.99' 'NOT PASSED\|PASSED' 't-01' \
         'Load sway above 1 deg for more than 2 s near landing' 'Clause' 'stability' \
         'Port crane skill contest' '1:24.2' 'Deductions on the timeline' 'Sway angle' \
         'Drive speeds' 'limit' 'stroke-dasharray'; do
  grep -q "$s" "$H" || no "en report lacks '$s'"
done
[ "$(grep -c '<svg' "$H")" -ge 3 ] || no "fewer than 3 plots"
[ "$(grep -o '<circle cx' "$H" | wc -l)" -ge 4 ] || no "timeline lacks the 4 deduction markers"
# zh-CN: labels and item texts in Chinese
for s in 'lang="zh-CN"' '分项得分' '扣分记录' '摇摆角' '着箱区内吊具摇摆超过1度且持续2秒以上' '合格'; do
  grep -q "$s" "$Z" || no "zh-CN report lacks '$s'"
done
grep -q 'Score by section' "$Z" && no "zh-CN report has English labels"
# CSV: header, one row per item, CRLF, quoted field with a comma
C="$T/items_en.csv"
head -1 "$C" | grep -q $'^id,section,deducted,count,max,standard,clause,text\r$' || no "CSV header"
[ "$(wc -l < "$C")" -ge 8 ] || no "CSV has fewer rows than items"
grep -q $'^sway_near_landing,safety,10,2,20,"Port crane skill contest, China (STS): judging aspects",stability,' "$C" ||
  { no "CSV sway row"; cat "$C"; }
grep -q '着箱区内' "$T/items_zh-CN.csv" || no "zh-CN CSV text"
"$PY" - "$C" <<'PYEOF' || no "CSV does not parse as RFC 4180"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
assert all(len(r) == 8 for r in rows), rows
PYEOF

# bad output paths: refused before the run, exit 2, nothing written
for bad in "$T/missing/dir/r.html" "$T"; do
  "$HAIHE" run port/sts_first_lift --headless --seconds 2 --report "$bad" --record "$T/never.hhr" \
    --db "$T/never.db" >"$T/out" 2>&1; rc=$?
  [ $rc -eq 2 ] && grep -q E102 "$T/out" || { no "--report $bad -> $rc"; cat "$T/out"; }
  [ -e "$T/never.hhr" ] || [ -e "$T/never.hhr.tmp" ] && no "a replay was written for a refused run"
done
"$HAIHE" run port/sts_first_lift --headless --seconds 2 --csv "$T/missing/x.csv" >"$T/out" 2>&1
[ $? -eq 2 ] && grep -q "x.csv" "$T/out" || no "--csv into a missing folder"
[ $fail = 0 ] && echo "report ok"
exit $fail
