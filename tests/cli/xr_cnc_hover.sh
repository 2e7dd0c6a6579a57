#!/usr/bin/env bash
# VR hover over the CNC key pad (engine/xr/hh_xr_frame.c, engine/render/hh_rcnc_vrpad.c)
# through the scripted test runtime, the trigger never pulled: the right controller's
# aim points past the pad, at the MDI key, at the EDIT key (three runs). Pointing at a
# key lights that key alone in the saved eye image, in the hover colour (not the
# pressed yellow), over the un-highlighted colour it has when the aim points away; the
# light follows the aim (EDIT left of MDI). Hovering is not pressing: the state hash
# is the same in the three runs.
# Runs under its own Xvfb (GLX binding). (bash xr_cnc_hover.sh HAIHE SRC BUILD)
set -u
HAIHE=$1 SRC=$2 BUILD=$3
# shellcheck source=xr_common.bash
. "$SRC/tests/cli/xr_common.bash"
xr_setup xr_cnc_hover "$@"

# run NAME AIM: aim = "yaw pitch" (deg) of the right controller at (0.2, -0.3, -0.25) m,
# trigger never pulled; the left eye (640 x 640) of frame 12 saved to NAME.ppm; the
# session is lost at frame 20 (the rest runs on the desktop); prints the state hash
run() {
  cat >"$T/$1.txt" <<SCRIPT
size 640 640
capture 12 0 $T/$1.ppm
aim 0 0.2 -0.3 -0.25 $2 0
lose 20
log $T/$1.log
SCRIPT
  HH_XRT_SCRIPT="$T/$1.txt" "$HAIHE" run cnc/mill_exam_plate --xr --seconds 1 --size 320x180 \
    >"$T/$1.out" 2>"$T/$1.err" || no "$1: run exited $?: $(cat "$T/$1.err")"
  grep -q '^VR: Haihe test runtime' "$T/$1.out" || no "$1: no VR start line"
  [ -s "$T/$1.ppm" ] || no "$1: the runtime saved no eye image"
  sed -n 's/^State hash: //p' "$T/$1.out"
}
away=$(run away "0 30")          # past the pad (above it), at nothing
mdi=$(run mdi "16.62 10.78")     # at the MDI key (2nd of the pad's top row)
edit=$(run edit "20.94 10.53")   # at the EDIT key (1st of the top row)
echo "hashes: away=$away mdi=$mdi edit=$edit"
[ -n "$away" ] || no "no state hash"
[ "$mdi" = "$away" ] || no "hovering over MDI changed the state (a hover is not a press)"
[ "$edit" = "$away" ] || no "hovering over EDIT changed the state (a hover is not a press)"

# blob A B: the pixels of eye image B that differ from A by more than 40 levels:
# "count x0 x1 y0 y1 R G B r g b" (their bounding box, their mean colour in B, then in A)
blob() {
  python3 - "$1" "$2" <<'PY'
import sys
def ppm(path):
    b = open(path, "rb").read()
    head = b.split(maxsplit=4)
    assert head[0] == b"P6", path
    w, h = int(head[1]), int(head[2])
    return w, h, head[4][:w * h * 3]
wa, ha, a = ppm(sys.argv[1])
wb, hb, b = ppm(sys.argv[2])
assert (wa, ha) == (wb, hb) and len(a) == len(b) == wa * ha * 3
n, xs, ys, sb, sa = 0, [], [], [0, 0, 0], [0, 0, 0]
for i in range(0, len(a), 3):
    if max(abs(a[i + k] - b[i + k]) for k in range(3)) > 40:
        n += 1; xs.append(i // 3 % wa); ys.append(i // 3 // wa)
        for k in range(3): sb[k] += b[i + k]; sa[k] += a[i + k]
if not n: print("0 0 0 0 0 0 0 0 0 0 0")
else: print(n, min(xs), max(xs), min(ys), max(ys), *[s // n for s in sb], *[s // n for s in sa])
PY
}
# key NAME BLOB: the changed pixels are one key's rectangle (at least 60 pixels, at
# most 40 x 25 px, in the lower half where the pad is), lit in the hover colour (the
# pad's light blue, about 115 140 173: not the pressed yellow) over the darker
# un-highlighted mode-key colour it had with the aim pointing away
key() {
  local name=$1 n x0 x1 y0 y1 R G B r g b
  read -r n x0 x1 y0 y1 R G B r g b <<<"$2"
  echo "$name: ${n:-?} pixels changed, box x $x0-$x1 y $y0-$y1, colour $R $G $B (was $r $g $b)"
  [ "${n:-0}" -ge 60 ] || { no "$name: the pointed key is not lit in the eye image (${n:-?} pixels changed)"; return; }
  [ $((x1 - x0)) -le 40 ] && [ $((y1 - y0)) -le 25 ] && [ "$y0" -ge 320 ] ||
    no "$name: the change is not one key of the pad (box x $x0-$x1 y $y0-$y1)"
  [ $((R - 115)) -le 25 ] && [ $((115 - R)) -le 25 ] && [ $((G - 140)) -le 25 ] &&
    [ $((140 - G)) -le 25 ] && [ $((B - 173)) -le 25 ] && [ $((173 - B)) -le 25 ] ||
    no "$name: the lit key is not in the hover colour ($R $G $B)"
  [ $((R + G + B)) -ge $((r + g + b + 90)) ] || no "$name: the lit key is not lighter than unlit ($r $g $b -> $R $G $B)"
}
bm=$(blob "$T/away.ppm" "$T/mdi.ppm" 2>&1)
be=$(blob "$T/away.ppm" "$T/edit.ppm" 2>&1)
key MDI "$bm"
key EDIT "$be"
# the highlight follows the aim: EDIT is lit left of MDI, in the same row
read -r _ mx0 _ my0 _ _ <<<"$bm"
read -r _ _ ex1 ey0 _ _ <<<"$be"
[ "${ex1:-999}" -lt "${mx0:-0}" ] && [ $((ey0 - my0)) -le 5 ] && [ $((my0 - ey0)) -le 5 ] ||
  no "the EDIT highlight is not left of MDI's in the same row (EDIT right edge ${ex1:-?}, MDI left ${mx0:-?})"
[ $fail -eq 0 ] && echo "ok: VR hover lights the pointed key in the eye, and presses nothing"
exit $fail
