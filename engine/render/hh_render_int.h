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
/* additions (issue 5, look): HH_MAT_ROPE a rope/wire bar (hh_ibuf_rope: local x along
   it), widened in scene.vert to a pixel-width floor and faded by its coverage; ropes come
   LAST in the dynamic instances (drawn after the world, blended). HH_MAT_SEA a patch of
   moving sea (hh_ibuf_sea: corner heights and slopes in the model matrix, see there);
   sea patches come FIRST in the dynamic instances (water program, cast no shadow) */
enum { HH_MAT_ROPE = 3, HH_MAT_SEA = 4 };

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
/* a rope of half thickness t from a to p (hh_ibuf_bar, HH_MAT_ROPE; hh_rscene.c) */
void hh_ibuf_rope(hh_ibuf *b, const double a[3], const double p[3], double t, const float rgba[4]);
/* a square sea patch centred (cx, cy) of half size hs whose corners (x-y-, x+y-, x-y+,
   x+y+) are at heights z[4] (m) with surface slopes sx[4] = dz/dx, sy[4] = dz/dy;
   neighbours given the same corner values join without a seam (hh_rmarine.c) */
void hh_ibuf_sea(hh_ibuf *b, double cx, double cy, double hs, const double z[4],
                 const double sx[4], const double sy[4], const float rgba[4]);
#define HH_SEA_GRID_MAX 64 /* most cells per side of hh_rmarine_sea_grid */
/* the sea at the (n+1)^2 corners (x0 + i step, y0 + j step) (m), time t (s): elevation
   ze (m above s->level, as hh_sea_elevation), resolved slopes zx, zy, each indexed
   [i * (n + 1) + j]; -1 (nothing written) unless 1 <= n <= HH_SEA_GRID_MAX (hh_rmarine.c) */
int hh_rmarine_sea_grid(const hh_sea_params *s, double x0, double y0, double step, int n,
                        double t, double *ze, double *zx, double *zy);

/* ---- shadow map (hh_rshadow.c) */
typedef struct hh_shadow {
  GLuint fbo, tex;
  int size;       /* texels per side */
  float light_vp[16];
  /* additions (issue 5, cascades): the depth texture holds two size x size maps side
     by side; light_vp is the near cascade (left half), far_vp the far one (right) */
  float far_vp[16];
  float far_k[3], far_c[3]; /* far cascade NDC = near cascade NDC * far_k + far_c */
  /* additions (issue 5, perf): the static casters' own depth maps (same layout), kept
     while the fit holds and copied in before the moving casters are drawn */
  GLuint st_fbo, st_tex;
  float st_vp[16], st_vp1[16]; /* the fit they were drawn with (both cascades) */
  int st_valid;   /* 1 while st_tex holds the static casters for st_vp, st_vp1 */
  long st_draws;  /* times the static maps were drawn (tests: the cache follows the fit) */
} hh_shadow;

int hh_rshadow_create(hh_shadow *s, int size, hh_error *err);
void hh_rshadow_destroy(hh_shadow *s);
/* orthographic sun view-projection covering a box of half extent `radius` around c */
void hh_rshadow_fit(hh_shadow *s, const float sun_dir[3], const float c[3], float radius);
/* fit both cascades to the camera (view, proj: column-major, perspective): the near
   one to the first near_m metres of the view, the far one to the first far_m metres */
void hh_rshadow_fit_view(hh_shadow *s, const float sun_dir[3], const float view[16],
                         const float proj[16], float near_m, float far_m);
/* the same fitted to n views at once (the eyes of a stereo pair share one map) */
void hh_rshadow_fit_views(hh_shadow *s, const float sun_dir[3], int n, const float (*view)[16],
                          const float (*proj)[16], float near_m, float far_m);

/* ---- post-process anti-aliasing (hh_rpost.c, shaders/post_aa.*) */
typedef struct hh_post {
  GLuint prog, vao;    /* the filter and an empty vertex array (full-screen triangle) */
  GLint u_src, u_max;
  GLuint fbo, color, depth; /* the scene's own target: RGBA8 texture + depth/stencil */
  int w, h, ok;        /* its size in pixels (0: none yet); ok: framebuffer complete */
} hh_post;
int hh_rpost_create(hh_post *p, hh_error *err);
void hh_rpost_destroy(hh_post *p);
/* $HH_AA: 0 off, 1 on, -1 unset (auto: on when the scene pass has no MSAA) */
int hh_rpost_env_mode(void);
/* make the scene target w x h (remade only when the size changes); 1 when usable */
int hh_rpost_ensure(hh_post *p, int w, int h);
/* filter the scene target into target t (one draw; depth test off, no blending) */
void hh_rpost_apply(hh_post *p, const hh_rtarget *t);

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
/* the model's container yard (m->yard) as box instances, stacked, seeded colours */
void hh_ryard_build(hh_ibuf *b, const hh_model *m);
/* the task step the trainee is on, as a translated instruction (hh_rstep.c) */
const char *hh_rstep_text(const hh_model *m, const hh_data *d);
/* the ship, its tugs and the fenders posed from d (HH_MACHINE_SHIP, hh_rship.c) */
void hh_rship_dynamic(hh_ibuf *b, const hh_model *m, const hh_data *d, unsigned layers);
/* the ship's cameras and its berthing instruction text (hh_rship.c) */
void hh_rship_camera(const hh_camera *cam, const hh_model *m, const hh_data *d, float aspect,
                     float view[16], float proj[16]);
