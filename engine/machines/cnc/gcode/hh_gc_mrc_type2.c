/* hh_gc_mrc_type2.c - G71/G72 type II roughing passes (contours with pockets).
 *
 * Pass order (FANUC 0i-TD/TF operator's manual, "G71 type II", as described in the
 * issue-4 brief; the same shape as LinuxCNC 2.9 interp_g7x.cc, g7x::pocket, which
 * roughs a region level by level, then moves along the contour to the next pocket and
 * roughs that one; the code here is our own):
 *   1. the region open to the start point: passes along Z (G71; along X for G72) every
 *      depth of cut from the start level down, each from the start side to where the
 *      contour + allowance rises through the level, 45-degree retract e, rapid back;
 *   2. then each pocket in turn, in contour order: out to the start level (rapid, in
 *      the air already cut), along to the pocket's entry side, rapid down to e above
 *      the level cut over it, feed in, cut across the pocket at that level, retract e
 *      at 45 degrees (never further back than half the pass), and so on down the
 *      pocket level by level; a pocket split by a lower crest continues in its first
 *      part and the part behind the crest is cut next, as a pocket of its own;
 *   3. back to the start point; the caller then cuts once along the contour + allowance.
 * Every feed pass at level L lies where the contour + allowance is below L, so the
 * roughing never cuts past the allowance; every rapid lies in material already removed
 * (each pocket's levels are nested inside the level above, cut earlier).
 *
 * Frame: t = sa * (coordinate along the passes), u = sd * (depth coordinate); the
 * stock lies at larger u, the contour runs towards larger t. All lengths in m. */
#include "hh_gc_int.h"
#include <math.h>
#include <string.h>

#define EPS 1e-9
#define NBP (2 * HH_GC_PROFILE + 4) /* crossings of one level: two per arc at most */

typedef struct r2 {
  const hh_gc_interp *in;
  int dp, ax;         /* depth axis (0 = X for G71, 2 = Z for G72), pass axis */
  double sd, sa;      /* +1/-1: stock side along dp, contour direction along ax */
  double al[3];       /* m: finishing allowance (radius X, -, Z) */
  double tA, uA;      /* cycle start point in the frame */
  double t0, f0;      /* contour start (after the approach block) */
  double tB;          /* contour end */
  double depth, e;    /* m: depth of cut, retract */
} r2;

/* arc k in the ZX plane: radius, start angle (from +Z towards +X, as the machine
   interpolates it) and signed sweep */
static void arc_of(const hh_gc_pseg *s, double *R, double *a0, double *d) {
  *R = hypot(s->s[0] - s->cen[0], s->s[2] - s->cen[2]);
  *a0 = atan2(s->s[0] - s->cen[0], s->s[2] - s->cen[2]);
  double a1 = atan2(s->e[0] - s->cen[0], s->e[2] - s->cen[2]);
  *d = a1 - *a0;
  if (s->turns >= 0) { while (*d <= 1e-12) *d += 2 * M_PI; }
  else { while (*d >= -1e-12) *d -= 2 * M_PI; }
}

/* point at fraction lam of contour segment k, shifted by the allowance, in the frame */
static void seg_pt(const r2 *g, int k, double lam, double *t, double *u) {
  const hh_gc_pseg *s = &g->in->prof[k];
  double p[3] = {s->e[0], 0, s->e[2]};
  if (lam <= 0.0) {
    p[0] = s->s[0], p[2] = s->s[2];
  } else if (lam < 1.0 && s->kind != HH_CANON_ARC) {
    for (int i = 0; i < 3; i += 2) p[i] = s->s[i] + lam * (s->e[i] - s->s[i]);
  } else if (lam < 1.0) {
    double R, a0, d;
    arc_of(s, &R, &a0, &d);
    p[0] = s->cen[0] + R * sin(a0 + lam * d);
    p[2] = s->cen[2] + R * cos(a0 + lam * d);
  }
  *t = g->sa * (p[g->ax] + g->al[g->ax]);
  *u = g->sd * (p[g->dp] + g->al[g->dp]);
}

