/* hh_bench_render.c - `haihe bench --render`: milliseconds per frame of every scenario
 * at 1280x720, each drawn as `haihe run` draws a desktop frame (scene + HUD, with the
 * CNC key pad and drawing sheet), and of a stereo pair at 2 x 1832x1920 drawn as a VR
 * frame draws it (hh_xr_draw_pair: two offscreen targets, the cab eye, the CNC pad).
 * For the STS scene also: the stereo pair with 4x MSAA, the pair plus the desktop
 * mirror (the left eye copied and blitted into the 1280x720 window with the HUD, as
 * `run --xr` does every frame) against the plain pair, and a yard of 5000 containers.
 * Each row gives draw calls and boxes. Headless through SDL's offscreen driver (EGL):
 * llvmpipe here, the GPU's driver where there is one. Each frame ends with one
 * glFinish, so the time is the GPU's. A measurement, not a test: prints, exits 0. */
#define _POSIX_C_SOURCE 200809L
#include "hh_bench_render.h"
#include "../core/hh_i18n.h"
#include "../platform/hh_platform.h"
#include "../render/hh_rcnc_keys.h"
#include "../xr/hh_xr.h"
#include <glad/gl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EYE_W 1832
#define EYE_H 1920
#define DESK_W 1280
#define DESK_H 720
#define YARD_BOXES 5000

/* the scenarios after the STS scene, each with a desktop row and a stereo row */
static const char *const k_more[] = {"cnc/lathe_exam_shaft", "cnc/mill_exam_plate",
                                     "marine/offshore_lift", "marine/berthing"};

