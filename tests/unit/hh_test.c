/* hh_test.c - test harness summary. */
#include "hh_test.h"

int hh_test_failures = 0;

int hh_test_done(const char *name) {
  if (hh_test_failures) {
    fprintf(stderr, "%s: %d check(s) failed\n", name, hh_test_failures);
    return 1;
  }
  printf("%s: ok\n", name);
  return 0;
}
