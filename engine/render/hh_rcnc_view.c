/* hh_rcnc_view.c - where the CNC HUD leaves the machine's work zone free: the
 * rectangles the HUD covers (left panel, time/score panel with the key hint, the key
 * pad or the drawing sheet, the step line), computed from the layout numbers the HUD
 * draws with (hh_rhud_px, the pad's layout, the sheet's column) and text widths bounded
 * without the font; the largest rectangle left free, and the fraction of the screen
 * free at every target size of an aspect, which the CNC camera frames the work into.
 * No GL; reads the model and d, never writes.
 */
#include "hh_render_int.h"
#include "hh_rcnc_keys.h"
#include "../core/hh_i18n.h"
#include "../machines/cnc/hh_cnc.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#define PROG_CHARS 28 /* PROG page: characters of a block shown (hh_rcnc.c clips there) */
#define PROG_NOTE 18  /* and of a comment line (then an ellipsis) */

/* advance widths of the HUD face (Noto Sans, em) for ' ' .. '~', a little generous */
static const float ASCII_EM[95] = {
    0.27f, 0.28f, 0.42f, 0.65f, 0.58f, 0.83f, 0.72f, 0.23f, 0.30f, 0.30f, 0.56f, 0.58f,
    0.26f, 0.33f, 0.27f, 0.38f, 0.58f, 0.58f, 0.58f, 0.58f, 0.58f, 0.58f, 0.58f, 0.58f,
    0.58f, 0.58f, 0.27f, 0.27f, 0.58f, 0.58f, 0.58f, 0.45f, 0.91f, 0.65f, 0.66f, 0.64f,
    0.74f, 0.57f, 0.53f, 0.74f, 0.75f, 0.29f, 0.28f, 0.63f, 0.53f, 0.92f, 0.78f, 0.79f,
    0.61f, 0.79f, 0.63f, 0.56f, 0.56f, 0.75f, 0.61f, 0.94f, 0.59f, 0.57f, 0.58f, 0.33f,
    0.38f, 0.33f, 0.58f, 0.45f, 0.58f, 0.57f, 0.62f, 0.49f, 0.62f, 0.57f, 0.35f, 0.62f,
    0.63f, 0.27f, 0.27f, 0.54f, 0.27f, 0.95f, 0.63f, 0.61f, 0.62f, 0.62f, 0.42f, 0.49f,
    0.37f, 0.63f, 0.52f, 0.80f, 0.54f, 0.52f, 0.48f, 0.38f, 0.55f, 0.38f, 0.58f};

/* width bound of one byte of UTF-8 text in em (0 for continuation bytes) */
static float byte_em(unsigned char c) {
  if (c >= 0x80) return c >= 0xC0 ? 1.05f : 0.0f; /* one glyph per lead byte, CJK 1 em */
  if (c < ' ' || c > '~') return 0.6f;
  return ASCII_EM[c - ' '];
}

float hh_rcnc_text_bound(const char *s, int px) {
  float em = 0;
  for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) em += byte_em(*p);
  return em * (float)px + 1.0f; /* the table is a little wide already */
}

/* the left panel's width bound as hh_rhud_draw sizes it: its minimum, the title, the
   rows of the page shown and every block the PROG page can show */
static float left_width(const hh_model *m, const hh_data *d, int W, int px, int large) {
  const char *lab[7];
  char val[7][64];
  double gv[4], gm[4], gw[4], ga[4];
  hh_rcnc_hud_rows(m, d, lab, val, gv, gm, gw, ga);
  float pad = px * 0.6f, pw = px * (large ? 11.0f : 12.5f), extra = px * 1.2f + 2 * pad;
  for (int i = 0; i < (large ? 4 : 7); i++) {
    float w = hh_rcnc_text_bound(lab[i], px) + hh_rcnc_text_bound(val[i], px) + extra;
    if (w > pw) pw = w;
  }
  if (!large) {
    float tw = hh_rcnc_text_bound(hh_model_title(m, hh_i18n_lang()), px * 4 / 5) + 2 * pad;
    if (tw > pw) pw = tw;
    char num[16];
    snprintf(num, sizeof num, "> %d", m->cnc.n_lines);
    float lw = hh_rcnc_text_bound(num, px);
    for (int l = 0; l < m->cnc.n_lines; l++) { /* the PROG page's rows */
      const char *s = m->cnc.src + m->cnc.line_ofs[l];
      char row[PROG_CHARS + 8];
      size_t len = strlen(s), max = s[0] == '(' ? PROG_NOTE : PROG_CHARS;
      snprintf(row, sizeof row, "%.*s%s", (int)(len < max ? len : max), s, len > max ? "\xE2\x80\xA6" : "");
      float w = lw + hh_rcnc_text_bound(row, px) + extra;
      if (w > pw) pw = w;
    }
  }
  return pw > W * 0.5f ? W * 0.5f : pw;
}

