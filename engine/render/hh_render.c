/* hh_render.c - the renderer: create/destroy, and one frame of the scene (sun shadow
 * pass, instanced boxes, sky behind them) into the target it is given. Static boxes
 * (quay, ship, the yard of thousands of containers) live in their own instance
 * buffer uploaded once; the crane and load are uploaded each frame. The scene is
 * drawn into a multisampled buffer of the renderer's (the target's colour format,
 * packed depth/stencil) and resolved into the target with one blit; without MSAA
 * (software rasterisers) it is drawn into the renderer's own texture and filtered into
 * the target by the post-process anti-aliasing pass (hh_rpost.c). A stereo pair
 * (hh_render_scene_views) shares one upload and one shadow pass; every view sets its
 * own state (back faces culled) rather than inheriting the shadow pass's. */
#include "hh_render_int.h"
#include "../core/hh_i18n.h"
#include "hh_rcnc_keys.h"
#include <cglm/cglm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#define SHADOW_SIZE 1024     /* texels per side of each cascade */
#define SHADOW_NEAR_M 60.0f  /* the near cascade covers the view to this distance, m */
#define SHADOW_FAR_M 400.0f  /* and the far one to this, m (beyond: lit) */

/* sun and sky colours (linear) */
static const float SUN_DIR[3] = {0.42f, -0.38f, 0.82f};   /* normalised at use */
static const float SUN_RGB[3] = {0.92f, 0.86f, 0.76f};
static const float SKY_RGB[3] = {0.30f, 0.36f, 0.46f};
static const float GROUND_RGB[3] = {0.12f, 0.11f, 0.10f};
static const float HAZE_RGB[3] = {0.70f, 0.78f, 0.86f};
static const float ZENITH_RGB[3] = {0.10f, 0.26f, 0.62f};

/* compile scene.vert/.frag with defines and look up its uniforms */
static int scene_prog(hh_scene_prog *sp, const char *defines, hh_error *err) {
  GLuint p = hh_rshader_load_defs("scene", defines, err);
  if (!p) return err ? err->code : HH_E_INTERNAL;
  sp->prog = p;
  sp->view_proj = glGetUniformLocation(p, "u_view_proj");
  sp->light_vp = glGetUniformLocation(p, "u_light_vp");
  sp->shadow = glGetUniformLocation(p, "u_shadow");
  sp->sun_dir = glGetUniformLocation(p, "u_sun_dir");
  sp->sun_rgb = glGetUniformLocation(p, "u_sun_rgb");
  sp->sky_rgb = glGetUniformLocation(p, "u_sky_rgb");
  sp->ground_rgb = glGetUniformLocation(p, "u_ground_rgb");
  sp->haze_rgb = glGetUniformLocation(p, "u_haze_rgb");
  sp->eye = glGetUniformLocation(p, "u_eye");
  sp->time = glGetUniformLocation(p, "u_time");
  sp->shadow_texel = glGetUniformLocation(p, "u_shadow_texel");
  sp->far_k = glGetUniformLocation(p, "u_far_k");
  sp->far_c = glGetUniformLocation(p, "u_far_c");
  return HH_OK;
}

/* bind a scene program and set this frame's uniforms */
static void scene_use(const hh_renderer *r, const hh_scene_prog *sp, const float *vp,
                      const float eye[3], const float sun[3], float time_s) {
  glUseProgram(sp->prog);
  glUniformMatrix4fv(sp->view_proj, 1, GL_FALSE, vp);
  glUniformMatrix4fv(sp->light_vp, 1, GL_FALSE, r->shadow.light_vp);
  glUniform3fv(sp->far_k, 1, r->shadow.far_k);
  glUniform3fv(sp->far_c, 1, r->shadow.far_c);
  glUniform1i(sp->shadow, 0);
  glUniform3fv(sp->sun_dir, 1, sun);
  glUniform3fv(sp->sun_rgb, 1, SUN_RGB);
  glUniform3fv(sp->sky_rgb, 1, SKY_RGB);
  glUniform3fv(sp->ground_rgb, 1, GROUND_RGB);
  glUniform3fv(sp->haze_rgb, 1, HAZE_RGB);
  glUniform3fv(sp->eye, 1, eye);
  glUniform1f(sp->time, time_s);
  glUniform1f(sp->shadow_texel, 1.0f / (float)r->shadow.size);
}

