/* hh_rubric.c - the hot rubric evaluator. Per tick, a first look that only reads and
 * compares (watched metrics against their previous bits, every threshold against its
 * limit as one bit per op against the state's bits, time limits), with nothing to do on
 * most ticks of a small rubric; then, where something changed, the event-driven ops
 * (criticals, order, preconditions, edges) reading a changed metric, the thresholds
 * whose bit disagrees with their state, the time limits. The rule logic runs only when
 * an op's state changes; final bands and time curves once at the end. No allocation,
 * no strings, no I/O. Semantics at the boundaries are documented in docs/rubric.md.
 */
#include "hh_rubric.h"
#include <math.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* time tolerance for comparing accumulated excursion time with a dwell (s) */
#define HH_DWELL_EPS 1e-9
/* tolerance when counting started units outside a band (fraction of a unit) */
#define HH_UNIT_EPS 1e-9
/* the rule logic run when a quick test found a change: kept out of the scan loops */
#define HH_COLD __attribute__((cold, noinline))
/* a function kept out of line so that its caller stays a leaf */
#define HH_NOINLINE __attribute__((noinline))

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

/* the bit pattern of v (watched metrics are compared bit for bit) */
static inline uint64_t bits_of(double v) {
  uint64_t b;
  memcpy(&b, &v, sizeof b);
  return b;
}

