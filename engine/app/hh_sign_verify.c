/* hh_sign_verify.c - `haihe rescore --verify REPLAY [--pubkey F | --event-key F]
 * [--result F.json]`: the signature covers every byte of the replay and the result it
 * recorded; the re-simulation must then reproduce that result exactly. */
#include "hh_sign.h"
#include "hh_cli.h"
#include "../core/hh_i18n.h"
#include <stdlib.h>
#include <string.h>

/* take --verify, --pubkey, --event-key, --result (with "=V" or a separate value) */
int hh_verify_arg(hh_verify_opts *v, int argc, char **argv, int *i, int *rc) {
  static const char *names[] = {"--pubkey", "--event-key", "--result"};
  *rc = 0;
  if (!strcmp(argv[*i], "--verify")) {
    v->on = 1;
    return 1;
  }
  for (int k = 0; k < 3; k++) {
    size_t n = strlen(names[k]);
    if (strncmp(argv[*i], names[k], n) != 0 || (argv[*i][n] && argv[*i][n] != '=')) continue;
    const char *val = argv[*i][n] == '=' ? argv[*i] + n + 1 : *i + 1 < argc ? argv[++*i] : "";
    if (!val[0]) {
      *rc = hh_cli_usage_error("%s: %s", hh_tr("missing value"), names[k]);
      return 1;
    }
    if (k == 0) v->pubkey = val;
    else if (k == 1) v->event_key = val;
    else v->result = val;
    v->on = 1;
    return 1;
  }
  return 0;
}

/* read a whole small file (at most HH_SIG_MAX_TEXT bytes) as a string; NULL on error */
static char *read_small(const char *path, hh_error *err) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    hh_error_set(err, HH_E_FILE_NOT_FOUND, path, 0, 0, "%s", hh_tr("cannot open the result file"));
    return NULL;
  }
  char *buf = malloc(HH_SIG_MAX_TEXT + 2);
  size_t n = buf ? fread(buf, 1, HH_SIG_MAX_TEXT + 1, f) : 0;
  fclose(f);
  if (!buf || n > HH_SIG_MAX_TEXT) {
    free(buf);
    hh_error_set(err, HH_E_SIGNATURE, path, 0, 0, "%s", hh_tr("result file differs from the signed result"));
    return NULL;
  }
  buf[n] = '\0';
  return buf;
}

/* check the signature with the given key, then the --result file against the signed one */
int hh_verify_signature(const hh_verify_opts *v, const hh_replay *rp, const char *file,
                        hh_error *err) {
  unsigned char pk[32];
  hh_signer *key = NULL;
  int rc = HH_OK;
  if (v->pubkey && (rc = hh_sign_read_pubkey(v->pubkey, pk, err))) return rc;
  if (v->event_key) {
    key = malloc(sizeof *key);
    if (!key) return hh_error_set(err, HH_E_NOMEM, "", 0, 0, "%s", hh_tr("out of memory"));
    rc = hh_sign_event_key(key, v->event_key, err);
  }
  if (!rc && v->pubkey && rp->sig.present && rp->sig.scheme != HH_SIG_ED25519)
    rc = hh_error_set(err, HH_E_SIGNATURE, file, 0, 0, "%s",
                      hh_tr("replay is signed with a shared event key, not a station key: pass "
                      "--event-key FILE"));
  if (!rc) rc = hh_sign_verify(&rp->sig, file, v->pubkey ? pk : NULL, key, err);
  if (key) memset(key, 0, sizeof *key);
  free(key);
  if (rc) return rc;
  char hex[65];
  hh_sign_hex(rp->sig.key_id, 32, hex);
  if (rp->sig.scheme == HH_SIG_ED25519) {
    printf(hh_tr("Signature: valid (Ed25519, station key %s)\n"), hex);
    if (!v->pubkey)
      fprintf(stderr, "%s\n", hh_tr("warning: checked against the key inside the replay; pass "
                                    "--pubkey station.pub to prove which station signed it"));
  } else {
    printf(hh_tr("Signature: valid (HMAC-SHA-256, event key %.16s)\n"), hex);
  }
  printf(hh_tr("Signed attempt: %s\n"), rp->sig.meta);
  if (v->result) {
    char *text = read_small(v->result, err);
    if (!text) return err->code;
    int same = strcmp(text, rp->sig.result) == 0;
    free(text);
    if (!same)
      return hh_error_set(err, HH_E_SIGNATURE, v->result, 0, 0, "%s",
                          hh_tr("result file differs from the signed result"));
    printf(hh_tr("Result file %s is the signed result.\n"), v->result);
  }
  return HH_OK;
}

/* the signed result JSON equals the re-simulated one byte for byte */
int hh_verify_result(const hh_verify_opts *v, const hh_replay *rp, const hh_model *m,
                     const hh_data *d) {
  (void)v;
  char *now = hh_cli_json_string(m, d);
  int same = now && rp->sig.result && strcmp(now, rp->sig.result) == 0;
  free(now);
  printf("%s\n", same ? hh_tr("Signed result: re-simulation reproduces it exactly.")
                      : hh_tr("Signed result: DIFFERENT from the re-simulation."));
  return same;
}
