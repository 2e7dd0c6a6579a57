/* hh_input.c - devices to hh_controls. One documented layout, summed over devices and
 * clamped to [-1, 1]:
 *
 *   action        keyboard        game controller          raw joystick
 *   gantry -/+    A / D           left stick x             axis 0
 *   trolley +/-   W / S (W=sea)   left stick y (up = sea)  axis 1 (up = sea)
 *   hoist +/-     Up / Down       right stick y (pull back = raise, as in an STS cab)
 *                                                          axis 3 (axis 2 if only 3)
 *   lock          L               A (or right shoulder)    button 0
 *   unlock        U               B (or left shoulder)     button 1
 *   e-stop        Space           Back                     button 2
 *   horn          H               Y                        button 3
 *   finish task   F               -                        -
 *   camera        C               X                        -
 *   pause         P               Start                    -
 *   large print   + (= key)       -                        -
 *   quit          Esc / close     -                        -
 *   orbit camera  drag with the left mouse button
 * Sticks have a dead zone of HH_DEADZONE (rescaled so the output starts at 0).
 */
#include "hh_platform_int.h"
#include <string.h>

#define HH_DEADZONE 0.15f

float hh_input_stick(Sint16 raw) {
  float v = (float)raw / 32767.0f;
  if (v > 1) v = 1;
  if (v < -1) v = -1;
  if (v > HH_DEADZONE) return (v - HH_DEADZONE) / (1 - HH_DEADZONE);
  if (v < -HH_DEADZONE) return (v + HH_DEADZONE) / (1 - HH_DEADZONE);
  return 0;
}

void hh_input_device_event(hh_window *w, const SDL_Event *e) {
  if (e->type == SDL_CONTROLLERDEVICEADDED || e->type == SDL_JOYDEVICEADDED) {
    int idx = e->type == SDL_CONTROLLERDEVICEADDED ? e->cdevice.which : e->jdevice.which;
    SDL_JoystickID id = SDL_JoystickGetDeviceInstanceID(idx);
    for (int i = 0; i < HH_MAX_PADS; i++) { /* already open? */
      if (w->pad[i] && SDL_JoystickInstanceID(SDL_GameControllerGetJoystick(w->pad[i])) == id) return;
      if (w->joy[i] && SDL_JoystickInstanceID(w->joy[i]) == id) return;
    }
    for (int i = 0; i < HH_MAX_PADS; i++) {
      if (w->pad[i] || w->joy[i]) continue;
      if (SDL_IsGameController(idx)) w->pad[i] = SDL_GameControllerOpen(idx);
      else w->joy[i] = SDL_JoystickOpen(idx);
      break;
    }
  } else if (e->type == SDL_CONTROLLERDEVICEREMOVED || e->type == SDL_JOYDEVICEREMOVED) {
    SDL_JoystickID id = e->type == SDL_CONTROLLERDEVICEREMOVED ? e->cdevice.which : e->jdevice.which;
    for (int i = 0; i < HH_MAX_PADS; i++) {
      if (w->pad[i] && SDL_JoystickInstanceID(SDL_GameControllerGetJoystick(w->pad[i])) == id) {
        SDL_GameControllerClose(w->pad[i]);
        w->pad[i] = NULL;
      }
      if (w->joy[i] && SDL_JoystickInstanceID(w->joy[i]) == id) {
        SDL_JoystickClose(w->joy[i]);
        w->joy[i] = NULL;
      }
    }
  }
}

void hh_input_close_all(hh_window *w) {
  for (int i = 0; i < HH_MAX_PADS; i++) {
    if (w->pad[i]) SDL_GameControllerClose(w->pad[i]);
    if (w->joy[i]) SDL_JoystickClose(w->joy[i]);
    w->pad[i] = NULL;
    w->joy[i] = NULL;
  }
}

/* clamp to [-1, 1] */
static float clamp1(float v) { return v > 1 ? 1 : v < -1 ? -1 : v; }

void hh_input_controls(hh_window *w, hh_controls *c) {
  memset(c, 0, sizeof *c);
  const unsigned char *k = w->key;
  float *a = c->axis;
  a[HH_AXIS_GANTRY] += (float)k[SDL_SCANCODE_D] - (float)k[SDL_SCANCODE_A];
  a[HH_AXIS_TROLLEY] += (float)k[SDL_SCANCODE_W] - (float)k[SDL_SCANCODE_S];
  a[HH_AXIS_HOIST] += (float)k[SDL_SCANCODE_UP] - (float)k[SDL_SCANCODE_DOWN];
  if (k[SDL_SCANCODE_L]) c->buttons |= HH_BTN_LOCK;
  if (k[SDL_SCANCODE_U]) c->buttons |= HH_BTN_UNLOCK;
  if (k[SDL_SCANCODE_SPACE]) c->buttons |= HH_BTN_ESTOP;
  if (k[SDL_SCANCODE_H]) c->buttons |= HH_BTN_HORN;
  if (k[SDL_SCANCODE_F]) c->buttons |= HH_BTN_FINISH;
  for (int i = 0; i < HH_MAX_PADS; i++) {
    SDL_GameController *p = w->pad[i];
    if (p) {
      a[HH_AXIS_GANTRY] += hh_input_stick(SDL_GameControllerGetAxis(p, SDL_CONTROLLER_AXIS_LEFTX));
      a[HH_AXIS_TROLLEY] -= hh_input_stick(SDL_GameControllerGetAxis(p, SDL_CONTROLLER_AXIS_LEFTY));
      a[HH_AXIS_HOIST] += hh_input_stick(SDL_GameControllerGetAxis(p, SDL_CONTROLLER_AXIS_RIGHTY));
      if (SDL_GameControllerGetButton(p, SDL_CONTROLLER_BUTTON_A) ||
          SDL_GameControllerGetButton(p, SDL_CONTROLLER_BUTTON_RIGHTSHOULDER))
        c->buttons |= HH_BTN_LOCK;
      if (SDL_GameControllerGetButton(p, SDL_CONTROLLER_BUTTON_B) ||
          SDL_GameControllerGetButton(p, SDL_CONTROLLER_BUTTON_LEFTSHOULDER))
        c->buttons |= HH_BTN_UNLOCK;
      if (SDL_GameControllerGetButton(p, SDL_CONTROLLER_BUTTON_BACK)) c->buttons |= HH_BTN_ESTOP;
      if (SDL_GameControllerGetButton(p, SDL_CONTROLLER_BUTTON_Y)) c->buttons |= HH_BTN_HORN;
    }
    SDL_Joystick *j = w->joy[i];
    if (j) {
      int na = SDL_JoystickNumAxes(j), nb = SDL_JoystickNumButtons(j);
      if (na > 0) a[HH_AXIS_GANTRY] += hh_input_stick(SDL_JoystickGetAxis(j, 0));
      if (na > 1) a[HH_AXIS_TROLLEY] -= hh_input_stick(SDL_JoystickGetAxis(j, 1));
      if (na > 2) a[HH_AXIS_HOIST] += hh_input_stick(SDL_JoystickGetAxis(j, na > 3 ? 3 : 2));
      static const uint32_t btn[4] = {HH_BTN_LOCK, HH_BTN_UNLOCK, HH_BTN_ESTOP, HH_BTN_HORN};
      for (int b = 0; b < 4 && b < nb; b++)
        if (SDL_JoystickGetButton(j, b)) c->buttons |= btn[b];
    }
  }
  for (int i = 0; i < HH_AXIS_COUNT; i++) a[i] = clamp1(a[i]);
}
