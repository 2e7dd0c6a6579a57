/* hh_gc_mrc.c - lathe multiple repetitive cycles (FANUC 0i two-block forms):
 * G71 rough turning and G72 rough facing (type I here, type II passes with pockets in
 * hh_gc_mrc_type2.c), G73 pattern repeat, G70 finish
 * along the contour P..Q, G76 multi-pass threading. The contour is read from the
 * loaded program into in->prof (fixed size, no allocation). */
#include "hh_gc_int.h"
#include "../../../core/hh_i18n.h"
#include <math.h>
#include <string.h>

#define HAS(ch) (c->b->seen & HH_GC_BIT(ch))
#define VAL(ch) (c->b->val[(ch) - 'A'])
#define EPS 1e-9

/* sequence number N at the start of a source line, -1 if none */
static int line_n(const char *s) {
  while (*s == ' ' || *s == '\t' || *s == '/') s++;
  if (*s != 'N' && *s != 'n') return -1;
  s++;
  while (*s == ' ') s++;
  if (*s < '0' || *s > '9') return -1;
  int n = 0;
  while (*s >= '0' && *s <= '9' && n < 100000000) n = n * 10 + (*s++ - '0');
  return n;
}

/* index of the line holding sequence number n at or after line `from`, else before */
static int find_n(const hh_gc_program *pr, int n, int from) {
  for (int i = from; i < pr->nlines; i++)
    if (line_n(pr->line[i]) == n) return i;
  for (int i = 0; i < from && i < pr->nlines; i++)
    if (line_n(pr->line[i]) == n) return i;
  return -1;
}

/* read blocks P..Q into in->prof starting at the current position; *qline = index of
   the Q line; rapid0 = the first block is G0; both0 = it gives X and Z (type II) */