/* move the ground boxes to the front of the static solids (which follow the n_water
   water instances, one per non-water box of m, in order); returns how many */
static int ground_first(hh_ibuf *b, int n_water, const hh_model *m) {
  int k = n_water, n = 0;
  for (int i = 0; i < m->n_boxes && i < HH_MAX_BOXES; i++) {
    if (m->box[i].role == HH_ROLE_WATER) continue;
    if (k >= b->n) break;
    if (m->box[i].role == HH_ROLE_GROUND) { /* rotate it down to slot n_water + n */
      hh_inst g = b->v[k];
      memmove(&b->v[n_water + n + 1], &b->v[n_water + n], sizeof g * (size_t)(k - n_water - n));
      b->v[n_water + n] = g;
      n++;
    }
    k++;
  }
  return n;
}

hh_renderer *hh_render_create(const hh_model *m, hh_error *err) {
  hh_renderer *r = calloc(1, sizeof *r);
  if (!r) {
    hh_error_set(err, HH_E_NOMEM, "", 0, 0, "%s", hh_tr("out of memory for the renderer"));
    return NULL;
  }
  r->layers = HH_LAYER_ALL;
  if (scene_prog(&r->solid, NULL, err) == HH_OK &&
      scene_prog(&r->water, "#define HH_WATER 1", err) == HH_OK)
    r->prog_shadow = hh_rshader_load("shadow", err);
  if (r->prog_shadow) r->prog_sky = hh_rshader_load("sky", err);
  if (!r->prog_sky || hh_rmesh_create(&r->box, err) != HH_OK ||
      hh_rmesh_create(&r->box_static, err) != HH_OK ||
      hh_rshadow_create(&r->shadow, SHADOW_SIZE, err) != HH_OK ||
      hh_rhud_create(&r->hud, err) != HH_OK || hh_rpost_create(&r->post, err) != HH_OK) {
    hh_render_destroy(r);
    return NULL;
  }
  r->ush_light_vp = glGetUniformLocation(r->prog_shadow, "u_light_vp");
  r->usky_inv_vp = glGetUniformLocation(r->prog_sky, "u_inv_view_proj");
  r->usky_zenith = glGetUniformLocation(r->prog_sky, "u_zenith_rgb");
  r->usky_haze = glGetUniformLocation(r->prog_sky, "u_haze_rgb");
  r->usky_sun = glGetUniformLocation(r->prog_sky, "u_sun_dir");
  glGenVertexArrays(1, &r->sky_vao);
  r->n_water = hh_rscene_static(&r->inst, m);
  r->n_ground = ground_first(&r->inst, r->n_water, m);
  hh_ryard_build(&r->inst, m);
  r->n_static = r->inst.n;
  hh_rmesh_upload(&r->box_static, r->inst.v, r->inst.n);
  r->font = hh_rtext_open_default();
  /* 4x MSAA by default; software rasterisers (llvmpipe) pay 3x for it, so there the
     default is off (HH_MSAA=4 turns it on anyway) */
  const char *ms = getenv("HH_MSAA"), *gl = (const char *)glGetString(GL_RENDERER);
  int soft = gl && (strstr(gl, "llvmpipe") || strstr(gl, "softpipe") || strstr(gl, "swrast"));
  r->want_samples = (ms && *ms) ? atoi(ms) : soft ? 0 : 4;
  GLint maxs = 0;
  glGetIntegerv(GL_MAX_SAMPLES, &maxs);
  if (r->want_samples > maxs) r->want_samples = maxs;
  if (r->want_samples < 2) r->want_samples = 0;
  r->aa_mode = hh_rpost_env_mode(); /* post-process AA: by default when no MSAA */
  r->blend = malloc(sizeof *r->blend);
  return r;
}

void hh_render_destroy(hh_renderer *r) {
  if (!r) return;
  if (r->solid.prog) glDeleteProgram(r->solid.prog);
  if (r->water.prog) glDeleteProgram(r->water.prog);
  if (r->prog_shadow) glDeleteProgram(r->prog_shadow);
  if (r->prog_sky) glDeleteProgram(r->prog_sky);
  if (r->sky_vao) glDeleteVertexArrays(1, &r->sky_vao);
  hh_rmesh_destroy(&r->box);
  hh_rmesh_destroy(&r->box_static);
  if (r->ms_fbo) glDeleteFramebuffers(1, &r->ms_fbo);
  if (r->ms_color) glDeleteRenderbuffers(1, &r->ms_color);
  if (r->ms_depth) glDeleteRenderbuffers(1, &r->ms_depth);
  hh_ibuf_free(&r->dyn);
  hh_ibuf_free(&r->sh_casters);
  free(r->blend);
  hh_rshadow_destroy(&r->shadow);
  hh_rhud_destroy(&r->hud);
  hh_rpost_destroy(&r->post);
  hh_rcnc_vrpad_destroy(r);
  hh_rfont_close(r->font);
  hh_ibuf_free(&r->inst);
  free(r);
}

