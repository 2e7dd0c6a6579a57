/* hh_pilot.c - choose an expert autopilot by the name a scenario gives. */
#include "hh_pilot.h"
#include "hh_pilot_sts.h"
#include "hh_pilot_offshore.h"
#include "hh_pilot_ship.h"
#include "hh_pilot_cnc.h"
#include <string.h>

enum { HH_PILOT_STS_EXPERT = 1 };

int hh_pilot_init(hh_pilot *p, const hh_model *m, hh_error *err) {
  memset(p, 0, sizeof *p);
  if (strcmp(m->autopilot, "sts_expert") == 0 && m->machine == HH_MACHINE_STS) {
    p->kind = HH_PILOT_STS_EXPERT;
    hh_pilot_sts_start(p, m);
    return HH_OK;
  }
  if (hh_pilot_ship_start(p, m)) return HH_OK;
  if (hh_pilot_cnc_start(p, m)) return HH_OK;
  if (strcmp(m->autopilot, "offshore_expert") == 0 && m->machine == HH_MACHINE_OFFSHORE_CRANE) {
    hh_pilot_offshore_start(p, m);
    return HH_OK;
  }
  return hh_error_set(err, HH_E_SCENARIO, m->source, 0, 0,
                      "scenario names no known autopilot ('%s')", m->autopilot);
}

void hh_pilot_act(hh_pilot *p, const hh_model *m, const hh_data *d, hh_controls *out) {
  memset(out, 0, sizeof *out);
  if (p->kind == HH_PILOT_STS_EXPERT) hh_pilot_sts_act(p, m, d, out);
  if (p->kind == HH_PILOT_OFFSHORE_EXPERT) hh_pilot_offshore_act(p, m, d, out);
  if (p->kind == HH_PILOT_SHIP_EXPERT) hh_pilot_ship_act(p, m, d, out);
  if (p->kind == HH_PILOT_CNC_EXPERT) hh_pilot_cnc_act(p, m, d, out);
}
