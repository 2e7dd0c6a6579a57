/* test_rubric_kinds.c - order, precondition, violations as faults, the time curve's
 * hard limit, an exam sheet's tolerance band, section caps, WorldSkills-style weights
 * with judgement items, zero_section, and the log sized from the rules: synthetic
 * metric tracks with hand-computed scores. */
#include "hh_test.h"
#include "rubric/hh_rubric.h"
#include "sim/hh_metrics.h"
#include <stdio.h>
#include <string.h>

#define DT (1.0 / 60.0)

static hh_rubric rb;
static hh_rubric_state st;
static hh_event evlog[512];
static double metric[HH_METRIC_COUNT];
static uint64_t tick;

/* start a rubric with no rules, n_sections sections and a 100-point scale */
static void begin(int n_sections) {
  memset(&rb, 0, sizeof rb);
  rb.max_score = 100;
  rb.pass_score = 60;
  rb.log_capacity = 8;
  rb.n_sections = n_sections;
  for (int s = 0; s < n_sections; s++) snprintf(rb.section_name[s], 64, "s%d", s);
  memset(metric, 0, sizeof metric);
  tick = 0;
}

/* add a rule of kind k on metric m in section sec; returns it for the caller to fill */
static hh_rule *add(hh_rule_kind k, int m, int sec) {
  hh_rule *r = &rb.rule[rb.n_rules++];
  memset(r, 0, sizeof *r);
  r->kind = k;
  r->metric = m;
  r->when = -1;
  r->metric_b = -1;
  r->section = sec;
  return r;
}

/* compile (must succeed), attach the log and zero the state */
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

/* order: locking before the spreader ever landed costs 4 per violation; after one
   landing, never again; a counter's jump is one violation; same tick is "after" */
static void test_order(void) {
  begin(1);
  hh_rule *r = add(HH_RULE_ORDER, HH_M_LOCKED, 0);
  r->metric_b = HH_M_LANDED;
  r->points = 4;
  r->cap = 10;
  hh_rule *c = add(HH_RULE_ORDER, HH_M_COLLISIONS, 0);
  c->metric_b = HH_M_ALIGNED;
  c->points = 3;
  c->cap = 10;
  hh_rule *g = add(HH_RULE_ORDER, HH_M_UNLOCKED, 0);
  g->metric_b = HH_M_ON_TARGET;
  g->when = HH_M_NEAR_LANDING;
  g->points = 2;
  g->cap = 10;
  reset();
  run(HH_M_LOCKED, 0, 10);
  CHECK(st.r[0].deducted == 0.0);
  run(HH_M_LOCKED, 1, 5);               /* locked, never landed: one violation */
  CHECK(st.r[0].deducted == 4.0 && st.r[0].count == 1);
  CHECK(st.log_len == 1 && st.log[0].tick == 11 && st.log[0].rule == 0 && st.log[0].value == 1.0);
  run(HH_M_LOCKED, 0, 1);
  run(HH_M_LOCKED, 1, 1);               /* again: -4 */
  CHECK(st.r[0].deducted == 8.0 && st.r[0].count == 2);
  run(HH_M_LANDED, 1, 1);               /* landed once ... */
  run(HH_M_LANDED, 0, 1);
  run(HH_M_LOCKED, 0, 1);
  run(HH_M_LOCKED, 1, 1);               /* ... locking is now in order for good */
  CHECK(st.r[0].deducted == 8.0 && st.r[0].count == 2);
  /* a counter jumping 0 -> 2 before "aligned": one violation, 3 points */
  run(HH_M_COLLISIONS, 2, 1);
  CHECK(st.r[1].deducted == 3.0 && st.r[1].count == 1);
  /* "after" and the event on the same tick: in order */
  metric[HH_M_ALIGNED] = 1;
  run(HH_M_COLLISIONS, 3, 1);
  CHECK(st.r[1].deducted == 3.0 && st.r[1].count == 1);
  /* a closed gate hides the violation, and the rise is used up */
  metric[HH_M_NEAR_LANDING] = 0;
  run(HH_M_UNLOCKED, 1, 1);
  metric[HH_M_NEAR_LANDING] = 1;
  run(HH_M_UNLOCKED, 1, 3);
  CHECK(st.r[2].deducted == 0.0);
  run(HH_M_UNLOCKED, 0, 1);
  run(HH_M_UNLOCKED, 1, 1);             /* gate open, never on target: -2 */
  CHECK(st.r[2].deducted == 2.0);
  CHECK(hh_rubric_score(&rb, &st) == 100.0 - 8.0 - 3.0 - 2.0);
  CHECK(st.critical == 0 && st.log_len == 4);
}

