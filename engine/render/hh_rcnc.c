/* hh_rcnc.c - drawing the CNC machines from hh_data: the mill (base, column, moving
 * table with vise, spindle head, holder and cutter, the stock as a solid Z-map of
 * columns) and the lathe (bed, headstock, chuck, turret, the part as a turned solid
 * from its radial profile); the camera looking at the work zone; the HUD rows of the
 * control's screen pages: POS (mode, axes, spindle, tool, alarm), PROG (the program
 * around the active block, or the MDI key-in), OFFSET (work and tool offsets) and
 * ALARM (number and message), chosen with the page keys. Reads d, never writes.
 *
 * World placement: the machine frame is shifted so the work sits near the world
 * origin at bench height: mill world = machine + MILL_OFS; lathe world x = machine z,
 * world y = machine x (radius away from the operator, turret behind the part),
 * world z = LATHE_AXIS_Z.
 */
#include "hh_render_int.h"
#include "hh_rcnc_keys.h"
#include "../core/hh_i18n.h"
#include "../machines/cnc/hh_cnc.h"
#include <cglm/cglm.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAX_COLS 96          /* Z-map columns drawn per side */
#define MAX_SLICES 240       /* lathe profile segments drawn */
#define LATHE_AXIS_Z 1.1     /* m: spindle axis height above the floor */
#define LATHE_SLANT (M_PI / 4) /* rad: the slant bed; machine x runs up and back */
#define PROG_CHARS 28        /* PROG page: characters of a block shown (hh_rcnc_view.c) */
#define PROG_NOTE 18         /* and of a comment line, before an ellipsis */

static const double MILL_OFS[3] = {-0.25, -0.20, 0.85};
/* machine: dark castings, blue paint, pale guards, grey steel; work: warm bare metal */
static const float CAST[4] = {0.20f, 0.22f, 0.25f, 1}, GUARD[4] = {0.80f, 0.81f, 0.78f, 1},
                   PAINT[4] = {0.16f, 0.36f, 0.52f, 1}, JAW[4] = {0.34f, 0.35f, 0.37f, 1},
                   WORK[4] = {0.86f, 0.76f, 0.52f, 1},
                   STEEL[4] = {0.55f, 0.56f, 0.58f, 1}, DARKS[4] = {0.12f, 0.12f, 0.13f, 1},
                   CUT[4] = {0.96f, 0.95f, 0.90f, 1},
                   GOLD[4] = {0.80f, 0.62f, 0.18f, 1}, RED[4] = {0.8f, 0.1f, 0.05f, 1};

/* a box from two corners (world) */
static void span(hh_ibuf *b, const double lo[3], const double hi[3], const float c[4]) {
  double ctr[3], h[3];
  for (int i = 0; i < 3; i++) {
    ctr[i] = 0.5 * (lo[i] + hi[i]);
    h[i] = 0.5 * fabs(hi[i] - lo[i]);
    if (h[i] < 1e-5) h[i] = 1e-5;
  }
  hh_ibuf_box(b, ctr, h, 0.0, c, HH_MAT_SOLID);
}

/* mill machine frame -> world */
static void mw(const double p[3], double w[3]) {
  for (int i = 0; i < 3; i++) w[i] = p[i] + MILL_OFS[i];
}

/* the stock as a solid Z-map: the height map sampled on at most MAX_COLS x MAX_COLS
   columns (each the height at its middle cell), and runs of columns of the same height
   drawn as one box: rows of equal columns, then equal rows stacked (a greedy cover of
   rectangles). The same surface as one box per column, at a fraction of the boxes (the
   uncut top and each pocket floor are flat); columns of no height are left out */
