#!/usr/bin/env bash
# GPU render timings for issue 5 (a measurement, not a test): build haihe in Release on
# the device machine and run `haihe bench --render` headless through EGL (SDL offscreen
# driver), 300 frames per case; the table goes to stdout and to $OUT/render.txt when
# OUT is set (the device tool's output folder). usage: bash tools/bench_gpu.sh
set -eu
cd "$(dirname "$0")/.."
bash tools/setup.sh || echo "bench_gpu: setup failed (no package mirror?); trying the build anyway"
cmake -S . -B build-gpu -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build build-gpu -j"$(nproc)" --target haihe > /dev/null
out=${OUT:-/tmp}/render.txt
env -u DISPLAY -u WAYLAND_DISPLAY HH_BENCH_FRAMES=${HH_BENCH_FRAMES:-300} \
  build-gpu/haihe bench --render | tee "$out"
