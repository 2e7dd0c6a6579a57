/* hh_bench_ship.c - `haihe bench --ship`: headless real-time factor of the berthing
 * scenario (marine/berthing) under its autopilot on one core, best of several whole
 * attempts, plus the cost of one MMG force evaluation. A measurement, not a test. */
#include "hh_cli.h"
#include "../core/hh_i18n.h"
#include "../machines/marine/hh_mmg.h"
#include "../pilot/hh_pilot.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SHIP_REPEATS 5
#define FORCE_EVALS 2000000

/* `haihe bench --ship [SCENARIO]` */
int hh_bench_ship(int argc, char **argv) {
  hh_error err;
  memset(&err, 0, sizeof err);
  char path[HH_PATH];
  hh_model *m = hh_cli_load_scenario(argc > 3 ? argv[3] : "marine/berthing", path, sizeof path, &err);
  if (!m) return hh_cli_fail(&err);
  if (m->machine != HH_MACHINE_SHIP) {
    free(m);
    return hh_cli_usage_error("%s: %s", hh_tr("not a ship scenario"), path);
  }
  hh_data *d = hh_data_make(m, &err);
  double best = -1.0;
  for (int i = 0; d && i < SHIP_REPEATS; i++) {
    double sim_s = 0, t = hh_bench_attempt(m, d, 1, &sim_s, &err);
    if (t < 0) break;
    if (best < 0 || t < best) best = t;
  }
  if (!d || best < 0) {
    hh_data_free(d);
    free(m);
    return hh_cli_fail(&err);
  }
  printf(hh_tr("Benchmark: %s, autopilot, headless, one core, best of %d\n"), m->id, SHIP_REPEATS);
  printf(hh_tr("ship: %.1f s simulated in %.3f s CPU: real-time factor %.0fx, %.2f us per tick (%d RK4 steps)\n"),
         d->time_s, best, best > 0 ? d->time_s / best : 0.0,
         d->tick ? 1e6 * best / (double)d->tick : 0.0, m->substeps);
  /* one MMG hull + propeller + rudder evaluation */
  const hh_mmg_hull *h = &m->marine.ship.hull;
  double F[3] = {0, 0, 0}, acc = 0, t0 = hh_bench_cpu_s();
  for (int i = 0; i < FORCE_EVALS; i++) {
    hh_mmg_forces(h, 2.0 + 1e-7 * i, 0.1, 0.001, 0.1, 0.5, F);
    acc += F[0];
  }
  double t1 = hh_bench_cpu_s();
  printf(hh_tr("MMG force evaluation: %.1f ns (checksum %.3g)\n"),
         1e9 * (t1 - t0) / FORCE_EVALS, acc);
  hh_data_free(d);
  free(m);
  return 0;
}
