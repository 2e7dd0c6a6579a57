/* hh_cmd_bench.c - `haihe bench`: headless real-time factor of the STS scenario under
 * its autopilot on one core, with the rubric on and off, best of several repeats,
 * plus peak memory. A measurement, not a test. */
#define _GNU_SOURCE
#include "hh_cli.h"
#include "../core/hh_i18n.h"
#include "../pilot/hh_pilot.h"
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define REPEATS 9

/* CPU time of this thread (s): on a shared machine it is what a tick costs, free of
   the time other processes take from our core */
double hh_bench_cpu_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* one whole attempt under the autopilot from a reset, the rubric on or off: CPU
   seconds (< 0 on error, err set); *sim_s = simulated seconds */
double hh_bench_attempt(const hh_model *m, hh_data *d, int rubric, double *sim_s,
                        hh_error *err) {
  if (hh_data_reset(m, d, err) != HH_OK) return -1.0;
  d->rubric_enabled = rubric;
  hh_pilot p;
  if (hh_pilot_init(&p, m, err) != HH_OK) return -1.0;
  double t0 = hh_bench_cpu_s();
  while (!d->done) {
    hh_controls c;
    hh_pilot_act(&p, m, d, &c);
    hh_step(m, d, &c);
  }
  hh_finish(m, d);
  *sim_s = d->time_s;
  return hh_bench_cpu_s() - t0;
}

/* One configuration's best run. */
typedef struct bench_res {
  double wall_s;     /* best CPU time of one attempt (s); < 0 before the first */
  uint64_t ticks;    /* ticks in that attempt */
  double sim_s;      /* simulated seconds in that attempt */
} bench_res;

/* run one whole attempt with the rubric on or off; keep it in *best if fastest */
static int bench_once(const hh_model *m, hh_data *d, int rubric, bench_res *best,
                      hh_error *err) {
  double sim_s = 0;
  double cpu = hh_bench_attempt(m, d, rubric, &sim_s, err);
  if (cpu < 0) return err->code;
  if (best->wall_s < 0 || cpu < best->wall_s) {
    best->wall_s = cpu;
    best->ticks = d->tick;
    best->sim_s = d->time_s;
  }
  return HH_OK;
}

/* print one configuration's figures */
static void print_res(const char *label, const bench_res *r) {
  double tps = r->wall_s > 0 ? (double)r->ticks / r->wall_s : 0.0;
  double rtf = r->wall_s > 0 ? r->sim_s / r->wall_s : 0.0;
  printf(hh_tr("%-12s %10.0f ticks/s  real-time factor %8.1fx  (%llu ticks, %.1f s simulated, %.3f s CPU)\n"),
         label, tps, rtf, (unsigned long long)r->ticks, r->sim_s, r->wall_s);
}

int hh_bench_render(int argc, char **argv); /* hh_bench_render.c */
int hh_bench_ship(int argc, char **argv);   /* hh_bench_ship.c */
int hh_bench_cnc(int argc, char **argv);    /* hh_bench_cnc.c */
int hh_bench_marine(int argc, char **argv); /* hh_bench_marine.c */

/* `haihe bench`: rubric on/off tick cost and peak memory */
int hh_cmd_bench(int argc, char **argv) {
  if (argc > 2 && !strcmp(argv[2], "--render")) return hh_bench_render(argc, argv);
  if (argc > 2 && !strcmp(argv[2], "--ship")) return hh_bench_ship(argc, argv); /* hh_bench_ship.c */
  if (argc > 2 && !strcmp(argv[2], "--cnc")) return hh_bench_cnc(argc, argv);
  if (argc > 2 && !strcmp(argv[2], "--marine")) return hh_bench_marine(argc, argv);
  if (argc >= 3 && strcmp(argv[2], "--rubric") == 0) return hh_bench_rubric(argc, argv);
  if (argc > 2) return hh_cli_usage_error("%s: %s", hh_tr("unexpected argument"), argv[2]);
  /* one core: pin to the CPU we are on (best effort) */
  int cpu = sched_getcpu();
  if (cpu >= 0) {
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
  hh_data *d = hh_data_make(m, &err);
  bench_res on = {-1.0, 0, 0.0}, off = {-1.0, 0, 0.0};
  int rc = d ? HH_OK : err.code;
  for (int rep = 0; !rc && rep < REPEATS; rep++) { /* interleaved: same conditions */
    rc = bench_once(m, d, 1, &on, &err);
    if (!rc) rc = bench_once(m, d, 0, &off, &err);
  }
  if (rc) {
    hh_data_free(d);
    free(m);
    return hh_cli_fail(&err);
  }
  printf(hh_tr("Benchmark: %s, autopilot, headless, one core, best of %d\n"), m->id, REPEATS);
  print_res(hh_tr("rubric on"), &on);
  print_res(hh_tr("rubric off"), &off);
  double per_on = on.ticks ? on.wall_s / (double)on.ticks : 0.0;
  double per_off = off.ticks ? off.wall_s / (double)off.ticks : 0.0;
  double share = per_on > 0 ? 100.0 * (per_on - per_off) / per_on : 0.0;
  printf(hh_tr("Tick cost: %.2f us with the rubric, %.2f us without; rubric share of a tick %.1f%%\n"),
         1e6 * per_on, 1e6 * per_off, share);
  struct rusage ru;
  if (getrusage(RUSAGE_SELF, &ru) == 0)
    printf(hh_tr("Peak memory: %.1f MiB\n"), (double)ru.ru_maxrss / 1024.0);
  hh_data_free(d);
  free(m);
  return 0;
}
