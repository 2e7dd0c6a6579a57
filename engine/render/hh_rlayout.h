/* hh_rlayout.h - the HUD's layout as one pure function (hh_rlayout.c): the panel
 * rectangles (left panel, time/score, key hint, instruction box, emergency stop banner,
 * CNC key pad, drawing sheet, key help) and every text of the main HUD with its place
 * and size, for a W x H target, print mode, language (hh_i18n_lang), scenario and data.
 * The drawing code (hh_rhud.c, hh_rcnc_*.c) draws from it and the CNC camera frames the
 * work into what it leaves free, so no layout number exists twice. Widths follow the
 * measured text: the HUD font's own shaping when a font is given, else an upper bound
 * of it (hh_rcnc_text_bound: a layout planned without the font covers at least as much).
 * No GL calls; reads the model and d, never writes.
 */
#ifndef HH_RLAYOUT_H
#define HH_RLAYOUT_H
#include "../sim/hh_sim.h"

struct hh_font;

enum {
  HH_HUD_LEFT = 0, /* gauges panel (top left; top right in right-to-left reading) */
  HH_HUD_TIME,     /* time and score (top right) */
  HH_HUD_HINT,     /* CNC key-help hint under the time panel */
  HH_HUD_STEP,     /* instruction for the current step (bottom) */
  HH_HUD_ESTOP,    /* emergency stop banner (bottom, under the step box) */
  HH_HUD_PAD,      /* CNC key pad (bottom right) */
  HH_HUD_SHEET,    /* CNC drawing sheet (right column; over the left panel when small) */
  HH_HUD_HELP,     /* CNC key help list: a band over the key pad's rows (designed to
                      cover the pad and the bottom of the screen beside it) */
  HH_HUD_NPANEL
};

/* what a text is (its colour on the HUD) */
enum { HH_HT_TITLE, HH_HT_LABEL, HH_HT_VALUE, HH_HT_LIGHT, HH_HT_TIME, HH_HT_SCORE,
       HH_HT_STEP, HH_HT_ESTOP, HH_HT_HINT };

#define HH_HUD_TEXT_MAX 40
/* one text: left end of its baseline in left-to-right layout coordinates (px from the
   top left; right-to-left reading mirrors x about W when drawn), size, measured width */
typedef struct hh_hud_text {
  char s[192];
  float x, y, w; /* px */
  int px;        /* letter size (px) */
  int panel;     /* HH_HUD_* it lies in */
  int role;      /* HH_HT_* */
} hh_hud_text;

typedef struct hh_hud_layout {
  int W, H, px, large, rtl, cnc; /* target px, letter size, print, reading, CNC machine */
  float pad, line, gap;          /* px: panel padding, row pitch, gauge gap */
  float sheet_tl;                /* px: where the 4:3 large-print sheet stops short of the
                                    time panel, as the font-free plan (the CNC camera's)
                                    puts it (0: not known), so both layouts agree */
  /* panels {x0, y0, x1, y1} in left-to-right layout coordinates (hh_hud_layout_box
     gives the screen rectangle); has[i] = 0: not shown */
  float panel[HH_HUD_NPANEL][4];
  int has[HH_HUD_NPANEL];
  hh_hud_text text[HH_HUD_TEXT_MAX];
  int ntext;
  float gauge[4][3];   /* px: x0, x1, centre y of the four gauges */
  double gval[4], gmax[4], gwarn[4], galarm[4]; /* their values and marks; gmax 0: no
                                                   gauge under that row */
  int lights;          /* 1: the STS cab lights are shown */
  float light_x[3], light_y; /* px: their centres and the row's baseline */
  int time_red;        /* the countdown is in its last 30 s */
  int help_band;       /* the key help's place is set (panel[HH_HUD_HELP]) even when
                          hidden (has[HH_HUD_HELP] = 0); the CNC camera keeps clear of
                          it while it is shown */
  int help_grown;      /* the key help was too small for its band and grew over the left
                          panel or upwards (designed: it shows for seconds only) */
} hh_hud_layout;

/* lay the HUD out for a W x H target, large print or not, countdown or not, in the
   current language; font NULL: plan with the width bound (the CNC camera) */
void hh_hud_layout_make(hh_hud_layout *L, struct hh_font *font, const hh_model *m,
                        const hh_data *d, int W, int H, int large, int countdown);
/* panel i on the screen (mirrored for right-to-left): {x0, y0, x1, y1} px; 0 if absent */
int hh_hud_layout_box(const hh_hud_layout *L, int i, float r[4]);
/* copy s into out (size bytes) cut at a character boundary with "…" so that it measures
   at most maxw at px; returns its width */
float hh_hud_fit(struct hh_font *font, const char *s, int px, float maxw, char *out,
                 size_t size);
/* width of s at px: the font's shaping, or the bound without a font */
float hh_hud_measure(struct hh_font *font, const char *s, int px);

#endif
