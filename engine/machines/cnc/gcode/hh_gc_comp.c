/* hh_gc_comp.c - cutter radius compensation G41/G42 (mill, G17) and tool nose radius
 * compensation (lathe, G18, imaginary tip direction from the tool table) with one move of
 * look-ahead, LinuxCNC shape: the entry move ends perpendicular to itself, an
 * outside corner gets an arc about the programmed corner, an inside corner moves both
 * ends to the intersection of the offset paths, the move before G40 ends
 * perpendicular to itself and the next move leaves from there. The pending move and
 * the ops emitted behind it live in fixed buffers (modal cc, interp ccq). */
#include "hh_gc_int.h"
#include "../../../core/hh_i18n.h"
#include <math.h>
#include <string.h>

#define EPS 1e-9 /* m: geometric tolerance */
#define TWO_PI 6.283185307179586476925

/* plane axes of the active plane: a, b (rotation a -> b is +) */
static void axes(const hh_gc_ctx *c, int *a, int *b) {
  if (c->m->plane == 18) { *a = 2; *b = 0; }
  else if (c->m->plane == 19) { *a = 1; *b = 2; }
  else { *a = 0; *b = 1; }
}

/* unit tangent (ta, tb) of segment s at its start (at_end 0) or end (1) */
static void tangent(const hh_gc_cseg *s, int a, int b, int at_end, double t[2]) {
  if (s->kind == HH_CANON_ARC) {
    const double *p = at_end ? s->pe : s->ps;
    double ra = p[a] - s->cen[a], rb = p[b] - s->cen[b], l = hypot(ra, rb);
    if (l < EPS) l = 1;
    t[0] = s->turns > 0 ? -rb / l : rb / l;
    t[1] = s->turns > 0 ? ra / l : -ra / l;
    return;
  }
  double da = s->pe[a] - s->ps[a], db = s->pe[b] - s->ps[b], l = hypot(da, db);
  if (l < EPS) l = 1;
  t[0] = da / l;
  t[1] = db / l;
}

/* offset direction for tangent t: left of travel (G41) or right (G42) */
static void normal(int side, const double t[2], double n[2]) {
  if (side == 41) { n[0] = -t[1]; n[1] = t[0]; }
  else { n[0] = t[1]; n[1] = -t[0]; }
}

/* compensated radius of an arc segment (<= 0: tool does not fit inside) */
static double arc_offset_radius(const hh_gc_cseg *s, int a, int b, int side, double r) {
  double R = hypot(s->pe[a] - s->cen[a], s->pe[b] - s->cen[b]);
  int inside = (side == 41) == (s->turns > 0);
  return inside ? R - r : R + r;
}

/* intersections of the line p + u*d (|d| = 1) with circle (q, R): up to 2 points */
static int line_circle(const double p[2], const double d[2], const double q[2], double R,
                       double out[2][2]) {
  double fa = p[0] - q[0], fb = p[1] - q[1];
  double B = fa * d[0] + fb * d[1], C = fa * fa + fb * fb - R * R;
  double disc = B * B - C;
  if (disc < -EPS * EPS) return 0;
  double s = disc > 0 ? sqrt(disc) : 0.0;
  for (int k = 0; k < 2; k++) {
    double u = -B + (k ? s : -s);
    out[k][0] = p[0] + u * d[0];
    out[k][1] = p[1] + u * d[1];
  }
  return 2;
}

/* intersections of circles (p, R1) and (q, R2): up to 2 points */
static int circle_circle(const double p[2], double R1, const double q[2], double R2,
                         double out[2][2]) {
  double da = q[0] - p[0], db = q[1] - p[1], d = hypot(da, db);
  if (d < EPS || d > R1 + R2 + EPS || d < fabs(R1 - R2) - EPS) return 0;
  double x = (d * d + R1 * R1 - R2 * R2) / (2 * d);
  double h2 = R1 * R1 - x * x, h = h2 > 0 ? sqrt(h2) : 0.0;
  double ma = p[0] + x * da / d, mb = p[1] + x * db / d;
  out[0][0] = ma - h * db / d; out[0][1] = mb + h * da / d;
  out[1][0] = ma + h * db / d; out[1][1] = mb - h * da / d;
  return 2;
}