/* precondition: loaded while not locked for longer than 0.5 s costs 3 per episode,
   cap 9; exactly 0.5 s costs nothing */
static void test_precondition(void) {
  begin(1);
  hh_rule *r = add(HH_RULE_PRECONDITION, HH_M_LOADED, 0);
  r->metric_b = HH_M_LOCKED;
  r->dwell_s = 0.5;
  r->points = 3;
  r->cap = 9;
  reset();
  metric[HH_M_LOADED] = 1;
  run(HH_M_LOCKED, 1, 60);              /* holds: nothing */
  run(HH_M_LOCKED, 0, 30);              /* 30 ticks = the dwell exactly: nothing */
  CHECK(st.r[0].deducted == 0.0 && st.r[0].in_excursion == 1);
  run(HH_M_LOCKED, 1, 1);               /* ends the episode */
  CHECK(st.r[0].in_excursion == 0);
  uint64_t fire = tick + 31;
  run(HH_M_LOCKED, 0, 31);              /* 31st tick: past the dwell */
  CHECK(st.r[0].deducted == 3.0 && st.r[0].count == 1);
  CHECK(st.log_len == 1 && st.log[0].tick == fire && st.log[0].value == 1.0);
  run(HH_M_LOCKED, 0, 100);             /* same episode: once */
  CHECK(st.r[0].deducted == 3.0);
  run(HH_M_LOADED, 0, 100);             /* not loaded: no episode, whatever the lock */
  CHECK(st.r[0].deducted == 3.0 && st.r[0].in_excursion == 0);
  for (int k = 0; k < 3; k++) {         /* 3 more episodes: 3 + 3 + 3 + 3 capped at 9 */
    run(HH_M_LOADED, 1, 40);
    run(HH_M_LOADED, 0, 1);
  }
  CHECK(st.r[0].deducted == 9.0 && st.r[0].count == 3);
  CHECK(hh_rubric_score(&rb, &st) == 91.0);
}

/* a precondition past its dwell with per-second points keeps accruing on ticks where
   nothing it reads changes: 1 + 2 x (3 s - 1 s) = 5 */
static void test_precondition_per_second(void) {
  begin(1);
  hh_rule *r = add(HH_RULE_PRECONDITION, HH_M_LOADED, 0);
  r->metric_b = HH_M_LOCKED;
  r->dwell_s = 1.0;
  r->points = 1;
  r->per_second = 2;
  r->cap = 50;
  reset();
  run(HH_M_LOADED, 1, 180);
  CHECK_NEAR(st.r[0].deducted, 5.0, 1e-9);
  CHECK(st.r[0].count == 1 && st.log_len == 1);
  CHECK_NEAR(st.log[0].deducted, 5.0, 1e-9);
  run(HH_M_LOCKED, 1, 60);              /* holds again: the episode ends, nothing more */
  CHECK_NEAR(st.r[0].deducted, 5.0, 1e-9);
}

