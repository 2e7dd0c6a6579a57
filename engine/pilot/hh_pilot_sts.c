/* hh_pilot_sts.c - expert autopilot for the STS first lift: an input source that reads
 * hh_data and moves the sticks the way a skilled operator does.
 *
 * Technique: every horizontal move uses load-position feedback with sway feedback
 * ("follow the load"): trolley speed = Kp*(target - load) - Kd*load_speed + Ks*sway,
 * with gains placed for a triple pole at -lambda on the pendulum of the current rope
 * length, rate-limited below the drive's acceleration. Vertical moves use a braking
 * profile v = sqrt(2 a d) and a slow final approach so landings stay soft.
 */
#include "hh_pilot_sts.h"
#include <math.h>

enum {
  PH_TO_PICK = 0, PH_DOWN_PICK, PH_SLACK_PICK, PH_LOCK, PH_LIFT, PH_TRAVEL,
  PH_DOWN_PLACE, PH_SLACK_PLACE, PH_UNLOCK, PH_RAISE, PH_DONE
};
enum { M_CLEAR_Z = 0, M_VY, M_VX, M_SLACK_L, M_TRIES };

static double clampd(double v, double lo, double hi) { return v < lo ? lo : v > hi ? hi : v; }

/* top (m) of the highest colliding box overlapping the x,y rectangle */
static double highest_top(const hh_model *m, double x0, double x1, double y0, double y1) {
  double top = 0.0;
  for (int i = 0; i < m->n_boxes; i++) {
    const hh_box *b = &m->box[i];
    if (b->role == HH_ROLE_WATER || b->role == HH_ROLE_VISUAL) continue;
    double r = hypot(b->half[0], b->half[1]);
    if (b->pos[0] + r < x0 || b->pos[0] - r > x1 || b->pos[1] + r < y0 || b->pos[1] - r > y1)
      continue;
    if (b->pos[2] + b->half[2] > top) top = b->pos[2] + b->half[2];
  }
  return top;
}

void hh_pilot_sts_start(hh_pilot *p, const hh_model *m) {
  const hh_container *c = &m->container;
  double y0 = fmin(c->pos[1], m->target.pos[1]) - c->half[1];
  double y1 = fmax(c->pos[1], m->target.pos[1]) + c->half[1];
  double x0 = fmin(c->pos[0], m->target.pos[0]) - c->half[0];
  double x1 = fmax(c->pos[0], m->target.pos[0]) + c->half[0];
  /* the box under the container at the pick point is where it starts: skip nothing,
     the container's own bottom is above it anyway */
  p->memo[M_CLEAR_Z] = highest_top(m, x0, x1, y0, y1) + 1.5;
  p->phase = PH_TO_PICK;
}

/* trolley/gantry speed command (m/s) that brings the load to target without sway */
static double axis_speed(double target, double load, double load_v, double pivot,
                         double rope_len, double g, double vmax) {
  double w2 = g / fmax(rope_len, 1.0);
  double lambda = 0.75 * sqrt(w2);
  double ks = 3.0 * lambda;
  double kd = 3.0 * lambda * lambda / w2 - 1.0;
  double kp = lambda * lambda * lambda / w2;
  double sway = load - pivot;
  double v = kp * (target - load) - kd * load_v + ks * sway;
  return clampd(v, -vmax, vmax);
}

/* rate-limit a speed command to accel (m/s^2) over dt */
static double ramp(double prev, double want, double accel, double dt) {
  return prev + clampd(want - prev, -accel * dt, accel * dt);
}

/* hoist stick that lowers toward a touchdown height: braking profile, then the slow
   approach speed for the last 0.4 m and below */
static double descend_stick(double z, double z_touch, double vmax, double accel,
                            double approach_v) {
  double dist = fmax(z - z_touch - 0.4, 0.0);
  double v = fmin(vmax, approach_v + sqrt(2.0 * 0.7 * accel * dist));
  return -v / vmax;
}

/* hoist stick (+ raises) that moves the spreader bottom from z to z_target */
static double hoist_stick(double z, double z_target, double vmax, double accel,
                          double approach_v) {
  double err = z_target - z;
  double v = sqrt(2.0 * 0.7 * accel * fabs(err));
  if (fabs(err) < 0.6) v = fmin(v, approach_v + fabs(err));
  v = fmin(v, vmax);
  return clampd((err > 0 ? v : -v) / vmax, -1.0, 1.0);
}

