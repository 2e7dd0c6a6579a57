/* hh_rubric.c - the hot rubric evaluator: thresholds, edges, criticals per tick;
 * final bands and time curves once at the end. No allocation, no strings, no I/O.
 * Semantics at the boundaries are documented in docs/rubric.md.
 */
#include "hh_rubric.h"
#include <math.h>
#include <string.h>

/* time tolerance for comparing accumulated excursion time with a dwell (s) */
#define HH_DWELL_EPS 1e-9
/* tolerance when counting started units outside a band (fraction of a unit) */
#define HH_UNIT_EPS 1e-9

/* zero the per-attempt state; log points at log_capacity entries owned by the caller */
void hh_rubric_reset(const hh_rubric *rb, hh_rubric_state *st, hh_event *log) {
  (void)rb;
  memset(st, 0, sizeof *st);
  st->log = log;
  st->critical_rule = -1;
}

/* capacity of the attached log */
static int log_cap(const hh_rubric *rb, const hh_rubric_state *st) {
  return st->log ? rb->log_capacity : 0;
}

/* append one event; returns 1 + its index, or 0 when the log is full (counted) */
static int log_event(const hh_rubric *rb, hh_rubric_state *st, int rule, uint64_t tick,
                     double time_s, double value, double points) {
  if (st->log_len >= log_cap(rb, st)) {
    st->log_dropped++;
    return 0;
  }
  hh_event *e = &st->log[st->log_len++];
  e->tick = tick;
  e->time_s = time_s;
  e->rule = rule;
  e->value = value;
  e->deducted = points;
  return st->log_len;
}

/* take up to want points for rule i, never beyond its cap; returns points taken */
static double take(const hh_rule *r, hh_rule_state *rs, double want) {
  double room = r->cap - rs->deducted;
  double got = want < room ? want : room;
  if (got <= 0.0) return 0.0;
  rs->deducted += got;
  return got;
}

/* 1 when the rule's gate metric allows it to act this tick */
static int gate_open(const hh_rule *r, const double *metric) {
  return r->when < 0 || metric[r->when] != 0.0;
}

/* end the current excursion of a threshold rule */
static void end_excursion(hh_rule_state *rs) {
  rs->in_excursion = 0;
  rs->counted = 0;
  rs->beyond_s = 0.0;
  rs->log_slot = 0;
}

/* THRESHOLD: excursion timing, once-per-excursion points and per-second points */
static void eval_threshold(const hh_rubric *rb, hh_rubric_state *st, int i,
                           const double *metric, uint64_t tick, double time_s,
                           double dt_s) {
  const hh_rule *r = &rb->rule[i];
  hh_rule_state *rs = &st->r[i];
  double v = metric[r->metric];
  int beyond = r->cmp == HH_CMP_LT ? v < r->limit : v > r->limit;
  if (!beyond || !gate_open(r, metric)) {
    end_excursion(rs);
    return;
  }
  double before = rs->beyond_s;
  rs->in_excursion = 1;
  rs->beyond_s += dt_s;
  if (rs->beyond_s <= r->dwell_s + HH_DWELL_EPS) return;
  if (!rs->counted) {
    /* the excursion has just outlasted the dwell: one event for it */
    rs->counted = 1;
    double over = rs->beyond_s - (before > r->dwell_s ? before : r->dwell_s);
    double got = take(r, rs, r->points + r->per_second * over);
    if (got > 0.0) {
      rs->count++;
      rs->log_slot = log_event(rb, st, i, tick, time_s, v, got);
    }
    return;
  }
  if (r->per_second > 0.0) {
    /* later ticks of a counted excursion accrue into the same event */
    double got = take(r, rs, r->per_second * dt_s);
    if (got > 0.0 && rs->log_slot > 0) st->log[rs->log_slot - 1].deducted += got;
  }
}

/* EDGE: points per unit increase of the metric (a flag's 0->1 is one unit) */
static void eval_edge(const hh_rubric *rb, hh_rubric_state *st, int i,
                      const double *metric, uint64_t tick, double time_s) {
  const hh_rule *r = &rb->rule[i];
  hh_rule_state *rs = &st->r[i];
  double v = metric[r->metric];
  double rise = v - rs->prev;
  rs->prev = v;
  if (!(rise > 0.0) || !gate_open(r, metric)) return;
  double got = take(r, rs, r->points * rise);
  if (got <= 0.0) return;
  rs->count += (int)ceil(rise - HH_UNIT_EPS);
  log_event(rb, st, i, tick, time_s, v, got);
}

