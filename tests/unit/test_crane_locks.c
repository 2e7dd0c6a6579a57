/* test_crane_locks.c - twistlock interlocks on the first-lift scene.
 *
 * 1. LOCK is refused while the spreader hangs in the air.
 * 2. LOCK is refused on a container the spreader landed on 0.15 m off its castings
 *    (landed, not aligned).
 * 3. Aligned and landed, LOCK turns the locks in lock_time; the lift then carries the
 *    container (its height follows the spreader, load_mass includes it, the hoist is
 *    held to its loaded speed).
 * 4. UNLOCK is refused while the container hangs on the spreader.
 * 5. Hoisting off mid-turn raises hoist_unlocked; the locks finish turning in the air
 *    and hold nothing (the container stays on the chassis).
 */
#include "hh_test.h"
#include "hh_crane_fixture.h"

/* run the scripted operator on model fm (the operator's idea of the scene) until it
   reaches phase, at most max ticks */
static void run_to(const hh_model *m, const hh_model *fm, hh_data *d, fx_lift *st, int phase,
                   int max) {
  hh_controls c;
  for (int i = 0; i < max && st->phase < phase; i++) {
    fx_lift_controls(fm, d, st, &c);
    hh_step(m, d, &c);
  }
}

/* hold buttons (sticks still) for n ticks */
static void hold(const hh_model *m, hh_data *d, uint32_t buttons, float hoist, int n) {
  hh_controls c = {0};
  c.buttons = buttons;
  c.axis[HH_AXIS_HOIST] = hoist;
  for (int i = 0; i < n; i++) hh_step(m, d, &c);
}

int main(void) {
  static hh_model m, off;
  fx_first_lift(&m);
  hh_data *d = hh_data_make(&m, NULL);
  CHECK(d != NULL);
  if (!d) return hh_test_done("test_crane_locks");

  /* 1: in the air */
  hold(&m, d, HH_BTN_LOCK, 0, 120);
  CHECK(d->lock == HH_LOCK_UNLOCKED);
  CHECK(d->metric[HH_M_LANDED] == 0 && d->metric[HH_M_UNLOCKED] == 1);

  /* 2: landed 0.15 m off (the operator aims at a container 0.15 m landward) */
  off = m;
  off.container.pos[1] -= 0.15;
  fx_lift st = {0};
  run_to(&m, &off, d, &st, FX_LOCK, 60 * 120);
  CHECK(st.phase == FX_LOCK);
  CHECK(d->metric[HH_M_LANDED] == 1);
  CHECK(d->metric[HH_M_ALIGNED] == 0);
  hold(&m, d, HH_BTN_LOCK, 0, 120);
  CHECK(d->lock == HH_LOCK_UNLOCKED);
  CHECK(d->load_attached == 0);

  /* 3: aligned; lock, then lift */
  hh_data_reset(&m, d, NULL);
  st = (fx_lift){0};
  run_to(&m, &m, d, &st, FX_LOCK, 60 * 120);
  CHECK(st.phase == FX_LOCK);
  CHECK(d->metric[HH_M_LANDED] == 1 && d->metric[HH_M_ALIGNED] == 1);
  hold(&m, d, HH_BTN_LOCK, 0, 1);
  CHECK(d->lock == HH_LOCK_LOCKING);
  CHECK(d->metric[HH_M_LOCKED] == 0 && d->metric[HH_M_UNLOCKED] == 0);
  hold(&m, d, HH_BTN_LOCK, 0, (int)(m.sts.lock_time * HH_TICK_HZ) - 2);
  CHECK(d->lock == HH_LOCK_LOCKING);      /* still turning */
  hold(&m, d, HH_BTN_LOCK, 0, 2);
  CHECK(d->lock == HH_LOCK_LOCKED);
  CHECK(d->metric[HH_M_LOCKED] == 1 && d->load_attached == 1);
  double z0 = d->container.pos[2];
  hold(&m, d, 0, 1.0f, 60 * 4);           /* full hoist up for 4 s */
  double rise = d->container.pos[2] - z0;
  printf("container rose %.2f m in 4 s, hoist speed %.3f m/s, load %.0f kg\n", rise,
         d->metric[HH_M_HOIST_SPEED], d->metric[HH_M_LOAD_MASS]);
  CHECK(rise > 3.0);
  CHECK_NEAR(d->metric[HH_M_HOIST_SPEED], m.sts.hoist.max_speed_loaded, 1e-9);
  CHECK_NEAR(d->metric[HH_M_LOAD_MASS], m.sts.spreader_mass + m.container.mass, 1e-9);
  CHECK(d->metric[HH_M_LOADED] == 1);
  double tension = d->metric[HH_M_ROPE_TENSION], weight = d->metric[HH_M_LOAD_MASS] * m.gravity;
  CHECK(fabs(tension - weight) < 0.1 * weight);
  double gap = (d->spreader.pos[2] - m.sts.spreader_half[2]) - (d->container.pos[2] + m.container.half[2]);
  CHECK(fabs(gap) < 0.02);                /* container hangs right under the spreader */

  /* 4: unlock refused while suspended */
  hold(&m, d, HH_BTN_UNLOCK, 0, 120);
  CHECK(d->lock == HH_LOCK_LOCKED && d->load_attached == 1);
  CHECK(d->metric[HH_M_LOAD_LOST] == 0);

  /* 5: hoist off half-way through the turn */
  hh_data_reset(&m, d, NULL);
  st = (fx_lift){0};
  run_to(&m, &m, d, &st, FX_LOCK, 60 * 120);
  hold(&m, d, HH_BTN_LOCK, 0, (int)(m.sts.lock_time * HH_TICK_HZ) / 2);
  CHECK(d->lock == HH_LOCK_LOCKING && d->metric[HH_M_HOIST_UNLOCKED] == 0);
  int flagged = 0;
  for (int i = 0; i < 60 * 3; i++) {
    hold(&m, d, HH_BTN_LOCK, 1.0f, 1);
    if (d->metric[HH_M_HOIST_UNLOCKED] != 0) flagged++;
  }
  CHECK(flagged > 0);
  CHECK(d->lock == HH_LOCK_LOCKED && d->load_attached == 0);
  CHECK(d->metric[HH_M_LOADED] == 0);
  CHECK_NEAR(d->container.pos[2], m.container.pos[2], 0.01);
  CHECK(d->metric[HH_M_HOIST_HEIGHT] > d->container.pos[2] + 3);
  hh_data_free(d);
  return hh_test_done("test_crane_locks");
}
