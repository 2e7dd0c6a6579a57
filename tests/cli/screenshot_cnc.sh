#!/usr/bin/env bash
# Golden screenshots of the CNC exams: run each CNC scenario headless (SDL
# offscreen/EGL, no DISPLAY) with the expert autopilot and take a 480x270 screenshot at a fixed time
# while the part is being cut: the PROG page with the active block, the drawing sheet
# with the dimensions numbered on the sketch and the measured values beside the
# tolerance bands. Compared with tests/golden/<name>.png using hh_imgdiff like
# screenshot.sh (same thresholds).
# A missing golden is generated only with HH_UPDATE_GOLDEN=1 (then look at it and
# commit it); otherwise a missing golden is a failure. HH_UPDATE_GOLDEN=1 also
# rewrites goldens that differ (after a deliberate change; look at them).
# (bash script HAIHE SRC BUILD)
set -u
# shellcheck source=../golden/compare.bash
. "$2/tests/golden/compare.bash"
# name   time  scenario  camera  options
CASES=(
  "cnc_lathe_exam_120s 120 cnc/lathe_exam_shaft orbit --lang en"
  "cnc_mill_exam_100s 100 cnc/mill_exam_plate orbit --lang en"
)
golden_check "$1" "$2" "$3" "${CASES[@]}"
