/* hh_canon.c - names and the stable millimetre trace line of canonical operations.
 * The motion and dwell lines (nearly all of a trace) are written without printf
 * (hh_fmt, byte-identical to "%.6f"); `haihe gcode --trace` prints through here. */
#include "hh_canon.h"
#include "../../core/hh_fmt.h"
#include <stdio.h>
#include <string.h>

/* room for any motion line: 7 values of up to HH_FMT_F6_MAX bytes, tags, two ints */
#define MOTION_LINE_MAX (8 * HH_FMT_F6_MAX + 128)
/* room for a motion line whose values are all below 1e12 in magnitude (20 bytes each) */
#define MOTION_LINE_SMALL 256

static const char *const kind_names[HH_CANON_KIND_COUNT] = {
  "NONE", "RAPID", "LINEAR", "ARC", "THREAD", "DWELL", "SPINDLE_ON", "SPINDLE_OFF",
  "SPINDLE_SPEED", "COOLANT", "TOOL_CHANGE", "TOOL_OFFSET", "TOOL_RADIUS_COMP",
  "WORK_OFFSET", "FEED_MODE", "UNITS", "PLANE", "PROGRAM_STOP", "OPTIONAL_STOP",
  "PROGRAM_END", "COMMENT", "MESSAGE"};

/* stable upper-case name of a kind */
const char *hh_canon_name(hh_canon_kind kind) {
  if ((int)kind < 0 || kind >= HH_CANON_KIND_COUNT) return "?";
  return kind_names[kind];
}

/* metres to millimetres with negative zero folded to zero */
static double mm(double m) {
  double v = m * 1000.0;
  return (v > -5e-7 && v < 5e-7) ? 0.0 : v;
}

/* plain scaled value with negative zero folded */
static double fold(double v) { return (v > -5e-7 && v < 5e-7) ? 0.0 : v; }

/* the values of a motion or dwell line in print order (mm, mm/min, mm/rev, s); returns
   their count, -1 for any other kind */
static int motion_values(const hh_canon_op *op, double v[8]) {
  int count = 0;
  switch (op->kind) {
  case HH_CANON_RAPID:
  case HH_CANON_LINEAR:
  case HH_CANON_ARC:
  case HH_CANON_THREAD:
    for (int i = 0; i < 3; i++) v[count++] = mm(op->end[i]);
    if (op->kind == HH_CANON_ARC)
      for (int i = 0; i < 3; i++) v[count++] = mm(op->centre[i]);
    if (op->kind == HH_CANON_THREAD || (op->kind != HH_CANON_RAPID && op->feed_mode))
      v[count++] = mm(op->feed);
    else if (op->kind != HH_CANON_RAPID)
      v[count++] = fold(op->feed * 60000.0);
    return count;
  case HH_CANON_DWELL:
    v[count++] = fold(op->value);
    return count;
  default:
    return -1;
  }
}

/* append the NUL-terminated text s at buf + n; returns the new length */
static int put_s(char *buf, int n, const char *s) {
  size_t k = strlen(s);
  memcpy(buf + n, s, k);
  return n + (int)k;
}

/* append a string literal (length known when compiling) */
#define PUT_LIT(buf, n, lit) (memcpy((buf) + (n), lit, sizeof lit - 1), (n) + (int)sizeof lit - 1)

/* append the literal tag then v as "%.6f"; evaluates to the new length */
#define PUT_F(buf, n, tag, v) (PUT_LIT(buf, n, tag) + hh_fmt_f6((buf) + (n) + sizeof tag - 1, v))

/* write the motion or dwell line of op with values v (motion_values) into buf
   (MOTION_LINE_MAX bytes, or MOTION_LINE_SMALL when every |v| < 1e12); returns its
   length. The one place that lays these lines out:
     LINE RAPID X Y Z | LINE LINEAR X Y Z F/min|/rev | LINE THREAD X Y Z LEAD
     LINE ARC X Y Z CX CY CZ AXISa TURNSn F/min|/rev | LINE DWELL secondss */
