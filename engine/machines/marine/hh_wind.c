/* hh_wind.c - wind: 1-hour mean speed with the NPD (Froya) logarithmic profile and
 * gusts sampled from the NPD (Froya) spectrum at load time (DNV-RP-C205 2.3.4, ISO 19901-1). */
#include "hh_marine.h"
#include "../../core/hh_i18n.h"
#include "hh_marine_rng.h"
#include <math.h>

#define PI 3.14159265358979323846

/* NPD gust spectral density S(f) (m^2/s^2 per Hz) at 10 m for mean speed u0 (m/s) */
static double npd(double f, double u0) {
  double ft = 172.0 * f * pow(u0 / 10.0, -0.75);
  double n = 0.468;
  return 320.0 * (u0 / 10.0) * (u0 / 10.0) / pow(1.0 + pow(ft, n), 5.0 / (3.0 * n));
}

int hh_wind_build(hh_wind_params *w, uint32_t seed, const char *src, hh_error *err) {
  const char *bad = NULL;
  if (!(w->speed >= 0 && w->speed <= 80)) bad = hh_tr("wind.speed must be in 0..80 m/s");
  if (!bad && w->n_gusts == 0) w->n_gusts = 64;
  if (!bad && (w->n_gusts < 1 || w->n_gusts > HH_WIND_MAX_GUSTS)) bad = hh_tr("wind.components must be in 1..256");
  if (bad) return hh_error_set(err, HH_E_SCRIPT_FIELD, src, 0, 0, "%s", bad);
  w->n = 0;
  if (!w->gusts || w->speed <= 0) return HH_OK;
  uint64_t rng = 0x317D317DULL ^ ((uint64_t)seed << 21);
  /* log-spaced bands from 1/1000 Hz to 0.5 Hz, one component per band */
  double lf0 = log(0.001), lf1 = log(0.5), dl = (lf1 - lf0) / w->n_gusts;
  for (int i = 0; i < w->n_gusts; i++) {
    double fa = exp(lf0 + i * dl), fb = exp(lf0 + (i + 1) * dl);
    double f = fa + hh_mrng_unit(&rng) * (fb - fa);
    w->amp[i] = sqrt(2.0 * npd(f, w->speed) * (fb - fa));
    w->omega[i] = 2.0 * PI * f;
    w->phase[i] = 2.0 * PI * hh_mrng_unit(&rng);
  }
  w->n = w->n_gusts;
  return HH_OK;
}

double hh_wind_at(const hh_wind_params *w, double z, double t, double dir_out[3]) {
  if (dir_out) {
    dir_out[0] = cos(w->dir);
    dir_out[1] = sin(w->dir);
    dir_out[2] = 0;
  }
  if (w->speed <= 0) return 0;
  if (z < 1.0) z = 1.0;
  double c = 0.0573 * sqrt(1.0 + 0.148 * w->speed);
  double u = w->speed * (1.0 + c * log(z / 10.0)); /* NPD mean profile */
  double g = 0;
  for (int i = 0; i < w->n; i++) g += w->amp[i] * cos(w->omega[i] * t + w->phase[i]);
  u += g * pow(z / 10.0, 0.225); /* gust standard deviation grows as z^0.225 (NPD) */
  return u > 0 ? u : 0;
}
