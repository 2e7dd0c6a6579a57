/* test_i18n.c - the PO catalog: parsing, lookup, fallback, malformed files. */
#include "hh_test.h"
#include "core/hh_i18n.h"
#include <string.h>
#include <sys/stat.h>

static char dir[512];

/* write text to dir/<lang>.po */
static void write_po(const char *lang, const char *text) {
  char path[600];
  snprintf(path, sizeof path, "%s/%s.po", dir, lang);
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  if (!f) return;
  fputs(text, f);
  fclose(f);
}

/* load text as language lang; returns the code, fills err */
static int load(const char *lang, const char *text, hh_error *err) {
  write_po(lang, text);
  memset(err, 0, sizeof *err);
  return hh_i18n_load(dir, lang, err);
}

static const char *good =
    "# translator comment\n"
    "msgid \"\"\n"
    "msgstr \"\"\n"
    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\n"
    "#: engine/app/x.c:1\n"
    "msgid \"Score\"\n"
    "msgstr \"得分\"\n"
    "\n"
    "msgid \"\"\n"
    "\"multi \"\n"
    "\"line\"\n"
    "msgstr \"\"\n"
    "\"多\"\n"
    "\"行\"\n"
    "\n"
    "msgid \"esc \\\"q\\\" \\\\ \\t\\n\"\n"
    "msgstr \"E \\101\\x42 \\\"\\n\"\n"
    "\n"
    "#, fuzzy\n"
    "msgid \"Fuzzy\"\n"
    "msgstr \"模糊\"\n"
    "\n"
    "#~ msgid \"Old\"\n"
    "#~ msgstr \"旧\"\n"
    "\n"
    "msgid \"Untranslated\"\n"
    "msgstr \"\"\n"
    "\n"
    "msgctxt \"menu\"\n"
    "msgid \"Open\"\n"
    "msgstr \"打开(菜单)\"\n"
    "\n"
    "msgid \"%d box\"\n"
    "msgid_plural \"%d boxes\"\n"
    "msgstr[0] \"%d 个箱\"\n"
    "msgstr[1] \"%d 个箱子\"\n"
    "\n"
    "#, c-format\n"
    "msgid \"Time %.1f s of %s\\n\"\n"
    "msgstr \"用时 %.1f 秒，%s\\n\"\n"
    "msgid \"Adjacent\"\n"
    "msgstr \"相邻\"\n";

/* a malformed file is rejected with file:line and the catalog before it stays */
static void bad(const char *text, int line, const char *what) {
  hh_error err;
  int rc = load("bad", text, &err);
  CHECK(rc == HH_E_CATALOG);
  if (rc != HH_E_CATALOG) fprintf(stderr, "  case: %s (rc %d)\n", what, rc);
  CHECK(err.line == line);
  if (err.line != line) fprintf(stderr, "  case: %s: line %d, want %d\n", what, err.line, line);
  CHECK(strstr(err.file, "bad.po") != NULL);
  CHECK(!strcmp(hh_i18n_lang(), "tst"));
  CHECK(!strcmp(hh_tr("Score"), "得分"));
}

