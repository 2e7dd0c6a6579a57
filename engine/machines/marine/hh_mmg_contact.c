/* hh_mmg_contact.c - the hull against the berth: a convex waterline polygon (square
 * stern, parallel middle body, rounded bow) pressed against fenders on a straight quay
 * wall, and overlap with the scene's OBSTACLE boxes (other ships, dolphins).
 *
 * A fender is a spring-damper strip on the quay face: its compression is how far the
 * polygon's lowest point over the fender's length is past the fender face; the
 * reaction pushes seaward (+y) at that point, never pulls. The quay wall is a stiff
 * penalty contact under the lowest hull vertex; touching it is a fault (quay_hit).
 * Obstacles give no reaction: touching one is a critical fault that ends the attempt.
 */
#include "hh_mmg_internal.h"
#include <math.h>

/* body outline in fractions of L (x forward) and B (y starboard), convex, in order */
static const double OUTLINE[HH_SHIP_OUTLINE_N][2] = {
    {-0.50, -0.40}, {-0.40, -0.50}, {0.30, -0.50}, {0.45, -0.35}, {0.50, 0.00},
    {0.45, 0.35},   {0.30, 0.50},   {-0.40, 0.50}, {-0.50, 0.40}};

/* the waterline polygon in the world at x, y, psi */
void hh_ship_outline(const hh_mmg_hull *h, double x, double y, double psi,
                     double out[HH_SHIP_OUTLINE_N][2]) {
  double c = cos(psi), s = sin(psi);
  for (int i = 0; i < HH_SHIP_OUTLINE_N; i++) {
    double xb = OUTLINE[i][0] * h->L, yb = OUTLINE[i][1] * h->B;
    out[i][0] = x + xb * c + yb * s;   /* starboard is (sin psi, -cos psi) */
    out[i][1] = y + xb * s - yb * c;
  }
}

/* lowest y of the polygon over x in [a, b] and the x where it is; 0 if none there */
static int lowest_over(const double P[HH_SHIP_OUTLINE_N][2], double a, double b,
                       double *ymin, double *xat) {
  int found = 0;
  for (int i = 0; i < HH_SHIP_OUTLINE_N; i++) {
    const double *p = P[i], *q = P[(i + 1) % HH_SHIP_OUTLINE_N];
    double x0 = p[0] < q[0] ? p[0] : q[0], x1 = p[0] < q[0] ? q[0] : p[0];
    double lo = x0 > a ? x0 : a, hi = x1 < b ? x1 : b;
    if (lo > hi) continue;
    for (int k = 0; k < 2; k++) {
      double x = k ? hi : lo, y;
      if (x1 - x0 < 1e-9) y = p[1] < q[1] ? p[1] : q[1];
      else y = p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0]);
      if (!found || y < *ymin) {
        *ymin = y;
        *xat = x;
        found = 1;
      }
    }
  }
  return found;
}

/* compression (m) and contact point of fender f; 0 when not touching */
static double fender_compression(const hh_ship_berth *b, int f,
                                 const double P[HH_SHIP_OUTLINE_N][2], double *px,
                                 double *py) {
  const hh_ship_fender *fd = &b->fender[f];
  double ymin, xat;
  if (!lowest_over(P, fd->x - fd->half_len, fd->x + fd->half_len, &ymin, &xat)) return 0.0;
  double face = b->quay_y + fd->depth;
  *px = xat;
  *py = ymin;
  return ymin < face ? face - ymin : 0.0;
}

/* lowest hull vertex within the quay's extent: its index, or -1 */
static int lowest_vertex(const hh_ship_berth *b, const double P[HH_SHIP_OUTLINE_N][2]) {
  int k = -1;
  for (int i = 0; i < HH_SHIP_OUTLINE_N; i++)
    if (P[i][0] >= b->quay_x[0] && P[i][0] <= b->quay_x[1] && (k < 0 || P[i][1] < P[k][1]))
      k = i;
  return k;
}