/* signed sweep (rad) from point u to point v about centre q in direction turns */
static double sweep(const double q[2], const double u[2], const double v[2], int turns) {
  double a0 = atan2(u[1] - q[1], u[0] - q[0]), a1 = atan2(v[1] - q[1], v[0] - q[0]);
  double s = turns > 0 ? a1 - a0 : a0 - a1;
  while (s < 0) s += TWO_PI;
  while (s >= TWO_PI) s -= TWO_PI;
  return s;
}

/* lathe: imaginary tip minus nose centre (m) for tip direction 1..8 (FANUC, X up,
   Z right: 3 = outside turning tool, 2 = boring bar, 8 = grooving tool); 0 and 9
   program the nose centre */
static void tip_shift(const hh_gc_modal *m, double sh[3]) {
  static const signed char tx[10] = {0, 1, 1, -1, -1, 0, 1, 0, -1, 0};
  static const signed char tz[10] = {0, 1, -1, -1, 1, 1, 0, -1, 0, 0};
  int t = m->cc_tip >= 0 && m->cc_tip <= 9 ? m->cc_tip : 0;
  sh[0] = tx[t] * m->cc_radius;
  sh[1] = 0;
  sh[2] = tz[t] * m->cc_radius;
}

/* send op straight to the sink (bypassing the look-ahead queue); moves of the nose
   centre become moves of the imaginary tip */
static hh_code emit_raw(hh_gc_ctx *c, const hh_canon_op *op0) {
  if (!c->sink || !c->sink->emit) return HH_OK;
  hh_canon_op shifted;
  const hh_canon_op *op = op0;
  double sh[3];
  tip_shift(c->m, sh);
  if ((sh[0] != 0 || sh[2] != 0) && (op0->kind == HH_CANON_RAPID ||
                                     op0->kind == HH_CANON_LINEAR || op0->kind == HH_CANON_ARC)) {
    shifted = *op0;
    for (int i = 0; i < 3; i++) {
      shifted.start[i] += sh[i];
      shifted.end[i] += sh[i];
      if (op0->kind == HH_CANON_ARC) shifted.centre[i] += sh[i];
    }
    op = &shifted;
  }
  if (c->sink->emit(c->sink->user, op))
    return hh_gc_error(c, HH_E_GCODE_ABORTED, 0, "%s", hh_tr("program stopped by the machine"));
  return HH_OK;
}

/* 1 if an op stamped now must wait behind the pending compensated move */
int hh_gc_cc_holds(const hh_gc_ctx *c, const hh_canon_op *op) {
  (void)op;
  return c->m->cc.kind != 0;
}

/* put op behind the pending move; z_only marks a move along the plane normal; a
   comment finding the queue full goes out at once (it moves nothing) */
hh_code hh_gc_cc_queue(hh_gc_ctx *c, const hh_canon_op *op, int z_only) {
  hh_gc_interp *in = c->in;
  if (!c->sink) return HH_OK;
  if (in->ccq_n >= HH_GC_CC_QUEUE && (op->kind == HH_CANON_COMMENT ||
                                      op->kind == HH_CANON_MESSAGE))
    return emit_raw(c, op); /* comments may overtake when full */
  if (in->ccq_n >= HH_GC_CC_QUEUE)
    return hh_gc_error(c, HH_E_GCODE_COMP, 0, "%s",
                       hh_tr("too many operations without motion while compensating"));
  in->ccq[in->ccq_n] = *op;
  in->ccq_z[in->ccq_n++] = (unsigned char)z_only;
  return HH_OK;
}

