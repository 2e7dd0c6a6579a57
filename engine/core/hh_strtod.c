/* hh_strtod.c - correctly rounded [+-]digits[.digits] to double (see hh_strtod.h). */
#include "hh_strtod.h"
#include <stdlib.h>

#define DEC_KEEP 800 /* significant digits passed to strtod; more only set a sticky 1 */

/* exact value of the digits in [s, end) (a point skipped) times 10^exp10, through
   strtod's exponent form */
double hh_strtod_slow(const char *s, const char *end, int exp10) {
  char buf[DEC_KEEP + 32];
  int n = 0, dropped = 0, sticky = 0;
  for (const char *p = s; p < end; p++) {
    if (*p == '.') continue;
    if (n == 0 && *p == '0') continue; /* leading zeros */
    if (n < DEC_KEEP) buf[n++] = *p;
    else {
      dropped++;
      sticky |= *p != '0';
    }
  }
  if (n == 0) return 0.0;
  if (sticky) { /* a 1 past the kept digits: same side of every rounding boundary */
    buf[n++] = '1';
    dropped--;
  }
  long e = (long)exp10 + dropped;
  buf[n++] = 'e';
  if (e < 0) {
    buf[n++] = '-';
    e = -e;
  }
  char tmp[24];
  int k = 0;
  do {
    tmp[k++] = (char)('0' + e % 10);
    e /= 10;
  } while (e);
  while (k) buf[n++] = tmp[--k];
  buf[n] = '\0';
  return strtod(buf, NULL);
}

