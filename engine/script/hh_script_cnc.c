/* hh_script_cnc.c - the CNC part of the scenario API: cnc{} (the machine), stock{},
 * fixture{}, tool{}, work_offset{}, program "file.nc", gauge{}, surface{} and
 * outline{} (the drawing's nominal profile). All values are SI (m, s, rad, rev/s).
 * The G-code file is read relative to the scenario and interpreted once here into the
 * model's canonical operations (the sandbox has no io; the C side reads). docs/cnc.md
 * lists the fields.
 */
#include "hh_script_int.h"
#include "../core/hh_i18n.h"
#include "../machines/cnc/gcode/hh_gcode.h"
#include "../machines/cnc/hh_cnc.h"
#include <lauxlib.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define F_NUM(n, T, m, lo, hi, fl, u) {n, HH_F_NUM, offsetof(T, m), 0, lo, hi, fl, u, NULL}
#define F_INT(n, T, m, lo, hi, fl) {n, HH_F_INT, offsetof(T, m), 0, lo, hi, fl, "", NULL}
#define F_STR(n, T, m, fl) {n, HH_F_STR, offsetof(T, m), sizeof(((T *)0)->m), 0, 0, fl, "", NULL}
#define F_VEC(n, T, m, lo, hi, fl, u) {n, HH_F_VEC3, offsetof(T, m), 0, lo, hi, fl, u, NULL}
#define REQ HH_F_REQUIRED
#define POS HH_F_POS
#define FAR 10.0 /* m: machine coordinates beyond this are typos */

static const hh_field cnc_spec[] = {
    F_VEC("travel_min", hh_cnc_model, travel_min, -FAR, FAR, REQ, "m"),
    F_VEC("travel_max", hh_cnc_model, travel_max, -FAR, FAR, REQ, "m"),
    F_VEC("home", hh_cnc_model, home, -FAR, FAR, REQ, "m"),
    F_VEC("start", hh_cnc_model, start, -FAR, FAR, 0, "m"),
    F_VEC("rapid", hh_cnc_model, rapid, 0, 5, 0, "m/s"),
    F_VEC("accel", hh_cnc_model, accel, 0, 100, 0, "m/s^2"),
    F_NUM("max_feed", hh_cnc_model, max_feed, 0, 5, POS, "m/s"),
    F_NUM("jog_speed", hh_cnc_model, jog_speed, 0, 1, POS, "m/s"),
    F_NUM("dry_run_feed", hh_cnc_model, dry_run_feed, 0, 5, POS, "m/s"),
    F_NUM("spindle_max", hh_cnc_model, spindle_max, 0, 1000, POS, "rev/s"),
    F_NUM("spindle_accel", hh_cnc_model, spindle_accel, 0, 10000, POS, "rev/s^2"),
    F_NUM("tool_change", hh_cnc_model, tool_change_s, 0, 60, 0, "s"),
    F_NUM("ra_base", hh_cnc_model, ra_base, 0, 1e-4, 0, "m"),
    F_INT("coolant_required", hh_cnc_model, coolant_required, 0, 1, 0),
    F_INT("first_tool", hh_cnc_model, first_tool, 0, HH_CNC_MAX_TOOLS, 0),
    HH_FIELD_END};

static const hh_field stock_spec[] = {
    F_VEC("min", hh_cnc_model, stock_min, -FAR, FAR, REQ, "m"),
    F_VEC("max", hh_cnc_model, stock_max, -FAR, FAR, REQ, "m"),
    F_NUM("res", hh_cnc_model, res, 0.05e-3 - 1e-12, 0.5e-3 + 1e-12, REQ, "m"),
    F_VEC("origin", hh_cnc_model, part_origin, -FAR, FAR, REQ, "m"),
    HH_FIELD_END};

static const hh_field tool_spec[] = {
    F_INT("number", hh_cnc_tool, number, 1, HH_CNC_MAX_TOOLS, REQ),
    F_NUM("radius", hh_cnc_tool, radius, 0, 0.1, 0, "m"),
    F_NUM("corner", hh_cnc_tool, corner, 0, 0.1, 0, "m"),
    F_NUM("point_angle", hh_cnc_tool, point_angle, 0, 3.14, 0, "rad"),
    F_NUM("flute_len", hh_cnc_tool, flute_len, 0, 0.5, 0, "m"),
    F_NUM("length", hh_cnc_tool, length, 0, 1, 0, "m"),
    F_NUM("length_x", hh_cnc_tool, length_x, -1, 1, 0, "m"),
    F_NUM("length_z", hh_cnc_tool, length_z, -1, 1, 0, "m"),
    F_NUM("width", hh_cnc_tool, width, 0, 0.05, 0, "m"),
    F_NUM("holder_r", hh_cnc_tool, holder_r, 0, 0.2, 0, "m"),
    F_INT("teeth", hh_cnc_tool, teeth, 1, 32, 0),
    HH_FIELD_END};

