#!/usr/bin/env bash
# Golden screenshots of the marine scenarios (offshore crane lift, berthing), as
# tests/cli/screenshot.sh does for the port: headless (SDL offscreen/EGL, no DISPLAY)
# with the autopilot, 480x270 at fixed times with several cameras, compared with
# tests/golden/<name>.png using hh_imgdiff (a missing sea, vessel, crane, ship, HUD
# or a wrong camera fails; Mesa's small rounding differences pass).
# A missing golden is generated only with HH_UPDATE_GOLDEN=1 (then look at it and
# commit it); otherwise a missing golden is a failure. HH_UPDATE_GOLDEN=1 also
# rewrites goldens that differ (after a deliberate change; look at them).
# (bash script HAIHE SRC BUILD)
set -u
# shellcheck source=../golden/compare.bash
. "$2/tests/golden/compare.bash"
# name   time  scenario  camera  options
CASES=(
  "offshore_lift_30s 30 marine/offshore_lift orbit --lang en"
  "offshore_lift_cab_60s 60 marine/offshore_lift cab --lang en"
  "berthing_40s 40 marine/berthing orbit --lang en"
  "berthing_follow_zh_120s 120 marine/berthing follow --lang zh-CN"
)
golden_check "$1" "$2" "$3" "${CASES[@]}"
