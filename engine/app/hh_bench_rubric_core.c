/* hh_bench_rubric_core.c - the rubric benchmark proper, on a recorded metric track:
 * N rules compiled by hh_rubric_compile against the same rules as Lua closures called
 * every tick. Used by `haihe bench --rubric` (hh_bench_rubric.c) and by the stand-alone
 * tools/bench_rubric.c (a track file, no physics). A measurement, not a test.
 */
#define _GNU_SOURCE
#include "hh_bench_rubric.h"
#include "../core/hh_error.h"
#include "../core/hh_i18n.h"
#include <lauxlib.h>
#include <lualib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define C_REPEATS 15      /* best of, compiled rubric */
#define LUA_REPEATS 3     /* best of, Lua closures */
#define CAP 1000.0        /* each rule's cap (points): high, so rules keep deducting */

/* metrics the generated rules read */
static const int k_cont[] = {HH_M_SWAY_ANGLE, HH_M_SWAY_SPEED, HH_M_HOIST_HEIGHT,
                             HH_M_TROLLEY_SPEED, HH_M_HOIST_SPEED, HH_M_SPREADER_VZ,
                             HH_M_ROPE_TENSION, HH_M_TROLLEY_POS};
static const int k_flag[] = {HH_M_LANDED, HH_M_ALIGNED, HH_M_LOCKED, HH_M_UNLOCKED,
                             HH_M_LOADED, HH_M_NEAR_LANDING, HH_M_ON_TARGET};
#define N_CONT (int)(sizeof k_cont / sizeof k_cont[0])
#define N_FLAG (int)(sizeof k_flag / sizeof k_flag[0])

/* CPU time of this thread (s) */
static double cpu_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* ascending order of doubles for qsort */
static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* value of metric k below which fraction q of the track lies */
static double quantile(const hh_bench_track *t, int k, double q, double *scratch) {
  for (int i = 0; i < t->ticks; i++) scratch[i] = t->m[(size_t)i * HH_METRIC_COUNT + k];
  qsort(scratch, (size_t)t->ticks, sizeof *scratch, cmp_double);
  int at = (int)(q * (t->ticks - 1));
  return scratch[at];
}

/* n rules cycling through threshold above / below, edge, order, precondition, on
   metrics of the track, limits at quantiles so that they fire now and then */
static int make_rules(hh_rubric *rb, int n, const hh_bench_track *t, double *scratch) {
  memset(rb, 0, sizeof *rb);
  rb->n_sections = 1;
  snprintf(rb->section_name[0], sizeof rb->section_name[0], "bench");
  rb->max_score = CAP * n;
  rb->log_capacity = 1;
  for (int i = 0; i < n; i++) {
    hh_rule *r = &rb->rule[i];
    int j = i / 5;
    snprintf(r->id, sizeof r->id, "r%d", i);
    r->kind = HH_RULE_THRESHOLD;
    r->when = j % 3 == 2 ? HH_M_NEAR_LANDING : -1;
    r->metric_b = -1;
    r->points = 1;
    r->cap = CAP;
    double q = 0.50 + 0.045 * (double)(j % 10);
    switch (i % 5) {
    case 0:
    case 1:
      r->metric = k_cont[j % N_CONT];
      r->cmp = i % 5 == 0 ? HH_CMP_GT : HH_CMP_LT;
      r->limit = quantile(t, r->metric, i % 5 == 0 ? q : 1.0 - q, scratch);
      r->dwell_s = 0.1 * (double)(j % 4);
      break;
    case 2:
      r->kind = HH_RULE_EDGE;
      r->metric = j % 4 == 0 ? HH_M_COLLISIONS : k_flag[j % N_FLAG];
      break;
    case 3:
    case 4:
      r->kind = i % 5 == 3 ? HH_RULE_ORDER : HH_RULE_PRECONDITION;
      r->metric = k_flag[j % N_FLAG];
      r->metric_b = k_flag[(j + 1 + j / N_FLAG) % N_FLAG];
      if (r->metric_b == r->metric) r->metric_b = k_flag[(j + 2) % N_FLAG];
      r->dwell_s = r->kind == HH_RULE_PRECONDITION ? 0.2 : 0.0;
      break;
    }
  }
  rb->n_rules = n;
  hh_rubric_problem p;
  if (hh_rubric_compile(rb, &p) != HH_OK) {
    fprintf(stderr, "%s\n", p.text);
    return HH_E_INTERNAL;
  }
  return HH_OK;
}

