/* hh_cnc_panel.c - the operator panel: mode switch, cycle start / feed hold / reset,
 * switches (single block, dry run, optional stop, machine lock), overrides, handwheel
 * axis and step, manual spindle, coolant, door, the key-in buffer and the offset
 * pages' MEASURE (tool setting and work offset by touching off), part measurement
 * and emergency stop. Keys act on the tick their code first appears.
 */
#include "hh_cnc_int.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

void hh_cnc_alarm(hh_data *d, int number, int msg) {
  if (d->cnc.alarm) return;
  d->cnc.alarm = number;
  d->cnc.alarm_msg = msg;
}

/* parse the key-in buffer "X-12.5" into axis index and value in mm; 0 on failure */
static int parse_input(const hh_cnc_state *s, int *axis, double *mm) {
  if (s->input_len < 2) return 0;
  char c = s->input[0];
  *axis = c == 'X' ? 0 : c == 'Y' ? 1 : c == 'Z' ? 2 : -1;
  if (*axis < 0) return 0;
  char *end;
  *mm = strtod(s->input + 1, &end);
  return *end == '\0';
}

/* the number in the key-in buffer (digits only, optional leading letter); -1 if none */
static double input_number(const hh_cnc_state *s) {
  const char *p = s->input;
  if (*p >= 'A' && *p <= 'Z') p++;
  if (!*p) return -1;
  char *end;
  double v = strtod(p, &end);
  return *end == '\0' ? v : -1;
}

/* offset page MEASURE for the tool in the spindle: the touched surface is at `mm` */
static void measure_tool(const hh_model *m, hh_data *d) {
  hh_cnc_state *s = &d->cnc;
  int axis;
  double mm;
  int r = s->tool;
  if (!parse_input(s, &axis, &mm) || r < 1 || r > HH_CNC_MAX_TOOLS) {
    hh_cnc_alarm(d, 5009, HH_CNC_ALM_INPUT);
    return;
  }
  double v = mm * 1e-3;
  if (hh_cnc_is_lathe(m) && axis == 0) v *= 0.5; /* X is a diameter on the lathe */
  s->tool_ofs[r - 1][axis] = s->pos[axis] - s->work_ofs[s->work][axis] - v;
  if (hh_cnc_is_lathe(m) && axis == 0) s->tool_set |= 1u << (16 + r - 1);
  else if (axis == 2) s->tool_set |= 1u << (r - 1);
}

/* work offset page MEASURE: the spindle axis (mill) / tool tip is at `mm` in G5x */
static void measure_work(const hh_model *m, hh_data *d) {
  hh_cnc_state *s = &d->cnc;
  int axis;
  double mm;
  if (!parse_input(s, &axis, &mm)) {
    hh_cnc_alarm(d, 5009, HH_CNC_ALM_INPUT);
    return;
  }
  double tool = 0.0;
  int r = s->tool;
  if (r >= 1 && r <= HH_CNC_MAX_TOOLS && (axis == 2 || hh_cnc_is_lathe(m)))
    tool = s->tool_ofs[r - 1][axis];
  s->work_ofs[s->work][axis] = s->pos[axis] - tool - mm * 1e-3;
  s->work_set |= 1u << axis;
}

/* manual spindle start in JOG/MPG: speed from the key-in buffer (rev/min) or 500 */
static void manual_spindle(const hh_model *m, hh_data *d, int dir) {
  hh_cnc_state *s = &d->cnc;
  if (s->mode != HH_CNC_MODE_JOG && s->mode != HH_CNC_MODE_MPG) return;
  double rpm = input_number(s);
  if (s->input[0] == 'S' && rpm > 0) {
    s->spindle_cmd = rpm / 60.0;
    s->input_len = 0;
    s->input[0] = '\0';
  } else if (s->spindle_cmd <= 0) {
    s->spindle_cmd = 500.0 / 60.0;
  }
  if (s->spindle_cmd > m->cnc.spindle_max) s->spindle_cmd = m->cnc.spindle_max;
  s->spindle_css = 0;
  s->spindle_dir = dir;
}

/* reset: clear alarms (e-stop only once released), stop and rewind the program */
static void reset(const hh_model *m, hh_data *d, const hh_controls *c) {
  hh_cnc_state *s = &d->cnc;
  (void)m;
  if (s->estop && (c->buttons & HH_BTN_ESTOP)) return;
  s->estop = 0;
  s->alarm = 0;
  s->alarm_msg = 0;
  s->run = HH_CNC_RUN_IDLE;
  s->in_move = 0;
  s->verifying = 0;
  s->vel = 0;
  s->wait_s = 0;
  s->pc = 0;
  s->mdi = 0;
  s->n_mdi = 0;
}

