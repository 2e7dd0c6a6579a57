/* hh_xr_actions.c - controller actions, suggested bindings for the common controllers,
 * and their reading into hh_controls (XR is an input source outside the tick).
 *
 *   action     simple_controller   oculus/touch         valve/index          htc/vive
 *   move       -                   left thumbstick      left thumbstick      left trackpad
 *   hoist      -                   right thumbstick y   right thumbstick y   right trackpad y
 *   lock       right select        right trigger        right trigger        right trigger
 *   unlock     left select         left trigger         left trigger         left trigger
 *   horn       right menu          right a              right a              right menu
 *   e-stop     left menu           left x               left a               left menu
 *   finish     -                   right b              right b              right squeeze
 *   recenter   -                   left y               left b               left squeeze
 *   aim        right aim pose      right aim pose       right aim pose       right aim pose
 * CNC machines: pointing the right controller at the key pad (a panel of the HUD at a
 * fixed place in the seated space, hh_rcnc_keys.h) and pulling the right trigger (the
 * lock action) presses the key under the ray, queued like a keyboard press.
 * move: x = gantry (+x), y = trolley (forward = seaward). hoist: pull back = raise, as
 * the cab's right joystick and the game controller layout (hh_input.c).
 */
#include "hh_xr_int.h"
#include "../core/hh_i18n.h"
#include "../render/hh_rcnc_keys.h"
#include <stdio.h>
#include <string.h>

typedef struct action_def {
  const char *name, *label;
  XrActionType type;
} action_def;

static const action_def k_actions[HH_XA_COUNT] = {
    [HH_XA_MOVE] = {"move", "Gantry and trolley", XR_ACTION_TYPE_VECTOR2F_INPUT},
    [HH_XA_HOIST] = {"hoist", "Hoist", XR_ACTION_TYPE_FLOAT_INPUT},
    [HH_XA_LOCK] = {"lock", "Twistlocks lock", XR_ACTION_TYPE_BOOLEAN_INPUT},
    [HH_XA_UNLOCK] = {"unlock", "Twistlocks unlock", XR_ACTION_TYPE_BOOLEAN_INPUT},
    [HH_XA_HORN] = {"horn", "Horn", XR_ACTION_TYPE_BOOLEAN_INPUT},
    [HH_XA_ESTOP] = {"estop", "Emergency stop", XR_ACTION_TYPE_BOOLEAN_INPUT},
    [HH_XA_FINISH] = {"finish", "Task finished", XR_ACTION_TYPE_BOOLEAN_INPUT},
    [HH_XA_RECENTER] = {"recenter", "Recenter the view", XR_ACTION_TYPE_BOOLEAN_INPUT},
    [HH_XA_AIM] = {"aim", "Point at the panel", XR_ACTION_TYPE_POSE_INPUT},
};

/* one suggested binding: action and input path */
typedef struct binding {
  int action;
  const char *path;
} binding;

#define L "/user/hand/left/input/"
#define R "/user/hand/right/input/"
static const binding k_simple[] = {
    {HH_XA_LOCK, R "select/click"}, {HH_XA_UNLOCK, L "select/click"},
    {HH_XA_HORN, R "menu/click"},   {HH_XA_ESTOP, L "menu/click"},
    {HH_XA_AIM, R "aim/pose"},      {-1, NULL}};
static const binding k_touch[] = {
    {HH_XA_MOVE, L "thumbstick"},   {HH_XA_HOIST, R "thumbstick/y"},
    {HH_XA_LOCK, R "trigger/value"}, {HH_XA_UNLOCK, L "trigger/value"},
    {HH_XA_HORN, R "a/click"},      {HH_XA_ESTOP, L "x/click"},
    {HH_XA_FINISH, R "b/click"},    {HH_XA_RECENTER, L "y/click"},
    {HH_XA_AIM, R "aim/pose"},      {-1, NULL}};
static const binding k_index[] = {
    {HH_XA_MOVE, L "thumbstick"},   {HH_XA_HOIST, R "thumbstick/y"},
    {HH_XA_LOCK, R "trigger/click"}, {HH_XA_UNLOCK, L "trigger/click"},
    {HH_XA_HORN, R "a/click"},      {HH_XA_ESTOP, L "a/click"},
    {HH_XA_FINISH, R "b/click"},    {HH_XA_RECENTER, L "b/click"},
    {HH_XA_AIM, R "aim/pose"},      {-1, NULL}};
static const binding k_vive[] = {
    {HH_XA_MOVE, L "trackpad"},     {HH_XA_HOIST, R "trackpad/y"},
    {HH_XA_LOCK, R "trigger/click"}, {HH_XA_UNLOCK, L "trigger/click"},
    {HH_XA_HORN, R "menu/click"},   {HH_XA_ESTOP, L "menu/click"},
    {HH_XA_FINISH, R "squeeze/click"}, {HH_XA_RECENTER, L "squeeze/click"},
    {HH_XA_AIM, R "aim/pose"},      {-1, NULL}};
