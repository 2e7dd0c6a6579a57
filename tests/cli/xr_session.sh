#!/usr/bin/env bash
# VR through the Khronos loader and the scripted test runtime (tests/xr_runtime): the
# session starts, frames are submitted, scripted thumbsticks move the crane, the
# session is lost and the run goes on on the desktop to a score; the left eye the
# runtime received shows the scene. Runs under its own Xvfb (GLX binding).
# (bash xr_session.sh HAIHE SRC BUILD)
set -u
HAIHE=$1 SRC=$2 BUILD=$3
# shellcheck source=xr_common.bash
. "$SRC/tests/cli/xr_common.bash"
xr_setup xr_session "$@"
# "VR: crane at gantry G m, trolley T m, hoist height H m" -> "G T H"
crane() { sed -n 's/^VR: crane at gantry \([-0-9.]*\) m, trolley \([-0-9.]*\) m, hoist height \([-0-9.]*\) m$/\1 \2 \3/p' "$1"; }

# baseline: the crane where it starts (session lost at once, no input)
printf 'size 64 64\nlose 12\n' >"$T/base.txt"
HH_XRT_SCRIPT="$T/base.txt" "$HAIHE" run port/sts_first_lift --xr --seconds 0.2 --size 320x180 \
  >"$T/base.out" 2>"$T/base.err" || no "baseline run failed: $(cat "$T/base.err")"
read -r g0 t0 h0 <<<"$(crane "$T/base.out")"

# the scenario: seated operator looking down 55 degrees; from frame 20 to 170 the left
# stick pushes the trolley seaward and the right stick is pushed forward (lower); the
# left eye of frame 120 is saved; the session is lost at frame 200
cat >"$T/script.txt" <<SCRIPT
size 256 256
head 0 0 0 0 0 -55 0
input 20 170 /user/hand/left/input/thumbstick/y 1
input 20 170 /user/hand/right/input/thumbstick/y 1
capture 120 0 $T/eye.png
lose 200
log $T/runtime.log
SCRIPT
HH_XRT_SCRIPT="$T/script.txt" "$HAIHE" run port/sts_first_lift --xr --seconds 4 --size 320x180 \
  --json "$T/r.json" --screenshot "$T/mirror.png" --at 1.0 >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 0 ] || no "run exited $rc"
grep -q '^VR: Haihe test runtime' "$T/out" || no "no VR start line"
grep -q 'the VR session was lost' "$T/err" || no "no session-lost message"
grep -q 'continuing on the desktop' "$T/err" || no "no desktop fallback message"
grep -q '^Score: ' "$T/out" || no "no score after the fallback"
# the desktop window mirrors the left eye (with the HUD) while VR runs
grep -q '^Screenshot at 1.00 s' "$T/out" || no "no mirror screenshot during VR"
[ "$(stat -c %s "$T/mirror.png" 2>/dev/null || echo 0)" -gt 20000 ] || no "mirror screenshot missing or nearly empty"
grep -q '"sim_seconds": 4' "$T/r.json" 2>/dev/null || no "the desktop did not finish the 4 s run: $(cat "$T/r.json" 2>/dev/null)"
L="$T/runtime.log"
grep -q '^begin_session' "$L" || no "session never began"
grep -q '^state 5 ' "$L" || no "session never FOCUSED"
grep -q '^loss_pending frame 200' "$L" || no "no LOSS_PENDING at frame 200"
layers=$(grep '^summary instance_destroyed' "$L" | field layers)
errors=$(grep '^summary instance_destroyed' "$L" | field errors)
syncs=$(grep '^summary instance_destroyed' "$L" | field syncs)
[ "${layers:-0}" -ge 190 ] || no "only ${layers:-0} projection layers submitted (want >= 190)"
[ "${errors:-1}" -eq 0 ] || no "the runtime saw $errors invalid calls: $(grep '^error' "$L")"
[ "${syncs:-0}" -ge 150 ] || no "actions synced ${syncs:-0} times"

# the scripted sticks moved the crane: trolley seaward, spreader lower
read -r g1 t1 h1 <<<"$(crane "$T/out")"
echo "crane before: gantry $g0 trolley $t0 hoist $h0; after the VR input: gantry $g1 trolley $t1 hoist $h1"
awk -v a="$t0" -v b="$t1" 'BEGIN { exit !(b > a + 0.5) }' || no "trolley did not move seaward ($t0 -> $t1)"
awk -v a="$h0" -v b="$h1" 'BEGIN { exit !(b < a - 0.5) }' || no "spreader was not lowered ($h0 -> $h1)"
awk -v a="$g0" -v b="$g1" 'BEGIN { d = a - b; exit !(d < 0.01 && d > -0.01) }' || no "gantry moved without input ($g0 -> $g1)"

# the eye image: a 256x256 PNG showing a scene (not flat), with the ship's red hull
# ahead and below the operator
cap=$(grep '^capture ' "$L")
echo "$cap"
[ -s "$T/eye.png" ] || no "no eye image saved"
[ "$(head -c 8 "$T/eye.png" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || no "eye image is not a PNG"
[ "$(echo "$cap" | sed -n 's/.*size=\([0-9x]*\).*/\1/p')" = "256x256" ] || no "eye image size"
sd=$(echo "$cap" | field stddev) colors=$(echo "$cap" | field colors) red=$(echo "$cap" | field red)
awk -v s="${sd:-0}" 'BEGIN { exit !(s > 15) }' || no "eye image nearly uniform (luma stddev ${sd:-?})"
[ "${colors:-0}" -ge 60 ] || no "eye image has only ${colors:-0} colours"
awk -v r="${red:-0}" 'BEGIN { exit !(r > 0.05) }' || no "no ship hull in view (red share ${red:-?})"
if [ $fail -ne 0 ]; then cat "$T/out" "$T/err"; exit 1; fi
echo "xr session ok"
