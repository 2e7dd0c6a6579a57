/* hh_paths.c - where scenarios and assets are: the source tree (build-time paths) or
 * next to the executable (an installed copy: PREFIX/bin/haihe with
 * PREFIX/share/haihe/{scenarios,assets}, or a folder holding haihe, scenarios, assets). */
#define _DEFAULT_SOURCE
#include "hh_cli.h"
#include "../core/hh_i18n.h"
#include "../script/hh_script.h"
#include <stdlib.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef HH_SCENARIO_DIR
#define HH_SCENARIO_DIR "scenarios"
#endif
#ifndef HH_ASSET_DIR
#define HH_ASSET_DIR "assets"
#endif

/* 1 when path is an existing directory */
static int is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* 1 when path is an existing regular file */
static int is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* folder of the running executable (from /proc/self/exe), cached */
const char *hh_cli_exe_dir(void) {
  static char dir[HH_PATH];
  if (dir[0]) return dir;
  ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
  if (n <= 0) {
    snprintf(dir, sizeof dir, ".");
    return dir;
  }
  dir[n] = '\0';
  char *slash = strrchr(dir, '/');
  if (slash && slash != dir) *slash = '\0';
  else snprintf(dir, sizeof dir, "/");
  return dir;
}

/* candidate folders named sub: the build-time one, then relative to the executable */
static int candidate_dirs(const char *built_in, const char *sub, char dirs[][HH_PATH],
                          int max) {
  const char *exe = hh_cli_exe_dir();
  char cand[4][HH_PATH];
  snprintf(cand[0], HH_PATH, "%s", built_in);
  snprintf(cand[1], HH_PATH, "%.900s/../share/haihe/%s", exe, sub);
  snprintf(cand[2], HH_PATH, "%.900s/%s", exe, sub);
  snprintf(cand[3], HH_PATH, "%.900s/../%s", exe, sub);
  int n = 0;
  for (int i = 0; i < 4 && n < max; i++) {
    if (!is_dir(cand[i])) continue;
    char real[PATH_MAX];
    const char *p = realpath(cand[i], real) ? real : cand[i];
    int dup = 0;
    for (int k = 0; k < n; k++) dup |= !strcmp(dirs[k], p);
    if (!dup && strlen(p) < HH_PATH) memcpy(dirs[n++], p, strlen(p) + 1);
  }
  return n;
}

/* existing scenario folders, build-time one first */
int hh_cli_scenario_dirs(char dirs[][HH_PATH], int max) {
  return candidate_dirs(HH_SCENARIO_DIR, "scenarios", dirs, max);
}

/* first asset folder holding i18n/; -1 when none */
int hh_cli_asset_dir(char *out, size_t cap) {
  char dirs[HH_MAX_SCENARIO_DIRS][HH_PATH];
  int n = candidate_dirs(HH_ASSET_DIR, "assets", dirs, HH_MAX_SCENARIO_DIRS);
  for (int i = 0; i < n; i++) {
    char probe[HH_PATH + 8];
    snprintf(probe, sizeof probe, "%.1000s/i18n", dirs[i]);
    if (is_dir(probe)) {
      snprintf(out, cap, "%s", dirs[i]);
      return 0;
    }
  }
  return -1;
}

/* 1 when s ends with suffix */
static int ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && !strcmp(s + a - b, suffix);
}

/* an existing file as given, else NAME[.lua] under a scenario folder */
int hh_cli_find_scenario(const char *arg, char *out, size_t cap, hh_error *err) {
  if (!arg || !arg[0])
    return hh_error_set(err, HH_E_USAGE, "", 0, 0, "%s", hh_tr("missing scenario"));
  if (is_file(arg)) {
    snprintf(out, cap, "%s", arg);
    return HH_OK;
  }
  char dirs[HH_MAX_SCENARIO_DIRS][HH_PATH];
  int n = hh_cli_scenario_dirs(dirs, HH_MAX_SCENARIO_DIRS);
  if (arg[0] != '/' && strncmp(arg, "./", 2) && strncmp(arg, "../", 3)) {
    for (int i = 0; i < n; i++) {
      char p[2 * HH_PATH];
      snprintf(p, sizeof p, "%.1000s/%.1000s%s", dirs[i], arg, ends_with(arg, ".lua") ? "" : ".lua");
      if (is_file(p) && strlen(p) < cap) {
        snprintf(out, cap, "%s", p);
        return HH_OK;
      }
    }
  }
  char looked[HH_ERROR_TEXT / 2] = "";
  size_t k = 0;
  for (int i = 0; i < n && k < sizeof looked; i++)
    k += (size_t)snprintf(looked + k, sizeof looked - k, "%s%s", i ? ", " : "", dirs[i]);
  return hh_error_set(err, HH_E_FILE_NOT_FOUND, arg, 0, 0, hh_tr("scenario not found (looked in %s)"),
                      n ? looked : "-");
}

/* find and load a scenario into a new model (free() it); NULL and err on failure */
hh_model *hh_cli_load_scenario(const char *arg, char *path, size_t cap, hh_error *err) {
  if (hh_cli_find_scenario(arg, path, cap, err) != HH_OK) return NULL;
  hh_model *m = calloc(1, sizeof *m);
  if (!m) {
    hh_error_set(err, HH_E_NOMEM, path, 0, 0, hh_tr("out of memory"));
    return NULL;
  }
  if (hh_script_load(path, m, err) != HH_OK) {
    free(m);
    return NULL;
  }
  if (!m->id[0]) { /* name it after its path under a scenario dir, or its file name */
    const char *base = strrchr(path, '/');
    snprintf(m->id, sizeof m->id, "%s", base ? base + 1 : path);
    if (ends_with(m->id, ".lua")) m->id[strlen(m->id) - 4] = '\0';
  }
  return m;
}

/* scenario title in the current language */
const char *hh_cli_title(const hh_model *m) {
  return hh_model_title(m, hh_i18n_lang()); /* falls back to English, then the id */
}
