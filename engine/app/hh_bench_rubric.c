/* hh_bench_rubric.c - `haihe bench --rubric [--save-track F]`: record the metric track
 * of the STS scenario under its autopilot (d->metric every tick) and run the rubric
 * benchmark on it (hh_bench_rubric_core.c); --save-track also writes the track as raw
 * doubles (ticks x HH_METRIC_COUNT) for tools/bench_rubric.c. A measurement, not a test.
 */
#define _GNU_SOURCE
#include "hh_cli.h"
#include "hh_bench_rubric.h"
#include "../core/hh_i18n.h"
#include "../pilot/hh_pilot.h"
#include <sched.h>
#include <stdlib.h>
#include <string.h>

/* run the scenario's autopilot and keep d->metric of every tick */
static int record(const hh_model *m, hh_bench_track *t, hh_error *err) {
  hh_data *d = hh_data_make(m, err);
  if (!d) return err->code;
  hh_pilot p;
  if (hh_pilot_init(&p, m, err) != HH_OK) {
    hh_data_free(d);
    return err->code;
  }
  int cap = (int)(m->time_limit_s / m->dt) + 2;
  t->m = malloc((size_t)cap * HH_METRIC_COUNT * sizeof *t->m);
  t->ticks = 0;
  t->dt = m->dt;
  if (!t->m) {
    hh_data_free(d);
    return hh_error_set(err, HH_E_NOMEM, "", 0, 0, "%s", hh_tr("out of memory"));
  }
  while (!d->done && t->ticks < cap) {
    hh_controls c;
    hh_pilot_act(&p, m, d, &c);
    hh_step(m, d, &c);
    memcpy(t->m + (size_t)t->ticks * HH_METRIC_COUNT, d->metric, sizeof d->metric);
    t->ticks++;
  }
  hh_data_free(d);
  return HH_OK;
}

/* write the track as raw doubles; 0 or an error */
static int save_track(const char *path, const hh_bench_track *t, hh_error *err) {
  FILE *f = fopen(path, "wb");
  size_t n = (size_t)t->ticks * HH_METRIC_COUNT;
  int ok = f && fwrite(t->m, sizeof *t->m, n, f) == n;
  if (f && fclose(f) != 0) ok = 0;
  if (!ok) return hh_error_set(err, HH_E_FILE_NOT_FOUND, path, 0, 0, "%s", hh_tr("cannot write the track file"));
  return HH_OK;
}

/* `haihe bench --rubric [--save-track F]`: compiled rubric vs Lua closures */
int hh_bench_rubric(int argc, char **argv) {
  const char *save = NULL;
  if (argc == 5 && strcmp(argv[3], "--save-track") == 0) save = argv[4];
  else if (argc != 3) return hh_cli_usage_error("%s: %s", hh_tr("unexpected argument"), argv[3]);
  int cpu = sched_getcpu();
  if (cpu >= 0) { /* one core: pin to the CPU we are on (best effort) */
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    sched_setaffinity(0, sizeof set, &set);
  }
  hh_error err;
  memset(&err, 0, sizeof err);
  char path[HH_PATH];
  hh_model *m = hh_cli_load_scenario(HH_DEFAULT_SCENARIO, path, sizeof path, &err);
  if (!m) return hh_cli_fail(&err);
  hh_bench_track t = {NULL, 0, m->dt};
  int rc = record(m, &t, &err);
  if (!rc && save) rc = save_track(save, &t, &err);
  if (!rc && hh_bench_rubric_track(&t, m->id) != HH_OK) rc = HH_E_INTERNAL;
  free(t.m);
  free(m);
  if (rc == HH_E_INTERNAL) return 1;
  return rc ? hh_cli_fail(&err) : 0;
}
