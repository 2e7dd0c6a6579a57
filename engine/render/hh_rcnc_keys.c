/* hh_rcnc_keys.c - the on-screen CNC operator/MDI key pad at the bottom right of the
 * HUD (bottom left when the HUD is mirrored for right-to-left reading): mode keys, CYCLE START, FEED HOLD, RESET, page keys, CAN, INPUT and the address
 * and digit keys. A click (hh_input_cnc.c) or a pointed controller queues the same
 * panel key code the keyboard sends. The layout is a pure function of the target size
 * and large print (no GL) so input can hit-test it without drawing. The key under the
 * pointer is highlighted (brighter while the button is held). Reads no hh_data.
 */
#include "hh_render_int.h"
#include "hh_rcnc_keys.h"
#include "../core/hh_i18n.h"
#include "../machines/cnc/hh_cnc.h"
#include <string.h>

enum { COLS = 10, ROWS = 5 };

/* one cell of the pad grid: code, label, width in cells (0 = end of the row) */
typedef struct pad_cell {
  unsigned code;
  const char *label;
  int span;
} pad_cell;

static const pad_cell PAD[ROWS][COLS + 1] = {
    {{HH_CNC_KEY_EDIT, "EDIT", 1}, {HH_CNC_KEY_MDI, "MDI", 1}, {HH_CNC_KEY_AUTO, "AUTO", 1},
     {HH_CNC_KEY_JOG, "JOG", 1}, {HH_CNC_KEY_MPG, "HANDLE", 1}, {HH_CNC_KEY_REF, "REF", 1},
     {HH_CNC_KEY_PAGE_POS, "POS", 1}, {HH_CNC_KEY_PAGE_PROG, "PROG", 1},
     {HH_CNC_KEY_PAGE_OFFSET, "OFFSET", 1}, {HH_CNC_KEY_DRAWING, "Drawing", 1}, {0, 0, 0}},
    {{HH_CNC_KEY_CYCLE_START, "CYCLE START", 2}, {HH_CNC_KEY_FEED_HOLD, "FEED HOLD", 2},
     {HH_CNC_KEY_RESET, "RESET", 1}, {HH_CNC_KEY_PAGE_ALARM, "ALARM", 1},
     {HH_CNC_KEY_CAN, "CAN", 1}, {HH_CNC_KEY_MEASURE_TOOL, "INPUT", 3}, {0, 0, 0}},
    {{'X', "X", 1}, {'Y', "Y", 1}, {'Z', "Z", 1}, {'G', "G", 1}, {'M', "M", 1},
     {'7', "7", 1}, {'8', "8", 1}, {'9', "9", 1}, {'-', "-", 1}, {'D', "D", 1}, {0, 0, 0}},
    {{'F', "F", 1}, {'S', "S", 1}, {'T', "T", 1}, {'I', "I", 1}, {'K', "K", 1},
     {'4', "4", 1}, {'5', "5", 1}, {'6', "6", 1}, {'.', ".", 1}, {'J', "J", 1}, {0, 0, 0}},
    {{'R', "R", 1}, {'P', "P", 1}, {'Q', "Q", 1}, {'N', "N", 1}, {'H', "H", 1},
     {'1', "1", 1}, {'2', "2", 1}, {'3', "3", 1}, {'0', "0", 1}, {'O', "O", 1}, {0, 0, 0}},
};

/* the pointer reported by the platform layer and the HUD last drawn */
static float ptr_x = -1, ptr_y = -1; /* px of the HUD target; < 0: none */
static int ptr_down;
static int last_w, last_h, last_large;
static int sheet_on; /* the drawing sheet covers the pad: a click on it closes the sheet */

/* the pad's letter size (px): its own rule (H/24, large print H/16, 12..64/96 px), so
   the keys stay finger- and ray-sized and the VR panel keeps its layout when the HUD
   text shrinks */
int hh_rcnc_keys_px(int H, int large) {
  int px = large ? H / 16 : H / 24;
  if (px < 12) px = 12;
  if (px > (large ? 96 : 64)) px = large ? 96 : 64;
  float need = large ? 12.4f : 18.2f;
  if (px * (need + 2.6f) > H) px = (int)(H / (need + 2.6f));
  if (px < 8) px = 8;
  return px;
}

