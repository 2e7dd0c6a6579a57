/* hh_offshore_load.c - the hung load: one rigid body (cargo, sling and hook) on a
 * tension-only elastic wire from the boom tip, with wind drag and penalty contact of
 * its four bottom corners against the moving vessel deck and the platform laydown area.
 * Integrated with semi-implicit Euler at dt / substeps (no allocation). */
#include "hh_offshore_int.h"
#include <math.h>

#define CONTACT_PERIOD 0.15 /* s: natural period of the load on its contact springs */
#define CONTACT_ZETA 0.6    /* contact damping, fraction of critical */
#define FRICTION 0.4        /* steel on a timber-sheathed deck */
#define SLIP_V 0.02         /* m/s: regularisation of Coulomb friction */
#define ROT_DAMP 0.3        /* 1/s: air damping of the load's rotation */
#define DRAG_CD 1.2         /* drag coefficient of a box */

void hh_oc_qrot(const double q[4], const double v[3], double out[3]) {
  double x = q[0], y = q[1], z = q[2], w = q[3];
  double tx = 2 * (y * v[2] - z * v[1]), ty = 2 * (z * v[0] - x * v[2]), tz = 2 * (x * v[1] - y * v[0]);
  out[0] = v[0] + w * tx + (y * tz - z * ty);
  out[1] = v[1] + w * ty + (z * tx - x * tz);
  out[2] = v[2] + w * tz + (x * ty - y * tx);
}

/* rotate by the conjugate of q */
static void qrot_inv(const double q[4], const double v[3], double out[3]) {
  double c[4] = {-q[0], -q[1], -q[2], q[3]};
  hh_oc_qrot(c, v, out);
}

static void cross(const double a[3], const double b[3], double o[3]) {
  o[0] = a[1] * b[2] - a[2] * b[1];
  o[1] = a[2] * b[0] - a[0] * b[2];
  o[2] = a[0] * b[1] - a[1] * b[0];
}

static double dot(const double a[3], const double b[3]) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/* penalty normal force plus regularised friction at point p moving at rel (relative to
   the surface) with penetration pen along normal n; adds to f / tau about c */
static void contact_force(double pen, const double n[3], const double rel[3], double k,
                          double cd, const double p[3], const double c[3], double f[3],
                          double tau[3]) {
  double vn = dot(rel, n);
  double fn = k * pen - cd * vn;
  if (fn <= 0) return;
  double vt[3] = {rel[0] - vn * n[0], rel[1] - vn * n[1], rel[2] - vn * n[2]};
  double sp = sqrt(dot(vt, vt)), sc = FRICTION * fn / (sp > SLIP_V ? sp : SLIP_V);
  double F[3];
  for (int i = 0; i < 3; i++) F[i] = fn * n[i] - sc * vt[i];
  double r[3] = {p[0] - c[0], p[1] - c[1], p[2] - c[2]}, t[3];
  cross(r, F, t);
  for (int i = 0; i < 3; i++) {
    f[i] += F[i];
    tau[i] += t[i];
  }
}

