/* hh_input_cnc.c - the FANUC-style CNC operator panel on the desktop keyboard and mouse
 * (mill and lathe; the crane layout of hh_input.c is unchanged for other machines).
 * Every press sends exactly the panel key code the autopilot sends (hh_cnc.h,
 * HH_CNC_KEY_*, docs/cnc.md): codes are buffered and go out one per tick in
 * hh_controls.reserved, the code one tick and 0 the next, so a recording replays
 * exactly and no press is lost or doubled whatever the frame rate.
 *
 *   panel key                 desktop                     code
 *   mode EDIT MDI AUTO        F1 F2 F3                    0x80 0x81 0x82
 *   mode JOG HANDLE REF       F4 F5 F6                    0x83 0x84 0x85
 *   single block, dry run     F7, F8                      0x90, 0x91
 *   optional stop, m. lock    F9, F10                     0x92, 0x93
 *   CYCLE START, FEED HOLD    F11, F12                    0x88, 0x89
 *   RESET                     Ctrl+R                      0x8A
 *   feed override +/-10 %     keypad + / -, Ctrl+= / Ctrl+-   0x98, 0x99
 *   rapid override 100/50/25  Ctrl+7 / Ctrl+8 / Ctrl+9   0x9A 0x9B 0x9C
 *   handwheel axis X/Y/Z      Alt+X / Alt+Y / Alt+Z       0xA0 0xA1 0xA2
 *   handwheel x1/x10/x100     Alt+1 / Alt+2 / Alt+3       0xA3 0xA4 0xA5
 *   handwheel detents         mouse wheel (1 notch = 1 detent, away = +)  axis[4]
 *   spindle CW, CCW, stop     Insert, Shift+Insert, Delete   0xA8 0xA9 0xAA
 *   coolant, door             Ctrl+C, Ctrl+D              0xAB, 0xAC
 *   tool change (T no. keyed) Ctrl+T                      0xB0
 *   INPUT: offset MEASURE     Enter (keypad Enter)        0xB1
 *   work offset MEASURE       Shift+Enter                 0xB2
 *   CAN (delete a character)  Backspace                   0xB3
 *   measure the part          Ctrl+M                      0xB4
 *   page POS PROG OFFSET ALARM  Ctrl+1 Ctrl+2 Ctrl+3 Ctrl+4  0xB8-0xBB
 *   drawing sheet on/off      Ctrl+5                      0xBC
 *   key-in (MDI, offsets)     typed text: letters (upper-cased), digits, . - space
 *   jog (JOG; REF: start)     mill: Left/Right x, Down/Up y, PgDn/PgUp z (held)
 *                             lathe: Down/Up x, Left/Right z (held)     axis[0..2]
 *   emergency stop            Pause, or Ctrl+E (held)     HH_BTN_ESTOP
 *   hand in the part          Ctrl+F (held)               HH_BTN_FINISH
 *   camera, pause, large print  Tab, Ctrl+P, Ctrl+L       (program, not the machine)
 *   quit                      Esc / close
 *   any panel key             left click on the on-screen key pad (hh_rcnc_keys.c)
 * Text typed with Ctrl or Alt held, and the text of a key taken as a command (keypad
 * -), is not keyed in. Game controllers and joysticks are not read for CNC machines.
 */
#include "hh_platform_int.h"
#include "../machines/cnc/hh_cnc.h"
#include "../render/hh_rcnc_keys.h"
#include <string.h>

enum { M_NONE = 0, M_CTRL, M_ALT, M_SHIFT };

/* one command key: scancode with a modifier -> panel code */
typedef struct cnc_key {
  SDL_Scancode sc;
  int mod;
  unsigned code;
} cnc_key;

