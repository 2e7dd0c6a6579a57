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
 *   key help on the HUD       Ctrl+H (F1 is the EDIT mode key)  (HUD state only)
 *   quit                      Esc / close
 *   any panel key             left click on the on-screen key pad (hh_rcnc_keys.c)
 * The HUD's key help (hh_rcnc_help.c) is built from the same tables (hh_input_cnc_help),
 * so it lists exactly the bindings this file implements.
 * Text typed with Ctrl or Alt held, and the text of a key taken as a command (keypad
 * -), is not keyed in. Game controllers and joysticks are not read for CNC machines.
 */
#include "hh_platform_int.h"
#include "../machines/cnc/hh_cnc.h"
#include "../render/hh_rcnc_keys.h"
#include <stdio.h>
#include <string.h>

enum { M_NONE = 0, M_CTRL, M_ALT, M_SHIFT };

/* one command key: scancode with a modifier -> panel code; what: the help line's text
   (English msgid; the key help on the HUD is built from these tables, hh_input_cnc_help) */
typedef struct cnc_key {
  SDL_Scancode sc;
  int mod;
  unsigned code;
  const char *what;
} cnc_key;

static const cnc_key KEYS[] = {
    {SDL_SCANCODE_F1, M_NONE, HH_CNC_KEY_EDIT, "Mode: EDIT"},
    {SDL_SCANCODE_F2, M_NONE, HH_CNC_KEY_MDI, "Mode: MDI"},
    {SDL_SCANCODE_F3, M_NONE, HH_CNC_KEY_AUTO, "Mode: AUTO"},
    {SDL_SCANCODE_F4, M_NONE, HH_CNC_KEY_JOG, "Mode: JOG"},
    {SDL_SCANCODE_F5, M_NONE, HH_CNC_KEY_MPG, "Mode: HANDLE (handwheel)"},
    {SDL_SCANCODE_F6, M_NONE, HH_CNC_KEY_REF, "Mode: REF (reference return)"},
    {SDL_SCANCODE_F7, M_NONE, HH_CNC_KEY_SINGLE_BLOCK, "Single block on/off"},
    {SDL_SCANCODE_F8, M_NONE, HH_CNC_KEY_DRY_RUN, "Dry run on/off"},
    {SDL_SCANCODE_F9, M_NONE, HH_CNC_KEY_OPT_STOP, "Optional stop on/off"},
    {SDL_SCANCODE_F10, M_NONE, HH_CNC_KEY_MACHINE_LOCK, "Machine lock on/off (program check)"},
    {SDL_SCANCODE_F11, M_NONE, HH_CNC_KEY_CYCLE_START, "CYCLE START"},
    {SDL_SCANCODE_F12, M_NONE, HH_CNC_KEY_FEED_HOLD, "FEED HOLD"},
    {SDL_SCANCODE_R, M_CTRL, HH_CNC_KEY_RESET, "RESET"},
    {SDL_SCANCODE_KP_PLUS, M_NONE, HH_CNC_KEY_FEED_UP, "Feed override +10 %"},
    {SDL_SCANCODE_KP_MINUS, M_NONE, HH_CNC_KEY_FEED_DOWN, "Feed override -10 %"},
    {SDL_SCANCODE_EQUALS, M_CTRL, HH_CNC_KEY_FEED_UP, "Feed override +10 %"},
    {SDL_SCANCODE_MINUS, M_CTRL, HH_CNC_KEY_FEED_DOWN, "Feed override -10 %"},
    {SDL_SCANCODE_7, M_CTRL, HH_CNC_KEY_RAPID_100, "Rapid override 100 %"},
    {SDL_SCANCODE_8, M_CTRL, HH_CNC_KEY_RAPID_50, "Rapid override 50 %"},
    {SDL_SCANCODE_9, M_CTRL, HH_CNC_KEY_RAPID_25, "Rapid override 25 %"},
    {SDL_SCANCODE_X, M_ALT, HH_CNC_KEY_AXIS_X, "Handwheel axis X"},
    {SDL_SCANCODE_Y, M_ALT, HH_CNC_KEY_AXIS_Y, "Handwheel axis Y"},
    {SDL_SCANCODE_Z, M_ALT, HH_CNC_KEY_AXIS_Z, "Handwheel axis Z"},
    {SDL_SCANCODE_1, M_ALT, HH_CNC_KEY_MPG_X1, "Handwheel step x1"},
    {SDL_SCANCODE_2, M_ALT, HH_CNC_KEY_MPG_X10, "Handwheel step x10"},
    {SDL_SCANCODE_3, M_ALT, HH_CNC_KEY_MPG_X100, "Handwheel step x100"},
    {SDL_SCANCODE_INSERT, M_NONE, HH_CNC_KEY_SPINDLE_CW, "Spindle CW"},
    {SDL_SCANCODE_INSERT, M_SHIFT, HH_CNC_KEY_SPINDLE_CCW, "Spindle CCW"},
    {SDL_SCANCODE_DELETE, M_NONE, HH_CNC_KEY_SPINDLE_STOP, "Spindle stop"},
    {SDL_SCANCODE_C, M_CTRL, HH_CNC_KEY_COOLANT, "Coolant on/off"},
    {SDL_SCANCODE_D, M_CTRL, HH_CNC_KEY_DOOR, "Door open/close"},
    {SDL_SCANCODE_T, M_CTRL, HH_CNC_KEY_TOOL_CHANGE, "Tool change (key in the T number first)"},
    {SDL_SCANCODE_RETURN, M_NONE, HH_CNC_KEY_MEASURE_TOOL, "INPUT: tool offset MEASURE"},
    {SDL_SCANCODE_KP_ENTER, M_NONE, HH_CNC_KEY_MEASURE_TOOL, "INPUT: tool offset MEASURE"},
    {SDL_SCANCODE_RETURN, M_SHIFT, HH_CNC_KEY_MEASURE_WORK, "Work offset MEASURE"},
    {SDL_SCANCODE_KP_ENTER, M_SHIFT, HH_CNC_KEY_MEASURE_WORK, "Work offset MEASURE"},
    {SDL_SCANCODE_BACKSPACE, M_NONE, HH_CNC_KEY_CAN, "CAN (delete a character)"},
    {SDL_SCANCODE_M, M_CTRL, HH_CNC_KEY_MEASURE_PART, "Measure the part"},
    {SDL_SCANCODE_1, M_CTRL, HH_CNC_KEY_PAGE_POS, "Page POS"},
    {SDL_SCANCODE_2, M_CTRL, HH_CNC_KEY_PAGE_PROG, "Page PROG"},
    {SDL_SCANCODE_3, M_CTRL, HH_CNC_KEY_PAGE_OFFSET, "Page OFFSET"},
    {SDL_SCANCODE_4, M_CTRL, HH_CNC_KEY_PAGE_ALARM, "Page ALARM"},
    {SDL_SCANCODE_5, M_CTRL, HH_CNC_KEY_DRAWING, "Drawing sheet on/off"},
};