static void stock_zmap(hh_ibuf *b, const hh_cnc_model *k, const hh_cnc_state *s) {
  if (!s->height || s->nx <= 0 || s->ny <= 0) return;
  int sx = (s->nx + MAX_COLS - 1) / MAX_COLS, sy = (s->ny + MAX_COLS - 1) / MAX_COLS;
  int gx = (s->nx + sx - 1) / sx, gy = (s->ny + sy - 1) / sy; /* columns, <= MAX_COLS */
  float hs[MAX_COLS * MAX_COLS];
  unsigned char done[MAX_COLS * MAX_COLS];
  for (int gj = 0; gj < gy; gj++)
    for (int gi = 0; gi < gx; gi++) {
      int ci = gi * sx + sx / 2 < s->nx ? gi * sx + sx / 2 : s->nx - 1;
      int cj = gj * sy + sy / 2 < s->ny ? gj * sy + sy / 2 : s->ny - 1;
      float h = s->height[(size_t)cj * (size_t)s->nx + (size_t)ci];
      hs[gj * MAX_COLS + gi] = h;
      done[gj * MAX_COLS + gi] = h <= 1e-6f;
    }
  double top = k->stock_max[2] - k->stock_min[2], a[3], c[3], lo[3], hi[3];
  for (int gj = 0; gj < gy; gj++)
    for (int gi = 0; gi < gx; gi++) {
      if (done[gj * MAX_COLS + gi]) continue;
      float h = hs[gj * MAX_COLS + gi];
      int i1 = gi + 1, j1 = gj + 1; /* the rectangle [gi, i1) x [gj, j1) */
      while (i1 < gx && !done[gj * MAX_COLS + i1] && hs[gj * MAX_COLS + i1] == h) i1++;
      for (int ok = 1; ok && j1 < gy; j1 += ok) {
        for (int i = gi; i < i1 && ok; i++)
          ok = !done[j1 * MAX_COLS + i] && hs[j1 * MAX_COLS + i] == h;
      }
      for (int j = gj; j < j1; j++) memset(&done[j * MAX_COLS + gi], 1, (size_t)(i1 - gi));
      a[0] = k->stock_min[0] + gi * sx * k->res, a[1] = k->stock_min[1] + gj * sy * k->res;
      a[2] = k->stock_min[2];
      c[0] = k->stock_min[0] + (i1 * sx < s->nx ? i1 * sx : s->nx) * k->res;
      c[1] = k->stock_min[1] + (j1 * sy < s->ny ? j1 * sy : s->ny) * k->res;
      c[2] = k->stock_min[2] + h;
      mw(a, lo), mw(c, hi);
      span(b, lo, hi, h < top - 1e-6 ? CUT : WORK);
    }
}