void hh_pilot_sts_act(hh_pilot *p, const hh_model *m, const hh_data *d, hh_controls *out) {
  const hh_sts_params *s = &m->sts;
  const double dt = m->dt, g = m->gravity;
  const int loaded = d->metric[HH_M_LOADED] != 0.0;
  const double spreader_bottom = d->spreader.pos[2] - s->spreader_half[2];
  const double cont_h = 2.0 * m->container.half[2];
  const double hoist_vmax = loaded && s->hoist.max_speed_loaded > 0 ? s->hoist.max_speed_loaded
                                                                    : s->hoist.max_speed;
  const double rope = d->hoist.pos; /* parallel ropes: the spreader translates, so the
                                       pendulum length is the rope length */
  const double pick_x = m->container.pos[0], pick_y = m->container.pos[1];
  const double pick_top = m->container.pos[2] + m->container.half[2];
  const double slot_x = m->target.pos[0], slot_y = m->target.pos[1], slot_z = m->target.pos[2];
  const double clear_z = p->memo[M_CLEAR_Z];

  double tx = pick_x, ty = pick_y;      /* horizontal target of the load */
  double hz = spreader_bottom;          /* spreader bottom target height */
  double approach = 0.2;                /* final vertical approach speed (m/s) */
  double touch_z = -1.0;                /* > 0: descending to this spreader bottom height */
  int horizontal = 1;
  uint32_t buttons = 0;

  const double sway_y = d->spreader.pos[1] - d->trolley.pos;
  const double sway_x = d->spreader.pos[0] - d->gantry.pos;
  const double settle = fabs(d->spreader.pos[1] - ty) + fabs(d->spreader.vel[1]) +
                        fabs(sway_y) + fabs(d->spreader.pos[0] - tx) + fabs(sway_x);
  p->phase_t += dt;
  int next = p->phase;

  switch (p->phase) {
  case PH_TO_PICK:
    hz = pick_top + 1.0;
    if (settle < 0.06 && fabs(spreader_bottom - hz) < 0.1) next = PH_DOWN_PICK;
    break;
  case PH_DOWN_PICK:
    touch_z = pick_top;
    if (d->metric[HH_M_LANDED] != 0.0) {
      next = PH_SLACK_PICK;
      p->memo[M_SLACK_L] = d->hoist.pos + 0.15;
    }
    break;
  case PH_SLACK_PICK:
    horizontal = 0;
    hz = spreader_bottom;
    if (d->hoist.pos < p->memo[M_SLACK_L]) hz = spreader_bottom - 0.3;
    else next = PH_LOCK;
    break;
  case PH_LOCK:
    horizontal = 0;
    buttons |= HH_BTN_LOCK;
    if (d->metric[HH_M_LOCKED] != 0.0) next = PH_LIFT;
    else if (p->phase_t > 3.0 * s->lock_time + 1.0) next = PH_TO_PICK; /* misaligned: retry */
    break;
  case PH_LIFT:
    hz = clear_z + cont_h + 0.5;
    tx = pick_x; ty = pick_y;
    if (spreader_bottom - cont_h > clear_z - 0.3) next = PH_TRAVEL;
    break;
  case PH_TRAVEL:
    hz = clear_z + cont_h + 0.5;
    tx = slot_x; ty = slot_y;
    if (fabs(d->spreader.pos[1] - ty) + fabs(d->spreader.vel[1]) + fabs(sway_y) +
            fabs(d->spreader.pos[0] - tx) + fabs(sway_x) < 0.05)
      next = PH_DOWN_PLACE;
    break;
  case PH_DOWN_PLACE:
    tx = slot_x; ty = slot_y;
    approach = 0.15;
    touch_z = slot_z + cont_h;
    if (d->metric[HH_M_ROPE_TENSION] < (s->spreader_mass + 0.5 * m->container.mass) * g &&
        spreader_bottom - cont_h < slot_z + 0.3) {
      next = PH_SLACK_PLACE;
      p->memo[M_SLACK_L] = d->hoist.pos + 0.15;
    }
    break;
  case PH_SLACK_PLACE:
    horizontal = 0;
    hz = spreader_bottom;
    if (d->hoist.pos < p->memo[M_SLACK_L]) hz = spreader_bottom - 0.3;
    else next = PH_UNLOCK;
    break;
  case PH_UNLOCK:
    horizontal = 0;
    buttons |= HH_BTN_UNLOCK;
    if (d->metric[HH_M_UNLOCKED] != 0.0) next = PH_RAISE;
    break;
  case PH_RAISE:
    horizontal = 0;
    hz = slot_z + cont_h + 3.0;
    if (d->metric[HH_M_TASK_DONE] != 0.0) next = PH_DONE;
    break;
  default:
    horizontal = 0;
    break;
  }
  if (p->phase == PH_TRAVEL || p->phase == PH_DOWN_PLACE) { tx = slot_x; ty = slot_y; }

  double vy = 0.0, vx = 0.0;
  if (horizontal) {
    double vmax_y = 0.8 * s->trolley.max_speed, vmax_x = 0.8 * s->gantry.max_speed;
    vy = axis_speed(ty, d->spreader.pos[1], d->spreader.vel[1], d->trolley.pos, rope, g, vmax_y);
    vx = axis_speed(tx, d->spreader.pos[0], d->spreader.vel[0], d->gantry.pos, rope, g, vmax_x);
  }
  vy = ramp(p->memo[M_VY], vy, 0.8 * s->trolley.accel, dt);
  vx = ramp(p->memo[M_VX], vx, 0.8 * s->gantry.accel, dt);
  p->memo[M_VY] = vy;
  p->memo[M_VX] = vx;

  out->axis[HH_AXIS_TROLLEY] = (float)clampd(vy / s->trolley.max_speed, -1, 1);
  out->axis[HH_AXIS_GANTRY] = (float)clampd(vx / s->gantry.max_speed, -1, 1);
  if (touch_z > 0.0)
    out->axis[HH_AXIS_HOIST] = (float)descend_stick(spreader_bottom, touch_z, hoist_vmax,
                                                    s->hoist.accel, approach);
  else
    out->axis[HH_AXIS_HOIST] = (float)hoist_stick(spreader_bottom, hz, hoist_vmax,
                                                  s->hoist.accel, approach);
  if (p->phase == PH_DONE) out->buttons |= HH_BTN_FINISH;
  out->buttons |= buttons;
  if (next != p->phase) {
    p->phase = next;
    p->phase_t = 0.0;
  }
}
