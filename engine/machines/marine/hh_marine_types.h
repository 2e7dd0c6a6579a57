/* hh_marine_types.h - marine model parameters, per-tick state and metrics (issue 6).
 *
 * Two machines share the marine part of the model:
 *   HH_MACHINE_OFFSHORE_CRANE  sea, wind, 6-DOF supply vessel and a platform pedestal
 *                              crane (engine/machines/marine/hh_sea*, hh_vessel*,
 *                              hh_offshore*; docs/marine.md)
 *   HH_MACHINE_SHIP            MMG ship manoeuvring / berthing (hh_mmg*, its own types
 *                              in hh_mmg_types.h)
 * The sea and wind are shared: both machines may read m->marine.sea / .wind.
 *
 * Sizes are fixed: the wave and gust components are sampled into these arrays at load
 * time from the seed; nothing here is allocated or drawn at random inside a tick.
 */
#ifndef HH_MARINE_TYPES_H
#define HH_MARINE_TYPES_H
#include <stdint.h>
#include "hh_mmg_types.h"

#define HH_SEA_MAX_WAVES 1024  /* most wave components a sea may have */
#define HH_WIND_MAX_GUSTS 256  /* most gust components of the wind */
#define HH_CHART_MAX 16        /* load chart points */
#define HH_NOGO_MAX 8          /* no-go zones (personnel areas) */

/* offshore crane lift metrics, X(enum, "name", "unit", "meaning"). The lift also
   writes the common crane metrics sway_angle, impact_speed, landing_offset,
   rope_tension, load_mass and task_done of hh_metrics.h. */
#define HH_METRIC_LIST_OFFSHORE(X)                                                        \
  X(HH_M_SEA_HS, "sea_hs", "m", "significant wave height of the sea state in force")      \
  X(HH_M_SEA_STATE, "sea_state", "code", "WMO sea state code 0..9 of the sea in force")   \
  X(HH_M_WIND_SPEED, "wind_speed", "m/s", "wind speed at the boom tip (mean plus gust)")  \
  X(HH_M_OVER_LIMIT, "over_weather_limit", "flag", "lifting (load off the deck) with wind or sea above the crane's operating limit") \
  X(HH_M_DECK_HEAVE, "deck_heave", "m", "vertical displacement of the vessel's cargo spot from its mean")   \
  X(HH_M_DECK_VZ, "deck_vz", "m/s", "vertical speed of the vessel's cargo spot (+ rising)") \
  X(HH_M_OC_RADIUS, "crane_radius", "m", "horizontal distance of the boom tip from the slew axis") \
  X(HH_M_OC_SWL, "crane_swl", "kg", "safe working load of the load chart at the current radius") \
  X(HH_M_OC_LOAD, "crane_load", "kg", "load on the hook from the wire tension (static equivalent, tension/g)") \
  X(HH_M_OC_UTIL, "crane_util", "ratio", "hook load over the safe working load (1 = at the chart)") \
  X(HH_M_OC_OVERLOAD, "crane_overload", "flag", "safe-load indicator: hook load above the load chart") \
  X(HH_M_OC_CUTOFF, "crane_cutoff", "flag", "safe-load indicator has cut off hoist-up and luff-out") \
  X(HH_M_OC_HOOK_HEIGHT, "hook_height", "m", "load underside above the sea's mean level")   \
  X(HH_M_OC_LOAD_CLEAR, "load_clear", "m", "load underside above the vessel deck below it") \
  X(HH_M_OC_LIFTED, "lifted_off", "flag", "the load has left the vessel deck")            \
  X(HH_M_OC_LIFTOFF_FALLING, "liftoff_falling_deck", "flag", "the load left the deck while the deck was falling faster than 0.1 m/s") \
  X(HH_M_OC_RECONTACT, "recontacts", "count", "times the load struck the deck again after lift-off") \
  X(HH_M_OC_SNATCH, "snatch_loads", "count", "wire tension peaks above the dynamic limit after lift-off") \
  X(HH_M_OC_SLACK_JERK, "slack_jerk", "flag", "the wire went slack with the load hanging, then jerked taut (latched)") \
  X(HH_M_OC_DYN_FACTOR, "dynamic_factor", "ratio", "wire tension over the load's weight") \
  X(HH_M_OC_OVER_NOGO, "over_nogo", "flag", "the hung load is over a no-go (personnel) zone") \
  X(HH_M_OC_LANDED, "load_landed", "flag", "the load rests on the platform laydown area")   \
  X(HH_M_OC_AHC, "ahc_on", "flag", "active heave compensation engaged")

/* all marine metrics (appended to HH_METRIC_LIST) */
#define HH_METRIC_LIST_MARINE(X) HH_METRIC_LIST_OFFSHORE(X) HH_METRIC_LIST_MMG(X)

/* ---------------------------------------------------------------- sea */

