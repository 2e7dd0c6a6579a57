#!/usr/bin/env python3
"""Compare `haihe gcode --trace` with LinuxCNC's rs274ngc interpreter at full precision.

usage: rs274_compare.py HAIHE_TRACE PROGRAM [--tools HAIHE_TOOLS] [--rs274 RS274_OUTPUT]

LinuxCNC's side comes from its Python module `gcode` (the one AXIS uses for its
preview, package linuxcnc-uspace): gcode.parse(PROGRAM, canon, "G21") runs the same
rs274ngc library as the stand-alone `rs274` and calls methods of `canon` with C
doubles, so positions arrive with full precision instead of rs274's 4 printed
decimals. Run this script with a Python that can import `gcode` (Debian's
/usr/bin/python3; a pyenv python does not see /usr/lib/python3/dist-packages).

Units: the module converts every length to INCHES before calling canon (it divides by
25.4 when the program is in G21 and passes inch programs through), feeds too
(inch/min or inch/rev). This script multiplies by 25.4 once: mm, within 1 ulp of what
the interpreter computed. The "G21" unit code matches rs274's start-up state (mm).

Tools: the 2.9 interpreter looks tools up in libtooldata's shared tool table
($HOME/.tool.mmap, normally created by a running LinuxCNC). This script creates a
private one (HOME = a temporary folder) through ctypes and fills it from the haihe tool
table (mm; the module's machine units are mm since get_external_length_units = 1.0).

Compared, in order, after dropping straight moves that do not move (LinuxCNC emits one
for a G0/G1 block without axis words; FANUC does not move): RAPID, LINEAR and ARC end
points, ARC centres (the two in-plane coordinates), ARC turns (signed, exact), the feed
of LINEAR/ARC (mm/min in G94, mm/rev in G95), and DWELL seconds. A value matches when
|haihe - LinuxCNC| <= 1e-6 (mm, mm/min, mm/rev or s). The haihe trace prints 6
decimals, so its own rounding uses up to 5e-7 of that.

With --rs274, the stand-alone rs274 -g output of the same program (4 decimals) is also
parsed and must show the same operation sequence as the module within its printed
precision: a check that the harness drives the interpreter as rs274 does.
"""
import ctypes
import os
import re
import sys
import tempfile

INCH = 25.4
TOL = 1e-6


def ours(path):
    """(kind, values, source line) of each motion/dwell op of a haihe trace"""
    ops = []
    for line in open(path):
        w = line.split()
        if len(w) < 2:
            continue
        kind = w[1]
        f = {}
        for t in w[2:]:
            m = re.match(r'^([A-Z]+)(-?[0-9.]+|-?nan|-?inf)', t)
            if m:
                f[m.group(1)] = float(m.group(2))
        if kind == 'RAPID':
            ops.append((kind, [f['X'], f['Y'], f['Z']], int(w[0])))
        elif kind == 'LINEAR':
            ops.append((kind, [f['X'], f['Y'], f['Z'], f['F']], int(w[0])))
        elif kind == 'ARC':
            ops.append(('ARC', [f['X'], f['Y'], f['Z'], f['CX'], f['CY'], f['CZ'],
                                f['TURNS'], f['F']], int(w[0])))
        elif kind == 'DWELL':
            ops.append(('DWELL', [float(w[2].rstrip('s'))], int(w[0])))
        elif kind == 'THREAD':
            ops.append(('THREAD', [f['X'], f['Y'], f['Z']], int(w[0])))
    return ops


# without a tool table, rs274 (stand-alone) knows tools 1-3 with these lengths (inch
# 0.511, 0.1, 1.273) and no diameter; the module gets the same (mm)
DEFAULT_TOOLS = [{'T': t, 'P': t, 'X': 0.0, 'Y': 0.0, 'Z': z * INCH, 'D': 0.0}
                 for t, z in ((1, 0.511), (2, 0.1), (3, 1.273))]


class TOOL(ctypes.Structure):
    """libtooldata's CANON_TOOL_TABLE (LinuxCNC 2.9)"""
    _fields_ = [('toolno', ctypes.c_int), ('pocketno', ctypes.c_int),
                ('offset', ctypes.c_double * 9), ('diameter', ctypes.c_double),
                ('frontangle', ctypes.c_double), ('backangle', ctypes.c_double),
                ('orientation', ctypes.c_int)]


