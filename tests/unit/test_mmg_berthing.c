/* test_mmg_berthing.c - scenario marine/berthing end to end: the ship_expert pilot
 * berths the VLCC and passes (no critical fault, fender contact under the 0.15 m/s
 * limit, midship near the mark), twice with the bit-identical state hash; a manual
 * mistake (full ahead into the berth) is scored critical; bad ship scenarios fail at
 * load time with a located message. Set HH_SHIP_TRACE=1 to print the run every 60 s. */
#include "hh_test.h"
#include "pilot/hh_pilot.h"
#include "script/hh_script.h"
#include "machines/marine/hh_mmg.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static hh_model model;
static double max_fender_speed; /* largest fender contact speed of the last run (m/s) */

/* run the autopilot to the end; returns the data (caller frees) */
static hh_data *run_autopilot(int trace) {
  hh_error err = {0};
  hh_data *d = hh_data_make(&model, &err);
  if (!d) {
    hh_error_print(&err, stderr);
    exit(1);
  }
  hh_pilot pilot;
  CHECK(hh_pilot_init(&pilot, &model, &err) == HH_OK);
  hh_controls c;
  max_fender_speed = 0;
  while (!d->done) {
    hh_pilot_act(&pilot, &model, d, &c);
    hh_step(&model, d, &c);
    if (d->metric[HH_M_SHIP_FENDER_SPEED] > max_fender_speed)
      max_fender_speed = d->metric[HH_M_SHIP_FENDER_SPEED];
    const hh_ship_state *s = &d->marine.ship;
    if (trace && d->tick % (60 * HH_TICK_HZ) == 0)
      printf("t %5.0f x %8.1f y %6.1f hdg %6.2f u %5.2f v %6.3f sog %5.2f clear %6.2f "
             "n %5.2f rud %5.1f tug %5.2f %5.2f ph %d\n",
             d->time_s, s->x, s->y, d->metric[HH_M_SHIP_HEADING], s->u, s->v,
             d->metric[HH_M_SHIP_SPEED], d->metric[HH_M_SHIP_QUAY_DIST], s->n,
             d->metric[HH_M_SHIP_RUDDER], c.axis[3], c.axis[4], pilot.phase);
  }
  hh_finish(&model, d);
  return d;
}

/* load a scenario text written to the build dir; returns the code, err filled */
static int load_text(const char *name, const char *text, hh_error *err) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", HH_BUILD_DIR, name);
  FILE *f = fopen(path, "w");
  if (!f) return -1;
  fputs(text, f);
  fclose(f);
  hh_model *m = malloc(sizeof *m);
  int rc = hh_script_load(path, m, err);
  free(m);
  return rc;
}

#define HEAD "scenario { id = 'marine/bad', title = {en='b', zh='b'}, brief = {en='b', zh='b'} }\n"
#define BERTH "berth { quay_y = 0, quay_x = {-400, 600}, target_x = 0, fenders = {0, 30} }\n"

