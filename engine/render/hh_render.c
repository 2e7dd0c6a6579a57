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
#include <time.h>

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

/* ---- $HH_RENDER_PROFILE=1: a debug measurement, never on in the product path. Each
   stage of a one-view frame is bracketed by glFinish; its CPU time (all threads) and
   the fragments it shaded (GL_SAMPLES_PASSED) are summed and printed to stderr when
   the renderer is destroyed (docs/rendering.md, Performance). */
enum { PF_BUILD, PF_SHADOW, PF_SOLID, PF_WATER, PF_SKY, PF_POST, PF_HUD, PF_N };
static const char *const PF_NAME[PF_N] = {"build+upload", "shadow", "solids", "water",
                                          "sky", "post AA", "HUD"};
static struct { int on; double t0, sum[PF_N]; long frames; } g_pf = {-1, 0, {0}, 0};
static double g_pf_frags[PF_N]; /* fragments that passed the depth test (shaded), summed */
static GLuint g_pf_query;       /* the GL_SAMPLES_PASSED query of the stage being timed */
static int g_pf_views = 1; /* views of the frame being drawn: only 1-view frames count */

/* now (s) after the GL work so far is done; 0 when profiling is off */
static double pf_now(void) {
  if (g_pf.on < 0) {
    const char *e = getenv("HH_RENDER_PROFILE");
    g_pf.on = e && *e && *e != '0';
  }
  if (!g_pf.on) return 0;
  glFinish();
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* all threads: robust to a busy machine */
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* add the time since the last mark to stage i and mark now */
static void pf_mark(int i) {
  if (!g_pf.on) return;
  double t = pf_now(); /* (reads $HH_RENDER_PROFILE on the first call) */
  if (!g_pf.on) return;
  if (i >= 0 && g_pf_views == 1) g_pf.sum[i] += t - g_pf.t0;
  g_pf.t0 = t;
  if (g_pf_query) { /* and the fragments the stage shaded */
    GLuint n = 0;
    glEndQuery(GL_SAMPLES_PASSED);
    glGetQueryObjectuiv(g_pf_query, GL_QUERY_RESULT, &n);
    if (i >= 0 && g_pf_views == 1) g_pf_frags[i] += n;
  } else {
    glGenQueries(1, &g_pf_query);
  }
  glBeginQuery(GL_SAMPLES_PASSED, g_pf_query);
}

/* print and clear the sums (per frame, ms) */
static void pf_report(void) {
  if (g_pf.on <= 0 || !g_pf.frames) return;
  fprintf(stderr, "render profile, %ld one-view frames, CPU ms/frame:", g_pf.frames);
  for (int i = 0; i < PF_N; i++) {
    double f = (double)g_pf.frames;
    fprintf(stderr, " %s %.2f (%.2f Mfrag)", PF_NAME[i], 1000.0 * g_pf.sum[i] / f,
            1e-6 * g_pf_frags[i] / f);
    g_pf.sum[i] = g_pf_frags[i] = 0;
  }
  fprintf(stderr, "\n");
  g_pf.frames = 0;
}

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
  sp->pix_scale = glGetUniformLocation(p, "u_pix_scale");
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
  glUniform1f(sp->pix_scale, r->pix_scale);
}

/* the dynamic instances split: [0, *sea) sea patches, [*sea, *rope) solids, [*rope, n)
   ropes (hh_render_int.h: HH_MAT_SEA first, HH_MAT_ROPE last) */
static void dyn_split(const hh_renderer *r, int *sea, int *rope) {
  int a = 0, b = r->dyn.n;
  while (a < b && r->dyn.v[a].mat[0] == (float)HH_MAT_SEA) a++;
  while (b > a && r->dyn.v[b - 1].mat[0] == (float)HH_MAT_ROPE) b--;
  *sea = a, *rope = b;
}

/* a dynamic solid's distance from the eye: its model matrix's columns are the box's
   half axes, so the nearest point of the box is the centre plus each axis scaled by
   the eye's coordinate along it, clamped to the box */