/* op k of an excursion group whose condition (on) disagrees with its mode: start or
   continue the excursion, or end it; then its mode for the next tick, mirrored in the
   bit sets the first look compares with (thresholds: settled / busy; event-driven ops
   needing work each tick: active) */
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
  if (o->code == HH_OP_THRESHOLD) {
    int t = k - rb->hot.thr_first;
    uint64_t bit = (uint64_t)1 << (t % 64);
    uint64_t *set = &st->thr_settled[t / 64], *busy = &st->thr_busy[t / 64];
    *set = mode == 2 ? *set | bit : *set & ~bit;
    *busy = mode == 1 ? *busy | bit : *busy & ~bit;
  } else {
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

/* the event-driven ops (critical, order, precondition, edge), in op order: those
   reading a metric whose bits changed since the previous tick, and the active ones.
   An op whose inputs did not change would find nothing new (its previous value equals
   the current one; its condition is as before), so skipping it changes nothing. */
static void run_events(const hh_rubric *rb, hh_rubric_state *st, const double *metric,
                       uint64_t tick, double time_s, double dt_s) {
  int words = rb->hot.ev_words, nw = rb->hot.n_watch2;
  uint64_t dirty[HH_RUBRIC_OP_WORDS];
  for (int i = 0; i < words; i++) dirty[i] = st->active[i];
  for (int w = 0; w < nw; w++) {
    uint64_t b = bits_of(metric[rb->watch[w]]);
    if (b == st->watch_last[w]) continue;
    st->watch_last[w] = b;
    for (int i = 0; i < words; i++) dirty[i] |= rb->watch_ops[w][i];
  }
  for (int i = 0; i < words; i++)
    for (uint64_t bits = dirty[i]; bits; bits &= bits - 1)
      run_op(rb, st, i * 64 + __builtin_ctzll(bits), metric, tick, time_s, dt_s);
}

/* run_events for at most 64 event-driven ops (one word) */
static void run_events_small(const hh_rubric *rb, hh_rubric_state *st, const double *metric,
                             uint64_t tick, double time_s, double dt_s) {
  uint64_t dirty = st->active[0];
  for (int w = 0, nw = rb->hot.n_watch2; w < nw; w++) {
    uint64_t b = bits_of(metric[rb->watch[w]]);
    if (b == st->watch_last[w]) continue;
    st->watch_last[w] = b;
    dirty |= rb->watch_ops[w][0];
  }
  for (; dirty; dirty &= dirty - 1)
    run_op(rb, st, __builtin_ctzll(dirty), metric, tick, time_s, dt_s);
}

/* bit i: the threshold at position first + i of its group (i < n; first and n
   multiples of 4, n at most 64) is beyond its limit, strictly (its gate not looked
   at); NaN is never beyond. Four keys at a time (SSE2 where there is one). */
static inline uint64_t beyond_bits(const hh_rubric *rb, const double *metric, int first,
                                   int n) {
  const int16_t *idx = rb->thr_metric + first;
  const double *sign = rb->thr_sign + first, *lim = rb->thr_limit + first;
  uint64_t on = 0;
  for (intptr_t i = n - 4; i >= 0; i -= 4) {
#if defined(__SSE2__)
    __m128d a = _mm_loadh_pd(_mm_load_sd(metric + idx[i]), metric + idx[i + 1]);
    __m128d b = _mm_loadh_pd(_mm_load_sd(metric + idx[i + 2]), metric + idx[i + 3]);
    __m128d ca = _mm_cmplt_pd(_mm_load_pd(lim + i), _mm_mul_pd(a, _mm_load_pd(sign + i)));
    __m128d cb = _mm_cmplt_pd(_mm_load_pd(lim + i + 2), _mm_mul_pd(b, _mm_load_pd(sign + i + 2)));
    /* each 64-bit lane is all ones or zero: pack to 32-bit lanes, one sign bit each */
    __m128i ab = _mm_packs_epi32(_mm_castpd_si128(ca), _mm_castpd_si128(cb));
    on = on << 4 | (uint64_t)_mm_movemask_ps(_mm_castsi128_ps(ab));
#else
    uint64_t q = 0;
    for (int j = 3; j >= 0; j--) q = q << 1 | (uint64_t)(sign[i + j] * metric[idx[i + j]] > lim[i + j]);
    on = on << 4 | q;
#endif
  }
  return on;
}

/* bit i: the threshold at position first + i, one of the gated ones (bits of gated),
   has its gate closed (gate metric exactly 0) */
static inline uint64_t closed_bits(const hh_rubric *rb, const double *metric, int first,
                                   uint64_t gated) {
  uint64_t closed = 0;
  for (; gated; gated &= gated - 1) {
    int i = __builtin_ctzll(gated);
    closed |= (uint64_t)(metric[rb->scan_gate[rb->hot.thr_first + first + i]] == 0.0) << i;
  }
  return closed;
}

/* bit i: the threshold at position 64 c + i of its group is in an excursion this tick
   (beyond, gate open) */
static inline uint64_t thr_on(const hh_rubric *rb, const double *metric, int c) {
  int first = 64 * c, n = rb->hot.n_thr4 - first;
  uint64_t on = beyond_bits(rb, metric, first, n < 64 ? n : 64);
  if (rb->thr_gated[c]) on &= ~closed_bits(rb, metric, first, rb->thr_gated[c]);
  return on;
}

/* the thresholds of word c whose condition (bits on) disagrees with their state, or
   that need work each tick, take a step, in op order */
static inline void thr_steps(const hh_rubric *rb, hh_rubric_state *st, int c, uint64_t on,
                             const double *metric, uint64_t tick, double time_s,
                             double dt_s) {
  uint64_t need = (on ^ st->thr_settled[c]) | st->thr_busy[c];
  for (; need; need &= need - 1) {
    int i = __builtin_ctzll(need);
    excursion_step(rb, st, rb->hot.thr_first + 64 * c + i, (int)(on >> i & 1), metric, tick,
                   time_s, dt_s);
  }
}

/* THRESHOLD: metric beyond the limit (strict, gate open) is an excursion; past the
   dwell, a violation. Word by word of 64 ops. */
static void run_threshold(const hh_rubric *rb, hh_rubric_state *st, const double *metric,
                          uint64_t tick, double time_s, double dt_s) {
  for (int c = 0, words = rb->hot.thr_words; c < words; c++)
    thr_steps(rb, st, c, thr_on(rb, metric, c), metric, tick, time_s, dt_s);
}

/* TIME_LIMIT: the metric reaching the hard limit ends the task (logged once, 0 points;
   the time curve scores the time at the end) */
static void run_time_limit(const hh_rubric *rb, hh_rubric_state *st, const double *metric,
                           uint64_t tick, double time_s) {
  int first = rb->hot.time_first, end = first + rb->hot.n_time;
  for (int k = first; k < end; k++) {
    double v = metric[rb->scan_metric[k]];
    if (st->op_mode[k] || !(v >= rb->scan_limit[k])) continue;
    st->op_mode[k] = 1;
    st->end_requested = 1;
    log_event(rb, st, rb->op[k].rule, tick, time_s, v, 0.0);
  }
}

/* the full evaluation of one tick: event-driven ops, thresholds, time limits */
HH_NOINLINE static void eval_tick(const hh_rubric *rb, hh_rubric_state *st,
                                  const double *metric, uint64_t tick, double time_s,
                                  double dt_s) {
  if (rb->hot.n_events) run_events(rb, st, metric, tick, time_s, dt_s);
  run_threshold(rb, st, metric, tick, time_s, dt_s);
  if (rb->hot.n_time) run_time_limit(rb, st, metric, tick, time_s);
}

/* the evaluation of one tick of a small rubric once the first look found work; on:
   the thresholds' excursion bits it computed, ev: non-zero when a watched metric
   changed or an event-driven op is active */
HH_NOINLINE static void small_tick(const hh_rubric *rb, hh_rubric_state *st,
                                   const double *metric, uint64_t tick, uint64_t on,
                                   uint64_t ev, double time_s, double dt_s) {
  if (ev) run_events_small(rb, st, metric, tick, time_s, dt_s);
  thr_steps(rb, st, 0, on, metric, tick, time_s, dt_s);
  if (rb->hot.n_time) run_time_limit(rb, st, metric, tick, time_s);
}

/* the rest of the first look of a small rubric that is not plain (gated thresholds,
   time limits): gates close excursions; a time limit reached is work */
HH_NOINLINE static void small_look_rest(const hh_rubric *rb, hh_rubric_state *st,
                                        const double *metric, uint64_t tick, uint64_t on,
                                        uint64_t ev, double time_s, double dt_s) {
  if (rb->thr_gated[0]) on &= ~closed_bits(rb, metric, 0, rb->thr_gated[0]);
  uint64_t work = ev | (on ^ st->thr_settled[0]) | st->thr_busy[0];
  for (int k = rb->hot.time_first, end = k + rb->hot.n_time; k < end; k++)
    work |= (uint64_t)(!st->op_mode[k] && metric[rb->scan_metric[k]] >= rb->scan_limit[k]);
  if (work) small_tick(rb, st, metric, tick, on, ev, time_s, dt_s);
}

/* evaluate the compiled tick-time rules for one tick (dt_s = tick length). A small
   rubric first only looks (reads and compares, no writes): a watched metric whose
   bits changed, a precondition or threshold needing time, a threshold whose condition
   disagrees with its state, a time limit reached; nothing of it: the full evaluation
   would change nothing, and the tick ends here. */
void hh_rubric_eval(const hh_rubric *rb, hh_rubric_state *st, const double *metric,
                    uint64_t tick, double time_s, double dt_s) {
  if (st->finished) return;
  const hh_rubric_hot *h = &rb->hot;
  if (!h->small) {
    eval_tick(rb, st, metric, tick, time_s, dt_s);
    return;
  }
  uint64_t ev = st->active[0];
  const int16_t *watch = rb->watch;
  const uint64_t *last = st->watch_last;
  for (int w = 0, nw = h->n_watch2; w < nw; w += 2)
    ev |= (bits_of(metric[watch[w]]) ^ last[w]) | (bits_of(metric[watch[w + 1]]) ^ last[w + 1]);
  uint64_t on = beyond_bits(rb, metric, 0, h->n_thr4);
  if (!h->plain) {
    small_look_rest(rb, st, metric, tick, on, ev, time_s, dt_s);
    return;
  }
  if (ev | (on ^ st->thr_settled[0]) | st->thr_busy[0])
    small_tick(rb, st, metric, tick, on, ev, time_s, dt_s);
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
