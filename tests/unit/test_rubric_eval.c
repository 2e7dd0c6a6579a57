/* test_rubric_eval.c - the rubric evaluator against synthetic metric tracks with
 * hand-computed deductions, including the exact-threshold and exact-dwell boundaries.
 * (New kinds, sections, weights and judgement items: test_rubric_kinds.c.) */
#include "hh_test.h"
#include "rubric/hh_rubric.h"
#include "sim/hh_metrics.h"
#include <math.h>
#include <string.h>

#define DT (1.0 / 60.0)

static hh_rubric rb;
static hh_rubric_state st;
static hh_event evlog[64];
static double metric[HH_METRIC_COUNT];
static uint64_t tick;

/* start a rubric with no rules and a 100-point scale */
static void begin(int log_capacity) {
  memset(&rb, 0, sizeof rb);
  rb.max_score = 100;
  rb.pass_score = 60;
  rb.log_capacity = log_capacity;
  rb.n_sections = 1;
  memset(metric, 0, sizeof metric);
  tick = 0;
}

/* add a rule of kind k on metric m; returns it for the caller to fill */
static hh_rule *add(hh_rule_kind k, int m) {
  hh_rule *r = &rb.rule[rb.n_rules++];
  memset(r, 0, sizeof *r);
  r->kind = k;
  r->metric = m;
  r->when = -1;
  return r;
}

/* compile the rubric (must succeed), attach the log and zero the state */
static void reset(void) {
  hh_rubric_problem p;
  int rc = hh_rubric_compile(&rb, &p);
  CHECK(rc == 0);
  if (rc) printf("compile: %s\n", p.text);
  hh_rubric_reset(&rb, &st, evlog);
}

/* run n ticks with metric m held at v */
static void run(int m, double v, int n) {
  for (int i = 0; i < n; i++) {
    metric[m] = v;
    tick++;
    hh_rubric_eval(&rb, &st, metric, tick, (double)tick * DT, DT);
  }
}

/* threshold with dwell: strict limit, exact dwell, gate, once per excursion, cap */
static void test_threshold(void) {
  begin(64);
  hh_rule *r = add(HH_RULE_THRESHOLD, HH_M_SWAY_ANGLE);
  r->when = HH_M_NEAR_LANDING;
  r->cmp = HH_CMP_GT;
  r->limit = 1.0;
  r->dwell_s = 2.0;
  r->points = 5;
  r->cap = 20;
  reset();
  metric[HH_M_NEAR_LANDING] = 1;
  run(HH_M_SWAY_ANGLE, 1.0, 600);      /* exactly at the limit: not beyond */
  CHECK(st.r[0].deducted == 0.0);
  run(HH_M_SWAY_ANGLE, 1.5, 120);      /* beyond for exactly the dwell: not counted */
  CHECK(st.r[0].deducted == 0.0);
  CHECK(st.r[0].in_excursion == 1);
  run(HH_M_SWAY_ANGLE, 0.5, 1);        /* excursion ends */
  CHECK(st.r[0].in_excursion == 0);
  run(HH_M_SWAY_ANGLE, 1.5, 120);
  CHECK(st.r[0].deducted == 0.0);
  uint64_t fire = tick + 1;
  run(HH_M_SWAY_ANGLE, 1.5, 1);        /* 121st tick: longer than the dwell */
  CHECK(st.r[0].deducted == 5.0);
  CHECK(st.r[0].count == 1);
  CHECK(st.log_len == 1);
  CHECK(st.log[0].tick == fire);
  CHECK(st.log[0].rule == 0);
  CHECK(st.log[0].value == 1.5);
  CHECK(st.log[0].deducted == 5.0);
  run(HH_M_SWAY_ANGLE, 1.5, 600);      /* same excursion: once only */
  CHECK(st.r[0].deducted == 5.0);
  metric[HH_M_NEAR_LANDING] = 0;       /* gate closed: ends excursion, nothing counts */
  run(HH_M_SWAY_ANGLE, 9.0, 600);
  CHECK(st.r[0].deducted == 5.0);
  metric[HH_M_NEAR_LANDING] = 1;
  for (int k = 0; k < 5; k++) {        /* 5 more excursions: cap 20 stops at 4 in all */
    run(HH_M_SWAY_ANGLE, 2.0, 121);
    run(HH_M_SWAY_ANGLE, 0.0, 1);
  }
  CHECK(st.r[0].deducted == 20.0);
  CHECK(st.r[0].count == 4);
  CHECK(st.log_len == 4);
  CHECK(hh_rubric_score(&rb, &st) == 80.0);
}

