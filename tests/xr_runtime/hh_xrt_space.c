/* hh_xrt_space.c - reference spaces (VIEW follows the scripted head, LOCAL is the
 * seat, STAGE the floor below it), action spaces (untracked hands) and pose math. */
#include "hh_xrt_int.h"
#include <string.h>

#define STAGE_HEIGHT 1.2f  /* m: LOCAL's origin above the STAGE floor */

/* quaternion product a * b */
static XrQuaternionf qmul(XrQuaternionf a, XrQuaternionf b) {
  return (XrQuaternionf){a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
                         a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
                         a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w,
                         a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z};
}

/* rotate v by unit quaternion q */
static XrVector3f qrot(XrQuaternionf q, XrVector3f v) {
  XrQuaternionf p = {v.x, v.y, v.z, 0}, c = {-q.x, -q.y, -q.z, q.w};
  XrQuaternionf r = qmul(qmul(q, p), c);
  return (XrVector3f){r.x, r.y, r.z};
}

/* pose a then b */
XrPosef xrt_pose_mul(XrPosef a, XrPosef b) {
  XrVector3f t = qrot(a.orientation, b.position);
  return (XrPosef){qmul(a.orientation, b.orientation),
                   {a.position.x + t.x, a.position.y + t.y, a.position.z + t.z}};
}

/* inverse pose */
XrPosef xrt_pose_inv(XrPosef a) {
  XrQuaternionf c = {-a.orientation.x, -a.orientation.y, -a.orientation.z, a.orientation.w};
  XrVector3f t = qrot(c, a.position);
  return (XrPosef){c, {-t.x, -t.y, -t.z}};
}

/* pose of space s in LOCAL at the current frame */
XrPosef xrt_space_in_local(int s) {
  const xrt_space *sp = &g_rt.sp[s];
  XrPosef ref = {{0, 0, 0, 1}, {0, 0, 0}};
  if (sp->kind == 1) { /* hands: the scripted aim pose, else resting in front of the seat */
    float p[3], q[4];
    if (xrt_script_aim(&g_rt.script, g_rt.frame, p, q))
      ref = (XrPosef){{q[0], q[1], q[2], q[3]}, {p[0], p[1], p[2]}};
    else
      ref.position = (XrVector3f){0, -0.4f, -0.35f};
  } else if (sp->ref == XR_REFERENCE_SPACE_TYPE_VIEW) {
    float p[3], q[4];
    xrt_script_head(&g_rt.script, g_rt.frame, p, q);
    ref = (XrPosef){{q[0], q[1], q[2], q[3]}, {p[0], p[1], p[2]}};
  } else if (sp->ref == XR_REFERENCE_SPACE_TYPE_STAGE) {
    ref.position.y = -STAGE_HEIGHT;
  }
  return xrt_pose_mul(ref, sp->pose);
}

/* a free space slot, -1 if none */
static int new_space(void) {
  for (int i = 0; i < XRT_MAX_SPACES; i++)
    if (!g_rt.sp[i].used) return i;
  return -1;
}

static XRT_API xrt_EnumerateReferenceSpaces(XrSession s, uint32_t cap, uint32_t *count, XrReferenceSpaceType *t) {
  XrResult r = xrt_session_ok(s);
  if (r) return r;
  static const XrReferenceSpaceType k[] = {XR_REFERENCE_SPACE_TYPE_VIEW, XR_REFERENCE_SPACE_TYPE_LOCAL,
                                           XR_REFERENCE_SPACE_TYPE_STAGE};
  return xrt_fill(cap, count, t, k, 3, sizeof k[0]);
}

static XRT_API xrt_CreateReferenceSpace(XrSession s, const XrReferenceSpaceCreateInfo *ci, XrSpace *out) {
  XrResult r = xrt_session_ok(s);
  if (r) return r;
  if (!ci || ci->type != XR_TYPE_REFERENCE_SPACE_CREATE_INFO) return xrt_invalid("xrCreateReferenceSpace", "bad create info");
  if (ci->referenceSpaceType != XR_REFERENCE_SPACE_TYPE_VIEW && ci->referenceSpaceType != XR_REFERENCE_SPACE_TYPE_LOCAL &&
      ci->referenceSpaceType != XR_REFERENCE_SPACE_TYPE_STAGE)
    return XR_ERROR_REFERENCE_SPACE_UNSUPPORTED;
  const XrQuaternionf *q = &ci->poseInReferenceSpace.orientation;
  float n = q->x * q->x + q->y * q->y + q->z * q->z + q->w * q->w;
  if (n < 0.98f || n > 1.02f) return XR_ERROR_POSE_INVALID;
  int i = new_space();
  if (i < 0) return XR_ERROR_LIMIT_REACHED;
  g_rt.sp[i] = (xrt_space){1, 0, ci->referenceSpaceType, ci->poseInReferenceSpace};
  *out = XRT_H(XrSpace, i);
  return XR_SUCCESS;
}

