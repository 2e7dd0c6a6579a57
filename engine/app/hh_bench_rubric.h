/* hh_bench_rubric.h - the rubric benchmark on a recorded metric track (not a test).
 *
 * Index:
 *   hh_bench_rubric_track   compiled rubric vs Lua closures, 10 / 100 / 1000 rules
 */
#ifndef HH_BENCH_RUBRIC_H
#define HH_BENCH_RUBRIC_H
#include "../rubric/hh_rubric.h"
#include "../sim/hh_metrics.h"

/* A recorded metric track: ticks rows of HH_METRIC_COUNT values (d->metric per tick). */
typedef struct hh_bench_track {
  double *m;
  int ticks;
  double dt;               /* tick length (s) */
} hh_bench_track;

/* print the benchmark table for 10, 100 and 1000 rules over track t; 0 or an error
   code (message on stderr) */
int hh_bench_rubric_track(const hh_bench_track *t, const char *source);

#endif