static hh_code load_contour(hh_gc_ctx *c, int ns, int nf, int *qline, int *rapid0,
                            int *both0) {
  hh_gc_interp *in = c->in;
  const hh_gc_program *pr = in->prog;
  if (!pr)
    return hh_gc_error(c, HH_E_GCODE_CYCLE, 'P', "%s",
                       hh_tr("G70-G73 need a loaded program (not MDI)"));
  int at = find_n(pr, ns, c->b->line), end = at >= 0 ? find_n(pr, nf, at) : -1;
  if (at < 0)
    return hh_gc_error(c, HH_E_GCODE_CYCLE, 'P', hh_tr("contour start block N%d not found"), ns);
  if (end < at)
    return hh_gc_error(c, HH_E_GCODE_CYCLE, 'Q',
                       hh_tr("contour end block N%d not found after N%d"), nf, ns);
  if (end - at + 1 > HH_GC_PROFILE)
    return hh_gc_error(c, HH_E_GCODE_CYCLE, 'Q', hh_tr("contour longer than %d blocks"),
                       HH_GC_PROFILE);
  hh_gc_modal tm = *c->m; /* contour modal state: motion, feed, position */
  hh_gc_block blk;
  hh_gc_ctx tc = *c;
  tc.m = &tm;
  tc.b = &blk;
  tc.sink = NULL;
  double dx = in->setup.diameter_mode ? 0.5 : 1.0;
  in->nprof = 0;
  int motion = -1;
  const unsigned ok = HH_GC_BIT('N') | HH_GC_BIT('X') | HH_GC_BIT('U') | HH_GC_BIT('Z') |
                      HH_GC_BIT('W') | HH_GC_BIT('R') | HH_GC_BIT('I') | HH_GC_BIT('K') |
                      HH_GC_BIT('F') | HH_GC_BIT('S');
  for (int i = at; i <= end; i++) {
    hh_code r = hh_gc_read(in, pr->line[i], i + 1, &blk, c->err);
    if (r) return r;
    if (blk.empty || blk.deleted) continue;
    int bad = blk.nm > 0 || (blk.seen & ~ok);
    for (int g = 0; g < blk.ng; g++) {
      if (blk.g[g] <= 3) motion = blk.g[g];
      else bad = 1;
    }
    if (bad)
      return hh_error_set(c->err, HH_E_GCODE_CYCLE, pr->name, i + 1, 1, "%s",
                          hh_tr("contour blocks may hold only G0-G3, X Z U W R I K F S"));
    if (i == at && (motion < 0 || motion > 1))
      return hh_error_set(c->err, HH_E_GCODE_CYCLE, pr->name, i + 1, 1, "%s",
                          hh_tr("the first contour block must be G0 or G1"));
    if (i == at) {
      *rapid0 = motion == 0;
      *both0 = (blk.seen & (HH_GC_BIT('X') | HH_GC_BIT('U'))) &&
               (blk.seen & (HH_GC_BIT('Z') | HH_GC_BIT('W')));
    }
    if (motion < 0) motion = tm.motion;
    if (blk.seen & HH_GC_BIT('F'))
      tm.feed = blk.val['F' - 'A'] * c->unit * (tm.feed_per_rev ? 1.0 : 1.0 / 60.0);
    double e[3];
    memcpy(e, tm.pos, sizeof e);
    if (blk.seen & HH_GC_BIT('X')) e[0] = blk.val['X' - 'A'] * c->unit * dx;
    if (blk.seen & HH_GC_BIT('U')) e[0] = tm.pos[0] + blk.val['U' - 'A'] * c->unit * dx;
    if (blk.seen & HH_GC_BIT('Z')) e[2] = blk.val['Z' - 'A'] * c->unit;
    if (blk.seen & HH_GC_BIT('W')) e[2] = tm.pos[2] + blk.val['W' - 'A'] * c->unit;
    if (!(blk.seen & (HH_GC_BIT('X') | HH_GC_BIT('U') | HH_GC_BIT('Z') | HH_GC_BIT('W'))))
      continue;
    hh_gc_pseg *sg = &in->prof[in->nprof];
    memset(sg, 0, sizeof *sg);
    sg->line = i + 1;
    memcpy(sg->s, tm.pos, sizeof sg->s);
    memcpy(sg->e, e, sizeof sg->e);
    sg->feed = tm.feed;
    sg->kind = motion == 0 ? HH_CANON_RAPID : HH_CANON_LINEAR;
    if (motion >= 2) {
      hh_canon_op op;
      memset(&op, 0, sizeof op);
      tm.plane = 18;
      if ((r = hh_gc_arc(&tc, motion, e, &op))) return r;
      sg->kind = HH_CANON_ARC;
      memcpy(sg->cen, op.centre, sizeof sg->cen);
      sg->turns = op.turns;
    }
    memcpy(tm.pos, e, sizeof tm.pos);
    in->nprof++;
  }
  if (in->nprof < 2)
    return hh_gc_error(c, HH_E_GCODE_CYCLE, 'P', "%s",
                       hh_tr("the contour P..Q needs at least two moves"));
  *qline = end;
  return HH_OK;
}

/* emit one contour segment shifted by off[] as a feed move (kind kept for rapids) */
static hh_code contour_move(hh_gc_ctx *c, const hh_gc_pseg *sg, const double off[3],
                            double feed, int keep_rapid) {
  hh_canon_op *op = &c->in->scratch;
  memset(op, 0, sizeof *op);
  op->kind = sg->kind == HH_CANON_RAPID && !keep_rapid ? HH_CANON_LINEAR : sg->kind;
  memcpy(op->start, c->m->pos, sizeof op->start);
  for (int i = 0; i < 3; i++) op->end[i] = sg->e[i] + off[i];
  if (sg->kind == HH_CANON_ARC) {
    for (int i = 0; i < 3; i++) op->centre[i] = sg->cen[i] + off[i];
    op->centre[1] = op->start[1];
    op->axis = 1;
    op->turns = sg->turns;
  }
  op->feed = feed;
  op->feed_mode = c->m->feed_per_rev;
  memcpy(c->m->pos, op->end, sizeof c->m->pos);
  return hh_gc_emit(c, op);
}