int main(void) {
  hh_error err = {0};
  if (hh_script_load(HH_SOURCE_DIR "/scenarios/marine/berthing.lua", &model, &err) != HH_OK) {
    hh_error_print(&err, stderr);
    return 1;
  }
  CHECK(model.machine == HH_MACHINE_SHIP);
  CHECK(strcmp(model.marine.ship.hull.name, "kvlcc2") == 0);
  int trace = getenv("HH_SHIP_TRACE") != NULL;
  hh_data *d = run_autopilot(trace);
  double score = hh_score(&model, d);
  printf("berthing autopilot: score %.1f / %.0f in %.0f s, fender contacts %.0f, "
         "fastest %.3f m/s, offset %.2f m, heading error %.2f deg\n",
         score, model.rubric.max_score, d->time_s, d->metric[HH_M_SHIP_FENDER_HITS],
         max_fender_speed, d->metric[HH_M_SHIP_BERTH_OFFSET], d->metric[HH_M_SHIP_BERTH_HEADING]);
  for (int i = 0; i < model.rubric.n_rules; i++)
    if (d->rubric.r[i].deducted > 0)
      printf("  %-20s -%.2f (x%d)\n", model.rubric.rule[i].id, d->rubric.r[i].deducted,
             d->rubric.r[i].count);
  CHECK(d->metric[HH_M_SHIP_BERTHED] != 0.0);
  CHECK(d->metric[HH_M_TASK_DONE] != 0.0);
  CHECK(!d->rubric.critical);
  CHECK(hh_passed(&model, d));
  CHECK(score >= 85.0);
  CHECK(d->metric[HH_M_SHIP_FENDER_HITS] >= 1.0);
  CHECK(max_fender_speed > 0.0 && max_fender_speed < 0.15);
  CHECK(d->metric[HH_M_SHIP_BERTH_OFFSET] <= 5.0);
  for (int i = 0; i < model.rubric.n_rules; i++)
    if (strcmp(model.rubric.rule[i].id, "fender_speed") == 0) CHECK(d->rubric.r[i].count == 0);

  /* determinism: a second run gives the bit-identical state hash and score */
  hh_data *d2 = run_autopilot(0);
  CHECK(hh_data_hash(d) == hh_data_hash(d2));
  CHECK(hh_score(&model, d2) == score);
  CHECK(d2->tick == d->tick);
  hh_data_free(d2);

  /* a trainee who rings full ahead and steers for the quay: a critical fault */
  CHECK(hh_data_reset(&model, d, &err) == HH_OK);
  hh_controls c;
  memset(&c, 0, sizeof c);
  c.axis[0] = 0.5f;  /* half starboard helm: toward the quay */
  c.axis[1] = 1.0f;
  while (!d->done) hh_step(&model, d, &c);
  hh_finish(&model, d);
  CHECK(d->rubric.critical);
  CHECK(d->metric[HH_M_SHIP_QUAY_HIT] != 0.0 || d->metric[HH_M_SHIP_SHIP_HIT] != 0.0);
  CHECK(!hh_passed(&model, d));
  hh_data_free(d);

  /* bad scenarios: clear load-time errors naming file and line */
  memset(&err, 0, sizeof err);
  CHECK(load_text("bad_hull.lua", HEAD "ship { hull = 'kvlcc3', start = {0, 100, 0} }\n", &err) ==
        HH_E_SCRIPT_FIELD);
  CHECK(err.line == 2);
  CHECK(strstr(err.text, "kvlcc3") != NULL && strstr(err.text, "kvlcc2") != NULL);
  printf("unknown hull: %s:%d: %s\n", err.file, err.line, err.text);
  memset(&err, 0, sizeof err);
  CHECK(load_text("bad_speed.lua", HEAD "ship { hull = 'kvlcc2', start = {0, 100, 0}, speed = 40 }\n",
                  &err) == HH_E_SCRIPT_FIELD);
  CHECK(err.line == 2);
  memset(&err, 0, sizeof err);
  CHECK(load_text("bad_start.lua", HEAD BERTH "ship { hull = 'kvlcc2', start = {0, 10, 0} }\n",
                  &err) == HH_E_SCENARIO);
  CHECK(err.line == 3);
  memset(&err, 0, sizeof err);
  CHECK(load_text("bad_fender.lua", HEAD "berth { quay_y = 0, quay_x = {-400, 600}, target_x = 0,"
                  " fenders = {0, 900} }\nship { hull = 'kvlcc2', start = {0, 100, 0} }\n",
                  &err) == HH_E_SCENARIO);
  CHECK(err.line == 2);
  memset(&err, 0, sizeof err);
  CHECK(load_text("bad_tug.lua", HEAD "ship { hull = 'kvlcc2', start = {0, 100, 0} }\n"
                  "tug { at = {100, -29}, dir = 1.57, max_force = -5 }\n", &err) ==
        HH_E_SCRIPT_FIELD);
  CHECK(err.line == 3);
  return hh_test_done("mmg_berthing");
}
