/* hh_platform_int.h - private to engine/platform: the window struct the window,
 * input and screenshot files share. */
#ifndef HH_PLATFORM_INT_H
#define HH_PLATFORM_INT_H
#include <SDL.h>
#include "hh_platform.h"

#define HH_MAX_PADS 4
#define HH_CNC_QUEUE 64 /* panel key presses buffered between ticks */

struct hh_window {
  SDL_Window *win;
  SDL_GLContext gl;
  int headless;
  SDL_GameController *pad[HH_MAX_PADS];   /* known controllers (mapped layout) */
  SDL_Joystick *joy[HH_MAX_PADS];         /* raw joysticks without a mapping */
  int dragging;                           /* left mouse button held */
  unsigned char key[SDL_NUM_SCANCODES];   /* held keys, from this window's key events */
  int machine;                            /* hh_machine_kind (hh_window_set_machine) */
  unsigned char cnc_q[HH_CNC_QUEUE];      /* CNC panel key codes not yet sent (ring) */
  int cnc_qh, cnc_qn;                     /* ring head and count */
  unsigned cnc_last;                      /* code sent on the previous tick (0 = none) */
  int cnc_wheel;                          /* handwheel detents not yet sent */
  int cnc_eat_text;                       /* drop the text of a key taken as a command */
};

/* open/close input devices as they come and go (hh_input.c) */
void hh_input_device_event(hh_window *w, const SDL_Event *e);
/* close every input device */
void hh_input_close_all(hh_window *w);
/* a stick reading (-32768..32767) as [-1, 1] with the dead zone removed */
float hh_input_stick(Sint16 raw);
/* fill c from the held keys, controllers and joysticks */
void hh_input_controls(hh_window *w, hh_controls *c);

/* CNC panel on the desktop keyboard and mouse (hh_input_cnc.c) */
/* 1 when the window drives a CNC machine's panel */
int hh_input_is_cnc(const hh_window *w);
/* a key press (repeat = auto-repeat): queue its panel code or set a UI request */
void hh_input_cnc_keydown(hh_window *w, const SDL_Keysym *k, int repeat, hh_ui_input *ui);
/* typed text (UTF-8): the key-in characters it holds, upper-cased */
void hh_input_cnc_text(hh_window *w, const char *text);
/* mouse wheel notches (+ = away from the user): handwheel detents */
void hh_input_cnc_wheel(hh_window *w, int notches);
/* mouse events over the on-screen key pad: 1 when a click pressed a pad key */
int hh_input_cnc_mouse(hh_window *w, const SDL_Event *e);
/* fill c from the held keys (jog, e-stop, finish) */
void hh_input_cnc_controls(hh_window *w, hh_controls *c);

#endif
