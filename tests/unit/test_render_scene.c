/* test_render_scene.c - renders the first-lift scene headless (SDL offscreen, EGL)
 * with each camera, writes PNGs to the build dir and checks what a person would look
 * for: a real picture (not one colour), the crane's pixels present (the picture
 * changes when the crane layer is hidden), the yellow spreader in the cab view, the
 * HUD drawn and different in en and zh-CN, and a missing shader reported, not crashed.
 * HH_RENDER_BENCH=1 also prints frames per second at 1280x720 (informational). */
#include "hh_test.h"
#include "render/hh_render.h"
#include "platform/hh_platform.h"
#include "core/hh_i18n.h"
#include <glad/gl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define W 640
#define H 360

/* append a box to the model */
static void box(hh_model *m, const char *name, hh_box_role role, double x, double y, double z,
                double hx, double hy, double hz, float r, float g, float b) {
  hh_box *o = &m->box[m->n_boxes++];
  snprintf(o->name, sizeof o->name, "%s", name);
  o->role = role;
  o->pos[0] = x, o->pos[1] = y, o->pos[2] = z;
  o->half[0] = hx, o->half[1] = hy, o->half[2] = hz;
  o->rgba[0] = r, o->rgba[1] = g, o->rgba[2] = b, o->rgba[3] = 1;
}

/* the scene of scenarios/port/sts_first_lift.lua, built in C */
static void first_lift(hh_model *m) {
  hh_model_defaults(m);
  snprintf(m->id, sizeof m->id, "port/sts_first_lift");
  snprintf(m->title_en, sizeof m->title_en, "STS crane: first lift");
  snprintf(m->title_zh, sizeof m->title_zh, "岸桥：第一次吊装");
  box(m, "quay", HH_ROLE_GROUND, 0, -28.5, -1, 80, 31.5, 1, 0.45f, 0.45f, 0.43f);
  box(m, "water", HH_ROLE_WATER, 0, 76.5, -3, 300, 73.5, 0.01, 0.03f, 0.14f, 0.22f);
  box(m, "rail_land", HH_ROLE_VISUAL, 0, -30.48, 0.05, 80, 0.2, 0.05, 0.2f, 0.2f, 0.2f);
  box(m, "rail_sea", HH_ROLE_VISUAL, 0, 0, 0.05, 80, 0.2, 0.05, 0.2f, 0.2f, 0.2f);
  box(m, "chassis", HH_ROLE_LANDING, 0, -15, 1.3, 6.3, 1.25, 0.2, 0.12f, 0.12f, 0.13f);
  box(m, "truck_cab", HH_ROLE_OBSTACLE, 8.3, -15, 1.8, 1.2, 1.25, 1.8, 0.85f, 0.85f, 0.9f);
  box(m, "hull", HH_ROLE_OBSTACLE, 0, 25, -4, 100, 16, 6, 0.12f, 0.14f, 0.2f);
  box(m, "hatch", HH_ROLE_LANDING, 0, 15, 3, 7.5, 6, 1, 0.35f, 0.4f, 0.35f);
  box(m, "stow_a", HH_ROLE_OBSTACLE, 0, 12.36, 5.2955, 6.096, 1.219, 1.2955, 0.1f, 0.3f, 0.6f);
  box(m, "stow_b", HH_ROLE_OBSTACLE, 0, 17.64, 5.2955, 6.096, 1.219, 1.2955, 0.15f, 0.5f, 0.2f);
  m->container.pos[0] = 0, m->container.pos[1] = -15, m->container.pos[2] = 2.7955;
  m->target.pos[1] = 15, m->target.pos[2] = 4.0;
}

/* the spreader landed and locked on the container on the truck */
static void pose(const hh_model *m, hh_data *d) {
  memset(d, 0, sizeof *d);
  d->gantry.pos = 0;
  d->trolley.pos = -15;
  d->hoist.pos = 38.2;
  d->container.pos[0] = 0, d->container.pos[1] = -15, d->container.pos[2] = 2.7955;
  d->container.quat[3] = 1;
  d->spreader.pos[0] = 0, d->spreader.pos[1] = -15;
  d->spreader.pos[2] = 2.7955 + m->container.half[2] + m->sts.spreader_half[2];
  d->spreader.quat[3] = 1;
  d->lock = HH_LOCK_LOCKED;
  d->time_s = 83.4;
  d->metric[HH_M_LOAD_MASS] = 31000;
  d->metric[HH_M_HOIST_HEIGHT] = 4.09;
  d->metric[HH_M_SWAY_ANGLE] = 0.4;
  d->metric[HH_M_LANDED] = 1;
  d->metric[HH_M_LOCKED] = 1;
}

/* read the default framebuffer (RGB, bottom row first) */
static void grab(unsigned char *px) {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, W, H, GL_RGB, GL_UNSIGNED_BYTE, px);
}

