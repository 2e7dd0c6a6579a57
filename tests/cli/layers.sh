#!/usr/bin/env bash
# The simulation core includes nothing of Lua, SDL, GL, OpenXR or the outer modules.
set -u
SRC=$2
bad=$(grep -rnE '#include *[<"](lua|lauxlib|lualib|SDL|glad/|GL/|EGL/|openxr/|.*(render|platform|app|script|xr)/)' \
  "$SRC/engine/core" "$SRC/engine/sim" "$SRC/engine/physics" "$SRC/engine/machines" "$SRC/engine/rubric" 2>/dev/null)
if [ -n "$bad" ]; then
  echo "layer violation: the simulation core includes an outer module:"
  echo "$bad"
  exit 1
fi
# the renderer reads hh_data through const pointers only
if grep -rnE 'hh_data *\* *[a-z_]+ *[,)]' "$SRC/engine/render" | grep -v 'const hh_data' ; then
  echo "layer violation: the renderer takes a non-const hh_data"
  exit 1
fi
echo "layers ok"
