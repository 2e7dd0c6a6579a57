/* test_mmg_manoeuvres.c - validation of the MMG model (engine/machines/marine) with the
 * KVLCC2 coefficients of Yasukawa & Yoshimura 2015: the 35 deg turning circles and the
 * 10/10 and 20/20 zig-zag tests to both sides at the 15.5 kn approach speed, deep water.
 *
 * Checked against
 *  1. IMO MSC.137(76) Standards for ship manoeuvrability, 5.1: advance < 4.5 L,
 *     tactical diameter < 5 L; 10/10 first overshoot < 10 deg (L/V < 10 s),
 *     5 + 0.5 L/V (10..30 s), 20 deg (>= 30 s); 10/10 second overshoot 25 / 17.5 +
 *     0.75 L/V / 40 deg; 20/20 first overshoot <= 25 deg.
 *  2. The published KVLCC2 figures (REF_* below, REF_VERIFIED 1) within 10 %:
 *     the 35 deg port turn against the SIMMAN 2008 free-running model test (MARIN),
 *     and every index against the published MMG (system-based) simulation with the
 *     Yasukawa & Yoshimura coefficients. The free-running zig-zag overshoots are
 *     printed beside ours but not asserted: the published MMG simulation itself is
 *     25-40 % below them for 10/10 and +20/20 (docs/ship.md, "Validation").
 *  3. Froude similarity: the 7 m model (kvlcc2_l7) gives the same advance, tactical
 *     diameter and overshoots as the 320 m ship (checks every scaled quantity).
 *  4. A regression baseline of our own figures (BASE_*, +-3 %) so that a change to
 *     the model shows up here.
 * Procedures (MSC.137(76) / MSC/Circ.1053, SIMMAN 2020 case 1.2): approach at steady
 * speed with the propeller at the self-propulsion revolutions, held; rudder at
 * 2.32 deg/s; advance / tactical diameter measured at 90 / 180 deg heading change
 * from the rudder order; "+" = starboard first, "-" = port first.
 */
#include "hh_test.h"
#include "../../engine/machines/marine/hh_mmg.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#define DEG (3.14159265358979323846 / 180.0)
#define DT 0.05  /* s: full-scale RK4 step of the validation runs, Froude-scaled for
                    the model (the machine uses 1/120 s) */

/* Published KVLCC2 figures, from
     In-Tae Kim et al. (2021) "Estimation of the manoeuvrability of the KVLCC2 in calm
     water using free running simulation based on CFD", Int. J. Nav. Archit. Ocean
     Eng. 13:466-477, doi:10.1016/j.ijnaoe.2021.05.004, Table 7 (zig-zag overshoots,
     p. 475) and Table 8 (turning indices, p. 476): "EFD" = the SIMMAN 2008 free-running
     model tests (MARIN, L = 7 m, Fn 0.142), "system-based" = their MMG simulation with
     the Yasukawa & Yoshimura 2015 coefficients (their Table 4).
   read from the transcription of those tables in github.com/jer-j/MarineHydro.jl,
   validation/kvlcc2_maneuvering/reference.toml, commit
   f1af1ff1518a3fce7ca9ecdd0f84b7a9ed3591f1 (keys efd_*, system_based_*).
   The EFD values agree with a second, independent transcription of Yasukawa &
   Yoshimura 2015's own comparison table (docs/ship.md). */
#define REF_VERIFIED 1
/* 35 deg turn to port (the SIMMAN turning case), advance and tactical diameter / L */
#define REF_EFD_ADV_P 3.11
#define REF_EFD_TAC_P 3.08
#define REF_MMG_ADV_P 3.06
#define REF_MMG_TAC_P 3.05
/* zig-zag overshoots (deg): published MMG simulation */
#define REF_MMG_Z10S_1 5.0    /* +10/+10 first, second */
#define REF_MMG_Z10S_2 14.0
#define REF_MMG_Z10P_1 7.2    /* -10/-10 first, second */
#define REF_MMG_Z10P_2 9.1
#define REF_MMG_Z20S_1 10.4   /* +20/+20 first */
#define REF_MMG_Z20P_1 13.9   /* -20/-20 first */
/* zig-zag overshoots (deg): free-running model test (printed, not asserted) */
#define REF_EFD_Z10S_1 8.2
#define REF_EFD_Z10S_2 21.9
#define REF_EFD_Z10P_1 9.5
#define REF_EFD_Z10P_2 15.0
#define REF_EFD_Z20S_1 13.7
#define REF_EFD_Z20P_1 15.1

