#!/usr/bin/env bash
# Closing the window mid-run (the window manager's close button: WM_DELETE_WINDOW, which
# SDL reports as SDL_QUIT) ends the attempt like Ctrl-C: stored as aborted, "interrupted"
# said. Runs under its own Xvfb; tests/fixtures/x11_close.c sends the close request.
# (bash window_close.sh HAIHE SRC BUILD)
set -u
HAIHE=$1 SRC=$2 BUILD=$3
if [ -z "${HH_CLOSE_UNDER_XVFB:-}" ]; then
  HH_CLOSE_UNDER_XVFB=1 exec xvfb-run -a -s "-screen 0 640x480x24" bash "$0" "$@"
fi
T=$(mktemp -d "$BUILD/cli_window_close.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T/data" LANG=C
fail=0
no() { echo "FAIL: $*"; fail=1; }
cc -o "$T/x11_close" "$SRC/tests/fixtures/x11_close.c" -lX11 || { echo "FAIL: cannot build x11_close"; exit 1; }
# a copy with a long time limit keeps the attempt running until the window closes
sed '0,/time_limit *= *[0-9]*/s//time_limit = 86000/' "$SRC/scenarios/port/sts_first_lift.lua" > "$T/long.lua"
"$HAIHE" run "$T/long.lua" --size 320x180 --db "$T/w.db" --trainee win >"$T/out" 2>&1 &
pid=$!
id=
for _ in $(seq 100); do # the window appears once the scenario is loaded
  id=$(xwininfo -root -tree 2>/dev/null | awk '/"Haihe/ && /320x180/ {print $1; exit}')
  [ -n "$id" ] && break
  sleep 0.2
done
[ -n "$id" ] || no "no Haihe window appeared"
sleep 1 # some ticks first
[ -n "$id" ] && { "$T/x11_close" "$id" || no "close request not sent"; }
for _ in $(seq 100); do kill -0 $pid 2>/dev/null || break; sleep 0.2; done
if kill -0 $pid 2>/dev/null; then no "haihe still running after the window closed"; kill -KILL $pid; fi
wait $pid; rc=$?
[ $rc = 0 ] || { no "exit $rc"; cat "$T/out"; }
grep -q "interrupted: the attempt ends here" "$T/out" || { no "not said interrupted"; cat "$T/out"; }
[ "$(sqlite3 "$T/w.db" "select trainee, aborted, ticks > 0 from attempts")" = "win|1|1" ] \
  || no "attempt not stored as aborted: $(sqlite3 "$T/w.db" 'select trainee, aborted, ticks from attempts' 2>&1)"
exit $fail
