/* test_mmg_noalloc.c - a whole berthing (marine/berthing under ship_expert) through
 * hh_step makes no heap call. malloc and friends are interposed (forwarding to
 * glibc's __libc_* entry points) and counted only while a flag is up around hh_step.
 */
#include "hh_test.h"
#include "pilot/hh_pilot.h"
#include "script/hh_script.h"
#include <stddef.h>
#include <stdlib.h>

#include "hh_alloc_count.h"

int main(void) {
  /* the interposition works: a heap call inside the flag is counted */
  hh_alloc_counting = 1;
  void *volatile probe = malloc(16);
  hh_alloc_counting = 0;
  free(probe);
  CHECK(hh_alloc_calls == 1);
  hh_alloc_calls = 0;

  static hh_model m;
  hh_error err = {0};
  if (hh_script_load(HH_SOURCE_DIR "/scenarios/marine/berthing.lua", &m, &err) != HH_OK) {
    hh_error_print(&err, stderr);
    return 1;
  }
  hh_data *d = hh_data_make(&m, &err);
  CHECK(d != NULL);
  if (!d) return hh_test_done("mmg_noalloc");
  hh_pilot p;
  CHECK(hh_pilot_init(&p, &m, &err) == HH_OK);
  hh_controls c;
  while (!d->done) {
    hh_pilot_act(&p, &m, d, &c);
    hh_alloc_counting = 1;
    hh_step(&m, d, &c);
    hh_alloc_counting = 0;
  }
  printf("berthing: %llu ticks (%.0f s), berthed %g, heap calls in hh_step %ld\n",
         (unsigned long long)d->tick, d->time_s, d->metric[HH_M_SHIP_BERTHED], hh_alloc_calls);
  CHECK(d->metric[HH_M_SHIP_BERTHED] != 0); /* the berthing really happened */
  CHECK(hh_alloc_calls == 0);
  hh_data_free(d);
  return hh_test_done("mmg_noalloc");
}
