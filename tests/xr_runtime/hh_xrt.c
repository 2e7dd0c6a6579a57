/* hh_xrt.c - the loader interface (xrNegotiateLoaderRuntimeInterface, declared here:
 * libopenxr-dev 1.0.20 ships no negotiation header), xrGetInstanceProcAddr over every
 * core function, instance, system, view configurations, events and the session.
 * Each static xrt_Foo implements the OpenXR function xrFoo for the scripted headset. */
#include "hh_xrt_int.h"
#include <openxr/openxr_reflection.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

xrt_rt g_rt;

/* ---- loader negotiation, interface version 1 (the loader's documented layout) */
typedef enum xrt_loader_struct {
  XRT_LOADER_STRUCT_UNINITIALIZED = 0,
  XRT_LOADER_STRUCT_LOADER_INFO = 1,
  XRT_LOADER_STRUCT_API_LAYER_REQUEST = 2,
  XRT_LOADER_STRUCT_RUNTIME_REQUEST = 3,
} xrt_loader_struct;

typedef struct xrt_negotiate_loader_info {
  xrt_loader_struct structType;
  uint32_t structVersion;
  size_t structSize;
  uint32_t minInterfaceVersion;
  uint32_t maxInterfaceVersion;
  XrVersion minApiVersion;
  XrVersion maxApiVersion;
} xrt_negotiate_loader_info;

typedef struct xrt_negotiate_runtime_request {
  xrt_loader_struct structType;
  uint32_t structVersion;
  size_t structSize;
  uint32_t runtimeInterfaceVersion;
  XrVersion runtimeApiVersion;
  PFN_xrGetInstanceProcAddr getInstanceProcAddr;
} xrt_negotiate_runtime_request;

/* ---- helpers */
void xrt_log(const char *fmt, ...) {
  if (!g_rt.log) return;
  va_list ap;
  va_start(ap, fmt);
  vfprintf(g_rt.log, fmt, ap);
  va_end(ap);
  fputc('\n', g_rt.log);
  fflush(g_rt.log);
}

/* report an invalid call */
XrResult xrt_invalid(const char *fn, const char *what) {
  g_rt.errors++;
  fprintf(stderr, "hh_xr_test_runtime: %s: %s\n", fn, what);
  xrt_log("error %s: %s", fn, what);
  return XR_ERROR_VALIDATION_FAILURE;
}

/* queue an event for xrPollEvent */
void xrt_push_event(const void *e, size_t size) {
  if (g_rt.ev_n >= XRT_MAX_EVENTS || size > sizeof(XrEventDataBuffer)) return;
  XrEventDataBuffer *b = &g_rt.ev[(g_rt.ev_head + g_rt.ev_n) % XRT_MAX_EVENTS];
  memset(b, 0, sizeof *b);
  memcpy(b, e, size); /* copied as bytes: the buffer is read back as the event's type */
  g_rt.ev_n++;
}

/* move the session to state s and queue the event */
void xrt_push_state(XrSessionState s) {
  XrEventDataSessionStateChanged e = {XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED, NULL,
                                      XRT_H(XrSession, 0), s, g_rt.display_time};
  g_rt.state = s;
  xrt_log("state %d frame %ld", (int)s, g_rt.frame);
  xrt_push_event(&e, sizeof e);
}

/* the two-call idiom: count, or copy n items */
XrResult xrt_fill(uint32_t cap, uint32_t *count, void *out, const void *src, uint32_t n,
                  size_t sz) {
  if (!count) return XR_ERROR_VALIDATION_FAILURE;
  *count = n;
  if (cap == 0) return XR_SUCCESS;
  if (cap < n) return XR_ERROR_SIZE_INSUFFICIENT;
  if (!out) return XR_ERROR_VALIDATION_FAILURE;
  memcpy(out, src, n * sz);
  return XR_SUCCESS;
}

