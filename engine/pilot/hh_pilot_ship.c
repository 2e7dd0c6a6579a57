/* hh_pilot_ship.c - the berthing pilot: brings the ship up the approach line parallel
 * to the quay, takes the way off her to stop abreast of the marked berth, then crabs
 * her in with the tugs at a closing speed that falls with the distance to the fenders
 * (well under the fender limit at contact), and holds her alongside until berthed.
 *
 * Along the quay: a speed profile sqrt(2 a x_to_go) capped at the approach speed, met
 * by the engine (feed-forward self-propulsion revolutions plus speed feedback, astern
 * when needed). Across: the first two tugs give the lateral force and yaw moment a PD
 * law asks for (2x2 allocation from their attachment points); the rudder helps hold
 * the heading while the ship has way on. Reads hh_data, never writes it.
 */
#include "hh_pilot_ship.h"
#include "../machines/marine/hh_mmg.h"
#include <math.h>
#include <string.h>

#define PI 3.14159265358979323846
#define DECEL 0.0022         /* m/s^2: planned deceleration along the quay */
#define CRAB_FROM 40.0       /* m: start closing the quay when this close to the berth */
#define CLOSE_MAX 0.20       /* m/s: fastest closing speed, far from the fenders */
#define CLOSE_MIN 0.04       /* m/s: closing speed at the fenders */
#define CLOSE_SLOPE 0.004    /* 1/s: closing speed per metre of clearance */
#define NEAR_X 15.0          /* m: inside this the speed order is linear in the distance */
#define NEAR_GAIN 0.01       /* 1/s: ... with this gain */
#define SPEED_ERR_FULL 0.4   /* m/s: speed error that rings full ahead / astern */
#define LAT_GAIN 0.05        /* 1/s: lateral speed loop */
#define YAW_OMEGA 0.02       /* rad/s: heading loop natural frequency */

enum { MEMO_K_FF, MEMO_Y_APP, MEMO_CLEAR0 };

/* x clamped to [lo, hi] */
static double clampd(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

/* take the pilot for a ship scenario naming ship_expert */
int hh_pilot_ship_start(hh_pilot *p, const hh_model *m) {
  if (m->machine != HH_MACHINE_SHIP || strcmp(m->autopilot, "ship_expert") != 0) return 0;
  const hh_ship_params *sp = &m->marine.ship;
  p->kind = HH_PILOT_SHIP_EXPERT;
  p->memo[MEMO_K_FF] = hh_mmg_self_prop(&sp->hull, 1.0);  /* rev/s per m/s */
  p->memo[MEMO_Y_APP] = sp->start[1];
  return 1;
}

/* closing speed wanted at clearance c (m) from the fender line */
static double closing_speed(double c) {
  return clampd(CLOSE_MIN + CLOSE_SLOPE * c, CLOSE_MIN, CLOSE_MAX);
}

/* engine, rudder and tug orders for the next tick */
void hh_pilot_ship_act(hh_pilot *p, const hh_model *m, const hh_data *d, hh_controls *out) {
  const hh_ship_params *sp = &m->marine.ship;
  const hh_ship_state *s = &d->marine.ship;
  const hh_mmg_hull *h = &sp->hull;
  const hh_ship_berth *b = &sp->berth;
  double hb = b->heading, dir = cos(hb) >= 0 ? 1.0 : -1.0; /* berth heading +x or -x */
  double clear = d->metric[HH_M_SHIP_QUAY_DIST];

  /* along the quay: speed profile to stop abreast of the berth */
  double to_go = dir * (b->target_x - s->x);
  double v_al = dir * s->sog[0];
  double u_d = fabs(to_go) < NEAR_X ? NEAR_GAIN * to_go
               : sqrt(2.0 * DECEL * (fabs(to_go) - NEAR_X) + NEAR_GAIN * NEAR_GAIN * NEAR_X * NEAR_X) *
                     (to_go >= 0 ? 1.0 : -1.0);
  u_d = clampd(u_d, -0.5, sp->start_speed > 0.5 ? sp->start_speed : 0.5);
  double n = p->memo[MEMO_K_FF] * u_d + sp->n_max / SPEED_ERR_FULL * (u_d - v_al);
  out->axis[1] = (float)clampd(n / sp->n_max, -1.0, 1.0);

  /* across: hold the approach line, then close the fenders */
  double vc = -s->sog[1];                 /* closing speed toward the quay (m/s) */
  double vc_d;
  int crab = sp->has_berth && (p->phase ? fabs(to_go) < 2.0 * CRAB_FROM
                                        : fabs(to_go) < CRAB_FROM && fabs(v_al) < 0.3);
  if (!crab) {
    double dy = s->y - p->memo[MEMO_Y_APP];  /* + when seaward of the line */
    vc_d = clampd(0.01 * dy, -0.1, 0.1);
    p->phase = 0;
  } else {
    vc_d = closing_speed(clear > 0 ? clear : 0);
    p->phase = clear > 0.3 ? 1 : 2;
  }
  double mass = h->rho * h->volume;
  double q = 0.5 * h->rho * h->L * h->L * h->d;
  double m_lat = mass + h->m_y * q;
  double drag = 0.5 * h->rho * h->d * h->L * h->C_D * vc_d * fabs(vc_d);
  double f_lat = m_lat * LAT_GAIN * (vc_d - vc) + drag;     /* N toward the quay */
  /* heading: e > 0 when the bow points to port of the berth heading */
  double e = remainder(s->psi - hb, 2.0 * PI);
  if (fabs(e) > 0.5 * PI) e = remainder(s->psi - hb - PI, 2.0 * PI); /* either end */
  double i_eff = mass * (h->k_zz * h->L) * (h->k_zz * h->L) + h->J_z * q * h->L * h->L;
  double nd = i_eff * (YAW_OMEGA * YAW_OMEGA * e - 2.0 * YAW_OMEGA * s->r); /* N m, + stbd */

  /* body lateral (starboard +) force toward the quay: the quay is to starboard when
     heading +x with the land at -y */
  double side = cos(s->psi);             /* +1: quay to starboard */
  double fy = side * f_lat;
  if (sp->n_tugs >= 2) {
    const hh_ship_tug *t0 = &sp->tug[0], *t1 = &sp->tug[1];
    double a0 = sin(t0->dir), a1 = sin(t1->dir);
    double b0 = t0->at[0] * sin(t0->dir) - t0->at[1] * cos(t0->dir);
    double b1 = t1->at[0] * sin(t1->dir) - t1->at[1] * cos(t1->dir);
    double det = a0 * b1 - a1 * b0;
    if (fabs(det) > 1e-9) {
      double f0 = (fy * b1 - a1 * nd) / det, f1 = (a0 * nd - b0 * fy) / det;
      out->axis[3] = (float)clampd(f0 / t0->max_force, -1.0, 1.0);
      out->axis[4] = (float)clampd(f1 / t1->max_force, -1.0, 1.0);
    }
  } else if (sp->thruster_force > 0) {
    out->axis[2] = (float)clampd(nd / (sp->thruster_x * sp->thruster_force), -1.0, 1.0);
  }
  /* rudder: helps the heading while there is way on */
  double delta = clampd(2.0 * e - 30.0 * s->r, -h->delta_max, h->delta_max);
  out->axis[0] = (float)(fabs(s->u) > 0.3 ? delta / h->delta_max : 0.0);
  p->phase_t += m->dt;
}
