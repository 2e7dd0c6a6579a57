/* hh_csv.c - `--csv F`: the rubric items of an attempt as CSV (RFC 4180: CRLF line
 * ends, fields with a comma, quote or line break are quoted, quotes doubled; UTF-8). */
#include "hh_report.h"
#include "../core/hh_i18n.h"
#include <string.h>

/* one field, quoted when it needs to be */
static void field(FILE *f, const char *s) {
  if (!strpbrk(s, ",\"\r\n")) {
    fputs(s, f);
    return;
  }
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"') fputc('"', f);
    fputc(*s, f);
  }
  fputc('"', f);
}

typedef struct csv_ctx {
  const hh_model *m;
  const hh_data *d;
} csv_ctx;

/* the header row and one row per item */
static int write_csv(FILE *f, void *ctx) {
  const csv_ctx *c = ctx;
  const hh_rubric *rb = &c->m->rubric;
  fputs("id,section,deducted,count,max,standard,clause,text\r\n", f);
  for (int i = 0; i < rb->n_rules; i++) {
    const hh_rule *r = &rb->rule[i];
    const hh_rule_state *st = &c->d->rubric.r[i];
    char num[3][40];
    snprintf(num[0], sizeof num[0], "%.6g", st->deducted);
    snprintf(num[1], sizeof num[1], "%d", st->count);
    snprintf(num[2], sizeof num[2], "%.6g", r->cap);
    field(f, r->id);
    fputc(',', f);
    field(f, r->section >= 0 && r->section < rb->n_sections ? rb->section_name[r->section] : "");
    fprintf(f, ",%s,%s,%s,", num[0], num[1], num[2]);
    field(f, r->standard);
    fputc(',', f);
    field(f, r->clause);
    fputc(',', f);
    field(f, hh_report_rule_text(r));
    fputs("\r\n", f);
  }
  return 0;
}

/* write the items of (m, d) to path atomically */
int hh_csv_write(const char *path, const hh_model *m, const hh_data *d, hh_error *err) {
  csv_ctx c = {m, d};
  return hh_file_atomic(path, write_csv, &c, err);
}
