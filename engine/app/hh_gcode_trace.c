/* hh_gcode_trace.c - trace lines for `haihe gcode --trace` (see header). */
#include "hh_gcode_trace.h"

/* write op's trace line into buf (HH_GCODE_TRACE_LINE_MAX bytes) */
int hh_gcode_trace_line(const hh_canon_op *op, char *buf) {
  int r = hh_canon_format(op, buf, HH_GCODE_TRACE_LINE_MAX);
  return r < HH_GCODE_TRACE_LINE_MAX ? r : HH_GCODE_TRACE_LINE_MAX - 1;
}