typedef struct hh_dkey {
  float d; /* squared distance from the eye to the box (m^2) */
  int i;   /* index in the dynamic instances */
} hh_dkey;

/* squared distance (m^2) from e to the box of instance in */
static float box_dist2(const hh_inst *in, const float e[3]) {
  const float *mm = in->model;
  float rel[3] = {e[0] - mm[12], e[1] - mm[13], e[2] - mm[14]}, q[3] = {mm[12], mm[13], mm[14]};
  for (int k = 0; k < 3; k++) {
    const float *ax = mm + 4 * k;
    float len2 = ax[0] * ax[0] + ax[1] * ax[1] + ax[2] * ax[2];
    if (len2 <= 0) continue;
    float u = (rel[0] * ax[0] + rel[1] * ax[1] + rel[2] * ax[2]) / len2;
    u = u < -1 ? -1 : u > 1 ? 1 : u;
    for (int j = 0; j < 3; j++) q[j] += u * ax[j];
  }
  float dx = e[0] - q[0], dy = e[1] - q[1], dz = e[2] - q[2];
  return dx * dx + dy * dy + dz * dz;
}

/* near first; equal distances keep their build order (the sort is deterministic) */
static int dkey_cmp(const void *a, const void *b) {
  const hh_dkey *x = a, *y = b;
  if (x->d != y->d) return x->d < y->d ? -1 : 1;
  return (x->i > y->i) - (x->i < y->i);
}

/* the eye (world, m) of view (column-major) */
static void view_eye(const float view[16], float eye[3]) {
  mat4 vm, iv;
  memcpy(vm, view, sizeof vm);
  glm_mat4_inv(vm, iv);
  eye[0] = iv[3][0], eye[1] = iv[3][1], eye[2] = iv[3][2];
}

/* reorder the n boxes v near to far from eye, so the early depth test skips shading
   what nearer boxes hide; the picture is the same (opaque, depth tested). Scratch
   space grows once (no allocation after the first frames); 0 when it cannot (the
   order stays) */
static int sort_near_first(hh_renderer *r, hh_inst *v, int n, const float eye[3]) {
  if (n < 2) return 0;
  if (n > r->dyn_key_cap || n > r->dyn_tmp.cap) {
    hh_dkey *k = realloc(r->dyn_key, sizeof *k * (size_t)n);
    if (k) r->dyn_key = k, r->dyn_key_cap = n;
    hh_inst *t = realloc(r->dyn_tmp.v, sizeof *t * (size_t)n);
    if (t) r->dyn_tmp.v = t, r->dyn_tmp.cap = n;
    if (!k || !t) return 0;
  }
  for (int i = 0; i < n; i++) r->dyn_key[i] = (hh_dkey){box_dist2(&v[i], eye), i};
  qsort(r->dyn_key, (size_t)n, sizeof *r->dyn_key, dkey_cmp);
  memcpy(r->dyn_tmp.v, v, sizeof *v * (size_t)n);
  for (int i = 0; i < n; i++) v[i] = r->dyn_tmp.v[r->dyn_key[i].i];
  return 1;
}

/* the dynamic solids (between the sea patches and the ropes; the sea patches are built
   in a good order already) near to far from the eye of view, each frame before the
   upload */
static void dyn_sort_near_first(hh_renderer *r, const float view[16]) {
  int sea, rope;
  float eye[3];
  dyn_split(r, &sea, &rope);
  view_eye(view, eye);
  sort_near_first(r, r->dyn.v + sea, rope - sea, eye);
}

#define STATIC_SORT_M 2.0f /* the static solids are reordered when the eye moved this far, m */

/* the static solids other than the ground (which stays last) near to far from the eye
   of view; sorted again, and uploaded again, only when the eye has moved more than
   STATIC_SORT_M since the last sort (the order is only a speed-up) */
