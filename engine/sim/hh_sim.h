/* hh_sim.h - model, data, controls and the fixed-step simulation.
 *
 * The MuJoCo split: a scenario script builds a read-only hh_model once; everything
 * that changes per tick lives in hh_data, allocated once from the model by
 * hh_data_make. hh_step advances exactly one tick of HH_TICK_HZ and does no
 * allocation, Lua call, file I/O or logging. Same build + model + control track gives
 * a bit-identical hh_data_hash.
 *
 * Frame: right-handed, z up. x runs along the quay (gantry travel), y runs from land
 * to sea across the quay (trolley travel, + seaward), z = 0 is the quay surface.
 * Units: SI (m, s, kg, N, rad) unless a field says otherwise.
 *
 * Index:
 *   hh_model_defaults  fill a model with the defaults a scenario starts from
 *   hh_data_make       allocate and reset the per-attempt data for a model
 *   hh_data_free       release hh_data and everything it owns
 *   hh_data_reset      return data to the start of the attempt (load time, not in a tick)
 *   hh_step            advance one tick
 *   hh_finish          end the attempt: apply end-of-task rubric items once
 *   hh_data_hash       64-bit hash of the simulation state
 *   hh_score           current score of the attempt
 */
#ifndef HH_SIM_H
#define HH_SIM_H
#include <stdint.h>
#include "../core/hh_error.h"
#include "../rubric/hh_rubric.h"
#include "hh_metrics.h"

#define HH_TICK_HZ 60          /* simulation ticks per second (documented rate) */
#define HH_MAX_BOXES 96        /* static scene boxes in a model */
#define HH_NAME 64

/* ---------------------------------------------------------------- controls */

/* Axis indices; each axis is in [-1, 1]. Crane cab layout: left stick x = gantry,
 * left stick y = trolley, right stick y = hoist. */
enum {
  HH_AXIS_GANTRY = 0,  /* + travels the gantry toward +x */
  HH_AXIS_TROLLEY = 1, /* + moves the trolley seaward (+y) */
  HH_AXIS_HOIST = 2,   /* + raises the spreader */
  HH_AXIS_AUX0 = 3,
  HH_AXIS_AUX1 = 4,
  HH_AXIS_AUX2 = 5,
  HH_AXIS_COUNT = 8
};

/* Button bits: held state during the tick. */
enum {
  HH_BTN_LOCK = 1u << 0,    /* twistlocks: lock (acts when landed and aligned) */
  HH_BTN_UNLOCK = 1u << 1,  /* twistlocks: unlock (acts when landed) */
  HH_BTN_ESTOP = 1u << 2,   /* emergency stop: all drives brake */
  HH_BTN_HORN = 1u << 3,
  HH_BTN_FINISH = 1u << 4   /* operator declares the task finished */
};

/* One tick of input. Fixed size, plain data: a replay is an array of these. */
typedef struct hh_controls {
  float axis[HH_AXIS_COUNT];
  uint32_t buttons;
  uint32_t reserved;         /* zero; room for panel keys */
} hh_controls;

/* ---------------------------------------------------------------- model */

/* The machine a model simulates; engine/sim/hh_machine.c maps each to its stage 1-3
   functions. */
typedef enum hh_machine_kind {
  HH_MACHINE_STS = 1,       /* ship-to-shore container crane (engine/machines/crane) */
  HH_MACHINE_CNC_MILL,      /* 3-axis vertical machining centre (engine/machines/cnc) */
  HH_MACHINE_CNC_LATHE,     /* 2-axis flat-bed lathe (engine/machines/cnc) */
  HH_MACHINE_OFFSHORE_CRANE,/* pedestal crane lifting off a supply vessel (engine/machines/marine) */
  HH_MACHINE_SHIP,          /* ship manoeuvring / berthing (engine/machines/marine) */
  HH_MACHINE_KIND_COUNT
} hh_machine_kind;

/* What a static box is for: decides collision scoring and its look. */
typedef enum hh_box_role {
  HH_ROLE_GROUND = 1,   /* quay surface, apron */
  HH_ROLE_WATER,        /* visual only, no collision */
  HH_ROLE_LANDING,      /* a surface a container may be set on (chassis, deck, hatch) */
  HH_ROLE_OBSTACLE,     /* touching it is a collision (cell guide, cab, other boxes) */
  HH_ROLE_VISUAL        /* drawn, never collides (rails, markings) */
} hh_box_role;

