/* test_render_cache.c - what the renderer reuses or merges still follows its input
 * (engine/render/hh_rcnc.c, hh_render.c, hh_rshadow.c):
 * - the mill's stock Z-map, drawn as merged boxes, covers exactly the sampled height
 *   map: each column under exactly one stock box whose top is the column's height and
 *   whose colour says cut or uncut, empty columns under none; after the stock changes
 *   (a pocket, a through hole, revision bumped) the boxes follow it, and the merge
 *   draws far fewer boxes than columns;
 * - the lathe's part, runs of equal slices drawn as one bar, has at each slice the
 *   slice's radius, before and after a groove is turned;
 * - the sun's depth maps with the static casters kept between frames (headless GL):
 *   equal to a fresh renderer's maps of the same frame when only the crane moved (the
 *   static maps reused) and when the camera moved so the fit changed (redrawn); a
 *   stale static map fails the comparison. */
#include "hh_test.h"
#include "render/hh_render.h"
#include "render/hh_render_int.h"
#include "platform/hh_platform.h"
#include "machines/cnc/hh_cnc.h"
#include "script/hh_script.h"
#include <glad/gl.h>
#include <cglm/cglm.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLS 96     /* as hh_rcnc.c samples the Z-map */
#define MAX_SLICES 240  /* and the lathe profile */

/* the stock's colours in hh_rcnc.c: uncut (WORK) and cut (CUT) */
static const float WORK[3] = {0.86f, 0.76f, 0.52f}, CUT[3] = {0.96f, 0.95f, 0.90f};

/* 1 when instance colour c is rgb */
static int is_rgb(const float c[4], const float rgb[3]) {
  return c[0] == rgb[0] && c[1] == rgb[1] && c[2] == rgb[2];
}

/* 1 when the instance is part of the work (stock or turned part) */
static int is_work(const hh_inst *in) { return is_rgb(in->rgba, WORK) || is_rgb(in->rgba, CUT); }

/* the mill's stock boxes cover the sampled height map exactly; returns the box count */
static int check_zmap(const hh_model *m, const hh_data *d, const char *when) {
  const hh_cnc_model *k = &m->cnc;
  const hh_cnc_state *s = &d->cnc;
  hh_ibuf b = {0};
  hh_rcnc_dynamic(&b, m, d, HH_LAYER_ALL);
  int n = 0;
  double lo[3] = {1e9, 1e9, 1e9};
  for (int i = 0; i < b.n; i++) {
    if (!is_work(&b.v[i])) continue;
    n++;
    const float *mm = b.v[i].model;
    for (int a = 0; a < 3; a++) lo[a] = fmin(lo[a], mm[12 + a] - mm[5 * a]);
  }
  /* the world offset of the machine frame: the first column is never empty here */
  double ofs[3];
  for (int a = 0; a < 3; a++) ofs[a] = lo[a] - k->stock_min[a];
  int sx = (s->nx + MAX_COLS - 1) / MAX_COLS, sy = (s->ny + MAX_COLS - 1) / MAX_COLS;
  int bad = 0, cols = 0;
  double top = k->stock_max[2] - k->stock_min[2];
  for (int j = 0; j < s->ny; j += sy)
    for (int i = 0; i < s->nx; i += sx) {
      int ci = i + sx / 2 < s->nx ? i + sx / 2 : s->nx - 1;
      int cj = j + sy / 2 < s->ny ? j + sy / 2 : s->ny - 1;
      double h = s->height[(size_t)cj * (size_t)s->nx + (size_t)ci];
      int i1 = i + sx < s->nx ? i + sx : s->nx, j1 = j + sy < s->ny ? j + sy : s->ny;
      double x = k->stock_min[0] + 0.5 * (i + i1) * k->res + ofs[0];
      double y = k->stock_min[1] + 0.5 * (j + j1) * k->res + ofs[1];
      int over = 0, ok = 1;
      for (int q = 0; q < b.n; q++) {
        const float *mm = b.v[q].model;
        if (!is_work(&b.v[q]) || fabs(x - mm[12]) >= mm[0] || fabs(y - mm[13]) >= mm[5])
          continue;
        over++;
        ok = ok && fabs(mm[14] + mm[10] - (k->stock_min[2] + ofs[2] + h)) < 2e-5 &&
             is_rgb(b.v[q].rgba, h < top - 1e-6 ? CUT : WORK);
      }
      cols += h > 1e-6;
      if (over != (h > 1e-6) || !ok) {
        if (bad++ < 5)
          fprintf(stderr, "%s: column (%d, %d) height %.6f: %d boxes over it%s\n", when, i, j,
                  h, over, ok ? "" : ", wrong top or colour");
      }
    }
  CHECK(bad == 0);
  CHECK(n > 0 && n * 8 < cols); /* the merge draws far fewer boxes than columns */
  printf("%s: %d columns drawn as %d boxes\n", when, cols, n);
  hh_ibuf_free(&b);
  return n;
}

