/* hh_rmarine.c - the offshore lift drawn from hh_data: the sea surface as tiles posed
 * from the SAME wave components the physics uses (elevation and slope at each tile),
 * the supply vessel riding them (hull, bulwarks, forward superstructure), the platform
 * pedestal crane (slewing house, lattice boom, wire, hook, sling) and the hung cargo;
 * its cameras and the HUD rows. The renderer only reads the model and the data. */
#include "hh_render_int.h"
#include "../core/hh_i18n.h"
#include "../machines/marine/hh_marine.h"
#include <cglm/cglm.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define SEA_N 30        /* tiles per side */
#define SEA_TILE 6.0    /* m per tile */
#define PI 3.14159265358979323846

static const float SEA_RGBA[4] = {0.02f, 0.10f, 0.17f, 1};
static const float DEEP_RGBA[4] = {0.02f, 0.10f, 0.17f, 1};
static const float HULL_RGBA[4] = {0.45f, 0.06f, 0.04f, 1};
static const float DECK_RGBA[4] = {0.25f, 0.24f, 0.22f, 1};
static const float WHITE_RGBA[4] = {0.85f, 0.86f, 0.84f, 1};
static const float CRANE_RGBA[4] = {0.85f, 0.62f, 0.03f, 1};
static const float WIRE_RGBA[4] = {0.08f, 0.08f, 0.08f, 1};
static const float LOAD_RGBA[4] = {0.10f, 0.32f, 0.12f, 1};
static const float GLASS_RGBA[4] = {0.05f, 0.09f, 0.12f, 1};

/* quaternion (x y z w) of rotation matrix R */
static void mat_quat(const double R[3][3], double q[4]) {
  double t = R[0][0] + R[1][1] + R[2][2];
  if (t > 0) {
    double s = 0.5 / sqrt(t + 1.0);
    q[3] = 0.25 / s;
    q[0] = (R[2][1] - R[1][2]) * s;
    q[1] = (R[0][2] - R[2][0]) * s;
    q[2] = (R[1][0] - R[0][1]) * s;
  } else if (R[0][0] > R[1][1] && R[0][0] > R[2][2]) {
    double s = 2.0 * sqrt(1.0 + R[0][0] - R[1][1] - R[2][2]);
    q[3] = (R[2][1] - R[1][2]) / s; q[0] = 0.25 * s;
    q[1] = (R[0][1] + R[1][0]) / s; q[2] = (R[0][2] + R[2][0]) / s;
  } else if (R[1][1] > R[2][2]) {
    double s = 2.0 * sqrt(1.0 + R[1][1] - R[0][0] - R[2][2]);
    q[3] = (R[0][2] - R[2][0]) / s; q[0] = (R[0][1] + R[1][0]) / s;
    q[1] = 0.25 * s; q[2] = (R[1][2] + R[2][1]) / s;
  } else {
    double s = 2.0 * sqrt(1.0 + R[2][2] - R[0][0] - R[1][1]);
    q[3] = (R[1][0] - R[0][1]) / s; q[0] = (R[0][2] + R[2][0]) / s;
    q[1] = (R[1][2] + R[2][1]) / s; q[2] = 0.25 * s;
  }
}

void hh_ibuf_sea(hh_ibuf *b, double cx, double cy, double hs, const double z[4],
                 const double sx[4], const double sy[4], const float rgba[4]) {
  double c[3] = {0, 0, 0}, h[3] = {1, 1, 1};
  int n = b->n;
  hh_ibuf_box(b, c, h, 0.0, rgba, HH_MAT_SEA); /* colour and material; the pose below */
  if (b->n == n) return;
  hh_inst *in = &b->v[n];
  for (int k = 0; k < 4; k++) {
    in->model[k] = (float)z[k];
    in->model[4 + k] = (float)sx[k];
    in->model[8 + k] = (float)sy[k];
  }
  in->model[12] = (float)cx;
  in->model[13] = (float)cy;
  in->model[14] = (float)hs;
  in->model[15] = 1.0f;
}

/* the sea surface at the (n+1) x (n+1) grid corners (x0 + i step, y0 + j step), time t:
   elevation ze (m above s->level) and slopes zx = dz/dx, zy = dz/dy, each [i * (n + 1) + j],
   from the wave components the physics uses (hh_sea_elevation), the slopes only of waves
   the grid resolves (a component's slope fades out between 4 and 2 grid cells per
   wavelength, so short waves do not alias into the drawn normals). Per component the
   phase is linear in i and j, so its phasor e^(i theta) at a corner is the product of a
   row phasor and a column phasor, each advanced by a complex rotation: 3 sincos per
   component instead of one per corner, agreeing with direct evaluation to ~1e-13 m;
   -1 (nothing written) unless 1 <= n <= HH_SEA_GRID_MAX */
