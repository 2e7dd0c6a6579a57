/* hh_test.h - a minimal test harness: CHECK macros that count failures. */
#ifndef HH_TEST_H
#define HH_TEST_H
#include <math.h>
#include <stdio.h>

extern int hh_test_failures;

#define CHECK(cond)                                                               \
  do {                                                                            \
    if (!(cond)) {                                                                \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);    \
      hh_test_failures++;                                                         \
    }                                                                             \
  } while (0)

#define CHECK_NEAR(a, b, tol)                                                      \
  do {                                                                             \
    double a_ = (a), b_ = (b);                                                     \
    if (!(fabs(a_ - b_) <= (tol))) {                                               \
      fprintf(stderr, "%s:%d: CHECK_NEAR failed: %s = %.9g, %s = %.9g, tol %g\n",  \
              __FILE__, __LINE__, #a, a_, #b, b_, (double)(tol));                  \
      hh_test_failures++;                                                          \
    }                                                                              \
  } while (0)

/* print a summary; returns the process exit status (0 when all checks passed) */
int hh_test_done(const char *name);
/* world point w (m) through column-major view v and projection p to pixels (x, y) of a
   W x H target, top-left origin; 0 when w is behind the eye */
int hh_test_project(const float v[16], const float p[16], const double w[3], int W, int H,
                    float *x, float *y);

#endif
