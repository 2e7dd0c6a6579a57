/* hh_crane_drives.c - gantry, trolley and hoist drives (stage 1 of hh_step).
 *
 * Each drive's speed follows stick * max speed, changing by at most accel * dt per
 * tick. Near a travel limit the commanded speed is capped at the speed from which the
 * drive can still stop at the limit with its acceleration (worked out on the tick grid
 * with the trapezoidal position update), so it brakes at its acceleration and stops
 * exactly there. The emergency stop (latched) commands zero speed on every drive: they brake
 * at their acceleration. The hoist position is the rope length; + stick shortens it,
 * and with the container locked on its top speed is max_speed_loaded.
 */
#include "hh_crane_internal.h"
#include <math.h>

/* largest end-of-tick speed toward a limit dist away, now moving toward it at v0, from
   which braking at accel still stops at the limit: v1^2 <= 2 a (dist - (v0 + v1) dt / 2) */
static double stop_speed(double dist, double v0, double accel, double dt) {
  double ad = accel * dt;
  double disc = ad * ad + 4.0 * (2.0 * accel * dist - ad * v0);
  if (disc <= 0) return 0;
  double v = 0.5 * (sqrt(disc) - ad);
  return v > 0 ? v : 0;
}

/* advance one drive by one tick toward the target speed; new position and speed */
static void drive_tick(const hh_drive *dr, hh_drive_state *s, double target, double dt,
                       double *pos1, double *v1) {
  double a = dr->accel > 0 ? dr->accel : 1e9;
  double vmax_up = stop_speed(dr->max_pos - s->pos, s->speed, a, dt);
  double vmax_dn = stop_speed(s->pos - dr->min_pos, -s->speed, a, dt);
  if (target > vmax_up) target = vmax_up;
  if (target < -vmax_dn) target = -vmax_dn;
  double dv = target - s->speed;
  if (dv > a * dt) dv = a * dt;
  if (dv < -a * dt) dv = -a * dt;
  double v = s->speed + dv;
  double p = s->pos + 0.5 * (s->speed + v) * dt;
  if (p >= dr->max_pos) { p = dr->max_pos; if (v > 0) v = 0; }
  if (p <= dr->min_pos) { p = dr->min_pos; if (v < 0) v = 0; }
  *pos1 = p;
  *v1 = v;
}

/* clamp a stick value to [-1, 1] (NaN reads as 0) */
static double stick(const hh_controls *c, int axis) {
  double x = c ? c->axis[axis] : 0.0;
  if (!(x == x)) return 0;
  return x > 1 ? 1 : (x < -1 ? -1 : x);
}

/* stage 1: every drive follows its stick for one tick; records the motion in mo */
void hh_crane_drives(const hh_model *m, hh_data *d, const hh_controls *c, hh_crane_motion *mo) {
  const hh_sts_params *p = &m->sts;
  if (c && (c->buttons & HH_BTN_ESTOP)) d->estop = 1;
  const hh_drive *dr[3] = {&p->gantry, &p->trolley, &p->hoist};
  hh_drive_state *st[3] = {&d->gantry, &d->trolley, &d->hoist};
  double hoist_max = p->hoist.max_speed;
  if (d->load_attached && p->hoist.max_speed_loaded > 0) hoist_max = p->hoist.max_speed_loaded;
  double target[3] = {stick(c, HH_AXIS_GANTRY) * p->gantry.max_speed,
                      stick(c, HH_AXIS_TROLLEY) * p->trolley.max_speed,
                      -stick(c, HH_AXIS_HOIST) * hoist_max};
  mo->dt = m->dt;
  for (int k = 0; k < 3; k++) {
    mo->pos0[k] = st[k]->pos;
    mo->v0[k] = st[k]->speed;
    mo->lo[k] = dr[k]->min_pos;
    mo->hi[k] = dr[k]->max_pos;
    drive_tick(dr[k], st[k], d->estop ? 0.0 : target[k], m->dt, &mo->pos1[k], &mo->v1[k]);
    st[k]->pos = mo->pos1[k];
    st[k]->speed = mo->v1[k];
  }
}

/* drive k's position and speed at t seconds into the tick (constant acceleration) */
void hh_crane_drive_at(const hh_crane_motion *mo, int k, double t, double *pos, double *speed) {
  double dt = mo->dt;
  double acc = (mo->v1[k] - mo->v0[k]) / dt;
  double p = mo->pos0[k] + mo->v0[k] * t + 0.5 * acc * t * t;
  double v = mo->v0[k] + acc * t;
  /* a limit stop inside the tick: hold the final position */
  if ((mo->pos1[k] >= mo->hi[k] && p >= mo->hi[k]) || (mo->pos1[k] <= mo->lo[k] && p <= mo->lo[k])) {
    p = mo->pos1[k];
    v = 0;
  }
  *pos = p;
  *speed = v;
}