/* the mill: structure, table, vise, stock Z-map, head, holder, tool */
static void mill(hh_ibuf *b, const hh_model *m, const hh_data *d) {
  const hh_cnc_model *k = &m->cnc;
  const hh_cnc_state *s = &d->cnc;
  /* the table moves with x, y: drawn offset by (pos - home) so the spindle stays put;
     here the spindle moves instead (gantry-style view is easier to read) */
  double lo[3], hi[3], a[3], c[3];
  a[0] = k->travel_min[0] - 0.15, a[1] = k->travel_min[1] - 0.1, a[2] = -0.85;
  c[0] = k->travel_max[0] + 0.15, c[1] = k->travel_max[1] + 0.1, c[2] = -0.25;
  mw(a, lo), mw(c, hi), span(b, lo, hi, CAST);                 /* base */
  a[2] = -0.25, c[2] = -0.05;
  mw(a, lo), mw(c, hi), span(b, lo, hi, PAINT);                /* saddle */
  a[0] = k->travel_min[0] - 0.05, a[1] = k->travel_min[1] - 0.02, a[2] = -0.05;
  c[0] = k->travel_max[0] + 0.05, c[1] = k->travel_max[1] + 0.02, c[2] = 0.0;
  mw(a, lo), mw(c, hi), span(b, lo, hi, STEEL);                /* table */
  for (int i = -1; i <= 1; i++) {                              /* T-slots along x */
    double yc = 0.5 * (k->travel_min[1] + k->travel_max[1]) + i * 0.3 * (c[1] - a[1]);
    double sa[3] = {a[0], yc - 0.006, -0.0005}, sc[3] = {c[0], yc + 0.006, 0.0005};
    mw(sa, lo), mw(sc, hi), span(b, lo, hi, DARKS);
  }
  a[0] = 0.5 * (k->travel_min[0] + k->travel_max[0]) - 0.2, a[1] = k->travel_max[1] + 0.15;
  a[2] = -0.25;
  c[0] = a[0] + 0.4, c[1] = a[1] + 0.35, c[2] = k->travel_max[2] + 0.4;
  mw(a, lo), mw(c, hi), span(b, lo, hi, PAINT);                /* column */
  for (int i = 0; i < k->n_fix; i++) {                         /* vise jaws */
    if (k->fix_min[i][2] < -0.01) continue;                    /* the table is drawn */
    mw(k->fix_min[i], lo), mw(k->fix_max[i], hi), span(b, lo, hi, DARKS);
  }
  stock_zmap(b, k, s);
  /* head, spindle nose, holder and cutter at the controlled point */
  const hh_cnc_tool *t = hh_cnc_tool_get(m, s->tool);
  double g[3], tip[3];
  mw(s->pos, g);
  hh_cnc_tip(m, d, s->pos, tip);
  mw(tip, tip);
  double r = t ? t->radius : 0.005, hr = t && t->holder_r > 0 ? t->holder_r : 0.016;
  double fl = t && t->flute_len > 0 ? t->flute_len : 0.02;
  lo[0] = g[0] - 0.09, lo[1] = g[1] - 0.09, lo[2] = g[2] + 0.05;
  hi[0] = g[0] + 0.09, hi[1] = g[1] + 0.35, hi[2] = g[2] + 0.45;
  span(b, lo, hi, GUARD);                                      /* head */
  double cf[3] = {0, k->travel_max[1] + 0.15, 0};              /* ram to the column face */
  mw(cf, cf);
  lo[0] = g[0] - 0.07, lo[1] = g[1] + 0.35, lo[2] = g[2] + 0.15;
  hi[0] = g[0] + 0.07, hi[1] = fmax(cf[1], lo[1] + 0.01), hi[2] = g[2] + 0.40;
  span(b, lo, hi, PAINT);
  lo[0] = g[0] - 0.05, lo[1] = g[1] - 0.05, lo[2] = g[2];
  hi[0] = g[0] + 0.05, hi[1] = g[1] + 0.05, hi[2] = g[2] + 0.05;
  span(b, lo, hi, DARKS);                                      /* spindle nose */
  if (t) {
    lo[0] = g[0] - hr, lo[1] = g[1] - hr, lo[2] = tip[2] + fl;
    hi[0] = g[0] + hr, hi[1] = g[1] + hr, hi[2] = g[2];
    span(b, lo, hi, STEEL);                                    /* holder */
    lo[0] = tip[0] - r, lo[1] = tip[1] - r, lo[2] = tip[2];
    hi[0] = tip[0] + r, hi[1] = tip[1] + r, hi[2] = tip[2] + fl;
    span(b, lo, hi, GOLD);                                     /* cutter */
  }
  if (s->alarm) {                                              /* alarm lamp */
    lo[0] = g[0] + 0.1, lo[1] = g[1], lo[2] = g[2] + 0.45;
    hi[0] = g[0] + 0.14, hi[1] = g[1] + 0.04, hi[2] = g[2] + 0.55;
    hh_ibuf_box(b, (double[3]){0.5 * (lo[0] + hi[0]), 0.5 * (lo[1] + hi[1]), 0.5 * (lo[2] + hi[2])},
                (double[3]){0.02, 0.02, 0.05}, 0.0, RED, HH_MAT_EMISSIVE);
  }
}

/* a round bar along world x from x0 to x1 of radius r about the line (y, z) = (cy, cz)
   (three squares turned 30 degrees apart: a dodecagon) */
static void round_x(hh_ibuf *b, double x0, double x1, double cy, double cz, double r,
                    const float c[4]) {
  double ctr[3] = {0.5 * (x0 + x1), cy, cz};
  double h[3] = {0.5 * fabs(x1 - x0), r * 0.966, r * 0.966};
  if (h[0] < 1e-5 || r < 1e-5) return;
  for (int k = 0; k < 3; k++) {
    double ang = k * M_PI / 6.0;
    double q[4] = {sin(0.5 * ang), 0, 0, cos(0.5 * ang)};
    hh_ibuf_box_q(b, ctr, h, q, c, HH_MAT_SOLID);
  }
}

/* a round bar segment on the spindle axis */
static void round_seg(hh_ibuf *b, double x0, double x1, double r, const float c[4]) {
  round_x(b, x0, x1, 0.0, LATHE_AXIS_Z, r, c);
}