unsigned hh_render_layers(hh_renderer *r, unsigned mask) {
  unsigned old = r->layers;
  r->layers = mask;
  return old;
}

/* 1 when the shadow map already holds this frame's casters (same light, layers and
   dynamic boxes: the other eye of a stereo pair); else remember them and return 0 */
static int shadow_current(hh_renderer *r) {
  size_t bytes = sizeof(hh_inst) * (size_t)r->dyn.n;
  if (r->sh_layers == r->layers && r->sh_casters.n == r->dyn.n &&
      !memcmp(r->sh_vp, r->shadow.light_vp, sizeof r->sh_vp) &&
      !memcmp(r->sh_vp1, r->shadow.far_vp, sizeof r->sh_vp1) &&
      (!bytes || !memcmp(r->sh_casters.v, r->dyn.v, bytes)))
    return 1;
  r->sh_casters.n = 0;
  for (int i = 0; i < r->dyn.n; i++) { /* copy (the buffer grows once) */
    if (r->sh_casters.n == r->sh_casters.cap) {
      int cap = r->sh_casters.cap ? r->sh_casters.cap * 2 : 256;
      hh_inst *v = realloc(r->sh_casters.v, sizeof *v * (size_t)cap);
      if (!v) {
        r->sh_layers = 0;
        return 0;
      }
      r->sh_casters.v = v;
      r->sh_casters.cap = cap;
    }
    r->sh_casters.v[r->sh_casters.n++] = r->dyn.v[i];
  }
  memcpy(r->sh_vp, r->shadow.light_vp, sizeof r->sh_vp);
  memcpy(r->sh_vp1, r->shadow.far_vp, sizeof r->sh_vp1);
  r->sh_layers = r->layers;
  return 0;
}

/* bytes per pixel of a colour format the renderer draws into */
static int format_bytes(GLenum f) { return f == GL_RGBA16F || f == GL_RGBA16 ? 8 : 4; }

/* internal format of the colour buffer of framebuffer fbo (bound on return), so the
   scene buffer can match it and the resolve is a plain copy with no conversion;
   GL_RGBA8 for the default framebuffer or when unknown */
static GLenum target_format(GLuint fbo) {
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  if (!fbo) return GL_RGBA8;
  GLint type = GL_NONE, enc = GL_LINEAR, bits = 8, comp = GL_UNSIGNED_NORMALIZED;
  const GLenum a = GL_COLOR_ATTACHMENT0;
  glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, a, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &type);
  if (type == GL_NONE) return GL_RGBA8;
  glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, a, GL_FRAMEBUFFER_ATTACHMENT_COLOR_ENCODING, &enc);
  glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, a, GL_FRAMEBUFFER_ATTACHMENT_RED_SIZE, &bits);
  glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, a, GL_FRAMEBUFFER_ATTACHMENT_COMPONENT_TYPE, &comp);
  if (comp == GL_FLOAT) return bits == 11 ? GL_R11F_G11F_B10F : GL_RGBA16F;
  if (bits == 10) return GL_RGB10_A2;
  if (bits == 16) return GL_RGBA16;
  return enc == GL_SRGB ? GL_SRGB8_ALPHA8 : GL_RGBA8;
}

/* (re)make the multisampled scene buffer for a w x h target of colour format fmt:
   colour in that format, depth + stencil packed (cleared whole: the fast clear), both
   renderbuffers; 0 samples when off or when the driver refuses it (then the scene is
   drawn straight into the target) */
