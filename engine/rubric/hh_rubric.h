/* hh_rubric.h - compiled rubric rules, evaluated every tick in C (no allocation, no Lua).
 *
 * A rubric is a flat array of hh_rule read from the model. Each rule reads one metric
 * by index (engine/sim/hh_metrics.h), optionally gated by a second metric ("when"),
 * and writes deductions into its hh_rule_state plus one hh_event per deduction into a
 * log sized from the model (hh_rubric.log_capacity).
 *
 * Boundaries (docs/rubric.md): "beyond" is strict (value > limit for HH_CMP_GT, < for
 * HH_CMP_LT); an excursion of k ticks lasts k*dt and counts once k*dt > dwell_s; a
 * FINAL_BAND value exactly on lo or hi is inside; each started unit outside counts.
 *
 * Index:
 *   hh_rubric_reset   zero the per-attempt state; attach the event log storage
 *   hh_rubric_eval    evaluate every tick-time rule for one tick (hot path)
 *   hh_rubric_finish  apply end-of-task rules (final bands, time curve) once
 *   hh_rubric_score   current score: max_score - deductions, 0 on a zeroing critical
 */
#ifndef HH_RUBRIC_H
#define HH_RUBRIC_H
#include <stdint.h>

#define HH_MAX_RULES 64
#define HH_MAX_SECTIONS 8

typedef enum hh_rule_kind {
  HH_RULE_THRESHOLD = 1, /* metric beyond limit for longer than dwell_s: points once per
                            excursion, or per_second * seconds of excursion; cap */
  HH_RULE_EDGE,          /* each increase of a counter (or 0->1 of a flag): points each; cap */
  HH_RULE_CRITICAL,      /* flag 0->1: critical fault; action end or zero */
  HH_RULE_FINAL_BAND,    /* at finish: metric outside [lo, hi]: points per unit outside, cap */
  HH_RULE_TIME_CURVE     /* at finish: time over optimum_s loses points linearly, all of
                            them at zero_factor * optimum_s; hard limit ends the task */
} hh_rule_kind;

typedef enum hh_cmp { HH_CMP_GT = 1, HH_CMP_LT } hh_cmp;
typedef enum hh_critical_action { HH_CRIT_ZERO = 1, HH_CRIT_END } hh_critical_action;

/* One compiled rule. Sizes are fixed so the array is flat and copyable. */
typedef struct hh_rule {
  char id[32];            /* stable item id used in results, e.g. "sway_near_landing" */
  hh_rule_kind kind;
  int metric;             /* hh_metric_id read by this rule */
  int when;               /* hh_metric_id gate (rule active when metric != 0), -1 always */
  hh_cmp cmp;             /* THRESHOLD: direction of "beyond" */
  double limit;           /* THRESHOLD: limit in the metric's unit */
  double dwell_s;         /* THRESHOLD: seconds beyond the limit before it counts */
  double points;          /* deduction per event / per excursion / per unit (points) */
  double per_second;      /* THRESHOLD: extra points per second beyond dwell (0 = none) */
  double unit;            /* FINAL_BAND: size of one deduction unit in the metric's unit */
  double lo, hi;          /* FINAL_BAND: tolerance band */
  double optimum_s;       /* TIME_CURVE: optimum time (s) */
  double zero_factor;     /* TIME_CURVE: all points lost at zero_factor * optimum_s */
  double cap;             /* most points this rule can take (the item's value) */
  hh_critical_action action; /* CRITICAL */
  int section;            /* index into hh_rubric.section_name */
  char standard[96];      /* the standard or exam sheet the item comes from */
  char clause[32];        /* clause / item number in that standard */
  char text_en[160];      /* item text, English */
  char text_zh[160];      /* item text, Chinese (UTF-8) */
} hh_rule;

typedef struct hh_rubric {
  hh_rule rule[HH_MAX_RULES];
  int n_rules;
  double max_score;        /* points available, e.g. 100 */
  double pass_score;       /* passed when score >= pass_score and no critical fault */
  int n_sections;
  char section_name[HH_MAX_SECTIONS][64]; /* section id, e.g. "safety" */
  char section_en[HH_MAX_SECTIONS][64];   /* section title, English */
  char section_zh[HH_MAX_SECTIONS][64];   /* section title, Chinese (UTF-8) */
  int log_capacity;        /* events kept per attempt (hh_data allocates this many) */
} hh_rubric;

/* Per-rule running state. */
typedef struct hh_rule_state {
  double prev;             /* metric value at the previous tick (edge detection) */
  double beyond_s;         /* seconds of the current excursion */
  int in_excursion;        /* currently beyond the limit */
  int counted;             /* this excursion already deducted */
  int count;               /* events deducted */
  double deducted;         /* points taken so far (<= cap) */
  int log_slot;            /* THRESHOLD: 1 + index of the current excursion's event in
                              the log (per_second points accrue into it); 0 = none */
} hh_rule_state;

/* One logged deduction or critical fault. */
typedef struct hh_event {
  uint64_t tick;
  double time_s;
  int rule;                /* index into hh_rubric.rule */
  double value;            /* metric value when it fired */
  double deducted;         /* points taken by this event */
} hh_event;

typedef struct hh_rubric_state {
  hh_rule_state r[HH_MAX_RULES];
  int critical;            /* a critical fault happened */
  int critical_rule;       /* first critical rule index, -1 none */
  int zeroed;              /* a zeroing critical fault: score is 0 */
  int end_requested;       /* a rule asks the task to end now */
  int finished;            /* hh_rubric_finish has run */
  hh_event *log;           /* storage owned by hh_data, log_capacity entries */
  int log_len;
  int log_dropped;         /* events beyond capacity (counted, not stored) */
} hh_rubric_state;

/* zero the per-attempt state; log points at log_capacity entries owned by the caller */
void hh_rubric_reset(const hh_rubric *rb, hh_rubric_state *st, hh_event *log);
/* evaluate THRESHOLD, EDGE and CRITICAL rules for one tick (dt_s = tick length) */
void hh_rubric_eval(const hh_rubric *rb, hh_rubric_state *st, const double *metric,
                    uint64_t tick, double time_s, double dt_s);
/* apply FINAL_BAND and TIME_CURVE rules once at the end of the attempt */
void hh_rubric_finish(const hh_rubric *rb, hh_rubric_state *st, const double *metric,
                      uint64_t tick, double time_s);
/* score now: max_score minus deductions (floored at 0), 0 after a zeroing critical */
double hh_rubric_score(const hh_rubric *rb, const hh_rubric_state *st);

#endif