/* violations as faults: a precondition that ends the task, a threshold that zeroes it */
static void test_violation_faults(void) {
  begin(1);
  hh_rule *p = add(HH_RULE_PRECONDITION, HH_M_LOADED, 0);
  p->metric_b = HH_M_LOCKED;
  p->action = HH_CRIT_END;
  hh_rule *t = add(HH_RULE_THRESHOLD, HH_M_SWAY_ANGLE, 0);
  t->cmp = HH_CMP_GT;
  t->limit = 10.0;
  t->dwell_s = 1.0;
  t->action = HH_CRIT_ZERO;
  reset();
  metric[HH_M_LOCKED] = 1;
  run(HH_M_LOADED, 1, 10);
  CHECK(st.critical == 0);
  metric[HH_M_LOCKED] = 0;
  run(HH_M_LOADED, 1, 1);               /* dwell 0: the first tick is a fault */
  CHECK(st.critical == 1 && st.end_requested == 1 && st.critical_rule == 0 && st.zeroed == 0);
  CHECK(st.r[0].count == 1 && st.r[0].deducted == 0.0 && hh_rubric_score(&rb, &st) == 100.0);
  run(HH_M_SWAY_ANGLE, 12.0, 60);       /* exactly the 1 s dwell: not yet */
  CHECK(st.zeroed == 0);
  run(HH_M_SWAY_ANGLE, 12.0, 1);
  CHECK(st.zeroed == 1 && st.critical_rule == 0 && hh_rubric_score(&rb, &st) == 0.0);
  CHECK(st.log_len == 2 && st.log[1].rule == 1 && st.log[1].deducted == 0.0);
}

/* time curve with a hard limit: optimum 90 s, zero at 135 s, hard stop at 120 s */
static void test_time_limit(void) {
  begin(1);
  hh_rule *r = add(HH_RULE_TIME_CURVE, HH_M_TIME, 0);
  r->optimum_s = 90;
  r->zero_factor = 1.5;
  r->cap = 30;
  r->hard_limit_s = 120;
  reset();
  metric[HH_M_TIME] = 119.99;
  tick = 7199;
  hh_rubric_eval(&rb, &st, metric, tick, 119.99, DT);
  CHECK(st.end_requested == 0 && st.log_len == 0);
  metric[HH_M_TIME] = 120.0;             /* reaching the limit exactly ends the task */
  hh_rubric_eval(&rb, &st, metric, 7200, 120.0, DT);
  CHECK(st.end_requested == 1 && st.critical == 0);
  CHECK(st.log_len == 1 && st.log[0].value == 120.0 && st.log[0].deducted == 0.0);
  hh_rubric_eval(&rb, &st, metric, 7201, 120.0, DT); /* once */
  CHECK(st.log_len == 1);
  hh_rubric_finish(&rb, &st, metric, 7200, 120.0);   /* 30 * 30 / 45 = 20 */
  CHECK_NEAR(st.r[0].deducted, 20.0, 1e-12);
  CHECK(st.r[0].count == 1 && st.log_len == 2);
  CHECK_NEAR(hh_rubric_score(&rb, &st), 80.0, 1e-12);
}

/* the exam sheet's dimension: 24 +0.021/0 mm, 3 points per started 0.01 mm outside,
   the item (10 points) down to zero; the band as the loader builds it from nominal
   and dev, values in mm as on the sheet */
static double sheet(double v) {
  begin(1);
  hh_rule *r = add(HH_RULE_FINAL_BAND, HH_M_LANDING_OFFSET, 0);
  r->lo = 24.0 + 0.0;
  r->hi = 24.0 + 0.021;
  r->unit = 0.01;
  r->points = 3;
  r->cap = 10;
  reset();
  metric[HH_M_LANDING_OFFSET] = v;
  hh_rubric_finish(&rb, &st, metric, 1, DT);
  return st.r[0].deducted;
}

