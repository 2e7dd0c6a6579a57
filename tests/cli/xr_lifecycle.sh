#!/usr/bin/env bash
# --xr when VR is not there or goes away: no runtime, a runtime that cannot start, the
# runtime ending the session, the runtime (instance) lost, the app ending the session
# itself when the attempt is over, and --headless. Each says so clearly, the run goes
# on without VR and exits 0 with a score. (bash xr_lifecycle.sh HAIHE SRC BUILD)
set -u
HAIHE=$1 SRC=$2 BUILD=$3
if [ -z "${HH_XR_UNDER_XVFB:-}" ]; then
  HH_XR_UNDER_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x720x24" bash "$0" "$@"
fi
T=$(mktemp -d "$BUILD/cli_xr_lifecycle.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T" LANG=C
MANIFEST="$BUILD/xr_runtime/hh_test_runtime.json"
fail=0
no() { echo "FAIL: $*"; fail=1; }

# run NAME EXPECTED-STDERR-TEXT [env...] -- haihe args...: exit 0, a score, the text
run() {
  local name=$1 text=$2
  shift 2
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  env "${envs[@]}" "$HAIHE" run port/sts_first_lift --seconds 1 --size 320x180 "$@" \
    >"$T/$name.out" 2>"$T/$name.err"
  local rc=$?
  [ $rc -eq 0 ] || no "$name: exit $rc"
  grep -q '^Score: \|^得分' "$T/$name.out" || no "$name: no score"
  grep -qF -- "$text" "$T/$name.err" "$T/$name.out" || { no "$name: no '$text'"; cat "$T/$name.err"; }
}
# script NAME LINES...: a runtime script logging to $T/NAME.log
script() {
  local name=$1
  shift
  { printf '%s\n' "size 96 96" "log $T/$name.log" "$@"; } >"$T/$name.txt"
}

# 1. no runtime installed (Debian has none): clear message, desktop, exit 0
mkdir -p "$T/xdg"
run none "VR is not available: no OpenXR runtime is installed or active (XR_ERROR_RUNTIME_UNAVAILABLE)" \
  -u XR_RUNTIME_JSON XDG_CONFIG_HOME="$T/xdg" XDG_CONFIG_DIRS="$T/xdg" -- --xr
grep -q "continuing on the desktop" "$T/none.err" || no "none: no desktop fallback"
# ... and in Chinese
run none_zh "VR 不可用" -u XR_RUNTIME_JSON XDG_CONFIG_HOME="$T/xdg" XDG_CONFIG_DIRS="$T/xdg" \
  -- --xr --lang zh-CN

# 2. the runtime cannot start (its script is bad: it says where)
printf 'size 96 96\nwobble 1\n' >"$T/bad.txt"
run bad "the OpenXR runtime failed to start" XR_RUNTIME_JSON="$MANIFEST" HH_XRT_SCRIPT="$T/bad.txt" -- --xr
grep -q "bad.txt:2: unknown directive" "$T/bad.err" || no "bad: the runtime did not name file:line"

# 3. the runtime ends the session (user left the app in the headset's menu)
script exit "exit 40"
run exit "the VR runtime ended the session after" XR_RUNTIME_JSON="$MANIFEST" HH_XRT_SCRIPT="$T/exit.txt" -- --xr
grep -q '^end_session' "$T/exit.log" || no "exit: xrEndSession not called on STOPPING"
grep -q '^summary session_destroyed.* state=8' "$T/exit.log" || no "exit: session did not reach EXITING"

# 4. the runtime is lost (instance loss)
script iloss "instance_loss 20"
run iloss "the OpenXR runtime was lost after" XR_RUNTIME_JSON="$MANIFEST" HH_XRT_SCRIPT="$T/iloss.txt" -- --xr
grep -q '^instance_loss_pending frame 20' "$T/iloss.log" || no "iloss: no instance loss"

# 5. the attempt ends in VR: the app asks to exit and follows the session to its end
script done
run done "VR: " XR_RUNTIME_JSON="$MANIFEST" HH_XRT_SCRIPT="$T/done.txt" -- --xr
grep -q 'frames submitted' "$T/done.out" || no "done: no frame count"
for l in '^request_exit' '^end_session' '^summary session_destroyed.* state=8.* errors=0\|^summary session_destroyed.* errors=0.* state=8'; do
  grep -q "$l" "$T/done.log" || no "done: runtime log lacks $l"
done
n=$(sed -n 's/^VR: \([0-9]*\) frames submitted$/\1/p' "$T/done.out")
[ "${n:-0}" -ge 80 ] || no "done: only ${n:-0} frames for 1 s at 90 Hz"

# 6. --headless has no window for VR
run headless "--xr needs a window" XR_RUNTIME_JSON="$MANIFEST" -- --xr --headless

if [ $fail -ne 0 ]; then
  for f in "$T"/*.err; do echo "== $f"; cat "$f"; done
  exit 1
fi
echo "xr lifecycle ok"
