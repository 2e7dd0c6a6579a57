/* hh_rubric_compile.c - load-time checking and compiling of a rubric: every rule sound
 * on its own, sections (caps, weights, judgement items) consistent, the caps within
 * the scale; then the tick-time rules become hh_rule_op groups and the event log is
 * sized to what the rules can log. Never called inside a tick.
 */
#include "hh_rubric.h"
#include "../core/hh_error.h"
#include "../core/hh_i18n.h"
#include "../sim/hh_metrics.h"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* tolerance when comparing sums of points and weights */
#define HH_SUM_EPS 1e-9

/* fill *p (rule or -1, section or -1, message) and return HH_E_RUBRIC */
static int problem(hh_rubric_problem *p, int rule, int section, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int problem(hh_rubric_problem *p, int rule, int section, const char *fmt, ...) {
  if (p) {
    p->rule = rule;
    p->section = section;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->text, sizeof p->text, fmt, ap);
    va_end(ap);
  }
  return HH_E_RUBRIC;
}

/* 1 when m is a metric index (or -1 when none is allowed) */
static int metric_ok(int m, int none_ok) {
  return (none_ok && m == -1) || (m >= 0 && m < HH_METRIC_COUNT);
}

/* 1 when x is a finite number >= 0 */
static int nonneg(double x) { return isfinite(x) && x >= 0.0; }

/* 1 when the rule deducts points (not a fault, not a judgement item) */
static int takes_points(const hh_rule *r) {
  return r->kind != HH_RULE_CRITICAL && r->kind != HH_RULE_JUDGE &&
         r->action == HH_CRIT_NONE;
}

/* a violation rule (threshold, order, precondition): action, or points with a cap */
static int check_violation(const hh_rule *r, int i, hh_rubric_problem *p) {
  if (r->action != HH_CRIT_NONE) {
    if (r->action < HH_CRIT_ZERO || r->action > HH_CRIT_ZERO_SECTION)
      return problem(p, i, -1, "%s", hh_tr("rule.action: unknown action (zero, end, zero_section)"));
    if (r->points != 0.0 || r->per_second != 0.0 || r->cap != 0.0)
      return problem(p, i, -1, "%s", hh_tr("rule: give either action = or points/cap, not both"));
    return HH_OK;
  }
  if (!nonneg(r->points) || !nonneg(r->per_second) || !(r->points > 0 || r->per_second > 0))
    return problem(p, i, -1, "%s", hh_tr("rule: a violation needs points > 0 (or per_second > 0), or an action"));
  if (!(isfinite(r->cap) && r->cap > 0))
    return problem(p, i, -1, "%s", hh_tr("rule.cap: must be above 0"));
  return HH_OK;
}

