/* hh_pilot_cnc.c - expert autopilot for the milling exam. The procedure is a fixed
 * list of steps rebuilt from the model on every call (no storage beyond hh_pilot):
 * keys pressed and released, text keyed in, reference return by axis, jog moves to
 * exact positions, handwheel approaches that never pass the surface (coarse, then
 * x10, then x1), waiting for the program, measuring and handing in.
 */
#include "hh_pilot_cnc.h"
#include "../machines/cnc/hh_cnc.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

enum { S_KEY = 1, S_TYPE, S_REF, S_JOG, S_MPG, S_WAIT_IDLE, S_FINISH, S_END };
enum { M_SUB = 0, M_CHAR = 1 };

typedef struct pstep {
  int op;
  unsigned key;        /* S_KEY */
  char text[24];       /* S_TYPE */
  int axis;            /* S_REF, S_MPG */
  double to[3];        /* S_JOG target (NAN keeps the axis); S_MPG to[axis] */
} pstep;

static pstep key(unsigned k) { pstep s = {S_KEY, k, "", 0, {0, 0, 0}}; return s; }
static pstep ref(int a) { pstep s = {S_REF, 0, "", a, {0, 0, 0}}; return s; }
static pstep mpg(int a, double v) { pstep s = {S_MPG, 0, "", a, {0, 0, 0}}; s.to[a] = v; return s; }
static pstep jog(double x, double y, double z) {
  pstep s = {S_JOG, 0, "", 0, {x, y, z}};
  return s;
}
/* key in a text made with printf */
static pstep type(const char *fmt, double v) {
  pstep s = {S_TYPE, 0, "", 0, {0, 0, 0}};
  snprintf(s.text, sizeof s.text, fmt, v);
  return s;
}

/* handwheel approach of axis a to v in three steps: x100, x10, x1 */
static int approach(pstep *out, int n, int a, double v) {
  static const unsigned ax[3] = {HH_CNC_KEY_AXIS_X, HH_CNC_KEY_AXIS_Y, HH_CNC_KEY_AXIS_Z};
  out[n++] = key(HH_CNC_KEY_MPG);
  out[n++] = key(ax[a]);
  out[n++] = key(HH_CNC_KEY_MPG_X100);
  out[n++] = mpg(a, v);
  out[n++] = key(HH_CNC_KEY_MPG_X10);
  out[n++] = mpg(a, v);
  out[n++] = key(HH_CNC_KEY_MPG_X1);
  out[n++] = mpg(a, v);
  return n;
}

/* the whole milling procedure; returns the number of steps */
static int plan_mill(const hh_model *m, pstep *s) {
  const hh_cnc_model *k = &m->cnc;
  const hh_cnc_tool *t1 = hh_cnc_tool_get(m, 1), *t2 = hh_cnc_tool_get(m, 2);
  double R = t1 ? t1->radius : 0.005, L1 = t1 ? t1->length : 0.1, L2 = t2 ? t2->length : L1;
  double top = k->stock_max[2], cx = k->part_origin[0], cy = k->part_origin[1];
  double mm = 1e-3, side_z = top - 3 * mm;
  double xt = k->stock_min[0] - R, yt = k->stock_min[1] - R;
  int n = 0;
  s[n++] = key(HH_CNC_KEY_REF);
  s[n++] = ref(2);
  s[n++] = ref(0);
  s[n++] = ref(1);
  s[n++] = key(HH_CNC_KEY_JOG);
  s[n++] = key(HH_CNC_KEY_DOOR);
  s[n++] = type("S%.0f", 1000);
  s[n++] = key(HH_CNC_KEY_SPINDLE_CW);
  /* X: touch the left face with the cutter's side */
  s[n++] = jog(xt - 2 * mm, cy, top + 20 * mm + L1);
  s[n++] = jog(NAN, NAN, side_z + L1);
  n = approach(s, n, 0, xt);
  s[n++] = type("X%.3f", (xt - cx) / mm);
  s[n++] = key(HH_CNC_KEY_MEASURE_WORK);
  s[n++] = key(HH_CNC_KEY_JOG);
  s[n++] = jog(xt - 2 * mm, NAN, NAN);
  s[n++] = jog(NAN, NAN, top + 10 * mm + L1);
  /* Y: touch the front face */
  s[n++] = jog(cx, yt - 2 * mm, NAN);
  s[n++] = jog(NAN, NAN, side_z + L1);
  n = approach(s, n, 1, yt);
  s[n++] = type("Y%.3f", (yt - cy) / mm);
  s[n++] = key(HH_CNC_KEY_MEASURE_WORK);
  s[n++] = key(HH_CNC_KEY_JOG);
  s[n++] = jog(NAN, yt - 2 * mm, NAN);
  s[n++] = jog(NAN, NAN, top + 10 * mm + L1);
  /* Z: T1 touches the top in the pocket area; length offset and G54 Z */
  s[n++] = jog(cx, cy, top + 2 * mm + L1);
  n = approach(s, n, 2, top + L1);
  s[n++] = type("Z%.0f", 0);
  s[n++] = key(HH_CNC_KEY_MEASURE_TOOL);
  s[n++] = type("Z%.0f", 0);
  s[n++] = key(HH_CNC_KEY_MEASURE_WORK);
  s[n++] = key(HH_CNC_KEY_JOG);
  s[n++] = jog(NAN, NAN, top + 50 * mm + L1);
  /* T2: change by hand, touch the top in the pocket area */
  if (t2) {
    s[n++] = key(HH_CNC_KEY_SPINDLE_STOP);
    s[n++] = type("T%.0f", 2);
    s[n++] = key(HH_CNC_KEY_TOOL_CHANGE);
    s[n++] = key(HH_CNC_KEY_SPINDLE_CW);
    s[n++] = jog(cx + 5 * mm, cy, top + 50 * mm + L2);
    s[n++] = jog(NAN, NAN, top + 2 * mm + L2);
    n = approach(s, n, 2, top + L2);
    s[n++] = type("Z%.0f", 0);
    s[n++] = key(HH_CNC_KEY_MEASURE_TOOL);
    s[n++] = key(HH_CNC_KEY_JOG);
    s[n++] = jog(NAN, NAN, top + 50 * mm + L2);
  }
  return n;
}

