/* test_gcode_interp.c - the G-code interpreter through its C interface: SI units,
 * modal state untouched after an error, tool offsets, aborting sink, lathe diameter. */
#include "hh_test.h"
#include "machines/cnc/gcode/hh_gcode.h"
#include <string.h>

typedef struct rec { hh_canon_op last; int n; int stop_at; } rec;

/* sink that keeps the last op and can stop after stop_at ops */
static int keep(void *user, const hh_canon_op *op) {
  rec *r = user;
  r->last = *op;
  r->n++;
  return r->stop_at && r->n >= r->stop_at;
}

int main(void) {
  static hh_gc_interp in;
  hh_gc_setup s;
  hh_error err;
  rec r;
  memset(&r, 0, sizeof r);
  hh_canon_sink sink = {keep, &r};
  hh_gc_setup_defaults(&s, HH_GC_MILL);
  s.tool[1].length = 0.1;
  hh_gc_init(&in, &s, NULL);
  /* millimetres in, metres and m/s out */
  CHECK(hh_gc_mdi(&in, "G21 G90 G1 X10 Y-2.5 F600", &sink, &err) == HH_OK);
  CHECK(r.last.kind == HH_CANON_LINEAR);
  CHECK_NEAR(r.last.end[0], 0.010, 1e-15);
  CHECK_NEAR(r.last.end[1], -0.0025, 1e-15);
  CHECK_NEAR(r.last.feed, 0.01, 1e-15);
  /* errors in read, check and convert leave the modal state untouched */
  hh_gc_modal before = in.modal;
  int n = r.n;
  CHECK(hh_gc_mdi(&in, "G91 G1 X1 X2", &sink, &err) == HH_E_GCODE_REPEATED_WORD);
  CHECK(hh_gc_mdi(&in, "G91 G20 G0 G1 X1", &sink, &err) == HH_E_GCODE_MODAL_CONFLICT);
  CHECK(hh_gc_mdi(&in, "G91 G20 M3 S900 G2 X10 Y0 I3 J0 F2", &sink, &err) == HH_E_GCODE_ARC);
  CHECK(err.line == 1 && err.column > 0);
  CHECK(memcmp(&before, &in.modal, sizeof before) == 0);
  CHECK(r.n == n); /* nothing emitted by the failed blocks */
  /* G43 H1: the tip position drops by the tool length, the machine stays */
  CHECK(hh_gc_mdi(&in, "G43 H1", &sink, &err) == HH_OK);
  CHECK(r.last.kind == HH_CANON_TOOL_OFFSET);
  CHECK_NEAR(r.last.vec[2], 0.1, 1e-15);
  CHECK_NEAR(in.modal.pos[2], -0.1, 1e-15);
  /* a sink that stops the program */
  r.stop_at = r.n + 1;
  CHECK(hh_gc_mdi(&in, "G0 X0 Y0 Z0", &sink, &err) == HH_E_GCODE_ABORTED);
  r.stop_at = 0;
  /* lathe: X is a diameter, U incremental diameter, feed per rev */
  hh_gc_setup_defaults(&s, HH_GC_LATHE);
  hh_gc_init(&in, &s, NULL);
  CHECK(hh_gc_mdi(&in, "G0 X40 Z2", &sink, &err) == HH_OK);
  CHECK_NEAR(r.last.end[0], 0.020, 1e-15);
  CHECK(hh_gc_mdi(&in, "G1 U-4 W-10 F0.2", &sink, &err) == HH_OK);
  CHECK_NEAR(r.last.end[0], 0.018, 1e-15);
  CHECK_NEAR(r.last.end[2], -0.008, 1e-15);
  CHECK(r.last.feed_mode == 1);
  CHECK_NEAR(r.last.feed, 0.0002, 1e-15);
  CHECK(hh_gc_mdi(&in, "G0 Y5", &sink, &err) == HH_E_GCODE_UNKNOWN_WORD);
  /* a program with a subprogram and its line table */
  const char *text = "O1\nM98 P2\nM30\nO2\nG0 X10\nM99\n";
  hh_gc_program p;
  CHECK(hh_gc_program_load(&p, text, strlen(text), "t.nc", &err) == HH_OK);
  CHECK(p.nlines == 6 && p.nsubs == 2);
  hh_gc_init(&in, &s, &p);
  CHECK(hh_gc_run(&in, &sink, &err) == HH_OK);
  CHECK(in.done && r.last.kind == HH_CANON_PROGRAM_END && r.last.line == 3);
  hh_gc_program_free(&p);
  /* tool table text into the registers (mm in, m out; lathe X is a diameter) */
  const char *tt = "; comment\nT1 Z100 D10\n\nT2 X-0.4 Z3 R0.8 Q3 ; lathe\n";
  hh_gc_setup_defaults(&s, HH_GC_MILL);
  CHECK(hh_gc_tools_load(&s, tt, strlen(tt), "t.tools", &err) == HH_OK);
  CHECK_NEAR(s.tool[1].length, 0.1, 1e-15);
  CHECK_NEAR(s.tool[1].radius, 0.005, 1e-15);
  CHECK(hh_gc_tools_load(&s, "T0 D1\n", 6, "t.tools", &err) == HH_E_GCODE_RANGE);
  CHECK(hh_gc_tools_load(&s, "T1 E4\n", 6, "t.tools", &err) == HH_E_GCODE_UNKNOWN_WORD);
  CHECK(err.line == 1 && err.column == 4);
  hh_gc_setup_defaults(&s, HH_GC_LATHE);
  CHECK(hh_gc_tools_load(&s, tt, strlen(tt), "t.tools", &err) == HH_OK);
  CHECK_NEAR(s.tool[2].xoff, -0.0002, 1e-15);
  CHECK(s.tool[2].tip == 3);
  /* cutter compensation: the entry move is held until the next move decides the
     corner; a gouging move fails with the modal state and the queue untouched */
  hh_gc_setup_defaults(&s, HH_GC_MILL);
  s.tool[1].radius = 0.005;
  hh_gc_init(&in, &s, NULL);
  CHECK(hh_gc_mdi(&in, "G0 X-20 Y-20", &sink, &err) == HH_OK);
  CHECK(hh_gc_mdi(&in, "G41 D1 G1 X0 Y0 F100", &sink, &err) == HH_OK);
  CHECK(r.last.kind == HH_CANON_TOOL_RADIUS_COMP && r.last.side == 1);
  CHECK(in.modal.cc.kind == HH_CANON_LINEAR);
  CHECK(hh_gc_mdi(&in, "M8", &sink, &err) == HH_OK);
  CHECK(r.last.kind == HH_CANON_TOOL_RADIUS_COMP && in.ccq_n == 1); /* M8 waits */
  CHECK(hh_gc_mdi(&in, "G1 X20", &sink, &err) == HH_OK);
  CHECK(r.last.kind == HH_CANON_ARC && in.ccq_n == 0); /* move, M8, corner arc */
  CHECK(hh_gc_mdi(&in, "Y20", &sink, &err) == HH_OK);
  before = in.modal;
  n = r.n;
  CHECK(hh_gc_mdi(&in, "X18", &sink, &err) == HH_E_GCODE_GOUGE);
  CHECK(memcmp(&before, &in.modal, sizeof before) == 0 && r.n == n);
  CHECK(hh_gc_mdi(&in, "G28 X0", &sink, &err) == HH_E_GCODE_COMP);
  CHECK(hh_gc_mdi(&in, "G40 G0 X0 Y40", &sink, &err) == HH_OK);
  CHECK(r.last.kind == HH_CANON_RAPID && in.modal.cc.kind == 0);
  CHECK_NEAR(r.last.start[0], 0.015, 1e-12); /* Y20 ended perpendicular: x = 20 - 5 */
  CHECK_NEAR(r.last.start[1], 0.020, 1e-12);
  /* G28 and G53 moves carry their machine-frame target (flag + machine_end), the
     work-frame end still has the interpreter's offsets subtracted */
  hh_gc_setup_defaults(&s, HH_GC_MILL);
  s.home[0] = 0.5, s.home[1] = 0.4, s.home[2] = 0.45;
  s.work[0][0] = 0.2, s.work[0][2] = 0.1;
  hh_gc_init(&in, &s, NULL);
  CHECK(hh_gc_mdi(&in, "G54 G0 X10 Y10 Z10", &sink, &err) == HH_OK);
  CHECK(r.last.kind == HH_CANON_RAPID && r.last.machine_axes == 0);
  CHECK(hh_gc_mdi(&in, "G91 G28 Z0", &sink, &err) == HH_OK);
  CHECK(r.last.kind == HH_CANON_RAPID && r.last.machine_axes == 4);
  CHECK_NEAR(r.last.machine_end[2], 0.45, 1e-15);
  CHECK_NEAR(r.last.end[2], 0.35, 1e-15);
  CHECK(hh_gc_mdi(&in, "G90 G53 G0 X100", &sink, &err) == HH_OK);
  CHECK(r.last.machine_axes == 1);
  CHECK_NEAR(r.last.machine_end[0], 0.1, 1e-15);
  CHECK_NEAR(r.last.end[0], -0.1, 1e-15);
  /* G71 needs a loaded program */
  hh_gc_setup_defaults(&s, HH_GC_LATHE);
  hh_gc_init(&in, &s, NULL);
  CHECK(hh_gc_mdi(&in, "G71 P10 Q20 U0.4 W0.1 F0.2", &sink, &err) == HH_E_GCODE_CYCLE);
  return hh_test_done("gcode_interp");
}
