/* hh_mmg_internal.h - internals shared by the ship machine's files (not public).
 *
 * Files by job:
 *   hh_mmg_hulls.c    table of published hull coefficients
 *   hh_mmg_forces.c   MMG hull, propeller, rudder forces; equations of motion
 *   hh_mmg_env.c      bow thruster, tugs, wind (external forces)
 *   hh_mmg_contact.c  hull outline against fenders, quay wall and scene obstacles
 *   hh_mmg_ship.c     defaults, reset, actuators, RK4 integration
 *   hh_mmg_machine.c  HH_MACHINE_SHIP: attach, tick, metrics, hash
 */
#ifndef HH_MMG_INTERNAL_H
#define HH_MMG_INTERNAL_H
#include "hh_mmg.h"

#define HH_SHIP_WALL_OMEGA 0.8    /* quay wall contact: natural frequency with the
                                     ship's mass (rad/s) */
#define HH_SHIP_WALL_ZETA 0.5     /* ... and its damping ratio */

/* position and velocity state integrated by RK4: x, y, psi, u, v, r */
enum { HH_Q_X, HH_Q_Y, HH_Q_PSI, HH_Q_U, HH_Q_V, HH_Q_R, HH_Q_N };

/* add world force (fx, fy) acting at world point (px, py) to the body force F
   {X, Y starboard, N + starboard} of a ship at q */
void hh_ship_add_world_force(const double q[HH_Q_N], double fx, double fy, double px,
                             double py, double F[3]);
/* world velocity (m/s) over ground of the hull point at world (px, py) */
void hh_ship_point_vel(const hh_ship_params *p, const double q[HH_Q_N], double px,
                       double py, double vel[2]);
/* bow thruster, tug and wind forces on a ship at q with actuators s (body frame) */
void hh_ship_env_force(const hh_ship_params *p, const hh_ship_state *s,
                       const double q[HH_Q_N], double F[3]);
/* fender and quay wall reactions on a ship at q (body frame) */
void hh_ship_contact_force(const hh_ship_params *p, const double q[HH_Q_N], double F[3]);

/* what the hull touches after a step */
typedef struct hh_ship_touch {
  int fender[HH_SHIP_MAX_FENDERS];  /* compressed (0/1) */
  double fender_vn[HH_SHIP_MAX_FENDERS]; /* compression speed (m/s, + closing) */
  double fender_force[HH_SHIP_MAX_FENDERS]; /* reaction (N) */
  double clearance;                 /* hull to the fender line (m, < 0 compressing) */
  int quay;                         /* hull at or past the quay wall */
  int obstacle;                     /* hull overlaps a scene OBSTACLE box */
} hh_ship_touch;

/* contacts of the ship at q: fenders, quay wall, m's obstacles (m may be NULL) */
void hh_ship_touches(const hh_ship_params *p, const hh_model *m, const double q[HH_Q_N],
                     hh_ship_touch *t);

#endif
