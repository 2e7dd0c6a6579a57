/* hh_script_api.c - the scene part of the scenario API: scenario, crane, box,
 * container, target. Each writes the staging model; docs/scenario-api.md lists the
 * fields with their units and ranges.
 */
#include "hh_script_int.h"
#include "../core/hh_i18n.h"
#include <lauxlib.h>
#include <stddef.h>
#include <string.h>

#define F_NUM(n, T, m, lo, hi, fl, u) {n, HH_F_NUM, offsetof(T, m), 0, lo, hi, fl, u, NULL}
#define F_INT(n, T, m, lo, hi, fl) {n, HH_F_INT, offsetof(T, m), 0, lo, hi, fl, "", NULL}
#define F_U32(n, T, m, lo, hi, fl) {n, HH_F_U32, offsetof(T, m), 0, lo, hi, fl, "", NULL}
#define F_STR(n, T, m, fl) {n, HH_F_STR, offsetof(T, m), sizeof(((T *)0)->m), 0, 0, fl, "", NULL}
#define F_VEC(ty, n, T, m, lo, hi, fl, u) {n, ty, offsetof(T, m), 0, lo, hi, fl, u, NULL}
#define F_RGBA(n, T, m) {n, HH_F_RGBA, offsetof(T, m), 0, 0, 1, 0, "", NULL}
#define F_SUB(n, T, m, s) {n, HH_F_SUB, offsetof(T, m), 0, 0, 0, 0, "", s}

#define REQ HH_F_REQUIRED
#define POS HH_F_POS
#define FAR 10000.0 /* m: positions beyond this are typos */

static const hh_field drive_spec[] = {
    F_NUM("min", hh_drive, min_pos, -FAR, FAR, 0, "m"),
    F_NUM("max", hh_drive, max_pos, -FAR, FAR, 0, "m"),
    F_NUM("start", hh_drive, start_pos, -FAR, FAR, 0, "m"),
    F_NUM("max_speed", hh_drive, max_speed, 0, 20, POS, "m/s"),
    F_NUM("max_speed_loaded", hh_drive, max_speed_loaded, 0, 20, 0, "m/s"),
    F_NUM("accel", hh_drive, accel, 0, 10, POS, "m/s^2"),
    HH_FIELD_END};

static const hh_field crane_spec[] = {
    F_SUB("gantry", hh_sts_params, gantry, drive_spec),
    F_SUB("trolley", hh_sts_params, trolley, drive_spec),
    F_SUB("hoist", hh_sts_params, hoist, drive_spec),
    F_NUM("sheave_height", hh_sts_params, sheave_z, 0, 500, POS, "m"),
    F_VEC(HH_F_VEC2, "rail_y", hh_sts_params, rail_y, -FAR, FAR, 0, "m"),
    F_NUM("spreader_mass", hh_sts_params, spreader_mass, 0, 1e6, POS, "kg"),
    F_VEC(HH_F_VEC3, "spreader_half", hh_sts_params, spreader_half, 0, 50, POS, "m"),
    F_NUM("rope_ea", hh_sts_params, rope_ea, 0, 1e12, POS, "N"),
    F_NUM("rope_damping", hh_sts_params, rope_damping, 0, 1, 0, ""),
    F_NUM("sway_damping", hh_sts_params, sway_damping, 0, 100, 0, "1/s"),
    F_VEC(HH_F_VEC2, "rope_spread", hh_sts_params, rope_spread, 0, 50, POS, "m"),
    F_NUM("lock_time", hh_sts_params, lock_time, 0, 60, POS, "s"),
    F_NUM("align_tol", hh_sts_params, align_tol, 0, 1, POS, "m"),
    HH_FIELD_END};

static const hh_field scenario_spec[] = {
    F_STR("id", hh_model, id, REQ),
    F_U32("seed", hh_model, seed, 0, 4294967295.0, 0),
    F_NUM("time_limit", hh_model, time_limit_s, 0, 86400, POS, "s"),
    F_STR("autopilot", hh_model, autopilot, 0),
    F_INT("substeps", hh_model, substeps, 1, 64, 0),
    F_NUM("gravity", hh_model, gravity, 0, 100, POS, "m/s^2"),
    HH_FIELD_END};

static const hh_field box_spec[] = {
    F_STR("name", hh_box, name, 0),
    F_VEC(HH_F_VEC3, "pos", hh_box, pos, -FAR, FAR, REQ, "m"),
    F_VEC(HH_F_VEC3, "half", hh_box, half, 0, FAR, REQ | POS, "m"),
    F_NUM("yaw", hh_box, yaw, -100, 100, 0, "rad"),
    F_RGBA("color", hh_box, rgba),
    HH_FIELD_END};

static const hh_field container_spec[] = {
    F_VEC(HH_F_VEC3, "half", hh_container, half, 0, 50, POS, "m"),
    F_NUM("mass", hh_container, mass, 0, 1e6, POS, "kg"),
    F_VEC(HH_F_VEC3, "pos", hh_container, pos, -FAR, FAR, REQ, "m"),
    F_NUM("yaw", hh_container, yaw, -100, 100, 0, "rad"),
    F_RGBA("color", hh_container, rgba),
    HH_FIELD_END};

static const hh_field target_spec[] = {
    F_VEC(HH_F_VEC3, "pos", hh_target, pos, -FAR, FAR, REQ, "m"),
    F_NUM("yaw", hh_target, yaw, -100, 100, 0, "rad"),
    F_NUM("tol", hh_target, tol, 0, 1, POS, "m"),
    F_NUM("zone_height", hh_target, zone_height, 0, 100, POS, "m"),
    F_NUM("zone_radius", hh_target, zone_radius, 0, 100, POS, "m"),
    HH_FIELD_END};

