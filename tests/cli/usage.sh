#!/usr/bin/env bash
# The command-line contract: mistakes exit 2 with a clear (translated) message.
# (bash usage.sh HAIHE SRC BUILD)
set -u
HAIHE=$1 SRC=$2 BUILD=$3
T=$(mktemp -d "$BUILD/cli_usage.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail=0

# expect STATUS "text in stderr" -- args...
expect() {
  local want=$1 text=$2
  shift 3
  "$HAIHE" "$@" >"$T/out" 2>"$T/err"
  local rc=$?
  if [ $rc -ne "$want" ]; then
    echo "FAIL: haihe $* -> exit $rc, want $want"; cat "$T/out" "$T/err"; fail=1; return
  fi
  if [ -n "$text" ] && ! grep -qF -- "$text" "$T/err"; then
    echo "FAIL: haihe $* -> stderr lacks '$text':"; cat "$T/err"; fail=1
  fi
}

expect 0 ""                     -- --help
expect 0 ""                     -- --version
expect 2 "unknown command: frobnicate" -- frobnicate
expect 2 "unknown option: --bogus"      -- --bogus
expect 2 "unknown option: --fast"       -- run port/sts_first_lift --headless --fast
expect 2 "missing scenario"             -- run --headless
expect 2 "missing value: --json"        -- run port/sts_first_lift --headless --json
expect 2 "missing value: --seconds"     -- run port/sts_first_lift --headless --seconds
expect 2 "invalid time in seconds"      -- run port/sts_first_lift --headless --seconds abc
expect 2 "invalid time in seconds"      -- run port/sts_first_lift --headless --seconds -3
expect 2 "invalid size"                 -- run port/sts_first_lift --headless --size 12
expect 2 "unknown camera"               -- run port/sts_first_lift --headless --camera drone
expect 2 "unexpected argument: extra"   -- run port/sts_first_lift extra --headless
expect 2 "choose one"                   -- run port/sts_first_lift --autopilot --replay x.hhr
expect 2 "--screenshot needs --at"      -- run port/sts_first_lift --headless --screenshot a.png
expect 2 "option takes no value"        -- run port/sts_first_lift --headless=1
expect 2 "unknown language"             -- --lang xx --help
expect 2 "missing value: --lang"        -- --help --lang
expect 2 "missing scenario"             -- check
expect 2 "missing replay file"          -- rescore
expect 2 "unknown option: --fast"       -- rescore x.hhr --fast
expect 2 "unexpected argument: x"       -- list x
# a missing scenario file is named in the message
expect 2 "$T/nope.lua"                  -- run "$T/nope.lua" --headless
expect 2 "no/such_scenario"             -- run no/such_scenario --headless
expect 2 "$T/nope.lua"                  -- check "$T/nope.lua"
expect 2 "E101"                         -- check "$T/nope.lua"
# a missing replay is named
expect 2 "$T/none.hhr"                  -- rescore "$T/none.hhr"
expect 2 "$T/none.hhr"                  -- run port/sts_first_lift --headless --replay "$T/none.hhr"
# an unwritable output is an error naming it, and no half file is left
expect 2 "$T/no/dir/r.json"             -- run port/sts_first_lift --headless --seconds 1 --json "$T/no/dir/r.json"
# messages are translated
expect 2 "未知选项: --bogus"            -- --lang zh-CN --bogus
expect 2 "找不到场景"                   -- run no/such_scenario --headless --lang zh-CN
# the benchmarks refuse what they do not take (before opening a window or loading)
expect 2 "unexpected argument: --bogus" -- bench --bogus
expect 2 "unexpected argument: extra"   -- bench --render extra
[ $fail = 0 ] && echo "usage ok"
exit $fail
