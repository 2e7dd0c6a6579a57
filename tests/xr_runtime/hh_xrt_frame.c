/* hh_xrt_frame.c - session begin/end/exit, the frame loop (wait, begin, end with layer
 * checks and the scripted capture), the scripted state changes and xrLocateViews. */
#include "hh_xrt_int.h"
#include <math.h>
#include <string.h>
#include <time.h>

/* monotonic wall clock (s) */
static double wall_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static XRT_API xrt_BeginSession(XrSession s, const XrSessionBeginInfo *bi) {
  XrResult r = xrt_session_ok(s);
  if (r) return r;
  if (!bi || bi->type != XR_TYPE_SESSION_BEGIN_INFO) return xrt_invalid("xrBeginSession", "bad begin info");
  if (bi->primaryViewConfigurationType != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO)
    return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
  if (g_rt.running) return XR_ERROR_SESSION_RUNNING;
  if (g_rt.state != XR_SESSION_STATE_READY) return XR_ERROR_SESSION_NOT_READY;
  g_rt.running = 1;
  xrt_log("begin_session");
  xrt_push_state(XR_SESSION_STATE_SYNCHRONIZED);
  return XR_SUCCESS;
}

static XRT_API xrt_EndSession(XrSession s) {
  XrResult r = xrt_session_ok(s);
  if (r) return r;
  if (!g_rt.running) return XR_ERROR_SESSION_NOT_RUNNING;
  if (g_rt.state != XR_SESSION_STATE_STOPPING) return XR_ERROR_SESSION_NOT_STOPPING;
  g_rt.running = 0;
  xrt_log("end_session");
  xrt_push_state(XR_SESSION_STATE_IDLE);
  xrt_push_state(XR_SESSION_STATE_EXITING);
  return XR_SUCCESS;
}

/* leave FOCUSED/VISIBLE for STOPPING, through the states in between */
static void stop(void) {
  if (g_rt.state == XR_SESSION_STATE_FOCUSED) xrt_push_state(XR_SESSION_STATE_VISIBLE);
  if (g_rt.state == XR_SESSION_STATE_VISIBLE) xrt_push_state(XR_SESSION_STATE_SYNCHRONIZED);
  xrt_push_state(XR_SESSION_STATE_STOPPING);
}

static XRT_API xrt_RequestExitSession(XrSession s) {
  XrResult r = xrt_session_ok(s);
  if (r) return r;
  if (!g_rt.running) return XR_ERROR_SESSION_NOT_RUNNING;
  xrt_log("request_exit frame %ld", g_rt.frame);
  g_rt.exit_requested = 1;
  stop();
  return XR_SUCCESS;
}

/* the script's events for the frame that starts now */
static void scripted_events(void) {
  const xrt_script *sc = &g_rt.script;
  if (g_rt.frame == sc->lose_at) {
    xrt_log("loss_pending frame %ld", g_rt.frame);
    xrt_push_state(XR_SESSION_STATE_LOSS_PENDING);
    g_rt.session_lost = 1;
  }
  if (g_rt.frame == sc->exit_at && !g_rt.exit_requested) {
    xrt_log("runtime_exit frame %ld", g_rt.frame);
    g_rt.exit_requested = 1;
    stop();
  }
  if (g_rt.frame == sc->instance_lose_at) {
    XrEventDataInstanceLossPending e = {XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING, NULL, g_rt.display_time};
    xrt_log("instance_loss_pending frame %ld", g_rt.frame);
    xrt_push_event(&e, sizeof e);
    g_rt.instance_lost = 1;
  }
}