/* the error a session call returns now, or XR_SUCCESS */
XrResult xrt_session_ok(XrSession s) {
  if (g_rt.instance_lost) return XR_ERROR_INSTANCE_LOST;
  if (!g_rt.session_alive || XRT_I(s) != 0) return XR_ERROR_HANDLE_INVALID;
  if (g_rt.session_lost) return XR_ERROR_SESSION_LOST;
  return XR_SUCCESS;
}

/* instance handle check */
static XrResult instance_ok(XrInstance i) {
  if (!g_rt.instance_alive || XRT_I(i) != 0) return XR_ERROR_HANDLE_INVALID;
  if (g_rt.instance_lost) return XR_ERROR_INSTANCE_LOST;
  return XR_SUCCESS;
}

/* ---- instance */
static const XrExtensionProperties k_ext[] = {
    {XR_TYPE_EXTENSION_PROPERTIES, NULL, XR_KHR_OPENGL_ENABLE_EXTENSION_NAME, 10},
};

static XRT_API xrt_EnumerateApiLayerProperties(uint32_t cap, uint32_t *count, XrApiLayerProperties *p) {
  return xrt_fill(cap, count, p, NULL, 0, sizeof *p);
}

static XRT_API xrt_EnumerateInstanceExtensionProperties(const char *layer, uint32_t cap,
                                                         uint32_t *count, XrExtensionProperties *p) {
  if (layer && layer[0]) return XR_ERROR_API_LAYER_NOT_PRESENT;
  return xrt_fill(cap, count, p, k_ext, 1, sizeof *p);
}

static XRT_API xrt_CreateInstance(const XrInstanceCreateInfo *ci, XrInstance *out) {
  if (!ci || ci->type != XR_TYPE_INSTANCE_CREATE_INFO || !out)
    return xrt_invalid("xrCreateInstance", "bad create info");
  if (g_rt.instance_alive) return XR_ERROR_LIMIT_REACHED;
  for (uint32_t i = 0; i < ci->enabledExtensionCount; i++)
    if (strcmp(ci->enabledExtensionNames[i], XR_KHR_OPENGL_ENABLE_EXTENSION_NAME) != 0)
      return XR_ERROR_EXTENSION_NOT_PRESENT;
  memset(&g_rt, 0, sizeof g_rt);
  if (xrt_script_load(&g_rt.script) != 0) return XR_ERROR_RUNTIME_FAILURE;
  if (g_rt.script.log_path[0]) g_rt.log = fopen(g_rt.script.log_path, "w");
  g_rt.instance_alive = 1;
  g_rt.state = XR_SESSION_STATE_UNKNOWN;
  g_rt.t0 = 1000000000LL;
  g_rt.display_time = g_rt.t0;
  xrt_log("instance app=%s script=%s", ci->applicationInfo.applicationName,
          g_rt.script.source[0] ? g_rt.script.source : "(defaults)");
  *out = XRT_H(XrInstance, 0);
  return XR_SUCCESS;
}

/* the summary line the CI tests read */
static void log_summary(const char *when) {
  xrt_log("summary %s frames_waited=%ld frames_ended=%ld layers=%ld empty=%ld syncs=%ld errors=%ld state=%d",
          when, g_rt.frame, g_rt.frames_ended, g_rt.layers, g_rt.empty_frames, g_rt.syncs,
          g_rt.errors, (int)g_rt.state);
}

static XRT_API xrt_DestroyInstance(XrInstance i) {
  if (!g_rt.instance_alive || XRT_I(i) != 0) return XR_ERROR_HANDLE_INVALID;
  log_summary("instance_destroyed");
  if (g_rt.log) fclose(g_rt.log);
  g_rt.log = NULL;
  g_rt.instance_alive = 0;
  return XR_SUCCESS;
}