#undef L
#undef R

static const struct {
  const char *profile;
  const binding *b;
} k_profiles[] = {
    {"/interaction_profiles/khr/simple_controller", k_simple},
    {"/interaction_profiles/oculus/touch_controller", k_touch},
    {"/interaction_profiles/valve/index_controller", k_index},
    {"/interaction_profiles/htc/vive_controller", k_vive},
};

/* the crane action set, its actions and the suggested bindings */
int hh_xr_actions_create(hh_xr *x, hh_error *err) {
  XrActionSetCreateInfo si = {.type = XR_TYPE_ACTION_SET_CREATE_INFO, .priority = 0};
  snprintf(si.actionSetName, sizeof si.actionSetName, "crane");
  snprintf(si.localizedActionSetName, sizeof si.localizedActionSetName, "%s", hh_tr("Crane cab"));
  XrResult r = xrCreateActionSet(x->instance, &si, &x->set);
  for (int i = 0; XR_SUCCEEDED(r) && i < HH_XA_COUNT; i++) {
    XrActionCreateInfo ai = {.type = XR_TYPE_ACTION_CREATE_INFO, .actionType = k_actions[i].type};
    snprintf(ai.actionName, sizeof ai.actionName, "%s", k_actions[i].name);
    snprintf(ai.localizedActionName, sizeof ai.localizedActionName, "%s", hh_tr(k_actions[i].label));
    r = xrCreateAction(x->set, &ai, &x->action[i]);
  }
  if (XR_FAILED(r))
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, hh_tr("OpenXR: %s failed: %s"),
                        "xrCreateAction", hh_xr_result_name(r));
  /* a profile the runtime does not know is skipped, not fatal */
  for (size_t p = 0; p < sizeof k_profiles / sizeof k_profiles[0]; p++) {
    XrActionSuggestedBinding sb[HH_XA_COUNT];
    uint32_t n = 0;
    for (const binding *b = k_profiles[p].b; b->path && XR_SUCCEEDED(r); b++) {
      sb[n].action = x->action[b->action];
      r = xrStringToPath(x->instance, b->path, &sb[n].binding);
      n++;
    }
    XrInteractionProfileSuggestedBinding ps = {
        .type = XR_TYPE_INTERACTION_PROFILE_SUGGESTED_BINDING, .countSuggestedBindings = n,
        .suggestedBindings = sb};
    if (XR_SUCCEEDED(r)) r = xrStringToPath(x->instance, k_profiles[p].profile, &ps.interactionProfile);
    if (XR_SUCCEEDED(r)) r = xrSuggestInteractionProfileBindings(x->instance, &ps);
    if (XR_FAILED(r)) {
      fprintf(stderr, hh_tr("warning: VR controller bindings for %s refused: %s\n"),
              k_profiles[p].profile, hh_xr_result_name(r));
      r = XR_SUCCESS;
    }
  }
  return HH_OK;
}

/* attach the action set to the session */
int hh_xr_actions_attach(hh_xr *x, hh_error *err) {
  XrSessionActionSetsAttachInfo ai = {.type = XR_TYPE_SESSION_ACTION_SETS_ATTACH_INFO,
                                      .countActionSets = 1, .actionSets = &x->set};
  XrResult r = xrAttachSessionActionSets(x->session, &ai);
  if (XR_FAILED(r))
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, hh_tr("OpenXR: %s failed: %s"),
                        "xrAttachSessionActionSets", hh_xr_result_name(r));
  XrActionSpaceCreateInfo sc = {.type = XR_TYPE_ACTION_SPACE_CREATE_INFO,
                                .action = x->action[HH_XA_AIM],
                                .poseInActionSpace = {.orientation = {0, 0, 0, 1}}};
  if (XR_FAILED(xrCreateActionSpace(x->session, &sc, &x->aim))) x->aim = XR_NULL_HANDLE; /* no pointing */
  return HH_OK;
}

/* state of boolean action a (0 when inactive) */
static int get_bool(hh_xr *x, int a) {
  XrActionStateGetInfo gi = {.type = XR_TYPE_ACTION_STATE_GET_INFO, .action = x->action[a]};
  XrActionStateBoolean s = {.type = XR_TYPE_ACTION_STATE_BOOLEAN};
  if (XR_FAILED(xrGetActionStateBoolean(x->session, &gi, &s)) || !s.isActive) return 0;
  return s.currentState ? 1 : 0;
}

/* clamp to [-1, 1] */
static float clamp1(float v) { return v > 1 ? 1 : v < -1 ? -1 : v; }

