/* hh_gcode_trace.c - fast trace lines, byte-identical to hh_canon_format (see header). */
#include "hh_gcode_trace.h"
#include "../core/hh_fmt.h"
#include <string.h>

/* metres to millimetres with negative zero folded to zero (as hh_canon.c) */
static double mm(double m) {
  double v = m * 1000.0;
  return (v > -5e-7 && v < 5e-7) ? 0.0 : v;
}

/* plain scaled value with negative zero folded (as hh_canon.c) */
static double fold(double v) { return (v > -5e-7 && v < 5e-7) ? 0.0 : v; }

/* append the NUL-terminated text s at buf + n; returns the new length */
static int put_s(char *buf, int n, const char *s) {
  size_t k = strlen(s);
  memcpy(buf + n, s, k);
  return n + (int)k;
}

/* append tag then v as "%.6f"; returns the new length */
static int put_f(char *buf, int n, const char *tag, double v) {
  n = put_s(buf, n, tag);
  return n + hh_fmt_f6(buf + n, v);
}

/* true when every value is small enough for the exact integer path (and finite) */
static int small(const double *v, int count) {
  for (int i = 0; i < count; i++)
    if (!(v[i] > -1e12 && v[i] < 1e12)) return 0;
  return 1;
}

/* write op's trace line into buf (HH_GCODE_TRACE_LINE_MAX bytes) */
int hh_gcode_trace_line(const hh_canon_op *op, char *buf) {
  static const char axis_name[3] = {'X', 'Y', 'Z'};
  double v[8];
  int count = 0;
  switch (op->kind) {
  case HH_CANON_RAPID:
  case HH_CANON_LINEAR:
  case HH_CANON_ARC:
  case HH_CANON_THREAD:
    for (int i = 0; i < 3; i++) v[count++] = mm(op->end[i]);
    if (op->kind == HH_CANON_ARC)
      for (int i = 0; i < 3; i++) v[count++] = mm(op->centre[i]);
    if (op->kind == HH_CANON_THREAD || op->feed_mode) v[count++] = mm(op->feed);
    else if (op->kind != HH_CANON_RAPID) v[count++] = fold(op->feed * 60000.0);
    break;
  case HH_CANON_DWELL:
    v[count++] = fold(op->value);
    break;
  default:
    count = -1;
  }
  /* other kinds, and lines that could pass hh_canon_format's truncation: its own text */
  if (count < 0 || !small(v, count)) {
    int r = hh_canon_format(op, buf, HH_GCODE_TRACE_LINE_MAX);
    return r < HH_GCODE_TRACE_LINE_MAX ? r : HH_GCODE_TRACE_LINE_MAX - 1;
  }
  int n = hh_fmt_int(buf, op->line);
  buf[n++] = ' ';
  n = put_s(buf, n, hh_canon_name(op->kind));
  if (op->kind == HH_CANON_DWELL) {
    n = put_f(buf, n, " ", v[0]);
    buf[n++] = 's';
    buf[n] = 0;
    return n;
  }
  n = put_f(buf, n, " X", v[0]);
  n = put_f(buf, n, " Y", v[1]);
  n = put_f(buf, n, " Z", v[2]);
  if (op->kind == HH_CANON_ARC) {
    n = put_f(buf, n, " CX", v[3]);
    n = put_f(buf, n, " CY", v[4]);
    n = put_f(buf, n, " CZ", v[5]);
    n = put_s(buf, n, " AXIS");
    buf[n++] = axis_name[op->axis < 0 || op->axis > 2 ? 2 : op->axis];
    n = put_s(buf, n, " TURNS");
    n += hh_fmt_int(buf + n, op->turns);
  }
  if (op->kind == HH_CANON_THREAD) n = put_f(buf, n, " LEAD", v[3]);
  else if (op->kind != HH_CANON_RAPID) {
    n = put_f(buf, n, " F", v[count - 1]);
    n = put_s(buf, n, op->feed_mode ? "/rev" : "/min");
  }
  buf[n] = 0;
  return n;
}