/* best CPU seconds of one pass of the compiled rubric over the track (each sample sums
   enough passes for >= 2e6 rule evaluations; the state reset between passes is not
   timed); *ded = points of one pass */
static double time_c(const hh_rubric *rb, hh_rubric_state *st, hh_event *log,
                     const hh_bench_track *t, double *ded) {
  double per_pass = (double)t->ticks * rb->n_rules;
  int passes = per_pass >= 2e6 ? 1 : (int)ceil(2e6 / per_pass);
  double best = -1;
  for (int rep = 0; rep < C_REPEATS; rep++) {
    double sum = 0;
    for (int p = 0; p < passes; p++) {
      hh_rubric_reset(rb, st, log);
      double t0 = cpu_s();
      for (int k = 0; k < t->ticks; k++)
        hh_rubric_eval(rb, st, t->m + (size_t)k * HH_METRIC_COUNT, (uint64_t)k + 1,
                       (double)(k + 1) * t->dt, t->dt);
      sum += cpu_s() - t0;
    }
    double s = sum / passes;
    if (best < 0 || s < best) best = s;
  }
  *ded = 0;
  for (int i = 0; i < rb->n_rules; i++) *ded += st->r[i].deducted;
  return best;
}

/* append the Lua source of rule r: a closure over its own state reading the metrics
   table by name; called with m = nil it returns the points it took */
static void lua_rule(luaL_Buffer *b, const hh_rule *r) {
  char s[1024];
  const char *v = hh_metric_name(r->metric);
  char gate[96] = "true";
  if (r->when >= 0) snprintf(gate, sizeof gate, "m.%s ~= 0", hh_metric_name(r->when));
  const char *take = "local room = cap - ded; local got = pts < room and pts or room; "
                     "if got > 0 then ded = ded + got end";
  switch (r->kind) {
  case HH_RULE_THRESHOLD:
    snprintf(s, sizeof s,
             "R[#R+1] = (function() local beyond, counted, ded, cap, pts = 0, false, 0, %.17g, %.17g\n"
             " return function(m, dt) if m == nil then return ded end\n"
             "  if m.%s %s %.17g and %s then\n"
             "   beyond = beyond + dt\n"
             "   if beyond > %.17g + 1e-9 and not counted then counted = true; %s end\n"
             "  else beyond = 0; counted = false end end end)()\n",
             r->cap, r->points, v, r->cmp == HH_CMP_GT ? ">" : "<", r->limit, gate, r->dwell_s,
             take);
    break;
  case HH_RULE_EDGE:
    snprintf(s, sizeof s,
             "R[#R+1] = (function() local prev, ded, cap, pts1 = 0, 0, %.17g, %.17g\n"
             " return function(m, dt) if m == nil then return ded end\n"
             "  local v = m.%s; local rise = v - prev; prev = v\n"
             "  if rise > 0 and %s then local pts = pts1 * rise; %s end end end)()\n",
             r->cap, r->points, v, gate, take);
    break;
  case HH_RULE_ORDER:
    snprintf(s, sizeof s,
             "R[#R+1] = (function() local prev, seen, ded, cap, pts = 0, false, 0, %.17g, %.17g\n"
             " return function(m, dt) if m == nil then return ded end\n"
             "  if m.%s ~= 0 then seen = true end\n"
             "  local v = m.%s; local rise = v - prev; prev = v\n"
             "  if rise > 0 and not seen and %s then %s end end end)()\n",
             r->cap, r->points, hh_metric_name(r->metric_b), v, gate, take);
    break;
  default: /* HH_RULE_PRECONDITION */
    snprintf(s, sizeof s,
             "R[#R+1] = (function() local beyond, counted, ded, cap, pts = 0, false, 0, %.17g, %.17g\n"
             " return function(m, dt) if m == nil then return ded end\n"
             "  if m.%s ~= 0 and m.%s == 0 and %s then\n"
             "   beyond = beyond + dt\n"
             "   if beyond > %.17g + 1e-9 and not counted then counted = true; %s end\n"
             "  else beyond = 0; counted = false end end end)()\n",
             r->cap, r->points, v, hh_metric_name(r->metric_b), gate, r->dwell_s, take);
    break;
  }
  luaL_addstring(b, s);
}

/* best CPU seconds of one pass of the Lua closures over the track (the metrics the
   rules read copied into a table once per tick, then every closure called); *ded =
   points; < 0 on error */
