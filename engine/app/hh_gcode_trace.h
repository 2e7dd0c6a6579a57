/* hh_gcode_trace.h - the `haihe gcode --trace` line writer: the same bytes as
 * hh_canon_format (engine/machines/cnc/hh_canon.c) without printf for the motion and
 * dwell kinds that make up nearly all of a trace (hh_fmt); every other kind, and a
 * motion op with a value of 1e12 mm or more, goes through hh_canon_format itself.
 * tests/unit/test_gcode_trace.c compares the two on random ops of every kind. */
#ifndef HH_GCODE_TRACE_H
#define HH_GCODE_TRACE_H
#include "../machines/cnc/hh_canon.h"

#define HH_GCODE_TRACE_LINE_MAX 512  /* bytes of buf: a line (and NUL) never needs more */

/* write op's trace line (no newline, NUL-terminated) into buf of
   HH_GCODE_TRACE_LINE_MAX bytes; returns its length */
int hh_gcode_trace_line(const hh_canon_op *op, char *buf);

#endif
