/* hh_render_int.h - private to engine/render: the renderer struct and the helpers
 * its files share (shaders, box mesh + instances, shadow map, scene contents, font,
 * HUD). Nothing outside engine/render includes this.
 */
#ifndef HH_RENDER_INT_H
#define HH_RENDER_INT_H
#include <glad/gl.h>
#include <stdint.h>
#include "hh_render.h"

/* ---- shaders (hh_rshader.c) */
/* compile and link HH_SHADER_DIR/<name>.vert + .frag; 0 and err set on failure */
GLuint hh_rshader_load(const char *name, hh_error *err);
/* the same with `defines` (e.g. "#define HH_WATER 1") inserted after #version */
GLuint hh_rshader_load_defs(const char *name, const char *defines, hh_error *err);

/* ---- box mesh and per-instance data (hh_rmesh.c) */
enum { HH_MAT_SOLID = 0, HH_MAT_WATER = 1, HH_MAT_EMISSIVE = 2 };

/* one drawn box: model matrix (column-major, unit cube [-1,1]^3), colour, material */
typedef struct hh_inst {
  float model[16];
  float rgba[4];
  float mat[4];  /* x: HH_MAT_* */
} hh_inst;

typedef struct hh_ibuf {
  hh_inst *v;
  int n, cap;
} hh_ibuf;

typedef struct hh_mesh {
  GLuint vao, vbo, ibo, inst_vbo;
  int n_index;
  int inst_cap;   /* instances the GPU buffer holds */
} hh_mesh;

int hh_rmesh_create(hh_mesh *mesh, hh_error *err);
void hh_rmesh_destroy(hh_mesh *mesh);
/* upload this frame's instances (once per frame) */
void hh_rmesh_upload(hh_mesh *mesh, const hh_inst *v, int n);
/* draw n uploaded instances from index first in one call */
void hh_rmesh_draw(hh_mesh *mesh, int first, int n);
/* append a box (centre, half extents, yaw about z) */
void hh_ibuf_box(hh_ibuf *b, const double c[3], const double half[3], double yaw,
                 const float rgba[4], int mat);
/* append a box posed by a quaternion (x, y, z, w) */
void hh_ibuf_box_q(hh_ibuf *b, const double c[3], const double half[3],
                   const double q[4], const float rgba[4], int mat);
/* append a square bar of half thickness t from point a to point b */
void hh_ibuf_bar(hh_ibuf *b, const double a[3], const double p[3], double t,
                 const float rgba[4]);
void hh_ibuf_free(hh_ibuf *b);

/* ---- shadow map (hh_rshadow.c) */
typedef struct hh_shadow {
  GLuint fbo, tex;
  int size;       /* texels per side */
  float light_vp[16];
} hh_shadow;

int hh_rshadow_create(hh_shadow *s, int size, hh_error *err);
void hh_rshadow_destroy(hh_shadow *s);
/* orthographic sun view-projection covering a box of half extent `radius` around c */
void hh_rshadow_fit(hh_shadow *s, const float sun_dir[3], const float c[3], float radius);

/* ---- scene contents (hh_rscene.c) */
/* static boxes of the model (quay, water, rails, truck, ship): once at create; the
   water boxes come first, their count is returned (they use the water program) */
int hh_rscene_static(hh_ibuf *b, const hh_model *m);
/* crane, trolley, ropes, spreader, container posed from d */
void hh_rscene_dynamic(hh_ibuf *b, const hh_model *m, const hh_data *d, unsigned layers);
/* derived crane pose the scene and the cameras share */
typedef struct hh_crane_pose {
  double gx, ty;        /* gantry x, trolley y (m) */
  double boom_z;        /* boom girder centre height (m) */
  double cab[3];        /* operator eye point in the cab (m) */
  double spreader[3];   /* spreader centre (m) */
  double sq[4];         /* spreader orientation (x, y, z, w) */
} hh_crane_pose;
void hh_rscene_pose(const hh_model *m, const hh_data *d, hh_crane_pose *p);

/* ---- font atlas (hh_rfont.c) */
typedef struct hh_font hh_font;
typedef struct hh_glyph {
  uint32_t cp;
  int px;                /* pixel size it was rendered at */
  int x, y, w, h;        /* atlas rectangle (pixels) */
  int left, top;         /* bitmap offset from the pen (pixels, top up) */
  float advance;         /* pixels */
} hh_glyph;
hh_font *hh_rfont_open(const char *path, int face_index, hh_error *err);
void hh_rfont_close(hh_font *f);
/* glyph for code point cp at px pixels, rendered into the atlas on first use */
const hh_glyph *hh_rfont_glyph(hh_font *f, uint32_t cp, int px);
GLuint hh_rfont_texture(const hh_font *f);
int hh_rfont_atlas_size(const hh_font *f);
/* ascender of the face at px pixels */
float hh_rfont_ascent(hh_font *f, int px);

/* ---- HUD (hh_rhud.c) */
typedef struct hh_hud {
  GLuint prog, vao, vbo;
  GLint u_screen, u_atlas;
  float *v;            /* x, y, u, v, r, g, b, a per vertex */
  int n, cap;          /* vertices */
  int vbo_cap;
} hh_hud;
int hh_rhud_create(hh_hud *h, hh_error *err);
void hh_rhud_destroy(hh_hud *h);
void hh_rhud_draw(hh_hud *h, hh_font *font, const hh_model *m, const hh_data *d,
                  const hh_rtarget *t);

/* ---- the renderer */
typedef struct hh_scene_prog {
  GLuint prog;
  GLint view_proj, light_vp, shadow, sun_dir, sun_rgb, sky_rgb, ground_rgb, haze_rgb, eye,
      time, shadow_texel;
} hh_scene_prog;

struct hh_renderer {
  hh_scene_prog solid, water; /* scene.frag without / with HH_WATER */
  GLuint prog_shadow, prog_sky;
  GLint ush_light_vp;
  GLint usky_inv_vp, usky_zenith, usky_haze, usky_sun;
  GLuint sky_vao;
  hh_mesh box;
  hh_ibuf inst;        /* static boxes first, then this frame's dynamic ones */
  int n_static;        /* static instances, water first */
  int n_water;
  hh_shadow shadow;
  hh_font *font;       /* NULL: HUD without text (font missing, warned) */
  hh_hud hud;
  unsigned layers;     /* HH_LAYER_* bits drawn */
};

#endif