static void ms_ensure(hh_renderer *r, int w, int h, GLenum fmt) {
  if (!r->want_samples) {
    r->ms_samples = 0;
    return;
  }
  if (r->ms_fbo && r->ms_w == w && r->ms_h == h && r->ms_format == fmt &&
      r->ms_samples == r->want_samples)
    return;
  if (!r->ms_fbo) {
    glGenFramebuffers(1, &r->ms_fbo);
    glGenRenderbuffers(1, &r->ms_color);
    glGenRenderbuffers(1, &r->ms_depth);
  }
  glBindRenderbuffer(GL_RENDERBUFFER, r->ms_color);
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, r->want_samples, fmt, w, h);
  glBindRenderbuffer(GL_RENDERBUFFER, r->ms_depth);
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, r->want_samples, GL_DEPTH24_STENCIL8, w, h);
  glBindRenderbuffer(GL_RENDERBUFFER, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, r->ms_fbo);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, r->ms_color);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, r->ms_depth);
  int ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  r->ms_w = w;
  r->ms_h = h;
  r->ms_format = fmt;
  r->ms_samples = ok ? r->want_samples : 0;
  if (!ok) r->want_samples = 0;
}

/* the sun's depth maps: both cascades, casters are everything but water and ground */
static void shadow_pass(hh_renderer *r, int world) {
  glBindFramebuffer(GL_FRAMEBUFFER, r->shadow.fbo);
  glViewport(0, 0, 2 * r->shadow.size, r->shadow.size);
  glDepthMask(GL_TRUE);
  glClear(GL_DEPTH_BUFFER_BIT);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  glEnable(GL_POLYGON_OFFSET_FILL);
  glPolygonOffset(1.5f, 2.0f);
  glUseProgram(r->prog_shadow);
  int cast0 = r->n_water + r->n_ground; /* the ground casts no shadow */
  for (int c = 0; c < 2; c++) {
    glViewport(c * r->shadow.size, 0, r->shadow.size, r->shadow.size);
    glUniformMatrix4fv(r->ush_light_vp, 1, GL_FALSE, c ? r->shadow.far_vp : r->shadow.light_vp);
    if (r->dyn.n > 0) hh_rmesh_draw(&r->box, 0, r->dyn.n), r->draws++;
    if (world && r->n_static > cast0)
      hh_rmesh_draw(&r->box_static, cast0, r->n_static - cast0), r->draws++;
  }
  glDisable(GL_POLYGON_OFFSET_FILL);
  r->passes++;
  r->rt_bytes += 2LL * r->shadow.size * r->shadow.size * 4; /* 24-bit depth in 32 */
}

/* tell the driver the scene buffer's samples are no longer needed (after the
   resolve), so it need not keep them; only where the loader has the entry point */
static void ms_discard(void) {
#ifdef GL_ARB_invalidate_subdata
  if (GLAD_GL_ARB_invalidate_subdata && glInvalidateFramebuffer) {
    static const GLenum att[2] = {GL_COLOR_ATTACHMENT0, GL_DEPTH_STENCIL_ATTACHMENT};
    glInvalidateFramebuffer(GL_READ_FRAMEBUFFER, 2, att);
  }
#endif
}