static XRT_API xrt_GetInstanceProperties(XrInstance i, XrInstanceProperties *p) {
  XrResult r = instance_ok(i);
  if (r) return r;
  p->runtimeVersion = XR_MAKE_VERSION(0, 1, 0);
  snprintf(p->runtimeName, sizeof p->runtimeName, "Haihe test runtime");
  return XR_SUCCESS;
}

static XRT_API xrt_PollEvent(XrInstance i, XrEventDataBuffer *b) {
  if (!g_rt.instance_alive || XRT_I(i) != 0) return XR_ERROR_HANDLE_INVALID;
  if (!b) return XR_ERROR_VALIDATION_FAILURE;
  if (g_rt.ev_n == 0) return XR_EVENT_UNAVAILABLE;
  *b = g_rt.ev[g_rt.ev_head];
  g_rt.ev_head = (g_rt.ev_head + 1) % XRT_MAX_EVENTS;
  g_rt.ev_n--;
  return XR_SUCCESS;
}

static XRT_API xrt_ResultToString(XrInstance i, XrResult v, char buf[XR_MAX_RESULT_STRING_SIZE]) {
  (void)i;
  const char *s = NULL;
  switch (v) {
#define XRT_CASE(name, val) case name: s = #name; break;
    XR_LIST_ENUM_XrResult(XRT_CASE)
#undef XRT_CASE
    default: break;
  }
  if (s) snprintf(buf, XR_MAX_RESULT_STRING_SIZE, "%s", s);
  else snprintf(buf, XR_MAX_RESULT_STRING_SIZE, "XR_UNKNOWN_%s_%d", v < 0 ? "FAILURE" : "SUCCESS", (int)v);
  return XR_SUCCESS;
}

static XRT_API xrt_StructureTypeToString(XrInstance i, XrStructureType v, char buf[XR_MAX_STRUCTURE_NAME_SIZE]) {
  (void)i;
  const char *s = NULL;
  switch (v) {
#define XRT_CASE(name, val) case name: s = #name; break;
    XR_LIST_ENUM_XrStructureType(XRT_CASE)
#undef XRT_CASE
    default: break;
  }
  snprintf(buf, XR_MAX_STRUCTURE_NAME_SIZE, "%s", s ? s : "XR_UNKNOWN_STRUCTURE_TYPE");
  return XR_SUCCESS;
}

/* ---- system */
static XRT_API xrt_GetSystem(XrInstance i, const XrSystemGetInfo *gi, XrSystemId *id) {
  XrResult r = instance_ok(i);
  if (r) return r;
  if (!gi || gi->type != XR_TYPE_SYSTEM_GET_INFO) return xrt_invalid("xrGetSystem", "bad get info");
  if (gi->formFactor != XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY) return XR_ERROR_FORM_FACTOR_UNSUPPORTED;
  *id = 1;
  return XR_SUCCESS;
}

static XRT_API xrt_GetSystemProperties(XrInstance i, XrSystemId id, XrSystemProperties *p) {
  XrResult r = instance_ok(i);
  if (r) return r;
  if (id != 1) return XR_ERROR_SYSTEM_INVALID;
  p->systemId = 1;
  p->vendorId = 0x4848;
  snprintf(p->systemName, sizeof p->systemName, "Haihe scripted headset");
  p->graphicsProperties.maxSwapchainImageWidth = 4096;
  p->graphicsProperties.maxSwapchainImageHeight = 4096;
  p->graphicsProperties.maxLayerCount = 16;
  p->trackingProperties.orientationTracking = XR_TRUE;
  p->trackingProperties.positionTracking = XR_TRUE;
  return XR_SUCCESS;
}

static XRT_API xrt_EnumerateEnvironmentBlendModes(XrInstance i, XrSystemId id, XrViewConfigurationType vc,
                                                   uint32_t cap, uint32_t *count, XrEnvironmentBlendMode *m) {
  XrResult r = instance_ok(i);
  if (r) return r;
  if (id != 1) return XR_ERROR_SYSTEM_INVALID;
  if (vc != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO) return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
  static const XrEnvironmentBlendMode k = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
  return xrt_fill(cap, count, m, &k, 1, sizeof k);
}

