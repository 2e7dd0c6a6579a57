/* hh_rshadow.c - the sun's depth map: a depth texture with hardware comparison (the
 * scene shader filters it with a 3x3 PCF) and the light's view-projection. */
#include "hh_render_int.h"
#include "../core/hh_i18n.h"
#include <cglm/cglm.h>
#include <string.h>

int hh_rshadow_create(hh_shadow *s, int size, hh_error *err) {
  memset(s, 0, sizeof *s);
  s->size = size;
  glGenTextures(1, &s->tex);
  glBindTexture(GL_TEXTURE_2D, s->tex);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_DEPTH_COMPONENT24, size, size, 0, GL_DEPTH_COMPONENT,
               GL_UNSIGNED_INT, NULL);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_COMPARE_MODE, GL_COMPARE_REF_TO_TEXTURE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_COMPARE_FUNC, GL_LEQUAL);
  glGenFramebuffers(1, &s->fbo);
  glBindFramebuffer(GL_FRAMEBUFFER, s->fbo);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_2D, s->tex, 0);
  glDrawBuffer(GL_NONE);
  glReadBuffer(GL_NONE);
  GLenum st = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glBindTexture(GL_TEXTURE_2D, 0);
  if (st != GL_FRAMEBUFFER_COMPLETE)
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0,
                        hh_tr("shadow map framebuffer incomplete (0x%x)"), (unsigned)st);
  return HH_OK;
}

void hh_rshadow_destroy(hh_shadow *s) {
  if (s->fbo) glDeleteFramebuffers(1, &s->fbo);
  if (s->tex) glDeleteTextures(1, &s->tex);
  memset(s, 0, sizeof *s);
}

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
}
