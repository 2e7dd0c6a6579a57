#!/usr/bin/env bash
# Interpreter throughput: haihe vs LinuxCNC rs274 on a generated 3D surfacing program
# (not committed). usage: tools/bench_gcode.sh [HAIHE_BIN] [LINES]   (benchmark, not a test)
set -eu
BIN=${1:-build/haihe}
N=${2:-100000}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
prog=$tmp/surface.ngc
awk -v n="$N" 'BEGIN {
  print "G21 G17 G90 G94"; print "G0 X0 Y0 Z5"; print "G1 Z0 F1200";
  rows = int(sqrt(n)); cols = int(n / rows);
  for (j = 0; j < rows; j++) {
    y = j * 100.0 / rows;
    for (k = 0; k < cols; k++) {
      i = (j % 2) ? cols - 1 - k : k; x = i * 100.0 / cols;
      z = -2 + sin(x / 9.0) * cos(y / 7.0);
      if (k % 50 == 25) printf "G2 X%.4f Y%.4f R50\n", x, y; else printf "G1 X%.4f Y%.4f Z%.4f\n", x, y, z;
    }
  }
  print "G0 Z5"; print "M2" }' > "$prog"
lines=$(wc -l < "$prog")
t0=$(date +%s.%N); "$BIN" gcode "$prog" --trace > /dev/null; t1=$(date +%s.%N)
ours=$(echo "$lines / ($t1 - $t0)" | bc -l)
echo "haihe gcode --trace: $lines lines in $(echo "$t1 - $t0" | bc -l | cut -c1-6) s = $(printf %.0f "$ours") lines/s"
"$BIN" gcode "$prog" --bench 3
if command -v rs274 > /dev/null; then
  t0=$(date +%s.%N); (cd "$tmp" && rs274 -g "$prog" > /dev/null 2>&1 < /dev/null); t1=$(date +%s.%N)
  theirs=$(echo "$lines / ($t1 - $t0)" | bc -l)
  echo "rs274 -g:            $lines lines in $(echo "$t1 - $t0" | bc -l | cut -c1-6) s = $(printf %.0f "$theirs") lines/s"
  echo "ratio (trace vs trace): $(printf %.1f "$(echo "$ours / $theirs" | bc -l)")x (target >= 20x)"
  # the same ratio without each program's fixed start-up (process, dynamic linking: a
  # 2-line program), so that it measures lines/s of the trace work itself
  printf 'G0 X1\nM2\n' > "$tmp/empty.ngc"
  t0=$(date +%s.%N); "$BIN" gcode "$tmp/empty.ngc" --trace > /dev/null; t1=$(date +%s.%N)
  s_ours=$(echo "$t1 - $t0" | bc -l)
  t0=$(date +%s.%N); (cd "$tmp" && rs274 -g "$tmp/empty.ngc" > /dev/null 2>&1 < /dev/null); t1=$(date +%s.%N)
  s_theirs=$(echo "$t1 - $t0" | bc -l)
  echo "start-up (2-line program): haihe $(echo "$s_ours" | cut -c1-6) s, rs274 $(echo "$s_theirs" | cut -c1-6) s"
  m_ours=$(echo "$lines / ($lines / $ours - $s_ours)" | bc -l)
  m_theirs=$(echo "$lines / ($lines / $theirs - $s_theirs)" | bc -l)
  echo "ratio without start-up:  $(printf %.1f "$(echo "$m_ours / $m_theirs" | bc -l)")x"
else
  echo "rs274 not installed: no comparison"
fi
