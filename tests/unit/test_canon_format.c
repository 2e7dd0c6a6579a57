/* test_canon_format.c - hh_canon_format's motion and dwell lines (written without
 * printf) are byte for byte the printf layout they replaced, kept here as the oracle,
 * with snprintf's contract at every buffer size (full length returned, text cut and
 * NUL-terminated), for random ops with ordinary, tied, huge, NaN and infinite values. */
#include "hh_test.h"
#include "machines/cnc/hh_canon.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t rng = 0x6a09e667f3bcc909u;

/* xorshift64* random number */
static uint64_t rnd(void) {
  rng ^= rng >> 12;
  rng ^= rng << 25;
  rng ^= rng >> 27;
  return rng * 2685821657736338717ull;
}

/* oracle: metres to millimetres, negative zero folded */
static double mm(double m) {
  double v = m * 1000.0;
  return (v > -5e-7 && v < 5e-7) ? 0.0 : v;
}

/* oracle: negative zero folded */
static double fold(double v) { return (v > -5e-7 && v < 5e-7) ? 0.0 : v; }

/* oracle: the printf layout of the motion and dwell lines */
static int reference(const hh_canon_op *op, char *buf, size_t size) {
  static const char axis_name[3] = {'X', 'Y', 'Z'};
  const char *k = hh_canon_name(op->kind);
  double f = op->feed_mode ? mm(op->feed) : fold(op->feed * 60000.0);
  const char *unit = op->feed_mode ? "/rev" : "/min";
  switch (op->kind) {
  case HH_CANON_RAPID:
    return snprintf(buf, size, "%d %s X%.6f Y%.6f Z%.6f", op->line, k, mm(op->end[0]),
                    mm(op->end[1]), mm(op->end[2]));
  case HH_CANON_LINEAR:
    return snprintf(buf, size, "%d %s X%.6f Y%.6f Z%.6f F%.6f%s", op->line, k,
                    mm(op->end[0]), mm(op->end[1]), mm(op->end[2]), f, unit);
  case HH_CANON_ARC:
    return snprintf(buf, size, "%d %s X%.6f Y%.6f Z%.6f CX%.6f CY%.6f CZ%.6f AXIS%c TURNS%d F%.6f%s",
                    op->line, k, mm(op->end[0]), mm(op->end[1]), mm(op->end[2]),
                    mm(op->centre[0]), mm(op->centre[1]), mm(op->centre[2]),
                    axis_name[op->axis < 0 || op->axis > 2 ? 2 : op->axis], op->turns, f, unit);
  case HH_CANON_THREAD:
    return snprintf(buf, size, "%d %s X%.6f Y%.6f Z%.6f LEAD%.6f", op->line, k,
                    mm(op->end[0]), mm(op->end[1]), mm(op->end[2]), mm(op->feed));
  default: /* DWELL */
    return snprintf(buf, size, "%d %s %.6fs", op->line, k, fold(op->value));
  }
}

/* a random value of some shape (m, s or m/s) */
static double value(void) {
  uint64_t r = rnd();
  double u = (double)(r >> 11) * 0x1p-53;
  switch (r % 12) {
  case 0: return r & 16 ? 0.0 : -0.0;
  case 1: return (u - 0.5) * 1e-9;
  case 2: return (u - 0.5) * 2e10;   /* beyond 1e12 mm */
  case 3: return r & 16 ? NAN : (r & 32 ? INFINITY : -INFINITY);
  case 4: return ldexp((double)(int)(r >> 40 & 0xffff) - 32768.0, -20);
  case 5: return (u - 0.5) * 1e300;
  default: return (u - 0.5) * 2.0;
  }
}

int main(void) {
  static const size_t sizes[] = {0, 1, 2, 7, 20, 40, 80, 255, 256, 512, 4096};
  static const hh_canon_kind kinds[] = {HH_CANON_RAPID, HH_CANON_LINEAR, HH_CANON_ARC,
                                        HH_CANON_THREAD, HH_CANON_DWELL};
  long compared = 0;
  for (int i = 0; i < 200000; i++) {
    hh_canon_op op;
    memset(&op, 0, sizeof op);
    op.kind = kinds[rnd() % 5];
    uint64_t r = rnd();
    op.line = (int)(r % 3 ? r % 100000 : r >> 32);
    op.axis = (int)(rnd() % 5) - 1;
    op.turns = (int)(rnd() % 7) - 3;
    op.feed_mode = (int)(rnd() % 2);
    for (int k = 0; k < 3; k++) {
      op.end[k] = value();
      op.centre[k] = value();
    }
    op.feed = value();
    op.value = value();
    size_t size = sizes[rnd() % (sizeof sizes / sizeof *sizes)];
    char a[4096], b[4096];
    memset(a, 'a', sizeof a);
    memset(b, 'a', sizeof b);
    int na = hh_canon_format(&op, a, size);
    int nb = reference(&op, b, size);
    compared++;
    if (na != nb || memcmp(a, b, sizeof a) != 0) { /* bytes past the NUL untouched too */
      if (hh_test_failures < 10)
        fprintf(stderr, "size %zu: hh_canon_format %d \"%.120s\", printf %d \"%.120s\"\n", size,
                na, size ? a : "", nb, size ? b : "");
      hh_test_failures++;
    }
  }
  printf("hh_canon_format == printf layout on %ld ops\n", compared);
  return hh_test_done("canon_format");
}
