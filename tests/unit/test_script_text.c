/* test_script_text.c - scenario title and brief in more languages: title = {en, zh,
 * fr, ...} stores each language, hh_model_title/brief pick the trainee's language and
 * fall back to English; an unknown language key is a located error, nothing applied. */
#include "hh_test.h"
#include "script/hh_script.h"
#include "sim/hh_sim.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* write the STS scenario with its title line replaced by title (a Lua table); load it */
static int load_title(const char *title, hh_model *m, hh_error *err) {
  char src[512], dst[512];
  snprintf(src, sizeof src, "%s/scenarios/port/sts_first_lift.lua", HH_SOURCE_DIR);
  snprintf(dst, sizeof dst, "%s/text_case.lua", HH_BUILD_DIR);
  FILE *f = fopen(src, "r");
  if (!f) return -1;
  static char buf[1 << 16], out[(1 << 16) + 1024];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = 0;
  char *a = strstr(buf, "title = {"), *b = a ? strstr(a, "},") : NULL;
  if (!a || !b) return -1;
  snprintf(out, sizeof out, "%.*s%s%s", (int)(a - buf), buf, title, b + 1);
  f = fopen(dst, "w");
  if (!f) return -1;
  fputs(out, f);
  fclose(f);
  *err = (hh_error){0};
  return hh_script_load(dst, m, err);
}

int main(void) {
  static hh_model m;
  hh_error err = {0};
  CHECK(load_title("title = { en = \"First lift\", zh = \"首次吊装\", fr = \"Premier levage\","
                   " ar = \"الرفع الأول\" }", &m, &err) == HH_OK);
  CHECK(strcmp(hh_model_title(&m, "en"), "First lift") == 0);
  CHECK(strcmp(hh_model_title(&m, "zh-CN"), "首次吊装") == 0);
  CHECK(strcmp(hh_model_title(&m, "fr"), "Premier levage") == 0);
  CHECK(strcmp(hh_model_title(&m, "fr-FR"), "Premier levage") == 0);
  CHECK(strcmp(hh_model_title(&m, "ar"), "الرفع الأول") == 0);
  CHECK(strcmp(hh_model_title(&m, "th"), "First lift") == 0); /* no Thai: English */
  /* the brief has only en and zh here: French falls back to English */
  CHECK(strcmp(hh_model_brief(&m, "fr"), m.brief_en) == 0 && m.brief_en[0]);
  CHECK(strcmp(hh_model_brief(&m, "zh-CN"), m.brief_zh) == 0);
  /* an unknown language key is an error naming the field and the file */
  int rc = load_title("title = { en = \"a\", zh = \"b\", xx = \"c\" }", &m, &err);
  CHECK(rc != HH_OK);
  CHECK(strstr(err.text, "xx") != NULL && strstr(err.text, "title") != NULL);
  CHECK(strstr(err.file, "text_case.lua") != NULL && err.line > 0);
  /* en is still required */
  CHECK(load_title("title = { zh = \"b\", fr = \"c\" }", &m, &err) != HH_OK);
  return hh_test_done("script_text");
}
