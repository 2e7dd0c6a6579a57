/* hh_platform_int.h - private to engine/platform: the window struct the window,
 * input and screenshot files share. */
#ifndef HH_PLATFORM_INT_H
#define HH_PLATFORM_INT_H
#include <SDL.h>
#include "hh_platform.h"

#define HH_MAX_PADS 4

struct hh_window {
  SDL_Window *win;
  SDL_GLContext gl;
  int headless;
  SDL_GameController *pad[HH_MAX_PADS];   /* known controllers (mapped layout) */
  SDL_Joystick *joy[HH_MAX_PADS];         /* raw joysticks without a mapping */
  int dragging;                           /* left mouse button held */
  unsigned char key[SDL_NUM_SCANCODES];   /* held keys, from this window's key events */
};

/* open/close input devices as they come and go (hh_input.c) */
void hh_input_device_event(hh_window *w, const SDL_Event *e);
/* close every input device */
void hh_input_close_all(hh_window *w);
/* a stick reading (-32768..32767) as [-1, 1] with the dead zone removed */
float hh_input_stick(Sint16 raw);
/* fill c from the held keys, controllers and joysticks */
void hh_input_controls(hh_window *w, hh_controls *c);

#endif
