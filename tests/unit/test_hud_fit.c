/* test_hud_fit.c - no HUD text is ever clipped (engine/render/hh_rlayout.c): for every
 * scenario x language (en, zh-CN, fr, th, ar) x size (1280x720, 1920x1080, 480x270,
 * 1024x768 projector, 800x600 lab laptop) x
 * print (normal, large), with the real HUD font (headless GL): the ink box of every
 * glyph of every layout text lies inside its panel, every panel inside the screen, no
 * two panels overlap except where designed (the key help band over the key pad; the
 * drawing sheet over the left panel on a small target), the panels planned without
 * the font (the CNC camera's) cover the real ones, the key help list fits its band
 * (720p and up), and the CNC part projects into the region the HUD leaves free, on
 * the key pad page, with the sheet and with the help shown. hh_hud_fit never cuts
 * mid-character and always ends a cut with an ellipsis. */
#include "hh_test.h"
#include "render/hh_render.h"
#include "render/hh_render_int.h"
#include "render/hh_rlayout.h"
#include "render/hh_rcnc_keys.h"
#include "machines/cnc/hh_cnc.h"
#include "platform/hh_platform_int.h"
#include "platform/hh_platform.h"
#include "script/hh_script.h"
#include "core/hh_i18n.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const SCEN[5] = {"port/sts_first_lift", "cnc/lathe_exam_shaft",
                                    "cnc/mill_exam_plate", "marine/offshore_lift",
                                    "marine/berthing"};
static const char *const LANG[5] = {"en", "zh-CN", "fr", "th", "ar"};
static const int SIZE[5][2] = {{1280, 720}, {1920, 1080}, {480, 270}, {1024, 768}, {800, 600}};
static int fails; /* printed failures (the first few) */

/* the ink box of text t on the screen (every glyph's bitmap); 0 when it has no ink */
static int ink_box(hh_font *font, const hh_hud_layout *L, const hh_hud_text *t, float r[4]) {
  static hh_tglyph g[512];
  float w = 0;
  int n = hh_rtext_shape(font, t->s, t->px, g, 512, &w);
  float x = L->rtl ? L->W - t->x - w : t->x; /* as hh_rhud.c places it */
  float bx = floorf(x + 0.5f), by = floorf(t->y + 0.5f);
  int any = 0;
  r[0] = r[1] = 1e9f, r[2] = r[3] = -1e9f;
  for (int i = 0; i < n; i++) {
    if (!g[i].g || g[i].g->w <= 0) continue;
    float x0 = floorf(bx + g[i].x + 0.5f) + g[i].g->left;
    float y0 = floorf(by + g[i].y + 0.5f) - g[i].g->top;
    r[0] = fminf(r[0], x0), r[1] = fminf(r[1], y0);
    r[2] = fmaxf(r[2], x0 + g[i].g->w), r[3] = fmaxf(r[3], y0 + g[i].g->h);
    any = 1;
  }
  return any;
}

/* 1 when a lies inside b (within tol px) */
static int inside(const float a[4], const float b[4], float tol) {
  return a[0] >= b[0] - tol && a[1] >= b[1] - tol && a[2] <= b[2] + tol && a[3] <= b[3] + tol;
}

/* 1 when a and b overlap (more than a pixel) */
static int overlap(const float a[4], const float b[4]) {
  return a[0] < b[2] - 1 && b[0] < a[2] - 1 && a[1] < b[3] - 1 && b[1] < a[3] - 1;
}

/* 1 when panels i and j may overlap by design */
static int designed(const hh_hud_layout *L, int i, int j) {
  if (i > j) { int t = i; i = j; j = t; }
  if (i == HH_HUD_PAD && j == HH_HUD_HELP) return 1; /* the help covers the pad */
  if (j == HH_HUD_HELP && (i == HH_HUD_LEFT || i == HH_HUD_TIME || i == HH_HUD_HINT))
    return L->help_grown; /* too small in its band: grown for the few seconds it shows */
  if (i == HH_HUD_LEFT && j == HH_HUD_SHEET) /* small target: the sheet over the panel */
    return L->panel[HH_HUD_SHEET][0] <= 0.5f;
  return 0;
}

