/* test_rubric_errors.c - each broken rubric fixture (tests/fixtures/scripts/rubric_*.lua)
 * is refused at load time with HH_E_RUBRIC (or HH_E_SCRIPT_FIELD for a type), its file,
 * the line marked "--!" and a message naming the problem, leaving the caller's model
 * untouched; the valid rubric_all_kinds.lua compiles to what it declares. */
#include "hh_test.h"
#include "script/hh_script.h"
#include <stdio.h>
#include <string.h>

#define FIX HH_SOURCE_DIR "/tests/fixtures/scripts/"

typedef struct expect {
  const char *file;  /* fixture name */
  hh_code code;
  const char *text;  /* substring of the message */
} expect;

static const expect cases[] = {
    {"rubric_order_same", HH_E_RUBRIC, "rule.after: 'locked' is the rule's own metric"},
    {"rubric_order_unit", HH_E_RUBRIC, "metric 'sway_angle' is measured in deg; this needs a flag or count metric"},
    {"rubric_order_metric", HH_E_RUBRIC, "rule.after: unknown metric 'landd' (did you mean 'landed'?)"},
    {"rubric_precondition_missing", HH_E_RUBRIC, "rule.requires: missing (required by kind 'precondition')"},
    {"rubric_action_points", HH_E_RUBRIC, "rule.points: not used with action ="},
    {"rubric_weights_sum", HH_E_RUBRIC, "rubric.sections: weights add up to 62, not 100"},
    {"rubric_weights_some", HH_E_RUBRIC, "give every section a weight, or none"},
    {"rubric_section_cap_item", HH_E_RUBRIC, "rule.cap: 15 points is more than section 'civil' can lose (10)"},
    {"rubric_section_cap_value", HH_E_RUBRIC, "rubric.sections[1].cap: 50 points is more than the section is worth (40)"},
    {"rubric_judge_over", HH_E_RUBRIC, "rubric.sections[1]: judgement items are worth 8 points, more than the section's 5"},
    {"rubric_judge_metric", HH_E_RUBRIC, "rule.metric: not used by kind 'judge'"},
    {"rubric_zero_section", HH_E_RUBRIC, "'zero_section' needs a section with a cap or a weight (section 's' has neither)"},
    {"rubric_time_limit", HH_E_RUBRIC, "rule.limit: hard limit 60 s is below the optimum 90 s"},
    {"rubric_dev", HH_E_RUBRIC, "rule.dev: impossible tolerance, lower 2.1e-05 > upper 0"},
    {"rubric_band_both", HH_E_RUBRIC, "a final band needs band = {lo, hi}, or nominal = with dev = {lower, upper}"},
    {"rubric_caps_sections", HH_E_RUBRIC, "item caps add up to 21 points, more than max_score 20"},
    {"rubric_kind", HH_E_RUBRIC, "rule.kind: unknown kind 'precondtion'"},
};

/* line number of the first line holding "--!" in path, 0 if none */
static int marked_line(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  char buf[512];
  int line = 0, found = 0;
  while (!found && fgets(buf, sizeof buf, f)) {
    line++;
    if (strstr(buf, "--!")) found = line;
  }
  fclose(f);
  return found;
}

/* load one failing fixture and check code, file, line, message, untouched model */
static void check_case(const expect *e) {
  static hh_model m, sentinel;
  char path[512];
  snprintf(path, sizeof path, FIX "%s.lua", e->file);
  memset(&m, 0xA5, sizeof m);
  memset(&sentinel, 0xA5, sizeof sentinel);
  hh_error err;
  memset(&err, 0, sizeof err);
  int code = hh_script_load(path, &m, &err);
  int line = marked_line(path);
  int ok = code == (int)e->code && err.code == e->code && strcmp(err.file, path) == 0 &&
           line > 0 && err.line == line && strstr(err.text, e->text) != NULL &&
           memcmp(&m, &sentinel, sizeof m) == 0 && hh_error_exit(err.code) == 2;
  if (!ok) {
    fprintf(stderr, "case %s: want E%d line %d \"%s\"; got E%d: ", e->file, (int)e->code, line,
            e->text, code);
    hh_error_print(&err, stderr);
  }
  CHECK(ok);
}

