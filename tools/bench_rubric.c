/* bench_rubric.c - the rubric benchmark (compiled rubric vs Lua closures, ns per rule per
 * tick) on a metric track file written by `haihe bench --rubric --save-track F`, with no
 * physics, SDL or GL: a small static program for a quiet machine. Not a test.
 *
 * Build (from the repository root):
 *   gcc -std=c11 -O2 -ffp-contract=off -Iengine -I/usr/include/lua5.4 -o bench_rubric \
 *       tools/bench_rubric.c engine/app/hh_bench_rubric_core.c engine/rubric/hh_rubric*.c \
 *       engine/core/hh_i18n.c engine/core/hh_error.c engine/sim/hh_metrics.c \
 *       /usr/lib/x86_64-linux-gnu/liblua5.4.a -lm -static
 * Run: ./bench_rubric TRACK_FILE
 */
#define _GNU_SOURCE
#include "app/hh_bench_rubric.h"
#include "sim/hh_sim.h"
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

/* read the raw track (ticks x HH_METRIC_COUNT doubles) at path into t; 0 on success */
static int read_track(const char *path, hh_bench_track *t) {
  FILE *f = fopen(path, "rb");
  if (!f) return 1;
  size_t row = HH_METRIC_COUNT * sizeof(double), cap = 1 << 14, n = 0;
  t->m = malloc(cap * row);
  while (t->m && fread(t->m + n * HH_METRIC_COUNT, row, 1, f) == 1) {
    if (++n == cap) {
      double *more = realloc(t->m, 2 * cap * row);
      if (!more) break;
      t->m = more;
      cap *= 2;
    }
  }
  fclose(f);
  t->ticks = (int)n;
  t->dt = 1.0 / HH_TICK_HZ;
  return !t->m || n == 0;
}

/* bench_rubric TRACK_FILE: print the benchmark table */
int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: bench_rubric TRACK_FILE (from haihe bench --rubric --save-track)\n");
    return 2;
  }
  hh_bench_track t = {NULL, 0, 0};
  if (read_track(argv[1], &t)) {
    fprintf(stderr, "bench_rubric: cannot read the track %s\n", argv[1]);
    return 2;
  }
  int cpu = sched_getcpu();
  if (cpu >= 0) { /* one core (best effort) */
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    sched_setaffinity(0, sizeof set, &set);
  }
  int rc = hh_bench_rubric_track(&t, argv[1]);
  free(t.m);
  return rc ? 1 : 0;
}
