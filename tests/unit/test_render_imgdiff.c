/* test_render_imgdiff.c - the golden-image comparer (tools/imgdiff.c, hh_imgdiff):
 * same picture and small noise pass, a changed region fails, a size mismatch and an
 * unreadable file are bad input (exit 2). */
#include "hh_test.h"
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#define W 64
#define H 48

/* write an RGB image with png_image; 1 on success */
static int save(const char *path, const unsigned char *rgb, int w, int h) {
  png_image img;
  memset(&img, 0, sizeof img);
  img.version = PNG_IMAGE_VERSION;
  img.width = (png_uint_32)w;
  img.height = (png_uint_32)h;
  img.format = PNG_FORMAT_RGB;
  return png_image_write_to_file(&img, path, 0, rgb, 0, NULL);
}

/* exit status of hh_imgdiff a b */
static int imgdiff(const char *a, const char *b) {
  char cmd[2048];
  snprintf(cmd, sizeof cmd, "'%s/hh_imgdiff' '%s' '%s' >/dev/null 2>&1", HH_BUILD_DIR, a, b);
  int st = system(cmd);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int main(void) {
  static unsigned char a[W * H * 3], b[W * H * 3];
  for (int i = 0; i < W * H * 3; i++) a[i] = (unsigned char)((i * 7) % 200);
  const char *pa = HH_BUILD_DIR "/imgdiff_a.png", *pb = HH_BUILD_DIR "/imgdiff_b.png";
  CHECK(save(pa, a, W, H));
  CHECK(imgdiff(pa, pa) == 0);
  memcpy(b, a, sizeof a); /* small noise everywhere: same */
  for (int i = 0; i < W * H * 3; i += 5) b[i] = (unsigned char)(b[i] + 2);
  CHECK(save(pb, b, W, H));
  CHECK(imgdiff(pa, pb) == 0);
  memcpy(b, a, sizeof a); /* a quarter of the picture changed: different */
  for (int y = 0; y < H / 2; y++)
    for (int x = 0; x < W / 2; x++) b[(y * W + x) * 3] = (unsigned char)(a[(y * W + x) * 3] ^ 0x80);
  CHECK(save(pb, b, W, H));
  CHECK(imgdiff(pa, pb) == 1);
  CHECK(save(pb, b, W / 2, H)); /* other size: bad input */
  CHECK(imgdiff(pa, pb) == 2);
  CHECK(imgdiff(pa, HH_BUILD_DIR "/no-such-image.png") == 2);
  return hh_test_done("render_imgdiff");
}
