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

/* true when no byte of buf after its NUL at len was written (buf was filled with 0x5a) */
static int untouched_after(const char *buf, int len, size_t size) {
  for (size_t i = (size_t)len + 1; i < size; i++)
    if (buf[i] != 0x5a) return 0;
  return 1;
}

/* one value: both texts and lengths must match, nothing written after the NUL */
static void same_f6(double v) {
  char a[HH_FMT_F6_MAX], b[HH_FMT_F6_MAX];
  memset(a, 0x5a, sizeof a);
  int na = hh_fmt_f6(a, v);
  int nb = snprintf(b, sizeof b, "%.6f", v);
  compared++;
  if (na != nb || strcmp(a, b) != 0 || !untouched_after(a, na, 48)) {
    if (hh_test_failures < 20)
      fprintf(stderr, "%%.6f of %.17g (%a): hh_fmt_f6 \"%s\", printf \"%s\"\n", v, v, a, b);
    hh_test_failures++;
  }
}

/* one integer */
static void same_int(long long v) {
  char a[HH_FMT_INT_MAX], b[HH_FMT_INT_MAX];
  memset(a, 0x5a, sizeof a);
  int na = hh_fmt_int(a, v);
  int nb = snprintf(b, sizeof b, "%lld", v);
  if (na != nb || strcmp(a, b) != 0 || !untouched_after(a, na, sizeof a)) {
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

/* 10^d for small d, exactly */
static double pow10_of(int d) {
  double p = 1.0;
  while (d-- > 0) p *= 10.0;
  return p;
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
  /* every digit count: integers and their millionths around each power of ten and two */
  for (int d = 0; d <= 12; d++) {
    double p10 = pow(10.0, (double)d);
    for (int s = -1; s <= 1; s += 2)
      for (int o = -2; o <= 2; o++) {
        same_f6(s * (p10 + o));
        same_f6(s * (p10 + o * 1e-6));
        same_f6(s * (p10 - 5e-7 + o * 1e-9));
      }
  }
  for (int j = 0; j < 40; j++) {
    double p2 = ldexp(1.0, j);
    same_f6(p2);
    same_f6(-p2 + 1);
    same_f6(p2 - 5e-7);
  }
  /* every six-digit fraction, with integer parts of 1 to 7 digits */
  for (int f = 0; f < 1000000; f++) same_f6((f % 2 ? -1 : 1) * (pow10_of(f % 7) + f * 1e-6));
  printf("hh_fmt_f6 == printf %%.6f on %ld values\n", compared);
  /* integers */
  const long long ints[] = {0, 1, -1, 9, 10, 99, 100, -100, 12345, INT_MAX, INT_MIN,
                            LLONG_MAX, LLONG_MIN, 1000000, -999999};
  for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) same_int(ints[i]);
  /* every digit count: around each power of ten and of two */
  for (long long p = 1, d = 0; d < 19; d++, p *= 10)
    for (long long o = -2; o <= 2; o++) {
      same_int(p + o);
      same_int(-(p + o));
    }
  for (int j = 0; j < 63; j++)
    for (long long o = -1; o <= 1; o++) {
      same_int((1LL << j) + o);
      same_int(-(1LL << j) - o);
    }
  for (int i = 0; i < 200000; i++) {
    uint64_t r = next();
    same_int((long long)r >> (r % 64));
  }
  return hh_test_done("fmt");
}
