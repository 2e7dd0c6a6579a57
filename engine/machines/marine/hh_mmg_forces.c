/* hh_mmg_forces.c - the MMG standard method's forces and equations of motion
 * (Yasukawa & Yoshimura 2015, sections 2.1-2.4), written from the paper's equations:
 *
 *   hull      X_H = 1/2 rho L d U^2 X'_H(v', r'), Y_H likewise, N_H = 1/2 rho L^2 d U^2 N'_H
 *             X'_H = -R'_0 + X'_vv v'^2 + X'_vr v' r' + X'_rr r'^2 + X'_vvvv v'^4
 *             Y'_H = Y'_v v' + Y'_R r' + Y'_vvv v'^3 + Y'_vvr v'^2 r' + Y'_vrr v' r'^2 + Y'_rrr r'^3
 *             N'_H (same terms as Y'_H)
 *   propeller X_P = (1 - t_P) rho n^2 D_P^4 K_T(J_P), J_P = u (1 - w_P) / (n D_P),
 *             1 - w_P = (1 - w_P0) [1 + (1 - exp(-C_1 |beta_P|)) (C_2 - 1)],
 *             beta_P = beta - x'_P r'
 *   rudder    F_N = 1/2 rho A_R U_R^2 f_alpha sin(alpha_R), alpha_R = delta - atan(v_R / u_R)
 *             u_R = eps u_P sqrt(eta {1 + kappa (sqrt(1 + 8 K_T / (pi J^2)) - 1)}^2 + 1 - eta)
 *             v_R = U gamma_R beta_R, beta_R = beta - l'_R r'
 *             X_R = -(1 - t_R) F_N sin(delta), Y_R = -(1 + a_H) F_N cos(delta),
 *             N_R = -(x_R + a_H x_H) F_N cos(delta)
 *
 * Extensions outside the paper's range (docs/ship.md): the hull polynomial is blended
 * into a strip cross-flow drag model at large drift angle, large r' or near-zero speed
 * (berthing: the polynomial's v'^4 and r'^3 terms are not meant for a ship moving
 * sideways); the propeller race term is written in a form that stays finite at u = 0
 * (bollard pull over the rudder); astern revolutions give a simple astern thrust; the
 * rudder normal force uses the true inflow direction so that it reverses in sternway.
 */
#include "hh_mmg.h"
#include <math.h>

#define PI 3.14159265358979323846
#define XF_STRIPS 16           /* strips of the cross-flow drag integral */
#define ASTERN_KT_FACTOR 0.6   /* astern thrust / bollard thrust ahead at equal |n| */

