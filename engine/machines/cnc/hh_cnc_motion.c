/* hh_cnc_motion.c - axis motion of one tick: reference return, jog, handwheel and the
 * program (canonical operations) with trapezoidal, acceleration-limited moves that
 * stop exactly at each block end, rapid/feed override, dry run, single block, feed
 * hold, optional stop, machine lock (graphic check) and soft limits. Every motion
 * sweeps the tool over the stock (hh_cnc_sweep) unless machine lock is on.
 */
#include "hh_cnc_int.h"
#include <math.h>
#include <string.h>

#define ARC_CHORD 0.5e-3 /* m: longest chord swept along an arc */

/* is machine position p inside the soft limits? sets the over-travel alarm if not */
static int limits_ok(const hh_model *m, hh_data *d, const double p[3]) {
  for (int i = 0; i < 3; i++) {
    if (hh_cnc_is_lathe(m) && i == 1) continue;
    if (p[i] > m->cnc.travel_max[i] + 1e-9 || p[i] < m->cnc.travel_min[i] - 1e-9) {
      int plus = p[i] > m->cnc.travel_max[i];
      hh_cnc_alarm(d, plus ? 500 : 501, plus ? HH_CNC_ALM_OT_PLUS : HH_CNC_ALM_OT_MINUS);
      d->cnc.counters[HH_CNC_CNT_OVERTRAVEL]++;
      return 0;
    }
  }
  return 1;
}

/* move the controlled point from its position to p, sweeping the tool on the way */
static void move_to(const hh_model *m, hh_data *d, const double p[3], int rapid) {
  hh_cnc_state *s = &d->cnc;
  if (!s->machine_lock) {
    double a[3], b[3];
    hh_cnc_tip(m, d, s->pos, a);
    hh_cnc_tip(m, d, p, b);
    hh_cnc_sweep(m, d, a, b, rapid);
  }
  memcpy(s->pos, p, sizeof s->pos);
}

/* ---------------------------------------------------------------- manual modes */

/* REF: an axis stick pushed + starts that axis's return; it moves at half rapid */
static void ref_return(const hh_model *m, hh_data *d, const hh_controls *c) {
  hh_cnc_state *s = &d->cnc;
  if (s->ref_axis < 0)
    for (int i = 2; i >= 0; i--)
      if (c->axis[i] > 0.5f && !(hh_cnc_is_lathe(m) && i == 1)) s->ref_axis = i;
  if (s->ref_axis < 0) return;
  int i = s->ref_axis;
  double step = 0.5 * m->cnc.rapid[i] * (s->rapid_ovr / 100.0) * m->dt;
  double p[3] = {s->pos[0], s->pos[1], s->pos[2]};
  double e = m->cnc.home[i] - p[i];
  if (fabs(e) <= step) {
    p[i] = m->cnc.home[i];
    s->referenced[i] = 1;
    s->ref_axis = -1;
  } else {
    p[i] += e > 0 ? step : -step;
  }
  move_to(m, d, p, 1);
}

/* JOG: sticks move the axes at jog speed; MPG: the handwheel moves the chosen axis */
static void manual(const hh_model *m, hh_data *d, const hh_controls *c) {
  hh_cnc_state *s = &d->cnc;
  double p[3] = {s->pos[0], s->pos[1], s->pos[2]};
  int moved = 0;
  if (s->mode == HH_CNC_MODE_JOG) {
    for (int i = 0; i < 3; i++) {
      if (hh_cnc_is_lathe(m) && i == 1) continue;
      double v = c->axis[i];
      if (v > 1) v = 1;
      if (v < -1) v = -1;
      if (v == 0) continue;
      p[i] += v * m->cnc.jog_speed * (s->feed_ovr / 100.0) * m->dt;
      moved = 1;
    }
    s->vel = moved ? m->cnc.jog_speed : 0.0;
  } else {
    int detents = (int)lrintf(c->axis[HH_AXIS_AUX1] * 10.0f);
    if (detents) {
      p[s->mpg_axis] += detents * s->mpg_step;
      moved = 1;
    }
    s->vel = moved ? fabs(detents * s->mpg_step) / m->dt : 0.0;
  }
  if (!moved) return;
  for (int i = 0; i < 3; i++) { /* stop at the soft limit, with the alarm */
    double lo = m->cnc.travel_min[i], hi = m->cnc.travel_max[i];
    if (p[i] > hi || p[i] < lo) {
      double q[3] = {p[0], p[1], p[2]};
      limits_ok(m, d, q);
      p[i] = p[i] > hi ? hi : lo;
    }
  }
  move_to(m, d, p, 0);
}