/* threshold below a limit with dwell 0: the first tick beyond counts */
static void test_threshold_below(void) {
  begin(64);
  hh_rule *r = add(HH_RULE_THRESHOLD, HH_M_HOIST_HEIGHT);
  r->cmp = HH_CMP_LT;
  r->limit = 2.0;
  r->points = 3;
  r->cap = 10;
  reset();
  run(HH_M_HOIST_HEIGHT, 2.0, 10);     /* exactly at the limit */
  CHECK(st.r[0].deducted == 0.0);
  run(HH_M_HOIST_HEIGHT, 1.999, 1);
  CHECK(st.r[0].deducted == 3.0);
  run(HH_M_HOIST_HEIGHT, 5.0, 1);
  run(HH_M_HOIST_HEIGHT, 1.0, 1);
  run(HH_M_HOIST_HEIGHT, 5.0, 1);
  run(HH_M_HOIST_HEIGHT, 1.0, 1);
  run(HH_M_HOIST_HEIGHT, 5.0, 1);
  run(HH_M_HOIST_HEIGHT, 1.0, 1);
  CHECK(st.r[0].deducted == 10.0);     /* 3 + 3 + 3 + 1 (capped) */
  CHECK(st.r[0].count == 4);
}

/* per_second: points at the crossing plus per_second for each second past the dwell */
static void test_per_second(void) {
  begin(64);
  hh_rule *r = add(HH_RULE_THRESHOLD, HH_M_TROLLEY_SPEED);
  r->cmp = HH_CMP_GT;
  r->limit = 3.0;
  r->dwell_s = 1.0;
  r->points = 1;
  r->per_second = 2;
  r->cap = 50;
  reset();
  run(HH_M_TROLLEY_SPEED, 4.0, 180);   /* 3 s beyond: 1 + 2 * (3 - 1) = 5 */
  CHECK_NEAR(st.r[0].deducted, 5.0, 1e-9);
  CHECK(st.r[0].count == 1);
  CHECK(st.log_len == 1);              /* one event per excursion, accrued */
  CHECK_NEAR(st.log[0].deducted, 5.0, 1e-9);
  run(HH_M_TROLLEY_SPEED, 0.0, 1);
  r->cap = 6;                          /* cap reached mid-excursion */
  CHECK(hh_rubric_compile(&rb, NULL) == 0); /* recompiled: the state is kept */
  run(HH_M_TROLLEY_SPEED, 4.0, 600);
  CHECK_NEAR(st.r[0].deducted, 6.0, 1e-9);
  CHECK(st.r[0].count == 2);
  CHECK_NEAR(st.log[0].deducted + st.log[1].deducted, 6.0, 1e-9);
}

/* edge: a counter's increases and a flag's rises, capped */
static void test_edge(void) {
  begin(64);
  hh_rule *r = add(HH_RULE_EDGE, HH_M_COLLISIONS);
  r->points = 5;
  r->cap = 20;
  hh_rule *f = add(HH_RULE_EDGE, HH_M_LOCKED);
  f->points = 1;
  f->cap = 10;
  reset();
  run(HH_M_COLLISIONS, 0, 5);
  CHECK(st.r[0].deducted == 0.0);
  run(HH_M_COLLISIONS, 1, 5);          /* one new contact */
  CHECK(st.r[0].deducted == 5.0);
  run(HH_M_COLLISIONS, 3, 1);          /* two in one tick: one event, 10 points */
  CHECK(st.r[0].deducted == 15.0);
  CHECK(st.r[0].count == 3);
  CHECK(st.log_len == 2);
  CHECK(st.log[1].deducted == 10.0);
  run(HH_M_COLLISIONS, 4, 1);
  run(HH_M_COLLISIONS, 5, 1);          /* over the cap: nothing more */
  CHECK(st.r[0].deducted == 20.0);
  CHECK(st.r[0].count == 4);
  CHECK(st.log_len == 3);
  /* flag: 0 1 1 0 1 -> two rises */
  double track[] = {0, 1, 1, 0, 1};
  for (int i = 0; i < 5; i++) run(HH_M_LOCKED, track[i], 1);
  CHECK(st.r[1].deducted == 2.0);
  CHECK(st.r[1].count == 2);
  CHECK(hh_rubric_score(&rb, &st) == 78.0);
}

