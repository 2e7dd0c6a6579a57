/* hh_rtarget.c - offscreen colour targets for tests, benchmarks and eye images: a
 * texture of a given colour format with a packed depth/stencil renderbuffer, made
 * once and freed whole, and reading its pixels back. */
#include "hh_render_int.h"

int hh_rtarget_make(hh_rtarget *t, unsigned *tex, unsigned *depth, int w, int h, unsigned fmt) {
  GLuint fbo = 0, tx = 0, ds = 0;
  glGenFramebuffers(1, &fbo);
  glGenTextures(1, &tx);
  glBindTexture(GL_TEXTURE_2D, tx);
  glTexImage2D(GL_TEXTURE_2D, 0, (GLint)(fmt ? fmt : GL_RGBA8), w, h, 0, GL_RGBA,
               GL_UNSIGNED_BYTE, NULL);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glBindTexture(GL_TEXTURE_2D, 0);
  glGenRenderbuffers(1, &ds);
  glBindRenderbuffer(GL_RENDERBUFFER, ds);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, w, h);
  glBindRenderbuffer(GL_RENDERBUFFER, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tx, 0);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, ds);
  int ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  *t = (hh_rtarget){fbo, w, h};
  *tex = tx;
  *depth = ds;
  return ok;
}

void hh_rtarget_free(hh_rtarget *t, unsigned tex, unsigned depth) {
  GLuint fbo = t->fbo, tx = tex, ds = depth;
  if (fbo) glDeleteFramebuffers(1, &fbo);
  if (tx) glDeleteTextures(1, &tx);
  if (ds) glDeleteRenderbuffers(1, &ds);
  *t = (hh_rtarget){0, 0, 0};
}

void hh_rtarget_read(unsigned tex, unsigned char *rgba) {
  glBindTexture(GL_TEXTURE_2D, tex);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  glBindTexture(GL_TEXTURE_2D, 0);
}
