/* hh_fmt.h - fast decimal text for numbers, byte-identical to C printf in the C locale.
 *
 * hh_fmt_f6 writes what printf("%.6f", v) writes (sign of negative zero and of
 * negatives that round to zero, round-half-to-even on exact binary ties, NaN/inf,
 * huge values) about ten times faster: |v| < 1e12 is converted exactly with integer
 * arithmetic; anything else (and builds without a 128-bit integer) falls back to
 * snprintf itself. Used by the G-code trace printer (tests/unit/test_fmt.c compares
 * it with snprintf over millions of values).
 */
#ifndef HH_FMT_H
#define HH_FMT_H

#define HH_FMT_F6_MAX 330  /* bytes a hh_fmt_f6 result can need, NUL included */
#define HH_FMT_INT_MAX 24  /* bytes a hh_fmt_int result can need, NUL included */

/* write v as printf "%.6f" into buf (HH_FMT_F6_MAX bytes), NUL-terminated; returns the
   length */
int hh_fmt_f6(char *buf, double v);

/* write v as printf "%lld" into buf (HH_FMT_INT_MAX bytes), NUL-terminated; returns the
   length */
int hh_fmt_int(char *buf, long long v);

#endif