/* one rule on its own: metrics, numbers and fields its kind needs */
static int check_rule(const hh_rubric *rb, int i, hh_rubric_problem *p) {
  const hh_rule *r = &rb->rule[i];
  if (r->kind < HH_RULE_THRESHOLD || r->kind > HH_RULE_JUDGE)
    return problem(p, i, -1, "%s", hh_tr("rule.kind: unknown kind"));
  if (r->section < 0 || r->section >= rb->n_sections)
    return problem(p, i, -1, "%s", hh_tr("rule.section: unknown section"));
  if (r->kind == HH_RULE_JUDGE) {
    if (!(isfinite(r->cap) && r->cap > 0))
      return problem(p, i, -1, "%s", hh_tr("rule.max: a judgement item needs max > 0 points"));
    return HH_OK;
  }
  if (!metric_ok(r->metric, 0) || !metric_ok(r->when, 1))
    return problem(p, i, -1, "%s", hh_tr("rule.metric: unknown metric"));
  switch (r->kind) {
  case HH_RULE_THRESHOLD:
    if (r->cmp != HH_CMP_GT && r->cmp != HH_CMP_LT)
      return problem(p, i, -1, "%s", hh_tr("rule: a threshold needs exactly one of above = or below ="));
    if (!isfinite(r->limit) || !nonneg(r->dwell_s))
      return problem(p, i, -1, "%s", hh_tr("rule: a threshold needs a finite limit and dwell >= 0"));
    return check_violation(r, i, p);
  case HH_RULE_EDGE:
    if (!(isfinite(r->points) && r->points > 0) || !(isfinite(r->cap) && r->cap > 0))
      return problem(p, i, -1, "%s", hh_tr("rule: an edge rule needs points > 0 and cap > 0"));
    return HH_OK;
  case HH_RULE_CRITICAL:
    if (r->action < HH_CRIT_ZERO || r->action > HH_CRIT_ZERO_SECTION)
      return problem(p, i, -1, "%s", hh_tr("rule.action: unknown action (zero, end, zero_section)"));
    return HH_OK;
  case HH_RULE_FINAL_BAND:
    if (!(isfinite(r->lo) && isfinite(r->hi) && r->lo <= r->hi))
      return problem(p, i, -1, hh_tr("rule.band: impossible band, lo %g > hi %g"), r->lo, r->hi);
    if (!(isfinite(r->unit) && r->unit > 0) || !(isfinite(r->points) && r->points > 0) ||
        !(isfinite(r->cap) && r->cap > 0))
      return problem(p, i, -1, "%s", hh_tr("rule: a final band needs unit, points and cap above 0"));
    return HH_OK;
  case HH_RULE_TIME_CURVE:
    if (!(isfinite(r->optimum_s) && r->optimum_s > 0) || !(r->zero_factor > 1.0) ||
        !(isfinite(r->cap) && r->cap > 0))
      return problem(p, i, -1, "%s", hh_tr("rule: a time curve needs optimum > 0, zero_at > 1 and cap > 0"));
    if (!nonneg(r->hard_limit_s) || (r->hard_limit_s > 0 && r->hard_limit_s < r->optimum_s))
      return problem(p, i, -1, hh_tr("rule.limit: hard limit %g s is below the optimum %g s"),
                     r->hard_limit_s, r->optimum_s);
    return HH_OK;
  case HH_RULE_ORDER:
  case HH_RULE_PRECONDITION:
    if (!metric_ok(r->metric_b, 0))
      return problem(p, i, -1, "%s", hh_tr("rule: order and precondition rules need a second metric"));
    if (r->metric_b == r->metric)
      return problem(p, i, -1, "%s", hh_tr("rule: the two metrics of an order or precondition rule must differ"));
    if (!nonneg(r->dwell_s))
      return problem(p, i, -1, "%s", hh_tr("rule.dwell: must be 0 or more seconds"));
    return check_violation(r, i, p);
  default:
    return HH_OK;
  }
}

