/* hh_render.c - the renderer: create/destroy, and one frame of the scene (sun shadow
 * pass, instanced boxes, sky behind them) into the target it is given. */
#include "hh_render_int.h"
#include "../core/hh_i18n.h"
#include <cglm/cglm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HH_FONT_PATH "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
#define HH_FONT_FACE_SC 2   /* "Noto Sans CJK SC" inside the .ttc (fc-query) */
#define SHADOW_SIZE 1024

/* sun and sky colours (linear) */
static const float SUN_DIR[3] = {0.42f, -0.38f, 0.82f};   /* normalised at use */
static const float SUN_RGB[3] = {0.92f, 0.86f, 0.76f};
static const float SKY_RGB[3] = {0.30f, 0.36f, 0.46f};
static const float GROUND_RGB[3] = {0.12f, 0.11f, 0.10f};
static const float HAZE_RGB[3] = {0.70f, 0.78f, 0.86f};
static const float ZENITH_RGB[3] = {0.10f, 0.26f, 0.62f};

/* font path: $HH_FONT, else the Debian fonts-noto-cjk file */
static hh_font *open_font(void) {
  const char *path = getenv("HH_FONT");
  int face = HH_FONT_FACE_SC;
  if (!path || !*path) path = HH_FONT_PATH;
  else face = 0;
  hh_error e = {0};
  hh_font *f = hh_rfont_open(path, face, &e);
  if (!f) {
    fprintf(stderr, "%s", hh_tr("warning: HUD text disabled: "));
    hh_error_print(&e, stderr);
  }
  return f;
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
  return HH_OK;
}

/* bind a scene program and set this frame's uniforms */
static void scene_use(const hh_renderer *r, const hh_scene_prog *sp, const float *vp,
                      const float eye[3], const float sun[3], float time_s) {
  glUseProgram(sp->prog);
  glUniformMatrix4fv(sp->view_proj, 1, GL_FALSE, vp);
  glUniformMatrix4fv(sp->light_vp, 1, GL_FALSE, r->shadow.light_vp);
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
      hh_rshadow_create(&r->shadow, SHADOW_SIZE, err) != HH_OK ||
      hh_rhud_create(&r->hud, err) != HH_OK) {
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
  r->n_static = r->inst.n;
  r->font = open_font();
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
  hh_rshadow_destroy(&r->shadow);
  hh_rhud_destroy(&r->hud);
  hh_rfont_close(r->font);
  hh_ibuf_free(&r->inst);
  free(r);
}

unsigned hh_render_layers(hh_renderer *r, unsigned mask) {
  unsigned old = r->layers;
  r->layers = mask;
  return old;
}

void hh_render_scene(hh_renderer *r, const hh_model *m, const hh_data *d,
                     const float view[16], const float proj[16], const hh_rtarget *t) {
  vec3 sun;
  glm_vec3_normalize_to((float *)SUN_DIR, sun);
  /* this frame's instances after the static ones */
  r->inst.n = r->n_static;
  hh_rscene_dynamic(&r->inst, m, d, r->layers);
  hh_rmesh_upload(&r->box, r->inst.v, r->inst.n);
  /* shadow casters: everything but the water */
  int first = r->n_water, count = r->inst.n - r->n_water;
  if (!(r->layers & HH_LAYER_WORLD)) {
    first = r->n_static;
    count = r->inst.n - r->n_static;
  }
  /* 1. sun depth map around the crane */
  float ctr[3] = {(float)d->gantry.pos, (float)(0.5 * (m->sts.rail_y[0] + m->sts.rail_y[1])) + 5.0f, 15.0f};
  hh_rshadow_fit(&r->shadow, sun, ctr, 95.0f);
  glBindFramebuffer(GL_FRAMEBUFFER, r->shadow.fbo);
  glViewport(0, 0, r->shadow.size, r->shadow.size);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glDepthMask(GL_TRUE);
  glClear(GL_DEPTH_BUFFER_BIT);
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  glEnable(GL_POLYGON_OFFSET_FILL);
  glPolygonOffset(1.5f, 2.0f);
  glUseProgram(r->prog_shadow);
  glUniformMatrix4fv(r->ush_light_vp, 1, GL_FALSE, r->shadow.light_vp);
  hh_rmesh_draw(&r->box, first, count);
  glDisable(GL_POLYGON_OFFSET_FILL);

  /* 2. clear the target */
  glBindFramebuffer(GL_FRAMEBUFFER, t->fbo);
  glViewport(0, 0, t->width, t->height);
  glClearColor(HAZE_RGB[0], HAZE_RGB[1], HAZE_RGB[2], 1);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  mat4 vp, ivp, v, p;
  memcpy(v, view, sizeof v);
  memcpy(p, proj, sizeof p);
  glm_mat4_mul(p, v, vp);
  glm_mat4_inv(vp, ivp);

  /* 3. the boxes, lit and shadowed */
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  mat4 iv;
  glm_mat4_inv(v, iv);
  float eye[3] = {iv[3][0], iv[3][1], iv[3][2]};
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, r->shadow.tex);
  /* crane and load first: they cover the big quay and water boxes, and the early
     depth test then skips shading those hidden pixels (matters on llvmpipe) */
  scene_use(r, &r->solid, (float *)vp, eye, sun, (float)d->time_s);
  hh_rmesh_draw(&r->box, r->n_static, r->inst.n - r->n_static);
  if (r->layers & HH_LAYER_WORLD) {
    hh_rmesh_draw(&r->box, r->n_water, r->n_static - r->n_water);
    scene_use(r, &r->water, (float *)vp, eye, sun, (float)d->time_s);
    hh_rmesh_draw(&r->box, 0, r->n_water);
  }
  glBindTexture(GL_TEXTURE_2D, 0);
  glDisable(GL_CULL_FACE);

  /* 4. sky last, at the far plane: only pixels no box covered are shaded */
  glDepthFunc(GL_LEQUAL);
  glDepthMask(GL_FALSE);
  glUseProgram(r->prog_sky);
  glUniformMatrix4fv(r->usky_inv_vp, 1, GL_FALSE, (float *)ivp);
  glUniform3fv(r->usky_zenith, 1, ZENITH_RGB);
  glUniform3fv(r->usky_haze, 1, HAZE_RGB);
  glUniform3fv(r->usky_sun, 1, sun);
  glBindVertexArray(r->sky_vao);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
  glDepthMask(GL_TRUE);
  glDepthFunc(GL_LESS);
}

void hh_render_hud(hh_renderer *r, const hh_model *m, const hh_data *d, const hh_rtarget *t) {
  if (!(r->layers & HH_LAYER_HUD)) return;
  hh_rhud_draw(&r->hud, r->font, m, d, t);
}
