/* hh_script.c - hh_script_load: read the scenario file, run it in the sandbox into a
 * staging model, validate the whole model, and only then copy it out. On any error the
 * caller's model is untouched and nothing of Lua survives.
 */
#include "hh_script_int.h"
#include "../core/hh_hash.h"
#include "../core/hh_i18n.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* read the whole file at path (at most HH_SCRIPT_MAX_BYTES); NULL and err on failure */
static char *read_file(const char *path, size_t *len, hh_error *err) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    hh_error_set(err, HH_E_FILE_NOT_FOUND, path, 0, 0, hh_tr("cannot open scenario: %s"),
                 strerror(errno));
    return NULL;
  }
  char *buf = malloc(HH_SCRIPT_MAX_BYTES + 1);
  size_t n = buf ? fread(buf, 1, HH_SCRIPT_MAX_BYTES + 1, f) : 0;
  int bad = !buf || ferror(f);
  fclose(f);
  if (bad) {
    free(buf);
    hh_error_set(err, buf ? HH_E_FILE_NOT_FOUND : HH_E_NOMEM, path, 0, 0, "%s",
                 hh_tr("cannot read scenario"));
    return NULL;
  }
  if (n > HH_SCRIPT_MAX_BYTES) {
    free(buf);
    hh_error_set(err, HH_E_SCRIPT_LIMIT, path, 0, 0, hh_tr("scenario file larger than %u MiB"),
                 (unsigned)(HH_SCRIPT_MAX_BYTES >> 20));
    return NULL;
  }
  *len = n;
  return buf;
}

/* run the script at path in a sandbox and fill *out; on any error *out is untouched */
int hh_script_load(const char *path, hh_model *out, hh_error *err) {
  size_t len = 0;
  char *buf = read_file(path, &len, err);
  if (!buf) return err ? err->code : HH_E_FILE_NOT_FOUND;
  hh_sctx *c = calloc(1, sizeof *c);
  hh_model *m = malloc(sizeof *m);
  int code = HH_OK;
  if (!c || !m) {
    code = hh_error_set(err, HH_E_NOMEM, path, 0, 0, "%s", hh_tr("out of memory loading scenario"));
    goto done;
  }
  c->path = path;
  c->m = m;
  hh_model_defaults(m);
  snprintf(m->source, sizeof m->source, "%s", path);
  m->content_hash = hh_fnv1a64(HH_FNV_SEED, buf, len);
  if (!hh_sbox_open(c)) {
    if (c->err.code == HH_OK)
      hh_error_set(&c->err, HH_E_NOMEM, path, 0, 0, "%s", hh_tr("cannot create the Lua state"));
  } else {
    hh_sbox_run(c, buf, len);
    hh_sbox_close(c);
  }
  if (c->err.code == HH_OK) hh_check_model(c);
  code = c->err.code;
  if (code == HH_OK) *out = *m;
  else if (err) *err = c->err;
done:
  free(m);
  free(c);
  free(buf);
  return code;
}

/* read the id and titles of a scenario (runs and validates the whole script) */
int hh_script_title(const char *path, char id[HH_NAME], char title_en[128],
                    char title_zh[128], hh_error *err) {
  hh_model *m = malloc(sizeof *m);
  if (!m) return hh_error_set(err, HH_E_NOMEM, path, 0, 0, "%s", hh_tr("out of memory loading scenario"));
  int code = hh_script_load(path, m, err);
  if (code == HH_OK) {
    memcpy(id, m->id, HH_NAME);
    memcpy(title_en, m->title_en, 128);
    memcpy(title_zh, m->title_zh, 128);
  }
  free(m);
  return code;
}
