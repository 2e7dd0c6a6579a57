/* hh_pilot.c - STUB: replaced by the autopilot. */
#include "hh_pilot.h"
#include <string.h>
int hh_pilot_init(hh_pilot *p, const hh_model *m, hh_error *err) { (void)m; (void)err; memset(p, 0, sizeof *p); return HH_OK; }
void hh_pilot_act(hh_pilot *p, const hh_model *m, const hh_data *d, hh_controls *out) { (void)p; (void)m; (void)d; memset(out, 0, sizeof *out); }
int hh_track_load(const char *path, hh_track *t, hh_error *err) { (void)t; return hh_error_set(err, HH_E_INTERNAL, path, 0, 0, "not implemented"); }
void hh_track_controls(const hh_track *t, uint64_t tick, double dt, hh_controls *out) { (void)t; (void)tick; (void)dt; memset(out, 0, sizeof *out); }
