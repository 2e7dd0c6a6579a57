/* hh_crane_metrics.c - stage 3: the crane's metrics (meanings in hh_metrics.h).
 *
 * Definitions beyond the metric table:
 *   sway_angle   rope from the sheave centre (gantry, trolley, sheave_z) to the
 *                headblock centre (spreader top centre), against the vertical (deg)
 *   loaded       locks hold the container and it touches no scene box
 *   near_landing loaded, container centre within zone_radius of the slot horizontally
 *                and its bottom no higher than zone_height above the slot
 *   hoist_unlocked  locks mid-turn (LOCKING/UNLOCKING) while the hoist pays in with
 *                the spreader still within 0.3 m above the container's top
 *   load_lost    container not held and falling faster than 1 m/s, or tilted > 10 deg
 *   landing_offset  updated on every tick the container touches a LANDING box, kept
 *                otherwise (attach sets it to the starting distance)
 *   on_target    locks unlocked, container touching a LANDING box, its bottom within
 *                0.1 m of the slot height, centre within HH_CRANE_SLOT_FIT (0.3 m) of
 *                the slot centre, yaw within 2 deg of the slot's (mod 180), speed under
 *                0.1 m/s
 *   task_done    on_target and the spreader's underside at least 1 m above the
 *                container's top
 */
#include "hh_crane_internal.h"
#include <math.h>

#define HH_CRANE_PI 3.14159265358979323846
#define HH_CRANE_SLOT_FIT 0.3 /* m: container in the slot's cell, for on_target */

/* yaw (rad) of a quaternion about z */
static double yaw_of(const double q[4]) {
  return atan2(2.0 * (q[3] * q[2] + q[0] * q[1]), 1.0 - 2.0 * (q[1] * q[1] + q[2] * q[2]));
}

/* horizontal distance of the container centre from the slot centre (m) */
static double slot_offset(const hh_model *m, const hh_data *d) {
  double dx = d->container.pos[0] - m->target.pos[0];
  double dy = d->container.pos[1] - m->target.pos[1];
  return sqrt(dx * dx + dy * dy);
}

/* write every crane metric from the mirrored state and this tick's contacts */
void hh_crane_metrics(const hh_model *m, hh_data *d, const hh_crane_sense *s) {
  double *mt = d->metric;
  const hh_body_state *sp = &d->spreader, *ct = &d->container;
  double hz = m->sts.spreader_half[2], ch = m->container.half[2];

  double up[3] = {0, 0, hz}, top[3];
  hh_crane_rotate(sp->quat, up, top);
  double rx = sp->pos[0] + top[0] - d->gantry.pos, ry = sp->pos[1] + top[1] - d->trolley.pos;
  double rz = m->sts.sheave_z - (sp->pos[2] + top[2]);
  mt[HH_M_SWAY_ANGLE] = atan2(sqrt(rx * rx + ry * ry), rz) * HH_CRANE_RAD2DEG;
  double wx = sp->vel[0] - d->gantry.speed, wy = sp->vel[1] - d->trolley.speed;
  mt[HH_M_SWAY_SPEED] = sqrt(wx * wx + wy * wy);

  double tension = 0;
  for (int r = 0; r < 4; r++) tension += d->rope_tension[r];
  mt[HH_M_LOAD_MASS] = m->sts.spreader_mass + (d->load_attached ? m->container.mass : 0.0);
  mt[HH_M_ROPE_TENSION] = tension;
  mt[HH_M_HOIST_HEIGHT] = sp->pos[2] - hz;
  mt[HH_M_TROLLEY_POS] = d->trolley.pos;
  mt[HH_M_GANTRY_POS] = d->gantry.pos;
  mt[HH_M_TROLLEY_SPEED] = d->trolley.speed;
  mt[HH_M_GANTRY_SPEED] = d->gantry.speed;
  mt[HH_M_HOIST_SPEED] = -d->hoist.speed;
  mt[HH_M_SPREADER_VZ] = sp->vel[2];

  int landed = hh_crane_landed(m, d, s);
  mt[HH_M_LANDED] = landed;
  mt[HH_M_ALIGNED] = landed && hh_crane_corner_error(m, d) <= m->sts.align_tol;
  mt[HH_M_LOCKED] = d->lock == HH_LOCK_LOCKED;
  mt[HH_M_UNLOCKED] = d->lock == HH_LOCK_UNLOCKED;
  int loaded = d->load_attached && !s->container_static;
  mt[HH_M_LOADED] = loaded;

  double offset = slot_offset(m, d);
  double bottom = ct->pos[2] - ch;
  mt[HH_M_NEAR_LANDING] = loaded && offset <= m->target.zone_radius &&
                          bottom <= m->target.pos[2] + m->target.zone_height;

  double clearance = (sp->pos[2] - hz) - (ct->pos[2] + ch);
  double dxs = sp->pos[0] - ct->pos[0], dys = sp->pos[1] - ct->pos[1];
  int mid_turn = d->lock == HH_LOCK_LOCKING || d->lock == HH_LOCK_UNLOCKING;
  mt[HH_M_HOIST_UNLOCKED] = mid_turn && -d->hoist.speed > 0.01 && clearance < 0.3 &&
                            sqrt(dxs * dxs + dys * dys) < 1.0;

  double cos_tilt = 1.0 - 2.0 * (ct->quat[0] * ct->quat[0] + ct->quat[1] * ct->quat[1]);
  mt[HH_M_LOAD_LOST] = (!d->load_attached && ct->vel[2] < -1.0) ||
                       cos_tilt < cos(10.0 / HH_CRANE_RAD2DEG);

  if (s->container_landing) mt[HH_M_LANDING_OFFSET] = offset;
  double dyaw = fmod(fabs(yaw_of(ct->quat) - m->target.yaw), HH_CRANE_PI);
  if (dyaw > HH_CRANE_PI / 2) dyaw = HH_CRANE_PI - dyaw;
  double speed = sqrt(ct->vel[0] * ct->vel[0] + ct->vel[1] * ct->vel[1] + ct->vel[2] * ct->vel[2]);
  int on_target = d->lock == HH_LOCK_UNLOCKED && s->container_landing &&
                  fabs(bottom - m->target.pos[2]) < 0.1 && offset <= HH_CRANE_SLOT_FIT &&
                  dyaw < 2.0 / HH_CRANE_RAD2DEG && speed < 0.1;
  mt[HH_M_ON_TARGET] = on_target;
  mt[HH_M_TASK_DONE] = on_target && clearance >= 1.0;
}
