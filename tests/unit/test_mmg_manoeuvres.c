/* test_mmg_manoeuvres.c - validation of the MMG model (engine/machines/marine) with the
 * KVLCC2 coefficients of Yasukawa & Yoshimura 2015: the 35 deg turning circle and the
 * 10/10 and 20/20 zig-zag tests at the 15.5 kn approach speed, full scale, deep water.
 *
 * Checked against
 *  1. IMO MSC.137(76) Standards for ship manoeuvrability, 5.1: advance < 4.5 L,
 *     tactical diameter < 5 L; 10/10 first overshoot < 10 deg (L/V < 10 s),
 *     5 + 0.5 L/V (10..30 s), 20 deg (>= 30 s); 10/10 second overshoot 25 / 17.5 +
 *     0.75 L/V / 40 deg; 20/20 first overshoot <= 25 deg.
 *  2. The KVLCC2 values published with the MMG standard method (REF_* below) within
 *     10 % - asserted only once REF_VERIFIED is 1: the numbers below were recalled, not
 *     read from the paper (it was not available offline); docs/ship.md says so.
 *  3. Froude similarity: the 7 m model (kvlcc2_l7) gives the same advance, tactical
 *     diameter and overshoots as the 320 m ship (checks every scaled quantity).
 *  4. A regression baseline of our own figures (BASE_*, +-3 %) so that a change to
 *     the model shows up here.
 * Procedures (MSC.137(76) / MSC/Circ.1053): approach at steady speed, engine order
 * held, rudder at 2.32 deg/s; advance / tactical diameter measured at 90 / 180 deg
 * heading change from the rudder order; zig-zag starts to starboard.
 */
#include "hh_test.h"
#include "../../engine/machines/marine/hh_mmg.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#define DEG (3.14159265358979323846 / 180.0)
#define DT 0.05  /* s: full-scale RK4 step of the validation runs, Froude-scaled for
                    the model (the machine uses 1/120 s) */

/* KVLCC2 reference values for Yasukawa & Yoshimura 2015 (simulation / free-running
   model test, 15.5 kn, deep water). UNVERIFIED: recalled, to be replaced by the
   numbers read from the paper, then REF_VERIFIED set to 1 (docs/ship.md).
   Searched 2026-11-28 (stored web pages, docs, code and issue corpora: "KVLCC2 turning
   circle advance tactical diameter", "KVLCC2 zigzag 10/10 overshoot", "MMG standard
   method KVLCC2", "SIMMAN KVLCC2 free running"): neither the paper's table nor the
   SIMMAN 2008/2014 free-running figures were found; only the SIMMAN 2020 case 1.2
   description (simman2020.kr, which gives conditions, not results) and secondary
   repositories quoting unsourced or inconsistent numbers (e.g. "advance ~3.2 L"),
   none trustworthy enough to assert against. */
#define REF_VERIFIED 0
#define REF_ADVANCE_L 3.10       /* 35 deg turn, advance / L */
#define REF_TACTICAL_L 3.30      /* 35 deg turn, tactical diameter / L */
#define REF_ZZ10_OS1 8.0         /* 10/10 zig-zag first overshoot (deg) */
#define REF_ZZ20_OS1 13.5        /* 20/20 zig-zag first overshoot (deg) */

/* our own figures when this test was written (regression baseline, not validation) */
#define BASE_ADVANCE_L 3.08
#define BASE_TACTICAL_L 3.11
#define BASE_ZZ10_OS1 5.01
#define BASE_ZZ10_OS2 13.97
#define BASE_ZZ20_OS1 10.63

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

