/* test_cnc_exam.c - the milling exam end to end: the expert autopilot performs the
 * whole procedure and scores full marks with every dimension inside its band; the
 * same run twice gives the same state hash; skipping the reference return loses the
 * rubric's points for it; a crash program zeroes the score. */
#include "hh_test.h"
#include "machines/cnc/hh_cnc.h"
#include "machines/cnc/hh_canon.h"
#include "pilot/hh_pilot.h"
#include "script/hh_script.h"
#include <stdlib.h>
#include <string.h>

static hh_model model;

/* run the autopilot to the end (skip > 0: drop the steps [skip_from, skip_from+skip)) */
static hh_data *run(int verbose) {
  hh_error err = {0};
  hh_data *d = hh_data_make(&model, &err);
  if (!d) {
    hh_error_print(&err, stderr);
    exit(1);
  }
  hh_pilot pilot;
  CHECK(hh_pilot_init(&pilot, &model, &err) == HH_OK);
  hh_controls c;
  int last_phase = -1;
  while (!d->done) {
    hh_pilot_act(&pilot, &model, d, &c);
    hh_step(&model, d, &c);
    if (verbose > 1 && d->time_s > 140 && d->time_s < 156 && d->tick % 6 == 0)
      printf("t %.2f pc %d kind %d z %.5f spin %.2f cut %d alarm %d vel %.4f\n", d->time_s,
             d->cnc.pc, d->cnc.mv_kind, d->cnc.pos[2], d->cnc.spindle_speed, d->cnc.cutting,
             d->cnc.alarm, d->cnc.vel);
    if (verbose && pilot.phase != last_phase) {
      printf("t %8.2f phase %3d mode %d run %d pc %4d pos %.5f %.5f %.5f alarm %d tool %d\n",
             d->time_s, pilot.phase, d->cnc.mode, d->cnc.run, d->cnc.pc, d->cnc.pos[0],
             d->cnc.pos[1], d->cnc.pos[2], d->cnc.alarm, d->cnc.tool);
      last_phase = pilot.phase;
    }
  }
  hh_finish(&model, d);
  return d;
}

/* index of rubric item id */
static int rule_index(const char *id) {
  for (int i = 0; i < model.rubric.n_rules; i++)
    if (strcmp(model.rubric.rule[i].id, id) == 0) return i;
  return -1;
}

/* cycle start in AUTO without reference return: alarm 224, the item loses its 4 points */
static void skipped_reference(void) {
  hh_error err = {0};
  hh_data *d = hh_data_make(&model, &err);
  static const unsigned keys[] = {HH_CNC_KEY_AUTO, 0, HH_CNC_KEY_CYCLE_START, 0,
                                  HH_CNC_KEY_RESET, 0, HH_CNC_KEY_CYCLE_START, 0};
  for (int i = 0; i < 8; i++) {
    hh_controls c;
    memset(&c, 0, sizeof c);
    c.reserved = keys[i];
    hh_step(&model, d, &c);
  }
  CHECK(d->cnc.alarm == 224);
  CHECK(d->cnc.run == HH_CNC_RUN_IDLE);
  CHECK(d->metric[HH_M_CNC_AUTO_NO_REF] == 2);
  /* the order item (cycle start in AUTO before reference return): 4 per violation,
     the item's cap 4, so a second refused start costs nothing more */
  CHECK(d->metric[HH_M_CNC_AUTO_STARTS] == 2);
  CHECK(d->metric[HH_M_CNC_REFERENCED] == 0);
  int r = rule_index("no_reference");
  CHECK(r >= 0 && model.rubric.rule[r].kind == HH_RULE_ORDER);
  CHECK(r >= 0 && d->rubric.r[r].deducted == 4);
  CHECK(hh_score(&model, d) == model.rubric.max_score - 4); /* live score: nothing else */
  hh_data_free(d);
}

/* the expert procedure with one panel key never pressed: the rubric item for that
   step loses its points and nothing else does */
static void missing_key(unsigned key, const char *item, double points) {
  hh_error err = {0};
  hh_data *d = hh_data_make(&model, &err);
  hh_pilot pilot;
  CHECK(hh_pilot_init(&pilot, &model, &err) == HH_OK);
  hh_controls c;
  while (!d->done) {
    hh_pilot_act(&pilot, &model, d, &c);
    if ((c.reserved & 0xFFu) == key) c.reserved = 0;
    hh_step(&model, d, &c);
  }
  hh_finish(&model, d);
  int r = rule_index(item);
  printf("without key 0x%X: score %.2f, %s -%.2f\n", key, hh_score(&model, d), item,
         r >= 0 ? d->rubric.r[r].deducted : -1.0);
  CHECK(r >= 0 && d->rubric.r[r].deducted == points);
  CHECK(hh_score(&model, d) == model.rubric.max_score - points);
  hh_data_free(d);
}

/* the expert procedure with a program whose spindle never starts: the first cut is a
   crash (alarm 1001), a critical fault that zeroes the score */