/* ---------------------------------------------------------------- program */

/* plane axes (u, v) with u x v = the normal axis n */
static void plane_axes(int n, int *u, int *v) {
  if (n == 2) *u = 0, *v = 1;
  else if (n == 1) *u = 2, *v = 0;
  else *u = 1, *v = 2;
}

/* position at path length sv along the current move */
static void move_point(const hh_cnc_state *s, double sv, double p[3]) {
  double f = s->mv_len > 0 ? sv / s->mv_len : 1.0;
  if (f > 1) f = 1;
  if (s->mv_kind != HH_CANON_ARC) {
    for (int i = 0; i < 3; i++) p[i] = s->mv_start[i] + f * (s->mv_end[i] - s->mv_start[i]);
    return;
  }
  int u, v, n = s->mv_axis;
  plane_axes(n, &u, &v);
  double ang = s->mv_arc[0] + f * s->mv_arc[1];
  double r = s->mv_arc[2] + f * (s->mv_arc[3] - s->mv_arc[2]);
  p[u] = s->mv_centre[u] + r * cos(ang);
  p[v] = s->mv_centre[v] + r * sin(ang);
  p[n] = s->mv_start[n] + f * (s->mv_end[n] - s->mv_start[n]);
  if (f >= 1) memcpy(p, s->mv_end, sizeof s->mv_end);
}

/* work frame -> machine frame with the operator's offset tables */
static void to_machine(const hh_data *d, const double w[3], double p[3]) {
  const hh_cnc_state *s = &d->cnc;
  int r = s->tool_reg;
  for (int i = 0; i < 3; i++) {
    p[i] = w[i] + s->work_ofs[s->work][i];
    if (r >= 1 && r <= HH_CNC_MAX_TOOLS) p[i] += s->tool_ofs[r - 1][i];
  }
}

