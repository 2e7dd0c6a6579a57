/* hh_script_marine.c - the marine part of the scenario API: sea, wind, vessel,
 * offshore_crane (issue 6, scenario 1). Each call validates its fields at the call's
 * line; hh_marine_check samples the sea, wind and vessel after the script returned.
 * docs/marine.md lists the fields with their units and ranges.
 */
#include "hh_script_int.h"
#include "../core/hh_i18n.h"
#include "../machines/marine/hh_marine.h"
#include <lauxlib.h>
#include <stddef.h>
#include <string.h>

#define F_NUM(n, T, m, lo, hi, fl, u) {n, HH_F_NUM, offsetof(T, m), 0, lo, hi, fl, u, NULL}
#define F_INT(n, T, m, lo, hi, fl) {n, HH_F_INT, offsetof(T, m), 0, lo, hi, fl, "", NULL}
#define F_STR(n, T, m, fl) {n, HH_F_STR, offsetof(T, m), sizeof(((T *)0)->m), 0, 0, fl, "", NULL}
#define F_VEC(ty, n, T, m, lo, hi, fl, u) {n, ty, offsetof(T, m), 0, lo, hi, fl, u, NULL}
#define POS HH_F_POS
#define FAR 10000.0
#define TWO_PI 6.283185307179586

static const hh_field sea_spec[] = {
    F_NUM("hs", hh_sea_params, hs, 0, 20, 0, "m"),
    F_NUM("tp", hh_sea_params, tp, 1, 30, POS, "s"),
    F_NUM("gamma", hh_sea_params, gamma, 1, 10, 0, ""),
    F_NUM("dir", hh_sea_params, dir, -TWO_PI, TWO_PI, 0, "rad"),
    F_NUM("spread", hh_sea_params, spread_s, 0, 100, 0, ""),
    F_INT("state", hh_sea_params, sea_state, 0, 6, 0),
    F_INT("components", hh_sea_params, n_waves, 1, HH_SEA_MAX_WAVES, 0),
    F_NUM("level", hh_sea_params, level, -FAR, FAR, 0, "m"),
    HH_FIELD_END};

static const hh_field wind_spec[] = {
    F_NUM("speed", hh_wind_params, speed, 0, 80, 0, "m/s"),
    F_NUM("dir", hh_wind_params, dir, -TWO_PI, TWO_PI, 0, "rad"),
    F_INT("gusts", hh_wind_params, gusts, 0, 1, 0),
    F_INT("components", hh_wind_params, n_gusts, 1, HH_WIND_MAX_GUSTS, 0),
    HH_FIELD_END};

static const hh_field vessel_spec[] = {
    F_STR("hull", hh_vessel_params, hull, 0),
    F_NUM("length", hh_vessel_params, length, 10, 400, 0, "m"),
    F_NUM("beam", hh_vessel_params, beam, 2, 100, 0, "m"),
    F_NUM("draft", hh_vessel_params, draft, 0.5, 30, 0, "m"),
    F_NUM("depth", hh_vessel_params, depth, 1, 50, 0, "m"),
    F_NUM("kg", hh_vessel_params, kg, 0, 50, POS, "m"),
    F_VEC(HH_F_VEC3, "pos", hh_vessel_params, pos, -FAR, FAR, 0, "m"),
    F_NUM("heading", hh_vessel_params, heading, -TWO_PI, TWO_PI, 0, "rad"),
    F_NUM("roll_gyration", hh_vessel_params, roll_gyr, 0.2, 0.6, 0, ""),
    F_NUM("dp_period", hh_vessel_params, dp_period, 10, 1000, 0, "s"),
    F_NUM("wind_area_front", hh_vessel_params, wind_area_front, 0, 1e5, 0, "m^2"),
    F_NUM("wind_area_side", hh_vessel_params, wind_area_side, 0, 1e5, 0, "m^2"),
    F_VEC(HH_F_VEC2, "cargo_spot", hh_vessel_params, cargo_spot, -FAR, FAR, 0, "m"),
    HH_FIELD_END};