/* the key rectangles: a 10 x 5 grid right-aligned above the bottom step line */
int hh_rcnc_keys_layout(int W, int H, int large, hh_rcnc_key *keys) {
  if (W <= 0 || H <= 0) return 0;
  int px = hh_rcnc_keys_px(H, large);
  float pad = px * 0.6f, g = px * 0.12f;
  float kw = px * 1.9f, kh = px * 1.15f;
  if (COLS * (kw + g) + g > W * 0.6f) kw = (W * 0.6f - g) / COLS - g;
  float x0 = W - pad - (COLS * (kw + g) + g);
  float y0 = H - pad - px * 2.4f - (ROWS * (kh + g) + g);
  if (y0 < pad) y0 = pad;
  int n = 0;
  for (int r = 0; r < ROWS; r++) {
    int c = 0;
    for (const pad_cell *p = PAD[r]; p->span && n < HH_RCNC_KEYS_MAX; p++) {
      hh_rcnc_key *k = &keys[n++];
      k->x0 = x0 + g + c * (kw + g);
      k->x1 = k->x0 + p->span * (kw + g) - g;
      k->y0 = y0 + g + r * (kh + g);
      k->y1 = k->y0 + kh;
      k->code = p->code;
      k->label = p->label;
      c += p->span;
    }
  }
  if (hh_rhud_rtl()) { /* right-to-left reading: the HUD is mirrored, so the pad moves to
                          the bottom left (its keys keep their order, as on a machine) */
    float b[4];
    hh_rcnc_keys_bounds(keys, n, 0, b);
    float dx = (W - b[2]) - b[0];
    for (int i = 0; i < n; i++) keys[i].x0 += dx, keys[i].x1 += dx;
  }
  return n;
}

/* the rectangle around n keys, widened by g px on every side */
void hh_rcnc_keys_bounds(const hh_rcnc_key *k, int n, float g, float r[4]) {
  r[0] = r[1] = 1e30f, r[2] = r[3] = -1e30f;
  for (int i = 0; i < n; i++) {
    if (k[i].x0 < r[0]) r[0] = k[i].x0;
    if (k[i].y0 < r[1]) r[1] = k[i].y0;
    if (k[i].x1 > r[2]) r[2] = k[i].x1;
    if (k[i].y1 > r[3]) r[3] = k[i].y1;
  }
  if (n <= 0) r[0] = r[1] = r[2] = r[3] = 0;
  else r[0] -= g, r[1] -= g, r[2] += g, r[3] += g;
}

/* index of the key under (x, y), or -1 */
int hh_rcnc_keys_index(int W, int H, int large, float x, float y) {
  hh_rcnc_key keys[HH_RCNC_KEYS_MAX];
  int n = hh_rcnc_keys_layout(W, H, large, keys);
  for (int i = 0; i < n; i++)
    if (x >= keys[i].x0 && x < keys[i].x1 && y >= keys[i].y0 && y < keys[i].y1) return i;
  return -1;
}

/* panel code of the key under (x, y), or 0 */
unsigned hh_rcnc_keys_hit(int W, int H, int large, float x, float y) {
  hh_rcnc_key keys[HH_RCNC_KEYS_MAX];
  int n = hh_rcnc_keys_layout(W, H, large, keys);
  int i = hh_rcnc_keys_index(W, H, large, x, y);
  return i >= 0 && i < n ? keys[i].code : 0;
}

/* record the pointer (window coordinates -> HUD pixels); the code under it */
unsigned hh_rcnc_keys_pointer(float x, float y, int win_w, int win_h, int down) {
  int W = last_w > 0 ? last_w : win_w, H = last_h > 0 ? last_h : win_h;
  if (win_w <= 0 || win_h <= 0) return 0;
  ptr_x = x * (float)W / (float)win_w;
  ptr_y = y * (float)H / (float)win_h;
  ptr_down = down;
  if (sheet_on) { /* the sheet is drawn over the pad: a click there closes it */
    hh_rcnc_key k[HH_RCNC_KEYS_MAX];
    int n = hh_rcnc_keys_layout(W, H, last_large, k);
    float b[4];
    hh_rcnc_keys_bounds(k, n, 0, b);
    int in = n > 0 && ptr_x >= b[0] && ptr_x < b[2] && ptr_y >= b[1] && ptr_y < b[3];
    return in ? HH_CNC_KEY_DRAWING : 0;
  }
  return hh_rcnc_keys_hit(W, H, last_large, ptr_x, ptr_y);
}

/* a ray against the VR panel quad: its pixel coordinates */
int hh_rcnc_keys_ray(const float o[3], const float dir[3], float *x, float *y) {
  static const float c[3] = HH_RCNC_VR_C, size[2] = HH_RCNC_VR_SIZE;
  if (dir[2] > -1e-6f) return 0; /* parallel to the panel or pointing away from it */
  float t = (c[2] - o[2]) / dir[2];
  if (t <= 0) return 0;          /* the panel is behind the controller */
  float u = (o[0] + t * dir[0] - (c[0] - 0.5f * size[0])) / size[0];
  float v = ((c[1] + 0.5f * size[1]) - (o[1] + t * dir[1])) / size[1];
  if (u < 0 || u >= 1 || v < 0 || v >= 1) return 0;
  *x = u * HH_RCNC_VR_W, *y = v * HH_RCNC_VR_H;
  return 1;
}

