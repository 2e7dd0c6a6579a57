/* hh_fmt.c - exact "%.6f" and "%lld" without printf (see hh_fmt.h). */
#include "hh_fmt.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const char pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/* decimal digits of u (no sign) at buf; returns the length, no NUL */
static int put_u64(char *buf, uint64_t u) {
  char tmp[20];
  int n = 20;
  while (u >= 100) {
    unsigned r = (unsigned)(u % 100);
    u /= 100;
    n -= 2;
    memcpy(tmp + n, pairs + 2 * r, 2);
  }
  if (u >= 10) {
    n -= 2;
    memcpy(tmp + n, pairs + 2 * u, 2);
  } else {
    tmp[--n] = (char)('0' + u);
  }
  memcpy(buf, tmp + n, (size_t)(20 - n));
  return 20 - n;
}

/* write v as printf "%lld" */
int hh_fmt_int(char *buf, long long v) {
  int n = 0;
  uint64_t u = (uint64_t)v;
  if (v < 0) {
    buf[n++] = '-';
    u = 0 - u; /* also right for LLONG_MIN */
  }
  n += put_u64(buf + n, u);
  buf[n] = 0;
  return n;
}

/* write v as printf "%.6f": exact for |v| < 1e12, snprintf otherwise */
int hh_fmt_f6(char *buf, double v) {
#ifdef __SIZEOF_INT128__
  if (v > -1e12 && v < 1e12) { /* false for NaN */
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    int neg = (int)(bits >> 63);
    int bexp = (int)((bits >> 52) & 0x7ff);
    uint64_t mant = bits & ((UINT64_C(1) << 52) - 1);
    if (bexp) mant |= UINT64_C(1) << 52;
    /* |v| = mant * 2^-k with k >= 1 (|v| < 2^52); q = |v| * 1e6 rounded half-even */
    int k = bexp ? 1075 - bexp : 1074;
    uint64_t q = 0;
    if (mant && k < 128) {
      unsigned __int128 p = (unsigned __int128)mant * 1000000u; /* < 2^73 */
      unsigned __int128 one = 1;
      q = (uint64_t)(p >> k);
      unsigned __int128 r = p & ((one << k) - 1), half = one << (k - 1);
      if (r > half || (r == half && (q & 1))) q++;
    } /* k >= 128: p < 2^73 < half, rounds to 0 */
    int n = 0;
    if (neg) buf[n++] = '-';
    n += put_u64(buf + n, q / 1000000);
    uint32_t f = (uint32_t)(q % 1000000);
    buf[n] = '.';
    memcpy(buf + n + 1, pairs + 2 * (f / 10000), 2);
    memcpy(buf + n + 3, pairs + 2 * (f / 100 % 100), 2);
    memcpy(buf + n + 5, pairs + 2 * (f % 100), 2);
    n += 7;
    buf[n] = 0;
    return n;
  }
#endif
  return snprintf(buf, HH_FMT_F6_MAX, "%.6f", v);
}
