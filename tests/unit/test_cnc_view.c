/* test_cnc_view.c - the CNC work zone is never under the HUD (engine/render/
 * hh_rcnc_view.c, hh_rcnc.c): for the lathe and the mill exam, every camera mode (cab,
 * orbit, follow), 1280x720, 1920x1080 and 480x270, with and without the drawing sheet,
 * the target unknown to the camera, another target or this one (normal and large
 * print, told through hh_camera's target fields; the GL viewport is set wrong on purpose),
 * the part's centre (and, in cab and follow, the tool tip) projects inside the screen
 * and outside every HUD rectangle (left panel, time/score panel and hint, each pad key
 * or the sheet, the step line); the three modes give three different views; and, with
 * the HUD's own font (headless GL), the width bound the layout plans with is never
 * below the real width of a HUD text, every PROG row of both programs fits the left
 * panel's planned width, no PROG block is cut without an ellipsis, and the sheet's
 * table shows every dimension name whole at 1280x720. */
#include "hh_test.h"
#include "render/hh_render.h"
#include "render/hh_render_int.h"
#include "render/hh_rcnc_keys.h"
#include "platform/hh_platform.h"
#include "machines/cnc/hh_cnc.h"
#include <glad/gl.h>
#include "script/hh_script.h"
#include "core/hh_i18n.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const SCEN[2] = {HH_SOURCE_DIR "/scenarios/cnc/lathe_exam_shaft.lua",
                                    HH_SOURCE_DIR "/scenarios/cnc/mill_exam_plate.lua"};

/* 1 when (x, y) is inside the screen and under no HUD rectangle */
static int in_clear(const hh_model *m, const hh_data *d, int W, int H, int large, float x,
                    float y) {
  if (!(x >= 0 && x < W && y >= 0 && y < H)) return 0;
  float box[HH_RCNC_BOX_MAX][4];
  int n = hh_rcnc_hud_boxes(m, d, W, H, large, box);
  for (int i = 0; i < n; i++)
    if (x >= box[i][0] && x < box[i][2] && y >= box[i][1] && y < box[i][3]) return 0;
  if (!d->cnc.drawing) {
    hh_rcnc_key k[HH_RCNC_KEYS_MAX];
    int nk = hh_rcnc_keys_layout(W, H, large, k);
    for (int i = 0; i < nk; i++)
      if (x >= k[i].x0 && x < k[i].x1 && y >= k[i].y0 && y < k[i].y1) return 0;
  } else {
    float s[4];
    hh_rcnc_sheet_rect(m, d, W, H, large, s);
    if (x >= s[0] && x < s[2] && y >= s[1] && y < s[3]) return 0;
  }
  return 1;
}

/* the geometric checks for one machine (no GL); gl: 0 target unknown to the camera,
   1 another target (64 x 64), 2 this target with its print mode (large) */
static void framing(const hh_model *m, hh_data *d, const char *name, int gl, int large) {
  static const int sz[3][2] = {{1280, 720}, {1920, 1080}, {480, 270}};
  float eyes[HH_CAM_COUNT][3];
  for (int sheet = 0; sheet < 2; sheet++)
    for (int s = 0; s < 3; s++)
      for (int mode = 0; mode < HH_CAM_COUNT; mode++) {
        int W = sz[s][0], H = sz[s][1];
        d->cnc.drawing = sheet;
        hh_camera cam = {.mode = (hh_camera_mode)mode};
        float v[16], p[16], x = -1, y = -1;
        if (gl) cam.target_w = gl == 1 ? 64 : W, cam.target_h = gl == 1 ? 64 : H;
        if (gl == 2) cam.large = large;
        if (gl) glViewport(0, 0, 17, 23); /* the GL state must not matter */
        hh_camera_matrices(&cam, m, d, (float)W / (float)H, v, p);
        double part[3], tool[3];
        hh_rcnc_work_point(m, d, 0, part);
        hh_rcnc_work_point(m, d, 1, tool);
        int ok = hh_test_project(v, p, mode == HH_CAM_FOLLOW ? tool : part, W, H, &x, &y) &&
                 in_clear(m, d, W, H, gl == 2 ? large : 0, x, y);
        if (!ok) printf("%s %dx%d mode %d sheet %d gl %d large %d: work point at %.0f %.0f is under the HUD\n",
                        name, W, H, mode, sheet, gl, large, x, y);
        CHECK(ok);
        if (s == 0 && !sheet) { /* the eye of each mode, for the modes differ check */
          float inv[16];
          memcpy(inv, v, sizeof inv);
          for (int i = 0; i < 3; i++) /* eye = -R^T t */
            eyes[mode][i] = -(v[i * 4 + 0] * v[12] + v[i * 4 + 1] * v[13] + v[i * 4 + 2] * v[14]);
        }
      }
  d->cnc.drawing = 0;
  for (int a = 0; a < HH_CAM_COUNT; a++)
    for (int b = 0; b < a; b++) {
      float dd = 0;
      for (int i = 0; i < 3; i++) dd += (eyes[a][i] - eyes[b][i]) * (eyes[a][i] - eyes[b][i]);
      if (!(sqrtf(dd) > 0.02f)) printf("%s: modes %d and %d look from the same place\n", name, a, b);
      CHECK(sqrtf(dd) > 0.02f);
    }
}