/* our own figures (regression baseline, not validation; 2026-11-28) */
#define BASE_ADVANCE_L 3.08
#define BASE_TACTICAL_L 3.11
#define BASE_ADVANCE_P_L 3.09
#define BASE_TACTICAL_P_L 3.10
#define BASE_ZZ10_OS1 5.01
#define BASE_ZZ10_OS2 13.97
#define BASE_ZZ20_OS1 10.63
#define BASE_ZZ10P_OS1 7.15
#define BASE_ZZ10P_OS2 8.97
#define BASE_ZZ20P_OS1 13.88

/* ship at the approach speed with the engine at its self-propulsion revolutions */
static void start(const hh_mmg_hull *h, hh_ship_params *p, hh_ship_state *s) {
  hh_ship_defaults(p, h);
  hh_ship_reset(p, s);
}

/* heading change to starboard since the start (deg, unwrapped) */
static double dev_deg(const hh_ship_state *s) { return -s->psi / DEG; }

/* 35 deg turn to starboard (side +1) or port (-1): advance and tactical diameter (m) */
static void turning_side(const hh_mmg_hull *h, double side, double *adv, double *tac,
                         double *speed_ratio) {
  hh_ship_params p;
  hh_ship_state s;
  start(h, &p, &s);
  double dt = DT * sqrt(h->L / 320.0), tmax = 4000.0 * sqrt(h->L / 320.0);
  hh_ship_cmd c = {.delta = side * 35.0 * DEG, .n = s.n};
  *adv = *tac = -1;
  for (double t = 0; t < tmax; t += dt) {
    hh_ship_actuate(&p, &s, &c, dt);
    hh_ship_integrate(&p, NULL, &s, dt);
    double dv = side * dev_deg(&s);
    if (*adv < 0 && dv >= 90.0) *adv = s.x;
    if (*tac < 0 && dv >= 180.0) {
      *tac = -side * s.y;
      *speed_ratio = sqrt(s.u * s.u + s.v * s.v) / h->U0;
      break;
    }
  }
}

/* 35 deg turn to starboard */
static void turning(const hh_mmg_hull *h, double *adv, double *tac, double *speed_ratio) {
  turning_side(h, 1.0, adv, tac, speed_ratio);
}

/* initial turning: distance run (m) when 10 deg rudder has changed the heading 10 deg */
static double initial_turning(const hh_mmg_hull *h) {
  hh_ship_params p;
  hh_ship_state s;
  start(h, &p, &s);
  hh_ship_cmd c = {.delta = 10.0 * DEG, .n = s.n};
  double dist = 0, dt = DT * sqrt(h->L / 320.0);
  for (int i = 0; i < 100000 && dev_deg(&s) < 10.0; i++) {
    hh_ship_actuate(&p, &s, &c, dt);
    hh_ship_integrate(&p, NULL, &s, dt);
    dist += hypot(s.sog[0], s.sog[1]) * dt;
  }
  return dist;
}

/* zig-zag a/a, starboard first (side +1) or port first (-1): first and second
   overshoot angles (deg) */
static void zigzag(const hh_mmg_hull *h, double a, double side, double *os1, double *os2) {
  hh_ship_params p;
  hh_ship_state s;
  start(h, &p, &s);
  double dt = DT * sqrt(h->L / 320.0), tmax = 3000.0 * sqrt(h->L / 320.0);
  hh_ship_cmd c = {.delta = side * a * DEG, .n = s.n};
  int execs = 1;
  double peak = 0;
  *os1 = *os2 = -1;
  for (double t = 0; t < tmax && *os2 < 0; t += dt) {
    hh_ship_actuate(&p, &s, &c, dt);
    hh_ship_integrate(&p, NULL, &s, dt);
    double dv = side * dev_deg(&s);   /* heading change toward the first side */
    if (execs == 1 && dv >= a) { c.delta = -side * a * DEG; execs = 2; peak = dv; }
    else if (execs == 2) {
      if (dv > peak) peak = dv;
      if (dv <= -a) { *os1 = peak - a; c.delta = side * a * DEG; execs = 3; peak = dv; }
    } else if (execs == 3) {
      if (dv < peak) peak = dv;
      if (dv >= a) { *os2 = -peak - a; }
    }
  }
}

/* the IMO 10/10 first and second overshoot limits for L/V (s) */
static void imo_limits(double lv, double *os1, double *os2) {
  *os1 = lv < 10 ? 10 : lv >= 30 ? 20 : 5 + 0.5 * lv;
  *os2 = lv < 10 ? 25 : lv >= 30 ? 40 : 17.5 + 0.75 * lv;
}

/* one row of the comparison table: ours, published MMG simulation, free-running test
   (a negative reference prints as "-"), IMO limit */
