/* hh_xr_swapchain.c - one swapchain per eye in the runtime's preferred format, a
 * framebuffer (colour image + depth) for each of its images, acquire and release. */
#include <glad/gl.h>
#define XR_USE_GRAPHICS_API_OPENGL
#include "hh_xr_int.h"
#include <openxr/openxr_platform.h>
#include "../core/hh_i18n.h"
#include <string.h>

/* colour formats our renderer can draw into, any order (the runtime's order decides) */
static const int64_t k_formats[] = {GL_SRGB8_ALPHA8, GL_RGBA8, GL_RGB10_A2, GL_RGBA16F,
                                    GL_RGBA16, GL_R11F_G11F_B10F};

/* the runtime's first format that we support; 0 if none */
static int64_t choose_format(hh_xr *x) {
  int64_t fmt[64];
  uint32_t n = 0;
  if (XR_FAILED(xrEnumerateSwapchainFormats(x->session, 64, &n, fmt))) return 0;
  for (uint32_t i = 0; i < n; i++) /* runtime order = its preference */
    for (size_t k = 0; k < sizeof k_formats / sizeof k_formats[0]; k++)
      if (fmt[i] == k_formats[k]) return fmt[i];
  return 0;
}

/* create eye e's swapchain of w x h and learn its images */
static int create_eye(hh_xr *x, int e, int w, int h, hh_error *err) {
  hh_xr_eye *eye = &x->eye[e];
  XrSwapchainCreateInfo ci = {.type = XR_TYPE_SWAPCHAIN_CREATE_INFO};
  ci.usageFlags = XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT | XR_SWAPCHAIN_USAGE_SAMPLED_BIT;
  ci.format = x->format;
  ci.sampleCount = 1;
  ci.width = (uint32_t)w;
  ci.height = (uint32_t)h;
  ci.faceCount = 1;
  ci.arraySize = 1;
  ci.mipCount = 1;
  XrResult r = xrCreateSwapchain(x->session, &ci, &eye->chain);
  XrSwapchainImageOpenGLKHR img[HH_XR_MAX_IMAGES];
  for (int i = 0; i < HH_XR_MAX_IMAGES; i++)
    img[i] = (XrSwapchainImageOpenGLKHR){.type = XR_TYPE_SWAPCHAIN_IMAGE_OPENGL_KHR};
  if (XR_SUCCEEDED(r))
    r = xrEnumerateSwapchainImages(eye->chain, HH_XR_MAX_IMAGES, &eye->n_images,
                                   (XrSwapchainImageBaseHeader *)img);
  if (XR_FAILED(r))
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, hh_tr("OpenXR: %s failed: %s"),
                        "xrCreateSwapchain", hh_xr_result_name(r));
  for (uint32_t i = 0; i < eye->n_images; i++) eye->tex[i] = img[i].image;
  eye->width = w;
  eye->height = h;
  glGenRenderbuffers(1, &eye->depth);
  glBindRenderbuffer(GL_RENDERBUFFER, eye->depth);
  /* packed depth + stencil: the renderer clears both, a whole (fast) clear */
  glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, w, h);
  glBindRenderbuffer(GL_RENDERBUFFER, 0);
  return HH_OK;
}

/* one swapchain per eye at the recommended size in the chosen format */
int hh_xr_swapchains_create(hh_xr *x, hh_error *err) {
  XrViewConfigurationView v[HH_XR_EYES];
  for (int e = 0; e < HH_XR_EYES; e++)
    v[e] = (XrViewConfigurationView){.type = XR_TYPE_VIEW_CONFIGURATION_VIEW};
  uint32_t n = 0;
  XrResult r = xrEnumerateViewConfigurationViews(x->instance, x->system,
                                                 XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO,
                                                 HH_XR_EYES, &n, v);
  if (XR_FAILED(r) || n != HH_XR_EYES)
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, hh_tr("OpenXR: %s failed: %s"),
                        "xrEnumerateViewConfigurationViews", hh_xr_result_name(r));
  x->format = choose_format(x);
  if (!x->format)
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, "%s",
                        hh_tr("the OpenXR runtime offers no colour format Haihe can draw into"));
  for (int e = 0; e < HH_XR_EYES; e++) {
    int w = (int)v[e].recommendedImageRectWidth, h = (int)v[e].recommendedImageRectHeight;
    if (w < 16 || h < 16 || w > 16384 || h > 16384)
      return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, hh_tr("the VR headset asks for an eye image of %dx%d pixels"), w, h);
    if (create_eye(x, e, w, h, err)) return err->code;
  }
  return HH_OK;
}

/* release framebuffers, depth buffers, the mirror and the swapchains */
void hh_xr_swapchains_destroy(hh_xr *x) {
  hh_xr_mirror_free(&x->mirror);
  for (int e = 0; e < HH_XR_EYES; e++) {
    hh_xr_eye *eye = &x->eye[e];
    for (uint32_t i = 0; i < eye->n_images; i++)
      if (eye->fbo[i]) glDeleteFramebuffers(1, &eye->fbo[i]);
    if (eye->depth) glDeleteRenderbuffers(1, &eye->depth);
    if (eye->chain) xrDestroySwapchain(eye->chain);
    memset(eye, 0, sizeof *eye);
    eye->last = -1;
  }
}

/* acquire and wait eye e's next image; its framebuffer in *fbo */
int hh_xr_eye_acquire(hh_xr *x, int e, unsigned *fbo) {
  hh_xr_eye *eye = &x->eye[e];
  uint32_t i = 0;
  XrSwapchainImageAcquireInfo ai = {.type = XR_TYPE_SWAPCHAIN_IMAGE_ACQUIRE_INFO};
  XrResult r = xrAcquireSwapchainImage(eye->chain, &ai, &i);
  if (XR_FAILED(r) || i >= eye->n_images) {
    hh_xr_check_lost(x, r);
    return -1;
  }
  XrSwapchainImageWaitInfo wi = {.type = XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO,
                                 .timeout = XR_INFINITE_DURATION};
  r = xrWaitSwapchainImage(eye->chain, &wi);
  if (XR_FAILED(r)) {
    hh_xr_check_lost(x, r);
    hh_xr_eye_release(x, e);
    return -1;
  }
  if (!eye->fbo[i]) {
    glGenFramebuffers(1, &eye->fbo[i]);
    glBindFramebuffer(GL_FRAMEBUFFER, eye->fbo[i]);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, eye->tex[i], 0);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, eye->depth);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
      glBindFramebuffer(GL_FRAMEBUFFER, 0);
      glDeleteFramebuffers(1, &eye->fbo[i]);
      eye->fbo[i] = 0;
      hh_xr_eye_release(x, e);
      return -1;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
  }
  *fbo = eye->fbo[i];
  eye->last = (int)i;
  return (int)i;
}

/* hand eye e's image back to the runtime */
void hh_xr_eye_release(hh_xr *x, int e) {
  XrSwapchainImageReleaseInfo ri = {.type = XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO};
  hh_xr_check_lost(x, xrReleaseSwapchainImage(x->eye[e].chain, &ri));
}
