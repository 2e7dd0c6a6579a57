/* test_render_yard.c - the container yard and frame pacing: yard{} in a script fills
 * hh_model.yard (and a second call or a count out of range is a located error); the
 * renderer turns a 5000-container yard into instances drawn in a handful of draw calls
 * (under 300 is the target; we draw it in one per pass), through the 4x multisampled
 * buffer when asked (HH_MSAA=4); hh_render_blend draws between
 * two ticks without writing hh_data. */
#include "hh_test.h"
#include "render/hh_render_int.h"
#include "platform/hh_platform.h"
#include "script/hh_script.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* write text to path; 0 on success */
static int put(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  if (!f) return -1;
  fputs(text, f);
  return fclose(f);
}

/* load a script made of the STS scenario's text plus extra; returns the error code */
static int load_with(const char *extra, hh_model *m, hh_error *err) {
  char src[512], dst[512];
  snprintf(src, sizeof src, "%s/scenarios/port/sts_first_lift.lua", HH_SOURCE_DIR);
  snprintf(dst, sizeof dst, "%s/yard_case.lua", HH_BUILD_DIR);
  FILE *f = fopen(src, "r");
  if (!f) return -1;
  static char buf[1 << 16];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = 0;
  static char all[(1 << 16) + 1024];
  snprintf(all, sizeof all, "%s\n%s\n", buf, extra);
  if (put(dst, all)) return -1;
  *err = (hh_error){0};
  return hh_script_load(dst, m, err);
}

int main(void) {
  static hh_model m;
  hh_error err = {0};
  /* the scenario's yard */
  char path[512];
  snprintf(path, sizeof path, "%s/scenarios/port/sts_first_lift.lua", HH_SOURCE_DIR);
  CHECK(hh_script_load(path, &m, &err) == HH_OK);
  CHECK(m.yard.rows == 8 && m.yard.bays == 11 && m.yard.tiers == 4);
  CHECK(fabs(m.yard.origin[1] + 57.5) < 1e-9 && fabs(m.yard.fill - 0.7) < 1e-9);
  /* a second yard{} names the first call's line; out-of-range counts are refused */
  CHECK(load_with("yard { rows = 1, bays = 1, tiers = 1, origin = {0, 0, 0} }", &m, &err) != HH_OK);
  printf("twice: %s:%d: %s\n", err.file, err.line, err.text);
  CHECK(strstr(err.text, "twice") != NULL && err.line > 0);
  static char text[1 << 16];
  FILE *f = fopen(path, "r");
  CHECK(f != NULL);
  size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
  if (f) fclose(f);
  text[n] = 0;
  char *at = strstr(text, "tiers = 4");
  CHECK(at != NULL);
  if (at) at[8] = '9';
  snprintf(path, sizeof path, "%s/yard_bad.lua", HH_BUILD_DIR);
  CHECK(put(path, text) == 0);
  static hh_model m2;
  err = (hh_error){0};
  CHECK(hh_script_load(path, &m2, &err) != HH_OK);
  printf("range: %s:%d: %s\n", err.file, err.line, err.text);
  CHECK(strstr(err.text, "tiers") != NULL && err.line >= 2);

  /* instances: full stacks give rows x bays x tiers boxes; fill lowers some */
  hh_model y;
  hh_model_defaults(&y);
  y.yard = (hh_yard){25, 25, 8, {-156, -128, 0}, {0, 0}, 0};
  hh_ibuf b = {0};
  hh_ryard_build(&b, &y);
  CHECK(b.n == 5000);
  int high = 0;
  for (int i = 0; i < b.n; i++) high += b.v[i].model[14] > 2.0f * 7 * 1.2955f;
  CHECK(high == 625); /* the eighth tier of each stack */
  b.n = 0;
  y.yard.fill = 0.5;
  hh_ryard_build(&b, &y);
  CHECK(b.n > 2500 && b.n < 5000);
  hh_ibuf_free(&b);

  /* drawn: a 5000-container yard costs a handful of draw calls */
  hh_window *win = hh_window_open(320, 180, 1, "test_render_yard", &err);
  CHECK(win != NULL);
  if (!win) return hh_test_done("render_yard");
  y.yard.fill = 1.0;
  setenv("HH_MSAA", "4", 1); /* the multisampled path (off by default on llvmpipe) */
  hh_renderer *r = hh_render_create(&y, &err);
  CHECK(r != NULL);
  static hh_data d;
  memset(&d, 0, sizeof d);
  d.hoist.pos = 20;
  if (r) {
    hh_camera cam = {.mode = HH_CAM_ORBIT};
    float view[16], proj[16];
    hh_rtarget t = {0, 320, 180};
    hh_camera_matrices(&cam, &y, &d, 320.0f / 180.0f, view, proj);
    hh_render_scene(r, &y, &d, view, proj, &t);
    hh_render_hud(r, &y, &d, &t);
    hh_render_stats st;
    hh_render_get_stats(r, &st);
    printf("yard: %d draw calls, %d boxes, MSAA %d\n", st.draw_calls, st.instances, st.msaa);
    CHECK(st.instances >= 5000 && st.draw_calls > 0 && st.draw_calls < 12);
    CHECK(st.msaa == 4);
    CHECK(glGetError() == GL_NO_ERROR);

    /* frame pacing: half way between two ticks, d untouched */
    hh_render_pose prev;
    d.gantry.pos = 1.0;
    d.spreader.quat[3] = 1;
    d.spreader.pos[2] = 10;
    hh_render_pose_save(&d, &prev);
    d.gantry.pos = 3.0;
    d.spreader.pos[2] = 12;
    double s = sin(0.1), c = cos(0.1); /* 0.2 rad about x */
    d.spreader.quat[0] = s, d.spreader.quat[3] = c;
    const hh_data *v = hh_render_blend(r, &prev, &d, 0.5f);
    CHECK(v != &d);
    CHECK_NEAR(v->gantry.pos, 2.0, 1e-12);
    CHECK_NEAR(v->spreader.pos[2], 11.0, 1e-12);
    CHECK_NEAR(atan2(v->spreader.quat[0], v->spreader.quat[3]), 0.05, 1e-6);
    CHECK(d.gantry.pos == 3.0 && d.spreader.pos[2] == 12); /* not written */
    CHECK(hh_render_blend(r, &prev, &d, 1.0f) == &d);      /* at the tick: d itself */
    v = hh_render_blend(r, &prev, &d, 0.0f);
    CHECK_NEAR(v->gantry.pos, 1.0, 1e-12);
    hh_render_destroy(r);
  }
  hh_window_close(win);
  return hh_test_done("render_yard");
}