/* zig-zag a/a to starboard first: first and second overshoot angles (deg) */
static void zigzag(const hh_mmg_hull *h, double a, double *os1, double *os2) {
  hh_ship_params p;
  hh_ship_state s;
  start(h, &p, &s);
  double dt = DT * sqrt(h->L / 320.0), tmax = 3000.0 * sqrt(h->L / 320.0);
  hh_ship_cmd c = {.delta = a * DEG, .n = s.n};
  int execs = 1;
  double peak = 0;
  *os1 = *os2 = -1;
  for (double t = 0; t < tmax && *os2 < 0; t += dt) {
    hh_ship_actuate(&p, &s, &c, dt);
    hh_ship_integrate(&p, NULL, &s, dt);
    double dv = dev_deg(&s);
    if (execs == 1 && dv >= a) { c.delta = -a * DEG; execs = 2; peak = dv; }
    else if (execs == 2) {
      if (dv > peak) peak = dv;
      if (dv <= -a) { *os1 = peak - a; c.delta = a * DEG; execs = 3; peak = dv; }
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
  double z10a, z10b, z20a, z20b;
  zigzag(h, 10.0, &z10a, &z10b);
  zigzag(h, 20.0, &z20a, &z20b);
  double lim1, lim2;
  imo_limits(lv, &lim1, &lim2);

  printf("%-34s %9s %9s %9s\n", "", "ours", REF_VERIFIED ? "published" : "ref(unv.)", "IMO limit");
  printf("%-34s %9.2f %9.2f %9.2f\n", "35 deg turn: advance / L", adv / L, REF_ADVANCE_L, 4.5);
  printf("%-34s %9.2f %9.2f %9.2f\n", "35 deg turn: tactical diameter / L", tac / L,
         REF_TACTICAL_L, 5.0);
  printf("%-34s %9.2f\n", "35 deg turn: speed at 180 deg / U0", sr);
  printf("%-34s %9.2f %9s %9.2f\n", "35 deg port turn: advance / L", adv_p / L, "-", 4.5);
  printf("%-34s %9.2f %9s %9.2f\n", "35 deg port turn: tactical diam. / L", tac_p / L, "-", 5.0);
  printf("%-34s %9.2f %9s %9.2f\n", "10 deg initial turning: run / L", init10 / L, "-", 2.5);
  printf("%-34s %9.2f %9.2f %9.2f\n", "10/10 zig-zag: 1st overshoot (deg)", z10a, REF_ZZ10_OS1,
         lim1);
  printf("%-34s %9.2f %9s %9.2f\n", "10/10 zig-zag: 2nd overshoot (deg)", z10b, "-", lim2);
  printf("%-34s %9.2f %9.2f %9.2f\n", "20/20 zig-zag: 1st overshoot (deg)", z20a, REF_ZZ20_OS1,
         25.0);
  printf("%-34s %9.2f\n", "20/20 zig-zag: 2nd overshoot (deg)", z20b);

  /* IMO MSC.137(76) */
  CHECK(adv > 0 && adv < 4.5 * L);
  CHECK(tac > 0 && tac < 5.0 * L);
  CHECK(adv_p > 0 && adv_p < 4.5 * L);
  CHECK(tac_p > 0 && tac_p < 5.0 * L);
  CHECK(init10 > 0 && init10 < 2.5 * L);
  CHECK(z10a > 0 && z10a < lim1);
  CHECK(z10b > 0 && z10b < lim2);
  CHECK(z20a > 0 && z20a <= 25.0);
  /* published values within 10 % (once verified) */
  if (REF_VERIFIED) {
    CHECK_NEAR(adv / L, REF_ADVANCE_L, 0.10 * REF_ADVANCE_L);
    CHECK_NEAR(tac / L, REF_TACTICAL_L, 0.10 * REF_TACTICAL_L);
    CHECK_NEAR(z10a, REF_ZZ10_OS1, 0.10 * REF_ZZ10_OS1);
    CHECK_NEAR(z20a, REF_ZZ20_OS1, 0.10 * REF_ZZ20_OS1);
  } else {
    printf("published-value comparison NOT asserted: REF_* are recalled, not read from "
           "Yasukawa & Yoshimura 2015 / SIMMAN; no primary source found (docs/ship.md)\n");
  }
  /* regression baseline */
  CHECK_NEAR(adv / L, BASE_ADVANCE_L, 0.03 * BASE_ADVANCE_L);
  CHECK_NEAR(tac / L, BASE_TACTICAL_L, 0.03 * BASE_TACTICAL_L);
  CHECK_NEAR(z10a, BASE_ZZ10_OS1, 0.03 * BASE_ZZ10_OS1);
  CHECK_NEAR(z10b, BASE_ZZ10_OS2, 0.03 * BASE_ZZ10_OS2);
  CHECK_NEAR(z20a, BASE_ZZ20_OS1, 0.03 * BASE_ZZ20_OS1);

  /* Froude similarity: the 7 m model gives the same non-dimensional figures */
  const hh_mmg_hull *h7 = hh_mmg_hull_find("kvlcc2_l7");
  CHECK(h7 != NULL);
  if (h7) {
    double adv7, tac7, sr7 = 0, m10a, m10b;
    turning(h7, &adv7, &tac7, &sr7);
    zigzag(h7, 10.0, &m10a, &m10b);
    printf("7 m model: advance %.3f L, tactical diameter %.3f L, 10/10 overshoots %.2f %.2f deg\n",
           adv7 / h7->L, tac7 / h7->L, m10a, m10b);
    CHECK_NEAR(adv7 / h7->L, adv / L, 0.01 * adv / L);
    CHECK_NEAR(tac7 / h7->L, tac / L, 0.01 * tac / L);
    CHECK_NEAR(m10a, z10a, 0.2);
    CHECK_NEAR(m10b, z10b, 0.3);
  }
  return hh_test_done("mmg_manoeuvres");
}
