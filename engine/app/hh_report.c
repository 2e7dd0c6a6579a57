/* hh_report.c - `--report F.html`: the debrief a teacher projects. One self-contained
 * file (inline CSS and SVG, no external fetch): header with the result, the score table
 * by section and item with clause citations, each deduction with its sim time, and the
 * plots (hh_report_svg.c). Every label goes through hh_tr. */
#include "hh_report.h"
#include "hh_report_int.h"
#include "../core/hh_i18n.h"
#include <math.h>
#include <string.h>
#include <time.h>

/* item text in the current language */
const char *hh_report_rule_text(const hh_rule *r) {
  if (!strcmp(hh_i18n_lang(), "zh-CN") && r->text_zh[0]) return r->text_zh;
  return r->text_en[0] ? r->text_en : r->id;
}

/* section title in the current language ("" for none) */
const char *hh_report_section(const hh_rubric *rb, int s) {
  if (s < 0 || s >= rb->n_sections) return hh_tr("Other");
  if (!strcmp(hh_i18n_lang(), "zh-CN") && rb->section_zh[s][0]) return rb->section_zh[s];
  if (rb->section_en[s][0]) return rb->section_en[s];
  return rb->section_name[s];
}

/* write s with HTML's special characters escaped */
void hh_html(FILE *f, const char *s) {
  for (; *s; s++) {
    switch (*s) {
      case '&': fputs("&amp;", f); break;
      case '<': fputs("&lt;", f); break;
      case '>': fputs("&gt;", f); break;
      case '"': fputs("&quot;", f); break;
      case '\'': fputs("&#39;", f); break;
      default: fputc(*s, f);
    }
  }
}