/* re-centre: the current head position and heading become the seat's origin */
static void recenter(hh_xr *x) {
  XrSpaceLocation loc = {.type = XR_TYPE_SPACE_LOCATION};
  if (XR_FAILED(xrLocateSpace(x->view, x->local, x->frame.predictedDisplayTime, &loc))) return;
  XrSpaceLocationFlags need = XR_SPACE_LOCATION_POSITION_VALID_BIT | XR_SPACE_LOCATION_ORIENTATION_VALID_BIT;
  if ((loc.locationFlags & need) != need) return;
  const XrQuaternionf *o = &loc.pose.orientation;
  float q[4] = {o->x, o->y, o->z, o->w};
  x->center[0] = loc.pose.position.x;
  x->center[1] = loc.pose.position.y;
  x->center[2] = loc.pose.position.z;
  x->center[3] = hh_xr_yaw(q);
}

/* the right controller's aim ray in the seated space at this frame's display time */
int hh_xr_aim_ray(hh_xr *x, float o[3], float dir[3]) {
  if (!x->aim) return 0;
  XrSpaceLocation loc = {.type = XR_TYPE_SPACE_LOCATION};
  if (XR_FAILED(xrLocateSpace(x->aim, x->local, x->frame.predictedDisplayTime, &loc))) return 0;
  XrSpaceLocationFlags need = XR_SPACE_LOCATION_POSITION_VALID_BIT | XR_SPACE_LOCATION_ORIENTATION_VALID_BIT;
  if ((loc.locationFlags & need) != need) return 0;
  const XrQuaternionf *q = &loc.pose.orientation;
  /* the aim ray is the pose's -z axis: q * (0, 0, -1) */
  dir[0] = -2.0f * (q->x * q->z + q->w * q->y);
  dir[1] = -2.0f * (q->y * q->z - q->w * q->x);
  dir[2] = -(1.0f - 2.0f * (q->x * q->x + q->y * q->y));
  o[0] = loc.pose.position.x, o[1] = loc.pose.position.y, o[2] = loc.pose.position.z;
  return 1;
}

/* the CNC key pad code the right controller's aim ray points at, or 0 */
static unsigned aim_code(hh_xr *x) {
  float o[3], dir[3];
  return hh_xr_aim_ray(x, o, dir) ? hh_rcnc_keys_ray_hit(o, dir, 0) : 0;
}

/* sync the actions and add them to c; recenter on the button's press */
void hh_xr_controls(hh_xr *x, hh_controls *c) {
  if (!x->running || x->state != XR_SESSION_STATE_FOCUSED) return; /* input goes to us only when focused */
  XrActiveActionSet as = {.actionSet = x->set, .subactionPath = XR_NULL_PATH};
  XrActionsSyncInfo si = {.type = XR_TYPE_ACTIONS_SYNC_INFO, .countActiveActionSets = 1,
                          .activeActionSets = &as};
  XrResult r = xrSyncActions(x->session, &si);
  if (XR_FAILED(r)) {
    hh_xr_check_lost(x, r);
    return;
  }
  XrActionStateGetInfo gi = {.type = XR_TYPE_ACTION_STATE_GET_INFO, .action = x->action[HH_XA_MOVE]};
  XrActionStateVector2f v = {.type = XR_TYPE_ACTION_STATE_VECTOR2F};
  if (XR_SUCCEEDED(xrGetActionStateVector2f(x->session, &gi, &v)) && v.isActive) {
    c->axis[HH_AXIS_GANTRY] = clamp1(c->axis[HH_AXIS_GANTRY] + v.currentState.x);
    c->axis[HH_AXIS_TROLLEY] = clamp1(c->axis[HH_AXIS_TROLLEY] + v.currentState.y);
  }
  gi.action = x->action[HH_XA_HOIST];
  XrActionStateFloat f = {.type = XR_TYPE_ACTION_STATE_FLOAT};
  if (XR_SUCCEEDED(xrGetActionStateFloat(x->session, &gi, &f)) && f.isActive)
    c->axis[HH_AXIS_HOIST] = clamp1(c->axis[HH_AXIS_HOIST] - f.currentState);
  static const struct {
    int action;
    uint32_t bit;
  } k_btn[] = {{HH_XA_LOCK, HH_BTN_LOCK}, {HH_XA_UNLOCK, HH_BTN_UNLOCK},
               {HH_XA_HORN, HH_BTN_HORN}, {HH_XA_ESTOP, HH_BTN_ESTOP},
               {HH_XA_FINISH, HH_BTN_FINISH}};
  for (size_t i = 0; i < sizeof k_btn / sizeof k_btn[0]; i++)
    if (get_bool(x, k_btn[i].action)) c->buttons |= k_btn[i].bit;
  int pr = get_bool(x, HH_XA_LOCK); /* CNC: the trigger presses the key pointed at */
  if (pr && !x->press_prev) hh_window_cnc_press(x->win, aim_code(x));
  x->press_prev = pr;
  int rc = get_bool(x, HH_XA_RECENTER);
  if (rc && !x->recenter_prev) recenter(x);
  x->recenter_prev = rc;
}
