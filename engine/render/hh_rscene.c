/* hh_rscene.c - what the scene is made of: the model's static boxes once, and each
 * frame the STS crane generated from m->sts (portal legs, boom, A-frame and stays,
 * machinery house, trolley, cab), the hoist ropes, spreader and container posed
 * from hh_data. Everything is a box instance of the one mesh. */
#include "hh_render_int.h"
#include <math.h>
#include <string.h>

#define LEG_X 9.0         /* leg offset from the gantry centre along x (m) */
#define GIRDER_X 2.8      /* boom girder offset from the gantry centre along x (m) */

static const float CRANE_RGBA[4] = {0.10f, 0.28f, 0.58f, 1};
static const float WHITE_RGBA[4] = {0.82f, 0.83f, 0.80f, 1};
static const float STAY_RGBA[4] = {0.45f, 0.47f, 0.50f, 1};
static const float GLASS_RGBA[4] = {0.05f, 0.09f, 0.12f, 1};
static const float ROPE_RGBA[4] = {0.12f, 0.12f, 0.12f, 1};
static const float SPREADER_RGBA[4] = {0.95f, 0.70f, 0.03f, 1};
static const float DARK_RGBA[4] = {0.15f, 0.15f, 0.16f, 1};

/* default look of a box whose colour the scenario left at zero */
static const float *role_rgba(const hh_box *b) {
  static const float ground[4] = {0.50f, 0.50f, 0.48f, 1}, water[4] = {0.04f, 0.16f, 0.24f, 1},
                     landing[4] = {0.30f, 0.30f, 0.32f, 1}, obstacle[4] = {0.45f, 0.18f, 0.14f, 1},
                     visual[4] = {0.30f, 0.30f, 0.30f, 1};
  if (b->rgba[3] > 0.0f) return b->rgba;
  switch (b->role) {
    case HH_ROLE_GROUND: return ground;
    case HH_ROLE_WATER: return water;
    case HH_ROLE_LANDING: return landing;
    case HH_ROLE_OBSTACLE: return obstacle;
    default: return visual;
  }
}

int hh_rscene_static(hh_ibuf *b, const hh_model *m) {
  int n_water = 0;
  for (int i = 0; i < m->n_boxes && i < HH_MAX_BOXES; i++) {
    const hh_box *x = &m->box[i];
    if (x->role != HH_ROLE_WATER) continue;
    if (n_water == 0) {
      /* open sea to the horizon just under the model's water, so the port does not
         float in the haze beyond the scenario's boxes */
      double c[3] = {x->pos[0], x->pos[1], x->pos[2] + x->half[2] - 0.06};
      double h[3] = {2000, 2000, 0.01};
      hh_ibuf_box(b, c, h, 0.0, role_rgba(x), HH_MAT_WATER);
      n_water++;
    }
    hh_ibuf_box(b, x->pos, x->half, x->yaw, role_rgba(x), HH_MAT_WATER);
    n_water++;
  }
  for (int i = 0; i < m->n_boxes && i < HH_MAX_BOXES; i++) {
    const hh_box *x = &m->box[i];
    if (x->role != HH_ROLE_WATER) hh_ibuf_box(b, x->pos, x->half, x->yaw, role_rgba(x), HH_MAT_SOLID);
  }
  return n_water;
}

/* true when the physics has not written a pose yet (all-zero quaternion) */
static int pose_unset(const double q[4]) {
  return q[0] == 0 && q[1] == 0 && q[2] == 0 && q[3] == 0;
}