/* touch off the tool in the turret on the raw face (keyed Z) and diameter (keyed X) */
static int lathe_touch(const hh_model *m, pstep *s, int n, int tool) {
  const hh_cnc_model *k = &m->cnc;
  const hh_cnc_tool *t = hh_cnc_tool_get(m, tool);
  double mm = 1e-3, r = k->stock_max[0], end = k->stock_max[2];
  double lx = t ? t->length_x : 0, lz = t ? t->length_z : 0;
  if (tool != m->cnc.first_tool) {
    s[n++] = key(HH_CNC_KEY_SPINDLE_STOP);
    s[n++] = type("T%.0f", tool);
    s[n++] = key(HH_CNC_KEY_TOOL_CHANGE);
    s[n++] = key(HH_CNC_KEY_SPINDLE_CW);
  }
  /* Z: the tip on the raw face, 5 mm inside the diameter */
  s[n++] = jog(r - 5 * mm + lx, NAN, end + 3 * mm + lz);
  n = approach(s, n, 2, end + lz);
  s[n++] = type("Z%.3f", (end - k->part_origin[2]) / mm);
  s[n++] = key(HH_CNC_KEY_MEASURE_TOOL);
  s[n++] = key(HH_CNC_KEY_JOG);
  s[n++] = jog(NAN, NAN, end + 3 * mm + lz);
  /* X: the tip on the raw diameter, 5 mm from the face */
  s[n++] = jog(r + 3 * mm + lx, NAN, NAN);
  s[n++] = jog(NAN, NAN, end - 5 * mm + lz);
  n = approach(s, n, 0, r + lx);
  s[n++] = type("X%.3f", 2 * r / mm);
  s[n++] = key(HH_CNC_KEY_MEASURE_TOOL);
  s[n++] = key(HH_CNC_KEY_JOG);
  s[n++] = jog(r + 10 * mm + lx, NAN, NAN);
  s[n++] = jog(NAN, NAN, end + 20 * mm + lz);
  return n;
}

/* the whole turning procedure; returns the number of steps */
static int plan_lathe(const hh_model *m, pstep *s) {
  int n = 0;
  s[n++] = key(HH_CNC_KEY_REF);
  s[n++] = ref(0);
  s[n++] = ref(2);
  s[n++] = key(HH_CNC_KEY_JOG);
  s[n++] = key(HH_CNC_KEY_DOOR);
  s[n++] = type("S%.0f", 600);
  s[n++] = key(HH_CNC_KEY_SPINDLE_CW);
  for (int t = 1; t <= 3; t++)
    if (hh_cnc_tool_get(m, t)) n = lathe_touch(m, s, n, t);
  return n;
}

