/* test_physics_pendulum.c - the hung spreader is a pendulum; ropes never push.
 *
 * 1. Small-angle (1 deg) sway period within 1 % of 2 pi sqrt(L/g) for L = 10, 20, 40 m,
 *    from the zero crossings of the spreader's offset from the trolley over 6 periods.
 * 2. With sway_damping 0 (rope damping left at its default) the total energy
 *    (kinetic + potential + rope elastic) of a 5 deg free swing drifts by under 1 % of
 *    the swing energy over 60 s.
 * 3. A spreader landed on the quay with rope paid out: every tension is exactly 0 and
 *    the spreader rests still.
 */
#include "hh_test.h"
#include "hh_crane_fixture.h"
#include "physics/hh_physics.h"

static const double kPi = 3.14159265358979323846;

/* a crane over empty space with rope length L (no scene boxes: the container, left at
   the origin, falls away below and never meets the spreader) */
static void pendulum_model(hh_model *m, double L) {
  hh_model_defaults(m);
  m->sts.hoist.start_pos = L;
}

/* displace the hung spreader sideways along x to angle th (rad), at rest, ropes at their
   static stretch for that angle */
static void displace(const hh_model *m, hh_data *d, double th) {
  double L = d->hoist.pos, k = m->sts.rope_ea / L;
  double le = L + m->sts.spreader_mass * m->gravity * cos(th) / (4 * k);
  double pos[3] = {d->gantry.pos + le * sin(th), d->trolley.pos,
                   m->sts.sheave_z - le * cos(th) - m->sts.spreader_half[2]};
  double q[4] = {0, 0, 0, 1}, zero[3] = {0, 0, 0};
  hh_phys_set(d->phys, 0, pos, q, zero, zero);
  d->spreader.pos[0] = pos[0];
}

/* measured small-angle period (s) for rope length L */
static double measure_period(double L) {
  static hh_model m;
  pendulum_model(&m, L);
  hh_data *d = hh_data_make(&m, NULL);
  if (!d) return -1;
  displace(&m, d, 1.0 * kPi / 180);
  hh_controls c = {0};
  double T0 = 2 * kPi * sqrt(L / m.gravity);
  double prev = d->spreader.pos[0] - d->gantry.pos, first = -1, last = -1;
  int crossings = 0;
  long n = (long)(6.3 * T0 * HH_TICK_HZ);
  for (long i = 0; i < n; i++) {
    double t0 = d->time_s;
    hh_step(&m, d, &c);
    double x = d->spreader.pos[0] - d->gantry.pos;
    if ((prev < 0) != (x < 0)) {
      double tc = t0 + m.dt * prev / (prev - x); /* linear interpolation */
      if (first < 0) first = tc;
      last = tc;
      crossings++;
    }
    prev = x;
  }
  hh_data_free(d);
  if (crossings < 3) return -1;
  return 2 * (last - first) / (crossings - 1);
}

/* kinetic + potential + rope elastic energy (J) of the spreader */
static double energy(const hh_model *m, const hh_data *d) {
  const hh_body_state *s = &d->spreader;
  const double *h = m->sts.spreader_half;
  double M = m->sts.spreader_mass;
  double I[3] = {M / 3 * (h[1] * h[1] + h[2] * h[2]), M / 3 * (h[0] * h[0] + h[2] * h[2]),
                 M / 3 * (h[0] * h[0] + h[1] * h[1])};
  /* angular velocity in the body frame: rotate by the conjugate quaternion */
  double qc[4] = {-s->quat[0], -s->quat[1], -s->quat[2], s->quat[3]}, wb[3];
  {
    double x = qc[0], y = qc[1], z = qc[2], w = qc[3], *v = (double *)s->avel;
    double tx = 2 * (y * v[2] - z * v[1]), ty = 2 * (z * v[0] - x * v[2]), tz = 2 * (x * v[1] - y * v[0]);
    wb[0] = v[0] + w * tx + (y * tz - z * ty);
    wb[1] = v[1] + w * ty + (z * tx - x * tz);
    wb[2] = v[2] + w * tz + (x * ty - y * tx);
  }
  double v2 = s->vel[0] * s->vel[0] + s->vel[1] * s->vel[1] + s->vel[2] * s->vel[2];
  double ke = 0.5 * M * v2 + 0.5 * (I[0] * wb[0] * wb[0] + I[1] * wb[1] * wb[1] + I[2] * wb[2] * wb[2]);
  double L = d->hoist.pos, k = m->sts.rope_ea / L, el = 0;
  for (int r = 0; r < 4; r++) {
    double sx = (r & 1) ? m->sts.rope_spread[0] : -m->sts.rope_spread[0];
    double sy = (r & 2) ? m->sts.rope_spread[1] : -m->sts.rope_spread[1];
    double off[3] = {sx, sy, h[2]}, arm[3];
    double x = s->quat[0], y = s->quat[1], z = s->quat[2], w = s->quat[3];
    double tx = 2 * (y * off[2] - z * off[1]), ty = 2 * (z * off[0] - x * off[2]), tz = 2 * (x * off[1] - y * off[0]);
    arm[0] = off[0] + w * tx + (y * tz - z * ty);
    arm[1] = off[1] + w * ty + (z * tx - x * tz);
    arm[2] = off[2] + w * tz + (x * ty - y * tx);
    double dx = d->gantry.pos + sx - s->pos[0] - arm[0];
    double dy = d->trolley.pos + sy - s->pos[1] - arm[1];
    double dz = m->sts.sheave_z - s->pos[2] - arm[2];
    double st = sqrt(dx * dx + dy * dy + dz * dz) - L;
    if (st > 0) el += 0.5 * k * st * st;
  }
  return ke + M * m->gravity * s->pos[2] + el;
}