/* with the HUD font: bound >= real width; PROG rows within the planned panel; the
   sheet table's names whole */
static void text_fit(hh_font *font, const hh_model *m, hh_data *d, const char *name) {
  int W = 1280, H = 720, px = hh_rhud_px(W, H, 0);
  float pad = px * 0.6f;
  float box[HH_RCNC_BOX_MAX][4];
  d->cnc.page = HH_CNC_PAGE_PROG;
  hh_rcnc_hud_boxes(m, d, W, H, 0, box);
  float planned = box[0][2] - pad; /* the left panel's planned width */
  int bad_bound = 0, bad_row = 0, cut = 0;
  float widest = 0;
  const char *title = hh_model_title(m, hh_i18n_lang());
  if (hh_rhud_text_width(font, title, px * 4 / 5) > hh_rcnc_text_bound(title, px * 4 / 5)) bad_bound++;
  for (int pc = 0; pc < m->cnc.n_ops; pc++) { /* every window of the PROG page */
    d->cnc.pc = pc;
    const char *lab[7];
    char val[7][64];
    double g[4][4];
    hh_rcnc_hud_rows(m, d, lab, val, g[0], g[1], g[2], g[3]);
    for (int i = 0; i < 7; i++) {
      float wl = hh_rhud_text_width(font, lab[i], px), wv = hh_rhud_text_width(font, val[i], px);
      if (wl > hh_rcnc_text_bound(lab[i], px) || wv > hh_rcnc_text_bound(val[i], px)) bad_bound++;
      if (wl + wv + px * 1.2f + 2 * pad > planned) bad_row++;
      widest = fmaxf(widest, wl + wv + px * 1.2f + 2 * pad);
      if (i > 0 && strlen(val[i]) > 28 && !strstr(val[i], "\xE2\x80\xA6")) cut++;
    }
  }
  d->cnc.pc = 0;
  d->cnc.page = HH_CNC_PAGE_POS;
  printf("%s: left panel planned %.0f px at 1280x720, widest PROG row %.0f px\n", name,
         planned, widest);
  CHECK(bad_bound == 0);
  CHECK(bad_row == 0);
  CHECK(cut == 0);
  /* the sheet's table: every name fits beside its band and value at the table's size */
  float r[4];
  hh_rcnc_sheet_rect(m, d, W, H, 0, r);
  const hh_cnc_model *k = &m->cnc;
  int tpx = 8; /* the table never goes below this at 1280x720 */
  float room = r[2] - r[0] - 2 * pad;
  for (int gi = 0; gi < k->n_gauges; gi++) {
    char nm[64];
    snprintf(nm, sizeof nm, "%d  %s", gi + 1, k->gauge[gi].name);
    CHECK(hh_rhud_text_width(font, nm, tpx) + tpx * 5.4f + hh_rhud_text_width(font, "00.000..00.000", tpx) <= room);
  }
}

int main(void) {
  hh_error err;
  memset(&err, 0, sizeof err);
  hh_model *m = calloc(1, sizeof *m);
  hh_window *w = hh_window_open(64, 64, 1, "test_cnc_view", &err);
  CHECK(w != NULL);
  hh_font *font = w ? hh_rtext_open_default() : NULL;
  CHECK(font != NULL);
  for (int i = 0; i < 2; i++) {
    memset(&err, 0, sizeof err);
    CHECK(hh_script_load(SCEN[i], m, &err) == HH_OK);
    hh_data *d = hh_data_make(m, &err);
    CHECK(d != NULL);
    if (!d) continue;
    const char *name = i ? "mill" : "lathe";
    for (int gl = 0; gl < 3; gl++) /* the target: unknown, another, this one */
      for (int large = 0; large < (gl == 2 ? 2 : 1); large++) {
        framing(m, d, name, gl, large);
        d->cnc.page = HH_CNC_PAGE_PROG; /* the widest page */
        framing(m, d, name, gl, large);
        d->cnc.page = HH_CNC_PAGE_POS;
      }
    d->cnc.page = HH_CNC_PAGE_POS;
    if (font) text_fit(font, m, d, name);
    hh_data_free(d);
  }
  if (font) hh_rfont_close(font);
  if (w) hh_window_close(w);
  free(m);
  return hh_test_done("cnc_view");
}
