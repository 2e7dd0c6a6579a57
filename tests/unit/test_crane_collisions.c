/* test_crane_collisions.c - a deliberate hit on a stowed container is counted once.
 *
 * The empty spreader is brought over the landward stowed container (an OBSTACLE) and
 * lowered onto it: collisions goes 0 -> 1 on the first touching tick and stays 1 while
 * the contact lasts. Raised clear and set down again, it counts a second time. The
 * container, resting on its chassis (a LANDING box) all along, scores nothing.
 */
#include "hh_test.h"
#include "hh_crane_fixture.h"

/* lower the spreader with stick s until collisions exceeds n or max ticks pass;
   returns the ticks taken */
static int lower_until(const hh_model *m, hh_data *d, double over_y, double n, int max) {
  hh_controls c = {0};
  int i = 0;
  for (; i < max && d->metric[HH_M_COLLISIONS] <= n; i++) {
    c.axis[HH_AXIS_TROLLEY] = (float)fx_follow(over_y, d->trolley.pos, d->spreader.pos[1], m->sts.trolley.max_speed);
    c.axis[HH_AXIS_HOIST] = -0.2f;
    hh_step(m, d, &c);
  }
  return i;
}

int main(void) {
  static hh_model m, aim;
  fx_first_lift(&m);
  hh_data *d = hh_data_make(&m, NULL);
  CHECK(d != NULL);
  if (!d) return hh_test_done("test_crane_collisions");
  const hh_box *stow = &m.box[8];
  CHECK(stow->role == HH_ROLE_OBSTACLE && stow->pos[1] == 12.36);

  /* bring the spreader steady over the stowed box (operator aims at a container there) */
  aim = m;
  aim.container.pos[1] = stow->pos[1];
  fx_lift st = {0};
  hh_controls c;
  for (int i = 0; i < 60 * 120 && st.phase == FX_PICK; i++) {
    fx_lift_controls(&aim, d, &st, &c);
    hh_step(&m, d, &c);
  }
  CHECK(st.phase == FX_LOWER);
  CHECK(d->metric[HH_M_COLLISIONS] == 0);

  /* down onto it */
  int t = lower_until(&m, d, stow->pos[1], 0, 60 * 60);
  printf("first hit after %d ticks, underside %.3f m (stowed top %.3f m)\n", t,
         d->metric[HH_M_HOIST_HEIGHT], stow->pos[2] + stow->half[2]);
  CHECK(d->metric[HH_M_COLLISIONS] == 1);
  CHECK(fabs(d->metric[HH_M_HOIST_HEIGHT] - (stow->pos[2] + stow->half[2])) < 0.05);
  /* keep paying out onto it for 2 s: the same contact, not a new collision */
  memset(&c, 0, sizeof c);
  c.axis[HH_AXIS_HOIST] = -0.05f;
  for (int i = 0; i < 120; i++) hh_step(&m, d, &c);
  CHECK(d->metric[HH_M_COLLISIONS] == 1);

  /* raise clear, then set down again */
  c.axis[HH_AXIS_HOIST] = 0.3f;
  for (int i = 0; i < 60 * 4; i++) hh_step(&m, d, &c);
  CHECK(d->metric[HH_M_HOIST_HEIGHT] > stow->pos[2] + stow->half[2] + 1.0);
  CHECK(d->metric[HH_M_COLLISIONS] == 1);
  lower_until(&m, d, stow->pos[1], 1, 60 * 60);
  CHECK(d->metric[HH_M_COLLISIONS] == 2);
  hh_data_free(d);
  return hh_test_done("test_crane_collisions");
}