/* the key code a ray points at on the VR panel, or 0 */
unsigned hh_rcnc_keys_ray_hit(const float o[3], const float dir[3], int large) {
  float x, y;
  if (!hh_rcnc_keys_ray(o, dir, &x, &y)) return 0;
  return hh_rcnc_keys_hit(HH_RCNC_VR_W, HH_RCNC_VR_H, large, x, y);
}

/* no pointer over the HUD */
void hh_rcnc_keys_pointer_clear(void) {
  ptr_x = ptr_y = -1;
  ptr_down = 0;
}

/* draw the pad over the HUD (key under the pointer highlighted); sheet: the drawing
   sheet will be drawn over it */
void hh_rcnc_keys_draw(hh_hud *h, hh_font *font, int W, int H, int sheet) {
  static const float bg[4] = {0.03f, 0.05f, 0.08f, 0.55f}, key_c[4] = {0.20f, 0.23f, 0.27f, 0.92f},
                     mode_c[4] = {0.16f, 0.26f, 0.40f, 0.92f}, start_c[4] = {0.08f, 0.45f, 0.16f, 0.95f},
                     hold_c[4] = {0.60f, 0.40f, 0.05f, 0.95f}, reset_c[4] = {0.55f, 0.10f, 0.08f, 0.95f},
                     hover_c[4] = {0.45f, 0.55f, 0.68f, 0.95f}, press_c[4] = {0.95f, 0.85f, 0.35f, 1},
                     text_c[4] = {1, 1, 1, 1}, dark_c[4] = {0.05f, 0.05f, 0.05f, 1};
  last_w = W, last_h = H, last_large = h->large, sheet_on = sheet;
  hh_rcnc_key keys[HH_RCNC_KEYS_MAX];
  int n = hh_rcnc_keys_layout(W, H, h->large, keys);
  if (n <= 0) return;
  if (sheet) return; /* the sheet's column: the pad yields (a click there closes it) */
  int px = hh_rcnc_keys_px(H, h->large);
  float g = px * 0.12f;
  float b[4];
  hh_rcnc_keys_bounds(keys, n, g, b);
  hh_rhud_rect(h, font, b[0], b[1], b[2], b[3], bg);
  int hover = ptr_x >= 0 ? hh_rcnc_keys_index(W, H, h->large, ptr_x, ptr_y) : -1;
  for (int i = 0; i < n; i++) {
    const hh_rcnc_key *k = &keys[i];
    const float *c = k->code >= HH_CNC_KEY_EDIT && k->code <= HH_CNC_KEY_REF ? mode_c : key_c;
    if (k->code == HH_CNC_KEY_CYCLE_START) c = start_c;
    if (k->code == HH_CNC_KEY_FEED_HOLD) c = hold_c;
    if (k->code == HH_CNC_KEY_RESET) c = reset_c;
    if (i == hover) c = ptr_down ? press_c : hover_c;
    hh_rhud_rect(h, font, k->x0, k->y0, k->x1, k->y1, c);
    const char *s = k->code >= 0x80 ? hh_tr(k->label) : k->label;
    int tpx = px * 3 / 5;
    float tw = hh_rhud_text_width(font, s, tpx);
    while (tw > (k->x1 - k->x0) - 2 && tpx > 6) tw = hh_rhud_text_width(font, s, --tpx);
    hh_rhud_text(h, font, 0.5f * (k->x0 + k->x1 - tw), 0.5f * (k->y0 + k->y1) + tpx * 0.35f, tpx, s,
                 i == hover && ptr_down ? dark_c : text_c);
  }
}

/* the pad alone for the VR panel, the ray's key highlighted; pointer state restored */
void hh_rcnc_keys_draw_vr(hh_hud *h, hh_font *font, int hover, float hx, float hy, int down) {
  float sx = ptr_x, sy = ptr_y;
  int sd = ptr_down, sw = last_w, sh = last_h, sl = last_large, ss = sheet_on, large = h->large;
  ptr_x = hover ? hx : -1, ptr_y = hover ? hy : -1, ptr_down = hover && down;
  h->large = 0; /* aim_code hit-tests the normal-print layout */
  hh_rcnc_keys_draw(h, font, HH_RCNC_VR_W, HH_RCNC_VR_H, 0);
  h->large = large;
  ptr_x = sx, ptr_y = sy, ptr_down = sd, last_w = sw, last_h = sh, last_large = sl, sheet_on = ss;
}