/* tolerance band: both edges inside, asymmetric, per started unit, floored at the item */
static void test_exam_sheet(void) {
  CHECK(sheet(24.000) == 0.0);          /* lower edge (deviation 0) */
  CHECK(sheet(24.021) == 0.0);          /* upper edge */
  CHECK(sheet(24.010) == 0.0);
  CHECK(sheet(24.031) == 3.0);          /* 0.01 mm over: one unit */
  CHECK(sheet(24.0311) == 6.0);         /* 0.0101 mm over: two started units */
  CHECK(sheet(24.041) == 6.0);
  CHECK(sheet(23.990) == 3.0);          /* 0.01 mm under */
  CHECK(sheet(23.9999) == 3.0);         /* any amount under starts a unit */
  CHECK(sheet(23.970) == 9.0);
  CHECK(sheet(23.960) == 10.0);         /* 12 capped: the item is zero, not negative */
  CHECK(sheet(25.0) == 10.0);
  CHECK(hh_rubric_score(&rb, &st) == 90.0);
}

/* 文明生产: -3 per violation, -10 in all, across three items of one section */
static void test_section_cap(void) {
  begin(2);
  rb.section_cap[0] = 10;
  hh_rule *a = add(HH_RULE_EDGE, HH_M_COLLISIONS, 0);
  a->points = 3;
  a->cap = 10;
  hh_rule *b = add(HH_RULE_EDGE, HH_M_LOCKED, 0);
  b->points = 3;
  b->cap = 10;
  hh_rule *c = add(HH_RULE_EDGE, HH_M_UNLOCKED, 0);
  c->points = 3;
  c->cap = 10;
  hh_rule *o = add(HH_RULE_EDGE, HH_M_LANDED, 1);  /* another section: unaffected */
  o->points = 5;
  o->cap = 20;
  reset();
  CHECK(rb.section_limit[0] == 10.0);
  for (int i = 1; i <= 3; i++) run(HH_M_COLLISIONS, i, 1);
  CHECK(st.sec_deducted[0] == 9.0);
  run(HH_M_LOCKED, 1, 1);               /* 1 point of room left */
  CHECK(st.r[1].deducted == 1.0 && st.sec_deducted[0] == 10.0);
  CHECK(st.log_len == 4 && st.log[3].deducted == 1.0);
  run(HH_M_UNLOCKED, 1, 1);             /* section spent: nothing, not an event */
  CHECK(st.r[2].deducted == 0.0 && st.r[2].count == 0 && st.log_len == 4);
  run(HH_M_LANDED, 1, 1);
  CHECK(st.sec_deducted[1] == 5.0);
  CHECK(hh_rubric_score(&rb, &st) == 85.0);
}

/* WorldSkills-style weights 40/12/5/5/38 of 100, judgement items left to a judge,
   a section zeroed by a fault */
