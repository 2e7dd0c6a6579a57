/* hh_machine.c - machine kind -> stage 1-3 functions. Each machine adds one line. */
#include "hh_machine.h"
#include "../machines/crane/hh_crane.h"

static const hh_machine_ops sts_ops = {hh_crane_attach, hh_crane_detach, hh_crane_step, NULL};

const hh_machine_ops *hh_machine_ops_for(hh_machine_kind k) {
  switch (k) {
  case HH_MACHINE_STS: return &sts_ops;
  default: return NULL;
  }
}