/* straight move of kind to (x, z) keeping y */
static hh_code go(hh_gc_ctx *c, hh_canon_kind kind, double x, double z) {
  double e[3] = {x, c->m->pos[1], z};
  return hh_gc_move(c, kind, e);
}

/* coordinate along axis `ax` where the shifted contour, from segment `from` on, first
   rises past level L on depth axis `dp` (falls back below it if !up; sd: +1 stock at
   larger values); returns the segment index + 1, 0 if none */
static int crossing(const hh_gc_interp *in, int dp, int ax, double L, double sd,
                    const double off[3], int from, int up, double *out) {
  for (int k = from; k < in->nprof; k++) {
    const hh_gc_pseg *g = &in->prof[k];
    double s = (g->s[dp] + off[dp] - L) * sd, e = (g->e[dp] + off[dp] - L) * sd;
    if (up ? !(s <= EPS && e > EPS) : !(s > EPS && e <= EPS)) continue;
    if (g->kind != HH_CANON_ARC) {
      double t = (L - g->s[dp] - off[dp]) / (g->e[dp] - g->s[dp]);
      *out = g->s[ax] + off[ax] + t * (g->e[ax] - g->s[ax]);
      return k + 1;
    }
    double cd = g->cen[dp] + off[dp], ca = g->cen[ax] + off[ax];
    double R = hypot(g->s[dp] - g->cen[dp], g->s[ax] - g->cen[ax]);
    double h2 = R * R - (L - cd) * (L - cd), h = h2 > 0 ? sqrt(h2) : 0.0;
    double lo = fmin(g->s[ax], g->e[ax]) + off[ax] - EPS;
    double hi = fmax(g->s[ax], g->e[ax]) + off[ax] + EPS;
    double a1 = ca + h, a2 = ca - h;
    *out = (a1 >= lo && a1 <= hi) ? a1 : a2;
    return k + 1;
  }
  return 0;
}

/* G71 (dp = x) / G72 (dp = z): roughing passes parallel to the other axis, then one
   pass along the contour shifted by the finishing allowance, back to the start; type II
   (two2) passes, pockets included, in FANUC's order: hh_gc_mrc_type2.c */
