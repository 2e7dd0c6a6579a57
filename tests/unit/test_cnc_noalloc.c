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

#include "hh_alloc_count.h"

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
  hh_alloc_calls = 0;
  hh_controls c;
  while (!d->done) {
    hh_pilot_act(&p, &model, d, &c);
    hh_alloc_counting = 1;
    hh_step(&model, d, &c);
    hh_alloc_counting = 0;
  }
  printf("%s: %llu ticks, removed %.2f cm^3, heap calls in hh_step %ld\n", model.id,
         (unsigned long long)d->tick, d->cnc.removed * 1e6, hh_alloc_calls);
  CHECK(d->cnc.program_done);   /* the part really was machined */
  CHECK(d->cnc.removed > 1e-6);
  CHECK(hh_alloc_calls == 0);
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
  hh_alloc_counting = 1;
  for (int i = 0; i < 2 * n + 600; i++) {
    memset(&c, 0, sizeof c);
    c.reserved = i < 2 * n && i % 2 == 0 ? keys[i / 2] : 0;
    hh_step(&model, d, &c);
  }
  hh_alloc_counting = 0;
  printf("%s: MDI %s moved z by %.3f mm, heap calls %ld\n", model.id, block,
         (d->cnc.pos[2] - z0) * 1e3, hh_alloc_calls);
  CHECK(fabs(d->cnc.pos[2] - z0 + 0.005) < 1e-9);
  CHECK(hh_alloc_calls == 0);
  hh_data_free(d);
}

int main(void) {
  hh_alloc_counting = 1; /* the interposition is live */
  void *volatile probe = malloc(32);
  hh_alloc_counting = 0;
  free(probe);
  CHECK(hh_alloc_calls == 1);
  exam(HH_SOURCE_DIR "/scenarios/cnc/mill_exam_plate.lua");
  exam(HH_SOURCE_DIR "/scenarios/cnc/lathe_exam_shaft.lua");
  return hh_test_done("cnc_noalloc");
}
