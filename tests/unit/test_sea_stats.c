/* test_sea_stats.c - the seeded irregular sea: a 3-hour elevation record of the
 * sampled JONSWAP sea gives Hs (4 x standard deviation) and Tp (peak of a Welch
 * spectrum) within 5% of the request; the same seed gives the same sea, another seed
 * another one; sea state presets and bad parameters. */
#include "hh_test.h"
#include "machines/marine/hh_marine.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PI 3.14159265358979323846
#define DT 0.5          /* s between samples */
#define NSEG 1024       /* samples per Welch segment (512 s) */
#define NREC (NSEG * 21)/* 10752 s: about 3 hours */

static hh_sea_params sea, other;

/* Hs and Tp of an elevation record e[0..n) sampled every DT */
static void measure(const double *e, int n, double *hs, double *tp) {
  double mean = 0, var = 0;
  for (int i = 0; i < n; i++) mean += e[i];
  mean /= n;
  for (int i = 0; i < n; i++) var += (e[i] - mean) * (e[i] - mean);
  *hs = 4.0 * sqrt(var / n);
  /* Welch: Hann-windowed segments, half overlap, DFT at bins 0.03..0.5 Hz */
  int k0 = (int)(0.03 * NSEG * DT), k1 = (int)(0.5 * NSEG * DT);
  double *S = calloc((size_t)k1 + 1, sizeof *S);
  for (int s0 = 0; s0 + NSEG <= n; s0 += NSEG / 2)
    for (int k = k0; k <= k1; k++) {
      double re = 0, im = 0;
      for (int j = 0; j < NSEG; j++) {
        double w = 0.5 - 0.5 * cos(2 * PI * j / NSEG), a = 2 * PI * k * j / NSEG;
        re += w * (e[s0 + j] - mean) * cos(a);
        im -= w * (e[s0 + j] - mean) * sin(a);
      }
      S[k] += re * re + im * im;
    }
  /* smooth over +-3 bins, then the peak with a parabola through its neighbours */
  int best = k0 + 3;
  double bv = -1, sm[2048];
  for (int k = k0 + 3; k <= k1 - 3; k++) {
    double a = 0;
    for (int j = -3; j <= 3; j++) a += S[k + j];
    sm[k] = a;
    if (a > bv) { bv = a; best = k; }
  }
  double y0 = sm[best - 1], y1 = sm[best], y2 = sm[best + 1];
  double den = y0 - 2 * y1 + y2, off = den != 0 ? 0.5 * (y0 - y2) / den : 0;
  *tp = (NSEG * DT) / (best + off);
  free(S);
}

/* Hs and Tp of a sea requested as hs, tp with components n and seed */
static void check_sea(double hs, double tp, int n, uint32_t seed) {
  memset(&sea, 0, sizeof sea);
  sea.hs = hs;
  sea.tp = tp;
  sea.n_waves = n;
  hh_error err = {0};
  CHECK(hh_sea_build(&sea, 9.81, seed, "test", &err) == HH_OK);
  CHECK(sea.n == n);
  static double e[NREC];
  for (int i = 0; i < NREC; i++) e[i] = hh_sea_elevation(&sea, 3.0, -7.0, i * DT);
  double mhs, mtp;
  measure(e, NREC, &mhs, &mtp);
  printf("sea Hs %.2f m Tp %.1f s (%d components, seed %u): measured Hs %.3f m (%+.1f%%), "
         "Tp %.2f s (%+.1f%%)\n", hs, tp, n, seed, mhs, 100 * (mhs / hs - 1), mtp,
         100 * (mtp / tp - 1));
  CHECK(fabs(mhs / hs - 1) < 0.05);
  CHECK(fabs(mtp / tp - 1) < 0.05);
}

int main(void) {
  check_sea(2.0, 8.0, 256, 7);
  check_sea(4.0, 11.0, 1024, 3);
  check_sea(1.0, 6.0, 64, 11);

  /* same seed, same sea; another seed, another sea */
  hh_error err = {0};
  memset(&other, 0, sizeof other);
  other.hs = 1.0; other.tp = 6.0; other.n_waves = 64;
  CHECK(hh_sea_build(&other, 9.81, 11, "test", &err) == HH_OK);
  CHECK(hh_sea_elevation(&other, 1, 2, 33.3) == hh_sea_elevation(&sea, 1, 2, 33.3));
  CHECK(hh_sea_build(&other, 9.81, 12, "test", &err) == HH_OK);
  CHECK(hh_sea_elevation(&other, 1, 2, 33.3) != hh_sea_elevation(&sea, 1, 2, 33.3));

  /* deep-water orbital velocity: vertical amplitude at the surface = a w for one wave */
  memset(&other, 0, sizeof other);
  other.hs = 1.0; other.tp = 8.0; other.n_waves = 1;
  CHECK(hh_sea_build(&other, 9.81, 1, "test", &err) == HH_OK);
  double vmax = 0, v[3];
  for (int i = 0; i < 400; i++) {
    hh_sea_velocity(&other, 0, 0, 0, i * 0.05, v);
    if (fabs(v[2]) > vmax) vmax = fabs(v[2]);
  }
  CHECK_NEAR(vmax, other.amp[0] * other.omega[0], 0.01 * vmax);
  hh_sea_velocity(&other, 0, 0, -50, 0.0, v); /* decays with depth as e^{kz} */
  CHECK(fabs(v[0]) + fabs(v[2]) < other.amp[0] * other.omega[0] * exp(-other.k[0] * 50) * 1.5);

  /* presets 1..6 map to their WMO bands */
  for (int code = 1; code <= 6; code++) {
    double hs, tp;
    CHECK(hh_sea_state_preset(code, &hs, &tp) == 0);
    CHECK(hh_sea_state_code(hs) == code);
    CHECK(tp > 1.0 && tp < 15.0);
  }
  CHECK(hh_sea_state_preset(12, &(double){0}, &(double){0}) == -1);

  /* bad input is refused */
  memset(&other, 0, sizeof other);
  other.hs = -1.0; other.tp = 8.0;
  CHECK(hh_sea_build(&other, 9.81, 1, "x.lua", &err) == HH_E_SCRIPT_FIELD);
  CHECK(strstr(err.text, "negative") != NULL);
  other.hs = 2.0; other.n_waves = 5000;
  CHECK(hh_sea_build(&other, 9.81, 1, "x.lua", &err) == HH_E_SCRIPT_FIELD);
  return hh_test_done("sea_stats");
}
