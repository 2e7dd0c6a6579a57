/* test_autopilot.c - the STS expert autopilot completes the first lift and passes with
 * at least 95 of 100 points, no critical fault, and the same result twice. */
#include "hh_test.h"
#include "pilot/hh_pilot.h"
#include "script/hh_script.h"
#include <stdlib.h>

static hh_model model;

/* run the autopilot to the end; returns the data (caller frees) */
static hh_data *run_autopilot(uint64_t max_ticks) {
  hh_error err = {0};
  hh_data *d = hh_data_make(&model, &err);
  if (!d) {
    hh_error_print(&err, stderr);
    exit(1);
  }
  hh_pilot pilot;
  CHECK(hh_pilot_init(&pilot, &model, &err) == HH_OK);
  hh_controls c;
  while (!d->done && d->tick < max_ticks) {
    hh_pilot_act(&pilot, &model, d, &c);
    hh_step(&model, d, &c);
  }
  hh_finish(&model, d);
  return d;
}

int main(void) {
  hh_error err = {0};
  if (hh_script_load(HH_SOURCE_DIR "/scenarios/port/sts_first_lift.lua", &model, &err) != HH_OK) {
    hh_error_print(&err, stderr);
    return 1;
  }
  hh_data *d = run_autopilot((uint64_t)(model.time_limit_s * HH_TICK_HZ) + 10);
  double score = hh_score(&model, d);
  printf("autopilot: score %.2f / %.0f in %.2f s (%llu ticks), collisions %.0f, "
         "landing offset %.4f m, impact %.3f m/s\n",
         score, model.rubric.max_score, d->time_s, (unsigned long long)d->tick,
         d->metric[HH_M_COLLISIONS], d->metric[HH_M_LANDING_OFFSET],
         d->metric[HH_M_IMPACT_SPEED]);
  for (int i = 0; i < model.rubric.n_rules; i++)
    if (d->rubric.r[i].deducted > 0)
      printf("  %-20s -%.2f (x%d)\n", model.rubric.rule[i].id, d->rubric.r[i].deducted,
             d->rubric.r[i].count);
  CHECK(d->metric[HH_M_TASK_DONE] != 0.0);
  CHECK(d->metric[HH_M_ON_TARGET] != 0.0);
  CHECK(!d->rubric.critical);
  CHECK(score >= 95.0);
  CHECK(hh_passed(&model, d));
  CHECK(d->metric[HH_M_COLLISIONS] == 0.0);
  CHECK(d->metric[HH_M_LANDING_OFFSET] <= model.target.tol);

  /* determinism: a second run gives the bit-identical state hash and score */
  hh_data *d2 = run_autopilot((uint64_t)(model.time_limit_s * HH_TICK_HZ) + 10);
  CHECK(hh_data_hash(d) == hh_data_hash(d2));
  CHECK(hh_score(&model, d2) == score);
  CHECK(d2->tick == d->tick);
  hh_data_free(d);
  hh_data_free(d2);
  return hh_test_done("test_autopilot");
}
