/* hh_rubric.h - compiled rubric rules, evaluated every tick in C (no allocation, no Lua).
 *
 * A rubric is a flat array of hh_rule (the definition, with its texts) in the model.
 * hh_rubric_compile checks it and compiles the tick-time rules into hh_rule_op, a
 * 64-byte struct over metric indices, grouped by evaluator (op_start), plus packed keys
 * (scan_*), per watched metric the set of ops reading it (watch_ops), and a one-line
 * summary (hh_rubric_hot) of what a tick has to look at. Per tick, hh_rubric_eval
 * first only looks: the watched metrics against their previous bits, every threshold
 * against its limit as one bit per op (compared with the state's bits), time limits;
 * when nothing changed, the tick ends there. Otherwise the event-driven ops (critical,
 * order, precondition, edge) run when a metric they read changed, and the rule logic
 * of a threshold runs only when its bit disagrees with its state. Each rule reads one
 * metric by index (engine/sim/hh_metrics.h), optionally gated by a second metric
 * ("when"); ORDER and PRECONDITION read a second metric (metric_b). Deductions go into
 * hh_rule_state and the section totals, plus one hh_event per deduction into a log
 * sized from the model (hh_rubric.log_capacity).
 *
 * Boundaries (docs/rubric.md): "beyond" is strict (value > limit for HH_CMP_GT, < for
 * HH_CMP_LT); an excursion of k ticks lasts k*dt and counts once k*dt > dwell_s; a
 * FINAL_BAND value exactly on lo or hi is inside; each started unit outside counts.
 *
 * Index:
 *   hh_rubric_compile   check a rubric and build its ops, section limits, log size
 *   hh_rubric_reset     zero the per-attempt state; attach the event log storage
 *   hh_rubric_eval      evaluate every tick-time rule for one tick (hot path)
 *   hh_rubric_finish    apply end-of-task rules (final bands, time curve) once
 *   hh_rubric_score     objective score: max_score - judgement items - deductions
 *   hh_rubric_objective_max  points the engine scores (max_score - judgement items)
 *   hh_rubric_judge     enter a judge's mark for a judgement item
 *   hh_rubric_pending   points of judgement items with no mark yet
 *   hh_rubric_total     objective score plus the judges' marks entered so far
 */
#ifndef HH_RUBRIC_H
#define HH_RUBRIC_H
#include <stdint.h>

#define HH_MAX_RULES 1024       /* rules in one rubric */
#define HH_MAX_SECTIONS 16      /* sections in one rubric */
#define HH_RUBRIC_LOG_MAX 100000 /* largest event log (events) */
#define HH_RUBRIC_CRIT_EVENTS 16 /* log room reserved per critical-action rule (events) */

typedef enum hh_rule_kind {
  HH_RULE_THRESHOLD = 1, /* metric beyond limit for longer than dwell_s: points once per
                            excursion, or per_second * seconds of excursion; cap */
  HH_RULE_EDGE,          /* each increase of a counter (or 0->1 of a flag): points each; cap */
  HH_RULE_CRITICAL,      /* flag 0->1: critical fault; action end or zero */
  HH_RULE_FINAL_BAND,    /* at finish: metric outside [lo, hi]: points per unit outside, cap */
  HH_RULE_TIME_CURVE,    /* at finish: time over optimum_s loses points linearly, all of
                            them at zero_factor * optimum_s; hard_limit_s ends the task */
  HH_RULE_ORDER,         /* each rise of metric while metric_b has never been non-zero:
                            a violation (points each, cap; or action) */
  HH_RULE_PRECONDITION,  /* metric non-zero while metric_b is zero for longer than dwell_s:
                            a violation once per episode (points, per_second, cap; or action) */
  HH_RULE_JUDGE          /* judgement item worth cap points, marked later by a judge; the
                            engine never scores it */
} hh_rule_kind;

