/* test_noalloc.c - a whole first lift through hh_step makes no heap call.
 *
 * The test executable interposes malloc, calloc, realloc, free, posix_memalign,
 * aligned_alloc and memalign (forwarding to glibc's __libc_* entry points) and counts
 * the calls made while a flag is set around each hh_step. The lift is flown by the
 * scripted operator of hh_crane_fixture.h: down onto the container, lock, lift,
 * trolley to the ship, lower into the slot between the stowed boxes, unlock, raise.
 */
#include "hh_test.h"
#include "hh_crane_fixture.h"
#include "physics/hh_physics.h"
#include <stddef.h>
#include <stdlib.h>

#include "hh_alloc_count.h"

int main(void) {
  /* the interposition is live: a counted malloc is seen */
  hh_alloc_counting = 1;
  void *volatile probe = malloc(32);
  hh_alloc_counting = 0;
  free(probe);
  CHECK(hh_alloc_calls == 1);
  hh_alloc_calls = 0;

  static hh_model m;
  fx_first_lift(&m);
  hh_error err;
  hh_data *d = hh_data_make(&m, &err);
  CHECK(d != NULL);
  if (!d) return hh_test_done("test_noalloc");
  fx_lift st = {.log = 1};
  hh_controls c;
  long ticks = 0;
  double impact = 0;
  while (st.phase != FX_DONE && ticks < 60L * 600) {
    fx_lift_controls(&m, d, &st, &c);
    hh_alloc_counting = 1;
    hh_step(&m, d, &c);
    hh_alloc_counting = 0;
    ticks++;
    if (st.phase >= FX_SET && d->metric[HH_M_IMPACT_SPEED] > impact) impact = d->metric[HH_M_IMPACT_SPEED];
  }
  printf("lift: %ld ticks (%.1f s), phase %d, collisions %g, offset %.3f m, heap calls %ld\n",
         ticks, ticks / 60.0, st.phase, d->metric[HH_M_COLLISIONS],
         d->metric[HH_M_LANDING_OFFSET], hh_alloc_calls);
  CHECK(st.phase == FX_DONE);               /* the lift really happened */
  CHECK(d->metric[HH_M_TASK_DONE] != 0);
  CHECK(d->metric[HH_M_COLLISIONS] == 0);
  CHECK(d->metric[HH_M_ON_TARGET] != 0);
  CHECK(d->metric[HH_M_LANDING_OFFSET] < m.target.tol);
  printf("set-down impact %.3f m/s\n", impact);
  CHECK(impact > 0 && impact < 0.5);       /* the slot touchdown was seen, gently */
  CHECK(hh_phys_overflow(d->phys) == 0);
  CHECK(hh_alloc_calls == 0);
  hh_data_free(d);
  return hh_test_done("test_noalloc");
}
