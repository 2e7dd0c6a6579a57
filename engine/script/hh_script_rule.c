/* hh_script_rule.c - the rubric part of the scenario API: rubric{} declares the scale
 * and sections (with caps and weights), rule{} reads one item into the model's flat
 * rule array, and hh_rule_check compiles the whole rubric after the script returned.
 * Type problems are HH_E_SCRIPT_FIELD; meaning problems (unknown metric, impossible
 * band, a field the kind does not use, caps beyond the scale) are HH_E_RUBRIC, at the
 * line of the rule{} (or rubric{}) call. See docs/rubric.md.
 */
#include "hh_script_int.h"
#include "../core/hh_i18n.h"
#include <lauxlib.h>
#include <math.h>
#include <string.h>

/* rubric { max_score, pass_score, sections = {{id, en, zh, cap, weight}, ...}, log_capacity } */
static int api_rubric(lua_State *L) {
  static const char *const names[] = {"max_score", "pass_score", "sections", "log_capacity",
                                      NULL};
  static const char *const sec_names[] = {"id", "en", "zh", "cap", "weight", NULL};
  hh_sctx *c = hh_sbox_ctx(L);
  hh_read_arg(L, "rubric");
  if (c->line_rubric)
    hh_sbox_fail(L, HH_E_SCENARIO, hh_tr("rubric{} called twice (first at line %d)"),
                 c->line_rubric);
  c->line_rubric = hh_sbox_line(L);
  if (!c->line_rubric) c->line_rubric = -1;
  hh_rubric *rb = &c->m->rubric;
  hh_read_known(L, 1, "rubric", names);
  double v;
  if (hh_read_num(L, 1, "rubric", "max_score", &v, 0)) {
    hh_read_range(L, HH_E_RUBRIC, "rubric.max_score", v, 0, 10000, 1, "points");
    rb->max_score = v;
  }
  if (hh_read_num(L, 1, "rubric", "pass_score", &v, 0)) {
    hh_read_range(L, HH_E_RUBRIC, "rubric.pass_score", v, 0, 10000, 0, "points");
    rb->pass_score = v;
  }
  if (hh_read_num(L, 1, "rubric", "log_capacity", &v, 0)) {
    if (!(v >= 1 && v <= 100000 && v == (double)(int)v))
      hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("rubric.log_capacity: expected an integer from 1 to 100000, got %g"), v);
    rb->log_capacity = (int)v;
  }
  lua_getfield(L, 1, "sections");
  int t = lua_gettop(L);
  if (!lua_istable(L, t))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("rubric.sections: expected a list of {id, en, zh}, got %s"),
                 hh_read_typename(L, t));
  int n = (int)lua_rawlen(L, t);
  if (n < 1 || n > HH_MAX_SECTIONS)
    hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rubric.sections: %d sections (allowed: 1 to %d)"), n,
                 HH_MAX_SECTIONS);
  for (int i = 0; i < n; i++) {
    char path[48];
    snprintf(path, sizeof path, "rubric.sections[%d]", i + 1);
    lua_rawgeti(L, t, i + 1);
    if (!lua_istable(L, -1))
      hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: expected {id, en, zh}, got %s"), path,
                   hh_read_typename(L, -1));
    int s = lua_gettop(L);
    hh_read_known(L, s, path, sec_names);
    hh_read_str(L, s, path, "id", rb->section_name[i], sizeof rb->section_name[i], 1);
    hh_read_str(L, s, path, "en", rb->section_en[i], sizeof rb->section_en[i], 1);
    hh_read_str(L, s, path, "zh", rb->section_zh[i], sizeof rb->section_zh[i], 1);
    char fpath[64];
    if (hh_read_num(L, s, path, "cap", &v, 0)) {
      snprintf(fpath, sizeof fpath, "%s.cap", path);
      hh_read_range(L, HH_E_RUBRIC, fpath, v, 0, 10000, 1, "points");
      rb->section_cap[i] = v;
    }
    if (hh_read_num(L, s, path, "weight", &v, 0)) {
      snprintf(fpath, sizeof fpath, "%s.weight", path);
      hh_read_range(L, HH_E_RUBRIC, fpath, v, 0, 100, 1, "%");
      rb->section_weight[i] = v;
    }
    for (int j = 0; j < i; j++)
      if (strcmp(rb->section_name[j], rb->section_name[i]) == 0)
        hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("%s.id: section '%s' declared twice"), path,
                     rb->section_name[i]);
    lua_pop(L, 1);
  }
  rb->n_sections = n;
  lua_pop(L, 1);
  return 0;
}

