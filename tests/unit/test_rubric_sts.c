/* test_rubric_sts.c - the rubric compiled from scenarios/port/sts_first_lift.lua,
 * scored over synthetic metric tracks with hand-computed results. */
#include "hh_test.h"
#include "script/hh_script.h"
#include <string.h>

static hh_model m;
static hh_rubric_state st;
static hh_event evlog[256];
static double metric[HH_METRIC_COUNT];
static uint64_t tick;

/* index of rule id */
static int rule_index(const char *id) {
  for (int i = 0; i < m.rubric.n_rules; i++)
    if (strcmp(m.rubric.rule[i].id, id) == 0) return i;
  return -1;
}

/* advance n ticks with the current metrics */
static void run(int n) {
  for (int i = 0; i < n; i++) {
    tick++;
    metric[HH_M_TIME] = (double)tick * m.dt;
    hh_rubric_eval(&m.rubric, &st, metric, tick, metric[HH_M_TIME], m.dt);
  }
}

/* start an attempt */
static void start(void) {
  memset(metric, 0, sizeof metric);
  tick = 0;
  hh_rubric_reset(&m.rubric, &st, evlog);
}

int main(void) {
  hh_error err;
  CHECK(hh_script_load(HH_SOURCE_DIR "/scenarios/port/sts_first_lift.lua", &m, &err) == HH_OK);

  /* a flawed but finished attempt of 100 s:
     sway 1.5 deg near landing for 2.5 s (one excursion past the 2 s dwell)  -5
     one collision                                                          -5
     touchdown at 0.4 m/s                                                   -5
     landing offset 0.063 m: 0.013 m outside -> 2 started units x 2         -4
     100 s against optimum 90, zero at 135: 30 * 10 / 45                    -6.667 */
  start();
  run(600);
  metric[HH_M_NEAR_LANDING] = 1;
  metric[HH_M_SWAY_ANGLE] = 1.5;
  run(150);
  metric[HH_M_SWAY_ANGLE] = 0.2;
  metric[HH_M_COLLISIONS] = 1;
  run(60);
  metric[HH_M_IMPACT_SPEED] = 0.4;
  run(1);
  metric[HH_M_IMPACT_SPEED] = 0.0;
  metric[HH_M_NEAR_LANDING] = 0;
  run(6000 - (int)tick);
  metric[HH_M_LANDING_OFFSET] = 0.063;
  metric[HH_M_TASK_DONE] = 1;
  CHECK(tick == 6000);
  hh_rubric_finish(&m.rubric, &st, metric, tick, metric[HH_M_TIME]);
  CHECK(st.r[rule_index("sway_near_landing")].deducted == 5.0);
  CHECK(st.r[rule_index("collisions")].deducted == 5.0);
  CHECK(st.r[rule_index("landing_speed")].deducted == 5.0);
  CHECK(st.r[rule_index("landing_offset")].deducted == 4.0);
  CHECK_NEAR(st.r[rule_index("time")].deducted, 30.0 * 10.0 / 45.0, 1e-9);
  CHECK_NEAR(hh_rubric_score(&m.rubric, &st), 100.0 - 19.0 - 30.0 * 10.0 / 45.0, 1e-9);
  CHECK(st.log_len == 5 && st.critical == 0);

  /* sway above 1 deg away from the landing zone costs nothing; exactly 1 deg neither */
  start();
  metric[HH_M_SWAY_ANGLE] = 4.0;
  run(600);
  metric[HH_M_NEAR_LANDING] = 1;
  metric[HH_M_SWAY_ANGLE] = 1.0;
  run(600);
  CHECK(st.r[rule_index("sway_near_landing")].deducted == 0.0);

  /* the task not done: time and offset items lost, 50 points, not passed */
  start();
  run(300);
  metric[HH_M_LANDING_OFFSET] = 30.0;
  hh_rubric_finish(&m.rubric, &st, metric, tick, metric[HH_M_TIME]);
  CHECK(hh_rubric_score(&m.rubric, &st) == 50.0);
  CHECK(hh_rubric_score(&m.rubric, &st) < m.rubric.pass_score);

  /* locking before the spreader ever landed: -5 once; after a landing, never again */
  start();
  run(10);
  metric[HH_M_LOCKED] = 1;
  run(1);
  int lbl = rule_index("lock_before_landing");
  CHECK(lbl >= 0 && st.r[lbl].deducted == 5.0 && st.r[lbl].count == 1);
  metric[HH_M_LOCKED] = 0;
  run(1);
  metric[HH_M_LANDED] = 1;
  run(1);
  metric[HH_M_LOCKED] = 1;
  run(1);
  CHECK(st.r[lbl].deducted == 5.0 && st.r[lbl].count == 1);
  /* then everything else in safety: 5 + 20 + 20 + 10 = 55, capped at the section's 50 */
  for (int i = 1; i <= 4; i++) {
    metric[HH_M_COLLISIONS] = i;
    run(1);
  }
  metric[HH_M_NEAR_LANDING] = 1;
  for (int i = 0; i < 4; i++) {
    metric[HH_M_SWAY_ANGLE] = 1.5;
    run(130);
    metric[HH_M_SWAY_ANGLE] = 0.2;
    run(1);
  }
  CHECK(st.sec_deducted[0] == 45.0);
  for (int i = 0; i < 2; i++) {
    metric[HH_M_IMPACT_SPEED] = 0.4;
    run(1);
    metric[HH_M_IMPACT_SPEED] = 0.0;
    run(1);
  }
  CHECK(st.r[rule_index("landing_speed")].deducted == 5.0);
  CHECK(st.r[rule_index("landing_speed")].count == 1);
  CHECK(st.sec_deducted[0] == 50.0 && hh_rubric_score(&m.rubric, &st) == 50.0);

  /* a dropped load zeroes the attempt */
  start();
  run(100);
  metric[HH_M_LOAD_LOST] = 1;
  run(1);
  CHECK(st.zeroed && st.critical_rule == rule_index("load_lost"));
  CHECK(hh_rubric_score(&m.rubric, &st) == 0.0);
  return hh_test_done("test_rubric_sts");
}