/* a box of the slant bed's frame: axial centre x, centre rc along the slant (radial,
   up and back from the axis) and tc across it, half extents hx, hr, ht (m) */
static void slant_box(hh_ibuf *b, double x, double rc, double tc, double hx, double hr,
                      double ht, const float c[4]) {
  double cs = cos(LATHE_SLANT), sn = sin(LATHE_SLANT);
  double ctr[3] = {x, rc * cs - tc * sn, LATHE_AXIS_Z + rc * sn + tc * cs};
  double h[3] = {hx, hr, ht}, q[4] = {sin(0.5 * LATHE_SLANT), 0, 0, cos(0.5 * LATHE_SLANT)};
  hh_ibuf_box_q(b, ctr, h, q, c, HH_MAT_SOLID);
}

/* a box from two corners (world) */
static void box2(hh_ibuf *b, double x0, double y0, double z0, double x1, double y1, double z1,
                 const float c[4]) {
  double lo[3] = {x0, y0, z0}, hi[3] = {x1, y1, z1};
  span(b, lo, hi, c);
}

/* the lathe (slant bed): base, bed with ways, headstock, chuck with three jaws, the
   part as turned, tailstock, carriage, cross slide, turret with holder and insert, the
   guard's back wall and the sliding door (a frame round a window, slid open or shut) */
static void lathe(hh_ibuf *b, const hh_model *m, const hh_data *d) {
  const hh_cnc_model *k = &m->cnc;
  const hh_cnc_state *s = &d->cnc;
  const double A = LATHE_AXIS_Z, z0 = k->stock_min[2], R = k->stock_max[0];
  double xe = k->travel_max[2] + 0.32;                          /* right end of the bed */
  double xm = 0.5 * (z0 - 0.52 + xe), hxb = 0.5 * (xe - (z0 - 0.52));
  box2(b, z0 - 0.52, -0.30, 0.0, xe, 0.46, A - 0.36, CAST);      /* base */
  slant_box(b, xm, 0.20, -0.23, hxb, 0.24, 0.06, PAINT);         /* slant bed */
  slant_box(b, xm, 0.07, -0.165, hxb, 0.018, 0.006, STEEL);      /* ways */
  slant_box(b, xm, 0.33, -0.165, hxb, 0.018, 0.006, STEEL);
  box2(b, z0 - 0.52, -0.14, A - 0.36, z0 - 0.11, 0.30, A + 0.15, PAINT); /* headstock */
  round_seg(b, z0 - 0.11, z0 - 0.075, 0.075, DARKS);             /* spindle nose */
  double rc = fmax(R * 2.6, 0.06);
  round_seg(b, z0 - 0.075, z0 - 0.004, rc, STEEL);               /* chuck body */
  for (int j = 0; j < 3; j++) {                                  /* three jaws */
    double a = M_PI / 2 + j * 2 * M_PI / 3, rm = R + 0.012;
    double ctr[3] = {z0 + 0.004, rm * cos(a), A + rm * sin(a)}, h[3] = {0.012, 0.012, 0.008};
    double q[4] = {sin(0.5 * a), 0, 0, cos(0.5 * a)};
    hh_ibuf_box_q(b, ctr, h, q, JAW, HH_MAT_SOLID);
  }
  if (s->radius && s->nz > 0) {                                  /* the part */
    /* at most MAX_SLICES slices, each of the radius at its middle; a run of slices of
       the same radius is one bar (the same surface in fewer boxes) */
    int step = (s->nz + MAX_SLICES - 1) / MAX_SLICES;
    for (int i = 0; i < s->nz;) {
      int e = i + step < s->nz ? i + step : s->nz;
      double r = s->radius[i + (e - i) / 2];
      while (e < s->nz) {
        int e2 = e + step < s->nz ? e + step : s->nz;
        if (s->radius[e + (e2 - e) / 2] != r) break;
        e = e2;
      }
      round_seg(b, z0 + i * k->res, z0 + e * k->res, r, r < R - 1e-6 ? CUT : WORK);
      i = e;
    }
  }
  double xt = k->travel_max[2] + 0.10;                           /* tailstock */
  slant_box(b, xt + 0.07, 0.05, -0.09, 0.07, 0.11, 0.08, PAINT);
  round_x(b, xt - 0.04, xt, 0.0, A, 0.022, STEEL);               /* quill */
  /* carriage, cross slide, turret at the controlled point; the tool at its tip */
  double tip[3];
  hh_cnc_tip(m, d, s->pos, tip);
  double tx = tip[2], ty = tip[0], px = s->pos[2], pr = s->pos[0];
  double rt = pr + 0.11;                                         /* turret centre */
  slant_box(b, px + 0.03, 0.20, -0.145, 0.11, 0.17, 0.014, PAINT); /* carriage */
  slant_box(b, px + 0.03, rt + 0.02, -0.10, 0.07, 0.10, 0.03, CAST); /* cross slide */
  double cs = cos(LATHE_SLANT), sn = sin(LATHE_SLANT);
  round_x(b, px + 0.005, px + 0.065, rt * cs, A + rt * sn, 0.085, GUARD); /* turret */
  if (rt - 0.07 > ty + 0.01)                                     /* holder */
    slant_box(b, tx + 0.012, 0.5 * (ty + 0.008 + rt - 0.07), 0, 0.016,
              0.5 * (rt - 0.07 - ty - 0.008), 0.010, DARKS);
  slant_box(b, tx + 0.002, ty + 0.007, 0, 0.006, 0.007, 0.003, GOLD); /* insert */
  box2(b, z0 - 0.11, 0.44, A - 0.36, xe, 0.46, A + 0.48, GUARD);  /* guard back wall */
  /* door at the front: a frame round its window, slid toward the tailstock when open */
  double dx0 = z0 - 0.32 + (!s->door_closed ? 0.62 : 0.0), dx1 = dx0 + 0.66;
  double fy0 = -0.42, fy1 = -0.40, w = 0.035;
  box2(b, dx0, fy0, A + 0.40, dx1, fy1, A + 0.48, GUARD);       /* top rail */
  box2(b, dx0, fy0, A - 0.36, dx1, fy1, A - 0.28, GUARD);       /* bottom rail */
  box2(b, dx0, fy0, A - 0.28, dx0 + w, fy1, A + 0.40, GUARD);   /* stiles */
  box2(b, dx1 - w, fy0, A - 0.28, dx1, fy1, A + 0.40, GUARD);
}

