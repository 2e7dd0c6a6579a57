/* test_render_input.c - the platform layer's input mapping (engine/platform): key
 * events pushed into SDL's queue become hh_controls axes/buttons and UI requests as
 * documented in hh_input.c; releasing keys clears them; the stick dead zone; mouse
 * drag feeds the orbit camera. Runs headless (SDL offscreen driver). */
#include "hh_test.h"
#include "platform/hh_platform_int.h"
#include <string.h>

/* push a key press (down = 1) or release for a scancode */
static void key(SDL_Scancode sc, int down) {
  SDL_Event e;
  memset(&e, 0, sizeof e);
  e.type = down ? SDL_KEYDOWN : SDL_KEYUP;
  e.key.state = down ? SDL_PRESSED : SDL_RELEASED;
  e.key.keysym.scancode = sc;
  e.key.keysym.sym = SDL_GetKeyFromScancode(sc);
  SDL_PushEvent(&e);
}

/* push a mouse button press/release or a motion */
static void mouse(Uint32 type, int dx, int dy) {
  SDL_Event e;
  memset(&e, 0, sizeof e);
  e.type = type;
  if (type == SDL_MOUSEMOTION) {
    e.motion.xrel = dx;
    e.motion.yrel = dy;
  } else {
    e.button.button = SDL_BUTTON_LEFT;
  }
  SDL_PushEvent(&e);
}

int main(void) {
  hh_error err = {0};
  hh_window *w = hh_window_open(64, 64, 1, "test_render_input", &err);
  CHECK(w != NULL);
  if (!w) {
    hh_error_print(&err, stderr);
    return hh_test_done("render_input");
  }
  hh_controls c;
  hh_ui_input ui;
  hh_window_poll(w, &c, &ui); /* drain start-up events */

  key(SDL_SCANCODE_D, 1);
  key(SDL_SCANCODE_W, 1);
  key(SDL_SCANCODE_UP, 1);
  key(SDL_SCANCODE_L, 1);
  key(SDL_SCANCODE_SPACE, 1);
  hh_window_poll(w, &c, &ui);
  CHECK_NEAR(c.axis[HH_AXIS_GANTRY], 1, 0);
  CHECK_NEAR(c.axis[HH_AXIS_TROLLEY], 1, 0);
  CHECK_NEAR(c.axis[HH_AXIS_HOIST], 1, 0);
  CHECK(c.buttons == (HH_BTN_LOCK | HH_BTN_ESTOP));
  CHECK(!ui.quit && !ui.next_camera && !ui.toggle_pause);

  /* held keys stay held across polls with no new events */
  hh_window_poll(w, &c, &ui);
  CHECK_NEAR(c.axis[HH_AXIS_GANTRY], 1, 0);

  /* both directions at once cancel; releases clear */
  key(SDL_SCANCODE_A, 1);
  key(SDL_SCANCODE_W, 0);
  key(SDL_SCANCODE_S, 1);
  key(SDL_SCANCODE_UP, 0);
  key(SDL_SCANCODE_DOWN, 1);
  key(SDL_SCANCODE_L, 0);
  key(SDL_SCANCODE_SPACE, 0);
  key(SDL_SCANCODE_U, 1);
  hh_window_poll(w, &c, &ui);
  CHECK_NEAR(c.axis[HH_AXIS_GANTRY], 0, 0);
  CHECK_NEAR(c.axis[HH_AXIS_TROLLEY], -1, 0);
  CHECK_NEAR(c.axis[HH_AXIS_HOIST], -1, 0);
  CHECK(c.buttons == HH_BTN_UNLOCK);

  /* C, P and Esc are one-shot UI requests, not controls */
  key(SDL_SCANCODE_C, 1);
  key(SDL_SCANCODE_P, 1);
  hh_window_poll(w, &c, &ui);
  CHECK(ui.next_camera == 1 && ui.toggle_pause == 1 && ui.quit == 0);
  hh_window_poll(w, &c, &ui);
  CHECK(ui.next_camera == 0 && ui.toggle_pause == 0);
  key(SDL_SCANCODE_ESCAPE, 1);
  hh_window_poll(w, &c, &ui);
  CHECK(ui.quit == 1);

  /* mouse drag (left button held) moves the orbit; motion without the button does not */
  mouse(SDL_MOUSEMOTION, 5, 5);
  hh_window_poll(w, &c, &ui);
  CHECK_NEAR(ui.orbit_dx, 0, 0);
  mouse(SDL_MOUSEBUTTONDOWN, 0, 0);
  mouse(SDL_MOUSEMOTION, 12, -3);
  mouse(SDL_MOUSEMOTION, 3, -1);
  hh_window_poll(w, &c, &ui);
  CHECK_NEAR(ui.orbit_dx, 15, 0);
  CHECK_NEAR(ui.orbit_dy, -4, 0);
  mouse(SDL_MOUSEBUTTONUP, 0, 0);
  mouse(SDL_MOUSEMOTION, 7, 7);
  hh_window_poll(w, &c, &ui);
  CHECK_NEAR(ui.orbit_dx, 0, 0);

  /* stick dead zone: small readings are zero, full deflection is +-1, continuous */
  CHECK_NEAR(hh_input_stick(0), 0, 0);
  CHECK_NEAR(hh_input_stick(3000), 0, 0);
  CHECK_NEAR(hh_input_stick(-3000), 0, 0);
  CHECK_NEAR(hh_input_stick(32767), 1, 1e-6);
  CHECK_NEAR(hh_input_stick(-32768), -1, 1e-6);
  CHECK(hh_input_stick(16384) > 0.3f && hh_input_stick(16384) < 0.5f);
  CHECK(hh_input_stick(5500) > 0.0f && hh_input_stick(5500) < 0.03f);

  hh_window_close(w);
  return hh_test_done("render_input");
}
