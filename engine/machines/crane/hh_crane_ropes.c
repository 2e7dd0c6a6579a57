/* hh_crane_ropes.c - the four hoist ropes as axial spring-dampers that never push.
 *
 * Rope k runs from a sheave on the trolley at (gantry +- spread x, trolley +- spread y,
 * sheave_z) to a headblock point on the spreader's top face at the same offsets. The
 * hoist drive position is the unstretched length of every rope between those two
 * points (the reeving beyond the sheave is not modelled). Tension:
 *   stretch s = |sheave - headblock| - L,  k = rope_ea / L,
 *   c = 2 * rope_damping * sqrt(k * m_share), m_share = hanging mass / 4,
 *   T = max(0, k s + c ds/dt) when s > 0, else 0 (a slack rope carries nothing).
 * The force acts on the spreader at the headblock point along the rope, every physics
 * sub-step. Parallel ropes of equal length keep the spreader level, so the load swings
 * as a translational pendulum hung from the moving trolley. sway_damping (1/s) adds
 * a linear damping force -sway_damping * m * (horizontal velocity relative to the
 * trolley) at the spreader's centre: a physical air/drive loss, 0 by default.
 */
#include "hh_crane_internal.h"
#include <math.h>

/* rotate v by the unit quaternion q (x y z w) */
void hh_crane_rotate(const double q[4], const double v[3], double out[3]) {
  double x = q[0], y = q[1], z = q[2], w = q[3];
  /* t = 2 q_vec x v; out = v + w t + q_vec x t */
  double tx = 2 * (y * v[2] - z * v[1]);
  double ty = 2 * (z * v[0] - x * v[2]);
  double tz = 2 * (x * v[1] - y * v[0]);
  out[0] = v[0] + w * tx + (y * tz - z * ty);
  out[1] = v[1] + w * ty + (z * tx - x * tz);
  out[2] = v[2] + w * tz + (x * ty - y * tx);
}

/* hanging mass (kg): spreader plus the container when the locks hold it */
static double hanging_mass(const hh_model *m, const hh_data *d) {
  return m->sts.spreader_mass + (d->load_attached ? m->container.mass : 0.0);
}

/* sheave point of rope k for trolley/gantry positions */
static void sheave_point(const hh_model *m, int k, double gx, double ty, double out[3]) {
  double sx = (k & 1) ? m->sts.rope_spread[0] : -m->sts.rope_spread[0];
  double sy = (k & 2) ? m->sts.rope_spread[1] : -m->sts.rope_spread[1];
  out[0] = gx + sx;
  out[1] = ty + sy;
  out[2] = m->sts.sheave_z;
}

/* headblock offset of rope k in the spreader frame */
static void headblock_offset(const hh_model *m, int k, double out[3]) {
  out[0] = (k & 1) ? m->sts.rope_spread[0] : -m->sts.rope_spread[0];
  out[1] = (k & 2) ? m->sts.rope_spread[1] : -m->sts.rope_spread[1];
  out[2] = m->sts.spreader_half[2];
}

/* rope and sway-damping forces for the sub-step starting t seconds into the tick */
double hh_crane_ropes(const hh_model *m, hh_data *d, const hh_crane_motion *mo, double t) {
  double gx, vg, ty, vt, L, vL;
  hh_crane_drive_at(mo, HH_DRV_GANTRY, t, &gx, &vg);
  hh_crane_drive_at(mo, HH_DRV_TROLLEY, t, &ty, &vt);
  hh_crane_drive_at(mo, HH_DRV_HOIST, t, &L, &vL);
  double pos[3], q[4], v[3], w[3];
  hh_phys_get(d->phys, HH_CRANE_SPREADER, pos, q, v, w);
  double mass = hanging_mass(m, d);
  double k = m->sts.rope_ea / L;
  double c = 2.0 * m->sts.rope_damping * sqrt(k * 0.25 * mass);
  double total = 0;
  for (int r = 0; r < 4; r++) {
    double off[3], arm[3], ph[3], ps[3], vh[3];
    headblock_offset(m, r, off);
    hh_crane_rotate(q, off, arm);
    for (int i = 0; i < 3; i++) ph[i] = pos[i] + arm[i];
    vh[0] = v[0] + w[1] * arm[2] - w[2] * arm[1];
    vh[1] = v[1] + w[2] * arm[0] - w[0] * arm[2];
    vh[2] = v[2] + w[0] * arm[1] - w[1] * arm[0];
    sheave_point(m, r, gx, ty, ps);
    double u[3] = {ps[0] - ph[0], ps[1] - ph[1], ps[2] - ph[2]};
    double len = sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
    double tension = 0;
    if (len > L && len > 0) {
      for (int i = 0; i < 3; i++) u[i] /= len;
      /* d|sheave - headblock|/dt along the rope, minus the pay-out rate */
      double rate = u[0] * (vg - vh[0]) + u[1] * (vt - vh[1]) + u[2] * (0.0 - vh[2]) - vL;
      tension = k * (len - L) + c * rate;
      if (tension < 0) tension = 0;
      double f[3] = {tension * u[0], tension * u[1], tension * u[2]};
      hh_phys_force_at(d->phys, HH_CRANE_SPREADER, f, ph);
    }
    d->rope_tension[r] = tension;
    total += tension;
  }
  if (m->sts.sway_damping > 0) {
    double f[3] = {-m->sts.sway_damping * mass * (v[0] - vg),
                   -m->sts.sway_damping * mass * (v[1] - vt), 0};
    hh_phys_force_at(d->phys, HH_CRANE_SPREADER, f, pos);
  }
  return total;
}