static void test_weights_judge(void) {
  begin(5);
  double w[5] = {40, 12, 5, 5, 38};
  for (int s = 0; s < 5; s++) rb.section_weight[s] = w[s];
  hh_rule *band = add(HH_RULE_FINAL_BAND, HH_M_LANDING_OFFSET, 0);
  band->lo = 0.0;
  band->hi = 0.05;
  band->unit = 0.01;
  band->points = 2;
  band->cap = 40;
  hh_rule *thr = add(HH_RULE_THRESHOLD, HH_M_SWAY_ANGLE, 1);
  thr->cmp = HH_CMP_GT;
  thr->limit = 1.0;
  thr->points = 4;
  thr->cap = 12;
  hh_rule *j1 = add(HH_RULE_JUDGE, 0, 2);
  j1->cap = 5;
  hh_rule *edge = add(HH_RULE_EDGE, HH_M_COLLISIONS, 3);
  edge->points = 2;
  edge->cap = 5;
  hh_rule *zs = add(HH_RULE_CRITICAL, HH_M_LOAD_LOST, 3);
  zs->action = HH_CRIT_ZERO_SECTION;
  hh_rule *j2 = add(HH_RULE_JUDGE, 0, 4);
  j2->cap = 10;
  hh_rule *tc = add(HH_RULE_TIME_CURVE, HH_M_TIME, 4);
  tc->optimum_s = 90;
  tc->zero_factor = 1.5;
  tc->cap = 28;
  reset();
  CHECK(rb.judge_max == 15.0 && hh_rubric_objective_max(&rb) == 85.0);
  CHECK(rb.section_value[0] == 40.0 && rb.section_value[4] == 38.0);
  CHECK(rb.section_limit[4] == 28.0 && rb.section_limit[2] == 0.0);
  CHECK(hh_rubric_score(&rb, &st) == 85.0 && hh_rubric_pending(&rb, &st) == 15.0);
  run(HH_M_SWAY_ANGLE, 2.0, 5);         /* two excursions: -8 in section 1 */
  run(HH_M_SWAY_ANGLE, 0.0, 1);
  run(HH_M_SWAY_ANGLE, 2.0, 1);
  run(HH_M_COLLISIONS, 1, 1);           /* -2 in section 3 */
  run(HH_M_LOAD_LOST, 1, 1);            /* section 3 zeroed: the other 3 points */
  CHECK(st.sec_zeroed[3] == 1 && st.r[4].deducted == 3.0 && st.sec_deducted[3] == 5.0);
  CHECK(st.critical == 0 && st.zeroed == 0);   /* a section fault does not fail it */
  run(HH_M_COLLISIONS, 2, 1);           /* nothing left in section 3 */
  CHECK(st.r[3].deducted == 2.0);
  metric[HH_M_LANDING_OFFSET] = 0.08;   /* 3 units outside: -6 */
  metric[HH_M_TIME] = 112.5;            /* half way to zero: -14 */
  hh_rubric_finish(&rb, &st, metric, tick, 112.5);
  CHECK(st.sec_deducted[0] == 6.0 && st.sec_deducted[1] == 8.0);
  CHECK_NEAR(st.sec_deducted[4], 14.0, 1e-12);
  /* objective: 85 - 6 - 8 - 5 - 14 = 52, judgement items pending */
  CHECK_NEAR(hh_rubric_score(&rb, &st), 52.0, 1e-12);
  CHECK_NEAR(hh_rubric_total(&rb, &st), 52.0, 1e-12);
  /* the judges mark: out of range and non-judgement items refused */
  CHECK(hh_rubric_judge(&rb, &st, 2, 6.0) != 0);
  CHECK(hh_rubric_judge(&rb, &st, 2, -1.0) != 0);
  CHECK(hh_rubric_judge(&rb, &st, 1, 1.0) != 0);
  CHECK(hh_rubric_judge(&rb, &st, 2, 4.0) == 0);
  CHECK(hh_rubric_pending(&rb, &st) == 10.0);
  CHECK(hh_rubric_judge(&rb, &st, 5, 7.0) == 0);
  CHECK(hh_rubric_pending(&rb, &st) == 0.0);
  CHECK_NEAR(hh_rubric_total(&rb, &st), 63.0, 1e-12);
  CHECK_NEAR(hh_rubric_score(&rb, &st), 52.0, 1e-12);  /* the objective part unchanged */
}

/* compile-time sizes and ordering: the log holds what the caps allow; ops grouped by
   evaluator in declaration order; broken rubrics rejected with the rule named */
