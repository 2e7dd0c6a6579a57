/* test_render_cnc_keys.c - the on-screen CNC key pad (engine/render/hh_rcnc_keys.c,
 * engine/platform/hh_input_cnc.c): the layout is inside the target and keys do not
 * overlap, normal and large print; the hit test finds each key's code at its centre
 * and nothing off the pad; synthetic SDL left clicks on a headless window queue the
 * key's panel code one press per tick (a release tick between), a click off the pad
 * queues nothing; run level: clicking MDI, keying G91 and clicking RESET on the mill. */
#include "hh_test.h"
#include "platform/hh_platform_int.h"
#include "render/hh_rcnc_keys.h"
#include "machines/cnc/hh_cnc.h"
#include "script/hh_script.h"
#include <string.h>

enum { W = 960, H = 540 };

/* push a left button press and release at (x, y) window pixels */
static void click(float x, float y) {
  SDL_Event e;
  memset(&e, 0, sizeof e);
  e.type = SDL_MOUSEMOTION;
  e.motion.x = (Sint32)x, e.motion.y = (Sint32)y;
  SDL_PushEvent(&e);
  memset(&e, 0, sizeof e);
  e.type = SDL_MOUSEBUTTONDOWN;
  e.button.button = SDL_BUTTON_LEFT;
  e.button.state = SDL_PRESSED;
  e.button.x = (Sint32)x, e.button.y = (Sint32)y;
  SDL_PushEvent(&e);
  e.type = SDL_MOUSEBUTTONUP;
  e.button.state = SDL_RELEASED;
  SDL_PushEvent(&e);
}

/* the centre of the key with this code (layout of a W x H target); 0 if none */
static int centre(unsigned code, float *x, float *y) {
  hh_rcnc_key k[HH_RCNC_KEYS_MAX];
  int n = hh_rcnc_keys_layout(W, H, 0, k);
  for (int i = 0; i < n; i++)
    if (k[i].code == code) {
      *x = 0.5f * (k[i].x0 + k[i].x1), *y = 0.5f * (k[i].y0 + k[i].y1);
      return 1;
    }
  return 0;
}

/* click the key with this code */
static void click_code(unsigned code) {
  float x = -1, y = -1;
  CHECK(centre(code, &x, &y));
  click(x, y);
}

/* one tick's controls */
static void tick_ctl(hh_window *w, hh_controls *c, hh_ui_input *ui) {
  hh_window_poll(w, c, ui);
  hh_window_tick_controls(w, c);
}