static double time_lua(const hh_rubric *rb, const hh_bench_track *t, double *ded) {
  double best = -1;
  for (int rep = 0; rep < LUA_REPEATS; rep++) {
    lua_State *L = luaL_newstate();
    if (!L) return -1;
    luaL_openlibs(L);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addstring(&b, "R = {}\n");
    for (int i = 0; i < rb->n_rules; i++) lua_rule(&b, &rb->rule[i]);
    luaL_pushresult(&b);
    const char *src = lua_tostring(L, -1);
    if (luaL_loadbuffer(L, src, strlen(src), "=bench") || lua_pcall(L, 0, 0, 0)) {
      fprintf(stderr, "%s\n", lua_tostring(L, -1));
      lua_close(L);
      return -1;
    }
    lua_pop(L, 1);
    lua_getglobal(L, "R");
    int rules = lua_gettop(L);
    lua_newtable(L);
    int mt = lua_gettop(L);
    int n = rb->n_rules;
    int used[HH_METRIC_COUNT], n_used = 0; /* metrics the rules read */
    for (int j = 0; j < HH_METRIC_COUNT; j++) {
      int u = 0;
      for (int i = 0; i < n && !u; i++)
        u = rb->rule[i].metric == j || rb->rule[i].when == j || rb->rule[i].metric_b == j;
      if (u) used[n_used++] = j;
    }
    double t0 = cpu_s();
    for (int k = 0; k < t->ticks; k++) {
      const double *row = t->m + (size_t)k * HH_METRIC_COUNT;
      for (int u = 0; u < n_used; u++) {
        lua_pushnumber(L, row[used[u]]);
        lua_setfield(L, mt, hh_metric_name(used[u]));
      }
      for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, rules, i);
        lua_pushvalue(L, mt);
        lua_pushnumber(L, t->dt);
        lua_call(L, 2, 0);
      }
    }
    double s = cpu_s() - t0;
    if (best < 0 || s < best) best = s;
    *ded = 0;
    for (int i = 1; i <= n; i++) {
      lua_rawgeti(L, rules, i);
      lua_call(L, 0, 1);
      *ded += lua_tonumber(L, -1);
      lua_pop(L, 1);
    }
    lua_close(L);
  }
  return best;
}

/* print the benchmark table for 10, 100 and 1000 rules over track t; 0 or an error
   code (message on stderr) */
int hh_bench_rubric_track(const hh_bench_track *t, const char *source) {
  hh_rubric *rb = calloc(1, sizeof *rb);
  hh_rubric_state *st = calloc(1, sizeof *st);
  hh_event *log = calloc(HH_RUBRIC_LOG_MAX, sizeof *log);
  double *scratch = malloc((size_t)(t->ticks + 1) * sizeof *scratch);
  int rc = HH_OK;
  if (!rb || !st || !log || !scratch || t->ticks < 1) {
    fprintf(stderr, "%s\n", hh_tr("out of memory"));
    rc = HH_E_NOMEM;
  }
  if (!rc) {
    printf(hh_tr("Rubric benchmark: metric track of %s under its autopilot, %d ticks (%.1f s), one core\n"),
           source, t->ticks, t->ticks * t->dt);
    printf("%s\n", hh_tr("rules  compiled ns/rule/tick  Lua ns/rule/tick  ratio  points (compiled = Lua)"));
  }
  static const int sizes[] = {10, 100, 1000};
  for (int s = 0; !rc && s < 3; s++) {
    int n = sizes[s];
    if (make_rules(rb, n, t, scratch) != HH_OK) {
      fprintf(stderr, "%s\n", hh_tr("benchmark rubric did not compile"));
      rc = HH_E_INTERNAL;
      break;
    }
    double dc = 0, dl = 0;
    double sc = time_c(rb, st, log, t, &dc);
    double sl = time_lua(rb, t, &dl);
    if (sl < 0) {
      fprintf(stderr, "%s\n", hh_tr("Lua baseline failed"));
      rc = HH_E_INTERNAL;
      break;
    }
    double per = (double)t->ticks * n;
    double nc = 1e9 * sc / per, nl = 1e9 * sl / per;
    printf("%5d  %21.2f  %16.1f  %5.0fx  %.0f %s %.0f\n", n, nc, nl, nc > 0 ? nl / nc : 0.0,
           dc, fabs(dc - dl) < 1e-6 ? "=" : "!=", dl);
    if (fabs(dc - dl) >= 1e-6) fprintf(stderr, "%s\n", hh_tr("compiled and Lua rubrics disagree"));
  }
  if (!rc) printf("%s\n", hh_tr("Target: at most 10 ns per rule per tick, at least 50x faster than Lua."));
  free(scratch);
  free(log);
  free(st);
  free(rb);
  return rc;
}