static hh_code rough(hh_gc_ctx *c, int code, const double al[3], int rapid0, int two2) {
  hh_gc_interp *in = c->in;
  hh_gc_modal *m = c->m;
  int dp = code == 71 ? 0 : 2, ax = 2 - dp;
  double A[3];
  memcpy(A, m->pos, sizeof A);
  const double *A1 = in->prof[0].e, *B = in->prof[in->nprof - 1].e;
  double sd = A[dp] > A1[dp] + al[dp] ? 1.0 : -1.0;
  double sa = B[ax] < A1[ax] ? -1.0 : 1.0;
  if (fabs(A[dp] - A1[dp] - al[dp]) < EPS)
    return hh_gc_error(c, HH_E_GCODE_CYCLE, 0, "%s",
                       hh_tr("the contour start lies at the cycle start: nothing to cut"));
  for (int k = 1; k < in->nprof; k++) {
    const hh_gc_pseg *g = &in->prof[k];
    if (two2 && (g->e[ax] - g->s[ax]) * sa < -EPS)
      return hh_error_set(c->err, HH_E_GCODE_CYCLE, in->prog->name, g->line, 1,
                          hh_tr("G%d type II contour must be monotonic in %c"), code,
                          dp == 0 ? 'Z' : 'X');
    if (!two2 && ((g->e[dp] - g->s[dp]) * sd < -EPS || (g->e[ax] - g->s[ax]) * sa < -EPS))
      return hh_error_set(c->err, HH_E_GCODE_CYCLE, in->prog->name, g->line, 1,
                          hh_tr("G%d type I contour must be monotonic in %c and %c"), code,
                          dp == 0 ? 'X' : 'Z', dp == 0 ? 'Z' : 'X');
  }
  double depth = m->mrc_depth > 0 ? m->mrc_depth : 0.001;
  double e = m->mrc_retract > 0 ? m->mrc_retract : 0.0005;
  double bottom = A1[dp] + al[dp];
  hh_canon_kind in_kind = rapid0 ? HH_CANON_RAPID : HH_CANON_LINEAR;
  double P[3];
  hh_code r;
  if (two2 && (r = hh_gc_rough_type2(c, dp, al, in_kind))) return r;
  for (int k = 1; !two2 && k < 100000; k++) {
    double L = A[dp] - sd * depth * k;
    if ((L - bottom) * sd <= EPS) break;
    double stop;
    if (!crossing(in, dp, ax, L, sd, al, 1, 1, &stop)) stop = B[ax] + al[ax];
    if ((stop - A[ax]) * sa <= EPS) continue;
    memcpy(P, m->pos, sizeof P);
    P[dp] = L;
    if ((r = hh_gc_move(c, in_kind, P))) return r;
    P[ax] = stop;
    if ((r = hh_gc_move(c, HH_CANON_LINEAR, P))) return r;
    P[dp] = L + sd * e;
    P[ax] = stop - sa * e;
    if ((r = hh_gc_move(c, HH_CANON_RAPID, P))) return r;
    P[ax] = A[ax];
    if ((r = hh_gc_move(c, HH_CANON_RAPID, P))) return r;
  }
  /* along the contour shifted by the allowance */
  double e0[3] = {A1[0] + al[0], A[1], A1[2] + al[2]};
  if ((r = hh_gc_move(c, in_kind, e0))) return r;
  for (int k = 1; k < in->nprof; k++)
    if ((r = contour_move(c, &in->prof[k], al, m->feed, 0))) return r;
  return go(c, HH_CANON_RAPID, A[0], A[2]);
}

/* G73: R passes along the contour, the relief shrinking evenly to the allowance */
static hh_code pattern(hh_gc_ctx *c, const double al[3], int rapid0) {
  hh_gc_interp *in = c->in;
  hh_gc_modal *m = c->m;
  double A[3];
  memcpy(A, m->pos, sizeof A);
  int n = m->g73_passes > 0 ? m->g73_passes : 1;
  hh_code r;
  for (int k = 1; k <= n; k++) {
    double f = n > 1 ? (double)(n - k) / (n - 1) : 0.0;
    double off[3] = {al[0] + f * m->g73_relief[0], 0.0, al[2] + f * m->g73_relief[2]};
    const double *A1 = in->prof[0].e;
    double p0[3] = {A1[0] + off[0], A[1], A1[2] + off[2]};
    if ((r = hh_gc_move(c, rapid0 ? HH_CANON_RAPID : HH_CANON_LINEAR, p0))) return r;
    for (int j = 1; j < in->nprof; j++)
      if ((r = contour_move(c, &in->prof[j], off, m->feed, 0))) return r;
    if ((r = go(c, HH_CANON_RAPID, A[0], A[2]))) return r;
  }
  return HH_OK;
}

