/* hh_app.c - the haihe command: language choice and sub-command dispatch. */
#include "hh_app.h"
#include "hh_cli.h"
#include "../core/hh_i18n.h"
#include "../render/hh_render.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* print err through hh_error_print and return the exit status for its code */
int hh_cli_fail(const hh_error *err) {
  fflush(stdout);
  hh_error_print(err, stderr);
  return hh_error_exit(err->code);
}

/* report a command-line mistake (already translated text), point at --help, exit 2 */
int hh_cli_usage_error(const char *fmt, ...) {
  hh_error err;
  memset(&err, 0, sizeof err);
  err.code = HH_E_USAGE;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err.text, sizeof err.text, fmt, ap);
  va_end(ap);
  int rc = hh_cli_fail(&err);
  fprintf(stderr, "%s\n", hh_tr("Run 'haihe --help' for the usage."));
  return rc;
}

/* print the usage text */
void hh_cli_print_usage(FILE *out) {
  fprintf(out, "%s\n", hh_tr("Usage:"));
  fprintf(out, "  haihe                          %s\n",
          hh_tr("run the default demo (STS crane first lift, autopilot)"));
  fprintf(out, "  haihe run SCENARIO [options]   %s\n",
          hh_tr("run a scenario (a name like port/sts_first_lift or a path)"));
  fprintf(out, "  haihe rescore REPLAY [--json F]  %s\n",
          hh_tr("re-simulate a replay and compare with what it recorded"));
  fprintf(out, "  haihe list                     %s\n", hh_tr("list the scenarios"));
  fprintf(out, "  haihe check SCENARIO           %s\n",
          hh_tr("load and validate a scenario without running it"));
  fprintf(out, "  haihe bench                    %s\n",
          hh_tr("measure the headless real-time factor"));
  fprintf(out, "  haihe bench --rubric           %s\n",
          hh_tr("compiled rubric against the same rules in Lua (ns per rule per tick)"));
  fprintf(out, "  haihe rescore --verify REPLAY [--pubkey F | --event-key F] [--result F.json]\n"
               "                                 %s\n",
          hh_tr("check a signed replay and its result, then re-simulate it"));
  fprintf(out, "  haihe results [--trainee ID] [--scenario S] [--csv] [--db PATH]  %s\n",
          hh_tr("list or export the stored attempts"));
  fprintf(out, "%s\n", hh_tr("Options of run:"));
  fprintf(out, "  --headless --autopilot --record F --replay F --json F\n"
               "  --screenshot F.png --at S --size WxH --seconds S\n"
               "  --camera cab|orbit|follow --large-print --lang zh-CN|en|fr|th|ar\n"
               "  --report F.html --csv F --db PATH --trainee ID\n"
               "  --competition --event-key FILE --xr --sea-state 1..6\n");
}

/* language from the environment: zh_* -> zh-CN, fr_*, th_*, ar_*, otherwise en */
static const char *env_lang(void) {
  const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
  for (int i = 0; i < 3; i++) {
    const char *v = getenv(vars[i]);
    if (v && v[0]) {
      if (!strncmp(v, "zh", 2)) return "zh-CN";
      if (!strncmp(v, "fr", 2)) return "fr";
      if (!strncmp(v, "th", 2)) return "th";
      if (!strncmp(v, "ar", 2)) return "ar";
      return "en";
    }
  }
  return "en";
}

/* find --lang in argv (either "--lang X" or "--lang=X"); NULL if absent, "" if the
   value is missing */
static const char *arg_lang(int argc, char **argv) {
  const char *lang = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--lang")) lang = i + 1 < argc ? argv[++i] : "";
    else if (!strncmp(argv[i], "--lang=", 7)) lang = argv[i] + 7;
  }
  return lang;
}

