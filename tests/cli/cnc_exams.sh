#!/usr/bin/env bash
# CNC exams from the command line: both exam scenarios check clean; the milling exam
# under its autopilot scores 100/100 and passes; a scenario whose G-code program has an
# unsupported code fails to load with exit status 2 and the .nc file:line:column.
# (bash script HAIHE SRC BUILD)
set -u
HAIHE=$1 SRC=$2 BUILD=$3
T=$(mktemp -d "$BUILD/cli_cnc.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail=0
for s in cnc/mill_exam_plate cnc/lathe_exam_shaft; do
  "$HAIHE" check "$s" >"$T/check" 2>&1 || { echo "FAIL: check $s"; cat "$T/check"; fail=1; }
done
timeout 250 "$HAIHE" run cnc/mill_exam_plate --headless --autopilot --json "$T/r.json" \
  >"$T/out" 2>&1 || { echo "FAIL: run exited $?"; cat "$T/out"; fail=1; }
grep -q '"score": *100' "$T/r.json" || { echo "FAIL: mill exam score is not 100"; cat "$T/r.json"; fail=1; }
grep -q '"passed": *true' "$T/r.json" || { echo "FAIL: mill exam not passed"; fail=1; }
# a bad program: G12 is not a FANUC 0i mill code the interpreter implements
sed 's/mill_exam_plate.nc/bad.nc/' "$SRC/scenarios/cnc/mill_exam_plate.lua" >"$T/bad.lua"
printf '%%\nO1\nG21 G90\nG12 X1.\nM30\n%%\n' >"$T/bad.nc"
"$HAIHE" check "$T/bad.lua" >"$T/bad.out" 2>&1
rc=$?
[ $rc -eq 2 ] || { echo "FAIL: bad program: exit $rc, want 2"; fail=1; }
grep -q "bad.nc:4:" "$T/bad.out" || { echo "FAIL: bad program message lacks bad.nc:4:"; cat "$T/bad.out"; fail=1; }
[ $fail -eq 0 ] && echo "cnc exams: ok"
exit $fail
