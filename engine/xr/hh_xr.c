/* hh_xr.c - instance, system, session lifecycle (every session state, loss and exit)
 * and a clean shutdown. */
#include "hh_xr_int.h"
#include "../core/hh_i18n.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SHUTDOWN_FRAMES 240   /* frames we keep submitting while the runtime stops us */

/* the reason xrCreateInstance failed, as a user reads it */
static int instance_error(XrResult r, hh_error *err) {
  if (r == XR_ERROR_RUNTIME_FAILURE)
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0,
                        hh_tr("the OpenXR runtime failed to start (%s)"), hh_xr_result_name(r));
  if (r == XR_ERROR_RUNTIME_UNAVAILABLE)
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0,
                        hh_tr("no OpenXR runtime is installed or active (%s); start one such as Monado or set XR_RUNTIME_JSON"),
                        hh_xr_result_name(r));
  if (r == XR_ERROR_EXTENSION_NOT_PRESENT)
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, "%s",
                        hh_tr("the OpenXR runtime does not support OpenGL (XR_KHR_opengl_enable)"));
  return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, hh_tr("OpenXR: %s failed: %s"),
                      "xrCreateInstance", hh_xr_result_name(r));
}

/* instance with XR_KHR_opengl_enable and the head-mounted system */
static int create_instance(hh_xr *x, hh_error *err) {
  const char *ext[] = {"XR_KHR_opengl_enable"};
  XrInstanceCreateInfo ci = {.type = XR_TYPE_INSTANCE_CREATE_INFO};
  snprintf(ci.applicationInfo.applicationName, XR_MAX_APPLICATION_NAME_SIZE, "Haihe");
  snprintf(ci.applicationInfo.engineName, XR_MAX_ENGINE_NAME_SIZE, "Haihe");
  ci.applicationInfo.applicationVersion = 1;
  ci.applicationInfo.engineVersion = 1;
  ci.applicationInfo.apiVersion = XR_MAKE_VERSION(1, 0, 0);
  ci.enabledExtensionCount = 1;
  ci.enabledExtensionNames = ext;
  XrResult r = xrCreateInstance(&ci, &x->instance);
  if (XR_FAILED(r)) {
    x->instance = XR_NULL_HANDLE;
    return instance_error(r, err);
  }
  XrSystemGetInfo gi = {.type = XR_TYPE_SYSTEM_GET_INFO,
                        .formFactor = XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY};
  r = xrGetSystem(x->instance, &gi, &x->system);
  if (r == XR_ERROR_FORM_FACTOR_UNAVAILABLE)
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, "%s",
                        hh_tr("no VR headset is connected (the OpenXR runtime reports none)"));
  if (XR_FAILED(r))
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, hh_tr("OpenXR: %s failed: %s"),
                        "xrGetSystem", hh_xr_result_name(r));
  return HH_OK;
}

/* the stereo view configuration must exist; the seated and view spaces */
static int create_spaces(hh_xr *x, hh_error *err) {
  XrViewConfigurationType vc[8];
  uint32_t n = 0;
  int stereo = 0;
  XrResult r = xrEnumerateViewConfigurations(x->instance, x->system, 8, &n, vc);
  for (uint32_t i = 0; XR_SUCCEEDED(r) && i < n; i++)
    stereo |= vc[i] == XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
  if (!stereo)
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, "%s",
                        hh_tr("the VR headset has no stereo view configuration"));
  XrReferenceSpaceCreateInfo si = {.type = XR_TYPE_REFERENCE_SPACE_CREATE_INFO};
  si.poseInReferenceSpace.orientation.w = 1.0f;
  si.referenceSpaceType = XR_REFERENCE_SPACE_TYPE_LOCAL;
  r = xrCreateReferenceSpace(x->session, &si, &x->local);
  if (XR_SUCCEEDED(r)) {
    si.referenceSpaceType = XR_REFERENCE_SPACE_TYPE_VIEW;
    r = xrCreateReferenceSpace(x->session, &si, &x->view);
  }
  if (XR_FAILED(r))
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, hh_tr("OpenXR: %s failed: %s"),
                        "xrCreateReferenceSpace", hh_xr_result_name(r));
  return HH_OK;
}

/* print which runtime and headset we talk to */
static void say_hello(hh_xr *x) {
  XrInstanceProperties ip = {.type = XR_TYPE_INSTANCE_PROPERTIES};
  XrSystemProperties sp = {.type = XR_TYPE_SYSTEM_PROPERTIES};
  xrGetInstanceProperties(x->instance, &ip);
  xrGetSystemProperties(x->instance, x->system, &sp);
  printf(hh_tr("VR: %s %u.%u.%u, headset %s, %dx%d per eye\n"), ip.runtimeName,
         (unsigned)XR_VERSION_MAJOR(ip.runtimeVersion), (unsigned)XR_VERSION_MINOR(ip.runtimeVersion),
         (unsigned)XR_VERSION_PATCH(ip.runtimeVersion), sp.systemName, x->eye[0].width,
         x->eye[0].height);
  fflush(stdout);
}