/* load the catalog: an explicit --lang must work, the environment's may fall back */
static int choose_language(int argc, char **argv) {
  const char *lang = arg_lang(argc, argv);
  int explicit = lang != NULL;
  if (explicit && !lang[0]) return hh_cli_usage_error("%s: --lang", hh_tr("missing value"));
  if (!explicit) lang = env_lang();
  /* `gcode` in English (msgids are the English text): no catalog to parse at start-up */
  if (!explicit && !strcmp(lang, "en") && argc >= 2 && !strcmp(argv[1], "gcode")) return 0;
  static const char *const langs[] = {"en", "zh-CN", "fr", "th", "ar"};
  int known = 0;
  for (int i = 0; i < 5; i++) known |= !strcmp(lang, langs[i]);
  if (explicit && !known)
    return hh_cli_usage_error("%s: '%s' (zh-CN, en, fr, th, ar)", hh_tr("unknown language"), lang);
  char dir[HH_PATH];
  hh_error err;
  memset(&err, 0, sizeof err);
  if (hh_cli_asset_dir(dir, sizeof dir) != 0) {
    if (!strcmp(lang, "en")) return 0; /* msgids are English */
    hh_error_set(&err, HH_E_FILE_NOT_FOUND, "", 0, 0,
                 hh_tr("translation catalogs not found (looked for assets/i18n near %s)"),
                 hh_cli_exe_dir());
    return hh_cli_fail(&err);
  }
  char i18n[HH_PATH + 8];
  snprintf(i18n, sizeof i18n, "%s/i18n", dir);
  if (hh_i18n_load(i18n, lang, &err) != HH_OK) {
    if (err.code == HH_E_FILE_NOT_FOUND && !strcmp(lang, "en")) return 0;
    if (explicit) return hh_cli_fail(&err);
    hh_error_print(&err, stderr); /* from the environment: go on in English */
  }
  return 0;
}

/* remove the global --lang option (already applied) from argv; returns the new argc */
static int strip_lang(int argc, char **argv) {
  int n = 0;
  for (int i = 0; i < argc; i++) {
    if (i > 0 && !strcmp(argv[i], "--lang")) {
      i++;
      continue;
    }
    if (i > 0 && !strncmp(argv[i], "--lang=", 7)) continue;
    argv[n++] = argv[i];
  }
  argv[n] = NULL;
  return n;
}

/* the default demo: the STS first lift under its autopilot, windowed if possible */
static int run_demo(void) {
  hh_run_opts o;
  memset(&o, 0, sizeof o);
  o.scenario = HH_DEFAULT_SCENARIO;
  o.autopilot = 1;
  o.demo = 1;
  o.width = 1280;
  o.height = 720;
  o.camera = HH_CAM_ORBIT;
  return hh_cmd_run(&o);
}

/* run the haihe command line; returns the exit status */
int hh_app_main(int argc, char **argv) {
  int rc = choose_language(argc, argv);
  if (rc) return rc;
  argc = strip_lang(argc, argv);
  if (argc < 2) return run_demo();
  const char *cmd = argv[1];
  if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
    hh_cli_print_usage(stdout);
    return 0;
  }
  if (!strcmp(cmd, "--version")) {
    printf("%s\n", HH_BUILD_ID);
    return 0;
  }
  if (!strcmp(cmd, "run")) {
    hh_run_opts o;
    rc = hh_cli_parse_run(argc, argv, 2, &o);
    return rc ? rc : hh_cmd_run(&o);
  }
  if (!strcmp(cmd, "rescore")) return hh_cmd_rescore(argc, argv);
  if (!strcmp(cmd, "list")) return hh_cmd_list(argc, argv);
  if (!strcmp(cmd, "check")) return hh_cmd_check(argc, argv);
  if (!strcmp(cmd, "bench")) return hh_cmd_bench(argc, argv);
  if (!strcmp(cmd, "results")) return hh_cmd_results(argc, argv);
  if (!strcmp(cmd, "gcode")) return hh_cmd_gcode(argc, argv);
  if (cmd[0] == '-') return hh_cli_usage_error("%s: %s", hh_tr("unknown option"), cmd);
  return hh_cli_usage_error("%s: %s", hh_tr("unknown command"), cmd);
}
