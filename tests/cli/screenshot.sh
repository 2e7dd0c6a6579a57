#!/usr/bin/env bash
# Golden screenshot: run the first-lift scenario headless (SDL offscreen/EGL, no
# DISPLAY) with the autopilot, take a 480x270 screenshot at 5 s and compare it with
# tests/golden/sts_first_lift_5s.png using hh_imgdiff (mean abs difference and the
# share of pixels off by more than a threshold, so Mesa's small rounding differences
# pass but a missing crane, HUD or wrong camera fails).
# A missing golden is generated only with HH_UPDATE_GOLDEN=1 (then check it by eye
# and commit it); otherwise a missing golden is a failure.
# (bash script HAIHE SRC BUILD)
set -u
HAIHE=$1 SRC=$2 BUILD=$3
DIFF=$BUILD/hh_imgdiff
GOLD=$SRC/tests/golden/sts_first_lift_5s.png
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
[ -x "$DIFF" ] || { echo "FAIL: $DIFF not built (cmake --build ... --target hh_imgdiff)"; exit 1; }

env -u DISPLAY -u WAYLAND_DISPLAY "$HAIHE" run "$SRC/scenarios/port/sts_first_lift.lua" \
  --headless --autopilot --lang en --screenshot "$OUT/out.png" --at 5 --size 480x270 \
  >"$OUT/log" 2>&1
rc=$?
if [ $rc -ne 0 ] || [ ! -s "$OUT/out.png" ]; then
  echo "FAIL: haihe run exited $rc or wrote no screenshot"; cat "$OUT/log"; exit 1
fi
cp "$OUT/out.png" "$BUILD/sts_first_lift_5s.png"   # kept to look at

if [ ! -f "$GOLD" ]; then
  if [ "${HH_UPDATE_GOLDEN:-0}" = 1 ]; then
    mkdir -p "$(dirname "$GOLD")" && cp "$OUT/out.png" "$GOLD"
    size=$(stat -c %s "$GOLD")
    echo "golden written: $GOLD ($size bytes); look at it before committing"
    [ "$size" -lt 102400 ] || { echo "FAIL: golden is over 100 KB"; exit 1; }
    exit 0
  fi
  echo "FAIL: no golden image $GOLD (HH_UPDATE_GOLDEN=1 writes it from this run)"
  exit 1
fi

# the comparer reads the golden (tests/unit/test_render_imgdiff.c checks it tells
# different pictures apart)
"$DIFF" "$GOLD" "$GOLD" --mean 0 --pct 0 >/dev/null || { echo "FAIL: imgdiff self-check"; exit 1; }
# tight enough that the picture one second later (HUD clock, crane moved) fails
"$DIFF" "$OUT/out.png" "$GOLD" --mean 1.0 --pct 0.25 --thresh 32
rc=$?
if [ $rc -ne 0 ]; then
  echo "FAIL: screenshot differs from the golden (this run: $BUILD/sts_first_lift_5s.png)"
  exit 1
fi
echo "ok: screenshot matches the golden"
