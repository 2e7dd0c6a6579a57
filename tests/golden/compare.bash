# tests/golden/compare.bash - shared by tests/cli/screenshot*.sh (sourced, not a test).
# golden_check HAIHE SRC BUILD CASE...: each CASE is "name time scenario camera options";
# runs the scenario headless (SDL offscreen/EGL, no DISPLAY) with its autopilot, takes a
# 480x270 screenshot at the time, and compares it with tests/golden/<name>.png using
# hh_imgdiff (mean abs difference and the share of pixels off by more than a threshold,
# so Mesa's small rounding differences pass but a missing object, HUD or wrong camera
# fails). A missing golden is written only with HH_UPDATE_GOLDEN=1 (then look at it and
# commit it), which also rewrites goldens that differ; otherwise it is a failure.
# Returns 0 when every case matches.
golden_check() {
  local HAIHE=$1 SRC=$2 BUILD=$3
  shift 3
  local DIFF=$BUILD/hh_imgdiff OUT fail=0 c name at scen cam opts GOLD png rc size
  [ -x "$DIFF" ] || { echo "FAIL: $DIFF not built (cmake --build ... --target hh_imgdiff)"; return 1; }
  # the comparer must tell different pictures apart (tests/unit/test_render_imgdiff.c)
  OUT=$(mktemp -d)
  mkdir -p "$BUILD/golden-out"
  for c in "$@"; do
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
    "$DIFF" "$GOLD" "$GOLD" --mean 0 --pct 0 >/dev/null || { echo "FAIL: imgdiff self-check"; fail=1; continue; }
    # tight enough that the picture one second later (HUD clock, load moved) fails
    if ! "$DIFF" "$png" "$GOLD" --mean 1.0 --pct 0.25 --thresh 32; then
      echo "FAIL: $name differs from the golden (this run: $BUILD/golden-out/$name.png)"
      fail=1
    fi
  done
  rm -rf "$OUT"
  [ $fail = 0 ] && echo "ok: $# screenshots match their goldens"
  return $fail
}
