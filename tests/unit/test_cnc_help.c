/* test_cnc_help.c - the key help of the CNC operator panel (hh_input_cnc_help,
 * hh_rcnc_help.c): the list is built from the input code's own tables, so every
 * command key of the on-screen pad has a listed desktop key that really sends its code
 * (each listed chord is pressed through hh_input_cnc_keydown); the mill lists a Y jog,
 * the lathe none; the help key toggles the HUD list without queueing anything (a
 * recording replays the same); it shows for the first seconds; every line reads in
 * zh-CN. */
#include "hh_test.h"
#include "platform/hh_platform_int.h"
#include "render/hh_rcnc_keys.h"
#include "machines/cnc/hh_cnc.h"
#include "core/hh_i18n.h"
#include <stdio.h>
#include <string.h>

static hh_rcnc_help_line lines[HH_RCNC_HELP_MAX];

/* the line whose text is what, or NULL */
static const hh_rcnc_help_line *find(int n, const char *what) {
  for (int i = 0; i < n; i++)
    if (strcmp(lines[i].what, what) == 0) return &lines[i];
  return NULL;
}

/* press one chord written as in the help ("Ctrl+1", "Keypad +") on window w; returns
   the panel codes it queued (bit per code - 0x80) or -1 when it is not a key name */
static long long press(hh_window *w, const char *chord, hh_ui_input *ui) {
  SDL_Keysym k;
  memset(&k, 0, sizeof k);
  const char *p = chord;
  for (;;) {
    if (strncmp(p, "Ctrl+", 5) == 0) k.mod |= KMOD_LCTRL, p += 5;
    else if (strncmp(p, "Alt+", 4) == 0) k.mod |= KMOD_LALT, p += 4;
    else if (strncmp(p, "Shift+", 6) == 0) k.mod |= KMOD_LSHIFT, p += 6;
    else break;
  }
  k.scancode = SDL_GetScancodeFromName(p);
  if (k.scancode == SDL_SCANCODE_UNKNOWN) return -1;
  w->cnc_qh = w->cnc_qn = 0;
  hh_input_cnc_keydown(w, &k, 0, ui);
  long long bits = 0;
  for (int i = 0; i < w->cnc_qn; i++) {
    unsigned c = w->cnc_q[(w->cnc_qh + i) % HH_CNC_QUEUE];
    if (c >= 0x80 && c < 0x80 + 63) bits |= 1LL << (c - 0x80);
  }
  return bits;
}

/* every pad command key is reachable from a listed chord; counts listed chords */
static void coverage(int machine) {
  static hh_window w;
  memset(&w, 0, sizeof w);
  w.machine = machine;
  int n = hh_input_cnc_help(machine, lines, HH_RCNC_HELP_MAX);
  CHECK(n > 40 && n <= HH_RCNC_HELP_MAX);
  long long sent = 0;
  int chords = 0;
  for (int i = 0; i < n; i++) {
    CHECK(lines[i].keys[0] != '\0' && lines[i].what && lines[i].what[0]);
    for (int j = 0; j < i; j++) CHECK(strcmp(lines[i].what, lines[j].what) != 0);
    char buf[64];
    snprintf(buf, sizeof buf, "%.48s", lines[i].keys);
    for (char *tok = strtok(buf, "/"); tok; tok = strtok(NULL, "/")) {
      while (*tok == ' ') tok++;
      size_t len = strlen(tok);
      while (len > 0 && tok[len - 1] == ' ') tok[--len] = '\0';
      hh_ui_input ui;
      memset(&ui, 0, sizeof ui);
      long long b = press(&w, tok, &ui);
      if (b > 0) sent |= b, chords++;
    }
  }
  hh_rcnc_key pad[HH_RCNC_KEYS_MAX];
  int np = hh_rcnc_keys_layout(1280, 720, 0, pad);
  CHECK(np > 40);
  for (int i = 0; i < np; i++) {
    if (pad[i].code < 0x80) continue; /* letters and digits: typed text */
    int ok = (sent >> (pad[i].code - 0x80)) & 1;
    if (!ok) printf("pad key %s (0x%X) has no listed desktop key\n", pad[i].label, pad[i].code);
    CHECK(ok);
  }
  printf("machine %d: %d help lines, %d chords send a panel code\n", machine, n, chords);
}

