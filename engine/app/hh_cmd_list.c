/* hh_cmd_list.c - `haihe list` (scenarios and their titles) and `haihe check SCENARIO`
 * (load and validate only). */
#define _DEFAULT_SOURCE
#include "hh_cli.h"
#include "../core/hh_i18n.h"
#include "../script/hh_script.h"
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FOUND 512

/* Scenario files found: names relative to their scenario dir, without ".lua". */
typedef struct found {
  char name[MAX_FOUND][HH_PATH / 4];
  char path[MAX_FOUND][HH_PATH];
  int n;
} found;

/* add every *.lua under dir/rel (recursively, depth-limited) to f */
static void scan(const char *root, const char *rel, int depth, found *f) {
  char dir[HH_PATH];
  snprintf(dir, sizeof dir, "%s%s%s", root, rel[0] ? "/" : "", rel);
  DIR *dh = opendir(dir);
  if (!dh) return;
  struct dirent *e;
  while ((e = readdir(dh)) != NULL && f->n < MAX_FOUND) {
    const char *nm = e->d_name;
    if (nm[0] == '.' || nm[0] == '_') continue; /* hidden, helper files */
    char sub[HH_PATH / 4], full[2 * HH_PATH];
    int k = snprintf(sub, sizeof sub, "%s%s%s", rel, rel[0] ? "/" : "", nm);
    if (k < 0 || (size_t)k >= sizeof sub) continue;
    snprintf(full, sizeof full, "%s/%s", root, sub);
    struct stat st;
    if (stat(full, &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      if (depth < 4) scan(root, sub, depth + 1, f);
      continue;
    }
    size_t len = strlen(sub);
    if (!S_ISREG(st.st_mode) || len < 5 || strcmp(sub + len - 4, ".lua") != 0) continue;
    sub[len - 4] = '\0';
    int dup = 0;
    for (int i = 0; i < f->n; i++) dup |= !strcmp(f->name[i], sub);
    if (dup || strlen(full) >= HH_PATH) continue;
    snprintf(f->name[f->n], sizeof f->name[0], "%s", sub);
    snprintf(f->path[f->n], sizeof f->path[0], "%s", full);
    f->n++;
  }
  closedir(dh);
}

/* collect up to want positional arguments; any option or extra argument is an error */
static int extra_args(int argc, char **argv, int want, const char **pos) {
  int npos = 0;
  for (int i = 2; i < argc; i++) {
    if (argv[i][0] == '-' && argv[i][1])
      return hh_cli_usage_error("%s: %s", hh_tr("unknown option"), argv[i]);
    if (npos >= want) return hh_cli_usage_error("%s: %s", hh_tr("unexpected argument"), argv[i]);
    pos[npos++] = argv[i];
  }
  return 0;
}

/* `haihe list`: every scenario with its title in the current language */
int hh_cmd_list(int argc, char **argv) {
  const char *pos[1] = {NULL};
  int rc = extra_args(argc, argv, 0, pos);
  if (rc) return rc;
  char dirs[HH_MAX_SCENARIO_DIRS][HH_PATH];
  int nd = hh_cli_scenario_dirs(dirs, HH_MAX_SCENARIO_DIRS);
  found *f = calloc(1, sizeof *f);
  hh_model *m = calloc(1, sizeof *m);
  if (!f || !m) {
    free(f);
    free(m);
    hh_error e = {.code = HH_E_NOMEM, .text = "out of memory"};
    return hh_cli_fail(&e);
  }
  for (int i = 0; i < nd; i++) scan(dirs[i], "", 0, f);
  /* sort by name for a stable listing */
  for (int i = 1; i < f->n; i++)
    for (int j = i; j > 0 && strcmp(f->name[j - 1], f->name[j]) > 0; j--) {
      char tn[sizeof f->name[0]], tp[sizeof f->path[0]];
      memcpy(tn, f->name[j], sizeof tn);
      memcpy(tp, f->path[j], sizeof tp);
      memcpy(f->name[j], f->name[j - 1], sizeof tn);
      memcpy(f->path[j], f->path[j - 1], sizeof tp);
      memcpy(f->name[j - 1], tn, sizeof tn);
      memcpy(f->path[j - 1], tp, sizeof tp);
    }
  int bad = 0;
  if (f->n == 0) fprintf(stderr, "%s\n", hh_tr("no scenarios found"));
  for (int i = 0; i < f->n; i++) {
    hh_error err;
    memset(&err, 0, sizeof err);
    memset(m, 0, sizeof *m);
    if (hh_script_load(f->path[i], m, &err) != HH_OK) {
      printf("%-32s %s\n", f->name[i], hh_tr("(does not load)"));
      fflush(stdout);
      hh_error_print(&err, stderr);
      if (hh_error_exit(err.code) > bad) bad = hh_error_exit(err.code);
      continue;
    }
    printf("%-32s %s\n", f->name[i], hh_cli_title(m));
  }
  free(f);
  free(m);
  return bad;
}

/* `haihe check SCENARIO`: load and validate only; one OK line or the error */
int hh_cmd_check(int argc, char **argv) {
  const char *pos[1] = {NULL};
  int rc = extra_args(argc, argv, 1, pos);
  if (rc) return rc;
  if (!pos[0]) return hh_cli_usage_error("%s", hh_tr("missing scenario"));
  hh_error err;
  memset(&err, 0, sizeof err);
  char path[HH_PATH];
  hh_model *m = hh_cli_load_scenario(pos[0], path, sizeof path, &err);
  if (!m) return hh_cli_fail(&err);
  /* the data must build too (physics world, event log) */
  hh_data *d = hh_data_make(m, &err);
  if (!d) {
    free(m);
    return hh_cli_fail(&err);
  }
  hh_data_free(d);
  printf(hh_tr("OK: %s (%s): %d rubric items, %d scene boxes, %.0f points\n"), m->id,
         hh_cli_title(m), m->rubric.n_rules, m->n_boxes, m->rubric.max_score);
  free(m);
  return 0;
}