const char *hh_rship_step_text(const hh_model *m, const hh_data *d);
/* the HUD's left-panel rows and gauges for a ship (hh_rship.c) */
void hh_rship_hud_rows(const hh_model *m, const hh_data *d, const char *lab[7],
                       char val[7][64], double gval[4], double gmax[4], double gwarn[4],
                       double galarm[4]);

/* CNC mill / lathe posed from d (HH_MACHINE_CNC_*, hh_rcnc.c) */
void hh_rcnc_dynamic(hh_ibuf *b, const hh_model *m, const hh_data *d, unsigned layers);
/* the camera on the CNC work zone (hh_rcnc.c) */
void hh_rcnc_camera(const hh_camera *cam, const hh_model *m, const hh_data *d, float aspect,
                    float view[16], float proj[16]);
/* the HUD's left-panel rows for a CNC machine: the position page (hh_rcnc.c) */
void hh_rcnc_hud_rows(const hh_model *m, const hh_data *d, const char *lab[7],
                      char val[7][64], double gval[4], double gmax[4], double gwarn[4],
                      double galarm[4]);

/* the offshore lift: sea tiles from the wave components, vessel, pedestal crane and
   load posed from d (HH_MACHINE_OFFSHORE_CRANE, hh_rmarine.c) */
void hh_rmarine_dynamic(hh_ibuf *b, const hh_model *m, const hh_data *d, unsigned layers);
/* the cameras of the offshore lift (hh_rmarine.c) */
void hh_rmarine_camera(const hh_camera *cam, const hh_model *m, const hh_data *d, float aspect,
                       float view[16], float proj[16]);
/* the offshore lift's instruction for the step the trainee is on (hh_rmarine.c) */
const char *hh_rmarine_step_text(const hh_model *m, const hh_data *d);
/* the HUD's left-panel rows for the offshore crane (hh_rmarine.c) */
void hh_rmarine_hud_rows(const hh_model *m, const hh_data *d, const char *lab[7],
                         char val[7][64], double gval[4], double gmax[4], double gwarn[4],
                         double galarm[4]);

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
GLuint hh_rfont_texture(const hh_font *f);
int hh_rfont_atlas_size(const hh_font *f);
/* glyphs now in the atlas, and how many times it filled up and was started over
   (a frame that needs more than the atlas holds shows stale glyphs) */
int hh_rfont_glyphs(const hh_font *f);
int hh_rfont_resets(const hh_font *f);
#define HH_FONT_MAX_FACES 8
#define HH_GLYPH_KEY(face, gid) (((uint32_t)(face) << 24) | ((uint32_t)(gid) & 0xFFFFFFu))
/* add a fallback face; its index, or -1 when it cannot be opened */
int hh_rfont_add(hh_font *f, const char *path, int face_index);
int hh_rfont_faces(const hh_font *f);
/* glyph gid of face at px (atlas cache keyed by face, glyph and size); NULL if none */
const hh_glyph *hh_rfont_glyph_id(hh_font *f, int face, uint32_t gid, int px);
/* first face that has code point cp, or -1; 1 when face has cp */
int hh_rfont_face_for(hh_font *f, uint32_t cp);
int hh_rfont_has(hh_font *f, int face, uint32_t cp);
/* the face's HarfBuzz font (hb_font_t *) scaled so positions are 1/64 pixel at px */
void *hh_rfont_hb(hh_font *f, int face, int px);

/* ---- shaped text (hh_rtext.c): bidi (FriBidi) + shaping (HarfBuzz) + fallback */
typedef struct hh_tglyph {
  const hh_glyph *g;     /* atlas glyph (NULL: nothing to draw) */
  float x, y;            /* pen-relative position of the glyph origin (pixels, y down) */
} hh_tglyph;
/* shape UTF-8 text s at px pixels into at most max glyphs in visual (left to right)
   order; returns the number written, *width the advance of the whole line */
int hh_rtext_shape(hh_font *f, const char *s, int px, hh_tglyph *out, int max, float *width);
/* open the HUD font: $HH_FONT or Noto Sans, then Noto fallbacks for Thai, Arabic, CJK
   and symbols; NULL (and a warning) when no face opens */
hh_font *hh_rtext_open_default(void);
/* 1 when the text's first strong character is right-to-left */
int hh_rtext_is_rtl(const char *s);

/* ---- HUD (hh_rhud.c) */
typedef struct hh_hud {
  GLuint prog, vao, vbo;
  GLint u_screen, u_atlas;
  float *v;            /* x, y, u, v, r, g, b, a per vertex */
  int n, cap;          /* vertices */
  int vbo_cap;
  int large;           /* large print for projectors (0/1) */
  int countdown;       /* time panel counts down to time_limit_s (competition) (0/1) */
  int draws;           /* draw calls of the last frame */
} hh_hud;
int hh_rhud_create(hh_hud *h, hh_error *err);
void hh_rhud_destroy(hh_hud *h);
void hh_rhud_draw(hh_hud *h, hh_font *font, const hh_model *m, const hh_data *d,
                  const hh_rtarget *t);
