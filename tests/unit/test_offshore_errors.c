/* test_offshore_errors.c - bad marine scenario parameters give clear load-time errors
 * naming the field and the script line (file:line), exit class 2, and leave the
 * caller's model untouched: negative wave height, unknown hull, an unstable vessel,
 * too many wave components, a load chart out of order, a misspelt field. */
#include "hh_test.h"
#include "script/hh_script.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCEN HH_SOURCE_DIR "/scenarios/marine/offshore_lift.lua"

static char text[65536];
static hh_model model;

/* the 1-based line of the scenario text holding needle */
static int line_of(const char *t, const char *needle) {
  const char *p = strstr(t, needle);
  if (!p) return -1;
  int line = 1;
  for (const char *q = t; q < p; q++) line += *q == '\n';
  return line;
}

/* load the scenario with `from` replaced by `to`; expect code and a message holding
   want, located at the line of `at` */
static void expect(const char *from, const char *to, hh_code code, const char *want,
                   const char *at) {
  static char buf[65536];
  const char *p = strstr(text, from);
  CHECK(p != NULL);
  if (!p) return;
  size_t pre = (size_t)(p - text);
  snprintf(buf, sizeof buf, "%.*s%s%s", (int)pre, text, to, p + strlen(from));
  char path[512];
  snprintf(path, sizeof path, "%s/offshore_bad.lua", HH_BUILD_DIR);
  FILE *f = fopen(path, "w");
  fputs(buf, f);
  fclose(f);
  memset(&model, 0x5a, sizeof model);
  hh_error err = {0};
  int rc = hh_script_load(path, &model, &err);
  hh_error_print(&err, stdout);
  CHECK(rc == (int)code);
  CHECK(hh_error_exit(err.code) == 2);
  CHECK(strstr(err.text, want) != NULL);
  CHECK(strcmp(err.file, path) == 0);
  CHECK(err.line == line_of(buf, at));
  CHECK(((unsigned char *)&model)[0] == 0x5a); /* nothing half-applied */
}

int main(void) {
  FILE *f = fopen(SCEN, "r");
  size_t n = fread(text, 1, sizeof text - 1, f);
  fclose(f);
  text[n] = 0;
  expect("sea { hs = 2.0,", "sea { hs = -2.0,", HH_E_SCRIPT_FIELD, "sea.hs", "sea {");
  expect("hull = \"psv80\"", "hull = \"tanker9\"", HH_E_SCRIPT_FIELD, "tanker9", "vessel {");
  expect("kg = 6.0,", "kg = 12.0,", HH_E_SCRIPT_FIELD, "unstable", "vessel {");
  expect("components = 256", "components = 5000", HH_E_SCRIPT_FIELD, "sea.components", "sea {");
  expect("{ 8, 40000 }, { 15, 30000 }", "{ 15, 40000 }, { 8, 30000 }", HH_E_SCRIPT_FIELD,
         "load_chart[2]", "offshore_crane {");
  expect("boom_length = 40,", "boom_lenght = 40,", HH_E_SCRIPT_FIELD, "boom_length",
         "offshore_crane {");
  expect("sea { hs = 2.0, tp = 8.0,", "sea { state = 4, hs = 2.0, tp = 8.0,", HH_E_SCRIPT_FIELD,
         "either state", "sea {");
  expect("wind { speed = 12,", "wind { speed = -3,", HH_E_SCRIPT_FIELD, "wind.speed", "wind {");
  return hh_test_done("offshore_errors");
}
