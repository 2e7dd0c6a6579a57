/* test_xr_runtime.c - the test OpenXR runtime (tests/xr_runtime) without a GL context:
 * it answers every core function, negotiates with the Khronos loader, checks suggested
 * bindings against each profile's paths and rejects a bad script with file:line. */
#define _DEFAULT_SOURCE
#include "hh_test.h"
#include <dlfcn.h>
#include <openxr/openxr.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RT_DIR HH_BUILD_DIR "/xr_runtime"

/* the OpenXR 1.0 core functions (openxr.h, XR_VERSION_1_0) */
static const char *const k_core[] = {"xrGetInstanceProcAddr", "xrEnumerateApiLayerProperties", "xrEnumerateInstanceExtensionProperties", "xrCreateInstance", "xrDestroyInstance", "xrGetInstanceProperties", "xrPollEvent", "xrResultToString", "xrStructureTypeToString", "xrGetSystem", "xrGetSystemProperties", "xrEnumerateEnvironmentBlendModes", "xrCreateSession", "xrDestroySession", "xrEnumerateReferenceSpaces", "xrCreateReferenceSpace", "xrGetReferenceSpaceBoundsRect", "xrCreateActionSpace", "xrLocateSpace", "xrDestroySpace", "xrEnumerateViewConfigurations", "xrGetViewConfigurationProperties", "xrEnumerateViewConfigurationViews", "xrEnumerateSwapchainFormats", "xrCreateSwapchain", "xrDestroySwapchain", "xrEnumerateSwapchainImages", "xrAcquireSwapchainImage", "xrWaitSwapchainImage", "xrReleaseSwapchainImage", "xrBeginSession", "xrEndSession", "xrRequestExitSession", "xrWaitFrame", "xrBeginFrame", "xrEndFrame", "xrLocateViews", "xrStringToPath", "xrPathToString", "xrCreateActionSet", "xrDestroyActionSet", "xrCreateAction", "xrDestroyAction", "xrSuggestInteractionProfileBindings", "xrAttachSessionActionSets", "xrGetCurrentInteractionProfile", "xrGetActionStateBoolean", "xrGetActionStateFloat", "xrGetActionStateVector2f", "xrGetActionStatePose", "xrSyncActions", "xrEnumerateBoundSourcesForAction", "xrGetInputSourceLocalizedName", "xrApplyHapticFeedback", "xrStopHapticFeedback", NULL};

/* the loader's negotiation structs (interface version 1) */
typedef struct loader_info {
  int structType;
  uint32_t structVersion;
  size_t structSize;
  uint32_t minInterfaceVersion, maxInterfaceVersion;
  XrVersion minApiVersion, maxApiVersion;
} loader_info;
typedef struct runtime_request {
  int structType;
  uint32_t structVersion;
  size_t structSize;
  uint32_t runtimeInterfaceVersion;
  XrVersion runtimeApiVersion;
  PFN_xrGetInstanceProcAddr getInstanceProcAddr;
} runtime_request;
typedef XrResult (*negotiate_fn)(const loader_info *, runtime_request *);

/* create an instance straight from the runtime's table */
static XrResult direct_instance(PFN_xrGetInstanceProcAddr gipa, XrInstance *inst) {
  PFN_xrCreateInstance create = NULL;
  gipa(XR_NULL_HANDLE, "xrCreateInstance", (PFN_xrVoidFunction *)&create);
  const char *ext[] = {"XR_KHR_opengl_enable"};
  XrInstanceCreateInfo ci = {.type = XR_TYPE_INSTANCE_CREATE_INFO, .enabledExtensionCount = 1,
                             .enabledExtensionNames = ext};
  strcpy(ci.applicationInfo.applicationName, "test_xr_runtime");
  ci.applicationInfo.apiVersion = XR_MAKE_VERSION(1, 0, 0);
  return create(&ci, inst);
}

