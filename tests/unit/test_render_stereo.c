/* test_render_stereo.c - a stereo pair drawn as the headset path draws it
 * (hh_render_scene_views, engine/render/hh_render.c), headless (SDL offscreen, EGL),
 * into eye textures of the two formats an OpenXR runtime usually offers (sRGB 8-bit
 * and plain 8-bit): one shadow pass per frame for both eyes (none when the last
 * frame's map still holds), one scene pass per eye and with 4x MSAA one resolve per
 * eye straight into the eye's texture (no GL error: the scene buffer has the target's
 * format), the render-target bytes the stats report, and pictures that are real (not
 * one colour), differ between the eyes, and with MSAA differ from the no-MSAA picture
 * only a little (the edges), in the same format. */
#include "hh_test.h"
#include "render/hh_render.h"
#include "platform/hh_platform.h"
#include "script/hh_script.h"
#include <glad/gl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EW = 192, EH = 160 };

/* mean absolute difference of two images per channel (levels) */
static double diff(const unsigned char *a, const unsigned char *b) {
  double s = 0;
  for (int i = 0; i < EW * EH * 4; i += 4)
    for (int k = 0; k < 3; k++) s += abs(a[i + k] - b[i + k]);
  return s / (3.0 * EW * EH);
}

/* number of distinct colours (5 bits a channel) */
static int colours(const unsigned char *a) {
  static unsigned char seen[32768];
  memset(seen, 0, sizeof seen);
  int n = 0;
  for (int i = 0; i < EW * EH * 4; i += 4) {
    int k = (a[i] >> 3) << 10 | (a[i + 1] >> 3) << 5 | a[i + 2] >> 3;
    n += !seen[k];
    seen[k] = 1;
  }
  return n;
}

/* draw the pair through the orbit camera, eyes 64 mm apart; the stats in st */
static void pair(hh_renderer *r, const hh_model *m, const hh_data *d, const hh_rtarget *t,
                 hh_render_stats *st) {
  hh_camera cam = {.mode = HH_CAM_ORBIT};
  float view[2][16], proj[2][16];
  for (int e = 0; e < 2; e++) {
    hh_camera_matrices(&cam, m, d, (float)EW / EH, view[e], proj[e]);
    view[e][12] += e ? -0.032f : 0.032f;
  }
  hh_render_scene_views(r, m, d, 2, (const float (*)[16])view, (const float (*)[16])proj, t);
  hh_render_get_stats(r, st);
}

int main(void) {
  static hh_model m;
  hh_error err;
  memset(&err, 0, sizeof err);
  char path[512];
  snprintf(path, sizeof path, "%s/scenarios/port/sts_first_lift.lua", HH_SOURCE_DIR);
  CHECK(hh_script_load(path, &m, &err) == HH_OK);
  hh_data *d = hh_data_make(&m, &err);
  hh_window *w = d ? hh_window_open(64, 64, 1, "test_render_stereo", &err) : NULL;
  CHECK(w != NULL);
  hh_renderer *r = w ? hh_render_create(&m, &err) : NULL;
  CHECK(r != NULL);
  if (!r) return hh_test_done("render_stereo");
  GLint maxs = 0;
  glGetIntegerv(GL_MAX_SAMPLES, &maxs);
  const long long px = (long long)EW * EH, shadow = 2LL * 1024 * 1024 * 4;
  unsigned char *img[2][2];
  for (int i = 0; i < 4; i++) img[i / 2][i % 2] = malloc((size_t)px * 4);
  static const GLenum fmts[2] = {GL_SRGB8_ALPHA8, GL_RGBA8};
  for (int f = 0; f < 2; f++) {
    hh_rtarget t[2];
    GLuint tex[2], ds[2];
    CHECK(hh_rtarget_make(&t[0], &tex[0], &ds[0], EW, EH, fmts[f]) && hh_rtarget_make(&t[1], &tex[1], &ds[1], EW, EH, fmts[f]));
    /* no MSAA: the shadow map once for both eyes, a scene pass each */
    hh_render_msaa(r, 0);
    hh_render_stats st;
    d->time_s += 1.0; /* the water moves: a new frame */
    pair(r, &m, d, t, &st);
    printf("format 0x%x, no MSAA: %d passes, %d draw calls, %lld bytes\n", fmts[f], st.passes,
           st.draw_calls, st.target_bytes);
    /* without MSAA each eye also gets the post-process AA pass (scene into the
       renderer's RGBA8 texture + depth, then the pass writes the eye: 4 bytes) */
    CHECK(st.msaa == 0 && st.aa == 2 && (f > 0 || st.passes == 5)); /* 1st: the map */
    CHECK(st.passes == 5 || (f > 0 && st.passes == 4));
    CHECK(st.target_bytes == (st.passes == 5 ? shadow : 0) + 2 * px * (8 + 4));
    for (int e = 0; e < 2; e++) hh_rtarget_read(tex[e], img[0][e]);
    /* the same frame again: the map still holds, no shadow pass */
    pair(r, &m, d, t, &st);
    CHECK(st.passes == 4 && st.target_bytes == 2 * px * (8 + 4));
    CHECK(colours(img[0][0]) > 40);
    double lr = diff(img[0][0], img[0][1]);
    printf("left/right: %.3f levels apart, %d colours\n", lr, colours(img[0][0]));
    CHECK(lr > 0.01 && lr < 20); /* two views of one scene, 64 mm apart */
    /* 4x MSAA: a scene pass and a resolve straight into each eye's texture */
    if (maxs >= 4) {
      hh_render_msaa(r, 4);
      pair(r, &m, d, t, &st);
      printf("format 0x%x, MSAA %dx: %d passes, %d draw calls, %lld bytes\n", fmts[f], st.msaa,
             st.passes, st.draw_calls, st.target_bytes);
      CHECK(st.msaa == 4 && st.passes == 4 && st.aa == 0); /* no AA pass with MSAA */
      CHECK(st.target_bytes == 2 * (px * 4 * 8 + px * 4));
      for (int e = 0; e < 2; e++) hh_rtarget_read(tex[e], img[1][e]);
      for (int e = 0; e < 2; e++) {
        double dm = diff(img[0][e], img[1][e]);
        printf("eye %d: MSAA vs none %.3f levels\n", e, dm);
        CHECK(dm > 0.001 && dm < 3.0); /* same picture, smoothed edges */
      }
    }
    CHECK(glGetError() == GL_NO_ERROR);
    for (int e = 0; e < 2; e++) {
      hh_rtarget_free(&t[e], tex[e], ds[e]);
    }
  }
  for (int i = 0; i < 4; i++) free(img[i / 2][i % 2]);
  hh_render_destroy(r);
  hh_window_close(w);
  hh_data_free(d);
  return hh_test_done("render_stereo");
}