/* UI keys: requests to the program (camera, pause, large print, key help, quit), never
   a control of the machine */
enum { UI_QUIT = 1, UI_CAMERA, UI_PAUSE, UI_LARGE, UI_HELP };
enum { M_ANY = -1 };
typedef struct ui_key {
  SDL_Scancode sc;
  int mod; /* M_*, M_ANY: whatever modifiers are held */
  int action;
  const char *what;
} ui_key;

static const ui_key UI_KEYS[] = {
    {SDL_SCANCODE_H, M_CTRL, UI_HELP, "Key help on/off"},
    {SDL_SCANCODE_TAB, M_NONE, UI_CAMERA, "Next camera"},
    {SDL_SCANCODE_P, M_CTRL, UI_PAUSE, "Pause on/off"},
    {SDL_SCANCODE_L, M_CTRL, UI_LARGE, "Large print on/off"},
    {SDL_SCANCODE_ESCAPE, M_ANY, UI_QUIT, "Quit"},
};

/* held keys: buttons down while the key is (ctrl: only with Ctrl held) */
typedef struct held_key {
  SDL_Scancode sc;
  int ctrl;
  unsigned button;
  const char *what;
} held_key;

static const held_key HELD[] = {
    {SDL_SCANCODE_PAUSE, 0, HH_BTN_ESTOP, "EMERGENCY STOP (held)"},
    {SDL_SCANCODE_E, 1, HH_BTN_ESTOP, "EMERGENCY STOP (held)"},
    {SDL_SCANCODE_F, 1, HH_BTN_FINISH, "Hand in the part (held)"},
};

/* jog keys (held, no Ctrl/Alt): axis = plus - minus, per machine */
typedef struct jog_key {
  int lathe; /* 1: the lathe's layout, 0: the mill's */
  int axis;  /* controls axis 0..2 (x, y, z) */
  SDL_Scancode minus, plus;
  const char *what;
} jog_key;

static const jog_key JOG[] = {
    {0, 0, SDL_SCANCODE_LEFT, SDL_SCANCODE_RIGHT, "Jog X, held (REF mode: reference return)"},
    {0, 1, SDL_SCANCODE_DOWN, SDL_SCANCODE_UP, "Jog Y, held (REF mode: reference return)"},
    {0, 2, SDL_SCANCODE_PAGEDOWN, SDL_SCANCODE_PAGEUP, "Jog Z, held (REF mode: reference return)"},
    {1, 0, SDL_SCANCODE_DOWN, SDL_SCANCODE_UP, "Jog X, held (REF mode: reference return)"},
    {1, 2, SDL_SCANCODE_LEFT, SDL_SCANCODE_RIGHT, "Jog Z, held (REF mode: reference return)"},
};

