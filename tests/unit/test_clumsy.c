/* test_clumsy.c - a recorded clumsy control track (tests/fixtures/tracks/sts_clumsy.track)
 * loses exactly the points its rules say: one collision, two sway excursions near
 * landing, a late finish on the time curve, nothing else. */
#include "hh_test.h"
#include "pilot/hh_pilot.h"
#include "script/hh_script.h"
#include <string.h>

static hh_model model;

/* index of the rule with this id, -1 if none */
static int rule_index(const char *id) {
  for (int i = 0; i < model.rubric.n_rules; i++)
    if (strcmp(model.rubric.rule[i].id, id) == 0) return i;
  return -1;
}

int main(void) {
  hh_error err = {0};
  static hh_track track;
  if (hh_script_load(HH_SOURCE_DIR "/scenarios/port/sts_first_lift.lua", &model, &err) ||
      hh_track_load(HH_SOURCE_DIR "/tests/fixtures/tracks/sts_clumsy.track", &track, &err)) {
    hh_error_print(&err, stderr);
    return 1;
  }
  hh_data *d = hh_data_make(&model, &err);
  CHECK(d != NULL);
  if (!d) return 1;
  hh_controls c;
  while (!d->done) {
    hh_track_controls(&track, d->tick, model.dt, &c);
    hh_step(&model, d, &c);
  }
  hh_finish(&model, d);

  int collisions = rule_index("collisions"), sway = rule_index("sway_near_landing");
  int speed = rule_index("landing_speed"), offset = rule_index("landing_offset");
  int time = rule_index("time");
  CHECK(collisions >= 0 && sway >= 0 && speed >= 0 && offset >= 0 && time >= 0);
  if (collisions < 0 || sway < 0 || speed < 0 || offset < 0 || time < 0) return 1;
  const hh_rule *rc = &model.rubric.rule[collisions], *rs = &model.rubric.rule[sway];
  const hh_rule *rt = &model.rubric.rule[time];
  const hh_rule_state *st = d->rubric.r;

  printf("clumsy: %.3f s, score %.4f; collisions x%d -%.2f, sway x%d -%.2f, time -%.4f\n",
         d->time_s, hh_score(&model, d), st[collisions].count, st[collisions].deducted,
         st[sway].count, st[sway].deducted, st[time].deducted);
  CHECK(d->metric[HH_M_TASK_DONE] != 0.0);
  CHECK(!d->rubric.critical);
  /* one collision (the wrong stack), at the rule's points */
  CHECK(st[collisions].count == 1);
  CHECK(st[collisions].deducted == rc->points);
  /* two excursions of sway over the limit for longer than the dwell, near landing */
  CHECK(st[sway].count == 2);
  CHECK(st[sway].deducted == 2 * rs->points);
  /* a soft touchdown within tolerance costs nothing */
  CHECK(st[speed].deducted == 0.0);
  CHECK(st[offset].deducted == 0.0);
  CHECK(d->metric[HH_M_LANDING_OFFSET] <= model.target.tol);
  /* late: the time curve loses cap * (t - optimum) / ((zero_factor - 1) * optimum) */
  CHECK(d->time_s > rt->optimum_s && d->time_s < rt->zero_factor * rt->optimum_s);
  CHECK_NEAR(d->time_s, 117.0, 1.0);
  double late = rt->cap * (d->time_s - rt->optimum_s) / ((rt->zero_factor - 1.0) * rt->optimum_s);
  CHECK_NEAR(st[time].deducted, late, 1e-9);
  /* the score is exactly the maximum less these items */
  double expect = model.rubric.max_score - rc->points - 2 * rs->points - late;
  CHECK_NEAR(hh_score(&model, d), expect, 1e-9);
  CHECK(hh_passed(&model, d));
  /* every deduction is in the event log with its time */
  CHECK(d->rubric.log_len == 4);
  for (int i = 0; i < d->rubric.log_len; i++) CHECK(d->rubric.log[i].time_s > 10.0);
  hh_data_free(d);
  return hh_test_done("test_clumsy");
}