static const hh_field gauge_spec[] = {
    F_STR("name", hh_cnc_gauge, name, REQ),
    F_VEC("at", hh_cnc_gauge, at, -FAR, FAR, REQ, "m"),
    F_VEC("at2", hh_cnc_gauge, at2, -FAR, FAR, 0, "m"),
    F_NUM("nominal", hh_cnc_gauge, nominal, -FAR, FAR, REQ, "m"),
    F_NUM("lo", hh_cnc_gauge, lo, -FAR, FAR, REQ, "m"),
    F_NUM("hi", hh_cnc_gauge, hi, -FAR, FAR, REQ, "m"),
    HH_FIELD_END};

static const hh_field surf_spec[] = {
    F_STR("name", hh_cnc_surface, name, REQ),
    F_VEC("at", hh_cnc_surface, at, -FAR, FAR, REQ, "m"),
    F_NUM("spec", hh_cnc_surface, spec, 0, 1e-4, REQ | POS, "m"),
    HH_FIELD_END};

/* index of word in names (NULL-terminated) or fail naming the field and choices */
static int choose(lua_State *L, const char *path, const char *word, const char *const *names) {
  for (int i = 0; names[i]; i++)
    if (strcmp(names[i], word) == 0) return i;
  const char *best = hh_read_closest(word, names);
  if (best)
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: unknown value '%s' (did you mean '%s'?)"),
                 path, word, best);
  hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: unknown value '%s'"), path, word);
}

/* the machine must have been declared with cnc{} before this call */
static hh_model *need_cnc(lua_State *L, const char *fn) {
  hh_sctx *c = hh_sbox_ctx(L);
  if (!c->line_cnc)
    hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("%s: declare the machine with cnc{} first"), fn);
  return c->m;
}

/* cnc { machine = "mill"|"lathe", travel_min, travel_max, home, rapid, accel, ... } */
static int api_cnc(lua_State *L) {
  static const char *const kinds[] = {"mill", "lathe", NULL};
  static const char *const extra[] = {"machine", NULL};
  hh_sctx *c = hh_sbox_ctx(L);
  hh_read_arg(L, "cnc");
  if (c->line_cnc)
    hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("%s{} called twice (first at line %d)"), "cnc",
                 c->line_cnc);
  c->line_cnc = hh_sbox_line(L);
  if (!c->line_cnc) c->line_cnc = -1;
  hh_cnc_model *k = &c->m->cnc;
  /* defaults of a small machining centre / lathe */
  for (int i = 0; i < 3; i++) {
    k->rapid[i] = 0.5;
    k->accel[i] = 2.0;
  }
  k->max_feed = 0.1;
  k->jog_speed = 0.02;
  k->dry_run_feed = 0.05;
  k->spindle_max = 8000.0 / 60.0;
  k->spindle_accel = 100.0;
  k->tool_change_s = 2.0;
  k->ra_base = 0.4e-6;
  char kind[16];
  hh_read_fields(L, 1, "cnc", cnc_spec, k, extra);
  hh_read_str(L, 1, "cnc", "machine", kind, sizeof kind, 1);
  c->m->machine = choose(L, "cnc.machine", kind, kinds) ? HH_MACHINE_CNC_LATHE : HH_MACHINE_CNC_MILL;
  lua_getfield(L, 1, "start");
  if (lua_isnil(L, -1)) memcpy(k->start, k->home, sizeof k->start);
  lua_pop(L, 1);
  return 0;
}

/* stock { min, max, res, origin }: the blank (machine frame) and the drawing origin */
static int api_stock(lua_State *L) {
  hh_sctx *c = hh_sbox_ctx(L);
  hh_read_arg(L, "stock");
  need_cnc(L, "stock");
  if (c->line_stock)
    hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("%s{} called twice (first at line %d)"), "stock",
                 c->line_stock);
  c->line_stock = hh_sbox_line(L);
  hh_read_fields(L, 1, "stock", stock_spec, &c->m->cnc, NULL);
  return 0;
}

