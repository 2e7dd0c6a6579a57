/* hh_crane_fixture.h - crane test fixtures built in C: the sts_first_lift scene and a
 * scripted operator that performs the whole lift (header-only, for the crane tests).
 *
 * Index:
 *   fx_box        append a scene box to a model
 *   fx_first_lift hh_model_defaults + the geometry of scenarios/port/sts_first_lift.lua
 *   fx_lift       state of the scripted operator
 *   fx_lift_controls  the operator's controls for the current tick
 */
#ifndef HH_CRANE_FIXTURE_H
#define HH_CRANE_FIXTURE_H
#include "sim/hh_sim.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

/* append a box to m */
static inline void fx_box(hh_model *m, const char *name, hh_box_role role, double cx, double cy,
                   double cz, double hx, double hy, double hz) {
  hh_box *b = &m->box[m->n_boxes++];
  memset(b, 0, sizeof *b);
  snprintf(b->name, sizeof b->name, "%s", name);
  b->role = role;
  b->pos[0] = cx; b->pos[1] = cy; b->pos[2] = cz;
  b->half[0] = hx; b->half[1] = hy; b->half[2] = hz;
  b->rgba[3] = 1.0f;
}

/* the first-lift scene of common.md on the default crane */
static inline void fx_first_lift(hh_model *m) {
  hh_model_defaults(m);
  snprintf(m->id, sizeof m->id, "test/first_lift");
  fx_box(m, "quay", HH_ROLE_GROUND, 0, -28.5, -1, 80, 31.5, 1);
  fx_box(m, "water", HH_ROLE_WATER, 0, 76.5, -3.05, 200, 73.5, 0.05);
  fx_box(m, "rail_land", HH_ROLE_VISUAL, 0, -30.48, 0.05, 80, 0.1, 0.05);
  fx_box(m, "rail_sea", HH_ROLE_VISUAL, 0, 0, 0.05, 80, 0.1, 0.05);
  fx_box(m, "chassis", HH_ROLE_LANDING, 0, -15, 1.3, 6.3, 1.25, 0.2);
  fx_box(m, "cab", HH_ROLE_OBSTACLE, 8.3, -15, 1.8, 1.2, 1.25, 1.8);
  fx_box(m, "hull", HH_ROLE_OBSTACLE, 0, 25, -4, 100, 16, 6);
  fx_box(m, "hatch", HH_ROLE_LANDING, 0, 15, 3, 7.5, 6, 1);
  fx_box(m, "stow_land", HH_ROLE_OBSTACLE, 0, 12.36, 5.2955, 6.096, 1.219, 1.2955);
  fx_box(m, "stow_sea", HH_ROLE_OBSTACLE, 0, 17.64, 5.2955, 6.096, 1.219, 1.2955);
  m->container.pos[0] = 0; m->container.pos[1] = -15; m->container.pos[2] = 2.7955;
  m->target.pos[0] = 0; m->target.pos[1] = 15; m->target.pos[2] = 4.0;
}

enum { FX_PICK = 0, FX_LOWER, FX_LOCK, FX_LIFT, FX_TRAVEL, FX_SET, FX_UNLOCK, FX_RAISE, FX_DONE };

typedef struct fx_lift {
  int phase;
  int settle;          /* ticks the load has been steady in the current phase */
  int ticks;           /* ticks in the current phase */
  int log;             /* print phase changes */
} fx_lift;

static inline double fx_clamp(double x, double lo, double hi) { return x < lo ? lo : (x > hi ? hi : x); }

/* stick for a travel drive: go to target, damping the sway the way an operator does by
   following the load (speed command = position term + load-offset term) */
static inline double fx_follow(double target, double drive_pos, double load_pos, double vmax) {
  double v = fx_clamp(0.25 * (target - drive_pos), -0.8 * vmax, 0.8 * vmax) +
             1.0 * (load_pos - drive_pos);
  return fx_clamp(v / vmax, -1, 1);
}

