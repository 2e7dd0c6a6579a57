/* test_mmg_noalloc.c - a whole berthing (marine/berthing under ship_expert) through
 * hh_step makes no heap call. malloc and friends are interposed (forwarding to
 * glibc's __libc_* entry points) and counted only while a flag is up around hh_step.
 */
#include "hh_test.h"
#include "pilot/hh_pilot.h"
#include "script/hh_script.h"
#include <stddef.h>
#include <stdlib.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
extern void *__libc_memalign(size_t, size_t);

static volatile int in_step;      /* up while hh_step runs */
static volatile long step_heap;   /* heap calls seen while it was up */

/* count one heap call if inside a tick */
static void seen(void) {
  if (in_step) step_heap++;
}

void *malloc(size_t n) { seen(); return __libc_malloc(n); }
void *calloc(size_t n, size_t s) { seen(); return __libc_calloc(n, s); }
void *realloc(void *p, size_t n) { seen(); return __libc_realloc(p, n); }
void free(void *p) { if (p) seen(); __libc_free(p); }
void *memalign(size_t a, size_t n) { seen(); return __libc_memalign(a, n); }
void *aligned_alloc(size_t a, size_t n) { seen(); return __libc_memalign(a, n); }
int posix_memalign(void **out, size_t a, size_t n) {
  seen();
  void *p = __libc_memalign(a, n);
  if (!p) return 12; /* ENOMEM */
  *out = p;
  return 0;
}

int main(void) {
  /* the interposition works: a heap call inside the flag is counted */
  in_step = 1;
  void *volatile probe = malloc(16);
  in_step = 0;
  free(probe);
  CHECK(step_heap == 1);
  step_heap = 0;

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
    in_step = 1;
    hh_step(&m, d, &c);
    in_step = 0;
  }
  printf("berthing: %llu ticks (%.0f s), berthed %g, heap calls in hh_step %ld\n",
         (unsigned long long)d->tick, d->time_s, d->metric[HH_M_SHIP_BERTHED], step_heap);
  CHECK(d->metric[HH_M_SHIP_BERTHED] != 0); /* the berthing really happened */
  CHECK(step_heap == 0);
  hh_data_free(d);
  return hh_test_done("mmg_noalloc");
}
