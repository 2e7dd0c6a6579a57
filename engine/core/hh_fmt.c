/* hh_fmt.c - exact "%.6f" and "%lld" without printf (see hh_fmt.h).
 * Digits go straight into the caller's buffer, right to left, two at a time; nothing
 * is written past the terminating NUL. */
#include "hh_fmt.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const char pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/* 10^i, i = 0..19 */
static const uint64_t pow10_tab[20] = {
    1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u, 100000000u,
    1000000000u, 10000000000u, 100000000000u, 1000000000000u, 10000000000000u,
    100000000000000u, 1000000000000000u, 10000000000000000u, 100000000000000000u,
    1000000000000000000u, 10000000000000000000u};

/* copy the two digits of r (0..99) to d */
#define PUT2(d, r) memcpy((d), pairs + 2 * (r), 2)

/* number of decimal digits of u (1 for 0) */
static inline int count_digits(uint64_t u) {
#if defined(__GNUC__) || defined(__clang__)
  int t = ((64 - __builtin_clzll(u | 1)) * 1233) >> 12; /* floor(log10(2^bits)) */
  return t + ((u | 1) >= pow10_tab[t]); /* u | 1: 0 counts as 1 digit, even u unchanged */
#else
  int d = 1;
  while (d < 20 && u >= pow10_tab[d]) d++;
  return d;
#endif
}

/* the digits of u (no sign) ending just before end, written right to left */
static inline void put_digits_rev(char *end, uint64_t u) {
  while (u > UINT32_MAX) {
    uint32_t lo = (uint32_t)(u % 100000000u); /* eight digits */
    u /= 100000000u;
    PUT2(end - 2, lo % 100);
    PUT2(end - 4, lo / 100 % 100);
    PUT2(end - 6, lo / 10000 % 100);
    PUT2(end - 8, lo / 1000000);
    end -= 8;
  }
  uint32_t w = (uint32_t)u;
  while (w >= 100) {
    uint32_t r = w % 100;
    w /= 100;
    end -= 2;
    PUT2(end, r);
  }
  if (w >= 10)
    PUT2(end - 2, w);
  else
    end[-1] = (char)('0' + w);
}

/* write v as printf "%lld" */
int hh_fmt_int(char *buf, long long v) {
  uint64_t u = (uint64_t)v;
  int neg = v < 0;
  if (neg) {
    buf[0] = '-';
    u = 0 - u; /* also right for LLONG_MIN */
  }
  int n = neg + count_digits(u);
  put_digits_rev(buf + n, u);
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
    /* |v| = mant * 2^-k, k >= 12 here (|v| < 2^40); q = |v| * 1e6 rounded half-even.
       p = mant * 1e6 < 2^73; h = p >> (k - 1) = 2 * q before rounding plus the half bit.
       k > 75: p < 2^73 <= 2^(k-2), below half a unit: q = 0 (also for mant == 0). */
    int k = bexp ? 1075 - bexp : 1074;
    uint64_t q = 0;
    if (k <= 75 && mant) {
      unsigned __int128 p = (unsigned __int128)mant * 1000000u;
      uint64_t h = (uint64_t)(p >> (k - 1)); /* < 2e18 */
      q = h >> 1;
      /* half bit set: round up unless an exact tie (no bits of p below it: p's trailing
         zeros are mant's plus the 6 of 1e6 = 2^6 * 15625) with q even */
      if ((h & 1) && ((q & 1) || __builtin_ctzll(mant) + 6 < k - 1)) q++;
    }
    uint64_t ip = q / 1000000u; /* integer part, < 1e12 */
    uint32_t f = (uint32_t)(q - ip * 1000000u); /* six fraction digits */
    int n = neg + count_digits(ip); /* the '.' goes at buf[n] */
    /* f / 1e4 as 32.32 fixed point (exact for every f < 1e6); each * 100 brings the
       next pair of digits above the binary point */
    uint64_t t = (uint64_t)f * 429497u;
    PUT2(buf + n + 1, (uint32_t)(t >> 32));
    t = (uint64_t)(uint32_t)t * 100u;
    PUT2(buf + n + 3, (uint32_t)(t >> 32));
    t = (uint64_t)(uint32_t)t * 100u;
    PUT2(buf + n + 5, (uint32_t)(t >> 32));
    buf[n + 7] = 0;
    buf[n] = '.';
    put_digits_rev(buf + n, ip);
    if (neg) buf[0] = '-';
    return n + 7;
  }
#endif
  return snprintf(buf, HH_FMT_F6_MAX, "%.6f", v);
}