/* CNC scene contents for one frame */
void hh_rcnc_dynamic(hh_ibuf *b, const hh_model *m, const hh_data *d, unsigned layers) {
  if (!(layers & (HH_LAYER_CRANE | HH_LAYER_LOAD))) return;
  if (m->machine == HH_MACHINE_CNC_LATHE) lathe(b, m, d);
  else mill(b, m, d);
}

/* the part's centre and the tool tip in the world (m) */
static void work_points(const hh_model *m, const hh_data *d, double part[3], double tool[3]) {
  const hh_cnc_model *k = &m->cnc;
  double tip[3];
  hh_cnc_tip(m, d, d->cnc.pos, tip);
  if (m->machine == HH_MACHINE_CNC_LATHE) {
    part[0] = 0.5 * (k->stock_min[2] + k->stock_max[2]), part[1] = 0, part[2] = LATHE_AXIS_Z;
    tool[0] = tip[2];
    tool[1] = tip[0] * cos(LATHE_SLANT), tool[2] = LATHE_AXIS_Z + tip[0] * sin(LATHE_SLANT);
  } else {
    double c[3];
    for (int i = 0; i < 3; i++) c[i] = 0.5 * (k->stock_min[i] + k->stock_max[i]);
    mw(c, part);
    mw(tip, tool);
  }
}

void hh_rcnc_work_point(const hh_model *m, const hh_data *d, int which, double p[3]) {
  double part[3], tool[3];
  work_points(m, d, part, tool);
  memcpy(p, which ? tool : part, sizeof part);
}

/* the camera on the work zone, framed into the screen region the HUD leaves free:
   cab = close-up of the part and the tool, orbit = the machine's work area (orbit
   yaw/pitch/distance add), follow = the tool tip from the side */
