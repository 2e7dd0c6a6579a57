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
# shellcheck source=xr_common.bash
. "$SRC/tests/cli/xr_common.bash"
xr_setup xr_cnc_keys "$@"

# run NAME AIM TRIGGER [SIZE]: aim = "yaw pitch" (deg) of the right controller at (0.2,
# -0.3, -0.25) m; trigger 1 = pulled in frames 30-40; the left eye of frame 35 is saved
# to NAME.png (SIZE x SIZE, default 64); prints the state hash
run() {
  cat >"$T/$1.txt" <<SCRIPT
size ${4:-64} ${4:-64}
capture 35 0 $T/$1.png
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
none=$(run none "0 30" 0 320)
miss=$(run miss "0 30" 1)     # pointing above the pad, at nothing
mdi=$(run mdi "16.62 10.78" 1 320) # at the MDI key
jog=$(run jog "7.41 11.16" 1)  # at the JOG key (the mill starts in JOG: no change)
edit=$(run edit "20.94 10.53" 1) # at the EDIT key
echo "hashes: none=$none miss=$miss mdi=$mdi jog=$jog edit=$edit"
[ -n "$none" ] || no "no state hash"
[ "$miss" = "$none" ] || no "a trigger pulled pointing at nothing changed the state"
[ "$mdi" != "$none" ] || no "pointing at MDI and pulling the trigger changed nothing"
[ "$jog" = "$none" ] || no "pressing JOG in JOG changed the state"
[ "$edit" != "$none" ] && [ "$edit" != "$mdi" ] || no "the EDIT press did not give its own state"

# the pad is drawn in the eye where the ray hit-tests it: the left eye (320 px, 90 deg,
# at x -0.032 m) sees the keys at about x 170-255, y 205-232 px; CYCLE START is green,
# the pressed key (MDI, 2nd of the top row) is yellow, and only while pressed
pad() { # pad PNG: "green yellow yellow_x stddev" of the pad's region
  python3 - "$1" <<'PY'
import struct, sys, zlib
b = open(sys.argv[1], "rb").read()
i, idat, w, h, ct = 8, b"", 0, 0, 0
while i < len(b):
    n, t = struct.unpack(">I4s", b[i:i + 8]); d = b[i + 8:i + 8 + n]; i += 12 + n
    if t == b"IHDR": w, h, _, ct = struct.unpack(">IIBB", d[:10])
    if t == b"IDAT": idat += d
bpp = 4 if ct == 6 else 3
raw, st, rows, prev = zlib.decompress(idat), w * bpp, [], bytearray(w * bpp)
for y in range(h):
    f, r = raw[y * (st + 1)], bytearray(raw[y * (st + 1) + 1:(y + 1) * (st + 1)])
    for x in range(st):
        a = r[x - bpp] if x >= bpp else 0; c = prev[x - bpp] if x >= bpp else 0; u = prev[x]
        if f == 1: r[x] = (r[x] + a) & 255
        elif f == 2: r[x] = (r[x] + u) & 255
        elif f == 3: r[x] = (r[x] + (a + u) // 2) & 255
        elif f == 4:
            p = a + u - c; pa, pb, pc = abs(p - a), abs(p - u), abs(p - c)
            r[x] = (r[x] + (a if pa <= pb and pa <= pc else u if pb <= pc else c)) & 255
    rows.append(r); prev = r
g = yl = yx = 0; lum = []
for y in range(200, 238):
    for x in range(165, 262):
        R, G, B = rows[y][x * bpp:x * bpp + 3]
        lum.append(0.3 * R + 0.59 * G + 0.11 * B)
        if G > R + 40 and G > B + 20: g += 1
        if R > 170 and G > 140 and B < 120: yl += 1; yx += x
m = sum(lum) / len(lum)
print(g, yl, yx // yl if yl else 0, int((sum((v - m) ** 2 for v in lum) / len(lum)) ** 0.5))
PY
}
read -r g0 y0 x0 s0 <<<"$(pad "$T/none.png" 2>&1)"
read -r g1 y1 x1 s1 <<<"$(pad "$T/mdi.png" 2>&1)"
echo "pad region: none green=$g0 yellow=$y0 stddev=$s0; mdi green=$g1 yellow=$y1 at x=$x1 stddev=$s1"
[ "${g0:-0}" -ge 20 ] && [ "${g1:-0}" -ge 20 ] || no "no green CYCLE START key in the eye image"
[ "${s0:-0}" -ge 15 ] || no "the pad region of the eye image is nearly uniform (stddev ${s0:-?})"
[ "${y0:-99}" -le 5 ] || no "a key is drawn pressed with the trigger released ($y0 yellow pixels)"
[ "${y1:-0}" -ge 20 ] && [ "${x1:-0}" -ge 172 ] && [ "${x1:-0}" -le 195 ] || no "the pressed MDI key is not highlighted in the eye image"
[ $fail -eq 0 ] && echo "ok: VR pointing presses the CNC key pad, drawn in the eye"
exit $fail