/* fixture { min, max }: vise jaws, chuck, table (machine frame); touching is a crash */
static int api_fixture(lua_State *L) {
  static const char *const names[] = {"min", "max", NULL};
  hh_model *m = need_cnc(L, "fixture");
  hh_read_arg(L, "fixture");
  hh_read_known(L, 1, "fixture", names);
  hh_cnc_model *k = &m->cnc;
  if (k->n_fix >= HH_CNC_MAX_FIX)
    hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("fixture: too many fixtures (at most %d)"), HH_CNC_MAX_FIX);
  typedef struct { double lo[3], hi[3]; } fx;
  static const hh_field spec[] = {F_VEC("min", fx, lo, -FAR, FAR, REQ, "m"),
                                  F_VEC("max", fx, hi, -FAR, FAR, REQ, "m"), HH_FIELD_END};
  fx f;
  hh_read_fields(L, 1, "fixture", spec, &f, NULL);
  memcpy(k->fix_min[k->n_fix], f.lo, sizeof f.lo);
  memcpy(k->fix_max[k->n_fix], f.hi, sizeof f.hi);
  k->n_fix++;
  return 0;
}

/* tool { number, type = "flat"|"ball"|"bull"|"drill"|"turn"|"groove"|"thread", ...,
   offset = {x, y, z} preset } */
static int api_tool(lua_State *L) {
  static const char *const types[] = {"flat", "ball", "bull", "drill", "turn", "groove",
                                      "thread", NULL};
  static const char *const extra[] = {"type", "offset", NULL};
  hh_model *m = need_cnc(L, "tool");
  hh_read_arg(L, "tool");
  hh_cnc_model *k = &m->cnc;
  if (k->n_tools >= HH_CNC_MAX_TOOLS)
    hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("tool: too many tools (at most %d)"), HH_CNC_MAX_TOOLS);
  hh_cnc_tool t;
  memset(&t, 0, sizeof t);
  t.teeth = 2;
  char type[16];
  hh_read_fields(L, 1, "tool", tool_spec, &t, extra);
  hh_read_str(L, 1, "tool", "type", type, sizeof type, 1);
  t.type = HH_TOOL_FLAT + choose(L, "tool.type", type, types);
  int lathe = m->machine == HH_MACHINE_CNC_LATHE;
  if (lathe != (t.type >= HH_TOOL_TURN))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("tool.type: '%s' does not fit this machine"), type);
  if (!lathe && !(t.radius > 0))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: missing (required)"), "tool.radius");
  if (t.type == HH_TOOL_BULL && !(t.corner > 0 && t.corner <= t.radius))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("tool.corner: must be above 0 and at most the radius"));
  if (t.type == HH_TOOL_GROOVE && !(t.width > 0))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: missing (required)"), "tool.width");
  if (hh_cnc_tool_get(m, t.number))
    hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("tool.number: T%d declared twice"), t.number);
  lua_getfield(L, 1, "offset");
  if (!lua_isnil(L, -1)) {
    typedef struct { double v[3]; } ov;
    static const hh_field ospec[] = {F_VEC("offset", ov, v, -FAR, FAR, 0, "m"), HH_FIELD_END};
    ov o;
    lua_pop(L, 1);
    lua_newtable(L);
    lua_getfield(L, 1, "offset");
    lua_setfield(L, -2, "offset");
    hh_read_fields(L, -1, "tool", ospec, &o, NULL);
    lua_pop(L, 1);
    memcpy(k->tool_ofs0[t.number - 1], o.v, sizeof o.v);
  } else {
    lua_pop(L, 1);
  }
  k->tool[k->n_tools++] = t;
  return 0;
}

/* work_offset { index = 1..6, origin = {x, y, z} }: a preset G54..G59 */
static int api_work_offset(lua_State *L) {
  hh_model *m = need_cnc(L, "work_offset");
  typedef struct { int index; double o[3]; } wo;
  static const hh_field spec[] = {F_INT("index", wo, index, 1, 6, REQ),
                                  F_VEC("origin", wo, o, -FAR, FAR, REQ, "m"), HH_FIELD_END};
  hh_read_arg(L, "work_offset");
  wo w;
  hh_read_fields(L, 1, "work_offset", spec, &w, NULL);
  memcpy(m->cnc.work_ofs0[w.index - 1], w.o, sizeof w.o);
  return 0;
}

