#!/usr/bin/env bash
# haihe gcode --trace on every tests/gcode/*.nc equals its golden .trace (lathe_* on
# the lathe; PROG.tools is passed as --tools), and every bad program in tests/gcode/bad fails with exit 2 and the
# error code and file:line:column its first line expects; every E4xx code of
# hh_error.h (except E415, tested in test_gcode_interp) has a bad program.
set -u
BIN=$1 SRC=$2
fail=0 n=0
for prog in "$SRC"/tests/gcode/*.nc; do
  m=mill; case $(basename "$prog") in lathe_*) m=lathe ;; esac
  want=${prog%.nc}.trace
  topt=(); [ -f "${prog%.nc}.tools" ] && topt=(--tools "${prog%.nc}.tools")
  got=$("$BIN" gcode "$prog" --trace --machine $m "${topt[@]}" 2>&1) || { echo "FAIL: $prog exit $?: $got"; fail=1; continue; }
  if ! diff <(echo "$got") "$want" > /dev/null; then
    echo "FAIL: $prog trace differs from $(basename "$want"):"; diff <(echo "$got") "$want" | head -10; fail=1
  fi
  n=$((n + 1))
done
[ $n -ge 6 ] || { echo "FAIL: only $n golden programs"; fail=1; }
for prog in "$SRC"/tests/gcode/bad/*.nc; do
  read -r code loc < <(head -1 "$prog" | sed -E 's/^\(expect (E[0-9]+) ([0-9:]+)\)$/\1 \2/')
  m=mill; case $(basename "$prog") in *_lathe*) m=lathe ;; esac
  topt=(); [ -f "${prog%.nc}.tools" ] && topt=(--tools "${prog%.nc}.tools")
  err=$("$BIN" gcode "$prog" --trace --machine $m "${topt[@]}" 2>&1 >/dev/null); rc=$?
  [ $rc -eq 2 ] || { echo "FAIL: $prog exit $rc, want 2"; fail=1; }
  echo "$err" | grep -qF "$prog:$loc: error $code:" ||
    { echo "FAIL: $prog: want '$prog:$loc: error $code:', got: $err"; fail=1; }
done
for code in $(grep -oE 'HH_E_GCODE_[A-Z_]+ *= *4[0-9][0-9]' "$SRC/engine/core/hh_error.h" | grep -oE '4[0-9][0-9]$'); do
  [ "$code" = 415 ] && continue
  ls "$SRC"/tests/gcode/bad/e${code}_*.nc > /dev/null 2>&1 || { echo "FAIL: no bad program for E$code"; fail=1; }
done
[ $fail = 0 ] && echo "gcode golden ok ($n traces)"
exit $fail
