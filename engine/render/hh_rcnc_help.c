/* hh_rcnc_help.c - the key help of the CNC operator panel on the HUD: a one-line hint
 * under the time/score panel ("Ctrl+H: key help") and, for the first
 * HH_RCNC_HELP_START_S seconds or while toggled on, the list of desktop bindings in
 * columns over the middle of the screen. The lines come from the platform's own key
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

/* the hint under the time/score panel (on the left for right-to-left) */
static void hint(hh_hud *h, hh_font *font, int W, int px) {
  static const float bg[4] = {0.03f, 0.05f, 0.08f, 0.62f}, fg[4] = {1.0f, 0.85f, 0.35f, 1};
  char s[96];
  snprintf(s, sizeof s, hh_tr("%s: key help"), toggle_key);
  int hpx = px * 3 / 5 > 8 ? px * 3 / 5 : 8;
  float pad = px * 0.6f, w = hh_rhud_text_width(font, s, hpx) + hpx;
  float y0 = pad + pad * 2 + px * 1.45f * 2.3f + px * 0.15f, y1 = y0 + hpx * 1.4f;
  float x1 = W - pad, x0 = x1 - w;
  if (hh_rhud_rtl()) x0 = pad, x1 = pad + w;
  hh_rhud_rect(h, font, x0, y0, x1, y1, bg);
  hh_rhud_text(h, font, x0 + hpx * 0.5f, y1 - hpx * 0.38f, hpx, s, fg);
}

/* the list of bindings in as few columns as fit, letters as large as fit */
static void list(hh_hud *h, hh_font *font, int W, int H, int px) {
  static const float bg[4] = {0.02f, 0.04f, 0.07f, 0.90f}, key_c[4] = {1.0f, 0.85f, 0.35f, 1},
                     txt_c[4] = {0.92f, 0.94f, 0.96f, 1}, title_c[4] = {1, 1, 1, 1};
  float pad = px * 0.6f;
  float avail_w = W - 2 * pad, avail_h = H - 2 * pad;
  int lpx = h->large ? px * 4 / 5 : px * 3 / 5, cols = 1, rows = n_lines;
  float kw = 0, ww = 0;
  for (;; lpx--) { /* the largest letters at which some column count fits */
    if (lpx < 7) lpx = 7;
    widths(font, lpx, &kw, &ww);
    float colw = kw + ww + lpx * 2.5f, pitch = lpx * 1.3f;
    for (cols = 1; cols <= 4; cols++) {
      rows = (n_lines + cols - 1) / cols;
      if (cols * colw + pad <= avail_w && (rows + 2.5f) * pitch + pad <= avail_h) break;
    }
    if (cols <= 4 || lpx == 7) break;
  }
  if (cols > 4) cols = 4, rows = (n_lines + 3) / 4;
  float colw = kw + ww + lpx * 2.5f, pitch = lpx * 1.3f;
  float bw = cols * colw + pad, bh = (rows + 2.5f) * pitch + pad;
  float x0 = 0.5f * (W - bw), y0 = 0.5f * (H - bh);
  if (y0 < pad) y0 = pad;
  hh_rhud_rect(h, font, x0, y0, x0 + bw, y0 + bh, bg);
  char title[128];
  snprintf(title, sizeof title, hh_tr("Operator panel keys (%s: close)"), toggle_key);
  float tw = hh_rhud_text_width(font, title, lpx);
  hh_rhud_text(h, font, 0.5f * (W - tw), y0 + pad * 0.5f + lpx * 1.1f, lpx, title, title_c);
  int r2l = hh_rhud_rtl();
  for (int i = 0; i < n_lines; i++) {
    int c = i / rows, r = i % rows;
    float cx0 = x0 + pad * 0.5f + c * colw, y = y0 + pad * 0.5f + (r + 2.2f) * pitch;
    const char *k = hh_tr(lines[i].keys), *w = hh_tr(lines[i].what);
    if (r2l) { /* read from the right: keys at the column's right edge, then the text */
      float cx1 = x0 + bw - pad * 0.5f - c * colw - lpx * 0.5f;
      hh_rhud_text(h, font, cx1 - hh_rhud_text_width(font, k, lpx), y, lpx, k, key_c);
      hh_rhud_text(h, font, cx1 - kw - lpx - hh_rhud_text_width(font, w, lpx), y, lpx, w, txt_c);
    } else {
      hh_rhud_text(h, font, cx0 + lpx * 0.5f, y, lpx, k, key_c);
      hh_rhud_text(h, font, cx0 + lpx * 0.5f + kw + lpx, y, lpx, w, txt_c);
    }
  }
}

/* the hint, and the list while it is visible */
void hh_rcnc_help_draw(hh_hud *h, hh_font *font, double t_s, int W, int H) {
  if (n_lines == 0 || W <= 0 || H <= 0) return;
  int px = hh_rhud_px(H, h->large);
  shown_last = hh_rcnc_help_visible(t_s);
  if (shown_last) list(h, font, W, H, px);
  else hint(h, font, W, px);
}