int hh_rmarine_sea_grid(const hh_sea_params *s, double x0, double y0, double step, int n,
                         double t, double *ze, double *zx, double *zy) {
  double rc[HH_SEA_GRID_MAX + 1], rs[HH_SEA_GRID_MAX + 1]; /* row phasors (cos, sin) */
  double cc[HH_SEA_GRID_MAX + 1], cs[HH_SEA_GRID_MAX + 1]; /* column phasors */
  if (n < 1 || n > HH_SEA_GRID_MAX) return -1;
  int m = n + 1;
  for (int q = 0; q < m * m; q++) ze[q] = zx[q] = zy[q] = 0;
  for (int k = 0; k < s->n; k++) {
    double kt = s->k[k] * step / PI; /* 1: 2 cells per wavelength */
    double f = kt < 0.5 ? 1.0 : kt > 1.0 ? 0.0 : 0.5 + 0.5 * cos((kt - 0.5) * 2.0 * PI);
    double a = s->amp[k], fx = f * s->kx[k], fy = f * s->ky[k];
    double th0 = s->kx[k] * x0 + s->ky[k] * y0 - s->omega[k] * t + s->phase[k];
    double dxc = cos(s->kx[k] * step), dxs = sin(s->kx[k] * step);
    double dyc = cos(s->ky[k] * step), dys = sin(s->ky[k] * step);
    rc[0] = cos(th0), rs[0] = sin(th0), cc[0] = 1.0, cs[0] = 0.0;
    for (int i = 1; i < m; i++) {
      rc[i] = rc[i - 1] * dxc - rs[i - 1] * dxs, rs[i] = rc[i - 1] * dxs + rs[i - 1] * dxc;
      cc[i] = cc[i - 1] * dyc - cs[i - 1] * dys, cs[i] = cc[i - 1] * dys + cs[i - 1] * dyc;
    }
    for (int i = 0; i < m; i++) {
      double *e = ze + i * m, *gx = zx + i * m, *gy = zy + i * m;
      double ac = a * rc[i], as = a * rs[i];
      for (int j = 0; j < m; j++) { /* cos, sin of the corner's phase, times a */
        double c = ac * cc[j] - as * cs[j], sn = ac * cs[j] + as * cc[j];
        e[j] += c;
        gx[j] -= fx * sn;
        gy[j] -= fy * sn;
      }
    }
  }
  return 0;
}

/* the sea around the vessel: one continuous surface through the wave elevation at
   the grid corners (neighbouring patches share them: no seams, no steps), smooth
   normals from the wave slopes; a flat sea beyond, all drawn by the water program */
static void sea(hh_ibuf *b, const hh_model *m, const hh_data *d) {
  const hh_sea_params *s = &m->marine.sea;
  const hh_vessel_params *v = &m->marine.vessel;
  double cx = v->pos[0], cy = v->pos[1] - 10.0, t = d->time_s;
  double ze[SEA_N + 1][SEA_N + 1], zx[SEA_N + 1][SEA_N + 1], zy[SEA_N + 1][SEA_N + 1];
  double x0 = cx - 0.5 * SEA_N * SEA_TILE, y0 = cy - 0.5 * SEA_N * SEA_TILE;
  hh_rmarine_sea_grid(s, x0, y0, SEA_TILE, SEA_N, t, &ze[0][0], &zx[0][0], &zy[0][0]);
  for (int i = 0; i < SEA_N; i++)
    for (int j = 0; j < SEA_N; j++) {
      double z[4], sx[4], sy[4];
      for (int c = 0; c < 4; c++) {
        int a = i + (c & 1), bb = j + (c >> 1);
        z[c] = s->level + ze[a][bb], sx[c] = zx[a][bb], sy[c] = zy[a][bb];
      }
      hh_ibuf_sea(b, x0 + (i + 0.5) * SEA_TILE, y0 + (j + 0.5) * SEA_TILE, 0.5 * SEA_TILE, z, sx,
                  sy, SEA_RGBA);
    }
  double dz = s->level - 0.8 * s->hs - 0.2; /* below the troughs */
  double zd[4] = {dz, dz, dz, dz}, o[4] = {0};
  hh_ibuf_sea(b, cx, cy, 2500.0, zd, o, o, DEEP_RGBA);
}

