/* hh_script.c - STUB: replaced by the Lua sandbox. */
#include "hh_script.h"
int hh_script_load(const char *path, hh_model *out, hh_error *err) { (void)out; return hh_error_set(err, HH_E_INTERNAL, path, 0, 0, "not implemented"); }
