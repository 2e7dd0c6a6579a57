/* hh_screenshot.c - read the default framebuffer back and write it as an 8-bit RGB
 * PNG (libpng), rows flipped to top-down. Written to a temporary name first and
 * renamed, so a failed write never leaves a half file under the asked name. */
#include "hh_platform_int.h"
#include "../core/hh_i18n.h"
#include <glad/gl.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>

/* write rgb (w*h*3, top row first) to path as PNG; 0 on success */
static int write_png(const char *path, const unsigned char *rgb, int w, int h) {
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png ? png_create_info_struct(png) : NULL;
  if (!png || !info || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    fclose(f);
    return -1;
  }
  png_init_io(png, f);
  png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level(png, 9);
  png_write_info(png, info);
  for (int y = 0; y < h; y++) png_write_row(png, (png_const_bytep)(rgb + (size_t)y * w * 3));
  png_write_end(png, NULL);
  png_destroy_write_struct(&png, &info);
  return fclose(f) == 0 ? 0 : -1;
}

int hh_window_screenshot(hh_window *win, const char *png_path, hh_error *err) {
  int w = 0, h = 0;
  hh_window_size(win, &w, &h);
  unsigned char *px = malloc((size_t)w * h * 3), *rows = malloc((size_t)w * h * 3);
  if (!px || !rows) {
    free(px);
    free(rows);
    return hh_error_set(err, HH_E_NOMEM, png_path, 0, 0, "%s", hh_tr("out of memory for a screenshot"));
  }
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, px);
  for (int y = 0; y < h; y++) /* GL's first row is the bottom one */
    for (size_t i = 0; i < (size_t)w * 3; i++)
      rows[(size_t)y * w * 3 + i] = px[(size_t)(h - 1 - y) * w * 3 + i];
  free(px);
  char tmp[1100];
  snprintf(tmp, sizeof tmp, "%s.tmp", png_path);
  int bad = write_png(tmp, rows, w, h);
  free(rows);
  if (bad || rename(tmp, png_path) != 0) {
    remove(tmp);
    return hh_error_set(err, HH_E_FILE_WRITE, png_path, 0, 0, "%s", hh_tr("cannot write the screenshot"));
  }
  return HH_OK;
}