/* emit the pending move ending at end (plane coords a, b), then the queued ops */
static hh_code release(hh_gc_ctx *c, const double endab[2]) {
  hh_gc_cseg *s = &c->m->cc;
  int a, b;
  axes(c, &a, &b);
  hh_code r;
  hh_canon_op op;
  memset(&op, 0, sizeof op);
  op.kind = s->kind;
  op.line = s->line;
  memcpy(op.start, s->cs, sizeof op.start);
  memcpy(op.end, s->pe, sizeof op.end);
  op.end[a] = endab[0];
  op.end[b] = endab[1];
  op.feed = s->feed;
  op.feed_mode = s->feed_mode;
  if (s->kind == HH_CANON_ARC) {
    memcpy(op.centre, s->cen, sizeof op.centre);
    int n = 3 - a - b;
    op.centre[n] = s->cs[n];
    op.axis = n;
    op.turns = s->turns;
  }
  s->kind = 0;
  if ((r = emit_raw(c, &op))) return r;
  hh_gc_interp *in = c->in;
  if (!c->sink) return HH_OK;
  for (int i = 0; i < in->ccq_n; i++) {
    hh_canon_op *q = &in->ccq[i];
    if (in->ccq_z[i]) {
      q->start[a] = q->end[a] = endab[0];
      q->start[b] = q->end[b] = endab[1];
    }
    if ((r = emit_raw(c, q))) { in->ccq_n = 0; return r; }
  }
  in->ccq_n = 0;
  return HH_OK;
}

/* end the pending move perpendicular to itself (G40, program end); the tool
   position becomes the work position again */
hh_code hh_gc_cc_flush(hh_gc_ctx *c) {
  hh_gc_cseg *s = &c->m->cc;
  if (!s->kind) return HH_OK;
  int a, b;
  axes(c, &a, &b);
  double t[2], n[2], e[2];
  tangent(s, a, b, 1, t);
  normal(c->m->comp, t, n);
  e[0] = s->pe[a] + c->m->cc_radius * n[0];
  e[1] = s->pe[b] + c->m->cc_radius * n[1];
  double z = c->m->pos[3 - a - b], sh[3];
  tip_shift(c->m, sh);
  c->m->pos[a] = e[0] + sh[a];
  c->m->pos[b] = e[1] + sh[b];
  c->m->pos[3 - a - b] = z;
  c->m->cc_idle = 0;
  return release(c, e);
}

/* inside corner: intersection of the offset paths of s1 (end) and s2 (start) near
   the programmed corner; HH_OK with x filled, or a gouge error */