/* the lathe's part has at each sampled slice that slice's radius */
static void check_part(const hh_model *m, const hh_data *d, const char *when) {
  const hh_cnc_model *k = &m->cnc;
  const hh_cnc_state *s = &d->cnc;
  hh_ibuf b = {0};
  hh_rcnc_dynamic(&b, m, d, HH_LAYER_ALL);
  int step = (s->nz + MAX_SLICES - 1) / MAX_SLICES, bad = 0, n = 0, slices = 0;
  for (int q = 0; q < b.n; q++) n += is_work(&b.v[q]);
  for (int i = 0; i < s->nz; i += step, slices++) {
    int e = i + step < s->nz ? i + step : s->nz;
    double r = s->radius[i + (e - i) / 2];
    double x = k->stock_min[2] + 0.5 * (i + e) * k->res; /* world x = machine z */
    int over = 0, ok = 1;
    for (int q = 0; q < b.n; q++) {
      const float *mm = b.v[q].model;
      if (!is_work(&b.v[q]) || fabs(x - mm[12]) >= mm[0]) continue;
      over++;
      /* a dodecagon of three squares: each square's half side is 0.966 r */
      double half = sqrt(mm[4] * mm[4] + mm[5] * mm[5] + mm[6] * mm[6]);
      ok = ok && fabs(half - 0.966 * r) < 1e-6;
    }
    if ((r > 1e-5 && over != 3) || !ok) {
      if (bad++ < 5)
        fprintf(stderr, "%s: slice %d radius %.6f: %d bars over it%s\n", when, i, r, over,
                ok ? "" : ", wrong radius");
    }
  }
  CHECK(bad == 0);
  CHECK(n > 0 && n < 3 * slices / 4); /* runs of equal slices are merged */
  printf("%s: %d slices drawn as %d boxes\n", when, slices, n);
  hh_ibuf_free(&b);
}

/* the CNC cases: the exam stock as loaded, then changed */
static void cnc_cases(void) {
  hh_error err;
  memset(&err, 0, sizeof err);
  hh_model *m = calloc(1, sizeof *m);
  CHECK(hh_script_load(HH_SOURCE_DIR "/scenarios/cnc/mill_exam_plate.lua", m, &err) == HH_OK);
  hh_data *d = hh_data_make(m, &err);
  CHECK(d && d->cnc.height && d->cnc.nx > 100 && d->cnc.ny > 100);
  if (d && d->cnc.height) {
    hh_cnc_state *s = &d->cnc;
    int n0 = check_zmap(m, d, "mill, uncut");
    /* a stepped pocket, a through hole and a single deeper column */
    double top = m->cnc.stock_max[2] - m->cnc.stock_min[2];
    for (int j = s->ny / 4; j < s->ny / 2; j++)
      for (int i = s->nx / 3; i < 2 * s->nx / 3; i++)
        s->height[(size_t)j * (size_t)s->nx + (size_t)i] =
            (float)(top * (i < s->nx / 2 ? 0.5 : 0.7));
    for (int j = 2 * s->ny / 3; j < 3 * s->ny / 4; j++)
      for (int i = 2 * s->nx / 3; i < 3 * s->nx / 4; i++)
        s->height[(size_t)j * (size_t)s->nx + (size_t)i] = 0.0f;
    int sx = (s->nx + MAX_COLS - 1) / MAX_COLS; /* one sampled column a little lower */
    for (int j = 0; j < s->ny; j++)
      for (int i = 60 * sx; i < 61 * sx && i < s->nx; i++)
        s->height[(size_t)j * (size_t)s->nx + (size_t)i] *= 0.9f;
    s->stock_rev++;
    int n1 = check_zmap(m, d, "mill, pocket and hole");
    CHECK(n1 != n0);
  }
  hh_data_free(d);
  memset(&err, 0, sizeof err);
  memset(m, 0, sizeof *m);
  CHECK(hh_script_load(HH_SOURCE_DIR "/scenarios/cnc/lathe_exam_shaft.lua", m, &err) == HH_OK);
  d = hh_data_make(m, &err);
  CHECK(d && d->cnc.radius && d->cnc.nz > MAX_SLICES);
  if (d && d->cnc.radius) {
    check_part(m, d, "lathe, bar");
    hh_cnc_state *s = &d->cnc;
    for (int i = s->nz / 5; i < s->nz / 3; i++) s->radius[i] *= 0.8;         /* a step */
    for (int i = s->nz / 2; i < s->nz / 2 + s->nz / 40; i++) s->radius[i] *= 0.6; /* a groove */
    s->stock_rev++;
    check_part(m, d, "lathe, turned");
  }
  hh_data_free(d);
  free(m);
}

