/* hh_results_cmd.c - `haihe results [--trainee ID] [--scenario S] [--csv] [--db PATH]`:
 * list or export the attempts of the results store. */
#include "hh_results.h"
#include "hh_cli.h"
#include "../core/hh_i18n.h"
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

/* `haihe results`: list or export stored attempts */
int hh_cmd_results(int argc, char **argv) {
  const char *trainee = NULL, *scenario = NULL, *db = NULL;
  int csv = 0;
  for (int i = 2; i < argc; i++) {
    int missing = 0;
    const char *v;
    if (!strcmp(argv[i], "--csv")) csv = 1;
    else if ((v = opt_value(argc, argv, &i, "--trainee", &missing))) trainee = v;
    else if ((v = opt_value(argc, argv, &i, "--scenario", &missing))) scenario = v;
    else if ((v = opt_value(argc, argv, &i, "--db", &missing))) db = v;
    else if (argv[i][0] == '-') return hh_cli_usage_error("%s: %s", hh_tr("unknown option"), argv[i]);
    else return hh_cli_usage_error("%s: %s", hh_tr("unexpected argument"), argv[i]);
    if (missing) return hh_cli_usage_error("%s: %s", hh_tr("missing value"), argv[i]);
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
  int rc = hh_results_list(r, trainee, scenario, csv, stdout, &err);
  hh_results_close(r);
  return rc ? hh_cli_fail(&err) : 0;
}