def read_tools(path):
    """haihe tool table lines 'T1 P1 D10 Z0' (mm) -> list of dicts"""
    tools = []
    if not path:
        return tools
    for line in open(path):
        line = line.split(';')[0].strip()
        if not line:
            continue
        t = {'X': 0.0, 'Y': 0.0, 'Z': 0.0, 'D': 0.0}
        for m in re.finditer(r'([A-Z])([-+]?[0-9.]+)', line):
            t[m.group(1)] = float(m.group(2))
        tools.append(t)
    return tools


def load_tools(tools):
    """create this process's private tool table and fill it (index 0 = spindle)"""
    td = ctypes.CDLL('libtooldata.so.0')
    td._Z17tool_mmap_creatorPK13EMC_TOOL_STATi(None, 0)
    td._Z14tooldata_resetv()
    put = td._Z12tooldata_put16CANON_TOOL_TABLEi
    put.argtypes = [TOOL, ctypes.c_int]
    for i, t in enumerate(tools):
        e = TOOL()
        e.toolno, e.pocketno = int(t['T']), int(t.get('P', i + 1))
        e.offset[0], e.offset[1], e.offset[2] = t['X'], t['Y'], t['Z']
        e.diameter = t['D']
        put(e, i + 1)


class Canon:
    """receives the interpreter's canonical calls; records motion in mm"""

    def __init__(self, tools):
        self.ops, self.plane, self.line, self.feed, self.feed_mode = [], 1, 0, 0.0, 940
        self.tools = tools
        self.parameter_file = os.path.abspath('rs274ngc.var')

    def __getattr__(self, name):
        # calls this comparison does not need (comments, spindle, coolant, offsets ...)
        if name.startswith('__'):
            raise AttributeError(name)
        return lambda *args: None

    def next_line(self, state):
        self.line, self.feed_mode = state.sequence_number, state.feed_mode

    def get_external_length_units(self):
        return 1.0

    def get_external_angular_units(self):
        return 1.0

    def get_axis_mask(self):
        return 7

    def get_block_delete(self):
        return False

    def check_abort(self):
        return False

    def get_tool(self, idx):
        if 1 <= idx <= len(self.tools):
            t = self.tools[idx - 1]
            return (int(t['T']), t['X'], t['Y'], t['Z'], 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
                    t['D'], 0.0, 0.0, 0)
        return (-1,) + (0.0,) * 12 + (0,)

    def set_plane(self, plane):
        self.plane = plane  # 1 XY, 2 YZ, 3 XZ

    def set_feed_rate(self, rate):
        self.feed = rate * INCH

    def straight_traverse(self, x, y, z, *rest):
        self.ops.append(('RAPID', [x * INCH, y * INCH, z * INCH], self.line))

    def straight_feed(self, x, y, z, *rest):
        self.ops.append(('LINEAR', [x * INCH, y * INCH, z * INCH, self.feed_value()],
                         self.line))

    def feed_value(self):
        return self.feed if self.feed_mode in (940, 950) else None

    def arc_feed(self, e1, e2, c1, c2, rot, n, *rest):
        e1, e2, c1, c2, n = (v * INCH for v in (e1, e2, c1, c2, n))
        if self.plane == 1:
            end, cen = [e1, e2, n], [c1, c2, None]
        elif self.plane == 3:
            end, cen = [e2, n, e1], [c2, None, c1]
        else:
            end, cen = [n, e1, e2], [None, c1, c2]
        self.ops.append(('ARC', end + cen + [rot, self.feed_value()], self.line))

    def dwell(self, seconds):
        self.ops.append(('DWELL', [seconds], self.line))

    def straight_probe(self, *args):
        self.ops.append(('PROBE', [], self.line))

    def rigid_tap(self, *args):
        self.ops.append(('RIGID_TAP', [], self.line))


def linuxcnc(program, tools_path):
    """LinuxCNC's operations for program, in mm; exits 3 on an interpreter error"""
    try:
        import gcode
    except ImportError:
        print('FAIL: %s cannot import LinuxCNC\'s gcode module (linuxcnc-uspace; try '
              '/usr/bin/python3)' % sys.executable)
        sys.exit(3)
    program = os.path.abspath(program)
    tools = read_tools(tools_path) if tools_path else DEFAULT_TOOLS
    with tempfile.TemporaryDirectory() as home:
        os.environ['HOME'] = home  # libtooldata's $HOME/.tool.mmap, private to us
        os.chdir(home)             # the interpreter's variable file lands here
        open('rs274ngc.var', 'w').close()
        load_tools(tools)
        canon = Canon(tools)
        result, line = gcode.parse(program, canon, 'G21')
    if result > gcode.MIN_ERROR:
        print('FAIL: LinuxCNC stops at line %d: %s' % (line, gcode.strerror(result)))
        sys.exit(3)
    return canon.ops


