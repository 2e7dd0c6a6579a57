/* test_fmt.c - hh_fmt_f6 / hh_fmt_int give exactly printf's "%.6f" / "%lld" bytes:
 * edge values (signed zeros, exact binary ties, values that round across a digit,
 * subnormals, the fast path's 1e12 limit, huge values, NaN, inf) and millions of
 * random values of several shapes. */
#include "hh_test.h"
#include "core/hh_fmt.h"
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

static long compared;

/* one value: both texts and lengths must match */
static void same_f6(double v) {
  char a[HH_FMT_F6_MAX], b[HH_FMT_F6_MAX];
  int na = hh_fmt_f6(a, v);
  int nb = snprintf(b, sizeof b, "%.6f", v);
  compared++;
  if (na != nb || strcmp(a, b) != 0) {
    if (hh_test_failures < 20)
      fprintf(stderr, "%%.6f of %.17g (%a): hh_fmt_f6 \"%s\", printf \"%s\"\n", v, v, a, b);
    hh_test_failures++;
  }
}

/* one integer */
static void same_int(long long v) {
  char a[HH_FMT_INT_MAX], b[HH_FMT_INT_MAX];
  int na = hh_fmt_int(a, v);
  int nb = snprintf(b, sizeof b, "%lld", v);
  if (na != nb || strcmp(a, b) != 0) {
    fprintf(stderr, "%%lld of %lld: hh_fmt_int \"%s\", printf \"%s\"\n", v, a, b);
    hh_test_failures++;
  }
}

/* splitmix64: a fixed pseudo-random sequence */
static uint64_t rng = 0x9e3779b97f4a7c15u;
static uint64_t next(void) {
  uint64_t z = (rng += 0x9e3779b97f4a7c15u);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

/* a double with these bits */
static double from_bits(uint64_t b) {
  double d;
  memcpy(&d, &b, sizeof d);
  return d;
}

int main(void) {
  /* edges */
  const double edge[] = {0.0, -0.0, 1.0, -1.0, 0.5, 5e-7, -5e-7, 4.9999999999e-7, 5e-7 + 1e-22,
                         1e-6, -1e-6, 0.0000015, 0.0000025, 0.0078125, -0.0078125, 0.9999995,
                         0.99999949999999, 9.9999995, 999999.9999995, 123.4567895, 1e11, 1e12,
                         -1e12, 999999999999.9999, 1e12 - 0.0001220703125, 2.5e-7, 1e15, 1e22,
                         -1e300, DBL_MAX, -DBL_MAX, DBL_MIN, -DBL_MIN, 4.9e-324, -4.9e-324,
                         INFINITY, -INFINITY, NAN, -NAN, 25.4, 1.0 / 3.0, 2.0 / 3.0, 3.14159265358979323846,
                         0.1, 0.2, 0.3, 1200.0, -2.000000000000001, 45.000000499999997};
  for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++) {
    same_f6(edge[i]);
    same_f6(nextafter(edge[i], INFINITY));
    same_f6(nextafter(edge[i], -INFINITY));
  }
  /* exact binary ties at the 7th decimal: k / 2^j for j = 7..20 (half-even rounding) */
  for (int j = 7; j <= 20; j++)
    for (int k = -3000; k <= 3000; k++) same_f6(ldexp((double)k, -j));
  for (int k = 0; k < 200000; k++) same_f6((double)(2 * k + 1) * 0.0078125);
  /* decimal half-way points (k + 0.5) * 1e-6 as doubles, and their neighbours */
  for (int i = 0; i < 300000; i++) {
    double v = ((double)(int64_t)(next() % 2000000000000u) - 1e12) * 1e-6 + 5e-7;
    same_f6(v);
    same_f6(nextafter(v, INFINITY));
    same_f6(nextafter(v, -INFINITY));
  }
  /* random bit patterns (every exponent), mostly finite */
  for (int i = 0; i < 1000000; i++) same_f6(from_bits(next()));
  /* random values in the trace's range: exponents around 1e-9 .. 1e12 */
  for (int i = 0; i < 1000000; i++) {
    uint64_t r = next();
    uint64_t e = 1023 - 30 + (r >> 58) % 72;
    same_f6(from_bits((r & 0x800fffffffffffffu) | (e << 52)));
  }
  /* numbers a program writes: decimals with 0..6 places, scaled like mm <-> inch */
  for (int i = 0; i < 500000; i++) {
    uint64_t r = next();
    double v = (double)(int64_t)(r % 20000000) / pow(10.0, (double)((r >> 40) % 7)) - 1000.0;
    same_f6(v);
    same_f6(v * 25.4);
    same_f6(v / 25.4);
    same_f6(v * 1000.0 / 1000.0 * 60000.0 / 60000.0);
  }
  printf("hh_fmt_f6 == printf %%.6f on %ld values\n", compared);
  /* integers */
  const long long ints[] = {0, 1, -1, 9, 10, 99, 100, -100, 12345, INT_MAX, INT_MIN,
                            LLONG_MAX, LLONG_MIN, 1000000, -999999};
  for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) same_int(ints[i]);
  for (int i = 0; i < 200000; i++) {
    uint64_t r = next();
    same_int((long long)r >> (r % 64));
  }
  return hh_test_done("fmt");
}