void hh_rcnc_camera(const hh_camera *cam, const hh_model *m, const hh_data *d, float aspect,
                    float view[16], float proj[16]) {
  const hh_cnc_model *k = &m->cnc;
  int lathe_m = m->machine == HH_MACHINE_CNC_LATHE;
  if (!(aspect > 0)) aspect = 16.0f / 9.0f;
  double part[3], tool[3];
  work_points(m, d, part, tool);
  double size = lathe_m ? k->stock_max[2] - k->stock_min[2]
                        : fmax(k->stock_max[0] - k->stock_min[0], k->stock_max[1] - k->stock_min[1]);
  hh_camera_mode mode = cam ? cam->mode : HH_CAM_CAB;
  vec3 at, eye, up = {0, 0, 1};
  float yaw, pitch, rad; /* rad: m around `at` that must fit the free region */
  if (mode == HH_CAM_ORBIT) { /* the chuck / vise to the tool's home */
    if (lathe_m) { /* chuck to the turret's approach beyond the part's end */
      double x0 = k->stock_min[2] - 0.09, x1 = k->stock_max[2] + 0.16;
      at[0] = (float)(0.5 * (x0 + x1)), at[1] = 0.03f, at[2] = (float)(LATHE_AXIS_Z + 0.02);
      rad = (float)(0.5 * (x1 - x0));
    } else { /* vise, part and the spindle nose above it */
      at[0] = (float)part[0], at[1] = (float)part[1], at[2] = (float)(part[2] + 0.06);
      rad = (float)(0.5 * size + 0.09);
    }
    yaw = -1.75f, pitch = 0.55f;
  } else if (mode == HH_CAM_FOLLOW) { /* the tool tip, from the tailstock / right side */
    at[0] = (float)tool[0], at[1] = (float)tool[1], at[2] = (float)tool[2];
    rad = (float)(0.5 * size + 0.01);
    yaw = lathe_m ? -1.05f : -0.9f, pitch = lathe_m ? 0.55f : 0.35f;
  } else { /* cab: the part with the tool near it */
    at[0] = (float)part[0], at[1] = (float)part[1], at[2] = (float)part[2];
    rad = (float)(0.5 * size + 0.025);
    yaw = -1.9f, pitch = lathe_m ? 0.6f : 0.5f;
  }
  if (cam) yaw += cam->orbit_yaw, pitch += cam->orbit_pitch;
  pitch = glm_clamp(pitch, -0.2f, 1.5f);
  /* the target the camera draws into (its size and print mode, from the caller); when
     unknown or of another aspect the framing is one free at every size of this aspect */
  float fr[4];
  hh_rcnc_view_rect(m, d, aspect, cam ? cam->target_w : 0, cam ? cam->target_h : 0,
                    cam ? cam->large : 0, fr);
  float fw = fr[2] - fr[0], fh = fr[3] - fr[1], fov = glm_rad(40.0f), t = tanf(0.5f * fov);
  float dist = rad / (t * fminf(fh, aspect * fw));
  if (mode == HH_CAM_ORBIT && cam && cam->orbit_dist > 0) dist = cam->orbit_dist;
  eye[0] = at[0] + dist * cosf(pitch) * cosf(yaw);
  eye[1] = at[1] + dist * cosf(pitch) * sinf(yaw);
  eye[2] = at[2] + dist * sinf(pitch);
  mat4 v, p;
  glm_lookat(eye, at, up, v);
  glm_perspective(fov, aspect, fmaxf(0.005f, dist * 0.05f), 50.0f, p);
  /* `at` to the free region's centre: shift the projection's centre (NDC) */
  p[2][0] -= (fr[0] + fr[2]) - 1.0f;
  p[2][1] -= 1.0f - (fr[1] + fr[3]);
  memcpy(view, v, sizeof(float) * 16);
  memcpy(proj, p, sizeof(float) * 16);
}

/* FANUC-style alarm number text: PS0224, OT0500, EX1001, 5011 */
static void alarm_number(int n, char *buf, size_t size) {
  const char *pre = n == 224 ? "PS" : (n == 500 || n == 501) ? "OT" : n >= 1000 && n < 2000 ? "EX" : "";
  snprintf(buf, size, "%s%04d", pre, n);
}

/* copy at most max bytes of s into buf (cut on a UTF-8 boundary) */
static void clip(char *buf, size_t size, const char *s, size_t max) {
  size_t n = strlen(s);
  if (n > max) {
    n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
  }
  if (n >= size) n = size - 1;
  memcpy(buf, s, n);
  buf[n] = '\0';
}