/* Rule fields as read, before the kind decides which ones it uses. */
enum {
  RF_METRIC, RF_WHEN, RF_ABOVE, RF_BELOW, RF_DWELL, RF_POINTS, RF_PER_SECOND, RF_CAP,
  RF_BAND, RF_UNIT, RF_OPTIMUM, RF_ZERO_AT, RF_ACTION, RF_AFTER, RF_REQUIRES, RF_LIMIT,
  RF_NOMINAL, RF_DEV, RF_MAX, RF_COUNT
};
static const char *const rf_name[RF_COUNT] = {
    "metric", "when", "above", "below", "dwell", "points", "per_second", "cap",
    "band", "unit", "optimum", "zero_at", "action", "after", "requires", "limit",
    "nominal", "dev", "max"};

/* kinds in hh_rule_kind order, and the optional fields each kind may use (bit sets) */
static const char *const kind_name[] = {"threshold", "edge", "critical", "final_band",
                                        "time_curve", "order", "precondition", "judge",
                                        NULL};
#define B(f) (1u << (f))
/* fields of a rule whose violation deducts points or is a fault (action) */
#define VIOLATION (B(RF_POINTS) | B(RF_CAP) | B(RF_ACTION))
static const unsigned kind_fields[] = {
    B(RF_METRIC) | B(RF_WHEN) | B(RF_ABOVE) | B(RF_BELOW) | B(RF_DWELL) | B(RF_PER_SECOND) |
        VIOLATION,
    B(RF_METRIC) | B(RF_WHEN) | B(RF_POINTS) | B(RF_CAP),
    B(RF_METRIC) | B(RF_WHEN) | B(RF_ACTION),
    B(RF_METRIC) | B(RF_WHEN) | B(RF_BAND) | B(RF_NOMINAL) | B(RF_DEV) | B(RF_UNIT) |
        B(RF_POINTS) | B(RF_CAP),
    B(RF_METRIC) | B(RF_WHEN) | B(RF_OPTIMUM) | B(RF_ZERO_AT) | B(RF_CAP) | B(RF_LIMIT),
    B(RF_METRIC) | B(RF_AFTER) | B(RF_WHEN) | VIOLATION,
    B(RF_METRIC) | B(RF_REQUIRES) | B(RF_WHEN) | B(RF_DWELL) | B(RF_PER_SECOND) | VIOLATION,
    B(RF_MAX)};
/* fields a kind must have (cap/points of violation rules: see read_violation) */
static const unsigned kind_required[] = {
    B(RF_METRIC), B(RF_METRIC) | B(RF_POINTS) | B(RF_CAP),
    B(RF_METRIC) | B(RF_ACTION), B(RF_METRIC) | B(RF_UNIT) | B(RF_POINTS) | B(RF_CAP),
    B(RF_OPTIMUM) | B(RF_CAP), B(RF_METRIC) | B(RF_AFTER),
    B(RF_METRIC) | B(RF_REQUIRES), B(RF_MAX)};

/* metric name at field f (string) -> index; unit must match want (NULL = any) */
static int read_metric(lua_State *L, const char *field, const char *want1, const char *want2) {
  char name[64];
  hh_read_str(L, 1, "rule", field, name, sizeof name, 1);
  int id = hh_metric_find(name);
  if (id < 0) {
    const char *all[HH_METRIC_COUNT + 1];
    for (int i = 0; i < HH_METRIC_COUNT; i++) all[i] = hh_metric_name(i);
    all[HH_METRIC_COUNT] = NULL;
    const char *best = hh_read_closest(name, all);
    if (best)
      hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule.%s: unknown metric '%s' (did you mean '%s'?)"),
                   field, name, best);
    hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule.%s: unknown metric '%s' (see docs/scenario-api.md)"),
                 field, name);
  }
  const char *unit = hh_metric_unit(id);
  if (want1 && strcmp(unit, want1) != 0 && (!want2 || strcmp(unit, want2) != 0))
    hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule.%s: metric '%s' is measured in %s; this needs a %s%s%s metric"), field,
                 name, unit, want1, want2 ? " or " : "", want2 ? want2 : "");
  return id;
}

/* number field f of the rule in [lo, hi] (lo exclusive when pos) */
static double rule_num(lua_State *L, int f, double lo, double hi, int pos, const char *unit) {
  double v = 0;
  char path[48];
  snprintf(path, sizeof path, "rule.%s", rf_name[f]);
  hh_read_num(L, 1, "rule", rf_name[f], &v, 1);
  hh_read_range(L, HH_E_RUBRIC, path, v, lo, hi, pos, unit);
  return v;
}