/* critical: zero keeps the first rule, end requests the end */
static void test_critical(void) {
  begin(64);
  hh_rule *a = add(HH_RULE_EDGE, HH_M_COLLISIONS);
  a->points = 5;
  a->cap = 20;
  hh_rule *z = add(HH_RULE_CRITICAL, HH_M_LOAD_LOST);
  z->action = HH_CRIT_ZERO;
  hh_rule *e = add(HH_RULE_CRITICAL, HH_M_HOIST_UNLOCKED);
  e->action = HH_CRIT_END;
  reset();
  run(HH_M_COLLISIONS, 1, 1);
  CHECK(hh_rubric_score(&rb, &st) == 95.0);
  CHECK(st.critical == 0 && st.critical_rule == -1);
  run(HH_M_HOIST_UNLOCKED, 1, 3);
  CHECK(st.critical == 1 && st.critical_rule == 2);
  CHECK(st.end_requested == 1 && st.zeroed == 0);
  CHECK(hh_rubric_score(&rb, &st) == 95.0);  /* end alone keeps the points */
  CHECK(st.r[2].count == 1);
  run(HH_M_LOAD_LOST, 1, 1);
  CHECK(st.zeroed == 1 && st.critical_rule == 2);  /* first critical kept */
  CHECK(hh_rubric_score(&rb, &st) == 0.0);
  CHECK(st.log_len == 3);
  CHECK(st.log[2].rule == 1 && st.log[2].deducted == 0.0);
}

/* final band [0, 0.05] per 0.01 outside, 2 points each, cap 20 */
static double band_score(double v) {
  begin(64);
  hh_rule *r = add(HH_RULE_FINAL_BAND, HH_M_LANDING_OFFSET);
  r->lo = 0.0;
  r->hi = 0.05;
  r->unit = 0.01;
  r->points = 2;
  r->cap = 20;
  reset();
  metric[HH_M_LANDING_OFFSET] = v;
  hh_rubric_finish(&rb, &st, metric, 10, 10 * DT);
  return st.r[0].deducted;
}

/* final band boundaries: edges inside, started units, cap, applied once */
static void test_final_band(void) {
  CHECK(band_score(0.0) == 0.0);
  CHECK(band_score(0.05) == 0.0);        /* on the edge of the band: inside */
  CHECK(band_score(0.0500001) == 2.0);   /* a started unit counts */
  CHECK(band_score(0.06) == 2.0);        /* exactly one unit outside */
  CHECK(band_score(0.061) == 4.0);
  CHECK(band_score(-0.01) == 2.0);       /* below lo */
  CHECK(band_score(1.0) == 20.0);        /* capped */
  CHECK(st.log_len == 1 && st.log[0].value == 1.0 && st.log[0].deducted == 20.0);
  /* finish is applied once */
  hh_rubric_finish(&rb, &st, metric, 11, 11 * DT);
  CHECK(st.r[0].deducted == 20.0 && st.log_len == 1);
}

/* time curve optimum 90 s, zero at 1.5x, cap 30, optionally gated */
static double time_score(double t, int gated, double gate) {
  begin(64);
  hh_rule *r = add(HH_RULE_TIME_CURVE, HH_M_TIME);
  r->optimum_s = 90;
  r->zero_factor = 1.5;
  r->cap = 30;
  if (gated) r->when = HH_M_TASK_DONE;
  reset();
  metric[HH_M_TIME] = t;
  metric[HH_M_TASK_DONE] = gate;
  hh_rubric_finish(&rb, &st, metric, 1, t);
  return st.r[0].deducted;
}

