/* hh_script.h - Lua 5.4 scenario scripts, sandboxed, run once to build an hh_model.
 *
 * Index:
 *   hh_script_load   run a scenario script and build a model from it
 *   hh_script_title  read only the id and titles of a scenario (for `haihe list`)
 */
#ifndef HH_SCRIPT_H
#define HH_SCRIPT_H
#include "../sim/hh_sim.h"

/* run the script at path in a sandbox and fill *out; on any error *out is untouched,
   err says file:line and what, and the return is the error code */
int hh_script_load(const char *path, hh_model *out, hh_error *err);

/* read the id and the en/zh titles of the scenario at path (the whole script is run
   and validated); on error the buffers are untouched */
int hh_script_title(const char *path, char id[HH_NAME], char title_en[128],
                    char title_zh[128], hh_error *err);

#endif
