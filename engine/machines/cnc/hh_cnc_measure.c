/* hh_cnc_measure.c - virtual caliper, micrometer and depth gauge on the simulated
 * stock (never on the program). Mill walls are located between a cut cell and a
 * material cell by interpolating the cells' signed lateral margins (zero on the
 * swept tool envelope), which is exact for straight walls and radial lines through
 * holes; lathe diameters read the radial profile.
 */
#include "hh_cnc_int.h"
#include <math.h>

/* material at cell (i, j) above machine height z? (outside the stock: none) */
static int solid(const hh_model *m, const hh_data *d, int i, int j, double z) {
  const hh_cnc_state *s = &d->cnc;
  if (i < 0 || j < 0 || i >= s->nx || j >= s->ny) return 0;
  return s->height[(size_t)j * (size_t)s->nx + (size_t)i] > z - m->cnc.stock_min[2];
}

/* margin of a cell (m), NAN outside */
static double margin(const hh_data *d, int i, int j) {
  const hh_cnc_state *s = &d->cnc;
  if (i < 0 || j < 0 || i >= s->nx || j >= s->ny) return NAN;
  return s->margin[(size_t)j * (size_t)s->nx + (size_t)i];
}

/* fraction (0..1) of the way from the cut cell's centre to the material cell's centre
   where the wall lies */
static double wall_frac(double m_cut, double m_mat) {
  if (!(m_cut >= 0) || !(m_mat < 0) || m_mat <= -0.9) return 0.5;
  double f = m_cut / (m_cut - m_mat);
  return f < 0 ? 0 : f > 1 ? 1 : f;
}

/* coordinate of the wall between cut cell c and material cell s along the axis
   (ax 0: i varies, 1: j varies), cell centres at origin + (idx + 0.5) res */
static double wall_pos(const hh_model *m, const hh_data *d, int ax, int ci, int cj, int si,
                       int sj) {
  double res = m->cnc.res, o = m->cnc.stock_min[ax];
  int c = ax == 0 ? ci : cj, sidx = ax == 0 ? si : sj;
  double cc = o + (c + 0.5) * res;
  double f = wall_frac(margin(d, ci, cj), margin(d, si, sj));
  return cc + (sidx > c ? 1 : -1) * f * res;
}

/* outside width along axis ax (0 x, 1 y) of the row through `other` at height z */
static double outer(const hh_model *m, const hh_data *d, int ax, double other, double z) {
  const hh_cnc_state *s = &d->cnc;
  if (!s->height) return -1;
  double res = m->cnc.res;
  int n = ax == 0 ? s->nx : s->ny;
  int k = (int)floor((other - m->cnc.stock_min[1 - ax]) / res);
  int lo = -1, hi = -1;
  for (int i = 0; i < n && lo < 0; i++)
    if (ax == 0 ? solid(m, d, i, k, z) : solid(m, d, k, i, z)) lo = i;
  for (int i = n - 1; i >= 0 && hi < 0; i--)
    if (ax == 0 ? solid(m, d, i, k, z) : solid(m, d, k, i, z)) hi = i;
  if (lo < 0) return -1;
  double o = m->cnc.stock_min[ax];
  double left = lo == 0 ? o : (ax == 0 ? wall_pos(m, d, 0, lo - 1, k, lo, k)
                                       : wall_pos(m, d, 1, k, lo - 1, k, lo));
  double right = hi == n - 1 ? o + n * res
                             : (ax == 0 ? wall_pos(m, d, 0, hi + 1, k, hi, k)
                                        : wall_pos(m, d, 1, k, hi + 1, k, hi));
  if (hi == n - 1 && o + n * res > m->cnc.stock_max[ax]) right = m->cnc.stock_max[ax];
  return right - left;
}

double hh_cnc_caliper_x(const hh_model *m, const hh_data *d, double y, double z) {
  return outer(m, d, 0, y, z);
}

double hh_cnc_caliper_y(const hh_model *m, const hh_data *d, double x, double z) {
  return outer(m, d, 1, x, z);
}

/* inside width along ax through the empty point (x, y) at height z */
static double inner(const hh_model *m, const hh_data *d, int ax, double x, double y, double z) {
  const hh_cnc_state *s = &d->cnc;
  if (!s->height) return -1;
  double res = m->cnc.res;
  int i = (int)floor((x - m->cnc.stock_min[0]) / res);
  int j = (int)floor((y - m->cnc.stock_min[1]) / res);
  if (solid(m, d, i, j, z)) return -1;
  int n = ax == 0 ? s->nx : s->ny, c = ax == 0 ? i : j;
  int a = c, b = c;
  while (a >= 0 && !(ax == 0 ? solid(m, d, a, j, z) : solid(m, d, i, a, z))) a--;
  while (b < n && !(ax == 0 ? solid(m, d, b, j, z) : solid(m, d, i, b, z))) b++;
  if (a < 0 || b >= n) return -1; /* open: not a pocket or hole */
  double lw = ax == 0 ? wall_pos(m, d, 0, a + 1, j, a, j) : wall_pos(m, d, 1, i, a + 1, i, a);
  double rw = ax == 0 ? wall_pos(m, d, 0, b - 1, j, b, j) : wall_pos(m, d, 1, i, b - 1, i, b);
  return rw - lw;
}