/* a box given in the vessel frame (centre and half extents) posed with the vessel */
static void vbox(hh_ibuf *b, const double o[3], const double R[3][3], const double q[4],
                 double x, double y, double z, double hx, double hy, double hz, const float rgba[4]) {
  double c[3], h[3] = {hx, hy, hz};
  for (int k = 0; k < 3; k++) c[k] = o[k] + R[k][0] * x + R[k][1] * y + R[k][2] * z;
  hh_ibuf_box_q(b, c, h, q, rgba, HH_MAT_SOLID);
}

/* the supply vessel: hull in steps (parallel body, bow taper), deck, bulwarks,
   forward superstructure with the bridge */
static void vessel(hh_ibuf *b, const hh_model *m, const hh_data *d) {
  const hh_vessel_params *v = &m->marine.vessel;
  double o[3], R[3][3], q[4];
  hh_vessel_pose(v, d->marine.oc.eta, o, R);
  mat_quat(R, q);
  double L = v->length, B = v->beam, T = v->draft, D = v->depth, zc = 0.5 * (D - T) - 0.5 * T;
  double hz = 0.5 * D;
  vbox(b, o, R, q, -0.5 * L + 0.3 * L, 0, zc + 0.0, 0.3 * L, 0.5 * B, hz, HULL_RGBA);
  for (int k = 0; k < 4; k++) { /* bow taper in four steps */
    double x0 = 0.1 * L + k * 0.1 * L, w = B * sqrt(1 - pow((k + 0.5) / 4.0, 2));
    vbox(b, o, R, q, x0 + 0.05 * L, 0, zc, 0.05 * L, 0.5 * w, hz, HULL_RGBA);
  }
  double dz = D - T; /* deck height above the waterline */
  vbox(b, o, R, q, -0.2 * L, 0, dz + 0.02, 0.3 * L, 0.5 * B - 0.3, 0.03, DECK_RGBA);
  for (int sd = -1; sd <= 1; sd += 2) /* bulwarks along the cargo deck */
    vbox(b, o, R, q, -0.2 * L, sd * (0.5 * B - 0.15), dz + 0.6, 0.3 * L, 0.15, 0.6, WHITE_RGBA);
  vbox(b, o, R, q, 0.2 * L, 0, dz + 4.0, 0.1 * L, 0.5 * B - 0.5, 4.0, WHITE_RGBA);
  vbox(b, o, R, q, 0.22 * L, 0, dz + 9.5, 0.06 * L, 0.5 * B - 1.5, 1.5, WHITE_RGBA);
  vbox(b, o, R, q, 0.22 * L - 0.06 * L - 0.05, 0, dz + 9.6, 0.06, 0.5 * B - 2.0, 0.8, GLASS_RGBA);
}

