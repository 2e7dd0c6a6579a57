/* hh_cnc_types.h - CNC machine model parameters, per-tick state and metrics.
 * PLACEHOLDER: the CNC machine engineer fills these in (issue 4). */
#ifndef HH_CNC_TYPES_H
#define HH_CNC_TYPES_H

/* CNC metrics, X(enum, "name", "unit", "meaning") (appended to HH_METRIC_LIST) */
#define HH_METRIC_LIST_CNC(X)

typedef struct hh_cnc_model {
  int unused;
} hh_cnc_model;

typedef struct hh_cnc_state {
  int unused;
} hh_cnc_state;

#endif
