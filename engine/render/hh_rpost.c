/* hh_rpost.c - post-process anti-aliasing for scenes drawn without MSAA (software
 * rasterisers): the scene is drawn into the renderer's own single-sampled colour
 * texture (RGBA8, sRGB-encoded values as the shaders write them) with a packed
 * depth/stencil buffer, then one full-screen triangle of post_aa.frag filters it into
 * the target (same size: texel for pixel). The buffers follow the target's size (remade only when it changes: no
 * per-frame allocation). The HUD is drawn into the target afterwards, so text is never
 * filtered. */
#include "hh_render_int.h"
#include "../core/hh_i18n.h"
#include <stdlib.h>
#include <string.h>

/* compile the filter and make its (empty) vertex array; the buffers come later */
int hh_rpost_create(hh_post *p, hh_error *err) {
  memset(p, 0, sizeof *p);
  p->prog = hh_rshader_load("post_aa", err);
  if (!p->prog) return err ? err->code : HH_E_INTERNAL;
  p->u_src = glGetUniformLocation(p->prog, "u_src");
  p->u_max = glGetUniformLocation(p->prog, "u_max");
  glGenVertexArrays(1, &p->vao);
  return HH_OK;
}

/* free the program, vertex array and scene buffers */
void hh_rpost_destroy(hh_post *p) {
  if (p->prog) glDeleteProgram(p->prog);
  if (p->vao) glDeleteVertexArrays(1, &p->vao);
  if (p->fbo) glDeleteFramebuffers(1, &p->fbo);
  if (p->color) glDeleteTextures(1, &p->color);
  if (p->depth) glDeleteRenderbuffers(1, &p->depth);
  memset(p, 0, sizeof *p);
}

/* the mode $HH_AA asks for: 0 off, 1 on (also after an MSAA resolve), else -1 (auto:
   on when the scene pass has no MSAA) */
int hh_rpost_env_mode(void) {
  const char *s = getenv("HH_AA");
  if (!s || !*s) return -1;
  if (!strcmp(s, "0")) return 0;
  if (!strcmp(s, "1")) return 1;
  return -1;
}

int hh_rpost_ensure(hh_post *p, int w, int h) {
  if (w <= 0 || h <= 0) return 0;
  if (p->fbo && p->w == w && p->h == h) return p->ok;
  if (!p->fbo) {
    glGenFramebuffers(1, &p->fbo);
    glGenTextures(1, &p->color);
    glGenRenderbuffers(1, &p->depth);
  }
  glBindTexture(GL_TEXTURE_2D, p->color);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
  glBindTexture(GL_TEXTURE_2D, 0);
  glBindRenderbuffer(GL_RENDERBUFFER, p->depth);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, w, h);
  glBindRenderbuffer(GL_RENDERBUFFER, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, p->fbo);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, p->color, 0);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, p->depth);
  p->ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  p->w = w;
  p->h = h;
  return p->ok;
}

void hh_rpost_apply(hh_post *p, const hh_rtarget *t) {
  glBindFramebuffer(GL_FRAMEBUFFER, t->fbo);
  glViewport(0, 0, t->width, t->height);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glDisable(GL_BLEND);
  glDepthMask(GL_FALSE);
  glUseProgram(p->prog);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, p->color);
  glUniform1i(p->u_src, 0);
  glUniform2i(p->u_max, p->w - 1, p->h - 1);
  glBindVertexArray(p->vao);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
  glBindTexture(GL_TEXTURE_2D, 0);
  glDepthMask(GL_TRUE);
  glEnable(GL_DEPTH_TEST);
}
