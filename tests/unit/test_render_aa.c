/* test_render_aa.c - the post-process anti-aliasing pass (hh_rpost.c, post_aa.frag),
 * headless (SDL offscreen, EGL) into an offscreen target. A bright slab yawed 0.5 rad
 * on a dark quay, seen from straight above through an orthographic camera, gives one
 * long hard diagonal edge. Checked: without the pass the edge has (almost) no
 * in-between shades, with it (the default without MSAA) most rows of the edge have
 * some; text drawn over the picture afterwards (the HUD's way) is bit-identical with
 * and without the pass (the HUD is never filtered, flat areas pass through unchanged,
 * sRGB-encoded values untouched); with MSAA the pass is not used unless forced
 * (HH_AA=1 / hh_render_aa); the stats count its pass, draw and target bytes; targets
 * of other sizes (resize) work; HH_AA=0 turns it off at create.
 * HH_RENDER_BENCH=1 also prints ms per frame of the STS scene at 1280x720 with the
 * pass off and on (informational: no assertion on time). */
#define _POSIX_C_SOURCE 200809L
#include "hh_test.h"
#include "render/hh_render_int.h"
#include "platform/hh_platform.h"
#include "script/hh_script.h"
#include <glad/gl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { W = 256, H = 192 };

/* append a box to the model */
static void box(hh_model *m, hh_box_role role, double x, double y, double z, double hx,
                double hy, double hz, double yaw, float g) {
  hh_box *o = &m->box[m->n_boxes++];
  snprintf(o->name, sizeof o->name, "b%d", m->n_boxes);
  o->role = role;
  o->pos[0] = x, o->pos[1] = y, o->pos[2] = z;
  o->half[0] = hx, o->half[1] = hy, o->half[2] = hz;
  o->yaw = yaw;
  o->rgba[0] = o->rgba[1] = o->rgba[2] = g, o->rgba[3] = 1;
}

/* straight down on the origin from 60 m, 40 m x 30 m in view (orthographic) */
static void top_view(float view[16], float proj[16]) {
  static const float v[16] = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, -60, 1};
  const float n = 1, f = 200, hx = 20, hy = 15;
  float p[16] = {1 / hx, 0, 0, 0, 0, 1 / hy, 0, 0, 0, 0, -2 / (f - n), 0, 0, 0, -(f + n) / (f - n), 1};
  memcpy(view, v, sizeof v);
  memcpy(proj, p, sizeof p);
}

/* draw the scene into t, then (the HUD's way, after the scene) a line of text at the
   top left when text is set; the stats in st */
static void draw(hh_renderer *r, const hh_model *m, const hh_data *d, const hh_rtarget *t,
                 int text, hh_render_stats *st) {
  float view[16], proj[16];
  top_view(view, proj);
  hh_render_scene(r, m, d, view, proj, t);
  hh_render_get_stats(r, st);
  static const float white[4] = {1, 1, 1, 1};
  if (text) hh_render_text(r, t, 6, 20, 14, "HUD text 0123", white);
}

/* luma (0..255) of pixel (x, y) of a w-wide RGBA image */
static int luma(const unsigned char *px, int w, int x, int y) {
  const unsigned char *p = px + ((size_t)y * w + x) * 4;
  return (299 * p[0] + 587 * p[1] + 114 * p[2]) / 1000;
}

/* rows (of the middle half) whose run across the edge has a pixel clearly between the
   dark and bright sides; *rows the rows that cross the edge */
static int soft_rows(const unsigned char *px, int *rows) {
  int soft = 0, n = 0;
  for (int y = H / 4; y < 3 * H / 4; y++) {
    int lo = 255, hi = 0;
    for (int x = W / 8; x < 7 * W / 8; x++) {
      int l = luma(px, W, x, y);
      lo = l < lo ? l : lo;
      hi = l > hi ? l : hi;
    }
    if (hi - lo < 60) continue; /* this row misses the slab's edge */
    n++;
    int mid = 0;
    for (int x = W / 8; x < 7 * W / 8; x++) {
      int l = luma(px, W, x, y);
      if (l > lo + (hi - lo) / 6 && l < hi - (hi - lo) / 6) mid++;
    }
    soft += mid > 0;
  }
  *rows = n;
  return soft;
}

/* pixels of the text box (top left: on the dark quay, clear of the slab) that differ
   between a and b */
static int text_diff(const unsigned char *a, const unsigned char *b) {
  int n = 0;
  for (int y = H - 28; y < H; y++)
    for (int x = 0; x < 110; x++)
      n += memcmp(a + ((size_t)y * W + x) * 4, b + ((size_t)y * W + x) * 4, 3) != 0;
  return n;
}