static XRT_API xrt_WaitFrame(XrSession s, const XrFrameWaitInfo *wi, XrFrameState *fs) {
  XrResult r = xrt_session_ok(s);
  if (r) return r;
  if ((wi && wi->type != XR_TYPE_FRAME_WAIT_INFO) || !fs || fs->type != XR_TYPE_FRAME_STATE)
    return xrt_invalid("xrWaitFrame", "bad struct type");
  if (!g_rt.running) return XR_ERROR_SESSION_NOT_RUNNING;
  if (g_rt.frame == 0) g_rt.wall0 = wall_s();
  g_rt.frame++;
  XrDuration period = (XrDuration)llround(g_rt.script.period_s * 1e9);
  g_rt.display_time = g_rt.t0 + (XrTime)g_rt.frame * period;
  if (g_rt.script.pace) { /* a real headset blocks to its refresh */
    double due = g_rt.wall0 + (double)g_rt.frame * g_rt.script.period_s;
    double now = wall_s();
    if (due > now) {
      struct timespec ts = {(time_t)(due - now), (long)(fmod(due - now, 1.0) * 1e9)};
      nanosleep(&ts, NULL);
    }
  }
  scripted_events();
  g_rt.frame_waited = 1;
  fs->predictedDisplayTime = g_rt.display_time;
  fs->predictedDisplayPeriod = period;
  fs->shouldRender = g_rt.state == XR_SESSION_STATE_VISIBLE || g_rt.state == XR_SESSION_STATE_FOCUSED;
  return g_rt.session_lost ? XR_ERROR_SESSION_LOST : XR_SUCCESS;
}

static XRT_API xrt_BeginFrame(XrSession s, const XrFrameBeginInfo *bi) {
  XrResult r = xrt_session_ok(s);
  if (r) return r;
  (void)bi;
  if (!g_rt.running) return XR_ERROR_SESSION_NOT_RUNNING;
  if (!g_rt.frame_waited) return XR_ERROR_CALL_ORDER_INVALID;
  g_rt.frame_waited = 0;
  if (g_rt.frame_begun) return XR_FRAME_DISCARDED;
  g_rt.frame_begun = 1;
  return XR_SUCCESS;
}

/* check one projection layer; capture the scripted eye; 0 when valid */
static XrResult check_projection(const XrCompositionLayerProjection *p) {
  if (p->viewCount != 2 || !p->views) return xrt_invalid("xrEndFrame", "projection layer needs 2 views");
  if (XRT_I(p->space) < 0 || XRT_I(p->space) >= XRT_MAX_SPACES || !g_rt.sp[XRT_I(p->space)].used)
    return xrt_invalid("xrEndFrame", "projection layer space invalid");
  for (int e = 0; e < 2; e++) {
    const XrCompositionLayerProjectionView *v = &p->views[e];
    if (v->type != XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW)
      return xrt_invalid("xrEndFrame", "projection view type not set");
    int sc = XRT_I(v->subImage.swapchain);
    if (sc < 0 || sc >= XRT_MAX_SWAPCHAINS || !g_rt.sc[sc].used)
      return xrt_invalid("xrEndFrame", "projection view swapchain invalid");
    const xrt_swapchain *c = &g_rt.sc[sc];
    if (c->released < 0) return xrt_invalid("xrEndFrame", "swapchain has no released image");
    const XrRect2Di *rc = &v->subImage.imageRect;
    if (rc->offset.x < 0 || rc->offset.y < 0 || rc->extent.width <= 0 || rc->extent.height <= 0 ||
        rc->offset.x + rc->extent.width > c->width || rc->offset.y + rc->extent.height > c->height)
      return xrt_invalid("xrEndFrame", "imageRect outside the swapchain image");
    const XrQuaternionf *q = &v->pose.orientation;
    float n = q->x * q->x + q->y * q->y + q->z * q->z + q->w * q->w;
    if (fabsf(n - 1.0f) > 0.01f) return xrt_invalid("xrEndFrame", "view pose orientation not unit");
    if (!(v->fov.angleLeft < v->fov.angleRight) || !(v->fov.angleDown < v->fov.angleUp))
      return xrt_invalid("xrEndFrame", "view fov degenerate");
    if (g_rt.frame == g_rt.script.capture_at && e == g_rt.script.capture_eye) xrt_capture(sc, rc, e);
  }
  return XR_SUCCESS;
}

