/* hh_rship.c - the berthing scene of HH_MACHINE_SHIP: the ship posed from
 * d->marine.ship (hull with square stern and tapered bow, deck, accommodation, funnel,
 * manifold), the tugs at their attachment points with a bar showing their push, and
 * the fenders on the quay face squeezed by their load; plus the HUD rows a deck
 * officer reads (speed, closing speed, rudder, wind, engine, distance to the fenders,
 * tugs). Reads hh_data, never writes it. */
#include "hh_render_int.h"
#include "../core/hh_i18n.h"
#include <cglm/cglm.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define PI 3.14159265358979323846

static const float HULL_RGBA[4] = {0.10f, 0.11f, 0.12f, 1};
static const float BOOT_RGBA[4] = {0.30f, 0.03f, 0.02f, 1};
static const float DECK_RGBA[4] = {0.06f, 0.16f, 0.07f, 1};
static const float HOUSE_RGBA[4] = {0.80f, 0.80f, 0.76f, 1};
static const float FUNNEL_RGBA[4] = {0.60f, 0.20f, 0.05f, 1};
static const float PIPE_RGBA[4] = {0.50f, 0.50f, 0.48f, 1};
static const float TUG_RGBA[4] = {0.55f, 0.05f, 0.03f, 1};
static const float TUGHOUSE_RGBA[4] = {0.85f, 0.85f, 0.82f, 1};
static const float PUSH_RGBA[4] = {1.0f, 0.75f, 0.05f, 1};
static const float FENDER_RGBA[4] = {0.03f, 0.03f, 0.03f, 1};

/* world point of body point (x forward, y to port, z up from the waterline) */
static void body(const hh_ship_state *s, double wz, double x, double yp, double z,
                 double out[3]) {
  double c = cos(s->psi), sn = sin(s->psi);
  out[0] = s->x + x * c - yp * sn;
  out[1] = s->y + x * sn + yp * c;
  out[2] = wz + z;
}

/* a box of the ship in body coordinates (centre x, y port, z; half extents) */
static void part(hh_ibuf *b, const hh_ship_state *s, double wz, double x, double y, double z,
                 double hx, double hy, double hz, double yaw, const float *rgba) {
  double c[3], h[3] = {hx, hy, hz};
  body(s, wz, x, y, z, c);
  hh_ibuf_box(b, c, h, s->psi + yaw, rgba, HH_MAT_SOLID);
}

/* hull, deck, superstructure */
static void hull(hh_ibuf *b, const hh_ship_params *p, const hh_ship_state *s) {
  const hh_mmg_hull *h = &p->hull;
  double L = h->L, B = h->B, d = h->d, fb = 0.45 * d, wz = p->water_z;
  double zc = (fb - d) / 2, hz = (fb + d) / 2;
  /* parallel middle body, stern, bow taper: each a box of the outline's width */
  part(b, s, wz, -0.05 * L, 0, zc, 0.35 * L, 0.5 * B, hz, 0, HULL_RGBA);
  part(b, s, wz, -0.45 * L, 0, zc, 0.05 * L, 0.42 * B, hz, 0, HULL_RGBA);
  part(b, s, wz, 0.35 * L, 0, zc, 0.05 * L, 0.45 * B, hz, 0, HULL_RGBA);
  part(b, s, wz, 0.42 * L, 0, zc, 0.03 * L, 0.36 * B, hz, 0, HULL_RGBA);
  part(b, s, wz, 0.475 * L, 0, zc, 0.025 * L, 0.20 * B, hz, 0, HULL_RGBA);
  /* red boot-topping band at the waterline, deck on top */
  part(b, s, wz, -0.05 * L, 0, 0.0, 0.352 * L, 0.502 * B, 0.8, 0, BOOT_RGBA);
  part(b, s, wz, 0.0, 0, fb + 0.05, 0.40 * L, 0.49 * B, 0.1, 0, DECK_RGBA);
  /* accommodation, bridge wings, funnel, manifold and the fore-and-aft pipe rack */
  part(b, s, wz, -0.40 * L, 0, fb + 9.0, 0.035 * L, 0.36 * B, 9.0, 0, HOUSE_RGBA);
  part(b, s, wz, -0.385 * L, 0, fb + 17.0, 0.015 * L, 0.5 * B, 1.0, 0, HOUSE_RGBA);
  part(b, s, wz, -0.45 * L, 0, fb + 14.0, 4.0, 4.5, 7.0, 0, FUNNEL_RGBA);
  part(b, s, wz, 0.0, 0, fb + 1.5, 0.30 * L, 1.2, 1.2, 0, PIPE_RGBA);
  part(b, s, wz, 0.0, 0, fb + 2.0, 3.0, 0.45 * B, 1.0, 0, PIPE_RGBA);
}