/* one key press */
static void key(const hh_model *m, hh_data *d, const hh_controls *c, unsigned k) {
  hh_cnc_state *s = &d->cnc;
  int running = s->run == HH_CNC_RUN_RUNNING;
  if (k >= HH_CNC_KEY_EDIT && k <= HH_CNC_KEY_REF) {
    if (running) s->run = HH_CNC_RUN_HOLD;
    s->mode = (int)(k - HH_CNC_KEY_EDIT);
    s->ref_axis = -1;
    return;
  }
  switch (k) {
  case HH_CNC_KEY_CYCLE_START:
    if (s->mode == HH_CNC_MODE_AUTO && s->counters[HH_CNC_CNT_AUTO_START] < 1000000)
      s->counters[HH_CNC_CNT_AUTO_START]++;
    hh_cnc_cycle_start(m, d);
    break;
  case HH_CNC_KEY_FEED_HOLD:
    if (running) s->run = HH_CNC_RUN_HOLD;
    break;
  case HH_CNC_KEY_RESET: reset(m, d, c); break;
  case HH_CNC_KEY_SINGLE_BLOCK: s->single_block = !s->single_block; break;
  case HH_CNC_KEY_DRY_RUN: s->dry_run = !s->dry_run; break;
  case HH_CNC_KEY_OPT_STOP: s->opt_stop = !s->opt_stop; break;
  case HH_CNC_KEY_MACHINE_LOCK:
    if (s->run == HH_CNC_RUN_IDLE) s->machine_lock = !s->machine_lock;
    break;
  case HH_CNC_KEY_FEED_UP:
    if (s->feed_ovr < 150) s->feed_ovr += 10;
    break;
  case HH_CNC_KEY_FEED_DOWN:
    if (s->feed_ovr > 0) s->feed_ovr -= 10;
    break;
  case HH_CNC_KEY_RAPID_100: s->rapid_ovr = 100; break;
  case HH_CNC_KEY_RAPID_50: s->rapid_ovr = 50; break;
  case HH_CNC_KEY_RAPID_25: s->rapid_ovr = 25; break;
  case HH_CNC_KEY_AXIS_X: s->mpg_axis = 0; break;
  case HH_CNC_KEY_AXIS_Y:
    if (!hh_cnc_is_lathe(m)) s->mpg_axis = 1;
    break;
  case HH_CNC_KEY_AXIS_Z: s->mpg_axis = 2; break;
  case HH_CNC_KEY_MPG_X1: s->mpg_step = 1e-6; break;
  case HH_CNC_KEY_MPG_X10: s->mpg_step = 1e-5; break;
  case HH_CNC_KEY_MPG_X100: s->mpg_step = 1e-4; break;
  case HH_CNC_KEY_SPINDLE_CW: manual_spindle(m, d, 1); break;
  case HH_CNC_KEY_SPINDLE_CCW: manual_spindle(m, d, -1); break;
  case HH_CNC_KEY_SPINDLE_STOP:
    if (!running) s->spindle_dir = 0;
    break;
  case HH_CNC_KEY_COOLANT: s->coolant = !s->coolant; break;
  case HH_CNC_KEY_DOOR: s->door_closed = !s->door_closed; break;
  case HH_CNC_KEY_TOOL_CHANGE: {
    double t = input_number(s);
    if (running || t < 1 || !hh_cnc_tool_get(m, (int)t)) {
      hh_cnc_alarm(d, 5010, HH_CNC_ALM_NO_TOOL);
    } else {
      s->tool = (int)t;
      s->tool_reg = (int)t;
    }
    s->input_len = 0;
    break;
  }
  case HH_CNC_KEY_MEASURE_TOOL:
    measure_tool(m, d);
    s->input_len = 0;
    break;
  case HH_CNC_KEY_MEASURE_WORK:
    measure_work(m, d);
    s->input_len = 0;
    break;
  case HH_CNC_KEY_CAN:
    if (s->input_len > 0) s->input_len--;
    break;
  case HH_CNC_KEY_MEASURE_PART:
    hh_cnc_measure_all(m, d);
    if (s->program_done && s->spindle_dir == 0) s->measured = 1;
    break;
  case HH_CNC_KEY_PAGE_POS:
  case HH_CNC_KEY_PAGE_PROG:
  case HH_CNC_KEY_PAGE_OFFSET:
  case HH_CNC_KEY_PAGE_ALARM: s->page = (int)(k - HH_CNC_KEY_PAGE_POS); break;
  case HH_CNC_KEY_DRAWING: s->drawing = !s->drawing; break;
  default: {
    /* key-in: 0-9 . - X Y Z S T always; in MDI every address letter and space */
    int mdi = s->mode == HH_CNC_MODE_MDI && ((k >= 'A' && k <= 'Z') || k == ' ');
    if ((mdi || (k >= '0' && k <= '9') || k == '.' || k == '-' || k == 'X' || k == 'Y' ||
         k == 'Z' || k == 'S' || k == 'T') && s->input_len < HH_CNC_INPUT - 1)
      s->input[s->input_len++] = (char)k;
    break;
  }
  }
  s->input[s->input_len] = '\0';
}

void hh_cnc_panel(const hh_model *m, hh_data *d, const hh_controls *c) {
  hh_cnc_state *s = &d->cnc;
  if ((c->buttons & HH_BTN_ESTOP) && !(s->prev_buttons & HH_BTN_ESTOP)) {
    s->estop = 1;
    s->counters[HH_CNC_CNT_ESTOP]++;
    s->run = HH_CNC_RUN_IDLE;
    s->in_move = 0;
    s->vel = 0;
    s->spindle_dir = 0;
    hh_cnc_alarm(d, 1000, HH_CNC_ALM_ESTOP);
  }
  if (c->buttons & HH_BTN_FINISH) s->finished = 1;
  s->prev_buttons = c->buttons;
  unsigned k = c->reserved & 0xFFu;
  if (k && k != s->prev_key) key(m, d, c, k);
  s->prev_key = k;
}
