/* hh_script_ship.c - the ship part of the scenario API: ship{}, berth{}, tug{}.
 * ship{} names a hull from the table of published coefficients (hh_mmg_hulls.c) and
 * makes the scenario an HH_MACHINE_SHIP one; berth{} lays the quay, its fenders and
 * the marked berth; tug{} attaches a tug. docs/ship.md lists the fields and units.
 */
#include "hh_script_int.h"
#include "../core/hh_i18n.h"
#include "../machines/marine/hh_mmg.h"
#include <lauxlib.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#define FAR 10000.0 /* m: positions beyond this are typos */
#define SP(n, m, lo, hi, fl, u) {n, HH_F_NUM, offsetof(hh_ship_params, m), 0, lo, hi, fl, u, NULL}

static const hh_field ship_spec[] = {
    {"start", HH_F_VEC3, offsetof(hh_ship_params, start), 0, -FAR, FAR, HH_F_REQUIRED, "m, m, rad", NULL},
    SP("speed", start_speed, -5, 15, 0, "m/s"),
    SP("rps", start_rps, -10, 10, 0, "1/s"),
    SP("max_rps", n_max, 0, 10, HH_F_POS, "1/s"),
    SP("engine_rate", n_rate, 0, 10, HH_F_POS, "1/s^2"),
    SP("thruster_force", thruster_force, 0, 1e7, 0, "N"),
    SP("thruster_x", thruster_x, -500, 500, 0, "m"),
    SP("thruster_rate", thruster_rate, 0, 1e7, HH_F_POS, "N/s"),
    SP("thruster_cutoff", thruster_cutoff, 0, 20, HH_F_POS, "m/s"),
    SP("wind_speed", wind_speed, 0, 60, 0, "m/s"),
    SP("wind_dir", wind_dir, -10, 10, 0, "rad"),
    {"current", HH_F_VEC2, offsetof(hh_ship_params, current), 0, -5, 5, 0, "m/s", NULL},
    SP("water_z", water_z, -100, 100, 0, "m"),
    HH_FIELD_END};

#define BP(n, m, lo, hi, fl, u) {n, HH_F_NUM, offsetof(hh_ship_berth, m), 0, lo, hi, fl, u, NULL}
static const hh_field berth_spec[] = {
    BP("quay_y", quay_y, -FAR, FAR, HH_F_REQUIRED, "m"),
    {"quay_x", HH_F_VEC2, offsetof(hh_ship_berth, quay_x), 0, -FAR, FAR, HH_F_REQUIRED, "m", NULL},
    BP("target_x", target_x, -FAR, FAR, HH_F_REQUIRED, "m"),
    BP("heading", heading, -10, 10, 0, "rad"),
    BP("approach_radius", approach_radius, 0, FAR, HH_F_POS, "m"),
    BP("settle_time", settle_time, 0, 600, HH_F_POS, "s"),
    BP("stop_speed", stop_speed, 0, 2, HH_F_POS, "m/s"),
    HH_FIELD_END};

#define FP(n, m, lo, hi, u) {n, HH_F_NUM, offsetof(hh_ship_fender, m), 0, lo, hi, HH_F_POS, u, NULL}
static const hh_field fender_spec[] = {
    FP("half_len", half_len, 0, 100, "m"),
    FP("depth", depth, 0, 10, "m"),
    FP("stiffness", stiffness, 0, 1e10, "N/m"),
    {"damping", HH_F_NUM, offsetof(hh_ship_fender, damping), 0, 0, 1e10, 0, "N s/m", NULL},
    HH_FIELD_END};

#define TP(n, m, lo, hi, fl, u) {n, HH_F_NUM, offsetof(hh_ship_tug, m), 0, lo, hi, fl, u, NULL}
static const hh_field tug_spec[] = {
    {"name", HH_F_STR, offsetof(hh_ship_tug, name), sizeof(((hh_ship_tug *)0)->name), 0, 0, 0, "", NULL},
    {"at", HH_F_VEC2, offsetof(hh_ship_tug, at), 0, -1000, 1000, HH_F_REQUIRED, "m", NULL},
    TP("dir", dir, -10, 10, HH_F_REQUIRED, "rad"),
    TP("max_force", max_force, 0, 1e7, HH_F_REQUIRED | HH_F_POS, "N"),
    TP("rate", rate, 0, 1e7, HH_F_POS, "N/s"),
    HH_FIELD_END};