/* fender and quay wall reactions on the ship at q (body frame) */
void hh_ship_contact_force(const hh_ship_params *p, const double q[HH_Q_N], double F[3]) {
  if (!p->has_berth) return;
  const hh_ship_berth *b = &p->berth;
  double P[HH_SHIP_OUTLINE_N][2], v[2], px = 0, py = 0;
  hh_ship_outline(&p->hull, q[HH_Q_X], q[HH_Q_Y], q[HH_Q_PSI], P);
  for (int f = 0; f < b->n_fenders; f++) {
    double c = fender_compression(b, f, P, &px, &py);
    if (c <= 0.0) continue;
    hh_ship_point_vel(p, q, px, py, v);
    double fy = b->fender[f].stiffness * c - b->fender[f].damping * v[1];
    if (fy > 0.0) hh_ship_add_world_force(q, 0.0, fy, px, py, F);
  }
  int k = lowest_vertex(b, P);
  if (k >= 0 && P[k][1] < b->quay_y) {
    hh_ship_point_vel(p, q, P[k][0], P[k][1], v);
    double mass = p->hull.rho * p->hull.volume, w = HH_SHIP_WALL_OMEGA;
    double fy = mass * (w * w * (b->quay_y - P[k][1]) - 2.0 * HH_SHIP_WALL_ZETA * w * v[1]);
    if (fy > 0.0) hh_ship_add_world_force(q, 0.0, fy, P[k][0], P[k][1], F);
  }
}

/* 1 when point (x, y) is inside the yawed footprint of box bx */
static int in_box(const hh_box *bx, double x, double y) {
  double c = cos(bx->yaw), s = sin(bx->yaw), dx = x - bx->pos[0], dy = y - bx->pos[1];
  double lx = dx * c + dy * s, ly = -dx * s + dy * c;
  return fabs(lx) <= bx->half[0] && fabs(ly) <= bx->half[1];
}

/* 1 when point (x, y) is inside the convex hull polygon (counter-clockwise or not) */
static int in_hull(const double P[HH_SHIP_OUTLINE_N][2], double x, double y) {
  int pos = 0, neg = 0;
  for (int i = 0; i < HH_SHIP_OUTLINE_N; i++) {
    const double *a = P[i], *b = P[(i + 1) % HH_SHIP_OUTLINE_N];
    double cr = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
    if (cr > 0) pos = 1;
    if (cr < 0) neg = 1;
  }
  return !(pos && neg);
}

/* 1 when the hull overlaps an OBSTACLE box that reaches the waterline (wz +- 1 m) */
static int hits_obstacle(const hh_model *m, double wz, const double P[HH_SHIP_OUTLINE_N][2]) {
  for (int i = 0; i < m->n_boxes; i++) {
    const hh_box *bx = &m->box[i];
    if (bx->role != HH_ROLE_OBSTACLE) continue;
    if (bx->pos[2] - bx->half[2] > wz + 1.0 || bx->pos[2] + bx->half[2] < wz - 1.0) continue;
    for (int k = 0; k < HH_SHIP_OUTLINE_N; k++)
      if (in_box(bx, P[k][0], P[k][1])) return 1;
    double c = cos(bx->yaw), s = sin(bx->yaw);
    for (int k = 0; k < 4; k++) {
      double sx = (k & 1) ? 1 : -1, sy = (k & 2) ? 1 : -1;
      double lx = sx * bx->half[0], ly = sy * bx->half[1];
      if (in_hull(P, bx->pos[0] + lx * c - ly * s, bx->pos[1] + lx * s + ly * c)) return 1;
    }
  }
  return 0;
}

/* what the hull touches at q: fenders, quay wall, obstacles */
void hh_ship_touches(const hh_ship_params *p, const hh_model *m, const double q[HH_Q_N],
                     hh_ship_touch *t) {
  double P[HH_SHIP_OUTLINE_N][2], v[2], px = 0, py = 0;
  hh_ship_outline(&p->hull, q[HH_Q_X], q[HH_Q_Y], q[HH_Q_PSI], P);
  t->clearance = 1e9;
  t->quay = 0;
  t->obstacle = m ? hits_obstacle(m, p->water_z, P) : 0;
  for (int f = 0; f < HH_SHIP_MAX_FENDERS; f++) {
    t->fender[f] = 0;
    t->fender_vn[f] = 0.0;
    t->fender_force[f] = 0.0;
  }
  if (!p->has_berth) return;
  const hh_ship_berth *b = &p->berth;
  double face = b->quay_y;
  for (int f = 0; f < b->n_fenders; f++) {
    if (b->quay_y + b->fender[f].depth > face) face = b->quay_y + b->fender[f].depth;
    double c = fender_compression(b, f, P, &px, &py);
    if (c <= 0.0) continue;
    hh_ship_point_vel(p, q, px, py, v);
    t->fender[f] = 1;
    t->fender_vn[f] = -v[1];
    double fy = b->fender[f].stiffness * c - b->fender[f].damping * v[1];
    t->fender_force[f] = fy > 0.0 ? fy : 0.0;
  }
  int k = lowest_vertex(b, P);
  if (k >= 0) t->quay = P[k][1] <= b->quay_y;
  for (int i = 0; i < HH_SHIP_OUTLINE_N; i++)
    if (P[i][1] - face < t->clearance) t->clearance = P[i][1] - face;
}
