/* hh_cnc_stock.c - material removal: the mill stock as a Z-map (cell top heights plus a
 * signed lateral margin of the cut that made each wall, for sub-cell measurement) and
 * the lathe stock as a radial profile along z. The sweep also detects crashes (cut
 * with the spindle stopped, rapid into the stock, holder on the stock, fixtures) and
 * records the roughness estimate of the surfaces the cut passes. No allocation.
 */
#include "hh_cnc.h"
#include "hh_canon.h"
#include "../../core/hh_hash.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NO_MARGIN (-1.0f) /* m: margin of a cell no cut came near */
#define INSERT_LEN 8e-3   /* m: a turning insert's end edge behind the nose centre (+z) */

/* raise a crash alarm (first one wins) */
static void crash(hh_data *d, int number, int msg) {
  hh_cnc_state *s = &d->cnc;
  if (s->crash) return;
  s->crash = 1;
  s->alarm = number;
  s->alarm_msg = msg;
}

/* z of the cutting profile above the tip at lateral distance r (m), tool t */
static double mill_profile(const hh_cnc_tool *t, double r) {
  double R = t->radius;
  switch (t->type) {
  case HH_TOOL_BALL: return R - sqrt(fmax(R * R - r * r, 0.0));
  case HH_TOOL_BULL: {
    double rc = t->corner, flat = R - rc;
    if (r <= flat) return 0.0;
    double e = r - flat;
    return rc - sqrt(fmax(rc * rc - e * e, 0.0));
  }
  case HH_TOOL_DRILL: {
    double half = 0.5 * (t->point_angle > 0 ? t->point_angle : 2.06);
    return r / tan(half);
  }
  default: return 0.0;
  }
}

/* drawing-frame point of a surface -> machine frame */
static void surf_machine(const hh_model *m, const hh_cnc_surface *sf, double p[3]) {
  for (int i = 0; i < 3; i++) p[i] = sf->at[i] + m->cnc.part_origin[i];
}

/* feed per tooth (m) and per revolution (m) from the current speeds */
static void feeds(const hh_data *d, const hh_cnc_tool *t, double *fz, double *frev) {
  double n = fabs(d->cnc.spindle_speed);
  *frev = n > 0.1 ? d->cnc.vel / n : 0.0;
  *fz = *frev / (t->teeth > 0 ? t->teeth : 2);
}

/* mill: roughness of the callouts this cut passes over */
static void mill_rough(const hh_model *m, hh_data *d, const hh_cnc_tool *t,
                       const double a[3], const double b[3]) {
  double fz, frev;
  feeds(d, t, &fz, &frev);
  for (int k = 0; k < m->cnc.n_surf; k++) {
    const hh_cnc_surface *sf = &m->cnc.surf[k];
    double p[3];
    surf_machine(m, sf, p);
    double dx = b[0] - a[0], dy = b[1] - a[1], L2 = dx * dx + dy * dy;
    double tt = L2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / L2 : 0.0;
    tt = tt < 0 ? 0 : tt > 1 ? 1 : tt;
    double dist = hypot(p[0] - a[0] - tt * dx, p[1] - a[1] - tt * dy);
    double tipz = a[2] + tt * (b[2] - a[2]);
    double tol = 2.0 * m->cnc.res;
    if (sf->kind == HH_SURF_WALL) {
      if (fabs(dist - t->radius) <= tol && p[2] >= tipz - tol && p[2] <= tipz + t->flute_len)
        d->cnc.ra[k] = m->cnc.ra_base + hh_cnc_ra_cusp(fz, t->radius) / 4.0;
    } else if (sf->kind == HH_SURF_FLOOR) {
      if (dist <= t->radius && fabs(tipz - p[2]) <= tol) {
        double r = t->type == HH_TOOL_BALL ? t->radius : (t->corner > 0 ? t->corner : 2e-4);
        d->cnc.ra[k] = m->cnc.ra_base + hh_cnc_ra_turn(fz, r);
      }
    }
  }
}

