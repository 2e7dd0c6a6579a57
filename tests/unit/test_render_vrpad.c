/* test_render_vrpad.c - the CNC key pad drawn inside the VR headset
 * (engine/render/hh_rcnc_vrpad.c), headless (SDL offscreen, EGL): the pad's texture
 * shows the key under the aim ray lit and no other key changed, and its GL objects
 * (texture, framebuffer, program, vertex array, buffer) exist while the renderer does
 * and are gone (glIs* false) after hh_render_destroy; a second renderer makes its own
 * and frees them too (no leak at exit, no stale objects reused). */
#include "hh_test.h"
#include "render/hh_render.h"
#include "render/hh_rcnc_keys.h"
#include "platform/hh_platform.h"
#include "machines/cnc/hh_cnc.h"
#include <glad/gl.h>
#include <stdlib.h>
#include <string.h>

enum { PW = HH_RCNC_VR_W, PH = HH_RCNC_VR_H };

/* the pad texture (RGBA rows, bottom row first) */
static void read_pad(unsigned tex, unsigned char *px) {
  glBindTexture(GL_TEXTURE_2D, tex);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, px);
  glBindTexture(GL_TEXTURE_2D, 0);
}

/* a point inside the key with this code, clear of its label (pad pixels from the top
   left, 3 px in from its top left corner); 0 if none */
static int centre(unsigned code, float *x, float *y) {
  hh_rcnc_key k[HH_RCNC_KEYS_MAX];
  int n = hh_rcnc_keys_layout(PW, PH, 0, k);
  for (int i = 0; i < n; i++)
    if (k[i].code == code) {
      *x = k[i].x0 + 3.0f, *y = k[i].y0 + 3.0f;
      return 1;
    }
  return 0;
}

/* sum of the colour channels of pad pixel (x, y from the top left) */
static int level(const unsigned char *px, float x, float y) {
  const unsigned char *p = px + ((size_t)(PH - 1 - (int)y) * PW + (size_t)x) * 4;
  return p[0] + p[1] + p[2];
}

/* 1 when every one of the pad's GL names still names a live GL object, 0 when none
   does, -1 when some do */
static int alive(const unsigned n[5]) {
  int k = (n[0] && glIsTexture(n[0])) + (n[1] && glIsFramebuffer(n[1])) +
          (n[2] && glIsProgram(n[2])) + (n[3] && glIsVertexArray(n[3])) +
          (n[4] && glIsBuffer(n[4]));
  return k == 5 ? 1 : k == 0 ? 0 : -1;
}

/* make a renderer, draw the pad (hover at (hx, hy) when hover) into its texture and
   into an eye target; the names in n, the texture's pixels in px */
static hh_renderer *pad_frame(const hh_model *m, int hover, float hx, float hy, unsigned n[5],
                              unsigned char *px) {
  hh_error err;
  memset(&err, 0, sizeof err);
  hh_renderer *r = hh_render_create(m, &err);
  CHECK(r != NULL);
  if (!r) return NULL;
  CHECK(hh_rcnc_vrpad_objects(n) == 0); /* nothing made before the first frame */
  CHECK(hh_rcnc_vrpad_update(r, hover, hx, hy, 0) == 1);
  CHECK(hh_rcnc_vrpad_objects(n) == 5);
  CHECK(alive(n) == 1);
  read_pad(n[0], px);
  static const float view[16] = {1, 0, 0, 0, 0, 0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1};
  static const float proj[16] = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -1, -1, 0, 0, -0.1f, 0};
  hh_rcnc_vrpad_draw(r, view, proj, 0, 64, 64); /* leaves nothing bound it must not */
  CHECK(glGetError() == GL_NO_ERROR);
  return r;
}

int main(void) {
  hh_error err;
  memset(&err, 0, sizeof err);
  hh_window *w = hh_window_open(64, 64, 1, "test_render_vrpad", &err);
  CHECK(w != NULL);
  if (!w) return hh_test_done("render_vrpad");
  hh_model *m = calloc(1, sizeof *m);
  hh_model_defaults(m);
  unsigned char *lit = malloc((size_t)PW * PH * 4), *dark = malloc((size_t)PW * PH * 4);
  float mx = 0, my = 0, ex = 0, ey = 0;
  CHECK(centre(HH_CNC_KEY_MDI, &mx, &my) && centre(HH_CNC_KEY_EDIT, &ex, &ey));

  /* the pointed key lit, the others as they were; then freed with the renderer */
  unsigned n1[5], n2[5], none[5];
  hh_renderer *r = pad_frame(m, 1, mx, my, n1, lit);
  hh_render_destroy(r);
  CHECK(hh_rcnc_vrpad_objects(none) == 0);
  CHECK(alive(n1) == 0);
  /* a second renderer (perhaps at the same address) makes its own objects */
  r = pad_frame(m, 0, -1, -1, n2, dark);
  int l_mdi = level(lit, mx, my), d_mdi = level(dark, mx, my);
  int l_edit = level(lit, ex, ey), d_edit = level(dark, ex, ey);
  printf("MDI key: lit %d, unlit %d; EDIT key: %d, %d\n", l_mdi, d_mdi, l_edit, d_edit);
  CHECK(l_mdi > d_mdi + 120);  /* hover colour over the dark mode-key colour */
  CHECK(l_edit == d_edit);     /* a key not pointed at is not lit */
  hh_render_destroy(r);
  CHECK(hh_rcnc_vrpad_objects(none) == 0);
  CHECK(alive(n2) == 0);
  CHECK(glGetError() == GL_NO_ERROR);

  free(lit);
  free(dark);
  free(m);
  hh_window_close(w);
  return hh_test_done("render_vrpad");
}
