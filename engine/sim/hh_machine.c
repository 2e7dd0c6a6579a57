/* hh_machine.c - machine kind -> stage 1-3 functions. Each machine adds one line. */
#include "hh_machine.h"
#include "../machines/crane/hh_crane.h"
#include "../machines/cnc/hh_cnc.h"
#include "../machines/marine/hh_marine.h"
#include "../machines/marine/hh_mmg.h"

static const hh_machine_ops sts_ops = {hh_crane_attach, hh_crane_detach, hh_crane_step, NULL};
static const hh_machine_ops cnc_ops = {hh_cnc_attach, hh_cnc_detach, hh_cnc_step, hh_cnc_hash};
static const hh_machine_ops offshore_ops = {hh_offshore_attach, hh_offshore_detach, hh_offshore_step, hh_offshore_hash};
static const hh_machine_ops ship_ops = {hh_ship_attach, hh_ship_detach, hh_ship_step, hh_ship_hash};

const hh_machine_ops *hh_machine_ops_for(hh_machine_kind k) {
  switch (k) {
  case HH_MACHINE_STS: return &sts_ops;
  case HH_MACHINE_CNC_MILL:
  case HH_MACHINE_CNC_LATHE: return &cnc_ops;
  case HH_MACHINE_OFFSHORE_CRANE: return &offshore_ops;
  case HH_MACHINE_SHIP: return &ship_ops;
  default: return NULL;
  }
}
