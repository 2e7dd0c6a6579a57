/* test_render_input_cnc.c - the CNC panel on the desktop keyboard and mouse
 * (engine/platform/hh_input_cnc.c): synthetic SDL key, text and wheel events on a
 * headless window become the autopilot's panel key codes, one press per tick with a
 * release tick between; typed text is keyed in upper-cased; the mouse wheel feeds the
 * handwheel at most 10 detents per tick; held arrows jog; the crane layout is unchanged
 * for STS. Run level: on the mill scenario the keys switch the mode, type an MDI block
 * and turn the handwheel. */
#include "hh_test.h"
#include "platform/hh_platform_int.h"
#include "machines/cnc/hh_cnc.h"
#include "script/hh_script.h"
#include <string.h>

/* push a key press/release with modifiers */
static void key(SDL_Scancode sc, Uint16 mod, int down) {
  SDL_Event e;
  memset(&e, 0, sizeof e);
  e.type = down ? SDL_KEYDOWN : SDL_KEYUP;
  e.key.state = down ? SDL_PRESSED : SDL_RELEASED;
  e.key.keysym.scancode = sc;
  e.key.keysym.sym = SDL_GetKeyFromScancode(sc);
  e.key.keysym.mod = mod;
  SDL_PushEvent(&e);
}

/* press and release */
static void tap(SDL_Scancode sc, Uint16 mod) {
  key(sc, mod, 1);
  key(sc, mod, 0);
}

/* push typed text */
static void text(const char *s) {
  SDL_Event e;
  memset(&e, 0, sizeof e);
  e.type = SDL_TEXTINPUT;
  strncpy(e.text.text, s, sizeof e.text.text - 1);
  SDL_PushEvent(&e);
}

/* push mouse wheel notches */
static void wheel(int y) {
  SDL_Event e;
  memset(&e, 0, sizeof e);
  e.type = SDL_MOUSEWHEEL;
  e.wheel.y = y;
  e.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
  SDL_PushEvent(&e);
}

/* one tick's controls: poll, then the buffered panel press */
static void tick_ctl(hh_window *w, hh_controls *c, hh_ui_input *ui) {
  hh_window_poll(w, c, ui);
  hh_window_tick_controls(w, c);
}