static void row(const char *what, double ours, double mmg, double efd, double imo) {
  char b[3][16];
  const double v[3] = {mmg, efd, imo};
  for (int i = 0; i < 3; i++) {
    if (v[i] < 0) snprintf(b[i], sizeof b[i], "-");
    else snprintf(b[i], sizeof b[i], "%.2f", v[i]);
  }
  printf("%-38s %7.2f %7s %7s %7s\n", what, ours, b[0], b[1], b[2]);
}

/* |ours / ref - 1| within 10 % */
static int within10(double ours, double ref) { return fabs(ours / ref - 1.0) <= 0.10; }

int main(void) {
  const hh_mmg_hull *h = hh_mmg_hull_find("kvlcc2");
  CHECK(h != NULL);
  if (!h) return hh_test_done("mmg_manoeuvres");
  CHECK(hh_mmg_hull_find("no_such_hull") == NULL);
  double L = h->L, lv = L / h->U0;

  double n0 = hh_mmg_self_prop(h, h->U0);
  printf("KVLCC2: L %.0f m, U0 %.3f m/s, L/V %.1f s, self-propulsion %.3f rev/s\n", L, h->U0,
         lv, n0);
  CHECK(n0 > 0.5 && n0 < 3.0);

  /* straight run holds its speed at the self-propulsion point */
  {
    hh_ship_params p;
    hh_ship_state s;
    start(h, &p, &s);
    hh_ship_cmd c = {.delta = 0, .n = s.n};
    for (int i = 0; i < 2000; i++) {
      hh_ship_actuate(&p, &s, &c, DT);
      hh_ship_integrate(&p, NULL, &s, DT);
    }
    CHECK_NEAR(s.u, h->U0, 1e-3 * h->U0);
    CHECK_NEAR(s.psi, 0.0, 1e-9);
  }

  double adv, tac, sr = 0;
  turning(h, &adv, &tac, &sr);
  double adv_p, tac_p, sr_p = 0;
  turning_side(h, -1.0, &adv_p, &tac_p, &sr_p);
  double init10 = initial_turning(h);
  double z10a, z10b, z20a, z20b, p10a, p10b, p20a, p20b;
  zigzag(h, 10.0, 1.0, &z10a, &z10b);
  zigzag(h, 20.0, 1.0, &z20a, &z20b);
  zigzag(h, 10.0, -1.0, &p10a, &p10b);
  zigzag(h, 20.0, -1.0, &p20a, &p20b);
  double lim1, lim2;
  imo_limits(lv, &lim1, &lim2);

  printf("%-38s %7s %7s %7s %7s\n", "", "ours", "MMG", "EFD", "IMO");
  row("+35 turn: advance / L", adv / L, -1, -1, 4.5);
  row("+35 turn: tactical diameter / L", tac / L, -1, -1, 5.0);
  row("-35 turn: advance / L", adv_p / L, REF_MMG_ADV_P, REF_EFD_ADV_P, 4.5);
  row("-35 turn: tactical diameter / L", tac_p / L, REF_MMG_TAC_P, REF_EFD_TAC_P, 5.0);
  row("+35 turn: speed at 180 deg / U0", sr, -1, -1, -1);
  row("10 deg initial turning: run / L", init10 / L, -1, -1, 2.5);
  row("+10/+10: 1st overshoot (deg)", z10a, REF_MMG_Z10S_1, REF_EFD_Z10S_1, lim1);
  row("+10/+10: 2nd overshoot (deg)", z10b, REF_MMG_Z10S_2, REF_EFD_Z10S_2, lim2);
  row("-10/-10: 1st overshoot (deg)", p10a, REF_MMG_Z10P_1, REF_EFD_Z10P_1, lim1);
  row("-10/-10: 2nd overshoot (deg)", p10b, REF_MMG_Z10P_2, REF_EFD_Z10P_2, lim2);
  row("+20/+20: 1st overshoot (deg)", z20a, REF_MMG_Z20S_1, REF_EFD_Z20S_1, 25.0);
  row("+20/+20: 2nd overshoot (deg)", z20b, -1, -1, -1);
  row("-20/-20: 1st overshoot (deg)", p20a, REF_MMG_Z20P_1, REF_EFD_Z20P_1, 25.0);
  printf("MMG = published MMG simulation, EFD = SIMMAN 2008 free-running model test\n"
         "(Kim et al. 2021, Tables 7-8); IMO = MSC.137(76) limit\n");

  /* IMO MSC.137(76) */
  CHECK(adv > 0 && adv < 4.5 * L);
  CHECK(tac > 0 && tac < 5.0 * L);
  CHECK(adv_p > 0 && adv_p < 4.5 * L);
  CHECK(tac_p > 0 && tac_p < 5.0 * L);
  CHECK(init10 > 0 && init10 < 2.5 * L);
  CHECK(z10a > 0 && z10a < lim1);
  CHECK(z10b > 0 && z10b < lim2);
  CHECK(p10a > 0 && p10a < lim1);
  CHECK(p10b > 0 && p10b < lim2);
  CHECK(z20a > 0 && z20a <= 25.0);
  CHECK(p20a > 0 && p20a <= 25.0);
  /* published values within 10 % */
  if (REF_VERIFIED) {
    CHECK(within10(adv_p / L, REF_EFD_ADV_P));   /* free-running model test */
    CHECK(within10(tac_p / L, REF_EFD_TAC_P));
    CHECK(within10(adv_p / L, REF_MMG_ADV_P));   /* published MMG simulation */
    CHECK(within10(tac_p / L, REF_MMG_TAC_P));
    CHECK(within10(z10a, REF_MMG_Z10S_1));
    CHECK(within10(z10b, REF_MMG_Z10S_2));
    CHECK(within10(p10a, REF_MMG_Z10P_1));
    CHECK(within10(p10b, REF_MMG_Z10P_2));
    CHECK(within10(z20a, REF_MMG_Z20S_1));
    CHECK(within10(p20a, REF_MMG_Z20P_1));
  }
  /* free-running overshoots: reported, and the model errs on the same (low) side as the
     published MMG simulation, never above the test (ours <= EFD + 10 %) */
  printf("overshoots against the free-running test (not asserted at 10 %%): "
         "+10 %+.0f%% %+.0f%%, -10 %+.0f%% %+.0f%%, +20 %+.0f%%, -20 %+.0f%%\n",
         100 * (z10a / REF_EFD_Z10S_1 - 1), 100 * (z10b / REF_EFD_Z10S_2 - 1),
         100 * (p10a / REF_EFD_Z10P_1 - 1), 100 * (p10b / REF_EFD_Z10P_2 - 1),
         100 * (z20a / REF_EFD_Z20S_1 - 1), 100 * (p20a / REF_EFD_Z20P_1 - 1));
  CHECK(z10a < 1.1 * REF_EFD_Z10S_1 && p10a < 1.1 * REF_EFD_Z10P_1);
  CHECK(z20a < 1.1 * REF_EFD_Z20S_1 && p20a < 1.1 * REF_EFD_Z20P_1);
  /* regression baseline */
  CHECK_NEAR(adv / L, BASE_ADVANCE_L, 0.03 * BASE_ADVANCE_L);
  CHECK_NEAR(tac / L, BASE_TACTICAL_L, 0.03 * BASE_TACTICAL_L);
  CHECK_NEAR(adv_p / L, BASE_ADVANCE_P_L, 0.03 * BASE_ADVANCE_P_L);
  CHECK_NEAR(tac_p / L, BASE_TACTICAL_P_L, 0.03 * BASE_TACTICAL_P_L);
  CHECK_NEAR(z10a, BASE_ZZ10_OS1, 0.03 * BASE_ZZ10_OS1);
  CHECK_NEAR(z10b, BASE_ZZ10_OS2, 0.03 * BASE_ZZ10_OS2);
  CHECK_NEAR(z20a, BASE_ZZ20_OS1, 0.03 * BASE_ZZ20_OS1);
  CHECK_NEAR(p10a, BASE_ZZ10P_OS1, 0.03 * BASE_ZZ10P_OS1);
  CHECK_NEAR(p10b, BASE_ZZ10P_OS2, 0.03 * BASE_ZZ10P_OS2);
  CHECK_NEAR(p20a, BASE_ZZ20P_OS1, 0.03 * BASE_ZZ20P_OS1);

  /* Froude similarity: the 7 m model gives the same non-dimensional figures */
  const hh_mmg_hull *h7 = hh_mmg_hull_find("kvlcc2_l7");
  CHECK(h7 != NULL);
  if (h7) {
    double adv7, tac7, sr7 = 0, m10a, m10b;
    turning(h7, &adv7, &tac7, &sr7);
    zigzag(h7, 10.0, 1.0, &m10a, &m10b);
    printf("7 m model: advance %.3f L, tactical diameter %.3f L, 10/10 overshoots %.2f %.2f deg\n",
           adv7 / h7->L, tac7 / h7->L, m10a, m10b);
    CHECK_NEAR(adv7 / h7->L, adv / L, 0.01 * adv / L);
    CHECK_NEAR(tac7 / h7->L, tac / L, 0.01 * tac / L);
    CHECK_NEAR(m10a, z10a, 0.2);
    CHECK_NEAR(m10b, z10b, 0.3);
  }
  return hh_test_done("mmg_manoeuvres");
}
