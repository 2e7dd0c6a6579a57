# tests/cli/xr_common.bash - shared by tests/cli/xr_*.sh (sourced, not a test).
# xr_setup NAME "$@": re-run the calling script under its own Xvfb (the GLX binding needs
# an X server), make its temp dir $T (removed on exit), point the Khronos loader at the
# scripted test runtime built in $BUILD, and start $fail at 0. Needs $BUILD set.
xr_setup() {
  local name=$1
  shift
  if [ -z "${HH_XR_UNDER_XVFB:-}" ]; then
    HH_XR_UNDER_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x720x24" bash "$0" "$@"
  fi
  T=$(mktemp -d "$BUILD/cli_$name.XXXXXX")
  trap 'rm -rf "$T"' EXIT
  export XR_RUNTIME_JSON="$BUILD/xr_runtime/hh_test_runtime.json" XDG_DATA_HOME="$T" LANG=C
  [ -f "$XR_RUNTIME_JSON" ] || { echo "FAIL: no test runtime manifest at $XR_RUNTIME_JSON"; exit 1; }
  fail=0
}
# no MESSAGE: report a failed check and remember it
no() { echo "FAIL: $*"; fail=1; }
# field KEY: the value of KEY=NUMBER in the log line on stdin
field() { sed -n "s/.*[ ]$1=\([-0-9.]*\).*/\1/p" | head -1; }