/* append to bp[] the t of every point where segment k crosses or touches level L */
static int seg_cross(const r2 *g, int k, double L, double *bp, int n) {
  const hh_gc_pseg *s = &g->in->prof[k];
  double ts, us, te, ue;
  seg_pt(g, k, 0.0, &ts, &us);
  seg_pt(g, k, 1.0, &te, &ue);
  if (s->kind != HH_CANON_ARC) {
    if ((us - L) * (ue - L) > 0 || n >= NBP) return n;
    if (fabs(ue - us) < 1e-15) { bp[n++] = ts; if (n < NBP) bp[n++] = te; return n; }
    bp[n++] = ts + (L - us) / (ue - us) * (te - ts);
    return n;
  }
  /* arc: split where it is extreme along the depth axis, then one bisection on each
     monotonic piece */
  double R, a0, d, cut[8];
  int nc = 0;
  arc_of(s, &R, &a0, &d);
  cut[nc++] = 0.0;
  for (int m = -6; m <= 6; m++) {
    double lam = ((g->dp == 0 ? M_PI / 2 : 0.0) + m * M_PI - a0) / d;
    if (lam > 1e-12 && lam < 1 - 1e-12 && nc < 7) cut[nc++] = lam;
  }
  cut[nc++] = 1.0;
  for (int i = 1; i < nc; i++)
    for (int j = i; j > 0 && cut[j] < cut[j - 1]; j--) {
      double x = cut[j]; cut[j] = cut[j - 1]; cut[j - 1] = x;
    }
  for (int i = 0; i + 1 < nc && n < NBP; i++) {
    double lo = cut[i], hi = cut[i + 1], lt, lu, ht, hu;
    seg_pt(g, k, lo, &lt, &lu);
    seg_pt(g, k, hi, &ht, &hu);
    if ((lu - L) * (hu - L) > 0) continue;
    for (int it = 0; it < 60; it++) {
      double mid = 0.5 * (lo + hi), mt, mu;
      seg_pt(g, k, mid, &mt, &mu);
      if ((lu - L) * (mu - L) <= 0) hi = mid;
      else { lo = mid; lu = mu; }
    }
    seg_pt(g, k, 0.5 * (lo + hi), &lt, &lu);
    bp[n++] = lt;
  }
  return n;
}

/* u of the contour + allowance at t (the start level before the contour, +inf after) */
static double f_at(const r2 *g, double t) {
  if (t <= g->t0) return g->f0;
  if (t > g->tB) return HUGE_VAL;
  for (int k = 1; k < g->in->nprof; k++) {
    double ts, us, te, ue;
    seg_pt(g, k, 0.0, &ts, &us);
    seg_pt(g, k, 1.0, &te, &ue);
    if (te - ts < 1e-15 || t < ts || t > te) continue;
    if (g->in->prof[k].kind != HH_CANON_ARC) return us + (t - ts) / (te - ts) * (ue - us);
    double lo = 0, hi = 1; /* type II arcs are monotonic in t */
    for (int it = 0; it < 60; it++) {
      double mid = 0.5 * (lo + hi), mt, mu;
      seg_pt(g, k, mid, &mt, &mu);
      if (mt < t) lo = mid;
      else hi = mid;
    }
    double mt, mu;
    seg_pt(g, k, 0.5 * (lo + hi), &mt, &mu);
    return mu;
  }
  return HUGE_VAL;
}

/* the intervals of t in [tA, tB] where the contour + allowance lies below level L,
   in order, each wider than EPS; returns their number */
static int spans(const r2 *g, double L, double *a, double *b) {
  double bp[NBP];
  int n = 0;
  bp[n++] = g->tA;
  for (int k = 1; k < g->in->nprof; k++) n = seg_cross(g, k, L, bp, n);
  if (n < NBP) bp[n++] = g->tB;
  for (int i = 1; i < n; i++) /* insertion sort: nearly sorted already */
    for (int j = i; j > 0 && bp[j] < bp[j - 1]; j--) {
      double x = bp[j]; bp[j] = bp[j - 1]; bp[j - 1] = x;
    }
  int m = 0, open = 0;
  for (int i = 0; i + 1 < n; i++) {
    double p = fmax(bp[i], g->tA), q = fmin(bp[i + 1], g->tB);
    if (q - p <= EPS) continue;
    int below = f_at(g, 0.5 * (p + q)) < L - EPS;
    if (below && open && fabs(p - b[m - 1]) <= EPS) b[m - 1] = q; /* touching: merge */
    else if (below) { a[m] = p; b[m] = q; m++; }
    open = below;
  }
  int w = 0;
  for (int i = 0; i < m; i++)
    if (b[i] - a[i] > EPS) { a[w] = a[i]; b[w] = b[i]; w++; }
  return w;
}

/* index of the interval holding t, -1 if none */
static int holder(const double *a, const double *b, int n, double t) {
  for (int i = 0; i < n; i++)
    if (t >= a[i] - EPS && t <= b[i] + EPS) return i;
  return -1;
}

/* level k (the depth of cut times k below the start) */
static double level(const r2 *g, int k) { return g->uA - g->depth * k; }

/* (a1, k1) comes before (a2, k2): along the contour, then from the top down */
static int before(double a1, int k1, double a2, int k2) {
  return a1 < a2 - EPS || (fabs(a1 - a2) <= EPS && k1 < k2);
}

/* the first pocket top after (pa, pk): an interval that is not the first piece of the
   interval above it (or any interval of the first level); 0 if there is none */
