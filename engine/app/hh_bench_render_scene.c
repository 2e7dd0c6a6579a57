/* hh_bench_render_scene.c - the scenes of `haihe bench --render`: each scenario loaded
 * through the path `haihe run` uses and stepped by its own autopilot to a moment worth
 * drawing: STS load in the air, CNC tool cutting, offshore load lifted off the deck,
 * ship under way. */
#include "hh_bench_render.h"
#include "../core/hh_i18n.h"
#include <stdlib.h>
#include <string.h>

#define CAP_S 1800.0 /* simulated seconds at most before drawing anyway (s) */

/* seconds to go on after the machine's moment has come (s); *moment: what goes on, translated */
static double after_s(const hh_model *m, const char **moment) {
  switch (m->machine) {
  case HH_MACHINE_CNC_MILL:
  case HH_MACHINE_CNC_LATHE: *moment = hh_tr("tool cutting"); return 1.0;
  case HH_MACHINE_OFFSHORE_CRANE: *moment = hh_tr("load in the air"); return 3.0;
  case HH_MACHINE_SHIP: *moment = hh_tr("ship moving"); return 30.0;
  default: *moment = hh_tr("load in the air"); return 30.0;
  }
}

/* 1 once the machine's moment has come: the tool removes material, the load is
   lifted off the deck (STS and ship: from the start) */
static int moment_came(const hh_model *m, const hh_data *d) {
  switch (m->machine) {
  case HH_MACHINE_CNC_MILL:
  case HH_MACHINE_CNC_LATHE: return d->cnc.cutting;
  case HH_MACHINE_OFFSHORE_CRANE: return d->metric[HH_M_OC_LIFTED] > 0.5;
  default: return 1;
  }
}

/* load scenario name and step it under its autopilot to its moment */
int hh_bench_scene_load(const char *name, hh_bench_scene *s, hh_error *err) {
  char path[HH_PATH];
  memset(s, 0, sizeof *s);
  s->m = hh_cli_load_scenario(name, path, sizeof path, err);
  if (!s->m) return err->code ? err->code : HH_E_INTERNAL;
  s->d = hh_data_make(s->m, err);
  hh_pilot p;
  if (!s->d || hh_pilot_init(&p, s->m, err) != HH_OK) {
    hh_bench_scene_free(s);
    return err->code ? err->code : HH_E_INTERNAL;
  }
  double more = after_s(s->m, &s->moment), until = -1.0;
  hh_render_pose_save(s->d, &s->prev);
  while (!s->d->done && s->d->time_s < CAP_S && (until < 0 || s->d->time_s < until)) {
    hh_controls c;
    hh_pilot_act(&p, s->m, s->d, &c);
    hh_render_pose_save(s->d, &s->prev);
    hh_step(s->m, s->d, &c);
    if (until < 0 && moment_came(s->m, s->d)) until = s->d->time_s + more;
  }
  return HH_OK;
}

/* release the scene's model and data */
void hh_bench_scene_free(hh_bench_scene *s) {
  hh_data_free(s->d);
  free(s->m);
  s->d = NULL;
  s->m = NULL;
}
