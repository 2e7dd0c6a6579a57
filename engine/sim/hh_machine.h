/* hh_machine.h - the table that maps a model's machine kind to its stage 1-3 functions.
 *
 * Index:
 *   hh_machine_ops_for  the operations of a machine kind (NULL if unknown)
 */
#ifndef HH_MACHINE_H
#define HH_MACHINE_H
#include <stdint.h>
#include "hh_sim.h"

typedef struct hh_machine_ops {
  /* build per-attempt machine state (physics world, stock...) at load time; may allocate */
  int (*attach)(const hh_model *m, hh_data *d, hh_error *err);
  /* release what attach made (safe to call twice) */
  void (*detach)(hh_data *d);
  /* stages 1-3 of one tick: machine, physics, metrics; no allocation, I/O or logging */
  void (*step)(const hh_model *m, hh_data *d, const hh_controls *c);
  /* fold the machine's own state into the state hash (NULL: nothing beyond hh_data) */
  uint64_t (*hash)(const hh_data *d, uint64_t h);
} hh_machine_ops;

/* the operations for machine kind k, or NULL */
const hh_machine_ops *hh_machine_ops_for(hh_machine_kind k);

#endif