#define OC hh_offshore_crane_params
static const hh_field crane_spec[] = {
    F_VEC(HH_F_VEC3, "base", OC, base, -FAR, FAR, HH_F_REQUIRED, "m"),
    F_NUM("boom_length", OC, boom_length, 1, 200, POS | HH_F_REQUIRED, "m"),
    F_NUM("slew_start", OC, slew_start, -TWO_PI, TWO_PI, 0, "rad"),
    F_NUM("luff_min", OC, luff_min, 0, 1.5, 0, "rad"),
    F_NUM("luff_max", OC, luff_max, 0, 1.5, 0, "rad"),
    F_NUM("luff_start", OC, luff_start, 0, 1.5, 0, "rad"),
    F_NUM("wire_min", OC, wire_min, 0, 500, 0, "m"),
    F_NUM("wire_max", OC, wire_max, 0, 500, 0, "m"),
    F_NUM("wire_start", OC, wire_start, 0, 500, 0, "m"),
    F_NUM("slew_speed", OC, slew_speed, 0, 1, POS, "rad/s"),
    F_NUM("luff_speed", OC, luff_speed, 0, 1, POS, "rad/s"),
    F_NUM("hoist_speed", OC, hoist_speed, 0, 5, POS, "m/s"),
    F_NUM("accel", OC, hoist_accel, 0, 10, POS, "m/s^2"),
    F_NUM("wire_ea", OC, wire_ea, 0, 1e12, POS, "N"),
    F_NUM("wire_damping", OC, wire_damping, 0, 1, 0, ""),
    F_NUM("hook_mass", OC, hook_mass, 0, 1e5, 0, "kg"),
    F_NUM("sling_height", OC, sling_height, 0, 30, 0, "m"),
    F_NUM("dyn_limit", OC, dyn_limit, 1, 5, POS, ""),
    F_NUM("wind_limit", OC, wind_limit, 0, 80, POS, "m/s"),
    F_NUM("hs_limit", OC, hs_limit, 0, 20, POS, "m"),
    F_INT("ahc", OC, ahc, 0, 1, 0),
    F_VEC(HH_F_VEC3, "landing", OC, landing, -FAR, FAR, HH_F_REQUIRED, "m"),
    F_VEC(HH_F_VEC2, "landing_half", OC, landing_half, 0, 100, POS, "m"),
    F_NUM("landing_tol", OC, landing_tol, 0, 10, POS, "m"),
    F_VEC(HH_F_VEC3, "load_half", OC, load_half, 0, 20, POS | HH_F_REQUIRED, "m"),
    F_NUM("load_mass", OC, load_mass, 0, 1e6, POS | HH_F_REQUIRED, "kg"),
    F_NUM("start_slack", OC, start_slack, 0, 20, 0, "m"),
    F_VEC(HH_F_VEC2, "deck_x", OC, deck_x, -FAR, FAR, 0, "m"),
    HH_FIELD_END};

/* record the line of a once-only call or fail naming the first */
static void once(lua_State *L, int *line, const char *fn) {
  if (*line)
    hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("%s{} called twice (first at line %d)"), fn, *line);
  *line = hh_sbox_line(L);
  if (!*line) *line = -1;
}

/* sea { hs, tp, gamma, dir, spread, state, components, level } */
static int api_sea(lua_State *L) {
  hh_sctx *c = hh_sbox_ctx(L);
  hh_read_arg(L, "sea");
  once(L, &c->line_sea, "sea");
  hh_sea_params *s = &c->m->marine.sea;
  hh_read_fields(L, 1, "sea", sea_spec, s, NULL);
  if (s->sea_state && s->hs > 0)
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, "%s", hh_tr("sea: give either state or hs and tp, not both"));
  if (!s->sea_state && s->hs > 0 && !(s->tp > 0))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, "%s", hh_tr("sea.tp: a sea with hs > 0 needs a peak period tp"));
  return 0;
}

/* wind { speed, dir, gusts, components } */
static int api_wind(lua_State *L) {
  hh_sctx *c = hh_sbox_ctx(L);
  hh_read_arg(L, "wind");
  once(L, &c->line_wind, "wind");
  c->m->marine.wind.gusts = 1;
  hh_read_fields(L, 1, "wind", wind_spec, &c->m->marine.wind, NULL);
  return 0;
}

/* vessel { hull, length, beam, draft, depth, kg, pos, heading, ... } */
static int api_vessel(lua_State *L) {
  hh_sctx *c = hh_sbox_ctx(L);
  hh_read_arg(L, "vessel");
  once(L, &c->line_vessel, "vessel");
  hh_vessel_params *v = &c->m->marine.vessel;
  strcpy(v->hull, "psv80");
  hh_read_fields(L, 1, "vessel", vessel_spec, v, NULL);
  if (strcmp(v->hull, "psv80") != 0)
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("vessel.hull: unknown hull form '%s' (known: psv80)"),
                 v->hull);
  return 0;
}

/* read the load chart {{radius m, swl kg}, ...} at the top of the stack */
static void read_chart(lua_State *L, hh_offshore_crane_params *p) {
  if (!lua_istable(L, -1))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, "%s", hh_tr("offshore_crane.load_chart: expected a list of {radius, swl}"));
  int n = (int)lua_rawlen(L, -1);
  if (n < 1 || n > HH_CHART_MAX)
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("offshore_crane.load_chart: 1 to %d points"), HH_CHART_MAX);
  for (int i = 0; i < n; i++) {
    lua_rawgeti(L, -1, i + 1);
    double v[2] = {0, 0};
    for (int j = 0; j < 2 && lua_istable(L, -1); j++) {
      lua_rawgeti(L, -1, j + 1);
      v[j] = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : -1;
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
    if (!(v[0] > 0) || !(v[1] >= 0) || (i > 0 && !(v[0] > p->chart[i - 1].radius)))
      hh_sbox_fail(L, HH_E_SCRIPT_FIELD,
                   hh_tr("offshore_crane.load_chart[%d]: expected {radius m > 0, swl kg >= 0} with radius ascending"),
                   i + 1);
    p->chart[i].radius = v[0];
    p->chart[i].swl = v[1];
  }
  p->n_chart = n;
}