/* start VR on the window's GL context; NULL with the reason in err */
hh_xr *hh_xr_create(hh_window *win, hh_error *err) {
  hh_xr *x = calloc(1, sizeof *x);
  if (!x) {
    hh_error_set(err, HH_E_NOMEM, "", 0, 0, "%s", hh_tr("out of memory"));
    return NULL;
  }
  x->eye[0].last = x->eye[1].last = -1;
  x->win = win;
  if (create_instance(x, err) || hh_xr_session_create(x, win, err) || create_spaces(x, err) ||
      hh_xr_swapchains_create(x, err) || hh_xr_actions_create(x, err) ||
      hh_xr_actions_attach(x, err)) {
    hh_xr_destroy(x);
    return NULL;
  }
  say_hello(x);
  return x;
}

/* react to one session state change */
static void on_state(hh_xr *x, XrSessionState s) {
  x->state = s;
  XrResult r = XR_SUCCESS;
  switch (s) {
    case XR_SESSION_STATE_READY: {
      XrSessionBeginInfo bi = {.type = XR_TYPE_SESSION_BEGIN_INFO,
                               .primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO};
      r = xrBeginSession(x->session, &bi);
      if (XR_SUCCEEDED(r)) x->running = 1;
      break;
    }
    case XR_SESSION_STATE_STOPPING:
      r = xrEndSession(x->session);
      x->running = 0;
      if (!x->exit_requested)
        hh_xr_end(x, HH_XR_ENDED, hh_tr("the VR runtime ended the session"));
      break;
    case XR_SESSION_STATE_EXITING:
      hh_xr_end(x, HH_XR_ENDED, hh_tr("the VR session ended"));
      break;
    case XR_SESSION_STATE_LOSS_PENDING:
      x->running = 0;
      hh_xr_end(x, HH_XR_LOST, hh_tr("the VR session was lost (headset disconnected or runtime stopped)"));
      break;
    default: break; /* IDLE, SYNCHRONIZED, VISIBLE, FOCUSED: frames decide what to do */
  }
  if (XR_FAILED(r) && !hh_xr_check_lost(x, r)) {
    char msg[256];
    snprintf(msg, sizeof msg, hh_tr("OpenXR: %s failed: %s"),
             s == XR_SESSION_STATE_READY ? "xrBeginSession" : "xrEndSession", hh_xr_result_name(r));
    hh_xr_end(x, HH_XR_LOST, msg);
  }
}

/* drain the runtime's events and report the session status */
hh_xr_status hh_xr_poll(hh_xr *x) {
  for (;;) {
    XrEventDataBuffer ev = {.type = XR_TYPE_EVENT_DATA_BUFFER};
    XrResult r = xrPollEvent(x->instance, &ev);
    if (r == XR_EVENT_UNAVAILABLE) break;
    if (XR_FAILED(r)) {
      if (!hh_xr_check_lost(x, r)) hh_xr_end(x, HH_XR_LOST, hh_tr("the OpenXR runtime stopped answering"));
      break;
    }
    if (ev.type == XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED) {
      XrEventDataSessionStateChanged sc;
      memcpy(&sc, &ev, sizeof sc); /* the buffer holds this event's bytes */
      on_state(x, sc.state);
    } else if (ev.type == XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING) {
      x->running = 0;
      hh_xr_end(x, HH_XR_LOST, hh_tr("the OpenXR runtime was lost"));
    }
  }
  if (x->status == HH_XR_ENDED || x->status == HH_XR_LOST) return x->status;
  x->status = x->running ? HH_XR_RUNNING : HH_XR_WAITING;
  return x->status;
}

/* submit an empty frame (nothing to show) so the runtime can move on */
static void empty_frame(hh_xr *x) {
  double dt;
  if (!hh_xr_frame_begin(x, &dt)) return;
  XrFrameEndInfo ei = {.type = XR_TYPE_FRAME_END_INFO, .displayTime = x->frame.predictedDisplayTime,
                       .environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE};
  hh_xr_check_lost(x, xrEndFrame(x->session, &ei));
  x->frame_begun = 0;
}

/* ask the runtime to end a running session and follow it to the end */
static void shutdown_session(hh_xr *x) {
  if (!x->running || x->status == HH_XR_LOST) return;
  x->exit_requested = 1;
  if (XR_FAILED(xrRequestExitSession(x->session))) return;
  for (int i = 0; i < SHUTDOWN_FRAMES && x->running; i++) {
    hh_xr_poll(x);
    if (x->status == HH_XR_LOST) break;
    if (x->running) empty_frame(x);
  }
  for (int i = 0; i < 16; i++) { /* the runtime's last events: IDLE, EXITING */
    if (hh_xr_poll(x) != HH_XR_WAITING || x->state == XR_SESSION_STATE_EXITING) break;
    struct timespec ts = {0, 1000000};
    nanosleep(&ts, NULL);
  }
}

/* end a running session cleanly, then release every OpenXR object */
void hh_xr_destroy(hh_xr *x) {
  if (!x) return;
  if (x->session) {
    shutdown_session(x);
    hh_xr_swapchains_destroy(x);
    if (x->view) xrDestroySpace(x->view);
    if (x->aim) xrDestroySpace(x->aim);
    if (x->local) xrDestroySpace(x->local);
    xrDestroySession(x->session);
  }
  if (x->set) xrDestroyActionSet(x->set);
  if (x->instance) xrDestroyInstance(x->instance);
  free(x);
}
