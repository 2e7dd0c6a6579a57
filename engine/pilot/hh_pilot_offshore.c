/* hh_pilot_offshore.c - expert offshore crane operator: keeps the hooked-on wire
 * slack while the deck heaves, lifts off at full speed early on a rising deck, hoists
 * clear, luffs in before slewing so the load stays off the personnel area, slews with
 * sway-free ramps (acceleration time = one pendulum period), lowers and lands softly. */
#include "hh_pilot_offshore.h"
#include "../machines/marine/hh_marine.h"
#include <math.h>

enum { WAIT = 0, LIFT, CLEAR, SLEW, LOWER, REST };
enum { M_SLEW = 0, M_LUFF, M_HOIST, M_SLEW_TARGET, M_R_TARGET, M_PAD_Z, M_OFF_R, M_OFF_T,
       M_VZ_MAX };
#define PI 3.14159265358979323846
#define SLACK 0.4      /* m of wire slack kept while waiting */
#define CLEAR_H 6.0    /* m above the platform deck before slewing */

static double clampv(double x, double lo, double hi) { return x < lo ? lo : (x > hi ? hi : x); }

/* move the command *cur toward want by at most rate * dt */
static double ramp(double *cur, double want, double rate, double dt) {
  double d = want - *cur, lim = rate * dt;
  *cur += clampv(d, -lim, lim);
  return *cur;
}

/* stick command toward a position error err (m or rad) with a sqrt braking profile:
   deceleration vmax / tp, full stick = vmax */
static double profile(double err, double vmax, double tp) {
  if (!(vmax > 0)) return 0;
  double v = sqrt(2.0 * (vmax / tp) * fabs(err)) / vmax;
  return clampv(err > 0 ? v : -v, -1, 1);
}

void hh_pilot_offshore_start(hh_pilot *p, const hh_model *m) {
  const hh_offshore_crane_params *c = &m->marine.crane;
  p->kind = HH_PILOT_OFFSHORE_EXPERT;
  p->phase = WAIT;
  double dx = c->landing[0] - c->base[0], dy = c->landing[1] - c->base[1];
  p->memo[M_SLEW_TARGET] = atan2(dy, dx);
  p->memo[M_R_TARGET] = hypot(dx, dy);
  p->memo[M_PAD_Z] = c->landing[2];
}

/* hoist command (+ raise) that keeps the wire SLACK m longer than the tip-apex
   distance: feed the deck's vertical speed forward (what the operator sees), correct
   the rest gently */
static double keep_slack(const hh_model *m, const hh_data *d) {
  double err = hh_offshore_slack(m, d) - SLACK; /* + : too much wire, hoist in */
  double v = d->metric[HH_M_DECK_VZ] + clampv(0.8 * err, -0.4, 0.4);
  return clampv(v / m->marine.crane.hoist_speed, -1, 1);
}

/* the load relative to the boom tip, in the tip's radial / tangential directions:
   offset (m) and velocity (m/s) */
static void load_rel(const hh_model *m, const hh_data *d, double off[2], double vel[2]) {
  const hh_offshore_crane_params *c = &m->marine.crane;
  const hh_offshore_state *s = &d->marine.oc;
  double tip[3], cs = cos(s->slew), sn = sin(s->slew);
  hh_offshore_tip(c, s->slew, s->luff, tip);
  double r = c->boom_length * cos(s->luff);
  double vtr = -c->boom_length * sin(s->luff) * s->luff_v, vtt = r * s->slew_v;
  double ex = s->load.pos[0] - tip[0], ey = s->load.pos[1] - tip[1];
  off[0] = ex * cs + ey * sn;
  off[1] = -ex * sn + ey * cs;
  vel[0] = s->load.vel[0] * cs + s->load.vel[1] * sn - vtr;
  vel[1] = -s->load.vel[0] * sn + s->load.vel[1] * cs - vtt;
}