/* time curve: flat to optimum, linear to the cap, closed gate loses it all */
static void test_time_curve(void) {
  CHECK(time_score(60, 0, 0) == 0.0);
  CHECK(time_score(90, 0, 0) == 0.0);
  CHECK_NEAR(time_score(112.5, 0, 0), 15.0, 1e-12);
  CHECK(time_score(135, 0, 0) == 30.0);
  CHECK(time_score(500, 0, 0) == 30.0);
  CHECK(time_score(60, 1, 1) == 0.0);
  CHECK(time_score(60, 1, 0) == 30.0);   /* task not done: the item is lost */
  CHECK(hh_rubric_score(&rb, &st) == 70.0);
}

/* the log keeps its capacity and counts what it dropped; score floors at 0 */
static void test_log_and_floor(void) {
  begin(2);
  rb.max_score = 180;                    /* caps must fit the scale to compile ... */
  hh_rule *r = add(HH_RULE_EDGE, HH_M_COLLISIONS);
  r->points = 30;
  r->cap = 90;
  hh_rule *s = add(HH_RULE_EDGE, HH_M_LOCKED);
  s->points = 30;
  s->cap = 90;
  reset();
  CHECK(rb.log_capacity == 6);           /* compile sized the log: 90/30 + 90/30 */
  rb.max_score = 100;                    /* ... then shrunk by hand to reach the floor */
  rb.log_capacity = 2;                   /* and the log, to see it drop */
  for (int i = 1; i <= 5; i++) run(HH_M_COLLISIONS, i, 1);
  CHECK(st.log_len == 2);
  CHECK(st.log_dropped == 1);            /* the 4th and 5th took nothing: not events */
  CHECK(st.r[0].deducted == 90.0);
  run(HH_M_LOCKED, 1, 1);
  CHECK(st.log_dropped == 2);
  CHECK(hh_rubric_score(&rb, &st) == 0.0); /* 100 - 120 floors at 0 */
  /* a NULL log drops everything but still scores */
  begin(8);
  r = add(HH_RULE_EDGE, HH_M_COLLISIONS);
  r->points = 1;
  r->cap = 5;
  CHECK(hh_rubric_compile(&rb, NULL) == 0);
  hh_rubric_reset(&rb, &st, NULL);
  run(HH_M_COLLISIONS, 1, 1);
  CHECK(st.log_len == 0 && st.log_dropped == 1 && st.r[0].deducted == 1.0);
}

/* ---- the evaluator's first look and word paths against a plain reference: every
   rule evaluated every tick, no skipping, by its documented semantics */

static hh_event big_log[20000];
static uint32_t lcg_state;

/* pseudo-random integer in [0, n) */
static int rnd(int n) {
  lcg_state = lcg_state * 1103515245u + 12345u;
  return (int)((lcg_state >> 8) % (uint32_t)n);
}

/* reference state of one rule */
typedef struct ref_rule {
  double prev, beyond_s, deducted;
  int counted, count, seen;
} ref_rule;

/* reference: take up to want points within the rule's cap (no section limits here) */
static void ref_take(ref_rule *q, const hh_rule *r, double want, int events) {
  double room = r->cap - q->deducted;
  double got = want < room ? want : room;
  if (!(got > 0.0)) return;
  q->deducted += got;
  q->count += events;
}

/* reference: one tick of an excursion condition (threshold, precondition) */
static void ref_excursion(ref_rule *q, const hh_rule *r, int on) {
  if (!on) {
    q->beyond_s = 0.0;
    q->counted = 0;
    return;
  }
  double before = q->beyond_s;
  q->beyond_s += DT;
  if (q->beyond_s <= r->dwell_s + 1e-9) return;
  if (!q->counted) {
    q->counted = 1;
    double over = q->beyond_s - (before > r->dwell_s ? before : r->dwell_s);
    ref_take(q, r, r->points + r->per_second * over, 1);
  } else if (r->per_second > 0.0) {
    ref_take(q, r, r->per_second * DT, 0);
  }
}

