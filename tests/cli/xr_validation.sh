#!/usr/bin/env bash
# Our OpenXR use checked by Khronos's core validation API layer
# (XR_APILAYER_LUNARG_core_validation, Debian openxr-layer-corevalidation): real runs
# through the loader, the layer and the scripted test runtime must load the layer (its
# own "Core Validation output type" line) and make it write no VALID_ERROR or
# VALID_WARNING to its output file. Runs: the STS crane with scripted sticks and a
# session loss, the attempt ending in VR (Haihe asks to exit), the runtime lost, and the
# CNC lathe with the key pad pointed at and pressed. The detection is proved on
# tests/fixtures/xr_misuse.c, which misuses xrGetSystem on purpose. Then Khronos's
# hello_xr (libopenxr-utils) runs against the test runtime through the layer until the
# scripted exit (tests/fixtures/xf86vm_shim.c stands in for the VidMode extension Xvfb
# lacks). A missing layer or hello_xr fails under CI=true and skips (77) elsewhere.
# Runs under its own Xvfb (GLX binding). (bash xr_validation.sh HAIHE SRC BUILD)
set -u
HAIHE=$1 SRC=$2 BUILD=$3
LAYER=XR_APILAYER_LUNARG_core_validation
# missing WHAT: a FAIL under CI, else a SKIP (exit 77)
missing() {
  if [ "${CI:-}" = true ]; then echo "FAIL: $1 (tools/setup.sh installs it)"; exit 1; fi
  echo "SKIP: $1 (bash tools/setup.sh installs it)"
  exit 77
}
layer_json=$(grep -l "\"$LAYER\"" /usr/share/openxr/1/api_layers/explicit.d/*.json \
  /usr/local/share/openxr/1/api_layers/explicit.d/*.json /etc/xdg/openxr/1/api_layers/explicit.d/*.json \
  2>/dev/null | head -1)
[ -n "$layer_json" ] || missing "the OpenXR core validation layer ($LAYER, package openxr-layer-corevalidation) is not installed"
# shellcheck source=xr_common.bash
. "$SRC/tests/cli/xr_common.bash"
xr_setup xr_validation "$@"
trap 'exec 7>&- 2>/dev/null; rm -rf "$T"' EXIT
export XR_ENABLE_API_LAYERS=$LAYER XR_CORE_VALIDATION_EXPORT_TYPE=text

# findings NAME: how many errors and warnings the layer wrote for run NAME, or "unloaded"
# when the layer did not announce itself on that run's stderr
findings() {
  grep -q '^Core Validation output type: text' "$T/$1.err" || { echo unloaded; return; }
  local n
  n=$(grep -c '^\[VALID_\(ERROR\|WARNING\) |' "$T/$1.val" 2>/dev/null)
  grep -q 'INTERNAL VALIDATION LAYER ERROR' "$T/$1.err" && n=$((${n:-0} + 1))
  echo "${n:-0}"
}
# clean NAME: the layer was loaded for run NAME and found nothing
clean() {
  local f
  f=$(findings "$1")
  [ "$f" = 0 ] && return 0
  if [ "$f" = unloaded ]; then no "$1: the validation layer was not loaded: $(head -5 "$T/$1.err")"
  else no "$1: the validation layer reported $f problems:"; head -40 "$T/$1.val"; fi
}
# run NAME SCRIPT-TEXT haihe-args...: haihe through the layer with the scripted runtime
run() {
  local n=$1 text=$2
  shift 2
  printf '%b' "size 64 64\nlog $T/$n.log\n$text" >"$T/$n.txt"
  XR_CORE_VALIDATION_FILE_NAME="$T/$n.val" HH_XRT_SCRIPT="$T/$n.txt" "$HAIHE" run "$@" --xr \
    --size 320x180 >"$T/$n.out" 2>"$T/$n.err" || no "$n: haihe exited $?: $(cat "$T/$n.err")"
  grep -q '^VR: Haihe test runtime' "$T/$n.out" || no "$n: VR did not start: $(cat "$T/$n.err")"
  [ "$(grep '^summary instance_destroyed' "$T/$n.log" | field errors)" = 0 ] ||
    no "$n: the test runtime saw invalid calls: $(grep '^error' "$T/$n.log")"
  clean "$n"
}

# 1. the detection works: the misuse program is flagged (wrong XrStructureType, an
# XrFormFactor out of the enum), by the same findings() the real runs go through
MISUSE="$BUILD/xr_runtime/hh_xr_misuse"
[ -x "$MISUSE" ] || no "no $MISUSE (built by tests/CMakeLists.txt)"
XR_CORE_VALIDATION_FILE_NAME="$T/misuse.val" HH_XRT_SCRIPT=/dev/null "$MISUSE" >"$T/misuse.out" 2>"$T/misuse.err" ||
  no "xr_misuse failed: $(cat "$T/misuse.err")"
f=$(findings misuse)
echo "misuse: the layer reported $f problems"
[ "$f" != unloaded ] && [ "$f" -ge 2 ] || no "the layer did not flag the deliberate misuse ($f): $(cat "$T/misuse.err")"
grep -q 'VUID-XrSystemGetInfo-type-type' "$T/misuse.val" 2>/dev/null || no "misuse: wrong XrStructureType not flagged"
grep -q 'VUID-XrSystemGetInfo-formFactor-parameter' "$T/misuse.val" 2>/dev/null || no "misuse: bad XrFormFactor not flagged"

# 2. STS: looking down, both sticks pushed in frames 20-140, the session lost at 150
run sts 'head 0 0 0 0 0 -55 0\ninput 20 140 /user/hand/left/input/thumbstick/y 1
input 20 140 /user/hand/right/input/thumbstick/y 1\nlose 150\n' port/sts_first_lift --seconds 3
grep -q 'the VR session was lost' "$T/sts.err" || no "sts: no session-lost message"
grep -q '^loss_pending frame 150' "$T/sts.log" || no "sts: no LOSS_PENDING at frame 150"
[ "$(grep '^summary instance_destroyed' "$T/sts.log" | field syncs)" -ge 120 ] 2>/dev/null || no "sts: actions hardly synced"
trolley=$(sed -n 's/^VR: crane at gantry [-0-9.]* m, trolley \([-0-9.]*\) m.*/\1/p' "$T/sts.out")
echo "sts: trolley at ${trolley:-?} m after the sticks (starts at -10 m)"
awk -v t="${trolley:--99}" 'BEGIN { exit !(t > -9.75) }' || no "sts: the stick did not move the trolley (at ${trolley:-?} m, starts at -10)"
# 3. the attempt ends in VR: Haihe requests the exit and follows STOPPING to EXITING
run endvr '' port/sts_first_lift --seconds 1
grep -q '^request_exit' "$T/endvr.log" || no "endvr: xrRequestExitSession not called"
grep -q '^summary session_destroyed.* state=8' "$T/endvr.log" || no "endvr: the session did not reach EXITING"
# 4. the runtime lost (XR_ERROR_INSTANCE_LOST)
run iloss 'instance_loss 20\n' port/sts_first_lift --seconds 1
grep -q 'the OpenXR runtime was lost' "$T/iloss.err" || no "iloss: no runtime-lost message"
# 5. the CNC lathe: the right controller aims at the MDI key; pulled trigger or not
aim='aim 0 0.2 -0.3 -0.25 16.62 10.78 0\nlose 90\n'
run lnone "$aim" cnc/lathe_exam_shaft --seconds 2
run lmdi "${aim}input 30 40 /user/hand/right/input/trigger/value 1\n" cnc/lathe_exam_shaft --seconds 2
h0=$(sed -n 's/^State hash: //p' "$T/lnone.out") h1=$(sed -n 's/^State hash: //p' "$T/lmdi.out")
echo "lathe state hashes: no press $h0, MDI pressed $h1"
[ -n "$h0" ] && [ "$h0" != "$h1" ] || no "lathe: pressing MDI from VR changed nothing"

# 6. hello_xr (Khronos's sample app) against the test runtime, through the layer, until
# the runtime ends the session at frame 60. Its stdin stays open and silent (it quits
# on any key or end of input); the shim answers the VidMode calls its window makes.
if ! command -v hello_xr >/dev/null; then
  [ "${CI:-}" = true ] && no "hello_xr (package libopenxr-utils) is not installed"
  echo "note: hello_xr not installed (libopenxr-utils); its run is skipped"
elif ! ${CC:-cc} -Wall -Wextra -shared -fPIC -o "$T/libxf86vm_shim.so" "$SRC/tests/fixtures/xf86vm_shim.c" -lX11 2>"$T/shim.err"; then
  no "cannot build the VidMode shim: $(cat "$T/shim.err")"
else
  printf 'size 64 64\nexit 60\nlog %s\n' "$T/hello.log" >"$T/hello.txt"
  mkfifo "$T/stdin" && exec 7<>"$T/stdin"
  XR_CORE_VALIDATION_FILE_NAME="$T/hello.val" HH_XRT_SCRIPT="$T/hello.txt" LD_PRELOAD="$T/libxf86vm_shim.so" \
    timeout 20 hello_xr -g OpenGL <&7 >"$T/hello.out" 2>"$T/hello.err"
  rc=$?
  exec 7>&-
  cat "$T/hello.out" >>"$T/hello.err"
  L="$T/hello.log"
  s=$(grep '^summary session_destroyed' "$L" 2>/dev/null)
  echo "hello_xr: exit $rc; ${s:-no session}"
  [ $rc -eq 0 ] || no "hello_xr exited $rc: $(grep -i 'error' "$T/hello.err" | head -5)"
  grep -q '^state 5 ' "$L" 2>/dev/null || no "hello_xr: the session never reached FOCUSED"
  grep -q '^runtime_exit frame 60' "$L" 2>/dev/null || no "hello_xr: the scripted exit did not happen"
  grep -q '^end_session' "$L" 2>/dev/null || no "hello_xr: xrEndSession not called on STOPPING"
  [ "$(echo "$s" | field state)" = 8 ] || no "hello_xr: the session did not reach EXITING"
  [ "$(echo "$s" | field layers)" -ge 50 ] 2>/dev/null || no "hello_xr: few projection layers submitted"
  [ "$(echo "$s" | field errors)" = 0 ] || no "hello_xr: the test runtime saw invalid calls: $(grep '^error' "$L")"
  clean hello
fi
[ $fail -eq 0 ] && echo "ok: the core validation layer found nothing in our OpenXR use or in hello_xr's"
exit $fail