typedef struct hh_box {
  char name[HH_NAME];
  hh_box_role role;
  double pos[3];        /* centre (m) */
  double half[3];       /* half extents (m) */
  double yaw;           /* rotation about z (rad) */
  float rgba[4];        /* base colour, linear 0..1 */
} hh_box;

/* A drive: speed follows the stick, rate-limited by acceleration. */
typedef struct hh_drive {
  double min_pos, max_pos; /* travel limits (m) */
  double max_speed;        /* m/s with an empty spreader */
  double max_speed_loaded; /* m/s with a container locked (0 = same as max_speed) */
  double accel;            /* m/s^2 */
  double start_pos;        /* m */
} hh_drive;

/* Ship-to-shore container crane. */
typedef struct hh_sts_params {
  hh_drive gantry;         /* along x */
  hh_drive trolley;        /* along y */
  hh_drive hoist;          /* rope length (m), min_pos..max_pos; + stick shortens */
  double sheave_z;         /* height of the trolley's rope sheaves above the quay (m) */
  double rail_y[2];        /* landside and waterside rail positions (m) */
  double spreader_mass;    /* spreader + headblock (kg) */
  double spreader_half[3]; /* spreader box half extents (m) */
  double rope_ea;          /* axial stiffness of one rope, E*A (N) */
  double rope_damping;     /* axial damping ratio of the rope (0..1) */
  double sway_damping;     /* linear air/drive damping on the spreader (1/s); 0 = none */
  double rope_spread[2];   /* rope attachment half spacing on the headblock x, y (m) */
  double lock_time;        /* seconds a twistlock turn takes */
  double align_tol;        /* corner alignment tolerance for locking (m) */
} hh_sts_params;

typedef struct hh_container {
  double half[3];          /* half extents (m): 40 ft = 6.096 x 1.219 x 1.2955 */
  double mass;             /* gross mass (kg) */
  double pos[3];           /* initial centre (m) */
  double yaw;              /* initial yaw (rad) */
  float rgba[4];
} hh_container;

typedef struct hh_target {
  double pos[3];           /* slot centre on the deck surface (m): container bottom z */
  double yaw;              /* rad */
  double tol;              /* landing offset tolerance (m) */
  double zone_height;      /* near-landing zone: this far above the slot (m) */
  double zone_radius;      /* ... and within this horizontal distance (m) */
} hh_target;

/* A container yard behind the quay: visual only (no collision, no physics, not in
 * the state hash), drawn instanced by the renderer. rows along y, bays along x, tiers
 * stacked; 40 ft boxes. rows = 0: no yard. */
typedef struct hh_yard {
  int rows, bays, tiers;     /* counts (0..100, 0..200, 0..8) */
  double origin[3];          /* bottom centre of the stack at row 0, bay 0 (m) */
  double pitch[2];           /* bay spacing along x, row spacing along y (m); 0 = 13.0, 2.8 */
  double fill;               /* share of slots that hold a box, 0..1 (0 = full) */
} hh_yard;

#define HH_MODEL_TR 8 /* scenario title/brief languages beyond en and zh */

typedef struct hh_model {
  hh_machine_kind machine;
  char id[HH_NAME];          /* scenario id, e.g. "port/sts_first_lift" */
  char title_en[128];
  char title_zh[128];
  char brief_en[512];        /* task instructions shown to the trainee */
  char brief_zh[512];
  char source[256];          /* script path it was built from */
  uint64_t content_hash;     /* FNV-1a of the script text */
  uint32_t seed;
  double dt;                 /* tick length (s) = 1 / HH_TICK_HZ */
  int substeps;              /* physics steps per tick */
  double gravity;            /* m/s^2, acting along -z */
  double time_limit_s;       /* hard limit: the attempt ends here */
  char autopilot[HH_NAME];   /* expert controller name for --autopilot */

  hh_sts_params sts;
  hh_cnc_model cnc;          /* CNC machines (engine/machines/cnc/hh_cnc_types.h) */
  hh_marine_model marine;    /* marine machines (engine/machines/marine/hh_marine_types.h) */
  hh_container container;
  hh_target target;
  hh_box box[HH_MAX_BOXES];
  int n_boxes;

  hh_rubric rubric;
  hh_yard yard;              /* visual container yard (renderer only) */
  /* additions (issue 5): title and brief in further languages, from a scenario's
     title = {en = ..., zh = ..., fr = ...}; a language not here falls back to English */
  int n_tr;                  /* entries used in tr[] */
  struct {
    char lang[8];            /* catalog code: "fr", "th", "ar", ... */
    char title[128];
    char brief[512];
  } tr[HH_MODEL_TR];
} hh_model;