typedef enum hh_cmp { HH_CMP_GT = 1, HH_CMP_LT } hh_cmp;
/* what a critical fault does; HH_CRIT_NONE: the rule deducts points instead */
typedef enum hh_critical_action {
  HH_CRIT_NONE = 0,
  HH_CRIT_ZERO = 1,      /* the score is 0 (the attempt fails) */
  HH_CRIT_END,           /* the task ends now, points kept (the attempt fails) */
  HH_CRIT_ZERO_SECTION   /* the rule's section loses all it can (section_limit); the
                            attempt does not fail for it */
} hh_critical_action;

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
  double cap;             /* most points this rule can take (the item's value); JUDGE: the
                             item's marks */
  hh_critical_action action; /* CRITICAL; THRESHOLD, ORDER, PRECONDITION: a violation is
                             a critical fault with this action (HH_CRIT_NONE: points) */
  int section;            /* index into hh_rubric.section_name */
  int metric_b;           /* ORDER: metric that must have been non-zero before ("after");
                             PRECONDITION: metric that must be non-zero ("requires"); -1 */
  double hard_limit_s;    /* TIME_CURVE: the metric reaching this ends the task (s), 0 none */
  char standard[96];      /* the standard or exam sheet the item comes from */
  char clause[32];        /* clause / item number in that standard */
  char text_en[160];      /* item text, English */
  char text_zh[160];      /* item text, Chinese (UTF-8) */
} hh_rule;

/* evaluator of a compiled tick-time rule; also the order rules run in within a tick.
   Codes below HH_OP_THRESHOLD are event-driven: evaluated only on ticks where one of
   the metrics they read changed (or while an excursion of theirs needs time). */
typedef enum hh_op_code {
  HH_OP_CRITICAL = 0,      /* CRITICAL rule */
  HH_OP_ORDER,             /* ORDER rule */
  HH_OP_PRECONDITION,      /* PRECONDITION rule */
  HH_OP_EDGE,              /* EDGE rule */
  HH_OP_THRESHOLD,         /* THRESHOLD rule (scanned every tick) */
  HH_OP_TIME_LIMIT,        /* TIME_CURVE rule with a hard limit */
  HH_OP_COUNT
} hh_op_code;

#define HH_RUBRIC_WATCH_MAX 256               /* metrics the event-driven ops may read */
#define HH_RUBRIC_OP_WORDS (HH_MAX_RULES / 64) /* 64-bit words of a bit set over ops */

/* One compiled tick-time rule: everything the hot loop reads, in one cache line. */
typedef struct hh_rule_op {
  int32_t rule;            /* index into hh_rubric.rule and hh_rubric_state.r */
  int16_t metric;          /* metric read */
  int16_t gate;            /* "when" metric (acts while non-zero), -1 always */
  int16_t other;           /* ORDER/PRECONDITION metric_b, -1 none */
  int16_t section;         /* section index */
  int16_t action;          /* hh_critical_action of a violation; HH_CRIT_NONE = points */
  int16_t code;            /* hh_op_code */
  double sign;             /* THRESHOLD: +1 (above) or -1 (below) */
  double limit;            /* THRESHOLD: sign * limit (beyond: sign * value > limit);
                              TIME_LIMIT: hard limit (s) */
  double dwell_s;          /* THRESHOLD, PRECONDITION: seconds before an excursion counts */
  double points;           /* points per violation / excursion / unit */
  double per_second;       /* THRESHOLD, PRECONDITION: points per second past the dwell */
  double cap;              /* the rule's cap (points) */
} hh_rule_op;

/* the per-tick summary of a compiled rubric (hh_rubric_compile): counts and offsets
   the evaluator reads before anything else */
typedef struct hh_rubric_hot {
  int n_watch;             /* watched metrics (= hh_rubric.n_watch) */
  int n_watch2;            /* n_watch rounded up to even: watch slot n_watch, when
                              there, repeats slot 0 with no ops (the look takes pairs) */
  int n_events;            /* event-driven ops: op[0 .. n_events) */
  int ev_words;            /* 64-bit words of their bit sets */
  int thr_first;           /* first THRESHOLD op */
  int n_thr;               /* THRESHOLD ops */
  int n_thr4;              /* n_thr rounded up to a multiple of 4 (thr_* keys are
                              padded; the look takes fours) */
  int thr_words;           /* 64-bit words of the threshold bit sets */
  int time_first;          /* first TIME_LIMIT op */
  int n_time;              /* TIME_LIMIT ops */
  int small;               /* 1: at most 64 event-driven and 64 threshold ops (one word
                              each: the tick's first look is one pass, no word loops) */
  int plain;               /* 1: no gated threshold and no time limit (the look is
                              watches and limits only) */
} hh_rubric_hot;

