# report_track2replay.py TRACK SCENARIO.lua OUT.hhr SECONDS BUILD - a replay of a control track (the
# footer's score and hash are placeholders: `run --replay` re-simulates, never trusts them)
import re, struct, sys, zlib
track, scen, out, secs = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
build = sys.argv[5].encode()
text = open(scen, 'rb').read()
h = 0xcbf29ce484222325
for b in text:
    h = ((h ^ b) * 0x100000001b3) & 0xffffffffffffffff
seed = int(re.search(rb'\bseed\s*=\s*(\d+)', text).group(1))
sid = re.search(rb'\bid\s*=\s*"([^"]+)"', text).group(1)
btn = {'lock': 1, 'unlock': 2, 'estop': 4, 'finish': 16}
segs = []
for line in open(track):
    line = line.split('#')[0].split()
    if len(line) < 5: continue
    b = 0
    for w in line[5:]: b |= btn[w]
    segs.append((float(line[0]), float(line[1]), [float(x) for x in line[2:5]], b))
def ctl(tick):
    t = tick * (1.0 / 60)
    for t0, t1, ax, b in segs:
        if t0 <= t < t1:
            return struct.pack('<8fII', *(ax + [0.0] * 5), b, 0)
    return struct.pack('<8fII', *([0.0] * 8), 0, 0)
def s(x): return struct.pack('<H', len(x)) + x
hd = b'HHRPLY\x00\x01' + struct.pack('<IIIIQ', 1, 40, 60, seed, h) + s(build) + s(sid) + s(b'')
hd += struct.pack('<I', zlib.crc32(hd))
n = int(round(secs * 60))
body, i, idx = b'', 0, 0
while i < n:
    k = min(600, n - i)
    c = b'CHNK' + struct.pack('<II', idx, k) + b''.join(ctl(i + j) for j in range(k))
    body += c + struct.pack('<I', zlib.crc32(c))
    i += k; idx += 1
ft = b'FOOT' + struct.pack('<QdIQ', n, 0.0, 0, 0)
ft += struct.pack('<I', zlib.crc32(ft))
open(out, 'wb').write(hd + body + ft)
