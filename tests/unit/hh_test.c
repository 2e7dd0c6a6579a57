/* hh_test.c - test harness summary, and a projection helper for camera tests. */
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

int hh_test_project(const float v[16], const float p[16], const double w[3], int W, int H,
                    float *x, float *y) {
  float e[4], c[4];
  for (int i = 0; i < 4; i++)
    e[i] = v[i] * (float)w[0] + v[4 + i] * (float)w[1] + v[8 + i] * (float)w[2] + v[12 + i];
  for (int i = 0; i < 4; i++) c[i] = p[i] * e[0] + p[4 + i] * e[1] + p[8 + i] * e[2] + p[12 + i] * e[3];
  if (c[3] <= 1e-6f) return 0;
  *x = (c[0] / c[3] * 0.5f + 0.5f) * (float)W;
  *y = (0.5f - c[1] / c[3] * 0.5f) * (float)H;
  return 1;
}