/* set up a motion op as the current move; 0 (with an alarm) when it cannot start */
static int start_move(const hh_model *m, hh_data *d, const hh_cnc_op *op) {
  hh_cnc_state *s = &d->cnc;
  memcpy(s->mv_start, s->pos, sizeof s->pos);
  to_machine(d, op->end, s->mv_end);
  for (int i = 0; i < 3; i++) {
    if (op->machine & (1 << i)) s->mv_end[i] = op->end[i]; /* G28 / G53 */
    if (!(op->mask & (1 << i))) s->mv_end[i] = s->pos[i];
  }
  if (hh_cnc_is_lathe(m)) s->mv_end[1] = 0.0;
  if (!limits_ok(m, d, s->mv_end)) return 0;
  s->mv_kind = op->kind;
  s->mv_axis = op->axis;
  s->mv_turns = op->turns;
  s->mv_feed = op->feed;
  s->mv_feed_mode = op->kind == HH_CANON_THREAD ? 1 : op->feed_mode;
  double dl[3], len2 = 0;
  for (int i = 0; i < 3; i++) {
    dl[i] = s->mv_end[i] - s->mv_start[i];
    len2 += dl[i] * dl[i];
  }
  s->mv_len = sqrt(len2);
  if (op->kind == HH_CANON_ARC) {
    int u, v, n = op->axis;
    plane_axes(n, &u, &v);
    to_machine(d, op->centre, s->mv_centre);
    double a0 = atan2(s->mv_start[v] - s->mv_centre[v], s->mv_start[u] - s->mv_centre[u]);
    double a1 = atan2(s->mv_end[v] - s->mv_centre[v], s->mv_end[u] - s->mv_centre[u]);
    double dth = a1 - a0;
    int turns = op->turns ? op->turns : 1;
    if (turns > 0) {
      while (dth <= 1e-12) dth += 2 * M_PI;
      dth += (turns - 1) * 2 * M_PI;
    } else {
      while (dth >= -1e-12) dth -= 2 * M_PI;
      dth += (turns + 1) * 2 * M_PI;
    }
    double r0 = hypot(s->mv_start[u] - s->mv_centre[u], s->mv_start[v] - s->mv_centre[v]);
    double r1 = hypot(s->mv_end[u] - s->mv_centre[u], s->mv_end[v] - s->mv_centre[v]);
    s->mv_arc[0] = a0;
    s->mv_arc[1] = dth;
    s->mv_arc[2] = r0;
    s->mv_arc[3] = r1;
    s->mv_len = hypot(fabs(dth) * 0.5 * (r0 + r1), dl[n]);
  }
  /* speed and acceleration limits along the path */
  double vmax = 1e9, acc = 1e9;
  for (int i = 0; i < 3; i++) {
    double k = s->mv_len > 0 ? fabs(dl[i]) / s->mv_len : 0;
    if (op->kind == HH_CANON_ARC) k = 1; /* arcs: each axis may carry the whole speed */
    if (k > 1e-12) {
      if (m->cnc.rapid[i] / k < vmax && op->kind == HH_CANON_RAPID) vmax = m->cnc.rapid[i] / k;
      if (m->cnc.accel[i] / k < acc) acc = m->cnc.accel[i] / k;
    }
  }
  if (op->kind == HH_CANON_RAPID) vmax *= s->rapid_ovr / 100.0;
  s->mv_vmax = vmax;
  s->mv_accel = acc < 1e9 ? acc : 1.0;
  s->mv_s = 0;
  s->vel = 0;
  s->in_move = 1;
  return 1;
}

/* commanded path speed of the current move now (m/s) */
static double move_speed(const hh_model *m, const hh_data *d) {
  const hh_cnc_state *s = &d->cnc;
  if (s->mv_kind == HH_CANON_RAPID) return s->mv_vmax;
  double n = fabs(s->spindle_speed);
  if (s->mv_kind == HH_CANON_THREAD) return s->mv_feed * n; /* no override on threads */
  double v = s->mv_feed_mode ? s->mv_feed * n : s->mv_feed;
  if (s->dry_run) v = m->cnc.dry_run_feed;
  v *= s->feed_ovr / 100.0;
  if (v > m->cnc.max_feed) v = m->cnc.max_feed;
  return v;
}

/* advance the current move for up to t seconds; returns the seconds used */
static double advance(const hh_model *m, hh_data *d, double t, int hold) {
  hh_cnc_state *s = &d->cnc;
  double a = s->mv_accel, rem = s->mv_len - s->mv_s;
  double target = hold ? 0.0 : move_speed(m, d);
  double v;
  if (s->vel > target) v = fmax(target, s->vel - a * t);
  else v = fmin(target, s->vel + a * t);
  double vb = sqrt(2.0 * a * fmax(rem, 0.0));
  if (v > vb) v = vb;
  double used = t, step = v * t;
  int done = 0;
  if (step >= rem || rem < 1e-9) {
    used = v > 1e-12 ? rem / v : 0.0;
    if (used > t) used = t;
    step = rem;
    done = 1;
  }
  if (v <= 0 && !done) {
    s->vel = 0;
    return t; /* waiting (feed hold, spindle stopped on a per-rev feed) */
  }
  double s0 = s->mv_s, s1 = s0 + step;
  int rapid = s->mv_kind == HH_CANON_RAPID;
  int pieces = 1;
  if (s->mv_kind == HH_CANON_ARC) pieces = (int)ceil(step / ARC_CHORD);
  if (pieces < 1) pieces = 1;
  for (int k = 1; k <= pieces && !s->crash; k++) {
    double p[3];
    move_point(s, s0 + (s1 - s0) * k / pieces, p);
    move_to(m, d, p, rapid);
  }
  s->mv_s = s1;
  s->vel = v;
  if (done) {
    memcpy(s->pos, s->mv_end, sizeof s->pos);
    s->in_move = 0;
    s->vel = 0; /* exact stop at the block end */
  }
  return used;
}