static const cnc_key KEYS[] = {
    {SDL_SCANCODE_F1, M_NONE, HH_CNC_KEY_EDIT},
    {SDL_SCANCODE_F2, M_NONE, HH_CNC_KEY_MDI},
    {SDL_SCANCODE_F3, M_NONE, HH_CNC_KEY_AUTO},
    {SDL_SCANCODE_F4, M_NONE, HH_CNC_KEY_JOG},
    {SDL_SCANCODE_F5, M_NONE, HH_CNC_KEY_MPG},
    {SDL_SCANCODE_F6, M_NONE, HH_CNC_KEY_REF},
    {SDL_SCANCODE_F7, M_NONE, HH_CNC_KEY_SINGLE_BLOCK},
    {SDL_SCANCODE_F8, M_NONE, HH_CNC_KEY_DRY_RUN},
    {SDL_SCANCODE_F9, M_NONE, HH_CNC_KEY_OPT_STOP},
    {SDL_SCANCODE_F10, M_NONE, HH_CNC_KEY_MACHINE_LOCK},
    {SDL_SCANCODE_F11, M_NONE, HH_CNC_KEY_CYCLE_START},
    {SDL_SCANCODE_F12, M_NONE, HH_CNC_KEY_FEED_HOLD},
    {SDL_SCANCODE_R, M_CTRL, HH_CNC_KEY_RESET},
    {SDL_SCANCODE_KP_PLUS, M_NONE, HH_CNC_KEY_FEED_UP},
    {SDL_SCANCODE_KP_MINUS, M_NONE, HH_CNC_KEY_FEED_DOWN},
    {SDL_SCANCODE_EQUALS, M_CTRL, HH_CNC_KEY_FEED_UP},
    {SDL_SCANCODE_MINUS, M_CTRL, HH_CNC_KEY_FEED_DOWN},
    {SDL_SCANCODE_7, M_CTRL, HH_CNC_KEY_RAPID_100},
    {SDL_SCANCODE_8, M_CTRL, HH_CNC_KEY_RAPID_50},
    {SDL_SCANCODE_9, M_CTRL, HH_CNC_KEY_RAPID_25},
    {SDL_SCANCODE_X, M_ALT, HH_CNC_KEY_AXIS_X},
    {SDL_SCANCODE_Y, M_ALT, HH_CNC_KEY_AXIS_Y},
    {SDL_SCANCODE_Z, M_ALT, HH_CNC_KEY_AXIS_Z},
    {SDL_SCANCODE_1, M_ALT, HH_CNC_KEY_MPG_X1},
    {SDL_SCANCODE_2, M_ALT, HH_CNC_KEY_MPG_X10},
    {SDL_SCANCODE_3, M_ALT, HH_CNC_KEY_MPG_X100},
    {SDL_SCANCODE_INSERT, M_NONE, HH_CNC_KEY_SPINDLE_CW},
    {SDL_SCANCODE_INSERT, M_SHIFT, HH_CNC_KEY_SPINDLE_CCW},
    {SDL_SCANCODE_DELETE, M_NONE, HH_CNC_KEY_SPINDLE_STOP},
    {SDL_SCANCODE_C, M_CTRL, HH_CNC_KEY_COOLANT},
    {SDL_SCANCODE_D, M_CTRL, HH_CNC_KEY_DOOR},
    {SDL_SCANCODE_T, M_CTRL, HH_CNC_KEY_TOOL_CHANGE},
    {SDL_SCANCODE_RETURN, M_NONE, HH_CNC_KEY_MEASURE_TOOL},
    {SDL_SCANCODE_KP_ENTER, M_NONE, HH_CNC_KEY_MEASURE_TOOL},
    {SDL_SCANCODE_RETURN, M_SHIFT, HH_CNC_KEY_MEASURE_WORK},
    {SDL_SCANCODE_KP_ENTER, M_SHIFT, HH_CNC_KEY_MEASURE_WORK},
    {SDL_SCANCODE_BACKSPACE, M_NONE, HH_CNC_KEY_CAN},
    {SDL_SCANCODE_M, M_CTRL, HH_CNC_KEY_MEASURE_PART},
    {SDL_SCANCODE_1, M_CTRL, HH_CNC_KEY_PAGE_POS},
    {SDL_SCANCODE_2, M_CTRL, HH_CNC_KEY_PAGE_PROG},
    {SDL_SCANCODE_3, M_CTRL, HH_CNC_KEY_PAGE_OFFSET},
    {SDL_SCANCODE_4, M_CTRL, HH_CNC_KEY_PAGE_ALARM},
    {SDL_SCANCODE_5, M_CTRL, HH_CNC_KEY_DRAWING},
};

