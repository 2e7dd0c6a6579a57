/* hh_rshadow.c - the sun's depth maps: one depth texture with hardware comparison
 * holding two cascades side by side (the scene shader filters it with a 4-tap PCF),
 * and the light's view-projections, fitted to the part of the view each covers. */
#include "hh_render_int.h"
#include "../core/hh_i18n.h"
#include <cglm/cglm.h>
#include <math.h>
#include <string.h>

/* a depth texture of two size x size cascades side by side (compared when sampled)
   and a framebuffer drawing into it; the framebuffer's status */
static GLenum depth_target(int size, GLuint *tex, GLuint *fbo) {
  glGenTextures(1, tex);
  glBindTexture(GL_TEXTURE_2D, *tex);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_DEPTH_COMPONENT24, 2 * size, size, 0, GL_DEPTH_COMPONENT,
               GL_UNSIGNED_INT, NULL);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_COMPARE_MODE, GL_COMPARE_REF_TO_TEXTURE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_COMPARE_FUNC, GL_LEQUAL);
  glGenFramebuffers(1, fbo);
  glBindFramebuffer(GL_FRAMEBUFFER, *fbo);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_2D, *tex, 0);
  glDrawBuffer(GL_NONE);
  glReadBuffer(GL_NONE);
  GLenum st = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glBindTexture(GL_TEXTURE_2D, 0);
  return st;
}

/* create the depth maps (two size x size cascades side by side) and their framebuffer,
   and the static casters' copy of them */
int hh_rshadow_create(hh_shadow *s, int size, hh_error *err) {
  memset(s, 0, sizeof *s);
  s->size = size;
  GLenum st = depth_target(size, &s->tex, &s->fbo);
  if (st == GL_FRAMEBUFFER_COMPLETE) st = depth_target(size, &s->st_tex, &s->st_fbo);
  if (st != GL_FRAMEBUFFER_COMPLETE)
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0,
                        hh_tr("shadow map framebuffer incomplete (0x%x)"), (unsigned)st);
  return HH_OK;
}

/* free the texture and framebuffer */
void hh_rshadow_destroy(hh_shadow *s) {
  if (s->fbo) glDeleteFramebuffers(1, &s->fbo);
  if (s->tex) glDeleteTextures(1, &s->tex);
  if (s->st_fbo) glDeleteFramebuffers(1, &s->st_fbo);
  if (s->st_tex) glDeleteTextures(1, &s->st_tex);
  memset(s, 0, sizeof *s);
}

/* orthographic sun view around a fixed centre (both cascades the same) */
void hh_rshadow_fit(hh_shadow *s, const float sun_dir[3], const float c[3], float radius) {
  vec3 eye = {c[0] + sun_dir[0] * radius * 2, c[1] + sun_dir[1] * radius * 2,
              c[2] + sun_dir[2] * radius * 2};
  vec3 ctr = {c[0], c[1], c[2]};
  vec3 up = {0, 0, 1};
  if (sun_dir[2] > 0.95f) up[0] = 1, up[2] = 0;
  mat4 view, proj, vp;
  glm_lookat(eye, ctr, up, view);
  /* snap the centre to whole texels so the shadow edges do not crawl as it moves */
  float texel = 2.0f * radius / (float)s->size;
  view[3][0] = floorf(view[3][0] / texel) * texel;
  view[3][1] = floorf(view[3][1] / texel) * texel;
  glm_ortho(-radius, radius, -radius, radius, 0.1f, radius * 4, proj);
  glm_mat4_mul(proj, view, vp);
  memcpy(s->light_vp, vp, sizeof s->light_vp);
  memcpy(s->far_vp, vp, sizeof s->far_vp);
  for (int i = 0; i < 3; i++) s->far_k[i] = 1, s->far_c[i] = 0;
}

/* light view-projection (into out) covering the camera frusta of n views between each
   one's near plane zn[i] and d1 metres (lv: the sun's rotation, iv[i]: the camera's
   inverse view, p[i]: its projection); square, snapped to whole texels and sized in
   4 m steps so it is stable as the view moves */