/* gauge { name, kind, at, at2, nominal, lo, hi }: a drawing dimension (cnc_dim<n>) */
static int api_gauge(lua_State *L) {
  static const char *const kinds[] = {"outer_x", "outer_y", "inner_x", "inner_y", "depth",
                                      "hole", "diameter", "length", "thread", NULL};
  static const char *const extra[] = {"kind", NULL};
  hh_model *m = need_cnc(L, "gauge");
  hh_read_arg(L, "gauge");
  hh_cnc_model *k = &m->cnc;
  if (k->n_gauges >= HH_CNC_MAX_GAUGES)
    hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("gauge: too many dimensions (at most %d)"),
                 HH_CNC_MAX_GAUGES);
  hh_cnc_gauge g;
  memset(&g, 0, sizeof g);
  char kind[16];
  hh_read_fields(L, 1, "gauge", gauge_spec, &g, extra);
  hh_read_str(L, 1, "gauge", "kind", kind, sizeof kind, 1);
  g.kind = HH_GAUGE_OUTER_X + choose(L, "gauge.kind", kind, kinds);
  if (!(g.lo <= g.hi))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("gauge.lo: %g is above hi %g"), g.lo, g.hi);
  k->gauge[k->n_gauges++] = g;
  return 0;
}

/* surface { name, kind = "wall"|"floor"|"turned", at, spec }: a roughness callout */
static int api_surface(lua_State *L) {
  static const char *const kinds[] = {"wall", "floor", "turned", NULL};
  static const char *const extra[] = {"kind", NULL};
  hh_model *m = need_cnc(L, "surface");
  hh_read_arg(L, "surface");
  hh_cnc_model *k = &m->cnc;
  if (k->n_surf >= HH_CNC_MAX_SURF)
    hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("surface: too many callouts (at most %d)"), HH_CNC_MAX_SURF);
  hh_cnc_surface s;
  memset(&s, 0, sizeof s);
  char kind[16];
  hh_read_fields(L, 1, "surface", surf_spec, &s, extra);
  hh_read_str(L, 1, "surface", "kind", kind, sizeof kind, 1);
  s.kind = HH_SURF_WALL + choose(L, "surface.kind", kind, kinds);
  k->surf[k->n_surf++] = s;
  return 0;
}

/* one point {u, v} of outline.points at the top of the stack into p (m), or fail */
static void outline_point(lua_State *L, int i, double p[2]) {
  int ok = lua_istable(L, -1) && lua_rawlen(L, -1) == 2;
  for (int j = 0; ok && j < 2; j++) {
    lua_rawgeti(L, -1, j + 1);
    ok = lua_type(L, -1) == LUA_TNUMBER;
    p[j] = ok ? lua_tonumber(L, -1) : 0;
    ok = ok && isfinite(p[j]) && fabs(p[j]) <= FAR;
    lua_pop(L, 1);
  }
  if (!ok)
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD,
                 hh_tr("outline.points[%d]: expected {u, v}, two finite numbers (m)"), i);
}

/* outline { points = {{u, v}, ...}, closed = true|false }: a nominal profile of the
   drawing (drawing frame, m; mill top view u = x, v = y; lathe u = z, v = radius),
   drawn on the sheet under the part as cut */