/* section weights all or none, summing to 100; values, judgement points and limits */
static int check_sections(hh_rubric *rb, hh_rubric_problem *p) {
  int weighted = 0;
  double wsum = 0.0;
  for (int s = 0; s < rb->n_sections; s++) {
    double w = rb->section_weight[s], c = rb->section_cap[s];
    if (!(nonneg(w) && w <= 100.0))
      return problem(p, -1, s, hh_tr("rubric.sections[%d].weight: %g is not a percentage (0 to 100)"), s + 1, w);
    if (!(nonneg(c) && c <= rb->max_score))
      return problem(p, -1, s, hh_tr("rubric.sections[%d].cap: %g points is outside 0 to max_score %g"),
                     s + 1, c, rb->max_score);
    if (w > 0) weighted++;
    wsum += w;
  }
  if (weighted && weighted != rb->n_sections)
    return problem(p, -1, -1, "%s", hh_tr("rubric.sections: give every section a weight, or none"));
  if (weighted && fabs(wsum - 100.0) > 1e-6)
    return problem(p, -1, -1, hh_tr("rubric.sections: weights add up to %g, not 100"), wsum);
  rb->judge_max = 0.0;
  for (int s = 0; s < rb->n_sections; s++) rb->section_judge[s] = 0.0;
  for (int i = 0; i < rb->n_rules; i++)
    if (rb->rule[i].kind == HH_RULE_JUDGE) {
      rb->section_judge[rb->rule[i].section] += rb->rule[i].cap;
      rb->judge_max += rb->rule[i].cap;
    }
  if (rb->judge_max > rb->max_score + HH_SUM_EPS)
    return problem(p, -1, -1, hh_tr("rubric: judgement items are worth %g points, more than max_score %g"),
                   rb->judge_max, rb->max_score);
  for (int s = 0; s < rb->n_sections; s++) {
    double v = weighted ? rb->max_score * rb->section_weight[s] / 100.0 : 0.0;
    double lim = HUGE_VAL;
    rb->section_value[s] = v;
    if (weighted) {
      if (rb->section_judge[s] > v + HH_SUM_EPS)
        return problem(p, -1, s, hh_tr("rubric.sections[%d]: judgement items are worth %g points, more than the section's %g"),
                       s + 1, rb->section_judge[s], v);
      if (rb->section_cap[s] > v + HH_SUM_EPS)
        return problem(p, -1, s, hh_tr("rubric.sections[%d].cap: %g points is more than the section is worth (%g)"),
                       s + 1, rb->section_cap[s], v);
      lim = v - rb->section_judge[s];
    }
    if (rb->section_cap[s] > 0 && rb->section_cap[s] < lim) lim = rb->section_cap[s];
    rb->section_limit[s] = lim < 0 ? 0 : lim;
  }
  return HH_OK;
}

/* each item's cap within its section; zero_section on a bounded section; total caps
   (after section caps) plus judgement items within max_score */
static int check_caps(const hh_rubric *rb, hh_rubric_problem *p) {
  double sec_caps[HH_MAX_SECTIONS] = {0};
  for (int i = 0; i < rb->n_rules; i++) {
    const hh_rule *r = &rb->rule[i];
    double lim = rb->section_limit[r->section];
    const char *sec = rb->section_name[r->section];
    if (r->action == HH_CRIT_ZERO_SECTION) {
      if (!isfinite(lim))
        return problem(p, i, r->section,
                       hh_tr("rule.action: 'zero_section' needs a section with a cap or a weight (section '%s' has neither)"),
                       sec);
      sec_caps[r->section] = HUGE_VAL; /* the section can lose all of its limit */
    }
    if (!takes_points(r)) continue;
    if (r->cap > lim + HH_SUM_EPS)
      return problem(p, i, r->section, hh_tr("rule.cap: %g points is more than section '%s' can lose (%g)"),
                     r->cap, sec, lim);
    sec_caps[r->section] += r->cap;
  }
  double total = rb->judge_max;
  for (int s = 0; s < rb->n_sections; s++)
    total += sec_caps[s] < rb->section_limit[s] ? sec_caps[s] : rb->section_limit[s];
  if (total > rb->max_score + HH_SUM_EPS)
    return problem(p, -1, -1, hh_tr("rubric: item caps add up to %g points, more than max_score %g"),
                   total, rb->max_score);
  return HH_OK;
}

/* the evaluator of a rule at tick time, or -1 when it acts only at the end (or never) */
static int op_code(const hh_rule *r) {
  switch (r->kind) {
  case HH_RULE_CRITICAL: return HH_OP_CRITICAL;
  case HH_RULE_ORDER: return HH_OP_ORDER;
  case HH_RULE_PRECONDITION: return HH_OP_PRECONDITION;
  case HH_RULE_THRESHOLD: return HH_OP_THRESHOLD;
  case HH_RULE_EDGE: return HH_OP_EDGE;
  case HH_RULE_TIME_CURVE: return r->hard_limit_s > 0 ? HH_OP_TIME_LIMIT : -1;
  default: return -1;
  }
}