double hh_cnc_inner_x(const hh_model *m, const hh_data *d, double x, double y, double z) {
  return inner(m, d, 0, x, y, z);
}

double hh_cnc_inner_y(const hh_model *m, const hh_data *d, double x, double y, double z) {
  return inner(m, d, 1, x, y, z);
}

double hh_cnc_height_at(const hh_model *m, const hh_data *d, double x, double y) {
  const hh_cnc_state *s = &d->cnc;
  if (!s->height) return -1;
  int i = (int)floor((x - m->cnc.stock_min[0]) / m->cnc.res);
  int j = (int)floor((y - m->cnc.stock_min[1]) / m->cnc.res);
  if (i < 0 || j < 0 || i >= s->nx || j >= s->ny) return -1;
  return m->cnc.stock_min[2] + s->height[(size_t)j * (size_t)s->nx + (size_t)i];
}

double hh_cnc_radius_at(const hh_model *m, const hh_data *d, double z) {
  const hh_cnc_state *s = &d->cnc;
  if (!s->radius) return -1;
  int k = (int)floor((z - m->cnc.stock_min[2]) / m->cnc.res);
  if (k < 0 || k >= s->nz) return -1;
  return s->radius[k];
}

/* lathe: distance from the face (highest z with material) to the shoulder where the
   radius first exceeds r going toward -z from z_from */
static double lathe_length(const hh_model *m, const hh_data *d, double r, double z_from) {
  const hh_cnc_state *s = &d->cnc;
  double res = m->cnc.res, zs = m->cnc.stock_min[2];
  int face = -1;
  for (int k = s->nz - 1; k >= 0 && face < 0; k--)
    if (s->radius[k] > 0.5 * res) face = k;
  if (face < 0) return -1;
  int k = (int)floor((z_from - zs) / res);
  if (k > face) k = face;
  while (k >= 0 && s->radius[k] <= r) k--;
  if (k < 0) return -1;
  return (face - k) * res;
}

/* lathe thread: the shallowest root radius over the z range (m) */
static double thread_root(const hh_model *m, const hh_data *d, double z0, double z1) {
  const hh_cnc_state *s = &d->cnc;
  double res = m->cnc.res, zs = m->cnc.stock_min[2], worst = -1;
  int k0 = (int)floor((fmin(z0, z1) - zs) / res), k1 = (int)floor((fmax(z0, z1) - zs) / res);
  for (int k = k0 < 0 ? 0 : k0; k <= k1 && k < s->nz; k++)
    if (s->root[k] > worst) worst = s->root[k];
  return worst;
}

double hh_cnc_measure(const hh_model *m, const hh_data *d, const hh_cnc_gauge *g) {
  const double *o = m->cnc.part_origin;
  double p[3], q[3];
  for (int i = 0; i < 3; i++) {
    p[i] = g->at[i] + o[i];
    q[i] = g->at2[i] + o[i];
  }
  switch (g->kind) {
  case HH_GAUGE_OUTER_X: return hh_cnc_caliper_x(m, d, p[1], p[2]);
  case HH_GAUGE_OUTER_Y: return hh_cnc_caliper_y(m, d, p[0], p[2]);
  case HH_GAUGE_INNER_X:
  case HH_GAUGE_HOLE: return hh_cnc_inner_x(m, d, p[0], p[1], p[2]);
  case HH_GAUGE_INNER_Y: return hh_cnc_inner_y(m, d, p[0], p[1], p[2]);
  case HH_GAUGE_DEPTH: {
    double a = hh_cnc_height_at(m, d, p[0], p[1]), b = hh_cnc_height_at(m, d, q[0], q[1]);
    return (a < 0 && b < 0) ? -1 : a - b;
  }
  case HH_GAUGE_DIAMETER: {
    if (!d->cnc.radius) return -1;
    double r = hh_cnc_radius_at(m, d, p[2]);
    return r < 0 ? -1 : 2.0 * r;
  }
  case HH_GAUGE_LENGTH:
    return d->cnc.radius ? lathe_length(m, d, fabs(g->at[0]), p[2]) : -1;
  case HH_GAUGE_THREAD:
    return d->cnc.radius ? 2.0 * thread_root(m, d, p[2], q[2]) : -1;
  default: return -1;
  }
}

void hh_cnc_measure_all(const hh_model *m, hh_data *d) {
  for (int i = 0; i < m->cnc.n_gauges; i++) d->cnc.dims[i] = hh_cnc_measure(m, d, &m->cnc.gauge[i]);
}
