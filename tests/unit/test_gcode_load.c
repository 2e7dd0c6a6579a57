/* test_gcode_load.c - program loading and word reading after the speed work: the line
 * and O-number indexes past their first guesses (short lines, many subprograms), CRLF,
 * a NUL ending the text, load == adopt; numbers read as strtod reads them (long
 * fractions correctly rounded), the 18-digit integer limit, fractional G codes, and an
 * aborting sink in a plain block leaving the modal state untouched. */
#include "hh_test.h"
#include "machines/cnc/gcode/hh_gc_int.h"
#include <stdlib.h>
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
  hh_error err;
  /* 10000 six-byte lines (more than the 24-bytes-a-line guess) and 40 subprograms */
  size_t cap = 200000, len = 0;
  char *text = malloc(cap);
  for (int i = 0; i < 40; i++) len += (size_t)snprintf(text + len, cap - len, "O%d\r\nM99\r\n", 100 + i);
  for (int i = 0; i < 10000; i++) len += (size_t)snprintf(text + len, cap - len, "G0 X%d\n", i % 10);
  hh_gc_program a, b;
  CHECK(hh_gc_program_load(&a, text, len, "many.nc", &err) == HH_OK);
  char *own = malloc(len + 1);
  memcpy(own, text, len);
  CHECK(hh_gc_program_adopt(&b, own, len, "many.nc", &err) == HH_OK);
  CHECK(a.nlines == 10080 && b.nlines == 10080); /* the trailing newline adds no line */
  CHECK(a.nsubs == 40 && b.nsubs == 40);
  for (int i = 0; i < 40 && a.nsubs == 40 && b.nsubs == 40; i++) {
    CHECK(a.sub_number[i] == 100 + i && a.sub_line[i] == 2 * i);
    CHECK(b.sub_number[i] == a.sub_number[i] && b.sub_line[i] == a.sub_line[i]);
  }
  CHECK(a.nlines == 10080 && !strcmp(a.line[0], "O100") && !strcmp(a.line[1], "M99"));
  CHECK(a.nlines == 10080 && !strcmp(a.line[10079], "G0 X9") && !strcmp(b.line[10079], "G0 X9"));
  hh_gc_program_free(&a);
  hh_gc_program_free(&b);
  /* a NUL byte ends the text; no trailing newline keeps the last line */
  static const char nul[] = "G0 X1\nG0 X2\0G0 X3\n";
  CHECK(hh_gc_program_load(&a, nul, sizeof nul - 1, "nul.nc", &err) == HH_OK);
  CHECK(a.nlines == 2 && !strcmp(a.line[1], "G0 X2"));
  hh_gc_program_free(&a);
  CHECK(hh_gc_program_load(&a, "", 0, "empty.nc", &err) == HH_OK && a.nlines == 0);
  hh_gc_program_free(&a);
  free(text);

  /* words: values as strtod reads them, columns, limits */
  static hh_gc_interp in;
  hh_gc_setup s;
  hh_gc_setup_defaults(&s, HH_GC_MILL);
  hh_gc_init(&in, &s, NULL);
  hh_gc_block blk;
  CHECK(hh_gc_read(&in, " g1 x0.1000000000000000055511151231257827 Y-12.5 z+.5 F1.", 1, &blk, &err) == HH_OK);
  CHECK(blk.ng == 1 && blk.g[0] == 1 && blk.gcol[0] == 2);
  CHECK(blk.val['X' - 'A'] == strtod("0.1000000000000000055511151231257827", NULL));
  CHECK(blk.val['Y' - 'A'] == -12.5 && blk.col['Y' - 'A'] == 43);
  CHECK(blk.val['Z' - 'A'] == 0.5 && blk.val['F' - 'A'] == 1.0);
  CHECK(blk.fracbits == (HH_GC_BIT('X') | HH_GC_BIT('Y') | HH_GC_BIT('Z') | HH_GC_BIT('F')));
  CHECK(blk.val['I' - 'A'] == 0 && blk.col['I' - 'A'] == 0); /* absent words read as zero */
  CHECK(hh_gc_read(&in, "X123456789012345678", 1, &blk, &err) == HH_OK); /* 18 digits */
  CHECK(blk.val['X' - 'A'] == 123456789012345678.0);
  CHECK(hh_gc_read(&in, "X0001234567890123456789", 1, &blk, &err) == HH_E_GCODE_SYNTAX);
  CHECK(err.column == 1);
  CHECK(hh_gc_read(&in, "G1.5 X1", 1, &blk, &err) == HH_E_GCODE_UNSUPPORTED);
  CHECK(hh_gc_read(&in, "G1 X1 X2", 1, &blk, &err) == HH_E_GCODE_REPEATED_WORD && err.column == 7);
  CHECK(hh_gc_read(&in, "G1 U1", 1, &blk, &err) == HH_E_GCODE_UNKNOWN_WORD);
  CHECK(hh_gc_read(&in, "G1 X 1.5 Y#1", 1, &blk, &err) == HH_E_GCODE_UNSUPPORTED);
  CHECK(err.column == 11);
  CHECK(hh_gc_read(&in, "G1 X-", 1, &blk, &err) == HH_E_GCODE_SYNTAX && err.column == 4);

  /* a sink that stops the program mid-block (a plain move: no dry pass) leaves the
     modal state as it was before the block */
  rec r;
  memset(&r, 0, sizeof r);
  hh_canon_sink sink = {keep, &r};
  CHECK(hh_gc_mdi(&in, "G21 G90 G1 X10 F600", &sink, &err) == HH_OK);
  hh_gc_modal before = in.modal;
  r.stop_at = r.n + 1;
  CHECK(hh_gc_mdi(&in, "G91 G1 X5 F300", &sink, &err) == HH_E_GCODE_ABORTED);
  CHECK(memcmp(&before, &in.modal, sizeof before) == 0);
  r.stop_at = 0;
  CHECK(hh_gc_mdi(&in, "G1 X5", &sink, &err) == HH_OK); /* still absolute, F600 */
  CHECK_NEAR(r.last.end[0], 0.005, 1e-15);
  CHECK_NEAR(r.last.feed, 0.01, 1e-15);
  return hh_test_done("gcode_load");
}
