/* hh_rcnc_vrpad.c - the CNC key pad inside the VR headset: once per frame the pad
 * (hh_rcnc_keys_draw_vr, one draw call) is drawn into an offscreen texture of
 * HH_RCNC_VR_W x HH_RCNC_VR_H, and each eye draws it as one textured quad at the panel
 * pose the aim-ray hit test uses (HH_RCNC_VR_C, HH_RCNC_VR_SIZE in hh_rcnc_keys.h).
 * The GL objects are made on first use for one renderer and freed by
 * hh_rcnc_vrpad_destroy (hh_render_destroy calls it). Reads no hh_data.
 */
#include "hh_render_int.h"
#include "hh_rcnc_keys.h"
#include <stddef.h>

static GLuint tex, fbo, prog, vao, vbo;
static GLint u_vp, u_pad;
static const hh_renderer *owner; /* renderer the objects were made for */
static int ready;                /* the texture holds this frame's pad */

/* make the texture, framebuffer, program and quad; 0 on failure */
static int create(hh_renderer *r) {
  if (owner == r && prog) return 1;
  if (owner) hh_rcnc_vrpad_destroy(NULL); /* made for another renderer */
  hh_error err = {0};
  prog = hh_rshader_load("vrpad", &err);
  if (!prog) return 0;
  u_vp = glGetUniformLocation(prog, "u_vp");
  u_pad = glGetUniformLocation(prog, "u_pad");
  glGenTextures(1, &tex);
  glBindTexture(GL_TEXTURE_2D, tex);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, HH_RCNC_VR_W, HH_RCNC_VR_H, 0, GL_RGBA,
               GL_UNSIGNED_BYTE, NULL);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glBindTexture(GL_TEXTURE_2D, 0);
  glGenFramebuffers(1, &fbo);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
  int ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  /* the panel's corners: seated space (x right, y up, -z ahead) -> world axes (x, -z, y) */
  static const float c[3] = HH_RCNC_VR_C, s[2] = HH_RCNC_VR_SIZE;
  float x0 = c[0] - 0.5f * s[0], x1 = c[0] + 0.5f * s[0];
  float y0 = c[1] - 0.5f * s[1], y1 = c[1] + 0.5f * s[1], d = -c[2];
  /* texture row 0 is the pad's bottom (the HUD draws y down) */
  const float v[6][5] = {{x0, d, y1, 0, 1}, {x1, d, y1, 1, 1}, {x1, d, y0, 1, 0},
                         {x0, d, y1, 0, 1}, {x1, d, y0, 1, 0}, {x0, d, y0, 0, 0}};
  glGenVertexArrays(1, &vao);
  glGenBuffers(1, &vbo);
  glBindVertexArray(vao);
  glBindBuffer(GL_ARRAY_BUFFER, vbo);
  glBufferData(GL_ARRAY_BUFFER, sizeof v, v, GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 5 * sizeof(float), (void *)0);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 5 * sizeof(float), (void *)(3 * sizeof(float)));
  glBindVertexArray(0);
  owner = r;
  return ok;
}

/* free the pad's GL objects if they were made for r (NULL: whichever renderer) */
void hh_rcnc_vrpad_destroy(hh_renderer *r) {
  if (r && owner != r) return;
  GLint cur = 0;
  glGetIntegerv(GL_CURRENT_PROGRAM, &cur);
  if (prog && (GLuint)cur == prog) glUseProgram(0);
  if (vao) glDeleteVertexArrays(1, &vao);
  if (vbo) glDeleteBuffers(1, &vbo);
  if (fbo) glDeleteFramebuffers(1, &fbo);
  if (tex) glDeleteTextures(1, &tex);
  if (prog) glDeleteProgram(prog);
  tex = fbo = prog = vao = vbo = 0;
  owner = NULL;
  ready = 0;
}

/* the pad's GL object names now (texture, framebuffer, program, vertex array, buffer;
   0: none); returns how many are non-zero */
int hh_rcnc_vrpad_objects(unsigned names[5]) {
  const GLuint v[5] = {tex, fbo, prog, vao, vbo};
  int n = 0;
  for (int i = 0; i < 5; i++) {
    names[i] = v[i];
    n += v[i] != 0;
  }
  return n;
}

/* draw the pad into the offscreen texture, the pointed key highlighted */
int hh_rcnc_vrpad_update(hh_renderer *r, int hover, float hx, float hy, int down) {
  ready = 0;
  if (!r || !create(r)) return 0;
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glViewport(0, 0, HH_RCNC_VR_W, HH_RCNC_VR_H);
  glClearColor(0, 0, 0, 0);
  glClear(GL_COLOR_BUFFER_BIT);
  r->hud.n = 0;
  hh_rcnc_keys_draw_vr(&r->hud, r->font, hover, hx, hy, down);
  hh_rtarget t = {fbo, HH_RCNC_VR_W, HH_RCNC_VR_H};
  hh_rhud_flush(&r->hud, r->font, &t);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  ready = 1;
  return 1;
}

/* the textured panel quad over the eye's scene (no depth test: always in front) */
void hh_rcnc_vrpad_draw(hh_renderer *r, const float view[16], const float proj[16],
                        unsigned target, int w, int h) {
  if (!ready || owner != r) return;
  float vp[16];
  for (int i = 0; i < 4; i++) /* column-major proj * view */
    for (int j = 0; j < 4; j++) {
      float s = 0;
      for (int k = 0; k < 4; k++) s += proj[k * 4 + j] * view[i * 4 + k];
      vp[i * 4 + j] = s;
    }
  glBindFramebuffer(GL_FRAMEBUFFER, target);
  glViewport(0, 0, w, h);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA); /* the texture's colour is alpha-weighted */
  glUseProgram(prog);
  glUniformMatrix4fv(u_vp, 1, GL_FALSE, vp);
  glUniform1i(u_pad, 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, tex);
  glBindVertexArray(vao);
  glDrawArrays(GL_TRIANGLES, 0, 6);
  glBindVertexArray(0);
  glDisable(GL_BLEND);
  glEnable(GL_DEPTH_TEST);
}