/* a clock in ms */
static double now_ms(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

/* ms per frame of the STS scene at 1280x720 with the pass off and on (informational) */
static void bench(hh_renderer *r, const hh_model *m, const hh_data *d) {
  hh_rtarget t;
  GLuint tex, ds;
  if (!hh_rtarget_make(&t, &tex, &ds, 1280, 720, 0)) return;
  hh_camera cam = {.mode = HH_CAM_ORBIT};
  float view[16], proj[16];
  hh_camera_matrices(&cam, m, d, 1280.0f / 720.0f, view, proj);
  const char *fs = getenv("HH_BENCH_FRAMES");
  int frames = fs && atoi(fs) > 0 ? atoi(fs) : 30;
  hh_render_msaa(r, 0);
  for (int round = 0; round < 3; round++)
    for (int aa = 0; aa < 2; aa++) {
      hh_render_aa(r, aa);
      hh_render_scene(r, m, d, view, proj, &t);
      glFinish();
      double w0 = now_ms(CLOCK_MONOTONIC), c0 = now_ms(CLOCK_PROCESS_CPUTIME_ID);
      for (int i = 0; i < frames; i++) hh_render_scene(r, m, d, view, proj, &t);
      glFinish();
      double w = (now_ms(CLOCK_MONOTONIC) - w0) / frames;
      double c = (now_ms(CLOCK_PROCESS_CPUTIME_ID) - c0) / frames;
      printf("bench: STS 1280x720, post AA %s: %.2f ms/frame, %.2f CPU ms/frame\n",
             aa ? "on " : "off", w, c);
    }
  hh_rtarget_free(&t, tex, ds);
}

int main(void) {
  static hh_model m;
  static hh_data d;
  hh_model_defaults(&m);
  box(&m, HH_ROLE_GROUND, 0, 0, -1, 80, 80, 1, 0, 0.03f);           /* dark quay */
  box(&m, HH_ROLE_VISUAL, 0, 0, 0.02, 40, 8, 0.02, 0.5, 0.9f);       /* bright slab */
  d.time_s = 1.0;
  hh_error err = {0};
  hh_window *win = hh_window_open(64, 64, 1, "test_render_aa", &err);
  CHECK(win != NULL);
  hh_renderer *r = win ? hh_render_create(&m, &err) : NULL;
  CHECK(r != NULL);
  if (!r) {
    hh_error_print(&err, stderr);
    if (win) hh_window_close(win);
    return hh_test_done("render_aa");
  }
  hh_render_layers(r, HH_LAYER_WORLD); /* only the boxes: no crane in the picture */
  hh_render_msaa(r, 0);
  hh_rtarget t;
  GLuint tex, ds;
  CHECK(hh_rtarget_make(&t, &tex, &ds, W, H, 0));
  static unsigned char off[W * H * 4], on[W * H * 4], off_t[W * H * 4], on_t[W * H * 4],
      ms[W * H * 4];
  hh_render_stats st;
  const long long px = (long long)W * H;

  /* the pass off: a hard edge, the scene straight into the target (drawn twice: the
     second frame reuses the shadow map, as every frame after it) */
  CHECK(hh_render_aa(r, 0) == -1); /* the default: auto */
  draw(r, &m, &d, &t, 0, &st);
  CHECK(st.passes == 2 && st.draw_calls == 4); /* shadow map (2 cascades), boxes, sky */
  draw(r, &m, &d, &t, 0, &st);
  hh_rtarget_read(tex, off);
  CHECK(st.aa == 0 && st.msaa == 0);
  int passes_off = st.passes, draws_off = st.draw_calls;
  long long bytes_off = st.target_bytes;
  int rows = 0, soft_off = soft_rows(off, &rows);
  printf("off: %d of %d edge rows soft, %d passes, %d draws, %lld bytes\n", soft_off, rows,
         st.passes, st.draw_calls, st.target_bytes);
  CHECK(rows > H / 3);
  CHECK(soft_off * 10 <= rows); /* aliased: at most a few rows have an in-between shade */

  /* the default without MSAA: the pass runs, the edge gets in-between shades */
  hh_render_aa(r, -1);
  draw(r, &m, &d, &t, 0, &st);
  hh_rtarget_read(tex, on);
  int soft_on = soft_rows(on, &rows);
  printf("on: %d of %d edge rows soft, %d passes, %d draws, %lld bytes\n", soft_on, rows,
         st.passes, st.draw_calls, st.target_bytes);
  CHECK(st.aa == 1 && st.msaa == 0);
  CHECK(soft_on * 10 >= rows * 7);
  /* one more pass and draw; the scene goes to the RGBA8 texture, the pass writes the
     target (the shadow map held from the frame before: same casters and fit) */
  CHECK(passes_off == 1 && draws_off == 2 && bytes_off == px * 8);
  CHECK(st.passes == 2 && st.draw_calls == 3);
  CHECK(st.target_bytes == px * 8 + px * 4); /* scene colour + depth, then the target */
  CHECK(r->post.w == W && r->post.h == H);
  /* the flat parts are untouched: away from the edge the pictures agree exactly */
  int far_same = 1;
  for (int y = 0; y < 8; y++)
    for (int x = 0; x < 8; x++)
      far_same &= !memcmp(on + ((size_t)y * W + x) * 4, off + ((size_t)y * W + x) * 4, 3);
  CHECK(far_same);

  /* text drawn after the scene (the HUD) is not filtered: identical with and without */
  hh_render_aa(r, 0);
  draw(r, &m, &d, &t, 1, &st);
  hh_rtarget_read(tex, off_t);
  hh_render_aa(r, -1);
  draw(r, &m, &d, &t, 1, &st);
  hh_rtarget_read(tex, on_t);
  int text_px = text_diff(off_t, off), blur = text_diff(on_t, off_t);
  printf("text: %d pixels of text, %d differ with the pass\n", text_px, blur);
  if (r->font) CHECK(text_px > 50);
  CHECK(blur == 0);

  /* with MSAA the pass is not used, unless forced */
  GLint maxs = 0;
  glGetIntegerv(GL_MAX_SAMPLES, &maxs);
  if (maxs >= 4) {
    hh_render_msaa(r, 4);
    draw(r, &m, &d, &t, 0, &st);
    hh_rtarget_read(tex, ms);
    int soft_ms = soft_rows(ms, &rows);
    printf("MSAA 4x: aa %d, %d passes, %d of %d edge rows soft\n", st.aa, st.passes, soft_ms, rows);
    CHECK(st.msaa == 4 && st.aa == 0);
    CHECK(st.passes == 2); /* scene + resolve (the map held) */
    hh_render_aa(r, 1);
    draw(r, &m, &d, &t, 0, &st);
    CHECK(st.msaa == 4 && st.aa == 1 && st.passes == 3);
    hh_render_aa(r, -1);
    hh_render_msaa(r, 0);
  }
  CHECK(glGetError() == GL_NO_ERROR);

  /* other sizes: the scene texture follows the target; a stereo pair of two */
  hh_rtarget t2[2];
  GLuint tex2[2], ds2[2];
  CHECK(hh_rtarget_make(&t2[0], &tex2[0], &ds2[0], 100, 60, 0) && hh_rtarget_make(&t2[1], &tex2[1], &ds2[1], 100, 60, 0));
  float view[2][16], proj[2][16];
  top_view(view[0], proj[0]);
  top_view(view[1], proj[1]);
  hh_render_scene_views(r, &m, &d, 2, (const float (*)[16])view, (const float (*)[16])proj, t2);
  hh_render_get_stats(r, &st);
  CHECK(st.aa == 2 && r->post.w == 100 && r->post.h == 60);
  draw(r, &m, &d, &t, 0, &st);
  hh_rtarget_read(tex, on_t);
  CHECK(r->post.w == W && r->post.h == H);
  CHECK(memcmp(on_t, on, sizeof on) == 0); /* the same picture after the resize */
  for (int e = 0; e < 2; e++) hh_rtarget_free(&t2[e], tex2[e], ds2[e]);
  CHECK(glGetError() == GL_NO_ERROR);
  hh_render_destroy(r);

  /* HH_AA=0 at create: off */
  setenv("HH_AA", "0", 1);
  r = hh_render_create(&m, &err);
  unsetenv("HH_AA");
  CHECK(r != NULL);
  if (r) {
    hh_render_layers(r, HH_LAYER_WORLD);
    hh_render_msaa(r, 0);
    draw(r, &m, &d, &t, 0, &st);
    CHECK(st.aa == 0);
    hh_render_destroy(r);
  }
  hh_rtarget_free(&t, tex, ds);

  const char *b = getenv("HH_RENDER_BENCH");
  if (b && *b == '1') {
    static hh_model sts;
    char path[512];
    snprintf(path, sizeof path, "%s/scenarios/port/sts_first_lift.lua", HH_SOURCE_DIR);
    hh_data *sd = hh_script_load(path, &sts, &err) == HH_OK ? hh_data_make(&sts, &err) : NULL;
    hh_renderer *br = sd ? hh_render_create(&sts, &err) : NULL;
    if (br) bench(br, &sts, sd);
    hh_render_destroy(br);
    hh_data_free(sd);
  }
  hh_window_close(win);
  return hh_test_done("render_aa");
}