/* a call that may be made once: record its line or fail naming the first call */
static void once(lua_State *L, int *line, const char *fn) {
  if (*line)
    hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("%s{} called twice (first at line %d)"), fn, *line);
  *line = hh_sbox_line(L);
  if (!*line) *line = -1; /* called, location unknown */
}

/* 1 when s is a valid id: lower-case letters, digits, _ - / */
static int id_chars_ok(const char *s) {
  if (!*s) return 0;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' ||
          *s == '/'))
      return 0;
  return 1;
}

/* scenario { id, title = {en, zh}, brief = {en, zh}, seed, time_limit, autopilot, ... } */
static int api_scenario(lua_State *L) {
  static const char *const extra[] = {"title", "brief", NULL};
  hh_sctx *c = hh_sbox_ctx(L);
  hh_read_arg(L, "scenario");
  once(L, &c->line_scenario, "scenario");
  hh_model *m = c->m;
  hh_read_fields(L, 1, "scenario", scenario_spec, m, extra);
  hh_read_text_tr(L, 1, "scenario", "title", m->title_en, m->title_zh, sizeof m->title_en, m, 0);
  hh_read_text_tr(L, 1, "scenario", "brief", m->brief_en, m->brief_zh, sizeof m->brief_en, m, 1);
  if (!id_chars_ok(m->id))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD,
                 hh_tr("scenario.id: '%s' may use only a-z, 0-9, _, - and /"), m->id);
  return 0;
}

/* crane { gantry = {...}, trolley = {...}, hoist = {...}, sheave_height, ... } */
static int api_crane(lua_State *L) {
  hh_sctx *c = hh_sbox_ctx(L);
  hh_read_arg(L, "crane");
  once(L, &c->line_crane, "crane");
  hh_read_fields(L, 1, "crane", crane_spec, &c->m->sts, NULL);
  return 0;
}

/* default colour of a box by role */
static void role_color(hh_box_role role, float *rgba) {
  static const float col[][4] = {{0.55f, 0.55f, 0.53f, 1}, {0.10f, 0.25f, 0.45f, 1},
                                 {0.35f, 0.35f, 0.35f, 1}, {0.60f, 0.30f, 0.20f, 1},
                                 {0.80f, 0.80f, 0.80f, 1}};
  memcpy(rgba, col[role - HH_ROLE_GROUND], sizeof col[0]);
}

/* box { name, role, pos = {x,y,z}, half = {x,y,z}, yaw, color = {r,g,b[,a]} } */
static int api_box(lua_State *L) {
  static const char *const roles[] = {"ground", "water", "landing", "obstacle", "visual", NULL};
  static const char *const extra[] = {"role", NULL};
  hh_sctx *c = hh_sbox_ctx(L);
  hh_read_arg(L, "box");
  hh_model *m = c->m;
  if (m->n_boxes >= HH_MAX_BOXES)
    hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("box: too many boxes (at most %d)"), HH_MAX_BOXES);
  hh_box b;
  memset(&b, 0, sizeof b);
  char role[16];
  hh_read_fields(L, 1, "box", box_spec, &b, extra);
  hh_read_str(L, 1, "box", "role", role, sizeof role, 1);
  int r = 0;
  while (roles[r] && strcmp(roles[r], role) != 0) r++;
  if (!roles[r])
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD,
                 hh_tr("box.role: unknown role '%s' (ground, water, landing, obstacle, visual)"),
                 role);
  b.role = (hh_box_role)(HH_ROLE_GROUND + r);
  lua_getfield(L, 1, "color");
  if (lua_isnil(L, -1)) role_color(b.role, b.rgba);
  lua_pop(L, 1);
  if (!b.name[0]) snprintf(b.name, sizeof b.name, "box%d", m->n_boxes + 1);
  for (int i = 0; i < m->n_boxes; i++)
    if (strcmp(m->box[i].name, b.name) == 0)
      hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("box.name: '%s' already used at line %d"), b.name,
                   c->line_box[i]);
  c->line_box[m->n_boxes] = hh_sbox_line(L);
  m->box[m->n_boxes++] = b;
  return 0;
}

/* container { half, mass, pos, yaw, color }: the load to be moved */
static int api_container(lua_State *L) {
  hh_sctx *c = hh_sbox_ctx(L);
  hh_read_arg(L, "container");
  once(L, &c->line_container, "container");
  hh_read_fields(L, 1, "container", container_spec, &c->m->container, NULL);
  return 0;
}

/* target { pos, yaw, tol, zone_height, zone_radius }: where the container goes */
static int api_target(lua_State *L) {
  hh_sctx *c = hh_sbox_ctx(L);
  hh_read_arg(L, "target");
  once(L, &c->line_target, "target");
  hh_read_fields(L, 1, "target", target_spec, &c->m->target, NULL);
  return 0;
}

/* register scenario, crane, box, container, target as globals */
void hh_api_open(lua_State *L) {
  lua_register(L, "scenario", api_scenario);
  lua_register(L, "crane", api_crane);
  lua_register(L, "box", api_box);
  lua_register(L, "container", api_container);
  lua_register(L, "target", api_target);
  hh_api_open_yard(L);
  hh_api_open_ship(L);
  hh_api_open_cnc(L);
  hh_api_open_marine(L);
}