/* 1 when the load hangs steady over (x, y) */
static inline int fx_steady(const hh_data *d, double x, double y, double tol) {
  const hh_body_state *s = &d->spreader;
  return fabs(s->pos[0] - x) < tol && fabs(s->pos[1] - y) < tol && fabs(s->vel[0]) < 0.01 &&
         fabs(s->vel[1]) < 0.01 && fabs(d->trolley.pos - y) < tol && fabs(d->gantry.pos - x) < tol;
}

/* next phase */
static inline void fx_next(fx_lift *st, const hh_data *d) {
  st->phase++;
  st->settle = 0;
  st->ticks = 0;
  if (st->log) printf("  t=%7.2f s phase %d\n", d->time_s, st->phase);
}

/* the scripted operator's controls for this tick (reads the state like an operator's eyes) */
static inline void fx_lift_controls(const hh_model *m, const hh_data *d, fx_lift *st, hh_controls *c) {
  memset(c, 0, sizeof *c);
  const hh_sts_params *p = &m->sts;
  double pick_y = m->container.pos[1], pick_x = m->container.pos[0];
  double tx = m->target.pos[0], ty = m->target.pos[1];
  int over_target = st->phase >= FX_TRAVEL;
  double gx = over_target ? tx : pick_x, gy = over_target ? ty : pick_y;
  double sx = d->spreader.pos[0], sy = d->spreader.pos[1];
  c->axis[HH_AXIS_GANTRY] = (float)fx_follow(gx, d->gantry.pos, sx, p->gantry.max_speed);
  c->axis[HH_AXIS_TROLLEY] = (float)fx_follow(gy, d->trolley.pos, sy, p->trolley.max_speed);
  double hz = p->spreader_half[2];
  double under = d->spreader.pos[2] - hz;                       /* spreader underside */
  double ctop = d->container.pos[2] + m->container.half[2];
  double cbot = d->container.pos[2] - m->container.half[2];
  st->ticks++;
  switch (st->phase) {
    case FX_PICK:
      st->settle = fx_steady(d, gx, gy, 0.01) ? st->settle + 1 : 0;
      if (st->settle > 30) fx_next(st, d);
      break;
    case FX_LOWER: {
      double gap = under - ctop;
      c->axis[HH_AXIS_HOIST] = (float)-fx_clamp(0.08 * gap + 0.04, 0.04, 1.0);
      if (d->metric[HH_M_LANDED] != 0) st->settle++;
      if (st->settle > 20) fx_next(st, d);
      break;
    }
    case FX_LOCK:
      c->buttons = HH_BTN_LOCK;
      if (d->metric[HH_M_LOCKED] != 0) fx_next(st, d);
      break;
    case FX_LIFT:
      c->axis[HH_AXIS_HOIST] = (float)fx_clamp(0.5 * (d->hoist.pos - 30.0), 0, 1);
      if (d->hoist.pos < 30.05 && fabs(d->hoist.speed) < 0.01) fx_next(st, d);
      break;
    case FX_TRAVEL:
      st->settle = fx_steady(d, gx, gy, 0.01) ? st->settle + 1 : 0;
      if (st->settle > 30) fx_next(st, d);
      break;
    case FX_SET: {
      double gap = cbot - m->target.pos[2];
      c->axis[HH_AXIS_HOIST] = (float)-fx_clamp(0.08 * gap + 0.06, 0.06, 1.0);
      if (d->metric[HH_M_LANDED] != 0) st->settle++;
      if (st->settle > 20) fx_next(st, d);
      break;
    }
    case FX_UNLOCK:
      c->buttons = HH_BTN_UNLOCK;
      if (d->metric[HH_M_UNLOCKED] != 0) fx_next(st, d);
      break;
    case FX_RAISE:
      c->axis[HH_AXIS_HOIST] = 0.5f;
      if (d->metric[HH_M_TASK_DONE] != 0) fx_next(st, d);
      break;
    default:
      break;
  }
}

#endif
