/* hh_bench_cnc.c - `haihe bench --cnc`: material removal speed on one core. A 100k-move
 * 3D surfacing program (ball end mill D6, 200 rows of 500 moves, 0.5 mm stepover)
 * over a 100 x 100 mm block at 0.1 mm cells (one million cells), swept directly through
 * hh_cnc_sweep. Prints the CPU time, moves per second and cell updates per second
 * (cells inside each move's swept capsule). A measurement, not a test. */
#define _GNU_SOURCE
#include "hh_cli.h"
#include "../core/hh_i18n.h"
#include "../machines/cnc/hh_cnc.h"
#include <math.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ROWS 200
#define MOVES_PER_ROW 500

/* the surface the program follows: 2..4 mm below the top (m) */
static double surface(double x, double y) {
  return 0.018 - 0.001 * (1.0 + sin(x * 90.0) * cos(y * 70.0));
}

/* `haihe bench --cnc` */
int hh_bench_cnc(int argc, char **argv) {
  (void)argc;
  (void)argv;
  int cpu = sched_getcpu();
  if (cpu >= 0) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    sched_setaffinity(0, sizeof set, &set);
  }
  static hh_model m;
  hh_model_defaults(&m);
  m.machine = HH_MACHINE_CNC_MILL;
  hh_cnc_model *k = &m.cnc;
  for (int i = 0; i < 3; i++) {
    k->travel_min[i] = -1;
    k->travel_max[i] = 1;
  }
  k->stock_max[0] = k->stock_max[1] = 0.1;
  k->stock_max[2] = 0.02;
  k->res = 0.1e-3;
  k->tool[0] = (hh_cnc_tool){.number = 1, .type = HH_TOOL_BALL, .radius = 3e-3,
                             .flute_len = 0.02, .length = 0.1, .teeth = 2};
  k->n_tools = 1;
  k->first_tool = 1;
  hh_error err;
  memset(&err, 0, sizeof err);
  hh_data *d = hh_data_make(&m, &err);
  if (!d) return hh_cli_fail(&err);
  d->cnc.spindle_speed = 200;
  d->cnc.spindle_dir = 1;
  double step = 0.1 / MOVES_PER_ROW, Rm = 3e-3 + 2 * k->res;
  double cells = 0;
  double t0 = hh_bench_cpu_s();
  for (int r = 0; r < ROWS; r++) {
    double y = (r + 0.5) * 0.1 / ROWS;
    for (int i = 0; i < MOVES_PER_ROW; i++) {
      double x0 = i * step, x1 = x0 + step;
      if (r & 1) x0 = 0.1 - x0, x1 = 0.1 - x1;
      double a[3] = {x0, y, surface(x0, y)}, b[3] = {x1, y, surface(x1, y)};
      hh_cnc_sweep(&m, d, a, b, 0);
      cells += (2 * Rm * step + M_PI * Rm * Rm) / (k->res * k->res);
    }
  }
  double t = hh_bench_cpu_s() - t0;
  int moves = ROWS * MOVES_PER_ROW;
  printf(hh_tr("Material removal: %d moves, ball D6, 100 x 100 mm at 0.1 mm (%d x %d cells)\n"),
         moves, d->cnc.nx, d->cnc.ny);
  printf(hh_tr("CPU time %.3f s (target < 2 s): %.0f moves/s, %.3g cell updates/s, removed %.1f cm^3\n"),
         t, moves / t, cells / t, d->cnc.removed * 1e6);
  hh_data_free(d);
  return 0;
}
