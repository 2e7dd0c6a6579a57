/* hh_xrt_actions.c - paths, action sets, actions, suggested bindings checked against
 * each interaction profile's input paths, and action states from the script's inputs.
 */
#include "hh_xrt_int.h"
#include <string.h>

/* the interaction profiles of the OpenXR 1.0 core specification: a runtime accepts
   suggested bindings for every one of them (hello_xr suggests microsoft/motion_controller);
   the script's "profile" directive picks the active one */
const char *const xrt_profiles[XRT_PROFILES] = {
    "/interaction_profiles/khr/simple_controller", "/interaction_profiles/oculus/touch_controller",
    "/interaction_profiles/valve/index_controller", "/interaction_profiles/htc/vive_controller",
    "/interaction_profiles/microsoft/motion_controller", "/interaction_profiles/google/daydream_controller",
    "/interaction_profiles/oculus/go_controller", "/interaction_profiles/microsoft/xbox_controller",
    "/interaction_profiles/htc/vive_pro"};

/* input paths per profile, first character the user path: '*' both hands, 'l'/'r' one
   hand (/user/hand/left|right/), 'g' /user/gamepad/, 'h' /user/head/ */
static const char *const k_valid[XRT_PROFILES][40] = {
    {"*input/select/click", "*input/menu/click", "*input/grip/pose", "*input/aim/pose", "*output/haptic", NULL},
    {"linput/x/click", "linput/x/touch", "linput/y/click", "linput/y/touch", "linput/menu/click",
     "rinput/a/click", "rinput/a/touch", "rinput/b/click", "rinput/b/touch", "rinput/system/click",
     "*input/squeeze/value", "*input/trigger/value", "*input/trigger/touch", "*input/thumbstick",
     "*input/thumbstick/x", "*input/thumbstick/y", "*input/thumbstick/click", "*input/thumbstick/touch",
     "*input/thumbrest/touch", "*input/grip/pose", "*input/aim/pose", "*output/haptic", NULL},
    {"*input/system/click", "*input/system/touch", "*input/a/click", "*input/a/touch", "*input/b/click",
     "*input/b/touch", "*input/squeeze/value", "*input/squeeze/force", "*input/trigger/click",
     "*input/trigger/value", "*input/trigger/touch", "*input/thumbstick", "*input/thumbstick/x",
     "*input/thumbstick/y", "*input/thumbstick/click", "*input/thumbstick/touch", "*input/trackpad",
     "*input/trackpad/x", "*input/trackpad/y", "*input/trackpad/force", "*input/trackpad/touch",
     "*input/grip/pose", "*input/aim/pose", "*output/haptic", NULL},
    {"*input/system/click", "*input/squeeze/click", "*input/menu/click", "*input/trigger/click",
     "*input/trigger/value", "*input/trackpad", "*input/trackpad/x", "*input/trackpad/y",
     "*input/trackpad/click", "*input/trackpad/touch", "*input/grip/pose", "*input/aim/pose",
     "*output/haptic", NULL},
    {"*input/menu/click", "*input/squeeze/click", "*input/trigger/value", "*input/thumbstick",
     "*input/thumbstick/x", "*input/thumbstick/y", "*input/thumbstick/click", "*input/trackpad",
     "*input/trackpad/x", "*input/trackpad/y", "*input/trackpad/click", "*input/trackpad/touch",
     "*input/grip/pose", "*input/aim/pose", "*output/haptic", NULL},
    {"*input/select/click", "*input/trackpad", "*input/trackpad/x", "*input/trackpad/y",
     "*input/trackpad/click", "*input/trackpad/touch", "*input/grip/pose", "*input/aim/pose", NULL},
    {"*input/system/click", "*input/trigger/click", "*input/back/click", "*input/trackpad",
     "*input/trackpad/x", "*input/trackpad/y", "*input/trackpad/click", "*input/trackpad/touch",
     "*input/grip/pose", "*input/aim/pose", NULL},
    {"ginput/menu/click", "ginput/view/click", "ginput/a/click", "ginput/b/click", "ginput/x/click",
     "ginput/y/click", "ginput/dpad_down/click", "ginput/dpad_right/click", "ginput/dpad_up/click",
     "ginput/dpad_left/click", "ginput/shoulder_left/click", "ginput/shoulder_right/click",
     "ginput/thumbstick_left/click", "ginput/thumbstick_right/click", "ginput/trigger_left/value",
     "ginput/trigger_right/value", "ginput/thumbstick_left", "ginput/thumbstick_left/x",
     "ginput/thumbstick_left/y", "ginput/thumbstick_right", "ginput/thumbstick_right/x",
     "ginput/thumbstick_right/y", "goutput/haptic_left", "goutput/haptic_right",
     "goutput/haptic_left_trigger", "goutput/haptic_right_trigger", NULL},
    {"hinput/system/click", "hinput/volume_up/click", "hinput/volume_down/click",
     "hinput/mute_mic/click", NULL},
};