/* the pedestal crane, wire, hook, sling legs and the load */
static void crane(hh_ibuf *b, const hh_model *m, const hh_data *d, unsigned layers) {
  const hh_offshore_crane_params *p = &m->marine.crane;
  const hh_offshore_state *s = &d->marine.oc;
  double tip[3];
  hh_offshore_tip(p, s->slew, s->luff, tip);
  if (layers & HH_LAYER_CRANE) {
    double cs = cos(s->slew), sn = sin(s->slew);
    double house[3] = {p->base[0] - 2.5 * cs, p->base[1] - 2.5 * sn, p->base[2] + 0.5};
    double hh[3] = {4.0, 2.2, 2.0};
    hh_ibuf_box(b, house, hh, s->slew, CRANE_RGBA, HH_MAT_SOLID);
    double cab[3] = {p->base[0] + 1.8 * cs - 2.6 * sn, p->base[1] + 1.8 * sn + 2.6 * cs, p->base[2] + 0.8};
    double ch[3] = {1.2, 0.9, 1.2};
    hh_ibuf_box(b, cab, ch, s->slew, WHITE_RGBA, HH_MAT_SOLID);
    for (int sd = -1; sd <= 1; sd += 2) { /* two boom chords and the A-frame */
      double heel[3] = {p->base[0] - sd * 0.9 * sn, p->base[1] + sd * 0.9 * cs, p->base[2]};
      double t2[3] = {tip[0] - sd * 0.3 * sn, tip[1] + sd * 0.3 * cs, tip[2]};
      hh_ibuf_bar(b, heel, t2, 0.35, CRANE_RGBA);
    }
    double apex[3] = {p->base[0] - 4.5 * cs, p->base[1] - 4.5 * sn, p->base[2] + 9.0};
    double back[3] = {p->base[0] - 6.0 * cs, p->base[1] - 6.0 * sn, p->base[2] + 1.5};
    hh_ibuf_bar(b, back, apex, 0.3, CRANE_RGBA);
    hh_ibuf_rope(b, apex, tip, 0.06, WIRE_RGBA); /* luffing wire */
  }
  if (layers & HH_LAYER_LOAD) {
    const hh_oc_load *L = &s->load;
    double ap_b[3] = {0, 0, p->load_half[2] + p->sling_height}, apex[3];
    /* rotate by the load quaternion */
    double x = L->quat[0], y = L->quat[1], z = L->quat[2], w = L->quat[3];
    double R[3][3] = {{1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)},
                      {2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)},
                      {2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)}};
    for (int k = 0; k < 3; k++) apex[k] = L->pos[k] + R[k][2] * ap_b[2];
    hh_ibuf_rope(b, tip, apex, 0.05, WIRE_RGBA);
    double hook[3] = {apex[0], apex[1], apex[2] + 0.6}, hkh[3] = {0.35, 0.25, 0.6};
    hh_ibuf_box_q(b, hook, hkh, L->quat, CRANE_RGBA, HH_MAT_SOLID);
    for (int c = 0; c < 4; c++) { /* sling legs to the top corners */
      double cb[3] = {(c & 1 ? 1 : -1) * (p->load_half[0] - 0.2), (c & 2 ? 1 : -1) * (p->load_half[1] - 0.1),
                      p->load_half[2]}, cw[3];
      for (int k = 0; k < 3; k++) cw[k] = L->pos[k] + R[k][0] * cb[0] + R[k][1] * cb[1] + R[k][2] * cb[2];
      hh_ibuf_rope(b, apex, cw, 0.03, WIRE_RGBA);
    }
    hh_ibuf_box_q(b, L->pos, p->load_half, L->quat, LOAD_RGBA, HH_MAT_SOLID);
    for (int e = -1; e <= 1; e += 2) { /* end frames */
      double off[3] = {e * (p->load_half[0] - 0.1), 0, 0}, c[3];
      double fh[3] = {0.12, p->load_half[1] + 0.01, p->load_half[2] + 0.01};
      for (int k = 0; k < 3; k++) c[k] = L->pos[k] + R[k][0] * off[0];
      float fr[4] = {LOAD_RGBA[0] * 0.5f, LOAD_RGBA[1] * 0.5f, LOAD_RGBA[2] * 0.5f, 1};
      hh_ibuf_box_q(b, c, fh, L->quat, fr, HH_MAT_SOLID);
    }
  }
}

void hh_rmarine_dynamic(hh_ibuf *b, const hh_model *m, const hh_data *d, unsigned layers) {
  if (layers & HH_LAYER_WORLD) {
    sea(b, m, d);
    vessel(b, m, d);
  }
  crane(b, m, d, layers);
}

void hh_rmarine_camera(const hh_camera *cam, const hh_model *m, const hh_data *d, float aspect,
                       float view[16], float proj[16]) {
  const hh_offshore_crane_params *p = &m->marine.crane;
  const hh_oc_load *L = &d->marine.oc.load;
  vec3 eye, at, up = {0, 0, 1};
  float fov = glm_rad(50.0f);
  if (aspect <= 0) aspect = 16.0f / 9.0f;
  switch (cam ? cam->mode : HH_CAM_ORBIT) {
    case HH_CAM_CAB: { /* the crane cab beside the boom heel, looking at the load */
      double cs = cos(d->marine.oc.slew), sn = sin(d->marine.oc.slew);
      eye[0] = (float)(p->base[0] + 1.8 * cs - 2.6 * sn);
      eye[1] = (float)(p->base[1] + 1.8 * sn + 2.6 * cs);
      eye[2] = (float)(p->base[2] + 1.0);
      at[0] = (float)L->pos[0]; at[1] = (float)L->pos[1]; at[2] = (float)L->pos[2];
      fov = glm_rad(55.0f);
      break;
    }
    case HH_CAM_FOLLOW: /* beside the load, a little above */
      at[0] = (float)L->pos[0]; at[1] = (float)L->pos[1]; at[2] = (float)L->pos[2];
      eye[0] = at[0] + 28.0f; eye[1] = at[1] + 22.0f; eye[2] = at[2] + 9.0f;
      fov = glm_rad(45.0f);
      break;
    default: { /* spectator orbit around the middle of crane and vessel */
      float yaw = 0.35f + (cam ? cam->orbit_yaw : 0.0f);
      float pitch = 0.28f + (cam ? cam->orbit_pitch : 0.0f);
      float dist = (cam && cam->orbit_dist > 0) ? cam->orbit_dist : 120.0f;
      pitch = glm_clamp(pitch, -0.05f, 1.5f);
      at[0] = (float)(0.5 * (p->base[0] + m->marine.vessel.pos[0]));
      at[1] = (float)(0.5 * (p->base[1] + m->marine.vessel.pos[1]));
      at[2] = 10.0f;
      eye[0] = at[0] + dist * cosf(pitch) * cosf(yaw);
      eye[1] = at[1] + dist * cosf(pitch) * sinf(yaw);
      eye[2] = at[2] + dist * sinf(pitch);
      break;
    }
  }
  mat4 v, pr;
  glm_lookat(eye, at, up, v);
  glm_perspective(fov, aspect, 0.5f, 2500.0f, pr);
  memcpy(view, v, sizeof(float) * 16);
  memcpy(proj, pr, sizeof(float) * 16);
}