/* read the cite = {standard, clause} table into the rule */
static void read_cite(lua_State *L, hh_rule *r) {
  static const char *const names[] = {"standard", "clause", NULL};
  lua_getfield(L, 1, "cite");
  if (!lua_istable(L, -1))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("rule.cite: expected {standard = ..., clause = ...}, got %s"),
                 hh_read_typename(L, -1));
  int t = lua_gettop(L);
  hh_read_known(L, t, "rule.cite", names);
  hh_read_str(L, t, "rule.cite", "standard", r->standard, sizeof r->standard, 1);
  hh_read_str(L, t, "rule.cite", "clause", r->clause, sizeof r->clause, 1);
  lua_pop(L, 1);
}

/* field f = {a, b} of two numbers into a, b; what names the pair for messages */
static void read_pair(lua_State *L, int f, double *a, double *b) {
  lua_getfield(L, 1, rf_name[f]);
  int t = lua_gettop(L);
  int ok = lua_istable(L, t) && lua_rawlen(L, t) == 2;
  if (ok) {
    lua_rawgeti(L, t, 1);
    lua_rawgeti(L, t, 2);
    ok = lua_type(L, -2) == LUA_TNUMBER && lua_type(L, -1) == LUA_TNUMBER;
    if (ok) {
      *a = lua_tonumber(L, -2);
      *b = lua_tonumber(L, -1);
    }
  }
  if (!ok || !isfinite(*a) || !isfinite(*b))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("rule.%s: expected {%s} (2 numbers)"), rf_name[f],
                 f == RF_BAND ? "lo, hi" : "lower, upper");
  lua_settop(L, t - 1);
}

/* band = {lo, hi}, or nominal = x with dev = {lower, upper} (a drawing's tolerance,
   e.g. nominal 24, dev {0, 0.021} for 24 +0.021/0): lo <= hi */
static void read_band(lua_State *L, hh_rule *r, unsigned seen) {
  int by_band = !!(seen & B(RF_BAND)), by_nom = !!(seen & B(RF_NOMINAL)),
      by_dev = !!(seen & B(RF_DEV));
  if (by_band == (by_nom || by_dev) || by_nom != by_dev)
    hh_sbox_fail(L, HH_E_RUBRIC, "%s",
                 hh_tr("rule: a final band needs band = {lo, hi}, or nominal = with dev = {lower, upper}"));
  if (by_band) {
    read_pair(L, RF_BAND, &r->lo, &r->hi);
    if (!(r->lo <= r->hi))
      hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule.band: impossible band, lo %g > hi %g"), r->lo, r->hi);
    return;
  }
  double nominal = 0, lower = 0, upper = 0;
  hh_read_num(L, 1, "rule", "nominal", &nominal, 1);
  read_pair(L, RF_DEV, &lower, &upper);
  if (!(lower <= upper))
    hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule.dev: impossible tolerance, lower %g > upper %g"), lower,
                 upper);
  r->lo = nominal + lower;
  r->hi = nominal + upper;
}

/* action = "zero" | "end" | "zero_section" */
static hh_critical_action read_action(lua_State *L) {
  char action[16];
  hh_read_str(L, 1, "rule", "action", action, sizeof action, 1);
  if (strcmp(action, "zero") == 0) return HH_CRIT_ZERO;
  if (strcmp(action, "end") == 0) return HH_CRIT_END;
  if (strcmp(action, "zero_section") == 0) return HH_CRIT_ZERO_SECTION;
  hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule.action: unknown action '%s' (zero, end, zero_section)"),
               action);
}

/* a violation (threshold, order, precondition): action = ..., or points/cap */
static void read_violation(lua_State *L, hh_rule *r, unsigned seen, int k) {
  if (seen & B(RF_ACTION)) {
    static const int pts[] = {RF_POINTS, RF_PER_SECOND, RF_CAP};
    for (int j = 0; j < 3; j++)
      if (seen & B(pts[j]))
        hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule.%s: not used with action = (a violation is then a fault)"),
                     rf_name[pts[j]]);
    r->action = read_action(L);
    return;
  }
  if (!(seen & B(RF_CAP)))
    hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule.%s: missing (required by kind '%s')"), "cap",
                 kind_name[k]);
  r->per_second = (seen & B(RF_PER_SECOND)) ? rule_num(L, RF_PER_SECOND, 0, 10000, 0, "points/s") : 0;
  if (!(r->points > 0 || r->per_second > 0))
    hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule: a %s needs points > 0 or per_second > 0, or an action"),
                 kind_name[k]);
}

