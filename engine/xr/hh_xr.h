/* hh_xr.h - VR through OpenXR (XR_KHR_opengl_enable, Xlib/GLX from the SDL window).
 * XR is an input source and a pair of render targets outside the tick: the app reads
 * the controllers into the same hh_controls as the other devices, and the renderer
 * draws each eye's swapchain image like any other target.
 *
 * Index:
 *   hh_xr_create        instance, system, session, spaces, swapchains and actions
 *   hh_xr_destroy       end the session cleanly (when it still runs) and release all
 *   hh_xr_poll          handle the runtime's events; the session status
 *   hh_xr_frame_begin   wait for the runtime's frame and begin it; display time step
 *   hh_xr_controls      add this frame's controller input to device controls
 *   hh_xr_frame_end     draw both eyes and submit the projection layer
 *   hh_xr_mirror        copy the last left-eye image into a desktop target
 *   hh_xr_message       why the session ended (translated), "" while it runs
 *   hh_xr_frames        frames submitted so far
 *   hh_xr_draw_pair     the GL part of a VR frame without a runtime (hh_xr_pair.c):
 *   hh_xr_pair_eye      the stereo pair, the eyes' matrices, the desktop mirror's
 *   hh_xr_mirror_blit   copy of the left eye and its blit (the bench times these)
 */
#ifndef HH_XR_H
#define HH_XR_H
#include "../platform/hh_platform.h"
#include "../render/hh_render.h"

typedef struct hh_xr hh_xr;

typedef enum hh_xr_status {
  HH_XR_WAITING = 0, /* session created, not running yet (or between states) */
  HH_XR_RUNNING,     /* frames are being submitted */
  HH_XR_ENDED,       /* the runtime or the app ended the session: back to the desktop */
  HH_XR_LOST         /* session or instance lost: back to the desktop */
} hh_xr_status;

/* start VR for the GL context of win (current on this thread); NULL and err (the
   reason, translated) when no runtime, no headset or no usable binding exists */
hh_xr *hh_xr_create(hh_window *win, hh_error *err);
/* end a running session (request exit, end it), then release everything */
void hh_xr_destroy(hh_xr *x);
/* handle the runtime's pending events */
hh_xr_status hh_xr_poll(hh_xr *x);
/* wait for and begin the next frame; *dt_s = predicted display time since the previous
   frame (s, 0 on the first); 0 when the session is not running (nothing begun) */
int hh_xr_frame_begin(hh_xr *x, double *dt_s);
/* add the controllers' sticks and buttons to c (sums clamped to [-1, 1], buttons or-ed);
   the recenter action is handled here */
void hh_xr_controls(hh_xr *x, hh_controls *c);
/* locate the views, draw d into each eye with ren, submit; after hh_xr_frame_begin */
void hh_xr_frame_end(hh_xr *x, hh_renderer *ren, const hh_model *m, const hh_data *d);
/* blit the last drawn left-eye image into target t (its centre, filling t); 0 if none yet */
int hh_xr_mirror(hh_xr *x, const hh_rtarget *t);
/* the translated reason the session ended or was lost; "" while it runs */
const char *hh_xr_message(const hh_xr *x);
/* frames submitted with a projection layer */
long hh_xr_frames(const hh_xr *x);

/* ---- the GL part of a VR frame, no runtime needed (hh_xr_pair.c) */
/* the desktop mirror: a copy of the left eye's last drawn image */
typedef struct hh_xr_mirror_img {
  unsigned fbo, tex;   /* GL names; 0 until the first copy */
  int width, height;   /* pixels */
} hh_xr_mirror_img;
/* world eye position (m) of the operator's chair: the cab camera's eye */
void hh_xr_cab_eye(const hh_model *m, const hh_data *d, float cab[3]);
/* an eye posed (p: x y z m, q: x y z w) in the seated space, fov = left, right, up,
   down angles (rad): its view of the world from cab (center: recentering, may be
   NULL), its view of the seated space (the CNC pad) and its GL projection */
void hh_xr_pair_eye(const float cab[3], const float center[4], const float p[3],
                    const float q[4], const float fov[4], float view[16], float seat[16],
                    float proj[16]);
/* draw d into the two eye targets t[0..1] as a VR frame does: the scene without the
   HUD (one shadow map), the CNC key pad over each eye when pad (after
   hh_rcnc_vrpad_update), and a copy of eye 0 into mirror (GL internal format) if given */
void hh_xr_draw_pair(hh_renderer *ren, const hh_model *m, const hh_data *d,
                     const float (*view)[16], const float (*seat)[16],
                     const float (*proj)[16], const hh_rtarget *t, int pad,
                     hh_xr_mirror_img *mirror, unsigned format);
/* the part of an sw x sh eye image the mirror shows in a dw x dh window: its centre
   cropped to the window's shape, src = {x0, y0, x1, y1} px */
void hh_xr_mirror_crop(int sw, int sh, int dw, int dh, int src[4]);
/* blit the mirror's copy into t, that crop filling it; 0 when there is none yet */
int hh_xr_mirror_blit(const hh_xr_mirror_img *mi, const hh_rtarget *t);
/* release the mirror's GL objects */
void hh_xr_mirror_free(hh_xr_mirror_img *mi);
/* GL projection (column-major, clip z in [-1, 1]) from asymmetric view angles (rad) */
void hh_xr_projection(float left, float right, float up, float down, float znear,
                      float zfar, float out[16]);
/* world view matrix of an eye posed (p, q: x y z w) in the seated space whose origin
   is at cab (world, m) facing +y; center = recentering x, y, z, yaw (may be NULL) */
void hh_xr_eye_view(const float cab[3], const float center[4], const float p[3],
                    const float q[4], float out[16]);

#endif