void hh_pilot_offshore_act(hh_pilot *p, const hh_model *m, const hh_data *d, hh_controls *out) {
  const hh_offshore_crane_params *c = &m->marine.crane;
  const hh_offshore_state *s = &d->marine.oc;
  const double *x = d->metric;
  double dt = m->dt, *mo = p->memo;
  double slew_want = 0, luff_want = 0, hoist_want = 0;
  p->phase_t += dt;
  /* pendulum period of the hung load sets the ramp time of slew and luff */
  double len = s->wire + c->sling_height + c->load_half[2];
  double tp = 2 * PI * sqrt(len / m->gravity);
  double vr = c->boom_length * sin(s->luff) * c->luff_speed; /* m/s of radius at full luff */
  double r = x[HH_M_OC_RADIUS], off[2], rv[2];
  load_rel(m, d, off, rv);
  /* mean offset of the load from below the tip (wind): aim the load, not the tip */
  double a = dt / (2.0 * tp + dt);
  mo[M_OFF_R] += (off[0] - mo[M_OFF_R]) * a;
  mo[M_OFF_T] += (off[1] - mo[M_OFF_T]) * a;
  double err_r = mo[M_R_TARGET] - r - mo[M_OFF_R];
  double err_s = remainder(mo[M_SLEW_TARGET] - s->slew, 2 * PI) - mo[M_OFF_T] / r;
  double swing = hypot(rv[0], rv[1]); /* m/s of the load relative to the tip */
  switch (p->phase) {
  case WAIT: /* follow the deck with a little slack; go as the deck starts to rise out
                of a trough, so the load leaves it rising and the deck falls away after */
    hoist_want = keep_slack(m, d);
    if (m->marine.sea.hs > c->hs_limit || m->marine.wind.speed > c->wind_limit) {
      out->buttons |= HH_BTN_FINISH; /* above the crane's limit: the lift is called off */
      hoist_want = 0;
      break;
    }
    if (fabs(x[HH_M_DECK_VZ]) > mo[M_VZ_MAX]) mo[M_VZ_MAX] = fabs(x[HH_M_DECK_VZ]);
    int calm = p->phase_t > 12.0 && mo[M_VZ_MAX] < 0.25; /* the deck hardly moves */
    if (p->phase_t > 4.0 && fabs(hh_offshore_slack(m, d) - SLACK) < 0.2 &&
        ((x[HH_M_DECK_VZ] > 0.2 && x[HH_M_DECK_HEAVE] < 0.0) || (calm && x[HH_M_DECK_VZ] >= 0))) {
      p->phase = LIFT;
      p->phase_t = 0;
    }
    break;
  case LIFT: /* full speed until well clear of the deck */
    hoist_want = 1;
    if (x[HH_M_OC_LOAD_CLEAR] > 5.0) { p->phase = CLEAR; p->phase_t = 0; }
    break;
  case CLEAR: { /* hoist above the platform deck, luff in to the landing radius */
    double h = x[HH_M_OC_HOOK_HEIGHT] - mo[M_PAD_Z];
    hoist_want = h < CLEAR_H ? 1 : 0;
    luff_want = profile(err_r, vr, tp);
    if (h >= CLEAR_H && fabs(err_r) < 0.5) { p->phase = SLEW; p->phase_t = 0; }
    break;
  }
  case SLEW:
    slew_want = profile(err_s, c->slew_speed, tp);
    luff_want = profile(err_r, vr, tp);
    if (fabs(err_s * r) < 0.5 && fabs(err_r) < 0.5 && fabs(s->slew_v) < 0.005 && swing < 0.25) {
      p->phase = LOWER;
      p->phase_t = 0;
    }
    break;
  case LOWER: { /* fast, then creep the last metres once the load hangs still */
    double h = x[HH_M_OC_HOOK_HEIGHT] - mo[M_PAD_Z];
    hoist_want = h > 3.0 ? -1 : (h > 0.6 ? -0.3 : -0.12);
    if (h < 3.0 && swing > 0.25) hoist_want = 0;
    slew_want = profile(err_s, c->slew_speed, tp);
    luff_want = profile(err_r, vr, tp);
    if (x[HH_M_OC_LANDED] != 0) { p->phase = REST; p->phase_t = 0; }
    break;
  }
  case REST: /* pay out until the wire is slack, then wait */
    hoist_want = x[HH_M_OC_DYN_FACTOR] > 0.05 ? -0.2 : 0;
    break;
  }
  /* slew and luff commands ramp over one pendulum period (little residual sway), plus
     the operator's anti-sway habit once the load hangs: chase the swing (not the
     steady wind offset) */
  double sl = ramp(&mo[M_SLEW], slew_want, 1.0 / tp, dt);
  double lu = ramp(&mo[M_LUFF], luff_want, 1.0 / tp, dt);
  if (p->phase >= CLEAR && p->phase <= LOWER) {
    /* tip velocity ~ swing offset: tip acceleration ~ swing rate, a damper */
    sl += clampv(0.5 * (off[1] - mo[M_OFF_T]) / (r * c->slew_speed), -0.4, 0.4);
    lu += clampv(0.5 * (off[0] - mo[M_OFF_R]) / vr, -0.4, 0.4);
  }
  out->axis[HH_AXIS_GANTRY] = (float)clampv(sl, -1, 1);
  out->axis[HH_AXIS_TROLLEY] = (float)clampv(lu, -1, 1);
  out->axis[HH_AXIS_HOIST] = (float)ramp(&mo[M_HOIST], hoist_want, 4.0, dt);
}