/* G70: the contour itself at its own feeds, then back to the start */
static hh_code finish(hh_gc_ctx *c) {
  hh_gc_interp *in = c->in;
  double A[3], zero[3] = {0, 0, 0};
  memcpy(A, c->m->pos, sizeof A);
  hh_code r;
  if (c->m->comp != 40) { /* nose radius compensation: through the look-ahead */
    for (int k = 0; k <= in->nprof; k++) {
      hh_gc_cseg s2;
      memset(&s2, 0, sizeof s2);
      memcpy(s2.ps, c->m->pos, sizeof s2.ps);
      if (k == in->nprof) {
        s2.kind = HH_CANON_RAPID;
        memcpy(s2.pe, A, sizeof s2.pe);
        s2.feed = c->m->feed;
      } else {
        const hh_gc_pseg *g = &in->prof[k];
        s2.kind = g->kind;
        memcpy(s2.pe, g->e, sizeof s2.pe);
        memcpy(s2.cen, g->cen, sizeof s2.cen);
        s2.turns = g->turns;
        s2.feed = g->feed;
      }
      s2.feed_mode = c->m->feed_per_rev;
      if ((r = hh_gc_cc_move(c, &s2))) return r;
    }
    return HH_OK;
  }
  for (int k = 0; k < in->nprof; k++)
    if ((r = contour_move(c, &in->prof[k], zero, in->prof[k].feed, 1))) return r;
  return go(c, HH_CANON_RAPID, A[0], A[2]);
}

/* one G76 pass at depth d: rapid in, thread to the end (or to the run-out start, then
   a 45-degree threaded pull-out of length ch), rapid out and back to the start Z */
static hh_code pass76(hh_gc_ctx *c, const double A[3], const double E[3], double x,
                      double zs, double taper, double lead, double ch, double sx,
                      double sz) {
  double p[3] = {x + taper, A[1], zs};
  double q[3] = {x, A[1], E[2] - sz * ch};
  hh_code r;
  if ((r = go(c, HH_CANON_RAPID, A[0], zs)) || (r = hh_gc_move(c, HH_CANON_RAPID, p)))
    return r;
  for (int seg = 0; seg < (ch > EPS ? 2 : 1); seg++) {
    hh_canon_op *op = &c->in->scratch;
    memset(op, 0, sizeof *op);
    op->kind = HH_CANON_THREAD;
    memcpy(op->start, c->m->pos, sizeof op->start);
    if (seg == 1) { /* run-out: out by ch (no further than the start X) to the end Z */
      double out = fmin(ch, (A[0] - x) * sx);
      q[0] = x + sx * out;
      q[2] = E[2];
    }
    memcpy(op->end, q, sizeof op->end);
    op->feed = lead;
    op->feed_mode = 1;
    memcpy(c->m->pos, q, sizeof c->m->pos);
    if ((r = hh_gc_emit(c, op))) return r;
  }
  return go(c, HH_CANON_RAPID, A[0], E[2]);
}

