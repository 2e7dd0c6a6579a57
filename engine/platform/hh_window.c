/* hh_window.c - SDL2 window with an OpenGL 3.3 core context (glad-loaded). Headless
 * runs use SDL's offscreen driver (EGL, no DISPLAY needed) and a hidden window. */
#include "hh_platform_int.h"
#include "../core/hh_i18n.h"
#include <glad/gl.h>
#include <stdlib.h>
#include <string.h>

hh_window *hh_window_open(int w, int h, int headless, const char *title, hh_error *err) {
  if (w <= 0 || h <= 0 || w > 16384 || h > 16384) {
    hh_error_set(err, HH_E_USAGE, "", 0, 0, hh_tr("window size %dx%d out of range"), w, h);
    return NULL;
  }
  if (headless) SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
  else SDL_ResetHint(SDL_HINT_VIDEODRIVER); /* back to $SDL_VIDEODRIVER or the default */
  Uint32 sub = SDL_INIT_VIDEO | (headless ? 0 : SDL_INIT_GAMECONTROLLER | SDL_INIT_JOYSTICK);
  if (SDL_InitSubSystem(sub) != 0) {
    hh_error_set(err, HH_E_INTERNAL, "", 0, 0,
                 headless ? hh_tr("cannot start SDL video (offscreen driver): %s")
                          : hh_tr("cannot start SDL video: %s"),
                 SDL_GetError());
    return NULL;
  }
  hh_window *win = calloc(1, sizeof *win);
  if (!win) {
    SDL_QuitSubSystem(sub);
    hh_error_set(err, HH_E_NOMEM, "", 0, 0, "%s", hh_tr("out of memory for the window"));
    return NULL;
  }
  win->headless = headless;
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 24);
  SDL_GL_SetAttribute(SDL_GL_RED_SIZE, 8);
  SDL_GL_SetAttribute(SDL_GL_GREEN_SIZE, 8);
  SDL_GL_SetAttribute(SDL_GL_BLUE_SIZE, 8);
  Uint32 flags = SDL_WINDOW_OPENGL | (headless ? SDL_WINDOW_HIDDEN : SDL_WINDOW_RESIZABLE);
  win->win = SDL_CreateWindow(title ? title : "Haihe", SDL_WINDOWPOS_CENTERED,
                              SDL_WINDOWPOS_CENTERED, w, h, flags);
  if (win->win) win->gl = SDL_GL_CreateContext(win->win);
  if (!win->win || !win->gl) {
    hh_error_set(err, HH_E_INTERNAL, "", 0, 0, hh_tr("cannot create an OpenGL 3.3 core window: %s"),
                 SDL_GetError());
    hh_window_close(win);
    return NULL;
  }
  SDL_GL_MakeCurrent(win->win, win->gl);
  int ver = gladLoadGL((GLADloadfunc)SDL_GL_GetProcAddress);
  if (!ver || GLAD_VERSION_MAJOR(ver) * 10 + GLAD_VERSION_MINOR(ver) < 33) {
    hh_error_set(err, HH_E_INTERNAL, "", 0, 0, hh_tr("OpenGL 3.3 core is not available (got %d.%d)"),
                 GLAD_VERSION_MAJOR(ver), GLAD_VERSION_MINOR(ver));
    hh_window_close(win);
    return NULL;
  }
  SDL_GL_SetSwapInterval(headless ? 0 : 1);
  return win;
}

void hh_window_close(hh_window *win) {
  if (!win) return;
  hh_input_close_all(win);
  if (win->gl) SDL_GL_DeleteContext(win->gl);
  if (win->win) SDL_DestroyWindow(win->win);
  SDL_QuitSubSystem(SDL_INIT_VIDEO |
                    (win->headless ? 0 : SDL_INIT_GAMECONTROLLER | SDL_INIT_JOYSTICK));
  free(win);
}

/* pump events into held keys, panel presses and UI requests; fill this frame's controls */
void hh_window_poll(hh_window *win, hh_controls *c, hh_ui_input *ui) {
  memset(ui, 0, sizeof *ui);
  SDL_Event e;
  while (SDL_PollEvent(&e)) {
    if (hh_input_is_cnc(win) && hh_input_cnc_mouse(win, &e)) continue; /* on-screen key pad */
    switch (e.type) {
      case SDL_QUIT: ui->quit = 1; break;
      case SDL_KEYUP:
        if (e.key.keysym.scancode < SDL_NUM_SCANCODES) win->key[e.key.keysym.scancode] = 0;
        win->cnc_eat_text = 0; /* a key's text comes between its press and release */
        break;
      case SDL_WINDOWEVENT: /* no key stays held while another window has the focus */
        if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST) memset(win->key, 0, sizeof win->key);
        break;
      case SDL_KEYDOWN:
        if (e.key.keysym.scancode < SDL_NUM_SCANCODES) win->key[e.key.keysym.scancode] = 1;
        if (hh_input_is_cnc(win)) { /* the CNC panel layout (hh_input_cnc.c) */
          hh_input_cnc_keydown(win, &e.key.keysym, e.key.repeat, ui);
          break;
        }
        if (e.key.repeat) break;
        if (e.key.keysym.scancode == SDL_SCANCODE_ESCAPE) ui->quit = 1;
        if (e.key.keysym.scancode == SDL_SCANCODE_C) ui->next_camera = 1;
        if (e.key.keysym.scancode == SDL_SCANCODE_P) ui->toggle_pause = 1;
        if (e.key.keysym.scancode == SDL_SCANCODE_EQUALS ||
            e.key.keysym.scancode == SDL_SCANCODE_KP_PLUS)
          ui->toggle_large_print = 1;
        break;
      case SDL_TEXTINPUT:
        if (hh_input_is_cnc(win)) hh_input_cnc_text(win, e.text.text);
        break;
      case SDL_MOUSEWHEEL:
        if (hh_input_is_cnc(win))
          hh_input_cnc_wheel(win, e.wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -e.wheel.y
                                                                              : e.wheel.y);
        break;
      case SDL_MOUSEBUTTONDOWN:
        if (e.button.button == SDL_BUTTON_LEFT) win->dragging = 1;
        break;
      case SDL_MOUSEBUTTONUP:
        if (e.button.button == SDL_BUTTON_LEFT) win->dragging = 0;
        break;
      case SDL_MOUSEMOTION:
        if (win->dragging) {
          ui->orbit_dx += (float)e.motion.xrel;
          ui->orbit_dy += (float)e.motion.yrel;
        }
        break;
      case SDL_CONTROLLERBUTTONDOWN:
        if (e.cbutton.button == SDL_CONTROLLER_BUTTON_X) ui->next_camera = 1;
        if (e.cbutton.button == SDL_CONTROLLER_BUTTON_START) ui->toggle_pause = 1;
        break;
      default: hh_input_device_event(win, &e); break;
    }
  }
  if (hh_input_is_cnc(win)) hh_input_cnc_controls(win, c);
  else hh_input_controls(win, c);
}

void hh_window_swap(hh_window *win) { SDL_GL_SwapWindow(win->win); }

void hh_window_size(hh_window *win, int *w, int *h) {
  SDL_GL_GetDrawableSize(win->win, w, h);
}
