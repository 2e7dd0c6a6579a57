/* imgdiff.c - compare two PNG images of the same size: prints the mean absolute
 * difference per channel (0..255) and the percentage of pixels whose largest channel
 * difference exceeds a threshold. Exit 0 when both are within the given limits,
 * 1 when they differ too much, 2 on bad input (unreadable file, size mismatch).
 *
 *   hh_imgdiff A.png B.png [--mean MAX_MEAN] [--pct MAX_PCT] [--thresh T]
 * defaults: --mean 4.0 --pct 2.0 --thresh 48
 */
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* read any PNG as 8-bit RGB; NULL on failure */
static unsigned char *read_rgb(const char *path, int *w, int *h) {
  png_image img;
  memset(&img, 0, sizeof img);
  img.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&img, path)) {
    fprintf(stderr, "%s: error: cannot read PNG: %s\n", path, img.message);
    return NULL;
  }
  img.format = PNG_FORMAT_RGB;
  unsigned char *buf = malloc(PNG_IMAGE_SIZE(img));
  if (!buf || !png_image_finish_read(&img, NULL, buf, 0, NULL)) {
    fprintf(stderr, "%s: error: cannot decode PNG: %s\n", path, img.message);
    free(buf);
    png_image_free(&img);
    return NULL;
  }
  *w = (int)img.width;
  *h = (int)img.height;
  return buf;
}

/* parse the command line, compare, report */
int main(int argc, char **argv) {
  double max_mean = 4.0, max_pct = 2.0;
  int thresh = 48;
  if (argc < 3) {
    fprintf(stderr, "usage: hh_imgdiff A.png B.png [--mean M] [--pct P] [--thresh T]\n");
    return 2;
  }
  for (int i = 3; i < argc; i++) {
    if (i + 1 >= argc) {
      fprintf(stderr, "hh_imgdiff: error: %s needs a value\n", argv[i]);
      return 2;
    }
    if (!strcmp(argv[i], "--mean")) max_mean = atof(argv[++i]);
    else if (!strcmp(argv[i], "--pct")) max_pct = atof(argv[++i]);
    else if (!strcmp(argv[i], "--thresh")) thresh = atoi(argv[++i]);
    else {
      fprintf(stderr, "hh_imgdiff: error: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  int wa, ha, wb, hb;
  unsigned char *a = read_rgb(argv[1], &wa, &ha);
  unsigned char *b = a ? read_rgb(argv[2], &wb, &hb) : NULL;
  if (!a || !b) {
    free(a);
    return 2;
  }
  if (wa != wb || ha != hb) {
    fprintf(stderr, "hh_imgdiff: error: sizes differ: %dx%d vs %dx%d\n", wa, ha, wb, hb);
    free(a);
    free(b);
    return 2;
  }
  double sum = 0;
  long over = 0, n = (long)wa * ha;
  for (long p = 0; p < n; p++) {
    int worst = 0;
    for (int c = 0; c < 3; c++) {
      int d = abs((int)a[p * 3 + c] - (int)b[p * 3 + c]);
      sum += d;
      if (d > worst) worst = d;
    }
    if (worst > thresh) over++;
  }
  double mean = sum / (3.0 * (double)n), pct = 100.0 * (double)over / (double)n;
  int ok = mean <= max_mean && pct <= max_pct;
  printf("imgdiff: mean abs diff %.3f (max %.3f), %.3f%% pixels over %d (max %.3f%%): %s\n",
         mean, max_mean, pct, thresh, max_pct, ok ? "same" : "DIFFERENT");
  free(a);
  free(b);
  return ok ? 0 : 1;
}
