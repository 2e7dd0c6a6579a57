/* hh_gc_int.h - interpreter internals shared by the read, check and convert phases.
 *
 * Index:
 *   hh_gc_read     words of one source line into an hh_gc_block (phase 1)
 *   hh_gc_check    modal groups, repeated/missing/unused words, ranges (phase 2)
 *   hh_gc_convert  canonical operations out, modal state committed (phase 3)
 *   hh_gc_exec     read + check + convert one line
 *   hh_gc_emit     send one op to the sink (stamps line)
 *   hh_gc_mill_cycle   G73/G74/G76/G81-G89 at one hole position
 *   hh_gc_lathe_cycle  G90/G92/G94 simple cycles, G70/G71/G72 repetitive cycles
 *   hh_gc_arc      G2/G3 geometry (centre, turns) in the active plane
 */
#ifndef HH_GC_INT_H
#define HH_GC_INT_H
#include "hh_gcode.h"

#define HH_GC_MAX_G 12
#define HH_GC_MAX_M 6
#define HH_GC_BIT(c) (1u << ((c) - 'A'))

/* One block after reading: letter words, G and M lists, comment. */
typedef struct hh_gc_block {
  int line;                 /* 1-based source line */
  unsigned seen;            /* HH_GC_BIT(letter) for each word other than G, M */
  double val[26];           /* value of each letter word (program units) */
  int col[26];              /* 1-based column of each letter word */
  int frac[26];             /* 1 if the word had a decimal point (letters in seen) */
  unsigned fracbits;        /* HH_GC_BIT(letter) for each word with a decimal point */
  int g[HH_GC_MAX_G], gcol[HH_GC_MAX_G], ng;
  int m[HH_GC_MAX_M], mcol[HH_GC_MAX_M], nm;
  char comment[HH_CANON_TEXT];
  int has_comment, is_msg;
  int deleted;              /* block delete '/' and the switch is on */
  int has_o;                /* O number at the start (subprogram header) */
  int empty;                /* nothing to do */
} hh_gc_block;

/* What the checker decided a block does (after validation, before committing). */
typedef struct hh_gc_plan {
  int motion;               /* group 01 code in the block, -1 none */
  int cycle;                /* group 09 code in the block, -1 none */
  int nonmodal;             /* 4 10 28 50 53 65 70 71 72 73 76 92(mill), -1 none */
  int plane, units, dist, feedmode, comp, length, retract, wcs, css; /* -1 = none */
  int spindle;              /* 3 4 5, -1 */
  int coolant;              /* 7 8 9, -1 */
  int toolchange;           /* 1 if M6 */
  int flow;                 /* 0 1 2 30 98 99, -1 */
  int move;                 /* effective motion for axis words: 0..3, 32, 90, 92, 94,
                               100+cycle, -1 none */
  int axes;                 /* 1 if any X Y Z U W word */
} hh_gc_plan;

hh_code hh_gc_read(hh_gc_interp *in, const char *text, int line, hh_gc_block *b,
                   hh_error *err);
hh_code hh_gc_check(hh_gc_interp *in, const hh_gc_block *b, hh_gc_plan *p,
                    hh_error *err);
hh_code hh_gc_convert(hh_gc_interp *in, const hh_gc_block *b, const hh_gc_plan *p,
                      const hh_canon_sink *sink, hh_error *err);
hh_code hh_gc_exec(hh_gc_interp *in, const char *text, int line,
                   const hh_canon_sink *sink, hh_error *err);
/* memcpy / memset through the C library's own functions (hh_gc_program.c): for blocks
   of a few hundred bytes the compiler would inline `rep movs` / `rep stos`, whose
   start-up cost dominated the per-block copies of the modal state and of an op */
void hh_gc_copy(void *dst, const void *src, size_t n);
void hh_gc_zero(void *dst, size_t n);

/* context passed through convert helpers */
typedef struct hh_gc_ctx {
  hh_gc_interp *in;
  hh_gc_modal *m;           /* working copy of the modal state */
  const hh_gc_block *b;
  const hh_canon_sink *sink;
  hh_error *err;
  double unit;              /* m per program unit */
} hh_gc_ctx;

hh_code hh_gc_emit(hh_gc_ctx *c, hh_canon_op *op);
hh_code hh_gc_move(hh_gc_ctx *c, hh_canon_kind kind, const double end[3]);
hh_code hh_gc_error(hh_gc_ctx *c, hh_code code, char letter, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
hh_code hh_gc_arc(hh_gc_ctx *c, int g, const double end[3], hh_canon_op *op);
hh_code hh_gc_mill_cycle(hh_gc_ctx *c, int cycle, const double hole[3], int first);
hh_code hh_gc_lathe_cycle(hh_gc_ctx *c, int code, const double end[3]);
hh_code hh_gc_lathe_mrc(hh_gc_ctx *c, int code);
/* G71 (dp 0) / G72 (dp 2) type II roughing passes, back at the start (hh_gc_mrc_type2.c) */
hh_code hh_gc_rough_type2(hh_gc_ctx *c, int dp, const double al[3], hh_canon_kind in_kind);
/* radius compensation look-ahead (hh_gc_comp.c) */
int hh_gc_cc_holds(const hh_gc_ctx *c, const hh_canon_op *op);
hh_code hh_gc_cc_queue(hh_gc_ctx *c, const hh_canon_op *op, int z_only);
hh_code hh_gc_cc_flush(hh_gc_ctx *c);
hh_code hh_gc_cc_move(hh_gc_ctx *c, hh_gc_cseg *s2);

#endif