static void fail(const char *what, const char *scen, const char *lang, int W, int H, int large,
                 const char *detail) {
  if (++fails <= 25) printf("FAIL %s: %s %s %dx%d%s: %s\n", what, scen, lang, W, H,
                            large ? " large" : "", detail);
}

/* every check on one layout; returns the number of texts checked */
static int check_one(hh_font *font, const hh_model *m, const hh_data *d, const char *scen,
                     const char *lang, int W, int H, int large) {
  static hh_hud_layout L, B;
  char msg[400];
  hh_hud_layout_make(&L, font, m, d, W, H, large, 0);
  hh_hud_layout_make(&B, NULL, m, d, W, H, large, 0);
  float scr[4] = {0, 0, (float)W, (float)H}, box[HH_HUD_NPANEL][4];
  int has[HH_HUD_NPANEL];
  for (int i = 0; i < HH_HUD_NPANEL; i++) {
    has[i] = hh_hud_layout_box(&L, i, box[i]);
    if (has[i] && !inside(box[i], scr, 0)) {
      snprintf(msg, sizeof msg, "panel %d (%.0f %.0f %.0f %.0f) off the screen", i, box[i][0],
               box[i][1], box[i][2], box[i][3]);
      fail("screen", scen, lang, W, H, large, msg);
      CHECK(0);
    }
    float bb[4];
    /* the CNC camera plans without the font: what it keeps clear must cover the HUD */
    if (L.cnc && has[i] && i != HH_HUD_HELP && hh_hud_layout_box(&B, i, bb) &&
        !inside(box[i], bb, 0.5f)) {
      snprintf(msg, sizeof msg, "panel %d wider than planned without the font", i);
      fail("plan", scen, lang, W, H, large, msg);
      CHECK(0);
    }
  }
  for (int i = 0; i < HH_HUD_NPANEL; i++)
    for (int j = i + 1; j < HH_HUD_NPANEL; j++)
      if (has[i] && has[j] && overlap(box[i], box[j]) && !designed(&L, i, j)) {
        snprintf(msg, sizeof msg, "panels %d and %d overlap", i, j);
        fail("overlap", scen, lang, W, H, large, msg);
        CHECK(0);
      }
  int n = 0, row_px = 0;
  for (int i = 0; i < L.ntext; i++) {
    const hh_hud_text *t = &L.text[i];
    float r[4];
    if (t->panel == HH_HUD_LEFT && (t->role == HH_HT_LABEL || t->role == HH_HT_VALUE)) { /* rows: one size */
      if (!row_px) row_px = t->px;
      if (t->px != row_px) {
        snprintf(msg, sizeof msg, "row \"%s\" at %d px, other rows at %d px", t->s, t->px, row_px);
        fail("rows", scen, lang, W, H, large, msg);
        CHECK(0);
      }
    }
    if (!ink_box(font, &L, t, r)) continue;
    n++;
    size_t len = strlen(t->s); /* a number cut short reads as another number */
    if (H >= 600 && (t->role == HH_HT_VALUE || t->role == HH_HT_TIME || t->role == HH_HT_SCORE) &&
        strchr("0123456789+-", t->s[0]) && len >= 3 && strcmp(t->s + len - 3, "\xE2\x80\xA6") == 0) {
      snprintf(msg, sizeof msg, "value \"%s\" cut", t->s);
      fail("value", scen, lang, W, H, large, msg);
      CHECK(0);
    }
    if (large && H >= 600 && t->px < H * 11 / 720) { /* large print is for projectors */
      snprintf(msg, sizeof msg, "text \"%s\" at %d px", t->s, t->px);
      fail("small", scen, lang, W, H, large, msg);
      CHECK(0);
    }
    if (!has[t->panel] || !inside(r, box[t->panel], 0)) {
      snprintf(msg, sizeof msg, "text \"%s\" (%.0f %.0f %.0f %.0f) outside panel %d (%.0f %.0f %.0f %.0f)",
               t->s, r[0], r[1], r[2], r[3], t->panel, box[t->panel][0], box[t->panel][1],
               box[t->panel][2], box[t->panel][3]);
      fail("text", scen, lang, W, H, large, msg);
      CHECK(0);
    }
  }
  if (L.cnc) { /* the key help fits its band (a thumbnail target may not) */
    float hb[4];
    int lpx = 0, cols = 0;
    L.has[HH_HUD_HELP] = L.help_band;
    if (hh_hud_layout_box(&L, HH_HUD_HELP, hb) && H >= 720 &&
        !hh_rcnc_help_plan(font, hb, L.px, large, &lpx, &cols)) {
      fail("help", scen, lang, W, H, large, "the key help does not fit its band");
      CHECK(0);
    }
    if (hh_hud_layout_box(&L, HH_HUD_HELP, hb) && H >= 600 &&
        (hh_rcnc_help_plan(font, hb, L.px, large, &lpx, &cols), lpx < hh_rcnc_help_min_px(H, large))) {
      /* and is readable */
      snprintf(msg, sizeof msg, "key help letters %d px (at least %d)", lpx,
               hh_rcnc_help_min_px(H, large));
      fail("help", scen, lang, W, H, large, msg);
      CHECK(0);
    }
    for (int mode = 0; mode < HH_CAM_COUNT; mode++) { /* the work in the free region */
      hh_camera cam = {.mode = (hh_camera_mode)mode};
      cam.target_w = W, cam.target_h = H, cam.large = large;
      float v[16], p[16], x = -1, y = -1, hb2[HH_RCNC_BOX_MAX][4];
      hh_camera_matrices(&cam, m, d, (float)W / (float)H, v, p);
      double w[3];
      hh_rcnc_work_point(m, d, mode == HH_CAM_FOLLOW, w);
      int ok = hh_test_project(v, p, w, W, H, &x, &y) && x >= 0 && x < W && y >= 0 && y < H;
      int nb = hh_rcnc_hud_boxes(m, d, W, H, large, hb2);
      for (int b = 0; b < nb && ok; b++)
        if (x >= hb2[b][0] && x < hb2[b][2] && y >= hb2[b][1] && y < hb2[b][3]) ok = 0;
      for (int b = 0; b < HH_HUD_NPANEL && ok; b++) /* and under no drawn panel */
        if (has[b] && x >= box[b][0] && x < box[b][2] && y >= box[b][1] && y < box[b][3]) ok = 0;
      if (!ok) {
        snprintf(msg, sizeof msg, "camera %d: work point at %.0f %.0f under the HUD", mode, x, y);
        fail("camera", scen, lang, W, H, large, msg);
        CHECK(0);
      }
    }
  }
  return n;
}