static void fit_slice(const hh_shadow *s, mat4 lv, int n, mat4 *iv, mat4 *p, const float *zn,
                      float d1, float out[16], mat4 op) {
  float lo[3] = {1e30f, 1e30f, 1e30f}, hi[3] = {-1e30f, -1e30f, -1e30f};
  for (int j = 0; j < n; j++)
    for (int i = 0; i < 8; i++) {
      float d = (i & 4) ? d1 : zn[j], nx = (i & 1) ? 1.0f : -1.0f, ny = (i & 2) ? 1.0f : -1.0f;
      vec4 pv = {d * (nx + p[j][2][0]) / p[j][0][0], d * (ny + p[j][2][1]) / p[j][1][1], -d, 1};
      vec4 pw, pl;
      glm_mat4_mulv(iv[j], pv, pw);
      glm_mat4_mulv(lv, pw, pl);
      for (int k = 0; k < 3; k++) {
        if (pl[k] < lo[k]) lo[k] = pl[k];
        if (pl[k] > hi[k]) hi[k] = pl[k];
      }
    }
  float ext = fmaxf(hi[0] - lo[0], hi[1] - lo[1]);
  ext = ceilf(ext / 4.0f) * 4.0f + 4.0f;
  /* corner on a grid of 8 texels (within the 4 m margin), so small moves of the view
     keep the same map */
  float grid = 8.0f * ext / (float)s->size;
  float x0 = floorf((0.5f * (lo[0] + hi[0]) - 0.5f * ext) / grid) * grid;
  float y0 = floorf((0.5f * (lo[1] + hi[1]) - 0.5f * ext) / grid) * grid;
  /* depth: casters up to 150 m towards the sun (the crane's boom) */
  float zn0 = floorf((-hi[2] - 150.0f) / 10.0f) * 10.0f, zf = ceilf((-lo[2] + 10.0f) / 10.0f) * 10.0f;
  mat4 vp;
  glm_ortho(x0, x0 + ext, y0, y0 + ext, zn0, zf, op);
  glm_mat4_mul(op, lv, vp);
  memcpy(out, vp, sizeof(float) * 16);
}

void hh_rshadow_fit_view(hh_shadow *s, const float sun_dir[3], const float view[16],
                         const float proj[16], float near_m, float far_m) {
  hh_rshadow_fit_views(s, sun_dir, 1, (const float (*)[16])view, (const float (*)[16])proj,
                       near_m, far_m);
}

/* both cascades fitted to the union of n views (at most 4 are used) */
void hh_rshadow_fit_views(hh_shadow *s, const float sun_dir[3], int n, const float (*view)[16],
                          const float (*proj)[16], float near_m, float far_m) {
  enum { MAXV = 4 };
  mat4 iv[MAXV], p[MAXV], lv;
  float zn[MAXV];
  if (n > MAXV) n = MAXV;
  int persp = n > 0;
  for (int j = 0; j < n; j++) {
    mat4 v;
    memcpy(v, view[j], sizeof v);
    memcpy(p[j], proj[j], sizeof p[j]);
    if (p[j][2][3] == 0.0f) persp = 0;
    glm_mat4_inv(v, iv[j]);
    zn[j] = p[j][3][2] / (p[j][2][2] - 1.0f); /* the camera's near plane, m */
    if (!(zn[j] > 0)) zn[j] = 0.1f;
  }
  if (!persp) { /* not a perspective camera: a fixed box around the origin */
    float c[3] = {0, 0, 0};
    hh_rshadow_fit(s, sun_dir, c, 95.0f);
    return;
  }
  vec3 eye = {sun_dir[0], sun_dir[1], sun_dir[2]}, ctr = {0, 0, 0}, up = {0, 0, 1};
  if (sun_dir[2] > 0.95f) up[0] = 1, up[2] = 0;
  glm_lookat(eye, ctr, up, lv);
  mat4 o0, o1;
  fit_slice(s, lv, n, iv, p, zn, near_m, s->light_vp, o0);
  fit_slice(s, lv, n, iv, p, zn, far_m, s->far_vp, o1);
  /* both are orthographic with the same rotation: far NDC = near NDC * k + c */
  for (int i = 0; i < 3; i++) {
    s->far_k[i] = o1[i][i] / o0[i][i];
    s->far_c[i] = o1[3][i] - o0[3][i] * s->far_k[i];
  }
}
