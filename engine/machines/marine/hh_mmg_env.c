/* hh_mmg_env.c - external forces on the ship besides contacts: bow thruster, tugs and
 * wind, in the MMG body frame (x forward, y starboard, N + turning to starboard).
 *
 * Bow thruster: a lateral force at thruster_x whose effect falls linearly to zero at
 * thruster_cutoff forward speed (tunnel thrusters lose most of their effect above a
 * few knots). Tugs: each pushes (+) or pulls (-) along its body direction at its
 * attachment point. Wind: the tick's true wind (hh_ship_state.wind) made apparent,
 * with an Isherwood-type coefficient set
 * (shapes of Isherwood 1972 for a loaded tanker): C_X = -0.7 cos g on the frontal area,
 * C_Y = -0.9 sin g on the lateral area, C_N = -0.1 sin 2g on lateral area x L, where g
 * is the angle the apparent wind comes from (0 = ahead, + from starboard).
 */
#include "hh_mmg_internal.h"
#include <math.h>

#define WIND_CX 0.7
#define WIND_CY 0.9
#define WIND_CN 0.1

/* add a world force at a world point to the body force and moment */
void hh_ship_add_world_force(const double q[HH_Q_N], double fx, double fy, double px,
                             double py, double F[3]) {
  double c = cos(q[HH_Q_PSI]), s = sin(q[HH_Q_PSI]);
  double bx = fx * c + fy * s, by = fx * s - fy * c;      /* body, y starboard */
  double dx = px - q[HH_Q_X], dy = py - q[HH_Q_Y];
  double xb = dx * c + dy * s, yb = dx * s - dy * c;      /* lever arm in the body */
  F[0] += bx;
  F[1] += by;
  F[2] += xb * by - yb * bx;
}

/* ground velocity of a hull point */
void hh_ship_point_vel(const hh_ship_params *p, const double q[HH_Q_N], double px,
                       double py, double vel[2]) {
  double c = cos(q[HH_Q_PSI]), s = sin(q[HH_Q_PSI]);
  double u = q[HH_Q_U], v = q[HH_Q_V], r = q[HH_Q_R];
  double dx = px - q[HH_Q_X], dy = py - q[HH_Q_Y];
  /* heading rate is -r (r turns to starboard, psi is counter-clockwise) */
  vel[0] = u * c + v * s + p->current[0] + r * dy;
  vel[1] = u * s - v * c + p->current[1] - r * dx;
}

/* bow thruster, tug and wind forces (body frame) */
void hh_ship_env_force(const hh_ship_params *p, const hh_ship_state *s,
                       const double q[HH_Q_N], double F[3]) {
  const hh_mmg_hull *h = &p->hull;
  /* bow thruster */
  if (p->thruster_force > 0.0) {
    double eff = 1.0;
    if (p->thruster_cutoff > 0.0) {
      eff = 1.0 - fabs(q[HH_Q_U]) / p->thruster_cutoff;
      if (eff < 0.0) eff = 0.0;
    }
    double fy = eff * s->thrust_bt;
    F[1] += fy;
    F[2] += p->thruster_x * fy;
  }
  /* tugs */
  for (int i = 0; i < p->n_tugs; i++) {
    const hh_ship_tug *t = &p->tug[i];
    double fx = s->tug_force[i] * cos(t->dir), fy = s->tug_force[i] * sin(t->dir);
    F[0] += fx;
    F[1] += fy;
    F[2] += t->at[0] * fy - t->at[1] * fx;
  }
  /* wind: apparent wind = true wind - ship velocity over ground, in the body */
  if (s->wind[0] != 0.0 || s->wind[1] != 0.0) {
    double c = cos(q[HH_Q_PSI]), sn = sin(q[HH_Q_PSI]);
    double vg[2];
    hh_ship_point_vel(p, q, q[HH_Q_X], q[HH_Q_Y], vg);
    double wx = s->wind[0] - vg[0];
    double wy = s->wind[1] - vg[1];
    double ax = wx * c + wy * sn, ay = wx * sn - wy * c;  /* air velocity, body */
    double V2 = ax * ax + ay * ay;
    if (V2 > 1e-12) {
      double g = atan2(-ay, -ax);                          /* where it comes from */
      double qa = 0.5 * p->air_rho * V2;
      F[0] += qa * h->A_F * (-WIND_CX * cos(g));
      F[1] += qa * h->A_L * (-WIND_CY * sin(g));
      F[2] += qa * h->A_L * h->L * (-WIND_CN * sin(2.0 * g));
    }
  }
}
