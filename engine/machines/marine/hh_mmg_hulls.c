/* hh_mmg_hulls.c - the table of published hull coefficients the Lua API `ship{hull=}`
 * looks up by name.
 *
 * KVLCC2 (L = 320 m): principal particulars and every MMG coefficient from
 * Yasukawa H., Yoshimura Y. (2015) "Introduction of MMG standard method for ship
 * maneuvering predictions", J. Mar. Sci. Technol. 20:37-52, Tables 1 to 3 (hull
 * derivatives from captive model tests; propeller and rudder interaction
 * coefficients). Checked 2026-11-28 digit for digit against two independent
 * transcriptions of those tables (docs/ship.md, "Sources of the coefficients"):
 * nothing differed, so no value was changed. The approach speed (15.5 kn, Fn 0.142),
 * the propeller at the self-propulsion revolutions and the steering gear at 2.32 deg/s
 * full scale are the SIMMAN 2020 case 1.2 conditions (simman2020.kr, test_case_1.2).
 * The wake fraction and R'_0 are the model's (the manoeuvres we validate against are
 * free-running model tests; the paper's full-scale w_P0 would be 0.35). The low-speed
 * cross-flow drag C_D and the windage areas are ours (docs/ship.md).
 * "kvlcc2_l7" is the same hull at the 7 m model scale of those tests.
 */
#include "hh_mmg.h"
#include <string.h>

#define DEG (3.14159265358979323846 / 180.0)
#define KNOT 0.514444

/* the KVLCC2 coefficients at length L (geometry scales with L / 320, speeds and
   rates by Froude similarity; the non-dimensional coefficients do not change) */
#define KVLCC2(NAME, SCALE, SQRT_SCALE, RHO)                                             \
  {                                                                                      \
    .name = NAME, .source = "Yasukawa & Yoshimura 2015, J Mar Sci Technol 20:37-52",      \
    /* Table 1: principal particulars (full scale) */                                    \
    .L = 320.0 * (SCALE), .B = 58.0 * (SCALE), .d = 20.8 * (SCALE),                      \
    .volume = 312600.0 * (SCALE) * (SCALE) * (SCALE), .x_G = 11.2 * (SCALE),             \
    /* k_zz: the paper's yaw radius of gyration 0.25 L (SIMMAN: 0.24 L in air) */        \
    .rho = RHO, .k_zz = 0.25,                                                            \
    /* Table 3: added masses and hull derivatives; R'_0 of the model (the paper) */      \
    .m_x = 0.022, .m_y = 0.223, .J_z = 0.011,                                            \
    .R_0 = 0.022, .X_vv = -0.040, .X_vr = 0.002, .X_rr = 0.011, .X_vvvv = 0.771,         \
    .Y_v = -0.315, .Y_r = 0.083, .Y_vvv = -1.607, .Y_vvr = 0.379, .Y_vrr = -0.391,       \
    .Y_rrr = 0.008,                                                                      \
    .N_v = -0.137, .N_r = -0.049, .N_vvv = -0.030, .N_vvr = -0.294, .N_vrr = 0.055,      \
    .N_rrr = -0.013,                                                                     \
    /* propeller: D_P (Table 1); t_P, C_1, C_2 for beta_P > 0 / < 0 (Table 3); x'_P,  \
       w_P0 (model scale) and the open-water K_T = k0 + k1 J + k2 J^2 (the paper) */     \
    .D_P = 9.86 * (SCALE), .x_P = -0.48, .t_P = 0.220, .w_P0 = 0.40,                     \
    .k0 = 0.2931, .k1 = -0.2753, .k2 = -0.1385, .C_1 = 2.0, .C_2p = 1.6, .C_2m = 1.1,    \
    /* rudder: A_R, H_R (Table 1), t_R, a_H, x'_H, x'_R, gamma_R for beta_R < 0 / > 0,  \
       l'_R, epsilon, kappa, f_alpha (Table 3); C_D is ours (low-speed extension) */     \
    .A_R = 112.5 * (SCALE) * (SCALE), .H_R = 15.80 * (SCALE),                            \
    .t_R = 0.387, .a_H = 0.312, .x_H = -0.464, .x_R = -0.5,                              \
    .gamma_Rm = 0.395, .gamma_Rp = 0.640, .l_R = -0.710, .eps = 1.09, .kappa = 0.50,     \
    .f_alpha = 2.747, .C_D = 1.2,                                                        \
    /* SIMMAN 2020 case 1.2: 15.5 kn approach, rudder 2.32 deg/s full scale */           \
    .U0 = 15.5 * KNOT * (SQRT_SCALE),                                                    \
    .delta_max = 35.0 * DEG, .delta_rate = 2.32 * DEG / (SQRT_SCALE),                    \
    /* windage: ours (loaded VLCC, accommodation aft) */                                 \
    .A_F = 1150.0 * (SCALE) * (SCALE), .A_L = 4000.0 * (SCALE) * (SCALE),                \
  }

static const hh_mmg_hull HULLS[] = {
    KVLCC2("kvlcc2", 1.0, 1.0, 1025.0),
    KVLCC2("kvlcc2_l7", 7.0 / 320.0, 0.14790199, 1000.0),
};
#define N_HULLS (int)(sizeof HULLS / sizeof HULLS[0])

/* the hull of the table with this name, or NULL */
const hh_mmg_hull *hh_mmg_hull_find(const char *name) {
  for (int i = 0; i < N_HULLS; i++)
    if (strcmp(HULLS[i].name, name) == 0) return &HULLS[i];
  return NULL;
}

/* the names of the hull table, for messages */
const char *hh_mmg_hull_names(void) { return "kvlcc2, kvlcc2_l7"; }
