/* hh_offshore_int.h - private pieces of the offshore crane lift shared by its files.
 *
 * Index:
 *   hh_oc_tick       kinematics of one tick (vessel pose, crane tip) at its start and end
 *   hh_oc_drives     stage 1: slew, luff and hoist follow the sticks (limits, SLI, AHC)
 *   hh_oc_load_step  stage 2: hung load, wire and contacts for one sub-step
 *   hh_oc_metrics    stage 3: write the metrics
 *   hh_oc_deck_z     height of the cargo deck above the waterline (m)
 */
#ifndef HH_OFFSHORE_INT_H
#define HH_OFFSHORE_INT_H
#include "hh_marine.h"

/* kinematics of one tick: vessel and crane tip at its start (0) and end (1) */
typedef struct hh_oc_tick {
  double o0[3], o1[3];       /* vessel midship waterline point (m, world) */
  double R0[3][3], R1[3][3]; /* vessel rotation body -> world */
  double tip0[3], tip1[3];   /* boom tip (m, world) */
  double wire0, wire1;       /* wire length (m) */
  double dt;                 /* tick length (s) */
  double t0;                 /* time at the start of the tick (s) */
  double wind[3];            /* wind velocity at the load this tick (m/s) */
  /* per-tick results of the sub-steps */
  int deck_contact;          /* load touched the vessel deck in any sub-step */
  int pad_contact;           /* load touched the laydown area in any sub-step */
  double pad_vz;             /* load vertical speed at the first pad touch (m/s) */
  double peak_tension;       /* largest wire tension of the tick (N) */
  double min_tension;        /* smallest wire tension of the tick (N) */
} hh_oc_tick;

double hh_oc_deck_z(const hh_model *m);
void hh_oc_drives(const hh_model *m, hh_data *d, const hh_controls *c, double deck_vz);
void hh_oc_load_step(const hh_model *m, hh_data *d, hh_oc_tick *k, double s0, double s1);
void hh_oc_metrics(const hh_model *m, hh_data *d, const hh_oc_tick *k, const hh_controls *c);
/* total hung mass: load plus hook (kg) */
double hh_oc_hung_mass(const hh_model *m);
/* rotate v by quaternion q (x y z w) */
void hh_oc_qrot(const double q[4], const double v[3], double out[3]);

#endif
