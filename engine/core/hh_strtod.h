/* hh_strtod.h - decimal text to double, correctly rounded and locale-free.
 *
 * hh_strtod_dec reads [+-]digits[.digits] (no spaces, no exponent: the shape of a
 * G-code number) and gives the double that strtod gives for the same characters, bit
 * for bit. Most numbers take the fast exact path: the digits form an integer mantissa
 * below 2^53 and at most 22 of them follow the point, so one IEEE division by an
 * exactly representable power of ten is already the correctly rounded result. Longer
 * numbers are handed to strtod in exponent form ("DDDDe-N", which no locale changes).
 * tests/unit/test_strtod.c compares it with strtod on millions of strings.
 */
#ifndef HH_STRTOD_H
#define HH_STRTOD_H
#include <stdint.h>

/* Result details of one hh_strtod_dec call. */
typedef struct hh_dec_info {
  int point;       /* 1 when the number had a decimal point */
  int int_digits;  /* significant digits before the point (leading zeros not counted) */
} hh_dec_info;

/* exact value of the digits in [s, end) (a point skipped) times 10^exp10, through
   strtod (the long-number path of hh_strtod_dec) */
double hh_strtod_slow(const char *s, const char *end, int exp10);

/* parse a decimal number at s into *out (strtod's value); returns the characters read,
   0 when s holds no digit (then *out and *info are untouched); info may be NULL.
   Inline: the G-code reader calls it for every word. */
static inline int hh_strtod_dec(const char *s, double *out, hh_dec_info *info) {
  static const double p10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const char *p = s;
  int neg = 0;
  if (*p == '+' || *p == '-') neg = *p++ == '-';
  const char *digits = p;
  while (*p == '0') p++; /* leading zeros of the integer part */
  /* one pass: scan and accumulate (mant wraps past 19 digits; then the count sends the
     number to the slow path, which reads the text again) */
  uint64_t mant = 0;
  unsigned d;
  const char *i1 = p;
  while ((d = (unsigned)(*p - '0')) < 10) {
    mant = mant * 10 + d;
    p++;
  }
  const char *i2 = p, *f1 = p;
  int dot = *p == '.';
  if (dot) {
    f1 = ++p;
    while ((d = (unsigned)(*p - '0')) < 10) {
      mant = mant * 10 + d;
      p++;
    }
  }
  int isig = (int)(i2 - i1), scale = dot ? (int)(p - f1) : 0;
  if (i2 == digits && scale == 0) return 0; /* no digit at all */
  double v;
  if (isig + scale <= 19 && mant <= (UINT64_C(1) << 53) && scale <= 22)
    v = (double)mant / p10[scale]; /* both exact: one correctly rounded division */
  else
    v = hh_strtod_slow(digits, p, -scale);
  *out = neg ? -v : v;
  if (info) {
    info->point = dot;
    info->int_digits = isig;
  }
  return (int)(p - s);
}

#endif
