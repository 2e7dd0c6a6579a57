/* test_cnc_outline.c - the drawing's nominal profile (outline{}, hh_script_cnc.c): the
 * exam scenarios declare it and it agrees with their gauges (lathe: the outline's
 * radius at every diameter gauge is half its nominal and a shoulder sits at every
 * length; mill: the boss and pocket outlines span the gauges' nominals); bad outlines
 * fail to load with the field named, the scenario file and the line of the call, and
 * nothing of the scenario is kept. */
#include "hh_test.h"
#include "machines/cnc/hh_cnc.h"
#include "script/hh_script.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static hh_model model;

/* the whole of a file (NUL-terminated, malloc'd) */
static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  if (b && fread(b, 1, (size_t)n, f) != (size_t)n) n = 0;
  if (b) b[n] = '\0';
  fclose(f);
  return b;
}

/* write text to path */
static void put(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  if (!f) return;
  fputs(text, f);
  fclose(f);
}

/* lines in text (the line number of the next line appended) */
static int lines_of(const char *t) {
  int n = 1;
  for (; *t; t++) n += *t == '\n';
  return n;
}

/* the outline radius at z of a lathe half profile: a horizontal segment over z */
static double radius_at(const hh_cnc_model *k, double z) {
  for (int o = 0; o < k->n_outlines; o++)
    for (int i = 0; i + 1 < k->outline_n[o]; i++) {
      const double *a = k->outline[o][i], *b = k->outline[o][i + 1];
      if (a[1] == b[1] && z <= fmax(a[0], b[0]) && z >= fmin(a[0], b[0])) return a[1];
    }
  return -1;
}

/* the lathe outline agrees with the diameter and length gauges */
static void lathe(void) {
  hh_error err = {0};
  CHECK(hh_script_load(HH_SOURCE_DIR "/scenarios/cnc/lathe_exam_shaft.lua", &model, &err) == HH_OK);
  const hh_cnc_model *k = &model.cnc;
  CHECK(k->n_outlines == 1 && k->outline_n[0] == 11 && !k->outline_closed[0]);
  for (int g = 0; g < k->n_gauges; g++) {
    const hh_cnc_gauge *ga = &k->gauge[g];
    if (ga->kind == HH_GAUGE_DIAMETER) CHECK_NEAR(radius_at(k, ga->at[2]), 0.5 * ga->nominal, 1e-12);
    if (ga->kind == HH_GAUGE_LENGTH) { /* a shoulder (two points at one z) at -nominal */
      int found = 0;
      for (int i = 0; i + 1 < k->outline_n[0]; i++)
        found |= fabs(k->outline[0][i][0] + ga->nominal) < 1e-12 &&
                 k->outline[0][i][0] == k->outline[0][i + 1][0];
      CHECK(found);
    }
  }
}

/* extent of outline o along axis a */
static double extent(const hh_cnc_model *k, int o, int a) {
  double lo = 1e9, hi = -1e9;
  for (int i = 0; i < k->outline_n[o]; i++) {
    lo = fmin(lo, k->outline[o][i][a]);
    hi = fmax(hi, k->outline[o][i][a]);
  }
  return hi - lo;
}

/* the mill outlines: boss and pocket span the gauges, four closed hole circles */
static void mill(void) {
  hh_error err = {0};
  CHECK(hh_script_load(HH_SOURCE_DIR "/scenarios/cnc/mill_exam_plate.lua", &model, &err) == HH_OK);
  const hh_cnc_model *k = &model.cnc;
  CHECK(k->n_outlines == 6);
  for (int o = 0; o < k->n_outlines; o++) CHECK(k->outline_closed[o]);
  CHECK_NEAR(extent(k, 0, 0), k->gauge[0].nominal, 1e-12); /* boss 70 (X) */
  CHECK_NEAR(extent(k, 0, 1), k->gauge[1].nominal, 1e-12); /* boss 70 (Y) */
  CHECK_NEAR(extent(k, 1, 0), k->gauge[2].nominal, 1e-12); /* pocket 30 */
  CHECK_NEAR(extent(k, 1, 1), k->gauge[3].nominal, 1e-12); /* pocket 20 */
  for (int o = 2; o < 6; o++) CHECK_NEAR(extent(k, o, 0), k->gauge[6].nominal, 1e-12); /* D8 */
}