/* the time/score panel with the key hint under it: {x0, y0, x1, y1} */
static void right_box(const hh_model *m, int W, int px, float r[4]) {
  float pad = px * 0.6f, line = px * 1.45f;
  int big = px * 5 / 4, hpx = px * 3 / 5 > 8 ? px * 3 / 5 : 8;
  char score[48];
  snprintf(score, sizeof score, "%.0f / %.0f", m->rubric.max_score, m->rubric.max_score);
  const char *lab[3] = {hh_tr("Time"), hh_tr("Time left"), hh_tr("Score")};
  const char *val[3] = {"00:00.0", "00:00.0", score};
  float rw = px * 10.0f;
  for (int i = 0; i < 3; i++) {
    float w = hh_rcnc_text_bound(lab[i], big) + hh_rcnc_text_bound(val[i], big) + big + 2 * pad;
    if (w > rw) rw = w;
  }
  char hint[96];
  snprintf(hint, sizeof hint, hh_tr("%s: key help"), "Ctrl+H");
  float hw = hh_rcnc_text_bound(hint, hpx) + hpx;
  r[0] = W - pad - (hw > rw ? hw : rw);
  r[1] = 0;
  r[2] = (float)W;
  r[3] = pad + pad * 2 + line * 2.3f + px * 0.15f + hpx * 1.4f;
}

void hh_rcnc_sheet_rect(const hh_model *m, const hh_data *d, int W, int H, int large,
                        float r[4]) {
  int px = hh_rhud_px(H, large);
  float pad = px * 0.6f, line = px * 1.45f;
  int hpx = px * 3 / 5 > 8 ? px * 3 / 5 : 8;
  float w = W * 0.30f;
  if (w < px * 15.0f) w = px * 15.0f;
  if (w > W * 0.45f) w = W * 0.45f;
  r[2] = W - pad;
  r[0] = r[2] - w;
  r[1] = pad * 3 + line * 2.3f + px * 0.15f + hpx * 1.4f + pad * 0.5f;
  r[3] = H - pad - px * 2.4f;
  if (w > W * 0.35f) { /* small target: no room beside the left panel, so the sheet
                          lies over it (all of it) and the right half stays free */
    float lw = pad + left_width(m, d, W, px, large);
    r[0] = 0, r[2] = lw > w ? lw : w, r[1] = 0;
  }
  if (r[3] - r[1] < px * 8) r[3] = r[1] + px * 8;
}

int hh_rcnc_hud_boxes(const hh_model *m, const hh_data *d, int W, int H, int large,
                      float box[HH_RCNC_BOX_MAX][4]) {
  int px = hh_rhud_px(H, large), n = 0;
  float pad = px * 0.6f, line = px * 1.45f, gap = px * 0.55f;
  /* left panel (hh_rhud_draw: title row unless large, rows, four gauges) */
  int rows = large ? 4 : 8;
  box[n][0] = 0, box[n][1] = 0, box[n][2] = pad + left_width(m, d, W, px, large);
  box[n][3] = pad + pad * 2 + line * rows + gap * 4 + px * 0.8f;
  n++;
  right_box(m, W, px, box[n++]);
  if (d->cnc.drawing) {
    hh_rcnc_sheet_rect(m, d, W, H, large, box[n++]);
  } else {
    hh_rcnc_key k[HH_RCNC_KEYS_MAX];
    int nk = hh_rcnc_keys_layout(W, H, large, k);
    if (nk > 0) {
      float g = hh_rcnc_keys_px(H, large) * 0.12f;
      box[n][0] = k[0].x0 - g, box[n][1] = k[0].y0 - g;
      box[n][2] = k[nk - 1].x1 + g, box[n][3] = k[nk - 1].y1 + g;
      n++;
    }
  }
  /* the step line (and the emergency stop banner) across the bottom */
  int big = px * 5 / 4;
  box[n][0] = 0, box[n][2] = (float)W, box[n][3] = (float)H;
  box[n][1] = H - pad - px * 1.9f - (d->estop ? big * 1.8f + pad * 0.5f : 0);
  n++;
  return n;
}

