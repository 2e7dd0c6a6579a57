/* hh_script_read.c - typed field readers for the scenario API. Every problem names
 * the field by its path ("crane.trolley.max_speed") and is raised at the line of the
 * script call (HH_E_SCRIPT_FIELD).
 */
#include "hh_script_int.h"
#include "../core/hh_i18n.h"
#include <lauxlib.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* Lua type name of the value at idx, for messages */
const char *hh_read_typename(lua_State *L, int idx) { return luaL_typename(L, idx); }

/* argument 1 must be a table: "name{...}: expected a table" otherwise */
void hh_read_arg(lua_State *L, const char *fn) {
  if (lua_gettop(L) != 1 || !lua_istable(L, 1))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: expected one table argument, %s { ... }"),
                 fn, fn);
}

/* edit distance of two short names (for "did you mean") */
static int edit_distance(const char *a, const char *b) {
  int la = (int)strlen(a), lb = (int)strlen(b);
  if (la > 40 || lb > 40) return 99;
  int row[41];
  for (int j = 0; j <= lb; j++) row[j] = j;
  for (int i = 1; i <= la; i++) {
    int diag = row[0];
    row[0] = i;
    for (int j = 1; j <= lb; j++) {
      int up = row[j];
      int best = diag + (a[i - 1] != b[j - 1]);
      if (row[j] + 1 < best) best = row[j] + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[lb];
}

/* the name in names (NULL-terminated) closest to word within 2 edits, or NULL */
const char *hh_read_closest(const char *word, const char *const *names) {
  const char *best = NULL;
  int bestd = 3;
  for (int i = 0; names[i]; i++) {
    int d = edit_distance(word, names[i]);
    if (d < bestd) {
      bestd = d;
      best = names[i];
    }
  }
  return best;
}

/* fail on any key of the table at idx not in names (NULL-terminated); path names it */
void hh_read_known(lua_State *L, int idx, const char *path, const char *const *names) {
  idx = lua_absindex(L, idx);
  char worst[128] = "";
  int found = 0;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TSTRING)
      hh_sbox_fail(L, HH_E_SCRIPT_FIELD,
                   hh_tr("%s: unexpected %s key (fields are written name = value)"), path,
                   hh_read_typename(L, -1));
    const char *k = lua_tostring(L, -1);
    int known = 0;
    for (int i = 0; names[i] && !known; i++) known = strcmp(k, names[i]) == 0;
    if (!known && (!found || strcmp(k, worst) < 0)) { /* report the first by name */
      snprintf(worst, sizeof worst, "%s", k);
      found = 1;
    }
  }
  if (!found) return;
  const char *best = hh_read_closest(worst, names);
  if (best)
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s.%s: unknown field (did you mean '%s'?)"),
                 path, worst, best);
  hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s.%s: unknown field"), path, worst);
}

/* the value at top must be a finite number; returns it */
static double top_number(lua_State *L, const char *fpath) {
  if (lua_type(L, -1) != LUA_TNUMBER)
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: expected number, got %s"), fpath,
                 hh_read_typename(L, -1));
  double v = lua_tonumber(L, -1);
  if (!isfinite(v))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: expected a finite number"), fpath);
  return v;
}

/* v must lie in lo..hi (lo exclusive when pos); fails with code naming fpath */
void hh_read_range(lua_State *L, hh_code code, const char *fpath, double v, double lo,
                   double hi, int pos, const char *unit) {
  if ((pos ? v > lo : v >= lo) && v <= hi) return;
  if (pos)
    hh_sbox_fail(L, code, hh_tr("%s: %g is out of range (allowed: above %g, up to %g %s)"),
                 fpath, v, lo, hi, unit ? unit : "");
  hh_sbox_fail(L, code, hh_tr("%s: %g is out of range (allowed: %g to %g %s)"), fpath, v, lo,
               hi, unit ? unit : "");
}

/* v must lie in the field's range */
static void check_range(lua_State *L, const hh_field *f, const char *fpath, double v) {
  hh_read_range(L, HH_E_SCRIPT_FIELD, fpath, v, f->lo, f->hi, (f->flags & HH_F_POS) != 0,
                f->unit);
}

/* 1 when s[0..n) is valid UTF-8 without NUL bytes */
static int valid_utf8(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s, *e = p + n;
  while (p < e) {
    unsigned c = *p++;
    int more = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (c == 0 || more < 0 || (more == 1 && c < 0xC2) || e - p < more) return 0;
    for (int i = 0; i < more; i++)
      if ((*p++ >> 6) != 2) return 0;
  }
  return 1;
}

/* the value at top must be a string that fits size (with NUL); copies it */
static void top_string(lua_State *L, const char *fpath, char *buf, size_t size) {
  if (lua_type(L, -1) != LUA_TSTRING)
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: expected string, got %s"), fpath,
                 hh_read_typename(L, -1));
  size_t n;
  const char *s = lua_tolstring(L, -1, &n);
  if (n >= size)
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: too long (%zu bytes, at most %zu)"), fpath,
                 n, size - 1);
  if (!valid_utf8(s, n))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: not valid UTF-8 text"), fpath);
  memcpy(buf, s, n);
  buf[n] = '\0';
}

/* the value at top must be a list of min..max numbers; returns how many */
static int top_vector(lua_State *L, const char *fpath, int min, int max, double *out,
                      const char *shape) {
  if (!lua_istable(L, -1))
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: expected %s, got %s"), fpath, shape,
                 hh_read_typename(L, -1));
  int t = lua_gettop(L), keys = 0;
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    keys++;
  }
  int n = (int)lua_rawlen(L, t);
  if (n < min || n > max || keys != n)
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: expected %s"), fpath, shape);
  for (int i = 0; i < n; i++) {
    char ep[200];
    snprintf(ep, sizeof ep, "%s[%d]", fpath, i + 1);
    lua_rawgeti(L, t, i + 1);
    out[i] = top_number(L, ep);
    lua_pop(L, 1);
  }
  return n;
}

