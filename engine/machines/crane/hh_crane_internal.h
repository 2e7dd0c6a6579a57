/* hh_crane_internal.h - private pieces of the STS crane shared by its source files.
 *
 * Index:
 *   hh_crane_motion      one tick of drive motion, for sub-step interpolation
 *   hh_crane_drives      stage 1: drives follow the sticks (limits, accel, e-stop)
 *   hh_crane_drive_at    drive position and speed at a time inside the tick
 *   hh_crane_ropes       rope tensions and forces for one physics sub-step
 *   hh_crane_sense       contact summary of one tick
 *   hh_crane_contacts    read the world's contacts, count collisions and landings
 *   hh_crane_geometry    landed / aligned / corner checks from the mirrored state
 *   hh_crane_locks       twistlock state machine (toggles the weld)
 *   hh_crane_metrics     stage 3: write every metric of hh_metrics.h
 */
#ifndef HH_CRANE_INTERNAL_H
#define HH_CRANE_INTERNAL_H
#include "hh_crane.h"
#include "../../physics/hh_physics.h"

/* body and weld indices in the crane's physics world (fixed by hh_crane_attach) */
enum { HH_CRANE_SPREADER = 0, HH_CRANE_CONTAINER = 1, HH_CRANE_FIRST_STATIC = 2,
       HH_CRANE_WELD = 0 };
#define HH_CRANE_WORDS ((HH_MAX_BOXES + 31) / 32)
#define HH_CRANE_RAD2DEG 57.29577951308232

/* drive indices inside hh_crane_motion */
enum { HH_DRV_GANTRY = 0, HH_DRV_TROLLEY = 1, HH_DRV_HOIST = 2 };

/* one tick of drive motion: constant acceleration from (pos0, v0) to (pos1, v1) */
typedef struct hh_crane_motion {
  double pos0[3], v0[3];     /* at the start of the tick (m, m/s) */
  double pos1[3], v1[3];     /* at its end (m, m/s) */
  double lo[3], hi[3];       /* travel limits (m) */
  double dt;                 /* tick length (s) */
} hh_crane_motion;

/* contacts of one tick */
typedef struct hh_crane_sense {
  uint32_t touch[2][HH_CRANE_WORDS]; /* scene boxes touched by spreader [0] / container [1] */
  int spreader_container;    /* spreader touches the container */
  int container_landing;     /* container touches a LANDING box */
  int container_static;      /* container touches any scene box */
  int new_collisions;        /* collisions that began this tick */
  int new_landing;           /* container began touching a LANDING box this tick */
} hh_crane_sense;

/* stage 1: update d->gantry/trolley/hoist from c and fill mo */
void hh_crane_drives(const hh_model *m, hh_data *d, const hh_controls *c, hh_crane_motion *mo);
/* position (m) and speed (m/s) of drive k at time t (s) into the tick */
void hh_crane_drive_at(const hh_crane_motion *mo, int k, double t, double *pos, double *speed);
/* apply rope and sway-damping forces for the sub-step starting at t; writes
   d->rope_tension and returns their sum (N) */
double hh_crane_ropes(const hh_model *m, hh_data *d, const hh_crane_motion *mo, double t);
/* read the contacts after the tick's physics, update d->touch_prev and the counters */
void hh_crane_contacts(const hh_model *m, hh_data *d, const hh_body_state *container_before,
                       hh_crane_sense *s);
/* horizontal distance (m) from each spreader lock to its container corner; the largest */
double hh_crane_corner_error(const hh_model *m, const hh_data *d);
/* spreader seated on the container with the ropes partly slack */
int hh_crane_landed(const hh_model *m, const hh_data *d, const hh_crane_sense *s);
/* twistlock state machine for one tick */
void hh_crane_locks(const hh_model *m, hh_data *d, const hh_controls *c, const hh_crane_sense *s);
/* stage 3: write the metrics */
void hh_crane_metrics(const hh_model *m, hh_data *d, const hh_crane_sense *s);
/* rotate v by quaternion q (x y z w) into out */
void hh_crane_rotate(const double q[4], const double v[3], double out[3]);

#endif