/* record a once-only call's line or fail naming the first call */
static void once(lua_State *L, int *line, const char *fn) {
  if (*line)
    hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("%s{} called twice (first at line %d)"), fn, *line);
  *line = hh_sbox_line(L);
  if (!*line) *line = -1;
}

/* ship { hull = "kvlcc2", start = {x, y, heading}, speed, rps, ... } */
static int api_ship(lua_State *L) {
  static const char *const extra[] = {"hull", NULL};
  static const char *const hull_names[] = {"kvlcc2", "kvlcc2_l7", NULL};
  hh_sctx *c = hh_sbox_ctx(L);
  hh_read_arg(L, "ship");
  once(L, &c->line_ship, "ship");
  char name[32];
  hh_read_str(L, 1, "ship", "hull", name, sizeof name, 1);
  const hh_mmg_hull *h = hh_mmg_hull_find(name);
  if (!h) {
    const char *near = hh_read_closest(name, hull_names);
    if (near)
      hh_sbox_fail(L, HH_E_SCRIPT_FIELD,
                   hh_tr("ship.hull: unknown hull '%s' (did you mean '%s'? known: %s)"), name,
                   near, hh_mmg_hull_names());
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("ship.hull: unknown hull '%s' (known: %s)"), name,
                 hh_mmg_hull_names());
  }
  hh_ship_params p;
  hh_ship_defaults(&p, h);
  p.start_rps = -100; /* marker: "not given" */
  hh_read_fields(L, 1, "ship", ship_spec, &p, extra);
  if (p.start_rps == -100)
    p.start_rps = p.start_speed > 0 ? hh_mmg_self_prop(h, p.start_speed) : 0.0;
  if (fabs(p.start_rps) > p.n_max)
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("ship.rps: %g is beyond max_rps %g"), p.start_rps,
                 p.n_max);
  if (p.thruster_force > 0 && !(p.thruster_rate > 0)) p.thruster_rate = p.thruster_force / 5.0;
  hh_model *m = c->m;
  p.berth = m->marine.ship.berth;          /* berth{} / tug{} may come first */
  p.has_berth = m->marine.ship.has_berth;
  p.n_tugs = m->marine.ship.n_tugs;
  memcpy(p.tug, m->marine.ship.tug, sizeof p.tug);
  m->marine.ship = p;
  m->machine = HH_MACHINE_SHIP;
  return 0;
}

/* berth { quay_y, quay_x = {x0, x1}, target_x, heading, fenders = {x...}, fender = {...} } */
static int api_berth(lua_State *L) {
  static const char *const extra[] = {"fenders", "fender", NULL};
  hh_sctx *c = hh_sbox_ctx(L);
  hh_read_arg(L, "berth");
  once(L, &c->line_berth, "berth");
  hh_ship_berth b;
  memset(&b, 0, sizeof b);
  b.approach_radius = 500.0;
  b.settle_time = 20.0;
  b.stop_speed = 0.05;
  hh_read_fields(L, 1, "berth", berth_spec, &b, extra);
  hh_ship_fender proto = {.half_len = 2.5, .depth = 2.0, .stiffness = 3e6, .damping = 3e6};
  lua_getfield(L, 1, "fender");
  if (!lua_isnil(L, -1)) {
    if (!lua_istable(L, -1))
      hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: expected table, got %s"), "berth.fender",
                   hh_read_typename(L, -1));
    hh_read_fields(L, -1, "berth.fender", fender_spec, &proto, NULL);
  }
  lua_pop(L, 1);
  lua_getfield(L, 1, "fenders");
  if (!lua_istable(L, -1))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, "%s",
                 hh_tr("berth.fenders: expected a list of fender positions along the quay (m)"));
  int n = (int)lua_rawlen(L, -1);
  if (n < 1 || n > HH_SHIP_MAX_FENDERS)
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("berth.fenders: %d fenders (1 to %d allowed)"), n,
                 HH_SHIP_MAX_FENDERS);
  for (int i = 0; i < n; i++) {
    char path[48];
    snprintf(path, sizeof path, "berth.fenders[%d]", i + 1);
    lua_rawgeti(L, -1, i + 1);
    if (!lua_isnumber(L, -1))
      hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: expected number, got %s"), path,
                   hh_read_typename(L, -1));
    b.fender[i] = proto;
    b.fender[i].x = lua_tonumber(L, -1);
    hh_read_range(L, HH_E_SCRIPT_FIELD, path, b.fender[i].x, -FAR, FAR, 0, "m");
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  b.n_fenders = n;
  c->m->marine.ship.berth = b;
  c->m->marine.ship.has_berth = 1;
  return 0;
}