static int api_outline(lua_State *L) {
  static const char *const names[] = {"points", "closed", NULL};
  hh_model *m = need_cnc(L, "outline");
  hh_read_arg(L, "outline");
  hh_read_known(L, 1, "outline", names);
  hh_cnc_model *k = &m->cnc;
  if (!hh_sbox_ctx(L)->line_stock)
    hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("%s: declare the blank with stock{} first"), "outline");
  if (k->n_outlines >= HH_CNC_MAX_OUTLINES)
    hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("outline: too many outlines (at most %d)"),
                 HH_CNC_MAX_OUTLINES);
  lua_getfield(L, 1, "closed");
  if (!lua_isnil(L, -1) && !lua_isboolean(L, -1))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: expected true or false"), "outline.closed");
  int closed = lua_toboolean(L, -1);
  lua_pop(L, 1);
  lua_getfield(L, 1, "points");
  if (!lua_istable(L, -1))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: missing (required)"), "outline.points");
  int n = (int)lua_rawlen(L, -1);
  if (n < (closed ? 3 : 2) || n > HH_CNC_OUTLINE_PTS)
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD,
                 hh_tr("outline.points: %d points (an outline has %d to %d)"), n,
                 closed ? 3 : 2, HH_CNC_OUTLINE_PTS);
  int lathe = m->machine == HH_MACHINE_CNC_LATHE;
  /* the drawing frame's extent of the blank, 1 mm of slack */
  double lo[2], hi[2], slack = 1e-3;
  int ax[2] = {lathe ? 2 : 0, lathe ? 0 : 1};
  for (int j = 0; j < 2; j++) {
    lo[j] = k->stock_min[ax[j]] - (lathe && j == 1 ? 0 : k->part_origin[ax[j]]) - slack;
    hi[j] = k->stock_max[ax[j]] - (lathe && j == 1 ? 0 : k->part_origin[ax[j]]) + slack;
  }
  if (lathe) lo[1] = 0; /* a radius */
  double pt[HH_CNC_OUTLINE_PTS][2];
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    outline_point(L, i, pt[i - 1]);
    lua_pop(L, 1);
    for (int j = 0; j < 2; j++)
      if (pt[i - 1][j] < lo[j] || pt[i - 1][j] > hi[j])
        hh_sbox_fail(L, HH_E_SCRIPT_FIELD,
                     hh_tr("outline.points[%d]: (%g, %g) m is outside the blank"), i,
                     pt[i - 1][0], pt[i - 1][1]);
    if (i > 1 && pt[i - 1][0] == pt[i - 2][0] && pt[i - 1][1] == pt[i - 2][1])
      hh_sbox_fail(L, HH_E_SCRIPT_FIELD,
                   hh_tr("outline.points[%d]: repeats the point before it"), i);
  }
  lua_pop(L, 1);
  int o = k->n_outlines++;
  memcpy(k->outline[o], pt, sizeof(double) * 2 * (size_t)n);
  k->outline_n[o] = n;
  k->outline_closed[o] = closed;
  return 0;
}

/* Sink state while a program is interpreted into the model. */
typedef struct prog_sink {
  hh_cnc_model *k;
  int overflow;
} prog_sink;

/* copy one canonical op into the model (compact form) */
static int sink_emit(void *user, const hh_canon_op *op) {
  prog_sink *ps = user;
  hh_cnc_model *k = ps->k;
  if (k->n_ops >= HH_CNC_MAX_OPS) {
    ps->overflow = op->line;
    return 1;
  }
  if (!hh_cnc_op_from_canon(&k->op[k->n_ops], op)) return 0;
  k->n_ops++;
  if (op->kind == HH_CANON_TOOL_OFFSET && op->index >= 1 && op->index <= HH_CNC_MAX_TOOLS)
    k->tools_used |= 1u << (op->index - 1);
  return 0;
}

/* read a whole file (at most 4 MiB); NULL on failure */
static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = malloc(HH_SCRIPT_MAX_BYTES + 1);
  size_t n = buf ? fread(buf, 1, HH_SCRIPT_MAX_BYTES + 1, f) : 0;
  fclose(f);
  if (!buf || n > HH_SCRIPT_MAX_BYTES) {
    free(buf);
    return NULL;
  }
  buf[n] = '\0';
  *len = n;
  return buf;
}

/* keep the program text (lines NUL-separated, CR dropped) for the PROG screen page */
static void keep_source(hh_cnc_model *k, const char *text, size_t len) {
  size_t o = 0;
  k->n_lines = 0;
  for (size_t i = 0; i <= len && k->n_lines < HH_CNC_SRC_LINES;) {
    if (o + 1 >= HH_CNC_SRC) break;
    k->line_ofs[k->n_lines++] = (int)o;
    while (i < len && text[i] != '\n' && o + 1 < HH_CNC_SRC) {
      if (text[i] != '\r') k->src[o++] = text[i];
      i++;
    }
    k->src[o++] = '\0';
    while (i < len && text[i] != '\n') i++; /* a line cut at the end of the buffer */
    i++;
  }
}

