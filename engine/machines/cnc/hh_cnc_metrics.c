/* hh_cnc_metrics.c - the CNC metrics the rubric reads: procedure flags and counters,
 * crash and alarm, the measured drawing dimensions (re-measured every quarter second
 * and whenever the part is measured or handed in) and the roughness estimates.
 */
#include "hh_cnc_int.h"

#define MEASURE_EVERY 15 /* ticks between periodic re-measurements */

/* episode counters: door open with the spindle running in AUTO, cutting without coolant */
static void episodes(const hh_model *m, hh_data *d) {
  hh_cnc_state *s = &d->cnc;
  int autorun = s->run == HH_CNC_RUN_RUNNING && !s->verifying;
  int door = autorun && s->spindle_dir != 0 && !s->door_closed;
  int dry = autorun && s->cutting && !s->coolant && m->cnc.coolant_required;
  if (door && !(s->episode & 1)) s->counters[HH_CNC_CNT_DOOR_OPEN]++;
  if (dry && !(s->episode & 2)) s->counters[HH_CNC_CNT_NO_COOLANT]++;
  s->episode = (door ? 1 : 0) | (dry ? 2 : 0);
}

/* the CNC metrics of this tick (after the panel, motion and stock stages) */
void hh_cnc_metrics(const hh_model *m, hh_data *d) {
  hh_cnc_state *s = &d->cnc;
  double *x = d->metric;
  episodes(m, d);
  if (--s->measure_tick <= 0 || s->finished) {
    hh_cnc_measure_all(m, d);
    s->measure_tick = MEASURE_EVERY;
  }
  int lathe = hh_cnc_is_lathe(m);
  uint32_t need = m->cnc.tools_used, have = s->tool_set;
  if (lathe) have &= s->tool_set >> 16;
  uint32_t work_need = lathe ? 0u : 7u;
  x[HH_M_CNC_MODE] = s->mode;
  x[HH_M_CNC_REFERENCED] = s->referenced[0] && s->referenced[2] && (lathe || s->referenced[1]);
  x[HH_M_CNC_AUTO_NO_REF] = s->counters[HH_CNC_CNT_AUTO_NO_REF];
  x[HH_M_CNC_TOOLS_SET] = (need & have) == need;
  x[HH_M_CNC_WORK_SET] = (s->work_set & work_need) == work_need;
  x[HH_M_CNC_VERIFIED] = s->verify_ok;
  x[HH_M_CNC_CUT_UNVERIFIED] = s->counters[HH_CNC_CNT_CUT_UNVERIFIED];
  x[HH_M_CNC_CUT_TOOL_UNSET] = s->counters[HH_CNC_CNT_CUT_TOOL_UNSET];
  x[HH_M_CNC_CUT_DOOR_OPEN] = s->counters[HH_CNC_CNT_DOOR_OPEN];
  x[HH_M_CNC_CUT_NO_COOLANT] = s->counters[HH_CNC_CNT_NO_COOLANT];
  x[HH_M_CNC_CUTTING] = s->cutting;
  x[HH_M_CNC_CRASH] = s->crash;
  x[HH_M_CNC_ALARM] = s->alarm;
  x[HH_M_CNC_OVERTRAVEL] = s->counters[HH_CNC_CNT_OVERTRAVEL];
  x[HH_M_CNC_ESTOPS] = s->counters[HH_CNC_CNT_ESTOP];
  x[HH_M_CNC_PROGRAM_DONE] = s->program_done;
  x[HH_M_CNC_MEASURED] = s->measured;
  x[HH_M_CNC_SPINDLE] = s->spindle_speed;
  x[HH_M_CNC_REMOVED] = s->removed;
  for (int i = 0; i < HH_CNC_MAX_GAUGES; i++) x[HH_M_CNC_DIM1 + i] = s->dims[i];
  for (int i = 0; i < HH_CNC_MAX_SURF; i++) x[HH_M_CNC_RA1 + i] = s->ra[i];
  /* plain state for the rubric's order / precondition items */
  int autorun = s->run == HH_CNC_RUN_RUNNING && !s->verifying;
  x[HH_M_CNC_AUTO_STARTS] = s->counters[HH_CNC_CNT_AUTO_START];
  x[HH_M_CNC_DOOR_CLOSED] = s->door_closed != 0;
  x[HH_M_CNC_COOLANT] = s->coolant != 0;
  x[HH_M_CNC_RUN_SPINDLE] = autorun && s->spindle_dir != 0;
  x[HH_M_CNC_RUN_CUTTING] = autorun && s->cutting;
  x[HH_M_CNC_AUTO_CUTTING] = autorun && s->cutting && !s->mdi && s->mode == HH_CNC_MODE_AUTO;
  x[HH_M_TASK_DONE] = s->finished;
}