static int motion_line(const hh_canon_op *op, const double *v, int count, char *buf) {
  static const char axis_name[3] = {'X', 'Y', 'Z'};
  int n = hh_fmt_int(buf, op->line);
  buf[n++] = ' ';
  n = put_s(buf, n, hh_canon_name(op->kind));
  if (op->kind == HH_CANON_DWELL) {
    n = PUT_F(buf, n, " ", v[0]);
    buf[n++] = 's';
    buf[n] = 0;
    return n;
  }
  n = PUT_F(buf, n, " X", v[0]);
  n = PUT_F(buf, n, " Y", v[1]);
  n = PUT_F(buf, n, " Z", v[2]);
  if (op->kind == HH_CANON_ARC) {
    n = PUT_F(buf, n, " CX", v[3]);
    n = PUT_F(buf, n, " CY", v[4]);
    n = PUT_F(buf, n, " CZ", v[5]);
    n = PUT_LIT(buf, n, " AXIS");
    buf[n++] = axis_name[op->axis < 0 || op->axis > 2 ? 2 : op->axis];
    n = PUT_LIT(buf, n, " TURNS");
    n += hh_fmt_int(buf + n, op->turns);
  }
  if (op->kind == HH_CANON_THREAD) {
    n = PUT_F(buf, n, " LEAD", v[3]);
  } else if (op->kind != HH_CANON_RAPID) {
    n = PUT_F(buf, n, " F", v[count - 1]);
    n = PUT_LIT(buf, n, "/min");
    if (op->feed_mode) memcpy(buf + n - 4, "/rev", 4);
  }
  buf[n] = 0;
  return n;
}

/* one trace line for op, millimetres, rpm, mm/min or mm/rev; snprintf's contract
   (returns the full length, writes at most size bytes, NUL-terminated) */
int hh_canon_format(const hh_canon_op *op, char *buf, size_t size) {
  const char *k = hh_canon_name(op->kind);
  int n = 0;
  double v[8];
  int count = motion_values(op, v);
  if (count >= 0) {
    int small = size >= MOTION_LINE_SMALL;
    for (int i = 0; i < count && small; i++) small = v[i] > -1e12 && v[i] < 1e12;
    if (small) return motion_line(op, v, count, buf);
    char tmp[MOTION_LINE_MAX];
    n = motion_line(op, v, count, tmp);
    if (size) {
      size_t c = (size_t)n < size - 1 ? (size_t)n : size - 1;
      memcpy(buf, tmp, c);
      buf[c] = '\0';
    }
    return n;
  }
  switch (op->kind) {
  case HH_CANON_SPINDLE_ON:
  case HH_CANON_SPINDLE_SPEED:
    if (op->spindle_mode == HH_CANON_CSS)
      return snprintf(buf, size, "%d %s DIR%d CSS%.6fm/min MAX%.6frpm", op->line, k,
                      op->dir, fold(op->css * 60.0), fold(op->speed_max * 60.0));
    return snprintf(buf, size, "%d %s DIR%d S%.6frpm", op->line, k, op->dir,
                    fold(op->speed * 60.0));
  case HH_CANON_COOLANT:
    return snprintf(buf, size, "%d %s %s", op->line, k,
                    op->value == 0 ? "OFF" : op->value == 1 ? "FLOOD" : "MIST");
  case HH_CANON_TOOL_CHANGE:
    return snprintf(buf, size, "%d %s T%d", op->line, k, op->tool);
  case HH_CANON_TOOL_OFFSET:
  case HH_CANON_WORK_OFFSET:
    return snprintf(buf, size, "%d %s %d X%.6f Y%.6f Z%.6f", op->line, k, op->index,
                    mm(op->vec[0]), mm(op->vec[1]), mm(op->vec[2]));
  case HH_CANON_TOOL_RADIUS_COMP:
    return snprintf(buf, size, "%d %s %s D%d R%.6f", op->line, k,
                    op->side == 0 ? "OFF" : op->side == 1 ? "LEFT" : "RIGHT", op->index,
                    mm(op->value));
  case HH_CANON_FEED_MODE:
    return snprintf(buf, size, "%d %s %s", op->line, k, op->value ? "PER_REV" : "PER_MIN");
  case HH_CANON_UNITS:
    return snprintf(buf, size, "%d %s %s", op->line, k, op->value ? "INCH" : "MM");
  case HH_CANON_PLANE:
    return snprintf(buf, size, "%d %s %s", op->line, k,
                    op->axis == 2 ? "XY" : op->axis == 1 ? "XZ" : "YZ");
  case HH_CANON_PROGRAM_END:
    return snprintf(buf, size, "%d %s M%d", op->line, k, (int)op->value);
  case HH_CANON_COMMENT:
  case HH_CANON_MESSAGE:
    return snprintf(buf, size, "%d %s \"%s\"", op->line, k, op->text);
  default:
    n = snprintf(buf, size, "%d %s", op->line, k);
    return n;
  }
}
