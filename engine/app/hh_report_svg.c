/* hh_report_svg.c - the debrief's plots as inline SVG: deductions on a timeline, sway
 * angle against time with the limit lines of the rules that read it, and drive speeds
 * against time; deduction times are marked on every plot. */
#include "hh_report_int.h"
#include "../core/hh_i18n.h"
#include <math.h>
#include <string.h>

#define W 1000.0   /* viewBox width */
#define L 72.0     /* left margin (axis labels) */
#define R 24.0
#define T 44.0     /* top margin (title) */
#define B 46.0     /* bottom margin (time axis) */

/* A plotted line. */
typedef struct series {
  int col;              /* HH_TRACE_* */
  const char *label;
  const char *color;
  double scale;         /* multiply samples by this (1 = as sampled) */
} series;

/* a "nice" step (1, 2, 5 x 10^k) giving about n intervals over span */
static double nice_step(double span, int n) {
  if (!(span > 0)) return 1;
  double raw = span / n, p = pow(10, floor(log10(raw))), r = raw / p;
  return (r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10) * p;
}

/* the time span drawn: the attempt's length, at least 1 s */
static double time_span(const hh_data *d, const hh_trace *t) {
  double end = d->time_s;
  if (t && t->n > 0 && t->v[t->n - 1][HH_TRACE_TIME] > end) end = t->v[t->n - 1][HH_TRACE_TIME];
  return end > 1 ? end : 1;
}

/* time axis: ticks and labels along the bottom of a plot of height h */
static void time_axis(FILE *f, double span, double h) {
  double step = nice_step(span, 10), x1 = W - R, y = h - B;
  fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#495057\"/>\n", L,
          y, x1, y);
  for (double s = 0; s <= span + 1e-9; s += step) {
    double x = L + (x1 - L) * s / span;
    fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#495057\"/>"
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"14\" text-anchor=\"middle\" fill=\"#495057\">%g"
            "</text>\n", x, y, x, y + 5, x, y + 21, s);
  }
  fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"14\" text-anchor=\"end\" fill=\"#495057\">",
          x1, h - 6);
  hh_html(f, hh_tr("sim time (s)"));
  fputs("</text>\n", f);
}

/* dashed vertical lines at each deduction, numbered as in the table */
static void event_marks(FILE *f, const hh_model *m, const hh_data *d, double span, double h) {
  for (int k = 0; k < d->rubric.log_len; k++) {
    const hh_event *e = &d->rubric.log[k];
    if (e->rule < 0 || e->rule >= m->rubric.n_rules) continue;
    double x = L + (W - R - L) * e->time_s / span;
    const char *c = hh_report_color(m->rubric.rule[e->rule].section);
    fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
            "stroke-width=\"1.5\" stroke-dasharray=\"4 3\" opacity=\"0.8\"/>"
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" fill=\"%s\">%d</text>\n",
            x, T, x, h - B, c, x, T - 4, c, k + 1);
  }
}

/* the title of a plot at its top left */
static void title(FILE *f, const char *s) {
  fprintf(f, "<text x=\"%.1f\" y=\"26\" font-size=\"19\" font-weight=\"700\" fill=\"#1d2430\">", L);
  hh_html(f, s);
  fputs("</text>\n", f);
}

/* light red bands where the sway limit's gate metric is on (the limit applies) */
static void gate_shading(FILE *f, const hh_trace *t, double span, double y0, double y1) {
  int start = -1;
  for (int i = 0; i <= t->n; i++) {
    int on = i < t->n && t->v[i][HH_TRACE_GATE] != 0;
    if (on && start < 0) start = i;
    if (on || start < 0) continue;
    double a = L + (W - R - L) * t->v[start][HH_TRACE_TIME] / span;
    double b = L + (W - R - L) * t->v[i - 1][HH_TRACE_TIME] / span;
    fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#ffe3e3\" "
            "opacity=\"0.8\"/>\n", a, y0, b - a > 2 ? b - a : 2, y1 - y0);
    start = -1;
  }
  fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"22\" height=\"12\" fill=\"#ffe3e3\"/>"
          "<text x=\"%.1f\" y=\"%.1f\" font-size=\"15\" fill=\"#1d2430\">", L + 500, 13.0,
          L + 528, 24.0);
  hh_html(f, hh_tr("where the limit applies"));
  fprintf(f, " (%s)</text>\n", hh_metric_name(t->gate_metric));
}