/* CRITICAL: a flag's 0->1 is a critical fault (zero the score or end the task) */
static void eval_critical(const hh_rubric *rb, hh_rubric_state *st, int i,
                          const double *metric, uint64_t tick, double time_s) {
  const hh_rule *r = &rb->rule[i];
  hh_rule_state *rs = &st->r[i];
  double v = metric[r->metric];
  int rose = v != 0.0 && rs->prev == 0.0;
  rs->prev = v;
  if (!rose || !gate_open(r, metric)) return;
  rs->count++;
  if (!st->critical) st->critical_rule = i;
  st->critical = 1;
  if (r->action == HH_CRIT_ZERO) st->zeroed = 1;
  if (r->action == HH_CRIT_END) st->end_requested = 1;
  log_event(rb, st, i, tick, time_s, v, 0.0);
}

/* evaluate THRESHOLD, EDGE and CRITICAL rules for one tick (dt_s = tick length) */
void hh_rubric_eval(const hh_rubric *rb, hh_rubric_state *st, const double *metric,
                    uint64_t tick, double time_s, double dt_s) {
  if (st->finished) return;
  for (int i = 0; i < rb->n_rules; i++) {
    switch (rb->rule[i].kind) {
    case HH_RULE_THRESHOLD:
      eval_threshold(rb, st, i, metric, tick, time_s, dt_s);
      break;
    case HH_RULE_EDGE:
      eval_edge(rb, st, i, metric, tick, time_s);
      break;
    case HH_RULE_CRITICAL:
      eval_critical(rb, st, i, metric, tick, time_s);
      break;
    default:
      break;
    }
  }
}

/* FINAL_BAND loss: points per started unit outside [lo, hi]; all of it if unmeasurable */
static double band_loss(const hh_rule *r, double v) {
  if (v >= r->lo && v <= r->hi) return 0.0;
  if (isnan(v)) return r->cap;
  double out = v < r->lo ? r->lo - v : v - r->hi;
  return r->points * ceil(out / r->unit - HH_UNIT_EPS);
}

/* TIME_CURVE loss: 0 up to optimum, linear to the whole cap at zero_factor * optimum */
static double time_loss(const hh_rule *r, double t) {
  if (isnan(t)) return r->cap;
  if (t <= r->optimum_s) return 0.0;
  double span = (r->zero_factor - 1.0) * r->optimum_s;
  double f = span > 0.0 ? (t - r->optimum_s) / span : 1.0;
  return f >= 1.0 ? r->cap : r->cap * f;
}

/* apply FINAL_BAND and TIME_CURVE rules once at the end of the attempt */
void hh_rubric_finish(const hh_rubric *rb, hh_rubric_state *st, const double *metric,
                      uint64_t tick, double time_s) {
  if (st->finished) return;
  st->finished = 1;
  for (int i = 0; i < rb->n_rules; i++) {
    const hh_rule *r = &rb->rule[i];
    if (r->kind != HH_RULE_FINAL_BAND && r->kind != HH_RULE_TIME_CURVE) continue;
    double v = metric[r->metric];
    double want;
    if (!gate_open(r, metric))
      want = r->cap; /* the measurement could not be made: the item is lost */
    else
      want = r->kind == HH_RULE_FINAL_BAND ? band_loss(r, v) : time_loss(r, v);
    double got = take(r, &st->r[i], want);
    if (got <= 0.0) continue;
    st->r[i].count++;
    log_event(rb, st, i, tick, time_s, v, got);
  }
}

/* score now: max_score minus deductions (floored at 0), 0 after a zeroing critical */
double hh_rubric_score(const hh_rubric *rb, const hh_rubric_state *st) {
  if (st->zeroed) return 0.0;
  double s = rb->max_score;
  for (int i = 0; i < rb->n_rules; i++) s -= st->r[i].deducted;
  return s > 0.0 ? s : 0.0;
}