typedef struct hh_rubric {
  hh_rule rule[HH_MAX_RULES];
  int n_rules;
  double max_score;        /* points available, e.g. 100 */
  double pass_score;       /* passed when score >= pass_score and no critical fault */
  int n_sections;
  char section_name[HH_MAX_SECTIONS][64]; /* section id, e.g. "safety" */
  char section_en[HH_MAX_SECTIONS][64];   /* section title, English */
  char section_zh[HH_MAX_SECTIONS][64];   /* section title, Chinese (UTF-8) */
  int log_capacity;        /* events kept per attempt (hh_data allocates this many);
                              hh_rubric_compile raises it to what the rules can log */
  double section_cap[HH_MAX_SECTIONS];    /* most points the section may lose in all
                                             (points); 0 = no section cap */
  double section_weight[HH_MAX_SECTIONS]; /* percent of max_score the section is worth;
                                             all 0 (unweighted) or all > 0, sum 100 */

  /* ---- compiled by hh_rubric_compile (read-only after) */
  int compiled;            /* 1 after a successful hh_rubric_compile */
  double judge_max;        /* points of all judgement items */
  double section_value[HH_MAX_SECTIONS]; /* weight% of max_score (points); 0 unweighted */
  double section_judge[HH_MAX_SECTIONS]; /* points of the section's judgement items */
  double section_limit[HH_MAX_SECTIONS]; /* most points objective rules may take from the
                                            section: min(cap, value - judge); HUGE_VAL none */
  hh_rule_op op[HH_MAX_RULES]; /* tick-time rules, grouped by code in hh_op_code order,
                                  declaration order within a group */
  int n_ops;
  int op_start[HH_OP_COUNT + 1]; /* ops of code k are op[op_start[k] .. op_start[k+1]) */
  /* the first pass's keys, by op index (copies of op[k] fields, packed for the scan) */
  int16_t scan_metric[HH_MAX_RULES]; /* op[k].metric */
  int16_t scan_gate[HH_MAX_RULES];   /* op[k].gate (-1: always open) */
  int16_t scan_other[HH_MAX_RULES];  /* op[k].other (0 when none) */
  double scan_sign[HH_MAX_RULES];    /* op[k].sign */
  double scan_limit[HH_MAX_RULES];   /* op[k].limit */
  /* event-driven ops (codes below HH_OP_THRESHOLD): the metrics they read, and for each
     such metric the bit set of ops reading it (metric, gate or metric_b) */
  int n_watch;
  int16_t watch[HH_RUBRIC_WATCH_MAX];   /* metric index of watch slot w */
  uint64_t watch_ops[HH_RUBRIC_WATCH_MAX][HH_RUBRIC_OP_WORDS]; /* ops reading it */
  hh_rubric_hot hot;       /* what a tick looks at, in one place */
  /* THRESHOLD ops by position t in their group (op op_start[HH_OP_THRESHOLD] + t): the
     first look's keys (beyond: thr_sign * value > thr_limit), padded to a multiple of
     4 with keys that are never beyond; and those with a gate, by 64-op word (bit i of
     word c: position 64 c + i) */
  int16_t thr_metric[HH_MAX_RULES + 4];
  _Alignas(16) double thr_sign[HH_MAX_RULES + 4];
  _Alignas(16) double thr_limit[HH_MAX_RULES + 4];
  uint64_t thr_gated[HH_RUBRIC_OP_WORDS];
} hh_rubric;