/* read one present field (value at top) into dst */
static void read_one(lua_State *L, const hh_field *f, const char *fpath, char *dst) {
  double v[4];
  switch (f->type) {
  case HH_F_NUM:
    v[0] = top_number(L, fpath);
    check_range(L, f, fpath, v[0]);
    *(double *)(dst + f->off) = v[0];
    break;
  case HH_F_INT:
  case HH_F_U32:
    v[0] = top_number(L, fpath);
    if (v[0] != floor(v[0]))
      hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: expected an integer, got %g"), fpath, v[0]);
    check_range(L, f, fpath, v[0]);
    if (f->type == HH_F_INT) *(int *)(dst + f->off) = (int)v[0];
    else *(uint32_t *)(dst + f->off) = (uint32_t)v[0];
    break;
  case HH_F_STR:
    top_string(L, fpath, dst + f->off, f->size);
    break;
  case HH_F_VEC2:
  case HH_F_VEC3: {
    int n = f->type == HH_F_VEC2 ? 2 : 3;
    top_vector(L, fpath, n, n, v, n == 2 ? hh_tr("{a, b} (2 numbers)")
                                         : hh_tr("{x, y, z} (3 numbers)"));
    for (int i = 0; i < n; i++) {
      char ep[200];
      snprintf(ep, sizeof ep, "%s[%d]", fpath, i + 1);
      check_range(L, f, ep, v[i]);
      ((double *)(dst + f->off))[i] = v[i];
    }
    break;
  }
  case HH_F_RGBA: {
    int n = top_vector(L, fpath, 3, 4, v, hh_tr("{r, g, b[, a]} (3 or 4 numbers 0..1)"));
    if (n == 3) v[3] = 1.0;
    for (int i = 0; i < 4; i++) {
      char ep[200];
      snprintf(ep, sizeof ep, "%s[%d]", fpath, i + 1);
      hh_read_range(L, HH_E_SCRIPT_FIELD, ep, v[i], 0.0, 1.0, 0, "");
      ((float *)(dst + f->off))[i] = (float)v[i];
    }
    break;
  }
  case HH_F_SUB:
    if (!lua_istable(L, -1))
      hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: expected table, got %s"), fpath,
                   hh_read_typename(L, -1));
    hh_read_fields(L, -1, fpath, f->sub, dst + f->off, NULL);
    break;
  }
}

/* read every field of spec from the table at idx into dst; keys outside spec and
   extra (NULL-terminated, read by the caller) are unknown-field errors */
void hh_read_fields(lua_State *L, int idx, const char *path, const hh_field *spec,
                    void *dst, const char *const *extra) {
  idx = lua_absindex(L, idx);
  const char *names[48];
  int n = 0, k = 0;
  while (spec[n].name && n < 40) {
    names[n] = spec[n].name;
    n++;
  }
  for (k = n; extra && extra[k - n] && k < 47; k++) names[k] = extra[k - n];
  names[k] = NULL;
  hh_read_known(L, idx, path, names);
  for (int i = 0; i < n; i++) {
    char fpath[160];
    snprintf(fpath, sizeof fpath, "%s.%s", path, spec[i].name);
    lua_getfield(L, idx, spec[i].name);
    if (lua_isnil(L, -1)) {
      if (spec[i].flags & HH_F_REQUIRED)
        hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: missing (required)"), fpath);
    } else {
      read_one(L, &spec[i], fpath, dst);
    }
    lua_pop(L, 1);
  }
}

/* read string field name (optional unless required) into buf; returns 1 if present */
int hh_read_str(lua_State *L, int idx, const char *path, const char *name, char *buf,
                size_t size, int required) {
  char fpath[160];
  snprintf(fpath, sizeof fpath, "%s.%s", path, name);
  lua_getfield(L, idx, name);
  int present = !lua_isnil(L, -1);
  if (present) top_string(L, fpath, buf, size);
  else if (required)
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: missing (required)"), fpath);
  lua_pop(L, 1);
  return present;
}

/* read number field name; returns 1 if present */
int hh_read_num(lua_State *L, int idx, const char *path, const char *name, double *out,
                int required) {
  char fpath[160];
  snprintf(fpath, sizeof fpath, "%s.%s", path, name);
  lua_getfield(L, idx, name);
  int present = !lua_isnil(L, -1);
  if (present) *out = top_number(L, fpath);
  else if (required)
    hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: missing (required)"), fpath);
  lua_pop(L, 1);
  return present;
}

/* read {en=..., zh=...} field name into two buffers */
void hh_read_text2(lua_State *L, int idx, const char *path, const char *name, char *en,
                   char *zh, size_t size, int required) {
  char fpath[160];
  static const char *const langs[] = {"en", "zh", NULL};
  idx = lua_absindex(L, idx);
  snprintf(fpath, sizeof fpath, "%s.%s", path, name);
  lua_getfield(L, idx, name);
  if (lua_isnil(L, -1)) {
    if (required) hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: missing (required)"), fpath);
  } else {
    if (!lua_istable(L, -1))
      hh_sbox_fail(L, HH_E_SCRIPT_FIELD, hh_tr("%s: expected {en = ..., zh = ...}, got %s"),
                   fpath, hh_read_typename(L, -1));
    hh_read_known(L, -1, fpath, langs);
    hh_read_str(L, lua_gettop(L), fpath, "en", en, size, 1);
    hh_read_str(L, lua_gettop(L), fpath, "zh", zh, size, 1);
  }
  lua_pop(L, 1);
}
