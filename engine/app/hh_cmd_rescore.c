/* hh_cmd_rescore.c - `haihe rescore REPLAY [--json F]`: re-simulate a replay headless
 * and compare the score and final state hash with what it recorded. With --verify
 * (hh_sign_verify.c) the replay's signature is checked first, and the signed result
 * must equal the re-simulated one.
 * Exit: 0 identical, 3 (HH_EXIT_MISMATCH) different, 2 bad replay or scenario. */
#define _DEFAULT_SOURCE
#include "hh_cli.h"
#include "hh_sign.h"
#include "../core/hh_i18n.h"
#include "../machines/marine/hh_marine.h"
#include "../sim/hh_replay.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* the scenario a replay names: its recorded path if it still exists, else its id */
static hh_model *load_replay_scenario(const hh_replay *rp, char *path, size_t cap,
                                      hh_error *err) {
  struct stat st;
  const char *arg = rp->head.scenario_path;
  if (!arg[0] || stat(arg, &st) != 0) arg = rp->head.scenario_id;
  if (!arg[0]) {
    hh_error_set(err, HH_E_REPLAY_SCENARIO, "", 0, 0, "%s", hh_tr("replay names no scenario"));
    return NULL;
  }
  return hh_cli_load_scenario(arg, path, cap, err);
}

/* re-simulate rp on m into d: the recorded controls, tick by tick, then hh_finish */
static void resimulate(const hh_model *m, hh_data *d, const hh_replay *rp) {
  for (uint64_t i = 0; i < rp->foot.ticks && !d->done; i++) hh_step(m, d, &rp->ctl[i]);
  hh_finish(m, d);
}

/* `haihe rescore REPLAY [--json F]`: re-simulate and compare with the recording */
int hh_cmd_rescore(int argc, char **argv) {
  const char *file = NULL, *json = NULL;
  hh_verify_opts verify = {0, NULL, NULL, NULL};
  for (int i = 2; i < argc; i++) {
    int vrc = 0;
    if (hh_verify_arg(&verify, argc, argv, &i, &vrc)) { /* --verify and its keys */
      if (vrc) return vrc;
      continue;
    }
    if (!strcmp(argv[i], "--json")) {
      if (i + 1 >= argc || !argv[i + 1][0])
        return hh_cli_usage_error("%s: --json", hh_tr("missing value"));
      json = argv[++i];
    } else if (!strncmp(argv[i], "--json=", 7) && argv[i][7]) {
      json = argv[i] + 7;
    } else if (argv[i][0] == '-' && argv[i][1]) {
      return hh_cli_usage_error("%s: %s", hh_tr("unknown option"), argv[i]);
    } else if (file) {
      return hh_cli_usage_error("%s: %s", hh_tr("unexpected argument"), argv[i]);
    } else {
      file = argv[i];
    }
  }
  if (!file) return hh_cli_usage_error("%s", hh_tr("missing replay file"));

  hh_error err;
  memset(&err, 0, sizeof err);
  hh_replay rp;
  char path[HH_PATH];
  hh_model *m = NULL;
  hh_data *d = NULL;
  int rc = hh_replay_read(file, &rp, &err);
  if (rc) return hh_cli_fail(&err);
  m = load_replay_scenario(&rp, path, sizeof path, &err);
  if (!m) goto fail;
  if (rp.head.sea_state && /* the instructor's --sea-state the attempt ran with */
      hh_marine_sea_state_override(m, (int)rp.head.sea_state, &err) != HH_OK) goto fail;
  if (hh_replay_check_model(&rp, m, file, &err) != HH_OK) goto fail;
  if (strcmp(rp.head.build, HH_BUILD_ID) != 0)
    fprintf(stderr, hh_tr("warning: replay recorded by build %s, this is %s; results may differ\n"),
            rp.head.build, HH_BUILD_ID);
  if (verify.on && hh_verify_signature(&verify, &rp, file, &err) != HH_OK) goto fail;
  d = hh_data_make(m, &err);
  if (!d) goto fail;
  resimulate(m, d, &rp);

  double score = hh_score(m, d);
  uint64_t hash = hh_data_hash(d);
  int same_score = memcmp(&score, &rp.foot.score, sizeof score) == 0;
  int same = same_score && hash == rp.foot.state_hash && d->tick == rp.foot.ticks &&
             hh_passed(m, d) == rp.foot.passed;
  if (verify.on) same &= hh_verify_result(&verify, &rp, m, d);
  printf(hh_tr("Scenario: %s (%s)\n"), hh_cli_title(m), m->id);
  printf(hh_tr("Recorded:     score %.6f  ticks %llu  state hash %016llx\n"), rp.foot.score,
         (unsigned long long)rp.foot.ticks, (unsigned long long)rp.foot.state_hash);
  printf(hh_tr("Re-simulated: score %.6f  ticks %llu  state hash %016llx\n"), score,
         (unsigned long long)d->tick, (unsigned long long)hash);
  printf("%s\n", same ? hh_tr("Identical: the replay re-scores to the recorded result.")
                      : hh_tr("DIFFERENT: the re-simulation does not reproduce the recorded result."));
  if (json && hh_cli_write_json(json, m, d, &err) != HH_OK) goto fail;
  if (!same) {
    hh_error_set(&err, HH_E_RESCORE_MISMATCH, file, 0, 0, "%s",
                 hh_tr("re-simulation differs from the recorded result"));
    fflush(stdout);
    hh_error_print(&err, stderr);
  }
  hh_data_free(d);
  free(m);
  hh_replay_free(&rp);
  return same ? 0 : HH_EXIT_MISMATCH;

fail:
  hh_data_free(d);
  free(m);
  hh_replay_free(&rp);
  return hh_cli_fail(&err);
}
