#!/usr/bin/env bash
# Golden screenshots: run the first-lift scenario headless (SDL offscreen/EGL, no
# DISPLAY) with the autopilot and take 480x270 screenshots at fixed times with each
# camera (one in zh-CN large print, one in Arabic), and compare each with
# tests/golden/<name>.png using hh_imgdiff (mean abs difference and the share of
# pixels off by more than a threshold, so Mesa's small rounding differences pass but a
# missing crane, HUD, yard or wrong camera fails).
# A missing golden is generated only with HH_UPDATE_GOLDEN=1 (then look at it and
# commit it); otherwise a missing golden is a failure. HH_UPDATE_GOLDEN=1 also
# rewrites goldens that differ (after a deliberate change; look at them).
# (bash script HAIHE SRC BUILD)
set -u
# shellcheck source=../golden/compare.bash
. "$2/tests/golden/compare.bash"
# name   time  scenario  camera  options
CASES=(
  "sts_first_lift_5s 5 port/sts_first_lift orbit --lang en"
  "sts_first_lift_cab_20s 20 port/sts_first_lift cab --lang en"
  "sts_first_lift_follow_45s 45 port/sts_first_lift follow --lang en"
  "sts_first_lift_large_zh_70s 70 port/sts_first_lift orbit --lang zh-CN --large-print"
  "sts_first_lift_ar_30s 30 port/sts_first_lift follow --lang ar"
)
golden_check "$1" "$2" "$3" "${CASES[@]}"
