/* hh_render.h - OpenGL 3.3 core renderer. Reads simulation data, never writes it.
 * Draws into a target it is given (window framebuffer now, each OpenXR eye later).
 *
 * Index:
 *   hh_render_create   compile shaders, build meshes, load the HUD font (GL current)
 *   hh_render_destroy  release GL objects
 *   hh_camera_matrices view and projection for a camera mode at the current data
 *   hh_render_scene    draw the 3D scene for one view into a target
 *   hh_render_hud      draw the HUD (translated text, gauges, live score) on top
 *   hh_render_layers   choose which parts are drawn (tests, VR eyes without a HUD)
 */
#ifndef HH_RENDER_H
#define HH_RENDER_H
#include "../sim/hh_sim.h"

typedef enum hh_camera_mode {
  HH_CAM_CAB = 0,   /* operator cab under the trolley, looking down at the spreader */
  HH_CAM_ORBIT,     /* spectator orbiting the crane */
  HH_CAM_FOLLOW,    /* follows the spreader */
  HH_CAM_COUNT
} hh_camera_mode;

typedef struct hh_camera {
  hh_camera_mode mode;
  float orbit_yaw;    /* rad */
  float orbit_pitch;  /* rad */
  float orbit_dist;   /* m; 0 = default */
  /* addition (issue 5): the target drawn through this camera, so a view that frames
     around the HUD (CNC) knows the HUD's layout; 0 = unknown (aspect-only framing;
     VR eyes, which have no HUD) */
  int target_w, target_h; /* px */
  int large;              /* the HUD on that target is in large print (0/1) */
} hh_camera;

/* Where to draw: a framebuffer object (0 = default) and its size in pixels. The
   renderer writes sRGB-encoded 8-bit colour with GL_FRAMEBUFFER_SRGB off, so an sRGB
   swapchain image (OpenXR) and a plain window framebuffer both show it right. The
   scene is drawn multisampled into the renderer's own buffer and resolved into it
   (without MSAA: into the renderer's own texture, then anti-aliased into it by the
   post-process pass, hh_render_aa). */
typedef struct hh_rtarget {
  unsigned fbo;
  int width, height;
} hh_rtarget;

typedef struct hh_renderer hh_renderer;

/* create the renderer for model m; needs a current GL 3.3 core context */
hh_renderer *hh_render_create(const hh_model *m, hh_error *err);
void hh_render_destroy(hh_renderer *r);
/* column-major view and projection for cam at data d, aspect = width / height */
void hh_camera_matrices(const hh_camera *cam, const hh_model *m, const hh_data *d,
                        float aspect, float view[16], float proj[16]);
/* draw the scene of d seen through view/proj into target t */
void hh_render_scene(hh_renderer *r, const hh_model *m, const hh_data *d,
                     const float view[16], const float proj[16], const hh_rtarget *t);
/* draw the scene of d through n views into targets t[0..n-1] (the eyes of a stereo
   pair): the sun's shadow map is drawn once, fitted to all the views, and the moving
   boxes are uploaded once; hh_render_scene is this with n = 1 */
void hh_render_scene_views(hh_renderer *r, const hh_model *m, const hh_data *d, int n,
                           const float (*view)[16], const float (*proj)[16],
                           const hh_rtarget *t);
/* samples of the multisampled scene buffer (0: off; capped by the driver's maximum);
   returns the previous request */
int hh_render_msaa(hh_renderer *r, int samples);
/* post-process anti-aliasing (an edge-directed filter on luma, shaders/post_aa.frag):
   -1 auto (the default: used when the scene pass has no MSAA, e.g. on llvmpipe), 0 off,
   1 always (also after an MSAA resolve); $HH_AA=0/1 sets it at create; returns the
   previous mode. The HUD is drawn after it, never filtered. */
int hh_render_aa(hh_renderer *r, int mode);
/* an offscreen target of w x h: a colour texture of format fmt (a GL internal format;
   0 = GL_RGBA8) with a packed depth/stencil renderbuffer; *tex and *depth get their GL
   names; returns 0 when the driver refuses it (GL current) */
int hh_rtarget_make(hh_rtarget *t, unsigned *tex, unsigned *depth, int w, int h, unsigned fmt);
/* free what hh_rtarget_make made (zeroes t) */
void hh_rtarget_free(hh_rtarget *t, unsigned tex, unsigned depth);
/* the colour texture's pixels, RGBA 8-bit, bottom row first, w*h*4 bytes */
void hh_rtarget_read(unsigned tex, unsigned char *rgba);
/* draw the HUD over target t (texts through hh_tr) */
void hh_render_hud(hh_renderer *r, const hh_model *m, const hh_data *d, const hh_rtarget *t);

/* Parts of the picture; all are drawn by default. */
enum {
  HH_LAYER_WORLD = 1u << 0,  /* quay, water, ship, truck: the model's boxes */
  HH_LAYER_CRANE = 1u << 1,  /* crane structure, trolley, cab */
  HH_LAYER_LOAD = 1u << 2,   /* ropes, spreader, container */
  HH_LAYER_HUD = 1u << 3,    /* hh_render_hud draws nothing without it */
  HH_LAYER_ALL = 0xFu
};
/* draw only the HH_LAYER_* bits in mask; returns the previous mask */
unsigned hh_render_layers(hh_renderer *r, unsigned mask);

/* ---- frame pacing: draw between two ticks */
/* The poses the renderer blends between ticks (a copy the app keeps of the last tick). */
typedef struct hh_render_pose {
  hh_drive_state gantry, trolley, hoist;   /* m */
  hh_body_state spreader, container;
  double time_s;                           /* s */
} hh_render_pose;
/* copy d's drawn poses into p (the app calls it just before each hh_step) */
void hh_render_pose_save(const hh_data *d, hh_render_pose *p);
/* a read-only view of d with its poses blended from prev (alpha 0) to d (alpha 1);
   the view is the renderer's own copy, valid until the next call; d is not written.
   Pass it to hh_camera_matrices, hh_render_scene and hh_render_hud. */
const hh_data *hh_render_blend(hh_renderer *r, const hh_render_pose *prev,
                               const hh_data *d, float alpha);

/* ---- classroom and measurement */
/* HUD in large print for projectors (1) or normal (0) */
void hh_render_large_print(hh_renderer *r, int on);
/* HUD time shows the countdown to the model's time_limit_s (competition) (1) or the
   elapsed time (0) */
void hh_render_countdown(hh_renderer *r, int on);
/* What the last hh_render_scene + hh_render_hud cost. */
typedef struct hh_render_stats {
  int draw_calls;   /* glDraw* calls */
  int instances;    /* boxes drawn in the colour pass */
  int msaa;         /* samples of the scene pass (0: none) */
  int passes;       /* render passes of the last scene: shadow map (when redrawn), each
                       view's scene pass and its MSAA resolve (the HUD not counted) */
  long long target_bytes; /* bytes of the render targets those passes wrote or read:
                       shadow map, scene colour + depth (x samples), resolve target */
  int aa;           /* views of the last scene that went through the post-process
                       anti-aliasing pass (one more pass each, counted in passes,
                       draw_calls and target_bytes: the target it writes) */
} hh_render_stats;
void hh_render_get_stats(const hh_renderer *r, hh_render_stats *s);
/* draw one line of UTF-8 text in any script (shaped, right-to-left where needed,
   font fallback per script) with its baseline at x, y pixels from the target's top
   left; returns its width in pixels (0 without a font) */
float hh_render_text(hh_renderer *r, const hh_rtarget *t, float x, float y, int px,
                     const char *utf8, const float rgba[4]);

#endif
