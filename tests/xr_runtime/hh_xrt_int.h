/* hh_xrt_int.h - the Haihe test OpenXR runtime: a scripted headset for CI. One
 * instance, one session; handles are small numbers. Private to tests/xr_runtime. */
#ifndef HH_XRT_INT_H
#define HH_XRT_INT_H
#define GL_GLEXT_PROTOTYPES 1
#include <X11/Xlib.h>
#include <GL/glx.h>
#define XR_USE_PLATFORM_XLIB
#define XR_USE_GRAPHICS_API_OPENGL
#include <openxr/openxr.h>
#include <openxr/openxr_platform.h>
#include <stdint.h>
#include <stdio.h>

#define XRT_API XRAPI_ATTR XrResult XRAPI_CALL
#define XRT_MAX_HEAD 64
#define XRT_MAX_INPUT 64
#define XRT_MAX_PATHS 512
#define XRT_MAX_SWAPCHAINS 8
#define XRT_IMAGES 3
#define XRT_MAX_SPACES 16
#define XRT_MAX_ACTIONS 64
#define XRT_MAX_BIND 8
#define XRT_MAX_EVENTS 32
#define XRT_PROFILES 9  /* the core specification's interaction profiles */

/* ---- the script (hh_xrt_script.c) */
typedef struct xrt_head {
  long from;            /* frame this pose starts at */
  float pos[3];         /* m, in LOCAL */
  float yaw, pitch, roll; /* deg */
} xrt_head;

typedef struct xrt_input {
  long from, to;        /* frames [from, to) */
  char path[128];       /* e.g. /user/hand/right/input/thumbstick/y */
  float value;
} xrt_input;

typedef struct xrt_script {
  char source[512];     /* script file, "" for the defaults */
  double period_s;      /* display period (s) */
  int pace;             /* 1: xrWaitFrame sleeps to the period (real headset) */
  int width, height;    /* recommended eye image (pixels) */
  float ipd;            /* m */
  float fov[4];         /* left, right, up, down (deg) */
  char profile[128];    /* active interaction profile */
  xrt_head head[XRT_MAX_HEAD];
  int n_head;
  xrt_head aim[XRT_MAX_HEAD]; /* right controller aim poses ("aim" directive) */
  int n_aim;
  xrt_input in[XRT_MAX_INPUT];
  int n_in;
  long lose_at, exit_at, instance_lose_at; /* frames; -1 never */
  long capture_at;      /* frame; -1 never */
  int capture_eye;
  char capture_path[512];
  char log_path[512];
} xrt_script;

/* load $HH_XRT_SCRIPT (or defaults); 0 ok, -1 with a message on stderr */
int xrt_script_load(xrt_script *s);
/* head pose at frame f: position and orientation quaternion (x, y, z, w) */
void xrt_script_head(const xrt_script *s, long f, float pos[3], float q[4]);
/* controller aim pose at frame f (LOCAL); 0 when the script sets none (then the hands
   rest in front of the seat) */
int xrt_script_aim(const xrt_script *s, long f, float pos[3], float q[4]);
/* scripted value of an input path at frame f (0 when none) */
float xrt_script_input(const xrt_script *s, long f, const char *path);

/* ---- the runtime's state */
typedef struct xrt_swapchain {
  int used;
  int64_t format;
  int width, height;
  GLuint tex[XRT_IMAGES];
  int acquired, waited;     /* images acquired not yet released; waited flag */
  int next;                 /* next image to hand out */
  int released;             /* image released last, -1 none */
} xrt_swapchain;

typedef struct xrt_space {
  int used;
  int kind;                 /* 0 reference, 1 action */
  XrReferenceSpaceType ref;
  XrPosef pose;             /* pose in its reference */
} xrt_space;

typedef struct xrt_action {
  int used;
  int set;                  /* action set index */
  XrActionType type;
  char name[XR_MAX_ACTION_NAME_SIZE];
  XrPath bind[XRT_PROFILES][XRT_MAX_BIND]; /* per profile index: bound input paths */
  int n_bind[XRT_PROFILES];
} xrt_action;

typedef struct xrt_rt {
  xrt_script script;
  FILE *log;
  int instance_alive, session_alive;
  int requirements_called;
  int instance_lost, session_lost;
  XrSessionState state;
  int running, exit_requested;
  long frame;               /* frames waited so far (the script's frame number) */
  int frame_begun, frame_waited;
  XrTime t0, display_time;
  double wall0;             /* wall clock at the first frame (pacing) */
  char paths[XRT_MAX_PATHS][XR_MAX_PATH_LENGTH];
  int n_paths;
  xrt_swapchain sc[XRT_MAX_SWAPCHAINS];
  xrt_space sp[XRT_MAX_SPACES];
  xrt_action act[XRT_MAX_ACTIONS];
  char set_name[8][XR_MAX_ACTION_SET_NAME_SIZE];
  int n_sets, attached, synced, suggested[XRT_PROFILES];
  XrEventDataBuffer ev[XRT_MAX_EVENTS];
  int ev_head, ev_n;
  /* counters for the log */
  long frames_ended, layers, empty_frames, syncs, errors;
} xrt_rt;

extern xrt_rt g_rt;

/* ---- hh_xrt.c */
void xrt_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* a validation error: log it, count it, return XR_ERROR_VALIDATION_FAILURE */
XrResult xrt_invalid(const char *fn, const char *what);
void xrt_push_state(XrSessionState s);
void xrt_push_event(const void *e, size_t size);
/* two-call idiom helper: copy n items of size sz */
XrResult xrt_fill(uint32_t cap, uint32_t *count, void *out, const void *src, uint32_t n,
                  size_t sz);
/* XR_SUCCESS, or the loss error every session call returns after a loss */
XrResult xrt_session_ok(XrSession s);

/* ---- handle <-> index */
#define XRT_H(type, i) ((type)(uintptr_t)((i) + 1))
#define XRT_I(h) ((int)((uintptr_t)(h)) - 1)

/* ---- the profiles (hh_xrt_actions.c) */
extern const char *const xrt_profiles[XRT_PROFILES];

/* ---- function tables: every exported function (the runtime answers them all) */
PFN_xrVoidFunction xrt_frame_fn(const char *name);
PFN_xrVoidFunction xrt_space_fn(const char *name);
PFN_xrVoidFunction xrt_swapchain_fn(const char *name);
PFN_xrVoidFunction xrt_actions_fn(const char *name);
/* read the image an eye released into RGBA rows (top first) and save it as PNG */
void xrt_capture(int swapchain, const XrRect2Di *rect, int eye);
/* pose of space s in LOCAL at the current frame */
XrPosef xrt_space_in_local(int s);
/* pose composition and inverse */
XrPosef xrt_pose_mul(XrPosef a, XrPosef b);
XrPosef xrt_pose_inv(XrPosef a);

#endif
