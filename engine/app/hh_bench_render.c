/* hh_bench_render.c - `haihe bench --render`: milliseconds per frame of the STS scene
 * at 1280x720, of a stereo pair at 2 x 1832x1920 (two offscreen targets, as for a
 * headset) and of the scene with a yard of 5000 containers, with the draw calls of
 * each frame. The stereo pair is measured without MSAA and with 4x, each row with its
 * draw calls, render passes and bytes of render targets per frame and its time against
 * the row without MSAA. Headless through SDL's offscreen driver (EGL): llvmpipe here,
 * the GPU's driver where there is one. Each frame ends with one glFinish, so the time
 * is the GPU's (the same in every row). A measurement, not a test: prints, exits 0. */
#define _POSIX_C_SOURCE 200809L
#include "hh_cli.h"
#include "../core/hh_i18n.h"
#include "../pilot/hh_pilot.h"
#include "../platform/hh_platform.h"
#include "../render/hh_render.h"
#include <glad/gl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EYE_W 1832
#define EYE_H 1920
#define YARD_BOXES 5000

/* a clock (s): CLOCK_MONOTONIC wall time or CLOCK_PROCESS_CPUTIME_ID (all threads) */
static double clock_s(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* an offscreen colour + depth target of w x h; 0 when the driver refuses it */
static int make_target(hh_rtarget *t, GLuint *tex, GLuint *depth, int w, int h) {
  GLuint fbo;
  glGenFramebuffers(1, &fbo);
  glGenTextures(1, tex);
  glBindTexture(GL_TEXTURE_2D, *tex);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glGenRenderbuffers(1, depth);
  glBindRenderbuffer(GL_RENDERBUFFER, *depth);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, w, h);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, *tex, 0);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, *depth);
  int ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  *t = (hh_rtarget){fbo, w, h};
  return ok;
}

/* One case's result. */
typedef struct bench_case {
  double ms;          /* mean wall time per frame, GPU work finished (ms) */
  double cpu_ms;      /* mean CPU time per frame, all threads (llvmpipe's cost) (ms) */
  hh_render_stats st; /* of the last frame */
} bench_case;

/* draw n frames into the targets (one, or the two eyes of a stereo pair 64 mm apart,
   drawn as the headset path draws them: one hh_render_scene_views per frame); each
   frame falls at a different point between the last two ticks (prev -> d), so the
   crane moves and the shadow map is redrawn every frame, as in a real run */
static void run_case(hh_renderer *r, const hh_model *m, const hh_render_pose *prev,
                     const hh_data *d0, const hh_rtarget *t, int n_targets, int frames,
                     int hud, bench_case *out) {
  hh_camera cam = {.mode = HH_CAM_ORBIT};
  float view[2][16], proj[2][16];
  double t0 = 0, c0 = 0;
  if (n_targets > 2) n_targets = 2;
  for (int f = -2; f < frames; f++) { /* two warm-up frames (shader JIT, uploads) */
    if (f == 0) {
      glFinish();
      t0 = clock_s(CLOCK_MONOTONIC);
      c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
    }
    const hh_data *d = hh_render_blend(r, prev, d0, (float)((f + 2) % 50) / 50.0f);
    for (int e = 0; e < n_targets; e++) {
      hh_camera_matrices(&cam, m, d, (float)t[e].width / (float)t[e].height, view[e], proj[e]);
      if (n_targets > 1) view[e][12] += e ? -0.032f : 0.032f; /* 64 mm between the eyes */
    }
    hh_render_scene_views(r, m, d, n_targets, (const float (*)[16])view,
                          (const float (*)[16])proj, t);
    if (hud) hh_render_hud(r, m, d, &t[0]);
    glFinish(); /* the GPU's work of this frame done: the time counts it */
  }
  out->ms = 1000.0 * (clock_s(CLOCK_MONOTONIC) - t0) / (frames > 0 ? frames : 1);
  out->cpu_ms = 1000.0 * (clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0) / (frames > 0 ? frames : 1);
  hh_render_get_stats(r, &out->st);
}

/* print one case */
static void print_case(const char *label, const bench_case *c) {
  printf(hh_tr("%-40s %8.2f ms/frame %8.1f fps %8.2f CPU ms/frame %5d draw calls %6d boxes\n"),
         label, c->ms, c->ms > 0 ? 1000.0 / c->ms : 0.0, c->cpu_ms, c->st.draw_calls,
         c->st.instances);
}

