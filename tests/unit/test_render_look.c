/* test_render_look.c - thin ropes and calm water, headless (SDL offscreen, EGL) into an
 * offscreen target (scene.vert / scene.frag, hh_rscene.c ropes, the water program).
 * Checked:
 * - the STS hoist ropes (8 cm) seen from 110 m are a third of a pixel wide: every row
 *   of their span still has a rope pixel in each rope's column (one unbroken line, not
 *   dashes), and they are faint (coverage-faded, not drawn at full strength);
 * - the same ropes from 8 m are drawn at their real width (about 2.6 px), full strength;
 * - a calm harbour seen from high up towards the sun (the glitter path in view) has no
 *   isolated bright pixels (sparkle): a pixel brighter than the median of its 5 x 5
 *   neighbourhood by more than 24 levels counts, at most 0.5 % of the water may;
 * - the glitter path is there (the water towards the sun is brighter than away from
 *   it) but at most white, and the sea patches of the offshore lift join without a
 *   step (one surface through the corner heights of the wave field).
 * Pixels: glGetTexImage, bottom row first. */
#include "hh_test.h"
#include "render/hh_render_int.h"
#include "platform/hh_platform.h"
#include <glad/gl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { W = 256, H = 192 };
#define FOVY 0.6981317 /* 40 degrees */

/* luma (0..255) of pixel (x, y) */
static int luma(const unsigned char *px, int x, int y) {
  const unsigned char *p = px + ((size_t)y * W + x) * 4;
  return (299 * p[0] + 587 * p[1] + 114 * p[2]) / 1000;
}

/* camera at eye looking along the unit horizontal direction (fx, fy) pitched down by
   pitch (rad), z up; perspective FOVY, W/H, 0.5..5000 m (column-major) */
static void camera(const double eye[3], double fx, double fy, double pitch, float view[16],
                   float proj[16]) {
  double cp = cos(pitch), sp = sin(pitch);
  double f[3] = {fx * cp, fy * cp, -sp};      /* forward */
  double s[3] = {fy, -fx, 0};                 /* right */
  double u[3] = {s[1] * f[2] - s[2] * f[1], s[2] * f[0] - s[0] * f[2], s[0] * f[1] - s[1] * f[0]};
  float v[16] = {(float)s[0], (float)u[0], (float)-f[0], 0, (float)s[1], (float)u[1], (float)-f[1], 0,
                 (float)s[2], (float)u[2], (float)-f[2], 0, 0, 0, 0, 1};
  v[12] = (float)-(s[0] * eye[0] + s[1] * eye[1] + s[2] * eye[2]);
  v[13] = (float)-(u[0] * eye[0] + u[1] * eye[1] + u[2] * eye[2]);
  v[14] = (float)(f[0] * eye[0] + f[1] * eye[1] + f[2] * eye[2]);
  double t = 1.0 / tan(FOVY / 2), n = 0.5, fa = 5000;
  float p[16] = {(float)(t * H / W), 0, 0, 0, 0, (float)t, 0, 0, 0, 0, (float)((fa + n) / (n - fa)), -1,
                 0, 0, (float)(2 * fa * n / (n - fa)), 0};
  memcpy(view, v, sizeof v);
  memcpy(proj, p, sizeof p);
}

/* screen column and row (bottom first) of world point q seen by the camera of camera()
   looking along +y with no pitch from eye */
static void to_px(const double eye[3], const double q[3], double *col, double *row) {
  double t = 1.0 / tan(FOVY / 2), d = q[1] - eye[1];
  *col = (t * H / W * (q[0] - eye[0]) / d * 0.5 + 0.5) * W;
  *row = (t * (q[2] - eye[2]) / d * 0.5 + 0.5) * H;
}

/* the ropes seen side on from distance dist (m): rows of the middle of their span in
   which a rope column (+-2 px) has no pixel differing from the sky-only picture by
   more than 6 levels; *gaps those rows summed over the two rope columns, *contrast
   the largest difference, *width the widest run of differing pixels in a mid row */