/* the sun's depth maps of renderer r (2 size x size floats) into out */
static void read_shadow(hh_renderer *r, float *out) {
  glBindTexture(GL_TEXTURE_2D, r->shadow.tex);
  glPixelStorei(GL_PACK_ALIGNMENT, 4);
  glGetTexImage(GL_TEXTURE_2D, 0, GL_DEPTH_COMPONENT, GL_FLOAT, out);
  glBindTexture(GL_TEXTURE_2D, 0);
}

/* a camera at eye looking at c (z up), 60 degrees, 16:9 */
static void camera(const float eye[3], const float c[3], float view[16], float proj[16]) {
  mat4 v, p;
  vec3 up = {0, 0, 1};
  glm_lookat((float *)eye, (float *)c, up, v);
  glm_perspective(glm_rad(60.0f), 16.0f / 9.0f, 0.5f, 2000.0f, p);
  memcpy(view, v, sizeof v);
  memcpy(proj, p, sizeof p);
}

/* draw one frame of d with camera (eye, c) in r and a fresh renderer; their depth maps
   must be equal; returns 1 when they are */
static int same_maps(hh_renderer *r, const hh_model *m, const hh_data *d, const float eye[3],
                     const float c[3], float *a, float *b, size_t n) {
  hh_rtarget t = {0, 64, 36};
  float view[16], proj[16];
  camera(eye, c, view, proj);
  hh_render_scene(r, m, d, view, proj, &t);
  read_shadow(r, a);
  hh_error err;
  memset(&err, 0, sizeof err);
  hh_renderer *f = hh_render_create(m, &err);
  CHECK(f != NULL);
  if (!f) return 0;
  hh_render_scene(f, m, d, view, proj, &t);
  read_shadow(f, b);
  hh_render_destroy(f);
  size_t diff = 0;
  for (size_t i = 0; i < n; i++) diff += a[i] != b[i];
  if (diff) fprintf(stderr, "shadow maps differ in %zu of %zu texels\n", diff, n);
  return diff == 0;
}

/* the static casters' depth maps follow the fit and never go stale */
static void shadow_cases(void) {
  hh_error err;
  memset(&err, 0, sizeof err);
  hh_window *w = hh_window_open(64, 36, 1, "test_render_cache", &err);
  CHECK(w != NULL);
  if (!w) return;
  hh_model *m = calloc(1, sizeof *m);
  CHECK(hh_script_load(HH_SOURCE_DIR "/scenarios/port/sts_first_lift.lua", m, &err) == HH_OK);
  hh_data *d = hh_data_make(m, &err);
  hh_renderer *r = d ? hh_render_create(m, &err) : NULL;
  CHECK(r != NULL);
  if (r) {
    size_t n = 2 * (size_t)r->shadow.size * (size_t)r->shadow.size;
    float *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    CHECK(a && b);
    const float e1[3] = {-40, -70, 45}, c1[3] = {0, -5, 10};
    const float e2[3] = {120, 80, 60}, c2[3] = {60, 40, 0};
    if (a && b) {
      CHECK(same_maps(r, m, d, e1, c1, a, b, n));
      long drawn = r->shadow.st_draws;
      CHECK(drawn == 1);
      d->trolley.pos += 12.0; /* the crane moves: the moving casters redrawn only */
      d->gantry.pos += 5.0;
      CHECK(same_maps(r, m, d, e1, c1, a, b, n));
      CHECK(r->shadow.st_draws == drawn);
      /* the camera moves elsewhere: a new fit, the static maps drawn again */
      CHECK(same_maps(r, m, d, e2, c2, a, b, n));
      CHECK(r->shadow.st_draws == drawn + 1);
      /* and back: the first fit again, not the second's maps */
      CHECK(same_maps(r, m, d, e1, c1, a, b, n));
      CHECK(r->shadow.st_draws == drawn + 2);
      /* the world layer off and on: no static casters, then them again */
      unsigned old = hh_render_layers(r, HH_LAYER_ALL & ~HH_LAYER_WORLD);
      hh_rtarget t = {0, 64, 36};
      float view[16], proj[16];
      camera(e1, c1, view, proj);
      hh_render_scene(r, m, d, view, proj, &t);
      hh_render_layers(r, old);
      d->hoist.pos += 3.0;
      CHECK(same_maps(r, m, d, e1, c1, a, b, n));
    }
    free(a);
    free(b);
    hh_render_destroy(r);
  }
  hh_data_free(d);
  free(m);
  hh_window_close(w);
}

int main(void) {
  cnc_cases();
  shadow_cases();
  return hh_test_done("render_cache");
}