/* 1 if path is an input of profile p */
static int valid_binding(int p, const char *path) {
  static const struct { const char *prefix; char user; } k_user[] = {
      {"/user/hand/left/", 'l'}, {"/user/hand/right/", 'r'}, {"/user/gamepad/", 'g'}, {"/user/head/", 'h'}};
  const char *rest = NULL;
  char user = 0;
  for (size_t u = 0; !rest && u < sizeof k_user / sizeof k_user[0]; u++)
    if (!strncmp(path, k_user[u].prefix, strlen(k_user[u].prefix)))
      rest = path + strlen(k_user[u].prefix), user = k_user[u].user;
  if (!rest) return 0;
  for (int i = 0; k_valid[p][i]; i++) {
    char want = k_valid[p][i][0];
    int hand = user == 'l' || user == 'r';
    if ((want == user || (want == '*' && hand)) && !strcmp(k_valid[p][i] + 1, rest)) return 1;
  }
  return 0;
}

/* path string of a path atom, or NULL */
static const char *path_str(XrPath p) {
  if (p == XR_NULL_PATH || p > (XrPath)g_rt.n_paths) return NULL;
  return g_rt.paths[p - 1];
}

static XRT_API xrt_StringToPath(XrInstance i, const char *s, XrPath *out) {
  (void)i;
  if (!s || s[0] != '/' || strlen(s) >= XR_MAX_PATH_LENGTH) return XR_ERROR_PATH_FORMAT_INVALID;
  for (const char *c = s; *c; c++)
    if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '/' || *c == '_' || *c == '-' || *c == '.'))
      return XR_ERROR_PATH_FORMAT_INVALID;
  for (int k = 0; k < g_rt.n_paths; k++)
    if (!strcmp(g_rt.paths[k], s)) {
      *out = (XrPath)(k + 1);
      return XR_SUCCESS;
    }
  if (g_rt.n_paths >= XRT_MAX_PATHS) return XR_ERROR_PATH_COUNT_EXCEEDED;
  snprintf(g_rt.paths[g_rt.n_paths], XR_MAX_PATH_LENGTH, "%s", s);
  *out = (XrPath)(++g_rt.n_paths);
  return XR_SUCCESS;
}

static XRT_API xrt_PathToString(XrInstance i, XrPath p, uint32_t cap, uint32_t *count, char *buf) {
  (void)i;
  const char *s = path_str(p);
  if (!s) return XR_ERROR_PATH_INVALID;
  return xrt_fill(cap, count, buf, s, (uint32_t)strlen(s) + 1, 1);
}

static XRT_API xrt_CreateActionSet(XrInstance i, const XrActionSetCreateInfo *ci, XrActionSet *out) {
  (void)i;
  if (!ci || ci->type != XR_TYPE_ACTION_SET_CREATE_INFO) return xrt_invalid("xrCreateActionSet", "bad create info");
  if (!ci->actionSetName[0] || !ci->localizedActionSetName[0]) return XR_ERROR_NAME_INVALID;
  for (int k = 0; k < g_rt.n_sets; k++)
    if (!strcmp(g_rt.set_name[k], ci->actionSetName)) return XR_ERROR_NAME_DUPLICATED;
  if (g_rt.n_sets >= 8) return XR_ERROR_LIMIT_REACHED;
  snprintf(g_rt.set_name[g_rt.n_sets], XR_MAX_ACTION_SET_NAME_SIZE, "%s", ci->actionSetName);
  *out = XRT_H(XrActionSet, g_rt.n_sets++);
  return XR_SUCCESS;
}

static XRT_API xrt_DestroyActionSet(XrActionSet s) {
  if (XRT_I(s) < 0 || XRT_I(s) >= g_rt.n_sets) return XR_ERROR_HANDLE_INVALID;
  return XR_SUCCESS;
}