/* one line plot of trace columns with the limits of threshold rules on metric */
static void plot(FILE *f, const hh_model *m, const hh_data *d, const hh_trace *t,
                 const char *name, const char *unit, const series *s, int ns, int metric,
                 double lo_min) {
  const double h = 330, y0 = T, y1 = h - B;
  double span = time_span(d, t), lo = lo_min, hi = lo_min + 0.1;
  for (int k = 0; k < ns; k++)
    for (int i = 0; t && i < t->n; i++) {
      double v = t->v[i][s[k].col] * s[k].scale;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  const hh_rubric *rb = &m->rubric;
  for (int i = 0; i < rb->n_rules; i++) {
    const hh_rule *r = &rb->rule[i];
    if (r->kind != HH_RULE_THRESHOLD || r->metric != metric) continue;
    if (r->limit > hi) hi = r->limit;
    if (r->limit < lo) lo = r->limit;
  }
  double step = nice_step(hi - lo, 5);
  lo = floor(lo / step) * step;
  hi = ceil(hi / step * 1.0001) * step;
  if (hi - lo < step) hi = lo + step;
#define PY(v) (y1 - (y1 - y0) * ((v) - lo) / (hi - lo))
#define PX(s_) (L + (W - R - L) * (s_) / span)
  fprintf(f, "<svg viewBox=\"0 0 %.0f %.0f\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">\n",
          W, h);
  char label[160];
  snprintf(label, sizeof label, "%s (%s)", name, unit);
  title(f, label);
  for (double v = lo; v <= hi + step * 1e-6; v += step) {
    char num[40];
    hh_report_num(num, sizeof num, fabs(v) < step * 1e-6 ? 0 : v);
    fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e9ecef\"/>"
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"14\" text-anchor=\"end\" fill=\"#495057\">%s</text>\n",
            L, PY(v), W - R, PY(v), L - 8, PY(v) + 5, num);
  }
  if (metric == HH_M_SWAY_ANGLE && t && t->gate_metric >= 0) gate_shading(f, t, span, y0, y1);
  event_marks(f, m, d, span, h);
  for (int i = 0; i < rb->n_rules; i++) { /* the limits, labelled */
    const hh_rule *r = &rb->rule[i];
    if (r->kind != HH_RULE_THRESHOLD || r->metric != metric) continue;
    char num[40];
    hh_report_num(num, sizeof num, r->limit);
    fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e03131\" "
            "stroke-width=\"2\" stroke-dasharray=\"10 5\"/>"
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"14\" fill=\"#c92a2a\" stroke=\"#fff\" "
            "stroke-width=\"4\" paint-order=\"stroke\">",
            L, PY(r->limit), W - R, PY(r->limit), L + 6, PY(r->limit) - 6);
    hh_html(f, hh_tr("limit"));
    fprintf(f, " %s %s", num, unit);
    if (r->when >= 0) {
      fputs(" (", f);
      hh_html(f, hh_tr("when"));
      fputc(' ', f);
      hh_html(f, hh_metric_name(r->when));
      fputc(')', f);
    }
    fputs("</text>\n", f);
  }
  for (int k = 0; k < ns && t; k++) {
    fprintf(f, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"2.2\" stroke-linejoin=\"round\" d=\"",
            s[k].color);
    for (int i = 0; i < t->n; i++)
      fprintf(f, "%c%.1f %.1f", i ? 'L' : 'M', PX(t->v[i][HH_TRACE_TIME]),
              PY(t->v[i][s[k].col] * s[k].scale));
    fputs("\"/>\n", f);
    double lx = L + 330 + 170 * k; /* legend along the top */
    fprintf(f, "<rect x=\"%.1f\" y=\"16\" width=\"22\" height=\"5\" fill=\"%s\"/>"
            "<text x=\"%.1f\" y=\"24\" font-size=\"15\" fill=\"#1d2430\">", lx, s[k].color,
            lx + 28);
    hh_html(f, s[k].label);
    fputs("</text>\n", f);
  }
  time_axis(f, span, h);
  fputs("</svg>\n", f);
#undef PY
#undef PX
}