/* spindle speed command from the op (rev/s), honouring G96 at the current radius */
static void spindle_from(const hh_model *m, hh_data *d, const hh_cnc_op *op) {
  hh_cnc_state *s = &d->cnc;
  s->spindle_css = op->spindle_mode == HH_CANON_CSS;
  s->css = op->css;
  s->speed_max = op->speed_max;
  if (!s->spindle_css) s->spindle_cmd = op->speed;
  if (s->spindle_cmd > m->cnc.spindle_max) s->spindle_cmd = m->cnc.spindle_max;
}

/* apply a non-motion op */
static void apply_op(const hh_model *m, hh_data *d, const hh_cnc_op *op) {
  hh_cnc_state *s = &d->cnc;
  int lock = s->verifying;
  switch (op->kind) {
  case HH_CANON_SPINDLE_ON:
    if (lock) break;
    spindle_from(m, d, op);
    s->spindle_dir = op->dir ? op->dir : 1;
    break;
  case HH_CANON_SPINDLE_SPEED:
    if (lock) break;
    spindle_from(m, d, op);
    break;
  case HH_CANON_SPINDLE_OFF:
    if (!lock) s->spindle_dir = 0;
    break;
  case HH_CANON_COOLANT:
    if (!lock) s->coolant = op->value != 0;
    break;
  case HH_CANON_TOOL_CHANGE:
    s->tool = op->tool;
    if (!lock) s->wait_s = m->cnc.tool_change_s;
    break;
  case HH_CANON_TOOL_OFFSET: s->tool_reg = op->index; break;
  case HH_CANON_WORK_OFFSET:
    if (op->index >= 1 && op->index <= 6) s->work = op->index - 1;
    break;
  case HH_CANON_FEED_MODE: s->feed_mode = op->value != 0; break;
  case HH_CANON_DWELL:
    if (!lock) s->wait_s = op->value;
    break;
  case HH_CANON_PROGRAM_STOP: s->run = HH_CNC_RUN_STOPPED; break;
  case HH_CANON_OPTIONAL_STOP:
    if (s->opt_stop) s->run = HH_CNC_RUN_STOPPED;
    break;
  default: break;
  }
}

/* the program reached its end (M30 or the last op); an MDI block just stops */
static void program_end(hh_data *d) {
  hh_cnc_state *s = &d->cnc;
  if (s->mdi) {
    s->mdi = 0;
    s->run = HH_CNC_RUN_IDLE;
    s->in_move = 0;
    s->vel = 0;
    return;
  }
  if (s->verifying) {
    if (!s->alarm) s->verify_ok = 1;
    s->verifying = 0;
  } else if (s->auto_cut_started) {
    s->program_done = 1;
  }
  s->run = HH_CNC_RUN_IDLE;
  s->pc = 0;
  s->in_move = 0;
  s->vel = 0;
  s->spindle_dir = 0;
  s->coolant = 0;
}

/* the procedure checks made once, when automatic cutting first starts */
static void first_auto_cut(const hh_model *m, hh_data *d) {
  hh_cnc_state *s = &d->cnc;
  s->auto_cut_started = 1;
  if (!s->verify_ok) s->counters[HH_CNC_CNT_CUT_UNVERIFIED]++;
  uint32_t need = m->cnc.tools_used, have = s->tool_set;
  if (hh_cnc_is_lathe(m)) have &= s->tool_set >> 16;
  if ((need & have) != need) s->counters[HH_CNC_CNT_CUT_TOOL_UNSET]++;
}

