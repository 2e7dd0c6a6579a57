/* test_script_errors.c - every way a scenario script can be wrong gives the right error
 * code, the script's file, the line marked "--!" in the fixture (0 when unmarked), a
 * message naming the problem, and leaves the caller's model untouched. */
#include "hh_test.h"
#include "script/hh_script.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIX HH_SOURCE_DIR "/tests/fixtures/scripts/"

typedef struct expect {
  const char *file;  /* fixture name */
  hh_code code;
  const char *text;  /* substring of the message */
} expect;

static const expect cases[] = {
    {"syntax", HH_E_SCRIPT_SYNTAX, "'}' expected"},
    {"runtime_nil", HH_E_SCRIPT_RUNTIME, "attempt to call a nil value (global 'undefined_function')"},
    {"runtime_error", HH_E_SCRIPT_RUNTIME, "scenario author's own check failed"},
    {"os_exit", HH_E_SCRIPT_RUNTIME, "global 'os'"},
    {"field_type", HH_E_SCRIPT_FIELD, "crane.trolley.max_speed: expected number, got string"},
    {"field_unknown", HH_E_SCRIPT_FIELD, "crane.trolly: unknown field (did you mean 'trolley'?)"},
    {"field_range", HH_E_SCRIPT_FIELD, "container.mass: -5 is out of range"},
    {"field_vec", HH_E_SCRIPT_FIELD, "target.pos: expected {x, y, z} (3 numbers)"},
    {"field_role", HH_E_SCRIPT_FIELD, "box.role: unknown role 'lava'"},
    {"minmax", HH_E_SCENARIO, "crane.trolley: min 60 must be below max 50"},
    {"twice", HH_E_SCENARIO, "scenario{} called twice (first at line 2)"},
    {"too_many_boxes", HH_E_SCENARIO, "too many boxes (at most 96)"},
    {"no_scenario", HH_E_SCENARIO, "no scenario{} call"},
    {"no_target", HH_E_SCENARIO, "no target{} call"},
    {"loop", HH_E_SCRIPT_LIMIT, "instruction limit reached (infinite loop?)"},
    {"membomb", HH_E_SCRIPT_LIMIT, "memory limit reached (64 MiB)"},
    {"membomb_table", HH_E_SCRIPT_LIMIT, "memory limit reached (64 MiB)"},
    {"membomb_array", HH_E_SCRIPT_LIMIT, "memory limit reached (64 MiB)"},
    {"membomb_rep", HH_E_SCRIPT_LIMIT, "memory limit reached (64 MiB)"},
    {"rule_metric", HH_E_RUBRIC, "rule.metric: unknown metric 'sway_angel' (did you mean 'sway_angle'?)"},
    {"rule_band", HH_E_RUBRIC, "rule.band: impossible band, lo 0.05 > hi 0"},
    {"rule_caps", HH_E_RUBRIC, "item caps add up to 40 points, more than max_score 30"},
    {"rule_section", HH_E_RUBRIC, "rule.section: unknown section 'safty'"},
    {"rule_kind_field", HH_E_RUBRIC, "rule.dwell: not used by kind 'edge'"},
    {"rule_kind", HH_E_RUBRIC, "rule.kind: unknown kind 'treshold'"},
    {"rule_critical_flag", HH_E_RUBRIC, "metric 'sway_angle' is measured in deg; this needs a flag metric"},
    {"rule_before_rubric", HH_E_RUBRIC, "rule{} before rubric{}"},
    {"rule_duplicate", HH_E_RUBRIC, "rule.id: 'a' already used at line 6"},
    {"rule_too_many", HH_E_RUBRIC, "too many rules (at most 1024)"},
    {"rule_threshold_dir", HH_E_RUBRIC, "exactly one of above = or below ="},
    {"rule_points_type", HH_E_SCRIPT_FIELD, "rule.points: expected number, got string"},
    {"gc_finalizer", HH_E_SCRIPT_RUNTIME, "__gc finalizers are not allowed in scenarios"},
    {"error_table", HH_E_SCRIPT_RUNTIME, "(error object is a table value)"},
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
           err.line == line && strstr(err.text, e->text) != NULL &&
           memcmp(&m, &sentinel, sizeof m) == 0 && hh_error_exit(err.code) == 2;
  if (!ok) {
    fprintf(stderr, "case %s: want E%d line %d \"%s\"; got E%d: ", e->file, (int)e->code, line,
            e->text, code);
    hh_error_print(&err, stderr);
  }
  CHECK(ok);
}

int main(void) {
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) check_case(&cases[i]);

  /* a missing file */
  static hh_model m, sentinel;
  memset(&m, 0x5A, sizeof m);
  memset(&sentinel, 0x5A, sizeof sentinel);
  hh_error err;
  memset(&err, 0, sizeof err);
  CHECK(hh_script_load(FIX "does_not_exist.lua", &m, &err) == HH_E_FILE_NOT_FOUND);
  CHECK(strcmp(err.file, FIX "does_not_exist.lua") == 0 && err.line == 0);
  CHECK(hh_error_exit(err.code) == 2);
  CHECK(memcmp(&m, &sentinel, sizeof m) == 0);

  /* the minimal fixture loads: defaults kept, pairs() visits keys in order, the
     sandbox has no io/os/debug/package/load/pcall (asserted inside the script) */
  memset(&err, 0, sizeof err);
  int code = hh_script_load(FIX "minimal.lua", &m, &err);
  if (code) hh_error_print(&err, stderr);
  CHECK(code == HH_OK);
  CHECK(m.n_boxes == 3);
  CHECK(strcmp(m.box[0].name, "alpha") == 0 && strcmp(m.box[1].name, "mid") == 0 &&
        strcmp(m.box[2].name, "zeta") == 0);
  CHECK(m.time_limit_s == 600.0 && m.sts.sheave_z == 45.0 && m.rubric.n_rules == 0);
  CHECK(m.box[0].rgba[3] == 1.0f); /* role colour filled in */

  /* a path longer than Lua's chunk id (shown as "...tail") still splits file:line */
  char dir[512], path[600], cmd[1400];
  snprintf(dir, sizeof dir, "%s/test_script_errors.a_rather_long_directory_name_for_chunk_ids",
           HH_BUILD_DIR);
  snprintf(path, sizeof path, "%s/runtime_nil.lua", dir);
  snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp '%sruntime_nil.lua' '%s'", dir, FIX, path);
  CHECK(system(cmd) == 0);
  memset(&err, 0, sizeof err);
  CHECK(hh_script_load(path, &m, &err) == HH_E_SCRIPT_RUNTIME);
  CHECK(err.line == marked_line(path) && strcmp(err.file, path) == 0);
  CHECK(strncmp(err.text, "attempt to call a nil value", 27) == 0);
  return hh_test_done("test_script_errors");
}