/* reference: one tick of every rule; *crit set on a critical fault */
static void ref_tick(ref_rule *ref, int *crit) {
  for (int i = 0; i < rb.n_rules; i++) {
    const hh_rule *r = &rb.rule[i];
    ref_rule *q = &ref[i];
    double v = metric[r->metric];
    int gate = r->when < 0 || metric[r->when] != 0.0;
    switch (r->kind) {
    case HH_RULE_THRESHOLD:
      ref_excursion(q, r, gate && (r->cmp == HH_CMP_GT ? v > r->limit : v < r->limit));
      break;
    case HH_RULE_PRECONDITION:
      ref_excursion(q, r, gate && v != 0.0 && metric[r->metric_b] == 0.0);
      break;
    case HH_RULE_EDGE:
      if (v > q->prev && gate) ref_take(q, r, r->points * (v - q->prev), (int)ceil(v - q->prev - 1e-9));
      q->prev = v;
      break;
    case HH_RULE_ORDER:
      if (q->seen) break;
      if (metric[r->metric_b] != 0.0) q->seen = 1;
      else if (v > q->prev && gate) ref_take(q, r, r->points, 1);
      q->prev = v;
      break;
    case HH_RULE_CRITICAL:
      if (v != 0.0 && q->prev == 0.0 && gate) {
        *crit = 1;
        q->count++;
      }
      q->prev = v;
      break;
    default:
      break;
    }
  }
}

static const int k_value[] = {HH_M_SWAY_ANGLE, HH_M_SWAY_SPEED, HH_M_HOIST_HEIGHT,
                              HH_M_TROLLEY_SPEED};
static const int k_flags[] = {HH_M_LANDED, HH_M_ALIGNED, HH_M_LOCKED, HH_M_NEAR_LANDING,
                              HH_M_LOADED};

/* add n_thr thresholds and n_ev event-driven rules (edge, order, precondition, in
   turn), random metrics, limits, dwells, gates and caps; crit: one critical rule */
static void gen_rules(int n_thr, int n_ev, int crit) {
  for (int i = 0; i < n_thr; i++) {
    hh_rule *r = add(HH_RULE_THRESHOLD, k_value[rnd(4)]);
    r->cmp = rnd(2) ? HH_CMP_GT : HH_CMP_LT;
    r->limit = (double)rnd(5);
    r->dwell_s = rnd(3) ? 0.0 : DT * rnd(6);
    r->points = 1 + rnd(3);
    r->per_second = rnd(4) ? 0.0 : 0.5;
    r->cap = 20 + rnd(60);
    if (!rnd(3)) r->when = k_flags[rnd(5)];
  }
  for (int i = 0; i < n_ev; i++) {
    static const hh_rule_kind kinds[] = {HH_RULE_EDGE, HH_RULE_ORDER, HH_RULE_PRECONDITION};
    hh_rule_kind k = kinds[i % 3];
    hh_rule *r = add(k, k == HH_RULE_EDGE && rnd(2) ? HH_M_COLLISIONS : k_flags[rnd(5)]);
    r->metric_b = -1;
    if (k != HH_RULE_EDGE) {
      r->metric_b = k_flags[rnd(5)];
      if (r->metric_b == r->metric) r->metric_b = r->metric == HH_M_LOADED ? HH_M_LANDED : HH_M_LOADED;
    }
    r->dwell_s = k == HH_RULE_PRECONDITION ? DT * rnd(4) : 0.0;
    r->points = 1 + rnd(2);
    r->cap = 10 + rnd(40);
    if (!rnd(4)) r->when = HH_M_NEAR_LANDING;
  }
  if (crit) {
    hh_rule *r = add(HH_RULE_CRITICAL, HH_M_LOAD_LOST);
    r->action = HH_CRIT_END;
  }
}

/* run a random metric track through the rubric and the reference; every rule must
   take the same points the same number of times; returns the ticks with a
   deduction (so that the caller can see the track exercised the rules) */
