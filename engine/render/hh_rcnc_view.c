/* hh_rcnc_view.c - where the CNC HUD leaves the machine's work zone free: the
 * rectangles the HUD covers (left panel, time/score panel, the key hint, the key pad
 * or the drawing sheet, the step line), from the HUD's own layout (hh_rlayout.c)
 * planned with text widths bounded without the font; the largest rectangle left free, and the fraction of the screen
 * free at every target size of an aspect, which the CNC camera frames the work into.
 * No GL; reads the model and d, never writes.
 */
#include "hh_render_int.h"
#include "hh_rcnc_keys.h"
#include "hh_rlayout.h"
#include "../core/hh_i18n.h"
#include "../machines/cnc/hh_cnc.h"
#include <math.h>
#include <stdio.h>
#include <string.h>


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

void hh_rcnc_sheet_rect(const hh_model *m, const hh_data *d, int W, int H, int large,
                        float r[4]) {
  static hh_hud_layout L;
  hh_hud_layout_make(&L, NULL, m, d, W, H, large, 0);
  L.has[HH_HUD_SHEET] = 1;
  hh_hud_layout_box(&L, HH_HUD_SHEET, r);
}

int hh_rcnc_hud_boxes(const hh_model *m, const hh_data *d, int W, int H, int large,
                      float box[HH_RCNC_BOX_MAX][4]) {
  static hh_hud_layout L;
  static const int part[7] = {HH_HUD_LEFT, HH_HUD_TIME, HH_HUD_HINT, HH_HUD_STEP,
                              HH_HUD_ESTOP, HH_HUD_PAD, HH_HUD_HELP};
  hh_hud_layout_make(&L, NULL, m, d, W, H, large, 0);
  int n = 0;
  for (int i = 0; i < 7; i++) {
    int p = part[i] == HH_HUD_PAD && d->cnc.drawing ? HH_HUD_SHEET : part[i];
    if (p == HH_HUD_STEP && L.has[p]) { /* the step line: the whole bottom band */
      hh_hud_layout_box(&L, p, box[n]);
      box[n][0] = 0, box[n][2] = (float)W, box[n][3] = (float)H;
      n++;
      continue;
    }
    n += hh_hud_layout_box(&L, p, box[n]);
  }
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
    float g = hh_rhud_px(W, H, large) * 0.6f / H;
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
