/* hh_canon.c - names and the stable millimetre trace line of canonical operations. */
#include "hh_canon.h"
#include <stdio.h>

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

/* one trace line for op, millimetres, rpm, mm/min or mm/rev */
int hh_canon_format(const hh_canon_op *op, char *buf, size_t size) {
  static const char axis_name[3] = {'X', 'Y', 'Z'};
  const char *k = hh_canon_name(op->kind);
  int n = 0;
  switch (op->kind) {
  case HH_CANON_RAPID:
    return snprintf(buf, size, "%d %s X%.6f Y%.6f Z%.6f", op->line, k, mm(op->end[0]),
                    mm(op->end[1]), mm(op->end[2]));
  case HH_CANON_LINEAR:
    return snprintf(buf, size, "%d %s X%.6f Y%.6f Z%.6f F%.6f%s", op->line, k,
                    mm(op->end[0]), mm(op->end[1]), mm(op->end[2]),
                    op->feed_mode ? mm(op->feed) : fold(op->feed * 60000.0),
                    op->feed_mode ? "/rev" : "/min");
  case HH_CANON_ARC:
    return snprintf(buf, size,
                    "%d %s X%.6f Y%.6f Z%.6f CX%.6f CY%.6f CZ%.6f AXIS%c TURNS%d F%.6f%s",
                    op->line, k, mm(op->end[0]), mm(op->end[1]), mm(op->end[2]),
                    mm(op->centre[0]), mm(op->centre[1]), mm(op->centre[2]),
                    axis_name[op->axis < 0 || op->axis > 2 ? 2 : op->axis], op->turns,
                    op->feed_mode ? mm(op->feed) : fold(op->feed * 60000.0),
                    op->feed_mode ? "/rev" : "/min");
  case HH_CANON_THREAD:
    return snprintf(buf, size, "%d %s X%.6f Y%.6f Z%.6f LEAD%.6f", op->line, k,
                    mm(op->end[0]), mm(op->end[1]), mm(op->end[2]), mm(op->feed));
  case HH_CANON_DWELL:
    return snprintf(buf, size, "%d %s %.6fs", op->line, k, fold(op->value));
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
