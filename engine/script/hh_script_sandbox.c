/* hh_script_sandbox.c - the Lua state a scenario runs in: a capped allocator, an
 * instruction-count hook, only safe libraries, a deterministic pairs(), and protected
 * calls whose errors are located at file:line of the script.
 */
#include "hh_script_int.h"
#include "../core/hh_i18n.h"
#include <lauxlib.h>
#include <lualib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* pairs() in key order (numbers, then strings, then booleans) so that a script that
   iterates a table builds the same model on every run (Lua's string hash is seeded);
   setmetatable() refuses __gc, since finalizers run with hooks off (no loop limit) */
static const char sbox_prelude[] =
    "local next, type, sort, error = next, type, table.sort, error\n"
    "local rank = {number = 1, string = 2, boolean = 3}\n"
    "local function before(a, b)\n"
    "  local ta, tb = type(a), type(b)\n"
    "  if ta ~= tb then return (rank[ta] or 4) < (rank[tb] or 4) end\n"
    "  if ta == 'number' or ta == 'string' then return a < b end\n"
    "  if ta == 'boolean' then return b and not a end\n"
    "  return false\n"
    "end\n"
    "local setmt, rawget = setmetatable, rawget\n"
    "function setmetatable(t, mt)\n"
    "  if type(mt) == 'table' and rawget(mt, '__gc') ~= nil then\n"
    "    error('__gc finalizers are not allowed in scenarios', 2)\n"
    "  end\n"
    "  return setmt(t, mt)\n"
    "end\n"
    "function pairs(t)\n"
    "  if type(t) ~= 'table' then\n"
    "    error(\"bad argument #1 to 'pairs' (table expected, got \" .. type(t) .. ')', 2)\n"
    "  end\n"
    "  local keys, n = {}, 0\n"
    "  for k in next, t do n = n + 1; keys[n] = k end\n"
    "  sort(keys, before)\n"
    "  local i = 0\n"
    "  return function()\n"
    "    i = i + 1\n"
    "    local k = keys[i]\n"
    "    if k ~= nil then return k, t[k] end\n"
    "  end, t, nil\n"
    "end\n";

/* globals removed from the base library: file access, code loading, GC control,
   output, and error catching (so limit and field errors cannot be swallowed) */
static const char *const sbox_banned[] = {"dofile", "loadfile", "load", "loadstring",
                                          "require", "collectgarbage", "print", "warn",
                                          "pcall", "xpcall", NULL};

/* the loader context of a state */
hh_sctx *hh_sbox_ctx(lua_State *L) { return *(hh_sctx **)lua_getextraspace(L); }

/* 1 when the debug record ar belongs to the scenario script's own chunk */
static int is_script_frame(const hh_sctx *c, const lua_Debug *ar) {
  return ar->source[0] == '@' && strcmp(ar->source + 1, c->path) == 0 &&
         ar->currentline > 0;
}

/* line of the innermost Lua function of the script on the stack (0 if none) */
int hh_sbox_line(lua_State *L) {
  hh_sctx *c = hh_sbox_ctx(L);
  lua_Debug ar;
  for (int level = 0; lua_getstack(L, level, &ar); level++) {
    if (!lua_getinfo(L, "Sl", &ar)) break;
    if (is_script_frame(c, &ar)) return ar.currentline;
  }
  return 0;
}

/* allocator with a cap on the total heap; refusing a new object records the line */
static void *sbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  hh_sctx *c = ud;
  size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    free(ptr);
    c->mem_used -= old;
    return NULL;
  }
  if (nsize > old && c->mem_used - old + nsize > c->mem_limit) {
    /* only a new object: while Lua grows a stack its frames are not readable */
    if (c->L && !ptr && !c->mem_line) c->mem_line = hh_sbox_line(c->L);
    return NULL;
  }
  void *p = realloc(ptr, nsize);
  if (p) c->mem_used = c->mem_used - old + nsize;
  return p;
}

/* record a located error (first wins) and raise it in Lua; never returns */
int hh_sbox_fail(lua_State *L, hh_code code, const char *fmt, ...) {
  hh_sctx *c = hh_sbox_ctx(L);
  char msg[HH_ERROR_TEXT];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (c->err.code == HH_OK && c->L)
    hh_error_set(&c->err, code, c->path, hh_sbox_line(L), 0, "%s", msg);
  lua_pushstring(L, msg);
  lua_error(L);
  abort(); /* lua_error does not return */
}

/* count hook: stop a runaway script once the instruction budget is spent */
static void sbox_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  hh_sctx *c = hh_sbox_ctx(L);
  c->insns += HH_SCRIPT_HOOK_STEP;
  if (c->L) c->hook_line = hh_sbox_line(L);
  if (c->insns <= c->insn_limit) return;
  lua_sethook(L, sbox_hook, LUA_MASKCOUNT, 1); /* any further instruction fails too */
  hh_sbox_fail(L, HH_E_SCRIPT_LIMIT, "%s",
               hh_tr("instruction limit reached (infinite loop?)"));
}

