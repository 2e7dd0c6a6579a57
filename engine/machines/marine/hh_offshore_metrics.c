/* hh_offshore_metrics.c - stage 3 of the offshore lift: deck motion, safe-load
 * indicator, lift-off, re-contact, snatch and slack-then-jerk detection, no-go zones,
 * landing, and the weather limit. */
#include "hh_offshore_int.h"
#include <math.h>

#define RAD2DEG 57.29577951308232
#define SLI_TAU 0.5 /* s: low-pass time constant of the safe-load indicator */

/* 1 when the load's centre (footprint radius added) is over a no-go zone */
static int over_nogo(const hh_offshore_crane_params *p, const double pos[3]) {
  double rf = p->load_half[0] > p->load_half[1] ? p->load_half[0] : p->load_half[1];
  for (int i = 0; i < p->n_nogo; i++)
    if (fabs(pos[0] - p->nogo[i].pos[0]) < p->nogo[i].half[0] + rf &&
        fabs(pos[1] - p->nogo[i].pos[1]) < p->nogo[i].half[1] + rf)
      return 1;
  return 0;
}

void hh_oc_metrics(const hh_model *m, hh_data *d, const hh_oc_tick *k, const hh_controls *c) {
  const hh_marine_model *mm = &m->marine;
  const hh_offshore_crane_params *p = &mm->crane;
  hh_offshore_state *s = &d->marine.oc;
  double *x = d->metric, g = m->gravity, W = hh_oc_hung_mass(m) * g;
  double dt = m->dt;

  /* deck motion at the cargo spot */
  double spot[3] = {mm->vessel.cargo_spot[0], mm->vessel.cargo_spot[1], hh_oc_deck_z(m)};
  double sp[3], sv[3];
  hh_vessel_point(&mm->vessel, s->eta, s->eta_v, spot, sp, sv);
  x[HH_M_DECK_HEAVE] = sp[2] - (mm->sea.level + hh_oc_deck_z(m));
  x[HH_M_DECK_VZ] = sv[2];

  /* weather */
  x[HH_M_SEA_HS] = mm->sea.hs;
  x[HH_M_SEA_STATE] = hh_sea_state_code(mm->sea.hs);
  double tip[3];
  hh_offshore_tip(p, s->slew, s->luff, tip);
  s->wind_now = hh_wind_at(&mm->wind, tip[2] - mm->sea.level, d->time_s, NULL);
  x[HH_M_WIND_SPEED] = s->wind_now;

  /* crane and safe-load indicator */
  double r = hypot(tip[0] - p->base[0], tip[1] - p->base[1]);
  double swl = hh_offshore_swl(p, r), load = s->tension / g;
  s->load_filt += (load - s->load_filt) * (dt / (SLI_TAU + dt));
  x[HH_M_OC_RADIUS] = r;
  x[HH_M_OC_SWL] = swl;
  x[HH_M_OC_LOAD] = s->load_filt;
  x[HH_M_OC_UTIL] = swl > 0 ? s->load_filt / swl : (s->load_filt > 0 ? 99 : 0);
  int over = s->load_filt > swl;
  x[HH_M_OC_OVERLOAD] = over;
  if (over) s->cutoff = 1;
  else if (s->load_filt < 0.95 * swl) s->cutoff = 0;
  x[HH_M_OC_CUTOFF] = s->cutoff;
  x[HH_M_OC_AHC] = s->ahc_on;
  x[HH_M_ROPE_TENSION] = s->tension;
  x[HH_M_LOAD_MASS] = hh_oc_hung_mass(m);

  /* load clearance above the deck and the sea */
  const hh_oc_load *L = &s->load;
  double low = L->pos[2] - p->load_half[2];
  x[HH_M_OC_HOOK_HEIGHT] = low - mm->sea.level;
  x[HH_M_OC_LOAD_CLEAR] = low - sp[2];
  double ap[3] = {0, 0, p->load_half[2] + p->sling_height}, apr[3];
  hh_oc_qrot(L->quat, ap, apr);
  double wx = L->pos[0] + apr[0] - tip[0], wy = L->pos[1] + apr[1] - tip[1];
  double wz = tip[2] - (L->pos[2] + apr[2]);
  x[HH_M_SWAY_ANGLE] = atan2(hypot(wx, wy), wz > 1e-6 ? wz : 1e-6) * RAD2DEG;

  /* lift-off, re-contact, snatch, slack then jerk */
  int deck = k->deck_contact, was_deck = s->on_deck, airborne = !deck && !k->pad_contact;
  double dyn = s->tension / W, peak = k->peak_tension / W;
  if (!s->lifted && !deck && x[HH_M_OC_LOAD_CLEAR] > 0.1) {
    s->lifted = 1;
    if (sv[2] < -0.1) s->liftoff_falling = 1;
  }
  if (s->lifted) {
    if (deck && !was_deck) s->recontacts += 1;
    if (peak > s->max_dyn) s->max_dyn = peak;
    if (peak > p->dyn_limit && s->snatch_armed) {
      s->snatches += 1;
      s->snatch_armed = 0;
    } else if (peak < 1.2) {
      s->snatch_armed = 1;
    }
    if (airborne && k->min_tension < 0.02 * W) { /* slack with the load in the air */
      s->slack_s += dt;
      s->slack = 1;
    } else {
      s->slack_s = 0;
    }
    if (s->slack && peak > 1.3) {
      s->slack_jerks += 1;
      s->slack = 0;
    }
    if (!airborne) s->slack = 0;
  }
  s->on_deck = deck;
  x[HH_M_OC_LIFTED] = s->lifted;
  x[HH_M_OC_LIFTOFF_FALLING] = s->liftoff_falling;
  x[HH_M_OC_RECONTACT] = s->recontacts;
  x[HH_M_OC_SNATCH] = s->snatches;
  x[HH_M_OC_SLACK_JERK] = s->slack_jerks > 0;
  x[HH_M_OC_DYN_FACTOR] = dyn;
  s->over_nogo = s->lifted && airborne && over_nogo(p, L->pos);
  x[HH_M_OC_OVER_NOGO] = s->over_nogo;
  int above = mm->wind.speed > p->wind_limit || mm->sea.hs > p->hs_limit;
  x[HH_M_OVER_LIMIT] = above && s->lifted;

  /* landing on the platform */
  x[HH_M_IMPACT_SPEED] = (k->pad_contact && !s->on_pad) ? k->pad_vz : 0.0;
  s->on_pad = k->pad_contact;
  x[HH_M_LANDING_OFFSET] = hypot(L->pos[0] - p->landing[0], L->pos[1] - p->landing[1]);
  int landed = s->on_pad && dyn < 0.5;
  x[HH_M_OC_LANDED] = landed;
  if (landed && dyn < 0.1) s->rest_s += dt;
  else s->rest_s = 0;
  /* finished: landed and slacked off, or the operator declares the lift off (FINISH)
     with the load still on the deck and the weather above the crane's limit */
  int finish = (c->buttons & HH_BTN_FINISH) && (landed || (above && !s->lifted));
  x[HH_M_TASK_DONE] = (s->rest_s >= 2.0 || finish) ? 1.0 : 0.0;
}