def rs274_binary(path):
    """(kind, values) of the motion/dwell ops printed by `rs274 -g` (4 decimals)"""
    ops, scale, plane = [], 1.0, 'XY'
    for line in open(path):
        m = re.search(r'N\.*\d*\s+([A-Z_]+)\((.*)\)', line)
        if not m:
            continue
        name, args = m.group(1), m.group(2)
        if name == 'USE_LENGTH_UNITS':
            scale = INCH if 'INCHES' in args else 1.0
            continue
        if name == 'SELECT_PLANE':
            plane = args.replace('CANON_PLANE_', '')
            continue
        try:
            a = [float(x) for x in args.split(',')]
        except ValueError:
            a = []
        if name in ('STRAIGHT_TRAVERSE', 'STRAIGHT_FEED'):
            ops.append(('RAPID' if name == 'STRAIGHT_TRAVERSE' else 'LINEAR',
                        [v * scale for v in a[:3]], scale))
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
            ops.append(('ARC', [v * scale for v in end] +
                        [None if v is None else v * scale for v in cen] + [rot], scale))
    return ops


def drop_null_moves(ops):
    """drop straight moves that end where the previous move ended"""
    out, pos = [], [0.0, 0.0, 0.0]
    for op in ops:
        if op[0] in ('RAPID', 'LINEAR') and \
                all(abs(x - y) < 1e-6 for x, y in zip(op[1][:3], pos)):
            continue
        if op[0] != 'DWELL':
            pos = op[1][:3]
        out.append(op)
    return out


def compare(a, b, tol, what):
    """first difference between op lists a (haihe) and b, or None; tol(op_b) is the
    tolerance of b's values"""
    for i in range(max(len(a), len(b))):
        if i >= len(a) or i >= len(b):
            return 'operation %d: %s has %d ops, LinuxCNC %d' % (i + 1, what, len(a), len(b))
        (ka, va, la), (kb, vb, lb) = a[i], b[i]
        bad = ka != kb or len(va) != len(vb)
        worst = 0.0
        if not bad:
            for x, y in zip(va, vb):
                if x is None or y is None:
                    continue
                worst = max(worst, abs(x - y))
                if not abs(x - y) <= tol(b[i]):
                    bad = True
        if bad:
            return ('operation %d (haihe line %s, LinuxCNC line %s): %s %s %s, LinuxCNC %s %s'
                    % (i + 1, la, lb, what, ka, va, kb, vb))
    return None


def main():
    args = sys.argv[1:]
    opt = {}
    for key in ('--tools', '--rs274'):
        if key in args:
            k = args.index(key)
            opt[key] = args[k + 1]
            del args[k:k + 2]
    if len(args) != 2:
        print(__doc__)
        return 2
    trace, program = args
    a = drop_null_moves(ours(trace))
    if not a:
        print('FAIL: haihe trace has no motion')
        return 1
    if any(op[0] == 'THREAD' for op in a):
        print('FAIL: THREAD is lathe threading, outside the shared subset')
        return 1
    b = drop_null_moves(linuxcnc(program, opt.get('--tools')))
    # the module's feed is None outside G94/G95 (inverse time): not compared
    err = compare(a, b, lambda op: TOL, 'haihe')
    if err:
        print('FAIL: ' + err)
        return 1
    worst = max((abs(x - y) for (_, va, _), (_, vb, _) in zip(a, b)
                 for x, y in zip(va, vb) if x is not None and y is not None), default=0.0)
    msg = 'ok: %d operations agree within %g (largest difference %.1e)' % (len(a), TOL, worst)
    if '--rs274' in opt:
        c = drop_null_moves(rs274_binary(opt['--rs274']))
        # rs274 prints 4 decimals in program units: half a unit of the last digit
        mod = [(k, v[:7] if k == 'ARC' else v[:3] if k == 'LINEAR' else v, ln)
               for k, v, ln in b]
        err = compare(mod, [(k, v, s) for k, v, s in c],
                      lambda op: 0.00005 * op[2] + 1e-9, 'gcode module')
        if err:
            print('FAIL: the gcode module and rs274 -g differ: ' + err)
            return 1
        msg += '; rs274 -g shows the same %d operations' % len(c)
    print(msg)
    return 0


sys.exit(main())