static hh_code inside_corner(hh_gc_ctx *c, const hh_gc_cseg *s1, const hh_gc_cseg *s2,
                             const double A[2], const double B[2], double x[2]) {
  int a, b;
  axes(c, &a, &b);
  double r = c->m->cc_radius;
  int side = c->m->comp;
  double t1[2], t2[2], cand[2][2];
  int nc = 0;
  tangent(s1, a, b, 1, t1);
  tangent(s2, a, b, 0, t2);
  int arc1 = s1->kind == HH_CANON_ARC, arc2 = s2->kind == HH_CANON_ARC;
  double q1[2] = {s1->cen[a], s1->cen[b]}, q2[2] = {s2->cen[a], s2->cen[b]};
  if (!arc1 && !arc2) {
    double den = t1[0] * t2[1] - t1[1] * t2[0];
    double u = ((B[0] - A[0]) * t2[1] - (B[1] - A[1]) * t2[0]) / den;
    cand[0][0] = A[0] + u * t1[0];
    cand[0][1] = A[1] + u * t1[1];
    nc = 1;
  } else if (!arc1) {
    nc = line_circle(A, t1, q2, arc_offset_radius(s2, a, b, side, r), cand);
  } else if (!arc2) {
    nc = line_circle(B, t2, q1, arc_offset_radius(s1, a, b, side, r), cand);
  } else {
    nc = circle_circle(q1, arc_offset_radius(s1, a, b, side, r), q2,
                       arc_offset_radius(s2, a, b, side, r), cand);
  }
  if (nc == 0)
    return hh_gc_error(c, HH_E_GCODE_GOUGE, 0, "%s",
                       hh_tr("radius compensation: the tool cannot reach this inside corner"));
  double P[2] = {s1->pe[a], s1->pe[b]};
  int best = 0;
  if (nc == 2 && hypot(cand[1][0] - P[0], cand[1][1] - P[1]) <
                     hypot(cand[0][0] - P[0], cand[0][1] - P[1]))
    best = 1;
  x[0] = cand[best][0];
  x[1] = cand[best][1];
  /* the shortened first move must still run forwards from its compensated start */
  double S[2] = {s1->cs[a], s1->cs[b]};
  if (!arc1) {
    double full = (A[0] - S[0]) * t1[0] + (A[1] - S[1]) * t1[1];
    double got = (x[0] - S[0]) * t1[0] + (x[1] - S[1]) * t1[1];
    if (got <= EPS || got > full + EPS)
      return hh_gc_error(c, HH_E_GCODE_GOUGE, 0, "%s",
                         hh_tr("radius compensation would gouge: the previous move is shorter "
                         "than the tool radius needs"));
  } else {
    double full = sweep(q1, S, A, s1->turns), got = sweep(q1, S, x, s1->turns);
    int whole = hypot(S[0] - A[0], S[1] - A[1]) < EPS;
    if (!whole && (got <= EPS || got > full + 1e-9))
      return hh_gc_error(c, HH_E_GCODE_GOUGE, 0, "%s",
                         hh_tr("radius compensation would gouge: the previous arc is shorter "
                         "than the tool radius needs"));
  }
  /* and the next move must not be eaten up entirely (checked against its own end) */
  double t2e[2], n2e[2], E[2];
  tangent(s2, a, b, 1, t2e);
  normal(side, t2e, n2e);
  E[0] = s2->pe[a] + r * n2e[0];
  E[1] = s2->pe[b] + r * n2e[1];
  if (!arc2) {
    double full = (E[0] - B[0]) * t2[0] + (E[1] - B[1]) * t2[1];
    double got = (E[0] - x[0]) * t2[0] + (E[1] - x[1]) * t2[1];
    if (got <= EPS || got > full + EPS + 2 * r)
      return hh_gc_error(c, HH_E_GCODE_GOUGE, 0, "%s",
                         hh_tr("radius compensation would gouge: this move is shorter than "
                         "the tool radius needs"));
  } else {
    double full = sweep(q2, B, E, s2->turns), got = sweep(q2, x, E, s2->turns);
    int whole = hypot(s2->ps[a] - s2->pe[a], s2->ps[b] - s2->pe[b]) < EPS;
    if (!whole && (got <= EPS || got > full + 1e-9))
      return hh_gc_error(c, HH_E_GCODE_GOUGE, 0, "%s",
                         hh_tr("radius compensation would gouge: this arc is shorter than the "
                         "tool radius needs"));
  }
  return HH_OK;
}

/* a compensated move from the programmed position to s2->pe (s2 filled by the caller
   with kind, programmed start/end, centre, turns, feed) */
