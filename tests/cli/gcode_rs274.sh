#!/usr/bin/env bash
# Differential test against LinuxCNC's rs274ngc interpreter (package linuxcnc-uspace,
# installed by tools/setup.sh): on the shared RS274NGC subset, the motion of
# `haihe gcode --trace` equals LinuxCNC's within 1e-6 mm, LinuxCNC's values taken at
# full precision from its Python module `gcode` (tests/gcode/rs274_compare.py); the
# stand-alone `rs274 -g` must show the same operation sequence (4 decimals).
# Cutter-compensation programs bring a tool table (PROG.tools, mm). Corpus: ours
# (tests/gcode/rs274/*.ngc) and example programs the package ships.
# Exit 77 (ctest SKIP) when rs274 or the gcode module is missing.
set -u
BIN=$1 SRC=$2 BUILD=$3
if ! command -v rs274 > /dev/null; then
  echo "SKIPPED: rs274 not installed (apt-get install linuxcnc-uspace; tools/setup.sh)"
  exit 77
fi
# the module lives in Debian's /usr/lib/python3/dist-packages: a pyenv python3 on PATH
# does not see it, so try Debian's interpreter first
PY=
for p in /usr/bin/python3 python3; do
  if "$p" -c 'import gcode' > /dev/null 2>&1; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
  echo "SKIPPED: no python3 can import LinuxCNC's gcode module (linuxcnc-uspace; tools/setup.sh)"
  exit 77
fi
EX=/usr/share/doc/linuxcnc/examples/nc_files
corpus=("$SRC"/tests/gcode/rs274/*.ngc)
for f in 3dtest.ngc cds.ngc tort.ngc plasmatest.ngc; do
  [ -f "$EX/$f" ] && corpus+=("$EX/$f")
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0 n=0
# a program with a PROG.tools table (haihe, mm) gets it as --tools, as the module's
# tool table (mm), and, converted to inches (the stand-alone rs274's tool-table unit),
# as rs274 -t
for prog in "${corpus[@]}"; do
  topt=() ropt=() copt=()
  if [ -f "${prog%.ngc}.tools" ]; then
    topt=(--tools "${prog%.ngc}.tools")
    copt=(--tools "${prog%.ngc}.tools")
    "$PY" -c 'import re,sys
for l in open(sys.argv[1]):
    l = l.split(";")[0].strip()
    if l: print(re.sub(r"([XYZD])([-+]?[0-9.]+)", lambda m: m.group(1) + repr(float(m.group(2)) / 25.4), l))' \
      "${prog%.ngc}.tools" > "$tmp/tool.tbl"
    ropt=(-t "$tmp/tool.tbl")
  fi
  "$BIN" gcode "$prog" --trace "${topt[@]}" > "$tmp/ours" 2> "$tmp/err" || { echo "FAIL: haihe on $prog: $(cat "$tmp/err")"; fail=1; continue; }
  (cd "$tmp" && rs274 "${ropt[@]}" -g "$prog" > "$tmp/theirs" 2>&1 < /dev/null)
  out=$("$PY" "$SRC/tests/gcode/rs274_compare.py" "$tmp/ours" "$prog" "${copt[@]}" \
        --rs274 "$tmp/theirs" 2>&1) || { echo "FAIL: $prog: $out"; fail=1; continue; }
  echo "$(basename "$prog"): $out"
  n=$((n + 1))
done
[ $n -ge 8 ] || { echo "FAIL: only $n programs compared"; fail=1; }
[ $fail = 0 ] && echo "rs274 differential ok ($n programs, 1e-6 mm)"
exit $fail
