/* hh_script_yard.c - yard { rows, bays, tiers, origin, pitch, fill }: a container
 * yard behind the quay, drawn by the renderer (instanced) and never simulated. One
 * call per scenario; counts and sizes are range-checked like every other field.
 */
#include "hh_script_int.h"
#include "../core/hh_i18n.h"
#include <lauxlib.h>
#include <stddef.h>

#define YARD_FAR 10000.0 /* m: positions beyond this are typos */

static const hh_field yard_spec[] = {
    {"rows", HH_F_INT, offsetof(hh_yard, rows), 0, 0, 100, HH_F_REQUIRED, "", NULL},
    {"bays", HH_F_INT, offsetof(hh_yard, bays), 0, 0, 200, HH_F_REQUIRED, "", NULL},
    {"tiers", HH_F_INT, offsetof(hh_yard, tiers), 0, 0, 8, HH_F_REQUIRED, "", NULL},
    {"origin", HH_F_VEC3, offsetof(hh_yard, origin), 0, -YARD_FAR, YARD_FAR, HH_F_REQUIRED, "m", NULL},
    {"pitch", HH_F_VEC2, offsetof(hh_yard, pitch), 0, 0, 100, 0, "m", NULL},
    {"fill", HH_F_NUM, offsetof(hh_yard, fill), 0, 0, 1, 0, "", NULL},
    HH_FIELD_END};

/* yard { rows, bays, tiers, origin = {x,y,z}, pitch = {bay, row}, fill } */
static int api_yard(lua_State *L) {
  hh_sctx *c = hh_sbox_ctx(L);
  hh_read_arg(L, "yard");
  if (c->line_yard)
    hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("%s{} called twice (first at line %d)"), "yard",
                 c->line_yard);
  c->line_yard = hh_sbox_line(L);
  if (!c->line_yard) c->line_yard = -1;
  hh_yard y = {0};
  hh_read_fields(L, 1, "yard", yard_spec, &y, NULL);
  c->m->yard = y;
  return 0;
}

/* register yard as a global */
void hh_api_open_yard(lua_State *L) { lua_register(L, "yard", api_yard); }
