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
/* blit the last drawn left-eye image into target t (letterboxed); 0 if none yet */
int hh_xr_mirror(hh_xr *x, const hh_rtarget *t);
/* the translated reason the session ended or was lost; "" while it runs */
const char *hh_xr_message(const hh_xr *x);
/* frames submitted with a projection layer */
long hh_xr_frames(const hh_xr *x);

#endif