/* one view: clear, boxes lit and shadowed, sky, resolve into the target */
static void scene_view(hh_renderer *r, const hh_data *d, const float view[16],
                       const float proj[16], const hh_rtarget *t, const float sun[3], int world) {
  /* the scene buffer (multisampled in the target's format when available, else the
     post-process AA texture or the target); cleared whole, colour, depth and stencil */
  GLenum fmt = r->want_samples ? target_format(t->fbo) : GL_RGBA8;
  /* with the post-process AA pass the scene ends up in the renderer's RGBA8 texture
     (the MSAA resolve too, so its samples are RGBA8), then the pass filters it into
     the target */
  int post = r->aa_mode == 1 || (r->aa_mode < 0 && !r->want_samples);
  if (post) fmt = GL_RGBA8;
  ms_ensure(r, t->width, t->height, fmt);
  post = (r->aa_mode == 1 || (r->aa_mode < 0 && !r->ms_samples)) &&
         hh_rpost_ensure(&r->post, t->width, t->height);
  GLuint dst = post ? r->post.fbo : t->fbo; /* where the scene (or its resolve) lands */
  GLuint fbo = r->ms_samples ? r->ms_fbo : dst;
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glViewport(0, 0, t->width, t->height);
  glDepthMask(GL_TRUE);
  glClearColor(HAZE_RGB[0], HAZE_RGB[1], HAZE_RGB[2], 1);
  glClearStencil(0);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
  long long px = (long long)t->width * t->height;
  int cb = format_bytes(r->ms_samples ? r->ms_format : fmt);
  r->passes++;
  r->rt_bytes += px * (cb + 4) * (r->ms_samples ? r->ms_samples : 1);
  mat4 vp, ivp, v, p;
  memcpy(v, view, sizeof v);
  memcpy(p, proj, sizeof p);
  glm_mat4_mul(p, v, vp);
  glm_mat4_inv(vp, ivp);

  /* the boxes, lit and shadowed */
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  mat4 iv;
  glm_mat4_inv(v, iv);
  float eye[3] = {iv[3][0], iv[3][1], iv[3][2]};
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, r->shadow.tex);
  /* crane and load first: they cover the big quay and water boxes, and the early
     depth test then skips shading those hidden pixels (matters on llvmpipe) */
  scene_use(r, &r->solid, (float *)vp, eye, sun, (float)d->time_s);
  if (r->dyn.n > 0) hh_rmesh_draw(&r->box, 0, r->dyn.n), r->draws++;
  if (world) {
    if (r->n_static > r->n_water)
      hh_rmesh_draw(&r->box_static, r->n_water, r->n_static - r->n_water), r->draws++;
    if (r->n_water > 0) {
      scene_use(r, &r->water, (float *)vp, eye, sun, (float)d->time_s);
      hh_rmesh_draw(&r->box_static, 0, r->n_water), r->draws++;
    }
  }
  glBindTexture(GL_TEXTURE_2D, 0);
  glDisable(GL_CULL_FACE);

  /* sky last, at the far plane: only pixels no box covered are shaded */
  glDepthFunc(GL_LEQUAL);
  glDepthMask(GL_FALSE);
  glUseProgram(r->prog_sky);
  glUniformMatrix4fv(r->usky_inv_vp, 1, GL_FALSE, (float *)ivp);
  glUniform3fv(r->usky_zenith, 1, ZENITH_RGB);
  glUniform3fv(r->usky_haze, 1, HAZE_RGB);
  glUniform3fv(r->usky_sun, 1, sun);
  glBindVertexArray(r->sky_vao);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  r->draws++;
  glBindVertexArray(0);
  glDepthMask(GL_TRUE);
  glDepthFunc(GL_LESS);

  /* resolve the samples straight into the target (same format: a plain resolve), one
     blit, then drop the samples */
  if (r->ms_samples) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, r->ms_fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, dst);
    glBlitFramebuffer(0, 0, t->width, t->height, 0, 0, t->width, t->height,
                      GL_COLOR_BUFFER_BIT, GL_NEAREST);
    ms_discard();
    glBindFramebuffer(GL_FRAMEBUFFER, dst);
    r->passes++;
    r->rt_bytes += px * cb;
  }
  /* the anti-aliasing pass: the scene texture filtered into the target (the HUD comes
     after, unfiltered) */
  if (post) {
    hh_rpost_apply(&r->post, t);
    r->draws++;
    r->passes++;
    r->aa_used++;
    r->rt_bytes += px * format_bytes(target_format(t->fbo));
  }
}

void hh_render_scene_views(hh_renderer *r, const hh_model *m, const hh_data *d, int n,
                           const float (*view)[16], const float (*proj)[16],
                           const hh_rtarget *t) {
  vec3 sun;
  glm_vec3_normalize_to((float *)SUN_DIR, sun);
  r->draws = 0;
  r->hud.draws = 0; /* until hh_render_hud draws this frame's */
  r->passes = 0;
  r->rt_bytes = 0;
  r->aa_used = 0;
  if (n <= 0) return;
  glDisable(GL_FRAMEBUFFER_SRGB); /* the shaders write sRGB-encoded colour */
  /* this frame's instances, once for all the views: only the crane and the load */
  r->dyn.n = 0;
  hh_rscene_dynamic(&r->dyn, m, d, r->layers);
  hh_rmesh_upload(&r->box, r->dyn.v, r->dyn.n);
  int world = (r->layers & HH_LAYER_WORLD) != 0;
  /* sun depth maps fitted to all the views at once, a near cascade (sharp shadows
     close to the camera) and a far one (the yard); drawn once per frame, and not at
     all when the last frame's map still holds (same casters, same fit) */
  hh_rshadow_fit_views(&r->shadow, sun, n, view, proj, SHADOW_NEAR_M, SHADOW_FAR_M);
  if (!shadow_current(r)) shadow_pass(r, world);
  for (int i = 0; i < n; i++) scene_view(r, d, view[i], proj[i], &t[i], sun, world);
}