/* a clock (s): CLOCK_MONOTONIC wall time or CLOCK_PROCESS_CPUTIME_ID (all threads) */
static double clock_s(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* What one case draws each frame. */
typedef enum bench_kind {
  BK_DESK = 0,   /* one desktop frame, as `haihe run` draws it */
  BK_PAIR,       /* a stereo pair, as a VR frame draws it */
  BK_MIRROR      /* a stereo pair plus the desktop mirror with the HUD, as `run --xr` */
} bench_kind;

/* Everything a case draws with. */
typedef struct bench_ctx {
  hh_renderer *r;
  const hh_bench_scene *s;
  hh_rtarget desk;            /* the window's framebuffer, DESK_W x DESK_H */
  hh_rtarget eyes[2];         /* the two eye targets, EYE_W x EYE_H */
  hh_xr_mirror_img mirror;    /* the desktop mirror's copy of the left eye */
} bench_ctx;

/* One case's result. */
typedef struct bench_case {
  double ms;          /* mean wall time per frame, GPU work finished (ms) */
  double cpu_ms;      /* mean CPU time per frame, all threads (llvmpipe's cost) (ms) */
  hh_render_stats st; /* of the last frame */
  int frames;         /* frames timed */
} bench_case;

/* the two eyes' matrices of a seated operator looking ahead from the cab chair, 64 mm
   between the eyes, a headset's asymmetric field of view */
static void pair_matrices(const hh_model *m, const hh_data *v, float view[2][16],
                          float seat[2][16], float proj[2][16]) {
  static const float q[4] = {0, 0, 0, 1};
  static const float fov[2][4] = {{-0.82f, 0.76f, 0.80f, -0.86f}, {-0.76f, 0.82f, 0.80f, -0.86f}};
  float cab[3];
  hh_xr_cab_eye(m, v, cab);
  for (int e = 0; e < 2; e++) {
    float p[3] = {e ? 0.032f : -0.032f, 0.0f, 0.0f};
    hh_xr_pair_eye(cab, NULL, p, q, fov[e], view[e], seat[e], proj[e]);
  }
}

/* draw one frame of kind k of v */
static void draw_frame(bench_ctx *c, bench_kind k, const hh_data *v) {
  const hh_model *m = c->s->m;
  if (k == BK_DESK) {
    hh_camera cam = {.mode = HH_CAM_ORBIT}; /* `haihe run`'s default camera */
    hh_cli_draw_frame(c->r, m, v, &cam, &c->desk);
    return;
  }
  float view[2][16], seat[2][16], proj[2][16];
  pair_matrices(m, v, view, seat, proj);
  int pad = 0; /* the CNC pad is drawn once per frame, nothing hovered */
  if (m->machine == HH_MACHINE_CNC_MILL || m->machine == HH_MACHINE_CNC_LATHE)
    pad = hh_rcnc_vrpad_update(c->r, 0, -1.0f, -1.0f, 0);
  hh_xr_draw_pair(c->r, m, v, (const float (*)[16])view, (const float (*)[16])seat,
                  (const float (*)[16])proj, c->eyes, pad, k == BK_MIRROR ? &c->mirror : NULL,
                  GL_RGBA8);
  if (k == BK_MIRROR && hh_xr_mirror_blit(&c->mirror, &c->desk)) /* as loop_xr does */
    hh_render_hud(c->r, m, v, &c->desk);
}

/* draw n frames of each of the n_kinds kinds k[], taking turns frame by frame (an A/B
   under the same load); each frame falls at a different point between the scene's
   last two ticks, so the machine moves and the shadow map is redrawn every frame */
static void run_cases(bench_ctx *c, const bench_kind *k, int n_kinds, int frames,
                      bench_case *out) {
  for (int i = 0; i < n_kinds; i++) out[i] = (bench_case){.frames = frames};
  for (int f = -2; f < frames; f++) { /* two warm-up frames (shader JIT, uploads) */
    for (int i = 0; i < n_kinds; i++) { /* every frame at its own point: nothing cached */
      int at = ((f + 2) * n_kinds + i) % 50;
      const hh_data *v = hh_render_blend(c->r, &c->s->prev, c->s->d, (float)at / 50.0f);
      glFinish();
      double t0 = clock_s(CLOCK_MONOTONIC), c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
      draw_frame(c, k[i], v);
      glFinish(); /* the GPU's work of this frame done: the time counts it */
      if (f < 0) continue;
      out[i].ms += 1000.0 * (clock_s(CLOCK_MONOTONIC) - t0) / frames;
      out[i].cpu_ms += 1000.0 * (clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0) / frames;
      hh_render_get_stats(c->r, &out[i].st);
    }
  }
}

/* draw n frames of kind k */
static void run_case(bench_ctx *c, bench_kind k, int frames, bench_case *out) {
  run_cases(c, &k, 1, frames > 0 ? frames : 1, out);
}

/* print one case */
static void print_case(const char *label, const bench_case *c) {
  printf(hh_tr("%-44s %8.2f ms/frame %7.1f fps %8.2f CPU ms/frame %3d draw calls %5d boxes "
               "%3d frames\n"),
         label, c->ms, c->ms > 0 ? 1000.0 / c->ms : 0.0, c->cpu_ms, c->st.draw_calls,
         c->st.instances, c->frames);
}

/* print one stereo case: its MSAA, passes, render-target bytes and time against base */
static void print_stereo(const bench_case *c, const bench_case *base) {
  char label[96];
  if (c->st.msaa)
    snprintf(label, sizeof label, hh_tr("stereo pair 2x%dx%d, MSAA %dx"), EYE_W, EYE_H, c->st.msaa);
  else
    snprintf(label, sizeof label, hh_tr("stereo pair 2x%dx%d, MSAA off"), EYE_W, EYE_H);
  printf(hh_tr("%-44s %8.2f ms/frame %5.2fx %8.2f CPU ms/frame %5d draw calls %3d passes "
               "%8.1f MiB render targets\n"),
         label, c->ms, base->ms > 0 ? c->ms / base->ms : 0.0, c->cpu_ms, c->st.draw_calls,
         c->st.passes, (double)c->st.target_bytes / (1024.0 * 1024.0));
}

/* print the mirror case against the plain pair it adds to */
static void print_mirror(const bench_case *c, const bench_case *pair) {
  char label[96];
  snprintf(label, sizeof label, hh_tr("stereo pair + desktop mirror %dx%d"), DESK_W, DESK_H);
  print_case(label, c);
  printf(hh_tr("%-44s %+8.2f ms/frame %5.2fx %+8.2f CPU ms/frame %5.2fx against the stereo "
               "pair (left eye copied, blitted into the window, HUD drawn)\n"),
         hh_tr("  mirror cost"), c->ms - pair->ms, pair->ms > 0 ? c->ms / pair->ms : 0.0,
         c->cpu_ms - pair->cpu_ms, pair->cpu_ms > 0 ? c->cpu_ms / pair->cpu_ms : 0.0);
}

/* the STS rows: desktop, stereo pair without MSAA taking turns with the pair plus the
   desktop mirror, the pair with 4x; prints the header first */
static void bench_sts(bench_ctx *c, int frames, int sframes, int eyes_ok) {
  bench_case desk, ab[2], ms4;
  run_case(c, BK_DESK, frames, &desk);
  printf(hh_tr("Render benchmark: MSAA %dx (desktop rows; stereo rows as labelled, else off), "
               "GL renderer %s\n"),
         desk.st.msaa, (const char *)glGetString(GL_RENDERER));
  printf(hh_tr("%s at %.1f s (%s)\n"), c->s->m->id, c->s->d->time_s, c->s->moment);
  char label[96];
  snprintf(label, sizeof label, hh_tr("%s %dx%d"), c->s->m->id, DESK_W, DESK_H);
  print_case(label, &desk);
  if (!eyes_ok) return;
  int want = hh_render_msaa(c->r, 0); /* without MSAA: the pair, and with the mirror */
  static const bench_kind kinds[2] = {BK_PAIR, BK_MIRROR};
  run_cases(c, kinds, 2, sframes, ab);
  snprintf(label, sizeof label, hh_tr("%s, stereo pair 2x%dx%d"), c->s->m->id, EYE_W, EYE_H);
  print_case(label, &ab[0]);
  print_mirror(&ab[1], &ab[0]);
  print_stereo(&ab[0], &ab[0]);
  hh_render_msaa(c->r, 4);
  run_case(c, BK_PAIR, sframes, &ms4);
  print_stereo(&ms4, &ab[0]);
  hh_render_msaa(c->r, want);
}

/* a desktop row (default MSAA) and a stereo row (MSAA off) of scenario s */
static void bench_scene(bench_ctx *c, int frames, int sframes, int eyes_ok) {
  bench_case desk, pair;
  char label[96];
  printf(hh_tr("%s at %.1f s (%s)\n"), c->s->m->id, c->s->d->time_s, c->s->moment);
  run_case(c, BK_DESK, frames, &desk);
  snprintf(label, sizeof label, hh_tr("%s %dx%d"), c->s->m->id, DESK_W, DESK_H);
  print_case(label, &desk);
  if (!eyes_ok) return;
  int want = hh_render_msaa(c->r, 0);
  run_case(c, BK_PAIR, sframes, &pair);
  snprintf(label, sizeof label, hh_tr("%s, stereo pair 2x%dx%d"), c->s->m->id, EYE_W, EYE_H);
  print_case(label, &pair);
  hh_render_msaa(c->r, want);
}

/* the STS scene with a yard of 5000 containers: 25 rows x 25 bays x 8 tiers */
static void bench_yard(bench_ctx *c, hh_bench_scene *s, int frames, hh_error *err) {
  s->m->yard = (hh_yard){25, 25, 8, {-156, -128, 0}, {13.0, 2.8}, 1.0};
  c->r = hh_render_create(s->m, err);
  if (!c->r) return;
  bench_case yard;
  run_case(c, BK_DESK, frames, &yard);
  char label[128];
  snprintf(label, sizeof label, hh_tr("%s + yard of %d containers, %dx%d"), s->m->id,
           YARD_BOXES, DESK_W, DESK_H);
  print_case(label, &yard);
  hh_render_destroy(c->r);
  c->r = NULL;
}

/* `haihe bench --render` */
int hh_bench_render(int argc, char **argv) {
  if (argc > 3) return hh_cli_usage_error("%s: %s", hh_tr("unexpected argument"), argv[3]);
  const char *fe = getenv("HH_BENCH_FRAMES");
  int frames = fe && atoi(fe) > 0 ? atoi(fe) : 60;
  /* the STS desktop row gets all the frames, the yard half, the other scenarios'
     desktop rows a third, the STS stereo rows a sixth, the others' stereo rows a twelfth */
  int hframes = frames / 2 > 0 ? frames / 2 : 1, sframes = frames / 6 > 0 ? frames / 6 : 1;
  int oframes = frames / 3 > 0 ? frames / 3 : 1;
  int mframes = frames / 12 > 0 ? frames / 12 : 1;
  hh_error err;
  memset(&err, 0, sizeof err);
  hh_bench_scene s;
  if (hh_bench_scene_load(HH_DEFAULT_SCENARIO, &s, &err) != HH_OK) return hh_cli_fail(&err);
  hh_window *win = hh_window_open(DESK_W, DESK_H, 1, "haihe bench --render", &err);
  bench_ctx c = {.s = &s, .desk = {0, DESK_W, DESK_H}};
  c.r = win ? hh_render_create(s.m, &err) : NULL;
  if (!c.r) {
    if (win) hh_window_close(win);
    hh_bench_scene_free(&s);
    return hh_cli_fail(&err);
  }
  GLuint tex[2] = {0, 0}, dep[2] = {0, 0};
  int eyes_ok = hh_rtarget_make(&c.eyes[0], &tex[0], &dep[0], EYE_W, EYE_H, 0) &&
                hh_rtarget_make(&c.eyes[1], &tex[1], &dep[1], EYE_W, EYE_H, 0);
  if (!eyes_ok) fprintf(stderr, "%s\n", hh_tr("cannot create the render benchmark targets"));
  bench_sts(&c, frames, sframes, eyes_ok);
  hh_render_destroy(c.r);
  bench_yard(&c, &s, hframes, &err);
  hh_bench_scene_free(&s);
  for (size_t i = 0; i < sizeof k_more / sizeof k_more[0]; i++) {
    memset(&err, 0, sizeof err);
    if (hh_bench_scene_load(k_more[i], &s, &err) == HH_OK && (c.r = hh_render_create(s.m, &err))) {
      bench_scene(&c, oframes, mframes, eyes_ok);
      hh_render_destroy(c.r);
      c.r = NULL;
    } else { /* a scenario that cannot be loaded or drawn: say why, go on */
      fprintf(stderr, "%s: ", k_more[i]);
      hh_error_print(&err, stderr);
    }
    hh_bench_scene_free(&s);
  }
  hh_xr_mirror_free(&c.mirror);
  for (int i = 0; i < 2; i++) {
    hh_rtarget_free(&c.eyes[i], tex[i], dep[i]);
  }
  hh_window_close(win);
  return 0;
}