static XRT_API xrt_CreateAction(XrActionSet s, const XrActionCreateInfo *ci, XrAction *out) {
  int set = XRT_I(s);
  if (set < 0 || set >= g_rt.n_sets) return XR_ERROR_HANDLE_INVALID;
  if (!ci || ci->type != XR_TYPE_ACTION_CREATE_INFO) return xrt_invalid("xrCreateAction", "bad create info");
  if (g_rt.attached) return XR_ERROR_ACTIONSETS_ALREADY_ATTACHED;
  if (!ci->actionName[0] || !ci->localizedActionName[0]) return XR_ERROR_NAME_INVALID;
  int free_slot = -1;
  for (int k = 0; k < XRT_MAX_ACTIONS; k++) {
    if (g_rt.act[k].used && g_rt.act[k].set == set && !strcmp(g_rt.act[k].name, ci->actionName))
      return XR_ERROR_NAME_DUPLICATED;
    if (!g_rt.act[k].used && free_slot < 0) free_slot = k;
  }
  if (free_slot < 0) return XR_ERROR_LIMIT_REACHED;
  xrt_action *a = &g_rt.act[free_slot];
  memset(a, 0, sizeof *a);
  a->used = 1;
  a->set = set;
  a->type = ci->actionType;
  snprintf(a->name, sizeof a->name, "%s", ci->actionName);
  *out = XRT_H(XrAction, free_slot);
  return XR_SUCCESS;
}

static XRT_API xrt_DestroyAction(XrAction h) {
  int a = XRT_I(h);
  if (a < 0 || a >= XRT_MAX_ACTIONS || !g_rt.act[a].used) return XR_ERROR_HANDLE_INVALID;
  g_rt.act[a].used = 0;
  return XR_SUCCESS;
}

static XRT_API xrt_SuggestInteractionProfileBindings(XrInstance i, const XrInteractionProfileSuggestedBinding *sb) {
  (void)i;
  if (!sb || sb->type != XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING)
    return xrt_invalid("xrSuggestInteractionProfileBindings", "bad struct");
  if (g_rt.attached) return XR_ERROR_ACTIONSETS_ALREADY_ATTACHED;
  const char *prof = path_str(sb->interactionProfile);
  int p = -1;
  for (int k = 0; prof && k < XRT_PROFILES; k++)
    if (!strcmp(prof, xrt_profiles[k])) p = k;
  if (p < 0) return XR_ERROR_PATH_UNSUPPORTED;
  for (uint32_t k = 0; k < sb->countSuggestedBindings; k++) {
    const char *path = path_str(sb->suggestedBindings[k].binding);
    int a = XRT_I(sb->suggestedBindings[k].action);
    if (a < 0 || a >= XRT_MAX_ACTIONS || !g_rt.act[a].used) return XR_ERROR_HANDLE_INVALID;
    if (!path || !valid_binding(p, path)) {
      xrt_log("bad_binding profile=%s path=%s", prof, path ? path : "?");
      return XR_ERROR_PATH_UNSUPPORTED;
    }
  }
  /* the latest suggestion for a profile replaces the previous one */
  for (int a = 0; a < XRT_MAX_ACTIONS; a++) g_rt.act[a].n_bind[p] = 0;
  for (uint32_t k = 0; k < sb->countSuggestedBindings; k++) {
    xrt_action *a = &g_rt.act[XRT_I(sb->suggestedBindings[k].action)];
    if (a->n_bind[p] < XRT_MAX_BIND) a->bind[p][a->n_bind[p]++] = sb->suggestedBindings[k].binding;
  }
  g_rt.suggested[p] = 1;
  xrt_log("bindings profile=%s count=%u", prof, sb->countSuggestedBindings);
  return XR_SUCCESS;
}

/* index of the scripted active profile */
static int active_profile(void) {
  for (int k = 0; k < XRT_PROFILES; k++)
    if (!strcmp(g_rt.script.profile, xrt_profiles[k])) return k;
  return 1;
}

static XRT_API xrt_AttachSessionActionSets(XrSession s, const XrSessionActionSetsAttachInfo *ai) {
  XrResult r = xrt_session_ok(s);
  if (r) return r;
  if (!ai || ai->type != XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO) return xrt_invalid("xrAttachSessionActionSets", "bad struct");
  if (g_rt.attached) return XR_ERROR_ACTIONSETS_ALREADY_ATTACHED;
  g_rt.attached = 1;
  xrt_log("attached sets=%u profile=%s suggested=%d", ai->countActionSets, g_rt.script.profile,
          g_rt.suggested[active_profile()]);
  XrEventDataInteractionProfileChanged e = {XR_TYPE_EVENT_DATA_INTERACTION_PROFILE_CHANGED, NULL, s};
  xrt_push_event(&e, sizeof e);
  return XR_SUCCESS;
}