/* program "file.nc": interpret the G-code next to the scenario into canonical ops */
static int api_program(lua_State *L) {
  hh_sctx *c = hh_sbox_ctx(L);
  hh_model *m = need_cnc(L, "program");
  const char *name = luaL_checkstring(L, 1);
  if (strstr(name, "..") || name[0] == '/')
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("program: '%s' must be a file beside the scenario"), name);
  if (m->cnc.n_ops)
    hh_sbox_fail(L, HH_E_SCENARIO, "%s", hh_tr("program: called twice"));
  char path[512];
  const char *slash = strrchr(c->path, '/');
  int dir = slash ? (int)(slash - c->path) + 1 : 0;
  snprintf(path, sizeof path, "%.*s%s", dir, c->path, name);
  size_t len = 0;
  char *text = slurp(path, &len);
  if (!text)
    hh_sbox_fail(L, HH_E_FILE_NOT_FOUND, hh_tr("program: cannot read '%s'"), path);
  hh_gc_program prog;
  memset(&prog, 0, sizeof prog);
  hh_error e;
  memset(&e, 0, sizeof e);
  hh_gc_interp *in = calloc(1, sizeof *in);
  hh_gc_setup *setup = calloc(1, sizeof *setup);
  prog_sink ps = {&m->cnc, 0};
  hh_canon_sink sink = {sink_emit, &ps};
  int rc = (in && setup) ? HH_OK : HH_E_NOMEM;
  if (rc == HH_OK) rc = hh_gc_program_load(&prog, text, len, path, &e);
  if (rc == HH_OK) {
    hh_gc_setup_defaults(setup, m->machine == HH_MACHINE_CNC_LATHE ? HH_GC_LATHE : HH_GC_MILL);
    memcpy(setup->start, m->cnc.start, sizeof setup->start);
    memcpy(setup->home, m->cnc.home, sizeof setup->home);
    hh_gc_init(in, setup, &prog);
    rc = hh_gc_run(in, &sink, &e);
  }
  if (rc == HH_OK) keep_source(&m->cnc, text, len);
  free(text);
  hh_gc_program_free(&prog);
  free(in);
  free(setup);
  if (ps.overflow) {
    m->cnc.n_ops = 0;
    hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("program: %s:%d: more than %d operations"), path,
                 ps.overflow, HH_CNC_MAX_OPS);
  }
  if (rc != HH_OK) {
    m->cnc.n_ops = 0;
    if (rc == HH_E_NOMEM) hh_sbox_fail(L, HH_E_NOMEM, "%s", hh_tr("out of memory loading scenario"));
    /* the G-code error is the located one: report it as is */
    if (c->err.code == HH_OK) c->err = e;
    hh_sbox_fail(L, e.code, "%s:%d:%d: %s", e.file, e.line, e.column, e.text);
  }
  snprintf(m->cnc.program, sizeof m->cnc.program, "%s", name);
  return 0;
}

/* register the CNC functions as globals */
void hh_api_open_cnc(lua_State *L) {
  lua_register(L, "cnc", api_cnc);
  lua_register(L, "stock", api_stock);
  lua_register(L, "fixture", api_fixture);
  lua_register(L, "tool", api_tool);
  lua_register(L, "work_offset", api_work_offset);
  lua_register(L, "program", api_program);
  lua_register(L, "gauge", api_gauge);
  lua_register(L, "surface", api_surface);
  lua_register(L, "outline", api_outline);
}

/* cross-field checks of a CNC scenario after the script returned */
int hh_check_cnc(hh_sctx *c) {
  const hh_cnc_model *k = &c->m->cnc;
  int l = c->line_cnc > 0 ? c->line_cnc : 0;
  if (!c->line_stock)
    return hh_error_set(&c->err, HH_E_SCENARIO, c->path, l, 0, "%s",
                        hh_tr("no stock{} call: the machine has no blank to cut"));
  for (int i = 0; i < 3; i++) {
    if (!(k->travel_min[i] <= k->travel_max[i]))
      return hh_error_set(&c->err, HH_E_SCENARIO, c->path, l, 0,
                          hh_tr("cnc.travel_min: axis %d is above travel_max"), i + 1);
    if (k->home[i] < k->travel_min[i] || k->home[i] > k->travel_max[i] ||
        k->start[i] < k->travel_min[i] || k->start[i] > k->travel_max[i])
      return hh_error_set(&c->err, HH_E_SCENARIO, c->path, l, 0,
                          hh_tr("cnc.home/start: axis %d is outside the travel"), i + 1);
  }
  if (k->first_tool && !hh_cnc_tool_get(c->m, k->first_tool))
    return hh_error_set(&c->err, HH_E_SCENARIO, c->path, l, 0,
                        hh_tr("cnc.first_tool: T%d is not declared with tool{}"), k->first_tool);
  for (int i = 0; i < 32; i++)
    if ((k->tools_used >> i & 1u) && !hh_cnc_tool_get(c->m, i + 1))
      return hh_error_set(&c->err, HH_E_SCENARIO, c->path, l, 0,
                          hh_tr("program: uses offset %d but tool T%d is not declared"), i + 1, i + 1);
  return HH_OK;
}