int main(void) {
  /* layout: inside the target, no overlaps, every code found by the hit test */
  for (int large = 0; large < 2; large++) {
    static const int sz[3][2] = {{480, 270}, {1280, 720}, {1920, 1080}};
    for (int s = 0; s < 3; s++) {
      hh_rcnc_key k[HH_RCNC_KEYS_MAX];
      int n = hh_rcnc_keys_layout(sz[s][0], sz[s][1], large, k), bad = 0;
      CHECK(n >= 45);
      for (int i = 0; i < n; i++) {
        if (k[i].x0 < 0 || k[i].y0 < 0 || k[i].x1 > sz[s][0] || k[i].y1 > sz[s][1] ||
            k[i].x1 <= k[i].x0 || k[i].y1 <= k[i].y0)
          bad++;
        for (int j = 0; j < i; j++)
          if (k[i].x0 < k[j].x1 && k[j].x0 < k[i].x1 && k[i].y0 < k[j].y1 && k[j].y0 < k[i].y1) bad++;
        float cx = 0.5f * (k[i].x0 + k[i].x1), cy = 0.5f * (k[i].y0 + k[i].y1);
        if (hh_rcnc_keys_hit(sz[s][0], sz[s][1], large, cx, cy) != k[i].code) bad++;
      }
      CHECK(bad == 0);
      CHECK(hh_rcnc_keys_hit(sz[s][0], sz[s][1], large, 2, 2) == 0);
      CHECK(hh_rcnc_keys_index(sz[s][0], sz[s][1], large, (float)sz[s][0] - 1, (float)sz[s][1] - 1) == -1);
    }
  }
  float tx, ty;
  CHECK(centre(HH_CNC_KEY_CYCLE_START, &tx, &ty) && centre(HH_CNC_KEY_MDI, &tx, &ty) &&
        centre(HH_CNC_KEY_RESET, &tx, &ty) && centre(HH_CNC_KEY_FEED_HOLD, &tx, &ty) &&
        centre(HH_CNC_KEY_PAGE_PROG, &tx, &ty) && centre('0', &tx, &ty));

  /* VR: a ray from the controller to each key's centre on the panel quad finds it;
     rays that miss (behind, parallel, off the quad) find nothing */
  {
    static const float ctr[3] = HH_RCNC_VR_C, size[2] = HH_RCNC_VR_SIZE;
    hh_rcnc_key k[HH_RCNC_KEYS_MAX];
    int n = hh_rcnc_keys_layout(HH_RCNC_VR_W, HH_RCNC_VR_H, 0, k), bad = 0;
    const float o[3] = {0.2f, -0.3f, -0.25f}; /* right hand, below and before the eyes */
    for (int i = 0; i < n; i++) {
      float px = 0.5f * (k[i].x0 + k[i].x1), py = 0.5f * (k[i].y0 + k[i].y1);
      float p[3] = {ctr[0] - 0.5f * size[0] + px / HH_RCNC_VR_W * size[0],
                    ctr[1] + 0.5f * size[1] - py / HH_RCNC_VR_H * size[1], ctr[2]};
      float dir[3] = {p[0] - o[0], p[1] - o[1], p[2] - o[2]};
      if (hh_rcnc_keys_ray_hit(o, dir, 0) != k[i].code) bad++;
    }
    CHECK(bad == 0);
    float x, y;
    CHECK(hh_rcnc_keys_ray(o, (float[3]){0, 0, -1}, &x, &y));
    CHECK_NEAR(x, (0.2f + 0.4f) / 0.8f * HH_RCNC_VR_W, 1e-2);
    CHECK(!hh_rcnc_keys_ray(o, (float[3]){0, 0, 1}, &x, &y));  /* pointing back */
    CHECK(!hh_rcnc_keys_ray(o, (float[3]){1, 0, 0}, &x, &y));  /* parallel */
    CHECK(!hh_rcnc_keys_ray(o, (float[3]){0, 1, -0.1f}, &x, &y)); /* above the quad */
    CHECK(hh_rcnc_keys_ray_hit(o, (float[3]){-1, 0, -0.3f}, 0) == 0); /* off to the left */
  }

  hh_error err = {0};
  hh_window *w = hh_window_open(W, H, 1, "test_render_cnc_keys", &err);
  CHECK(w != NULL);
  if (!w) {
    hh_error_print(&err, stderr);
    return hh_test_done("render_cnc_keys");
  }
  int ww = 0, wh = 0;
  SDL_GetWindowSize(w->win, &ww, &wh);
  CHECK(ww == W && wh == H);
  hh_controls c;
  hh_ui_input ui;
  hh_window_poll(w, &c, &ui);

  /* STS: clicks are the camera drag, no panel codes */
  hh_window_set_machine(w, HH_MACHINE_STS);
  click_code(HH_CNC_KEY_MDI);
  tick_ctl(w, &c, &ui);
  tick_ctl(w, &c, &ui);
  CHECK(c.reserved == 0);

  /* mill: each click is one tick's code, then a release tick; off the pad: nothing */
  hh_window_set_machine(w, HH_MACHINE_CNC_MILL);
  static const unsigned want[] = {HH_CNC_KEY_MDI, 'G', '9', '1', HH_CNC_KEY_CYCLE_START,
                                  HH_CNC_KEY_CYCLE_START, HH_CNC_KEY_FEED_HOLD,
                                  HH_CNC_KEY_RESET, HH_CNC_KEY_PAGE_PROG, HH_CNC_KEY_CAN,
                                  HH_CNC_KEY_MEASURE_TOOL, '.', '-', '0'};
  int n = (int)(sizeof want / sizeof want[0]), bad = 0;
  click(10, 10); /* over the left panel: no key */
  for (int i = 0; i < n; i++) click_code(want[i]);
  for (int i = 0; i < n; i++) {
    tick_ctl(w, &c, &ui);
    if (c.reserved != want[i]) { bad++; fprintf(stderr, "tick %d: got 0x%x want 0x%x\n", i, c.reserved, want[i]); }
    tick_ctl(w, &c, &ui);
    if (c.reserved != 0) bad++;
  }
  CHECK(bad == 0);
  tick_ctl(w, &c, &ui);
  CHECK(c.reserved == 0);
  CHECK(ui.orbit_dx == 0 && ui.orbit_dy == 0); /* pad clicks do not orbit the camera */

  /* run level: click MDI and key G91 on the mill */
  static hh_model model;
  if (hh_script_load(HH_SOURCE_DIR "/scenarios/cnc/mill_exam_plate.lua", &model, &err) != HH_OK) {
    hh_error_print(&err, stderr);
    CHECK(0);
    hh_window_close(w);
    return hh_test_done("render_cnc_keys");
  }
  hh_data *d = hh_data_make(&model, &err);
  CHECK(d != NULL);
  if (d) {
    hh_window_set_machine(w, model.machine);
    CHECK(d->cnc.mode != HH_CNC_MODE_MDI);
    click_code(HH_CNC_KEY_MDI);
    click_code('G');
    click_code('9');
    click_code('1');
    for (int i = 0; i < 20; i++) {
      tick_ctl(w, &c, &ui);
      hh_step(&model, d, &c);
    }
    CHECK(d->cnc.mode == HH_CNC_MODE_MDI);
    CHECK(strcmp(d->cnc.input, "G91") == 0);
    click_code(HH_CNC_KEY_JOG);
    for (int i = 0; i < 4; i++) {
      tick_ctl(w, &c, &ui);
      hh_step(&model, d, &c);
    }
    CHECK(d->cnc.mode == HH_CNC_MODE_JOG);
    hh_data_free(d);
  }
  hh_window_close(w);
  return hh_test_done("render_cnc_keys");
}
