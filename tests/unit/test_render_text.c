/* test_render_text.c - text in every language we teach in: sample strings in English,
 * French, Chinese, Thai and Arabic are shaped (HarfBuzz), ordered (FriBidi) and drawn
 * with per-script Noto fallback faces into a PNG (build dir, render_text.png, to look
 * at). Checks: no missing glyphs in any sample; Arabic letters join (contextual forms
 * differ from the isolated ones) and run right to left, also inside a Latin line;
 * Thai marks stack on their base instead of taking room of their own; every line leaves ink; the catalogs fr, th, ar
 * load; a string missing from a catalog falls back to English, marked when asked. */
#include "hh_test.h"
#include "render/hh_render_int.h"
#include "platform/hh_platform.h"
#include "core/hh_i18n.h"
#include <stdlib.h>
#include <string.h>

#define W 900
#define H 420
#define PX 36

static const char *SAMPLES[] = {
    "Hoist height 12.5 m - Lower the spreader",          /* English */
    "Hauteur de levage : déverrouillez les verrous",     /* French */
    "起升高度 12.5 米，将吊具下降到集装箱上",             /* Chinese */
    "ความสูงยก ค่อย ๆ วางตู้คอนเทนเนอร์ลงในช่อง",          /* Thai */
    "ارتفاع الرفع 12.5 م - أنزل الحاوية برفق",            /* Arabic, with numbers */
};
enum { NS = sizeof SAMPLES / sizeof SAMPLES[0] };

/* glyph ids of a shaped string, visual order; count */
static int gids(hh_font *f, const char *s, uint32_t *out, int max, float *w) {
  static hh_tglyph g[256];
  int n = hh_rtext_shape(f, s, PX, g, 256, w);
  for (int i = 0; i < n && i < max; i++) out[i] = g[i].g ? g[i].g->cp : 0;
  return n;
}

/* share of pixels in rows y0..y1 (from the top) brighter than the background */
static double ink(const unsigned char *px, int y0, int y1) {
  long n = 0, lit = 0;
  for (int y = y0; y < y1 && y < H; y++)
    for (int x = 0; x < W; x++) {
      const unsigned char *p = px + ((size_t)(H - 1 - y) * W + x) * 3;
      n++;
      if (p[0] + p[1] + p[2] > 3 * 90) lit++;
    }
  return n ? (double)lit / (double)n : 0;
}