/* base scenario + extra lines must fail with code at the first extra line + at, the
   message naming want */
static void bad(const char *base, const char *extra, int at, hh_code code, const char *want) {
  char *text = slurp(base);
  CHECK(text != NULL);
  if (!text) return;
  size_t n = strlen(text) + strlen(extra) + 2;
  char *all = malloc(n);
  snprintf(all, n, "%s%s%s", text, text[strlen(text) - 1] == '\n' ? "" : "\n", extra);
  int line = lines_of(text) + (text[strlen(text) - 1] == '\n' ? 0 : 1) + at - 1;
  /* beside a copy of the scenario's program, in the build tree */
  const char *name = strstr(base, "lathe") ? "lathe_exam_shaft" : "mill_exam_plate";
  char path[512], src[512], dst[512];
  snprintf(src, sizeof src, "%s/scenarios/cnc/%s.nc", HH_SOURCE_DIR, name);
  snprintf(dst, sizeof dst, "%s/%s.nc", HH_BUILD_DIR, name);
  char *prog = slurp(src);
  CHECK(prog != NULL);
  if (prog) put(dst, prog);
  free(prog);
  snprintf(path, sizeof path, "%s/%s_outline_bad.lua", HH_BUILD_DIR, name);
  put(path, all);
  hh_error err = {0};
  static hh_model m;
  int rc = hh_script_load(path, &m, &err);
  remove(path);
  printf("%-60.60s -> %d %s:%d %s\n", extra, rc, err.file, err.line, err.text);
  CHECK(rc == (int)code);
  CHECK(err.line == line);
  CHECK(strstr(err.file, "_outline_bad.lua") != NULL);
  CHECK(strstr(err.text, want) != NULL);
  free(all);
  free(text);
}

int main(void) {
  lathe();
  mill();
  const char *mp = HH_SOURCE_DIR "/scenarios/cnc/mill_exam_plate.lua";
  const char *lp = HH_SOURCE_DIR "/scenarios/cnc/lathe_exam_shaft.lua";
  bad(mp, "outline { points = { { 0, 0 } } }\n", 1, HH_E_SCRIPT_FIELD, "outline.points");
  bad(mp, "outline { points = { { 0, 0 }, { 0.5, 0 } } }\n", 1, HH_E_SCRIPT_FIELD,
      "outline.points[2]");
  bad(mp, "outline { points = { { 0, 0 }, { 0, 'a' } } }\n", 1, HH_E_SCRIPT_FIELD,
      "outline.points[2]");
  bad(mp, "outline { points = { { 0, 0 }, { 0, 0, 0 } } }\n", 1, HH_E_SCRIPT_FIELD,
      "outline.points[2]");
  bad(mp, "outline { points = { { 0, 0 }, { 0, 0 } } }\n", 1, HH_E_SCRIPT_FIELD,
      "outline.points[2]");
  bad(mp, "outline { points = { { 0, 0 }, { 0.01, 0 } }, closed = 1 }\n", 1, HH_E_SCRIPT_FIELD,
      "outline.closed");
  bad(mp, "outline { points = { { 0, 0 }, { 0.01, 0 } }, closed = true }\n", 1,
      HH_E_SCRIPT_FIELD, "outline.points");
  bad(mp, "outline { points = { { 0, 0 }, { 0.01, 0 } }, colsed = true }\n", 1,
      HH_E_SCRIPT_FIELD, "colsed");
  bad(mp, "outline { closed = true }\n", 1, HH_E_SCRIPT_FIELD, "outline.points");
  bad(mp, "x = 1\noutline { points = { { 0, 0 }, { 0.01, 0 } } }\n"
          "outline { points = { { 0, 0 }, { 0.01, 0 } } }\n"
          "outline { points = { { 0, 0 }, { 0.01, 0 } } }\n", 4, HH_E_SCENARIO, "at most 8");
  /* lathe: a negative radius, a point beyond the bar's end */
  bad(lp, "outline { points = { { 0, 0 }, { 0, -0.001 } } }\n", 1, HH_E_SCRIPT_FIELD,
      "outline.points[2]");
  bad(lp, "outline { points = { { 0, 0 }, { 0.005, 0.001 } } }\n", 1, HH_E_SCRIPT_FIELD,
      "outside the blank");
  return hh_test_done("cnc_outline");
}
