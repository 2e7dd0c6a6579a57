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
} hh_camera;

/* Where to draw: a framebuffer object (0 = default) and its size in pixels. */
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

#endif
