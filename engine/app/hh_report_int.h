/* hh_report_int.h - helpers shared by the debrief files (hh_report*.c). */
#ifndef HH_REPORT_INT_H
#define HH_REPORT_INT_H
#include "hh_report.h"

/* write s with HTML special characters escaped */
void hh_html(FILE *f, const char *s);
/* sim time as m:ss.s */
void hh_report_clock(char *out, size_t cap, double t);
/* the colour of a section (-1: none) */
const char *hh_report_color(int section);
/* a number with at most 2 decimals, no trailing zeros */
void hh_report_num(char *out, size_t cap, double v);
/* the timeline and metric plots as inline SVG */
void hh_report_plots(FILE *f, const hh_model *m, const hh_data *d, const hh_trace *t);

#endif