/* overlays appending to the current HUD frame (hh_rhud.c): a rectangle, a text run
   (returns its width), the width of a text; pixels from the top left */
void hh_rhud_rect(hh_hud *h, hh_font *font, float x0, float y0, float x1, float y1,
                  const float rgba[4]);
float hh_rhud_text(hh_hud *h, hh_font *font, float x, float y, int px, const char *s,
                   const float rgba[4]);
float hh_rhud_text_width(hh_font *font, const char *s, int px);
/* the HUD letter size (px) for a W x H target (large: large print) */
int hh_rhud_px(int W, int H, int large);
/* 1 when the current language reads right to left (the HUD mirrors) */
int hh_rhud_rtl(void);
/* a straight line of width w pixels (any direction) appended to the HUD frame */
void hh_rhud_seg(hh_hud *h, hh_font *font, float x0, float y0, float x1, float y1, float w,
                 const float rgba[4]);
/* the CNC drawing sheet over the HUD when d->cnc.drawing is on (hh_rcnc_sheet.c) */
void hh_rcnc_sheet(hh_hud *h, hh_font *font, const hh_model *m, const hh_data *d, int W,
                   int H, int px);
/* the on-screen CNC key pad over the HUD (hh_rcnc_keys.c; layout in hh_rcnc_keys.h);
   sheet: the drawing sheet is drawn over it next */
void hh_rcnc_keys_draw(hh_hud *h, hh_font *font, int W, int H, int sheet);
/* draw the quads appended since h->n = 0 into t, one draw call (hh_rhud.c; VR pad) */
void hh_rhud_flush(hh_hud *h, hh_font *font, const hh_rtarget *t);
/* draw one line of shaped text (baseline at x, y pixels from the top left); its width */
float hh_rhud_line(hh_hud *h, hh_font *font, const hh_rtarget *t, float x, float y, int px,
                   const char *s, const float rgba[4]);

/* ---- the renderer */
typedef struct hh_scene_prog {
  GLuint prog;
  GLint view_proj, light_vp, shadow, sun_dir, sun_rgb, sky_rgb, ground_rgb, haze_rgb, eye,
      time, shadow_texel;
  GLint far_k, far_c;  /* the far shadow cascade (issue 5 addition) */
  GLint pix_scale;     /* u_pix_scale: pixels per metre at clip w = 1 (issue 5, look) */
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
  /* additions (issue 5): static boxes in their own buffer, MSAA, pacing, stats */
  hh_mesh box_static;  /* static instances (water first, then solids and the yard, then
                          the ground: hh_render.c static_order) */
  hh_ibuf dyn;         /* this frame's dynamic instances */
  GLuint ms_fbo, ms_color, ms_depth; /* multisampled scene buffer */
  int ms_w, ms_h, ms_samples;        /* its size and samples (0: draw straight in) */
  int want_samples;    /* $HH_MSAA (default 4), capped by GL_MAX_SAMPLES */
  hh_data *blend;      /* hh_render_blend's view (a shallow copy of hh_data) */
  int draws;           /* draw calls of the last scene */
  hh_ibuf sh_casters;  /* dynamic casters the shadow map holds (reused while equal:
                          the second eye of a stereo pair skips the shadow pass) */
  float sh_vp[16];     /* light view-projection of that map */
  float sh_vp1[16];    /* and of its far cascade */
  int n_ground;        /* static solids that are ground (the last static instances): they
                          receive shadows but cast none, so the shadow pass skips them */
  unsigned sh_layers;  /* layers of that map; 0 = no valid map */
  /* additions (issue 5, stereo cost): the scene buffer's colour format (the target's,
     so the resolve is a plain copy) and what the last frame cost */
  GLenum ms_format;    /* GL internal format of ms_color (0: none yet) */
  int passes;          /* render passes of the last frame: shadow map, scene, resolve */
  long long rt_bytes;  /* bytes of the render targets the last frame wrote or resolved */
  /* additions (issue 5, post AA): the anti-aliasing pass for scenes without MSAA */
  hh_post post;
  int aa_mode;         /* -1 auto (when the scene pass has no MSAA), 0 off, 1 always */
  int aa_used;         /* views of the last frame that went through the pass */
  /* additions (issue 5, look): this view's pixels per metre at clip w = 1 (ropes) */
  float pix_scale;
  /* additions (issue 5, perf): the dynamic solids reordered near to far before the
     upload (early depth test), with scratch space kept between frames */
  hh_ibuf dyn_tmp;        /* scratch copy of the solids being reordered */
  struct hh_dkey *dyn_key; /* their distances from the eye (grows once) */
  int dyn_key_cap;
  float st_eye[3];        /* the eye the static solids were last ordered for (m) */
  int st_sorted;          /* 0 until they have been */
};

#endif
