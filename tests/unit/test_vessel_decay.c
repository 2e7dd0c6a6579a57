/* test_vessel_decay.c - the supply vessel's hydrostatics and free decay: at rest in
 * calm water it stays at rest; displaced in heave, roll or pitch it returns and
 * oscillates at the damped natural period computed from its hydrostatics,
 * T = 2 pi sqrt((m + A) / C) / sqrt(1 - zeta^2), with C33 = rho g Awp,
 * C44 = rho g V GM_T, C55 = rho g V GM_L. */
#include "hh_test.h"
#include "machines/marine/hh_marine.h"
#include <math.h>
#include <string.h>

#define PI 3.14159265358979323846
#define G 9.81

static hh_sea_params calm;
static hh_wind_params still;
static hh_vessel_params v;

/* mean period (s) between up-crossings of motion j after displacing it by x0 */
static double decay_period(int j, double x0, double *first_return) {
  double eta[6] = {0}, eta_v[6] = {0}, dt = 1.0 / 60, prev = x0;
  eta[j] = x0;
  double t_first = -1, t_last = -1;
  int n = 0;
  *first_return = 0;
  for (int i = 1; i < 60 * 120; i++) {
    hh_vessel_step(&v, &calm, &still, i * dt, dt, eta, eta_v);
    if (i == 1) *first_return = eta_v[j]; /* the restoring force acts against x0 */
    if (prev < 0 && eta[j] >= 0) { /* up-crossing, interpolated */
      double t = (i - 1 + (-prev) / (eta[j] - prev)) * dt;
      if (t_first < 0) t_first = t;
      else { t_last = t; n++; }
    }
    prev = eta[j];
    if (n == 4) break;
  }
  return n ? (t_last - t_first) / n : 0;
}

int main(void) {
  hh_error err = {0};
  memset(&v, 0, sizeof v);
  strcpy(v.hull, "psv80");
  calm.n_waves = 64; /* hs = 0: calm, no components */
  CHECK(hh_sea_build(&calm, G, 1, "t", &err) == HH_OK);
  CHECK(hh_wind_build(&still, 1, "t", &err) == HH_OK);
  CHECK(hh_vessel_build(&v, &calm, G, "t", &err) == HH_OK);

  /* hydrostatics of the 80 x 18 x 6 m form: between a wedge-bowed and a full box */
  double box = 80.0 * 18.0 * 6.0;
  printf("psv80: volume %.0f m3 (Cb %.3f), Awp %.0f m2, KB %.2f, GM_T %.2f, GM_L %.1f m, "
         "mass %.0f t; periods heave %.2f roll %.2f pitch %.2f s\n",
         v.volume, v.volume / box, v.awp, v.kb, v.gm_t, v.gm_l, v.mass / 1000, v.period[2],
         v.period[3], v.period[4]);
  CHECK(v.volume > 0.8 * box && v.volume < box);
  CHECK_NEAR(v.mass, HH_RHO_WATER * v.volume, 1e-6 * v.mass);
  CHECK(v.gm_t > 0.5 && v.gm_t < 3.0);

  /* at rest in calm water nothing moves */
  double eta[6] = {0}, eta_v[6] = {0};
  for (int i = 0; i < 3600; i++) hh_vessel_step(&v, &calm, &still, i / 60.0, 1.0 / 60, eta, eta_v);
  for (int j = 0; j < 6; j++) CHECK(eta[j] == 0.0 && eta_v[j] == 0.0);

  /* free decay against the hydrostatic periods */
  double c[3] = {HH_RHO_WATER * G * v.awp, HH_RHO_WATER * G * v.volume * v.gm_t,
                 HH_RHO_WATER * G * v.volume * v.gm_l};
  double x0[3] = {0.5, 5.0 * PI / 180, 1.0 * PI / 180};
  const char *name[3] = {"heave", "roll", "pitch"};
  for (int k = 0; k < 3; k++) {
    int j = 2 + k;
    double mass_added = 1.0 / v.minv[j][j]; /* M + A of the uncoupled motion */
    double tn = 2 * PI * sqrt(mass_added / c[k]);
    double td = tn / sqrt(1 - v.zeta[j] * v.zeta[j]);
    double first, t = decay_period(j, x0[k], &first);
    printf("%s decay: period %.3f s, hydrostatic %.3f s (damped %.3f s)\n", name[k], t, tn, td);
    CHECK(first < 0); /* displaced up / heeled: the first motion is back */
    CHECK(fabs(t / td - 1) < 0.02);
    CHECK_NEAR(v.period[j], tn, 1e-9 * tn);
  }
  /* the roll period against the IMO weather criterion (IS Code 2008, 2.3):
     T = 2 C B / sqrt(GM), C = 0.373 + 0.023 B/d - 0.043 L/100 */
  double cimo = 0.373 + 0.023 * v.beam / v.draft - 0.043 * v.length / 100;
  double timo = 2 * cimo * v.beam / sqrt(v.gm_t);
  printf("roll period %.2f s, IMO IS Code estimate %.2f s\n", v.period[3], timo);
  CHECK(fabs(v.period[3] / timo - 1) < 0.10);

  /* unknown hull, unstable vessel */
  hh_vessel_params bad;
  memset(&bad, 0, sizeof bad);
  strcpy(bad.hull, "tanker9");
  CHECK(hh_vessel_build(&bad, &calm, G, "x.lua", &err) == HH_E_SCRIPT_FIELD);
  CHECK(strstr(err.text, "tanker9") != NULL);
  memset(&bad, 0, sizeof bad);
  strcpy(bad.hull, "psv80");
  bad.kg = 12.0;
  CHECK(hh_vessel_build(&bad, &calm, G, "x.lua", &err) == HH_E_SCRIPT_FIELD);
  CHECK(strstr(err.text, "unstable") != NULL);
  return hh_test_done("vessel_decay");
}
