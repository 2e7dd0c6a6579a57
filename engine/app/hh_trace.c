/* hh_trace.c - metric time series for the debrief, sampled in the run loop after each
 * tick (never inside hh_step). Storage is allocated once from the time limit; a run
 * longer than planned halves the resolution instead of allocating. */
#include "hh_report.h"
#include "../core/hh_i18n.h"
#include <stdlib.h>
#include <string.h>

#define DEFAULT_PLAN_S 600.0  /* seconds planned for when a scenario has no time limit */
#define MAX_PLAN_S 3600.0     /* longer runs halve the resolution instead (s) */

/* size the series for the run's length (time limit, or max_ticks when shorter) */
int hh_trace_init(hh_trace *t, const hh_model *m, uint64_t max_ticks, hh_error *err) {
  memset(t, 0, sizeof *t);
  double plan_s = m->time_limit_s > 0 ? m->time_limit_s : DEFAULT_PLAN_S;
  if (plan_s > MAX_PLAN_S) plan_s = MAX_PLAN_S;
  uint64_t ticks = (uint64_t)(plan_s * HH_TICK_HZ) + 1;
  if (max_ticks && max_ticks < ticks) ticks = max_ticks;
  t->cap = (int)(ticks / HH_TRACE_STRIDE) + 4;
  t->stride = HH_TRACE_STRIDE;
  t->gate_metric = -1; /* the gate of the first sway limit, drawn as shading */
  for (int i = m->rubric.n_rules - 1; i >= 0; i--) {
    const hh_rule *r = &m->rubric.rule[i];
    if (r->kind == HH_RULE_THRESHOLD && r->metric == HH_M_SWAY_ANGLE && r->when >= 0)
      t->gate_metric = r->when;
  }
  t->v = calloc((size_t)t->cap, sizeof *t->v);
  if (!t->v) return hh_error_set(err, HH_E_NOMEM, "", 0, 0, "%s", hh_tr("out of memory"));
  return HH_OK;
}

/* drop every other sample (keeping the first) and double the stride */
static void decimate(hh_trace *t) {
  int k = 0;
  for (int i = 0; i < t->n; i += 2) memcpy(t->v[k++], t->v[i], sizeof t->v[0]);
  t->n = k;
  t->stride *= 2;
}

/* record d's metrics when its tick is on the stride, the attempt ended, or force */
void hh_trace_sample(hh_trace *t, const hh_data *d, int force) {
  if (!t->v) return;
  int last = (force || d->done) && (t->n == 0 || t->last_tick != d->tick);
  if (d->tick % t->stride != 0 && !last) return;
  if (t->n > 0 && t->last_tick == d->tick) return;
  if (t->n == t->cap) decimate(t);
  double *s = t->v[t->n++];
  s[HH_TRACE_TIME] = d->time_s;
  s[HH_TRACE_SWAY] = d->metric[HH_M_SWAY_ANGLE];
  s[HH_TRACE_TROLLEY] = d->metric[HH_M_TROLLEY_SPEED];
  s[HH_TRACE_HOIST] = d->metric[HH_M_HOIST_SPEED];
  s[HH_TRACE_GANTRY] = d->metric[HH_M_GANTRY_SPEED];
  s[HH_TRACE_HEIGHT] = d->metric[HH_M_HOIST_HEIGHT];
  s[HH_TRACE_GATE] = t->gate_metric >= 0 ? d->metric[t->gate_metric] : 0.0;
  t->last_tick = d->tick;
}

/* release the series */
void hh_trace_free(hh_trace *t) {
  free(t->v);
  memset(t, 0, sizeof *t);
}
