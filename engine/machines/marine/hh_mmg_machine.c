/* hh_mmg_machine.c - HH_MACHINE_SHIP: a ship under MMG manoeuvring bringing itself
 * alongside a berth. One tick: controls -> actuator orders; m->substeps times: the
 * actuators move, one RK4 step; then contacts, events and the metrics.
 *
 * Controls (docs/ship.md): axis 0 rudder (+1 = hard to starboard), axis 1 engine
 * telegraph (+1 full ahead, -1 full astern), axis 2 bow thruster (+ bow to
 * starboard), axes 3.. tug i (+ push, - pull, fraction of its bollard pull).
 * HH_BTN_FINISH declares the task finished.
 */
#include "hh_mmg_internal.h"
#include "../../core/hh_hash.h"
#include "hh_marine.h"
#include <math.h>
#include <string.h>

#define PI 3.14159265358979323846
#define RAD2DEG (180.0 / PI)
#define ALONGSIDE_ANGLE 3.0   /* deg: lying parallel to the quay within this */
#define ALONGSIDE_GAP 0.3     /* m: hull within this of the fender line */

/* the parameters the tick divides by or builds from; HH_OK or an error */
static int check(const hh_model *m, hh_error *err) {
  const hh_ship_params *p = &m->marine.ship;
  const char *bad = NULL;
  if (!(m->dt > 0) || m->substeps < 1) bad = "tick length and substeps must be positive";
  else if (!(p->hull.L > 0) || !(p->hull.volume > 0) || !(p->hull.rho > 0))
    bad = "no hull (ship{hull=...} missing)";
  else if (p->n_tugs < 0 || p->n_tugs > HH_SHIP_MAX_TUGS) bad = "too many tugs";
  else if (p->berth.n_fenders < 0 || p->berth.n_fenders > HH_SHIP_MAX_FENDERS)
    bad = "too many fenders";
  if (!bad) return HH_OK;
  return hh_error_set(err, HH_E_SCENARIO, m->source, 0, 0, "ship model: %s", bad);
}

/* check the ship model and put the ship at its start */
int hh_ship_attach(const hh_model *m, hh_data *d, hh_error *err) {
  int rc = check(m, err);
  if (rc != HH_OK) return rc;
  hh_ship_reset(&m->marine.ship, &d->marine.ship);
  double c = cos(d->marine.ship.psi), s = sin(d->marine.ship.psi);
  d->marine.ship.sog[0] = d->marine.ship.u * c + m->marine.ship.current[0];
  d->marine.ship.sog[1] = d->marine.ship.u * s + m->marine.ship.current[1];
  return HH_OK;
}

/* nothing to release: the ship state lives in hh_data */
void hh_ship_detach(hh_data *d) { (void)d; /* nothing allocated */ }

/* x clamped to [-1, 1] (a NaN reads as 0) */
static double unit(float x) { return x > 1.0f ? 1.0 : x < -1.0f ? -1.0 : x == x ? x : 0.0; }

/* heading difference folded to the angle between two lines, 0..90 deg */
static double line_angle(double a, double b) {
  double e = fabs(remainder(a - b, PI));
  return e * RAD2DEG;
}