/* A problem found by hh_rubric_compile: which rule (or -1: the rubric or a section). */
typedef struct hh_rubric_problem {
  int rule;                /* rule index, -1 when the rubric as a whole is wrong */
  int section;             /* section index involved, -1 none */
  char text[256];          /* message (translated), names the field */
} hh_rubric_problem;

/* Per-rule running state. */
typedef struct hh_rule_state {
  double prev;             /* unused since the ops keep it (hh_rubric_state.op_prev) */
  double beyond_s;         /* seconds of the current excursion */
  int in_excursion;        /* currently beyond the limit */
  int counted;             /* this excursion already deducted */
  int count;               /* events deducted */
  double deducted;         /* points taken so far (<= cap) */
  int log_slot;            /* THRESHOLD: 1 + index of the current excursion's event in
                              the log (per_second points accrue into it); 0 = none */
  int judged;              /* JUDGE: a judge's mark was entered */
  double awarded;          /* JUDGE: points the judge awarded (0..cap) */
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
  double sec_deducted[HH_MAX_SECTIONS]; /* points each section lost (<= section_limit) */
  int sec_zeroed[HH_MAX_SECTIONS];      /* a zero_section fault hit the section */
  /* by op index (hh_rubric.op): what the first pass reads and writes */
  double op_prev[HH_MAX_RULES];  /* CRITICAL, ORDER, EDGE: metric at the previous tick */
  uint8_t op_mode[HH_MAX_RULES]; /* THRESHOLD, PRECONDITION: 0 no excursion, 1 in one that
                                    needs work each tick (dwell, per_second), 2 in a settled
                                    one; ORDER: 1 once metric_b was non-zero; TIME_LIMIT: 1
                                    once reached */
  uint64_t watch_last[HH_RUBRIC_WATCH_MAX]; /* bits of the watched metrics at the
                                               previous tick (compared bit for bit) */
  uint64_t active[HH_RUBRIC_OP_WORDS];    /* PRECONDITION ops in an excursion that
                                             needs work each tick (op_mode 1) */
  /* THRESHOLD ops by 64-op word of the threshold group (as hh_rubric.thr_gated) */
  uint64_t thr_settled[HH_RUBRIC_OP_WORDS]; /* in a settled excursion (op_mode 2) */
  uint64_t thr_busy[HH_RUBRIC_OP_WORDS];    /* in an excursion needing work each tick
                                               (op_mode 1) */
} hh_rubric_state;

/* check rb (caps, sections, weights, metrics, bands) and build its ops, section
   limits and log size; 0 when it is sound, else HH_E_RUBRIC with *p saying what */
int hh_rubric_compile(hh_rubric *rb, hh_rubric_problem *p);
/* zero the per-attempt state; log points at log_capacity entries owned by the caller */
void hh_rubric_reset(const hh_rubric *rb, hh_rubric_state *st, hh_event *log);
/* evaluate the compiled tick-time rules for one tick (dt_s = tick length) */
void hh_rubric_eval(const hh_rubric *rb, hh_rubric_state *st, const double *metric,
                    uint64_t tick, double time_s, double dt_s);
/* apply FINAL_BAND and TIME_CURVE rules once at the end of the attempt */
void hh_rubric_finish(const hh_rubric *rb, hh_rubric_state *st, const double *metric,
                      uint64_t tick, double time_s);
/* objective score now: max_score - judge_max - deductions (floored at 0), 0 after a
   zeroing critical; judgement items are not in it (see hh_rubric_total) */
double hh_rubric_score(const hh_rubric *rb, const hh_rubric_state *st);
/* points the engine scores itself: max_score less the judgement items */
double hh_rubric_objective_max(const hh_rubric *rb);
/* enter a judge's mark (0..cap points) for judgement rule i; 0 or HH_E_RUBRIC */
int hh_rubric_judge(const hh_rubric *rb, hh_rubric_state *st, int i, double awarded);
/* points of judgement items that have no mark yet */
double hh_rubric_pending(const hh_rubric *rb, const hh_rubric_state *st);
/* objective score plus the judges' marks entered so far (0 after a zeroing critical) */
double hh_rubric_total(const hh_rubric *rb, const hh_rubric_state *st);

#endif
