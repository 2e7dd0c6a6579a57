/* hh_vessel.c - 6-DOF supply vessel: hydrostatics and strip-theory added mass from the
 * hull form, Froude-Krylov wave forces integrated over the hull panels at load time,
 * and the linear equations of motion (M + A) a + B v + C x = F_wave + F_wind in a tick.
 * docs/marine.md gives the model and its sources. */
#include "hh_marine.h"
#include "../../core/hh_i18n.h"
#include <math.h>
#include <string.h>

#define PI 3.14159265358979323846
#define NS 80 /* strips along the hull */
#define NY 6  /* bottom panels across a strip */
#define NZ 6  /* side panels down a strip */

/* half-breadth ratio b(x)/B of the psv80 form: parallel body aft, elliptic bow */
static double psv_breadth(double xr) { /* xr = x / L in [-0.5, 0.5] */
  double xs = 0.1;
  if (xr <= xs) return 1.0;
  double u = (xr - xs) / (0.5 - xs);
  double b = sqrt(1.0 - u * u);
  return b < 0.05 ? 0.05 : b;
}

/* the psv80 form's dimensions where the scenario left them zero; 0 = unknown hull */
static int hull_defaults(hh_vessel_params *v) {
  if (strcmp(v->hull, "psv80") != 0) return 0;
  if (v->length == 0) v->length = 80.0;
  if (v->beam == 0) v->beam = 18.0;
  if (v->draft == 0) v->draft = 6.0;
  if (v->depth == 0) v->depth = 8.0;
  if (v->kg == 0) v->kg = 6.2;
  if (v->roll_gyr == 0) v->roll_gyr = 0.38;
  static const double zeta[6] = {0.7, 0.7, 0.12, 0.06, 0.12, 0.7};
  for (int j = 0; j < 6; j++)
    if (v->zeta[j] == 0) v->zeta[j] = zeta[j];
  if (v->dp_period == 0) v->dp_period = 100.0;
  if (v->wind_area_front == 0) v->wind_area_front = 250.0;
  if (v->wind_area_side == 0) v->wind_area_side = 600.0;
  return 1;
}

/* invert the 6x6 matrix a into out by Gauss-Jordan with partial pivoting; 0 if singular */
static int invert6(const double a[6][6], double out[6][6]) {
  double m[6][12];
  for (int i = 0; i < 6; i++)
    for (int j = 0; j < 12; j++) m[i][j] = j < 6 ? a[i][j] : (j - 6 == i);
  for (int c = 0; c < 6; c++) {
    int p = c;
    for (int r = c + 1; r < 6; r++)
      if (fabs(m[r][c]) > fabs(m[p][c])) p = r;
    if (fabs(m[p][c]) < 1e-12) return 0;
    for (int j = 0; j < 12; j++) {
      double t = m[c][j];
      m[c][j] = m[p][j];
      m[p][j] = t;
    }
    double inv = 1.0 / m[c][c];
    for (int j = 0; j < 12; j++) m[c][j] *= inv;
    for (int r = 0; r < 6; r++) {
      if (r == c) continue;
      double f = m[r][c];
      for (int j = 0; j < 12; j++) m[r][j] -= f * m[c][j];
    }
  }
  for (int i = 0; i < 6; i++)
    for (int j = 0; j < 6; j++) out[i][j] = m[i][j + 6];
  return 1;
}

/* add the force of pressure p (complex re, im; Pa) on a panel of outward normal*area na
   at body point r (relative to the CG) into the 6-vector f (re, im) */
static void add_panel(double pre, double pim, const double na[3], const double r[3],
                      double fre[6], double fim[6]) {
  double F[2][3];
  for (int k = 0; k < 3; k++) {
    F[0][k] = -pre * na[k];
    F[1][k] = -pim * na[k];
  }
  for (int c = 0; c < 2; c++) {
    double *f = c ? fim : fre;
    f[0] += F[c][0];
    f[1] += F[c][1];
    f[2] += F[c][2];
    f[3] += r[1] * F[c][2] - r[2] * F[c][1];
    f[4] += r[2] * F[c][0] - r[0] * F[c][2];
    f[5] += r[0] * F[c][1] - r[1] * F[c][0];
  }
}

