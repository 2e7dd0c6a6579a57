/* hh_gc_arc.c - G2/G3 geometry: centre from I/J/K or R, radius check, turns. */
#include "hh_gc_int.h"
#include "../../../core/hh_i18n.h"
#include <math.h>

/* plane axes: first, second (rotation first -> second is +) and the normal */
static void plane_axes(int plane, int *a, int *b, int *n) {
  if (plane == 18) { *a = 2; *b = 0; *n = 1; }
  else if (plane == 19) { *a = 1; *b = 2; *n = 0; }
  else { *a = 0; *b = 1; *n = 2; }
}

/* fill op (kind ARC) for an arc from c->m->pos to end in the active plane */
hh_code hh_gc_arc(hh_gc_ctx *c, int g, const double end[3], hh_canon_op *op) {
  const hh_gc_block *b = c->b;
  const double *s = c->m->pos;
  int a, bb, n;
  plane_axes(c->m->plane, &a, &bb, &n);
  int ccw = g == 3;
  double cen[3] = {s[0], s[1], s[2]};
  if (b->seen & HH_GC_BIT('R')) {
    double r = b->val['R' - 'A'] * c->unit;
    double da = end[a] - s[a], db = end[bb] - s[bb];
    double d = sqrt(da * da + db * db);
    if (d < 1e-12)
      return hh_gc_error(c, HH_E_GCODE_ARC, 'R', hh_tr("R-form arc with start = end"));
    double half = d / 2, ar = fabs(r);
    if (ar < half - 1e-9)
      return hh_gc_error(c, HH_E_GCODE_ARC, 'R',
                         hh_tr("arc radius %.4f is smaller than half the chord %.4f"),
                         ar / c->unit, half / c->unit);
    double h = ar > half ? sqrt(ar * ar - half * half) : 0.0;
    double sgn = (ccw ? 1.0 : -1.0) * (r > 0 ? 1.0 : -1.0);
    cen[a] = s[a] + da / 2 + sgn * h * (-db / d);
    cen[bb] = s[bb] + db / 2 + sgn * h * (da / d);
  } else {
    static const char L[3] = {'I', 'J', 'K'};
    int ia = a, ib = bb; /* I->x, J->y, K->z */
    double oa = (b->seen & HH_GC_BIT(L[ia])) ? b->val[L[ia] - 'A'] * c->unit : 0.0;
    double ob = (b->seen & HH_GC_BIT(L[ib])) ? b->val[L[ib] - 'A'] * c->unit : 0.0;
    cen[a] = s[a] + oa;
    cen[bb] = s[bb] + ob;
    double rs = hypot(s[a] - cen[a], s[bb] - cen[bb]);
    double re = hypot(end[a] - cen[a], end[bb] - cen[bb]);
    if (rs < 1e-9)
      return hh_gc_error(c, HH_E_GCODE_ARC, 0, hh_tr("arc with zero radius"));
    double diff = fabs(rs - re);
    if (diff > 2e-6 && diff > 1e-4 * rs)
      return hh_gc_error(c, HH_E_GCODE_ARC, 0,
                         hh_tr("arc start radius %.4f and end radius %.4f differ by %.4f"),
                         rs / c->unit, re / c->unit, diff / c->unit);
  }
  op->kind = HH_CANON_ARC;
  for (int i = 0; i < 3; i++) op->centre[i] = cen[i];
  op->centre[n] = s[n];
  op->axis = n;
  op->turns = ccw ? 1 : -1;
  return HH_OK;
}