/* the second metric of an order / precondition rule: a flag or counter, not metric */
static int read_metric_b(lua_State *L, hh_rule *r, int f) {
  int id = read_metric(L, rf_name[f], "flag", "count");
  if (id == r->metric)
    hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule.%s: '%s' is the rule's own metric (it needs two different metrics)"),
                 rf_name[f], hh_metric_name(id));
  return id;
}

/* 1 when s is a valid rule id: lower-case letters, digits, _ */
static int rule_id_ok(const char *s) {
  if (!*s) return 0;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_')) return 0;
  return 1;
}

/* read the kind, section, id and texts of a rule; returns the kind index */
static int read_head(lua_State *L, hh_sctx *c, hh_rule *r) {
  hh_rubric *rb = &c->m->rubric;
  hh_read_str(L, 1, "rule", "id", r->id, sizeof r->id, 1);
  if (!rule_id_ok(r->id))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("rule.id: '%s' may use only a-z, 0-9 and _"), r->id);
  for (int i = 0; i < rb->n_rules; i++)
    if (strcmp(rb->rule[i].id, r->id) == 0)
      hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule.id: '%s' already used at line %d"), r->id,
                   c->line_rule[i]);
  char kind[32], sec[64];
  hh_read_str(L, 1, "rule", "kind", kind, sizeof kind, 1);
  int k = 0;
  while (kind_name[k] && strcmp(kind_name[k], kind) != 0) k++;
  if (!kind_name[k])
    hh_sbox_fail(L, HH_E_RUBRIC,
                 hh_tr("rule.kind: unknown kind '%s' (threshold, edge, critical, final_band, time_curve, order, precondition, judge)"),
                 kind);
  hh_read_str(L, 1, "rule", "section", sec, sizeof sec, 1);
  r->section = -1;
  for (int i = 0; i < rb->n_sections; i++)
    if (strcmp(rb->section_name[i], sec) == 0) r->section = i;
  if (r->section < 0)
    hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule.section: unknown section '%s' (declare it in rubric{})"),
                 sec);
  hh_read_str(L, 1, "rule", "en", r->text_en, sizeof r->text_en, 1);
  hh_read_str(L, 1, "rule", "zh", r->text_zh, sizeof r->text_zh, 1);
  read_cite(L, r);
  return k;
}

