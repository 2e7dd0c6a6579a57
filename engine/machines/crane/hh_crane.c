/* hh_crane.c - STUB: replaced by the crane implementation. */
#include "hh_crane.h"
int hh_crane_attach(const hh_model *m, hh_data *d, hh_error *err) { (void)m; (void)d; (void)err; return HH_OK; }
void hh_crane_detach(hh_data *d) { (void)d; }
void hh_crane_step(const hh_model *m, hh_data *d, const hh_controls *c) { (void)m; (void)d; (void)c; }
