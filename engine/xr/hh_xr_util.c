/* hh_xr_util.c - result names, loss detection and the end message. */
#include "hh_xr_int.h"
#include "../core/hh_i18n.h"
#include <openxr/openxr_reflection.h>
#include <stdio.h>
#include <string.h>

/* symbolic name of an XrResult */
const char *hh_xr_result_name(XrResult r) {
  switch (r) {
#define HH_XR_NAME(name, value) case name: return #name;
    XR_LIST_ENUM_XrResult(HH_XR_NAME)
#undef HH_XR_NAME
    default: return "XR_UNKNOWN_RESULT";
  }
}

/* record why the session ended (the first reason wins) */
void hh_xr_end(hh_xr *x, hh_xr_status st, const char *msg) {
  if (x->status == HH_XR_ENDED || x->status == HH_XR_LOST) return; /* first reason wins */
  x->status = st;
  snprintf(x->message, sizeof x->message, "%s", msg);
}

/* mark x lost when r says the session or instance is gone */
int hh_xr_check_lost(hh_xr *x, XrResult r) {
  if (r == XR_ERROR_SESSION_LOST) {
    hh_xr_end(x, HH_XR_LOST, hh_tr("the VR session was lost (headset disconnected or runtime stopped)"));
    return 1;
  }
  if (r == XR_ERROR_INSTANCE_LOST) {
    hh_xr_end(x, HH_XR_LOST, hh_tr("the OpenXR runtime was lost"));
    return 1;
  }
  return 0;
}

const char *hh_xr_message(const hh_xr *x) { return x ? x->message : ""; }

long hh_xr_frames(const hh_xr *x) { return x ? x->frames : 0; }
