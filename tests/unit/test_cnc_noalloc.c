/* test_cnc_noalloc.c - the whole milling and turning exams through hh_step make no heap
 * call (the stock is allocated in attach, the program was interpreted at load time).
 * malloc and friends are interposed and counted while a flag is set around hh_step. */
#include "hh_test.h"
#include "machines/cnc/hh_cnc.h"
#include "pilot/hh_pilot.h"
#include "script/hh_script.h"
#include <stddef.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
extern void *__libc_memalign(size_t, size_t);

static volatile int counting;    /* set around hh_step */
static volatile long heap_calls; /* heap calls made while counting */

/* count a call when the flag is set */
static void note(void) {
  if (counting) heap_calls++;
}

void *malloc(size_t n) { note(); return __libc_malloc(n); }
void *calloc(size_t n, size_t s) { note(); return __libc_calloc(n, s); }
void *realloc(void *p, size_t n) { note(); return __libc_realloc(p, n); }
void free(void *p) { if (p) note(); __libc_free(p); }
void *memalign(size_t a, size_t n) { note(); return __libc_memalign(a, n); }
void *aligned_alloc(size_t a, size_t n) { note(); return __libc_memalign(a, n); }
int posix_memalign(void **out, size_t a, size_t n) {
  note();
  void *p = __libc_memalign(a, n);
  if (!p) return 12; /* ENOMEM */
  *out = p;
  return 0;
}

static hh_model model;

/* run a scenario's autopilot counting heap calls inside hh_step */
static void exam(const char *path) {
  hh_error err = {0};
  if (hh_script_load(path, &model, &err) != HH_OK) {
    hh_error_print(&err, stderr);
    hh_test_failures++;
    return;
  }
  hh_data *d = hh_data_make(&model, &err);
  hh_pilot p;
  CHECK(d && hh_pilot_init(&p, &model, &err) == HH_OK);
  if (!d) return;
  heap_calls = 0;
  hh_controls c;
  while (!d->done) {
    hh_pilot_act(&p, &model, d, &c);
    counting = 1;
    hh_step(&model, d, &c);
    counting = 0;
  }
  printf("%s: %llu ticks, removed %.2f cm^3, heap calls in hh_step %ld\n", model.id,
         (unsigned long long)d->tick, d->cnc.removed * 1e6, heap_calls);
  CHECK(d->cnc.program_done);   /* the part really was machined */
  CHECK(d->cnc.removed > 1e-6);
  CHECK(heap_calls == 0);
  /* an MDI block typed on the panel goes through the interpreter without heap calls */
  const char *block = hh_cnc_is_lathe(&model) ? "G0 W-5." : "G91 G0 Z-5.";
  unsigned keys[32];
  int n = 0;
  keys[n++] = HH_CNC_KEY_MDI;
  for (const char *q = block; *q; q++) keys[n++] = (unsigned char)*q;
  keys[n++] = HH_CNC_KEY_CYCLE_START;
  hh_data_free(d);
  d = hh_data_make(&model, &err); /* a fresh machine: reference return, then MDI */
  if (!d) return;
  memset(&c, 0, sizeof c);
  c.reserved = HH_CNC_KEY_REF;
  hh_step(&model, d, &c);
  c.reserved = 0;
  for (int a = 2; a >= 0; a--) {
    c.axis[0] = c.axis[1] = c.axis[2] = 0;
    c.axis[a] = 1.0f;
    for (int i = 0; i < 3600 && !d->cnc.referenced[a] && !(a == 1 && hh_cnc_is_lathe(&model)); i++)
      hh_step(&model, d, &c);
  }
  double z0 = d->cnc.pos[2];
  counting = 1;
  for (int i = 0; i < 2 * n + 600; i++) {
    memset(&c, 0, sizeof c);
    c.reserved = i < 2 * n && i % 2 == 0 ? keys[i / 2] : 0;
    hh_step(&model, d, &c);
  }
  counting = 0;
  printf("%s: MDI %s moved z by %.3f mm, heap calls %ld\n", model.id, block,
         (d->cnc.pos[2] - z0) * 1e3, heap_calls);
  CHECK(fabs(d->cnc.pos[2] - z0 + 0.005) < 1e-9);
  CHECK(heap_calls == 0);
  hh_data_free(d);
}

int main(void) {
  counting = 1; /* the interposition is live */
  void *volatile probe = malloc(32);
  counting = 0;
  free(probe);
  CHECK(heap_calls == 1);
  exam(HH_SOURCE_DIR "/scenarios/cnc/mill_exam_plate.lua");
  exam(HH_SOURCE_DIR "/scenarios/cnc/lathe_exam_shaft.lua");
  return hh_test_done("cnc_noalloc");
}
