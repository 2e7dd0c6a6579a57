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
#include "../core/hh_i18n.h"
#include <stdio.h>
#include <string.h>

enum { HELP_AUTO = 0, HELP_ON, HELP_OFF };

static hh_rcnc_help_line lines[HH_RCNC_HELP_MAX];
static int n_lines;
static char toggle_key[32];
static int state = HELP_AUTO; /* AUTO: shown for the first HH_RCNC_HELP_START_S seconds */
static int shown_last;        /* the list was visible when last drawn */

/* keep a copy of the platform's help lines */
void hh_rcnc_help_set(const hh_rcnc_help_line *l, int n, const char *keys) {
  if (n < 0) n = 0;
  if (n > HH_RCNC_HELP_MAX) n = HH_RCNC_HELP_MAX;
  if (n > 0) memcpy(lines, l, sizeof *l * (size_t)n);
  n_lines = n;
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

/* the widest keys text and widest description at lpx */
static void widths(hh_font *font, int lpx, float *kw, float *ww) {
  *kw = *ww = 0;
  for (int i = 0; i < n_lines; i++) {
    float a = hh_rhud_text_width(font, hh_tr(lines[i].keys), lpx);
    float b = hh_rhud_text_width(font, hh_tr(lines[i].what), lpx);
    if (a > *kw) *kw = a;
    if (b > *ww) *ww = b;
  }
}

/* how many help lines the platform handed over (0: no help, no hint) */
int hh_rcnc_help_count(void) {
  return n_lines;
}

/* the key that toggles the help, as printed on the keyboard */
const char *hh_rcnc_help_key(void) {
  return toggle_key;
}

int hh_rcnc_help_plan(hh_font *font, const float box[4], int px, int large, int *lpx_out,
                      int *cols_out) {
  float bw = box[2] - box[0], bh = box[3] - box[1], pad = px * 0.3f;
  char title[128];
  snprintf(title, sizeof title, hh_tr("Operator panel keys (%s: close)"), toggle_key);
  int lpx = large ? px * 4 / 5 : px * 3 / 5, cols = 1, fits = 0;
  if (lpx < 6) lpx = 6;
  for (;; lpx--) { /* the largest letters at which some column count fits the box */
    float kw, ww;
    widths(font, lpx, &kw, &ww);
    float colw = kw + ww + lpx * 1.5f, pitch = lpx * 1.3f;
    for (cols = 1; cols <= 6; cols++) {
      int rows = (n_lines + cols - 1) / cols;
      fits = cols * colw + 2 * pad <= bw && (rows + 1.6f) * pitch + 2 * pad <= bh &&
             hh_rhud_text_width(font, title, lpx) + 2 * pad <= bw;
      if (fits) break;
    }
    if (fits || lpx <= 6) break;
  }
  if (!fits) cols = 6;
  *lpx_out = lpx, *cols_out = cols;
  return fits;
}

/* the list of bindings in box: as few columns as fit, letters as large as fit */
static void list(hh_hud *h, hh_font *font, const float box[4], int px) {
  static const float bg[4] = {0.02f, 0.04f, 0.07f, 0.90f}, key_c[4] = {1.0f, 0.85f, 0.35f, 1},
                     txt_c[4] = {0.92f, 0.94f, 0.96f, 1}, title_c[4] = {1, 1, 1, 1};
  float x0 = box[0], y0 = box[1], bw = box[2] - box[0], bh = box[3] - box[1];
  float pad = px * 0.3f, kw, ww;
  char title[128];
  snprintf(title, sizeof title, hh_tr("Operator panel keys (%s: close)"), toggle_key);
  int lpx, cols;
  hh_rcnc_help_plan(font, box, px, h->large, &lpx, &cols);
  widths(font, lpx, &kw, &ww);
  int rows = (n_lines + cols - 1) / cols;
  float colw = kw + ww + lpx * 1.5f, pitch = lpx * 1.3f;
  hh_rhud_rect(h, font, x0, y0, x0 + bw, y0 + bh, bg);
  float tw = hh_rhud_text_width(font, title, lpx);
  hh_rhud_text(h, font, x0 + 0.5f * (bw - tw), y0 + pad + lpx * 1.05f, lpx, title, title_c);
  int r2l = hh_rhud_rtl();
  for (int i = 0; i < n_lines; i++) {
    int c = i / rows, r = i % rows;
    float cx0 = x0 + pad + c * colw, y = y0 + pad + (r + 2.1f) * pitch;
    const char *k = hh_tr(lines[i].keys), *w = hh_tr(lines[i].what);
    if (r2l) { /* read from the right: keys at the column's right edge, then the text */
      float cx1 = x0 + bw - pad - c * colw - lpx * 0.5f;
      hh_rhud_text(h, font, cx1 - hh_rhud_text_width(font, k, lpx), y, lpx, k, key_c);
      hh_rhud_text(h, font, cx1 - kw - lpx * 0.5f - hh_rhud_text_width(font, w, lpx), y, lpx, w, txt_c);
    } else {
      hh_rhud_text(h, font, cx0 + lpx * 0.5f, y, lpx, k, key_c);
      hh_rhud_text(h, font, cx0 + lpx * 0.5f + kw + lpx * 0.5f, y, lpx, w, txt_c);
    }
  }
}

/* the list in box (the layout's help panel, over the key pad) while it is visible;
   box NULL: not shown this frame */
void hh_rcnc_help_draw(hh_hud *h, hh_font *font, const float box[4], int px) {
  shown_last = box != NULL && n_lines > 0;
  if (shown_last) list(h, font, box, px);
}