/* PROG page: the program around the active block (marked ">"), or the MDI block */
static void page_prog(const hh_model *m, const hh_data *d, const char *lab[7], char val[7][64]) {
  const hh_cnc_state *s = &d->cnc;
  static char labs[7][16];
  lab[0] = hh_tr("Program");
  snprintf(val[0], 64, "%s", s->mode == HH_CNC_MODE_MDI ? "MDI" : m->cnc.program);
  if (s->mode == HH_CNC_MODE_MDI) {
    lab[1] = hh_tr("Key-in");
    snprintf(val[1], 64, "%s_", s->input);
    lab[2] = s->mdi ? "> MDI" : "MDI";
    clip(val[2], 64, s->mdi_block[0] ? s->mdi_block : "-", 40);
    for (int i = 3; i < 7; i++) lab[i] = "", val[i][0] = '\0';
    return;
  }
  int line = 1;
  if (m->cnc.n_ops > 0) {
    int pc = s->pc < m->cnc.n_ops ? s->pc : m->cnc.n_ops - 1;
    line = m->cnc.op[pc].line;
  }
  int first = line - 2 < 1 ? 1 : line - 2;
  for (int i = 1; i < 7; i++) {
    int l = first + i - 1;
    snprintf(labs[i], sizeof labs[i], "%s%d", l == line && s->run != HH_CNC_RUN_IDLE ? "> " : l == line ? "- " : "", l);
    lab[i] = labs[i];
    if (l >= 1 && l <= m->cnc.n_lines) {
      const char *src = m->cnc.src + m->cnc.line_ofs[l - 1];
      size_t len = strcspn(src, "\r\n"), max = src[0] == '(' ? PROG_NOTE : PROG_CHARS;
      clip(val[i], 64, src, len < max ? len : max);
      if (len > max) strcat(val[i], "\xE2\x80\xA6"); /* cut: an ellipsis */
    } else {
      val[i][0] = '\0';
    }
  }
}

/* OFFSET page: the active work offset and the tool offsets the operator entered (mm) */
static void page_offset(const hh_model *m, const hh_data *d, const char *lab[7], char val[7][64]) {
  const hh_cnc_state *s = &d->cnc;
  static char labs[7][16];
  int lathe = m->machine == HH_MACHINE_CNC_LATHE;
  lab[0] = hh_tr("Offsets");
  snprintf(val[0], 64, "%s", lathe ? "X(D) Z" : "Z (H)");
  snprintf(labs[1], sizeof labs[1], "G%d", 54 + s->work);
  lab[1] = labs[1];
  const double *w = s->work_ofs[s->work];
  if (lathe) snprintf(val[1], 64, "X%.3f Z%.3f", w[0] * 2e3, w[2] * 1e3);
  else snprintf(val[1], 64, "X%.3f Y%.3f Z%.3f", w[0] * 1e3, w[1] * 1e3, w[2] * 1e3);
  int row = 2;
  for (int r = 0; r < HH_CNC_MAX_TOOLS && row < 7; r++) {
    if (!hh_cnc_tool_get(m, r + 1)) continue;
    snprintf(labs[row], sizeof labs[row], "%s%02d", r + 1 == s->tool_reg ? "> " : "", r + 1);
    lab[row] = labs[row];
    const double *t = s->tool_ofs[r];
    if (lathe) snprintf(val[row], 64, "X%.3f Z%.3f", t[0] * 2e3, t[2] * 1e3);
    else snprintf(val[row], 64, "Z%.3f", t[2] * 1e3);
    row++;
  }
  for (; row < 7; row++) lab[row] = "", val[row][0] = '\0';
}

/* ALARM page: the active alarm with its number and message, the interpreter's code of
   a rejected MDI block, the emergency stop */