/* x clamped into [lo, hi] */
static double clampd(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

/* 1 inside the MMG polynomial's range, falling linearly to 0 at twice the drift angle
   and non-dimensional yaw rate of that range (0 when the ship is at rest) */
static double poly_weight(double u, double v, double r, double L) {
  double U = sqrt(u * u + v * v);
  if (U < 1e-6) return 0.0;
  double beta = atan2(fabs(v), u);                 /* 0..pi */
  double rp = fabs(r) * L / U;
  double wb = clampd((70.0 - beta * 180.0 / PI) / 35.0, 0.0, 1.0);
  double wr = clampd((3.0 - rp) / 1.5, 0.0, 1.0);
  return wb * wr;
}

/* MMG hull force (X, Y, N) from the published polynomial */
static void hull_poly(const hh_mmg_hull *h, double u, double v, double r, double F[3]) {
  double U2 = u * u + v * v, U = sqrt(U2);
  double vp = v / U, rp = r * h->L / U;
  double q = 0.5 * h->rho * h->L * h->d * U2;
  F[0] = q * (-h->R_0 + h->X_vv * vp * vp + h->X_vr * vp * rp + h->X_rr * rp * rp +
              h->X_vvvv * vp * vp * vp * vp);
  F[1] = q * (h->Y_v * vp + h->Y_r * rp + h->Y_vvv * vp * vp * vp + h->Y_vvr * vp * vp * rp +
              h->Y_vrr * vp * rp * rp + h->Y_rrr * rp * rp * rp);
  F[2] = q * h->L *
         (h->N_v * vp + h->N_r * rp + h->N_vvv * vp * vp * vp + h->N_vvr * vp * vp * rp +
          h->N_vrr * vp * rp * rp + h->N_rrr * rp * rp * rp);
}

/* low-speed hull force: straight-run resistance on u and strip cross-flow drag on the
   local lateral velocity v + x r along the length */
static void hull_crossflow(const hh_mmg_hull *h, double u, double v, double r, double F[3]) {
  double L = h->L, dx = L / XF_STRIPS;
  F[0] = -0.5 * h->rho * L * h->d * h->R_0 * u * fabs(u);
  F[1] = 0.0;
  F[2] = 0.0;
  for (int i = 0; i < XF_STRIPS; i++) {
    double x = -0.5 * L + (i + 0.5) * dx;
    double vl = v + x * r;
    double dY = -0.5 * h->rho * h->d * h->C_D * fabs(vl) * vl * dx;
    F[1] += dY;
    F[2] += x * dY;
  }
}

/* hull + propeller + rudder force at (u, v, r) with rudder delta and n rev/s */
void hh_mmg_forces(const hh_mmg_hull *h, double u, double v, double r, double delta,
                   double n, double F[3]) {
  const double L = h->L, rho = h->rho, D = h->D_P;
  double U = sqrt(u * u + v * v);
  /* hull */
  double w = poly_weight(u, v, r, L), Fp[3] = {0, 0, 0}, Fc[3] = {0, 0, 0};
  if (w > 0.0) hull_poly(h, u, v, r, Fp);
  if (w < 1.0) hull_crossflow(h, u, v, r, Fc);
  for (int i = 0; i < 3; i++) F[i] = w * Fp[i] + (1.0 - w) * Fc[i];

  /* drift angle and the non-dimensional yaw rate (speed floored: the wake factor
     built from them is bounded anyway) */
  double Uf = U > 1e-3 ? U : 1e-3;
  double beta = atan2(-v, u > 1e-9 ? u : 1e-9);
  double rp = r * L / Uf;

  /* propeller */
  double beta_P = beta - h->x_P * rp;
  double C_2 = beta_P > 0 ? h->C_2p : h->C_2m;
  double one_w = (1.0 - h->w_P0) * (1.0 + (1.0 - exp(-h->C_1 * fabs(beta_P))) * (C_2 - 1.0));
  if (one_w > 1.0) one_w = 1.0;
  double u_P = u * one_w;
  double KT = 0.0, T = 0.0;
  if (n > 1e-9) {
    double J = clampd(u_P / (n * D), -0.5, 1.5);
    KT = h->k0 + h->k1 * J + h->k2 * J * J;
    T = rho * n * n * D * D * D * D * KT;
  } else if (n < -1e-9) {
    T = -ASTERN_KT_FACTOR * rho * n * n * D * D * D * D * h->k0;
  }
  F[0] += (1.0 - h->t_P) * T;

  /* rudder inflow: u_P sqrt(1 + 8 K_T / (pi J^2)) = sqrt(u_P^2 + 8 K_T n^2 D^2 / pi) */
  double u_R;
  if (n > 1e-9 && KT > 0.0) {
    double eta = D / h->H_R;
    double race = sqrt(u_P * u_P + 8.0 * KT * n * n * D * D / PI);
    double a = u_P + h->kappa * (race - u_P);
    u_R = h->eps * sqrt(eta * a * a + (1.0 - eta) * u_P * u_P);
  } else {
    u_R = h->eps * u_P;
  }
  /* U beta_R = U beta - l'_R r L; U beta -> -v pi/2 as u -> 0+ and stays there astern */
  double Ubeta = u > 1e-9 ? U * atan(-v / u) : -v * 0.5 * PI;
  double Ub_R = Ubeta - h->l_R * r * L;
  double v_R = (Ub_R < 0 ? h->gamma_Rm : h->gamma_Rp) * Ub_R;
  double U_R = sqrt(u_R * u_R + v_R * v_R);
  /* U_R^2 sin(delta - atan2(v_R, u_R)) written so it reverses with the inflow */
  double F_N = 0.5 * rho * h->A_R * h->f_alpha * U_R * (u_R * sin(delta) - v_R * cos(delta));
  F[0] += -(1.0 - h->t_R) * F_N * sin(delta);
  F[1] += -(1.0 + h->a_H) * F_N * cos(delta);
  F[2] += -(h->x_R + h->a_H * h->x_H) * L * F_N * cos(delta);
}

/* MMG equations of motion at midship solved for the accelerations */
void hh_mmg_accel(const hh_mmg_hull *h, const double vel[3], const double F[3],
                  double acc[3]) {
  const double L = h->L, q = 0.5 * h->rho * L * L * h->d;
  double m = h->rho * h->volume, mx = h->m_x * q, my = h->m_y * q;
  double Jz = h->J_z * q * L * L, Izg = m * (h->k_zz * L) * (h->k_zz * L);
  double xG = h->x_G, u = vel[0], v = vel[1], r = vel[2];
  /* (m + m_x) du - (m + m_y) v r - x_G m r^2 = X
     (m + m_y) dv + x_G m dr = Y - (m + m_x) u r
     x_G m dv + (I_zG + x_G^2 m + J_z) dr = N - x_G m u r */
  acc[0] = (F[0] + (m + my) * v * r + xG * m * r * r) / (m + mx);
  double a11 = m + my, a12 = xG * m, a22 = Izg + xG * xG * m + Jz;
  double b1 = F[1] - (m + mx) * u * r, b2 = F[2] - xG * m * u * r;
  double det = a11 * a22 - a12 * a12;
  acc[1] = (b1 * a22 - a12 * b2) / det;
  acc[2] = (a11 * b2 - a12 * b1) / det;
}

/* propeller rev/s for surge equilibrium at U (bisection on X = 0) */
double hh_mmg_self_prop(const hh_mmg_hull *h, double U) {
  double lo = 0.0, hi = 1.0, F[3];
  /* grow hi until the ship would accelerate, then bisect X(n) = 0 */
  for (int i = 0; i < 40; i++) {
    hh_mmg_forces(h, U, 0.0, 0.0, 0.0, hi, F);
    if (F[0] > 0.0) break;
    lo = hi;
    hi *= 2.0;
  }
  for (int i = 0; i < 60; i++) {
    double mid = 0.5 * (lo + hi);
    hh_mmg_forces(h, U, 0.0, 0.0, 0.0, mid, F);
    if (F[0] > 0.0) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}
