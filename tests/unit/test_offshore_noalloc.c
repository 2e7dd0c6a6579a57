/* test_offshore_noalloc.c - a whole offshore lift (marine/offshore_lift under its
 * autopilot, sea, wind, vessel, wire and load chart all running) through hh_step makes
 * no heap call, in the scenario's sea and under an instructor's sea state override. malloc and friends are interposed (forwarding to
 * glibc's __libc_* entry points) and counted only while a flag is up around hh_step.
 */
#include "hh_test.h"
#include "pilot/hh_pilot.h"
#include "script/hh_script.h"
#include "machines/marine/hh_marine.h"
#include <stddef.h>
#include <stdlib.h>

#include "hh_alloc_count.h"

/* run the lift to the end under the autopilot; 1 when the load was lifted off */
static int run_lift(int sea_state) {
  static hh_model m;
  hh_error err = {0};
  if (hh_script_load(HH_SOURCE_DIR "/scenarios/marine/offshore_lift.lua", &m, &err) != HH_OK) {
    hh_error_print(&err, stderr);
    return 0;
  }
  if (sea_state && hh_marine_sea_state_override(&m, sea_state, &err) != HH_OK) {
    hh_error_print(&err, stderr);
    return 0;
  }
  hh_data *d = hh_data_make(&m, &err);
  CHECK(d != NULL);
  if (!d) return 0;
  hh_pilot p;
  CHECK(hh_pilot_init(&p, &m, &err) == HH_OK);
  hh_controls c;
  int lifted = 0;
  while (!d->done && d->time_s < 900.0) {
    hh_pilot_act(&p, &m, d, &c);
    hh_alloc_counting = 1;
    hh_step(&m, d, &c);
    hh_alloc_counting = 0;
    if (d->metric[HH_M_OC_LIFTED] != 0) lifted = 1;
  }
  printf("offshore lift (sea state %d): %llu ticks (%.0f s), lifted %d, landed %g, "
         "heap calls in hh_step so far %ld\n", sea_state, (unsigned long long)d->tick,
         d->time_s, lifted, d->metric[HH_M_OC_LANDED], hh_alloc_calls);
  hh_data_free(d);
  return lifted;
}

int main(void) {
  /* the interposition works: a heap call inside the flag is counted */
  hh_alloc_counting = 1;
  void *volatile probe = malloc(16);
  hh_alloc_counting = 0;
  free(probe);
  CHECK(hh_alloc_calls == 1);
  hh_alloc_calls = 0;

  CHECK(run_lift(0) == 1); /* the lift really happened */
  CHECK(run_lift(4) == 1);
  CHECK(hh_alloc_calls == 0);
  return hh_test_done("offshore_noalloc");
}
