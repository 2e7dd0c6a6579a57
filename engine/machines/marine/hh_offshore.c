/* hh_offshore.c - offshore pedestal crane lift: lifetime, one tick (stages 1-3), the
 * load chart, crane geometry and drives (slew, luff, hoist with the safe-load indicator
 * cut-off and active heave compensation).
 *
 * A tick: drives (once) -> vessel motion (one step) -> for each of m->substeps: wire,
 * wind, gravity and contact forces on the hung load, one integration step -> metrics.
 * Vessel and crane tip move linearly between their tick-start and tick-end poses
 * inside the tick so deck contact sees a smooth surface. */
#include "hh_offshore_int.h"
#include "../../core/hh_i18n.h"
#include "../../core/hh_hash.h"
#include <math.h>
#include <string.h>

double hh_offshore_swl(const hh_offshore_crane_params *p, double r) {
  if (p->n_chart <= 0) return 0;
  if (r <= p->chart[0].radius) return p->chart[0].swl;
  for (int i = 1; i < p->n_chart; i++)
    if (r <= p->chart[i].radius) {
      const hh_chart_point *a = &p->chart[i - 1], *b = &p->chart[i];
      double u = (r - a->radius) / (b->radius - a->radius);
      return a->swl + u * (b->swl - a->swl);
    }
  return 0; /* beyond the chart: nothing may be lifted */
}

void hh_offshore_tip(const hh_offshore_crane_params *p, double slew, double luff, double tip[3]) {
  double r = p->boom_length * cos(luff);
  tip[0] = p->base[0] + r * cos(slew);
  tip[1] = p->base[1] + r * sin(slew);
  tip[2] = p->base[2] + p->boom_length * sin(luff);
}

double hh_oc_deck_z(const hh_model *m) {
  return m->marine.vessel.depth - m->marine.vessel.draft;
}

double hh_oc_hung_mass(const hh_model *m) {
  return m->marine.crane.load_mass + m->marine.crane.hook_mass;
}

/* check what the machine divides by or builds from */
static int check_model(const hh_model *m, hh_error *err) {
  const hh_offshore_crane_params *p = &m->marine.crane;
  const char *bad = NULL;
  if (!(m->dt > 0) || m->substeps < 1) bad = hh_tr("tick length and substeps must be positive");
  else if (!(p->boom_length > 1)) bad = hh_tr("offshore_crane.boom_length must be positive");
  else if (!(p->wire_ea > 0)) bad = hh_tr("offshore_crane.wire_ea must be positive");
  else if (!(p->load_mass > 0)) bad = hh_tr("offshore_crane.load mass must be positive");
  else if (p->n_chart < 1) bad = hh_tr("offshore_crane.load_chart is empty");
  else if (!(m->marine.vessel.mass > 0)) bad = hh_tr("vessel not built");
  if (!bad) return HH_OK;
  return hh_error_set(err, HH_E_SCENARIO, m->source, 0, 0, hh_tr("offshore crane model: %s"), bad);
}

