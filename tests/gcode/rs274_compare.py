#!/usr/bin/env python3
"""Compare a `haihe gcode --trace` trace with LinuxCNC `rs274 -g` output.

Both are normalised to motion and dwell operations: RAPID, LINEAR, ARC (end point,
centre, rotation sign) and DWELL, positions in millimetres. rs274 prints 4 decimals in
program units, so a position matches when |haihe - rs274| <= half a unit of its last
printed digit (0.00005 mm, 0.00127 mm in inch programs) + 1e-6 mm.
usage: rs274_compare.py HAIHE_TRACE RS274_OUTPUT
"""
import re
import sys


def ours(path):
    ops = []
    for line in open(path):
        w = line.split()
        if len(w) < 2:
            continue
        kind = w[1]
        f = {}
        for t in w[2:]:
            m = re.match(r'^([A-Z]+)(-?[0-9.]+)', t)
            if m:
                f[m.group(1)] = float(m.group(2))
        if kind in ('RAPID', 'LINEAR'):
            ops.append((kind, [f['X'], f['Y'], f['Z']], int(w[0])))
        elif kind == 'ARC':
            ops.append(('ARC', [f['X'], f['Y'], f['Z'], f['CX'], f['CY'], f['CZ'],
                                1 if f['TURNS'] > 0 else -1], int(w[0])))
        elif kind == 'DWELL':
            ops.append(('DWELL', [float(w[2].rstrip('s'))], int(w[0])))
    return ops


def theirs(path):
    ops, scale, plane = [], 1.0, 'XY'
    for line in open(path):
        m = re.search(r'N\.*\d*\s+([A-Z_]+)\((.*)\)', line)
        if not m:
            continue
        name, args = m.group(1), m.group(2)
        if name == 'USE_LENGTH_UNITS':
            scale = 25.4 if 'INCHES' in args else 1.0
            continue
        if name == 'SELECT_PLANE':
            plane = args.replace('CANON_PLANE_', '')
            continue
        try:
            a = [float(x) for x in args.split(',')]
        except ValueError:
            a = []
        if name == 'STRAIGHT_TRAVERSE':
            ops.append(('RAPID', [v * scale for v in a[:3]], scale))
        elif name == 'STRAIGHT_FEED':
            ops.append(('LINEAR', [v * scale for v in a[:3]], scale))
        elif name == 'DWELL':
            ops.append(('DWELL', [a[0]], 1.0))
        elif name == 'ARC_FEED':
            e1, e2, c1, c2, rot, n = a[:6]
            if plane == 'XY':
                end, cen = [e1, e2, n], [c1, c2, None]
            elif plane == 'XZ':
                end, cen = [e2, n, e1], [c2, None, c1]
            else:
                end, cen = [n, e1, e2], [None, c1, c2]
            end = [v * scale for v in end]
            ops.append(('ARC', end + [None if v is None else v * scale for v in cen] +
                        [1 if rot > 0 else -1], scale))
    return ops


def drop_null_moves(ops):
    """drop straight moves that end where the previous move ended (LinuxCNC emits one
    for a G0/G1 block without axis words; FANUC does not move)"""
    out, pos = [], [0.0, 0.0, 0.0]
    for op in ops:
        if op[0] in ('RAPID', 'LINEAR') and pos is not None and \
                all(abs(x - y) < 1e-6 for x, y in zip(op[1][:3], pos)):
            continue
        if op[0] != 'DWELL':
            pos = op[1][:3]
        out.append(op)
    return out


def main():
    a = drop_null_moves(ours(sys.argv[1]))
    b = drop_null_moves(theirs(sys.argv[2]))
    if not a:
        print('FAIL: haihe trace has no motion')
        return 1
    for i in range(max(len(a), len(b))):
        if i >= len(a) or i >= len(b):
            print('FAIL: operation %d: haihe has %d ops, rs274 %d' % (i + 1, len(a), len(b)))
            return 1
        (ka, va, line), (kb, vb, scale) = a[i], b[i]
        tol = 0.00005 * scale + 1e-6
        bad = ka != kb or len(va) != len(vb)
        if not bad:
            for x, y in zip(va, vb):
                if y is not None and abs(x - y) > (tol if ka != 'DWELL' else 1e-9 + 5e-5):
                    bad = True
        if bad:
            print('FAIL: operation %d (source line %d): haihe %s %s, rs274 %s %s'
                  % (i + 1, line, ka, va, kb, vb))
            return 1
    print('ok: %d operations agree' % len(a))
    return 0


sys.exit(main())
