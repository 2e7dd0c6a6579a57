/* hh_args.c - parsing the options of `haihe run` (numbers in the C locale). */
#include "hh_cli.h"
#include "hh_competition.h"
#include "../core/hh_i18n.h"
#include "../render/hh_render.h"
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* parse a finite, non-negative number of seconds; 0 on success */
static int parse_seconds(const char *s, double *out) {
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (end == s || *end || errno || !isfinite(v) || v < 0 || v > 1e7) return -1;
  *out = v;
  return 0;
}

/* parse "WxH" with each side in 16..16384; 0 on success */
static int parse_size(const char *s, int *w, int *h) {
  char *end;
  errno = 0;
  long a = strtol(s, &end, 10);
  if (end == s || (*end != 'x' && *end != 'X') || errno) return -1;
  const char *s2 = end + 1;
  long b = strtol(s2, &end, 10);
  if (end == s2 || *end || errno) return -1;
  if (a < 16 || b < 16 || a > 16384 || b > 16384) return -1;
  *w = (int)a;
  *h = (int)b;
  return 0;
}

/* option table: name and whether it takes a value */
typedef struct opt_def {
  const char *name;
  int has_value;
} opt_def;

static const opt_def run_opts[] = {
    {"--headless", 0}, {"--autopilot", 0}, {"--record", 1},  {"--replay", 1},
    {"--json", 1},     {"--screenshot", 1}, {"--at", 1},     {"--size", 1},
    {"--seconds", 1},  {"--camera", 1},  {"--large-print", 0},
    {"--report", 1},   {"--csv", 1},     {"--db", 1},        {"--trainee", 1},
    {"--competition", 0}, {"--event-key", 1},
    {"--xr", 0},       {"--sea-state", 1},
};

/* apply one option with its value (NULL if it takes none); exit status or 0 */
static int apply(hh_run_opts *o, const char *name, const char *val, int *have_at) {
  if (!strcmp(name, "--headless")) o->headless = 1;
  else if (!strcmp(name, "--autopilot")) o->autopilot = 1;
  else if (!strcmp(name, "--xr")) o->xr = 1;
  else if (!strcmp(name, "--large-print")) o->large_print = 1;
  else if (!strcmp(name, "--record")) o->record = val;
  else if (!strcmp(name, "--replay")) o->replay = val;
  else if (!strcmp(name, "--json")) o->json = val;
  else if (!strcmp(name, "--report")) o->report = val;
  else if (!strcmp(name, "--csv")) o->csv = val;
  else if (!strcmp(name, "--db")) o->db = val;
  else if (!strcmp(name, "--trainee")) o->trainee = val;
  else if (!strcmp(name, "--competition")) o->competition = 1;
  else if (!strcmp(name, "--event-key")) o->event_key = val;
  else if (!strcmp(name, "--screenshot")) o->screenshot = val;
  else if (!strcmp(name, "--sea-state")) {
    if (!*val || val[1] || val[0] < '1' || val[0] > '6')
      return hh_cli_usage_error("%s: --sea-state %s", hh_tr("expected a WMO sea state 1..6"), val);
    o->sea_state = val[0] - '0';
  }
  else if (!strcmp(name, "--at")) {
    if (parse_seconds(val, &o->at_s))
      return hh_cli_usage_error("%s: --at %s", hh_tr("invalid time in seconds"), val);
    *have_at = 1;
  } else if (!strcmp(name, "--seconds")) {
    if (parse_seconds(val, &o->seconds) || o->seconds <= 0)
      return hh_cli_usage_error("%s: --seconds %s", hh_tr("invalid time in seconds"), val);
  } else if (!strcmp(name, "--size")) {
    if (parse_size(val, &o->width, &o->height))
      return hh_cli_usage_error("%s: --size %s", hh_tr("invalid size (expected WxH, e.g. 1280x720)"), val);
  } else if (!strcmp(name, "--camera")) {
    if (!strcmp(val, "cab")) o->camera = HH_CAM_CAB;
    else if (!strcmp(val, "orbit")) o->camera = HH_CAM_ORBIT;
    else if (!strcmp(val, "follow")) o->camera = HH_CAM_FOLLOW;
    else return hh_cli_usage_error("%s: --camera %s (cab, orbit, follow)",
                                   hh_tr("unknown camera"), val);
  }
  return 0;
}

/* parse the options of `run` from argv[first..]; 0 or the exit status of a usage error */
int hh_cli_parse_run(int argc, char **argv, int first, hh_run_opts *o) {
  memset(o, 0, sizeof *o);
  o->width = 1280;
  o->height = 720;
  o->camera = HH_CAM_ORBIT;
  int have_at = 0;
  for (int i = first; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-' || !a[1]) {
      if (o->scenario)
        return hh_cli_usage_error("%s: %s", hh_tr("unexpected argument"), a);
      o->scenario = a;
      continue;
    }
    const char *eq = strchr(a, '=');
    size_t len = eq ? (size_t)(eq - a) : strlen(a);
    const opt_def *def = NULL;
    for (size_t k = 0; k < sizeof run_opts / sizeof run_opts[0]; k++)
      if (strlen(run_opts[k].name) == len && !strncmp(run_opts[k].name, a, len))
        def = &run_opts[k];
    if (!def) return hh_cli_usage_error("%s: %s", hh_tr("unknown option"), a);
    const char *val = NULL;
    if (def->has_value) {
      if (eq) val = eq + 1;
      else if (i + 1 < argc) val = argv[++i];
      if (!val || !val[0])
        return hh_cli_usage_error("%s: %s", hh_tr("missing value"), def->name);
    } else if (eq) {
      return hh_cli_usage_error("%s: %s", hh_tr("option takes no value"), a);
    }
    int rc = apply(o, def->name, val, &have_at);
    if (rc) return rc;
  }
  if (!o->scenario) return hh_cli_usage_error("%s", hh_tr("missing scenario"));
  if (o->autopilot && o->replay)
    return hh_cli_usage_error("%s", hh_tr("--autopilot and --replay both give the controls; choose one"));
  if (o->screenshot && !have_at)
    return hh_cli_usage_error("%s", hh_tr("--screenshot needs --at S (sim time in seconds)"));
  if (have_at && !o->screenshot)
    return hh_cli_usage_error("%s", hh_tr("--at needs --screenshot F.png"));
  if (o->record && o->replay && !strcmp(o->record, o->replay))
    return hh_cli_usage_error("%s", hh_tr("--record and --replay name the same file"));
  return hh_competition_check(o);
}
