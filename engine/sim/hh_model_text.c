/* hh_model_text.c - a scenario's title and brief in the trainee's language: en and zh
 * have their own fields, further languages (fr, th, ar, ...) the model's tr[] slots;
 * anything missing falls back to English (then to the scenario id for the title). */
#include "hh_sim.h"
#include <string.h>

/* 1 when catalog code lang ("fr", "fr-FR") names language code ("fr") */
static int lang_is(const char *lang, const char *code) {
  size_t n = strlen(code);
  return strncmp(lang, code, n) == 0 && (lang[n] == 0 || lang[n] == '-' || lang[n] == '_');
}

/* text of field (0 title, 1 brief) for lang, or NULL when the scenario has none */
static const char *pick(const hh_model *m, const char *lang, int field) {
  if (!lang) return NULL;
  if (lang_is(lang, "zh")) return field ? m->brief_zh : m->title_zh;
  for (int i = 0; i < m->n_tr && i < HH_MODEL_TR; i++)
    if (lang_is(lang, m->tr[i].lang)) return field ? m->tr[i].brief : m->tr[i].title;
  return NULL;
}

const char *hh_model_title(const hh_model *m, const char *lang) {
  const char *t = pick(m, lang, 0);
  if (t && t[0]) return t;
  return m->title_en[0] ? m->title_en : m->id;
}

const char *hh_model_brief(const hh_model *m, const char *lang) {
  const char *t = pick(m, lang, 1);
  return t && t[0] ? t : m->brief_en;
}