/* Irregular sea: requested spectrum plus its components sampled at load time. Waves
   travel toward dir (rad, from +x, counter-clockwise about z). Deep water. */
typedef struct hh_sea_params {
  double hs;                 /* significant wave height Hs = 4 sqrt(m0) (m), 0 = calm */
  double tp;                 /* spectral peak period (s) */
  double gamma;              /* JONSWAP peak enhancement (3.3 standard; 1 = Pierson-Moskowitz) */
  double dir;                /* mean direction the waves travel toward (rad) */
  double spread_s;           /* cos^(2s) directional spreading exponent, 0 = long-crested */
  int sea_state;             /* WMO sea state code the scenario asked for (0 = use hs/tp) */
  int n_waves;               /* components sampled (1..HH_SEA_MAX_WAVES) */
  double level;              /* mean sea level z (m, world) */
  /* sampled at load time by hh_sea_build (seeded by the model seed) */
  int n;                     /* components in use */
  double amp[HH_SEA_MAX_WAVES];   /* amplitude (m) */
  double omega[HH_SEA_MAX_WAVES]; /* circular frequency (rad/s) */
  double k[HH_SEA_MAX_WAVES];     /* wave number omega^2/g (rad/m) */
  double kx[HH_SEA_MAX_WAVES];    /* k cos(direction) (rad/m) */
  double ky[HH_SEA_MAX_WAVES];    /* k sin(direction) (rad/m) */
  double phase[HH_SEA_MAX_WAVES]; /* random phase (rad) */
} hh_sea_params;

/* ---------------------------------------------------------------- wind */

/* Wind: 10-min mean speed at 10 m plus gusts from the NPD (Froya) spectrum, sampled
   at load time. Blows toward dir (rad). */
typedef struct hh_wind_params {
  double speed;              /* 1-hour mean speed at 10 m above sea level (m/s) */
  double dir;                /* direction the wind blows toward (rad) */
  int gusts;                 /* 1 = add gusts, 0 = steady */
  int n_gusts;               /* gust components (1..HH_WIND_MAX_GUSTS) */
  /* sampled at load time by hh_wind_build */
  int n;
  double amp[HH_WIND_MAX_GUSTS];   /* gust speed amplitude at 10 m (m/s) */
  double omega[HH_WIND_MAX_GUSTS]; /* rad/s */
  double phase[HH_WIND_MAX_GUSTS]; /* rad */
} hh_wind_params;

/* ---------------------------------------------------------------- vessel */

/* 6-DOF supply vessel: hull dimensions, mass properties and the linear coefficients
   derived from them at load time (hh_vessel_build). Motions are about the centre of
   gravity in the vessel's frame (x forward, y port, z up): surge, sway, heave, roll,
   pitch, yaw. */
typedef struct hh_vessel_params {
  char hull[32];             /* hull form name ("psv80") */
  double length;             /* length between perpendiculars (m) */
  double beam;               /* moulded breadth (m) */
  double draft;              /* design draught (m) */
  double depth;              /* moulded depth to the main deck (m) */
  double kg;                 /* height of the centre of gravity above the keel (m) */
  double pos[3];             /* mean position of midship on the waterline (m, world; z set to the sea level) */
  double heading;            /* mean heading of the bow (rad, from +x about z) */
  double roll_gyr;           /* roll radius of gyration / beam */
  double zeta[6];            /* linear damping, fraction of critical, per motion */
  double dp_period;          /* station-keeping (DP) natural period in surge/sway/yaw (s) */
  double wind_area_front;    /* frontal windage area (m^2) */
  double wind_area_side;     /* lateral windage area (m^2) */
  double cargo_spot[2];      /* cargo position on deck x fwd, y port of midship (m) */
  /* derived at load time (hh_vessel_build) */
  double mass;               /* displacement mass rho * volume (kg) */
  double volume;             /* displaced volume (m^3) */
  double awp;                /* waterplane area (m^2) */
  double lcb, lcf;           /* centre of buoyancy / flotation x from midship (m) */
  double kb, gm_t, gm_l;     /* centre of buoyancy above keel, metacentric heights (m) */
  double period[6];          /* uncoupled natural periods (s), 0 where no restoring */
  double minv[6][6];         /* inverse of (rigid-body mass + added mass) */
  double damp[6][6];         /* linear damping (N s/m, N m s/rad) */
  double stiff[6][6];        /* hydrostatic + station-keeping restoring (N/m, N m/rad) */
  double fk_re[HH_SEA_MAX_WAVES][6]; /* Froude-Krylov force of each wave component at */
  double fk_im[HH_SEA_MAX_WAVES][6]; /* its amplitude: cos / sin parts (N, N m) */
} hh_vessel_params;

/* ---------------------------------------------------------------- crane */

/* one load chart point: safe working load at a radius (linear between points) */
typedef struct hh_chart_point {
  double radius;             /* m from the slew axis */
  double swl;                /* safe working load (kg) */
} hh_chart_point;