/* 1 when the rectangle r overlaps none of the n boxes */
static int clear_of(const float r[4], float box[][4], int n) {
  for (int i = 0; i < n; i++)
    if (r[0] < box[i][2] && box[i][0] < r[2] && r[1] < box[i][3] && box[i][1] < r[3]) return 0;
  return 1;
}

/* the largest rectangle inside [0, W] x [0, H] that overlaps none of the n boxes (its
   sides lie on box edges); returns its area */
static float largest_free(float box[][4], int n, float W, float H, float r[4]) {
  enum { MAXC = 4 * HH_RCNC_BOX_MAX + 2 };
  float xs[MAXC], ys[MAXC];
  int nx = 0, ny = 0;
  xs[nx++] = 0, xs[nx++] = W, ys[ny++] = 0, ys[ny++] = H;
  for (int i = 0; i < n && nx < MAXC - 1; i++) {
    xs[nx++] = fminf(fmaxf(box[i][0], 0), W), xs[nx++] = fminf(fmaxf(box[i][2], 0), W);
    ys[ny++] = fminf(fmaxf(box[i][1], 0), H), ys[ny++] = fminf(fmaxf(box[i][3], 0), H);
  }
  float best = 0;
  r[0] = 0, r[1] = 0, r[2] = W, r[3] = H;
  for (int a = 0; a < nx; a++)
    for (int b = 0; b < nx; b++) {
      if (xs[b] <= xs[a]) continue;
      for (int c = 0; c < ny; c++)
        for (int e = 0; e < ny; e++) {
          float q[4] = {xs[a], ys[c], xs[b], ys[e]};
          float area = (q[2] - q[0]) * (q[3] - q[1]);
          if (ys[e] <= ys[c] || area <= best || !clear_of(q, box, n)) continue;
          best = area;
          memcpy(r, q, sizeof q);
        }
    }
  return best;
}

float hh_rcnc_free_rect(const hh_model *m, const hh_data *d, int W, int H, int large,
                        float r[4]) {
  float box[HH_RCNC_BOX_MAX][4];
  int n = hh_rcnc_hud_boxes(m, d, W, H, large, box);
  float best = largest_free(box, n, (float)W, (float)H, r);
  float mg = hh_rhud_px(H, large) * 0.6f; /* keep a pad's width off the panels */
  if (best > 0 && r[2] - r[0] > 4 * mg && r[3] - r[1] > 4 * mg)
    r[0] += mg, r[1] += mg, r[2] -= mg, r[3] -= mg;
  return best;
}

void hh_rcnc_view_rect(const hh_model *m, const hh_data *d, float aspect, int tw, int th,
                       int large, float r[4]) {
  int HS[2] = {720, 270}, nl = 2; /* unknown target: the proportional and clamped layouts */
  static float last_box[2 * HH_RCNC_BOX_MAX][4], last_r[4];
  static int last_n = -1;
  if (!(aspect > 0.1f && aspect < 10.0f)) aspect = 16.0f / 9.0f;
  if (tw > 0 && th > 0 && fabsf((float)tw / (float)th - aspect) < 0.01f * aspect)
    HS[0] = th, nl = 1; /* the target is known: its own layout */
  float box[2 * HH_RCNC_BOX_MAX][4], mg = 0;
  int n = 0;
  for (int i = 0; i < nl; i++) { /* the layouts' boxes as fractions of the screen */
    int H = HS[i], W = nl == 1 ? tw : (int)(H * aspect + 0.5f);
    float b[HH_RCNC_BOX_MAX][4];
    int nb = hh_rcnc_hud_boxes(m, d, W, H, large, b);
    for (int j = 0; j < nb; j++, n++) {
      box[n][0] = b[j][0] / W, box[n][2] = b[j][2] / W;
      box[n][1] = b[j][1] / H, box[n][3] = b[j][3] / H;
    }
    float g = hh_rhud_px(H, large) * 0.6f / H;
    if (g > mg) mg = g;
  }
  if (n == last_n && memcmp(box, last_box, sizeof box[0] * (size_t)n) == 0) { /* as last frame */
    memcpy(r, last_r, sizeof last_r);
    return;
  }
  float q[4];
  if (largest_free(box, n, 1.0f, 1.0f, q) <= 0) q[0] = q[1] = 0, q[2] = q[3] = 1;
  if (q[2] - q[0] > 4 * mg && q[3] - q[1] > 4 * mg)
    q[0] += mg, q[1] += mg, q[2] -= mg, q[3] -= mg;
  memcpy(r, q, sizeof q);
  memcpy(last_box, box, sizeof box[0] * (size_t)n);
  memcpy(last_r, q, sizeof q);
  last_n = n;
}
