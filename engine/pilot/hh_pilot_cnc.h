/* hh_pilot_cnc.h - expert autopilot for the CNC exams: the whole procedure on the
 * operator panel (reference return, touch-off, offsets, verification, cycle start,
 * measuring, hand-in), through hh_controls like a trainee's hands. */
#ifndef HH_PILOT_CNC_H
#define HH_PILOT_CNC_H
#include "hh_pilot.h"

enum { HH_PILOT_CNC_EXPERT = 40 };

/* take the pilot when the model names "cnc_mill_expert" on a mill or
   "cnc_lathe_expert" on a lathe; 1 if taken */
int hh_pilot_cnc_start(hh_pilot *p, const hh_model *m);
/* controls for the next tick */
void hh_pilot_cnc_act(hh_pilot *p, const hh_model *m, const hh_data *d, hh_controls *out);

#endif