void hh_oc_load_step(const hh_model *m, hh_data *d, hh_oc_tick *k, double s0, double s1) {
  const hh_offshore_crane_params *p = &m->marine.crane;
  const hh_vessel_params *vp = &m->marine.vessel;
  hh_offshore_state *s = &d->marine.oc;
  hh_oc_load *L = &s->load;
  double h = (s1 - s0) * k->dt, M = hh_oc_hung_mass(m);
  const double *hx = p->load_half;
  double f[3] = {0, 0, -M * m->gravity}, tau[3] = {0};

  /* wire: tension-only spring-damper from the tip to the sling apex */
  double tip[3], vtip[3], ap_b[3] = {0, 0, hx[2] + p->sling_height}, ap_r[3], apex[3], vap[3];
  for (int i = 0; i < 3; i++) {
    tip[i] = k->tip0[i] + (k->tip1[i] - k->tip0[i]) * s0;
    vtip[i] = (k->tip1[i] - k->tip0[i]) / k->dt;
  }
  double wire = k->wire0 + (k->wire1 - k->wire0) * s0, wrate = (k->wire1 - k->wire0) / k->dt;
  hh_oc_qrot(L->quat, ap_b, ap_r);
  cross(L->avel, ap_r, vap);
  for (int i = 0; i < 3; i++) {
    apex[i] = L->pos[i] + ap_r[i];
    vap[i] += L->vel[i];
  }
  double u[3] = {apex[0] - tip[0], apex[1] - tip[1], apex[2] - tip[2]};
  double dist = sqrt(dot(u, u));
  for (int i = 0; i < 3; i++) u[i] /= dist;
  double kw = p->wire_ea / wire, cw = 2.0 * p->wire_damping * sqrt(kw * M);
  double rv[3] = {vap[0] - vtip[0], vap[1] - vtip[1], vap[2] - vtip[2]};
  double T = dist > wire ? kw * (dist - wire) + cw * (dot(rv, u) - wrate) : 0;
  if (T < 0) T = 0;
  s->tension = T;
  if (T > k->peak_tension) k->peak_tension = T;
  if (s0 == 0 || T < k->min_tension) k->min_tension = T;
  double fw[3] = {-T * u[0], -T * u[1], -T * u[2]}, tw[3];
  cross(ap_r, fw, tw);
  for (int i = 0; i < 3; i++) {
    f[i] += fw[i];
    tau[i] += tw[i];
  }

  /* wind drag on the load's side (horizontal) */
  double vr[3] = {k->wind[0] - L->vel[0], k->wind[1] - L->vel[1], 0};
  double area = 4.0 * (hx[0] > hx[1] ? hx[0] : hx[1]) * hx[2];
  double q = 0.5 * HH_RHO_AIR * DRAG_CD * area * sqrt(dot(vr, vr));
  f[0] += q * vr[0];
  f[1] += q * vr[1];

  /* contacts of the four bottom corners */
  double om = 2.0 * 3.14159265358979 / CONTACT_PERIOD;
  double kc = M * om * om / 4.0, cc = 2.0 * CONTACT_ZETA * sqrt(M * M * om * om) / 4.0;
  double o[3], R[3][3], vo[3], deck_z = hh_oc_deck_z(m);
  for (int i = 0; i < 3; i++) {
    o[i] = k->o0[i] + (k->o1[i] - k->o0[i]) * s0;
    vo[i] = (k->o1[i] - k->o0[i]) / k->dt;
    for (int j = 0; j < 3; j++) R[i][j] = k->R0[i][j] + (k->R1[i][j] - k->R0[i][j]) * s0;
  }
  int deck = 0, pad = 0;
  for (int c = 0; c < 4; c++) {
    double cb[3] = {(c & 1) ? hx[0] : -hx[0], (c & 2) ? hx[1] : -hx[1], -hx[2]}, cr[3], pw[3], vw[3];
    hh_oc_qrot(L->quat, cb, cr);
    cross(L->avel, cr, vw);
    for (int i = 0; i < 3; i++) {
      pw[i] = L->pos[i] + cr[i];
      vw[i] += L->vel[i];
    }
    /* vessel deck: body coordinates of the corner */
    double r[3] = {pw[0] - o[0], pw[1] - o[1], pw[2] - o[2]}, b[3];
    for (int i = 0; i < 3; i++) b[i] = R[0][i] * r[0] + R[1][i] * r[1] + R[2][i] * r[2];
    if (b[0] > p->deck_x[0] && b[0] < p->deck_x[1] && fabs(b[1]) < 0.5 * vp->beam &&
        b[2] < deck_z && b[2] > deck_z - 1.5) {
      double n[3] = {R[0][2], R[1][2], R[2][2]}, rel[3];
      for (int i = 0; i < 3; i++) {
        double vd = vo[i];
        for (int j = 0; j < 3; j++) vd += (k->R1[i][j] - k->R0[i][j]) / k->dt * b[j];
        rel[i] = vw[i] - vd;
      }
      contact_force(deck_z - b[2], n, rel, kc, cc, pw, L->pos, f, tau);
      deck = 1;
    }
    /* platform laydown area */
    if (fabs(pw[0] - p->landing[0]) < p->landing_half[0] &&
        fabs(pw[1] - p->landing[1]) < p->landing_half[1] && pw[2] < p->landing[2] &&
        pw[2] > p->landing[2] - 1.5) {
      double n[3] = {0, 0, 1};
      if (!pad && !k->pad_contact && !s->on_pad) k->pad_vz = -L->vel[2];
      contact_force(p->landing[2] - pw[2], n, vw, kc, cc, pw, L->pos, f, tau);
      pad = 1;
    }
  }
  if (deck) k->deck_contact = 1;
  if (pad) k->pad_contact = 1;

  /* integrate: translation, then rotation in the body frame */
  double I[3] = {M * (hx[1] * hx[1] + hx[2] * hx[2]) / 3.0, M * (hx[0] * hx[0] + hx[2] * hx[2]) / 3.0,
                 M * (hx[0] * hx[0] + hx[1] * hx[1]) / 3.0};
  for (int i = 0; i < 3; i++) {
    tau[i] -= ROT_DAMP * I[i] * L->avel[i];
    L->vel[i] += f[i] / M * h;
    L->pos[i] += L->vel[i] * h;
  }
  double wb[3], tb[3], Iw[3], g[3];
  qrot_inv(L->quat, L->avel, wb);
  qrot_inv(L->quat, tau, tb);
  for (int i = 0; i < 3; i++) Iw[i] = I[i] * wb[i];
  cross(wb, Iw, g);
  for (int i = 0; i < 3; i++) wb[i] += (tb[i] - g[i]) / I[i] * h;
  hh_oc_qrot(L->quat, wb, L->avel);
  double *qq = L->quat, w[3] = {L->avel[0], L->avel[1], L->avel[2]};
  double dq[4] = {0.5 * h * (w[0] * qq[3] + w[1] * qq[2] - w[2] * qq[1]),
                  0.5 * h * (-w[0] * qq[2] + w[1] * qq[3] + w[2] * qq[0]),
                  0.5 * h * (w[0] * qq[1] - w[1] * qq[0] + w[2] * qq[3]),
                  0.5 * h * (-w[0] * qq[0] - w[1] * qq[1] - w[2] * qq[2])};
  double nn = 0;
  for (int i = 0; i < 4; i++) {
    qq[i] += dq[i];
    nn += qq[i] * qq[i];
  }
  nn = 1.0 / sqrt(nn);
  for (int i = 0; i < 4; i++) qq[i] *= nn;
}
