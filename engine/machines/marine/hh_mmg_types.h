/* hh_mmg_types.h - ship manoeuvring (MMG standard method, scenario 2: berthing)
 * parameters, per-tick state and metrics. hh_marine_types.h includes it and embeds
 * hh_ship_params in m->marine.ship and hh_ship_state in d->marine.ship.
 *
 * Conventions (docs/ship.md):
 *   world: z up, x along the quay, y from land (-) to sea (+); heading psi is the
 *     bow direction (rad, from +x, counter-clockwise about z).
 *   ship body (as in the MMG standard method, Yasukawa & Yoshimura 2015): x forward,
 *     y to starboard, yaw rate r positive turning to starboard (clockwise seen from
 *     above), rudder angle delta positive turning the ship to starboard.
 *   u, v are the ship's velocity relative to the water (m/s); the current is added
 *     when positions are integrated.
 */
#ifndef HH_MMG_TYPES_H
#define HH_MMG_TYPES_H

#define HH_SHIP_MAX_TUGS 4      /* tugs a scenario may attach */
#define HH_SHIP_MAX_FENDERS 12  /* fenders along the berth */
#define HH_SHIP_HULL_PTS 24     /* points on the hull outline used for contacts */

/* ship manoeuvring metrics, X(enum, "name", "unit", "meaning") */
#define HH_METRIC_LIST_MMG(X)                                                              \
  X(HH_M_SHIP_SPEED, "ship_speed", "m/s", "ship speed over ground (midship)")               \
  X(HH_M_SHIP_HEADING, "ship_heading", "deg", "heading of the bow from +x, counter-clockwise") \
  X(HH_M_SHIP_RUDDER, "ship_rudder", "deg", "rudder angle (+ starboard)")                  \
  X(HH_M_SHIP_RPS, "ship_rps", "1/s", "propeller revolutions per second (- astern)")       \
  X(HH_M_SHIP_YAW_RATE, "ship_yaw_rate", "deg/s", "rate of turn (+ to starboard)")         \
  X(HH_M_SHIP_LAT_SPEED, "ship_lateral_speed", "m/s", "speed of midship toward the quay (+ closing)") \
  X(HH_M_SHIP_QUAY_DIST, "quay_distance", "m", "closest distance of the hull to the fender line") \
  X(HH_M_SHIP_NEAR_BERTH, "near_berth", "flag", "midship within the approach zone of the berth") \
  X(HH_M_SHIP_FENDER_SPEED, "fender_speed", "m/s", "hull speed into a fender when it first touches it; 0 on other ticks") \
  X(HH_M_SHIP_FENDER_ANGLE, "fender_angle", "deg", "angle between hull and quay line when a fender is first touched; 0 on other ticks") \
  X(HH_M_SHIP_FENDER_HITS, "fender_contacts", "count", "new fender contacts since the start") \
  X(HH_M_SHIP_QUAY_HIT, "quay_hit", "flag", "the hull struck the quay wall (past or between the fenders)") \
  X(HH_M_SHIP_SHIP_HIT, "ship_hit", "flag", "the hull struck another ship or an obstacle")  \
  X(HH_M_SHIP_ALONGSIDE, "alongside", "flag", "lying parallel to the quay against the fenders") \
  X(HH_M_SHIP_BERTH_OFFSET, "berth_offset", "m", "distance of midship from the marked berth position along the quay") \
  X(HH_M_SHIP_BERTH_HEADING, "berth_heading_error", "deg", "heading difference from the berth's heading") \
  X(HH_M_SHIP_BERTHED, "berthed", "flag", "alongside, stopped and held for the settle time")

/* MMG hull, propeller and rudder coefficients of one published hull (non-dimensional
   with 0.5 rho L^2 d (mass), 0.5 rho L^4 d (inertia), 0.5 rho L d U^2 (force),
   0.5 rho L^2 d U^2 (moment), as in Yasukawa & Yoshimura 2015). */
typedef struct hh_mmg_hull {
  char name[32];             /* hull name the scenario gives ("kvlcc2") */
  char source[96];           /* where the coefficients are published */
  double L, B, d;            /* length between perpendiculars, breadth, draught (m) */
  double volume;             /* displaced volume (m^3) */
  double x_G;                /* centre of gravity forward of midship (m) */
  double rho;                /* water density (kg/m^3) */
  double k_zz;               /* yaw radius of gyration / L */
  double m_x, m_y, J_z;      /* added masses and added yaw inertia (') */
  double R_0, X_vv, X_vr, X_rr, X_vvvv;          /* surge hull (') */
  double Y_v, Y_r, Y_vvv, Y_vvr, Y_vrr, Y_rrr;   /* sway hull (') */
  double N_v, N_r, N_vvv, N_vvr, N_vrr, N_rrr;   /* yaw hull (') */
  double D_P;                /* propeller diameter (m) */
  double x_P;                /* propeller position / L (') */
  double t_P, w_P0;          /* thrust deduction, wake fraction in straight run */
  double k0, k1, k2;         /* K_T(J) = k0 + k1 J + k2 J^2 */
  double C_1, C_2p, C_2m;    /* wake change in manoeuvring (C_2 for beta_P > 0, < 0) */
  double A_R, H_R;           /* rudder area (m^2), rudder span (m) */
  double t_R, a_H, x_H;      /* steering resistance deduction, rudder force increase,
                                its position / L (') */
  double x_R;                /* rudder position / L (') */
  double gamma_Rm, gamma_Rp; /* flow straightening for beta_R < 0 / > 0 */
  double l_R;                /* effective rudder longitudinal position / L (') */
  double eps, kappa;         /* wake ratio rudder/propeller, propeller race constant */
  double f_alpha;            /* rudder lift gradient (1/rad) */
  double C_D;                /* low-speed cross-flow drag coefficient (docs/ship.md) */
  double U0;                 /* approach speed of the published manoeuvres (m/s) */
  double delta_max;          /* rudder limit (rad) */
  double delta_rate;         /* steering gear rate (rad/s) */
  double A_F, A_L;           /* frontal and lateral windage areas (m^2) */
} hh_mmg_hull;

