/* hh_xr_frame.c - one VR frame: wait and begin (frame timing from the runtime), locate
 * the eyes, draw the scene into both eyes' swapchain images as one stereo frame,
 * submit a projection layer; a copy of the left eye for the desktop mirror (the GL
 * part is hh_xr_pair.c's, shared with `haihe bench --render`). */
#include <glad/gl.h>
#include "hh_xr_int.h"
#include "../render/hh_rcnc_keys.h"
#include <string.h>

/* wait for the runtime's frame and begin it; the display time step */
int hh_xr_frame_begin(hh_xr *x, double *dt_s) {
  *dt_s = 0.0;
  if (!x->running || x->status == HH_XR_LOST) return 0;
  XrFrameWaitInfo wi = {.type = XR_TYPE_FRAME_WAIT_INFO};
  XrFrameState fs = {.type = XR_TYPE_FRAME_STATE};
  XrResult r = xrWaitFrame(x->session, &wi, &fs);
  if (XR_FAILED(r)) {
    hh_xr_check_lost(x, r);
    return 0;
  }
  XrFrameBeginInfo bi = {.type = XR_TYPE_FRAME_BEGIN_INFO};
  r = xrBeginFrame(x->session, &bi);
  if (XR_FAILED(r)) {
    hh_xr_check_lost(x, r);
    return 0;
  }
  if (x->prev_time && fs.predictedDisplayTime > x->prev_time)
    *dt_s = 1e-9 * (double)(fs.predictedDisplayTime - x->prev_time);
  x->prev_time = fs.predictedDisplayTime;
  x->frame = fs;
  x->frame_begun = 1;
  return 1;
}

/* locate both eyes in the seated space; 1 when both poses are usable */
static int locate(hh_xr *x) {
  XrViewLocateInfo li = {.type = XR_TYPE_VIEW_LOCATE_INFO,
                         .viewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO,
                         .displayTime = x->frame.predictedDisplayTime, .space = x->local};
  XrViewState vs = {.type = XR_TYPE_VIEW_STATE};
  uint32_t n = 0;
  for (int e = 0; e < HH_XR_EYES; e++) x->views[e] = (XrView){.type = XR_TYPE_VIEW};
  XrResult r = xrLocateViews(x->session, &li, &vs, HH_XR_EYES, &n, x->views);
  if (XR_FAILED(r)) {
    hh_xr_check_lost(x, r);
    return 0;
  }
  XrViewStateFlags need = XR_VIEW_STATE_POSITION_VALID_BIT | XR_VIEW_STATE_ORIENTATION_VALID_BIT;
  return n == HH_XR_EYES && (vs.viewStateFlags & need) == need;
}

/* the eye's view of the world (from the cab) and of the seated space (the pad), and
   its projection */
static void eye_matrices(const hh_xr *x, int e, const float cab[3], float view[16],
                         float seat[16], float proj[16]) {
  const XrView *v = &x->views[e];
  float p[3] = {v->pose.position.x, v->pose.position.y, v->pose.position.z};
  float q[4] = {v->pose.orientation.x, v->pose.orientation.y, v->pose.orientation.z,
                v->pose.orientation.w};
  float fov[4] = {v->fov.angleLeft, v->fov.angleRight, v->fov.angleUp, v->fov.angleDown};
  hh_xr_pair_eye(cab, x->center, p, q, fov, view, seat, proj);
}

/* draw both eyes into their next images as one stereo frame (one shadow map, the
   samples resolved straight into each image), the CNC pad over each, and describe
   them for the layer; 1 on success */
static int draw_eyes(hh_xr *x, hh_renderer *ren, const hh_model *m, const hh_data *d,
                     const float cab[3], int pad, XrCompositionLayerProjectionView *pv) {
  unsigned fbo[HH_XR_EYES] = {0};
  for (int e = 0; e < HH_XR_EYES; e++)
    if (hh_xr_eye_acquire(x, e, &fbo[e]) < 0) {
      while (--e >= 0) hh_xr_eye_release(x, e); /* hand back the ones we hold */
      return 0;
    }
  float view[HH_XR_EYES][16], seat[HH_XR_EYES][16], proj[HH_XR_EYES][16];
  hh_rtarget t[HH_XR_EYES];
  for (int e = 0; e < HH_XR_EYES; e++) {
    eye_matrices(x, e, cab, view[e], seat[e], proj[e]);
    t[e] = (hh_rtarget){fbo[e], x->eye[e].width, x->eye[e].height};
  }
  hh_xr_draw_pair(ren, m, d, (const float (*)[16])view, (const float (*)[16])seat,
                  (const float (*)[16])proj, t, pad, &x->mirror, (unsigned)x->format);
  for (int e = 0; e < HH_XR_EYES; e++) {
    hh_xr_eye_release(x, e);
    const XrView *v = &x->views[e];
    pv[e] = (XrCompositionLayerProjectionView){.type = XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW};
    pv[e].pose = v->pose;
    pv[e].fov = v->fov;
    pv[e].subImage.swapchain = x->eye[e].chain;
    pv[e].subImage.imageRect.extent.width = x->eye[e].width;
    pv[e].subImage.imageRect.extent.height = x->eye[e].height;
    pv[e].subImage.imageArrayIndex = 0;
  }
  return 1;
}

/* draw both eyes and end the frame with a projection layer */
void hh_xr_frame_end(hh_xr *x, hh_renderer *ren, const hh_model *m, const hh_data *d) {
  if (!x->frame_begun) return;
  x->frame_begun = 0;
  XrCompositionLayerProjectionView pv[HH_XR_EYES];
  XrCompositionLayerProjection layer = {.type = XR_TYPE_COMPOSITION_LAYER_PROJECTION};
  const XrCompositionLayerBaseHeader *layers[1] = {(const XrCompositionLayerBaseHeader *)&layer};
  int ok = x->frame.shouldRender && x->status != HH_XR_LOST && locate(x);
  if (ok) {
    float cab[3];
    hh_xr_cab_eye(m, d, cab);
    int pad = 0;
    if (m->machine == HH_MACHINE_CNC_MILL || m->machine == HH_MACHINE_CNC_LATHE) {
      float o[3], dir[3], hx = -1, hy = -1;
      int hover = hh_xr_aim_ray(x, o, dir) && hh_rcnc_keys_ray(o, dir, &hx, &hy);
      pad = hh_rcnc_vrpad_update(ren, hover, hx, hy, x->press_prev);
    }
    ok = draw_eyes(x, ren, m, d, cab, pad, pv);
  }
  if (x->status == HH_XR_LOST) return;
  layer.space = x->local;
  layer.viewCount = HH_XR_EYES;
  layer.views = pv;
  XrFrameEndInfo ei = {.type = XR_TYPE_FRAME_END_INFO,
                       .displayTime = x->frame.predictedDisplayTime,
                       .environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE,
                       .layerCount = ok ? 1 : 0, .layers = layers};
  XrResult r = xrEndFrame(x->session, &ei);
  if (XR_FAILED(r)) hh_xr_check_lost(x, r);
  else if (ok) x->frames++;
}

/* blit the left-eye copy into t (its centre, cropped to fill t) */
int hh_xr_mirror(hh_xr *x, const hh_rtarget *t) {
  return x ? hh_xr_mirror_blit(&x->mirror, t) : 0;
}