/* print one stereo case: its MSAA, passes, render-target bytes and time against base */
static void print_stereo(const bench_case *c, const bench_case *base) {
  char label[96];
  if (c->st.msaa)
    snprintf(label, sizeof label, hh_tr("stereo pair 2x%dx%d, MSAA %dx"), EYE_W, EYE_H, c->st.msaa);
  else
    snprintf(label, sizeof label, hh_tr("stereo pair 2x%dx%d, MSAA off"), EYE_W, EYE_H);
  printf(hh_tr("%-40s %8.2f ms/frame %5.2fx %8.2f CPU ms/frame %5d draw calls %3d passes "
               "%8.1f MiB render targets\n"),
         label, c->ms, base->ms > 0 ? c->ms / base->ms : 0.0, c->cpu_ms, c->st.draw_calls,
         c->st.passes, (double)c->st.target_bytes / (1024.0 * 1024.0));
}

/* `haihe bench --render` */
int hh_bench_render(int argc, char **argv) {
  if (argc > 3) return hh_cli_usage_error("%s: %s", hh_tr("unexpected argument"), argv[3]);
  const char *fe = getenv("HH_BENCH_FRAMES");
  int frames = fe && atoi(fe) > 0 ? atoi(fe) : 60;
  hh_error err;
  memset(&err, 0, sizeof err);
  char path[HH_PATH];
  hh_model *m = hh_cli_load_scenario(HH_DEFAULT_SCENARIO, path, sizeof path, &err);
  if (!m) return hh_cli_fail(&err);
  hh_data *d = hh_data_make(m, &err);
  hh_pilot p;
  if (!d || hh_pilot_init(&p, m, &err) != HH_OK) {
    hh_data_free(d);
    free(m);
    return hh_cli_fail(&err);
  }
  hh_render_pose prev;
  while (!d->done && d->time_s < 30.0) { /* the container in the air, ropes long */
    hh_controls c;
    hh_pilot_act(&p, m, d, &c);
    hh_render_pose_save(d, &prev);
    hh_step(m, d, &c);
  }
  hh_window *win = hh_window_open(1280, 720, 1, "haihe bench --render", &err);
  hh_renderer *r = win ? hh_render_create(m, &err) : NULL;
  if (!r) {
    if (win) hh_window_close(win);
    hh_data_free(d);
    free(m);
    return hh_cli_fail(&err);
  }
  hh_rtarget desk = {0, 1280, 720}, eyes[2];
  GLuint tex[2] = {0, 0}, dep[2] = {0, 0};
  int ok = make_target(&eyes[0], &tex[0], &dep[0], EYE_W, EYE_H) &&
           make_target(&eyes[1], &tex[1], &dep[1], EYE_W, EYE_H);
  bench_case c_desk, c_eyes, c_yard;
  run_case(r, m, &prev, d, &desk, 1, frames, 1, &c_desk);
  printf(hh_tr("Render benchmark: %s, %d frames per case, MSAA %dx, GL renderer %s\n"), m->id,
         frames, c_desk.st.msaa, (const char *)glGetString(GL_RENDERER));
  print_case(hh_tr("STS scene 1280x720"), &c_desk);
  if (ok) { /* the stereo pair without MSAA, then with 4x (the ratio to the first) */
    int sframes = frames / 3 > 0 ? frames / 3 : 1, want = hh_render_msaa(r, 0);
    run_case(r, m, &prev, d, eyes, 2, sframes, 0, &c_eyes);
    print_case(hh_tr("STS scene, stereo pair 2x1832x1920"), &c_eyes);
    print_stereo(&c_eyes, &c_eyes);
    hh_render_msaa(r, 4);
    bench_case c_ms;
    run_case(r, m, &prev, d, eyes, 2, sframes, 0, &c_ms);
    print_stereo(&c_ms, &c_eyes);
    hh_render_msaa(r, want);
  } else {
    fprintf(stderr, "%s\n", hh_tr("cannot create the render benchmark targets"));
  }
  hh_render_destroy(r);
  /* the same scene with a yard of 5000 containers: 25 rows x 25 bays x 8 tiers */
  m->yard = (hh_yard){25, 25, 8, {-156, -128, 0}, {13.0, 2.8}, 1.0};
  r = hh_render_create(m, &err);
  if (r) {
    run_case(r, m, &prev, d, &desk, 1, frames, 1, &c_yard);
    char label[128];
    snprintf(label, sizeof label, hh_tr("STS scene + yard of %d containers, 1280x720"), YARD_BOXES);
    print_case(label, &c_yard);
    hh_render_destroy(r);
  }
  for (int i = 0; i < 2; i++) {
    if (eyes[i].fbo) glDeleteFramebuffers(1, &eyes[i].fbo);
    if (tex[i]) glDeleteTextures(1, &tex[i]);
    if (dep[i]) glDeleteRenderbuffers(1, &dep[i]);
  }
  hh_window_close(win);
  hh_data_free(d);
  free(m);
  return 0;
}