/* put the hook-on wire with its start slack above the load resting on the deck */
int hh_offshore_attach(const hh_model *m, hh_data *d, hh_error *err) {
  int rc = check_model(m, err);
  if (rc != HH_OK) return rc;
  const hh_marine_model *mm = &m->marine;
  const hh_offshore_crane_params *p = &mm->crane;
  hh_offshore_state *s = &d->marine.oc;
  memset(s, 0, sizeof *s);
  /* vessel: run 3 minutes before the attempt starts so it is already in the sea state */
  int warm = (int)(180.0 / m->dt);
  for (int i = 0; i < warm; i++)
    hh_vessel_step(&mm->vessel, &mm->sea, &mm->wind, (i - warm) * m->dt, m->dt, s->eta, s->eta_v);
  /* load resting on the cargo spot, level with the deck */
  double R[3][3], o[3], bpt[3] = {mm->vessel.cargo_spot[0], mm->vessel.cargo_spot[1],
                                  hh_oc_deck_z(m) + p->load_half[2]};
  double v[3];
  hh_vessel_pose(&mm->vessel, s->eta, o, R);
  hh_vessel_point(&mm->vessel, s->eta, s->eta_v, bpt, s->load.pos, v);
  memcpy(s->load.vel, v, sizeof v);
  double yaw = mm->vessel.heading + s->eta[5], qy[4] = {0, 0, sin(0.5 * yaw), cos(0.5 * yaw)};
  memcpy(s->load.quat, qy, sizeof qy);
  /* crane over the load (unless the scenario fixed the start angles) */
  double dx = s->load.pos[0] - p->base[0], dy = s->load.pos[1] - p->base[1];
  s->slew = p->slew_start != 0 ? p->slew_start : atan2(dy, dx);
  double r = sqrt(dx * dx + dy * dy);
  s->luff = p->luff_start != 0 ? p->luff_start : (r < p->boom_length ? acos(r / p->boom_length) : 0);
  if (s->luff < p->luff_min) s->luff = p->luff_min;
  if (s->luff > p->luff_max) s->luff = p->luff_max;
  double tip[3], apex[3];
  hh_offshore_tip(p, s->slew, s->luff, tip);
  for (int k = 0; k < 3; k++) apex[k] = s->load.pos[k];
  apex[2] += p->load_half[2] + p->sling_height;
  double dist = sqrt(pow(tip[0] - apex[0], 2) + pow(tip[1] - apex[1], 2) + pow(tip[2] - apex[2], 2));
  s->wire = p->wire_start != 0 ? p->wire_start : dist + p->start_slack;
  if (s->wire < p->wire_min) s->wire = p->wire_min;
  if (s->wire > p->wire_max) s->wire = p->wire_max;
  s->on_deck = 1;
  s->snatch_armed = 1;
  return HH_OK;
}

/* nothing allocated */
void hh_offshore_detach(hh_data *d) { (void)d; }

/* rate-limited speed toward target within [lo, hi] of position pos; the limit
   switches slow the drive down so it stops at a limit at its normal deceleration */
static void drive(double *pos, double *v, double target, double accel, double lo, double hi,
                  double dt) {
  double up = sqrt(2.0 * accel * (hi - *pos > 0 ? hi - *pos : 0));
  double dn = sqrt(2.0 * accel * (*pos - lo > 0 ? *pos - lo : 0));
  if (target > up) target = up;
  if (target < -dn) target = -dn;
  double dv = target - *v, lim = accel * dt;
  if (dv > lim) dv = lim;
  if (dv < -lim) dv = -lim;
  *v += dv;
  *pos += *v * dt;
  if (*pos < lo) { *pos = lo; if (*v < 0) *v = 0; }
  if (*pos > hi) { *pos = hi; if (*v > 0) *v = 0; }
}

static double clamp1(double x) { return x > 1 ? 1 : (x < -1 ? -1 : x); }

void hh_oc_drives(const hh_model *m, hh_data *d, const hh_controls *c, double deck_vz) {
  const hh_offshore_crane_params *p = &m->marine.crane;
  hh_offshore_state *s = &d->marine.oc;
  double dt = m->dt;
  int estop = (c->buttons & HH_BTN_ESTOP) != 0;
  double slew = estop ? 0 : clamp1(c->axis[HH_AXIS_GANTRY]);
  double luff_out = estop ? 0 : clamp1(c->axis[HH_AXIS_TROLLEY]); /* + boom out (down) */
  double hoist = estop ? 0 : clamp1(c->axis[HH_AXIS_HOIST]);       /* + raise */
  s->ahc_on = p->ahc && c->axis[HH_AXIS_AUX2] > 0.5;
  if (s->cutoff) { /* SLI: no hoist up and no luff out while overloaded */
    if (hoist > 0) hoist = 0;
    if (luff_out > 0) luff_out = 0;
  }
  double acc = p->hoist_accel > 0 ? p->hoist_accel : 1.0;
  drive(&s->slew, &s->slew_v, slew * p->slew_speed, acc * 0.1, -1e9, 1e9, dt);
  drive(&s->luff, &s->luff_v, -luff_out * p->luff_speed, acc * 0.1, p->luff_min, p->luff_max, dt);
  double wv = -hoist * p->hoist_speed;
  if (s->ahc_on) wv -= deck_vz; /* the hook follows the deck */
  double wmax = 1.5 * p->hoist_speed;
  if (wv > wmax) wv = wmax;
  if (wv < -wmax) wv = -wmax;
  drive(&s->wire, &s->wire_v, wv, acc * (s->ahc_on ? 4.0 : 1.0), p->wire_min, p->wire_max, dt);
}

