/* test_render_atlas.c - the HUD's glyph atlas holds a whole frame: for every
 * scenario, in English and Chinese, in normal and large print, at 1280x720,
 * 1920x1080 and 3840x2160 (CNC: key help, PROG page and drawing sheet all up),
 * a second frame draws without the atlas filling up (a full atlas is started
 * over mid-frame and the frame shows stale glyphs: garbled text), and measuring
 * text to fit a box (hh_rhud_text_width at 40 sizes) renders no glyph into it.
 * Headless (SDL offscreen, EGL). */
#include "core/hh_i18n.h"
#include "hh_test.h"
#include "machines/cnc/hh_cnc.h"
#include "platform/hh_platform.h"
#include "render/hh_render.h"
#include "render/hh_render_int.h"
#include "script/hh_script.h"
#include <glad/gl.h>
#include <stdlib.h>
#include <string.h>

static const char *const SCEN[] = {
    "port/sts_first_lift", "cnc/lathe_exam_shaft", "cnc/mill_exam_plate",
    "marine/offshore_lift", "marine/berthing"};
static const int SIZE[][2] = {{1280, 720}, {1920, 1080}, {3840, 2160}};

/* draw two HUD frames of d into t; the atlas resets during the second one */
static int second_frame_resets(hh_renderer *r, const hh_model *m,
                               const hh_data *d, const hh_rtarget *t) {
  hh_render_hud(r, m, d, t);
  int before = hh_rfont_resets(r->font);
  hh_render_hud(r, m, d, t);
  glFinish();
  return hh_rfont_resets(r->font) - before;
}

int main(void) {
  hh_error err = {0};
  hh_window *w = hh_window_open(64, 64, 1, "test_render_atlas", &err);
  CHECK(w != NULL);
  if (!w)
    return hh_test_done("render_atlas");
  hh_model *m = calloc(1, sizeof *m);
  for (int lang = 0; lang < 2; lang++) {
    CHECK(hh_i18n_load(HH_SOURCE_DIR "/assets/i18n", lang ? "zh-CN" : "en",
                       &err) == HH_OK);
    for (size_t s = 0; s < sizeof SCEN / sizeof SCEN[0]; s++) {
      char path[512];
      snprintf(path, sizeof path, "%s/scenarios/%s.lua", HH_SOURCE_DIR,
               SCEN[s]);
      memset(&err, 0, sizeof err);
      CHECK(hh_script_load(path, m, &err) == HH_OK);
      hh_data *d = hh_data_make(m, &err);
      hh_renderer *r = d ? hh_render_create(m, &err) : NULL;
      CHECK(r != NULL && r->font != NULL);
      if (!r || !r->font) {
        hh_data_free(d);
        continue;
      }
      d->time_s = 1.0; /* the CNC key help is up for the first seconds */
      if (m->machine == HH_MACHINE_CNC_LATHE ||
          m->machine == HH_MACHINE_CNC_MILL) {
        d->cnc.drawing = 1;
        d->cnc.page = HH_CNC_PAGE_PROG;
      }
      for (size_t z = 0; z < sizeof SIZE / sizeof SIZE[0]; z++) {
        hh_rtarget t;
        unsigned tex = 0, ds = 0;
        CHECK(hh_rtarget_make(&t, &tex, &ds, SIZE[z][0], SIZE[z][1], 0));
        for (int large = 0; large < 2; large++) {
          hh_render_large_print(r, large);
          int n = second_frame_resets(r, m, d, &t);
          if (n)
            printf(
                "%s %s %dx%d %s: the atlas filled up %d times in one frame\n",
                hh_i18n_lang(), SCEN[s], SIZE[z][0], SIZE[z][1],
                large ? "large" : "normal", n);
          CHECK(n == 0);
        }
        hh_rtarget_free(&t, tex, ds);
      }
      /* fitting text to a box tries many sizes: shaping only, no glyph rendered
       */
      int g0 = hh_rfont_glyphs(r->font), r0 = hh_rfont_resets(r->font);
      for (int px = 8; px < 48; px++)
        (void)hh_rhud_text_width(r->font,
                                 "Offshore crane: cargo lift 0123456789", px);
      CHECK(hh_rfont_glyphs(r->font) == g0 && hh_rfont_resets(r->font) == r0);
      printf("%s %s: %d glyphs in the atlas (%d texels a side), %d resets\n",
             hh_i18n_lang(), SCEN[s], hh_rfont_glyphs(r->font),
             hh_rfont_atlas_size(r->font), hh_rfont_resets(r->font));
      hh_render_destroy(r);
      hh_data_free(d);
    }
  }
  free(m);
  hh_window_close(w);
  return hh_test_done("render_atlas");
}