static XRT_API xrt_GetReferenceSpaceBoundsRect(XrSession s, XrReferenceSpaceType t, XrExtent2Df *b) {
  XrResult r = xrt_session_ok(s);
  if (r) return r;
  if (t == XR_REFERENCE_SPACE_TYPE_STAGE) {
    *b = (XrExtent2Df){2.0f, 2.0f};
    return XR_SUCCESS;
  }
  *b = (XrExtent2Df){0, 0};
  return XR_SPACE_BOUNDS_UNAVAILABLE;
}

static XRT_API xrt_CreateActionSpace(XrSession s, const XrActionSpaceCreateInfo *ci, XrSpace *out) {
  XrResult r = xrt_session_ok(s);
  if (r) return r;
  if (!ci || ci->type != XR_TYPE_ACTION_SPACE_CREATE_INFO) return xrt_invalid("xrCreateActionSpace", "bad create info");
  int a = XRT_I(ci->action);
  if (a < 0 || a >= XRT_MAX_ACTIONS || !g_rt.act[a].used) return XR_ERROR_HANDLE_INVALID;
  if (g_rt.act[a].type != XR_ACTION_TYPE_POSE_INPUT) return XR_ERROR_ACTION_TYPE_MISMATCH;
  int i = new_space();
  if (i < 0) return XR_ERROR_LIMIT_REACHED;
  g_rt.sp[i] = (xrt_space){1, 1, XR_REFERENCE_SPACE_TYPE_LOCAL, ci->poseInActionSpace};
  *out = XRT_H(XrSpace, i);
  return XR_SUCCESS;
}

static XRT_API xrt_LocateSpace(XrSpace sp, XrSpace base, XrTime t, XrSpaceLocation *loc) {
  int a = XRT_I(sp), b = XRT_I(base);
  if (a < 0 || a >= XRT_MAX_SPACES || !g_rt.sp[a].used || b < 0 || b >= XRT_MAX_SPACES || !g_rt.sp[b].used)
    return XR_ERROR_HANDLE_INVALID;
  if (!loc || loc->type != XR_TYPE_SPACE_LOCATION) return xrt_invalid("xrLocateSpace", "bad struct type");
  if (t <= 0) return XR_ERROR_TIME_INVALID;
  if (g_rt.session_lost) return XR_ERROR_SESSION_LOST;
  loc->pose = xrt_pose_mul(xrt_pose_inv(xrt_space_in_local(b)), xrt_space_in_local(a));
  loc->locationFlags = XR_SPACE_LOCATION_ORIENTATION_VALID_BIT | XR_SPACE_LOCATION_POSITION_VALID_BIT |
                       XR_SPACE_LOCATION_ORIENTATION_TRACKED_BIT | XR_SPACE_LOCATION_POSITION_TRACKED_BIT;
  return XR_SUCCESS;
}

static XRT_API xrt_DestroySpace(XrSpace sp) {
  int a = XRT_I(sp);
  if (a < 0 || a >= XRT_MAX_SPACES || !g_rt.sp[a].used) return XR_ERROR_HANDLE_INVALID;
  memset(&g_rt.sp[a], 0, sizeof g_rt.sp[a]);
  return XR_SUCCESS;
}

#define F(n) if (!strcmp(name, "xr" #n)) return (PFN_xrVoidFunction)xrt_##n
/* this file's function called name, or NULL */
PFN_xrVoidFunction xrt_space_fn(const char *name) {
  F(EnumerateReferenceSpaces); F(CreateReferenceSpace); F(GetReferenceSpaceBoundsRect);
  F(CreateActionSpace); F(LocateSpace); F(DestroySpace);
  return NULL;
}
#undef F
