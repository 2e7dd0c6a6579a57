/* hh_mmg.h - ship manoeuvring with the MMG standard method (Yasukawa & Yoshimura 2015,
 * J. Mar. Sci. Technol. 20:37-52): 3-DOF surge, sway, yaw with hull, propeller and
 * rudder forces, plus bow thruster, wind, current, tugs and fender/quay contacts, and
 * the HH_MACHINE_SHIP machine (stages 1-3 of hh_step). docs/ship.md has the model.
 *
 * Index:
 *   hh_mmg_hull_find     published coefficients of a hull by name (NULL if unknown)
 *   hh_mmg_hull_names    comma-separated list of the hull names, for messages
 *   hh_mmg_forces        hull + propeller + rudder force (MMG body frame)
 *   hh_mmg_accel         accelerations from forces (MMG equations of motion at midship)
 *   hh_mmg_self_prop     propeller rev/s that balances surge at a straight-run speed
 *   hh_ship_defaults     fill ship parameters for a hull (no berth, no environment)
 *   hh_ship_reset        put a ship state at the parameters' start
 *   hh_ship_actuate      rudder, engine, thruster and tugs follow their commands
 *   hh_ship_integrate    one RK4 step of the ship's motion (fixed dt, no allocation)
 *   hh_ship_outline      hull outline in the world for the state
 *   hh_ship_attach/detach/step/hash  the HH_MACHINE_SHIP machine operations
 */
#ifndef HH_MMG_H
#define HH_MMG_H
#include "../../sim/hh_sim.h"

#define HH_SHIP_OUTLINE_N 9  /* vertices of the convex waterline polygon */

/* actuator orders of one tick: the actuators move toward them at their rates */
typedef struct hh_ship_cmd {
  double delta;                       /* rudder order (rad, + starboard) */
  double n;                           /* engine order (rev/s, - astern) */
  double thruster;                    /* bow thruster order (N, + bow to starboard) */
  double tug[HH_SHIP_MAX_TUGS];       /* tug orders (N, + push, - pull) */
} hh_ship_cmd;

/* the published coefficients of a hull by name, NULL if unknown */
const hh_mmg_hull *hh_mmg_hull_find(const char *name);
/* names of every hull in the table, e.g. "kvlcc2, kvlcc2_l7" */
const char *hh_mmg_hull_names(void);

/* hull, propeller and rudder force at velocity (u, v, r) through the water, rudder
   delta and propeller n: F = {X (N), Y (N, starboard), N (N m, + starboard)} */
void hh_mmg_forces(const hh_mmg_hull *h, double u, double v, double r, double delta,
                   double n, double F[3]);
/* accelerations {du/dt, dv/dt, dr/dt} of a ship moving at vel = {u, v, r} under F */
void hh_mmg_accel(const hh_mmg_hull *h, const double vel[3], const double F[3],
                  double acc[3]);
/* propeller rev/s at which the straight run at speed U is in surge equilibrium */
double hh_mmg_self_prop(const hh_mmg_hull *h, double U);

/* ship parameters for hull h: engine at its self-propulsion point at U0, no thruster,
   tugs, wind, current or berth; start at the origin heading +x at U0 */
void hh_ship_defaults(hh_ship_params *p, const hh_mmg_hull *h);
/* put s at p's start: position, heading, speed, engine at start_rps, rudder amidships */
void hh_ship_reset(const hh_ship_params *p, hh_ship_state *s);
/* move rudder, engine, thruster and tugs toward c at their rates over dt */
void hh_ship_actuate(const hh_ship_params *p, hh_ship_state *s, const hh_ship_cmd *c,
                     double dt);
/* one RK4 step of dt: hull, propeller, rudder, thruster, tugs, wind, current, fenders,
   quay; m may be NULL (no scene obstacles) */
void hh_ship_integrate(const hh_ship_params *p, const hh_model *m, hh_ship_state *s,
                       double dt);
/* the hull outline (HH_SHIP_OUTLINE_N vertices, world x y) at position x, y, psi */
void hh_ship_outline(const hh_mmg_hull *h, double x, double y, double psi,
                     double out[HH_SHIP_OUTLINE_N][2]);

/* machine operations (engine/sim/hh_machine.c) */
int hh_ship_attach(const hh_model *m, hh_data *d, hh_error *err);
void hh_ship_detach(hh_data *d);
void hh_ship_step(const hh_model *m, hh_data *d, const hh_controls *c);
uint64_t hh_ship_hash(const hh_data *d, uint64_t h);

#endif