/* verify in machine lock, cut, measure and hand in */
static int plan_finish(pstep *s, int n) {
  s[n++] = key(HH_CNC_KEY_SPINDLE_STOP);
  s[n++] = key(HH_CNC_KEY_AUTO);
  s[n++] = key(HH_CNC_KEY_MACHINE_LOCK);
  s[n++] = key(HH_CNC_KEY_CYCLE_START);
  s[n++] = (pstep){S_WAIT_IDLE, 0, "", 0, {0, 0, 0}};
  s[n++] = key(HH_CNC_KEY_MACHINE_LOCK);
  s[n++] = key(HH_CNC_KEY_CYCLE_START);
  s[n++] = key(HH_CNC_KEY_PAGE_PROG); /* follow the program and the drawing while it cuts */
  s[n++] = key(HH_CNC_KEY_DRAWING);
  s[n++] = (pstep){S_WAIT_IDLE, 0, "", 0, {0, 0, 0}};
  s[n++] = key(HH_CNC_KEY_MEASURE_PART);
  s[n++] = (pstep){S_FINISH, 0, "", 0, {0, 0, 0}};
  s[n++] = (pstep){S_END, 0, "", 0, {0, 0, 0}};
  return n;
}

int hh_pilot_cnc_start(hh_pilot *p, const hh_model *m) {
  int mill = strcmp(m->autopilot, "cnc_mill_expert") == 0 && m->machine == HH_MACHINE_CNC_MILL;
  int lathe = strcmp(m->autopilot, "cnc_lathe_expert") == 0 && m->machine == HH_MACHINE_CNC_LATHE;
  if (!mill && !lathe) return 0;
  p->kind = HH_PILOT_CNC_EXPERT;
  p->phase = 0;
  return 1;
}

/* a key: pressed one tick, released the next; returns 1 when done */
static int press(hh_pilot *p, unsigned k, hh_controls *out) {
  if (p->memo[M_SUB] == 0) {
    out->reserved = k;
    p->memo[M_SUB] = 1;
    return 0;
  }
  p->memo[M_SUB] = 0;
  return 1;
}

/* one tick of step st; returns 1 when the step is complete */
static int act(hh_pilot *p, const hh_model *m, const hh_data *d, const pstep *st,
               hh_controls *out) {
  const hh_cnc_state *s = &d->cnc;
  switch (st->op) {
  case S_KEY: return press(p, st->key, out);
  case S_TYPE: {
    int i = (int)p->memo[M_CHAR];
    if (!st->text[i]) {
      p->memo[M_CHAR] = 0;
      return 1;
    }
    if (press(p, (unsigned char)st->text[i], out)) p->memo[M_CHAR] = i + 1;
    return 0;
  }
  case S_REF:
    if (s->referenced[st->axis] && s->ref_axis < 0) return 1;
    out->axis[st->axis] = 1.0f;
    return 0;
  case S_JOG: {
    int done = 1;
    double v = m->cnc.jog_speed * (s->feed_ovr / 100.0) * m->dt;
    for (int i = 0; i < 3; i++) {
      if (isnan(st->to[i])) continue;
      double e = st->to[i] - s->pos[i];
      if (fabs(e) < 1e-9) continue;
      done = 0;
      double a = e / v;
      out->axis[i] = (float)(a > 1 ? 1 : a < -1 ? -1 : a);
    }
    return done;
  }
  case S_MPG: {
    double e = st->to[st->axis] - s->pos[st->axis];
    long det = (long)(e / s->mpg_step); /* toward zero: never passes the target */
    if (det == 0) return 1;
    if (det > 10) det = 10;
    if (det < -10) det = -10;
    out->axis[HH_AXIS_AUX1] = (float)det / 10.0f;
    return 0;
  }
  case S_WAIT_IDLE: return s->run == HH_CNC_RUN_IDLE && s->wait_s <= 0;
  case S_FINISH: out->buttons |= HH_BTN_FINISH; return 1;
  default: return 0;
  }
}

void hh_pilot_cnc_act(hh_pilot *p, const hh_model *m, const hh_data *d, hh_controls *out) {
  pstep s[160];
  int n = plan_finish(s, hh_cnc_is_lathe(m) ? plan_lathe(m, s) : plan_mill(m, s));
  if (p->phase >= n) return;
  if (act(p, m, d, &s[p->phase], out)) {
    p->phase++;
    p->phase_t = 0;
  } else {
    p->phase_t += m->dt;
  }
}