/* the compiled form of rule i */
static hh_rule_op make_op(const hh_rule *r, int i) {
  hh_rule_op o;
  memset(&o, 0, sizeof o);
  o.rule = i;
  o.metric = (int16_t)r->metric;
  o.gate = (int16_t)r->when;
  o.other = (int16_t)(r->kind == HH_RULE_ORDER || r->kind == HH_RULE_PRECONDITION ? r->metric_b : -1);
  o.section = (int16_t)r->section;
  o.action = (int16_t)r->action;
  o.code = (int16_t)op_code(r);
  o.sign = r->cmp == HH_CMP_LT ? -1.0 : 1.0;
  o.limit = r->kind == HH_RULE_TIME_CURVE ? r->hard_limit_s : o.sign * r->limit;
  o.dwell_s = r->dwell_s;
  if (r->action == HH_CRIT_NONE || r->kind == HH_RULE_CRITICAL) {
    o.points = r->points;
    o.per_second = r->per_second;
    o.cap = r->cap;
  }
  if (r->kind == HH_RULE_CRITICAL || r->kind == HH_RULE_TIME_CURVE) {
    o.points = o.per_second = o.cap = 0.0;
  }
  return o;
}

/* watch slot of metric m, added when new */
static int watch_slot(hh_rubric *rb, int m) {
  for (int w = 0; w < rb->n_watch; w++)
    if (rb->watch[w] == m) return w;
  rb->watch[rb->n_watch] = (int16_t)m;
  return rb->n_watch++;
}

/* the metrics the event-driven ops read, each with the set of ops reading it */
static void build_watch(hh_rubric *rb) {
  _Static_assert(HH_METRIC_COUNT < HH_RUBRIC_WATCH_MAX, "raise HH_RUBRIC_WATCH_MAX");
  rb->n_watch = 0;
  memset(rb->watch_ops, 0, sizeof rb->watch_ops);
  for (int k = 0; k < rb->op_start[HH_OP_THRESHOLD]; k++) {
    const hh_rule_op *o = &rb->op[k];
    int reads[3] = {o->metric, o->gate, o->other};
    for (int j = 0; j < 3; j++)
      if (reads[j] >= 0)
        rb->watch_ops[watch_slot(rb, reads[j])][k / 64] |= (uint64_t)1 << (k % 64);
  }
}

/* the per-tick summary (hot) and the gated-threshold words, from the op groups */
static void build_hot(hh_rubric *rb) {
  hh_rubric_hot *h = &rb->hot;
  h->n_watch = rb->n_watch;
  h->n_watch2 = (rb->n_watch + 1) & ~1;
  if (h->n_watch2 > h->n_watch) { /* the pad slot: metric of slot 0, no ops */
    rb->watch[h->n_watch] = rb->watch[0];
    memset(rb->watch_ops[h->n_watch], 0, sizeof rb->watch_ops[h->n_watch]);
  }
  h->n_events = rb->op_start[HH_OP_THRESHOLD];
  h->ev_words = (h->n_events + 63) / 64;
  h->thr_first = rb->op_start[HH_OP_THRESHOLD];
  h->n_thr = rb->op_start[HH_OP_THRESHOLD + 1] - h->thr_first;
  h->n_thr4 = (h->n_thr + 3) & ~3;
  h->thr_words = (h->n_thr + 63) / 64;
  h->time_first = rb->op_start[HH_OP_TIME_LIMIT];
  h->n_time = rb->op_start[HH_OP_TIME_LIMIT + 1] - h->time_first;
  h->small = h->n_events <= 64 && h->n_thr <= 64;
  h->plain = h->n_time == 0;
  memset(rb->thr_gated, 0, sizeof rb->thr_gated);
  for (int t = 0; t < h->n_thr; t++) {
    const hh_rule_op *o = &rb->op[h->thr_first + t];
    rb->thr_metric[t] = o->metric;
    rb->thr_sign[t] = o->sign;
    rb->thr_limit[t] = o->limit;
    if (o->gate >= 0) {
      rb->thr_gated[t / 64] |= (uint64_t)1 << (t % 64);
      h->plain = 0;
    }
  }
  for (int t = h->n_thr; t < h->n_thr4; t++) { /* pads: 0 * value (0 or NaN) > +inf never */
    rb->thr_metric[t] = 0;
    rb->thr_sign[t] = 0.0;
    rb->thr_limit[t] = HUGE_VAL;
  }
}