/* G76 second block: passes of constant chip area down to the thread height */
static hh_code thread76(hh_gc_ctx *c) {
  hh_gc_modal *m = c->m;
  double dxm = c->in->setup.diameter_mode ? 0.5 : 1.0;
  double A[3], E[3];
  memcpy(A, m->pos, sizeof A);
  memcpy(E, A, sizeof E);
  if (HAS('X')) E[0] = VAL('X') * c->unit * dxm;
  if (HAS('U')) E[0] = A[0] + VAL('U') * c->unit * dxm;
  if (HAS('Z')) E[2] = VAL('Z') * c->unit;
  if (HAS('W')) E[2] = A[2] + VAL('W') * c->unit;
  double taper = HAS('R') ? VAL('R') * c->unit : 0.0;
  double um = m->inch ? 2.54e-6 : 1e-6; /* least increment: 0.001 mm / 0.0001 in */
  double k = VAL('P') * um, d1 = VAL('Q') * um;
  double lead = HAS('F') ? VAL('F') * c->unit : m->feed;
  double sx = A[0] > E[0] ? 1.0 : -1.0; /* outside thread: depth towards smaller X */
  double sz = E[2] < A[2] ? -1.0 : 1.0;
  double crest = E[0] + sx * k; /* the thread's major (outside) radius at the end */
  if ((A[0] - crest) * sx < -EPS)
    return hh_gc_error(c, HH_E_GCODE_CYCLE, 0, "%s",
                       hh_tr("G76 start point lies inside the thread height"));
  double tana = tan((m->g76_angle > 0 ? m->g76_angle : 0) * 0.5 * 3.14159265358979323846 / 180);
  double dmin = m->g76_min, allow = m->g76_allow;
  if (allow >= k)
    return hh_gc_error(c, HH_E_GCODE_CYCLE, 'P', "%s",
                       hh_tr("G76 finishing allowance is not smaller than the thread height"));
  double ch = m->g76_chamfer * 0.1 * lead; /* run-out length along Z */
  if (ch > EPS && ch >= fabs(E[2] - A[2] - sz * k * tana) - EPS)
    return hh_gc_error(c, HH_E_GCODE_CYCLE, 'P', "%s",
                       hh_tr("G76 thread run-out is not shorter than the thread"));
  hh_code r;
  double prev = 0;
  int fin = m->g76_finish > 0 ? m->g76_finish : 1;
  for (int n = 1;; n++) {
    double d = d1 * sqrt((double)n);
    if (d - prev < dmin) d = prev + dmin;
    int last = 0;
    if (d >= k - allow - EPS) { d = k - allow; last = 1; }
    if (d > prev + EPS || n == 1) {
      if ((r = pass76(c, A, E, crest - sx * d, A[2] + sz * d * tana, taper, lead, ch, sx,
                      sz)))
        return r;
      prev = d;
    }
    if (last) break;
  }
  /* finishing passes at the full height */
  for (int f = 0; f < fin; f++)
    if ((r = pass76(c, A, E, crest - sx * k, A[2] + sz * k * tana, taper, lead, ch, sx, sz)))
      return r;
  return go(c, HH_CANON_RAPID, A[0], A[2]);
}

/* G70 G71 G72 G73 G76 (first blocks store their words; second blocks run) */
hh_code hh_gc_lathe_mrc(hh_gc_ctx *c, int code) {
  hh_gc_modal *m = c->m;
  double dx = c->in->setup.diameter_mode ? 0.5 : 1.0;
  if (code == 76) {
    if (!(c->b->seen & (HH_GC_BIT('X') | HH_GC_BIT('Z') | HH_GC_BIT('U') | HH_GC_BIT('W')))) {
      if (HAS('P')) {
        int p = (int)VAL('P');
        m->g76_finish = p / 10000;
        m->g76_chamfer = p / 100 % 100;
        m->g76_angle = p % 100;
      }
      if (HAS('Q')) m->g76_min = VAL('Q') * (m->inch ? 2.54e-6 : 1e-6);
      if (HAS('R')) m->g76_allow = VAL('R') * c->unit;
      return HH_OK;
    }
    return thread76(c);
  }
  if (code != 70 && !HAS('P')) { /* first block */
    if (code == 73) {
      m->g73_relief[0] = HAS('U') ? VAL('U') * c->unit : 0.0;
      m->g73_relief[2] = HAS('W') ? VAL('W') * c->unit : 0.0;
      m->g73_passes = (int)VAL('R');
    } else {
      m->mrc_depth = VAL(code == 71 ? 'U' : 'W') * c->unit;
      m->mrc_retract = VAL('R') * c->unit;
    }
    return HH_OK;
  }
  int qline = 0, rapid0 = 0, both0 = 0;
  hh_code r = load_contour(c, (int)VAL('P'), (int)VAL('Q'), &qline, &rapid0, &both0);
  if (r) return r;
  double al[3] = {HAS('U') ? VAL('U') * c->unit * dx : 0.0, 0.0,
                  HAS('W') ? VAL('W') * c->unit : 0.0};
  if (code == 70) r = finish(c);
  else if (code == 73) r = pattern(c, al, rapid0);
  else r = rough(c, code, al, rapid0, both0);
  if (r) return r;
  /* the roughing cycles skip their contour: go on after the Q block */
  if (code != 70 && c->sink && qline + 1 > c->in->pc) c->in->pc = qline + 1;
  return HH_OK;
}