/* ---------------------------------------------------------------- data */

/* Rigid body state mirrored from the physics world after each tick. */
typedef struct hh_body_state {
  double pos[3];   /* m */
  double quat[4];  /* x, y, z, w */
  double vel[3];   /* m/s */
  double avel[3];  /* rad/s */
} hh_body_state;

/* Drive state: computed by the machine stage. */
typedef struct hh_drive_state {
  double pos;      /* m (hoist: rope length) */
  double speed;    /* m/s (hoist: d rope length / dt, + paying out) */
} hh_drive_state;

typedef enum hh_lock_state {
  HH_LOCK_UNLOCKED = 0,
  HH_LOCK_LOCKING,
  HH_LOCK_LOCKED,
  HH_LOCK_UNLOCKING
} hh_lock_state;

typedef struct hh_physics hh_physics; /* opaque, engine/physics */

typedef struct hh_data {
  hh_machine_kind machine;   /* copied from the model by hh_data_reset */

  /* time: advanced by hh_step */
  uint64_t tick;
  double time_s;

  /* machine stage */
  hh_drive_state gantry, trolley, hoist;
  hh_lock_state lock;        /* twistlock mechanism state */
  double lock_timer_s;       /* seconds into the current turn */
  uint32_t prev_buttons;     /* buttons of the previous tick (edge detection) */
  int estop;                 /* emergency stop latched */

  /* physics stage (mirrored from the world after the step) */
  hh_body_state spreader;
  hh_body_state container;
  double rope_tension[4];    /* N, per rope, >= 0 */
  int contact_flags;         /* bit set of current contact pairs (machine-defined) */

  /* metrics stage */
  double metric[HH_METRIC_COUNT];

  /* rubric stage */
  hh_rubric_state rubric;
  int rubric_enabled;        /* 0 skips stage 4 (benchmark baseline) */

  /* task */
  int done;                  /* the attempt is over (finished, critical end, time limit) */
  int finished;              /* hh_finish has run */

  /* crane machine state (engine/machines/crane), written by stages 1-3 */
  int load_attached;         /* twistlock weld holds the container (0/1) */
  uint32_t touch_prev[2][(HH_MAX_BOXES + 31) / 32]; /* scene boxes touched last tick by
                                the spreader [0] and the container [1], bit per box index */

  /* other machines' state (written by their stages 1-3) */
  hh_cnc_state cnc;
  hh_marine_state marine;

  /* owned storage, allocated once by hh_data_make */
  hh_event *event_log;       /* rubric.log_capacity entries */
  hh_physics *phys;          /* Bullet world for this attempt */
} hh_data;

/* fill a model with defaults (tick rate, gravity, a standard STS crane) */
void hh_model_defaults(hh_model *m);
/* the scenario's title / brief for a catalog language ("en", "zh-CN", "fr", ...):
   that language's text when the scenario has it, else English (hh_model_text.c) */
const char *hh_model_title(const hh_model *m, const char *lang);
const char *hh_model_brief(const hh_model *m, const char *lang);
/* allocate data for m and reset it; NULL and err set on failure */
hh_data *hh_data_make(const hh_model *m, hh_error *err);
/* release data */
void hh_data_free(hh_data *d);
/* return data to the start of the attempt; rebuilds the physics world (not in a tick) */
int hh_data_reset(const hh_model *m, hh_data *d, hh_error *err);
/* advance one tick of m->dt with controls c */
void hh_step(const hh_model *m, hh_data *d, const hh_controls *c);
/* end the attempt: apply end-of-task rubric items once (idempotent) */
void hh_finish(const hh_model *m, hh_data *d);
/* 64-bit hash of the simulation state of d */
uint64_t hh_data_hash(const hh_data *d);
/* current score */
double hh_score(const hh_model *m, const hh_data *d);
/* 1 when the score passes and there was no critical fault */
int hh_passed(const hh_model *m, const hh_data *d);

#endif