/* 1 for the mill and the lathe */
int hh_input_is_cnc(const hh_window *w) {
  return w->machine == HH_MACHINE_CNC_MILL || w->machine == HH_MACHINE_CNC_LATHE;
}

/* the modifier group of a key event's modifier state (Ctrl before Alt before Shift) */
static int mod_of(Uint16 mod) {
  if (mod & KMOD_CTRL) return M_CTRL;
  if (mod & KMOD_ALT) return M_ALT;
  if (mod & KMOD_SHIFT) return M_SHIFT;
  return M_NONE;
}

/* buffer one panel key press (dropped when HH_CNC_QUEUE presses are already waiting) */
static void push(hh_window *w, unsigned code) {
  if (w->cnc_qn >= HH_CNC_QUEUE) return;
  w->cnc_q[(w->cnc_qh + w->cnc_qn) % HH_CNC_QUEUE] = (unsigned char)code;
  w->cnc_qn++;
}

/* a key press: queue its panel code, or a UI request (camera, pause, quit) */
void hh_input_cnc_keydown(hh_window *w, const SDL_Keysym *k, int repeat, hh_ui_input *ui) {
  int mod = mod_of(k->mod);
  w->cnc_eat_text = mod == M_CTRL || mod == M_ALT;
  if (k->scancode == SDL_SCANCODE_ESCAPE) {
    if (!repeat) ui->quit = 1;
    return;
  }
  if (!repeat && k->scancode == SDL_SCANCODE_TAB && mod == M_NONE) ui->next_camera = 1;
  if (!repeat && k->scancode == SDL_SCANCODE_P && mod == M_CTRL) ui->toggle_pause = 1;
  if (!repeat && k->scancode == SDL_SCANCODE_L && mod == M_CTRL) ui->toggle_large_print = 1;
  for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++) {
    if (KEYS[i].sc != k->scancode || KEYS[i].mod != mod) continue;
    w->cnc_eat_text = 1;
    /* auto-repeat only for CAN (hold Backspace to clear the line) */
    if (!repeat || KEYS[i].code == HH_CNC_KEY_CAN) push(w, KEYS[i].code);
    return;
  }
}

/* mouse over the on-screen key pad (hh_rcnc_keys.h): a left click on a key queues its
   code (one click = one press, no camera drag); motion moves the highlight. Returns 1
   when the event was taken by the pad. */
int hh_input_cnc_mouse(hh_window *w, const SDL_Event *e) {
  int ww = 0, wh = 0;
  if (w->win) SDL_GetWindowSize(w->win, &ww, &wh);
  if (e->type == SDL_MOUSEMOTION) {
    hh_rcnc_keys_pointer((float)e->motion.x, (float)e->motion.y, ww, wh,
                         (e->motion.state & SDL_BUTTON_LMASK) != 0);
    return 0; /* a drag that began off the pad still orbits the camera */
  }
  if (e->type == SDL_WINDOWEVENT && e->window.event == SDL_WINDOWEVENT_LEAVE) {
    hh_rcnc_keys_pointer_clear();
    return 0;
  }
  if ((e->type != SDL_MOUSEBUTTONDOWN && e->type != SDL_MOUSEBUTTONUP) ||
      e->button.button != SDL_BUTTON_LEFT)
    return 0;
  int down = e->type == SDL_MOUSEBUTTONDOWN;
  unsigned code = hh_rcnc_keys_pointer((float)e->button.x, (float)e->button.y, ww, wh, down);
  if (!down || !code) return 0;
  push(w, code);
  return 1;
}