void hh_render_scene(hh_renderer *r, const hh_model *m, const hh_data *d,
                     const float view[16], const float proj[16], const hh_rtarget *t) {
  hh_render_scene_views(r, m, d, 1, (const float (*)[16])view, (const float (*)[16])proj, t);
}

int hh_render_msaa(hh_renderer *r, int samples) {
  int old = r->want_samples;
  GLint maxs = 0;
  glGetIntegerv(GL_MAX_SAMPLES, &maxs);
  if (samples > maxs) samples = maxs;
  r->want_samples = samples < 2 ? 0 : samples;
  return old;
}

int hh_render_aa(hh_renderer *r, int mode) {
  int old = r->aa_mode;
  r->aa_mode = mode < 0 ? -1 : mode > 0 ? 1 : 0;
  return old;
}

void hh_render_pose_save(const hh_data *d, hh_render_pose *p) {
  p->gantry = d->gantry;
  p->trolley = d->trolley;
  p->hoist = d->hoist;
  p->spreader = d->spreader;
  p->container = d->container;
  p->time_s = d->time_s;
}

/* a + (b - a) * t */
static double lerp(double a, double b, double t) { return a + (b - a) * t; }

/* body pose blended from a to b (normalised quaternion lerp along the short way) */
static void blend_body(const hh_body_state *a, hh_body_state *b, double t) {
  int unset = a->quat[0] == 0 && a->quat[1] == 0 && a->quat[2] == 0 && a->quat[3] == 0;
  if (unset) return; /* the physics had not written a pose yet: keep b */
  double dot = 0, n = 0, q[4];
  for (int i = 0; i < 4; i++) dot += a->quat[i] * b->quat[i];
  for (int i = 0; i < 4; i++) {
    q[i] = lerp(dot < 0 ? -a->quat[i] : a->quat[i], b->quat[i], t);
    n += q[i] * q[i];
  }
  n = n > 0 ? 1.0 / sqrt(n) : 0;
  for (int i = 0; i < 3; i++) b->pos[i] = lerp(a->pos[i], b->pos[i], t);
  if (n > 0)
    for (int i = 0; i < 4; i++) b->quat[i] = q[i] * n;
}

const hh_data *hh_render_blend(hh_renderer *r, const hh_render_pose *prev,
                               const hh_data *d, float alpha) {
  if (!r->blend || !prev || alpha >= 1.0f) return d;
  if (alpha < 0.0f) alpha = 0.0f;
  double t = alpha;
  *r->blend = *d; /* shallow: the view is only read */
  hh_data *b = r->blend;
  b->gantry.pos = lerp(prev->gantry.pos, d->gantry.pos, t);
  b->trolley.pos = lerp(prev->trolley.pos, d->trolley.pos, t);
  b->hoist.pos = lerp(prev->hoist.pos, d->hoist.pos, t);
  blend_body(&prev->spreader, &b->spreader, t);
  blend_body(&prev->container, &b->container, t);
  return b;
}

float hh_render_text(hh_renderer *r, const hh_rtarget *t, float x, float y, int px,
                     const char *utf8, const float rgba[4]) {
  if (!r->font || !utf8) return 0;
  return hh_rhud_line(&r->hud, r->font, t, x, y, px, utf8, rgba);
}

void hh_render_large_print(hh_renderer *r, int on) { r->hud.large = on != 0; }

/* the HUD's time panel counts down to the time limit (competition) */
void hh_render_countdown(hh_renderer *r, int on) { r->hud.countdown = on != 0; }

void hh_render_get_stats(const hh_renderer *r, hh_render_stats *s) {
  s->draw_calls = r->draws + r->hud.draws;
  s->instances = r->dyn.n + ((r->layers & HH_LAYER_WORLD) ? r->n_static : 0);
  s->msaa = r->ms_samples;
  s->passes = r->passes;
  s->target_bytes = r->rt_bytes;
  s->aa = r->aa_used;
}

void hh_render_hud(hh_renderer *r, const hh_model *m, const hh_data *d, const hh_rtarget *t) {
  r->hud.draws = 0;
  if (!(r->layers & HH_LAYER_HUD)) return;
  hh_rhud_draw(&r->hud, r->font, m, d, t);
}