/* cell index range [*ia, *ib] of the row at y = cy inside the capsule of radius r
   around segment a-b (unit direction u, length L); 0 when the row misses it */
static int row_span(const double a[3], const double b[3], double ux, double uy, double L,
                    double r, double cy, double x0, double res, int *ia, int *ib) {
  double lo = 1e30, hi = -1e30;
  const double *e[2] = {a, b};
  for (int k = 0; k < 2; k++) { /* end discs */
    double dy = cy - e[k][1];
    if (fabs(dy) > r) continue;
    double w = sqrt(r * r - dy * dy);
    if (e[k][0] - w < lo) lo = e[k][0] - w;
    if (e[k][0] + w > hi) hi = e[k][0] + w;
  }
  if (L > 0 && fabs(ux) > 1e-12) { /* the strip: |n.(p-a)| <= r and 0 <= u.(p-a) <= L */
    double nx = -uy, ny = ux, dy = cy - a[1];
    double s0 = (-r - ny * dy) / nx, s1 = (r - ny * dy) / nx;
    double t0 = (0 - uy * dy) / ux, t1 = (L - uy * dy) / ux;
    double l = fmax(fmin(s0, s1), fmin(t0, t1)), h = fmin(fmax(s0, s1), fmax(t0, t1));
    if (l <= h) {
      if (a[0] + l < lo) lo = a[0] + l;
      if (a[0] + h > hi) hi = a[0] + h;
    }
  } else if (L > 0) { /* vertical segment in y: the strip spans x = a +- r on its rows */
    double v = (cy - a[1]) * (uy > 0 ? 1 : -1);
    if (v >= 0 && v <= L) {
      if (a[0] - r < lo) lo = a[0] - r;
      if (a[0] + r > hi) hi = a[0] + r;
    }
  }
  if (lo > hi) return 0;
  *ia = (int)floor((lo - x0) / res - 0.5);
  *ib = (int)ceil((hi - x0) / res - 0.5);
  return 1;
}