static void ropes(hh_renderer *r, const hh_model *m, const hh_data *d, const hh_rtarget *t,
                  GLuint tex, double dist, int *gaps, int *rows, int *contrast, int *width) {
  static unsigned char sky[W * H * 4], img[W * H * 4];
  hh_crane_pose p;
  hh_rscene_pose(m, d, &p);
  const hh_sts_params *s = &m->sts;
  double top = s->sheave_z, bot = p.spreader[2] + s->spreader_half[2] + 0.7;
  double eye[3] = {p.gx, p.ty - dist, 0.5 * (top + bot)};
  float view[16], proj[16];
  camera(eye, 0, 1, 0, view, proj);
  hh_render_layers(r, 0);
  hh_render_scene(r, m, d, view, proj, t);
  hh_rtarget_read(tex, sky);
  hh_render_layers(r, HH_LAYER_LOAD);
  hh_render_scene(r, m, d, view, proj, t);
  hh_rtarget_read(tex, img);
  *gaps = *rows = *contrast = *width = 0;
  for (int side = -1; side <= 1; side += 2) {
    /* the near rope of this side (y - spread): its top and bottom on screen */
    double qt[3] = {p.gx + side * s->rope_spread[0], p.ty - s->rope_spread[1], top};
    double qb[3] = {qt[0], qt[1], bot};
    double c0, r0, c1, r1;
    to_px(eye, qt, &c0, &r0);
    to_px(eye, qb, &c1, &r1);
    int y0 = (int)(r1 + 0.2 * (r0 - r1)), y1 = (int)(r1 + 0.8 * (r0 - r1));
    y0 = y0 < 0 ? 0 : y0, y1 = y1 > H - 1 ? H - 1 : y1;
    for (int y = y0; y <= y1; y++) {
      int x0 = (int)floor(c0) - 2, hit = 0, run = 0;
      (*rows)++;
      for (int x = x0; x <= x0 + 5 && x >= 0 && x < W; x++) {
        int dl = abs(luma(img, x, y) - luma(sky, x, y));
        hit |= dl > 6;
        run = dl > 6 ? run + 1 : 0;
        if (dl > *contrast) *contrast = dl;
        if (y == (y0 + y1) / 2 && run > *width) *width = run;
      }
      *gaps += !hit;
    }
  }
}

/* isolated bright pixels of the water in the lower two thirds of px: brighter than
   the median of their 5 x 5 neighbourhood by more than 24 levels; *n the pixels looked
   at, *hi the brightest luma */
static int sparkles(const unsigned char *px, int *n, int *hi) {
  int count = 0;
  *n = *hi = 0;
  for (int y = 2; y < 2 * H / 3; y++)
    for (int x = 2; x < W - 2; x++) {
      int v[25], k = 0, l = luma(px, x, y);
      for (int j = -2; j <= 2; j++)
        for (int i = -2; i <= 2; i++) v[k++] = luma(px, x + i, y + j);
      int below = 0;
      for (int i = 0; i < 25; i++) below += v[i] < l - 24;
      count += below > 12; /* more than half the neighbourhood is far darker */
      (*n)++;
      if (l > *hi) *hi = l;
    }
  return count;
}

/* mean luma of the rows [y0, y1) */
static double mean_rows(const unsigned char *px, int y0, int y1) {
  double s = 0;
  for (int y = y0; y < y1; y++)
    for (int x = 0; x < W; x++) s += luma(px, x, y);
  return s / ((double)(y1 - y0) * W);
}

/* the offshore sea: neighbouring patches share their corner heights (no steps) */
static void sea_joins(void) {
  static hh_model m;
  static hh_data d;
  hh_model_defaults(&m);
  m.machine = HH_MACHINE_OFFSHORE_CRANE;
  hh_sea_params *s = &m.marine.sea;
  s->n = 3;
  for (int k = 0; k < 3; k++) {
    s->amp[k] = 0.8 - 0.2 * k;
    s->k[k] = 0.05 + 0.04 * k;
    s->kx[k] = s->k[k] * cos(0.7 * k), s->ky[k] = s->k[k] * sin(0.7 * k);
    s->omega[k] = sqrt(9.81 * s->k[k]);
    s->phase[k] = k;
  }
  s->hs = 2.0;
  d.time_s = 3.0;
  hh_ibuf b = {0};
  hh_rscene_dynamic(&b, &m, &d, HH_LAYER_WORLD);
  int n = 0, steps = 0;
  double zmax = 0;
  while (n < b.n && b.v[n].mat[0] == (float)HH_MAT_SEA) n++;
  CHECK(n > 100); /* the patches come first (the renderer draws them as water) */
  for (int i = 0; i < n; i++) /* corner 1 (x+ y-) of a patch = corner 0 of its x+ neighbour */
    for (int j = 0; j < n; j++) {
      const float *a = b.v[i].model, *c = b.v[j].model;
      if (a[14] != c[14] || fabsf(a[13] - c[13]) > 1e-3f || fabsf(a[12] + 2 * a[14] - c[12]) > 1e-3f)
        continue;
      steps += a[1] != c[0] || a[3] != c[2] || a[5] != c[4] || a[9] != c[8];
      zmax = fmax(zmax, fabs(a[1] - s->level));
    }
  printf("sea: %d patches, %d joins with a step, |z| up to %.2f m\n", n, steps, zmax);
  CHECK(steps == 0);
  CHECK(zmax > 0.3); /* the surface does follow the waves */
  hh_ibuf_free(&b);
}