int main(void) {
  hh_error err = {0};
  hh_window *w = hh_window_open(64, 64, 1, "test_render_input_cnc", &err);
  CHECK(w != NULL);
  if (!w) {
    hh_error_print(&err, stderr);
    return hh_test_done("render_input_cnc");
  }
  hh_controls c;
  hh_ui_input ui;
  hh_window_poll(w, &c, &ui); /* drain start-up events */

  /* STS: the crane layout, no panel codes, text ignored */
  hh_window_set_machine(w, HH_MACHINE_STS);
  key(SDL_SCANCODE_D, 0, 1);
  text("d");
  tap(SDL_SCANCODE_F4, 0);
  tick_ctl(w, &c, &ui);
  CHECK_NEAR(c.axis[HH_AXIS_GANTRY], 1, 0);
  CHECK(c.reserved == 0);
  key(SDL_SCANCODE_D, 0, 0);
  tick_ctl(w, &c, &ui);
  CHECK(c.reserved == 0 && c.axis[HH_AXIS_GANTRY] == 0);

  /* mill: each press is one tick's code followed by a release tick */
  hh_window_set_machine(w, HH_MACHINE_CNC_MILL);
  tap(SDL_SCANCODE_F4, 0);               /* JOG */
  text("t2");                            /* key-in, upper-cased */
  key(SDL_SCANCODE_LCTRL, KMOD_LCTRL, 1);
  tap(SDL_SCANCODE_T, KMOD_LCTRL);       /* tool change */
  text("t");                             /* text of a Ctrl chord: not keyed in */
  key(SDL_SCANCODE_LCTRL, 0, 0);
  key(SDL_SCANCODE_KP_MINUS, 0, 1);      /* feed override -10 %, its "-" text dropped */
  text("-");
  key(SDL_SCANCODE_KP_MINUS, 0, 0);
  tap(SDL_SCANCODE_Y, KMOD_LALT);        /* handwheel axis Y */
  tap(SDL_SCANCODE_F11, 0);              /* cycle start */
  tap(SDL_SCANCODE_F11, 0);              /* twice: a release tick keeps them apart */
  tap(SDL_SCANCODE_BACKSPACE, 0);        /* CAN */
  tap(SDL_SCANCODE_RETURN, KMOD_LSHIFT); /* work offset MEASURE */
  text("g0 x-1.5");
  static const unsigned want[] = {
      HH_CNC_KEY_JOG, 'T', '2', HH_CNC_KEY_TOOL_CHANGE, HH_CNC_KEY_FEED_DOWN,
      HH_CNC_KEY_AXIS_Y, HH_CNC_KEY_CYCLE_START, HH_CNC_KEY_CYCLE_START, HH_CNC_KEY_CAN,
      HH_CNC_KEY_MEASURE_WORK, 'G', '0', ' ', 'X', '-', '1', '.', '5'};
  int n = (int)(sizeof want / sizeof want[0]), bad = 0;
  for (int i = 0; i < n; i++) {
    tick_ctl(w, &c, &ui);
    if (c.reserved != want[i]) { bad++; fprintf(stderr, "tick %d: got 0x%x want 0x%x\n", i, c.reserved, want[i]); }
    tick_ctl(w, &c, &ui);
    if (c.reserved != 0) bad++;
  }
  CHECK(bad == 0);
  tick_ctl(w, &c, &ui);
  CHECK(c.reserved == 0); /* the buffer is empty */

  /* handwheel: 15 notches -> 10 then 5 detents; the other way round -> negative */
  wheel(3);
  wheel(12);
  tick_ctl(w, &c, &ui);
  CHECK_NEAR(c.axis[HH_AXIS_AUX1], 1.0, 1e-6);
  tick_ctl(w, &c, &ui);
  CHECK_NEAR(c.axis[HH_AXIS_AUX1], 0.5, 1e-6);
  tick_ctl(w, &c, &ui);
  CHECK_NEAR(c.axis[HH_AXIS_AUX1], 0.0, 0);
  wheel(-2);
  tick_ctl(w, &c, &ui);
  CHECK_NEAR(c.axis[HH_AXIS_AUX1], -0.2, 1e-6);

  /* held keys: jog axes and e-stop; letters neither jog nor are crane keys */
  key(SDL_SCANCODE_RIGHT, 0, 1);
  key(SDL_SCANCODE_PAGEUP, 0, 1);
  key(SDL_SCANCODE_DOWN, 0, 1);
  key(SDL_SCANCODE_A, 0, 1);
  tick_ctl(w, &c, &ui);
  CHECK_NEAR(c.axis[0], 1, 0);
  CHECK_NEAR(c.axis[1], -1, 0);
  CHECK_NEAR(c.axis[2], 1, 0);
  CHECK(c.buttons == 0);
  key(SDL_SCANCODE_RIGHT, 0, 0);
  key(SDL_SCANCODE_PAGEUP, 0, 0);
  key(SDL_SCANCODE_DOWN, 0, 0);
  key(SDL_SCANCODE_A, 0, 0);
  key(SDL_SCANCODE_PAUSE, 0, 1);
  tick_ctl(w, &c, &ui);
  CHECK(c.buttons == HH_BTN_ESTOP && c.axis[0] == 0);
  key(SDL_SCANCODE_PAUSE, 0, 0);
  tick_ctl(w, &c, &ui);
  CHECK(c.buttons == 0);

  /* UI keys: Tab camera, C is a letter (no camera), Esc quits */
  tap(SDL_SCANCODE_C, 0);
  tick_ctl(w, &c, &ui);
  CHECK(ui.next_camera == 0 && ui.toggle_pause == 0);
  tap(SDL_SCANCODE_TAB, 0);
  tick_ctl(w, &c, &ui);
  CHECK(ui.next_camera == 1 && ui.quit == 0);
  tap(SDL_SCANCODE_ESCAPE, 0);
  tick_ctl(w, &c, &ui);
  CHECK(ui.quit == 1);

  /* lathe: arrows jog x (up/down) and z (left/right) */
  hh_window_set_machine(w, HH_MACHINE_CNC_LATHE);
  key(SDL_SCANCODE_UP, 0, 1);
  key(SDL_SCANCODE_LEFT, 0, 1);
  tick_ctl(w, &c, &ui);
  CHECK_NEAR(c.axis[0], 1, 0);
  CHECK_NEAR(c.axis[1], 0, 0);
  CHECK_NEAR(c.axis[2], -1, 0);
  key(SDL_SCANCODE_UP, 0, 0);
  key(SDL_SCANCODE_LEFT, 0, 0);

  /* run level: the mill scenario driven by the window's controls */
  static hh_model model;
  if (hh_script_load(HH_SOURCE_DIR "/scenarios/cnc/mill_exam_plate.lua", &model, &err) != HH_OK) {
    hh_error_print(&err, stderr);
    CHECK(0);
    hh_window_close(w);
    return hh_test_done("render_input_cnc");
  }
  hh_data *d = hh_data_make(&model, &err);
  CHECK(d != NULL);
  if (d) {
    hh_window_set_machine(w, model.machine);
    tap(SDL_SCANCODE_F2, 0); /* MDI */
    text("g91 g0 x1.");
    for (int i = 0; i < 40; i++) {
      tick_ctl(w, &c, &ui);
      hh_step(&model, d, &c);
    }
    CHECK(d->cnc.mode == HH_CNC_MODE_MDI);
    CHECK(strcmp(d->cnc.input, "G91 G0 X1.") == 0);
    for (int i = 0; i < 10; i++) tap(SDL_SCANCODE_BACKSPACE, 0);
    tap(SDL_SCANCODE_F5, 0); /* HANDLE, axis X, x100 */
    tap(SDL_SCANCODE_X, KMOD_LALT);
    tap(SDL_SCANCODE_3, KMOD_LALT);
    for (int i = 0; i < 40; i++) {
      tick_ctl(w, &c, &ui);
      hh_step(&model, d, &c);
    }
    CHECK(d->cnc.mode == HH_CNC_MODE_MPG && d->cnc.input_len == 0);
    CHECK(d->cnc.mpg_axis == 0 && d->cnc.mpg_step == 1e-4);
    double x0 = d->cnc.pos[0], y0 = d->cnc.pos[1];
    wheel(-5);
    for (int i = 0; i < 5; i++) {
      tick_ctl(w, &c, &ui);
      hh_step(&model, d, &c);
    }
    CHECK_NEAR(d->cnc.pos[0] - x0, -5e-4, 1e-9);
    CHECK_NEAR(d->cnc.pos[1] - y0, 0, 0);
    hh_data_free(d);
  }
  hh_window_close(w);
  return hh_test_done("render_input_cnc");
}
