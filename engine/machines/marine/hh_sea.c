/* hh_sea.c - seeded irregular sea: JONSWAP spectrum sampled into wave components at
 * load time; linear (Airy) deep-water elevation and orbital velocity at any point. */
#include "hh_marine.h"
#include "../../core/hh_i18n.h"
#include "hh_marine_rng.h"
#include <math.h>

#define PI 3.14159265358979323846

/* representative Hs (m) of WMO sea state codes 0..9 (middle of each band) */
static const double state_hs[10] = {0.0, 0.05, 0.3, 0.875, 1.875, 3.25, 5.0, 7.5, 11.5, 15.0};

int hh_sea_state_preset(int code, double *hs, double *tp) {
  if (code < 0 || code > 9) return -1;
  *hs = state_hs[code];
  double t = sqrt(20.0 * *hs); /* DNV-RP-C205 range sqrt(13 Hs)..sqrt(30 Hs): middle */
  *tp = t < 2.0 ? 2.0 : t;
  return 0;
}

int hh_sea_state_code(double hs) {
  static const double upper[9] = {0.0, 0.1, 0.5, 1.25, 2.5, 4.0, 6.0, 9.0, 14.0};
  for (int i = 0; i < 9; i++)
    if (hs <= upper[i]) return i;
  return 9;
}

/* JONSWAP spectral density shape (m^2 s, unnormalised) at circular frequency w */
static double jonswap(double w, double wp, double gamma) {
  double r = wp / w, r4 = r * r * r * r;
  double pm = pow(w, -5.0) * exp(-1.25 * r4);
  double sig = w <= wp ? 0.07 : 0.09;
  double x = (w - wp) / (sig * wp);
  return pm * pow(gamma, exp(-0.5 * x * x));
}

/* a direction drawn from the cos^(2s) spreading about mean (rejection sampling) */
static double spread_dir(double mean, double s, uint64_t *rng) {
  if (!(s > 0)) return mean;
  for (int i = 0; i < 1000; i++) {
    double a = (hh_mrng_unit(rng) - 0.5) * PI;
    if (hh_mrng_unit(rng) <= pow(cos(a), 2.0 * s)) return mean + a;
  }
  return mean;
}

int hh_sea_build(hh_sea_params *s, double g, uint32_t seed, const char *src, hh_error *err) {
  const char *bad = NULL;
  if (s->sea_state) {
    if (s->sea_state < 0 || s->sea_state > 9 || hh_sea_state_preset(s->sea_state, &s->hs, &s->tp))
      bad = hh_tr("sea.state must be a WMO sea state code 0..9");
  }
  if (!bad && !(s->hs >= 0)) bad = hh_tr("sea.hs (significant wave height) must not be negative");
  if (!bad && s->hs > 0 && !(s->tp > 1.0 && s->tp < 30.0)) bad = hh_tr("sea.tp must be in 1..30 s");
  if (!bad && s->gamma == 0) s->gamma = 3.3;
  if (!bad && !(s->gamma >= 1.0 && s->gamma <= 10.0)) bad = hh_tr("sea.gamma must be in 1..10");
  if (!bad && s->n_waves == 0) s->n_waves = 256;
  if (!bad && (s->n_waves < 1 || s->n_waves > HH_SEA_MAX_WAVES)) bad = hh_tr("sea.components must be in 1..1024");
  if (!bad && !(s->spread_s >= 0 && s->spread_s <= 100)) bad = hh_tr("sea.spread must be in 0..100");
  if (bad) return hh_error_set(err, HH_E_SCRIPT_FIELD, src, 0, 0, "%s", bad);
  s->n = 0;
  if (s->hs == 0) return HH_OK; /* calm */
  uint64_t rng = 0x5EA5EA5EULL ^ ((uint64_t)seed << 17);
  double wp = 2.0 * PI / s->tp, w0 = 0.5 * wp, w1 = 4.0 * wp;
  int n = s->n_waves;
  double dw = (w1 - w0) / n, m0 = 0;
  for (int i = 0; i < n; i++) {
    /* one component per equal band, at a random frequency inside it (no repeat period) */
    double w = w0 + (i + hh_mrng_unit(&rng)) * dw;
    double dir = spread_dir(s->dir, s->spread_s, &rng);
    double S = jonswap(w, wp, s->gamma);
    s->amp[i] = sqrt(2.0 * S * dw);
    s->omega[i] = w;
    s->k[i] = w * w / g;
    s->kx[i] = s->k[i] * cos(dir);
    s->ky[i] = s->k[i] * sin(dir);
    s->phase[i] = 2.0 * PI * hh_mrng_unit(&rng);
    m0 += 0.5 * s->amp[i] * s->amp[i];
  }
  /* scale so the sampled band carries exactly Hs = 4 sqrt(m0) */
  double scale = (s->hs / 4.0) / sqrt(m0);
  for (int i = 0; i < n; i++) s->amp[i] *= scale;
  s->n = n;
  return HH_OK;
}

double hh_sea_elevation(const hh_sea_params *s, double x, double y, double t) {
  double e = 0;
  for (int i = 0; i < s->n; i++)
    e += s->amp[i] * cos(s->kx[i] * x + s->ky[i] * y - s->omega[i] * t + s->phase[i]);
  return e;
}

void hh_sea_velocity(const hh_sea_params *s, double x, double y, double z, double t, double v[3]) {
  double zz = z - s->level;
  if (zz > 0) zz = 0;
  v[0] = v[1] = v[2] = 0;
  for (int i = 0; i < s->n; i++) {
    double th = s->kx[i] * x + s->ky[i] * y - s->omega[i] * t + s->phase[i];
    double a = s->amp[i] * s->omega[i] * exp(s->k[i] * zz);
    double c = cos(th), sn = sin(th);
    double kh = a * c / s->k[i];
    v[0] += kh * s->kx[i];
    v[1] += kh * s->ky[i];
    v[2] += a * sn;
  }
}