/* events rule r can log in one attempt (faults: a fixed reserve) */
static double log_need(const hh_rule *r) {
  if (r->kind == HH_RULE_JUDGE) return 0;
  if (r->kind == HH_RULE_FINAL_BAND) return 1;
  if (r->kind == HH_RULE_TIME_CURVE) return r->hard_limit_s > 0 ? 2 : 1;
  if (r->kind == HH_RULE_CRITICAL || r->action != HH_CRIT_NONE) return HH_RUBRIC_CRIT_EVENTS;
  if (r->points > 0) return ceil(r->cap / r->points);
  return 4 * HH_RUBRIC_CRIT_EVENTS; /* per-second points only: a generous reserve */
}

/* check rb (caps, sections, weights, metrics, bands) and build its ops, section
   limits and log size; 0 when it is sound, else HH_E_RUBRIC with *p saying what */
int hh_rubric_compile(hh_rubric *rb, hh_rubric_problem *p) {
  int e;
  rb->compiled = 0;
  if (rb->n_rules < 0 || rb->n_rules > HH_MAX_RULES)
    return problem(p, -1, -1, hh_tr("rule: too many rules (at most %d)"), HH_MAX_RULES);
  if (rb->n_sections < 0 || rb->n_sections > HH_MAX_SECTIONS ||
      (rb->n_rules > 0 && rb->n_sections < 1))
    return problem(p, -1, -1, hh_tr("rubric.sections: %d sections (allowed: 1 to %d)"),
                   rb->n_sections, HH_MAX_SECTIONS);
  if (!(isfinite(rb->max_score) && rb->max_score >= 0))
    return problem(p, -1, -1, "%s", hh_tr("rubric.max_score: must be 0 or more points"));
  for (int i = 0; i < rb->n_rules; i++)
    if ((e = check_rule(rb, i, p))) return e;
  if ((e = check_sections(rb, p)) || (e = check_caps(rb, p))) return e;
  /* ops grouped by code, declaration order within each group */
  int n = 0;
  for (int k = 0; k < HH_OP_COUNT; k++) {
    rb->op_start[k] = n;
    for (int i = 0; i < rb->n_rules; i++)
      if (op_code(&rb->rule[i]) == k) {
        hh_rule_op o = make_op(&rb->rule[i], i);
        rb->op[n] = o;
        rb->scan_metric[n] = o.metric;
        rb->scan_gate[n] = o.gate;
        rb->scan_other[n] = o.other >= 0 ? o.other : 0;
        rb->scan_sign[n] = o.sign;
        rb->scan_limit[n] = o.limit;
        n++;
      }
  }
  rb->op_start[HH_OP_COUNT] = n;
  rb->n_ops = n;
  build_watch(rb);
  build_hot(rb);
  /* the log holds every event the caps allow */
  double need = 0;
  for (int i = 0; i < rb->n_rules; i++) need += log_need(&rb->rule[i]);
  if (need > HH_RUBRIC_LOG_MAX) need = HH_RUBRIC_LOG_MAX;
  if (rb->log_capacity < (int)need) rb->log_capacity = (int)need;
  if (rb->log_capacity < 1) rb->log_capacity = 1;
  rb->compiled = 1;
  return HH_OK;
}
