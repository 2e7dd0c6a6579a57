/* test_gcode_trace.c - the fast trace writer (hh_gcode_trace_line) writes exactly the
 * bytes of hh_canon_format for every op kind, random fields included (huge, NaN,
 * signed zero, feed modes, out-of-range axes, long comments). */
#include "hh_test.h"
#include "app/hh_gcode_trace.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

/* splitmix64: a fixed pseudo-random sequence */
static uint64_t rng = 0x243f6a8885a308d3u;
static uint64_t next(void) {
  uint64_t z = (rng += 0x9e3779b97f4a7c15u);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

/* a value in metres (or s, m/s) of a random shape: ordinary, round, tiny, signed zero,
   huge, NaN or inf */
static double value(void) {
  uint64_t r = next();
  double u = (double)(r >> 11) * 0x1p-53;
  switch (r % 16) {
  case 0: return 0.0;
  case 1: return -0.0;
  case 2: return (u - 0.5) * 1e-9;                 /* folds to zero in mm */
  case 3: return round((u - 0.5) * 2e6) * 1e-6;    /* round mm */
  case 4: return (u - 0.5) * 2e10;                 /* 1e13 mm: the snprintf path */
  case 5: return r & 16 ? NAN : (r & 32 ? INFINITY : -INFINITY);
  case 6: return ldexp((double)(int)(r >> 40 & 0xffff) - 32768.0, -20); /* binary ties */
  default: return (u - 0.5) * 2.0;
  }
}

int main(void) {
  char fast[HH_GCODE_TRACE_LINE_MAX], ref[HH_GCODE_TRACE_LINE_MAX];
  long n = 0;
  for (int i = 0; i < 300000; i++) {
    hh_canon_op op;
    memset(&op, 0, sizeof op);
    op.kind = (hh_canon_kind)(next() % (HH_CANON_KIND_COUNT + 1));
    if (i % 4) op.kind = (hh_canon_kind)(1 + next() % 5); /* mostly the fast kinds */
    uint64_t r = next();
    op.line = (int)(r % 3 ? r % 100000 : r >> 32);
    op.axis = (int)(next() % 5) - 1;
    op.turns = (int)(next() % 7) - 3;
    op.feed_mode = (int)(next() % 2);
    op.dir = (int)(next() % 3) - 1;
    op.spindle_mode = (int)(next() % 2);
    op.tool = (int)(next() % 100);
    op.index = (int)(next() % 10);
    op.side = (int)(next() % 3);
    for (int k = 0; k < 3; k++) {
      op.start[k] = value();
      op.end[k] = value();
      op.centre[k] = value();
      op.vec[k] = value();
    }
    op.feed = value();
    op.value = op.kind == HH_CANON_PROGRAM_END ? 30 : value();
    op.speed = value();
    op.css = value();
    op.speed_max = value();
    size_t len = (size_t)(next() % HH_CANON_TEXT);
    for (size_t k = 0; k < len; k++) op.text[k] = (char)(' ' + next() % 95);
    int a = hh_gcode_trace_line(&op, fast);
    int b = hh_canon_format(&op, ref, sizeof ref);
    if (b >= (int)sizeof ref) b = (int)sizeof ref - 1;
    n++;
    if (a != b || strcmp(fast, ref) != 0) {
      if (hh_test_failures < 10)
        fprintf(stderr, "kind %d:\n fast \"%s\"\n ref  \"%s\"\n", (int)op.kind, fast, ref);
      hh_test_failures++;
    }
  }
  printf("hh_gcode_trace_line == hh_canon_format on %ld ops\n", n);
  return hh_test_done("gcode_trace");
}
