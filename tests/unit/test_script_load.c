/* test_script_load.c - loading scenarios/port/sts_first_lift.lua gives the model the
 * scenario declares (geometry of docs/common brief, crane, rubric), deterministically. */
#include "hh_test.h"
#include "core/hh_hash.h"
#include "script/hh_script.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the box named name, or NULL */
static const hh_box *find_box(const hh_model *m, const char *name) {
  for (int i = 0; i < m->n_boxes; i++)
    if (strcmp(m->box[i].name, name) == 0) return &m->box[i];
  return NULL;
}

/* the rule with id, or NULL */
static const hh_rule *find_rule(const hh_model *m, const char *id) {
  for (int i = 0; i < m->rubric.n_rules; i++)
    if (strcmp(m->rubric.rule[i].id, id) == 0) return &m->rubric.rule[i];
  return NULL;
}

/* box centre and half extents match */
static void check_box(const hh_model *m, const char *name, hh_box_role role, double px,
                      double py, double pz, double hx, double hy, double hz) {
  const hh_box *b = find_box(m, name);
  CHECK(b != NULL);
  if (!b) {
    fprintf(stderr, "missing box %s\n", name);
    return;
  }
  CHECK(b->role == role);
  CHECK_NEAR(b->pos[0], px, 1e-12);
  CHECK_NEAR(b->pos[1], py, 1e-12);
  CHECK_NEAR(b->pos[2], pz, 1e-12);
  CHECK_NEAR(b->half[0], hx, 1e-12);
  CHECK_NEAR(b->half[1], hy, 1e-12);
  CHECK_NEAR(b->half[2], hz, 1e-12);
}

/* hash of the file's bytes, as the loader must compute it */
static uint64_t file_hash(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return 0;
  static char buf[1 << 20];
  size_t n = fread(buf, 1, sizeof buf, f);
  fclose(f);
  return hh_fnv1a64(HH_FNV_SEED, buf, n);
}