/* Froude-Krylov force of wave component i (amplitude included) over the mean hull */
static void froude_krylov(hh_vessel_params *v, const hh_sea_params *s, int i, double rho_g,
                          double xg, double zg) {
  double L = v->length, B = v->beam, T = v->draft, dx = L / NS;
  double ch = cos(v->heading), sh = sin(v->heading);
  double k = s->k[i], a = s->amp[i];
  double fre[6] = {0}, fim[6] = {0};
  for (int st = 0; st < NS; st++) {
    double x = -0.5 * L + (st + 0.5) * dx;
    double b = B * psv_breadth(x / L);
    double db = B * (psv_breadth((x + 0.5 * dx) / L) - psv_breadth((x - 0.5 * dx) / L)) / dx;
    /* panel centre (body x, y, z) -> dynamic pressure rho g a e^{kz} e^{i k.X} */
#define PRESS(px, py, pz)                                                                    \
    double X = v->pos[0] + ch * (px) - sh * (py), Y = v->pos[1] + sh * (px) + ch * (py);     \
    double ph = s->kx[i] * X + s->ky[i] * Y, amp = rho_g * a * exp(k * (pz));                \
    double pre = amp * cos(ph), pim = amp * sin(ph);                                         \
    double r[3] = {(px) - xg, (py), (pz) - zg};
    for (int j = 0; j < NY; j++) { /* bottom, normal -z */
      double y = -0.5 * b + (j + 0.5) * b / NY;
      PRESS(x, y, -T)
      double na[3] = {0, 0, -b / NY * dx};
      add_panel(pre, pim, na, r, fre, fim);
    }
    for (int sd = -1; sd <= 1; sd += 2) /* sides y = sd b/2, normal (-sd b'/2, sd, 0) */
      for (int j = 0; j < NZ; j++) {
        double z = -T + (j + 0.5) * T / NZ, dz = T / NZ;
        PRESS(x, sd * 0.5 * b, z)
        double na[3] = {-sd * 0.5 * db * dx * dz, sd * dx * dz, 0};
        add_panel(pre, pim, na, r, fre, fim);
      }
    if (st == 0) /* transom, normal -x */
      for (int j = 0; j < NY; j++)
        for (int q = 0; q < NZ; q++) {
          double y = -0.5 * b + (j + 0.5) * b / NY, z = -T + (q + 0.5) * T / NZ;
          PRESS(-0.5 * L, y, z)
          double na[3] = {-(b / NY) * (T / NZ), 0, 0};
          add_panel(pre, pim, na, r, fre, fim);
        }
#undef PRESS
  }
  /* the time factor is e^{i(phase - w t)}: store so F(t) = re cos(.) - im sin(.) */
  for (int j = 0; j < 6; j++) {
    v->fk_re[i][j] = fre[j];
    v->fk_im[i][j] = fim[j];
  }
}

