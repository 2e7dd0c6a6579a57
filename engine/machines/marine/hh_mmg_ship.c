/* hh_mmg_ship.c - a ship's parameters and start state, its actuators (steering gear,
 * engine, bow thruster, tugs: each follows its order at a fixed rate) and one
 * classical RK4 step of the 6-state motion x, y, psi, u, v, r with the actuators held
 * over the step. u and v are through the water; the current is added to the ground
 * velocity. No allocation; the same inputs give the same bits.
 */
#include "hh_mmg_internal.h"
#include <math.h>
#include <string.h>

/* ship parameters for hull h: engine at self-propulsion at U0, nothing else */
void hh_ship_defaults(hh_ship_params *p, const hh_mmg_hull *h) {
  memset(p, 0, sizeof *p);
  p->hull = *h;
  p->start_speed = h->U0;
  p->start_rps = hh_mmg_self_prop(h, h->U0);
  p->n_max = p->start_rps;
  p->n_rate = p->n_max / 30.0;   /* full ahead from stop in about 30 s */
  p->air_rho = 1.225;
  p->water_z = -3.0;             /* water 3 m below the quay surface, as in the port scenes */
  p->thruster_x = 0.42 * h->L;
  p->thruster_cutoff = 2.5;      /* m/s, ~5 kn */
}

/* put s at the start of p: position, heading, speed, engine, steady wind */
void hh_ship_reset(const hh_ship_params *p, hh_ship_state *s) {
  memset(s, 0, sizeof *s);
  s->x = p->start[0];
  s->y = p->start[1];
  s->psi = p->start[2];
  s->u = p->start_speed;
  s->n = p->start_rps;
  s->wind[0] = p->wind_speed * cos(p->wind_dir);
  s->wind[1] = p->wind_speed * sin(p->wind_dir);
}

/* x moved toward target by at most rate * dt */
static double slew(double x, double target, double rate, double dt) {
  double step = rate * dt;
  if (!(rate > 0.0)) return target;
  if (target > x + step) return x + step;
  if (target < x - step) return x - step;
  return target;
}

/* actuators toward their orders at their rates over dt */
void hh_ship_actuate(const hh_ship_params *p, hh_ship_state *s, const hh_ship_cmd *c,
                     double dt) {
  const hh_mmg_hull *h = &p->hull;
  double dl = c->delta > h->delta_max ? h->delta_max : c->delta < -h->delta_max ? -h->delta_max : c->delta;
  s->delta = slew(s->delta, dl, h->delta_rate, dt);
  double n = c->n > p->n_max ? p->n_max : c->n < -p->n_max ? -p->n_max : c->n;
  s->n = slew(s->n, n, p->n_rate, dt);
  double bt = c->thruster > p->thruster_force ? p->thruster_force
            : c->thruster < -p->thruster_force ? -p->thruster_force : c->thruster;
  s->thrust_bt = slew(s->thrust_bt, bt, p->thruster_rate, dt);
  for (int i = 0; i < p->n_tugs; i++) {
    double f = c->tug[i], fm = p->tug[i].max_force;
    f = f > fm ? fm : f < -fm ? -fm : f;
    s->tug_force[i] = slew(s->tug_force[i], f, p->tug[i].rate, dt);
  }
}

/* dq/dt of the 6-state q with the actuators of s */
static void deriv(const hh_ship_params *p, const hh_ship_state *s, const double q[HH_Q_N],
                  double dq[HH_Q_N]) {
  double F[3];
  hh_mmg_forces(&p->hull, q[HH_Q_U], q[HH_Q_V], q[HH_Q_R], s->delta, s->n, F);
  hh_ship_env_force(p, s, q, F);
  hh_ship_contact_force(p, q, F);
  double c = cos(q[HH_Q_PSI]), sn = sin(q[HH_Q_PSI]);
  dq[HH_Q_X] = q[HH_Q_U] * c + q[HH_Q_V] * sn + p->current[0];
  dq[HH_Q_Y] = q[HH_Q_U] * sn - q[HH_Q_V] * c + p->current[1];
  dq[HH_Q_PSI] = -q[HH_Q_R];
  hh_mmg_accel(&p->hull, &q[HH_Q_U], F, &dq[HH_Q_U]);
}

/* one classical RK4 step of dt with the actuators held */
void hh_ship_integrate(const hh_ship_params *p, const hh_model *m, hh_ship_state *s,
                       double dt) {
  (void)m; /* obstacles give no reaction (hh_mmg_contact.c) */
  double q[HH_Q_N] = {s->x, s->y, s->psi, s->u, s->v, s->r};
  double k1[HH_Q_N], k2[HH_Q_N], k3[HH_Q_N], k4[HH_Q_N], t[HH_Q_N];
  deriv(p, s, q, k1);
  for (int i = 0; i < HH_Q_N; i++) t[i] = q[i] + 0.5 * dt * k1[i];
  deriv(p, s, t, k2);
  for (int i = 0; i < HH_Q_N; i++) t[i] = q[i] + 0.5 * dt * k2[i];
  deriv(p, s, t, k3);
  for (int i = 0; i < HH_Q_N; i++) t[i] = q[i] + dt * k3[i];
  deriv(p, s, t, k4);
  for (int i = 0; i < HH_Q_N; i++)
    q[i] += dt / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
  s->x = q[HH_Q_X];
  s->y = q[HH_Q_Y];
  s->psi = q[HH_Q_PSI];
  s->u = q[HH_Q_U];
  s->v = q[HH_Q_V];
  s->r = q[HH_Q_R];
  double c = cos(s->psi), sn = sin(s->psi);
  s->sog[0] = s->u * c + s->v * sn + p->current[0];
  s->sog[1] = s->u * sn - s->v * c + p->current[1];
}