static XRT_API xrt_EndFrame(XrSession s, const XrFrameEndInfo *ei) {
  XrResult r = xrt_session_ok(s);
  if (r) return r;
  if (!ei || ei->type != XR_TYPE_FRAME_END_INFO) return xrt_invalid("xrEndFrame", "bad end info");
  if (!g_rt.frame_begun) return XR_ERROR_CALL_ORDER_INVALID;
  g_rt.frame_begun = 0;
  if (ei->displayTime != g_rt.display_time) return XR_ERROR_TIME_INVALID;
  if (ei->environmentBlendMode != XR_ENVIRONMENT_BLEND_MODE_OPAQUE)
    return XR_ERROR_ENVIRONMENT_BLEND_MODE_UNSUPPORTED;
  if (ei->layerCount > 16) return XR_ERROR_LAYER_LIMIT_EXCEEDED;
  for (uint32_t i = 0; i < ei->layerCount; i++) {
    const XrCompositionLayerBaseHeader *l = ei->layers[i];
    if (!l) return XR_ERROR_LAYER_INVALID;
    if (l->type != XR_TYPE_COMPOSITION_LAYER_PROJECTION) return XR_ERROR_LAYER_INVALID;
    r = check_projection((const XrCompositionLayerProjection *)l);
    if (r) return r;
  }
  g_rt.frames_ended++;
  g_rt.layers += ei->layerCount;
  if (ei->layerCount == 0) g_rt.empty_frames++;
  /* the compositor shows the app after its first frame */
  if (g_rt.state == XR_SESSION_STATE_SYNCHRONIZED && !g_rt.exit_requested) {
    xrt_push_state(XR_SESSION_STATE_VISIBLE);
    xrt_push_state(XR_SESSION_STATE_FOCUSED);
  }
  return XR_SUCCESS;
}

static XRT_API xrt_LocateViews(XrSession s, const XrViewLocateInfo *li, XrViewState *vs, uint32_t cap,
                               uint32_t *count, XrView *views) {
  XrResult r = xrt_session_ok(s);
  if (r) return r;
  if (!li || li->type != XR_TYPE_VIEW_LOCATE_INFO || !vs || vs->type != XR_TYPE_VIEW_STATE)
    return xrt_invalid("xrLocateViews", "bad struct type");
  if (li->viewConfigurationType != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO)
    return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
  int base = XRT_I(li->space);
  if (base < 0 || base >= XRT_MAX_SPACES || !g_rt.sp[base].used) return XR_ERROR_HANDLE_INVALID;
  *count = 2;
  if (cap == 0) return XR_SUCCESS;
  if (cap < 2) return XR_ERROR_SIZE_INSUFFICIENT;
  float pos[3], q[4];
  xrt_script_head(&g_rt.script, g_rt.frame, pos, q);
  XrPosef head = {{q[0], q[1], q[2], q[3]}, {pos[0], pos[1], pos[2]}};
  XrPosef inv_base = xrt_pose_inv(xrt_space_in_local(base));
  const float *f = g_rt.script.fov;
  const float d2r = 3.14159265f / 180.0f;
  for (int e = 0; e < 2; e++) {
    if (views[e].type != XR_TYPE_VIEW) return xrt_invalid("xrLocateViews", "view type not set");
    XrPosef off = {{0, 0, 0, 1}, {(e == 0 ? -0.5f : 0.5f) * g_rt.script.ipd, 0, 0}};
    views[e].pose = xrt_pose_mul(inv_base, xrt_pose_mul(head, off));
    views[e].fov = (XrFovf){f[0] * d2r, f[1] * d2r, f[2] * d2r, f[3] * d2r};
  }
  vs->viewStateFlags = XR_VIEW_STATE_ORIENTATION_VALID_BIT | XR_VIEW_STATE_POSITION_VALID_BIT |
                       XR_VIEW_STATE_ORIENTATION_TRACKED_BIT | XR_VIEW_STATE_POSITION_TRACKED_BIT;
  return XR_SUCCESS;
}

#define F(n) if (!strcmp(name, "xr" #n)) return (PFN_xrVoidFunction)xrt_##n
/* this file's function called name, or NULL */
PFN_xrVoidFunction xrt_frame_fn(const char *name) {
  F(BeginSession); F(EndSession); F(RequestExitSession); F(WaitFrame); F(BeginFrame);
  F(EndFrame); F(LocateViews);
  return NULL;
}
#undef F