/* read the no-go zones {{x, y, half_x, half_y}, ...} at the top of the stack */
static void read_nogo(lua_State *L, hh_offshore_crane_params *p) {
  int n = lua_istable(L, -1) ? (int)lua_rawlen(L, -1) : -1;
  if (n < 0 || n > HH_NOGO_MAX)
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("offshore_crane.nogo: a list of at most %d {x, y, half_x, half_y}"),
                 HH_NOGO_MAX);
  for (int i = 0; i < n; i++) {
    double v[4] = {0, 0, -1, -1};
    lua_rawgeti(L, -1, i + 1);
    for (int j = 0; j < 4 && lua_istable(L, -1); j++) {
      lua_rawgeti(L, -1, j + 1);
      v[j] = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : (j < 2 ? 0 : -1);
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
    if (!(v[2] > 0) || !(v[3] > 0))
      hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("offshore_crane.nogo[%d]: expected {x, y, half_x > 0, half_y > 0} (m)"),
                   i + 1);
    p->nogo[i].pos[0] = v[0];
    p->nogo[i].pos[1] = v[1];
    p->nogo[i].half[0] = v[2];
    p->nogo[i].half[1] = v[3];
  }
  p->n_nogo = n;
}

/* defaults of a pedestal crane before the scenario's fields */
static void crane_defaults(hh_offshore_crane_params *p) {
  p->luff_min = 0.17;
  p->luff_max = 1.36;
  p->wire_min = 2;
  p->wire_max = 120;
  p->slew_speed = 0.1;
  p->luff_speed = 0.05;
  p->hoist_speed = 1.2;
  p->hoist_accel = 1.0;
  p->wire_ea = 1.2e7;
  p->wire_damping = 0.1;
  p->hook_mass = 500;
  p->sling_height = 3;
  p->dyn_limit = 1.6;
  p->wind_limit = 20;
  p->hs_limit = 3;
  p->landing_half[0] = p->landing_half[1] = 6;
  p->landing_tol = 0.5;
  p->start_slack = 2.0;
  p->deck_x[0] = -40;
  p->deck_x[1] = 5;
}

/* offshore_crane { base, boom_length, ..., load_chart = {...}, nogo = {...} } */
static int api_offshore_crane(lua_State *L) {
  static const char *const extra[] = {"load_chart", "nogo", NULL};
  hh_sctx *c = hh_sbox_ctx(L);
  hh_read_arg(L, "offshore_crane");
  once(L, &c->line_ocrane, "offshore_crane");
  hh_offshore_crane_params *p = &c->m->marine.crane;
  crane_defaults(p);
  hh_read_fields(L, 1, "offshore_crane", crane_spec, p, extra);
  lua_getfield(L, 1, "load_chart");
  read_chart(L, p);
  lua_pop(L, 1);
  lua_getfield(L, 1, "nogo");
  if (!lua_isnil(L, -1)) read_nogo(L, p);
  lua_pop(L, 1);
  if (!(p->luff_min < p->luff_max))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, "%s", hh_tr("offshore_crane.luff_min must be below luff_max"));
  if (!(p->wire_min < p->wire_max))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, "%s", hh_tr("offshore_crane.wire_min must be below wire_max"));
  c->m->machine = HH_MACHINE_OFFSHORE_CRANE;
  return 0;
}

/* sample sea, wind and vessel after the script returned; errors at the declaring line */
int hh_marine_check(hh_sctx *c) {
  hh_model *m = c->m;
  hh_marine_model *mm = &m->marine;
  if (m->machine == HH_MACHINE_OFFSHORE_CRANE && !c->line_vessel)
    return hh_error_set(&c->err, HH_E_SCENARIO, c->path, 0, 0, "%s",
                        hh_tr("no vessel{} call: the offshore lift needs a supply vessel"));
  int e;
  if ((e = hh_sea_build(&mm->sea, m->gravity, m->seed, c->path, &c->err))) {
    c->err.line = c->line_sea > 0 ? c->line_sea : 0;
    return e;
  }
  if ((e = hh_wind_build(&mm->wind, m->seed, c->path, &c->err))) {
    c->err.line = c->line_wind > 0 ? c->line_wind : 0;
    return e;
  }
  if (c->line_vessel && (e = hh_vessel_build(&mm->vessel, &mm->sea, m->gravity, c->path, &c->err))) {
    c->err.line = c->line_vessel > 0 ? c->line_vessel : 0;
    return e;
  }
  return HH_OK;
}

/* register sea, wind, vessel, offshore_crane as globals */
void hh_api_open_marine(lua_State *L) {
  lua_register(L, "sea", api_sea);
  lua_register(L, "wind", api_wind);
  lua_register(L, "vessel", api_vessel);
  lua_register(L, "offshore_crane", api_offshore_crane);
}
