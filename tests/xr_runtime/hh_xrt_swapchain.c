/* hh_xrt_swapchain.c - GL swapchains the runtime creates itself in the app's current
 * context (any GLX or EGL context: calls go through libOpenGL), acquire/wait/release,
 * and the capture of one eye's image to a PNG with a few statistics in the log. */
#include "hh_xrt_int.h"
#include <math.h>
#include <png.h>
#include <stdlib.h>
#include <string.h>

/* formats in our order of preference: sRGB first */
static const int64_t k_formats[] = {GL_SRGB8_ALPHA8, GL_RGBA8};

/* swapchain slot for a handle, or NULL */
static xrt_swapchain *get(XrSwapchain h) {
  int i = XRT_I(h);
  if (i < 0 || i >= XRT_MAX_SWAPCHAINS || !g_rt.sc[i].used) return NULL;
  return &g_rt.sc[i];
}

static XRT_API xrt_EnumerateSwapchainFormats(XrSession s, uint32_t cap, uint32_t *count, int64_t *f) {
  XrResult r = xrt_session_ok(s);
  if (r) return r;
  return xrt_fill(cap, count, f, k_formats, 2, sizeof k_formats[0]);
}

static XRT_API xrt_CreateSwapchain(XrSession s, const XrSwapchainCreateInfo *ci, XrSwapchain *out) {
  XrResult r = xrt_session_ok(s);
  if (r) return r;
  if (!ci || ci->type != XR_TYPE_SWAPCHAIN_CREATE_INFO) return xrt_invalid("xrCreateSwapchain", "bad create info");
  if (ci->format != k_formats[0] && ci->format != k_formats[1]) return XR_ERROR_SWAPCHAIN_FORMAT_UNSUPPORTED;
  if (ci->sampleCount != 1 || ci->faceCount != 1 || ci->arraySize != 1 || ci->mipCount != 1 ||
      ci->width == 0 || ci->height == 0 || ci->width > 4096 || ci->height > 4096)
    return xrt_invalid("xrCreateSwapchain", "unsupported size, samples, faces, layers or mips");
  if (!glGetString(GL_VERSION)) return xrt_invalid("xrCreateSwapchain", "no OpenGL context is current");
  int i = 0;
  while (i < XRT_MAX_SWAPCHAINS && g_rt.sc[i].used) i++;
  if (i == XRT_MAX_SWAPCHAINS) return XR_ERROR_LIMIT_REACHED;
  xrt_swapchain *c = &g_rt.sc[i];
  memset(c, 0, sizeof *c);
  c->used = 1;
  c->format = ci->format;
  c->width = (int)ci->width;
  c->height = (int)ci->height;
  c->released = -1;
  GLint prev = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &prev);
  glGenTextures(XRT_IMAGES, c->tex);
  for (int k = 0; k < XRT_IMAGES; k++) {
    glBindTexture(GL_TEXTURE_2D, c->tex[k]);
    glTexImage2D(GL_TEXTURE_2D, 0, (GLint)ci->format, c->width, c->height, 0, GL_RGBA,
                 GL_UNSIGNED_BYTE, NULL);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  }
  glBindTexture(GL_TEXTURE_2D, (GLuint)prev);
  xrt_log("swapchain %d %dx%d format=0x%llx", i, c->width, c->height, (unsigned long long)c->format);
  *out = XRT_H(XrSwapchain, i);
  return XR_SUCCESS;
}

static XRT_API xrt_DestroySwapchain(XrSwapchain h) {
  xrt_swapchain *c = get(h);
  if (!c) return XR_ERROR_HANDLE_INVALID;
  if (glGetString(GL_VERSION)) glDeleteTextures(XRT_IMAGES, c->tex);
  memset(c, 0, sizeof *c);
  return XR_SUCCESS;
}

