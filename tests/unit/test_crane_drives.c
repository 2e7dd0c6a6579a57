/* test_crane_drives.c - drive speeds, accelerations, travel limits and the e-stop.
 *
 * Each drive is pushed at full stick into each travel limit: speed never exceeds its
 * maximum, changes by at most accel * dt per tick, the position never leaves the
 * limits, and the drive ends stopped exactly at the limit. The latched emergency stop
 * brakes a moving trolley at its acceleration and keeps every drive still afterwards.
 */
#include "hh_test.h"
#include "hh_crane_fixture.h"

/* drive one axis with a constant stick for n ticks, checking its limits each tick;
   returns the top speed reached */
static double push(const hh_model *m, hh_data *d, int axis, float stickv, int n,
                   const hh_drive *dr, const hh_drive_state *st, double vmax) {
  hh_controls c = {0};
  c.axis[axis] = stickv;
  double top = 0;
  int bad_acc = 0, bad_speed = 0, bad_pos = 0;
  for (int i = 0; i < n; i++) {
    double v0 = st->speed;
    hh_step(m, d, &c);
    if (fabs(st->speed - v0) > dr->accel * m->dt * (1 + 1e-9)) bad_acc++;
    if (fabs(st->speed) > vmax * (1 + 1e-12)) bad_speed++;
    if (st->pos < dr->min_pos || st->pos > dr->max_pos) bad_pos++;
    if (fabs(st->speed) > top) top = fabs(st->speed);
  }
  CHECK(bad_acc == 0);
  CHECK(bad_speed == 0);
  CHECK(bad_pos == 0);
  return top;
}

int main(void) {
  static hh_model m;
  hh_model_defaults(&m);
  m.time_limit_s = 1e6;
  const hh_sts_params *p = &m.sts;
  hh_data *d = hh_data_make(&m, NULL);
  CHECK(d != NULL);
  if (!d) return hh_test_done("test_crane_drives");

  /* trolley seaward into its limit, then landward into the other */
  double top = push(&m, d, HH_AXIS_TROLLEY, 1.0f, 60 * 40, &p->trolley, &d->trolley, p->trolley.max_speed);
  CHECK_NEAR(top, p->trolley.max_speed, 1e-9);
  CHECK(d->trolley.pos == p->trolley.max_pos);
  CHECK(d->trolley.speed == 0.0);
  CHECK_NEAR(d->metric[HH_M_TROLLEY_POS], p->trolley.max_pos, 0);
  push(&m, d, HH_AXIS_TROLLEY, -1.0f, 60 * 40, &p->trolley, &d->trolley, p->trolley.max_speed);
  CHECK(d->trolley.pos == p->trolley.min_pos);
  CHECK(d->trolley.speed == 0.0);

  /* half stick: half speed */
  top = push(&m, d, HH_AXIS_TROLLEY, 0.5f, 60 * 10, &p->trolley, &d->trolley, p->trolley.max_speed);
  CHECK_NEAR(top, 0.5 * p->trolley.max_speed, 1e-9);
  CHECK_NEAR(d->metric[HH_M_TROLLEY_SPEED], 0.5 * p->trolley.max_speed, 1e-9);

  /* gantry both ways */
  top = push(&m, d, HH_AXIS_GANTRY, -1.0f, 60 * 160, &p->gantry, &d->gantry, p->gantry.max_speed);
  CHECK_NEAR(top, p->gantry.max_speed, 1e-9);
  CHECK(d->gantry.pos == p->gantry.min_pos);
  CHECK(d->gantry.speed == 0.0);
  push(&m, d, HH_AXIS_GANTRY, 1.0f, 60 * 160, &p->gantry, &d->gantry, p->gantry.max_speed);
  CHECK(d->gantry.pos == p->gantry.max_pos);

  /* hoist: + stick shortens the rope (raises) to min_pos, - pays out to max_pos */
  top = push(&m, d, HH_AXIS_HOIST, 1.0f, 60 * 20, &p->hoist, &d->hoist, p->hoist.max_speed);
  CHECK_NEAR(top, p->hoist.max_speed, 1e-9);
  CHECK(d->hoist.pos == p->hoist.min_pos);
  push(&m, d, HH_AXIS_HOIST, -1.0f, 60 * 40, &p->hoist, &d->hoist, p->hoist.max_speed);
  CHECK(d->hoist.pos == p->hoist.max_pos);
  CHECK(d->hoist.speed == 0.0);

  /* e-stop: trolley moving at full speed brakes at its acceleration, then stays still */
  hh_data_reset(&m, d, NULL);
  hh_controls c = {0};
  c.axis[HH_AXIS_TROLLEY] = 1.0f;
  for (int i = 0; i < 60 * 10; i++) hh_step(&m, d, &c);
  CHECK_NEAR(d->trolley.speed, p->trolley.max_speed, 1e-9);
  c.buttons = HH_BTN_ESTOP;
  hh_step(&m, d, &c);
  CHECK(d->estop == 1);
  c.buttons = 0;                     /* released: the stop stays latched */
  c.axis[HH_AXIS_GANTRY] = 1.0f;
  c.axis[HH_AXIS_HOIST] = 1.0f;
  int ticks = 1;
  while (d->trolley.speed > 0 && ticks < 60 * 60) { hh_step(&m, d, &c); ticks++; }
  double expect = p->trolley.max_speed / p->trolley.accel * HH_TICK_HZ; /* 8 s */
  CHECK(fabs(ticks - expect) <= 1.0);
  for (int i = 0; i < 60 * 5; i++) hh_step(&m, d, &c);
  CHECK(d->trolley.speed == 0.0 && d->gantry.speed == 0.0 && d->hoist.speed == 0.0);
  hh_data_free(d);
  return hh_test_done("test_crane_drives");
}
