#!/usr/bin/env bash
# GPU render timings for issue 5 (a measurement, not a test): build haihe in Release on
# the device machine and run `haihe bench --render` headless through EGL (SDL offscreen
# driver) with HH_BENCH_FRAMES=300 (every scenario at 1280x720 and as a stereo pair,
# the STS pair with 4x MSAA and with the desktop mirror, the 5000-container yard; see
# docs/rendering.md for the frames of each row); the table goes to stdout and to
# $OUT/render.txt when OUT is set (the device tool's output folder); the build log
# to $OUT/build.txt. usage: bash tools/bench_gpu.sh
set -eu
cd "$(dirname "$0")/.."
bash tools/setup.sh || echo "bench_gpu: setup failed (no package mirror?); trying the build anyway"
log=${OUT:-/tmp}/build.txt
cmake -S . -B build-gpu -DCMAKE_BUILD_TYPE=Release > "$log" 2>&1 || { tail -20 "$log"; exit 1; }
cmake --build build-gpu -j"$(nproc)" --target haihe >> "$log" 2>&1 || { tail -20 "$log"; exit 1; }
out=${OUT:-/tmp}/render.txt
env -u DISPLAY -u WAYLAND_DISPLAY HH_BENCH_FRAMES=${HH_BENCH_FRAMES:-300} \
  build-gpu/haihe bench --render | tee "$out"