static XRT_API xrt_EnumerateSwapchainImages(XrSwapchain h, uint32_t cap, uint32_t *count,
                                            XrSwapchainImageBaseHeader *img) {
  xrt_swapchain *c = get(h);
  if (!c) return XR_ERROR_HANDLE_INVALID;
  *count = XRT_IMAGES;
  if (cap == 0) return XR_SUCCESS;
  if (cap < XRT_IMAGES) return XR_ERROR_SIZE_INSUFFICIENT;
  XrSwapchainImageOpenGLKHR *gl = (XrSwapchainImageOpenGLKHR *)img;
  for (int k = 0; k < XRT_IMAGES; k++) {
    if (gl[k].type != XR_TYPE_SWAPCHAIN_IMAGE_OPENGL_KHR)
      return xrt_invalid("xrEnumerateSwapchainImages", "element type is not XR_TYPE_SWAPCHAIN_IMAGE_OPENGL_KHR");
    gl[k].image = c->tex[k];
  }
  return XR_SUCCESS;
}

static XRT_API xrt_AcquireSwapchainImage(XrSwapchain h, const XrSwapchainImageAcquireInfo *ai, uint32_t *index) {
  xrt_swapchain *c = get(h);
  if (!c) return XR_ERROR_HANDLE_INVALID;
  if (g_rt.session_lost) return XR_ERROR_SESSION_LOST;
  (void)ai;
  if (c->acquired >= XRT_IMAGES - 1) return XR_ERROR_CALL_ORDER_INVALID;
  *index = (uint32_t)c->next;
  c->next = (c->next + 1) % XRT_IMAGES;
  c->acquired++;
  return XR_SUCCESS;
}

static XRT_API xrt_WaitSwapchainImage(XrSwapchain h, const XrSwapchainImageWaitInfo *wi) {
  xrt_swapchain *c = get(h);
  if (!c) return XR_ERROR_HANDLE_INVALID;
  if (g_rt.session_lost) return XR_ERROR_SESSION_LOST;
  if (!wi || wi->type != XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO) return xrt_invalid("xrWaitSwapchainImage", "bad wait info");
  if (c->acquired == 0 || c->waited) return XR_ERROR_CALL_ORDER_INVALID;
  c->waited = 1;
  return XR_SUCCESS;
}

static XRT_API xrt_ReleaseSwapchainImage(XrSwapchain h, const XrSwapchainImageReleaseInfo *ri) {
  xrt_swapchain *c = get(h);
  if (!c) return XR_ERROR_HANDLE_INVALID;
  if (g_rt.session_lost) return XR_ERROR_SESSION_LOST;
  (void)ri;
  if (!c->waited) return XR_ERROR_CALL_ORDER_INVALID;
  c->waited = 0;
  c->acquired--;
  c->released = (c->next + XRT_IMAGES - 1 - c->acquired) % XRT_IMAGES;
  return XR_SUCCESS;
}