hh_code hh_gc_cc_move(hh_gc_ctx *c, hh_gc_cseg *s2) {
  hh_gc_modal *m = c->m;
  int a, b;
  axes(c, &a, &b);
  int n = 3 - a - b;
  double r = m->cc_radius;
  int side = m->comp;
  hh_code rc;
  s2->line = c->b->line;
  double len = hypot(s2->pe[a] - s2->ps[a], s2->pe[b] - s2->ps[b]);
  if (s2->kind == HH_CANON_ARC) {
    if (arc_offset_radius(s2, a, b, side, r) <= EPS)
      return hh_gc_error(c, HH_E_GCODE_TOOL_RADIUS, 0,
                         hh_tr("tool radius %.4f is not smaller than the inside arc radius %.4f"),
                         r / c->unit,
                         hypot(s2->pe[a] - s2->cen[a], s2->pe[b] - s2->cen[b]) / c->unit);
  } else if (len < EPS) {
    /* along the normal only: rides behind the pending move, or moves the tool now */
    if (!m->cc.kind) {
      memcpy(m->pos, s2->pe, sizeof m->pos);
      hh_canon_op op;
      memset(&op, 0, sizeof op);
      op.kind = s2->kind;
      op.line = c->b->line;
      memcpy(op.start, s2->ps, sizeof op.start);
      memcpy(op.end, s2->pe, sizeof op.end);
      op.feed = s2->feed;
      op.feed_mode = s2->feed_mode;
      return emit_raw(c, &op);
    }
    hh_canon_op op;
    memset(&op, 0, sizeof op);
    op.kind = s2->kind;
    op.line = c->b->line;
    memcpy(op.start, s2->ps, sizeof op.start);
    memcpy(op.end, s2->pe, sizeof op.end);
    op.feed = s2->feed;
    op.feed_mode = s2->feed_mode;
    memcpy(m->pos, s2->pe, sizeof m->pos);
    return hh_gc_cc_queue(c, &op, 1);
  }
  if (!m->cc.kind) { /* entry move: from the tool position, ends perpendicular */
    if (s2->kind == HH_CANON_ARC)
      return hh_gc_error(c, HH_E_GCODE_COMP, 0, "%s",
                         hh_tr("the move that starts radius compensation must be a straight line"));
    if (len <= r + EPS)
      return hh_gc_error(c, HH_E_GCODE_TOOL_RADIUS, 0,
                         hh_tr("entry move %.4f is not longer than the tool radius %.4f"),
                         len / c->unit, r / c->unit);
    double sh[3];
    tip_shift(m, sh);
    for (int i = 0; i < 3; i++) s2->cs[i] = s2->ps[i] - sh[i]; /* nose centre */
    m->cc = *s2;
    memcpy(m->pos, s2->pe, sizeof m->pos);
    m->cc_idle = 0;
    return HH_OK;
  }
  hh_gc_cseg *s1 = &m->cc;
  double t1[2], t2[2], n1[2], n2[2], A[2], B[2], X[2];
  tangent(s1, a, b, 1, t1);
  tangent(s2, a, b, 0, t2);
  normal(side, t1, n1);
  normal(side, t2, n2);
  double P[2] = {s1->pe[a], s1->pe[b]};
  A[0] = P[0] + r * n1[0]; A[1] = P[1] + r * n1[1];
  B[0] = P[0] + r * n2[0]; B[1] = P[1] + r * n2[1];
  double cross = t1[0] * t2[1] - t1[1] * t2[0], dot = t1[0] * t2[0] + t1[1] * t2[1];
  int straight_on = fabs(cross) < 1e-6 && dot > 0; /* tangent join: A == B */
  int reverse = fabs(cross) < 1e-6 && dot <= 0;    /* turns back: go round P */
  int corner_arc = 0;
  if (straight_on) {
    X[0] = B[0];
    X[1] = B[1];
  } else if (!reverse && (side == 41) == (cross > 0)) {
    if ((rc = inside_corner(c, s1, s2, A, B, X))) return rc;
  } else {
    corner_arc = 1;
  }
  double zc = s2->ps[n];
  if ((rc = release(c, corner_arc ? A : X))) return rc;
  double cs[3];
  cs[a] = corner_arc ? B[0] : X[0];
  cs[b] = corner_arc ? B[1] : X[1];
  cs[n] = zc;
  if (corner_arc) {
    hh_canon_op op;
    memset(&op, 0, sizeof op);
    op.kind = HH_CANON_ARC;
    op.line = c->b->line;
    op.start[a] = A[0]; op.start[b] = A[1]; op.start[n] = zc;
    memcpy(op.end, cs, sizeof op.end);
    op.centre[a] = P[0]; op.centre[b] = P[1]; op.centre[n] = zc;
    op.axis = n;
    op.turns = side == 41 ? -1 : 1;
    op.feed = s2->kind == HH_CANON_RAPID ? m->feed : s2->feed;
    op.feed_mode = s2->feed_mode;
    if ((rc = emit_raw(c, &op))) return rc;
  }
  memcpy(s2->cs, cs, sizeof s2->cs);
  m->cc = *s2;
  memcpy(m->pos, s2->pe, sizeof m->pos);
  m->cc_idle = 0;
  return HH_OK;
}