/* hh_hud_fit: cuts on a character boundary and ends the cut with an ellipsis */
static void check_fit(hh_font *font) {
  char out[192];
  const char *s = "\xE7\xA6\xBB\xE5\xB2\xB8\xE8\xB5\xB7\xE9\x87\x8D\xE6\x9C\xBA Offshore crane";
  float w = hh_hud_fit(font, s, 20, 60, out, sizeof out);
  CHECK(w <= 60);
  size_t n = strlen(out);
  CHECK(n >= 3 && strcmp(out + n - 3, "\xE2\x80\xA6") == 0);
  CHECK(strncmp(out, s, n - 3) == 0); /* a prefix of the text */
  CHECK(((unsigned char)out[n - 4] & 0xC0) != 0xC0); /* no lead byte left dangling */
  w = hh_hud_fit(font, "Load", 20, 500, out, sizeof out);
  CHECK(strcmp(out, "Load") == 0 && w > 0);
}

/* the CNC gauges belong to the POS page (none drawn under other pages' rows), and the
   drawing sheet at 4:3 in large print takes the full height beside the time panel */
static void check_cnc_parts(hh_font *font, const hh_model *m, const hh_data *d, int W, int H,
                            int large) {
  static hh_hud_layout L;
  hh_hud_layout_make(&L, font, m, d, W, H, large, 0);
  for (int i = 0; i < 4; i++) {
    if (d->cnc.page == HH_CNC_PAGE_POS) CHECK(L.gmax[i] > 0);
    else CHECK(L.gmax[i] == 0);
  }
  if (d->cnc.drawing && large && W == 1024 && H == 768) {
    const float *s = L.panel[HH_HUD_SHEET], *t = L.panel[HH_HUD_TIME];
    CHECK(L.has[HH_HUD_SHEET]);
    CHECK(s[3] - s[1] > H * 0.8f);           /* tall: the sketch is readable */
    CHECK(s[2] <= t[0] || s[1] >= t[3]);     /* clear of the time panel */
  }
}

