/* hh_pilot_sts.h - expert autopilot for the ship-to-shore crane first lift. */
#ifndef HH_PILOT_STS_H
#define HH_PILOT_STS_H
#include "hh_pilot.h"

/* plan the lift from the model (pick point, clearance height, slot) */
void hh_pilot_sts_start(hh_pilot *p, const hh_model *m);
/* controls for the next tick */
void hh_pilot_sts_act(hh_pilot *p, const hh_model *m, const hh_data *d, hh_controls *out);

#endif
