/* hh_script_int.h - internals shared by the scenario loader's files (not public).
 *
 * Files by job:
 *   hh_script.c          hh_script_load: read, run, validate, commit
 *   hh_script_sandbox.c  Lua state: capped allocator, count hook, libraries, pcall
 *   hh_script_read.c     typed field readers that name the field and the caller's line
 *   hh_script_api.c      scenario, crane, box, container, target
 *   hh_script_rule.c     rubric, rule
 *   hh_script_check.c    whole-model validation after the script returned
 */
#ifndef HH_SCRIPT_INT_H
#define HH_SCRIPT_INT_H
#include "hh_script.h"
#include <lua.h>
#include <stddef.h>

#define HH_SCRIPT_MEM_LIMIT (64u << 20)     /* bytes of Lua heap */
#define HH_SCRIPT_INSN_LIMIT 100000000LL    /* VM instructions */
#define HH_SCRIPT_HOOK_STEP 1000            /* instructions between hook calls */
#define HH_SCRIPT_MAX_BYTES (4u << 20)      /* largest script file */

/* Loader context: one per hh_script_load, reached from Lua through the extra space. */
typedef struct hh_sctx {
  const char *path;         /* script path (error file name) */
  hh_model *m;              /* staging model the API writes */
  hh_error err;             /* first error (sticky: code != 0 once set) */
  lua_State *L;             /* set while the script may run */
  size_t mem_used, mem_limit;
  long long insns, insn_limit;
  int mem_line;             /* script line when the allocator refused a new object */
  int hook_line;            /* script line at the last count hook */
  /* which once-only calls were made, and the line of each call (0 = not made) */
  int line_scenario, line_crane, line_container, line_target, line_rubric;
  int line_yard;            /* yard{} (hh_script_yard.c) */
  int line_sea, line_wind, line_vessel, line_ocrane; /* marine calls (hh_script_marine.c) */
  int line_ship, line_berth; /* ship{}, berth{} (hh_script_ship.c) */
  int line_cnc, line_stock;  /* cnc{}, stock{} (hh_script_cnc.c) */
  int line_box[HH_MAX_BOXES];
  int line_rule[HH_MAX_RULES];
} hh_sctx;

/* ---- sandbox (hh_script_sandbox.c) */
/* new state with capped allocator, hook, safe libraries and the scenario API */
lua_State *hh_sbox_open(hh_sctx *c);
/* close the state; a tiny instruction budget bounds finalizers */
void hh_sbox_close(hh_sctx *c);
/* load text chunk and run it protected; fills c->err on failure; returns code */
int hh_sbox_run(hh_sctx *c, const char *buf, size_t len);
/* the loader context of a state */
hh_sctx *hh_sbox_ctx(lua_State *L);
/* line of the innermost Lua function of the script on the stack (0 if none) */
int hh_sbox_line(lua_State *L);
/* record a located error (first wins) and raise it in Lua; never returns */
int hh_sbox_fail(lua_State *L, hh_code code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4), noreturn));

/* ---- field readers (hh_script_read.c) */
typedef enum hh_ftype {
  HH_F_NUM = 1,  /* double, finite */
  HH_F_INT,      /* integer stored as int */
  HH_F_U32,      /* integer stored as uint32_t */
  HH_F_STR,      /* UTF-8 string into a char[size] */
  HH_F_VEC2,     /* {a, b} into double[2] */
  HH_F_VEC3,     /* {x, y, z} into double[3] */
  HH_F_RGBA,     /* {r, g, b[, a]} in 0..1 into float[4] */
  HH_F_SUB       /* nested table read with sub spec */
} hh_ftype;

enum {
  HH_F_REQUIRED = 1,  /* missing is an error */
  HH_F_POS = 2,       /* must be > lo (else >= lo) */
};

/* One field of a table: name, type, where it goes, its range and unit. */
typedef struct hh_field {
  const char *name;
  hh_ftype type;
  size_t off;                    /* offset in the destination struct */
  size_t size;                   /* HH_F_STR: buffer size */
  double lo, hi;                 /* allowed range (each component for vectors) */
  int flags;
  const char *unit;              /* for messages, e.g. "m/s" */
  const struct hh_field *sub;    /* HH_F_SUB: fields of the nested table */
} hh_field;

/* terminates a field spec list */
#define HH_FIELD_END {NULL, 0, 0, 0, 0, 0, 0, NULL, NULL}

/* argument 1 must be a table: "name{...}: expected a table" otherwise */
void hh_read_arg(lua_State *L, const char *fn);
/* fail on any key of the table at idx not in names (NULL-terminated); path names it */
void hh_read_known(lua_State *L, int idx, const char *path, const char *const *names);
/* read every field of spec from the table at idx into dst; keys outside spec and
   extra (NULL-terminated, read by the caller) are unknown-field errors */
void hh_read_fields(lua_State *L, int idx, const char *path, const hh_field *spec,
                    void *dst, const char *const *extra);
/* read string field name (optional unless required) into buf; returns 1 if present */
int hh_read_str(lua_State *L, int idx, const char *path, const char *name, char *buf,
                size_t size, int required);
/* read number field name; returns 1 if present */
int hh_read_num(lua_State *L, int idx, const char *path, const char *name, double *out,
                int required);
/* read {en=..., zh=...} field name into two buffers */
void hh_read_text2(lua_State *L, int idx, const char *path, const char *name, char *en,
                   char *zh, size_t size, int required);
/* like hh_read_text2, and also fr, th, ar, es, ru, pt, de, vi (optional) into the
   model's per-language slots: field 0 = title, 1 = brief (hh_script_text.c) */
void hh_read_text_tr(lua_State *L, int idx, const char *path, const char *name, char *en,
                     char *zh, size_t size, hh_model *m, int field);
/* v must lie in lo..hi (lo exclusive when pos); fails with code naming fpath */
void hh_read_range(lua_State *L, hh_code code, const char *fpath, double v, double lo,
                   double hi, int pos, const char *unit);
/* the name in names (NULL-terminated) closest to word within 2 edits, or NULL */
const char *hh_read_closest(const char *word, const char *const *names);
/* Lua type name of the value at idx, for messages */
const char *hh_read_typename(lua_State *L, int idx);

/* ---- API (hh_script_api.c, hh_script_rule.c) */
/* register scenario, crane, box, container, target as globals */
void hh_api_open(lua_State *L);
/* register rubric, rule as globals */
void hh_api_open_rubric(lua_State *L);
/* compile the rubric after the script returned; fills c->err and returns its code */
int hh_rule_check(hh_sctx *c);
/* register yard as a global (hh_script_yard.c) */
void hh_api_open_yard(lua_State *L);
/* register sea, wind, vessel, offshore_crane (hh_script_marine.c) */
void hh_api_open_marine(lua_State *L);
/* sample sea, wind and vessel after the script returned (hh_script_marine.c) */
int hh_marine_check(hh_sctx *c);
/* register ship, berth, tug as globals (hh_script_ship.c) */
void hh_api_open_ship(lua_State *L);
/* cross-field checks of a ship scenario after the script returned (hh_script_ship.c) */
int hh_check_ship(hh_sctx *c);
/* register cnc, stock, fixture, tool, work_offset, program, gauge, surface (hh_script_cnc.c) */
void hh_api_open_cnc(lua_State *L);
/* cross-field checks of a CNC scenario after the script returned (hh_script_cnc.c) */
int hh_check_cnc(hh_sctx *c);

/* ---- validation (hh_script_check.c) */
/* check the whole staging model; fills c->err and returns its code on a problem */
int hh_check_model(hh_sctx *c);

#endif