int main(void) {
  static hh_model m;
  static hh_data d;
  hh_model_defaults(&m);
  d.time_s = 2.0;
  hh_error err = {0};
  hh_window *win = hh_window_open(64, 64, 1, "test_render_look", &err);
  CHECK(win != NULL);
  hh_renderer *r = win ? hh_render_create(&m, &err) : NULL;
  CHECK(r != NULL);
  if (!r) {
    hh_error_print(&err, stderr);
    if (win) hh_window_close(win);
    return hh_test_done("render_look");
  }
  hh_render_msaa(r, 0);
  hh_render_aa(r, 0); /* what the rasteriser itself draws */
  hh_rtarget t;
  GLuint tex, ds;
  CHECK(hh_rtarget_make(&t, &tex, &ds, W, H, 0));

  /* far: a third of a pixel, yet one unbroken, faint line */
  int gaps, rows, contrast, width;
  ropes(r, &m, &d, &t, tex, 110.0, &gaps, &rows, &contrast, &width);
  printf("far ropes: %d of %d rows without a rope pixel, contrast %d\n", gaps, rows, contrast);
  CHECK(rows > 40);
  CHECK(gaps == 0);
  int far_contrast = contrast;
  /* near: real width (0.08 m at 8 m: 2.6 px), full strength */
  ropes(r, &m, &d, &t, tex, 8.0, &gaps, &rows, &contrast, &width);
  printf("near ropes: %d of %d rows without a rope pixel, contrast %d, width %d px\n", gaps,
         rows, contrast, width);
  CHECK(gaps == 0);
  CHECK(width >= 2 && width <= 5);
  CHECK(far_contrast < contrast * 3 / 4); /* the far one is faded by its coverage */

  /* calm water from 150 m up, looking towards the sun: no sparkle */
  static hh_model w;
  hh_model_defaults(&w);
  hh_box *o = &w.box[w.n_boxes++];
  snprintf(o->name, sizeof o->name, "harbour");
  o->role = HH_ROLE_WATER;
  o->half[0] = o->half[1] = 3000, o->half[2] = 0.5;
  o->pos[2] = -0.5;
  hh_renderer *rw = hh_render_create(&w, &err);
  CHECK(rw != NULL);
  if (rw) {
    static unsigned char px[W * H * 4];
    hh_render_msaa(rw, 0);
    hh_render_aa(rw, 0);
    hh_render_layers(rw, HH_LAYER_WORLD);
    double sx = 0.42, sy = -0.38, sl = sqrt(sx * sx + sy * sy); /* the sun's azimuth */
    double eye[3] = {0, 0, 150};
    float view[16], proj[16];
    for (int k = 0; k < 3; k++) { /* three moments of the moving ripples */
      static hh_data dw;
      dw.time_s = 1.0 + 2.3 * k;
      camera(eye, sx / sl, sy / sl, 0.96, view, proj); /* the sun's mirror point mid-image */
      hh_render_scene(rw, &w, &dw, view, proj, &t);
      hh_rtarget_read(tex, px);
      int n, hi, sp = sparkles(px, &n, &hi);
      double towards = mean_rows(px, H / 3, 2 * H / 3);
      camera(eye, -sx / sl, -sy / sl, 0.96, view, proj);
      hh_render_scene(rw, &w, &dw, view, proj, &t);
      static unsigned char away[W * H * 4];
      hh_rtarget_read(tex, away);
      double aw = mean_rows(away, H / 3, 2 * H / 3);
      printf("water t=%.1f: %d of %d pixels sparkle, brightest %d, mean towards the sun %.1f, "
             "away %.1f\n", dw.time_s, sp, n, hi, towards, aw);
      CHECK(towards > aw + 5); /* the glitter path */
      CHECK(sp * 200 <= n);
    }
    hh_render_destroy(rw);
  }
  sea_joins();

  hh_rtarget_free(&t, tex, ds);
  hh_render_destroy(r);
  hh_window_close(win);
  return hh_test_done("render_look");
}
