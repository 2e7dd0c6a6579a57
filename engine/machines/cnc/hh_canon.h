/* hh_canon.h - canonical machining operations: what the G-code interpreter emits.
 *
 * The interpreter (engine/machines/cnc/gcode, hh_gcode.h) never moves a machine. It
 * turns each block into zero or more hh_canon_op records and hands them to a sink:
 * the machine simulation, the tool-path preview and the trace printer
 * (`haihe gcode FILE --trace`) all sit behind the same sink (LinuxCNC's canon.hh).
 *
 * Units: SI. Positions in metres, feeds in m/s (or m/rev), spindle speed in rev/s,
 * surface speed in m/s, times in s. Millimetres and inches exist only at the G-code
 * edge (the interpreter converts) and in the trace text (hh_canon_format prints mm).
 *
 * Frame of every position: the ACTIVE WORK COORDINATE SYSTEM, controlled point = the
 * tool tip (mill: tool tip on the spindle axis; lathe: the tool's imaginary tip),
 * after incremental/absolute resolution, unit conversion, lathe diameter mode (X is
 * always a RADIUS here) and cutter/nose radius compensation (the interpreter already
 * offsets the path; TOOL_RADIUS_COMP is informational). Machine position of the
 * gauge point (mill spindle gauge line / lathe turret reference) is
 *     machine = pos + work_offset (last WORK_OFFSET op) + tool_offset (last
 *               TOOL_OFFSET op)
 * G53 and G28 moves are emitted in this same frame (the interpreter subtracts the
 * offsets) AND flagged: machine_axes / machine_end carry their machine-frame target. Axes: x, y, z (right-handed). Lathe: x radial (radius), z along the
 * spindle axis, y always 0.
 *
 * Arcs: rotation about the plane normal (G17: +z, G18: +y, G19: +x) by the right-hand
 * rule. turns > 0: counter-clockwise (G3), turns < 0: clockwise (G2); |turns| = 1 is
 * up to one revolution, each extra unit is one more full revolution (LinuxCNC
 * rotation). A helix is an arc whose end differs from the start along the normal.
 *
 * Index:
 *   hh_canon_kind     the operation kinds
 *   hh_canon_op       one operation (plain data; copy freely)
 *   hh_canon_sink     where an interpreter sends operations
 *   hh_canon_name     stable upper-case name of a kind ("LINEAR", ...)
 *   hh_canon_format   one trace line for an operation, in millimetres
 */
#ifndef HH_CANON_H
#define HH_CANON_H
#include <stddef.h>

typedef enum hh_canon_kind {
  HH_CANON_NONE = 0,
  HH_CANON_RAPID,         /* straight traverse start -> end at rapid rate (G0, G28, G53) */
  HH_CANON_LINEAR,        /* straight feed start -> end at feed (G1, cycles) */
  HH_CANON_ARC,           /* arc feed start -> end about centre/axis, turns (G2/G3) */
  HH_CANON_THREAD,        /* spindle-synchronised straight feed start -> end, lead in
                             feed (m/rev) (G32, G92, G76 passes) */
  HH_CANON_DWELL,         /* wait seconds (G4, cycle dwell P) */
  HH_CANON_SPINDLE_ON,    /* start spindle: dir (+1 M3 cw, -1 M4 ccw), speed or css */
  HH_CANON_SPINDLE_OFF,   /* stop spindle (M5, M30) */
  HH_CANON_SPINDLE_SPEED, /* S word / G96 / G97 / G50 S changed: dir 0 if stopped */
  HH_CANON_COOLANT,       /* coolant: value = 0 off, 1 flood (M8), 2 mist (M7) */
  HH_CANON_TOOL_CHANGE,   /* put tool `tool` in the spindle / index the turret (M6, lathe T) */
  HH_CANON_TOOL_OFFSET,   /* tool offset now `vec` (m), register `index` (G43 H / G49 /
                             lathe T offset); index 0 = cancelled, vec = 0 */
  HH_CANON_TOOL_RADIUS_COMP, /* G40/G41/G42: side 0 off, 1 left, 2 right; value = radius m,
                             index = D register (lathe: tool offset register) */
  HH_CANON_WORK_OFFSET,   /* work coordinate system `index` 1..6 = G54..G59, origin
                             `vec` in machine coordinates (m) */
  HH_CANON_FEED_MODE,     /* value: 0 per minute (G94 mill / G98 lathe), 1 per rev (G95 / G99) */
  HH_CANON_UNITS,         /* program units: value 0 mm (G21), 1 inch (G20); ops stay SI */
  HH_CANON_PLANE,         /* active plane: axis = normal index (2 G17, 1 G18, 0 G19) */
  HH_CANON_PROGRAM_STOP,  /* M0: stop until cycle start */
  HH_CANON_OPTIONAL_STOP, /* M1: stop if optional stop is on */
  HH_CANON_PROGRAM_END,   /* M2 / M30 (value 30 rewinds) / M99 in the main program */
  HH_CANON_COMMENT,       /* ( ... ) or ; comment: text */
  HH_CANON_MESSAGE,       /* (MSG, ...) operator message: text */
  HH_CANON_KIND_COUNT
} hh_canon_kind;

