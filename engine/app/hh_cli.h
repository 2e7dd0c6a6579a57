/* hh_cli.h - internals of the haihe command shared by its sub-command files.
 *
 * Index:
 *   hh_cli_fail            print an error (translated prefix) and return its exit status
 *   hh_cli_usage_error     set HH_E_USAGE with a translated message, print, return 2
 *   hh_cli_exe_dir         folder of the running executable
 *   hh_cli_scenario_dirs   folders searched for scenarios, in order
 *   hh_cli_asset_dir       folder holding assets (i18n, fonts)
 *   hh_cli_find_scenario   resolve a scenario name or path to an existing file
 *   hh_cli_load_scenario   resolve and load a scenario into a new model
 *   hh_cli_title           scenario title in the current language
 *   hh_cli_parse_run       parse `run` options
 *   hh_cli_print_summary   the end-of-run summary, translated
 *   hh_cli_write_json      the result object, written atomically
 *   hh_cli_draw_frame      one desktop frame (scene + HUD) as `run` draws it
 *   hh_cmd_*               sub-commands; each returns the process exit status
 */
#ifndef HH_CLI_H
#define HH_CLI_H
#include <stddef.h>
#include <stdio.h>
#include "../sim/hh_sim.h"

#define HH_PATH 1024
#define HH_MAX_SCENARIO_DIRS 4
#define HH_DEFAULT_SCENARIO "port/sts_first_lift"
#define HH_EXIT_MISMATCH 3  /* rescore: re-simulation differs from the recording */

/* Options of `haihe run` (zero = default). */
typedef struct hh_run_opts {
  const char *scenario;   /* name or path as given */
  int headless;           /* --headless */
  int autopilot;          /* --autopilot */
  const char *record;     /* --record F */
  const char *replay;     /* --replay F */
  const char *json;       /* --json F */
  const char *screenshot; /* --screenshot F.png */
  double at_s;            /* --at S: sim time of the screenshot (s) */
  int width, height;      /* --size WxH (pixels) */
  double seconds;         /* --seconds S: stop after S simulated seconds; 0 = none */
  int camera;             /* --camera: hh_camera_mode */
  int xr;                 /* --xr: VR through OpenXR, falls back to the desktop */
  int demo;               /* started as the default demo (no arguments) */
  int large_print;        /* --large-print: HUD for projectors */
  int sea_state;          /* --sea-state N: instructor's WMO sea state 1..6 (marine); 0 = scenario's */
  const char *report;     /* --report F.html: the debrief (engine/app/hh_report*.c) */
  const char *csv;        /* --csv F: the rubric items as CSV */
  const char *db;         /* --db PATH: results database (default under the data dir) */
  const char *trainee;    /* --trainee ID */
  int competition;        /* --competition (engine/app/hh_competition.c) */
  const char *event_key;  /* --event-key FILE: sign with HMAC instead of the station key */
} hh_run_opts;

int hh_cli_fail(const hh_error *err);
int hh_cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

const char *hh_cli_exe_dir(void);
int hh_cli_scenario_dirs(char dirs[][HH_PATH], int max);
int hh_cli_asset_dir(char *out, size_t cap);
int hh_cli_find_scenario(const char *arg, char *out, size_t cap, hh_error *err);
hh_model *hh_cli_load_scenario(const char *arg, char *path, size_t cap, hh_error *err);
const char *hh_cli_title(const hh_model *m);

int hh_cli_parse_run(int argc, char **argv, int first, hh_run_opts *o);

void hh_cli_print_summary(FILE *out, const hh_model *m, const hh_data *d);
int hh_cli_write_json(const char *path, const hh_model *m, const hh_data *d,
                      hh_error *err);
/* the result object as a new NUL-terminated string (free()); NULL when out of memory */
char *hh_cli_json_string(const hh_model *m, const hh_data *d);

int hh_cmd_run(const hh_run_opts *o);
/* one desktop frame as `haihe run` draws it: the scene of v (a blended view) through
   cam, then the HUD, into t (hh_cmd_run.c; the render bench draws the same) */
struct hh_renderer;
struct hh_camera;
struct hh_rtarget;
void hh_cli_draw_frame(struct hh_renderer *ren, const hh_model *m, const hh_data *v,
                       const struct hh_camera *cam, const struct hh_rtarget *t);
int hh_cmd_rescore(int argc, char **argv);
int hh_cmd_list(int argc, char **argv);
int hh_cmd_check(int argc, char **argv);
int hh_cmd_bench(int argc, char **argv);
/* CPU time of this thread (s): what a tick costs on a shared machine (hh_cmd_bench.c) */
double hh_bench_cpu_s(void);
/* one whole attempt under the autopilot from a reset, the rubric on or off: CPU
   seconds (< 0 on error, err set); *sim_s = simulated seconds (hh_cmd_bench.c) */
double hh_bench_attempt(const hh_model *m, hh_data *d, int rubric, double *sim_s,
                        hh_error *err);
int hh_bench_rubric(int argc, char **argv); /* `haihe bench --rubric` (hh_bench_rubric.c) */
int hh_cmd_gcode(int argc, char **argv); /* hh_cmd_gcode.c */
int hh_cmd_results(int argc, char **argv);
void hh_cli_print_usage(FILE *out);

#endif