int main(void) {
  unsetenv("HH_XRT_SCRIPT");
  unsetenv("HH_XRT_LOG");
  void *so = dlopen(RT_DIR "/libhh_xr_test_runtime.so", RTLD_NOW | RTLD_LOCAL);
  CHECK(so != NULL);
  if (!so) return hh_test_done("test_xr_runtime");
  CHECK(dlsym(so, "xrCreateInstance") == NULL); /* only the negotiation is exported */
  negotiate_fn neg = (negotiate_fn)dlsym(so, "xrNegotiateLoaderRuntimeInterface");
  CHECK(neg != NULL);
  loader_info li = {1, 1, sizeof li, 1, 1, XR_MAKE_VERSION(1, 0, 0), XR_MAKE_VERSION(1, 0, 20)};
  runtime_request rq = {3, 1, sizeof rq, 0, 0, NULL};
  CHECK(neg(&li, &rq) == XR_SUCCESS);
  CHECK(rq.runtimeInterfaceVersion == 1);
  PFN_xrGetInstanceProcAddr gipa = rq.getInstanceProcAddr;
  CHECK(gipa != NULL);
  if (!gipa) return hh_test_done("test_xr_runtime");

  /* every core function answers (loader 1.0.20 crashes on a missing one) */
  int n = 0;
  for (int i = 0; k_core[i]; i++, n++) {
    PFN_xrVoidFunction f = NULL;
    XrResult r = gipa(XR_NULL_HANDLE, k_core[i], &f);
    if (r != XR_SUCCESS || !f) fprintf(stderr, "runtime lacks %s\n", k_core[i]);
    CHECK(r == XR_SUCCESS && f != NULL);
  }
  CHECK(n == 55);
  PFN_xrVoidFunction none = NULL;
  CHECK(gipa(XR_NULL_HANDLE, "xrNoSuchFunction", &none) == XR_ERROR_FUNCTION_UNSUPPORTED && !none);

  /* a bad script is refused with file:line on stderr */
  char script[] = "/tmp/hh_xrt_script_XXXXXX";
  int fd = mkstemp(script);
  CHECK(fd >= 0);
  FILE *f = fdopen(fd, "w");
  fprintf(f, "# comment\nperiod 0.0111\nwobble 3\n");
  fclose(f);
  setenv("HH_XRT_SCRIPT", script, 1);
  XrInstance inst = XR_NULL_HANDLE;
  CHECK(direct_instance(gipa, &inst) == XR_ERROR_RUNTIME_FAILURE);
  unsetenv("HH_XRT_SCRIPT");
  remove(script);

  /* instance, system, then the checks an app relies on */
  CHECK(direct_instance(gipa, &inst) == XR_SUCCESS);
  PFN_xrGetSystem get_system;
  PFN_xrStringToPath to_path;
  PFN_xrCreateActionSet create_set;
  PFN_xrCreateAction create_action;
  PFN_xrSuggestInteractionProfileBindings suggest;
  PFN_xrCreateSession create_session;
  PFN_xrDestroyInstance destroy;
  gipa(inst, "xrGetSystem", (PFN_xrVoidFunction *)&get_system);
  gipa(inst, "xrStringToPath", (PFN_xrVoidFunction *)&to_path);
  gipa(inst, "xrCreateActionSet", (PFN_xrVoidFunction *)&create_set);
  gipa(inst, "xrCreateAction", (PFN_xrVoidFunction *)&create_action);
  gipa(inst, "xrSuggestInteractionProfileBindings", (PFN_xrVoidFunction *)&suggest);
  gipa(inst, "xrCreateSession", (PFN_xrVoidFunction *)&create_session);
  gipa(inst, "xrDestroyInstance", (PFN_xrVoidFunction *)&destroy);
  XrSystemGetInfo gi = {.type = XR_TYPE_SYSTEM_GET_INFO, .formFactor = XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY};
  XrSystemId sys = 0;
  CHECK(get_system(inst, &gi, &sys) == XR_SUCCESS && sys != 0);
  gi.formFactor = XR_FORM_FACTOR_HANDHELD_DISPLAY;
  CHECK(get_system(inst, &gi, &sys) == XR_ERROR_FORM_FACTOR_UNSUPPORTED);
  /* a session before xrGetOpenGLGraphicsRequirementsKHR is refused */
  XrSessionCreateInfo sci = {.type = XR_TYPE_SESSION_CREATE_INFO, .systemId = 1};
  XrSession sess;
  CHECK(create_session(inst, &sci, &sess) == XR_ERROR_GRAPHICS_REQUIREMENTS_CALL_MISSING);

  XrActionSetCreateInfo si = {.type = XR_TYPE_ACTION_SET_CREATE_INFO};
  strcpy(si.actionSetName, "crane");
  strcpy(si.localizedActionSetName, "Crane");
  XrActionSet set;
  CHECK(create_set(inst, &si, &set) == XR_SUCCESS);
  CHECK(create_set(inst, &si, &set) == XR_ERROR_NAME_DUPLICATED);
  XrActionCreateInfo ai = {.type = XR_TYPE_ACTION_CREATE_INFO, .actionType = XR_ACTION_TYPE_BOOLEAN_INPUT};
  strcpy(ai.actionName, "lock");
  strcpy(ai.localizedActionName, "Lock");
  XrAction act;
  CHECK(create_action(set, &ai, &act) == XR_SUCCESS);
  XrPath touch, good, bad;
  CHECK(to_path(inst, "/interaction_profiles/oculus/touch_controller", &touch) == XR_SUCCESS);
  CHECK(to_path(inst, "/user/hand/right/input/a/click", &good) == XR_SUCCESS);
  CHECK(to_path(inst, "/user/hand/left/input/a/click", &bad) == XR_SUCCESS); /* touch: a is right only */
  CHECK(to_path(inst, "/User/Hand", &bad) == XR_ERROR_PATH_FORMAT_INVALID);
  to_path(inst, "/user/hand/left/input/a/click", &bad);
  XrActionSuggestedBinding b = {act, good};
  XrInteractionProfileSuggestedBinding sb = {.type = XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING,
                                             .interactionProfile = touch, .countSuggestedBindings = 1,
                                             .suggestedBindings = &b};
  CHECK(suggest(inst, &sb) == XR_SUCCESS);
  b.binding = bad;
  CHECK(suggest(inst, &sb) == XR_ERROR_PATH_UNSUPPORTED);
  /* every profile of the core specification takes suggestions (hello_xr suggests the
     Mixed Reality controllers), checked against its own paths; an unknown one does not */
  XrPath prof, path;
  CHECK(to_path(inst, "/interaction_profiles/microsoft/motion_controller", &prof) == XR_SUCCESS);
  CHECK(to_path(inst, "/user/hand/left/input/menu/click", &path) == XR_SUCCESS);
  sb.interactionProfile = prof, b.binding = path;
  CHECK(suggest(inst, &sb) == XR_SUCCESS);
  CHECK(to_path(inst, "/interaction_profiles/microsoft/xbox_controller", &prof) == XR_SUCCESS);
  sb.interactionProfile = prof;
  CHECK(suggest(inst, &sb) == XR_ERROR_PATH_UNSUPPORTED); /* a hand path on the gamepad */
  CHECK(to_path(inst, "/user/gamepad/input/a/click", &path) == XR_SUCCESS);
  b.binding = path;
  CHECK(suggest(inst, &sb) == XR_SUCCESS);
  CHECK(to_path(inst, "/interaction_profiles/acme/hand_crank", &prof) == XR_SUCCESS);
  sb.interactionProfile = prof;
  CHECK(suggest(inst, &sb) == XR_ERROR_PATH_UNSUPPORTED);
  CHECK(destroy(inst) == XR_SUCCESS);

  /* the same runtime through the Khronos loader and the built manifest */
  setenv("XR_RUNTIME_JSON", RT_DIR "/hh_test_runtime.json", 1);
  uint32_t next = 0;
  XrExtensionProperties ep[8];
  for (int i = 0; i < 8; i++) ep[i] = (XrExtensionProperties){.type = XR_TYPE_EXTENSION_PROPERTIES};
  CHECK(xrEnumerateInstanceExtensionProperties(NULL, 8, &next, ep) == XR_SUCCESS);
  int gl = 0;
  for (uint32_t i = 0; i < next && i < 8; i++) gl |= !strcmp(ep[i].extensionName, "XR_KHR_opengl_enable");
  CHECK(gl);
  const char *ext[] = {"XR_KHR_opengl_enable"};
  XrInstanceCreateInfo ci = {.type = XR_TYPE_INSTANCE_CREATE_INFO, .enabledExtensionCount = 1,
                             .enabledExtensionNames = ext};
  strcpy(ci.applicationInfo.applicationName, "test_xr_runtime");
  ci.applicationInfo.apiVersion = XR_MAKE_VERSION(1, 0, 0);
  CHECK(xrCreateInstance(&ci, &inst) == XR_SUCCESS);
  XrInstanceProperties ip = {.type = XR_TYPE_INSTANCE_PROPERTIES};
  CHECK(xrGetInstanceProperties(inst, &ip) == XR_SUCCESS);
  CHECK(!strcmp(ip.runtimeName, "Haihe test runtime"));
  char text[XR_MAX_RESULT_STRING_SIZE];
  CHECK(xrResultToString(inst, XR_ERROR_SESSION_LOST, text) == XR_SUCCESS);
  CHECK(!strcmp(text, "XR_ERROR_SESSION_LOST"));
  CHECK(xrDestroyInstance(inst) == XR_SUCCESS);
  return hh_test_done("test_xr_runtime");
}