#define HH_CANON_TEXT 80  /* bytes of comment/message text kept, NUL included */

/* Spindle modes carried by spindle ops. */
enum {
  HH_CANON_RPM = 0,       /* speed is a fixed rev/s (G97) */
  HH_CANON_CSS = 1        /* constant surface speed css (m/s), capped at speed_max (G96) */
};

/* One canonical operation. Fields not listed for a kind are zero. */
typedef struct hh_canon_op {
  hh_canon_kind kind;
  int line;               /* 1-based source line of the block that produced it */
  int column;             /* 1-based column of the word that produced it, 0 = block */
  /* motion: RAPID, LINEAR, ARC, THREAD (and start of every move) */
  double start[3];        /* m, work frame: position before the move */
  double end[3];          /* m, work frame: position after the move */
  double centre[3];       /* m, work frame (ARC): centre; the normal coordinate = start's */
  int axis;               /* ARC / PLANE: plane normal index 0 x, 1 y, 2 z */
  int turns;              /* ARC: signed, see header comment */
  double feed;            /* LINEAR/ARC: m/s when feed_mode 0, m/rev when 1;
                             THREAD: lead m/rev */
  int feed_mode;          /* LINEAR/ARC: 0 per minute, 1 per revolution */
  /* spindle */
  int dir;                /* SPINDLE_ON/SPEED: +1 cw (M3), -1 ccw (M4), 0 stopped */
  int spindle_mode;       /* HH_CANON_RPM or HH_CANON_CSS */
  double speed;           /* rev/s: RPM mode speed; CSS mode: current estimate (0 = n/a) */
  double css;             /* m/s surface speed (CSS mode) */
  double speed_max;       /* rev/s spindle limit (G50 S / G92 S), 0 = none */
  /* tools, offsets, misc */
  int tool;               /* TOOL_CHANGE: tool number */
  int index;              /* TOOL_OFFSET / RADIUS_COMP / WORK_OFFSET register */
  int side;               /* TOOL_RADIUS_COMP: 0 off, 1 left G41, 2 right G42 */
  double vec[3];          /* m: TOOL_OFFSET offset, WORK_OFFSET origin */
  double value;           /* DWELL s; COOLANT; FEED_MODE; UNITS; RADIUS_COMP radius m;
                             PROGRAM_END 2 or 30 */
  char text[HH_CANON_TEXT]; /* COMMENT / MESSAGE text, NUL-terminated, truncated */
  /* machine-frame moves (G28 reference leg, G53): bit i set = axis i was commanded in
     MACHINE coordinates and its target is machine_end[i] (m, controlled point: mill
     gauge line, lathe turret reference); end[] still holds the work-frame equivalent
     with the interpreter's own offsets. 0 = an ordinary work-frame move. A machine
     must use machine_end for these axes and not apply its work/tool offsets. */
  int machine_axes;
  double machine_end[3];  /* m, machine coordinates (only axes in machine_axes) */
} hh_canon_op;

/* Receiver of operations. emit must not keep `op` (copy it). Returning nonzero stops
   the interpreter after the current operation (it reports HH_E_GCODE_ABORTED). */
typedef struct hh_canon_sink {
  int (*emit)(void *user, const hh_canon_op *op);
  void *user;
} hh_canon_sink;

/* stable upper-case name of a kind, e.g. "ARC"; "?" if out of range */
const char *hh_canon_name(hh_canon_kind kind);

/* write one trace line (no newline) for op into buf, millimetres, C locale; returns
   the length snprintf would write */
int hh_canon_format(const hh_canon_op *op, char *buf, size_t size);

#endif