/* tugs pushing at their points, a bar along the push proportional to the force */
static void tugs(hh_ibuf *b, const hh_ship_params *p, const hh_ship_state *s) {
  for (int i = 0; i < p->n_tugs; i++) {
    const hh_ship_tug *t = &p->tug[i];
    /* body push direction (x fwd, y port) and the tug sitting outboard of the point */
    double dx = cos(t->dir), dy = -sin(t->dir);
    double ax = t->at[0], ay = -t->at[1];
    double cx = ax - dx * 16.0, cy = ay - dy * 16.0;
    double yaw = atan2(dy, dx);
    part(b, s, p->water_z, cx, cy, 0.5, 15.0, 5.5, 3.0, yaw, TUG_RGBA);
    part(b, s, p->water_z, cx - dx * 3.0, cy - dy * 3.0, 5.5, 4.0, 3.5, 2.0, yaw, TUGHOUSE_RGBA);
    double f = t->max_force > 0 ? s->tug_force[i] / t->max_force : 0;
    if (fabs(f) > 0.01) {
      double len = 14.0 * fabs(f), sx = f > 0 ? 1.0 : -1.0;
      part(b, s, p->water_z, cx + sx * dx * (1.0 + len), cy + sx * dy * (1.0 + len), 9.0, len,
           0.6, 0.6, yaw, PUSH_RGBA);
    }
  }
}

/* fenders on the quay face, squeezed by their reaction */
static void fenders(hh_ibuf *b, const hh_ship_params *p, const hh_ship_state *s) {
  const hh_ship_berth *bt = &p->berth;
  for (int i = 0; i < bt->n_fenders; i++) {
    const hh_ship_fender *f = &bt->fender[i];
    double comp = f->stiffness > 0 ? s->fender_force[i] / f->stiffness : 0;
    double depth = f->depth - comp;
    if (depth < 0.1) depth = 0.1;
    double c[3] = {f->x, bt->quay_y + depth / 2, p->water_z + 1.5};
    double h[3] = {f->half_len, depth / 2, 2.0};
    hh_ibuf_box(b, c, h, 0.0, FENDER_RGBA, HH_MAT_SOLID);
  }
}

/* ship and tugs (crane layer), fenders (load layer) */
void hh_rship_dynamic(hh_ibuf *b, const hh_model *m, const hh_data *d, unsigned layers) {
  const hh_ship_params *p = &m->marine.ship;
  const hh_ship_state *s = &d->marine.ship;
  if (!(p->hull.L > 0)) return;
  if (layers & HH_LAYER_CRANE) {
    hull(b, p, s);
    tugs(b, p, s);
  }
  if ((layers & HH_LAYER_LOAD) && p->has_berth) fenders(b, p, s);
}

/* HUD rows and gauges for a ship */
void hh_rship_hud_rows(const hh_model *m, const hh_data *d, const char *lab[7],
                       char val[7][64], double gval[4], double gmax[4], double gwarn[4],
                       double galarm[4]) {
  const hh_ship_params *p = &m->marine.ship;
  const hh_ship_state *s = &d->marine.ship;
  const double kn = 1.0 / 0.514444;
  const char *l[7] = {hh_tr("Speed"), hh_tr("Closing speed"), hh_tr("Rudder"), hh_tr("Wind"),
                      hh_tr("Engine"), hh_tr("To fenders"), hh_tr("Tugs")};
  for (int i = 0; i < 7; i++) lab[i] = l[i];
  double sp = d->metric[HH_M_SHIP_SPEED], vc = d->metric[HH_M_SHIP_LAT_SPEED];
  double wind = hypot(s->wind[0], s->wind[1]);
  snprintf(val[0], 64, "%.1f kn", sp * kn);
  snprintf(val[1], 64, "%.2f m/s", fabs(vc) < 0.005 ? 0.0 : vc); /* no "-0.00" */
  snprintf(val[2], 64, "%.0f\xC2\xB0 %s", fabs(s->delta) * 180.0 / PI,
           s->delta > 0.004 ? "S" : s->delta < -0.004 ? "P" : "");
  snprintf(val[3], 64, "%.1f m/s", wind);
  snprintf(val[4], 64, "%.0f rpm", s->n * 60.0);
  snprintf(val[5], 64, "%.1f m", d->metric[HH_M_SHIP_QUAY_DIST] < 1e6 ? d->metric[HH_M_SHIP_QUAY_DIST] : 0.0);
  int f0 = p->n_tugs > 0 && p->tug[0].max_force > 0 ? (int)lround(100.0 * s->tug_force[0] / p->tug[0].max_force) : 0;
  int f1 = p->n_tugs > 1 && p->tug[1].max_force > 0 ? (int)lround(100.0 * s->tug_force[1] / p->tug[1].max_force) : 0;
  snprintf(val[6], 64, "%d%% / %d%%", f0, f1);
  double v[4] = {sp * kn, vc > 0 ? vc : 0, fabs(s->delta) * 180.0 / PI, wind};
  double mx[4] = {8.0, 0.3, 35.0, 25.0}, w[4] = {3.0, 0.10, 0, 15.0}, a[4] = {4.0, 0.15, 0, 20.0};
  for (int i = 0; i < 4; i++) {
    gval[i] = v[i];
    gmax[i] = mx[i];
    gwarn[i] = w[i];
    galarm[i] = a[i];
  }
}