int hh_vessel_build(hh_vessel_params *v, const hh_sea_params *s, double g, const char *src,
                    hh_error *err) {
  if (!v->hull[0]) strcpy(v->hull, "psv80");
  if (!hull_defaults(v))
    return hh_error_set(err, HH_E_SCRIPT_FIELD, src, 0, 0,
                        hh_tr("vessel.hull: unknown hull form '%s' (known: psv80)"), v->hull);
  const char *bad = NULL;
  if (!(v->length > 10 && v->length < 400)) bad = hh_tr("vessel.length must be in 10..400 m");
  else if (!(v->beam > 2 && v->beam < v->length)) bad = hh_tr("vessel.beam must be in 2 m..length");
  else if (!(v->draft > 0.5 && v->draft < v->depth)) bad = hh_tr("vessel.draft must be positive and below the depth");
  else if (!(v->kg > 0 && v->kg < 2 * v->depth)) bad = hh_tr("vessel.kg must be in 0..2 x depth");
  if (bad) return hh_error_set(err, HH_E_SCRIPT_FIELD, src, 0, 0, "%s", bad);

  v->pos[2] = s->level;
  double L = v->length, B = v->beam, T = v->draft, dx = L / NS, rho = HH_RHO_WATER;
  double vol = 0, awp = 0, mx = 0, it = 0, a22 = 0, a33 = 0;
  for (int st = 0; st < NS; st++) {
    double x = -0.5 * L + (st + 0.5) * dx, b = B * psv_breadth(x / L);
    vol += b * T * dx;
    awp += b * dx;
    mx += x * b * dx;
    it += b * b * b / 12.0 * dx;
  }
  v->volume = vol;
  v->awp = awp;
  v->lcf = v->lcb = mx / awp; /* wall-sided sections: centroids coincide */
  double il = 0, a55 = 0, a66 = 0, xg = v->lcb, zg = v->kg - T;
  for (int st = 0; st < NS; st++) {
    double x = -0.5 * L + (st + 0.5) * dx, b = B * psv_breadth(x / L);
    il += (x - v->lcf) * (x - v->lcf) * b * dx;
    double s33 = rho * PI * b * b / 8.0 * dx; /* 2-D heave added mass of a flat section */
    double s22 = rho * PI * T * T / 2.0 * dx; /* 2-D sway added mass of a wall-sided section */
    a33 += s33;
    a22 += s22;
    a55 += (x - xg) * (x - xg) * s33;
    a66 += (x - xg) * (x - xg) * s22;
  }
  v->mass = rho * vol;
  v->kb = 0.5 * T;
  v->gm_t = v->kb + it / vol - v->kg;
  v->gm_l = v->kb + il / vol - v->kg;
  if (!(v->gm_t > 0.05))
    return hh_error_set(err, HH_E_SCRIPT_FIELD, src, 0, 0,
                        hh_tr("vessel.kg: the vessel is unstable (GM %.2f m); lower kg"), v->gm_t);
  double m = v->mass, ixx = m * pow(v->roll_gyr * B, 2), iyy = m * pow(0.25 * L, 2);
  double M[6] = {m, m, m, ixx, iyy, iyy};
  double A[6] = {0.05 * m, a22, a33, 0.2 * ixx, a55, a66};
  double wdp = 2.0 * PI / v->dp_period;
  double C[6] = {(M[0] + A[0]) * wdp * wdp, (M[1] + A[1]) * wdp * wdp, rho * g * awp,
                 rho * g * vol * v->gm_t, rho * g * vol * v->gm_l, (M[5] + A[5]) * wdp * wdp};
  double MA[6][6] = {{0}};
  memset(v->stiff, 0, sizeof v->stiff);
  memset(v->damp, 0, sizeof v->damp);
  for (int j = 0; j < 6; j++) {
    MA[j][j] = M[j] + A[j];
    v->stiff[j][j] = C[j];
    v->damp[j][j] = 2.0 * v->zeta[j] * sqrt(MA[j][j] * C[j]);
    v->period[j] = (j >= 2 && j <= 4) ? 2.0 * PI * sqrt(MA[j][j] / C[j]) : 0.0;
  }
  /* heave-pitch coupling when flotation and gravity centres differ (zero for psv80) */
  v->stiff[2][4] = v->stiff[4][2] = -rho * g * awp * (v->lcf - xg);
  if (!invert6(MA, v->minv))
    return hh_error_set(err, HH_E_INTERNAL, src, 0, 0, "%s", hh_tr("vessel mass matrix is singular"));
  for (int i = 0; i < s->n; i++) froude_krylov(v, s, i, rho * g, xg, zg);
  return HH_OK;
}