static XRT_API xrt_GetOpenGLGraphicsRequirementsKHR(XrInstance i, XrSystemId id,
                                                     XrGraphicsRequirementsOpenGLKHR *req) {
  XrResult r = instance_ok(i);
  if (r) return r;
  if (id != 1) return XR_ERROR_SYSTEM_INVALID;
  if (!req || req->type != XR_TYPE_GRAPHICS_REQUIREMENTS_OPENGL_KHR)
    return xrt_invalid("xrGetOpenGLGraphicsRequirementsKHR", "bad struct");
  req->minApiVersionSupported = XR_MAKE_VERSION(3, 3, 0);
  req->maxApiVersionSupported = XR_MAKE_VERSION(4, 6, 0);
  g_rt.requirements_called = 1;
  return XR_SUCCESS;
}

/* ---- view configurations */
static XRT_API xrt_EnumerateViewConfigurations(XrInstance i, XrSystemId id, uint32_t cap, uint32_t *count,
                                                XrViewConfigurationType *v) {
  XrResult r = instance_ok(i);
  if (r) return r;
  if (id != 1) return XR_ERROR_SYSTEM_INVALID;
  static const XrViewConfigurationType k = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO;
  return xrt_fill(cap, count, v, &k, 1, sizeof k);
}

static XRT_API xrt_GetViewConfigurationProperties(XrInstance i, XrSystemId id, XrViewConfigurationType vc,
                                                   XrViewConfigurationProperties *p) {
  XrResult r = instance_ok(i);
  if (r) return r;
  if (id != 1) return XR_ERROR_SYSTEM_INVALID;
  if (vc != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO) return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
  p->viewConfigurationType = vc;
  p->fovMutable = XR_FALSE;
  return XR_SUCCESS;
}

static XRT_API xrt_EnumerateViewConfigurationViews(XrInstance i, XrSystemId id, XrViewConfigurationType vc,
                                                    uint32_t cap, uint32_t *count, XrViewConfigurationView *v) {
  XrResult r = instance_ok(i);
  if (r) return r;
  if (id != 1) return XR_ERROR_SYSTEM_INVALID;
  if (vc != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO) return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
  XrViewConfigurationView k[2];
  for (int e = 0; e < 2; e++) {
    k[e] = (XrViewConfigurationView){XR_TYPE_VIEW_CONFIGURATION_VIEW, NULL,
                                     (uint32_t)g_rt.script.width, 4096,
                                     (uint32_t)g_rt.script.height, 4096, 1, 1};
    if (cap >= 2 && v && v[e].type != XR_TYPE_VIEW_CONFIGURATION_VIEW)
      return xrt_invalid("xrEnumerateViewConfigurationViews", "element type not set");
  }
  return xrt_fill(cap, count, v, k, 2, sizeof k[0]);
}

/* ---- session */
static XRT_API xrt_CreateSession(XrInstance i, const XrSessionCreateInfo *ci, XrSession *out) {
  XrResult r = instance_ok(i);
  if (r) return r;
  if (!ci || ci->type != XR_TYPE_SESSION_CREATE_INFO || ci->systemId != 1)
    return xrt_invalid("xrCreateSession", "bad create info");
  if (!g_rt.requirements_called) return XR_ERROR_GRAPHICS_REQUIREMENTS_CALL_MISSING;
  if (g_rt.session_alive) return XR_ERROR_LIMIT_REACHED;
  const XrGraphicsBindingOpenGLXlibKHR *b = NULL;
  for (const XrBaseInStructure *n = ci->next; n; n = n->next)
    if (n->type == XR_TYPE_GRAPHICS_BINDING_OPENGL_XLIB_KHR) b = (const XrGraphicsBindingOpenGLXlibKHR *)n;
  if (!b) return XR_ERROR_GRAPHICS_DEVICE_INVALID;
  if (!b->xDisplay || !b->glxContext || !b->glxDrawable)
    return xrt_invalid("xrCreateSession", "Xlib binding without display, context or drawable");
  if (!glGetString(GL_VERSION))
    return xrt_invalid("xrCreateSession", "no OpenGL context is current");
  g_rt.session_alive = 1;
  g_rt.session_lost = 0;
  xrt_log("session binding=xlib gl=%s", (const char *)glGetString(GL_VERSION));
  xrt_push_state(XR_SESSION_STATE_IDLE);
  xrt_push_state(XR_SESSION_STATE_READY);
  *out = XRT_H(XrSession, 0);
  return XR_SUCCESS;
}

