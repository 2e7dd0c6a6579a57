#!/usr/bin/env bash
# Install the Debian 12 packages Haihe needs to build, run and test. Idempotent.
set -euo pipefail
PKGS=(build-essential cmake pkg-config git
      libsdl2-dev libcglm-dev libbullet-dev libopenxr-dev libopenxr-loader1
      liblua5.4-dev python3-glad libfreetype-dev fonts-noto-cjk libpng-dev
      libharfbuzz-dev libfribidi-dev fonts-noto-core
      libsqlite3-dev libsodium-dev sqlite3
      xvfb xauth libgl1-mesa-dri libegl-dev libgl-dev mesa-utils libx11-dev
      linuxcnc-uspace
      openxr-layer-corevalidation libopenxr-utils libxxf86vm-dev)
# Optional, for looking at a debrief by eye (docs/debrief.md; no test needs it):
#   apt-get install chromium
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PKGS[@]} packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
