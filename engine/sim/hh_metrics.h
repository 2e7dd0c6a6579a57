/* hh_metrics.h - the named per-tick metrics the rubric reads (one X-macro list).
 *
 * Each entry: X(enum, "name", "unit", "meaning"). Metrics are written by the machine
 * step (stage 3 of hh_step) and read by the rubric (stage 4). Flags are 0 or 1.
 * Counters only ever increase during an attempt.
 */
#ifndef HH_METRICS_H
#define HH_METRICS_H

#include "../machines/cnc/hh_cnc_types.h"
#include "../machines/marine/hh_marine_types.h"

/* metrics every machine writes */
#define HH_METRIC_LIST_COMMON(X)                                                          \
  X(HH_M_TIME, "time", "s", "simulated time since the start of the attempt")             \
  X(HH_M_TASK_DONE, "task_done", "flag", "the task's last step is complete")

/* ship-to-shore crane metrics */
#define HH_METRIC_LIST_STS(X)                                                             \
  X(HH_M_SWAY_ANGLE, "sway_angle", "deg", "angle of the hoist ropes from vertical")       \
  X(HH_M_SWAY_SPEED, "sway_speed", "m/s", "horizontal speed of the spreader relative to the trolley") \
  X(HH_M_LOAD_MASS, "load_mass", "kg", "mass hanging on the ropes (spreader, headblock, locked container)") \
  X(HH_M_ROPE_TENSION, "rope_tension", "N", "sum of the hoist rope tensions")            \
  X(HH_M_HOIST_HEIGHT, "hoist_height", "m", "spreader underside above the quay surface")  \
  X(HH_M_TROLLEY_POS, "trolley_pos", "m", "trolley position along the boom (+ seaward)")  \
  X(HH_M_GANTRY_POS, "gantry_pos", "m", "gantry position along the quay")                 \
  X(HH_M_TROLLEY_SPEED, "trolley_speed", "m/s", "trolley speed")                          \
  X(HH_M_GANTRY_SPEED, "gantry_speed", "m/s", "gantry speed")                             \
  X(HH_M_HOIST_SPEED, "hoist_speed", "m/s", "rope pay-in speed (+ raising)")              \
  X(HH_M_SPREADER_VZ, "spreader_vz", "m/s", "vertical speed of the spreader (+ up)")     \
  X(HH_M_LANDED, "landed", "flag", "spreader seated on a container's corner castings")   \
  X(HH_M_ALIGNED, "aligned", "flag", "all four twistlocks over their castings within tolerance") \
  X(HH_M_LOCKED, "locked", "flag", "all four twistlocks locked (cab light)")              \
  X(HH_M_UNLOCKED, "unlocked", "flag", "all four twistlocks unlocked (cab light)")        \
  X(HH_M_LOADED, "loaded", "flag", "container hanging on the locked spreader")            \
  X(HH_M_NEAR_LANDING, "near_landing", "flag", "carrying the container within the landing zone above the target") \
  X(HH_M_COLLISIONS, "collisions", "count", "new contacts with obstacles since the start") \
  X(HH_M_IMPACT_SPEED, "impact_speed", "m/s", "vertical speed of the container when it touches down; 0 on other ticks") \
  X(HH_M_HOIST_UNLOCKED, "hoist_unlocked", "flag", "hoisting off a container with the twistlocks neither all locked nor all unlocked") \
  X(HH_M_LOAD_LOST, "load_lost", "flag", "container falling free or tipped over")        \
  X(HH_M_ON_TARGET, "on_target", "flag", "container resting on the target slot, released")\
  X(HH_M_LANDING_OFFSET, "landing_offset", "m", "horizontal distance of the container centre from the target slot centre")

/* all metrics: one index space for every machine */
#define HH_METRIC_LIST(X)                                                                 \
  HH_METRIC_LIST_COMMON(X) HH_METRIC_LIST_STS(X) HH_METRIC_LIST_CNC(X) HH_METRIC_LIST_MARINE(X)

typedef enum hh_metric_id {
#define HH_X_ENUM(e, name, unit, doc) e,
  HH_METRIC_LIST(HH_X_ENUM)
#undef HH_X_ENUM
  HH_METRIC_COUNT
} hh_metric_id;

/* metric index for a name, or -1 if unknown */
int hh_metric_find(const char *name);
/* name, unit of a metric index */
const char *hh_metric_name(int id);
const char *hh_metric_unit(int id);

#endif