void hh_rscene_pose(const hh_model *m, const hh_data *d, hh_crane_pose *p) {
  const hh_sts_params *s = &m->sts;
  p->gx = d->gantry.pos;
  p->ty = d->trolley.pos;
  p->boom_z = s->sheave_z + 3.0;
  p->cab[0] = p->gx + 6.0;
  p->cab[1] = p->ty + 1.2;
  p->cab[2] = s->sheave_z - 2.3;
  if (pose_unset(d->spreader.quat)) { /* hang straight below the trolley */
    double rope = d->hoist.pos > 0 ? d->hoist.pos : s->hoist.start_pos;
    p->spreader[0] = p->gx;
    p->spreader[1] = p->ty;
    p->spreader[2] = s->sheave_z - rope - s->spreader_half[2];
    p->sq[0] = p->sq[1] = p->sq[2] = 0;
    p->sq[3] = 1;
  } else {
    for (int i = 0; i < 3; i++) p->spreader[i] = d->spreader.pos[i];
    for (int i = 0; i < 4; i++) p->sq[i] = d->spreader.quat[i];
  }
}

/* rotate v by unit quaternion q (x, y, z, w) */
static void qrot(const double q[4], const double v[3], double o[3]) {
  double x = q[0], y = q[1], z = q[2], w = q[3];
  double tx = 2 * (y * v[2] - z * v[1]), ty = 2 * (z * v[0] - x * v[2]),
         tz = 2 * (x * v[1] - y * v[0]);
  o[0] = v[0] + w * tx + (y * tz - z * ty);
  o[1] = v[1] + w * ty + (z * tx - x * tz);
  o[2] = v[2] + w * tz + (x * ty - y * tx);
}

