/* hh_bench_marine.c - `haihe bench --marine`: headless real-time factor of the offshore
 * lift (marine/offshore_lift) under its autopilot with 64, 256 and 1024 wave
 * components, so the cost of the sea is visible; best of several whole attempts on
 * one core. A measurement, not a test. */
#include "hh_cli.h"
#include "../core/hh_i18n.h"
#include "../machines/marine/hh_marine.h"
#include "../pilot/hh_pilot.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MARINE_REPEATS 3

/* `haihe bench --marine [SCENARIO]` */
int hh_bench_marine(int argc, char **argv) {
  hh_error err;
  memset(&err, 0, sizeof err);
  char path[HH_PATH];
  hh_model *m = hh_cli_load_scenario(argc > 3 ? argv[3] : "marine/offshore_lift", path, sizeof path, &err);
  if (!m) return hh_cli_fail(&err);
  if (m->machine != HH_MACHINE_OFFSHORE_CRANE) {
    free(m);
    return hh_cli_usage_error("%s: %s", hh_tr("not an offshore crane scenario"), path);
  }
  static const int waves[3] = {64, 256, 1024};
  printf(hh_tr("Benchmark: %s, autopilot, headless, one core, best of %d\n"), m->id, MARINE_REPEATS);
  int rc = 0;
  for (int k = 0; k < 3 && !rc; k++) {
    /* the same scenario with another number of wave components, sampled at load time */
    m->marine.sea.n_waves = waves[k];
    if (hh_sea_build(&m->marine.sea, m->gravity, m->seed, path, &err) ||
        hh_vessel_build(&m->marine.vessel, &m->marine.sea, m->gravity, path, &err)) {
      rc = hh_cli_fail(&err);
      break;
    }
    hh_data *d = hh_data_make(m, &err);
    double best = -1.0, sim = 0, s = 0;
    for (int i = 0; d && i < MARINE_REPEATS; i++) {
      double t = hh_bench_attempt(m, d, 1, &s, &err);
      if (t < 0) break;
      if (best < 0 || t < best) best = t, sim = s;
    }
    if (!d || best <= 0) {
      hh_data_free(d);
      rc = hh_cli_fail(&err);
      break;
    }
    printf(hh_tr("%5d wave components: real-time factor %7.1fx  (%.1f s simulated, %.3f s CPU, %.1f us per tick)\n"),
           waves[k], sim / best, sim, best, 1e6 * best / (sim * HH_TICK_HZ));
    hh_data_free(d);
  }
  free(m);
  return rc;
}
