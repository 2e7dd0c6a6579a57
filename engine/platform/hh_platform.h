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
 *   hh_window_native_handles  X11 display and GLX context for OpenXR (hh_window_native.c)
 *
 * Keys (layout-independent scancodes): A/D gantry, W/S trolley (W = seaward),
 * Up/Down hoist, L lock, U unlock, Space e-stop, H horn, F finish, C camera, P pause,
 * + large print, Esc quit; left-drag orbits. Game controllers and joysticks: the crane cab layout
 * (left stick x gantry, left stick y trolley, right stick y hoist); the full table
 * is at the top of engine/platform/hh_input.c. CNC machines (mill, lathe) use the
 * panel layout at the top of engine/platform/hh_input_cnc.c instead.
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
  int toggle_large_print;   /* + (or keypad +) pressed: HUD large print on/off */
} hh_ui_input;

/* open a w x h window titled title; headless uses SDL's offscreen driver (EGL) */
hh_window *hh_window_open(int w, int h, int headless, const char *title, hh_error *err);
void hh_window_close(hh_window *win);
/* pump events; write this frame's device controls into c and UI requests into ui */
void hh_window_poll(hh_window *win, hh_controls *c, hh_ui_input *ui);
/* the machine the window drives (hh_machine_kind); CNC kinds switch the keyboard and
   mouse to the operator panel layout of hh_input_cnc.c (default: the crane layout) */
void hh_window_set_machine(hh_window *win, int machine);
/* once per tick, after the device controls were copied into c: add one buffered CNC
   panel key press (reserved: the code one tick, 0 the next, like the autopilot) and
   up to 10 buffered handwheel detents (axis[HH_AXIS_AUX1] = detents / 10); no-op for
   other machines */
void hh_window_tick_controls(hh_window *win, hh_controls *c);
/* queue one CNC panel key press as the keyboard does (VR pointing); 0 when the window
   does not drive a CNC machine or the buffer is full */
int hh_window_cnc_press(hh_window *win, unsigned code);
void hh_window_swap(hh_window *win);
void hh_window_size(hh_window *win, int *w, int *h);
/* read back the default framebuffer (after drawing, before hh_window_swap) and write
   it as an 8-bit RGB PNG; the file appears whole or not at all */
int hh_window_screenshot(hh_window *win, const char *png_path, hh_error *err);

/* Native handles behind the window's GL context (X11/GLX), for OpenXR's Xlib binding
   (hh_window_native.c). Pointers are Display*, GLXContext and GLXFBConfig. */
typedef struct hh_window_native {
  void *x_display;
  unsigned long x_window;
  void *glx_context;
  unsigned long glx_drawable;
  void *glx_fbconfig;       /* may be NULL */
  unsigned visualid;
} hh_window_native;
/* fill n for win (makes its context current); 0, or err set when not X11/GLX */
int hh_window_native_handles(hh_window *win, hh_window_native *n, hh_error *err);

#endif