/* draw one frame with camera mode cam */
static void frame(hh_renderer *r, const hh_model *m, const hh_data *d, hh_camera_mode cam,
                  int w, int h) {
  hh_camera c = {.mode = cam};
  float view[16], proj[16];
  hh_rtarget t = {0, w, h};
  hh_camera_matrices(&c, m, d, (float)w / (float)h, view, proj);
  hh_render_scene(r, m, d, view, proj, &t);
  hh_render_hud(r, m, d, &t);
}

/* number of distinct colours (coarsely quantised) */
static int n_colours(const unsigned char *px) {
  static unsigned char seen[4096];
  memset(seen, 0, sizeof seen);
  int n = 0;
  for (int i = 0; i < W * H; i++) {
    int k = (px[i * 3] >> 4) << 8 | (px[i * 3 + 1] >> 4) << 4 | (px[i * 3 + 2] >> 4);
    if (!seen[k]) seen[k] = 1, n++;
  }
  return n;
}

/* fraction of pixels that differ by more than 24 in any channel, in rows y0..y1 from
   the top and columns x0..x1 */
static double differ(const unsigned char *a, const unsigned char *b, int x0, int y0, int x1,
                     int y1) {
  long n = 0, d = 0;
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++) {
      long i = ((long)(H - 1 - y) * W + x) * 3;
      n++;
      for (int c = 0; c < 3; c++)
        if (abs(a[i + c] - b[i + c]) > 24) {
          d++;
          break;
        }
    }
  return n ? (double)d / (double)n : 0;
}

/* fraction of spreader-yellow pixels */
static double yellow(const unsigned char *px) {
  long n = 0;
  for (int i = 0; i < W * H; i++) {
    int r = px[i * 3], g = px[i * 3 + 1], b = px[i * 3 + 2];
    if (r > 150 && g > 100 && r - b > 100 && g - b > 50) n++;
  }
  return (double)n / (W * H);
}