void hh_offshore_step(const hh_model *m, hh_data *d, const hh_controls *c) {
  const hh_marine_model *mm = &m->marine;
  const hh_offshore_crane_params *p = &mm->crane;
  hh_offshore_state *s = &d->marine.oc;
  hh_oc_tick k;
  memset(&k, 0, sizeof k);
  k.dt = m->dt;
  k.t0 = d->time_s;
  /* deck vertical speed at the cargo spot, for AHC (motion reference unit) */
  double spot[3] = {mm->vessel.cargo_spot[0], mm->vessel.cargo_spot[1], hh_oc_deck_z(m)};
  double sp[3], sv[3];
  hh_vessel_point(&mm->vessel, s->eta, s->eta_v, spot, sp, sv);
  hh_offshore_tip(p, s->slew, s->luff, k.tip0);
  k.wire0 = s->wire;
  hh_vessel_pose(&mm->vessel, s->eta, k.o0, k.R0);
  hh_oc_drives(m, d, c, sv[2]);                                   /* 1: machine */
  hh_vessel_step(&mm->vessel, &mm->sea, &mm->wind, d->time_s, m->dt, s->eta, s->eta_v);
  hh_vessel_pose(&mm->vessel, s->eta, k.o1, k.R1);
  hh_offshore_tip(p, s->slew, s->luff, k.tip1);
  k.wire1 = s->wire;
  double wdir[3], ws = hh_wind_at(&mm->wind, s->load.pos[2] - mm->sea.level, d->time_s, wdir);
  for (int i = 0; i < 3; i++) k.wind[i] = ws * wdir[i];
  int n = m->substeps;                                            /* 2: physics */
  for (int i = 0; i < n; i++) hh_oc_load_step(m, d, &k, (double)i / n, (double)(i + 1) / n);
  hh_oc_metrics(m, d, &k, c);                                     /* 3: metrics */
}

uint64_t hh_offshore_hash(const hh_data *d, uint64_t h) {
  const hh_offshore_state *s = &d->marine.oc;
  /* field by field: no padding bytes enter the hash */
  h = hh_fnv1a64(h, s->eta, sizeof s->eta);
  h = hh_fnv1a64(h, s->eta_v, sizeof s->eta_v);
  double j[6] = {s->slew, s->luff, s->wire, s->slew_v, s->luff_v, s->wire_v};
  h = hh_fnv1a64(h, j, sizeof j);
  h = hh_fnv1a64(h, &s->load, sizeof s->load);
  double x[8] = {s->tension, s->recontacts, s->snatches, s->slack_jerks,
                 s->max_dyn, s->load_filt, s->slack_s, s->rest_s};
  h = hh_fnv1a64(h, x, sizeof x);
  int f[8] = {s->on_deck, s->on_pad, s->lifted, s->slack, s->snatch_armed, s->ahc_on,
              s->cutoff, s->liftoff_falling};
  return hh_fnv1a64(h, f, sizeof f);
}

double hh_offshore_slack(const hh_model *m, const hh_data *d) {
  const hh_offshore_crane_params *p = &m->marine.crane;
  const hh_offshore_state *s = &d->marine.oc;
  double tip[3], ap[3] = {0, 0, p->load_half[2] + p->sling_height}, apr[3];
  hh_offshore_tip(p, s->slew, s->luff, tip);
  hh_oc_qrot(s->load.quat, ap, apr);
  double dx = s->load.pos[0] + apr[0] - tip[0], dy = s->load.pos[1] + apr[1] - tip[1];
  double dz = s->load.pos[2] + apr[2] - tip[2];
  return s->wire - sqrt(dx * dx + dy * dy + dz * dz);
}