static XRT_API xrt_DestroySession(XrSession s) {
  if (!g_rt.session_alive || XRT_I(s) != 0) return XR_ERROR_HANDLE_INVALID;
  log_summary("session_destroyed");
  g_rt.session_alive = 0;
  g_rt.running = 0;
  return XR_SUCCESS;
}

/* ---- the table */
typedef struct xrt_fn {
  const char *name;
  PFN_xrVoidFunction fn;
} xrt_fn;

static XRT_API xrt_GetInstanceProcAddr(XrInstance i, const char *name, PFN_xrVoidFunction *fn);

#define F(n) {"xr" #n, (PFN_xrVoidFunction)xrt_##n}
static const xrt_fn k_fns[] = {
    F(GetInstanceProcAddr), F(EnumerateApiLayerProperties), F(EnumerateInstanceExtensionProperties),
    F(CreateInstance), F(DestroyInstance), F(GetInstanceProperties), F(PollEvent),
    F(ResultToString), F(StructureTypeToString), F(GetSystem), F(GetSystemProperties),
    F(EnumerateEnvironmentBlendModes), F(CreateSession), F(DestroySession),
    F(EnumerateViewConfigurations), F(GetViewConfigurationProperties),
    F(EnumerateViewConfigurationViews), F(GetOpenGLGraphicsRequirementsKHR),
};
#undef F

static XRT_API xrt_GetInstanceProcAddr(XrInstance i, const char *name, PFN_xrVoidFunction *fn) {
  (void)i;
  if (!name || !fn) return XR_ERROR_VALIDATION_FAILURE;
  *fn = NULL;
  for (size_t k = 0; k < sizeof k_fns / sizeof k_fns[0]; k++)
    if (!strcmp(k_fns[k].name, name)) *fn = k_fns[k].fn;
  if (!*fn) *fn = xrt_frame_fn(name);
  if (!*fn) *fn = xrt_space_fn(name);
  if (!*fn) *fn = xrt_swapchain_fn(name);
  if (!*fn) *fn = xrt_actions_fn(name);
  return *fn ? XR_SUCCESS : XR_ERROR_FUNCTION_UNSUPPORTED;
}

/* the one exported symbol: agree on interface 1 and hand over xrGetInstanceProcAddr */
__attribute__((visibility("default"))) XRAPI_ATTR XrResult XRAPI_CALL
xrNegotiateLoaderRuntimeInterface(const xrt_negotiate_loader_info *li, xrt_negotiate_runtime_request *rq) {
  if (!li || !rq || li->structType != XRT_LOADER_STRUCT_LOADER_INFO ||
      rq->structType != XRT_LOADER_STRUCT_RUNTIME_REQUEST)
    return XR_ERROR_INITIALIZATION_FAILED;
  if (li->minInterfaceVersion > 1 || li->maxInterfaceVersion < 1) return XR_ERROR_INITIALIZATION_FAILED;
  rq->runtimeInterfaceVersion = 1;
  rq->runtimeApiVersion = XR_CURRENT_API_VERSION;
  rq->getInstanceProcAddr = xrt_GetInstanceProcAddr;
  return XR_SUCCESS;
}
