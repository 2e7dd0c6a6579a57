/* hh_rcnc_help.c - the key help of the CNC operator panel on the HUD: a one-line hint
 * under the time/score panel ("Ctrl+H: key help", placed and drawn from the HUD
 * layout, hh_rlayout.c) and, for the first HH_RCNC_HELP_START_S seconds or while
 * toggled on, the list of desktop bindings in columns over the key pad (the work zone
 * the camera frames stays visible). The lines come from the platform's own key
 * tables (hh_input_cnc_help), so the list cannot drift from what the keys do. Text goes
 * through hh_tr; sizes follow the HUD letter size (large print: bigger); right-to-left
 * languages get the hint on the left and each entry read from the right. UI state only:
 * nothing here reaches hh_controls or hh_data.
 */
#include "hh_render_int.h"
#include "hh_rcnc_keys.h"
#include "hh_rlayout.h"
#include "../core/hh_i18n.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

enum { HELP_AUTO = 0, HELP_ON, HELP_OFF };

static hh_rcnc_help_line lines[HH_RCNC_HELP_MAX];
static int n_lines;
static char toggle_key[32];
static int state = HELP_AUTO; /* AUTO: shown for the first HH_RCNC_HELP_START_S seconds */
static int shown_last;        /* the list was visible when last drawn */

static void widths_reset(void);

/* keep a copy of the platform's help lines */
void hh_rcnc_help_set(const hh_rcnc_help_line *l, int n, const char *keys) {
  if (n < 0) n = 0;
  if (n > HH_RCNC_HELP_MAX) n = HH_RCNC_HELP_MAX;
  if (n > 0) memcpy(lines, l, sizeof *l * (size_t)n);
  n_lines = n;
  widths_reset();
  snprintf(toggle_key, sizeof toggle_key, "%s", keys ? keys : "");
  state = HELP_AUTO;
  shown_last = 0;
}

/* hide the list when it was shown last frame, else show it */
void hh_rcnc_help_toggle(void) {
  if (n_lines == 0) return;
  state = shown_last ? HELP_OFF : HELP_ON;
  shown_last = !shown_last;
}

/* 1 when the list shows at simulated time t_s */
int hh_rcnc_help_visible(double t_s) {
  if (n_lines == 0 || state == HELP_OFF) return 0;
  return state == HELP_ON || t_s < HH_RCNC_HELP_START_S;
}

/* measured widths of each line's keys and description (and the title, last) at one
   letter size, per font slot (0: the font-free bound, 1: the font); rebuilt when the
   lines, the font or the language change */
enum { W_MAXPX = 128 };
static float wk[2][W_MAXPX][HH_RCNC_HELP_MAX + 1], wd[2][W_MAXPX][HH_RCNC_HELP_MAX + 1];
static unsigned char wok[2][W_MAXPX];
static hh_font *w_font;
static char w_lang[16];

/* forget every measured width */
static void widths_reset(void) {
  memset(wok, 0, sizeof wok);
}

/* the help's title ("Operator panel keys (Ctrl+H: close)") */
static void help_title(char *out, size_t size) {
  snprintf(out, size, hh_tr("Operator panel keys (%s: close)"), toggle_key);
}

/* the widths of every line at lpx (measured once per font, language and size) */
static void widths(hh_font *font, int lpx, const float **k, const float **w) {
  int slot = font != NULL;
  if (lpx >= W_MAXPX) lpx = W_MAXPX - 1;
  if (font && font != w_font) widths_reset(), w_font = font;
  if (strcmp(w_lang, hh_i18n_lang()) != 0) {
    widths_reset();
    snprintf(w_lang, sizeof w_lang, "%s", hh_i18n_lang());
  }
  if (!wok[slot][lpx]) {
    char title[128];
    for (int i = 0; i < n_lines; i++) {
      wk[slot][lpx][i] = hh_hud_measure(font, hh_tr(lines[i].keys), lpx);
      wd[slot][lpx][i] = hh_hud_measure(font, hh_tr(lines[i].what), lpx);
    }
    help_title(title, sizeof title);
    wk[slot][lpx][n_lines] = hh_hud_measure(font, title, lpx);
    wd[slot][lpx][n_lines] = 0;
    wok[slot][lpx] = 1;
  }
  *k = wk[slot][lpx], *w = wd[slot][lpx];
}

/* widest keys text (kw) and description (ww) of column c of cols at lpx; returns the
   column's width */
static float column(hh_font *font, int lpx, int cols, int c, float *kw, float *ww) {
  const float *k, *w;
  widths(font, lpx, &k, &w);
  int rows = (n_lines + cols - 1) / cols;
  *kw = *ww = 0;
  for (int i = c * rows; i < (c + 1) * rows && i < n_lines; i++) {
    if (k[i] > *kw) *kw = k[i];
    if (w[i] > *ww) *ww = w[i];
  }
  return *kw + *ww + lpx * 1.5f;
}

