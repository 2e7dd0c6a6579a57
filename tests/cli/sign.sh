#!/usr/bin/env bash
# Signed replays at the command line: any changed byte is detected (a checksum, or the
# signature when the checksums are fixed up: controls, footer, signed result), so is a
# changed result file, another station's public key, a wrong or missing event key; the
# untouched file verifies and re-scores identically. (bash script HAIHE SRC BUILD)
set -u
HAIHE=$1 SRC=$2 BUILD=$3
T=$(mktemp -d "$BUILD/cli_sign.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
S=port/sts_first_lift
verify() { # verify FILE WANT "text" args...
  local f=$1 want=$2 text=$3; shift 3
  "$HAIHE" rescore --verify "$f" "$@" >"$T/out" 2>&1; local rc=$?
  [ $rc -eq "$want" ] && grep -qF -- "$text" "$T/out" || { no "verify $(basename "$f") $* -> $rc, want $want '$text'"; cat "$T/out"; }
}
# station A signs; station B is another machine with its own key
XDG_DATA_HOME="$T/a" "$HAIHE" run $S --headless --competition --trainee t1 --seconds 12 \
  --record "$T/s.hhr" --json "$T/s.json" >"$T/out" 2>&1 || { no "signed run"; cat "$T/out"; }
XDG_DATA_HOME="$T/b" "$HAIHE" run $S --headless --competition --trainee t2 --seconds 1 \
  --record "$T/other.hhr" >/dev/null 2>&1 || no "station B run"
PUB="$T/a/haihe/station.pub"
verify "$T/s.hhr" 0 "Identical" --pubkey "$PUB" --result "$T/s.json"
verify "$T/s.hhr" 2 "E304" --pubkey "$T/b/haihe/station.pub"
verify "$T/other.hhr" 2 "E304" --pubkey "$PUB"
# a result file changed by one character
sed 's/"score": \([0-9]\)/"score": 9\1/' "$T/s.json" > "$T/forged.json"
cmp -s "$T/s.json" "$T/forged.json" && no "the result file did not change"
verify "$T/s.hhr" 2 "E304" --pubkey "$PUB" --result "$T/forged.json"
# a changed byte: caught by a checksum
cp "$T/s.hhr" "$T/flip.hhr"; printf '\x5a' | dd of="$T/flip.hhr" bs=1 seek=3000 conv=notrunc status=none
verify "$T/flip.hhr" 2 "E301" --pubkey "$PUB"
# forgeries with every checksum fixed up: caught by the signature
"$PY" - "$T/s.hhr" "$T" <<'PYEOF' || no "forging failed"
import struct, sys, zlib
src, out = sys.argv[1], sys.argv[2]
b = bytes(open(src, 'rb').read())
sig = b.rfind(b'SIGN'); foot = sig - 36
assert b[foot:foot + 4] == b'FOOT'
def w(name, data): open(out + '/' + name, 'wb').write(data)
def fix_sign(x):
    s = x.rfind(b'SIGN'); x = bytearray(x)
    struct.pack_into('<I', x, len(x) - 4, zlib.crc32(bytes(x[s:len(x) - 4])))
    return bytes(x)
# 1. a control of the first chunk (chunk CRC recomputed)
x = bytearray(b); h = b.find(b'CHNK'); n = struct.unpack_from('<I', x, h + 8)[0]
struct.pack_into('<f', x, h + 12 + 4, 1.0)          # trolley full ahead on tick 0
end = h + 12 + 40 * n
struct.pack_into('<I', x, end, zlib.crc32(bytes(x[h:end])))
w('ctl.hhr', bytes(x))
# 2. the footer's score (footer CRC recomputed)
x = bytearray(b); sc = struct.unpack_from('<d', x, foot + 12)[0]
struct.pack_into('<d', x, foot + 12, sc + 10)
struct.pack_into('<I', x, foot + 32, zlib.crc32(bytes(x[foot:foot + 32])))
w('foot.hhr', bytes(x))
# 3. the signed result's score (signature block CRC recomputed)
i = b.find(b'"score": ', sig); x = bytearray(b); x[i + 9:i + 10] = b'9' if x[i + 9:i + 10] != b'9' else b'8'
w('result.hhr', fix_sign(bytes(x)))
# 4. the signed trainee in the metadata
i = b.find(b'"trainee": "t1"', sig); x = bytearray(b); x[i + 13:i + 15] = b'zz'
w('meta.hhr', fix_sign(bytes(x)))
PYEOF
for f in ctl foot result meta; do verify "$T/$f.hhr" 2 "E304" --pubkey "$PUB"; done
# without --pubkey the key inside the file is used, with a warning
verify "$T/s.hhr" 0 "Identical"
grep -q "pubkey" "$T/out" || no "no warning without --pubkey"
# an unsigned replay
"$HAIHE" run $S --headless --seconds 1 --record "$T/plain.hhr" --db "$T/p.db" >/dev/null 2>&1
verify "$T/plain.hhr" 2 "not signed"

# HMAC with a shared event key
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$T/event.key"
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$T/wrong.key"
XDG_DATA_HOME="$T/a" "$HAIHE" run $S --headless --competition --trainee t3 --seconds 3 \
  --event-key "$T/event.key" --record "$T/h.hhr" >"$T/out" 2>&1 || { no "HMAC run"; cat "$T/out"; }
verify "$T/h.hhr" 0 "Identical" --event-key "$T/event.key"
verify "$T/h.hhr" 2 "E304" --event-key "$T/wrong.key"
verify "$T/h.hhr" 2 "--event-key"
verify "$T/h.hhr" 2 "E304" --pubkey "$PUB"
printf 'short' > "$T/short.key"
XDG_DATA_HOME="$T/a" "$HAIHE" run $S --headless --seconds 1 --event-key "$T/short.key" --record "$T/n.hhr" >"$T/out" 2>&1
[ $? -eq 2 ] && grep -q E105 "$T/out" || { no "short event key"; cat "$T/out"; }
[ -e "$T/n.hhr" ] && no "recorded with a refused event key"
"$HAIHE" run $S --headless --seconds 1 --event-key "$T/event.key" >"$T/out" 2>&1
[ $? -eq 2 ] || no "--event-key without a recording"
verify "$T/h.hhr" 2 "E105" --pubkey "$T/short.key"
[ $fail = 0 ] && echo "sign ok"
exit $fail