static void test_compile(void) {
  begin(2);
  rb.section_cap[1] = 10;
  hh_rule *e = add(HH_RULE_EDGE, HH_M_COLLISIONS, 0);
  e->points = 1;
  e->cap = 20;                           /* 20 events */
  hh_rule *c = add(HH_RULE_CRITICAL, HH_M_LOAD_LOST, 0);
  c->action = HH_CRIT_ZERO;              /* 16 */
  hh_rule *b = add(HH_RULE_FINAL_BAND, HH_M_LANDING_OFFSET, 1);
  b->hi = 1;
  b->unit = 1;
  b->points = 1;
  b->cap = 5;                            /* 1 */
  hh_rule *t = add(HH_RULE_THRESHOLD, HH_M_SWAY_ANGLE, 1);
  t->cmp = HH_CMP_LT;
  t->limit = -3;
  t->points = 2;
  t->cap = 5;                            /* 3 */
  reset();
  CHECK(rb.log_capacity == 40);
  CHECK(rb.n_ops == 3);
  CHECK(rb.op_start[HH_OP_CRITICAL] == 0 && rb.op[0].rule == 1);
  CHECK(rb.op_start[HH_OP_EDGE] == 1 && rb.op[1].rule == 0);
  CHECK(rb.op_start[HH_OP_THRESHOLD] == 2 && rb.op[2].rule == 3 && rb.op_start[HH_OP_COUNT] == 3);
  CHECK(rb.op[2].sign == -1.0 && rb.op[2].limit == 3.0);   /* -v > 3 <=> v < -3 */
  CHECK(rb.op[0].code == HH_OP_CRITICAL && rb.op[1].code == HH_OP_EDGE &&
        rb.op[2].code == HH_OP_THRESHOLD);
  /* the event-driven ops watch their metrics: load_lost -> op 0, collisions -> op 1 */
  CHECK(rb.n_watch == 2 && rb.watch[0] == HH_M_LOAD_LOST && rb.watch[1] == HH_M_COLLISIONS);
  CHECK(rb.watch_ops[0][0] == 1u && rb.watch_ops[1][0] == 2u);
  hh_rubric_problem p;
  /* an item's cap beyond its section's cap */
  b->cap = 12;
  CHECK(hh_rubric_compile(&rb, &p) != 0 && p.rule == 2 && p.section == 1);
  CHECK(strstr(p.text, "more than section 's1' can lose (10)") != NULL);
  CHECK(rb.compiled == 0);
  b->cap = 5;
  /* order on one metric */
  hh_rule *o = add(HH_RULE_ORDER, HH_M_LOCKED, 0);
  o->metric_b = HH_M_LOCKED;
  o->points = 1;
  o->cap = 1;
  CHECK(hh_rubric_compile(&rb, &p) != 0 && p.rule == 4);
  CHECK(strstr(p.text, "must differ") != NULL);
  o->metric_b = HH_M_LANDED;
  CHECK(hh_rubric_compile(&rb, &p) == 0);
  /* impossible band */
  b->lo = 2;
  CHECK(hh_rubric_compile(&rb, &p) != 0 && p.rule == 2 && strstr(p.text, "impossible band") != NULL);
  b->lo = 0;
  /* weights that do not add up */
  rb.section_weight[0] = 40;
  rb.section_weight[1] = 12;
  CHECK(hh_rubric_compile(&rb, &p) != 0 && p.rule == -1);
  CHECK(strstr(p.text, "weights add up to 52, not 100") != NULL);
  rb.section_weight[1] = 0;
  CHECK(hh_rubric_compile(&rb, &p) != 0 && strstr(p.text, "every section a weight") != NULL);
  rb.section_weight[0] = 0;
  /* caps after section caps beyond the scale */
  rb.max_score = 30;                     /* 20 + min(10, 5 + 5) + 1 = 31 */
  CHECK(hh_rubric_compile(&rb, &p) != 0 && p.rule == -1);
  CHECK(strstr(p.text, "item caps add up to 31 points, more than max_score 30") != NULL);
  rb.max_score = 31;
  CHECK(hh_rubric_compile(&rb, &p) == 0);
  /* zero_section needs a bounded section */
  c->action = HH_CRIT_ZERO_SECTION;
  CHECK(hh_rubric_compile(&rb, &p) != 0 && p.rule == 1 && strstr(p.text, "zero_section") != NULL);
}

int main(void) {
  test_order();
  test_precondition();
  test_precondition_per_second();
  test_violation_faults();
  test_time_limit();
  test_exam_sheet();
  test_section_cap();
  test_weights_judge();
  test_compile();
  return hh_test_done("test_rubric_kinds");
}
