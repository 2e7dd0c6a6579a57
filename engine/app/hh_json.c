/* hh_json.c - the --json result object, written to F.tmp and renamed into place. */
#define _DEFAULT_SOURCE
#include "hh_cli.h"
#include "hh_report.h"
#include "../core/hh_i18n.h"
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* length of a valid UTF-8 sequence starting at s (1-4), 0 if invalid */
static int utf8_len(const unsigned char *s) {
  if (s[0] < 0x80) return 1;
  int n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
  if (!n || s[0] > 0xF4) return 0;
  for (int i = 1; i < n; i++)
    if ((s[i] & 0xC0) != 0x80) return 0;
  if (n == 3 && s[0] == 0xE0 && s[1] < 0xA0) return 0;           /* overlong */
  if (n == 3 && s[0] == 0xED && s[1] >= 0xA0) return 0;          /* surrogate */
  if (n == 4 && s[0] == 0xF0 && s[1] < 0x90) return 0;           /* overlong */
  if (n == 4 && s[0] == 0xF4 && s[1] >= 0x90) return 0;          /* > U+10FFFF */
  return n;
}

/* write s as a JSON string: escapes quotes, backslash and control characters, passes
   valid UTF-8 through and replaces invalid bytes with U+FFFD */
static void json_str(FILE *f, const char *s) {
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *)s; *p;) {
    unsigned char c = *p;
    if (c == '"' || c == '\\') {
      fputc('\\', f);
      fputc(c, f);
      p++;
    } else if (c < 0x20 || c == 0x7F) {
      switch (c) {
        case '\n': fputs("\\n", f); break;
        case '\t': fputs("\\t", f); break;
        case '\r': fputs("\\r", f); break;
        case '\b': fputs("\\b", f); break;
        case '\f': fputs("\\f", f); break;
        default: fprintf(f, "\\u%04x", c);
      }
      p++;
    } else {
      int n = utf8_len(p);
      if (n) {
        fwrite(p, 1, (size_t)n, f);
        p += n;
      } else {
        fputs("\\ufffd", f);
        p++;
      }
    }
  }
  fputc('"', f);
}

/* write a number with the fewest digits that read back to the same double */
static void json_num(FILE *f, double v) {
  if (!isfinite(v)) {
    fputs("null", f);
    return;
  }
  char buf[40];
  for (int prec = 15; prec <= 17; prec++) {
    snprintf(buf, sizeof buf, "%.*g", prec, v);
    if (strtod(buf, NULL) == v) break;
  }
  fputs(buf, f);
}

/* write the result object of (m, d) to f */
static void write_result(FILE *f, const hh_model *m, const hh_data *d) {
  const hh_rubric *rb = &m->rubric;
  fputs("{\n  \"scenario\": ", f);
  json_str(f, m->id);
  fputs(",\n  \"score\": ", f);
  json_num(f, hh_score(m, d));
  fputs(",\n  \"max_score\": ", f);
  json_num(f, rb->max_score);
  fprintf(f, ",\n  \"passed\": %s", hh_passed(m, d) ? "true" : "false");
  fputs(",\n  \"items\": [", f);
  for (int i = 0; i < rb->n_rules; i++) {
    const hh_rule_state *st = &d->rubric.r[i];
    fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", f);
    json_str(f, rb->rule[i].id);
    fputs(", \"deducted\": ", f);
    json_num(f, st->deducted);
    fprintf(f, ", \"count\": %d, \"clause\": ", st->count);
    json_str(f, rb->rule[i].clause);
    fputc('}', f);
  }
  fputs(rb->n_rules ? "\n  ],\n  \"critical\": [" : "],\n  \"critical\": [", f);
  int first = 1;
  for (int i = 0; i < rb->n_rules; i++) { /* faults that fail the attempt (zero, end) */
    if (!hh_report_failed_by(rb, &d->rubric, i)) continue;
    if (!first) fputs(", ", f);
    json_str(f, rb->rule[i].id);
    first = 0;
  }
  fputs("],\n  \"section_zeroed\": [", f); /* zero_section faults: {id, section} */
  first = 1;
  for (int i = 0; i < rb->n_rules; i++) {
    if (!hh_report_zeroed_by(rb, &d->rubric, i)) continue;
    fputs(first ? "{\"id\": " : ", {\"id\": ", f);
    json_str(f, rb->rule[i].id);
    fputs(", \"section\": ", f);
    int s = rb->rule[i].section;
    json_str(f, s >= 0 && s < rb->n_sections ? rb->section_name[s] : "");
    fputc('}', f);
    first = 0;
  }
  fputs("],\n  \"sim_seconds\": ", f);
  json_num(f, d->time_s);
  fprintf(f, ",\n  \"ticks\": %llu", (unsigned long long)d->tick);
  fprintf(f, ",\n  \"state_hash\": \"%016llx\"", (unsigned long long)hh_data_hash(d));
  fputs(",\n  \"build\": ", f);
  json_str(f, HH_BUILD_ID);
  fputs("\n}\n", f);
}

/* the result object of (m, d) as a new string (free()) */
char *hh_cli_json_string(const hh_model *m, const hh_data *d) {
  char *buf = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&buf, &n);
  if (!f) return NULL;
  write_result(f, m, d);
  int bad = ferror(f);
  if (fclose(f) != 0 || bad) {
    free(buf);
    return NULL;
  }
  return buf;
}

/* write the result object of (m, d) to path through path.tmp */
int hh_cli_write_json(const char *path, const hh_model *m, const hh_data *d,
                      hh_error *err) {
  char tmp[HH_PATH + 8];
  if (strlen(path) >= HH_PATH)
    return hh_error_set(err, HH_E_FILE_WRITE, path, 0, 0, hh_tr("path too long"));
  snprintf(tmp, sizeof tmp, "%s.tmp", path);
  FILE *f = fopen(tmp, "w");
  if (!f)
    return hh_error_set(err, HH_E_FILE_WRITE, tmp, 0, 0, hh_tr("cannot create: %s"),
                        strerror(errno));
  write_result(f, m, d);
  int bad = ferror(f);
  bad |= fclose(f) != 0;
  if (bad || rename(tmp, path) != 0) {
    int e = errno;
    remove(tmp);
    return hh_error_set(err, HH_E_FILE_WRITE, path, 0, 0, hh_tr("cannot write: %s"), strerror(e));
  }
  return HH_OK;
}