/* the ship's cameras: bridge wing looking ahead along the hull (cab), a view from
   above and abeam following the ship (follow), and a spectator orbit over the ship
   and the berth that fits the whole hull (orbit) */
void hh_rship_camera(const hh_camera *cam, const hh_model *m, const hh_data *d, float aspect,
                     float view[16], float proj[16]) {
  const hh_ship_params *p = &m->marine.ship;
  const hh_ship_state *s = &d->marine.ship;
  double L = p->hull.L > 0 ? p->hull.L : 100.0, B = p->hull.B > 0 ? p->hull.B : 20.0;
  double c = cos(s->psi), sn = sin(s->psi), wz = p->water_z;
  float eye[3], at[3], up[3] = {0, 0, 1};
  float fov = 50.0f * (float)PI / 180.0f;
  if (aspect <= 0) aspect = 16.0f / 9.0f;
  switch (cam ? cam->mode : HH_CAM_ORBIT) {
    case HH_CAM_CAB: { /* starboard bridge wing, just forward of the house, looking past the bow */
      double be[3], ba[3];
      body(s, wz, -0.36 * L, -0.5 * B, 0.45 * p->hull.d + 18.5, be);
      body(s, wz, 0.6 * L, -0.25 * B, 0.0, ba);
      for (int i = 0; i < 3; i++) eye[i] = (float)be[i], at[i] = (float)ba[i];
      fov = 60.0f * (float)PI / 180.0f;
      break;
    }
    case HH_CAM_FOLLOW: /* abeam on the seaward side, above: hull and quay both in view */
      at[0] = (float)s->x; at[1] = (float)s->y; at[2] = (float)wz;
      eye[0] = (float)(s->x + 0.9 * L * sn - 0.3 * L * c);
      eye[1] = (float)(s->y - 0.9 * L * c - 0.3 * L * sn);
      if (p->has_berth && eye[1] < p->berth.quay_y) eye[1] = (float)(2 * s->y - eye[1]);
      eye[2] = (float)(wz + 0.45 * L);
      fov = 45.0f * (float)PI / 180.0f;
      break;
    default: { /* spectator orbit from seaward and aft, over the ship toward the berth */
      float yaw = 2.3f + (cam ? cam->orbit_yaw : 0.0f);
      float pitch = 0.6f + (cam ? cam->orbit_pitch : 0.0f);
      float dist = (cam && cam->orbit_dist > 0) ? cam->orbit_dist : (float)(1.5 * L);
      if (pitch < -0.05f) pitch = -0.05f;
      if (pitch > 1.5f) pitch = 1.5f;
      at[0] = (float)s->x; at[1] = (float)s->y; at[2] = (float)wz;
      if (p->has_berth) { /* a quarter of the way from the ship to the berth */
        at[0] = (float)(0.75 * s->x + 0.25 * p->berth.target_x);
        at[1] = (float)(0.6 * s->y + 0.4 * p->berth.quay_y);
      }
      eye[0] = at[0] + dist * cosf(pitch) * cosf(yaw);
      eye[1] = at[1] + dist * cosf(pitch) * sinf(yaw);
      eye[2] = at[2] + dist * sinf(pitch);
      break;
    }
  }
  mat4 v, pr;
  glm_lookat(eye, at, up, v);
  glm_perspective(fov, aspect, (float)(0.004 * L), (float)(40.0 * L), pr);
  memcpy(view, v, sizeof(float) * 16);
  memcpy(proj, pr, sizeof(float) * 16);
}

/* the berthing instruction for the step the deck officer is on, from the metrics */
const char *hh_rship_step_text(const hh_model *m, const hh_data *d) {
  const double *x = d->metric;
  if (d->done || x[HH_M_TASK_DONE] != 0 || x[HH_M_SHIP_BERTHED] != 0) return hh_tr("Task complete");
  if (x[HH_M_SHIP_QUAY_HIT] != 0 || x[HH_M_SHIP_SHIP_HIT] != 0)
    return hh_tr("Collision: stop the engine and hold the ship");
  if (!m->marine.ship.has_berth) return hh_tr("Steer the ship");
  if (x[HH_M_SHIP_ALONGSIDE] != 0) return hh_tr("Alongside: stop the ship and hold her at the berth");
  if (x[HH_M_SHIP_NEAR_BERTH] != 0) {
    if (x[HH_M_SHIP_LAT_SPEED] > 0.15) return hh_tr("Too fast toward the quay: push off with the tugs");
    return hh_tr("Bring her alongside slowly, parallel to the fenders");
  }
  return hh_tr("Approach the berth at slow speed");
}
