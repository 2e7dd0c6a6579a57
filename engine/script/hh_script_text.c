/* hh_script_text.c - scenario title and brief in several languages:
 * {en = ..., zh = ..., fr = ..., th = ..., ...}; en and zh are required, the others
 * optional and stored in the model's per-language slots (hh_model.tr). */
#include "hh_script_int.h"
#include "../core/hh_i18n.h"
#include <stdio.h>
#include <string.h>

/* the languages a scenario text may carry beyond en and zh (at most HH_MODEL_TR) */
static const char *const EXTRA[] = {"fr", "th", "ar", "es", "ru", "pt", "de", "vi", NULL};

/* slot of m->tr for language code, made when missing */
static int slot(hh_model *m, const char *code) {
  for (int i = 0; i < m->n_tr; i++)
    if (!strcmp(m->tr[i].lang, code)) return i;
  int i = m->n_tr++;
  snprintf(m->tr[i].lang, sizeof m->tr[i].lang, "%s", code);
  m->tr[i].title[0] = m->tr[i].brief[0] = 0;
  return i;
}

/* read text field name of the table at idx: en, zh into en/zh, further languages into
   the model's slots (field 0: title, 1: brief); en and zh are required */
void hh_read_text_tr(lua_State *L, int idx, const char *path, const char *name, char *en,
                     char *zh, size_t size, hh_model *m, int field) {
  static const char *const langs[] = {"en", "zh", "fr", "th", "ar", "es", "ru", "pt", "de", "vi", NULL};
  char fpath[160];
  idx = lua_absindex(L, idx);
  snprintf(fpath, sizeof fpath, "%s.%s", path, name);
  lua_getfield(L, idx, name);
  if (lua_isnil(L, -1))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: missing (required)"), fpath);
  if (!lua_istable(L, -1))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: expected {en = ..., zh = ...}, got %s"),
                 fpath, hh_read_typename(L, -1));
  hh_read_known(L, -1, fpath, langs);
  int t = lua_gettop(L);
  hh_read_str(L, t, fpath, "en", en, size, 1);
  hh_read_str(L, t, fpath, "zh", zh, size, 1);
  for (int k = 0; EXTRA[k] && k < HH_MODEL_TR; k++) {
    char buf[512]; /* the text fits the slot: hh_read_str bounds it by cap */
    size_t cap = field ? sizeof m->tr[0].brief : sizeof m->tr[0].title;
    if (!hh_read_str(L, t, fpath, EXTRA[k], buf, cap, 0)) continue;
    int i = slot(m, EXTRA[k]);
    char *d = field ? m->tr[i].brief : m->tr[i].title;
    size_t len = strnlen(buf, cap - 1);
    memcpy(d, buf, len);
    d[len] = 0;
  }
  lua_pop(L, 1);
}
