/* hh_crane.h - ship-to-shore container crane: drives, hoist ropes, spreader,
 * twistlocks, contacts and the crane's metrics (stages 1-3 of hh_step).
 *
 * Index:
 *   hh_crane_attach  build the physics world for an attempt (load time, allocates)
 *   hh_crane_detach  destroy it
 *   hh_crane_step    one tick: drives, rope forces, physics sub-steps, metrics
 */
#ifndef HH_CRANE_H
#define HH_CRANE_H
#include "../../sim/hh_sim.h"

/* create d->phys from m and put crane, spreader and container at their start state */
int hh_crane_attach(const hh_model *m, hh_data *d, hh_error *err);
/* destroy d->phys (safe on NULL) */
void hh_crane_detach(hh_data *d);
/* one tick of m->dt: drives follow c, ropes act, physics steps, metrics are written */
void hh_crane_step(const hh_model *m, hh_data *d, const hh_controls *c);

#endif