static int check_against_reference(const char *what, int ticks) {
  static ref_rule ref[HH_MAX_RULES];
  memset(ref, 0, sizeof ref);
  hh_rubric_problem p;
  int rc = hh_rubric_compile(&rb, &p);
  CHECK(rc == 0);
  if (rc) {
    printf("%s: compile: %s\n", what, p.text);
    return 0;
  }
  CHECK(rb.log_capacity <= (int)(sizeof big_log / sizeof big_log[0]));
  hh_rubric_reset(&rb, &st, big_log);
  int ref_crit = 0, active = 0, bad = 0;
  for (int k = 1; k <= ticks; k++) {
    for (int j = 0; j < 4; j++) /* values on and around the integer limits, now and then NaN */
      if (rnd(3) == 0) metric[k_value[j]] = rnd(40) ? 0.5 * rnd(11) - 0.5 : NAN;
    for (int j = 0; j < 5; j++)
      if (rnd(8) == 0) metric[k_flags[j]] = rnd(2);
    if (rnd(25) == 0) metric[HH_M_COLLISIONS] += 1 + rnd(2);
    if (rnd(200) == 0) metric[HH_M_LOAD_LOST] = !metric[HH_M_LOAD_LOST];
    metric[HH_M_TIME] = k * DT;
    int before = st.log_len;
    hh_rubric_eval(&rb, &st, metric, (uint64_t)k, k * DT, DT);
    ref_tick(ref, &ref_crit);
    active += st.log_len > before;
  }
  for (int i = 0; i < rb.n_rules; i++) {
    if (rb.rule[i].kind == HH_RULE_TIME_CURVE) continue;
    if (fabs(st.r[i].deducted - ref[i].deducted) > 1e-9 || st.r[i].count != ref[i].count) {
      if (!bad++)
        printf("%s: rule %d (kind %d): %g points %d times, reference %g %d\n", what, i,
               rb.rule[i].kind, st.r[i].deducted, st.r[i].count, ref[i].deducted, ref[i].count);
    }
  }
  CHECK(bad == 0);
  CHECK(st.critical == ref_crit);
  return active;
}

/* the first look of small rubrics (only thresholds, only events, both, with gates
   and a time limit) and the word paths of large ones (more than 64 thresholds or
   event-driven ops, a gate in the second word) give what the plain reference gives */
static void test_paths_vs_reference(void) {
  static const struct {
    const char *what;
    int n_thr, n_ev, crit, time_limit, small;
  } shape[] = {
      {"thresholds only (5: padded keys)", 5, 0, 0, 0, 1},
      {"events only", 0, 9, 1, 0, 1},
      {"both, 10", 4, 6, 0, 0, 1},
      {"both, time limit", 7, 7, 1, 1, 1},
      {"64 thresholds, 64 events", 64, 64, 0, 0, 1},
      {"70 thresholds (two words)", 70, 3, 0, 0, 0},
      {"70 event-driven ops (two words)", 3, 70, 1, 0, 0},
      {"200 + 130, time limit", 200, 130, 1, 1, 0},
  };
  lcg_state = 2024;
  for (size_t s = 0; s < sizeof shape / sizeof shape[0]; s++) {
    begin(1);
    rb.max_score = 100000;
    gen_rules(shape[s].n_thr, shape[s].n_ev, shape[s].crit);
    if (shape[s].time_limit) {
      hh_rule *r = add(HH_RULE_TIME_CURVE, HH_M_TIME);
      r->optimum_s = 10;
      r->zero_factor = 2;
      r->hard_limit_s = 15;
      r->cap = 5;
    }
    CHECK(hh_rubric_compile(&rb, NULL) == 0);
    CHECK(rb.hot.small == shape[s].small);
    int active = check_against_reference(shape[s].what, 1800);
    CHECK(active > 20);                  /* the track made the rules deduct */
    if (shape[s].time_limit) CHECK(st.end_requested == 1);
  }
}

int main(void) {
  test_threshold();
  test_threshold_below();
  test_per_second();
  test_edge();
  test_critical();
  test_final_band();
  test_time_curve();
  test_log_and_floor();
  test_paths_vs_reference();
  return hh_test_done("test_rubric_eval");
}
