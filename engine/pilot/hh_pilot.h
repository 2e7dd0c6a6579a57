/* hh_pilot.h - input sources outside the tick: expert autopilots and control tracks.
 *
 * A pilot reads the simulation data (never writes it) and produces the controls for
 * the next tick, exactly like a joystick would.
 *
 * Index:
 *   hh_pilot_init      choose the expert autopilot named by the model
 *   hh_pilot_act       controls for the next tick from the current data
 *   hh_track_load      load a text control track (tests, scripted demos)
 *   hh_track_controls  controls of a track at a tick
 */
#ifndef HH_PILOT_H
#define HH_PILOT_H
#include "../sim/hh_sim.h"

typedef struct hh_pilot {
  int kind;            /* which expert */
  int phase;           /* step of the task the pilot is in */
  double phase_t;      /* seconds spent in the phase */
  double memo[16];     /* controller memory (integrators, latched targets) */
} hh_pilot;

/* pick the autopilot named m->autopilot; unknown name -> HH_E_SCENARIO */
int hh_pilot_init(hh_pilot *p, const hh_model *m, hh_error *err);
/* fill out with the controls for the next tick */
void hh_pilot_act(hh_pilot *p, const hh_model *m, const hh_data *d, hh_controls *out);

#define HH_TRACK_MAX_SEGMENTS 256
/* A control track: piecewise-constant controls over time segments. */
typedef struct hh_track_segment {
  double t0, t1;       /* seconds, [t0, t1) */
  hh_controls c;
} hh_track_segment;
typedef struct hh_track {
  hh_track_segment seg[HH_TRACK_MAX_SEGMENTS];
  int n;
} hh_track;

/* parse a track file ("t0 t1 gantry trolley hoist [lock|unlock|finish]..." per line) */
int hh_track_load(const char *path, hh_track *t, hh_error *err);
/* controls of the track at tick (zero controls outside every segment) */
void hh_track_controls(const hh_track *t, uint64_t tick, double dt, hh_controls *out);

#endif