/* index of rule id in m, -1 if none */
static int rule_index(const hh_model *m, const char *id) {
  for (int i = 0; i < m->rubric.n_rules; i++)
    if (strcmp(m->rubric.rule[i].id, id) == 0) return i;
  return -1;
}

/* the valid fixture: every kind, weights, a section cap, nominal/dev, judge, limit */
static void check_all_kinds(void) {
  static hh_model m;
  hh_error err;
  memset(&err, 0, sizeof err);
  int code = hh_script_load(FIX "rubric_all_kinds.lua", &m, &err);
  if (code) hh_error_print(&err, stderr);
  CHECK(code == HH_OK);
  if (code) return;
  const hh_rubric *rb = &m.rubric;
  CHECK(rb->compiled == 1 && rb->n_rules == 8 && rb->n_sections == 5);
  CHECK(rb->judge_max == 8.0 && rb->section_value[0] == 40.0 && rb->section_value[4] == 30.0);
  CHECK(rb->section_limit[2] == 6.0 && rb->section_limit[3] == 0.0);
  const hh_rule *d = &rb->rule[rule_index(&m, "dia24")];
  CHECK(d->kind == HH_RULE_FINAL_BAND && d->lo == 0.024 && d->hi == 0.024 + 0.000021);
  const hh_rule *o = &rb->rule[rule_index(&m, "land_before_lock")];
  CHECK(o->kind == HH_RULE_ORDER && o->metric == HH_M_LOCKED && o->metric_b == HH_M_LANDED);
  const hh_rule *p = &rb->rule[rule_index(&m, "locked_while_loaded")];
  CHECK(p->kind == HH_RULE_PRECONDITION && p->metric == HH_M_LOADED &&
        p->metric_b == HH_M_LOCKED && p->action == HH_CRIT_END && p->dwell_s == 0.5);
  CHECK(rb->rule[rule_index(&m, "drop")].action == HH_CRIT_ZERO_SECTION);
  const hh_rule *j = &rb->rule[rule_index(&m, "finish")];
  CHECK(j->kind == HH_RULE_JUDGE && j->cap == 8.0);
  const hh_rule *t = &rb->rule[rule_index(&m, "time")];
  CHECK(t->hard_limit_s == 150.0 && t->when == HH_M_TASK_DONE);
  /* ops: critical, order, precondition, threshold, edge, time limit: one each */
  CHECK(rb->n_ops == 6);
  for (int k = 0; k < HH_OP_COUNT; k++) CHECK(rb->op_start[k] == k);
  /* log: 4/4 + 16 + 8/2 + 6/3 + 16 + 1 (band) + 2 (time with limit) = 42 < 256 */
  CHECK(rb->log_capacity == 256);
}

/* a rubric of exactly HH_MAX_RULES rules loads and compiles (one more is refused:
   rule_too_many.lua in test_script_errors.c) */
static void check_too_many(void) {
  static hh_model m;
  char path[512];
  snprintf(path, sizeof path, "%s/test_rubric_errors_many.lua", HH_BUILD_DIR);
  FILE *f = fopen(path, "w");
  CHECK(f != NULL);
  if (!f) return;
  fprintf(f, "scenario { id = \"t/m\", title = { en = \"T\", zh = \"T\" }, brief = { en = \"B\", zh = \"B\" } }\n"
             "container { pos = { 0, 0, 1.3 } }\ntarget { pos = { 0, 5, 0 } }\n"
             "rubric { max_score = 10000, sections = { { id = \"s\", en = \"S\", zh = \"S\" } } }\n"
             "for i = 1, %d do\n"
             "  rule { id = \"r\" .. i, section = \"s\", kind = \"edge\", metric = \"collisions\",\n"
             "         points = 1, cap = 1, en = \"A\", zh = \"A\", cite = { standard = \"X\", clause = \"c\" } }\n"
             "end\n", HH_MAX_RULES);
  fclose(f);
  hh_error err;
  memset(&err, 0, sizeof err);
  int code = hh_script_load(path, &m, &err);
  if (code) hh_error_print(&err, stderr);
  CHECK(code == HH_OK && m.rubric.n_rules == HH_MAX_RULES && m.rubric.n_ops == HH_MAX_RULES);
}

int main(void) {
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) check_case(&cases[i]);
  check_all_kinds();
  check_too_many();
  return hh_test_done("test_rubric_errors");
}