static void static_sort_near_first(hh_renderer *r, const float view[16]) {
  float eye[3];
  view_eye(view, eye);
  float dx = eye[0] - r->st_eye[0], dy = eye[1] - r->st_eye[1], dz = eye[2] - r->st_eye[2];
  if (r->st_sorted && dx * dx + dy * dy + dz * dz <= STATIC_SORT_M * STATIC_SORT_M) return;
  memcpy(r->st_eye, eye, sizeof r->st_eye);
  r->st_sorted = 1;
  if (sort_near_first(r, r->inst.v + r->n_water, r->n_static - r->n_ground - r->n_water, eye))
    hh_rmesh_upload(&r->box_static, r->inst.v, r->n_static);
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

/* rotate the k instances at v[a..a+k) to the end of v[a..b) (the others keep their
   order); at create time only */
static void rotate_to_end(hh_inst *v, int a, int k, int b) {
  hh_inst *t = k > 0 && b - a > k ? malloc(sizeof *t * (size_t)k) : NULL;
  if (!t) return;
  memcpy(t, v + a, sizeof *t * (size_t)k);
  memmove(v + a, v + a + k, sizeof *t * (size_t)(b - a - k));
  memcpy(v + b - k, t, sizeof *t * (size_t)k);
  free(t);
}

/* the static instances drawn near to far where that is known: the open sea to the
   horizon (water instance 0, under the model's water) after the model's water, and
   the n_ground ground boxes (after the water) after every other solid, the yard too;
   the layout is then water, solids, ground, so the shadow casters (solids) are one
   range and the scene's solids, ground last, another */
static void static_order(hh_ibuf *b, int n_water, int n_ground) {
  rotate_to_end(b->v, 0, 1, n_water);
  rotate_to_end(b->v, n_water, n_ground, b->n);
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
  static_order(&r->inst, r->n_water, r->n_ground);
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
  pf_report();
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
  hh_ibuf_free(&r->dyn_tmp);
  free(r->dyn_key);
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

/* the shadow passes' state: depth test, back faces culled, depth offset, program */
static void shadow_state(hh_renderer *r) {
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  glEnable(GL_POLYGON_OFFSET_FILL);
  glPolygonOffset(1.5f, 2.0f);
  glUseProgram(r->prog_shadow);
}

/* the sun's depth maps: both cascades, casters are everything but water and ground */
static void shadow_pass(hh_renderer *r, int world) {
  hh_shadow *sh = &r->shadow;
  /* casters: the static solids but the ground (last: it casts no shadow) */
  int cast0 = r->n_water, n_cast = r->n_static - r->n_ground - r->n_water;
  int statics = world && n_cast > 0;
  if (statics && (!sh->st_valid || memcmp(sh->st_vp, sh->light_vp, sizeof sh->st_vp) ||
                  memcmp(sh->st_vp1, sh->far_vp, sizeof sh->st_vp1))) {
    /* the static casters alone, kept while the fit holds (the camera still) */
    glBindFramebuffer(GL_FRAMEBUFFER, sh->st_fbo);
    glViewport(0, 0, 2 * sh->size, sh->size);
    glDepthMask(GL_TRUE);
    glClear(GL_DEPTH_BUFFER_BIT);
    shadow_state(r);
    for (int c = 0; c < 2; c++) {
      glViewport(c * sh->size, 0, sh->size, sh->size);
      glUniformMatrix4fv(r->ush_light_vp, 1, GL_FALSE, c ? sh->far_vp : sh->light_vp);
      hh_rmesh_draw(&r->box_static, cast0, n_cast), r->draws++;
    }
    memcpy(sh->st_vp, sh->light_vp, sizeof sh->st_vp);
    memcpy(sh->st_vp1, sh->far_vp, sizeof sh->st_vp1);
    sh->st_valid = 1;
    sh->st_draws++; /* (a refill: not counted in the frame's passes and bytes) */
  }
  /* the maps start as the static casters' (a copy) or empty; the moving casters are
     drawn over them: the nearest depth wins either way, the same maps as drawing all */
  glBindFramebuffer(GL_FRAMEBUFFER, r->shadow.fbo);
  glViewport(0, 0, 2 * r->shadow.size, r->shadow.size);
  glDepthMask(GL_TRUE);
  if (statics) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, sh->st_fbo);
    glBlitFramebuffer(0, 0, 2 * sh->size, sh->size, 0, 0, 2 * sh->size, sh->size,
                      GL_DEPTH_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, sh->fbo);
  } else {
    glClear(GL_DEPTH_BUFFER_BIT);
  }
  shadow_state(r);
  int sea, rope; /* nor does the sea */
  dyn_split(r, &sea, &rope);
  for (int c = 0; c < 2; c++) {
    glViewport(c * r->shadow.size, 0, r->shadow.size, r->shadow.size);
    glUniformMatrix4fv(r->ush_light_vp, 1, GL_FALSE, c ? r->shadow.far_vp : r->shadow.light_vp);
    if (r->dyn.n > sea) hh_rmesh_draw(&r->box, sea, r->dyn.n - sea), r->draws++;
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
  r->pix_scale = 0.5f * (float)t->height * p[1][1];
  int sea, rope;
  dyn_split(r, &sea, &rope);

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
  if (rope > sea) hh_rmesh_draw(&r->box, sea, rope - sea), r->draws++;
  /* then the static solids, the ground last (static_order): it lies under everything
     else, which then hides the ground's pixels before they are shaded */
  if (world && r->n_static > r->n_water)
    hh_rmesh_draw(&r->box_static, r->n_water, r->n_static - r->n_water), r->draws++;
  pf_mark(PF_SOLID);
  if ((world && r->n_water > 0) || sea > 0) {
    scene_use(r, &r->water, (float *)vp, eye, sun, (float)d->time_s);
    /* near to far: the moving sea patches, then the model's water with the open sea to
       the horizon (just under it) last (static_order), so the water shader is not run
       on pixels a nearer water surface covers */
    if (sea > 0) hh_rmesh_draw(&r->box, 0, sea), r->draws++;
    if (world && r->n_water > 0) hh_rmesh_draw(&r->box_static, 0, r->n_water), r->draws++;
  }
  glBindTexture(GL_TEXTURE_2D, 0);
  glDisable(GL_CULL_FACE);
  pf_mark(PF_WATER);

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
  pf_mark(PF_SKY);
  /* ropes last, over the sky too: blended by their pixel coverage (scene.vert) */
  if (r->dyn.n > rope) {
    glEnable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE);
    glBindTexture(GL_TEXTURE_2D, r->shadow.tex);
    glUseProgram(r->solid.prog);
    hh_rmesh_draw(&r->box, rope, r->dyn.n - rope), r->draws++;
    glBindTexture(GL_TEXTURE_2D, 0);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
  }

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
  pf_mark(PF_POST);
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
  pf_mark(-1);
  g_pf_views = n;
  g_pf.frames += n == 1;
  glDisable(GL_FRAMEBUFFER_SRGB); /* the shaders write sRGB-encoded colour */
  /* this frame's instances, once for all the views: only the crane and the load */
  r->dyn.n = 0;
  hh_rscene_dynamic(&r->dyn, m, d, r->layers);
  int world = (r->layers & HH_LAYER_WORLD) != 0;
  /* sun depth maps fitted to all the views at once, a near cascade (sharp shadows
     close to the camera) and a far one (the yard); drawn once per frame, and not at
     all when the last frame's map still holds (same casters, same fit: compared
     before the solids are reordered for the view, so a turning camera keeps it) */
  hh_rshadow_fit_views(&r->shadow, sun, n, view, proj, SHADOW_NEAR_M, SHADOW_FAR_M);
  int shadow_ok = shadow_current(r);
  dyn_sort_near_first(r, view[0]);
  hh_rmesh_upload(&r->box, r->dyn.v, r->dyn.n);
  if (world) static_sort_near_first(r, view[0]);
  pf_mark(PF_BUILD);
  if (!shadow_ok) shadow_pass(r, world);
  pf_mark(PF_SHADOW);
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
  pf_mark(-1);
  hh_rhud_draw(&r->hud, r->font, m, d, t);
  pf_mark(PF_HUD);
}