static void page_alarm(const hh_data *d, const char *lab[7], char val[7][64]) {
  const hh_cnc_state *s = &d->cnc;
  static char num[16];
  lab[0] = hh_tr("Alarms");
  snprintf(val[0], 64, "%d", (s->alarm != 0) + (s->estop && s->alarm != 1000));
  for (int i = 1; i < 7; i++) lab[i] = "", val[i][0] = '\0';
  if (!s->alarm) {
    lab[1] = "-";
    snprintf(val[1], 64, "%s", hh_tr("No alarm"));
    return;
  }
  alarm_number(s->alarm, num, sizeof num);
  lab[1] = num;
  clip(val[1], 64, hh_tr(hh_cnc_alarm_text(s->alarm_msg)), 48);
  if (s->alarm == 5011 || s->alarm == 5012) {
    lab[2] = "MDI";
    snprintf(val[2], 64, hh_tr("E%d at column %d"), s->mdi_err, s->mdi_err_col);
  }
  if (s->estop && s->alarm != 1000) {
    lab[3] = "EX1000";
    snprintf(val[3], 64, "%s", hh_tr(hh_cnc_alarm_text(HH_CNC_ALM_ESTOP)));
  }
  lab[6] = hh_tr("Reset");
  snprintf(val[6], 64, "%s", hh_tr("RESET clears the alarm"));
}

/* the HUD's left-panel rows: the control's screen page (POS, PROG, OFFSET, ALARM) */
void hh_rcnc_hud_rows(const hh_model *m, const hh_data *d, const char *lab[7],
                      char val[7][64], double gval[4], double gmax[4], double gwarn[4],
                      double galarm[4]) {
  const hh_cnc_state *s = &d->cnc;
  static const char *const run[] = {"", "RUN", "HOLD", "STOP"};
  int lathe = m->machine == HH_MACHINE_CNC_LATHE;
  lab[0] = hh_tr("Mode");
  lab[1] = "X";
  lab[2] = lathe ? hh_tr("Feed") : "Y";
  lab[3] = "Z";
  lab[4] = hh_tr("Spindle");
  lab[5] = hh_tr("Tool");
  lab[6] = hh_tr("Alarm");
  snprintf(val[0], 64, "%s %s%s", hh_tr(hh_cnc_mode_text(s->mode)),
           s->run >= 0 && s->run < 4 ? run[s->run] : "", s->machine_lock ? " LOCK" : "");
  double f = lathe ? 2.0 : 1.0; /* lathe X shows a diameter */
  snprintf(val[1], 64, "%.3f", (s->pos[0] - m->cnc.part_origin[0]) * 1e3 * f);
  if (lathe) snprintf(val[2], 64, "%.0f mm/min  %d%%", s->vel * 6e4, s->feed_ovr);
  else snprintf(val[2], 64, "%.3f", (s->pos[1] - m->cnc.part_origin[1]) * 1e3);
  snprintf(val[3], 64, "%.3f", (s->pos[2] - m->cnc.part_origin[2]) * 1e3);
  snprintf(val[4], 64, "%.0f rpm", fabs(s->spindle_speed) * 60.0);
  snprintf(val[5], 64, "T%02d  G%d  %s", s->tool, 54 + s->work, s->input);
  if (s->alarm) {
    char num[16];
    alarm_number(s->alarm, num, sizeof num);
    snprintf(val[6], 64, "%s %s", num, hh_tr(hh_cnc_alarm_text(s->alarm_msg)));
  } else {
    snprintf(val[6], 64, "-");
  }
  if (s->page == HH_CNC_PAGE_PROG) page_prog(m, d, lab, val);
  else if (s->page == HH_CNC_PAGE_OFFSET) page_offset(m, d, lab, val);
  else if (s->page == HH_CNC_PAGE_ALARM) page_alarm(d, lab, val);
  for (int i = 0; i < 4; i++) {
    int ax = i == 0 ? -1 : (i == 2 && lathe ? -1 : i - 1);
    if (ax < 0) {
      gval[i] = i == 0 ? s->feed_ovr : s->vel * 6e4;
      gmax[i] = i == 0 ? 150 : m->cnc.max_feed * 6e4;
    } else {
      gval[i] = s->pos[ax] - m->cnc.travel_min[ax];
      gmax[i] = m->cnc.travel_max[ax] - m->cnc.travel_min[ax];
    }
    gwarn[i] = gmax[i] * 0.95;
    galarm[i] = gmax[i] * 0.999;
    if (s->page != HH_CNC_PAGE_POS) gval[i] = gmax[i] = 0; /* the gauges belong to the POS
                                                              page: 0 = none drawn */
  }
}