int main(void) {
  hh_error err;
  memset(&err, 0, sizeof err);
  hh_window *win = hh_window_open(64, 64, 1, "test_hud_fit", &err);
  CHECK(win != NULL);
  hh_font *font = win ? hh_rtext_open_default() : NULL;
  CHECK(font != NULL);
  if (!font) return hh_test_done("hud_fit");
  check_fit(font);
  hh_model *m = calloc(1, sizeof *m);
  static hh_rcnc_help_line help[HH_RCNC_HELP_MAX];
  int texts = 0, layouts = 0;
  for (int s = 0; s < 5; s++) {
    char path[512];
    snprintf(path, sizeof path, "%s/scenarios/%s.lua", HH_SOURCE_DIR, SCEN[s]);
    memset(&err, 0, sizeof err);
    CHECK(hh_script_load(path, m, &err) == HH_OK);
    hh_data *d = hh_data_make(m, &err);
    CHECK(d != NULL);
    if (!d) continue;
    int cnc = m->machine == HH_MACHINE_CNC_MILL || m->machine == HH_MACHINE_CNC_LATHE;
    int nh = hh_input_cnc_help(m->machine, help, HH_RCNC_HELP_MAX);
    hh_rcnc_help_set(help, nh, hh_input_cnc_help_key());
    for (int l = 0; l < 5; l++) {
      CHECK(hh_i18n_load(HH_SOURCE_DIR "/assets/i18n", LANG[l], &err) == HH_OK);
      for (int z = 0; z < 5; z++)
        for (int large = 0; large < 2; large++)
          for (int state = 0; state < (cnc ? 4 : 2); state++) {
            /* 0 start (CNC: help shown), 1 emergency stop, CNC: 2 PROG page at 60 s,
               3 the drawing sheet */
            d->estop = state == 1;
            d->time_s = state >= 2 ? 60.0 : 0.0;
            if (cnc) d->cnc.page = state == 2 ? HH_CNC_PAGE_PROG : HH_CNC_PAGE_POS;
            if (cnc) d->cnc.drawing = state == 3;
            texts += check_one(font, m, d, SCEN[s], LANG[l], SIZE[z][0], SIZE[z][1], large);
            if (cnc) check_cnc_parts(font, m, d, SIZE[z][0], SIZE[z][1], large);
            layouts++;
          }
    }
    d->estop = 0, d->time_s = 0;
    hh_rcnc_help_set(NULL, 0, NULL);
    hh_data_free(d);
  }
  printf("hud_fit: %d layouts, %d texts checked\n", layouts, texts);
  CHECK(texts > layouts * 5);
  CHECK(hh_i18n_load(HH_SOURCE_DIR "/assets/i18n", "en", &err) == HH_OK);
  hh_rfont_close(font);
  hh_window_close(win);
  free(m);
  return hh_test_done("hud_fit");
}
