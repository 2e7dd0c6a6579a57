/* hh_results_cmd.c - `haihe results [--trainee ID] [--scenario S] [--csv] [--db PATH]`:
 * list or export the attempts of the results store; `haihe results --judge ATTEMPT_ID
 * --item ID --points P [--judge-name N] [--db PATH]` enters a judge's mark. */
#include "hh_results.h"
#include "hh_cli.h"
#include "../core/hh_i18n.h"
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* value of option name at argv[*i] ("--x V" or "--x=V"); NULL when not that option */
static const char *opt_value(int argc, char **argv, int *i, const char *name, int *missing) {
  size_t n = strlen(name);
  if (strncmp(argv[*i], name, n) != 0) return NULL;
  if (argv[*i][n] == '=') {
    if (!argv[*i][n + 1]) *missing = 1;
    return argv[*i] + n + 1;
  }
  if (argv[*i][n]) return NULL;
  if (*i + 1 >= argc || !argv[*i + 1][0]) {
    *missing = 1;
    return "";
  }
  return argv[++*i];
}

/* strict number: the whole text is a finite number; 0 when it is not */
static int parse_num(const char *s, double *out) {
  char *end = NULL;
  errno = 0;
  double v = strtod(s, &end);
  if (!s[0] || end == s || *end || errno || !isfinite(v)) return 0;
  *out = v;
  return 1;
}

/* the --judge options checked before the database is touched; 0 or exit status 2 */
static int check_judge_args(const char *id, const char *item, const char *points,
                            const char *name, int64_t *attempt, double *p) {
  char *end = NULL;
  errno = 0;
  long long a = strtoll(id, &end, 10);
  if (!id[0] || *end || errno || a <= 0)
    return hh_cli_usage_error("--judge: %s: %s", hh_tr("not an attempt id (a positive whole number)"), id);
  *attempt = a;
  if (!item || !points)
    return hh_cli_usage_error("--judge: %s", hh_tr("needs --item ID and --points P"));
  if (!parse_num(points, p) || *p < 0)
    return hh_cli_usage_error("--points: %s: %s", hh_tr("not a number of points >= 0"), points);
  if (name) {
    size_t n = strlen(name);
    int ok = n >= 1 && n <= 64;
    for (size_t i = 0; ok && i < n; i++) ok = (unsigned char)name[i] >= 0x20 && name[i] != 0x7f;
    if (!ok) return hh_cli_usage_error("--judge-name: %s", hh_tr("1 to 64 printable characters"));
  }
  return 0;
}

/* `haihe results`: list or export stored attempts, or enter a judge's mark */
int hh_cmd_results(int argc, char **argv) {
  const char *trainee = NULL, *scenario = NULL, *db = NULL;
  const char *judge = NULL, *item = NULL, *points = NULL, *judge_name = NULL;
  int csv = 0;
  for (int i = 2; i < argc; i++) {
    int missing = 0;
    const char *v;
    if (!strcmp(argv[i], "--csv")) csv = 1;
    else if ((v = opt_value(argc, argv, &i, "--trainee", &missing))) trainee = v;
    else if ((v = opt_value(argc, argv, &i, "--scenario", &missing))) scenario = v;
    else if ((v = opt_value(argc, argv, &i, "--db", &missing))) db = v;
    else if ((v = opt_value(argc, argv, &i, "--judge-name", &missing))) judge_name = v;
    else if ((v = opt_value(argc, argv, &i, "--judge", &missing))) judge = v;
    else if ((v = opt_value(argc, argv, &i, "--item", &missing))) item = v;
    else if ((v = opt_value(argc, argv, &i, "--points", &missing))) points = v;
    else if (argv[i][0] == '-') return hh_cli_usage_error("%s: %s", hh_tr("unknown option"), argv[i]);
    else return hh_cli_usage_error("%s: %s", hh_tr("unexpected argument"), argv[i]);
    if (missing) return hh_cli_usage_error("%s: %s", hh_tr("missing value"), argv[i]);
  }
  int64_t attempt = 0;
  double p = 0.0;
  if (!judge && (item || points || judge_name))
    return hh_cli_usage_error("%s", hh_tr("--item, --points and --judge-name go with --judge ATTEMPT_ID"));
  if (judge && (csv || trainee || scenario))
    return hh_cli_usage_error("%s", hh_tr("--judge does not go with --csv, --trainee or --scenario"));
  if (judge) {
    int rc = check_judge_args(judge, item, points, judge_name, &attempt, &p);
    if (rc) return rc;
  }
  hh_error err;
  memset(&err, 0, sizeof err);
  char path[HH_PATH];
  if (db) snprintf(path, sizeof path, "%s", db);
  else if (hh_results_default_path(path, sizeof path, &err) != HH_OK) return hh_cli_fail(&err);
  struct stat st;
  if (stat(path, &st) != 0) {
    hh_error_set(&err, HH_E_RESULTS_DB, path, 0, 0, "%s",
                 hh_tr("no results database here (no attempt stored yet)"));
    return hh_cli_fail(&err);
  }
  hh_results *r = hh_results_open(path, &err);
  if (!r) return hh_cli_fail(&err);
  int rc = judge ? hh_results_judge(r, attempt, item, p, judge_name, stdout, &err)
                 : hh_results_list(r, trainee, scenario, csv, stdout, &err);
  hh_results_close(r);
  return rc ? hh_cli_fail(&err) : 0;
}