/* events and metrics after the tick's motion */
static void metrics(const hh_model *m, hh_data *d, const hh_controls *c) {
  const hh_ship_params *p = &m->marine.ship;
  hh_ship_state *s = &d->marine.ship;
  double *mt = d->metric;
  double q[HH_Q_N] = {s->x, s->y, s->psi, s->u, s->v, s->r};
  hh_ship_touch t;
  hh_ship_touches(p, m, q, &t);
  double speed = hypot(s->sog[0], s->sog[1]);
  mt[HH_M_SHIP_SPEED] = speed;
  mt[HH_M_SHIP_HEADING] = remainder(s->psi, 2.0 * PI) * RAD2DEG;
  mt[HH_M_SHIP_RUDDER] = s->delta * RAD2DEG;
  mt[HH_M_SHIP_RPS] = s->n;
  mt[HH_M_SHIP_YAW_RATE] = s->r * RAD2DEG;
  mt[HH_M_SHIP_LAT_SPEED] = -s->sog[1];
  mt[HH_M_SHIP_FENDER_SPEED] = 0.0;
  mt[HH_M_SHIP_FENDER_ANGLE] = 0.0;
  const hh_ship_berth *b = &p->berth;
  double herr = line_angle(s->psi, b->heading);
  for (int f = 0; f < b->n_fenders; f++) {
    if (t.fender[f] && !s->fender_touch[f]) {
      s->fender_hits += 1.0;
      if (t.fender_vn[f] > mt[HH_M_SHIP_FENDER_SPEED]) mt[HH_M_SHIP_FENDER_SPEED] = t.fender_vn[f];
      mt[HH_M_SHIP_FENDER_ANGLE] = herr > 1e-6 ? herr : 1e-6;
    }
    s->fender_touch[f] = t.fender[f];
    s->fender_force[f] = t.fender_force[f];
  }
  if (t.quay) s->quay_hit = 1;
  if (t.obstacle) s->ship_hit = 1;
  mt[HH_M_SHIP_FENDER_HITS] = s->fender_hits;
  mt[HH_M_SHIP_QUAY_HIT] = s->quay_hit;
  mt[HH_M_SHIP_SHIP_HIT] = s->ship_hit;
  double ty = 0.0, face = b->quay_y;
  for (int f = 0; f < b->n_fenders; f++)
    if (b->quay_y + b->fender[f].depth > face) face = b->quay_y + b->fender[f].depth;
  ty = face + 0.5 * p->hull.B;
  mt[HH_M_SHIP_QUAY_DIST] = p->has_berth ? t.clearance : 0.0;
  mt[HH_M_SHIP_NEAR_BERTH] = p->has_berth && hypot(s->x - b->target_x, s->y - ty) < b->approach_radius;
  int alongside = p->has_berth && herr < ALONGSIDE_ANGLE && t.clearance < ALONGSIDE_GAP;
  mt[HH_M_SHIP_ALONGSIDE] = alongside;
  mt[HH_M_SHIP_BERTH_OFFSET] = p->has_berth ? fabs(s->x - b->target_x) : 0.0;
  mt[HH_M_SHIP_BERTH_HEADING] = herr;
  if (alongside && speed < b->stop_speed && fabs(s->r) * RAD2DEG < 0.05) s->settle_s += m->dt;
  else s->settle_s = 0.0;
  int berthed = p->has_berth && s->settle_s >= b->settle_time;
  mt[HH_M_SHIP_BERTHED] = berthed;
  mt[HH_M_TASK_DONE] = berthed || (c->buttons & HH_BTN_FINISH) != 0;
}

/* one tick: controls to orders, substeps of actuators + RK4, then metrics */
void hh_ship_step(const hh_model *m, hh_data *d, const hh_controls *c) {
  const hh_ship_params *p = &m->marine.ship;
  hh_ship_state *s = &d->marine.ship;
  hh_ship_cmd cmd;
  memset(&cmd, 0, sizeof cmd);
  cmd.delta = unit(c->axis[0]) * p->hull.delta_max;
  cmd.n = unit(c->axis[1]) * p->n_max;
  cmd.thruster = unit(c->axis[2]) * p->thruster_force;
  for (int i = 0; i < p->n_tugs && 3 + i < HH_AXIS_COUNT; i++)
    cmd.tug[i] = unit(c->axis[3 + i]) * p->tug[i].max_force;
  if (m->marine.wind.speed > 0.0) { /* shared gusting wind at 10 m, held over the tick */
    double dir[3];
    double ws = hh_wind_at(&m->marine.wind, 10.0, d->time_s, dir);
    s->wind[0] = ws * dir[0];
    s->wind[1] = ws * dir[1];
  }
  double h = m->dt / m->substeps;
  for (int k = 0; k < m->substeps; k++) {
    hh_ship_actuate(p, s, &cmd, h);
    hh_ship_integrate(p, m, s, h);
  }
  metrics(m, d, c);
  d->prev_buttons = c->buttons;
}

/* fold the ship state into the state hash, field by field */
uint64_t hh_ship_hash(const hh_data *d, uint64_t h) {
  const hh_ship_state *s = &d->marine.ship;
#define HH_H(field) h = hh_fnv1a64(h, &(field), sizeof(field))
  HH_H(s->x); HH_H(s->y); HH_H(s->psi); HH_H(s->u); HH_H(s->v); HH_H(s->r);
  HH_H(s->delta); HH_H(s->n); HH_H(s->thrust_bt); HH_H(s->tug_force);
  HH_H(s->fender_force); HH_H(s->fender_touch); HH_H(s->fender_hits);
  HH_H(s->quay_hit); HH_H(s->ship_hit); HH_H(s->settle_s); HH_H(s->sog); HH_H(s->wind);
#undef HH_H
  return h;
}
