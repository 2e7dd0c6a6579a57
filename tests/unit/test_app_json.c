/* test_app_json.c - the --json result object: escaping, UTF-8, numbers, atomic write. */
#include "hh_test.h"
#include "app/hh_cli.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* read a whole file as a string */
static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  static char buf[65536];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  buf[n] = '\0';
  fclose(f);
  return buf;
}

int main(void) {
  char dir[512], path[600], tmp[620];
  snprintf(dir, sizeof dir, "%s/test_app_json_tmp", HH_BUILD_DIR);
  mkdir(dir, 0755);
  snprintf(path, sizeof path, "%s/r.json", dir);
  snprintf(tmp, sizeof tmp, "%s.tmp", path);

  static hh_model m;
  hh_model_defaults(&m);
  /* quote, backslash, newline, a control byte, Chinese, and an invalid byte */
  snprintf(m.id, sizeof m.id, "a\"b\\c\n\x01中\xff");
  m.rubric.n_rules = 2;
  snprintf(m.rubric.rule[0].id, sizeof m.rubric.rule[0].id, "sway");
  snprintf(m.rubric.rule[0].clause, sizeof m.rubric.rule[0].clause, "5.2\t稳定");
  m.rubric.rule[0].kind = HH_RULE_THRESHOLD;
  snprintf(m.rubric.rule[1].id, sizeof m.rubric.rule[1].id, "drop");
  m.rubric.rule[1].kind = HH_RULE_CRITICAL;
  static hh_data d;
  memset(&d, 0, sizeof d);
  d.tick = 4148;
  d.time_s = 69.25;
  d.rubric.r[0].deducted = 0.1;  /* not exact in binary: must round-trip */
  d.rubric.r[0].count = 2;
  d.rubric.r[1].count = 1;       /* this critical rule fired */
  d.rubric.critical = 1;
  d.rubric_enabled = 1;

  hh_error err;
  memset(&err, 0, sizeof err);
  remove(path);
  CHECK(hh_cli_write_json(path, &m, &d, &err) == HH_OK);
  struct stat st;
  CHECK(stat(tmp, &st) != 0);
  char *s = slurp(path);
  CHECK(s != NULL);
  if (!s) return hh_test_done("test_app_json");
  CHECK(strstr(s, "\"scenario\": \"a\\\"b\\\\c\\n\\u0001中\\ufffd\"") != NULL);
  CHECK(strstr(s, "\"clause\": \"5.2\\t稳定\"") != NULL);
  CHECK(strstr(s, "\"deducted\": 0.1,") != NULL);
  CHECK(strstr(s, "\"count\": 2") != NULL);
  CHECK(strstr(s, "\"critical\": [\"drop\"]") != NULL);
  CHECK(strstr(s, "\"ticks\": 4148") != NULL);
  CHECK(strstr(s, "\"sim_seconds\": 69.25,") != NULL);
  CHECK(strstr(s, "\"passed\": false") != NULL); /* a critical fault never passes */
  CHECK(strstr(s, "\"max_score\": 100") != NULL);
  CHECK(strstr(s, "\"build\": \"" HH_BUILD_ID "\"") != NULL);
  char hash[64];
  snprintf(hash, sizeof hash, "\"state_hash\": \"%016llx\"",
           (unsigned long long)hh_data_hash(&d));
  CHECK(strstr(s, hash) != NULL);
  /* no raw control byte and no invalid UTF-8 leaks into the file */
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    CHECK(*p >= 0x20 || *p == '\n');
    CHECK(*p != 0xff);
  }
  if (strstr(s, "\"scenario\"") == NULL) fputs(s, stderr);

  /* an unwritable place is an E102 naming the file, and leaves nothing behind */
  CHECK(hh_cli_write_json("/nonexistent-dir/r.json", &m, &d, &err) == HH_E_FILE_WRITE);
  CHECK(strstr(err.file, "/nonexistent-dir/r.json") != NULL);
  return hh_test_done("test_app_json");
}
