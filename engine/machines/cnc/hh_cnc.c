/* hh_cnc.c - CNC machine lifetime and one tick (stages 1-3 of hh_step): panel keys,
 * spindle, motion with material removal, then the metrics. The mill and the lathe
 * share this code; the model's machine kind selects the stock and the axes.
 */
#include "hh_cnc_int.h"
#include "../../core/hh_hash.h"
#include <math.h>
#include <stddef.h>
#include <string.h>

const hh_cnc_tool *hh_cnc_tool_get(const hh_model *m, int t) {
  for (int i = 0; i < m->cnc.n_tools; i++)
    if (m->cnc.tool[i].number == t && t > 0) return &m->cnc.tool[i];
  return NULL;
}

void hh_cnc_tip(const hh_model *m, const hh_data *d, const double p[3], double tip[3]) {
  const hh_cnc_tool *t = hh_cnc_tool_get(m, d->cnc.tool);
  tip[0] = p[0];
  tip[1] = p[1];
  tip[2] = p[2];
  if (!t) return;
  if (hh_cnc_is_lathe(m)) {
    tip[0] -= t->length_x;
    tip[2] -= t->length_z;
  } else {
    tip[2] -= t->length;
  }
}

/* allocate the stock and put the machine in its power-on state */
int hh_cnc_attach(const hh_model *m, hh_data *d, hh_error *err) {
  hh_cnc_state *s = &d->cnc;
  if (!(m->dt > 0))
    return hh_error_set(err, HH_E_SCENARIO, m->source, 0, 0, "cnc: tick length must be positive");
  int rc = hh_cnc_stock_alloc(m, d, err);
  if (rc == HH_OK) rc = hh_cnc_mdi_alloc(m, d, err);
  if (rc != HH_OK) {
    hh_cnc_stock_free(d);
    hh_cnc_mdi_free(d);
    return rc;
  }
  memcpy(s->pos, m->cnc.start, sizeof s->pos);
  s->mode = HH_CNC_MODE_JOG;
  s->ref_axis = -1;
  s->feed_ovr = 100;
  s->rapid_ovr = 100;
  s->mpg_step = 1e-5;
  s->mpg_axis = 2;
  s->tool = m->cnc.first_tool;
  s->tool_reg = 0;
  memcpy(s->tool_ofs, m->cnc.tool_ofs0, sizeof s->tool_ofs);
  memcpy(s->work_ofs, m->cnc.work_ofs0, sizeof s->work_ofs);
  for (int r = 0; r < HH_CNC_MAX_TOOLS; r++) { /* preset offsets count as set */
    if (m->cnc.tool_ofs0[r][2] != 0) s->tool_set |= 1u << r;
    if (m->cnc.tool_ofs0[r][0] != 0) s->tool_set |= 1u << (16 + r);
  }
  for (int a = 0; a < 3; a++)
    if (m->cnc.work_ofs0[0][a] != 0) s->work_set |= 1u << a;
  hh_cnc_measure_all(m, d);
  return HH_OK;
}

void hh_cnc_detach(hh_data *d) {
  hh_cnc_stock_free(d);
  hh_cnc_mdi_free(d);
}

/* spindle follows its command at the model's acceleration (G96 from the radius) */
static void spindle(const hh_model *m, hh_data *d) {
  hh_cnc_state *s = &d->cnc;
  if (s->estop) s->spindle_dir = 0;
  double cmd = s->spindle_cmd;
  if (s->spindle_css && hh_cnc_is_lathe(m)) {
    double tip[3];
    hh_cnc_tip(m, d, s->pos, tip);
    double r = fmax(fabs(tip[0]), 1e-3);
    cmd = s->css / (2 * M_PI * r);
    double cap = s->speed_max > 0 ? s->speed_max : m->cnc.spindle_max;
    if (cmd > cap) cmd = cap;
  }
  if (cmd > m->cnc.spindle_max) cmd = m->cnc.spindle_max;
  double target = s->spindle_dir * cmd, dv = m->cnc.spindle_accel * m->dt;
  double e = target - s->spindle_speed;
  s->spindle_speed = fabs(e) <= dv ? target : s->spindle_speed + (e > 0 ? dv : -dv);
}

void hh_cnc_step(const hh_model *m, hh_data *d, const hh_controls *c) {
  hh_cnc_panel(m, d, c);
  spindle(m, d);
  hh_cnc_motion(m, d, c);
  hh_cnc_metrics(m, d);
}

uint64_t hh_cnc_hash(const hh_data *d, uint64_t h) {
  h = hh_fnv1a64(h, &d->cnc, offsetof(hh_cnc_state, nx));
  return hh_cnc_stock_hash(d, h);
}

const char *hh_cnc_alarm_text(int msg) {
  switch (msg) {
  case HH_CNC_ALM_NO_REF: return "ZERO RETURN NOT FINISHED";
  case HH_CNC_ALM_OT_PLUS: return "+ OVERTRAVEL (SOFT 1)";
  case HH_CNC_ALM_OT_MINUS: return "- OVERTRAVEL (SOFT 1)";
  case HH_CNC_ALM_SPINDLE_STOPPED: return "CRASH: CUTTING WITH THE SPINDLE STOPPED";
  case HH_CNC_ALM_RAPID_STOCK: return "CRASH: RAPID TRAVERSE INTO THE WORKPIECE";
  case HH_CNC_ALM_HOLDER: return "CRASH: TOOL HOLDER HIT THE WORKPIECE";
  case HH_CNC_ALM_FIXTURE: return "CRASH: TOOL HIT THE FIXTURE";
  case HH_CNC_ALM_ESTOP: return "EMERGENCY STOP";
  case HH_CNC_ALM_NO_TOOL: return "TOOL NUMBER NOT FOUND";
  case HH_CNC_ALM_INPUT: return "ILLEGAL INPUT (USE E.G. Z0 OR X-45)";
  case HH_CNC_ALM_MDI: return "MDI BLOCK REJECTED BY THE INTERPRETER";
  case HH_CNC_ALM_MDI_LONG: return "MDI BLOCK TOO LONG";
  default: return "";
  }
}

const char *hh_cnc_mode_text(int mode) {
  static const char *const t[] = {"EDIT", "MDI", "AUTO", "JOG", "HANDLE", "REF"};
  return mode >= 0 && mode < 6 ? t[mode] : "?";
}