/* AUTO: run the program for one tick */
static void run_program(const hh_model *m, hh_data *d) {
  hh_cnc_state *s = &d->cnc;
  double t = m->dt;
  int guard = 0;
  if (s->run == HH_CNC_RUN_HOLD) {
    if (s->in_move && s->vel > 0) advance(m, d, t, 1);
    return;
  }
  while (s->run == HH_CNC_RUN_RUNNING && t > 1e-12 && guard++ < 512 && !s->alarm) {
    if (s->verifying) t = m->dt; /* graphic check: no time passes per op */
    if (s->wait_s > 0) {
      double w = fmin(s->wait_s, t);
      s->wait_s -= w;
      t -= w;
      continue;
    }
    const hh_cnc_op *ops = s->mdi ? s->mdi_op : m->cnc.op; /* MDI block or program */
    int n_ops = s->mdi ? s->n_mdi : m->cnc.n_ops;
    int *pc = s->mdi ? &s->mdi_pc : &s->pc;
    if (!s->in_move) {
      if (*pc >= n_ops) {
        program_end(d);
        break;
      }
      const hh_cnc_op *op = &ops[*pc];
      int motion = op->kind == HH_CANON_RAPID || op->kind == HH_CANON_LINEAR ||
                   op->kind == HH_CANON_ARC || op->kind == HH_CANON_THREAD;
      if (op->kind == HH_CANON_PROGRAM_END) {
        program_end(d);
        break;
      }
      if (!motion) {
        apply_op(m, d, op);
        (*pc)++;
        continue;
      }
      if (!start_move(m, d, op)) {
        s->run = HH_CNC_RUN_IDLE;
        s->verifying = 0;
        break;
      }
      if (s->verifying) { /* machine lock: check the end point only */
        s->in_move = 0;
        (*pc)++;
        continue;
      }
    }
    int was_cutting = s->cutting;
    t -= advance(m, d, t, 0);
    if (s->cutting && !was_cutting && !s->auto_cut_started && !s->mdi) first_auto_cut(m, d);
    if (s->crash) {
      s->run = HH_CNC_RUN_IDLE;
      break;
    }
    if (!s->in_move) {
      (*pc)++;
      if (s->single_block) s->run = HH_CNC_RUN_STOPPED;
    }
  }
}

void hh_cnc_cycle_start(const hh_model *m, hh_data *d) {
  hh_cnc_state *s = &d->cnc;
  if (s->mode == HH_CNC_MODE_MDI && !s->alarm && !s->estop) {
    int ref = s->referenced[0] && s->referenced[2] && (hh_cnc_is_lathe(m) || s->referenced[1]);
    if (!ref) hh_cnc_alarm(d, 224, HH_CNC_ALM_NO_REF);
    else if (s->mdi && s->run != HH_CNC_RUN_IDLE) s->run = HH_CNC_RUN_RUNNING; /* resume */
    else hh_cnc_mdi_start(m, d);
    return;
  }
  if (s->mode != HH_CNC_MODE_AUTO || s->alarm || s->estop || m->cnc.n_ops == 0) return;
  int ref = s->referenced[0] && s->referenced[2] && (hh_cnc_is_lathe(m) || s->referenced[1]);
  if (!ref) {
    hh_cnc_alarm(d, 224, HH_CNC_ALM_NO_REF);
    s->counters[HH_CNC_CNT_AUTO_NO_REF]++;
    return;
  }
  if (s->run == HH_CNC_RUN_IDLE) {
    s->verifying = s->machine_lock;
    if (s->verifying) {
      s->verify_ok = 0;
    }
  }
  s->run = HH_CNC_RUN_RUNNING;
}

void hh_cnc_motion(const hh_model *m, hh_data *d, const hh_controls *c) {
  hh_cnc_state *s = &d->cnc;
  s->cutting = 0;
  if (s->estop || (s->alarm && s->run != HH_CNC_RUN_RUNNING)) {
    s->vel = 0;
    return;
  }
  switch (s->mode) {
  case HH_CNC_MODE_REF: ref_return(m, d, c); break;
  case HH_CNC_MODE_JOG:
  case HH_CNC_MODE_MPG: manual(m, d, c); break;
  default:
    if (s->run != HH_CNC_RUN_IDLE) run_program(m, d);
    else s->vel = 0;
    break;
  }
}
