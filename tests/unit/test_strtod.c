/* test_strtod.c - hh_strtod_dec gives strtod's double bit for bit (and reads the same
 * characters): edge cases (signed zeros, 2^53 neighbours, 19-20 digit mantissas, 10^22
 * and beyond, tiny and huge values, exact binary midpoints written out in full, with a
 * digit more or less) and millions of random decimal strings of many shapes. */
#include "hh_test.h"
#include "core/hh_strtod.h"
#include <float.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static long compared;
static uint64_t rng = 0x9e3779b97f4a7c15ull;

/* xorshift64* random number */
static uint64_t rnd(void) {
  rng ^= rng >> 12;
  rng ^= rng << 25;
  rng ^= rng >> 27;
  return rng * 2685821657736338717ull;
}

/* one string: value bits, length read and the point flag must match strtod */
static void same(const char *s) {
  double a = -12345.0, b;
  char *end;
  hh_dec_info info = {-1, -1};
  int n = hh_strtod_dec(s, &a, &info);
  b = strtod(s, &end);
  compared++;
  int ok = n == (int)(end - s) && memcmp(&a, &b, sizeof a) == 0 &&
           info.point == (strchr(s, '.') != NULL && strchr(s, '.') < end);
  if (!ok) {
    if (hh_test_failures < 20)
      fprintf(stderr, "\"%.80s\": hh_strtod_dec %a (%d chars), strtod %a (%d chars)\n", s, a, n,
              b, (int)(end - s));
    hh_test_failures++;
  }
}

/* random decimal string: ni integer digits, nf fraction digits (point if dot) */
static void random_string(char *buf, int ni, int nf, int dot, int style) {
  int n = 0;
  uint64_t r = rnd();
  if (r & 1) buf[n++] = '-';
  else if (r & 2) buf[n++] = '+';
  for (int i = 0; i < ni + nf; i++) {
    if (dot && i == ni) buf[n++] = '.';
    uint64_t q = rnd();
    char c = (char)('0' + q % 10);
    if (style == 1 && (q >> 8) % 4) c = '0';      /* mostly zeros */
    if (style == 2 && (q >> 8) % 4) c = '9';      /* mostly nines */
    if (style == 3 && i > 0 && (q >> 8) % 8) c = '0'; /* a digit, then zeros */
    buf[n++] = c;
  }
  if (dot && ni + nf == ni) buf[n++] = '.';
  buf[n] = '\0';
}

/* exact decimal text of the midpoint between v and the next double up, then the same
   text one unit higher and lower in its last place, and cut short */
static void midpoints(double v) {
  char buf[1400];
  long double mid = ((long double)v + (long double)nextafter(v, DBL_MAX)) / 2;
  snprintf(buf, sizeof buf, "%.1100Lf", mid); /* exact: |v| in [1e-300..] has no more */
  size_t n = strlen(buf);
  while (n && buf[n - 1] == '0') buf[--n] = '\0';
  same(buf);
  char more[1410];
  snprintf(more, sizeof more, "%s0001", buf);
  same(more);
  if (n > 2 && buf[n - 1] != '.') {
    buf[n - 1]--; /* the last digit of an exact midpoint is 5: one less, just below */
    same(buf);
    buf[n - 1] = '\0';
    same(buf);
  }
}

int main(void) {
  static const char *edge[] = {
      "0", "-0", "+0", "0.", ".0", "-.0", "00000", "0.000000000000000000000000000000",
      "1", "-1", "5.", ".5", "0.1", "0.2", "0.3", "1.1", "123.456", "-2.5", "1.0000",
      "9007199254740991", "9007199254740992", "9007199254740993", "9007199254740994",
      "9007199254740995", "18014398509481985", "9007199254740993.0000000000001",
      "1234567890123456789", "12345678901234567890", "99999999999999999999",
      "0.30000000000000004", "0.1000000000000000055511151231257827",
      "1000000000000000000000", "10000000000000000000000", "100000000000000000000000",
      "4.4501477170144023", "0.0000000000000000000001", "0.00000000000000000000001",
      "1.7976931348623157", "179769313486231570000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "00000000000000000000000000",
      "-1.5X", "2.5.5", "1..2", "--1", "+-1", "-", ".", "abc", "12a", " 1",
      "2.2250738585072011", "0.0000001", "0.000001", "99.99995", "1e5", "0x10",
      "12345.678901234567890123456789", "0.49999999999999994448884876874217297882"};
  for (size_t i = 0; i < sizeof edge / sizeof *edge; i++) {
    double a = 7.0;
    char *end;
    int n = hh_strtod_dec(edge[i], &a, NULL);
    (void)strtod(edge[i], &end);
    if (n == 0) { /* no digit where a number must start: untouched */
      CHECK(a == 7.0);
      CHECK(!strchr("0123456789", edge[i][0]) || !edge[i][0]);
      continue;
    }
    /* what we read is a whole number for strtod too; it may read on (1e5, 0x10) */
    char prefix[512];
    snprintf(prefix, sizeof prefix, "%.*s", n, edge[i]);
    same(prefix);
    CHECK(n <= (int)(end - edge[i]));
    CHECK(!strchr("0123456789", edge[i][n]) || !edge[i][n]);
  }
  /* the integer-digit count used by the G-code reader's length rule */
  hh_dec_info info;
  double v;
  CHECK(hh_strtod_dec("000123.45", &v, &info) == 9 && info.int_digits == 3 && info.point);
  CHECK(hh_strtod_dec("-0.000", &v, &info) == 6 && info.int_digits == 0 && v == 0 &&
        signbit(v));
  CHECK(hh_strtod_dec("1234567890123456789012", &v, &info) == 22 && info.int_digits == 22);
  /* long strings (the slow path's cap of kept digits and its sticky digit) */
  char big[3000];
  for (int k = 0; k < 200; k++) {
    int n = 0, len = 700 + (int)(rnd() % 1500);
    big[n++] = '0';
    big[n++] = '.';
    for (int i = 0; i < len; i++) big[n++] = (char)('0' + (i < 300 ? 0 : rnd() % 10));
    big[n] = '\0';
    same(big);
    big[1] = (char)('0' + rnd() % 10); /* digits, no point: a huge integer */
    same(big + 1);
  }
  /* exact midpoints of random doubles of many magnitudes */
  for (int k = 0; k < 3000; k++) {
    uint64_t bits = rnd();
    double d;
    memcpy(&d, &bits, sizeof d);
    d = fabs(d);
    if (!(d < 1e300) || d < 1e-300) continue;
    if (k % 2) d = ldexp(1.0 + (double)(rnd() % 1000000) / 1e6, (int)(rnd() % 120) - 60);
    midpoints(d);
  }
  /* random strings of every shape */
  char buf[96];
  for (long k = 0; k < 3000000; k++) {
    uint64_t r = rnd();
    int ni = (int)(r % 24), nf = (int)((r >> 8) % 28), dot = (r >> 16) % 5 != 0;
    int style = (int)((r >> 20) % 6);
    if (k % 2) { /* the G-code shape: a few integer digits, up to 8 after the point */
      ni = (int)((r >> 24) % 5);
      nf = (int)((r >> 28) % 9);
    }
    if (!dot) nf = 0;
    if (ni + nf == 0) ni = 1;
    random_string(buf, ni, nf, dot, style);
    same(buf);
  }
  printf("hh_strtod_dec == strtod on %ld strings\n", compared);
  return hh_test_done("strtod");
}