int main(void) {
  const char *path = HH_SOURCE_DIR "/scenarios/port/sts_first_lift.lua";
  static hh_model m, m2;
  hh_error err;
  memset(&err, 0, sizeof err);
  int code = hh_script_load(path, &m, &err);
  if (code) hh_error_print(&err, stderr);
  CHECK(code == HH_OK);

  CHECK(strcmp(m.id, "port/sts_first_lift") == 0);
  CHECK(m.title_en[0] && m.title_zh[0] && m.brief_en[0] && m.brief_zh[0]);
  CHECK(strcmp(m.source, path) == 0);
  CHECK(m.content_hash == file_hash(path) && m.content_hash != 0);
  CHECK(m.seed == 1);
  CHECK(m.time_limit_s == 300.0);
  CHECK(strcmp(m.autopilot, "sts_expert") == 0);
  CHECK(m.machine == HH_MACHINE_STS);
  CHECK_NEAR(m.dt, 1.0 / HH_TICK_HZ, 1e-15);

  /* crane: the data-sheet figures the script repeats */
  CHECK(m.sts.trolley.start_pos == -10.0);
  CHECK(m.sts.hoist.start_pos == 20.0);
  CHECK(m.sts.sheave_z == 45.0);
  CHECK(m.sts.hoist.max_speed == 3.0 && m.sts.hoist.max_speed_loaded == 1.5);
  CHECK(m.sts.gantry.max_speed == 0.75 && m.sts.trolley.max_speed == 4.0);
  CHECK(m.sts.rail_y[0] == -30.48 && m.sts.rail_y[1] == 0.0);
  CHECK(m.sts.spreader_mass == 11000.0);
  CHECK(m.sts.rope_ea == 8.4e7);

  /* geometry */
  check_box(&m, "quay", HH_ROLE_GROUND, 0, -28.5, -1, 80, 31.5, 1);
  check_box(&m, "truck_chassis", HH_ROLE_LANDING, 0, -15, 1.3, 6.3, 1.25, 0.2);
  check_box(&m, "truck_cab", HH_ROLE_OBSTACLE, 8.3, -15, 1.8, 1.2, 1.25, 1.8);
  check_box(&m, "ship_hull", HH_ROLE_OBSTACLE, 0, 25, -4, 100, 16, 6);
  check_box(&m, "hatch_cover", HH_ROLE_LANDING, 0, 15, 3, 7.5, 6, 1);
  check_box(&m, "stowed_land", HH_ROLE_OBSTACLE, 0, 12.36, 5.2955, 6.096, 1.219, 1.2955);
  check_box(&m, "stowed_sea", HH_ROLE_OBSTACLE, 0, 17.64, 5.2955, 6.096, 1.219, 1.2955);
  const hh_box *w = find_box(&m, "water");
  CHECK(w && w->role == HH_ROLE_WATER);
  if (w) {
    CHECK_NEAR(w->pos[2] + w->half[2], -3.0, 1e-12);           /* plane at z = -3 */
    CHECK_NEAR(w->pos[1] - w->half[1], 3.0, 1e-12);            /* y from 3 ... */
    CHECK_NEAR(w->pos[1] + w->half[1], 150.0, 1e-12);          /* ... to 150 */
  }
  const hh_box *r1 = find_box(&m, "rail_land"), *r2 = find_box(&m, "rail_sea");
  CHECK(r1 && r2 && r1->role == HH_ROLE_VISUAL && r1->pos[1] == -30.48 && r2->pos[1] == 0.0);
  CHECK(m.container.mass == 20000.0);
  CHECK(m.container.pos[0] == 0.0 && m.container.pos[1] == -15.0 && m.container.pos[2] == 2.7955);
  CHECK(m.container.half[0] == 6.096 && m.container.half[1] == 1.219 && m.container.half[2] == 1.2955);
  CHECK(m.target.pos[1] == 15.0 && m.target.pos[2] == 4.0 && m.target.tol == 0.05);
  CHECK(m.target.zone_height == 4.0 && m.target.zone_radius == 4.0);

  /* rubric */
  CHECK(m.rubric.max_score == 100.0 && m.rubric.pass_score == 60.0);
  CHECK(m.rubric.n_sections == 3);
  CHECK(strcmp(m.rubric.section_name[0], "safety") == 0);
  CHECK(strcmp(m.rubric.section_zh[2], "效率") == 0);
  CHECK(m.rubric.n_rules == 8);
  const hh_rule *r = find_rule(&m, "sway_near_landing");
  CHECK(r && r->kind == HH_RULE_THRESHOLD && r->metric == HH_M_SWAY_ANGLE &&
        r->when == HH_M_NEAR_LANDING && r->cmp == HH_CMP_GT && r->limit == 1.0 &&
        r->dwell_s == 2.0 && r->points == 5.0 && r->cap == 20.0 && r->section == 0);
  CHECK(r && strcmp(r->clause, "stability") == 0 && r->standard[0]);
  r = find_rule(&m, "collisions");
  CHECK(r && r->kind == HH_RULE_EDGE && r->metric == HH_M_COLLISIONS && r->points == 5.0 &&
        r->cap == 20.0 && r->when == -1);
  r = find_rule(&m, "landing_speed");
  CHECK(r && r->kind == HH_RULE_THRESHOLD && r->metric == HH_M_IMPACT_SPEED &&
        r->limit == 0.3 && r->dwell_s == 0.0 && r->points == 5.0 && r->cap == 10.0);
  r = find_rule(&m, "landing_offset");
  CHECK(r && r->kind == HH_RULE_FINAL_BAND && r->metric == HH_M_LANDING_OFFSET && r->lo == 0.0 &&
        r->hi == 0.05 && r->unit == 0.01 && r->points == 2.0 && r->cap == 20.0 && r->section == 1);
  r = find_rule(&m, "time");
  CHECK(r && r->kind == HH_RULE_TIME_CURVE && r->metric == HH_M_TIME && r->optimum_s == 90.0 &&
        r->zero_factor == 1.5 && r->cap == 30.0 && r->when == HH_M_TASK_DONE);
  r = find_rule(&m, "hoist_unlocked");
  CHECK(r && r->kind == HH_RULE_CRITICAL && r->action == HH_CRIT_ZERO &&
        r->metric == HH_M_HOIST_UNLOCKED);
  r = find_rule(&m, "load_lost");
  CHECK(r && r->kind == HH_RULE_CRITICAL && r->action == HH_CRIT_ZERO);
  r = find_rule(&m, "lock_before_landing");
  CHECK(r && r->kind == HH_RULE_ORDER && r->metric == HH_M_LOCKED && r->metric_b == HH_M_LANDED);
  double caps = 0;
  for (int i = 0; i < m.rubric.n_rules; i++) caps += m.rubric.rule[i].cap;
  CHECK(caps == 105.0 && m.rubric.section_cap[0] == 50.0); /* safety: 55 in items, 50 at most */

  /* loading twice gives the same bytes (pairs order, random seed, no leftovers) */
  CHECK(hh_script_load(path, &m2, &err) == HH_OK);
  CHECK(memcmp(&m, &m2, sizeof m) == 0);

  /* hh_script_title reads the id and titles */
  char id[HH_NAME], te[128], tz[128];
  CHECK(hh_script_title(path, id, te, tz, &err) == HH_OK);
  CHECK(strcmp(id, m.id) == 0 && strcmp(te, m.title_en) == 0 && strcmp(tz, m.title_zh) == 0);
  return hh_test_done("test_script_load");
}