/* split "file:line: text" where file names the script; returns text, *line set */
static const char *split_location(const hh_sctx *c, const char *msg, int *line) {
  const char *p = msg;
  while ((p = strchr(p, ':')) != NULL) {
    const char *d = p + 1;
    int n = 0;
    while (*d >= '0' && *d <= '9') n = n * 10 + (*d++ - '0');
    if (d > p + 1 && d[0] == ':' && d[1] == ' ') {
      size_t plen = (size_t)(p - msg), flen = strlen(c->path);
      int same = plen == flen && strncmp(msg, c->path, plen) == 0;
      int tail = plen > 3 && strncmp(msg, "...", 3) == 0 && plen - 3 <= flen &&
                 strncmp(msg + 3, c->path + flen - (plen - 3), plen - 3) == 0;
      if (same || tail) {
        *line = n;
        return d + 2;
      }
      return msg;
    }
    p++;
  }
  return msg;
}

/* record a Lua error message as a located error of the given code */
static void record_lua_error(hh_sctx *c, hh_code code, const char *msg, int line) {
  if (c->err.code != HH_OK) return;
  int at = 0;
  const char *text = split_location(c, msg ? msg : "?", &at);
  hh_error_set(&c->err, code, c->path, at ? at : line, 0, "%s", text);
}

/* message handler: locate a plain runtime error at the script line that raised it */
static int sbox_msgh(lua_State *L) {
  hh_sctx *c = hh_sbox_ctx(L);
  const char *msg = lua_tostring(L, 1);
  if (!msg) msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  record_lua_error(c, HH_E_SCRIPT_RUNTIME, msg, hh_sbox_line(L));
  return 1;
}

/* open the allowed libraries, drop unsafe globals, run the prelude, add the API */
static int sbox_setup(lua_State *L) {
  luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
  luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
  luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
  luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
  luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
  lua_pop(L, 5);
  for (int i = 0; sbox_banned[i]; i++) {
    lua_pushnil(L);
    lua_setglobal(L, sbox_banned[i]);
  }
  lua_getglobal(L, LUA_STRLIBNAME); /* no bytecode out of string.dump */
  lua_pushnil(L);
  lua_setfield(L, -2, "dump");
  lua_pop(L, 1);
  lua_getglobal(L, LUA_MATHLIBNAME); /* math.random: fixed seed, not re-seedable */
  lua_getfield(L, -1, "randomseed");
  lua_pushinteger(L, 0);
  lua_call(L, 1, 0);
  lua_pushnil(L);
  lua_setfield(L, -2, "randomseed");
  lua_pop(L, 1);
  if (luaL_loadbufferx(L, sbox_prelude, sizeof sbox_prelude - 1, "=sandbox", "t"))
    return lua_error(L);
  lua_call(L, 0, 0);
  hh_api_open(L);
  hh_api_open_rubric(L);
  return 0;
}

/* new state with capped allocator, hook, safe libraries and the scenario API */
lua_State *hh_sbox_open(hh_sctx *c) {
  if (!c->mem_limit) c->mem_limit = HH_SCRIPT_MEM_LIMIT;
  if (!c->insn_limit) c->insn_limit = HH_SCRIPT_INSN_LIMIT;
  lua_State *L = lua_newstate(sbox_alloc, c);
  if (!L) return NULL;
  *(hh_sctx **)lua_getextraspace(L) = c;
  lua_sethook(L, sbox_hook, LUA_MASKCOUNT, HH_SCRIPT_HOOK_STEP);
  c->L = L;
  lua_pushcfunction(L, sbox_setup);
  if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
    record_lua_error(c, HH_E_INTERNAL, lua_tostring(L, -1), 0);
    hh_sbox_close(c);
    return NULL;
  }
  return L;
}

/* close the state; a small instruction budget bounds any finalizer */
void hh_sbox_close(hh_sctx *c) {
  lua_State *L = c->L;
  if (!L) return;
  c->L = NULL; /* errors raised from here on are not the script's result */
  c->insn_limit = c->insns + 1000000;
  lua_close(L);
}

/* load the text chunk and run it protected; fills c->err on failure; returns code */
int hh_sbox_run(hh_sctx *c, const char *buf, size_t len) {
  lua_State *L = c->L;
  char chunk[300];
  snprintf(chunk, sizeof chunk, "@%s", c->path);
  lua_pushcfunction(L, sbox_msgh);
  int st = luaL_loadbufferx(L, buf, len, chunk, "t");
  if (st == LUA_OK) st = lua_pcall(L, 0, 0, -2);
  else if (st == LUA_ERRSYNTAX)
    record_lua_error(c, HH_E_SCRIPT_SYNTAX, lua_tostring(L, -1), 0);
  if (c->err.code != HH_OK) return c->err.code;
  if (st == LUA_ERRMEM)
    return hh_error_set(&c->err, HH_E_SCRIPT_LIMIT, c->path,
                        c->mem_line ? c->mem_line : c->hook_line, 0,
                        hh_tr("memory limit reached (%u MiB)"),
                        (unsigned)(c->mem_limit >> 20));
  if (st != LUA_OK)
    record_lua_error(c, HH_E_SCRIPT_RUNTIME, lua_tostring(L, -1), hh_sbox_line(L));
  return c->err.code;
}
