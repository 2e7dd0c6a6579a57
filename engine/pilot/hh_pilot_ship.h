/* hh_pilot_ship.h - expert autopilot for berthing a ship (HH_MACHINE_SHIP). */
#ifndef HH_PILOT_SHIP_H
#define HH_PILOT_SHIP_H
#include "hh_pilot.h"

#define HH_PILOT_SHIP_EXPERT 20  /* hh_pilot.kind of the berthing pilot */

/* take the pilot if m is a ship scenario naming "ship_expert"; 1 if taken */
int hh_pilot_ship_start(hh_pilot *p, const hh_model *m);
/* controls for the next tick */
void hh_pilot_ship_act(hh_pilot *p, const hh_model *m, const hh_data *d, hh_controls *out);

#endif
