/* hh_marine_types.h - marine model parameters, per-tick state and metrics.
 * PLACEHOLDER: the marine engineer fills these in (issue 6). */
#ifndef HH_MARINE_TYPES_H
#define HH_MARINE_TYPES_H

/* marine metrics, X(enum, "name", "unit", "meaning") (appended to HH_METRIC_LIST) */
#define HH_METRIC_LIST_MARINE(X)

typedef struct hh_marine_model {
  int unused;
} hh_marine_model;

typedef struct hh_marine_state {
  int unused;
} hh_marine_state;

#endif
