#!/usr/bin/env bash
# docs/errors.md lists every hh_code of engine/core/hh_error.h, with its name, an
# English and a Chinese meaning, and the exit status the command gives for it.
set -u
SRC=$2
fail=0 n=0
while read -r name code; do
  n=$((n + 1))
  row=$(grep -E "^\| E$code \| \`$name\` \|" "$SRC/docs/errors.md")
  if [ -z "$row" ]; then echo "FAIL: docs/errors.md has no row for E$code $name"; fail=1; continue; fi
  want=2
  [ "$code" -eq 0 ] && want=0
  [ "$code" -ge 900 ] && want=1
  [ "$code" -eq 303 ] && want=3   # rescore mismatch
  exitcol=$(echo "$row" | awk -F'|' '{gsub(/ /, "", $(NF-1)); print $(NF-1)}')
  [ "$exitcol" = "$want" ] || { echo "FAIL: E$code exit column '$exitcol', want $want"; fail=1; }
  echo "$row" | grep -qP '[\x{4e00}-\x{9fff}]' || { echo "FAIL: E$code has no Chinese text"; fail=1; }
done < <(grep -oE 'HH_(OK|E_[A-Z_]+) *= *[0-9]+' "$SRC/engine/core/hh_error.h" | sed 's/ *= */ /')
[ $n -ge 10 ] || { echo "FAIL: only $n codes parsed from hh_error.h"; fail=1; }
[ $fail = 0 ] && echo "errors doc ok ($n codes)"
exit $fail
