/* hh_report.h - the debrief of one attempt: metric time series sampled in the run loop
 * outside hh_step (hh_trace), the self-contained HTML report (hh_report_write), the
 * CSV of rubric items (hh_csv_write), and the hooks that connect them, the results
 * store and competition signing to `haihe run` (hh_debrief_*).
 *
 * Index:
 *   hh_trace_init       size the series from the time limit (one sample every 6 ticks)
 *   hh_trace_sample     sample after a tick (no allocation; decimates when full)
 *   hh_trace_free       release the series
 *   hh_report_write     the HTML debrief, atomically (temp + rename)
 *   hh_csv_write        the items as RFC 4180 CSV, atomically
 *   hh_file_probe       check an output path can be created (before a run)
 *   hh_file_atomic      write a file through a callback into path.tmp, then rename
 *   hh_report_failed_by / hh_report_zeroed_by  faults that fail / zero a section
 *   hh_debrief_*        run hooks: prepare, tick, close the replay, finish, free
 */
#ifndef HH_REPORT_H
#define HH_REPORT_H
#include "hh_cli.h"
#include "hh_results.h"
#include "hh_sign.h"
#include "../sim/hh_replay.h"

#define HH_TRACE_STRIDE 6   /* ticks between samples (0.1 s at 60 Hz) */

/* Sampled quantities. */
enum {
  HH_TRACE_TIME = 0,    /* s */
  HH_TRACE_SWAY,        /* deg, rope angle from vertical */
  HH_TRACE_TROLLEY,     /* m/s trolley speed */
  HH_TRACE_HOIST,       /* m/s rope pay-in speed (+ raising) */
  HH_TRACE_GANTRY,      /* m/s gantry speed */
  HH_TRACE_HEIGHT,      /* m spreader underside above the quay */
  HH_TRACE_GATE,        /* the sway limit's "when" metric (1 = the limit applies) */
  HH_TRACE_N
};

/* A preallocated time series; when full, every other sample is dropped and the
   stride doubles, so any run length fits without allocating. */
typedef struct hh_trace {
  double (*v)[HH_TRACE_N]; /* cap samples */
  int cap, n;
  uint64_t stride;         /* ticks between samples */
  uint64_t last_tick;      /* tick of the last sample */
  int gate_metric;         /* metric sampled into HH_TRACE_GATE, -1 none */
} hh_trace;

int hh_trace_init(hh_trace *t, const hh_model *m, uint64_t max_ticks, hh_error *err);
void hh_trace_sample(hh_trace *t, const hh_data *d, int force);
void hh_trace_free(hh_trace *t);

int hh_report_write(const char *path, const hh_model *m, const hh_data *d,
                    const hh_trace *t, const hh_attempt_info *a, hh_error *err);
int hh_csv_write(const char *path, const hh_model *m, const hh_data *d, hh_error *err);
int hh_file_probe(const char *path, hh_error *err);
int hh_file_atomic(const char *path, int (*body)(FILE *f, void *ctx), void *ctx,
                   hh_error *err);

/* item text / section title in the current language */
const char *hh_report_rule_text(const hh_rule *r);
const char *hh_report_section(const hh_rubric *rb, int s);
/* faults: a rule's critical action (HH_CRIT_NONE: points); rule i failed the attempt
   (zero / end); rule i zeroed its section (zero_section) */
int hh_report_fault_action(const hh_rule *r);
int hh_report_failed_by(const hh_rubric *rb, const hh_rubric_state *st, int i);
int hh_report_zeroed_by(const hh_rubric *rb, const hh_rubric_state *st, int i);

/* What the debrief adds to one run. */
typedef struct hh_debrief {
  hh_trace trace;
  hh_results *db;          /* NULL: not storing (default store unavailable, warned) */
  char db_path[HH_PATH];
  time_t started;
  int signing;             /* sign the replay (competition or --event-key) */
  hh_signer signer;
} hh_debrief;

/* before the run: check output paths, open the results store, size the trace */
int hh_debrief_prepare(hh_debrief *b, const hh_run_opts *o, const hh_model *m,
                       uint64_t max_ticks, hh_error *err);
/* after each tick (outside hh_step) */
void hh_debrief_tick(hh_debrief *b, const hh_data *d);
/* finish the replay: signed in competition mode or with --event-key */
int hh_debrief_close_replay(hh_debrief *b, const hh_run_opts *o, hh_replay_writer *w,
                            const hh_replay_footer *f, const hh_model *m,
                            const hh_data *d, hh_error *err);
/* after the run: store the attempt, write the report and the CSV */
int hh_debrief_finish(hh_debrief *b, const hh_run_opts *o, const hh_model *m,
                      const hh_data *d, int aborted, hh_error *err);
void hh_debrief_free(hh_debrief *b);

#endif