/* the inputs handled outside the tables (text, wheel, click): keys and help text */
static const struct {
  const char *keys, *what;
} OTHER[] = {
    {"A-Z 0-9 . - Space", "Key in (MDI block, offsets)"},
    {"Mouse wheel", "Handwheel: 1 notch = 1 step (away = +)"},
    {"Left click", "Press a key of the on-screen pad"},
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
  for (size_t i = 0; i < sizeof UI_KEYS / sizeof UI_KEYS[0]; i++) {
    const ui_key *u = &UI_KEYS[i];
    if (u->sc != k->scancode || (u->mod != M_ANY && u->mod != mod)) continue;
    if (!repeat) {
      if (u->action == UI_QUIT) ui->quit = 1;
      if (u->action == UI_CAMERA) ui->next_camera = 1;
      if (u->action == UI_PAUSE) ui->toggle_pause = 1;
      if (u->action == UI_LARGE) ui->toggle_large_print = 1;
      if (u->action == UI_HELP) hh_rcnc_help_toggle(); /* HUD state only, no control */
    }
    if (u->action == UI_QUIT || u->action == UI_HELP) return;
  }
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
  /* lathe: x radial (up = away from the spindle axis), z along the spindle (right =
     toward the tailstock); mill: x right, y up (away), z PgUp */
  int lathe = w->machine == HH_MACHINE_CNC_LATHE;
  for (size_t i = 0; !ctrl && !alt && i < sizeof JOG / sizeof JOG[0]; i++)
    if (JOG[i].lathe == lathe)
      c->axis[JOG[i].axis] = (float)k[JOG[i].plus] - (float)k[JOG[i].minus];
  for (size_t i = 0; i < sizeof HELD / sizeof HELD[0]; i++)
    if (k[HELD[i].sc] && (!HELD[i].ctrl || ctrl)) c->buttons |= HELD[i].button;
}

/* the name of a key with its modifier as printed on the keyboard ("Ctrl+1") */
static void key_name(SDL_Scancode sc, int mod, char *buf, size_t size) {
  static const char *const pre[] = {"", "Ctrl+", "Alt+", "Shift+"};
  snprintf(buf, size, "%s%s", mod > 0 && mod <= M_SHIFT ? pre[mod] : "", SDL_GetScancodeName(sc));
}

/* add keys to the help line saying what (a new line, or " / keys" on the one there) */
static int help_add(hh_rcnc_help_line *out, int n, int max, const char *keys, const char *what) {
  for (int i = 0; i < n; i++) {
    if (strcmp(out[i].what, what) != 0) continue;
    size_t len = strlen(out[i].keys);
    snprintf(out[i].keys + len, sizeof out[i].keys - len, " / %s", keys);
    return n;
  }
  if (n >= max) return n;
  snprintf(out[n].keys, sizeof out[n].keys, "%s", keys);
  out[n].what = what;
  return n + 1;
}

/* the key help of the desktop layout, built from the tables the input code reads */
int hh_input_cnc_help(int machine, hh_rcnc_help_line *out, int max) {
  if (machine != HH_MACHINE_CNC_MILL && machine != HH_MACHINE_CNC_LATHE) return 0;
  int n = 0, lathe = machine == HH_MACHINE_CNC_LATHE;
  char name[48], b[24];
  for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++) {
    key_name(KEYS[i].sc, KEYS[i].mod, name, sizeof name);
    n = help_add(out, n, max, name, KEYS[i].what);
  }
  for (size_t i = 0; i < sizeof JOG / sizeof JOG[0]; i++) {
    if (JOG[i].lathe != lathe) continue;
    snprintf(b, sizeof b, "%s", SDL_GetScancodeName(JOG[i].minus));
    snprintf(name, sizeof name, "%s / %s", b, SDL_GetScancodeName(JOG[i].plus));
    n = help_add(out, n, max, name, JOG[i].what);
  }
  for (size_t i = 0; i < sizeof HELD / sizeof HELD[0]; i++) {
    key_name(HELD[i].sc, HELD[i].ctrl ? M_CTRL : M_NONE, name, sizeof name);
    n = help_add(out, n, max, name, HELD[i].what);
  }
  for (size_t i = 0; i < sizeof OTHER / sizeof OTHER[0]; i++)
    n = help_add(out, n, max, OTHER[i].keys, OTHER[i].what);
  for (size_t i = 0; i < sizeof UI_KEYS / sizeof UI_KEYS[0]; i++) {
    key_name(UI_KEYS[i].sc, UI_KEYS[i].mod, name, sizeof name);
    n = help_add(out, n, max, name, UI_KEYS[i].what);
  }
  return n;
}

/* the keys that show and hide the key help ("Ctrl+H"), from the UI table */
const char *hh_input_cnc_help_key(void) {
  static char name[32];
  for (size_t i = 0; i < sizeof UI_KEYS / sizeof UI_KEYS[0]; i++)
    if (UI_KEYS[i].action == UI_HELP) key_name(UI_KEYS[i].sc, UI_KEYS[i].mod, name, sizeof name);
  return name;
}

/* choose the key layout for the machine; clears anything buffered */
void hh_window_set_machine(hh_window *win, int machine) {
  if (!win) return;
  win->machine = machine;
  win->cnc_qh = win->cnc_qn = 0;
  win->cnc_last = 0;
  win->cnc_wheel = 0;
  static hh_rcnc_help_line help[HH_RCNC_HELP_MAX];
  int n = hh_input_cnc_help(machine, help, HH_RCNC_HELP_MAX);
  hh_rcnc_help_set(help, n, hh_input_cnc_help_key()); /* the HUD's key help and hint */
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