/* the deductions on one time line, one marker per logged event, with the end of task */
static void timeline(FILE *f, const hh_model *m, const hh_data *d, const hh_trace *t) {
  const hh_rubric *rb = &m->rubric;
  double span = time_span(d, t);
  int rows[64];
  int nrow = 1;
  double lastx[4] = {-1e9, -1e9, -1e9, -1e9};
  for (int k = 0; k < d->rubric.log_len && k < 64; k++) { /* dodge close markers */
    double x = L + (W - R - L) * d->rubric.log[k].time_s / span;
    int r = 0;
    while (r < 3 && x - lastx[r] < 22) r++;
    rows[k] = r;
    lastx[r] = x;
    if (r + 1 > nrow) nrow = r + 1;
  }
  const double h = T + 30 * nrow + 30 + B;
  fprintf(f, "<svg viewBox=\"0 0 %.0f %.0f\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">\n",
          W, h);
  title(f, hh_tr("Deductions on the timeline"));
  double base = h - B;
  fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"8\" rx=\"4\" fill=\"#dee2e6\"/>\n",
          L, base - 10, W - R - L);
  for (int k = 0; k < d->rubric.log_len; k++) {
    const hh_event *e = &d->rubric.log[k];
    if (e->rule < 0 || e->rule >= rb->n_rules) continue;
    const hh_rule *r = &rb->rule[e->rule];
    double x = L + (W - R - L) * e->time_s / span;
    double y = base - 30 - 30 * (k < 64 ? rows[k] : 0);
    const char *c = hh_report_fault_action(r) != HH_CRIT_NONE ? "#e03131" : hh_report_color(r->section);
    fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", x, y,
            x, base - 6, c);
    if (hh_report_fault_action(r) != HH_CRIT_NONE)
      fprintf(f, "<path d=\"M%.1f %.1fl11 19h-22z\" fill=\"%s\"/>", x, y - 13, c);
    else
      fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"11\" fill=\"%s\"/>", x, y, c);
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" font-weight=\"700\" "
            "text-anchor=\"middle\" fill=\"#fff\">%d</text>\n", x, y + 4, k + 1);
    fputs("<title>", f);
    hh_html(f, hh_report_rule_text(r));
    fputs("</title>\n", f);
  }
  double xe = L + (W - R - L) * d->time_s / span;
  fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#1d2430\" "
          "stroke-width=\"3\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" text-anchor=\"end\" "
          "fill=\"#1d2430\">", xe, base - 16, xe, base + 2, xe - 4, T - 18 + 20);
  hh_html(f, hh_tr("end"));
  fputs("</text>\n", f);
  double lx = L + 380; /* section legend */
  for (int s = 0; s < rb->n_sections && s < 6; s++, lx += 110) {
    fprintf(f, "<circle cx=\"%.1f\" cy=\"20\" r=\"6\" fill=\"%s\"/><text x=\"%.1f\" y=\"25\" "
            "font-size=\"14\" fill=\"#1d2430\">", lx, hh_report_color(s), lx + 10);
    hh_html(f, hh_report_section(rb, s));
    fputs("</text>\n", f);
  }
  time_axis(f, span, h);
  fputs("</svg>\n", f);
}

/* the plots section of the debrief */
void hh_report_plots(FILE *f, const hh_model *m, const hh_data *d, const hh_trace *t) {
  fputs("<h2>", f);
  hh_html(f, hh_tr("Timeline"));
  fputs("</h2>\n", f);
  timeline(f, m, d, t);
  fputs("<h2>", f);
  hh_html(f, hh_tr("Sway and speeds against time"));
  fputs("</h2>\n", f);
  series sway[] = {{HH_TRACE_SWAY, hh_tr("sway angle"), "#1971c2", 1.0}};
  plot(f, m, d, t, hh_tr("Sway angle"), hh_tr("deg"), sway, 1, HH_M_SWAY_ANGLE, 0.0);
  fputs("<div style=\"height:14px\"></div>\n", f);
  series sp[] = {{HH_TRACE_TROLLEY, hh_tr("trolley"), "#e8590c", 1.0},
                 {HH_TRACE_HOIST, hh_tr("hoist (+ up)"), "#2f9e44", 1.0},
                 {HH_TRACE_GANTRY, hh_tr("gantry"), "#7048e8", 1.0}};
  plot(f, m, d, t, hh_tr("Drive speeds"), "m/s", sp, 3, HH_M_TROLLEY_SPEED, 0.0);
  fputs("<div class=\"note\">", f);
  hh_html(f, hh_tr("Numbered dashed lines mark the deductions listed above."));
  fputs("</div>\n", f);
}