/* write w x h RGBA rows (top first) to path; 0 on success */
static int write_png(const char *path, const unsigned char *rgba, int w, int h) {
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  png_structp p = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = p ? png_create_info_struct(p) : NULL;
  if (!p || !info || setjmp(png_jmpbuf(p))) {
    png_destroy_write_struct(&p, &info);
    fclose(f);
    return -1;
  }
  png_init_io(p, f);
  png_set_IHDR(p, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB_ALPHA,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(p, info);
  for (int y = 0; y < h; y++) png_write_row(p, (png_const_bytep)(rgba + (size_t)y * w * 4));
  png_write_end(p, info);
  png_destroy_write_struct(&p, &info);
  return fclose(f);
}

/* write w x h RGBA rows (top first) to path as a binary PPM (RGB; tests read it without
   a PNG decoder); 0 on success */
static int write_ppm(const char *path, const unsigned char *rgba, int w, int h) {
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  fprintf(f, "P6\n%d %d\n255\n", w, h);
  for (size_t i = 0; i < (size_t)w * h; i++) fwrite(rgba + i * 4, 1, 3, f);
  return fclose(f);
}

/* log mean colour, luminance spread, top/bottom luminance, the share of clearly red,
   green and blue pixels and the number of distinct colours */
static void log_stats(const unsigned char *px, int w, int h, int eye, const char *path) {
  double sum[3] = {0, 0, 0}, dom[3] = {0, 0, 0}, l1 = 0, l2 = 0, top = 0, bottom = 0;
  unsigned char *seen = calloc(32768, 1);
  int colors = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++) {
      const unsigned char *p = px + ((size_t)y * w + x) * 4;
      double l = 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
      for (int k = 0; k < 3; k++) {
        sum[k] += p[k];
        /* this channel leads both others by 40 levels: a clearly red, green or blue pixel */
        if (p[k] >= p[(k + 1) % 3] + 40 && p[k] >= p[(k + 2) % 3] + 40) dom[k] += 1;
      }
      l1 += l;
      l2 += l * l;
      if (y < h / 2) top += l;
      else bottom += l;
      int key = (p[0] >> 3) << 10 | (p[1] >> 3) << 5 | (p[2] >> 3);
      if (seen && !seen[key]) {
        seen[key] = 1;
        colors++;
      }
    }
  free(seen);
  double n = (double)w * h, mean = l1 / n;
  xrt_log("capture frame=%ld eye=%d size=%dx%d mean=%.1f,%.1f,%.1f stddev=%.1f top_luma=%.1f bottom_luma=%.1f red=%.3f green=%.3f blue=%.3f colors=%d path=%s",
          g_rt.frame, eye, w, h, sum[0] / n, sum[1] / n, sum[2] / n, sqrt(fmax(0, l2 / n - mean * mean)),
          top / (n / 2), bottom / (n / 2), dom[0] / n, dom[1] / n, dom[2] / n, colors, path);
}

/* save the image eye released last as a PNG (a PPM when the path ends in .ppm) and log
   its statistics */
void xrt_capture(int sc, const XrRect2Di *rc, int eye) {
  xrt_swapchain *c = &g_rt.sc[sc];
  int w = c->width, h = c->height;
  unsigned char *img = malloc((size_t)w * h * 4), *out = malloc((size_t)rc->extent.width * rc->extent.height * 4);
  if (!img || !out) {
    free(img);
    free(out);
    return;
  }
  GLint prev = 0, pack = 0, pbo = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &prev);
  glGetIntegerv(GL_PACK_ALIGNMENT, &pack);
  glGetIntegerv(GL_PIXEL_PACK_BUFFER_BINDING, &pbo);
  glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glBindTexture(GL_TEXTURE_2D, c->tex[c->released]);
  glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, img);
  glBindTexture(GL_TEXTURE_2D, (GLuint)prev);
  glPixelStorei(GL_PACK_ALIGNMENT, pack);
  glBindBuffer(GL_PIXEL_PACK_BUFFER, (GLuint)pbo);
  /* GL rows run bottom-up; PNG rows top-down */
  int ow = rc->extent.width, oh = rc->extent.height;
  for (int y = 0; y < oh; y++) {
    const unsigned char *src = img + ((size_t)(rc->offset.y + oh - 1 - y) * w + rc->offset.x) * 4;
    memcpy(out + (size_t)y * ow * 4, src, (size_t)ow * 4);
    for (int x = 0; x < ow; x++) out[((size_t)y * ow + x) * 4 + 3] = 255;
  }
  const char *path = g_rt.script.capture_path;
  size_t len = strlen(path);
  int ppm = len > 4 && !strcmp(path + len - 4, ".ppm");
  if ((ppm ? write_ppm(path, out, ow, oh) : write_png(path, out, ow, oh)) != 0)
    xrt_invalid("capture", "cannot write the image");
  log_stats(out, ow, oh, eye, path);
  free(img);
  free(out);
}

#define F(n) if (!strcmp(name, "xr" #n)) return (PFN_xrVoidFunction)xrt_##n
/* this file's function called name, or NULL */
PFN_xrVoidFunction xrt_swapchain_fn(const char *name) {
  F(EnumerateSwapchainFormats); F(CreateSwapchain); F(DestroySwapchain); F(EnumerateSwapchainImages);
  F(AcquireSwapchainImage); F(WaitSwapchainImage); F(ReleaseSwapchainImage);
  return NULL;
}
#undef F