/* mill: sweep the current tool's tip a -> b over the Z-map */
static double sweep_mill(const hh_model *m, hh_data *d, const hh_cnc_tool *t,
                         const double a[3], const double b[3], int rapid) {
  hh_cnc_state *s = &d->cnc;
  const hh_cnc_model *cm = &m->cnc;
  double res = cm->res, R = t->radius, Rm = R + 2.0 * res;
  double x0 = cm->stock_min[0], y0 = cm->stock_min[1], z0 = cm->stock_min[2];
  double lo[2] = {fmin(a[0], b[0]) - Rm, fmin(a[1], b[1]) - Rm};
  double hi[2] = {fmax(a[0], b[0]) + Rm, fmax(a[1], b[1]) + Rm};
  int i0 = (int)floor((lo[0] - x0) / res), i1 = (int)ceil((hi[0] - x0) / res);
  int j0 = (int)floor((lo[1] - y0) / res), j1 = (int)ceil((hi[1] - y0) / res);
  if (i0 < 0) i0 = 0;
  if (j0 < 0) j0 = 0;
  if (i1 > s->nx - 1) i1 = s->nx - 1;
  if (j1 > s->ny - 1) j1 = s->ny - 1;
  if (fmin(a[2], b[2]) - z0 > cm->stock_max[2] - z0 + 1e-9) return 0.0; /* above */
  double dx = b[0] - a[0], dy = b[1] - a[1], L2 = dx * dx + dy * dy;
  double inv = L2 > 1e-18 ? 1.0 / L2 : 0.0;
  double zmin = fmin(a[2], b[2]) - z0;
  double removed = 0.0, area = res * res;
  int cut = 0, holder = 0;
  double reach = t->flute_len > 0 ? t->flute_len : 0.03;
  double L = sqrt(L2), ux = L > 0 ? dx / L : 0, uy = L > 0 ? dy / L : 0;
  int flat = t->type == HH_TOOL_FLAT, ball = t->type == HH_TOOL_BALL;
  for (int j = j0; j <= j1; j++) {
    double cy = y0 + (j + 0.5) * res;
    int ia, ib;
    if (!row_span(a, b, ux, uy, L, Rm, cy, x0, res, &ia, &ib)) continue;
    if (ia < i0) ia = i0;
    if (ib > i1) ib = i1;
    float *hrow = s->height + (size_t)j * (size_t)s->nx;
    float *mrow = s->margin + (size_t)j * (size_t)s->nx;
    for (int i = ia; i <= ib; i++) {
      double cx = x0 + (i + 0.5) * res;
      double tt = ((cx - a[0]) * dx + (cy - a[1]) * dy) * inv;
      tt = tt < 0 ? 0 : tt > 1 ? 1 : tt;
      double ex = cx - a[0] - tt * dx, ey = cy - a[1] - tt * dy;
      double d2 = ex * ex + ey * ey;
      if (d2 > Rm * Rm) continue;
      double ztip = inv > 0 ? a[2] - z0 + tt * (b[2] - a[2]) : zmin;
      double h = hrow[i];
      if (d2 <= R * R) {
        double zc = ztip;
        if (ball) zc += R - sqrt(R * R - d2);
        else if (!flat) zc += mill_profile(t, sqrt(d2));
        if (zc > h + 1e-9) continue; /* above the cell: nothing to do (the usual case) */
        float mg = (float)(R - sqrt(d2));
        if (zc < h - 1e-9) {
          removed += (h - zc) * area;
          if (h - ztip > reach + 1e-6) holder = 1;
          hrow[i] = (float)zc;
          mrow[i] = mg;
          cut = 1;
        } else if (mg > mrow[i]) {
          mrow[i] = mg;
        }
      } else if (ztip < h) {
        float mg = (float)(R - sqrt(d2));
        if (mg > mrow[i]) mrow[i] = mg;
      }
    }
  }
  if (cut) {
    s->cutting = 1;
    s->stock_rev++;
    if (fabs(s->spindle_speed) < 0.5) crash(d, 1001, HH_CNC_ALM_SPINDLE_STOPPED);
    else if (rapid) crash(d, 1002, HH_CNC_ALM_RAPID_STOCK);
    else if (holder) crash(d, 1003, HH_CNC_ALM_HOLDER);
    mill_rough(m, d, t, a, b);
  }
  return removed;
}

/* lathe: radius of the cutting edge above the tip at axial distance dz from the nose
   centre (turning: the nose disc, then the insert's end edge flat behind it) or from
   the left corner (grooving) */
static double lathe_edge(const hh_cnc_tool *t, double dz, int *hit) {
  *hit = 0;
  if (t->type == HH_TOOL_GROOVE) {   /* dz measured from the left corner */
    if (dz < 0 || dz > t->width) return 0;
    *hit = 1;
    return 0.0;
  }
  double rn = t->radius;
  if (t->type == HH_TOOL_TURN && dz > 0) { /* the insert behind the nose: its end edge */
    if (dz > INSERT_LEN) return 0;
    *hit = 1;
    return 0.0;
  }
  if (fabs(dz) > rn) return 0;
  *hit = 1;
  return rn - sqrt(fmax(rn * rn - dz * dz, 0.0));
}