/* sim time as m:ss.s */
void hh_report_clock(char *out, size_t cap, double t) {
  if (t < 0) t = 0;
  int tenths = (int)floor(t * 10.0 + 0.5);
  snprintf(out, cap, "%d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
}

/* colour of a section (the same in the table, timeline and plots) */
const char *hh_report_color(int section) {
  static const char *pal[] = {"#d9480f", "#1971c2", "#2f9e44", "#9c36b5", "#e67700",
                              "#0c8599", "#c2255c", "#5c940d"};
  if (section < 0) return "#495057";
  return pal[section % 8];
}

/* translated name of a rule kind */
static const char *kind_text(hh_rule_kind k) {
  switch (k) {
    case HH_RULE_THRESHOLD: return hh_tr("threshold");
    case HH_RULE_EDGE: return hh_tr("each event");
    case HH_RULE_CRITICAL: return hh_tr("critical fault");
    case HH_RULE_FINAL_BAND: return hh_tr("final measurement");
    case HH_RULE_TIME_CURVE: return hh_tr("time");
    case HH_RULE_ORDER: return hh_tr("procedure order");
    case HH_RULE_PRECONDITION: return hh_tr("precondition");
    case HH_RULE_JUDGE: return hh_tr("judge's mark");
    default: return hh_tr("other");
  }
}

/* a metric's unit for display */
static const char *unit_text(const char *u) {
  if (!u) return "";
  if (!strcmp(u, "deg")) return hh_tr("deg");
  if (!strcmp(u, "count")) return hh_tr("count");
  if (!strcmp(u, "flag")) return "";
  return u;
}

/* format a number with up to 2 decimals, no trailing zeros */
void hh_report_num(char *out, size_t cap, double v) {
  snprintf(out, cap, "%.2f", v);
  char *dot = strchr(out, '.');
  if (!dot) return;
  char *e = out + strlen(out) - 1;
  while (e > dot && *e == '0') *e-- = '\0';
  if (e == dot) *e = '\0';
  if (!strcmp(out, "-0")) snprintf(out, cap, "0");
}

static const char CSS[] =
    "*{box-sizing:border-box}"
    "body{margin:0;padding:28px 40px;font-family:'Noto Sans CJK SC','Noto Sans SC','Noto Sans',"
    "'Microsoft YaHei','PingFang SC',sans-serif;color:#1d2430;background:#f4f6f8;"
    "font-size:17px;line-height:1.45}"
    "h1{font-size:30px;margin:0 0 4px}h2{font-size:22px;margin:28px 0 10px;"
    "border-left:6px solid #1971c2;padding-left:10px}"
    ".card{background:#fff;border-radius:10px;padding:18px 22px;"
    "box-shadow:0 1px 4px rgba(0,0,0,.12)}"
    ".head{display:flex;justify-content:space-between;gap:24px;align-items:center}"
    ".meta{display:grid;grid-template-columns:max-content auto;gap:2px 14px;margin-top:8px;"
    "color:#495057}.meta b{color:#1d2430;font-weight:600}"
    ".score{text-align:center;min-width:230px}"
    ".big{font-size:64px;font-weight:700;line-height:1}.max{font-size:28px;color:#868e96}"
    ".badge{display:inline-block;margin-top:8px;padding:6px 18px;border-radius:20px;"
    "font-size:22px;font-weight:700;color:#fff}"
    ".pass{background:#2f9e44}.fail{background:#e03131}"
    ".crit{margin-top:12px;padding:10px 14px;border-radius:8px;background:#fff5f5;"
    "border:2px solid #e03131;color:#c92a2a;font-weight:600}"
    ".ok{color:#2f9e44;font-weight:600}"
    "table{width:100%;border-collapse:collapse;background:#fff}"
    "th,td{padding:7px 10px;border-bottom:1px solid #dee2e6;text-align:left;vertical-align:top}"
    "th{background:#e9ecef;font-weight:600}td.n,th.n{text-align:right;white-space:nowrap}"
    "tr.sec td{background:#f1f3f5;font-weight:700;border-top:2px solid #adb5bd}"
    "tr.hit td{background:#fff4e6}tr.critical td{background:#ffe3e3}"
    ".cite{color:#495057;font-size:14px}.id{color:#868e96;font-size:13px;font-family:monospace}"
    ".sw{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:6px;"
    "vertical-align:-1px}"
    "svg{width:100%;height:auto;display:block;background:#fff;border-radius:10px;"
    "box-shadow:0 1px 4px rgba(0,0,0,.12)}"
    "svg text{font-family:inherit}"
    ".note{color:#868e96;font-size:14px;margin-top:6px}"
    "footer{margin-top:30px;color:#868e96;font-size:13px}"
    "@media print{body{background:#fff;padding:0}.card,svg{box-shadow:none}}";

/* one row of the header's key/value grid */
static void meta_row(FILE *f, const char *key, const char *val) {
  fputs("<span>", f);
  hh_html(f, key);
  fputs("</span><b>", f);
  hh_html(f, val);
  fputs("</b>\n", f);
}

/* the zero_section faults: which section each zeroed (the attempt does not fail) */
static void write_zeroed(FILE *f, const hh_rubric *rb, const hh_data *d) {
  int any = 0;
  for (int i = 0; i < rb->n_rules; i++) {
    if (!hh_report_zeroed_by(rb, &d->rubric, i)) continue;
    fputs(any ? "; " : "<div class=\"crit zs\">", f);
    if (!any) {
      hh_html(f, hh_tr("Sections zeroed (the attempt does not fail for it):"));
      fputc(' ', f);
    }
    hh_html(f, hh_report_section(rb, rb->rule[i].section));
    fputs(" &larr; ", f);
    hh_html(f, hh_report_rule_text(&rb->rule[i]));
    any = 1;
  }
  if (any) fputs("</div>\n", f);
}

/* the header card: title, attempt facts, score and result, critical faults */
static void write_header(FILE *f, const hh_model *m, const hh_data *d,
                         const hh_attempt_info *a) {
  const hh_rubric *rb = &m->rubric;
  char buf[128], num[40], num2[40];
  fputs("<div class=\"card\"><div class=\"head\"><div>\n<h1>", f);
  hh_html(f, hh_cli_title(m));
  fputs("</h1>\n<div class=\"meta\">\n", f);
  meta_row(f, hh_tr("Trainee"), a && a->trainee && a->trainee[0] ? a->trainee : "-");
  time_t t = a && a->started ? a->started : time(NULL);
  struct tm tm;
  localtime_r(&t, &tm);
  strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %z", &tm);
  meta_row(f, hh_tr("Date"), buf);
  meta_row(f, hh_tr("Scenario"), m->id);
  const char *mode = a && a->competition ? hh_tr("competition")
                     : a && a->controls && !strcmp(a->controls, "autopilot") ? hh_tr("autopilot (expert demonstration)")
                     : a && a->controls && !strcmp(a->controls, "replay") ? hh_tr("replay")
                     : hh_tr("practice");
  meta_row(f, hh_tr("Mode"), mode);
  hh_report_clock(buf, sizeof buf, d->time_s);
  if (a && a->aborted) {
    size_t k = strlen(buf);
    snprintf(buf + k, sizeof buf - k, " (%s)", hh_tr("interrupted"));
  }
  meta_row(f, hh_tr("Sim time"), buf);
  meta_row(f, hh_tr("Build"), HH_BUILD_ID);
  fputs("</div></div>\n<div class=\"score\">", f);
  hh_report_num(num, sizeof num, hh_score(m, d));
  hh_report_num(num2, sizeof num2, rb->max_score);
  fprintf(f, "<div class=\"big\">%s<span class=\"max\"> / %s</span></div>\n", num, num2);
  int passed = hh_passed(m, d);
  fprintf(f, "<div class=\"badge %s\">", passed ? "pass" : "fail");
  hh_html(f, passed ? hh_tr("PASSED") : hh_tr("NOT PASSED"));
  hh_report_num(num, sizeof num, rb->pass_score);
  fputs("</div><div class=\"note\">", f);
  fprintf(f, hh_tr("pass mark %s"), num);
  double pending = hh_rubric_pending(rb, &d->rubric);
  if (pending > 0) {
    hh_report_num(num, sizeof num, pending);
    fputs("<br>", f);
    fprintf(f, hh_tr("%s points of judgement items await a judge"), num);
  }
  fputs("</div></div></div>\n", f);
  int any = 0;
  for (int i = 0; i < rb->n_rules; i++) { /* faults that fail the attempt */
    if (!hh_report_failed_by(rb, &d->rubric, i)) continue;
    fputs(any ? "; " : "<div class=\"crit\">", f);
    if (!any) {
      hh_html(f, hh_tr("Critical faults:"));
      fputc(' ', f);
    }
    hh_html(f, hh_report_rule_text(&rb->rule[i]));
    any = 1;
  }
  if (any) fputs("</div>\n", f);
  else {
    fputs("<div class=\"note ok\">", f);
    hh_html(f, hh_tr("No critical faults."));
    fputs("</div>\n", f);
  }
  write_zeroed(f, rb, d);
  fputs("</div>\n", f);
}

/* one item row of the score table */
static void item_row(FILE *f, const hh_rubric *rb, const hh_data *d, int i) {
  const hh_rule *r = &rb->rule[i];
  const hh_rule_state *st = &d->rubric.r[i];
  char ded[40], cap[40];
  hh_report_num(ded, sizeof ded, st->deducted);
  hh_report_num(cap, sizeof cap, r->cap);
  int act = hh_report_fault_action(r);
  const char *cls = act != HH_CRIT_NONE && st->count > 0 ? " class=\"critical\""
                    : st->deducted > 0 ? " class=\"hit\"" : "";
  fprintf(f, "<tr%s><td>", cls);
  hh_html(f, hh_report_rule_text(r));
  fputs("<div class=\"id\">", f);
  hh_html(f, r->id);
  fputs(" &middot; ", f);
  hh_html(f, kind_text(r->kind));
  if (r->kind == HH_RULE_ORDER || r->kind == HH_RULE_PRECONDITION) { /* the other flag */
    fputs(" &middot; ", f);
    hh_html(f, r->kind == HH_RULE_ORDER ? hh_tr("after") : hh_tr("requires"));
    fputc(' ', f);
    hh_html(f, hh_metric_name(r->metric_b));
  }
  if (act != HH_CRIT_NONE) {
    fputs(" &middot; ", f);
    hh_html(f, act == HH_CRIT_ZERO ? hh_tr("fault: score 0")
               : act == HH_CRIT_END ? hh_tr("fault: the task ends")
               : hh_tr("fault: the section is zeroed"));
  }
  fputs("</div></td><td class=\"cite\">", f);
  hh_html(f, r->standard[0] ? r->standard : "-");
  if (r->clause[0]) {
    fputs("<br><b>", f);
    hh_html(f, hh_tr("Clause"));
    fputs(":</b> ", f);
    hh_html(f, r->clause);
  }
  fputs("</td>", f);
  if (act == HH_CRIT_ZERO_SECTION && st->count > 0) { /* the points it took */
    fprintf(f, "<td class=\"n\">-</td><td class=\"n\">%s &minus;%s</td>", hh_tr("FAULT"), ded);
  } else if (r->kind == HH_RULE_CRITICAL || (act != HH_CRIT_NONE && act != HH_CRIT_ZERO_SECTION)) {
    fprintf(f, "<td class=\"n\">-</td><td class=\"n\">%s</td>",
            st->count > 0 ? hh_tr("FAULT") : "0");
  } else if (r->kind == HH_RULE_JUDGE) { /* left open for a judge */
    char aw[40];
    hh_report_num(aw, sizeof aw, st->awarded);
    fprintf(f, "<td class=\"n\">%s</td><td class=\"n\">", cap);
    if (r->section >= 0 && r->section < rb->n_sections && d->rubric.sec_zeroed[r->section])
      hh_html(f, hh_tr("not counted (section zeroed)"));
    else if (st->judged) fprintf(f, "+%s", aw);
    else hh_html(f, hh_tr("pending: awaiting a judge"));
    fputs("</td>", f);
  } else
    fprintf(f, "<td class=\"n\">%s</td><td class=\"n\">%s%s</td>", cap,
            st->deducted > 0 ? "&minus;" : "", ded);
  fprintf(f, "<td class=\"n\">%d</td></tr>\n", st->count);
}

/* the score table: one block per section with its subtotal, then the items */
static void write_items(FILE *f, const hh_model *m, const hh_data *d) {
  const hh_rubric *rb = &m->rubric;
  fputs("<h2>", f);
  hh_html(f, hh_tr("Score by section and item"));
  fputs("</h2>\n<table>\n<tr><th>", f);
  hh_html(f, hh_tr("Item"));
  fputs("</th><th>", f);
  hh_html(f, hh_tr("Standard and clause"));
  fputs("</th><th class=\"n\">", f);
  hh_html(f, hh_tr("Max"));
  fputs("</th><th class=\"n\">", f);
  hh_html(f, hh_tr("Deducted"));
  fputs("</th><th class=\"n\">", f);
  hh_html(f, hh_tr("Count"));
  fputs("</th></tr>\n", f);
  for (int s = -1; s < rb->n_sections; s++) {
    double cap = 0, ded = 0;
    int n = 0;
    for (int i = 0; i < rb->n_rules; i++) {
      if (rb->rule[i].section != s) continue;
      n++;
      if (rb->rule[i].kind != HH_RULE_CRITICAL) cap += rb->rule[i].cap;
      ded += d->rubric.r[i].deducted;
    }
    if (!n) continue;
    double lim = HUGE_VAL;
    if (s >= 0 && rb->compiled) { /* the section's own value and limit, when it has them */
      lim = rb->section_limit[s];
      if (rb->section_value[s] > 0) cap = rb->section_value[s];
      else if (isfinite(lim) && cap > lim + rb->section_judge[s]) cap = lim + rb->section_judge[s];
      ded = d->rubric.sec_deducted[s]; /* what the section lost, within its limit */
    }
    char a[40], b[40];
    hh_report_num(a, sizeof a, cap);
    hh_report_num(b, sizeof b, ded);
    fprintf(f, "<tr class=\"sec\"><td colspan=\"2\"><span class=\"sw\" style=\"background:%s\">"
            "</span>", hh_report_color(s));
    hh_html(f, hh_report_section(rb, s));
    if (s >= 0 && rb->section_cap[s] > 0 && isfinite(lim)) { /* its cap: deductions stop there */
      char l[40];
      hh_report_num(l, sizeof l, lim);
      fputs(" <span class=\"id\">", f);
      fprintf(f, hh_tr("(deductions capped at %s)"), l);
      fputs("</span>", f);
    }
    if (s >= 0 && d->rubric.sec_zeroed[s]) {
      fputs(" <span class=\"id\">", f);
      hh_html(f, hh_tr("(section zeroed)"));
      fputs("</span>", f);
    }
    fprintf(f, "</td><td class=\"n\">%s</td><td class=\"n\">%s%s</td><td></td></tr>\n", a,
            ded > 0 ? "&minus;" : "", b);
    for (int i = 0; i < rb->n_rules; i++)
      if (rb->rule[i].section == s) item_row(f, rb, d, i);
  }
  fputs("</table>\n", f);
}

/* the list of deductions from the event log, each with its sim time */
static void write_events(FILE *f, const hh_model *m, const hh_data *d) {
  const hh_rubric *rb = &m->rubric;
  const hh_rubric_state *st = &d->rubric;
  fputs("<h2>", f);
  hh_html(f, hh_tr("Deductions in order"));
  fputs("</h2>\n", f);
  if (st->log_len == 0) {
    fputs("<div class=\"card ok\">", f);
    hh_html(f, hh_tr("No deductions: every item was met."));
    fputs("</div>\n", f);
    return;
  }
  fputs("<table>\n<tr><th class=\"n\">#</th><th class=\"n\">", f);
  hh_html(f, hh_tr("Sim time"));
  fputs("</th><th>", f);
  hh_html(f, hh_tr("Item"));
  fputs("</th><th class=\"n\">", f);
  hh_html(f, hh_tr("Measured"));
  fputs("</th><th class=\"n\">", f);
  hh_html(f, hh_tr("Points"));
  fputs("</th></tr>\n", f);
  for (int k = 0; k < st->log_len; k++) {
    const hh_event *e = &st->log[k];
    if (e->rule < 0 || e->rule >= rb->n_rules) continue;
    const hh_rule *r = &rb->rule[e->rule];
    char t[32], v[40], p[40];
    hh_report_clock(t, sizeof t, e->time_s);
    hh_report_num(v, sizeof v, e->value);
    hh_report_num(p, sizeof p, e->deducted);
    fprintf(f, "<tr%s><td class=\"n\">%d</td><td class=\"n\">%s</td><td>"
            "<span class=\"sw\" style=\"background:%s\"></span>",
            hh_report_fault_action(r) != HH_CRIT_NONE ? " class=\"critical\"" : "", k + 1, t,
            hh_report_color(r->section));
    hh_html(f, hh_report_rule_text(r));
    fputs(" <span class=\"cite\">[", f);
    hh_html(f, r->clause[0] ? r->clause : r->id);
    fprintf(f, "]</span></td><td class=\"n\">%s %s</td><td class=\"n\">", v,
            unit_text(hh_metric_unit(r->metric)));
    int act = hh_report_fault_action(r);
    if (act == HH_CRIT_ZERO_SECTION) fprintf(f, "%s &minus;%s", hh_tr("FAULT"), p);
    else if (act != HH_CRIT_NONE) hh_html(f, hh_tr("FAULT"));
    else fprintf(f, "&minus;%s", p);
    fputs("</td></tr>\n", f);
  }
  fputs("</table>\n", f);
  if (st->log_dropped > 0) {
    fputs("<div class=\"note\">", f);
    fprintf(f, hh_tr("%d further deductions were counted but not logged (log full)."),
            st->log_dropped);
    fputs("</div>\n", f);
  }
}

typedef struct report_ctx {
  const hh_model *m;
  const hh_data *d;
  const hh_trace *t;
  const hh_attempt_info *a;
} report_ctx;

/* the whole document */
static int write_doc(FILE *f, void *ctx) {
  const report_ctx *c = ctx;
  fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          hh_i18n_lang());
  hh_html(f, hh_tr("Debrief"));
  fputs(" - ", f);
  hh_html(f, hh_cli_title(c->m));
  fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n", CSS);
  write_header(f, c->m, c->d, c->a);
  write_items(f, c->m, c->d);
  write_events(f, c->m, c->d);
  hh_report_plots(f, c->m, c->d, c->t);
  fputs("<footer>", f);
  hh_html(f, hh_tr("Generated by Haihe"));
  fprintf(f, " %s &middot; ", HH_BUILD_ID);
  hh_html(f, hh_tr("State hash"));
  fprintf(f, " %016llx", (unsigned long long)hh_data_hash(c->d));
  if (c->a && c->a->replay) {
    fputs(" &middot; ", f);
    hh_html(f, hh_tr("Replay"));
    fputc(' ', f);
    hh_html(f, c->a->replay);
  }
  fputs("</footer>\n</body>\n</html>\n", f);
  return 0;
}

/* write the debrief of (m, d) to path atomically */
int hh_report_write(const char *path, const hh_model *m, const hh_data *d,
                    const hh_trace *t, const hh_attempt_info *a, hh_error *err) {
  report_ctx c = {m, d, t, a};
  return hh_file_atomic(path, write_doc, &c, err);
}
