/* hh_xr_pair.c - the GL part of a VR frame, with no runtime: the eyes' matrices from
 * a seated head pose, the stereo pair drawn as the headset sees it, the copy of the
 * left eye kept for the desktop mirror and its blit into the window (the centre of the
 * eye cropped to the window's shape and filling it, as a classroom projector wants).
 * hh_xr_frame.c draws every VR frame through these; `haihe bench --render` times them. */
#include <glad/gl.h>
#include "hh_xr.h"
#include "../render/hh_rcnc_keys.h"

#define ZNEAR 0.05f   /* m */
#define ZFAR 1200.0f  /* m */

/* world eye position of the operator's chair: the cab camera's eye */
void hh_xr_cab_eye(const hh_model *m, const hh_data *d, float cab[3]) {
  hh_camera cam = {.mode = HH_CAM_CAB};
  float v[16], p[16];
  hh_camera_matrices(&cam, m, d, 1.0f, v, p);
  for (int i = 0; i < 3; i++) /* eye = -R^T t of the view matrix */
    cab[i] = -(v[i * 4 + 0] * v[12] + v[i * 4 + 1] * v[13] + v[i * 4 + 2] * v[14]);
}

/* an eye posed (p, q) in the seated space with field of view fov: its view of the
   world (from the cab), of the seated space (the pad) and its projection */
void hh_xr_pair_eye(const float cab[3], const float center[4], const float p[3],
                    const float q[4], const float fov[4], float view[16], float seat[16],
                    float proj[16]) {
  static const float zero[3] = {0, 0, 0};
  hh_xr_eye_view(cab, center, p, q, view);
  hh_xr_eye_view(zero, NULL, p, q, seat);
  hh_xr_projection(fov[0], fov[1], fov[2], fov[3], ZNEAR, ZFAR, proj);
}

/* keep a copy of the drawn image of framebuffer src (w x h) in mi */
static void mirror_copy(hh_xr_mirror_img *mi, unsigned src, int w, int h, unsigned format) {
  if (mi->fbo && (mi->width != w || mi->height != h)) hh_xr_mirror_free(mi);
  if (!mi->fbo) {
    glGenTextures(1, &mi->tex);
    glBindTexture(GL_TEXTURE_2D, mi->tex);
    glTexImage2D(GL_TEXTURE_2D, 0, (GLint)format, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glBindTexture(GL_TEXTURE_2D, 0);
    glGenFramebuffers(1, &mi->fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, mi->fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, mi->tex, 0);
  }
  glBindFramebuffer(GL_READ_FRAMEBUFFER, src);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, mi->fbo);
  glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  mi->width = w;
  mi->height = h;
}

/* draw both eyes as one stereo frame (one shadow map, no HUD), the CNC key pad over
   each when pad, and copy eye 0 into the mirror (when given) */
void hh_xr_draw_pair(hh_renderer *ren, const hh_model *m, const hh_data *d,
                     const float (*view)[16], const float (*seat)[16],
                     const float (*proj)[16], const hh_rtarget *t, int pad,
                     hh_xr_mirror_img *mirror, unsigned format) {
  unsigned old = hh_render_layers(ren, HH_LAYER_ALL & ~HH_LAYER_HUD);
  hh_render_scene_views(ren, m, d, 2, view, proj, t);
  hh_render_layers(ren, old);
  for (int e = 0; e < 2; e++) {
    if (pad) /* the CNC key pad in the seated space, where the aim ray hit-tests it */
      hh_rcnc_vrpad_draw(ren, seat[e], proj[e], t[e].fbo, t[e].width, t[e].height);
    if (e == 0 && mirror) mirror_copy(mirror, t[0].fbo, t[0].width, t[0].height, format);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

/* blit the mirror's copy into t, its centre filling t (hh_xr_mirror_crop); 0 when none yet */
void hh_xr_mirror_crop(int sw, int sh, int dw, int dh, int src[4]) {
  src[0] = 0, src[1] = 0, src[2] = sw, src[3] = sh;
  if (sw <= 0 || sh <= 0 || dw <= 0 || dh <= 0) return;
  if ((long long)sw * dh > (long long)dw * sh) { /* the eye is wider: crop its sides */
    int w = (int)(((long long)sh * dw + dh / 2) / dh);
    src[0] = (sw - w) / 2, src[2] = src[0] + w;
  } else { /* taller (a headset's eye in a 16:9 window): crop top and bottom */
    int h = (int)(((long long)sw * dh + dw / 2) / dw);
    src[1] = (sh - h) / 2, src[3] = src[1] + h;
  }
}

int hh_xr_mirror_blit(const hh_xr_mirror_img *mi, const hh_rtarget *t) {
  if (!mi || !mi->fbo || t->width <= 0 || t->height <= 0) return 0;
  int s[4];
  hh_xr_mirror_crop(mi->width, mi->height, t->width, t->height, s);
  glBindFramebuffer(GL_FRAMEBUFFER, t->fbo);
  glViewport(0, 0, t->width, t->height);
  glClear(GL_DEPTH_BUFFER_BIT);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, mi->fbo);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, t->fbo);
  glBlitFramebuffer(s[0], s[1], s[2], s[3], 0, 0, t->width, t->height, GL_COLOR_BUFFER_BIT,
                    GL_LINEAR);
  glBindFramebuffer(GL_FRAMEBUFFER, t->fbo);
  return 1;
}

/* release the mirror's texture and framebuffer */
void hh_xr_mirror_free(hh_xr_mirror_img *mi) {
  if (mi->fbo) glDeleteFramebuffers(1, &mi->fbo);
  if (mi->tex) glDeleteTextures(1, &mi->tex);
  *mi = (hh_xr_mirror_img){0, 0, 0, 0};
}
