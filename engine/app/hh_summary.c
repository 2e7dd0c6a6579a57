/* hh_summary.c - the end-of-run summary in the chosen language. */
#include "hh_cli.h"
#include "hh_report.h"
#include "../core/hh_i18n.h"
#include <string.h>

/* item text in the current language */
static const char *rule_text(const hh_rule *r) {
  if (!strcmp(hh_i18n_lang(), "zh-CN") && r->text_zh[0]) return r->text_zh;
  return r->text_en[0] ? r->text_en : r->id;
}

/* print the end-of-run summary through hh_tr */
void hh_cli_print_summary(FILE *out, const hh_model *m, const hh_data *d) {
  const hh_rubric *rb = &m->rubric;
  fprintf(out, hh_tr("Scenario: %s (%s)\n"), hh_cli_title(m), m->id);
  fprintf(out, hh_tr("Score: %.2f / %.2f\n"), hh_score(m, d), rb->max_score);
  fprintf(out, "%s\n", hh_passed(m, d) ? hh_tr("Result: passed") : hh_tr("Result: not passed"));
  fprintf(out, "%s\n", hh_tr("Items:"));
  if (rb->n_rules == 0) fprintf(out, "  %s\n", hh_tr("(none)"));
  for (int i = 0; i < rb->n_rules; i++) {
    const hh_rule *r = &rb->rule[i];
    const hh_rule_state *st = &d->rubric.r[i];
    char pts[32], cnt[32];
    if (st->deducted != 0.0) snprintf(pts, sizeof pts, "-%.2f", st->deducted);
    else snprintf(pts, sizeof pts, "0");
    snprintf(cnt, sizeof cnt, hh_tr("x%d"), st->count);
    fprintf(out, "  %-20s %8s  %-6s %s", r->id, pts, cnt, rule_text(r));
    if (r->clause[0]) fprintf(out, "  [%s: %s]", r->standard, r->clause);
    fputc('\n', out);
  }
  fprintf(out, "%s", hh_tr("Critical faults:"));
  int any = 0;
  for (int i = 0; i < rb->n_rules; i++) {
    if (!hh_report_failed_by(rb, &d->rubric, i)) continue; /* faults that fail it */
    fprintf(out, " %s (%s)", rb->rule[i].id, rule_text(&rb->rule[i]));
    any = 1;
  }
  fprintf(out, "%s\n", any ? "" : hh_tr(" none"));
  for (int i = 0; i < rb->n_rules; i++) /* zero_section faults: the attempt goes on */
    if (hh_report_zeroed_by(rb, &d->rubric, i))
      fprintf(out, hh_tr("Section zeroed: %s by %s (%s)\n"), rb->section_name[rb->rule[i].section],
              rb->rule[i].id, rule_text(&rb->rule[i]));
  fprintf(out, hh_tr("Sim time: %.2f s\n"), d->time_s);
  fprintf(out, hh_tr("Ticks: %llu\n"), (unsigned long long)d->tick);
  fprintf(out, hh_tr("State hash: %016llx\n"), (unsigned long long)hh_data_hash(d));
}