static void crash_program(void) {
  static hh_model bad;
  bad = model;
  for (int i = 0; i < bad.cnc.n_ops; i++)
    if (bad.cnc.op[i].kind == HH_CANON_SPINDLE_ON) bad.cnc.op[i].kind = HH_CANON_SPINDLE_OFF;
  hh_error err = {0};
  hh_data *d = hh_data_make(&bad, &err);
  hh_pilot pilot;
  CHECK(hh_pilot_init(&pilot, &bad, &err) == HH_OK);
  hh_controls c;
  while (!d->done) {
    hh_pilot_act(&pilot, &bad, d, &c);
    hh_step(&bad, d, &c);
  }
  hh_finish(&bad, d);
  printf("crash program: score %.2f, alarm %d, critical %d\n", hh_score(&bad, d), d->cnc.alarm,
         d->rubric.critical);
  CHECK(d->cnc.crash == 1);
  CHECK(d->cnc.alarm == 1001);
  CHECK(d->rubric.critical);
  CHECK(hh_score(&bad, d) == 0);
  hh_data_free(d);
}

/* the expert procedure with a program that never turns the coolant on: the
   precondition item (cutting requires coolant) loses its points once per episode of
   cutting without coolant, up to its cap, and nothing else is lost */
static void no_coolant_program(void) {
  static hh_model dry;
  dry = model;
  for (int i = 0; i < dry.cnc.n_ops; i++)
    if (dry.cnc.op[i].kind == HH_CANON_COOLANT) dry.cnc.op[i].value = 0;
  hh_error err = {0};
  hh_data *d = hh_data_make(&dry, &err);
  hh_pilot pilot;
  CHECK(hh_pilot_init(&pilot, &dry, &err) == HH_OK);
  hh_controls c;
  while (!d->done) {
    hh_pilot_act(&pilot, &dry, d, &c);
    hh_step(&dry, d, &c);
  }
  hh_finish(&dry, d);
  int r = rule_index("no_coolant");
  double cap = r >= 0 ? dry.rubric.rule[r].cap : -1;
  printf("no coolant: score %.2f, no_coolant -%.2f (cap %.0f)\n", hh_score(&dry, d),
         r >= 0 ? d->rubric.r[r].deducted : -1.0, cap);
  CHECK(r >= 0 && dry.rubric.rule[r].kind == HH_RULE_PRECONDITION);
  CHECK(r >= 0 && d->rubric.r[r].deducted == cap && d->rubric.r[r].count >= 1);
  CHECK(hh_score(&dry, d) == dry.rubric.max_score - cap);
  hh_data_free(d);
}

/* load a scenario, run its autopilot twice: full marks, every dimension in its band,
   no critical fault, the same state hash */
static void exam(const char *path, int verbose) {
  hh_error err = {0};
  if (hh_script_load(path, &model, &err) != HH_OK) {
    hh_error_print(&err, stderr);
    hh_test_failures++;
    return;
  }
  hh_data *d = run(verbose);
  printf("%s: score %.2f / %.0f in %.1f s, removed %.2f cm^3, crash %d alarm %d\n", model.id,
         hh_score(&model, d), model.rubric.max_score, d->time_s, d->cnc.removed * 1e6,
         d->cnc.crash, d->cnc.alarm);
  for (int i = 0; i < model.cnc.n_gauges; i++)
    printf("  %-22s measured %.4f mm (band %.3f..%.3f)\n", model.cnc.gauge[i].name,
           d->metric[HH_M_CNC_DIM1 + i] * 1e3, model.cnc.gauge[i].lo * 1e3,
           model.cnc.gauge[i].hi * 1e3);
  for (int i = 0; i < model.cnc.n_surf; i++)
    printf("  %-22s Ra %.2f um (spec %.1f)\n", model.cnc.surf[i].name,
           d->metric[HH_M_CNC_RA1 + i] * 1e6, model.cnc.surf[i].spec * 1e6);
  CHECK(hh_score(&model, d) == model.rubric.max_score);
  CHECK(!d->rubric.critical);
  CHECK(d->cnc.program_done && d->cnc.measured);
  /* the program ends with G28: machine-frame moves land on the reference point
     whatever the operator's work/tool offsets are */
  int g28 = 0;
  for (int i = 0; i < model.cnc.n_ops; i++) g28 |= model.cnc.op[i].machine;
  CHECK(g28 != 0);
  printf("  end position %.6f %.6f %.6f (home %.6f %.6f %.6f)\n", d->cnc.pos[0], d->cnc.pos[1],
         d->cnc.pos[2], model.cnc.home[0], model.cnc.home[1], model.cnc.home[2]);
  for (int i = 0; i < 3; i++) CHECK_NEAR(d->cnc.pos[i], model.cnc.home[i], 1e-9);
  for (int i = 0; i < model.cnc.n_gauges; i++) {
    double v = d->metric[HH_M_CNC_DIM1 + i];
    CHECK(v >= model.cnc.gauge[i].lo && v <= model.cnc.gauge[i].hi);
  }
  uint64_t h1 = hh_data_hash(d);
  hh_data_free(d);
  d = run(0);
  CHECK(hh_data_hash(d) == h1);
  hh_data_free(d);
}

int main(int argc, char **argv) {
  (void)argv;
  int v = argc > 2 ? 2 : argc > 1;
  exam(HH_SOURCE_DIR "/scenarios/cnc/lathe_exam_shaft.lua", v);
  exam(HH_SOURCE_DIR "/scenarios/cnc/mill_exam_plate.lua", v);
  skipped_reference();
  crash_program();
  missing_key(HH_CNC_KEY_DOOR, "door_open", 6); /* two spindle starts, 3 each */
  missing_key(HH_CNC_KEY_MACHINE_LOCK, "not_verified", 4);
  no_coolant_program(); /* mill: 3 points, cap 3 */
  return hh_test_done("cnc_exam");
}
