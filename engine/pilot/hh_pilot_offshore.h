/* hh_pilot_offshore.h - expert autopilot for the offshore crane lift from a vessel. */
#ifndef HH_PILOT_OFFSHORE_H
#define HH_PILOT_OFFSHORE_H
#include "hh_pilot.h"

#define HH_PILOT_OFFSHORE_EXPERT 30 /* hh_pilot.kind of this expert */

/* plan the lift from the model (landing angle and radius, clearance height) */
void hh_pilot_offshore_start(hh_pilot *p, const hh_model *m);
/* controls for the next tick */
void hh_pilot_offshore_act(hh_pilot *p, const hh_model *m, const hh_data *d, hh_controls *out);

#endif
