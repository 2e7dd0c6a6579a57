/* hh_platform.h - SDL2 window with a GL 3.3 core context, input devices, screenshots.
 *
 * Index:
 *   hh_window_open        open a window (or an offscreen one when headless)
 *   hh_window_close       close it
 *   hh_window_poll        pump events; fill controls from keyboard, game controllers
 *                         and joysticks; report quit and camera keys
 *   hh_window_swap        present the frame
 *   hh_window_size        drawable size in pixels
 *   hh_window_screenshot  write the current default framebuffer to a PNG file
 */
#ifndef HH_PLATFORM_H
#define HH_PLATFORM_H
#include "../sim/hh_sim.h"

typedef struct hh_window hh_window;

/* What the user asked of the program (not of the simulation) this frame. */
typedef struct hh_ui_input {
  int quit;           /* window closed or Escape */
  int next_camera;    /* C pressed */
  int toggle_pause;   /* P pressed */
  float orbit_dx, orbit_dy; /* mouse drag (pixels) */
} hh_ui_input;

/* open a w x h window titled title; headless uses SDL's offscreen driver (EGL) */
hh_window *hh_window_open(int w, int h, int headless, const char *title, hh_error *err);
void hh_window_close(hh_window *win);
/* pump events; write this frame's device controls into c and UI requests into ui */
void hh_window_poll(hh_window *win, hh_controls *c, hh_ui_input *ui);
void hh_window_swap(hh_window *win);
void hh_window_size(hh_window *win, int *w, int *h);
/* read back the default framebuffer and write it as PNG */
int hh_window_screenshot(hh_window *win, const char *png_path, hh_error *err);

#endif
