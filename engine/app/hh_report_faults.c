/* hh_report_faults.c - which rules' faults fail an attempt (action zero / end) and
 * which only zeroed their section (zero_section), for the JSON, the debrief, the
 * summary and the results store. */
#include "hh_report.h"

/* the critical action a violation of rule r has; HH_CRIT_NONE when it costs points */
int hh_report_fault_action(const hh_rule *r) {
  switch (r->kind) {
    case HH_RULE_CRITICAL: /* a hand-built one without an action fails like "end" */
      return r->action != HH_CRIT_NONE ? (int)r->action : HH_CRIT_END;
    case HH_RULE_THRESHOLD:
    case HH_RULE_ORDER:
    case HH_RULE_PRECONDITION: return (int)r->action;
    default: return HH_CRIT_NONE;
  }
}

/* 1 when rule i had a fault that fails the attempt (action zero or end) */
int hh_report_failed_by(const hh_rubric *rb, const hh_rubric_state *st, int i) {
  int a = hh_report_fault_action(&rb->rule[i]);
  return (a == HH_CRIT_ZERO || a == HH_CRIT_END) && st->r[i].count > 0;
}

/* 1 when rule i had a zero_section fault (its section zeroed; the attempt goes on) */
int hh_report_zeroed_by(const hh_rubric *rb, const hh_rubric_state *st, int i) {
  return hh_report_fault_action(&rb->rule[i]) == HH_CRIT_ZERO_SECTION && st->r[i].count > 0;
}
