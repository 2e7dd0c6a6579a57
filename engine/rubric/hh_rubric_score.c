/* hh_rubric_score.c - scores from the rubric state: the objective score the engine
 * computes, and judgement items entered later by a judge. Not used inside a tick
 * except hh_rubric_score (a sum over the rules).
 */
#include "hh_rubric.h"
#include "../core/hh_error.h"
#include <math.h>

/* objective score now: max_score - judge_max - deductions (floored at 0), 0 after a
   zeroing critical; judgement items are not in it (see hh_rubric_total) */
double hh_rubric_score(const hh_rubric *rb, const hh_rubric_state *st) {
  if (st->zeroed) return 0.0;
  double s = rb->max_score - rb->judge_max;
  for (int i = 0; i < rb->n_rules; i++) s -= st->r[i].deducted;
  return s > 0.0 ? s : 0.0;
}

/* points the engine scores itself: max_score less the judgement items */
double hh_rubric_objective_max(const hh_rubric *rb) {
  return rb->max_score - rb->judge_max;
}

/* enter a judge's mark (0..cap points) for judgement rule i; 0 or HH_E_RUBRIC */
int hh_rubric_judge(const hh_rubric *rb, hh_rubric_state *st, int i, double awarded) {
  if (i < 0 || i >= rb->n_rules || rb->rule[i].kind != HH_RULE_JUDGE) return HH_E_RUBRIC;
  if (!(awarded >= 0.0 && awarded <= rb->rule[i].cap)) return HH_E_RUBRIC;
  st->r[i].judged = 1;
  st->r[i].awarded = awarded;
  return HH_OK;
}

/* points of judgement items that have no mark yet */
double hh_rubric_pending(const hh_rubric *rb, const hh_rubric_state *st) {
  double p = 0.0;
  for (int i = 0; i < rb->n_rules; i++)
    if (rb->rule[i].kind == HH_RULE_JUDGE && !st->r[i].judged) p += rb->rule[i].cap;
  return p;
}

/* objective score plus the judges' marks entered so far (0 after a zeroing critical;
   no marks from a zeroed section) */
double hh_rubric_total(const hh_rubric *rb, const hh_rubric_state *st) {
  if (st->zeroed) return 0.0;
  double s = hh_rubric_score(rb, st);
  for (int i = 0; i < rb->n_rules; i++) {
    const hh_rule *r = &rb->rule[i];
    if (r->kind == HH_RULE_JUDGE && st->r[i].judged && !st->sec_zeroed[r->section])
      s += st->r[i].awarded; /* a zeroed section keeps none of its marks */
  }
  return s;
}
