/* hh_gcode_trace.h - the `haihe gcode --trace` line writer: hh_canon_format
 * (engine/machines/cnc/hh_canon.c, the one place that lays trace lines out; its motion
 * and dwell lines are written without printf) into a fixed buffer, the length clamped
 * to what fits. tests/unit/test_gcode_trace.c checks it on random ops of every kind. */
#ifndef HH_GCODE_TRACE_H
#define HH_GCODE_TRACE_H
#include "../machines/cnc/hh_canon.h"

#define HH_GCODE_TRACE_LINE_MAX 512  /* bytes of buf: a line (and NUL) never needs more */

/* write op's trace line (no newline, NUL-terminated) into buf of
   HH_GCODE_TRACE_LINE_MAX bytes; returns its length */
int hh_gcode_trace_line(const hh_canon_op *op, char *buf);

#endif