/* box from two corners' ranges */
static void span(hh_ibuf *b, double x0, double x1, double y0, double y1, double z0,
                 double z1, const float rgba[4]) {
  double c[3] = {(x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2};
  double h[3] = {fabs(x1 - x0) / 2, fabs(y1 - y0) / 2, fabs(z1 - z0) / 2};
  hh_ibuf_box(b, c, h, 0.0, rgba, HH_MAT_SOLID);
}

/* portal, boom, A-frame, stays, machinery house, trolley and cab */
static void crane(hh_ibuf *b, const hh_model *m, const hh_crane_pose *p) {
  const hh_sts_params *s = &m->sts;
  double gx = p->gx, bz = p->boom_z;
  double portal_z = bz - 1.6;            /* top of the legs, under the girders */
  double y_land = s->rail_y[0], y_sea = s->rail_y[1];
  double back = s->trolley.min_pos - 10, front = s->trolley.max_pos + 10;
  for (int side = -1; side <= 1; side += 2) {
    double lx = gx + side * LEG_X;
    for (int r = 0; r < 2; r++) {
      double ry = s->rail_y[r];
      span(b, lx - 0.9, lx + 0.9, ry - 0.9, ry + 0.9, 1.4, portal_z, CRANE_RGBA);
      span(b, lx - 2.6, lx + 2.6, ry - 0.7, ry + 0.7, 0.0, 1.4, DARK_RGBA); /* bogie */
    }
    /* portal tie beam in each side frame (kept open above it for the side views) */
    span(b, lx - 0.6, lx + 0.6, y_land, y_sea, 13.0, 14.6, CRANE_RGBA);
    /* boom girder */
    double gxx = gx + side * GIRDER_X;
    span(b, gxx - 0.7, gxx + 0.7, back, front, bz - 1.6, bz + 1.6, CRANE_RGBA);
    /* A-frame post pair meeting at the apex, forestays and backstay */
    double apex[3] = {gx + side * 3.0, y_land + 0.4 * (y_sea - y_land), bz + 24};
    double fl[3] = {lx, y_land, portal_z + 1.6}, fs[3] = {lx, y_sea, portal_z + 1.6};
    hh_ibuf_bar(b, fl, apex, 0.7, CRANE_RGBA);
    hh_ibuf_bar(b, fs, apex, 0.7, CRANE_RGBA);
    double tip1[3] = {gxx, front - 4, bz + 1.6}, tip2[3] = {gxx, y_sea + 0.55 * (front - y_sea), bz + 1.6};
    double tail[3] = {gxx, back + 2, bz + 1.6};
    hh_ibuf_bar(b, apex, tip1, 0.22, STAY_RGBA);
    hh_ibuf_bar(b, apex, tip2, 0.22, STAY_RGBA);
    hh_ibuf_bar(b, apex, tail, 0.3, STAY_RGBA);
  }
  /* portal beams along x at both rails, and the apex cross beam */
  for (int r = 0; r < 2; r++)
    span(b, gx - LEG_X - 0.9, gx + LEG_X + 0.9, s->rail_y[r] - 1.0, s->rail_y[r] + 1.0,
         portal_z - 2.2, portal_z, CRANE_RGBA);
  double apy = y_land + 0.4 * (y_sea - y_land);
  span(b, gx - 3.7, gx + 3.7, apy - 0.7, apy + 0.7, bz + 23, bz + 25, CRANE_RGBA);
  /* cross ties between the girders at the boom ends */
  span(b, gx - GIRDER_X, gx + GIRDER_X, front - 1.5, front, bz - 1.2, bz + 1.2, CRANE_RGBA);
  span(b, gx - GIRDER_X, gx + GIRDER_X, back, back + 1.5, bz - 1.2, bz + 1.2, CRANE_RGBA);
  /* machinery house on the backreach */
  span(b, gx - 5.0, gx + 5.0, back + 1, back + 14, bz + 1.6, bz + 6.6, WHITE_RGBA);
  /* trolley between the girders, sheaves at sheave_z */
  double ty = p->ty;
  span(b, gx - 2.0, gx + 2.0, ty - 3.0, ty + 3.0, s->sheave_z, bz + 1.9, WHITE_RGBA);
  span(b, gx - 3.6, gx + 3.6, ty - 3.4, ty + 3.4, bz + 1.6, bz + 2.2, WHITE_RGBA);
  /* operator cab hanging under the trolley, glazed on the floor and sea side */
  double cx = p->cab[0], cy = p->cab[1], cz = p->cab[2] + 0.3;
  span(b, gx + 1.8, cx, cy - 0.4, cy + 0.4, cz + 1.2, cz + 1.8, DARK_RGBA);
  span(b, gx + 1.8, gx + 2.4, cy - 0.4, cy + 0.4, cz + 1.2, s->sheave_z + 0.4, DARK_RGBA);
  /* the eye sits inside this box: back faces are culled, so it does not block the
     cab camera; the glazing is on the outside faces only, away from the eye */
  span(b, cx - 1.3, cx + 1.3, cy - 1.6, cy + 1.6, cz - 1.3, cz + 1.3, WHITE_RGBA);
  span(b, cx + 1.3, cx + 1.38, cy - 1.3, cy + 1.3, cz - 0.9, cz + 0.9, GLASS_RGBA);
  span(b, cx - 1.0, cx + 1.0, cy + 1.6, cy + 1.68, cz - 0.9, cz + 0.9, GLASS_RGBA);
}

/* ropes, spreader and the container */
static void load(hh_ibuf *b, const hh_model *m, const hh_data *d, const hh_crane_pose *p) {
  const hh_sts_params *s = &m->sts;
  double sh[3] = {s->spreader_half[0], s->spreader_half[1], s->spreader_half[2]};
  /* headblock on top of the spreader frame, ropes from its corners to the sheaves */
  double hb_half[3] = {s->rope_spread[0] + 0.4, s->rope_spread[1] + 0.3, 0.35};
  double hb_off[3] = {0, 0, sh[2] + hb_half[2]}, hb[3];
  qrot(p->sq, hb_off, hb);
  for (int i = 0; i < 3; i++) hb[i] += p->spreader[i];
  hh_ibuf_box_q(b, p->spreader, sh, p->sq, SPREADER_RGBA, HH_MAT_SOLID);
  hh_ibuf_box_q(b, hb, hb_half, p->sq, SPREADER_RGBA, HH_MAT_SOLID);
  for (int i = 0; i < 4; i++) {
    double sx = (i & 1) ? 1 : -1, sy = (i & 2) ? 1 : -1;
    double local[3] = {sx * s->rope_spread[0], sy * s->rope_spread[1], sh[2] + 2 * hb_half[2]};
    double at[3];
    qrot(p->sq, local, at);
    for (int k = 0; k < 3; k++) at[k] += p->spreader[k];
    double top[3] = {p->gx + sx * s->rope_spread[0], p->ty + sy * s->rope_spread[1], s->sheave_z};
    hh_ibuf_rope(b, top, at, 0.04, ROPE_RGBA);
  }
  /* container: physics pose, or its start pose before the physics wrote one */
  const hh_container *c = &m->container;
  float rgba[4] = {c->rgba[0], c->rgba[1], c->rgba[2], 1};
  if (c->rgba[3] <= 0) rgba[0] = 0.7f, rgba[1] = 0.2f, rgba[2] = 0.1f;
  float frame[4] = {rgba[0] * 0.55f, rgba[1] * 0.55f, rgba[2] * 0.55f, 1};
  double q[4], pos[3];
  if (pose_unset(d->container.quat)) {
    q[0] = q[1] = 0;
    q[2] = sin(c->yaw / 2);
    q[3] = cos(c->yaw / 2);
    for (int i = 0; i < 3; i++) pos[i] = c->pos[i];
  } else {
    for (int i = 0; i < 4; i++) q[i] = d->container.quat[i];
    for (int i = 0; i < 3; i++) pos[i] = d->container.pos[i];
  }
  hh_ibuf_box_q(b, pos, c->half, q, rgba, HH_MAT_SOLID);
  /* end frames make the box read as a container */
  for (int e = -1; e <= 1; e += 2) {
    double off[3] = {e * (c->half[0] - 0.12), 0, 0}, w[3];
    double h[3] = {0.14, c->half[1] + 0.01, c->half[2] + 0.01};
    qrot(q, off, w);
    for (int i = 0; i < 3; i++) w[i] += pos[i];
    hh_ibuf_box_q(b, w, h, q, frame, HH_MAT_SOLID);
  }
}

void hh_ibuf_rope(hh_ibuf *b, const double a[3], const double p[3], double t, const float rgba[4]) {
  int n = b->n;
  hh_ibuf_bar(b, a, p, t, rgba);
  if (b->n > n) b->v[n].mat[0] = (float)HH_MAT_ROPE;
}

/* move the ropes among b->v[from..n) to the end, the rest keeping their order (the
   renderer draws the trailing ropes after the world, blended) */
static void ropes_last(hh_ibuf *b, int from) {
  int end = b->n;
  for (int i = from; i < end;) {
    if (b->v[i].mat[0] != (float)HH_MAT_ROPE) {
      i++;
      continue;
    }
    hh_inst r = b->v[i];
    memmove(&b->v[i], &b->v[i + 1], sizeof r * (size_t)(b->n - i - 1));
    b->v[b->n - 1] = r;
    end--;
  }
}

void hh_rscene_dynamic(hh_ibuf *b, const hh_model *m, const hh_data *d, unsigned layers) {
  int n0 = b->n;
  if (m->machine == HH_MACHINE_SHIP) hh_rship_dynamic(b, m, d, layers);
  else if (m->machine == HH_MACHINE_OFFSHORE_CRANE) hh_rmarine_dynamic(b, m, d, layers);
  else if (m->machine == HH_MACHINE_CNC_MILL || m->machine == HH_MACHINE_CNC_LATHE) hh_rcnc_dynamic(b, m, d, layers);
  else {
    hh_crane_pose p;
    hh_rscene_pose(m, d, &p);
    if (layers & HH_LAYER_CRANE) crane(b, m, &p);
    if (layers & HH_LAYER_LOAD) load(b, m, d, &p);
  }
  ropes_last(b, n0);
}
