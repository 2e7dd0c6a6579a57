#!/usr/bin/env bash
# VR pointing at the CNC key pad (engine/xr/hh_xr_actions.c, hh_rcnc_keys_ray_hit)
# through the scripted test runtime: the right controller's aim pose points at a key of
# the pad's VR panel (0.8 x 0.45 m, centre 0 -0.15 -0.7 m in the seated space) and the
# right trigger is pulled. A press on MDI or on EDIT changes the mill's state (the mode)
# and the two differ, JOG (the mode it starts in) does not; pulling the trigger while pointing past the pad changes nothing
# (same state hash as no press). Runs under its own Xvfb (GLX binding).
# (bash xr_cnc_keys.sh HAIHE SRC BUILD)
set -u
HAIHE=$1 SRC=$2 BUILD=$3
if [ -z "${HH_XR_UNDER_XVFB:-}" ]; then
  HH_XR_UNDER_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x720x24" bash "$0" "$@"
fi
T=$(mktemp -d "$BUILD/cli_xr_cnc_keys.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XR_RUNTIME_JSON="$BUILD/xr_runtime/hh_test_runtime.json" XDG_DATA_HOME="$T" LANG=C
[ -f "$XR_RUNTIME_JSON" ] || { echo "FAIL: no test runtime manifest at $XR_RUNTIME_JSON"; exit 1; }
fail=0
no() { echo "FAIL: $*"; fail=1; }

# run NAME AIM TRIGGER: aim = "yaw pitch" (deg) of the right controller at (0.2, -0.3,
# -0.25) m; trigger 1 = pulled in frames 30-40; prints the state hash
run() {
  cat >"$T/$1.txt" <<SCRIPT
size 64 64
aim 0 0.2 -0.3 -0.25 $2 0
input 30 40 /user/hand/right/input/trigger/value $3
lose 90
log $T/$1.log
SCRIPT
  HH_XRT_SCRIPT="$T/$1.txt" "$HAIHE" run cnc/mill_exam_plate --xr --seconds 2 --size 320x180 \
    >"$T/$1.out" 2>"$T/$1.err" || no "$1: run exited $?: $(cat "$T/$1.err")"
  grep -q '^VR: Haihe test runtime' "$T/$1.out" || no "$1: no VR start line"
  sed -n 's/^State hash: //p' "$T/$1.out"
}
none=$(run none "0 30" 0)
miss=$(run miss "0 30" 1)     # pointing above the pad, at nothing
mdi=$(run mdi "16.62 10.78" 1) # at the MDI key
jog=$(run jog "7.41 11.16" 1)  # at the JOG key (the mill starts in JOG: no change)
edit=$(run edit "20.94 10.53" 1) # at the EDIT key
echo "hashes: none=$none miss=$miss mdi=$mdi jog=$jog edit=$edit"
[ -n "$none" ] || no "no state hash"
[ "$miss" = "$none" ] || no "a trigger pulled pointing at nothing changed the state"
[ "$mdi" != "$none" ] || no "pointing at MDI and pulling the trigger changed nothing"
[ "$jog" = "$none" ] || no "pressing JOG in JOG changed the state"
[ "$edit" != "$none" ] && [ "$edit" != "$mdi" ] || no "the EDIT press did not give its own state"
[ $fail -eq 0 ] && echo "ok: VR pointing presses the CNC key pad"
exit $fail