static XRT_API xrt_GetCurrentInteractionProfile(XrSession s, XrPath top, XrInteractionProfileState *st) {
  XrResult r = xrt_session_ok(s);
  if (r) return r;
  if (!g_rt.attached) return XR_ERROR_ACTIONSET_NOT_ATTACHED;
  const char *t = path_str(top);
  static const char *const k_top[] = {"/user/hand/left", "/user/hand/right", "/user/head",
                                      "/user/gamepad", "/user/treadmill"};
  int u = -1;
  for (int k = 0; t && k < 5; k++)
    if (!strcmp(t, k_top[k])) u = k;
  if (u < 0) return XR_ERROR_PATH_UNSUPPORTED;
  st->interactionProfile = XR_NULL_PATH;
  /* the active profile's device sits at its own user path: hands, the gamepad or the head */
  int p = active_profile();
  char user = k_valid[p][0][0];
  int here = (u < 2 && (user == '*' || user == 'l' || user == 'r')) || (u == 2 && user == 'h') ||
             (u == 3 && user == 'g');
  if (g_rt.suggested[p] && here)
    return xrt_StringToPath(XRT_H(XrInstance, 0), xrt_profiles[p], &st->interactionProfile);
  return XR_SUCCESS;
}

static XRT_API xrt_SyncActions(XrSession s, const XrActionsSyncInfo *si) {
  XrResult r = xrt_session_ok(s);
  if (r) return r;
  if (!si || si->type != XR_TYPE_ACTIONS_SYNC_INFO) return xrt_invalid("xrSyncActions", "bad struct");
  if (!g_rt.attached) return XR_ERROR_ACTIONSET_NOT_ATTACHED;
  g_rt.syncs++;
  g_rt.synced = 1;
  return g_rt.state == XR_SESSION_STATE_FOCUSED ? XR_SUCCESS : XR_SESSION_NOT_FOCUSED;
}

/* the action for a get-info, NULL and *r set when invalid */
static xrt_action *state_action(XrSession s, const XrActionStateGetInfo *gi, XrActionType want, XrResult *r) {
  *r = xrt_session_ok(s);
  if (*r) return NULL;
  int a = gi ? XRT_I(gi->action) : -1;
  if (a < 0 || a >= XRT_MAX_ACTIONS || !g_rt.act[a].used) {
    *r = XR_ERROR_HANDLE_INVALID;
    return NULL;
  }
  if (!g_rt.attached) {
    *r = XR_ERROR_ACTIONSET_NOT_ATTACHED;
    return NULL;
  }
  if (g_rt.act[a].type != want) {
    *r = XR_ERROR_ACTION_TYPE_MISMATCH;
    return NULL;
  }
  return &g_rt.act[a];
}

/* value of an action's binding k (a scalar input); *active when bound and focused */
static float bound_value(const xrt_action *a, int k, const char *suffix) {
  char path[XR_MAX_PATH_LENGTH + 8];
  snprintf(path, sizeof path, "%s%s", path_str(a->bind[active_profile()][k]), suffix);
  return xrt_script_input(&g_rt.script, g_rt.frame, path);
}

/* 1 when the action has bindings in the active profile and input flows */
static int action_active(const xrt_action *a) {
  return g_rt.synced && g_rt.state == XR_SESSION_STATE_FOCUSED && a->n_bind[active_profile()] > 0;
}

static XRT_API xrt_GetActionStateBoolean(XrSession s, const XrActionStateGetInfo *gi, XrActionStateBoolean *st) {
  XrResult r;
  const xrt_action *a = state_action(s, gi, XR_ACTION_TYPE_BOOLEAN_INPUT, &r);
  if (!a) return r;
  st->isActive = action_active(a);
  st->currentState = XR_FALSE;
  for (int k = 0; st->isActive && k < a->n_bind[active_profile()]; k++)
    if (bound_value(a, k, "") > 0.5f) st->currentState = XR_TRUE;
  st->changedSinceLastSync = XR_FALSE;
  st->lastChangeTime = g_rt.display_time;
  return XR_SUCCESS;
}