int main(void) {
  static hh_model m;
  static hh_data d;
  first_lift(&m);
  pose(&m, &d);
  hh_error err = {0};
  hh_window *win = hh_window_open(W, H, 1, "test_render_scene", &err);
  CHECK(win != NULL);
  if (!win) {
    hh_error_print(&err, stderr);
    return hh_test_done("render_scene");
  }
  int ww = 0, wh = 0;
  hh_window_size(win, &ww, &wh);
  CHECK(ww == W && wh == H);

  /* a missing shader is a clear error naming the file, not a crash */
  setenv("HH_SHADER_DIR", HH_BUILD_DIR "/no-such-shaders", 1);
  hh_renderer *bad = hh_render_create(&m, &err);
  CHECK(bad == NULL);
  CHECK(err.code == HH_E_FILE_NOT_FOUND);
  CHECK(strstr(err.file, "no-such-shaders/scene.vert") != NULL);
  /* a broken shader: the GLSL compiler's message with the file and line */
  const char *bdir = HH_BUILD_DIR "/broken-shaders";
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp '%s'/shaders/*.vert '%s'/shaders/*.frag '%s'/ && "
           "printf '#version 330 core\\nout vec4 o;\\nvoid main() { o = nope; }\\n' > '%s/scene.frag'",
           bdir, HH_SOURCE_DIR, HH_SOURCE_DIR, bdir, bdir);
  CHECK(system(cmd) == 0);
  setenv("HH_SHADER_DIR", bdir, 1);
  err = (hh_error){0};
  bad = hh_render_create(&m, &err);
  CHECK(bad == NULL);
  CHECK(strstr(err.file, "broken-shaders/scene.frag") != NULL);
  CHECK(err.line == 3);
  CHECK(strstr(err.text, "nope") != NULL);
  hh_error_print(&err, stdout);
  unsetenv("HH_SHADER_DIR");

  err = (hh_error){0};
  hh_renderer *r = hh_render_create(&m, &err);
  CHECK(r != NULL);
  if (!r) {
    hh_error_print(&err, stderr);
    hh_window_close(win);
    return hh_test_done("render_scene");
  }
  static unsigned char full[W * H * 3], other[W * H * 3], en_hud[HH_CAM_COUNT][W * H * 3];
  const char *names[HH_CAM_COUNT] = {"cab", "orbit", "follow"};
  char path[512];
  for (int cam = 0; cam < HH_CAM_COUNT; cam++) {
    frame(r, &m, &d, (hh_camera_mode)cam, W, H);
    grab(full);
    memcpy(en_hud[cam], full, sizeof full);
    snprintf(path, sizeof path, "%s/render_%s_en.png", HH_BUILD_DIR, names[cam]);
    CHECK(hh_window_screenshot(win, path, &err) == HH_OK);
    CHECK(glGetError() == GL_NO_ERROR);
    int nc = n_colours(full);
    hh_render_layers(r, HH_LAYER_ALL & ~HH_LAYER_HUD); /* the landed lamp is yellow too */
    frame(r, &m, &d, (hh_camera_mode)cam, W, H);
    grab(other);
    double yl = yellow(other);
    printf("%s: %d colours, %.2f%% spreader yellow\n", names[cam], nc, 100 * yl);
    CHECK(nc > 40);
    CHECK(yl > 0.0001);
    if (cam == HH_CAM_CAB) CHECK(yl > 0.005); /* the spreader is big below the cab */
    /* the crane is in the picture: hiding it changes a good part of the frame */
    hh_render_layers(r, HH_LAYER_ALL & ~HH_LAYER_CRANE);
    frame(r, &m, &d, (hh_camera_mode)cam, W, H);
    grab(other);
    double dc = differ(full, other, 0, 0, W, H);
    printf("%s: crane covers %.1f%% of the frame\n", names[cam], 100 * dc);
    CHECK(dc > (cam == HH_CAM_CAB ? 0.002 : 0.02));
    /* the HUD is drawn: hiding it changes the top-left panel */
    hh_render_layers(r, HH_LAYER_ALL & ~HH_LAYER_HUD);
    frame(r, &m, &d, (hh_camera_mode)cam, W, H);
    grab(other);
    double dh = differ(full, other, 0, 0, W / 3, H / 2);
    printf("%s: HUD changes %.1f%% of the top-left\n", names[cam], 100 * dh);
    CHECK(dh > 0.2);
    hh_render_layers(r, HH_LAYER_ALL);
  }

  /* zh-CN: the HUD shows the Chinese catalog's labels (CJK glyphs from the atlas) */
  err = (hh_error){0};
  int loaded = hh_i18n_load(HH_SOURCE_DIR "/assets/i18n", "zh-CN", &err);
  CHECK(loaded == HH_OK);
  if (loaded != HH_OK) hh_error_print(&err, stderr);
  CHECK(strcmp(hh_tr("Hoist height"), "起升高度") == 0);
  for (int cam = 0; cam < HH_CAM_COUNT; cam++) {
    frame(r, &m, &d, (hh_camera_mode)cam, W, H);
    grab(full);
    snprintf(path, sizeof path, "%s/render_%s_zh-CN.png", HH_BUILD_DIR, names[cam]);
    CHECK(hh_window_screenshot(win, path, &err) == HH_OK);
    double dz = differ(full, en_hud[cam], 0, 0, W / 3, H / 2);
    printf("%s: zh-CN HUD differs from en in %.1f%% of the top-left\n", names[cam], 100 * dz);
    CHECK(dz > 0.01);
    /* the 3D part is the same picture in either language (above the bottom line,
       where the task step is written) */
    CHECK(differ(full, en_hud[cam], W / 2, H / 2, W, H * 4 / 5) < 0.001);
  }

  /* the same model with a spreader swinging and e-stop latched still draws */
  d.spreader.pos[1] += 2.0;
  d.spreader.pos[2] += 20.0;
  d.spreader.quat[0] = 0.05, d.spreader.quat[3] = 0.99875;
  d.estop = 1;
  frame(r, &m, &d, HH_CAM_FOLLOW, W, H);
  snprintf(path, sizeof path, "%s/render_follow_estop.png", HH_BUILD_DIR);
  CHECK(hh_window_screenshot(win, path, &err) == HH_OK);
  CHECK(glGetError() == GL_NO_ERROR);

  const char *bench = getenv("HH_RENDER_BENCH");
  if (bench && *bench == '1') { /* informational only: no assertion on wall-clock time */
    hh_render_destroy(r);
    hh_window_close(win);
    win = hh_window_open(1280, 720, 1, "bench", &err);
    if (!win) hh_error_print(&err, stderr);
    r = win ? hh_render_create(&m, &err) : NULL;
    if (!r) hh_error_print(&err, stderr);
    if (r) {
      for (int cam = 0; cam < HH_CAM_COUNT; cam++) {
        struct timespec t0, t1;
        int frames = 60;
        frame(r, &m, &d, (hh_camera_mode)cam, 1280, 720);
        glFinish();
        clock_gettime(CLOCK_MONOTONIC, &t0);
        for (int i = 0; i < frames; i++) {
          d.time_s += 1.0 / 60;
          frame(r, &m, &d, (hh_camera_mode)cam, 1280, 720);
          hh_window_swap(win);
        }
        glFinish();
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double s = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
        printf("bench %s 1280x720: %.1f fps\n", names[cam], frames / s);
      }
    }
  }
  hh_render_destroy(r);
  hh_window_close(win);
  return hh_test_done("render_scene");
}