static int next_top(const r2 *g, double pa, int pk, int *kt, double *at, double *bt) {
  double pa_[NBP], pb_[NBP], ca[NBP], cb[NBP];
  int np = 0, found = 0;
  for (int k = 1; k < 100000; k++) {
    int nc = spans(g, level(g, k), ca, cb);
    if (!nc) break;
    int last_parent = -2;
    for (int i = 0; i < nc; i++) { /* the first piece of a parent continues it */
      int par = k == 1 ? -1 : holder(pa_, pb_, np, 0.5 * (ca[i] + cb[i]));
      int top = k == 1 || par < 0 || par == last_parent;
      last_parent = par;
      if (!top || !before(pa, pk, ca[i], k)) continue;
      if (!found || before(ca[i], k, *at, *kt)) {
        *kt = k, *at = ca[i], *bt = cb[i];
        found = 1;
      }
    }
    memcpy(pa_, ca, sizeof(double) * nc);
    memcpy(pb_, cb, sizeof(double) * nc);
    np = nc;
  }
  return found;
}

/* move of kind to (t, u) in the frame, skipped when already there */
static hh_code mv(hh_gc_ctx *c, const r2 *g, hh_canon_kind kind, double t, double u) {
  double P[3];
  memcpy(P, c->m->pos, sizeof P);
  P[g->ax] = g->sa * t;
  P[g->dp] = g->sd * u;
  if (fabs(P[g->ax] - c->m->pos[g->ax]) < 1e-12 && fabs(P[g->dp] - c->m->pos[g->dp]) < 1e-12)
    return HH_OK;
  return hh_gc_move(c, kind, P);
}

/* current position in the frame */
static void here(hh_gc_ctx *c, const r2 *g, double *t, double *u) {
  *t = g->sa * c->m->pos[g->ax];
  *u = g->sd * c->m->pos[g->dp];
}

/* rough one pocket (or the start region) from its top interval (k, a, b) down */
static hh_code cut_chain(hh_gc_ctx *c, const r2 *g, hh_canon_kind in_kind, int k, double a,
                         double b) {
  double ca[NBP], cb[NBP], t, u;
  hh_code r;
  for (int first = 1;; first = 0) {
    double L = level(g, k), above = fmin(level(g, k - 1) + g->e, g->uA);
    int open = a <= g->tA + EPS; /* reached from the start side, not over a wall */
    if (first && !open) { /* out to the start level, along, down over the entry */
      here(c, g, &t, &u);
      if ((r = mv(c, g, HH_CANON_RAPID, t, g->uA)) || (r = mv(c, g, HH_CANON_RAPID, a, g->uA)))
        return r;
    }
    here(c, g, &t, &u);
    if ((r = mv(c, g, HH_CANON_RAPID, open ? g->tA : a, first ? fmin(u, above) : u)))
      return r;
    if ((r = mv(c, g, open ? in_kind : HH_CANON_LINEAR, open ? g->tA : a, L)) ||
        (r = mv(c, g, HH_CANON_LINEAR, b, L)))
      return r;
    double back = open ? g->e : fmin(g->e, 0.5 * (b - a));
    if ((r = mv(c, g, HH_CANON_RAPID, b - back, L + g->e))) return r;
    int n = spans(g, level(g, k + 1), ca, cb), i = 0; /* the next level's first piece */
    while (i < n && !(0.5 * (ca[i] + cb[i]) > a && 0.5 * (ca[i] + cb[i]) < b)) i++;
    if (i == n) return HH_OK;
    k++, a = ca[i], b = cb[i];
  }
}

/* G71 (dp = 0) / G72 (dp = 2) type II roughing passes from the start point A, in the
   order above; ends back at A. al: allowance; in_kind: move kind of the first block */
hh_code hh_gc_rough_type2(hh_gc_ctx *c, int dp, const double al[3], hh_canon_kind in_kind) {
  const hh_gc_interp *in = c->in;
  r2 g;
  memset(&g, 0, sizeof g);
  g.in = in;
  g.dp = dp, g.ax = 2 - dp;
  memcpy(g.al, al, sizeof g.al);
  const double *A = c->m->pos, *A1 = in->prof[0].e, *B = in->prof[in->nprof - 1].e;
  g.sd = A[dp] > A1[dp] + al[dp] ? 1.0 : -1.0;
  g.sa = B[g.ax] < A1[g.ax] ? -1.0 : 1.0;
  g.tA = g.sa * A[g.ax], g.uA = g.sd * A[dp];
  g.t0 = g.sa * (A1[g.ax] + al[g.ax]), g.f0 = g.sd * (A1[dp] + al[dp]);
  g.tB = g.sa * (B[g.ax] + al[g.ax]);
  g.depth = c->m->mrc_depth > 0 ? c->m->mrc_depth : 0.001;
  g.e = c->m->mrc_retract > 0 ? c->m->mrc_retract : 0.0005;
  double As[3];
  memcpy(As, A, sizeof As);
  double pa = -HUGE_VAL, at = 0, bt = 0;
  int pk = 0, kt = 0;
  hh_code r;
  while (next_top(&g, pa, pk, &kt, &at, &bt)) {
    if ((r = cut_chain(c, &g, in_kind, kt, at, bt))) return r;
    pa = at, pk = kt;
  }
  double t, u;
  here(c, &g, &t, &u);
  if ((r = mv(c, &g, HH_CANON_RAPID, t, g.uA))) return r;
  return mv(c, &g, HH_CANON_RAPID, g.sa * As[g.ax], g.uA);
}
