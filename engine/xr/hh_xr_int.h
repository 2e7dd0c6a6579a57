/* hh_xr_int.h - private to engine/xr: the struct that owns instance, session, spaces,
 * swapchains and actions, and the helpers its files share. */
#ifndef HH_XR_INT_H
#define HH_XR_INT_H
#include <openxr/openxr.h>
#include "hh_xr.h"

#define HH_XR_EYES 2
#define HH_XR_MAX_IMAGES 16

/* one eye: its swapchain, the GL names of its images and a framebuffer for each */
typedef struct hh_xr_eye {
  XrSwapchain chain;
  int width, height;         /* pixels */
  uint32_t n_images;
  unsigned tex[HH_XR_MAX_IMAGES];   /* GL texture names from the runtime */
  unsigned fbo[HH_XR_MAX_IMAGES];   /* our framebuffers, 0 until first used */
  unsigned depth;            /* depth renderbuffer shared by this eye's framebuffers */
  int last;                  /* image index drawn last, -1 none */
} hh_xr_eye;

/* controller actions (hh_xr_actions.c) */
enum {
  HH_XA_MOVE = 0,  /* vector2: left stick, x gantry, y trolley */
  HH_XA_HOIST,     /* float: right stick y (pull back = raise, as in an STS cab) */
  HH_XA_LOCK,      /* boolean */
  HH_XA_UNLOCK,
  HH_XA_HORN,
  HH_XA_ESTOP,
  HH_XA_FINISH,
  HH_XA_RECENTER,
  HH_XA_AIM,       /* pose: right controller aim (pointing at the CNC key pad) */
  HH_XA_COUNT
};

struct hh_xr {
  XrInstance instance;
  XrSystemId system;
  XrSession session;
  XrSpace local;              /* seated space: origin at the operator's eye point */
  XrSpace view;               /* the head */
  XrSessionState state;
  int running;                /* between xrBeginSession and xrEndSession */
  int exit_requested;         /* we asked the runtime to end */
  hh_xr_status status;
  char message[512];          /* why it ended, translated */
  int64_t format;             /* chosen swapchain format (GL internal format) */
  hh_xr_eye eye[HH_XR_EYES];
  XrView views[HH_XR_EYES];   /* last located views */
  XrFrameState frame;         /* last xrWaitFrame */
  XrTime prev_time;           /* display time of the previous frame (ns), 0 none */
  int frame_begun;
  hh_xr_mirror_img mirror;    /* copy of the left eye for the desktop window */
  long frames;                /* frames submitted with a layer */
  XrActionSet set;
  XrAction action[HH_XA_COUNT];
  int recenter_prev;          /* recenter button last frame */
  float center[4];            /* recentering: head x, y, z (m) and yaw (rad) in LOCAL */
  hh_window *win;             /* the desktop window (CNC key presses are queued there) */
  XrSpace aim;                /* action space of HH_XA_AIM, XR_NULL_HANDLE if none */
  int press_prev;             /* the press (lock) trigger last frame */
};

/* ---- hh_xr_util.c */
/* the symbolic name of r ("XR_ERROR_RUNTIME_UNAVAILABLE") */
const char *hh_xr_result_name(XrResult r);
/* 1 if r means the session or instance is lost; marks x lost then */
int hh_xr_check_lost(hh_xr *x, XrResult r);
/* set x's end message and status */
void hh_xr_end(hh_xr *x, hh_xr_status st, const char *msg);

/* ---- hh_xr_bind.c: XrGraphicsBindingOpenGLXlibKHR for win; 0 on success */
int hh_xr_session_create(hh_xr *x, hh_window *win, hh_error *err);

/* ---- hh_xr_swapchain.c */
int hh_xr_swapchains_create(hh_xr *x, hh_error *err);
void hh_xr_swapchains_destroy(hh_xr *x);
/* acquire and wait eye e's next image, bind its framebuffer; the target or -1 */
int hh_xr_eye_acquire(hh_xr *x, int e, unsigned *fbo);
void hh_xr_eye_release(hh_xr *x, int e);

/* ---- hh_xr_actions.c */
int hh_xr_actions_create(hh_xr *x, hh_error *err);
int hh_xr_actions_attach(hh_xr *x, hh_error *err);
/* the right controller's aim ray (origin o, direction dir) in the seated space at the
   frame's display time; 0 when there is none */
int hh_xr_aim_ray(hh_xr *x, float o[3], float dir[3]);

/* ---- hh_xr_math.c: no GL, no runtime (hh_xr_projection, hh_xr_eye_view: hh_xr.h) */
/* yaw (rad, about the seated space's up axis) of orientation q */
float hh_xr_yaw(const float q[4]);

#endif
