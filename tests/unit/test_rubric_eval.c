/* test_rubric_eval.c - the rubric evaluator against synthetic metric tracks with
 * hand-computed deductions, including the exact-threshold and exact-dwell boundaries.
 * (New kinds, sections, weights and judgement items: test_rubric_kinds.c.) */
#include "hh_test.h"
#include "rubric/hh_rubric.h"
#include "sim/hh_metrics.h"
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

int main(void) {
  test_threshold();
  test_threshold_below();
  test_per_second();
  test_edge();
  test_critical();
  test_final_band();
  test_time_curve();
  test_log_and_floor();
  return hh_test_done("test_rubric_eval");
}