int main(void) {
  hh_error err = {0};
  hh_window *win = hh_window_open(W, H, 1, "test_render_text", &err);
  CHECK(win != NULL);
  if (!win) {
    hh_error_print(&err, stderr);
    return hh_test_done("render_text");
  }
  hh_font *f = hh_rtext_open_default();
  CHECK(f != NULL);
  if (!f) {
    hh_window_close(win);
    return hh_test_done("render_text");
  }
  printf("faces: %d\n", hh_rfont_faces(f));
  CHECK(hh_rfont_faces(f) >= 4); /* Latin, Thai, Arabic, CJK */

  /* every sample shapes with real glyphs (no .notdef box) */
  for (int i = 0; i < NS; i++) {
    uint32_t g[256];
    float w = 0;
    int n = gids(f, SAMPLES[i], g, 256, &w);
    int notdef = 0;
    for (int k = 0; k < n; k++) notdef += (g[k] & 0xFFFFFFu) == 0;
    printf("sample %d: %d glyphs, %.0f px wide, %d missing\n", i, n, w, notdef);
    CHECK(n > 10 && w > 100 && notdef == 0);
  }

  /* Arabic joins: "بحر" (sea) shaped differs from its letters shaped one by one
     (initial, medial, final forms), and runs right to left: its leftmost glyph is
     the last letter's final form */
  {
    uint32_t word[16], iso[3][4];
    float w;
    int n = gids(f, "بحر", word, 16, &w);
    CHECK(n == 3);
    const char *letters[3] = {"ب", "ح", "ر"};
    for (int k = 0; k < 3; k++) gids(f, letters[k], iso[k], 4, &w);
    CHECK(word[2] != iso[0][0]); /* beh: initial form, on the right */
    CHECK(word[1] != iso[1][0]); /* hah: medial form */
    CHECK(word[0] != iso[2][0] || word[0] != iso[0][0]); /* reh: final, on the left */
    CHECK(word[2] != word[0]);
    CHECK(hh_rtext_is_rtl("سلام") && !hh_rtext_is_rtl("Score 12") && hh_rtext_is_rtl("12 سلام"));
    /* in a left-to-right line the Arabic word keeps its inner right-to-left order:
       the glyph right after "A " is the word's last letter in final form */
    uint32_t mix[16];
    int nm = gids(f, "A بحر", mix, 16, &w);
    CHECK(nm == 5 && mix[2] == word[0] && mix[4] == word[2]);
  }
  /* Thai marks stack on their base: "ที่" draws three glyphs in the room of one */
  {
    uint32_t g[16];
    float w_all = 0, w_base = 0;
    int n = gids(f, "ที่", g, 16, &w_all);
    gids(f, "ท", g, 16, &w_base);
    printf("thai: %d glyphs, cluster %.1f px, base %.1f px\n", n, w_all, w_base);
    CHECK(n == 3 && w_base > 5 && w_all <= w_base + 0.5f);
  }
  hh_rfont_close(f);

  /* draw the samples with the renderer's text call and look at them */
  static hh_model m;
  hh_model_defaults(&m);
  hh_renderer *r = hh_render_create(&m, &err);
  CHECK(r != NULL);
  if (r) {
    hh_rtarget t = {0, W, H};
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, W, H);
    glClearColor(0.05f, 0.07f, 0.10f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    static const float white[4] = {1, 1, 1, 1};
    float wmax = 0;
    for (int i = 0; i < NS; i++) {
      float w = hh_render_text(r, &t, 20, 60 + i * 76, PX, SAMPLES[i], white);
      if (w > wmax) wmax = w;
    }
    CHECK(wmax > 300 && wmax < W);
    char path[512];
    snprintf(path, sizeof path, "%s/render_text.png", HH_BUILD_DIR);
    CHECK(hh_window_screenshot(win, path, &err) == HH_OK);
    static unsigned char px[W * H * 3];
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, W, H, GL_RGB, GL_UNSIGNED_BYTE, px);
    for (int i = 0; i < NS; i++) {
      double k = ink(px, 60 + i * 76 - PX, 60 + i * 76 + PX / 3);
      printf("line %d: %.1f%% ink\n", i, 100 * k);
      CHECK(k > 0.02);
    }
    CHECK(ink(px, 60 + NS * 76 - 20, H) < 0.001); /* nothing below the last line */
    CHECK(glGetError() == GL_NO_ERROR);
    hh_render_destroy(r);
  }
  hh_window_close(win);

  /* catalogs: fr, th, ar load and translate the HUD; a missing msgid falls back to
     English, marked when HH_I18N_MARK_MISSING=1, plain when 0 */
  const char *dir = HH_SOURCE_DIR "/assets/i18n";
  CHECK(hh_i18n_load(dir, "fr", &err) == HH_OK);
  CHECK(strcmp(hh_tr("Wind"), "Vent") == 0);
  setenv("HH_I18N_MARK_MISSING", "1", 1);
  const char *miss = hh_tr("list the scenarios");
  printf("missing in fr: %s\n", miss);
  CHECK(strcmp(miss, "\xE2\x9F\xA8" "en" "\xE2\x9F\xA9" "list the scenarios") == 0);
  CHECK(hh_tr("list the scenarios") == miss); /* one copy per msgid */
  setenv("HH_I18N_MARK_MISSING", "0", 1);
  CHECK(strcmp(hh_tr("list the scenarios"), "list the scenarios") == 0);
  CHECK(hh_i18n_load(dir, "th", &err) == HH_OK);
  CHECK(strcmp(hh_tr("Time"), "เวลา") == 0);
  CHECK(hh_i18n_load(dir, "ar", &err) == HH_OK);
  CHECK(strcmp(hh_tr("Score"), "النتيجة") == 0);
  setenv("HH_I18N_MARK_MISSING", "1", 1);
  CHECK(hh_i18n_load(dir, "en", &err) == HH_OK);
  CHECK(strcmp(hh_tr("list the scenarios"), "list the scenarios") == 0); /* en: no mark */
  return hh_test_done("render_text");
}
