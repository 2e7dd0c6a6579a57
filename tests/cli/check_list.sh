#!/usr/bin/env bash
# `haihe check` accepts the real scenario (by name and by path) with a one-line OK;
# `haihe list` shows it with its title in the chosen language.
set -u
HAIHE=$1 SRC=$2 BUILD=$3
fail=0
out=$("$HAIHE" check port/sts_first_lift 2>&1); rc=$?
if [ $rc -ne 0 ] || [ "$(echo "$out" | wc -l)" -ne 1 ] || ! echo "$out" | grep -q "^OK"; then
  echo "FAIL: check port/sts_first_lift -> exit $rc:"; echo "$out"; fail=1
fi
out=$("$HAIHE" check "$SRC/scenarios/port/sts_first_lift.lua" 2>&1) || { echo "FAIL: check by path: $out"; fail=1; }
out=$("$HAIHE" list 2>&1); rc=$?
if [ $rc -ne 0 ] || ! echo "$out" | grep -q "^port/sts_first_lift .*STS"; then
  echo "FAIL: list -> exit $rc:"; echo "$out"; fail=1
fi
out=$("$HAIHE" list --lang zh-CN 2>&1)
echo "$out" | grep -q "^port/sts_first_lift .*岸桥" || { echo "FAIL: list --lang zh-CN:"; echo "$out"; fail=1; }
[ $fail = 0 ] && echo "check/list ok"
exit $fail
