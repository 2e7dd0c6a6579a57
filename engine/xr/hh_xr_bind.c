/* hh_xr_bind.c - the OpenGL graphics requirements and the session with the Xlib/GLX
 * binding taken from the SDL window. */
#include <X11/Xlib.h>
#include <GL/glx.h>
#define XR_USE_PLATFORM_XLIB
#define XR_USE_GRAPHICS_API_OPENGL
#include "hh_xr_int.h"
#include <openxr/openxr_platform.h>
#include "../core/hh_i18n.h"
#include <string.h>

/* check the runtime accepts GL 3.3 (the call is required before xrCreateSession) */
static int check_requirements(hh_xr *x, hh_error *err) {
  PFN_xrGetOpenGLGraphicsRequirementsKHR get = NULL;
  XrResult r = xrGetInstanceProcAddr(x->instance, "xrGetOpenGLGraphicsRequirementsKHR",
                                     (PFN_xrVoidFunction *)&get);
  if (XR_FAILED(r) || !get)
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, hh_tr("OpenXR: %s failed: %s"),
                        "xrGetOpenGLGraphicsRequirementsKHR", hh_xr_result_name(r));
  XrGraphicsRequirementsOpenGLKHR req = {.type = XR_TYPE_GRAPHICS_REQUIREMENTS_OPENGL_KHR};
  r = get(x->instance, x->system, &req);
  if (XR_FAILED(r))
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, hh_tr("OpenXR: %s failed: %s"),
                        "xrGetOpenGLGraphicsRequirementsKHR", hh_xr_result_name(r));
  XrVersion have = XR_MAKE_VERSION(3, 3, 0);
  if (have < req.minApiVersionSupported)
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0,
                        hh_tr("the OpenXR runtime needs OpenGL %d.%d or newer; Haihe uses 3.3"),
                        (int)XR_VERSION_MAJOR(req.minApiVersionSupported),
                        (int)XR_VERSION_MINOR(req.minApiVersionSupported));
  return HH_OK;
}

/* create the session bound to the window's GLX context */
int hh_xr_session_create(hh_xr *x, hh_window *win, hh_error *err) {
  hh_window_native n;
  if (hh_window_native_handles(win, &n, err) != HH_OK) return err->code;
  if (check_requirements(x, err) != HH_OK) return err->code;
  XrGraphicsBindingOpenGLXlibKHR bind = {.type = XR_TYPE_GRAPHICS_BINDING_OPENGL_XLIB_KHR};
  bind.xDisplay = (Display *)n.x_display;
  bind.visualid = n.visualid;
  bind.glxFBConfig = (GLXFBConfig)n.glx_fbconfig;
  bind.glxDrawable = (GLXDrawable)n.glx_drawable;
  bind.glxContext = (GLXContext)n.glx_context;
  XrSessionCreateInfo ci = {.type = XR_TYPE_SESSION_CREATE_INFO, .next = &bind,
                            .systemId = x->system};
  XrResult r = xrCreateSession(x->instance, &ci, &x->session);
  if (XR_FAILED(r))
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, hh_tr("OpenXR: %s failed: %s"),
                        "xrCreateSession", hh_xr_result_name(r));
  x->state = XR_SESSION_STATE_IDLE;
  return HH_OK;
}