/* tug { name, at = {x forward, y starboard}, dir, max_force, rate } */
static int api_tug(lua_State *L) {
  hh_sctx *c = hh_sbox_ctx(L);
  hh_read_arg(L, "tug");
  hh_ship_params *p = &c->m->marine.ship;
  if (p->n_tugs >= HH_SHIP_MAX_TUGS)
    hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("tug: too many tugs (at most %d)"), HH_SHIP_MAX_TUGS);
  hh_ship_tug t;
  memset(&t, 0, sizeof t);
  hh_read_fields(L, 1, "tug", tug_spec, &t, NULL);
  if (!(t.rate > 0)) t.rate = t.max_force / 10.0;
  if (!t.name[0]) snprintf(t.name, sizeof t.name, "tug%d", p->n_tugs + 1);
  p->tug[p->n_tugs++] = t;
  return 0;
}

/* register ship, berth, tug as globals */
void hh_api_open_ship(lua_State *L) {
  lua_register(L, "ship", api_ship);
  lua_register(L, "berth", api_berth);
  lua_register(L, "tug", api_tug);
}

/* cross-field checks: berth extent, start clear of the quay, contact stiffness the
   fixed step can integrate; located at the line of the call that declared the part */
int hh_check_ship(hh_sctx *c) {
  const hh_model *m = c->m;
  const hh_ship_params *p = &m->marine.ship;
  const hh_mmg_hull *h = &p->hull;
  int ls = c->line_ship > 0 ? c->line_ship : 0, lb = c->line_berth > 0 ? c->line_berth : 0;
  if (c->line_wind) { /* the shared gusting wind: sample its gusts like the offshore lift */
    int e = hh_marine_check(c);
    if (e) return e;
  }
  if (!p->has_berth) return HH_OK;
  const hh_ship_berth *b = &p->berth;
  if (!(b->quay_x[0] < b->quay_x[1]))
    return hh_error_set(&c->err, HH_E_SCENARIO, c->path, lb, 0,
                        hh_tr("berth.quay_x: start %g must be below end %g"), b->quay_x[0],
                        b->quay_x[1]);
  if (b->target_x < b->quay_x[0] || b->target_x > b->quay_x[1])
    return hh_error_set(&c->err, HH_E_SCENARIO, c->path, lb, 0,
                        hh_tr("berth.target_x: %g is outside the quay (%g to %g)"), b->target_x,
                        b->quay_x[0], b->quay_x[1]);
  double ksum = 0;
  for (int i = 0; i < b->n_fenders; i++) {
    const hh_ship_fender *f = &b->fender[i];
    if (f->x < b->quay_x[0] || f->x > b->quay_x[1])
      return hh_error_set(&c->err, HH_E_SCENARIO, c->path, lb, 0,
                          hh_tr("berth.fenders[%d]: %g is outside the quay (%g to %g)"), i + 1,
                          f->x, b->quay_x[0], b->quay_x[1]);
    ksum += f->stiffness;
  }
  /* the stiffest case: every fender on the ship's mass alone */
  double mass = h->rho * h->volume, sub = m->dt / (m->substeps > 0 ? m->substeps : 1);
  if (sqrt(ksum / mass) * sub > 0.5)
    return hh_error_set(&c->err, HH_E_SCENARIO, c->path, lb, 0,
                        hh_tr("berth.fender.stiffness: %g N/m is too stiff for a %g t ship at "
                              "the %g s step (raise scenario.substeps)"),
                        b->fender[0].stiffness, mass / 1000.0, sub);
  double out[HH_SHIP_OUTLINE_N][2], face = b->quay_y;
  for (int i = 0; i < b->n_fenders; i++)
    if (b->quay_y + b->fender[i].depth > face) face = b->quay_y + b->fender[i].depth;
  hh_ship_outline(h, p->start[0], p->start[1], p->start[2], out);
  for (int i = 0; i < HH_SHIP_OUTLINE_N; i++)
    if (out[i][1] <= face && out[i][0] >= b->quay_x[0] && out[i][0] <= b->quay_x[1])
      return hh_error_set(&c->err, HH_E_SCENARIO, c->path, ls, 0,
                          hh_tr("ship.start: the hull starts on the fenders or the quay "
                                "(fender line y = %g m)"),
                          face);
  return HH_OK;
}
