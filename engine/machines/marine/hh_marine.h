/* hh_marine.h - the sea, the wind, the supply vessel and the offshore pedestal crane
 * (issue 6, scenario 1). docs/marine.md describes the models and their sources.
 *
 * Load time (may use the seeded generator, never in a tick):
 *   hh_sea_state_preset  Hs and Tp of a WMO sea state code 0..9
 *   hh_sea_build         sample the JONSWAP spectrum into the model's wave components
 *   hh_wind_build        sample the NPD (Froya) gust spectrum into gust components
 *   hh_vessel_build      hull hydrostatics, added mass, damping and Froude-Krylov forces
 * Any time (pure functions of the model and time, no allocation):
 *   hh_sea_elevation     surface elevation above mean level at (x, y, t)
 *   hh_sea_velocity      orbital velocity at (x, y, z, t)
 *   hh_wind_at           wind speed at height z and time t, and its direction vector
 *   hh_vessel_step       advance the 6-DOF motions one step
 *   hh_vessel_point      world position and velocity of a point fixed in the vessel
 *   hh_vessel_pose       world position of midship on the waterline and the rotation matrix
 * Machine (hh_machine.c):
 *   hh_offshore_attach / detach / step / hash
 */
#ifndef HH_MARINE_H
#define HH_MARINE_H
#include "../../sim/hh_sim.h"

#define HH_RHO_WATER 1025.0  /* sea water density (kg/m^3) */
#define HH_RHO_AIR 1.225     /* air density (kg/m^3) */

/* Hs (m) and Tp (s) for WMO sea state code (0..9); -1 if out of range */
int hh_sea_state_preset(int code, double *hs, double *tp);
/* WMO sea state code of a significant wave height (m) */
int hh_sea_state_code(double hs);
/* sample s->hs, tp, gamma, dir, spread_s into n_waves components with seed; err on bad input */
int hh_sea_build(hh_sea_params *s, double g, uint32_t seed, const char *src, hh_error *err);
/* elevation (m) above s->level at world (x, y) and time t (s) */
double hh_sea_elevation(const hh_sea_params *s, double x, double y, double t);
/* orbital velocity (m/s) at world (x, y, z) and time t (s); z above the crest uses z = level */
void hh_sea_velocity(const hh_sea_params *s, double x, double y, double z, double t, double v[3]);

/* sample the gust components of w with seed */
int hh_wind_build(hh_wind_params *w, uint32_t seed, const char *src, hh_error *err);
/* wind speed (m/s) at height z (m above sea level) and time t; dir_out gets the unit
   direction it blows toward (may be NULL) */
double hh_wind_at(const hh_wind_params *w, double z, double t, double dir_out[3]);

/* derive mass, hydrostatics, added mass, damping, restoring and wave forces of v */
int hh_vessel_build(hh_vessel_params *v, const hh_sea_params *s, double g, const char *src,
                    hh_error *err);
/* one step of dt: motions eta / rates eta_v under waves at time t and wind */
void hh_vessel_step(const hh_vessel_params *v, const hh_sea_params *s, const hh_wind_params *w,
                    double t, double dt, double eta[6], double eta_v[6]);
/* world position (m) of midship on the waterline and rotation matrix R (body -> world) */
void hh_vessel_pose(const hh_vessel_params *v, const double eta[6], double pos[3],
                    double R[3][3]);
/* world position and velocity of body point b (m; x fwd, y port, z up from midship on the
   waterline); vel may be NULL */
void hh_vessel_point(const hh_vessel_params *v, const double eta[6], const double eta_v[6],
                     const double b[3], double pos[3], double vel[3]);

/* instructor override: the sea of WMO sea state code 1..6, re-sampled (load time) */
int hh_marine_sea_state_override(hh_model *m, int code, hh_error *err);

/* the offshore crane machine (stages 1-3) */
int hh_offshore_attach(const hh_model *m, hh_data *d, hh_error *err);
void hh_offshore_detach(hh_data *d);
void hh_offshore_step(const hh_model *m, hh_data *d, const hh_controls *c);
uint64_t hh_offshore_hash(const hh_data *d, uint64_t h);
/* safe working load (kg) at radius r (m) from the load chart */
double hh_offshore_swl(const hh_offshore_crane_params *p, double r);
/* wire slack (m): wire length minus the boom tip to sling apex distance (< 0: stretched) */
double hh_offshore_slack(const hh_model *m, const hh_data *d);
/* boom tip world position (m) for slew, luff angles (rad) */
void hh_offshore_tip(const hh_offshore_crane_params *p, double slew, double luff, double tip[3]);

#endif