void hh_rmarine_hud_rows(const hh_model *m, const hh_data *d, const char *lab[7],
                         char val[7][64], double gval[4], double gmax[4], double gwarn[4],
                         double galarm[4]) {
  const double *x = d->metric;
  lab[0] = hh_tr("Hook load / SWL");
  lab[1] = hh_tr("Load above deck");
  lab[2] = hh_tr("Sway");
  lab[3] = hh_tr("Wind");
  lab[4] = hh_tr("Radius");
  lab[5] = hh_tr("Deck heave");
  lab[6] = hh_tr("Safe-load indicator");
  snprintf(val[0], 64, "%.1f / %.1f t", x[HH_M_OC_LOAD] / 1000.0, x[HH_M_OC_SWL] / 1000.0);
  snprintf(val[1], 64, "%.1f m", fabs(x[HH_M_OC_LOAD_CLEAR]) < 0.05 ? 0.0 : x[HH_M_OC_LOAD_CLEAR]);
  snprintf(val[2], 64, "%.1f\xC2\xB0", fabs(x[HH_M_SWAY_ANGLE]));
  snprintf(val[3], 64, "%.1f m/s", x[HH_M_WIND_SPEED]);
  snprintf(val[4], 64, "%.1f m", x[HH_M_OC_RADIUS]);
  snprintf(val[5], 64, "%+.2f m  %+.2f m/s", x[HH_M_DECK_HEAVE], x[HH_M_DECK_VZ]);
  snprintf(val[6], 64, "%s", x[HH_M_OC_CUTOFF] != 0 ? hh_tr("CUT-OFF") :
                             (x[HH_M_OC_UTIL] > 0.9 ? hh_tr("near limit") : hh_tr("normal")));
  gval[0] = 100.0 * x[HH_M_OC_UTIL]; gmax[0] = 120; gwarn[0] = 90; galarm[0] = 100;
  gval[1] = x[HH_M_OC_LOAD_CLEAR] > 0 ? x[HH_M_OC_LOAD_CLEAR] : 0; gmax[1] = 40; gwarn[1] = 0; galarm[1] = 0;
  gval[2] = fabs(x[HH_M_SWAY_ANGLE]); gmax[2] = 10; gwarn[2] = 3; galarm[2] = 5;
  gval[3] = x[HH_M_WIND_SPEED]; gmax[3] = 30;
  gwarn[3] = 0.8 * m->marine.crane.wind_limit; galarm[3] = m->marine.crane.wind_limit;
}

const char *hh_rmarine_step_text(const hh_model *m, const hh_data *d) {
  const double *x = d->metric;
  const hh_offshore_crane_params *p = &m->marine.crane;
  if (d->done || x[HH_M_TASK_DONE] != 0) return hh_tr("Task complete");
  if (x[HH_M_OC_CUTOFF] != 0) return hh_tr("Overload: lower the load or luff in");
  if (!d->marine.oc.lifted) {
    if (m->marine.sea.hs > p->hs_limit || m->marine.wind.speed > p->wind_limit)
      return hh_tr("Weather above the crane's limit: press F to call the lift off");
    return hh_tr("Keep the wire slack; lift off fast as the deck starts to rise");
  }
  if (x[HH_M_OC_LANDED] != 0) return hh_tr("Pay out until the wire is slack");
  if (x[HH_M_OC_HOOK_HEIGHT] - p->landing[2] < 6.0 && x[HH_M_LANDING_OFFSET] > 3.0)
    return hh_tr("Hoist clear of the deck and the platform");
  if (x[HH_M_LANDING_OFFSET] > 1.0)
    return hh_tr("Luff in, then slew to the laydown area (keep off the personnel area)");
  return hh_tr("Lower gently onto the laydown area");
}
