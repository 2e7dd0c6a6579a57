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
HAIHE=$1 SRC=$2 BUILD=$3
DIFF=$BUILD/hh_imgdiff
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
[ -x "$DIFF" ] || { echo "FAIL: $DIFF not built (cmake --build ... --target hh_imgdiff)"; exit 1; }
mkdir -p "$BUILD/golden-out"

# name                    time  scenario              camera  options
CASES=(
  "cnc_lathe_exam_120s      120   cnc/lathe_exam_shaft  orbit   --lang en"
  "cnc_mill_exam_100s       100   cnc/mill_exam_plate   orbit   --lang en"
)
fail=0
for c in "${CASES[@]}"; do
  read -r name at scen cam opts <<<"$c"
  GOLD=$SRC/tests/golden/$name.png
  png=$OUT/$name.png
  # shellcheck disable=SC2086
  env -u DISPLAY -u WAYLAND_DISPLAY HH_I18N_MARK_MISSING=0 "$HAIHE" run \
    "$SRC/scenarios/$scen.lua" --headless --autopilot $opts \
    --camera "$cam" --screenshot "$png" --at "$at" --seconds "$((at + 1))" \
    --size 480x270 >"$OUT/log" 2>&1
  rc=$?
  if [ $rc -ne 0 ] || [ ! -s "$png" ]; then
    echo "FAIL: $name: haihe run exited $rc or wrote no screenshot"; cat "$OUT/log"; fail=1
    continue
  fi
  cp "$png" "$BUILD/golden-out/$name.png"   # kept to look at
  if [ ! -f "$GOLD" ] || { [ "${HH_UPDATE_GOLDEN:-0}" = 1 ] &&
       ! "$DIFF" "$png" "$GOLD" --mean 0 --pct 0 >/dev/null 2>&1; }; then
    if [ "${HH_UPDATE_GOLDEN:-0}" = 1 ]; then
      mkdir -p "$(dirname "$GOLD")" && cp "$png" "$GOLD"
      size=$(stat -c %s "$GOLD")
      echo "golden written: $GOLD ($size bytes); look at it before committing"
      [ "$size" -lt 102400 ] || { echo "FAIL: $name golden is over 100 KB"; fail=1; }
      continue
    fi
    echo "FAIL: no golden image $GOLD (HH_UPDATE_GOLDEN=1 writes it from this run)"
    fail=1
    continue
  fi
  # the comparer reads the golden (tests/unit/test_render_imgdiff.c checks it tells
  # different pictures apart)
  "$DIFF" "$GOLD" "$GOLD" --mean 0 --pct 0 >/dev/null || { echo "FAIL: imgdiff self-check"; exit 1; }
  # tight enough that the picture one second later (HUD clock, crane moved) fails
  if ! "$DIFF" "$png" "$GOLD" --mean 1.0 --pct 0.25 --thresh 32; then
    echo "FAIL: $name differs from the golden (this run: $BUILD/golden-out/$name.png)"
    fail=1
  fi
done
[ $fail = 0 ] && echo "ok: ${#CASES[@]} screenshots match their goldens"
exit $fail