/* lathe: sweep the tool's imaginary tip a -> b over the radial profile */
static double sweep_lathe(const hh_model *m, hh_data *d, const hh_cnc_tool *t,
                          const double a[3], const double b[3], int rapid, int thread) {
  hh_cnc_state *s = &d->cnc;
  const hh_cnc_model *cm = &m->cnc;
  double res = cm->res, zs = cm->stock_min[2];
  double rn = t->type == HH_TOOL_GROOVE ? 0.0 : t->radius;
  double w = t->type == HH_TOOL_GROOVE ? t->width : 0.0;
  double len = hypot(b[0] - a[0], b[2] - a[2]);
  int steps = (int)ceil(len / (0.5 * res));
  if (steps < 1) steps = 1;
  if (steps > 4096) steps = 4096;
  double removed = 0.0;
  int cut = 0;
  for (int n = 0; n <= steps; n++) {
    double u = (double)n / steps;
    double px = a[0] + u * (b[0] - a[0]), pz = a[2] + u * (b[2] - a[2]);
    /* nose centre (turning) or left corner (grooving) */
    double cz = pz + rn, cx = px + rn;
    double zlo = t->type == HH_TOOL_GROOVE ? pz : cz - rn;
    double zhi = t->type == HH_TOOL_GROOVE ? pz + w : t->type == HH_TOOL_TURN ? cz + INSERT_LEN : cz + rn;
    int k0 = (int)floor((zlo - zs) / res - 0.5), k1 = (int)ceil((zhi - zs) / res - 0.5);
    if (k0 < 0) k0 = 0;
    if (k1 > s->nz - 1) k1 = s->nz - 1;
    for (int k = k0; k <= k1; k++) {
      double z = zs + (k + 0.5) * res;
      int hit;
      double e = t->type == HH_TOOL_GROOVE ? lathe_edge(t, z - pz, &hit) : lathe_edge(t, z - cz, &hit);
      if (!hit) continue;
      double xc = (t->type == HH_TOOL_GROOVE ? px : cx - rn) + e;
      if (xc < 0) xc = 0;
      if (thread) {
        if (xc < s->root[k]) s->root[k] = xc;
        if (xc < s->radius[k] - 1e-9) cut = 1;
        continue;
      }
      double r = s->radius[k];
      if (xc < r - 1e-9) {
        removed += M_PI * (r * r - xc * xc) * res;
        s->radius[k] = xc;
        if (xc < s->root[k]) s->root[k] = xc;
        cut = 1;
      }
    }
  }
  if (cut) {
    s->cutting = 1;
    s->stock_rev++;
    if (fabs(s->spindle_speed) < 0.5) crash(d, 1001, HH_CNC_ALM_SPINDLE_STOPPED);
    else if (rapid) crash(d, 1002, HH_CNC_ALM_RAPID_STOCK);
    /* roughness of turned callouts the nose passed */
    double n = fabs(s->spindle_speed), frev = n > 0.1 ? s->vel / n : 0.0;
    for (int k = 0; k < cm->n_surf; k++) {
      const hh_cnc_surface *sf = &cm->surf[k];
      if (sf->kind != HH_SURF_TURNED) continue;
      double pz = sf->at[2] + cm->part_origin[2], px = fabs(sf->at[0]) + cm->part_origin[0];
      double zl = fmin(a[2], b[2]) - rn, zh = fmax(a[2], b[2]) + rn + w;
      double xl = fmin(a[0], b[0]);
      if (pz >= zl && pz <= zh && fabs(xl - px) <= 2 * res && !thread)
        s->ra[k] = cm->ra_base + hh_cnc_ra_turn(frev, rn > 0 ? rn : 2e-4);
    }
  }
  return removed;
}

/* the tool touches a fixture box at tip position p (mill: tool cylinder above p) */
static int in_fixture(const hh_model *m, const hh_cnc_tool *t, const double p[3]) {
  const hh_cnc_model *cm = &m->cnc;
  int lathe = hh_cnc_is_lathe(m);
  double r = (t && !lathe) ? t->radius : 0.0;
  for (int i = 0; i < cm->n_fix; i++) {
    const double *lo = cm->fix_min[i], *hi = cm->fix_max[i];
    if (lathe) {
      if (p[0] < hi[0] && p[0] > lo[0] && p[2] < hi[2] && p[2] > lo[2]) return 1;
    } else if (p[2] < hi[2] && p[0] > lo[0] - r && p[0] < hi[0] + r && p[1] > lo[1] - r &&
               p[1] < hi[1] + r) {
      return 1;
    }
  }
  return 0;
}

double hh_cnc_sweep(const hh_model *m, hh_data *d, const double a[3], const double b[3],
                    int rapid) {
  const hh_cnc_tool *t = hh_cnc_tool_get(m, d->cnc.tool);
  if (in_fixture(m, t, b)) crash(d, 1004, HH_CNC_ALM_FIXTURE);
  if (!t) return 0.0;
  double v = 0.0;
  if (hh_cnc_is_lathe(m)) {
    if (d->cnc.radius)
      v = sweep_lathe(m, d, t, a, b, rapid, d->cnc.mv_kind == HH_CANON_THREAD && d->cnc.in_move);
  } else if (d->cnc.height) {
    v = sweep_mill(m, d, t, a, b, rapid);
  }
  d->cnc.removed += v;
  return v;
}