/* a tug pushing or pulling at a point of the hull */
typedef struct hh_ship_tug {
  char name[32];
  double at[2];              /* attachment point: x forward, y starboard of midship (m) */
  double dir;                /* push direction in the body frame (rad, from +x toward
                                starboard: pi/2 pushes the ship to starboard) */
  double max_force;          /* bollard pull (N) */
  double rate;               /* force build-up rate (N/s) */
} hh_ship_tug;

/* a fender on the quay face */
typedef struct hh_ship_fender {
  double x;                  /* centre along the quay (m, world) */
  double half_len;           /* half length along the quay (m) */
  double depth;              /* stand-off of the fender face from the quay wall (m) */
  double stiffness;          /* reaction per metre of compression (N/m) */
  double damping;            /* reaction per m/s of compression speed (N s/m) */
} hh_ship_fender;

/* The berth: a straight quay wall y = quay_y (land below), fenders on it, and the
   marked berthing position. */
typedef struct hh_ship_berth {
  double quay_y;             /* quay wall line (m, world y) */
  double quay_x[2];          /* quay wall extent along x (m) */
  int n_fenders;
  hh_ship_fender fender[HH_SHIP_MAX_FENDERS];
  double target_x;           /* marked midship position along the quay (m) */
  double heading;            /* berth heading (rad): 0 = bow toward +x */
  double approach_radius;    /* near_berth zone: midship within this of the berth (m) */
  double settle_time;        /* alongside and stopped this long = berthed (s) */
  double stop_speed;         /* "stopped": speed over ground below this (m/s) */
} hh_ship_berth;

/* MMG hull, propeller, rudder, thruster, tug, environment and berth (load time) */
typedef struct hh_ship_params {
  hh_mmg_hull hull;          /* published coefficients, copied from the hull table */
  double n_max;              /* propeller full ahead (rev/s); astern is -n_max */
  double n_rate;             /* engine response (rev/s per s) */
  double thruster_force;     /* bow thruster full thrust (N), 0 = none */
  double thruster_x;         /* bow thruster position forward of midship (m) */
  double thruster_rate;      /* thrust build-up (N/s) */
  double thruster_cutoff;    /* forward speed at which the thruster loses all effect (m/s) */
  double wind_speed;         /* steady wind speed (m/s); a wind{} call (shared gusting
                                wind, hh_wind_at) replaces it */
  double wind_dir;           /* direction the wind blows toward (rad, world) */
  double current[2];         /* current velocity (m/s, world x, y) */
  double air_rho;            /* air density (kg/m^3) */
  double water_z;            /* still water level (m, world z; the quay surface is z = 0) */
  double start[3];           /* initial midship x, y (m) and heading (rad) */
  double start_speed;        /* initial speed through the water (m/s, surge) */
  double start_rps;          /* initial propeller rev/s (ahead, usually the engine order) */
  int n_tugs;
  hh_ship_tug tug[HH_SHIP_MAX_TUGS];
  hh_ship_berth berth;
  int has_berth;             /* berth{} given */
} hh_ship_params;

/* MMG per-tick ship state (written by stages 1-3 of hh_step) */
typedef struct hh_ship_state {
  double x, y, psi;          /* midship position (m, world) and heading (rad) */
  double u, v, r;            /* surge, sway (starboard) through the water (m/s), yaw
                                rate (rad/s, + starboard) */
  double delta;              /* rudder angle (rad, + starboard) */
  double n;                  /* propeller rev/s */
  double thrust_bt;          /* bow thruster force (N, + pushes the bow to starboard) */
  double tug_force[HH_SHIP_MAX_TUGS]; /* tug forces (N, + push, - pull) */
  double fender_force[HH_SHIP_MAX_FENDERS]; /* fender reactions (N) */
  int fender_touch[HH_SHIP_MAX_FENDERS];    /* fender compressed last tick (0/1) */
  double fender_hits;        /* counter of new fender contacts */
  int quay_hit, ship_hit;    /* latched flags */
  double settle_s;           /* seconds alongside and stopped */
  double sog[2];             /* velocity over ground of midship (m/s, world) */
  double wind[2];            /* true wind velocity this tick (m/s, world): the shared
                                gusting wind{} at 10 m if declared, else the steady one */
} hh_ship_state;

#endif