/* rule { id, section, kind, metric, ..., en, zh, cite = {standard, clause} } */
static int api_rule(lua_State *L) {
  static const char *const names[] = {"id", "section", "kind", "en", "zh", "cite", "metric",
                                      "when", "above", "below", "dwell", "points",
                                      "per_second", "cap", "band", "unit", "optimum",
                                      "zero_at", "action", "after", "requires", "limit",
                                      "nominal", "dev", "max", NULL};
  hh_sctx *c = hh_sbox_ctx(L);
  hh_read_arg(L, "rule");
  hh_rubric *rb = &c->m->rubric;
  if (!c->line_rubric)
    hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule{} before rubric{}: declare the rubric and its sections first"));
  if (rb->n_rules >= HH_MAX_RULES)
    hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule: too many rules (at most %d)"), HH_MAX_RULES);
  hh_read_known(L, 1, "rule", names);
  hh_rule r;
  memset(&r, 0, sizeof r);
  int k = read_head(L, c, &r);
  r.kind = (hh_rule_kind)(HH_RULE_THRESHOLD + k);
  unsigned seen = 0;
  for (int f = 0; f < RF_COUNT; f++) {
    lua_getfield(L, 1, rf_name[f]);
    if (!lua_isnil(L, -1)) seen |= B(f);
    lua_pop(L, 1);
  }
  for (int f = 0; f < RF_COUNT; f++) {
    if ((seen & B(f)) && !(kind_fields[k] & B(f)))
      hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule.%s: not used by kind '%s'"), rf_name[f],
                   kind_name[k]);
    if (!(seen & B(f)) && (kind_required[k] & B(f)))
      hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule.%s: missing (required by kind '%s')"), rf_name[f],
                   kind_name[k]);
  }
  /* the metric read, with the unit the kind needs */
  const char *u1 = NULL, *u2 = NULL;
  if (r.kind == HH_RULE_EDGE || r.kind == HH_RULE_ORDER || r.kind == HH_RULE_PRECONDITION) {
    u1 = "count";
    u2 = "flag";
  }
  if (r.kind == HH_RULE_CRITICAL) u1 = "flag";
  if (r.kind == HH_RULE_TIME_CURVE) u1 = "s";
  r.metric = (seen & B(RF_METRIC)) ? read_metric(L, "metric", u1, u2) : HH_M_TIME;
  r.when = (seen & B(RF_WHEN)) ? read_metric(L, "when", "flag", NULL) : -1;
  r.metric_b = -1;
  r.points = (seen & B(RF_POINTS)) ? rule_num(L, RF_POINTS, 0, 10000, 0, "points") : 0;
  r.cap = (seen & B(RF_CAP)) ? rule_num(L, RF_CAP, 0, 10000, 1, "points") : 0;
  switch (r.kind) {
  case HH_RULE_THRESHOLD:
    if (!!(seen & B(RF_ABOVE)) == !!(seen & B(RF_BELOW)))
      hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule: a threshold needs exactly one of above = or below ="));
    r.cmp = (seen & B(RF_ABOVE)) ? HH_CMP_GT : HH_CMP_LT;
    r.limit = rule_num(L, r.cmp == HH_CMP_GT ? RF_ABOVE : RF_BELOW, -1e12, 1e12, 0,
                       hh_metric_unit(r.metric));
    r.dwell_s = (seen & B(RF_DWELL)) ? rule_num(L, RF_DWELL, 0, 86400, 0, "s") : 0;
    read_violation(L, &r, seen, k);
    break;
  case HH_RULE_EDGE:
    if (!(r.points > 0)) hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule.points: must be above 0"));
    break;
  case HH_RULE_CRITICAL:
    r.action = read_action(L);
    break;
  case HH_RULE_FINAL_BAND:
    read_band(L, &r, seen);
    r.unit = rule_num(L, RF_UNIT, 0, 1e12, 1, hh_metric_unit(r.metric));
    if (!(r.points > 0)) hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule.points: must be above 0"));
    break;
  case HH_RULE_TIME_CURVE:
    r.optimum_s = rule_num(L, RF_OPTIMUM, 0, 86400, 1, "s");
    r.zero_factor = (seen & B(RF_ZERO_AT)) ? rule_num(L, RF_ZERO_AT, 1, 100, 1, "x optimum") : 1.5;
    r.hard_limit_s = (seen & B(RF_LIMIT)) ? rule_num(L, RF_LIMIT, 0, 864000, 1, "s") : 0;
    if (r.hard_limit_s > 0 && r.hard_limit_s < r.optimum_s)
      hh_sbox_fail(L, HH_E_RUBRIC, hh_tr("rule.limit: hard limit %g s is below the optimum %g s"),
                   r.hard_limit_s, r.optimum_s);
    break;
  case HH_RULE_ORDER:
    r.metric_b = read_metric_b(L, &r, RF_AFTER);
    read_violation(L, &r, seen, k);
    break;
  case HH_RULE_PRECONDITION:
    r.metric_b = read_metric_b(L, &r, RF_REQUIRES);
    r.dwell_s = (seen & B(RF_DWELL)) ? rule_num(L, RF_DWELL, 0, 86400, 0, "s") : 0;
    read_violation(L, &r, seen, k);
    break;
  case HH_RULE_JUDGE:
    r.cap = rule_num(L, RF_MAX, 0, 10000, 1, "points");
    break;
  }
  c->line_rule[rb->n_rules] = hh_sbox_line(L);
  rb->rule[rb->n_rules++] = r;
  return 0;
}

/* compile the rubric after the script returned (hh_rubric_compile): caps, sections,
   weights; fills c->err at the rule's (or rubric{}'s) line and returns its code */
int hh_rule_check(hh_sctx *c) {
  hh_rubric_problem p;
  memset(&p, 0, sizeof p);
  if (hh_rubric_compile(&c->m->rubric, &p) == HH_OK) return HH_OK;
  int line = p.rule >= 0 && p.rule < c->m->rubric.n_rules ? c->line_rule[p.rule] : c->line_rubric;
  return hh_error_set(&c->err, HH_E_RUBRIC, c->path, line > 0 ? line : 0, 0, "%s", p.text);
}

/* register rubric, rule as globals */
void hh_api_open_rubric(lua_State *L) {
  lua_register(L, "rubric", api_rubric);
  lua_register(L, "rule", api_rule);
}