int main(void) {
  coverage(HH_MACHINE_CNC_MILL);
  coverage(HH_MACHINE_CNC_LATHE);
  CHECK(hh_input_cnc_help(HH_MACHINE_STS, lines, HH_RCNC_HELP_MAX) == 0);

  /* the listed keys of a few bindings, and the per-machine jog keys */
  int n = hh_input_cnc_help(HH_MACHINE_CNC_MILL, lines, HH_RCNC_HELP_MAX);
  const hh_rcnc_help_line *l = find(n, "CYCLE START");
  CHECK(l && strcmp(l->keys, "F11") == 0);
  l = find(n, "EMERGENCY STOP (held)");
  CHECK(l && strcmp(l->keys, "Pause / Ctrl+E") == 0);
  l = find(n, "Key help on/off");
  CHECK(l && strcmp(l->keys, hh_input_cnc_help_key()) == 0 && strcmp(l->keys, "Ctrl+H") == 0);
  l = find(n, "Jog Y, held (REF mode: reference return)");
  CHECK(l && strcmp(l->keys, "Down / Up") == 0);
  CHECK(find(n, "Handwheel: 1 notch = 1 step (away = +)") != NULL);
  int nl = hh_input_cnc_help(HH_MACHINE_CNC_LATHE, lines, HH_RCNC_HELP_MAX);
  CHECK(find(nl, "Jog Y, held (REF mode: reference return)") == NULL);
  l = find(nl, "Jog Z, held (REF mode: reference return)");
  CHECK(l && strcmp(l->keys, "Left / Right") == 0);

  /* the help key: HUD state only, no panel code, no UI request */
  n = hh_input_cnc_help(HH_MACHINE_CNC_MILL, lines, HH_RCNC_HELP_MAX);
  hh_rcnc_help_set(lines, n, hh_input_cnc_help_key());
  CHECK(hh_rcnc_help_visible(0.0) && hh_rcnc_help_visible(9.9));
  CHECK(!hh_rcnc_help_visible(HH_RCNC_HELP_START_S + 1));
  static hh_window w;
  memset(&w, 0, sizeof w);
  w.machine = HH_MACHINE_CNC_MILL;
  hh_ui_input ui, none;
  memset(&ui, 0, sizeof ui);
  memset(&none, 0, sizeof none);
  CHECK(press(&w, "Ctrl+H", &ui) == 0);
  CHECK(w.cnc_qn == 0 && memcmp(&ui, &none, sizeof ui) == 0);
  CHECK(hh_rcnc_help_visible(60.0)); /* toggled on */
  hh_controls c;
  memset(&c, 0, sizeof c);
  hh_window_tick_controls(&w, &c);
  hh_window_tick_controls(&w, &c);
  CHECK(c.reserved == 0 && c.axis[HH_AXIS_AUX1] == 0);
  CHECK(press(&w, "Ctrl+H", &ui) == 0);
  CHECK(!hh_rcnc_help_visible(60.0) && !hh_rcnc_help_visible(0.0)); /* off, even at start */
  CHECK(press(&w, "F11", &ui) == 1LL << (HH_CNC_KEY_CYCLE_START - 0x80)); /* F11 still is */
  hh_rcnc_help_set(NULL, 0, NULL);
  CHECK(!hh_rcnc_help_visible(0.0));

  /* every line, and the hint and title, read in Chinese */
  hh_error err = {0};
  CHECK(hh_i18n_load(HH_SOURCE_DIR "/assets/i18n", "zh-CN", &err) == HH_OK);
  const char *fixed[] = {"%s: key help", "Operator panel keys (%s: close)", "Mouse wheel",
                         "Left click", "A-Z 0-9 . - Space", "Part as cut", "Nominal profile"};
  for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) CHECK(strcmp(hh_tr(fixed[i]), fixed[i]) != 0);
  for (int m = 0; m < 2; m++) {
    n = hh_input_cnc_help(m ? HH_MACHINE_CNC_LATHE : HH_MACHINE_CNC_MILL, lines, HH_RCNC_HELP_MAX);
    for (int i = 0; i < n; i++) {
      int ok = strcmp(hh_tr(lines[i].what), lines[i].what) != 0;
      if (!ok) printf("no zh-CN for help line '%s'\n", lines[i].what);
      CHECK(ok);
    }
  }
  return hh_test_done("cnc_help");
}