/* typed text: queue the key-in characters (upper-cased) */
void hh_input_cnc_text(hh_window *w, const char *text) {
  if (w->cnc_eat_text) { /* the text of a command key (keypad -, Ctrl/Alt chords) */
    w->cnc_eat_text = 0;
    return;
  }
  if (w->key[SDL_SCANCODE_LCTRL] || w->key[SDL_SCANCODE_RCTRL] || w->key[SDL_SCANCODE_LALT] ||
      w->key[SDL_SCANCODE_RALT])
    return;
  for (const char *p = text; *p; p++) {
    unsigned ch = (unsigned char)*p;
    if (ch >= 'a' && ch <= 'z') ch -= 'a' - 'A';
    if ((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' ||
        ch == ' ')
      push(w, ch);
  }
}

/* mouse wheel notches become buffered handwheel detents */
void hh_input_cnc_wheel(hh_window *w, int notches) {
  long v = (long)w->cnc_wheel + notches;
  if (v > 10000) v = 10000; /* bounded backlog (1000 ticks of full-speed turning) */
  if (v < -10000) v = -10000;
  w->cnc_wheel = (int)v;
}

/* held keys: jog axes, e-stop, hand-in */
void hh_input_cnc_controls(hh_window *w, hh_controls *c) {
  memset(c, 0, sizeof *c);
  const unsigned char *k = w->key;
  int ctrl = k[SDL_SCANCODE_LCTRL] || k[SDL_SCANCODE_RCTRL];
  int alt = k[SDL_SCANCODE_LALT] || k[SDL_SCANCODE_RALT];
  if (!ctrl && !alt) {
    float lr = (float)k[SDL_SCANCODE_RIGHT] - (float)k[SDL_SCANCODE_LEFT];
    float ud = (float)k[SDL_SCANCODE_UP] - (float)k[SDL_SCANCODE_DOWN];
    if (w->machine == HH_MACHINE_CNC_LATHE) {
      c->axis[0] = ud; /* x: radial, up = away from the spindle axis */
      c->axis[2] = lr; /* z: along the spindle, right = toward the tailstock */
    } else {
      c->axis[0] = lr;
      c->axis[1] = ud;
      c->axis[2] = (float)k[SDL_SCANCODE_PAGEUP] - (float)k[SDL_SCANCODE_PAGEDOWN];
    }
  }
  if (k[SDL_SCANCODE_PAUSE] || (ctrl && k[SDL_SCANCODE_E])) c->buttons |= HH_BTN_ESTOP;
  if (ctrl && k[SDL_SCANCODE_F]) c->buttons |= HH_BTN_FINISH;
}

/* choose the key layout for the machine; clears anything buffered */
void hh_window_set_machine(hh_window *win, int machine) {
  if (!win) return;
  win->machine = machine;
  win->cnc_qh = win->cnc_qn = 0;
  win->cnc_last = 0;
  win->cnc_wheel = 0;
  if (hh_input_is_cnc(win)) SDL_StartTextInput(); /* MDI key-in arrives as text */
}

/* queue one panel key press from another input source (VR pointing) */
int hh_window_cnc_press(hh_window *win, unsigned code) {
  if (!win || !hh_input_is_cnc(win) || !code || win->cnc_qn >= HH_CNC_QUEUE) return 0;
  push(win, code);
  return 1;
}

/* per tick: the next buffered press (then a release tick) and <= 10 detents */
void hh_window_tick_controls(hh_window *win, hh_controls *c) {
  if (!win || !hh_input_is_cnc(win)) return;
  if (win->cnc_last) { /* release after each press, as the autopilot does */
    win->cnc_last = 0;
  } else if (win->cnc_qn > 0) {
    win->cnc_last = win->cnc_q[win->cnc_qh];
    win->cnc_qh = (win->cnc_qh + 1) % HH_CNC_QUEUE;
    win->cnc_qn--;
    c->reserved = (c->reserved & ~0xFFu) | win->cnc_last;
  }
  int n = win->cnc_wheel > 10 ? 10 : win->cnc_wheel < -10 ? -10 : win->cnc_wheel;
  win->cnc_wheel -= n;
  c->axis[HH_AXIS_AUX1] = (float)n / 10.0f;
}