double hh_cnc_ra_turn(double f, double r) { return r > 0 ? f * f / (32.0 * r) : 0.0; }

double hh_cnc_ra_cusp(double step, double radius) {
  return radius > 0 ? step * step / (8.0 * radius) : 0.0;
}

/* allocate the stock storage from the model sizes and fill it uncut */
int hh_cnc_stock_alloc(const hh_model *m, hh_data *d, hh_error *err) {
  const hh_cnc_model *cm = &m->cnc;
  hh_cnc_state *s = &d->cnc;
  double res = cm->res;
  if (!(res >= 0.05e-3 - 1e-12 && res <= 0.5e-3 + 1e-12))
    return hh_error_set(err, HH_E_SCENARIO, m->source, 0, 0,
                        "cnc stock resolution %g mm is outside 0.05..0.5 mm", res * 1e3);
  for (int i = 0; i < 3; i++)
    if (!(cm->stock_max[i] > cm->stock_min[i]) && !(hh_cnc_is_lathe(m) && i == 1))
      return hh_error_set(err, HH_E_SCENARIO, m->source, 0, 0,
                          "cnc stock: max must be above min in axis %d", i);
  if (hh_cnc_is_lathe(m)) {
    s->nz = (int)ceil((cm->stock_max[2] - cm->stock_min[2]) / res - 1e-9);
    s->radius = malloc(sizeof(double) * (size_t)s->nz);
    s->root = malloc(sizeof(double) * (size_t)s->nz);
    if (!s->radius || !s->root) goto nomem;
    for (int k = 0; k < s->nz; k++) s->radius[k] = s->root[k] = cm->stock_max[0];
  } else {
    s->nx = (int)ceil((cm->stock_max[0] - cm->stock_min[0]) / res - 1e-9);
    s->ny = (int)ceil((cm->stock_max[1] - cm->stock_min[1]) / res - 1e-9);
    size_t n = (size_t)s->nx * (size_t)s->ny;
    if (n > 64u * 1024u * 1024u)
      return hh_error_set(err, HH_E_SCENARIO, m->source, 0, 0,
                          "cnc stock needs %zu cells (at most 64 Mi): coarser res", n);
    s->height = malloc(sizeof(float) * n);
    s->margin = malloc(sizeof(float) * n);
    if (!s->height || !s->margin) goto nomem;
    float top = (float)(cm->stock_max[2] - cm->stock_min[2]);
    for (size_t i = 0; i < n; i++) {
      s->height[i] = top;
      s->margin[i] = NO_MARGIN;
    }
  }
  return HH_OK;
nomem:
  return hh_error_set(err, HH_E_NOMEM, m->source, 0, 0, "out of memory for the cnc stock");
}

/* free the stock storage (safe twice) */
void hh_cnc_stock_free(hh_data *d) {
  hh_cnc_state *s = &d->cnc;
  free(s->height);
  free(s->margin);
  free(s->radius);
  free(s->root);
  s->height = s->margin = NULL;
  s->radius = s->root = NULL;
}

/* fold the stock contents into h */
uint64_t hh_cnc_stock_hash(const hh_data *d, uint64_t h) {
  const hh_cnc_state *s = &d->cnc;
  size_t n = (size_t)s->nx * (size_t)s->ny;
  if (s->height) h = hh_fnv1a64(h, s->height, n * sizeof(float));
  if (s->margin) h = hh_fnv1a64(h, s->margin, n * sizeof(float));
  if (s->radius) h = hh_fnv1a64(h, s->radius, (size_t)s->nz * sizeof(double));
  if (s->root) h = hh_fnv1a64(h, s->root, (size_t)s->nz * sizeof(double));
  return h;
}