void hh_vessel_step(const hh_vessel_params *v, const hh_sea_params *s, const hh_wind_params *w,
                    double t, double dt, double eta[6], double eta_v[6]) {
  double f[6] = {0};
  for (int i = 0; i < s->n; i++) {
    double th = s->phase[i] - s->omega[i] * t, c = cos(th), sn = sin(th);
    const double *re = v->fk_re[i], *im = v->fk_im[i];
    for (int j = 0; j < 6; j++) f[j] += re[j] * c - im[j] * sn;
  }
  if (w->speed > 0) { /* gusts on the windage; DP feeds the mean wind force forward */
    double u = hh_wind_at(w, 10.0, t, NULL);
    double rel = w->dir - (v->heading + eta[5]), cr = cos(rel), sr = sin(rel);
    double q = 0.5 * HH_RHO_AIR * (u * u - w->speed * w->speed);
    f[0] += q * 0.7 * v->wind_area_front * cr * fabs(cr);
    f[1] += q * 0.9 * v->wind_area_side * sr * fabs(sr);
  }
  double acc[6];
  for (int j = 0; j < 6; j++) {
    double r = f[j];
    for (int k = 0; k < 6; k++) r -= v->damp[j][k] * eta_v[k] + v->stiff[j][k] * eta[k];
    acc[j] = r;
  }
  for (int j = 0; j < 6; j++) {
    double a = 0;
    for (int k = 0; k < 6; k++) a += v->minv[j][k] * acc[k];
    eta_v[j] += a * dt; /* semi-implicit Euler */
  }
  for (int j = 0; j < 6; j++) eta[j] += eta_v[j] * dt;
}

void hh_vessel_pose(const hh_vessel_params *v, const double eta[6], double pos[3],
                    double R[3][3]) {
  double ps = v->heading + eta[5], th = eta[4], ph = eta[3];
  double cz = cos(ps), sz = sin(ps), cy = cos(th), sy = sin(th), cx = cos(ph), sx = sin(ph);
  /* R = Rz(psi) Ry(theta) Rx(phi) */
  R[0][0] = cz * cy; R[0][1] = cz * sy * sx - sz * cx; R[0][2] = cz * sy * cx + sz * sx;
  R[1][0] = sz * cy; R[1][1] = sz * sy * sx + cz * cx; R[1][2] = sz * sy * cx - cz * sx;
  R[2][0] = -sy;     R[2][1] = cy * sx;                R[2][2] = cy * cx;
  double c0 = cos(v->heading), s0 = sin(v->heading);
  double xg = v->lcb, zg = v->kg - v->draft;
  double lx = xg + eta[0], ly = eta[1];
  double cg[3] = {v->pos[0] + c0 * lx - s0 * ly, v->pos[1] + s0 * lx + c0 * ly, v->pos[2] + zg + eta[2]};
  for (int k = 0; k < 3; k++) pos[k] = cg[k] - (R[k][0] * xg + R[k][2] * zg);
}

void hh_vessel_point(const hh_vessel_params *v, const double eta[6], const double eta_v[6],
                     const double b[3], double pos[3], double vel[3]) {
  double o[3], R[3][3];
  hh_vessel_pose(v, eta, o, R);
  for (int k = 0; k < 3; k++) pos[k] = o[k] + R[k][0] * b[0] + R[k][1] * b[1] + R[k][2] * b[2];
  if (!vel) return;
  double c0 = cos(v->heading), s0 = sin(v->heading);
  double xg = v->lcb, zg = v->kg - v->draft;
  double cg[3];
  double bc[3] = {xg, 0, zg};
  for (int k = 0; k < 3; k++) cg[k] = o[k] + R[k][0] * bc[0] + R[k][2] * bc[2];
  double w[3] = {c0 * eta_v[3] - s0 * eta_v[4], s0 * eta_v[3] + c0 * eta_v[4], eta_v[5]};
  double r[3] = {pos[0] - cg[0], pos[1] - cg[1], pos[2] - cg[2]};
  vel[0] = c0 * eta_v[0] - s0 * eta_v[1] + w[1] * r[2] - w[2] * r[1];
  vel[1] = s0 * eta_v[0] + c0 * eta_v[1] + w[2] * r[0] - w[0] * r[2];
  vel[2] = eta_v[2] + w[0] * r[1] - w[1] * r[0];
}