int main(void) {
  snprintf(dir, sizeof dir, "%s/test_i18n_tmp", HH_BUILD_DIR);
  mkdir(dir, 0755);
  hh_error err;

  /* before any load: English, msgid returned */
  CHECK(!strcmp(hh_i18n_lang(), "en"));
  const char *m = "Anything";
  CHECK(hh_tr(m) == m);

  /* parse and lookup */
  CHECK(load("tst", good, &err) == HH_OK);
  if (err.code) hh_error_print(&err, stderr);
  CHECK(!strcmp(hh_i18n_lang(), "tst"));
  CHECK(!strcmp(hh_tr("Score"), "得分"));
  CHECK(!strcmp(hh_tr("multi line"), "多行"));
  CHECK(!strcmp(hh_tr("esc \"q\" \\ \t\n"), "E AB \"\n"));
  CHECK(!strcmp(hh_tr("Fuzzy"), "Fuzzy"));              /* fuzzy skipped */
  CHECK(!strcmp(hh_tr("Old"), "Old"));                  /* obsolete skipped */
  CHECK(!strcmp(hh_tr("Untranslated"), "Untranslated")); /* empty msgstr: fallback */
  CHECK(!strcmp(hh_tr("Open"), "Open"));                /* context entry is separate */
  CHECK(!strcmp(hh_tr("menu\004Open"), "打开(菜单)"));
  CHECK(!strcmp(hh_tr("%d box"), "%d 个箱"));           /* plural keeps msgstr[0] */
  CHECK(!strcmp(hh_tr("Time %.1f s of %s\n"), "用时 %.1f 秒，%s\n"));
  CHECK(!strcmp(hh_tr("Adjacent"), "相邻"));            /* entries without a blank line */
  CHECK(!strcmp(hh_tr(""), ""));                        /* header is not an entry */
  m = "Not in the catalog";
  CHECK(hh_tr(m) == m);

  /* malformed files: code, file:line, and the previous catalog stays loaded */
  bad("msgid \"a\"\nmsgstr \"b\n", 2, "missing closing quote");
  bad("msgid \"a\"\nmsgstr \"b\"\nmsgfoo \"c\"\n", 3, "unknown keyword");
  bad("\"orphan\"\n", 1, "continuation without keyword");
  bad("msgstr \"x\"\n", 1, "msgstr without msgid");
  bad("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"c\"\n", 4, "msgid without msgstr at EOF");
  bad("msgid \"a\"\nmsgid \"b\"\nmsgstr \"c\"\n", 2, "msgid after msgid");
  bad("msgid \"a\\q\"\nmsgstr \"b\"\n", 1, "unknown escape");
  bad("msgid \"n %d\"\nmsgstr \"n %s\"\n", 1, "printf conversions differ");
  bad("msgid \"n %d %s\"\nmsgstr \"%s n\"\n", 1, "printf conversions missing");
  bad("msgid \"a\"\nmsgstr \"b\" x\n", 2, "text after the closing quote");
  bad("msgid a\nmsgstr \"b\"\n", 1, "unquoted string");
  bad("msgid \"a\"\nmsgstr \"b\"\nmsgstr \"c\"\n", 3, "duplicate msgstr");
  bad("msgid \"a\"\nmsgstr[0] \"b\"\n", 2, "msgstr[0] without msgid_plural");
  {
    hh_error e;
    CHECK(load("bad", "msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n", &e) ==
          HH_E_CATALOG); /* duplicate msgid */
    CHECK(strstr(e.text, "duplicate") != NULL);
  }

  /* missing catalog and unsafe language names */
  memset(&err, 0, sizeof err);
  CHECK(hh_i18n_load(dir, "xx-NONE", &err) == HH_E_FILE_NOT_FOUND);
  CHECK(hh_i18n_load(dir, "../tst", &err) == HH_E_USAGE);
  CHECK(hh_i18n_load(dir, "", &err) == HH_E_USAGE);
  CHECK(!strcmp(hh_tr("Score"), "得分"));

  /* the shipped catalogs load; zh-CN translates, en answers English */
  char real[600];
  snprintf(real, sizeof real, "%s/assets/i18n", HH_SOURCE_DIR);
  memset(&err, 0, sizeof err);
  CHECK(hh_i18n_load(real, "zh-CN", &err) == HH_OK);
  if (err.code) hh_error_print(&err, stderr);
  CHECK(!strcmp(hh_tr("Usage:"), "用法："));
  CHECK(!strcmp(hh_i18n_lang(), "zh-CN"));
  CHECK(hh_i18n_load(real, "en", &err) == HH_OK);
  CHECK(!strcmp(hh_tr("Usage:"), "Usage:"));
  return hh_test_done("test_i18n");
}