/* the width and height the list needs at lpx in cols columns (px: HUD letter size) */
static void needs(hh_font *font, int lpx, int cols, int px, float *w, float *h) {
  const float *k, *d;
  float pad = px * 0.3f, kw, ww, sum = 0;
  widths(font, lpx, &k, &d);
  for (int c = 0; c < cols; c++) sum += column(font, lpx, cols, c, &kw, &ww);
  int rows = (n_lines + cols - 1) / cols;
  *w = fmaxf(sum, k[n_lines]) + 2 * pad;
  *h = (rows + 1.6f) * lpx * 1.3f + 2 * pad;
}

/* how many help lines the platform handed over (0: no help, no hint) */
int hh_rcnc_help_count(void) {
  return n_lines;
}

/* the key that toggles the help, as printed on the keyboard */
const char *hh_rcnc_help_key(void) {
  return toggle_key;
}

int hh_rcnc_help_min_px(int H, int large) {
  int f = large ? H * 11 / 720 : H * 9 / 720;
  int lo = large ? 11 : 9;
  return f > lo ? f : lo;
}

/* the largest letters the help starts from (px: HUD letter size) */
static int start_px(int px, int large) {
  int lpx = large ? px * 4 / 5 : px * 3 / 5;
  if (lpx >= W_MAXPX) lpx = W_MAXPX - 1;
  return lpx < 6 ? 6 : lpx;
}

float hh_rcnc_help_height(hh_font *font, float width, int px, int large, int lpx) {
  if (n_lines == 0) return 0;
  int top = start_px(px, large);
  if (lpx > top) lpx = top;
  for (int cols = 1; cols <= 6; cols++) {
    float w, h;
    needs(font, lpx, cols, px, &w, &h);
    if (w <= width) return h;
  }
  return 1e9f;
}

int hh_rcnc_help_plan(hh_font *font, const float box[4], int px, int large, int *lpx_out,
                      int *cols_out) {
  float bw = box[2] - box[0], bh = box[3] - box[1];
  int lpx = start_px(px, large), cols = 1, fits = 0;
  for (;; lpx--) { /* the largest letters at which some column count fits the box */
    for (cols = 1; cols <= 6; cols++) {
      float w, h;
      needs(font, lpx, cols, px, &w, &h);
      fits = w <= bw && h <= bh;
      if (fits) break;
    }
    if (fits || lpx <= 6) break;
  }
  if (!fits) cols = 6;
  *lpx_out = lpx, *cols_out = cols;
  return fits;
}

/* the list of bindings in box: as few columns as fit, letters as large as fit, each
   column as wide as its own widest entry */
static void list(hh_hud *h, hh_font *font, const float box[4], int px) {
  static const float bg[4] = {0.02f, 0.04f, 0.07f, 0.90f}, key_c[4] = {1.0f, 0.85f, 0.35f, 1},
                     txt_c[4] = {0.92f, 0.94f, 0.96f, 1}, title_c[4] = {1, 1, 1, 1};
  float x0 = box[0], y0 = box[1], bw = box[2] - box[0], bh = box[3] - box[1];
  float pad = px * 0.3f;
  char title[128];
  help_title(title, sizeof title);
  int lpx, cols;
  hh_rcnc_help_plan(font, box, px, h->large, &lpx, &cols);
  int rows = (n_lines + cols - 1) / cols;
  float pitch = lpx * 1.3f;
  hh_rhud_rect(h, font, x0, y0, x0 + bw, y0 + bh, bg);
  float tw = hh_rhud_text_width(font, title, lpx);
  hh_rhud_text(h, font, x0 + 0.5f * (bw - tw), y0 + pad + lpx * 1.05f, lpx, title, title_c);
  int r2l = hh_rhud_rtl();
  float cx = 0; /* the current column's start, from the reading edge */
  for (int c = 0; c < cols; c++) {
    float kw, ww, colw = column(font, lpx, cols, c, &kw, &ww);
    for (int i = c * rows; i < (c + 1) * rows && i < n_lines; i++) {
      float y = y0 + pad + (i - c * rows + 2.1f) * pitch;
      const char *k = hh_tr(lines[i].keys), *w = hh_tr(lines[i].what);
      if (r2l) { /* read from the right: keys at the column's right edge, then the text */
        float cx1 = x0 + bw - pad - cx - lpx * 0.5f;
        hh_rhud_text(h, font, cx1 - hh_rhud_text_width(font, k, lpx), y, lpx, k, key_c);
        hh_rhud_text(h, font, cx1 - kw - lpx * 0.5f - hh_rhud_text_width(font, w, lpx), y,
                     lpx, w, txt_c);
      } else {
        hh_rhud_text(h, font, x0 + pad + cx + lpx * 0.5f, y, lpx, k, key_c);
        hh_rhud_text(h, font, x0 + pad + cx + lpx * 0.5f + kw + lpx * 0.5f, y, lpx, w, txt_c);
      }
    }
    cx += colw;
  }
}

/* the list in box (the layout's help panel, over the key pad) while it is visible;
   box NULL: not shown this frame */
void hh_rcnc_help_draw(hh_hud *h, hh_font *font, const float box[4], int px) {
  shown_last = box != NULL && n_lines > 0;
  if (shown_last) list(h, font, box, px);
}