/* a no-go zone: vertical box the load may not pass over */
typedef struct hh_nogo_zone {
  double pos[2];             /* centre x, y (m, world) */
  double half[2];            /* half extents (m) */
} hh_nogo_zone;

/* Pedestal crane on a fixed platform: slew, luff (boom angle), hoist (wire length). */
typedef struct hh_offshore_crane_params {
  double base[3];            /* slew axis foot, boom heel pin height (m, world) */
  double boom_length;        /* heel pin to boom tip sheave (m) */
  double slew_start;         /* initial slew angle (rad, from +x about z) */
  double luff_min, luff_max, luff_start; /* boom angle above horizontal (rad) */
  double wire_min, wire_max, wire_start; /* wire length below the tip (m) */
  double slew_speed;         /* max slew rate (rad/s) */
  double luff_speed;         /* max luff rate (rad/s) */
  double hoist_speed;        /* max hoist speed (m/s) */
  double hoist_accel;        /* drive acceleration (m/s^2, rad/s^2 for slew/luff) */
  double wire_ea;            /* axial stiffness of the hoist wire (N) */
  double wire_damping;       /* axial damping ratio (0..1) */
  double hook_mass;          /* hook block (kg) */
  double sling_height;       /* hook to load top (m) */
  int n_chart;
  hh_chart_point chart[HH_CHART_MAX]; /* load chart, radius ascending */
  double dyn_limit;          /* dynamic factor above which a tension peak is a snatch */
  double wind_limit;         /* operating limit: mean wind (m/s) */
  double hs_limit;           /* operating limit: significant wave height (m) */
  int ahc;                   /* 1 = active heave compensation available (AUX2 toggles) */
  double landing[3];         /* platform laydown target: load bottom centre (m, world) */
  double landing_half[2];    /* laydown area half extents x, y (m) */
  double landing_tol;        /* landing offset tolerance (m) */
  int n_nogo;
  hh_nogo_zone nogo[HH_NOGO_MAX];
  double load_half[3];       /* cargo container half extents (m) */
  double load_mass;          /* cargo gross mass (kg) */
  double start_slack;        /* slack of the hooked-on wire at the start (m) */
  double deck_x[2];          /* vessel cargo deck extent along x from midship, aft and fwd (m) */
} hh_offshore_crane_params;

typedef struct hh_marine_model {
  hh_sea_params sea;                 /* shared by both machines */
  hh_wind_params wind;               /* shared by both machines */
  hh_vessel_params vessel;           /* offshore lift: the supply vessel */
  hh_offshore_crane_params crane;    /* offshore lift: the platform crane */
  hh_ship_params ship;               /* berthing (hh_mmg_types.h) */
  int sea_state_override;            /* instructor's --sea-state applied after load (1..6),
                                        0 = none; recorded in replays (hh_replay.h) */
} hh_marine_model;

/* ---------------------------------------------------------------- state */

/* the hung load: one rigid body (cargo + sling), written by the offshore step */
typedef struct hh_oc_load {
  double pos[3], quat[4], vel[3], avel[3]; /* m, x y z w, m/s, rad/s (world) */
} hh_oc_load;

typedef struct hh_offshore_state {
  double eta[6];             /* vessel motion about its CG: m, m, m, rad, rad, rad */
  double eta_v[6];           /* its rate */
  double slew, luff, wire;   /* crane joint positions (rad, rad, m) */
  double slew_v, luff_v, wire_v; /* their rates */
  hh_oc_load load;
  double tension;            /* wire tension (N) */
  double wind_now;           /* wind speed at the hook (m/s) */
  int on_deck;               /* load touching the vessel deck */
  int on_pad;                /* load touching the platform laydown area */
  int lifted;                /* has left the deck */
  int slack;                 /* wire slack with load hanging (armed for a jerk) */
  int snatch_armed;          /* tension back below the limit: the next peak counts */
  int ahc_on;
  int cutoff;                /* SLI cut-off latched until the load is reduced */
  double recontacts, snatches, slack_jerks; /* counters */
  double max_dyn;            /* largest dynamic factor after lift-off */
  double load_filt;          /* low-passed hook load (kg) for the safe-load indicator */
  double slack_s;            /* seconds the wire has been slack with the load hanging */
  double rest_s;             /* seconds the load has rested on the laydown area, wire slack */
  double impact;             /* touchdown speed this tick (m/s), 0 otherwise */
  int liftoff_falling;       /* lift-off happened on a falling deck */
  int over_nogo;
  uint32_t prev_buttons;
} hh_offshore_state;

typedef struct hh_marine_state {
  hh_offshore_state oc;      /* offshore crane lift */
  hh_ship_state ship;        /* berthing (hh_mmg_types.h) */
} hh_marine_state;

#endif
