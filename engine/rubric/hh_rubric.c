/* hh_rubric.c - the hot rubric evaluator: per tick, the compiled ops (criticals, order,
 * preconditions, edges) only when a metric they read changed, then every threshold with
 * a quick test on packed keys (scan_*) and per-op state (op_mode, op_prev), then time
 * limits; the rule logic runs only when an op's state changes; final bands and time curves once at the end. No allocation, no strings, no I/O.
 * Semantics at the boundaries are documented in docs/rubric.md.
 */
#include "hh_rubric.h"
#include <math.h>
#include <string.h>

/* time tolerance for comparing accumulated excursion time with a dwell (s) */
#define HH_DWELL_EPS 1e-9
/* tolerance when counting started units outside a band (fraction of a unit) */
#define HH_UNIT_EPS 1e-9
/* the rule logic run when a quick test found a change: kept out of the scan loops */
#define HH_COLD __attribute__((cold, noinline))

/* zero the per-attempt state; log points at log_capacity entries owned by the caller */
void hh_rubric_reset(const hh_rubric *rb, hh_rubric_state *st, hh_event *log) {
  (void)rb;
  memset(st, 0, sizeof *st);
  st->log = log;
  st->critical_rule = -1;
}

/* append one event; returns 1 + its index, or 0 when the log is full (counted) */
static int log_event(const hh_rubric *rb, hh_rubric_state *st, int rule, uint64_t tick,
                     double time_s, double value, double points) {
  int cap = st->log ? rb->log_capacity : 0;
  if (st->log_len >= cap) {
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

/* take up to want points for a rule within its cap and its section's room; returns
   the points taken */
static double take(const hh_rubric *rb, hh_rubric_state *st, int rule, int sec, double cap,
                   double want) {
  hh_rule_state *rs = &st->r[rule];
  double room = cap - rs->deducted;
  double sroom = rb->section_limit[sec] - st->sec_deducted[sec];
  if (sroom < room) room = sroom;
  double got = want < room ? want : room;
  if (!(got > 0.0)) return 0.0;
  rs->deducted += got;
  st->sec_deducted[sec] += got;
  return got;
}

/* a critical fault of op o's rule with action a: zero, end, or zero its section */
HH_COLD static void fault(const hh_rubric *rb, hh_rubric_state *st, const hh_rule_op *o, int a,
                  uint64_t tick, double time_s, double value) {
  hh_rule_state *rs = &st->r[o->rule];
  double got = 0.0;
  rs->count++;
  if (a == HH_CRIT_ZERO_SECTION) {
    /* the section loses what it still can; the points are this rule's */
    got = rb->section_limit[o->section] - st->sec_deducted[o->section];
    if (got > 0.0) {
      rs->deducted += got;
      st->sec_deducted[o->section] += got;
    } else {
      got = 0.0;
    }
    st->sec_zeroed[o->section] = 1;
  } else {
    if (!st->critical) st->critical_rule = o->rule;
    st->critical = 1;
    if (a == HH_CRIT_ZERO) st->zeroed = 1;
    if (a == HH_CRIT_END) st->end_requested = 1;
  }
  log_event(rb, st, o->rule, tick, time_s, value, got);
}

/* one violation of op o: a fault when it has an action, else points (one event) */
HH_COLD static int violation(const hh_rubric *rb, hh_rubric_state *st, const hh_rule_op *o,
                     double want, uint64_t tick, double time_s, double value) {
  if (o->action != HH_CRIT_NONE) {
    fault(rb, st, o, o->action, tick, time_s, value);
    return 0;
  }
  double got = take(rb, st, o->rule, o->section, o->cap, want);
  if (!(got > 0.0)) return 0;
  st->r[o->rule].count++;
  return log_event(rb, st, o->rule, tick, time_s, value, got);
}

/* end the current excursion of a threshold / precondition rule */
static inline void end_excursion(hh_rule_state *rs) {
  rs->in_excursion = 0;
  rs->counted = 0;
  rs->beyond_s = 0.0;
  rs->log_slot = 0;
}

/* one tick of an excursion (THRESHOLD, PRECONDITION): dwell, then one violation per
   excursion, then per-second points accruing into its event */
static void excursion(const hh_rubric *rb, hh_rubric_state *st, const hh_rule_op *o,
                      double v, uint64_t tick, double time_s, double dt_s) {
  hh_rule_state *rs = &st->r[o->rule];
  double before = rs->beyond_s;
  rs->in_excursion = 1;
  rs->beyond_s += dt_s;
  if (rs->beyond_s <= o->dwell_s + HH_DWELL_EPS) return;
  if (!rs->counted) {
    /* the excursion has just outlasted the dwell: one event for it */
    rs->counted = 1;
    double over = rs->beyond_s - (before > o->dwell_s ? before : o->dwell_s);
    rs->log_slot = violation(rb, st, o, o->points + o->per_second * over, tick, time_s, v);
    return;
  }
  if (o->per_second > 0.0) {
    /* later ticks of a counted excursion accrue into the same event */
    double got = take(rb, st, o->rule, o->section, o->cap, o->per_second * dt_s);
    if (got > 0.0 && rs->log_slot > 0) st->log[rs->log_slot - 1].deducted += got;
  }
}

/* 1 when op k's gate is open this tick (no gate: always) */
static inline int gate_ok(const hh_rubric *rb, const double *metric, int k) {
  int g = rb->scan_gate[k];
  return g < 0 || metric[g] != 0.0;
}

/* op k of an excursion group whose condition (on) disagrees with its mode: start or
   continue the excursion, or end it; then its mode for the next tick (an event-driven
   op needing work each tick stays in the active set) */
HH_COLD static void excursion_step(const hh_rubric *rb, hh_rubric_state *st, int k, int on,
                                   const double *metric, uint64_t tick, double time_s,
                                   double dt_s) {
  const hh_rule_op *o = &rb->op[k];
  hh_rule_state *rs = &st->r[o->rule];
  int mode = 0;
  if (on) {
    excursion(rb, st, o, metric[o->metric], tick, time_s, dt_s);
    mode = rs->counted && o->per_second == 0.0 ? 2 : 1;
  } else {
    end_excursion(rs);
  }
  st->op_mode[k] = (uint8_t)mode;
  if (o->code < HH_OP_THRESHOLD) {
    uint64_t bit = (uint64_t)1 << (k % 64);
    st->active[k / 64] = mode == 1 ? st->active[k / 64] | bit : st->active[k / 64] & ~bit;
  }
}

/* CRITICAL op k: a flag's 0->1 (gate open) is a critical fault */
static void one_critical(const hh_rubric *rb, hh_rubric_state *st, int k, const double *metric,
                         uint64_t tick, double time_s) {
  double v = metric[rb->scan_metric[k]], p = st->op_prev[k];
  st->op_prev[k] = v;
  if (v != 0.0 && p == 0.0 && gate_ok(rb, metric, k))
    fault(rb, st, &rb->op[k], rb->op[k].action, tick, time_s, v);
}

/* ORDER op k: a rise of metric before metric_b has ever been non-zero is a violation */
static void one_order(const hh_rubric *rb, hh_rubric_state *st, int k, const double *metric,
                      uint64_t tick, double time_s) {
  if (st->op_mode[k]) return; /* metric_b seen: in order for good (prev unused) */
  double v = metric[rb->scan_metric[k]], p = st->op_prev[k];
  st->op_prev[k] = v;
  if (metric[rb->scan_other[k]] != 0.0) {
    st->op_mode[k] = 1;
    return;
  }
  if (v > p && gate_ok(rb, metric, k))
    violation(rb, st, &rb->op[k], rb->op[k].points, tick, time_s, v);
}

/* PRECONDITION op k: metric non-zero while metric_b is zero (gate open) is an
   excursion; past the dwell, a violation */
static void one_precondition(const hh_rubric *rb, hh_rubric_state *st, int k,
                             const double *metric, uint64_t tick, double time_s, double dt_s) {
  int on = metric[rb->scan_metric[k]] != 0.0 && metric[rb->scan_other[k]] == 0.0 &&
           gate_ok(rb, metric, k);
  if (st->op_mode[k] != 2 * on) /* else settled: nothing changes */
    excursion_step(rb, st, k, on, metric, tick, time_s, dt_s);
}

/* EDGE op k: points per unit increase of the metric (a flag's 0->1 is one unit) */
static void one_edge(const hh_rubric *rb, hh_rubric_state *st, int k, const double *metric,
                     uint64_t tick, double time_s) {
  double v = metric[rb->scan_metric[k]], p = st->op_prev[k];
  st->op_prev[k] = v;
  if (!(v > p) || !gate_ok(rb, metric, k)) return;
  const hh_rule_op *o = &rb->op[k];
  double rise = v - p;
  double got = take(rb, st, o->rule, o->section, o->cap, o->points * rise);
  if (got <= 0.0) return;
  st->r[o->rule].count += (int)ceil(rise - HH_UNIT_EPS);
  log_event(rb, st, o->rule, tick, time_s, v, got);
}

/* the event-driven ops (critical, order, precondition, edge), in op order: those
   reading a metric that changed since the previous tick, and the active ones. An op
   whose inputs did not change would find nothing new (its previous value equals the
   current one; its condition is as before), so skipping it changes nothing. */
/* run event-driven op k with its evaluator */
static inline void run_op(const hh_rubric *rb, hh_rubric_state *st, int k,
                          const double *metric, uint64_t tick, double time_s, double dt_s) {
  switch (rb->op[k].code) {
  case HH_OP_CRITICAL: one_critical(rb, st, k, metric, tick, time_s); break;
  case HH_OP_ORDER: one_order(rb, st, k, metric, tick, time_s); break;
  case HH_OP_PRECONDITION: one_precondition(rb, st, k, metric, tick, time_s, dt_s); break;
  default: one_edge(rb, st, k, metric, tick, time_s); break;
  }
}

/* run_events for at most 64 event-driven ops: one word of bits, no word loops (the
   common case; the per-tick fixed cost dominates small rubrics) */
static void run_events_small(const hh_rubric *rb, hh_rubric_state *st, const double *metric,
                             uint64_t tick, double time_s, double dt_s) {
  uint64_t dirty = st->active[0];
  const int16_t *watch = rb->watch;
  double *last = st->watch_last;
  for (int w = 0, nw = rb->n_watch; w < nw; w++) {
    double v = metric[watch[w]];
    if (v == last[w]) continue; /* NaN never equals: always looked at */
    last[w] = v;
    dirty |= rb->watch_ops[w][0];
  }
  for (; dirty; dirty &= dirty - 1)
    run_op(rb, st, __builtin_ctzll(dirty), metric, tick, time_s, dt_s);
}

static void run_events(const hh_rubric *rb, hh_rubric_state *st, const double *metric,
                       uint64_t tick, double time_s, double dt_s) {
  int n = rb->op_start[HH_OP_THRESHOLD];
  if (n == 0) return;
  if (n <= 64) {
    run_events_small(rb, st, metric, tick, time_s, dt_s);
    return;
  }
  int words = (n + 63) / 64;
  uint64_t dirty[HH_RUBRIC_OP_WORDS];
  for (int i = 0; i < words; i++) dirty[i] = st->active[i];
  for (int w = 0; w < rb->n_watch; w++) {
    double v = metric[rb->watch[w]];
    if (v == st->watch_last[w]) continue; /* NaN never equals: always looked at */
    st->watch_last[w] = v;
    for (int i = 0; i < words; i++) dirty[i] |= rb->watch_ops[w][i];
  }
  for (int i = 0; i < words; i++) {
    for (uint64_t bits = dirty[i]; bits; bits &= bits - 1) {
      run_op(rb, st, i * 64 + __builtin_ctzll(bits), metric, tick, time_s, dt_s);
    }
  }
}

/* THRESHOLD: metric beyond the limit (strict, gate open) is an excursion; past the
   dwell, a violation */
static void run_threshold(const hh_rubric *rb, hh_rubric_state *st, const double *metric,
                          uint64_t tick, double time_s, double dt_s) {
  const int16_t *restrict idx = rb->scan_metric;
  const double *restrict sign = rb->scan_sign, *restrict lim = rb->scan_limit;
  const uint8_t *mode = st->op_mode; /* excursion_step writes it */
  int end = rb->op_start[HH_OP_THRESHOLD + 1];
  for (int k = rb->op_start[HH_OP_THRESHOLD]; k < end; k++) {
    int on = sign[k] * metric[idx[k]] > lim[k] && gate_ok(rb, metric, k);
    if (mode[k] != 2 * on) /* else settled: nothing changes */
      excursion_step(rb, st, k, on, metric, tick, time_s, dt_s);
  }
}

/* TIME_LIMIT: the metric reaching the hard limit ends the task (logged once, 0 points;
   the time curve scores the time at the end) */
static void run_time_limit(const hh_rubric *rb, hh_rubric_state *st, const double *metric,
                           uint64_t tick, double time_s) {
  for (int k = rb->op_start[HH_OP_TIME_LIMIT]; k < rb->op_start[HH_OP_TIME_LIMIT + 1]; k++) {
    double v = metric[rb->scan_metric[k]];
    if (st->op_mode[k] || !(v >= rb->scan_limit[k])) continue;
    st->op_mode[k] = 1;
    st->end_requested = 1;
    log_event(rb, st, rb->op[k].rule, tick, time_s, v, 0.0);
  }
}

/* evaluate the compiled tick-time rules for one tick (dt_s = tick length) */
void hh_rubric_eval(const hh_rubric *rb, hh_rubric_state *st, const double *metric,
                    uint64_t tick, double time_s, double dt_s) {
  if (st->finished) return;
  run_events(rb, st, metric, tick, time_s, dt_s);
  run_threshold(rb, st, metric, tick, time_s, dt_s);
  run_time_limit(rb, st, metric, tick, time_s);
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
    if (r->when >= 0 && metric[r->when] == 0.0)
      want = r->cap; /* the measurement could not be made: the item is lost */
    else
      want = r->kind == HH_RULE_FINAL_BAND ? band_loss(r, v) : time_loss(r, v);
    double got = take(rb, st, i, r->section, r->cap, want);
    if (got <= 0.0) continue;
    st->r[i].count++;
    log_event(rb, st, i, tick, time_s, v, got);
  }
}
