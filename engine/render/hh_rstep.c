/* hh_rstep.c - the instruction for the task step the trainee is on, read from the
 * metrics of the ship-to-shore crane (no state of its own, so a replay or a rescore
 * shows the same text at the same tick). Translated through hh_tr. */
#include "hh_render_int.h"
#include "../core/hh_i18n.h"
#include <math.h>

/* horizontal distance (m) between the spreader and the container */
static double spreader_to_box(const hh_model *m, const hh_data *d) {
  const double *c = d->container.quat[3] != 0 || d->container.quat[2] != 0 ? d->container.pos
                                                                            : m->container.pos;
  double dx = d->spreader.pos[0] - c[0], dy = d->spreader.pos[1] - c[1];
  if (d->spreader.quat[3] == 0 && d->spreader.quat[2] == 0) { /* no physics pose yet */
    dx = d->gantry.pos - c[0];
    dy = d->trolley.pos - c[1];
  }
  return sqrt(dx * dx + dy * dy);
}

const char *hh_rstep_text(const hh_model *m, const hh_data *d) {
  if (m->machine == HH_MACHINE_OFFSHORE_CRANE) return hh_rmarine_step_text(m, d);
  if (m->machine == HH_MACHINE_SHIP) return hh_rship_step_text(m, d);
  if (m->machine != HH_MACHINE_STS) return "";
  const double *x = d->metric;
  if (d->done || x[HH_M_TASK_DONE] != 0) return hh_tr("Task complete");
  if (d->estop) return hh_tr("Emergency stop: release it when the area is safe");
  if (x[HH_M_LOAD_LOST] != 0) return hh_tr("Load lost: stop all motions");
  int landed = x[HH_M_LANDED] != 0, locked = x[HH_M_LOCKED] != 0;
  int loaded = x[HH_M_LOADED] != 0, on_target = x[HH_M_ON_TARGET] != 0;
  int near_slot = x[HH_M_LANDING_OFFSET] < m->target.zone_radius &&
                  fabs(d->container.pos[2] - m->container.half[2] - m->target.pos[2]) < 0.3;
  if (on_target) {
    if (landed) return hh_tr("Raise the spreader clear of the container");
    return hh_tr("Press F to finish the task");
  }
  if (loaded) {
    if (x[HH_M_NEAR_LANDING] != 0) return hh_tr("Lower the container gently into the slot");
    return hh_tr("Carry the container over the slot on the ship");
  }
  if (locked) {
    if (near_slot) return hh_tr("Unlock the twistlocks");
    return hh_tr("Hoist the container clear of the truck");
  }
  if (landed) return hh_tr("Lock the twistlocks");
  if (spreader_to_box(m, d) > 1.0) return hh_tr("Move the spreader over the container");
  return hh_tr("Lower the spreader onto the container");
}