static XRT_API xrt_GetActionStateFloat(XrSession s, const XrActionStateGetInfo *gi, XrActionStateFloat *st) {
  XrResult r;
  const xrt_action *a = state_action(s, gi, XR_ACTION_TYPE_FLOAT_INPUT, &r);
  if (!a) return r;
  st->isActive = action_active(a);
  st->currentState = 0;
  for (int k = 0; st->isActive && k < a->n_bind[active_profile()]; k++) {
    float v = bound_value(a, k, "");
    if (v * v > st->currentState * st->currentState) st->currentState = v;
  }
  st->changedSinceLastSync = XR_FALSE;
  st->lastChangeTime = g_rt.display_time;
  return XR_SUCCESS;
}

static XRT_API xrt_GetActionStateVector2f(XrSession s, const XrActionStateGetInfo *gi, XrActionStateVector2f *st) {
  XrResult r;
  const xrt_action *a = state_action(s, gi, XR_ACTION_TYPE_VECTOR2F_INPUT, &r);
  if (!a) return r;
  st->isActive = action_active(a);
  st->currentState = (XrVector2f){0, 0};
  for (int k = 0; st->isActive && k < a->n_bind[active_profile()]; k++) {
    XrVector2f v = {bound_value(a, k, "/x"), bound_value(a, k, "/y")};
    if (v.x * v.x + v.y * v.y > st->currentState.x * st->currentState.x + st->currentState.y * st->currentState.y)
      st->currentState = v;
  }
  st->changedSinceLastSync = XR_FALSE;
  st->lastChangeTime = g_rt.display_time;
  return XR_SUCCESS;
}

static XRT_API xrt_GetActionStatePose(XrSession s, const XrActionStateGetInfo *gi, XrActionStatePose *st) {
  XrResult r;
  const xrt_action *a = state_action(s, gi, XR_ACTION_TYPE_POSE_INPUT, &r);
  if (!a) return r;
  st->isActive = action_active(a);
  return XR_SUCCESS;
}

static XRT_API xrt_EnumerateBoundSourcesForAction(XrSession s, const XrBoundSourcesForActionEnumerateInfo *ei,
                                                  uint32_t cap, uint32_t *count, XrPath *out) {
  XrResult r = xrt_session_ok(s);
  if (r) return r;
  int a = ei ? XRT_I(ei->action) : -1;
  if (a < 0 || a >= XRT_MAX_ACTIONS || !g_rt.act[a].used) return XR_ERROR_HANDLE_INVALID;
  if (!g_rt.attached) return XR_ERROR_ACTIONSET_NOT_ATTACHED;
  int p = active_profile();
  return xrt_fill(cap, count, out, g_rt.act[a].bind[p], (uint32_t)g_rt.act[a].n_bind[p], sizeof(XrPath));
}

static XRT_API xrt_GetInputSourceLocalizedName(XrSession s, const XrInputSourceLocalizedNameGetInfo *gi,
                                               uint32_t cap, uint32_t *count, char *buf) {
  XrResult r = xrt_session_ok(s);
  if (r) return r;
  const char *n = gi ? path_str(gi->sourcePath) : NULL;
  if (!n) return XR_ERROR_PATH_INVALID;
  return xrt_fill(cap, count, buf, n, (uint32_t)strlen(n) + 1, 1);
}

static XRT_API xrt_ApplyHapticFeedback(XrSession s, const XrHapticActionInfo *hi, const XrHapticBaseHeader *h) {
  XrResult r = xrt_session_ok(s);
  (void)hi;
  (void)h;
  return r;
}

static XRT_API xrt_StopHapticFeedback(XrSession s, const XrHapticActionInfo *hi) {
  XrResult r = xrt_session_ok(s);
  (void)hi;
  return r;
}

#define F(n) if (!strcmp(name, "xr" #n)) return (PFN_xrVoidFunction)xrt_##n
/* this file's function called name, or NULL */
PFN_xrVoidFunction xrt_actions_fn(const char *name) {
  F(StringToPath); F(PathToString); F(CreateActionSet); F(DestroyActionSet); F(CreateAction);
  F(DestroyAction); F(SuggestInteractionProfileBindings); F(AttachSessionActionSets);
  F(GetCurrentInteractionProfile); F(SyncActions); F(GetActionStateBoolean); F(GetActionStateFloat);
  F(GetActionStateVector2f); F(GetActionStatePose); F(EnumerateBoundSourcesForAction);
  F(GetInputSourceLocalizedName); F(ApplyHapticFeedback); F(StopHapticFeedback);
  return NULL;
}
#undef F
