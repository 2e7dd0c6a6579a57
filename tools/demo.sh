#!/usr/bin/env bash
# Install dependencies, build, and run the default demo: the STS crane first lift under
# its expert autopilot, in a window when a display exists, otherwise headless.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
exec ./build/haihe "$@"
