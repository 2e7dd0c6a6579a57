/* hh_gc_lathe.c - lathe simple cycles G90 (turning), G94 (facing), G92 (threading)
 * (the multiple repetitive cycles G70-G73 and G76 are in hh_gc_mrc.c). */
#include "hh_gc_int.h"
#include <string.h>

#define HAS(ch) (c->b->seen & HH_GC_BIT(ch))
#define VAL(ch) (c->b->val[(ch) - 'A'])

/* G90/G92/G94 from the current position (start point) to end, four moves */
hh_code hh_gc_lathe_cycle(hh_gc_ctx *c, int code, const double end[3]) {
  hh_gc_modal *m = c->m;
  hh_code r;
  double s[3] = {m->pos[0], m->pos[1], m->pos[2]};
  double taper = HAS('R') ? VAL('R') * c->unit : 0.0; /* radius (G90/G92) or z (G94) */
  double p[3];
  if (code == 90 || code == 92) {
    double p1[3] = {end[0] + taper, s[1], s[2]};
    if ((r = hh_gc_move(c, HH_CANON_RAPID, p1))) return r;
    if ((r = hh_gc_move(c, code == 92 ? HH_CANON_THREAD : HH_CANON_LINEAR, end))) return r;
    p[0] = s[0]; p[1] = s[1]; p[2] = end[2];
    if ((r = hh_gc_move(c, code == 92 ? HH_CANON_RAPID : HH_CANON_LINEAR, p))) return r;
    return hh_gc_move(c, HH_CANON_RAPID, s);
  }
  /* G94 facing: z first, feed x, feed back along z, rapid x back */
  double p1[3] = {s[0], s[1], end[2] + taper};
  if ((r = hh_gc_move(c, HH_CANON_RAPID, p1))) return r;
  if ((r = hh_gc_move(c, HH_CANON_LINEAR, end))) return r;
  p[0] = end[0]; p[1] = s[1]; p[2] = s[2];
  if ((r = hh_gc_move(c, HH_CANON_LINEAR, p))) return r;
  return hh_gc_move(c, HH_CANON_RAPID, s);
}
