/* hh_rubric.c - STUB: replaced by the rubric implementation. */
#include "hh_rubric.h"
#include <string.h>
void hh_rubric_reset(const hh_rubric *rb, hh_rubric_state *st, hh_event *log) { (void)rb; memset(st, 0, sizeof *st); st->log = log; st->critical_rule = -1; }
void hh_rubric_eval(const hh_rubric *rb, hh_rubric_state *st, const double *metric, uint64_t tick, double time_s, double dt_s) { (void)rb; (void)st; (void)metric; (void)tick; (void)time_s; (void)dt_s; }
void hh_rubric_finish(const hh_rubric *rb, hh_rubric_state *st, const double *metric, uint64_t tick, double time_s) { (void)rb; (void)st; (void)metric; (void)tick; (void)time_s; }
double hh_rubric_score(const hh_rubric *rb, const hh_rubric_state *st) { (void)st; return rb->max_score; }
