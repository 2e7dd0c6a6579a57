#!/usr/bin/env bash
# Bad scenario scripts: `check` and `run` exit 2 (never crash) and name file:line.
# Fixtures: tests/fixtures/scripts/*.lua: the line marked "--!" is where the error is;
# a fixture whose first line calls it "valid" must load; any other must fail naming
# the file. Plus edge cases made here (empty, binary, a folder). Each call is bounded
# by a timeout: a hang is a failure.
set -u
HAIHE=$1 SRC=$2 BUILD=$3
T=$(mktemp -d "$BUILD/cli_bad.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail=0 n=0
for f in "$SRC"/tests/fixtures/scripts/*.lua "$SRC"/tests/fixtures/cli/*.lua; do
  [ -f "$f" ] || continue
  base=$(basename "$f")
  line=$(grep -n -- '--!' "$f" | head -1 | cut -d: -f1)
  timeout 60 "$HAIHE" check "$f" >"$T/out" 2>"$T/err"; rc=$?
  n=$((n + 1))
  if [ -z "$line" ] && head -1 "$f" | grep -qiE '(^|[^n])valid'; then
    [ $rc -eq 0 ] || { echo "FAIL: $base should load, exit $rc"; cat "$T/err"; fail=1; }
    continue
  fi
  if [ $rc -ne 2 ]; then echo "FAIL: check $base -> exit $rc, want 2"; cat "$T/err"; fail=1; continue; fi
  if [ -n "$line" ]; then
    grep -q "$base:$line[:]" "$T/err" || { echo "FAIL: $base: message lacks $base:$line:"; cat "$T/err"; fail=1; }
  else
    grep -q "$base" "$T/err" || { echo "FAIL: $base: message does not name the file:"; cat "$T/err"; fail=1; }
  fi
  grep -q "error E[0-9]" "$T/err" || { echo "FAIL: $base: no error code"; cat "$T/err"; fail=1; }
  # run reports the same error, before anything runs
  timeout 60 "$HAIHE" run "$f" --headless --autopilot >"$T/out2" 2>"$T/err2"; rc=$?
  [ $rc -eq 2 ] && cmp -s "$T/err" "$T/err2" || { echo "FAIL: run $base -> exit $rc, differs from check:"; cat "$T/err2"; fail=1; }
done
[ $n -ge 3 ] || { echo "FAIL: only $n fixtures found"; fail=1; }
# edge cases: empty file, binary junk, a folder, an unreadable file
: > "$T/empty.lua"
printf '\x00\x01\xff\xfeLUA\x00' > "$T/binary.lua"
mkdir "$T/folder.lua"
printf 'scenario { id = "x" }\n' > "$T/noread.lua"; chmod 000 "$T/noread.lua"
for f in empty.lua binary.lua folder.lua noread.lua; do
  [ "$f" = noread.lua ] && [ "$(id -u)" -eq 0 ] && continue  # root reads anything
  timeout 60 "$HAIHE" check "$T/$f" >"$T/out" 2>"$T/err"; rc=$?
  [ $rc -eq 2 ] && grep -q "$f" "$T/err" || { echo "FAIL: check $f -> exit $rc:"; cat "$T/err"; fail=1; }
done
[ $fail = 0 ] && echo "bad scripts ok ($n fixtures)"
exit $fail