int main(void) {
  const double Ls[3] = {10, 20, 40};
  for (int i = 0; i < 3; i++) {
    double T = measure_period(Ls[i]), T0 = 2 * kPi * sqrt(Ls[i] / 9.81);
    printf("L = %4.0f m: period %.4f s, 2 pi sqrt(L/g) = %.4f s, error %+.3f %%\n", Ls[i], T, T0,
           100 * (T - T0) / T0);
    CHECK(fabs(T - T0) <= 0.01 * T0);
  }

  /* energy over 60 s of free swing at 5 deg */
  static hh_model m;
  pendulum_model(&m, 20);
  hh_data *d = hh_data_make(&m, NULL);
  CHECK(d != NULL);
  if (d) {
    hh_controls c = {0};
    double e_rest = energy(&m, d);   /* hanging still at equilibrium */
    displace(&m, d, 5.0 * kPi / 180);
    hh_step(&m, d, &c);
    double e0 = energy(&m, d), worst = 0;
    for (int i = 0; i < 60 * HH_TICK_HZ; i++) {
      hh_step(&m, d, &c);
      double e = fabs(energy(&m, d) - e0);
      if (e > worst) worst = e;
    }
    printf("swing energy %.1f J, worst drift %.3f J (%.4f %%)\n", e0 - e_rest, worst,
           100 * worst / (e0 - e_rest));
    CHECK(e0 - e_rest > 1000);                 /* a real swing was measured */
    CHECK(worst < 0.01 * (e0 - e_rest));
    hh_data_free(d);
  }

  /* landed on the quay, rope paid out: slack ropes, spreader still */
  hh_model_defaults(&m);
  fx_box(&m, "quay", HH_ROLE_GROUND, 0, 0, -1, 80, 40, 1);
  m.sts.hoist.start_pos = 40.0;       /* underside ~4.3 m above the quay */
  m.container.pos[1] = 30;            /* the container stands aside on the quay */
  m.container.pos[2] = m.container.half[2];
  d = hh_data_make(&m, NULL);
  CHECK(d != NULL);
  if (d) {
    hh_controls c = {0};
    double start = d->hoist.pos;
    for (int i = 0; i < 20 * HH_TICK_HZ; i++) {
      c.axis[HH_AXIS_HOIST] = d->hoist.pos < start + 5.0 ? -0.3f : 0.0f;
      hh_step(&m, d, &c);
    }
    double v = sqrt(d->spreader.vel[0] * d->spreader.vel[0] + d->spreader.vel[1] * d->spreader.vel[1] +
                    d->spreader.vel[2] * d->spreader.vel[2]);
    printf("landed: rope %.2f m, underside %.4f m, speed %.2e m/s, tensions %g %g %g %g\n",
           d->hoist.pos, d->metric[HH_M_HOIST_HEIGHT], v, d->rope_tension[0], d->rope_tension[1],
           d->rope_tension[2], d->rope_tension[3]);
    CHECK(fabs(d->metric[HH_M_HOIST_HEIGHT]) < 0.01);   /* resting on the quay */
    for (int r = 0; r < 4; r++) CHECK(d->rope_tension[r] == 0.0);
    CHECK(d->metric[HH_M_ROPE_TENSION] == 0.0);
    CHECK(v < 1e-3);
    /* setting the spreader on the quay is one hit; the container standing there from
       the start is none */
    CHECK(d->metric[HH_M_COLLISIONS] == 1);
    hh_data_free(d);
  }
  return hh_test_done("test_physics_pendulum");
}
